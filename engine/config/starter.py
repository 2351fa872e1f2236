"""`acx init`: a commented acx.toml to start from, derived from the spec (which tables may choose
their mode, which have an update window) and from the keys schemas/config.schema.json allows.
The API key is never written: only the name of the variable that holds it."""

from __future__ import annotations

import json
import os
from pathlib import Path

from engine.config.settings import DEFAULT_CONFIG, check_url
from engine.errors import ConfigError
from engine.spec import Spec, Stream

EXAMPLE_START = "2024-01-01"


def write_config(
    spec: Spec, path: str | Path = DEFAULT_CONFIG, force: bool = False, api_url: str | None = None
) -> Path:
    """Write the file; an existing one is kept unless `force`."""
    target = Path(path)
    text = config_text(spec, api_url)
    try:
        with target.open("w" if force else "x", encoding="utf-8") as f:
            f.write(text)
    except FileExistsError:
        raise ConfigError(
            f"{target} exists; nothing written", "use --force to replace it"
        ) from None
    except OSError as exc:
        raise ConfigError(f"cannot write {target}: {exc.strerror}") from None
    return target


def next_steps(spec: Spec, path: Path) -> list[str]:
    src = spec.source
    return [
        f"wrote {path}",
        f"next: export {src.auth_env} (and {src.base_url_env}, or set api_url in {path.name}), "
        f"then: acx check {shown(spec.path)}",
    ]


def config_text(spec: Spec, api_url: str | None = None) -> str:
    src = spec.source
    name = Path(spec.path).stem or "acx"
    url_line = '# api_url = "https://youraccount.example.com"'
    if api_url:
        url_line = f"api_url = {_s(check_url(api_url))}"
    docs = [f"# API reference: {src.docs}"] if src.docs else []
    lines = [
        f"# acx settings for {src.title}, written by `acx init` from {shown(spec.path)}.",
        "# `acx run` reads ./acx.toml, or the file given with --config. Lines that start with",
        '# "# key =" or "# [table]" are examples: remove the "# " to use one.',
        "",
        "[source]",
        f"# The account URL; {src.base_url_env}, when set, wins over it.",
        *docs,
        url_line,
        "",
        "# The API key is never written here. acx reads it from the environment variable named",
        f"# here (export {src.auth_env}=...); it is never logged or recorded.",
        f"api_key_env = {_s(src.auth_env)}",
        "",
        "# The IANA zone in which the API writes timestamps without an offset. Unset: acx finds",
        "# it from the data (the same instant written with and without an offset).",
        "# --timezone and ACX_TIMEZONE, when set, win over it.",
        '# timezone = "America/New_York"',
        "",
        "# Where the first incremental run of a table starts reading (its read start date);",
        "# later runs go on from their savepoint. Default: from the beginning.",
        f"# start_date = {EXAMPLE_START}",
        "",
        f"# Requests per second: the API allows {src.requests_per_second:g} per account, shared by",
        "# every integration of the account; lower it to leave them room.",
        "# ACX_REQUESTS_PER_SECOND, when set, wins over it.",
        f"# requests_per_second = {src.requests_per_second:g}",
        "",
        *_tables(spec),
        *_targets(name),
    ]
    return "\n".join(lines).rstrip() + "\n"


def _tables(spec: Spec) -> list[str]:
    """An example [tables.X] per table with a choice: its mode, its update window, how often
    it is reconciled."""
    chosen = [
        s for s in spec.streams if not s.fed and (_selectable(s) or _window(s) or _reconciled(s))
    ]
    if not chosen:
        return []
    out = [
        "# Per table, by key (see `acx streams`): the tables below have a mode to choose, an",
        "# update window or a reconciliation (a whole read that finds deleted rows). Any",
        "# incremental table may also set its own start_date. Any table may keep every version",
        "# of its rows (history = true), or remove deleted rows instead of marking them",
        '# _acx_deleted_at (deletes = "hard").',
        "",
    ]
    for s in chosen:
        out.append(f"# [tables.{s.key}]")
        if _selectable(s):
            default = s.replication.mode or "full"
            other = "full" if default == "incremental" else "incremental"
            out.append(f'# mode = "{other}"  # default {default}; the spec lets this table choose')
        if _window(s):
            days = s.replication.update_window_days
            out.append(
                f"# each run re-reads what changed in the {_days(days)} before the savepoint "
                "(default)"
            )
            out.append(f"# update_window_days = {days}")
        if _reconciled(s):
            every = s.replication.reconcile_days
            out.append(
                f"# a whole read every {_days(every or 0)} finds rows deleted in ActiveCampaign "
                "(default); 0: every run; false: never"
            )
            out.append(f"# reconcile_days = {every}")
        out.append("")
    return out


def _targets(name: str) -> list[str]:
    """[targets.NAME] for `--dest postgres:pg` and `--dest snowflake:sf`, with the keys
    engine/load/postgres.py and snowflake.py accept (secrets by variable name only)."""
    return [
        "# Named destinations: `acx run SPEC --dest postgres:pg` or `--dest snowflake:sf`.",
        "# Used only when named; delete the ones you do not need. Secrets are never written",
        "# here: *_env keys hold the name of an environment variable.",
        "",
        "[targets.pg]",
        'type = "postgres"',
        "# a libpq DSN (host=H dbname=D user=U) or postgresql:// URL, read from this variable;",
        "# the password may also come from PGPASSWORD or ~/.pgpass",
        'dsn_env = "ACX_PG_DSN"',
        f"schema = {_s(name)}",
        "",
        "[targets.sf]",
        'type = "snowflake"',
        'account = "myorg-myaccount"  # the account identifier',
        'user = "ACX_LOADER"',
        "# sign in with a password read from this variable, or with a key pair: then replace",
        "# password_env by private_key_file (and private_key_passphrase_env if it is encrypted)",
        'password_env = "SNOWFLAKE_PASSWORD"',
        '# private_key_file = "~/.snowflake/acx_loader.p8"',
        '# private_key_passphrase_env = "SNOWFLAKE_PRIVATE_KEY_PASSPHRASE"',
        'database = "RAW"  # created if missing (needs the privilege)',
        f"schema = {_s(name.upper())}",
        'warehouse = "LOADING"',
        'role = "ACX_LOADER"',
    ]


def shown(path: str) -> str:
    """A path relative to the working directory when it is below it."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def _selectable(s: Stream) -> bool:
    return s.replication.selectable


def _window(s: Stream) -> bool:
    return s.replication.mode == "incremental" and s.replication.update_window_days > 0


def _reconciled(s: Stream) -> bool:
    return s.replication.reconcile_days is not None


def _days(n: int) -> str:
    return "day" if n == 1 else f"{n} days"


def _s(text: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's)."""
    return json.dumps(text)
