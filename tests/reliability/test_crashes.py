"""Crashes: `kill -9` a run at ten points (engine/crashpoints.py) on DuckDB and on PostgreSQL
(at the PLAYED points on MySQL/MariaDB, Delta Lake, Iceberg and a Parquet folder), then run again without the
crash: every table equals a clean run's, row for row, with no duplicate key and no missing row.
Right after the kill, every group is all or nothing (a table with a state row holds exactly a
clean run's rows; one without holds none; on Delta, Iceberg and Parquet, which commit table by table,
each table is) and no incremental state is ahead of the rows it covers. The runs of one
destination go in parallel."""

from __future__ import annotations

import subprocess
import uuid
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from engine.spec import Spec
from sandbox import Sandbox
from tests.conftest import SPEC
from tests.mysqlhelp import server_or_skip
from tests.reliability.conftest import CONTACTS, SEED
from tests.reliability.delta_warehouse import DeltaWarehouse
from tests.reliability.files_warehouse import FilesWarehouse
from tests.reliability.helpers import (
    KEY,
    LEDGER,
    DuckWarehouse,
    PgWarehouse,
    Snapshot,
    Warehouse,
    acx,
    assert_user_facing,
    base_env,
    compare,
    scratch_dir,
    spec_streams,
)
from tests.reliability.mysqlwarehouse import MysqlWarehouse

CONTACT_GROUP = (
    "contacts",
    "contact_field_values",
    "contact_list_activity",
    "contact_tags",
    "list_contacts",
)


@dataclass(frozen=True)
class Crash:
    at: str  # ACX_CRASH_AT: crash point and the pass to die at
    where: str  # what the warehouse was in the middle of
    before: str = "empty"  # empty | loaded (same data) | incremental (the source changed)
    args: tuple[str, ...] = ()


CRASHES = [
    Crash("page:2", "fetching: the second page of a table read, nothing of its group staged"),
    Crash("staged:3", "a batch staged, its group not committed"),
    Crash("commit:insert:1", "the first statement of the first commit transaction"),
    Crash("commit:insert:4", "inside a commit: three tables' rows inserted, the fourth's not"),
    Crash("commit:state:1", "inside a commit: the rows applied, the state row not written"),
    Crash("commit:state:9", "a later commit: several groups committed, one half applied"),
    Crash("committed:5", "after a commit, before its staging tables are dropped"),
    Crash(
        "commit:insert:3",
        "a full replace over loaded rows (--full-refresh): two of five tables emptied",
        "loaded",
        ("--tables", ",".join(CONTACT_GROUP), "--full-refresh", "contacts"),
    ),
    Crash("commit:delete:3", "an incremental run after changes: mid-merge", "incremental"),
    Crash("committed:2", "an incremental run after changes: merged, staging left", "incremental"),
]
# The other destinations are killed at a few points each, for CI's time:
# - MySQL: mid-commit of a first load (some tables' rows inserted) and mid-merge of an
#   incremental run, plus killed with every table staged, then a run of another table (the
#   stages left behind are dropped).
# - Delta, Iceberg and a Parquet folder commit one table at a time, then the state: killed inside
#   a first load's group between two tables' commits (the first three committed, no state row
#   yet: the case the SQL warehouses' one transaction never shows), and mid-merge of an
#   incremental run; Parquet also with every file in place but no state. (The point names count
#   their steps: a table's `delete` before its stage is read, its `insert` before its one commit
#   or file replace, `state` per state row.) Their stages are files or a scratch DuckDB that
#   connect() clears (test_dest_delta.py, test_dest_iceberg.py, test_dest_files.py).
TABLE_BY_TABLE = ("delta", "iceberg", "parquet")
PLAYED: dict[str, tuple[str, ...]] = {
    "mysql": ("commit:insert:4", "commit:delete:3"),
    "delta": ("commit:insert:4", "commit:delete:3"),
    "iceberg": ("commit:insert:4", "commit:delete:3"),
    "parquet": ("commit:insert:4", "commit:state:1", "commit:delete:3"),
}
# Changes an incremental run sees. Not campaigns: the spec reads them by send date with a 7-day
# window (their counters change without a modified stamp), so an edit to an older campaign waits
# for a full refresh by design.
CHANGES = {"contacts": {"update": 5, "create": 3}, "deals": {"update": 2, "create": 1}}


@dataclass
class Outcome:
    crash: subprocess.CompletedProcess[str] | None = None
    torn: list[str] = field(default_factory=list)  # problems seen right after the kill
    resume: subprocess.CompletedProcess[str] | None = None
    reference: Snapshot = field(default_factory=dict)
    final: Snapshot = field(default_factory=dict)
    stages: list[str] = field(default_factory=list)
    ahead: list[str] = field(default_factory=list)  # state rows ahead of their table


class Lab:
    """Every scenario of one destination, played in parallel against two sandboxes of the same
    seed: a fixed one, and one that changes between the first and second run."""

    def __init__(
        self, dest: str, make: Callable[[str], Warehouse], fixed: Sandbox, folder: Path
    ) -> None:
        self.dest, self.make, self.fixed, self.folder = dest, make, fixed, folder
        played = PLAYED.get(dest)
        self.crashes = [c for c in CRASHES if played is None or c.at in played]
        self.spec: Spec = spec_streams(url=fixed.url)  # with the account's custom objects
        self.outcomes: dict[str, Outcome] = {}  # by crash point
        self.fresh = make("fresh")  # a first run of the changed account
        self.source: dict[int, str] = {}  # the changed account's contacts: id -> last name
        self.other: Outcome = Outcome()  # killed, then a run of another table

    def run(
        self, wh: Warehouse, sb: Sandbox, *args: str, crash: str | None = None
    ) -> subprocess.CompletedProcess[str]:
        env = base_env(sb.url, **wh.env())
        if crash:
            env["ACX_CRASH_AT"] = crash
        if "--tables" not in args:  # the model's 33 tables: every kind of group, half the tables
            args = ("--tables", "model", *args)
        return acx(
            "run",
            SPEC,
            "--dest",
            wh.dest,
            "--batch-rows",
            "50",
            *args,
            env=env,
            cwd=self.folder,
            timeout=240,
        )

    def keys(self, c: Crash) -> list[str]:
        return list(CONTACT_GROUP) if c.before == "loaded" else list(self.spec.keys)

    def play(self, changing: Sandbox) -> None:
        clean = self.make("clean")
        incr = {c.at: self.make(c.at) for c in self.crashes if c.before == "incremental"}
        with ThreadPoolExecutor(3) as pool:
            # the first runs on the account that changes go first: it changes once they are done
            firsts = [pool.submit(self.run, wh, changing) for wh in incr.values()]
            reference = pool.submit(self.reference, clean)
            others = [
                pool.submit(self.crash_then_resume, c, reference)
                for c in self.crashes
                if c.before != "incremental"
            ]
            if self.dest not in TABLE_BY_TABLE:
                others.append(pool.submit(self.crash_then_run_another_table))
            assert all(f.result().returncode == 0 for f in firsts)
            incremental = []
            if incr:  # (none where PLAYED names no incremental point)
                for table, change in CHANGES.items():
                    changing.mutate(table, **change)
                # what the incremental runs must end with: a fresh load of the changed account
                assert self.run(self.fresh, changing).returncode == 0
                after = self.fresh.snapshot(self.spec)
                incremental = [
                    pool.submit(
                        self.crash_then_resume_incremental,
                        c,
                        incr[c.at],
                        changing,
                        reference.result(),  # the same seed: what the first runs loaded
                        after,
                    )
                    for c in self.crashes
                    if c.before == "incremental"
                ]
            for f in [*others, *incremental]:
                f.result()
        self.source = {int(c["id"]): c["lastName"] for c in changing.expected("contacts")}

    def reference(self, clean: Warehouse) -> Snapshot:
        """A clean run of the fixed account: what every scenario on it must end with."""
        assert self.run(clean, self.fixed).returncode == 0
        return clean.snapshot(self.spec)

    def crash_then_resume(self, c: Crash, reference: Future[Snapshot]) -> None:
        wh, out = self.make(c.at), Outcome()
        self.outcomes[c.at] = out
        if c.before == "loaded":
            assert self.run(wh, self.fixed, *c.args[:2]).returncode == 0
        out.crash = self.run(wh, self.fixed, *c.args, crash=c.at)
        out.reference = {k: v for k, v in reference.result().items() if k in self.keys(c)}
        torn = wh.snapshot(self.spec, self.keys(c))
        state = wh.state()
        for key, rows in torn.items():
            if key in state or c.before == "loaded":
                out.torn += [f"{key}: {p}" for p in compare({key: out.reference[key]}, {key: rows})]
            elif not wh.atomic_groups and rows == out.reference[key]:
                continue  # committed ahead of its group's state: the re-run applies it again
            elif rows is not None and rows.digests:
                out.torn.append(f"{key}: {len(rows.digests)} rows without a state row")
        out.ahead = self.state_ahead(wh)
        self.finish(c, wh, self.fixed, out, c.args[:2])

    def crash_then_run_another_table(self) -> None:
        """Killed with every table staged, then a run of one other table: nothing of the
        killed run is left behind (the destination's lock says no other run owns it)."""
        wh = self.make("other")
        self.other.crash = self.run(wh, self.fixed, crash="staged:5")
        self.other.resume = self.run(wh, self.fixed, "--tables", "lists")
        self.other.stages = wh.stages()

    def crash_then_resume_incremental(
        self, c: Crash, wh: Warehouse, changing: Sandbox, before: Snapshot, after: Snapshot
    ) -> None:
        out = Outcome(reference=after)
        self.outcomes[c.at] = out
        out.crash = self.run(wh, changing, crash=c.at)
        torn = wh.snapshot(self.spec)
        for key, rows in torn.items():  # each group: all of the old rows or all of the new
            if rows != before[key] and rows != after[key]:
                out.torn.append(f"{key}: neither the rows before the run nor after it")
        out.ahead = self.state_ahead(wh)
        self.finish(c, wh, changing, out, ())

    def finish(self, c: Crash, wh: Warehouse, sb: Sandbox, out: Outcome, args: tuple) -> None:
        out.resume = self.run(wh, sb, *args)
        out.final = wh.snapshot(self.spec, self.keys(c))
        out.stages = wh.stages()
        out.ahead += self.state_ahead(wh)

    def state_ahead(self, wh: Warehouse) -> list[str]:
        """Incremental streams whose savepoint is past the newest row their table holds."""
        problems = []
        for key, row in wh.state().items():
            s = self.spec.stream(key)
            if row["mode"] != "incremental" or not s.replication.cursor or row["savepoint"] is None:
                continue
            newest = wh.max_cursor(s)
            saved = _as_utc_text(row["savepoint"])
            if newest is None or _as_utc_text(newest) < saved:
                problems.append(f"{key}: savepoint {saved} but newest row {newest}")
        return problems


def _as_utc_text(value: Any) -> str:
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if not isinstance(value, datetime):  # a date cursor
        value = datetime(value.year, value.month, value.day)
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc).isoformat()


@pytest.fixture(
    scope="module", params=["duckdb", "postgres", "mysql", "delta", "iceberg", "parquet"]
)
def lab(request, sandbox):
    with scratch_dir(f"crashes-{request.param}") as folder:
        yield from _lab(request, sandbox, folder)


def _lab(request, sandbox, folder):
    made: list[PgWarehouse | MysqlWarehouse] = []
    if request.param == "duckdb":

        def make(name: str) -> Warehouse:
            return DuckWarehouse(folder / f"{name.replace(':', '_')}.duckdb")
    elif request.param == "delta":
        pytest.importorskip("deltalake")

        def make(name: str) -> Warehouse:
            return DeltaWarehouse(folder / name.replace(":", "_"))
    elif request.param == "parquet":

        def make(name: str) -> Warehouse:
            return FilesWarehouse(folder / name.replace(":", "_"))
    elif request.param == "iceberg":
        pytest.importorskip("pyiceberg")
        from tests.iceberg_reader import make_warehouse

        def make(name: str) -> Warehouse:
            return make_warehouse(folder / name.replace(":", "_"))  # type: ignore[no-any-return]
    elif request.param == "mysql":
        server_or_skip()

        def make(name: str) -> Warehouse:
            made.append(MysqlWarehouse(f"acx_crash_{uuid.uuid4().hex[:8]}"))
            return made[-1]
    else:
        dsn = request.getfixturevalue("pg_dsn_with_secret")  # skips without PostgreSQL

        def make(name: str) -> Warehouse:
            made.append(PgWarehouse(dsn, f"acx_crash_{uuid.uuid4().hex[:8]}"))
            return made[-1]

    lab = Lab(request.param, make, sandbox, folder)
    try:
        with Sandbox(contacts=CONTACTS, api_key=KEY, rate_limit=0, seed=SEED) as changing:
            lab.play(changing)
        yield lab
    finally:
        for wh in made:
            wh.drop()


@pytest.mark.parametrize("crash", CRASHES, ids=[c.at for c in CRASHES])
def test_a_killed_run_then_a_rerun_equals_a_clean_run(lab, crash):
    if crash not in lab.crashes:
        pytest.skip(f"{lab.dest} is killed at {', '.join(c.at for c in lab.crashes)}")
    out = lab.outcomes[crash.at]
    assert out.crash is not None and out.crash.returncode == -9, "the crash point was not reached"
    LEDGER.crashes.append(f"{lab.dest} {crash.at}")
    assert out.torn == [], f"right after the kill ({crash.where})"
    assert out.resume is not None and out.resume.returncode == 0, out.resume.stderr[-3000:]
    assert_user_facing(out.resume)
    assert compare(out.reference, out.final) == []
    assert out.stages == []
    assert out.ahead == []


def test_the_incremental_reference_is_the_changed_source(lab):
    if not any(c.before == "incremental" for c in lab.crashes):
        pytest.skip(f"{lab.dest} runs no incremental crash")
    contacts = lab.fresh.query(f"SELECT id, last_name FROM {lab.fresh.qualified('contacts')}")
    assert dict(contacts) == lab.source
    assert len(lab.source) == CONTACTS + CHANGES["contacts"]["create"]


def test_a_run_of_other_tables_clears_what_a_killed_run_left(lab):
    if lab.dest in TABLE_BY_TABLE:
        pytest.skip(
            f"{lab.dest} is killed at {', '.join(c.at for c in lab.crashes)} alone (PLAYED)"
        )
    out = lab.other
    assert out.crash is not None and out.crash.returncode == -9
    LEDGER.crashes.append(f"{lab.dest} staged:5, then a run of another table")
    assert out.resume is not None and out.resume.returncode == 0, out.resume.stderr[-3000:]
    assert out.stages == []
