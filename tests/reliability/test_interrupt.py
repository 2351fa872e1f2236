"""Ctrl-C and SIGTERM: a run told to stop starts no new request, commits nothing unfinished (an
aborted full refresh leaves the table as it was), drops its staging, names the unfinished tables
in `failed` and exits 130 within 2 seconds; a second Ctrl-C exits at once."""

from __future__ import annotations

import json
import signal
import time

import pytest

from sandbox import Sandbox
from tests.reliability.conftest import SEED
from tests.reliability.helpers import (
    KEY,
    DuckWarehouse,
    acx,
    acx_start,
    assert_user_facing,
    base_env,
    finish,
    spec_streams,
)

STOP_WITHIN = 2.0


@pytest.fixture
def loaded(sandbox, scratch):
    """A warehouse with every table loaded once."""
    wh = DuckWarehouse(scratch / "acx.duckdb")
    assert (
        acx(
            "run", spec_streams().path, "--dest", wh.dest, env=base_env(sandbox.url), cwd=scratch
        ).returncode
        == 0
    )
    return wh


def started(proc, table: str, timeout: float = 30) -> None:
    """Wait until the run's JSON log says the table started."""
    deadline = time.monotonic() + timeout
    assert proc.stderr is not None
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        if not line:
            break
        event = json.loads(line)
        if event.get("event") == "table_start" and event.get("table") == table:
            return
    raise AssertionError(f"{table} did not start")


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_stopped_full_refresh_changes_nothing_and_exits_130_at_once(sig, loaded, scratch):
    spec = spec_streams()
    before, state_before = loaded.snapshot(spec, ["contacts"]), loaded.state()
    with Sandbox(contacts=3000, api_key=KEY, rate_limit=5, seed=SEED) as slow:
        proc = acx_start(
            "run",
            spec.path,
            "--dest",
            loaded.dest,
            "--full-refresh",
            "contacts",
            "--log-format",
            "json",
            env=base_env(slow.url, ACX_REQUESTS_PER_SECOND="5"),
            cwd=scratch,
        )
        started(proc, "contacts")
        time.sleep(1.0)
        proc.send_signal(sig)
        sent = time.monotonic()
        done = finish(proc, timeout=30)
        took = time.monotonic() - sent
        served_then = slow.stats()["requests"]
        time.sleep(1.0)
        assert slow.stats()["requests"] == served_then  # nothing more was asked
    assert done.returncode == 130, done.stderr[-2000:]
    assert took < STOP_WITHIN, took
    assert_user_facing(done)
    last = json.loads(done.stderr.strip().splitlines()[-2])
    assert last["event"] == "run_done" and "contacts" in last["failed"]
    assert done.stderr.strip().splitlines()[-1].startswith("acx: stopped by SIG")
    assert loaded.snapshot(spec, ["contacts"]) == before
    assert loaded.state()["contacts"] == state_before["contacts"]
    assert loaded.stages() == []


def test_a_second_ctrl_c_exits_at_once(loaded, scratch):
    spec = spec_streams()
    with Sandbox(contacts=3000, api_key=KEY, rate_limit=5, seed=SEED, latency_ms=500) as slow:
        proc = acx_start(
            "run",
            spec.path,
            "--dest",
            loaded.dest,
            "--log-format",
            "json",
            env=base_env(slow.url, ACX_REQUESTS_PER_SECOND="5"),
            cwd=scratch,
        )
        started(proc, "contacts")
        proc.send_signal(signal.SIGINT)
        proc.send_signal(signal.SIGINT)
        sent = time.monotonic()
        done = finish(proc, timeout=30)
        assert time.monotonic() - sent < STOP_WITHIN
    assert done.returncode == 130
    assert_user_facing(done)
