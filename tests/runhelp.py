"""Helpers for tests that run acx end to end against the sandbox or a cassette."""

from __future__ import annotations

import json
import os
from contextlib import contextmanager
from datetime import date, datetime, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import pytest

from engine.api import RunOptions, list_tables, run_spec
from engine.spec import Spec
from tests.conftest import SPEC

SANDBOX_TZ = "America/New_York"  # the sandbox's account time zone (docs/sandbox.md)
REFRESH_GOLDEN = os.environ.get("ACX_REFRESH_GOLDEN") == "1"  # set by `make golden`


def env_for(url: str, key: str, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "ACX_API_URL": url,
        "ACX_API_KEY": key,
        "ACX_REQUESTS_PER_SECOND": "10000",
        "ACX_TIMEZONE": SANDBOX_TZ,
        **extra,
    }


def account_spec(url: str, key: str) -> Spec:
    """The shipped spec with the sandbox account's own tables (its custom objects)."""
    return list_tables(str(SPEC), env=env_for(url, key))[0]


def run(url: str, key: str, dest: str, **kwargs: Any) -> tuple[int, list[str]]:
    """Run the shipped spec; returns (exit code, printed lines)."""
    lines: list[str] = []
    env = kwargs.pop("env", None) or env_for(url, key)
    spec = str(kwargs.pop("spec", SPEC))
    options = RunOptions(dest=dest, **kwargs)
    code = run_spec(spec, options, env=env, echo=lines.append, out=lines.append)
    return code, lines


@contextmanager
def duck(path: Path):
    con = duckdb.connect(str(path), read_only=True)
    try:
        yield con
    finally:
        con.close()


def jsonable(value: Any) -> Any:
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(timezone.utc).isoformat()  # whatever the session's zone
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def table_rows(
    con: duckdb.DuckDBPyConnection, table: str, order: list[str]
) -> list[dict[str, Any]]:
    cur = con.execute(
        f'SELECT * EXCLUDE (_acx_synced_at, _acx_deleted_at) FROM "{table}" '
        f"ORDER BY {', '.join(order)}"
    )  # acx's own columns (engine/load/system.py) hold when it ran: tests of them read them
    names = [d[0] for d in cur.description]
    return [{n: jsonable(v) for n, v in zip(names, row, strict=True)} for row in cur.fetchall()]


def golden_text(path: Path, text: str, refresh: bool = REFRESH_GOLDEN) -> str:
    """The reviewed text stored at `path`, to compare with what the code makes now; `refresh`
    (`make golden`) rewrites it first. A missing file fails the test: one that wrote its own
    expectation would pass whatever the code made, and the deleted file would go unnoticed."""
    if refresh:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    elif not path.exists():
        pytest.fail(
            f"golden file {path} is missing: run `make golden` to write it, then review it",
            pytrace=False,
        )
    return path.read_text()


def golden(path: Path, value: Any, refresh: bool = REFRESH_GOLDEN) -> Any:
    """golden_text() for a JSON value, stored sorted and indented for review."""
    text = json.dumps(value, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    return json.loads(golden_text(path, text, refresh))
