"""Run settings: the account, time zone, start date and per-table choices, from an optional
`acx.toml` plus environment variables. Secrets are held here and nowhere else."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import tomllib

from engine.errors import ConfigError
from engine.spec import Spec

DEFAULT_CONFIG = "acx.toml"
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


@dataclass(frozen=True)
class TableSettings:
    mode: str | None = None
    update_window_days: int | None = None
    start_date: datetime | None = None


@dataclass(frozen=True)
class Settings:
    api_url: str
    api_key: str = field(repr=False)
    timezone: ZoneInfo = ZoneInfo("UTC")
    start_date: datetime | None = None
    requests_per_second: float | None = None
    tables: dict[str, TableSettings] = field(default_factory=dict)
    targets: dict[str, dict[str, Any]] = field(default_factory=dict)
    # the environment these settings were read from: destinations read their own variables
    # (ACX_POSTGRES_DSN, SNOWFLAKE_*, a target's dsn_env) from it
    env: Mapping[str, str] = field(default_factory=lambda: os.environ, repr=False, compare=False)

    def table(self, key: str) -> TableSettings:
        return self.tables.get(key, TableSettings())


def read_config_file(path: str | None) -> dict[str, Any]:
    """The TOML config, or {} when no file was named and none sits in the working directory."""
    target = Path(path or DEFAULT_CONFIG)
    if not target.exists():
        if path:
            raise ConfigError(f"config file {path} not found")
        return {}
    try:
        return tomllib.loads(target.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{target}: not valid TOML: {exc}") from None


def load_settings(
    spec: Spec, config_path: str | None = None, env: Mapping[str, str] | None = None
) -> Settings:
    env = os.environ if env is None else env
    raw = read_config_file(config_path)
    source = raw.get("source", {})
    url = env.get(spec.source.base_url_env) or source.get("api_url")
    if not url:
        raise ConfigError(
            f"no account URL: set {spec.source.base_url_env} or source.api_url in {DEFAULT_CONFIG}"
        )
    key = env.get(spec.source.auth_env) or _key_from_config(source, env)
    if not key:
        raise ConfigError(f"no API key: set {spec.source.auth_env} (Settings > Developer)")
    return Settings(
        api_url=check_url(url),
        api_key=key,
        timezone=_zone(env.get("ACX_TIMEZONE") or source.get("timezone", "UTC")),
        start_date=parse_moment(source.get("start_date"), "source.start_date"),
        requests_per_second=_rate(
            env.get("ACX_REQUESTS_PER_SECOND") or source.get("requests_per_second")
        ),
        tables=_tables(raw.get("tables", {}), spec),
        targets=raw.get("targets", {}),
        env=env,
    )


def _key_from_config(source: dict[str, Any], env: Mapping[str, str]) -> str | None:
    """Keys live in the environment; the config may only name which variable holds it."""
    if "api_key" in source:
        raise ConfigError("do not write the API key into the config file; use api_key_env")
    name = source.get("api_key_env")
    return env.get(name) if name else None


def check_url(url: str) -> str:
    """https only, except for loopback (the local sandbox)."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError(f"account URL {url!r} is not an http(s) URL")
    if parts.scheme == "http" and parts.hostname not in LOOPBACK:
        raise ConfigError(
            f"account URL {parts.scheme}://{parts.hostname} is not https",
            "only loopback addresses may use plain http",
        )
    return url.strip().rstrip("/")


def parse_moment(value: Any, where: str) -> datetime | None:
    """A start date from config: a TOML date/datetime or an ISO string; naive means UTC."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        moment = datetime(value.year, value.month, value.day)
    else:
        try:
            moment = datetime.fromisoformat(str(value))
        except ValueError:
            raise ConfigError(f"{where}: {value!r} is not a date (use YYYY-MM-DD)") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(
            f"unknown time zone {name!r} (use an IANA name like America/New_York)"
        ) from None


def _rate(value: Any) -> float | None:
    if value in (None, ""):
        return None
    try:
        rate = float(value)
    except (TypeError, ValueError):
        raise ConfigError(f"requests_per_second {value!r} is not a number") from None
    if rate <= 0:
        raise ConfigError("requests_per_second must be positive")
    return rate


def _tables(raw: dict[str, Any], spec: Spec) -> dict[str, TableSettings]:
    out = {}
    for key, item in raw.items():
        if key not in spec.keys:
            raise ConfigError(f"config [tables.{key}]: no such table in {spec.path}")
        mode = item.get("mode")
        if mode not in (None, "full", "incremental"):
            raise ConfigError(f"config [tables.{key}] mode {mode!r}: use full or incremental")
        window = item.get("update_window_days")
        if window is not None and (not isinstance(window, int) or window < 0):
            raise ConfigError(
                f"config [tables.{key}] update_window_days must be a whole number >= 0"
            )
        out[key] = TableSettings(
            mode=mode,
            update_window_days=window,
            start_date=parse_moment(item.get("start_date"), f"tables.{key}.start_date"),
        )
    return out
