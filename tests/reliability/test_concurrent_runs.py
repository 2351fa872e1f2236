"""Concurrent runs: while one `acx run` holds a destination (it is held from before its first
request to its end), a second one on the same destination is refused at once with a one-line
message, and writes nothing; once the first is killed with `kill -9`, its lock goes with it and
the next run works. DuckDB (its file lock), PostgreSQL (an advisory lock per schema) and
Parquet (a lock file)."""

from __future__ import annotations

import json
import signal

import pytest

from tests.conftest import SPEC
from tests.reliability.helpers import (
    LEDGER,
    DuckWarehouse,
    FakeApi,
    acx,
    acx_start,
    assert_user_facing,
    base_env,
    error_line,
    finish,
)

TABLES = ("--tables", "lists,users")


@pytest.fixture(params=["duckdb", "postgres", "parquet"])
def destination(request, scratch):
    """(--dest value, extra environment, how to count the rows of a table)."""
    if request.param == "duckdb":
        wh = DuckWarehouse(scratch / "acx.duckdb")
        return wh.dest, {}, lambda t: wh.query(f'SELECT count(*) FROM "{t}"')[0][0]
    if request.param == "postgres":
        wh = request.getfixturevalue("pg_schemas")()
        count = lambda t: wh.query(f"SELECT count(*) FROM {wh.qualified(t)}")[0][0]  # noqa: E731
        return "postgres", wh.env(), count
    folder = scratch / "lake"

    def files(table: str) -> int:  # a full table: the rows of its current snapshot file
        manifest = json.loads((folder / "_acx_manifest.json").read_text())
        return sum(f["rows"] for f in manifest["tables"][table]["files"] if f["current"])

    return f"parquet:{folder}", {}, files


def start_held(api: FakeApi, dest: str, env: dict[str, str], scratch):
    """A run that has its destination and waits on its first request."""
    api.gate.clear()
    api.arrived.clear()
    proc = acx_start("run", SPEC, "--dest", dest, *TABLES, env=env, cwd=scratch)
    assert api.arrived.wait(60), "the first run never asked the API"
    return proc


def test_a_second_run_is_refused_and_a_killed_run_leaves_no_lock(destination, sandbox, scratch):
    dest, extra, count = destination
    with FakeApi(sandbox.url) as api:
        env = base_env(api.url, **extra)
        first = start_held(api, dest, env, scratch)
        second = acx("run", SPEC, "--dest", dest, *TABLES, env=env, cwd=scratch, timeout=60)
        LEDGER.bad_inputs.append(f"a second run on {dest.partition(':')[0]}")
        api.gate.set()
        done = finish(first)

        assert second.returncode != 0
        assert_user_facing(second)
        assert "in use by another" in error_line(second)
        assert done.returncode == 0, done.stderr[-3000:]
        assert count("lists") == len(sandbox.expected("lists"))
        assert count("users") == len(sandbox.expected("users"))

        held = start_held(api, dest, env, scratch)
        held.send_signal(signal.SIGKILL)
        finish(held)
        api.gate.set()
        after = acx("run", SPEC, "--dest", dest, *TABLES, env=env, cwd=scratch)
        assert after.returncode == 0, after.stderr[-3000:]
        assert count("lists") == len(sandbox.expected("lists"))
