"""Apache Iceberg through pyiceberg (engine/load/iceberg.py), at the destination interface with
the mini spec's every type: a load then an incremental merge (one row per key, the last staged),
a whole read's missing rows marked `_acx_deleted_at` and cleared when back, a replace, a column
added by union_by_name with its doc, a changed type refused, history versions, the state in each
table's commit, one run per namespace, and bad catalogs in one line. Read back through pyiceberg
scans (tests/iceberg_reader.py). Whole runs: tests/test_dest_parity.py and the crash suite."""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path

import pyarrow as pa
import pytest

pytest.importorskip("pyiceberg")

from engine.config.settings import Settings  # noqa: E402
from engine.errors import ConfigError, LoadError  # noqa: E402
from engine.load import Apply, make_destination  # noqa: E402
from engine.load.iceberg import IcebergDestination  # noqa: E402
from engine.load.sqlbuild import SEQ  # noqa: E402
from engine.load.state import StateRow  # noqa: E402
from engine.spec import Column, Stream, load_spec  # noqa: E402
from engine.spec.types import arrow_type  # noqa: E402
from tests.conftest import MINI  # noqa: E402
from tests.iceberg_reader import load  # noqa: E402

AT = datetime(2024, 3, 1, 12, 0, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def contacts() -> Stream:
    return load_spec(MINI).stream("contacts")


def batch(stream: Stream, ids: list[int], seq: int = 0, name: str = "n") -> pa.Table:
    """Rows of every logical type: ids, a name per id, a decimal, a JSON text, a UTC moment."""
    values = {
        "integer": pa.array(ids, pa.int64()),
        "text": pa.array([f"{name}{i}" for i in ids]),
        "decimal": pa.array(
            [(Decimal(i) / 3).quantize(Decimal("1e-9")) for i in ids], arrow_type("decimal")
        ),
        "json": pa.array([json.dumps({"id": i}) for i in ids]),
        "timestamp": pa.array([AT] * len(ids), arrow_type("timestamp")),
    }
    cols = {
        c.name: values.get(c.type, pa.nulls(len(ids), arrow_type(c.type))) for c in stream.columns
    }
    cols[SEQ] = pa.array(range(seq, seq + len(ids)), pa.int64())
    return pa.table(cols)


def state(stream: Stream, mode: str = "incremental") -> StateRow:
    return StateRow(stream.key, AT, mode, 1, "run1", datetime.now(timezone.utc))


def commit(dest: IcebergDestination, stream: Stream, mode: str, *batches: pa.Table) -> None:
    dest.prepare(stream)
    for b in batches:
        dest.stage(stream, b)
    dest.commit(
        [Apply(stream, mode)], [state(stream, "full" if mode != "merge" else "incremental")]
    )  # type: ignore[arg-type]


def rows(lake: Path, table: str = "contacts") -> dict[int, dict]:
    con = load(str(lake))
    try:
        cur = con.execute(f'SELECT * FROM "{table}"')
        names = [d[0] for d in cur.description]
        found = [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
    finally:
        con.close()
    return {r["id"]: r for r in found}


@pytest.fixture
def dest(tmp_path: Path):
    d = make_destination(f"iceberg:{tmp_path / 'lake'}")
    d.connect()
    yield d
    d.close()


def test_a_load_then_a_merge_keeps_the_last_row_per_key(dest, contacts, tmp_path: Path) -> None:
    commit(dest, contacts, "merge", batch(contacts, [1, 2, 3]))
    # a page read twice in one run, changed in between: the later staged row wins
    commit(dest, contacts, "merge", batch(contacts, [3, 4], 10, "a"), batch(contacts, [4], 20, "b"))
    got = rows(tmp_path / "lake")
    assert sorted(got) == [1, 2, 3, 4]
    assert [got[i]["first_name"] for i in (1, 3, 4)] == ["n1", "a3", "b4"]
    assert got[2]["score"] == Decimal("0.666666667")  # decimal(38, 9)
    assert got[1]["udate"] == AT and json.loads(got[1]["data"]) == {"id": 1}
    assert all(
        r["_acx_synced_at"] is not None and r["_acx_deleted_at"] is None for r in got.values()
    )
    table = dest.catalog.load_table(("acx", "contacts"))
    fields = {f.name: f for f in table.schema().fields}
    assert fields["id"].doc == "Contact's ID." and fields["id"].required
    assert str(fields["udate"].field_type) == "timestamptz"
    assert table.schema().identifier_field_names() == {"id"}
    assert json.loads(table.properties["acx.state"])["stream"] == "contacts"
    assert set(dest.read_state()) == {"contacts"}


def test_a_whole_read_marks_missing_rows_and_clears_them_when_back(
    dest, contacts, tmp_path
) -> None:
    lake = tmp_path / "lake"
    commit(dest, contacts, "mirror", batch(contacts, [1, 2, 3]))
    commit(dest, contacts, "mirror", batch(contacts, [1]))
    got = rows(lake)
    assert {i for i, r in got.items() if r["_acx_deleted_at"] is not None} == {2, 3}
    assert got[2]["first_name"] == "n2"  # kept, marked
    commit(dest, contacts, "mirror", batch(contacts, [1, 2, 3]))
    assert all(r["_acx_deleted_at"] is None for r in rows(lake).values())
    commit(dest, contacts, "replace", batch(contacts, [5]))  # deletes: hard
    assert sorted(rows(lake)) == [5]


def test_a_new_column_is_added_with_its_doc_and_a_type_change_refused(
    dest, contacts, tmp_path
) -> None:
    commit(dest, contacts, "merge", batch(contacts, [1]))
    extra = Column("plan", "plan", "text", "The plan.", "plan")
    wider = dataclasses.replace(contacts, columns=(*contacts.columns, extra))
    commit(dest, wider, "merge", batch(wider, [2]))
    fields = {f.name: f for f in dest.catalog.load_table(("acx", "contacts")).schema().fields}
    assert fields["plan"].doc == "The plan." and not fields["plan"].required
    got = rows(tmp_path / "lake")
    assert got[1]["plan"] is None and got[2]["plan"] == "n2"
    retyped = [
        dataclasses.replace(c, type="integer") if c.name == "plan" else c for c in wider.columns
    ]
    with pytest.raises(LoadError, match=r"contacts\.plan is string but the spec now says integer"):
        dest.prepare(dataclasses.replace(wider, columns=tuple(retyped)))


def test_history_keeps_every_version(dest, contacts, tmp_path) -> None:
    kept = dataclasses.replace(contacts, history=True)
    commit(dest, kept, "merge", batch(kept, [1, 2]))
    commit(dest, kept, "merge", batch(kept, [1], 5, "changed"))
    con = load(str(tmp_path / "lake"))
    versions = con.execute(
        "SELECT id, first_name, _acx_is_current, _acx_valid_to IS NULL FROM contacts ORDER BY id, _acx_valid_from"
    ).fetchall()
    con.close()
    assert versions == [(1, "n1", False, False), (1, "changed1", True, True), (2, "n2", True, True)]
    with pytest.raises(LoadError, match="keeps every version of its rows"):
        dest.prepare(contacts)


def test_one_run_per_namespace(dest, tmp_path: Path) -> None:
    other = make_destination(f"iceberg:{tmp_path / 'lake'}")
    with pytest.raises(LoadError, match="in use by another process"):
        other.connect()
    other.close()


def settings(**target: str) -> Settings:
    return Settings(api_url="", api_key="", env={}, targets={"lake": {"type": "iceberg", **target}})


@pytest.mark.parametrize(
    "target, error, says",
    [
        ({"catalog_uri": "mysql://h/db"}, ConfigError, "is not a catalog acx knows"),
        ({"catalog_uri": "postgresql://u:secret@h/db"}, ConfigError, "holds a password"),
        ({"namespace": "x"}, ConfigError, "give catalog_uri"),
        ({"catalog_uri": "http://127.0.0.1:9/catalog"}, LoadError, "opening the catalog"),
    ],
)
def test_a_bad_catalog_is_one_line(target: dict, error: type, says: str) -> None:
    with pytest.raises(error, match=says) as info:
        dest = make_destination("iceberg:lake", settings(**target))
        dest.connect()
    assert "\n" not in str(info.value) and "secret" not in str(info.value)


def test_a_named_target_with_a_local_warehouse(tmp_path: Path, contacts) -> None:
    dest = make_destination("iceberg:lake", settings(warehouse=str(tmp_path / "w"), namespace="ac"))
    dest.connect()
    try:
        commit(dest, contacts, "merge", batch(contacts, [1]))
    finally:
        dest.close()
    assert (tmp_path / "w" / "catalog.db").exists() and (tmp_path / "w" / "ac").is_dir()
    assert not list((tmp_path / "w").glob(".acx-*"))  # the scratch folder is gone


def test_a_stream_is_appended_file_by_file_in_one_snapshot(tmp_path: Path) -> None:
    """append_stream: each batch written as it comes, a new file past `file_bytes`, every file
    in one snapshot, each file's statistics its own rows'."""
    from pyiceberg.catalog.sql import SqlCatalog

    from engine.load.iceberg_write import append_stream

    catalog = SqlCatalog("t", uri=f"sqlite:///{tmp_path / 'c.db'}", warehouse=f"file://{tmp_path}")
    catalog.create_namespace("ns")
    schema = pa.schema([pa.field("id", pa.int64()), pa.field("name", pa.string())])
    table = catalog.create_table(("ns", "t"), schema=schema)
    pages = [pa.record_batch([pa.array(ids, pa.int64()), pa.array([f"n{i}" for i in ids])],
                             schema=schema) for ids in ([1, 2], [3, 4], [], [5])]  # fmt: skip
    one = pages[0].nbytes
    with table.transaction() as tx:
        rows = append_stream(tx, table.io, pa.RecordBatchReader.from_batches(schema, pages), one)
    assert rows == 5
    table = catalog.load_table(("ns", "t"))
    assert len(table.snapshots()) == 1
    counts = sorted(t.file.record_count for t in table.scan().plan_files())
    assert counts == [1, 2, 2]  # a file per page (each is `one` big), the empty one none
    got = table.scan().to_arrow().sort_by("id")
    assert got["id"].to_pylist() == [1, 2, 3, 4, 5] and got["name"][4].as_py() == "n5"
