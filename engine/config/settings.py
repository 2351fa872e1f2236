"""Run settings: the account, time zone, request rate, start date and per-table choices, from an
optional `acx.toml` plus environment variables and flags. Secrets are held here and nowhere else.
The file is checked first (engine/config/check.py): every problem at once, with its line.

This is the one place that decides which source wins (a flag over the environment over acx.toml
over the spec): `load_settings` resolves every value once, and everything below reads the
resolved `Settings`, never the file or `os.environ` again. Destinations read their own variables
(ACX_POSTGRES_DSN, SNOWFLAKE_*, a target's `dsn_env`) from `Settings.env`, and their
`[targets.NAME]` table through `named_target`, the one rule for named destinations."""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo

from engine.config.check import (
    ONE_OF,
    SECRETS,
    check,
    check_key,
    check_url,
    closest,
    did_you_mean,
    env_warnings,
    parse_moment,
    target_keys,
    zone,
)
from engine.config.tomlsrc import locate
from engine.errors import ConfigError, ConfigFileError
from engine.redact import register
from engine.spec import Spec, Stream
from engine.spec.yamlsrc import Located

DEFAULT_CONFIG = "acx.toml"
TIMEZONE_ENV = "ACX_TIMEZONE"
RATE_ENV = "ACX_REQUESTS_PER_SECOND"

# How a table is read: `full` (everything, then the table is replaced) or `incremental` (what
# changed since the savepoint, merged on the key). The spec gives each root table its mode;
# [tables.X] mode in acx.toml may choose the other one where the spec lets it.
ReplicationMode = Literal["full", "incremental"]

__all__ = [
    "DEFAULT_CONFIG",
    "ReplicationMode",
    "Settings",
    "TableSettings",
    "check_url",
    "env_of",
    "load_settings",
    "named_target",
    "table_settings",
    "read_config_file",
    "warning_lines",
]


@dataclass(frozen=True)
class TableSettings:
    mode: ReplicationMode | None = None
    update_window_days: int | None = None
    start_date: datetime | None = None
    deletes: str | None = None  # soft | hard; None: the spec's
    reconcile_days: int | Literal[False] | None = None  # False: never; None: the spec's
    history: bool | None = None  # keep every version (the table and those it feeds)


@dataclass(frozen=True)
class Settings:
    api_url: str
    api_key: str = field(repr=False)
    # the zone the user chose (None: none chosen) and where it came from: "--timezone",
    # "ACX_TIMEZONE" or "acx.toml source.timezone"
    timezone: ZoneInfo | None = None
    timezone_origin: str | None = None
    start_date: datetime | None = None
    # the requests/second acx allows itself: ACX_REQUESTS_PER_SECOND, else acx.toml
    # source.requests_per_second, else the spec's rate_limit. Settings made by hand (tests, which
    # send nothing through a rate limiter) have no limit.
    requests_per_second: float = math.inf
    tables: dict[str, TableSettings] = field(default_factory=dict)
    targets: dict[str, dict[str, Any]] = field(default_factory=dict)
    # the environment these settings were read from: destinations read their own variables
    # (ACX_POSTGRES_DSN, SNOWFLAKE_*, a target's dsn_env) from it
    env: Mapping[str, str] = field(default_factory=lambda: os.environ, repr=False, compare=False)
    # said once before a run, as `acx: warning: ...` (an ACX_* variable acx does not read)
    warnings: tuple[str, ...] = ()

    def table(self, key: str) -> TableSettings:
        return self.tables.get(key, TableSettings())

    def window(self, stream: Stream) -> int:
        """Days an incremental read of `stream` goes back before its savepoint: [tables.X]
        update_window_days, else the spec's."""
        days = self.table(stream.key).update_window_days
        return stream.replication.update_window_days if days is None else days

    def deletes(self, stream: Stream) -> str:
        """soft or hard: [tables.X] deletes, else the spec's."""
        return self.table(stream.key).deletes or stream.replication.deletes

    def reconcile_days(self, stream: Stream) -> int | None:
        """Days between reconciliations of an incremental table (None: never): [tables.X]
        reconcile_days, else the spec's."""
        days = self.table(stream.key).reconcile_days
        if days is False:
            return None
        return stream.replication.reconcile_days if days is None else days

    def applied(self, spec: Spec) -> Spec:
        """The spec with the [tables.X] choices that shape tables: `history` (on X and the
        tables filled from its responses)."""
        streams = []
        for s in spec.streams:
            chosen = self.table(spec.root_of(s).key).history
            streams.append(s if chosen is None else replace(s, history=chosen))
        return replace(spec, streams=tuple(streams))

    def start(self, key: str) -> datetime | None:
        """Where the first incremental read of table `key` starts: [tables.X] start_date, else
        source.start_date (None: from the beginning)."""
        return self.table(key).start_date or self.start_date


def _environment(env: Mapping[str, str] | None) -> Mapping[str, str]:
    """The environment given, else the process's."""
    return os.environ if env is None else env


def env_of(settings: Any) -> Mapping[str, str]:
    """The environment `settings` were read from (Settings.env), for a destination's own
    variables; the process's when a destination is made without settings."""
    return _environment(getattr(settings, "env", None))


def named_target(targets: Mapping[str, Any] | None, name: str, kind: str) -> dict[str, Any]:
    """`[targets.NAME]` for `--dest KIND:NAME`, by the rules the config file is checked with
    (engine/config/check.py), for every destination alike: the table exists (else a
    did-you-mean), has `type = KIND`, writes no secret, gives exactly one of the pair the
    destination reads, and holds only the keys of its type in schemas/config.schema.json. A file
    load_settings read passed those checks already; settings made by hand meet them here."""
    targets = targets or {}
    where = f"[targets.{name}]"
    if name not in targets:
        close = closest(name, list(targets))
        known = ", ".join(sorted(targets)) or "none"
        raise ConfigError(
            f"--dest {kind}:{name}: no target '{name}' in {DEFAULT_CONFIG}",
            f"did you mean '{close}'?"
            if close
            else f"no {where} table; defined targets: {known}; or use --dest {kind} with its "
            "environment variables",
        )
    item = targets[name]
    found = item.get("type") if isinstance(item, Mapping) else None
    if found != kind:
        other = isinstance(found, str) and bool(target_keys(found))
        hint = f"use --dest {found}:{name}" if other else f'add type = "{kind}"'
        raise ConfigError(f"{where} has type {found!r}, not {kind!r}", hint)
    for key in item:
        if (kind, key) in SECRETS:
            raise ConfigError(
                f"{where}: do not write the {key} into the config file", SECRETS[kind, key][1]
            )
    keys = target_keys(kind)
    unknown = [
        did_you_mean(f"unknown key '{k}'", k, keys, f"valid keys: {', '.join(keys)}")
        for k in item
        if k not in keys
    ]
    if unknown:
        raise ConfigError(f"{where}: {'; '.join(unknown)}")
    if kind in ONE_OF and sum(key in item for key in ONE_OF[kind]) != 1:
        raise ConfigError(f"{where}: give exactly one of {' and '.join(ONE_OF[kind])}")
    return dict(item)


def warning_lines(settings: Settings) -> list[str]:
    """The settings' warnings as printed before a run, once each."""
    return [f"acx: warning: {w}" for w in dict.fromkeys(settings.warnings)]


def read_config_file(path: str | None, spec: Spec | None = None) -> dict[str, Any]:
    """The TOML config, or {} when no file was named and none sits in the working directory.
    Checked against the schema (and, given the spec, its table names): a ConfigFileError lists
    every problem."""
    located = _read(path)
    if located is None:
        return {}
    if spec is not None:
        check(located, spec)
    return dict(located.data)


def _read(path: str | None) -> Located | None:
    target = Path(path or DEFAULT_CONFIG)
    if not target.exists():
        if path:
            raise ConfigError(f"config file {path} not found")
        return None
    try:
        text = target.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ConfigFileError([f"{target}:1: not UTF-8 text"]) from None
    except OSError as exc:
        raise ConfigError(f"cannot read {target}: {exc.strerror}") from None
    return locate(text, str(target))


def load_settings(
    spec: Spec,
    config_path: str | None = None,
    env: Mapping[str, str] | None = None,
    timezone: str | None = None,
) -> Settings:
    """Settings from the config file, the environment and the flags, over the spec's own values;
    `timezone` is the --timezone flag, which wins over ACX_TIMEZONE, which wins over
    source.timezone. ACX_REQUESTS_PER_SECOND wins over source.requests_per_second, which wins
    over the spec's rate_limit."""
    env = _environment(env)
    raw = read_config_file(config_path, spec)
    source = raw.get("source", {})
    url = env.get(spec.source.base_url_env) or source.get("api_url")
    if not url:
        raise ConfigError(
            f"no account URL: set {spec.source.base_url_env} or source.api_url in {DEFAULT_CONFIG}"
        )
    name = source.get("api_key_env")
    variable = spec.source.auth_env if env.get(spec.source.auth_env) else name
    key = env.get(variable) if variable else None
    if not key:
        raise ConfigError(f"no API key: set {spec.source.auth_env} (Settings > Developer)")
    register(key)  # before anything can print it, even a key about to be refused
    check_key(key, str(variable))
    zone_info, origin = _chosen_zone(
        timezone, env, source, str(Path(config_path or DEFAULT_CONFIG))
    )
    return Settings(
        api_url=check_url(url),
        api_key=key,
        timezone=zone_info,
        timezone_origin=origin,
        start_date=parse_moment(source.get("start_date")),
        requests_per_second=_rate(env.get(RATE_ENV) or source.get("requests_per_second"))
        or spec.source.requests_per_second,
        tables=table_settings(raw.get("tables", {})),
        targets=raw.get("targets", {}),
        env=env,
        warnings=tuple(env_warnings(env, spec, raw)),
    )


def _chosen_zone(
    flag: str | None, env: Mapping[str, str], source: dict[str, Any], file: str
) -> tuple[ZoneInfo | None, str | None]:
    """The zone the user set, first of: the flag, the variable, the file; else (None, None).
    The file's value was checked with the file."""
    if flag is not None:  # an empty flag is a mistake; an empty variable is an unset one
        return zone(flag, "--timezone"), "--timezone"
    for value, origin in (
        (env.get(TIMEZONE_ENV), TIMEZONE_ENV),
        (source.get("timezone"), f"{file} source.timezone"),
    ):
        if value:
            return zone(str(value), origin), origin
    return None, None


def _rate(value: Any) -> float | None:
    if value in (None, ""):
        return None
    try:
        rate = float(value)
    except (TypeError, ValueError):
        raise ConfigError(f"{RATE_ENV} {value!r} is not a number") from None
    if not 0 < rate < math.inf:
        raise ConfigError(f"{RATE_ENV} must be a number greater than 0, not {value}")
    return rate


def table_settings(raw: dict[str, Any]) -> dict[str, TableSettings]:
    """[tables.X] as checked with the file (names, modes and windows)."""
    return {
        key: TableSettings(
            mode=item.get("mode"),
            update_window_days=_whole(item.get("update_window_days")),
            start_date=parse_moment(item.get("start_date")),
            deletes=item.get("deletes"),
            reconcile_days=_reconcile(item.get("reconcile_days")),
            history=item.get("history"),
        )
        for key, item in raw.items()
    }


def _reconcile(value: Any) -> int | Literal[False] | None:
    return False if value is False else _whole(value)


def _whole(value: Any) -> int | None:
    return None if value is None else int(value)  # TOML 7.0 passes the schema as an integer
