"""Resuming a long read: a run that commits a checkpoint every page (ACX_CHECKPOINT_SECONDS=0) is
killed (`kill -9` at the crash point after a checkpoint), then run again: it goes on from the
last checkpoint (its summary says so, and the sandbox counts only the pages after it, plus the
few asked for ahead), and every table ends as an uninterrupted run's. A keyset table read
incrementally (contacts, with its side-loaded tables: its checkpoints commit rows) and a full
offset table (account_contacts: its stage is kept, replaced at the end)."""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from sandbox import Sandbox
from tests.reliability.conftest import SEED
from tests.reliability.helpers import (
    KEY,
    LEDGER,
    DuckWarehouse,
    PgWarehouse,
    Warehouse,
    acx,
    assert_user_facing,
    base_env,
    compare,
    fast_spec,
    scratch_dir,
    spec_streams,
)

CONTACTS = 3_000
LIMIT = 20  # rows a page: 150 pages of contacts, 30 of account_contacts
CONTACT_GROUP = "contacts,contact_tags,contact_field_values,list_contacts,contact_list_activity"
AHEAD = 8  # pages a run asks for ahead (Runner.ahead): lost at a kill, asked for again
NEVER = "100000"  # checkpoint seconds of a run whose checkpoints the test is not about


@pytest.fixture(scope="module")
def account() -> Iterator[Sandbox]:
    with Sandbox(contacts=CONTACTS, api_key=KEY, rate_limit=0, seed=SEED) as sb:
        yield sb


class Warehouses:
    """Warehouses of one kind for the module's tests; the reference (an uninterrupted run of a
    table group, with no checkpoints) is made once per group and shared."""

    def __init__(self, make: Callable[[str], Warehouse]) -> None:
        self.make, self.made = make, 0
        self.references: dict[str, tuple[Warehouse, int]] = {}

    def new(self, name: str) -> Warehouse:
        self.made += 1
        return self.make(f"{name}{self.made}")

    def clean(self, runs: Runs, tables: str) -> tuple[Warehouse, int]:
        """The group's uninterrupted run, and the requests it took."""
        if tables not in self.references:
            wh = self.new("clean")
            proc, requests = runs.run(wh, "--tables", tables, every=NEVER)
            assert proc.returncode == 0, proc.stderr[-3000:]
            self.references[tables] = (wh, requests)
        return self.references[tables]


@pytest.fixture(scope="module", params=["duckdb", "postgres"])
def warehouses(request) -> Iterator[Warehouses]:
    if request.param == "duckdb":
        with scratch_dir("resume-duckdb") as folder:
            yield Warehouses(lambda name: DuckWarehouse(folder / f"{name}.duckdb"))
        return
    dsn = request.getfixturevalue("pg_dsn_with_secret")  # skips without PostgreSQL
    made: list[PgWarehouse] = []

    def pg(name: str) -> Warehouse:
        made.append(PgWarehouse(dsn, f"acx_resume_{uuid.uuid4().hex[:8]}"))
        return made[-1]

    yield Warehouses(pg)
    for wh in made:
        wh.drop()


class Runs:
    def __init__(self, sb: Sandbox, folder: Path) -> None:
        self.sb, self.folder = sb, folder
        self.spec = fast_spec(folder, limit=LIMIT)

    def run(self, wh: Warehouse, *args: str, crash: str | None = None, every: str = "0"):
        """One acx run; returns it and the requests the sandbox answered."""
        pages = "0" if every == "0" else "1000000"  # the seconds decide
        env = base_env(
            self.sb.url, **wh.env(), ACX_CHECKPOINT_SECONDS=every, ACX_CHECKPOINT_PAGES=pages
        )
        if crash:
            env["ACX_CRASH_AT"] = crash
        before = self.sb.stats()["requests"]
        proc = acx(
            "run",
            self.spec,
            "--dest",
            wh.dest,
            "--log-format",
            "text",
            *args,
            env=env,
            cwd=self.folder,
        )
        return proc, self.sb.stats()["requests"] - before


def resumed_from(proc) -> list[str]:
    return re.findall(r"resumed from (\S+ \d+)", proc.stdout + proc.stderr)


@pytest.mark.parametrize(
    "table, where, kills",
    [
        (CONTACT_GROUP, "id", ["checkpoint:40", "checkpoint:50"]),  # keyset, incremental
        ("account_contacts", "offset", ["checkpoint:10", "checkpoint:8"]),  # offset, full
    ],
)
def test_a_killed_long_read_resumes_and_ends_as_an_uninterrupted_run(
    account, warehouses, scratch, table, where, kills
):
    runs, spec = Runs(account, scratch), spec_streams()
    clean, clean_requests = warehouses.clean(runs, table)
    tables = ("--tables", table)
    table = table.split(",")[0]
    killed = warehouses.new("killed")
    keys = [k for k in clean.state()]

    total, last_at, first_run = 0, 0, None
    for kill in kills:
        proc, requests = runs.run(killed, *tables, crash=kill)
        total += requests
        assert proc.returncode == -9, proc.stderr[-3000:]
        LEDGER.crashes.append(f"{killed.name} {table} {kill} (resume)")
        assert set(killed.state()) == set(keys)
        position = checkpoint(killed, table)
        assert position is not None and int(position["at"]) > last_at  # a later checkpoint
        # the second kill came in a run that went on from the first: it keeps that run's origin
        assert first_run in (None, position["run"])
        last_at, first_run = int(position["at"]), position["run"]
    plan = acx(
        "run",
        runs.spec,
        "--dest",
        killed.dest,
        *tables,
        "--dry-run",
        env=base_env(account.url, **killed.env()),
        cwd=scratch,
    )
    assert f"would resume from {where} {last_at}" in plan.stdout, plan.stdout

    proc, requests = runs.run(killed, *tables, every=NEVER)  # the rest in one commit
    total += requests
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert_user_facing(proc)
    assert resumed_from(proc) == [f"{where} {last_at}"], proc.stdout + proc.stderr
    # each kill costs the pages asked for ahead of the last checkpoint, nothing more
    assert total <= clean_requests + len(kills) * (AHEAD + 2), (total, clean_requests)
    assert compare(clean.snapshot(spec, keys), killed.snapshot(spec, keys)) == []
    final, reference = killed.state(), clean.state()
    assert {k: (v["savepoint"], v["mode"]) for k, v in final.items()} == {
        k: (v["savepoint"], v["mode"]) for k, v in reference.items()
    }
    assert killed.stages() == []
    assert checkpoint(killed, table) is None  # the final commit clears the position


def test_a_full_refresh_does_not_resume(account, warehouses, scratch):
    runs, spec = Runs(account, scratch), spec_streams()
    clean, _ = warehouses.clean(runs, CONTACT_GROUP)
    tables = ("--tables", CONTACT_GROUP)
    killed = warehouses.new("killed")
    assert runs.run(killed, *tables, crash="checkpoint:20")[0].returncode == -9
    proc, _ = runs.run(killed, *tables, "--full-refresh", "contacts", every=NEVER)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert resumed_from(proc) == []
    keys = list(clean.state())
    assert compare(clean.snapshot(spec, keys), killed.snapshot(spec, keys)) == []


def checkpoint(wh: Warehouse, table: str) -> dict[str, Any] | None:
    """The position a table's state row holds (None: its last run finished)."""
    rows = wh.query(f"SELECT position FROM {wh.qualified('_acx_state')} WHERE stream = '{table}'")
    return json.loads(rows[0][0]) if rows and rows[0][0] is not None else None
