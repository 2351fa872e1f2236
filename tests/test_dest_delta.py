"""Delta Lake (`--dest delta:PATH`, engine/load/delta.py), the destination alone: a load, an
incremental merge, a whole read that marks the rows it lacks (and their children elsewhere) and
clears the marks when they come back, a replace, a side-loaded child whose parent was read again,
an added column, comments as field metadata, the run's commit metadata, shared tables, one run
per folder, and one-line refusals. Every table is read back through deltalake's own reader. A
whole run against the sandbox: tests/test_dest_parity.py; crashes: tests/reliability."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest

from engine.errors import ConfigError, LoadError
from engine.load import Apply, make_destination
from engine.load.delta import DeltaDestination
from engine.load.files_write import Staging
from engine.load.layout import Placement, shared_stream
from engine.load.state import StateRow
from engine.spec import Column, Parent, Replication, Stream
from engine.spec.types import arrow_type

deltalake = pytest.importorskip("deltalake")

T1 = datetime(2024, 3, 1, 12, 0, 0, 500000, tzinfo=timezone.utc)
T2 = T1 + timedelta(days=1)


def columns(*pairs: tuple[str, str]) -> tuple[Column, ...]:
    return tuple(
        Column(key=name, name=name, type=kind, description=f"The {name}.", field=name)
        for name, kind in pairs
    )


PEOPLE = Stream(
    key="people",
    name="people",
    title="People",
    description="Test rows.",
    primary_key=("id",),
    columns=columns(("id", "integer"), ("name", "text"), ("score", "decimal"), ("at", "timestamp")),
    replication=Replication(mode="incremental", cursor="at"),
)
PETS = Stream(  # a child read with its parent (side-loaded): merged, the parent's stage says whose
    key="pets",
    name="pets",
    title="Pets",
    description="Each person's pets.",
    primary_key=("id",),
    columns=columns(("id", "integer"), ("person", "integer"), ("kind", "text")),
    replication=Replication(mode=None),
    parent=Parent(stream="people", key="person", references="id"),
)


def batch(stream: Stream, rows: list[tuple[Any, ...]], seq: int = 0) -> pa.Table:
    """A batch as the runner stages it: warehouse columns plus _acx_seq."""
    values = list(zip(*rows, strict=True))
    arrays = [pa.array(v, arrow_type(c.type)) for c, v in zip(stream.columns, values, strict=True)]
    arrays.append(pa.array(range(seq, seq + len(rows)), pa.int64()))
    return pa.Table.from_arrays(arrays, names=[*(c.name for c in stream.columns), "_acx_seq"])


def person(id_: int, name: str, at: datetime = T1) -> tuple[Any, ...]:
    return (id_, name, Decimal("1.5"), at)


def done(stream: Stream, run_id: str = "r1", savepoint: datetime | None = T2) -> StateRow:
    return StateRow(stream.key, savepoint, "incremental", 0, run_id, datetime.now(timezone.utc))


def load(dest: DeltaDestination, *steps: tuple[Apply, list[tuple[Any, ...]]]) -> None:
    """Prepare, stage and commit one group: (how, rows) per table."""
    for item, _ in steps:
        dest.prepare(item.stream)
    for item, rows in steps:
        if rows:
            dest.stage(item.stream, batch(item.stream, rows))
    dest.commit([item for item, _ in steps], [done(item.stream) for item, _ in steps])


def rows(root: Path, table: str) -> dict[Any, dict[str, Any]]:
    """Key -> row, read through deltalake."""
    got = deltalake.DeltaTable(str(root / table)).to_pyarrow_table().to_pylist()
    return {r["id"]: r for r in got}


def deleted(root: Path, table: str) -> set[Any]:
    return {k for k, r in rows(root, table).items() if r["_acx_deleted_at"] is not None}


@pytest.fixture
def dest(tmp_path: Path):
    d = DeltaDestination(str(tmp_path))
    d.connect()
    yield d
    d.close()


def test_load_then_merge_on_the_key_with_the_state_after(dest, tmp_path: Path) -> None:
    dest.prepare(PEOPLE)
    dest.stage(PEOPLE, batch(PEOPLE, [person(2, "old"), person(1, "one")], 0))
    dest.stage(PEOPLE, batch(PEOPLE, [person(2, 'Zoë "q"\n🙂'), person(3, "three")], 2))
    dest.commit([Apply(PEOPLE, "merge")], [done(PEOPLE, "r1")])
    first = rows(tmp_path, "people")
    assert sorted(first) == [1, 2, 3] and first[2]["name"] == 'Zoë "q"\n🙂'
    assert first[1]["score"] == Decimal("1.500000000") and first[1]["at"] == T1
    load(dest, (Apply(PEOPLE, "merge"), [person(3, "THREE", T2), person(4, "four", T2)]))
    second = rows(tmp_path, "people")
    assert {k: r["name"] for k, r in second.items()} == {
        1: "one",
        2: 'Zoë "q"\n🙂',
        3: "THREE",
        4: "four",
    }
    assert second[3]["_acx_synced_at"] > first[3]["_acx_synced_at"]
    assert second[1]["_acx_synced_at"] == first[1]["_acx_synced_at"]  # not written again
    assert dest.read_state()["people"].savepoint == T2
    # each data commit says which run wrote it and the savepoint it carries
    meta = deltalake.DeltaTable(str(tmp_path / "people")).history(1)[0]
    assert meta["operation"] == "MERGE" and meta["acx.run_id"] == "r1"
    assert meta["acx.savepoint"] == T2.isoformat()
    assert not list(tmp_path.glob(".acx-*/_acx_stage_*"))  # stages dropped after the commit


PAIRS = dataclasses.replace(PETS, key="pairs", name="pairs", primary_key=("person", "id"))


@pytest.mark.parametrize(
    ("stream", "keys", "unique"),
    [
        (PEOPLE, [[1, 2], [3, 7], [8]], True),  # pages in key order
        (PEOPLE, [[1, 2], [2, 3]], False),  # a page read again: its first key came before
        (PEOPLE, [[1, 3], [2]], False),  # a later page's key below an earlier one's
        (PEOPLE, [[2, 1]], False),  # falling inside a page
        (PEOPLE, [[1, 1]], False),
        (PAIRS, [[1, 2]], False),  # a key of two columns: not followed
    ],
)
def test_a_stage_knows_when_no_key_can_repeat(
    tmp_path: Path, stream: Stream, keys: list[list[int]], unique: bool
) -> None:
    staging = Staging(tmp_path / "stage.parquet", stream)
    for page in keys:
        if stream is PEOPLE:
            staging.append(batch(PEOPLE, [person(k, f"n{k}") for k in page]))
        else:
            staging.append(batch(PAIRS, [(k, 1, "cat") for k in page]))
    staging.finish()
    assert staging.unique is unique


def test_a_stage_in_key_order_loads_every_row_and_a_page_read_again_is_deduped(
    dest, tmp_path: Path
) -> None:
    dest.prepare(PEOPLE)
    dest.stage(PEOPLE, batch(PEOPLE, [person(1, "one"), person(2, "two")], 0))
    dest.stage(PEOPLE, batch(PEOPLE, [person(3, "three"), person(4, "four")], 2))
    dest.commit([Apply(PEOPLE, "merge")], [done(PEOPLE)])  # rising keys: no dedupe
    assert {k: r["name"] for k, r in rows(tmp_path, "people").items()} == {
        1: "one",
        2: "two",
        3: "three",
        4: "four",
    }
    dest.prepare(PEOPLE)
    dest.stage(PEOPLE, batch(PEOPLE, [person(5, "five"), person(6, "six")], 0))
    dest.stage(PEOPLE, batch(PEOPLE, [person(6, "SIX"), person(7, "seven")], 2))
    dest.commit([Apply(PEOPLE, "merge")], [done(PEOPLE)])  # 6 twice: the later row wins
    got = rows(tmp_path, "people")
    assert len(got) == 7 and got[6]["name"] == "SIX" and got[5]["name"] == "five"


def test_a_whole_read_marks_what_it_lacks_and_clears_it_when_back(dest, tmp_path: Path) -> None:
    children = Apply(PEOPLE, "mirror", children=(PETS,))
    load(dest, (Apply(PEOPLE, "mirror"), [person(1, "a"), person(2, "b"), person(3, "c")]))
    load(dest, (Apply(PETS, "merge"), [(10, 1, "cat"), (11, 2, "dog"), (12, 2, "fish")]))
    load(dest, (children, [person(1, "a"), person(3, "c")]))
    assert deleted(tmp_path, "people") == {2}
    assert deleted(tmp_path, "pets") == {11, 12}  # its children, in a table outside the commit
    gone = rows(tmp_path, "people")[2]["_acx_deleted_at"]
    assert rows(tmp_path, "pets")[11]["_acx_deleted_at"] == gone
    load(dest, (children, [person(1, "a")]))  # 3 goes too; 2 keeps its first mark
    assert deleted(tmp_path, "people") == {2, 3}
    assert rows(tmp_path, "people")[2]["_acx_deleted_at"] == gone
    load(dest, (children, [person(1, "a"), person(2, "b"), person(3, "c")]))
    assert deleted(tmp_path, "people") == set() and deleted(tmp_path, "pets") == set()


def test_hard_deletes_remove_and_replace_overwrites(dest, tmp_path: Path) -> None:
    load(dest, (Apply(PEOPLE, "mirror", soft=False), [person(1, "a"), person(2, "b")]))
    load(dest, (Apply(PEOPLE, "mirror", soft=False), [person(2, "b")]))
    assert sorted(rows(tmp_path, "people")) == [2]
    load(dest, (Apply(PEOPLE, "replace"), [person(7, "x"), person(8, "y")]))
    assert sorted(rows(tmp_path, "people")) == [7, 8]
    assert deltalake.DeltaTable(str(tmp_path / "people")).history(1)[0]["operation"] == "WRITE"
    load(dest, (Apply(PEOPLE, "replace"), []))  # a whole read of nothing: the table is empty
    assert rows(tmp_path, "people") == {}


def test_a_child_read_with_its_parent_loses_the_rows_it_no_longer_lists(
    dest, tmp_path: Path
) -> None:
    pets = Apply(PETS, "merge", parent_stage=PEOPLE)
    people = Apply(PEOPLE, "merge")
    load(dest, (people, [person(1, "a"), person(2, "b")]), (pets, [(10, 1, "cat"), (11, 2, "x")]))
    load(dest, (people, [person(2, "b")]), (pets, [(12, 2, "dog")]))  # 2 read again without 11
    assert deleted(tmp_path, "pets") == {11}  # 10's parent was not read again: it stays
    assert sorted(rows(tmp_path, "pets")) == [10, 11, 12]


def test_an_added_column_is_added_and_comments_are_field_metadata(tmp_path: Path) -> None:
    dest = make_destination(f"delta:{tmp_path}")
    dest.connect()
    try:
        load(dest, (Apply(PEOPLE, "merge"), [person(1, "a")]))  # type: ignore[arg-type]
        wider = dataclasses.replace(PEOPLE, columns=(*PEOPLE.columns, *columns(("tier", "text"))))
        dest.prepare(wider)
        dest.stage(wider, batch(wider, [(2, "b", Decimal(1), T2, "gold")]))
        dest.commit([Apply(wider, "merge")], [done(wider)])
    finally:
        dest.close()
    table = deltalake.DeltaTable(str(tmp_path / "people"))
    fields = {f.name: f for f in table.schema().fields}
    assert list(fields)[-1] == "tier" and fields["tier"].metadata == {"comment": "The tier."}
    assert fields["_acx_deleted_at"].metadata["comment"].startswith("When acx found this row")
    assert table.metadata().description == "Test rows."
    got = rows(tmp_path, "people")
    assert got[1]["tier"] is None and got[2]["tier"] == "gold"


def test_a_type_change_and_history_are_refused_in_one_line(dest) -> None:
    load(dest, (Apply(PEOPLE, "merge"), [person(1, "a")]))
    changed = dataclasses.replace(PEOPLE, columns=(*columns(("id", "text")), *PEOPLE.columns[1:]))
    with pytest.raises(LoadError, match=r"people.id is long but the spec now says text") as err:
        dest.prepare(changed)
    assert "\n" not in str(err.value)
    kept = dataclasses.replace(PETS, history=True)
    with pytest.raises(LoadError, match=r"table pets keeps history .*\[tables.pets\]"):
        dest.prepare(kept)


def test_shared_tables_keep_each_accounts_rows(tmp_path: Path) -> None:
    for account, names in (("us", ["a", "b"]), ("eu", ["c"]), ("us", ["b"])):
        dest = DeltaDestination(str(tmp_path))
        dest.place(Placement(account, "shared"))
        s = shared_stream(PEOPLE, account)
        dest.connect()
        try:
            dest.prepare(s)
            data = [(account, i + 1, n, Decimal(1), T1) for i, n in enumerate(names)]
            dest.stage(s, batch(s, data))
            dest.commit([Apply(s, "replace")], [done(s)])
        finally:
            dest.close()
    got = deltalake.DeltaTable(str(tmp_path / "people")).to_pyarrow_table().to_pylist()
    assert sorted((r["_acx_account"], r["name"]) for r in got) == [("eu", "c"), ("us", "b")]
    state = deltalake.DeltaTable(str(tmp_path / "_acx_state")).to_pyarrow_table()
    assert sorted(state["stream"].to_pylist()) == ["eu/people", "us/people"]


def test_schema_layout_is_a_subfolder_per_account(tmp_path: Path) -> None:
    dest = DeltaDestination(str(tmp_path))
    dest.place(Placement("eu", "schema", "eu"))
    dest.connect()
    try:
        load(dest, (Apply(PEOPLE, "merge"), [person(1, "a")]))
    finally:
        dest.close()
    assert sorted(rows(tmp_path / "eu", "people")) == [1]


def test_one_run_per_folder_and_a_killed_runs_stages_go(tmp_path: Path) -> None:
    first, second = DeltaDestination(str(tmp_path)), DeltaDestination(str(tmp_path))
    first.connect()
    try:
        first.prepare(PEOPLE)
        first.stage(PEOPLE, batch(PEOPLE, [person(1, "a")]))
        with pytest.raises(LoadError, match=r"delta:.* is in use by another process"):
            second.connect()
        first.lock.close()  # as if killed: the lock goes with the process, the stage stays
        first.lock = None
        left = first.folder
        assert left is not None and list(left.glob("_acx_stage_*"))
        second.connect()
        assert list(tmp_path.glob(".acx-*")) == [second.folder]  # its own scratch folder only
        assert second.read_state() == {} and rows(tmp_path, "people") == {}
    finally:
        second.close()
        first.folder = None
        first.close()


@pytest.mark.parametrize(
    ("target", "error", "match"),
    [
        ("delta", ConfigError, r"destination delta needs a location \(e.g. --dest delta:./lake\)"),
        (
            "delta:/dev/null/lake",
            LoadError,
            r"^cannot create delta:/dev/null/lake: Not a directory",
        ),
    ],
)
def test_a_bad_location_gives_one_line(target: str, error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match) as err:
        make_destination(target).connect()
    assert "\n" not in str(err.value)
