"""Paging against a hostile server (tests/reliability/hostile, modes in modes_paging.py): totals
that lie high, low or are not numbers, pages that repeat or end too early, duplicate rows,
keyset pages capped by the server, keys that are not numbers, a cursor in the year 2999. In
every mode acx, run as a user runs it, ends within its deadline with at most a few requests
more than the honest account needs; a table either holds exactly what the server has (counted
once per key in the summary and the state) or, when its read cannot be trusted, fails with one
line naming the table, the URL and the cause, and holds exactly what it held before."""

from __future__ import annotations

import json
import subprocess
import time
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from tests.reliability.helpers import (
    KEY,
    DuckWarehouse,
    Snapshot,
    acx,
    assert_user_facing,
    base_env,
    compare,
    spec_streams,
)
from tests.reliability.hostile import CONTACTS, ITEMS, SPEC, ZONE, Hostile
from tests.reliability.hostile.modes_paging import FUTURE, LYING_TOTALS

DEADLINE = 30.0  # seconds for one run of this tiny account, whatever the server does
HONEST = {"/items": 3, "/contacts": 1}  # requests the honest account needs (pages of 100)
STREAMS = spec_streams(SPEC)


def run(api: Hostile, wh: DuckWarehouse, scratch: Path, *args: str) -> subprocess.CompletedProcess:
    started = time.monotonic()
    proc = acx(*args or ("run",), SPEC, "--dest", wh.dest, env=base_env(api.url), cwd=scratch)
    assert time.monotonic() - started < DEADLINE
    assert_user_facing(proc)
    return proc


def requests(api: Hostile) -> Counter[str]:
    return Counter(r.path for r in api.requests)


def run_done(proc: subprocess.CompletedProcess) -> dict[str, Any]:
    """The run's last JSON event: per table status, rows and warnings."""
    events = [json.loads(x) for x in proc.stderr.splitlines() if x.startswith("{")]
    done = [e for e in events if e["event"] == "run_done"]
    assert done, proc.stderr[-3000:]
    return done[-1]


def ids(wh: DuckWarehouse, table: str) -> list[int]:
    return [r[0] for r in wh.query(f"SELECT id FROM {table} ORDER BY id")]


@pytest.fixture(scope="module")
def honest(tmp_path_factory) -> Snapshot:
    """What every table holds after a run against the honest account."""
    folder = tmp_path_factory.mktemp("honest")
    wh = DuckWarehouse(folder / "honest.duckdb")
    with Hostile(key=KEY) as api:
        proc = run(api, wh, folder)
        assert proc.returncode == 0, proc.stderr[-3000:]
        assert requests(api) == HONEST
    return wh.snapshot(STREAMS)


def loaded(scratch: Path) -> DuckWarehouse:
    """A warehouse after a run against the honest account."""
    wh = DuckWarehouse(scratch / "acx.duckdb")
    with Hostile(key=KEY) as api:
        assert run(api, wh, scratch).returncode == 0
    return wh


def assert_one_line_failure(proc, table: str, path: str, cause: str) -> None:
    """The run failed (exit 1) for `table` only, and every line that says why names the table,
    the URL and the cause."""
    assert proc.returncode == 1, proc.stderr[-3000:]
    done = run_done(proc)
    assert done["failed"] == [table]
    error = done["tables"][table]["error"]
    assert "\n" not in error
    assert f"table {table}" in error and f"/api/3{path}?" in error and cause in error, error
    lines = [x for x in proc.stderr.splitlines() if cause in x]
    assert lines and all(f"/api/3{path}?" in x for x in lines)


# ---------------------------------------------------------------- totals that lie


@pytest.mark.parametrize("scenario", ["first run", "after a run", "rows end on a page boundary"])
@pytest.mark.parametrize("lie", sorted(LYING_TOTALS))
def test_a_lying_total_costs_a_few_requests_and_loads_what_the_server_has(
    lie, scenario, honest, scratch
):
    wh = loaded(scratch) if scenario == "after a run" else DuckWarehouse(scratch / "acx.duckdb")
    rows = 100 if scenario == "rows end on a page boundary" else ITEMS
    with Hostile(f"items-{lie}", key=KEY) as api:
        api.items = api.items[:rows]  # a full last page: nothing after it but the total's word
        proc = run(api, wh, scratch)
        made = requests(api)
    assert proc.returncode == 0, proc.stderr[-3000:]
    # the first empty (or short) page ends the table: a total that lies high costs at most
    # the few pages asked for ahead of it, never a page per promised row
    assert made["/items"] <= rows // 100 + 1 + 3, made
    if rows == ITEMS:
        assert compare(honest, wh.snapshot(STREAMS)) == []
    assert ids(wh, "items") == list(range(1, rows + 1))
    assert wh.state()["items"]["rows"] == rows
    assert run_done(proc)["tables"]["items"]["rows"] == rows


def test_a_total_that_lies_high_is_not_planned_with(scratch):
    with Hostile("items-total-1e9", key=KEY) as api:
        proc = acx("plan", SPEC, env=base_env(api.url), cwd=scratch, timeout=DEADLINE)
        made = requests(api)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert_user_facing(proc)
    line = next(x for x in proc.stdout.splitlines() if x.startswith("items"))
    assert f" {ITEMS} " in line and "past its last row" in line, line
    assert made["/items"] < 40, made  # one check, then a binary search


def test_a_keyset_total_that_lies_high_is_not_planned_with(scratch):
    with Hostile("contacts-total-1e9", key=KEY) as api:
        proc = acx("plan", SPEC, env=base_env(api.url), cwd=scratch, timeout=DEADLINE)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert_user_facing(proc)
    line = next(x for x in proc.stdout.splitlines() if x.startswith("contacts"))
    assert " ? " in line and "implausible" in line, line


def test_a_keyset_total_that_lies_high_costs_one_empty_page(honest, scratch):
    wh = DuckWarehouse(scratch / "acx.duckdb")
    with Hostile("contacts-total-1e9", key=KEY) as api:
        proc = run(api, wh, scratch)
        made = requests(api)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert made["/contacts"] == 2
    assert compare(honest, wh.snapshot(STREAMS)) == []


def test_a_keyset_total_that_lies_low_reads_on_to_an_empty_page(honest, scratch):
    wh = DuckWarehouse(scratch / "acx.duckdb")
    with Hostile("contacts-total-low", key=KEY) as api:
        proc = run(api, wh, scratch)
        made = requests(api)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert made["/contacts"] == 2
    assert compare(honest, wh.snapshot(STREAMS)) == []
    assert wh.state()["contacts"]["rows"] == CONTACTS


def test_without_a_total_a_short_page_ends_the_table(honest, scratch):
    wh = DuckWarehouse(scratch / "acx.duckdb")
    with Hostile("items-no-total", key=KEY) as api:
        proc = run(api, wh, scratch)
        made = requests(api)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert made == HONEST
    assert compare(honest, wh.snapshot(STREAMS)) == []


# ---------------------------------------------------------------- pages that lie


@pytest.mark.parametrize("mode", ["items-repeat-page", "items-repeat-page-no-meta"])
def test_a_page_that_repeats_the_page_before_fails_its_table(mode, scratch):
    wh = loaded(scratch)
    before, state = wh.snapshot(STREAMS), wh.state()
    with Hostile(mode, key=KEY) as api:
        proc = run(api, wh, scratch)
        made = requests(api)
    assert_one_line_failure(proc, "items", "/items", "repeats a page")
    assert made["/items"] <= HONEST["/items"] + 1, made
    assert wh.snapshot(STREAMS) == before
    assert wh.state()["items"] == state["items"]
    assert wh.stages() == []


def test_an_empty_page_in_the_middle_fails_its_table(scratch):
    wh = loaded(scratch)
    before, state = wh.snapshot(STREAMS), wh.state()
    with Hostile("items-empty-page-in-middle", key=KEY) as api:
        proc = run(api, wh, scratch)
        made = requests(api)
    assert_one_line_failure(proc, "items", "/items", "pages disagree")
    assert made["/items"] <= HONEST["/items"], made
    assert wh.snapshot(STREAMS) == before
    assert wh.state()["items"] == state["items"]
    assert wh.stages() == []


def test_duplicate_ids_within_a_page_count_once(honest, scratch):
    wh = DuckWarehouse(scratch / "acx.duckdb")
    with Hostile("items-duplicate-in-page", key=KEY) as api:
        proc = run(api, wh, scratch)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert ids(wh, "items") == [i for i in range(1, ITEMS + 1) if i != 200]
    assert wh.snapshot(STREAMS)["items"].duplicate_keys == 0
    assert wh.state()["items"]["rows"] == ITEMS - 1
    assert run_done(proc)["tables"]["items"]["rows"] == ITEMS - 1


def test_duplicate_ids_within_a_keyset_page_count_once(honest, scratch):
    wh = DuckWarehouse(scratch / "acx.duckdb")
    with Hostile("contacts-duplicate-in-page", key=KEY) as api:
        proc = run(api, wh, scratch)
        made = requests(api)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert compare(honest, wh.snapshot(STREAMS)) == []
    assert wh.state()["contacts"]["rows"] == CONTACTS
    assert run_done(proc)["tables"]["contacts"]["rows"] == CONTACTS
    assert made["/contacts"] == 2  # 13 records where the total says 12: read on to be sure


# ---------------------------------------------------------------- keyset


def test_keyset_pages_capped_by_the_server_read_every_row(honest, scratch):
    wh = DuckWarehouse(scratch / "acx.duckdb")
    with Hostile("contacts-capped-5", key=KEY) as api:
        proc = run(api, wh, scratch)
        made = requests(api)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert compare(honest, wh.snapshot(STREAMS)) == []
    assert made["/contacts"] == 3  # 5 + 5 + 2: the last page holds what its total counts


def test_a_keyset_key_that_is_not_a_number_fails_its_table(scratch):
    wh = loaded(scratch)
    before, state = wh.snapshot(STREAMS), wh.state()
    with Hostile("contacts-last-id-not-a-number", key=KEY) as api:
        proc = run(api, wh, scratch)
        made = requests(api)
    assert_one_line_failure(proc, "contacts", "/contacts", "not a number")
    assert made["/contacts"] == 2
    assert wh.snapshot(STREAMS) == before
    assert wh.state()["contacts"] == state["contacts"]
    assert wh.stages() == []


# ---------------------------------------------------------------- cursors in the future


def test_a_cursor_in_the_future_does_not_freeze_incremental_loads(scratch):
    wh = DuckWarehouse(scratch / "acx.duckdb")
    with Hostile("contacts-udate-2999", key=KEY) as api:
        first = run(api, wh, scratch)
        assert first.returncode == 0, first.stderr[-3000:]
        assert ids(wh, "contacts") == list(range(1, CONTACTS + 1))
        future = wh.query("SELECT max(udate) FROM contacts")[0][0]
        assert future == datetime.fromisoformat(FUTURE)
        warnings = run_done(first)["tables"]["contacts"]["warnings"]
        assert any(w.startswith("1 row(s) with udate") for w in warnings), warnings
        savepoint = datetime.fromisoformat(wh.state()["contacts"]["savepoint"])
        assert savepoint <= datetime.now(timezone.utc)

        # contact 7 changes after the first run: the next run must read it
        time.sleep(1.1)  # the filter is written to the second
        changed = datetime.now(ZONE).replace(microsecond=0)
        contact = next(c for c in api.contacts if c["id"] == "7")
        contact.update(email="changed@example.com", udate=changed.isoformat())
        api.requests.clear()
        second = run(api, wh, scratch)
    assert second.returncode == 0, second.stderr[-3000:]
    email = wh.query("SELECT email FROM contacts WHERE id = 7")[0][0]
    assert email == "changed@example.com"
    sent = [r.params["filters[updated_after]"] for r in api.requests if r.path == "/contacts"]
    assert sent and all(s < changed.strftime("%Y-%m-%d %H:%M:%S") for s in sent), sent
    assert datetime.fromisoformat(wh.state()["contacts"]["savepoint"]) <= datetime.now(timezone.utc)
