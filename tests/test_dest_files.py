"""File destinations (`--dest parquet:DIR`, `--dest jsonl:DIR`): whole runs against the sandbox,
then the destination alone for what the sandbox does not produce (duplicates, json, decimals)."""

from __future__ import annotations

import dataclasses
import itertools
import json
import random
import re
import shutil
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from engine.api import RunOptions, run_spec
from engine.config.settings import Settings
from engine.errors import ConfigError, LoadError
from engine.load import Apply, make_destination
from engine.load.files import JsonlDestination, ParquetDestination
from engine.load.files_manifest import table_entry
from engine.load.state import FORMAT, StateRow
from engine.spec import Column, Replication, Stream
from engine.spec.types import arrow_type
from sandbox import Sandbox
from tests.files_read import glob_of, reader
from tests.runhelp import account_spec

SPEC = str(Path(__file__).resolve().parent.parent / "specs" / "activecampaign.yaml")
FILE_TYPES = {
    "integer": pa.int64(),
    "float": pa.float64(),
    "text": pa.string(),
    "timestamp": pa.timestamp("us", tz="UTC"),
    "date": pa.date32(),
    "boolean": pa.bool_(),
    "json": pa.string(),  # JSON documents as their text
    "decimal": pa.decimal128(38, 9),
}


# ---- helpers
def run(sb: Sandbox, dest: str, **options: Any) -> tuple[int, dict[str, dict[str, Any]]]:
    """Run as the CLI does; returns the exit code and the summary table by table name."""
    lines: list[str] = []
    env = {"ACX_API_URL": sb.url, "ACX_API_KEY": "k", "ACX_REQUESTS_PER_SECOND": "1000"}
    chosen = RunOptions(dest=dest, **options)
    code = run_spec(SPEC, chosen, env=env, echo=lambda line: None, out=lines.append)
    summary = {}
    for line in lines[1:-1]:  # header and total left out
        table, mode, status, rows = line.split()[:4]
        summary[table] = {"mode": mode, "status": status, "rows": int(rows)}
    return code, summary


def load(folder: Path, name: str) -> dict[str, Any]:
    return json.loads((folder / name).read_text(encoding="utf-8"))


def listing(folder: Path) -> dict[str, list[str]]:
    """Every file under the folder (hidden ones too), by table folder."""
    return {d.name: sorted(p.name for p in d.iterdir()) for d in folder.iterdir() if d.is_dir()}


def by_id(table: pa.Table) -> dict[Any, dict[str, Any]]:
    return {row["id"]: row for row in table.to_pylist()}


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# ---- whole runs
TABLES = ["contacts", "contact_tags", "deals", "lists", "campaign_message_contents"]
RECONCILE = "[tables.contacts]\nreconcile_days = 0\n"  # each run reads contacts whole


def glob_rows(folder: Path, table: str, kind: str = "parquet") -> list[dict[str, Any]]:
    """A table's rows as a new user reads them: the plain glob of its folder, no manifest."""
    with duckdb.connect() as con:
        con.execute("SET TimeZone = 'UTC'")
        relation = con.sql(f"SELECT * FROM {reader(kind, glob_of(folder, table, kind))}")
        return [dict(zip(relation.columns, r, strict=True)) for r in relation.fetchall()]


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A first run into Parquet and into JSON Lines; then changes (updates, new rows, deleted
    rows of a full table and of contacts, which a config reads whole every run) and a second
    run into the Parquet folder; then deleted contacts and a third."""
    root = tmp_path_factory.mktemp("files")
    config = root / "acx.toml"
    config.write_text(RECONCILE)
    out: dict[str, Any] = {"root": root}
    with Sandbox(contacts=60, api_key="k", rate_limit=0) as sb:
        out["spec"] = account_spec(sb.url, "k")
        go = lambda dest: run(sb, dest, tables=TABLES, config_path=str(config))  # noqa: E731
        out["first"] = go(f"parquet:{root / 'pq'}")
        out["jsonl"] = go(f"jsonl:{root / 'jl'}")
        shutil.copytree(root / "pq", root / "pq1")  # as the first run left it
        out["changes"] = {
            "contacts": sb.mutate("contacts", update=3, create=2),
            "deals": sb.mutate("deals", update=2, create=1),
            "lists": sb.mutate("lists", delete=1),
        }
        out["second"] = go(f"parquet:{root / 'pq'}")
        out["expected2"] = {t: sb.expected(t) for t in ("contacts", "deals", "lists")}
        out["gone"] = sb.mutate("contacts", delete=2)
        out["third"] = go(f"parquet:{root / 'pq'}")
        out["expected3"] = sb.expected("contacts")
    return out


@pytest.mark.slow
def test_parquet_first_run_one_file_per_table(runs: dict[str, Any]) -> None:
    folder = runs["root"] / "pq1"
    code, first = runs["first"]
    assert code == 0
    manifest = load(folder, "_acx_manifest.json")
    state = load(folder, "_acx_state.json")["streams"]
    files = {t: n for t, n in listing(folder).items() if not t.startswith("_")}
    assert set(files) == set(first) == set(manifest["tables"]) >= set(TABLES)
    for table, names in files.items():
        entry = manifest["tables"][table]
        [written] = entry["files"]
        assert names == [f"{table}.parquet"] and written["path"] == f"{table}/{table}.parquet"
        assert written["current"] and written["mode"] == "full"
        meta = pq.read_metadata(folder / written["path"])
        assert meta.num_rows == written["rows"] == first[table]["rows"] > 0
        assert len(glob_rows(folder, table)) == written["rows"]
        schema = pq.read_schema(folder / written["path"])
        assert schema.names == [c["name"] for c in entry["columns"]]
        assert "_acx_seq" not in schema.names and "_acx_deleted_at" in schema.names
        for col in entry["columns"]:
            assert schema.field(col["name"]).type == FILE_TYPES[col["type"]], (table, col)
        assert state[entry["stream"]]["run_id"] == written["run_id"]
    contacts = manifest["tables"]["contacts"]
    assert contacts["primary_key"] == ["id"]
    assert contacts["files"][0]["savepoint"] == state["contacts"]["savepoint"] is not None
    field = pq.read_schema(folder / contacts["files"][0]["path"]).field("udate")
    assert field.metadata == {b"description": b"When the contact was last updated."}
    assert not list(folder.rglob(".acx-*"))

    # text with quotes, newlines and emoji comes through exactly
    got = {r["id"]: r["text"] for r in glob_rows(folder, "campaign_message_contents")}
    assert any('"' in t and "\n" in t for t in got.values() if t)
    assert any("🎉" in t for t in got.values() if t)
    # zero dates ("0000-00-00", "0000-00-00 00:00:00") are NULL, timestamps UTC instants
    people = {r["id"]: r for r in glob_rows(folder, "contacts")}
    zero = [i for i, c in people.items() if c["bounced_date"] is None]
    assert zero and len(zero) < len(people)
    stamp = next(iter(people.values()))["cdate"]
    assert stamp.tzinfo is not None and stamp.utcoffset().total_seconds() == 0


@pytest.mark.slow
def test_a_glob_reads_each_table_exactly_after_changes(runs: dict[str, Any]) -> None:
    folder = runs["root"] / "pq"
    code, second = runs["second"]
    assert code == 0
    expected = runs["expected2"]
    for table in ("contacts", "deals", "lists"):  # every id the source had, none twice
        ids = [r["id"] for r in glob_rows(runs["root"] / "pq1", table)]
        assert len(ids) == len(set(ids))
    deals = {r["id"]: r for r in glob_rows(folder, "deals")}
    assert sorted(deals) == sorted(int(d["id"]) for d in expected["deals"])
    changed = runs["changes"]["deals"]
    assert second["deals"]["mode"] == "incremental" and second["deals"]["rows"] < len(deals)
    assert all(deals[int(i)]["_acx_deleted_at"] is None for i in changed["updated"])
    lists = {r["id"]: r for r in glob_rows(folder, "lists")}
    [gone] = runs["changes"]["lists"]["deleted"]
    assert lists[int(gone)]["_acx_deleted_at"] is not None  # kept, marked
    assert sum(r["_acx_deleted_at"] is not None for r in lists.values()) == 1
    assert sorted(i for i, r in lists.items() if r["_acx_deleted_at"] is None) == sorted(
        int(x["id"]) for x in expected["lists"]
    )
    manifest = load(folder, "_acx_manifest.json")
    state = load(folder, "_acx_state.json")["streams"]
    for table, entry in manifest["tables"].items():
        rows = glob_rows(folder, table)
        [current] = [f for f in entry["files"] if f["current"]]
        assert current["rows"] == len(rows) and listing(folder)[table] == [f"{table}.parquet"]
        keys = [tuple(r[k] for k in entry["primary_key"]) for r in rows]
        assert len(keys) == len(set(keys)), table
        if current["run_id"] == state[entry["stream"]]["run_id"]:  # rewritten by this run:
            [old] = [f for f in entry["files"] if not f["current"]]  # the first run's, aside
            assert old["path"].startswith(f"_acx_superseded/{table}/")
            assert pq.read_metadata(folder / old["path"]).num_rows == old["rows"]


@pytest.mark.slow
def test_deleted_contacts_are_marked_with_their_children(runs: dict[str, Any]) -> None:
    folder = runs["root"] / "pq"
    assert runs["third"][0] == 0
    contacts = {r["id"]: r for r in glob_rows(folder, "contacts")}
    gone = {int(i) for i in runs["gone"]["deleted"]}
    marked = {i for i, r in contacts.items() if r["_acx_deleted_at"] is not None}
    assert marked == gone and len(gone) == 2
    assert set(contacts) - marked == {int(c["id"]) for c in runs["expected3"]}
    tags = glob_rows(folder, "contact_tags")
    assert all((r["_acx_deleted_at"] is not None) == (r["contact"] in gone) for r in tags)
    # the superseded file of each table is the previous run's only: older ones are removed
    aside = folder / "_acx_superseded" / "contacts"
    [kept] = [f for f in load(folder, "_acx_manifest.json")["tables"]["contacts"]["files"]
              if not f["current"]]  # fmt: skip
    assert [p.name for p in aside.iterdir()] == [Path(kept["path"]).name]


@pytest.mark.slow
def test_jsonl_round_trips_the_parquet_values(runs: dict[str, Any]) -> None:
    code, summary = runs["jsonl"]
    assert code == 0
    manifest = load(runs["root"] / "jl", "_acx_manifest.json")
    assert manifest["format"] == "jsonl"
    readers = {
        "timestamp": lambda v: datetime.fromisoformat(v[:-1] + "+00:00"),
        "date": date.fromisoformat,
        "decimal": Decimal,  # an exact string in JSONL (custom object number fields)
    }
    for table, entry in manifest["tables"].items():
        [written] = entry["files"]
        rows = read_jsonl(runs["root"] / "jl" / written["path"])
        assert len(rows) == written["rows"] == summary[table]["rows"]
        assert len(glob_rows(runs["root"] / "jl", table, "jsonl")) == len(rows)
        expected = glob_rows(runs["root"] / "pq1", table)
        for col in entry["columns"]:
            if col["type"] == "timestamp":
                assert all(r[col["name"]] is None or r[col["name"]].endswith("Z") for r in rows)
            if col["name"] == "_acx_synced_at":
                continue  # when each run wrote them: two runs, two moments
            read = readers.get(col["type"], lambda v: v)
            got = [None if r[col["name"]] is None else read(r[col["name"]]) for r in rows]
            want = [r[col["name"]] for r in expected]
            if col["type"] == "json":  # a document in JSONL, its text in Parquet
                want = [None if v is None else json.loads(v) for v in want]
            assert got == want, (table, col["name"])
    raw = (runs["root"] / "jl" / "campaign_message_contents").glob("*.jsonl")
    text = next(raw).read_text(encoding="utf-8")
    assert "🎉" in text and "\\u" not in text  # UTF-8, not escaped


@pytest.mark.slow
def test_failed_table_leaves_its_files_and_state(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Sandbox(contacts=60, api_key="k", rate_limit=0) as sb:
        tables = ["contacts", "contact_tags", "lists"]
        assert run(sb, f"parquet:{tmp_path}", tables=tables)[0] == 0
        before = {p: p.read_bytes() for p in tmp_path.glob("*/*.parquet")}
        manifest = load(tmp_path, "_acx_manifest.json")
        state = load(tmp_path, "_acx_state.json")["streams"]
        seen: list[list[str]] = []
        original = ParquetDestination.stage

        def stage_fails_on_second_batch(self: ParquetDestination, stream: Stream, rows: pa.Table):
            if stream.key in ("contacts", "contact_tags"):  # the group's second batch fails
                if seen:
                    raise LoadError("disk full")
                seen.append(sorted(p.name for p in (tmp_path / "contacts").iterdir()))
            original(self, stream, rows)

        monkeypatch.setattr(ParquetDestination, "stage", stage_fails_on_second_batch)
        options = {"full_refresh": ["contacts"], "batch_rows": 25, "tables": tables}
        code, summary = run(sb, f"parquet:{tmp_path}", **options)

    assert code == 1
    assert seen[0] == ["contacts.parquet"]  # mid-table: nothing of the run in the folder
    failed = {t for t, s in summary.items() if s["status"] != "ok"}
    assert failed == {"contacts", "contact_tags"} and summary["lists"]["status"] == "ok"
    after, state2 = load(tmp_path, "_acx_manifest.json"), load(tmp_path, "_acx_state.json")
    assert not list(tmp_path.rglob(".acx-*"))
    for table in failed:
        path = tmp_path / table / f"{table}.parquet"
        assert path.read_bytes() == before[path]
        assert after["tables"][table] == manifest["tables"][table]
        assert state2["streams"][table] == state[table]
    assert state2["streams"]["lists"]["run_id"] != state["lists"]["run_id"]


# ---- the destination alone
PEOPLE = Stream(
    key="people",
    name="people",
    title="People",
    description="Test rows.",
    primary_key=("id",),
    columns=tuple(
        Column(key=name, name=name, type=kind, description=f"The {name}.", field=name)
        for name, kind in [
            ("id", "integer"),
            ("name", "text"),
            ("score", "decimal"),
            ("data", "json"),
            ("day", "date"),
            ("at", "timestamp"),
            ("ratio", "float"),
        ]
    ),
    replication=Replication(mode="incremental", cursor="at"),
)
AWKWARD = 'Zoë "q"\n🙂'


def batch(rows: list[tuple[Any, ...]], seq: int) -> pa.Table:
    """A batch as the runner stages it: warehouse columns plus _acx_seq."""
    columns = list(zip(*rows, strict=True))
    arrays = [pa.array(v, arrow_type(c.type)) for c, v in zip(PEOPLE.columns, columns, strict=True)]
    arrays.append(pa.array(range(seq, seq + len(rows)), pa.int64()))
    return pa.Table.from_arrays(arrays, names=[*(c.name for c in PEOPLE.columns), "_acx_seq"])


def state_row(run_id: str, savepoint: datetime | None) -> StateRow:
    return StateRow("people", savepoint, "incremental", 3, run_id, datetime.now(timezone.utc))


def row(id_: int, name: str, at: datetime) -> tuple[Any, ...]:
    return (id_, name, Decimal("1.5"), '{"a":[1,"é"]}', date(2024, 2, 29), at, 0.25)


T1 = datetime(2024, 3, 1, 12, 0, 0, 500000)
T2 = datetime(2024, 3, 2, 8, 30)
SAVEPOINT = datetime(2024, 3, 2, 8, 30, tzinfo=timezone.utc)


@pytest.mark.parametrize("kind", ["parquet", "jsonl"])
def test_rows_staged_twice_end_up_once(tmp_path: Path, kind: str) -> None:
    dest = make_destination(f"{kind}:{tmp_path}")
    dest.connect()
    try:
        dest.prepare(PEOPLE)
        dest.stage(PEOPLE, batch([row(2, "old", T1), row(1, "one", T1)], 0))
        dest.stage(PEOPLE, batch([row(2, AWKWARD, T2), row(3, "three", T1)], 2))
        dest.commit([Apply(PEOPLE, "merge")], [state_row("r1", SAVEPOINT)])
    finally:
        dest.close()
    [entry] = load(tmp_path, "_acx_manifest.json")["tables"]["people"]["files"]
    assert entry["rows"] == 3 and entry["mode"] == "full" and entry["run_id"] == "r1"
    assert entry["savepoint"] == "2024-03-02T08:30:00+00:00"
    path = tmp_path / entry["path"]
    assert (
        entry["path"] == f"people/people.{kind}" and len(glob_rows(tmp_path, "people", kind)) == 3
    )
    if kind == "parquet":
        rows = pq.read_table(path).to_pylist()
        assert [r["id"] for r in rows] == [1, 2, 3]  # sorted by key
        assert rows[1]["name"] == AWKWARD and rows[1]["at"] == SAVEPOINT
        assert pq.read_schema(path).field("score").type == pa.decimal128(38, 9)
    else:
        lines = path.read_text(encoding="utf-8").splitlines()
        assert len(lines) == 3 and "🙂" in lines[1] and "é" in lines[1]
        written = json.loads(lines[1])
        synced = datetime.fromisoformat(written.pop("_acx_synced_at"))
        assert abs(datetime.now(timezone.utc) - synced) < timedelta(minutes=5)
        assert written == {
            "id": 2,
            "name": AWKWARD,
            "score": "1.500000000",
            "data": {"a": [1, "é"]},
            "day": "2024-02-29",
            "at": "2024-03-02T08:30:00Z",
            "ratio": 0.25,
            "_acx_deleted_at": None,
        }
        assert json.loads(lines[0])["at"] == "2024-03-01T12:00:00.500000Z"
    state = load(tmp_path, "_acx_state.json")["streams"]["people"]
    assert state["run_id"] == "r1" and state["savepoint"] == entry["savepoint"]


def test_a_commit_that_changes_nothing_writes_no_file_but_an_empty_snapshot_does(
    tmp_path: Path,
) -> None:
    dest = ParquetDestination(str(tmp_path))
    dest.connect()
    try:
        for run_id, mode in [("r1", "merge"), ("r2", "merge"), ("r3", "replace")]:
            dest.prepare(PEOPLE)
            if run_id == "r1":
                dest.stage(PEOPLE, batch([row(1, "one", T1)], 0))
            dest.commit([Apply(PEOPLE, mode)], [state_row(run_id, SAVEPOINT)])
        assert dest.read_state()["people"].run_id == "r3"
    finally:
        dest.close()
    files = load(tmp_path, "_acx_manifest.json")["tables"]["people"]["files"]
    assert [(f["run_id"], f["mode"], f["rows"], f["current"]) for f in files] == [
        ("r1", "full", 1, False),
        ("r3", "full", 0, True),
    ]
    assert files[0]["path"].startswith("_acx_superseded/people/")
    assert pq.read_table(tmp_path / files[0]["path"]).num_rows == 1  # kept aside
    assert glob_rows(tmp_path, "people") == []


@pytest.mark.parametrize("kind", ["parquet", "jsonl"])
def test_rows_a_whole_read_lacks_stay_marked_and_clear_when_back(tmp_path: Path, kind: str) -> None:
    dest = make_destination(f"{kind}:{tmp_path}")
    dest.connect()
    marks = []
    try:
        for run_id, ids, mode in [("r1", [1, 2, 3], "merge"), ("r2", [1, 3], "mirror"),
                                  ("r3", [2], "merge")]:  # fmt: skip
            dest.prepare(PEOPLE)
            dest.stage(PEOPLE, batch([row(i, f"n{i}", T1) for i in ids], 0))
            dest.commit([Apply(PEOPLE, mode)], [state_row(run_id, SAVEPOINT)])  # type: ignore[arg-type]
            rows = sorted(glob_rows(tmp_path, "people", kind), key=lambda r: r["id"])
            marks.append([(r["id"], r["_acx_deleted_at"] is not None) for r in rows])
    finally:
        dest.close()
    assert marks == [
        [(1, False), (2, False), (3, False)],
        [(1, False), (2, True), (3, False)],
        [(1, False), (2, False), (3, False)],
    ]


def test_a_folder_an_earlier_acx_wrote_in_increments_becomes_one_file(tmp_path: Path) -> None:
    """Manifest 1: a full file then an increment per run in the table's folder; the next
    commit compacts them (the increment applied on the key) and moves them aside."""
    (tmp_path / "people").mkdir()
    files = []
    for n, (name, rows, mode) in enumerate(
        [("a", [row(1, "one", T1), row(2, "two", T1)], "full"),
         ("b", [row(2, "TWO", T2), row(3, "three", T2)], "incremental")]
    ):  # fmt: skip
        table = batch(rows, 0).drop_columns(["_acx_seq"])
        synced = pa.array([T2] * table.num_rows, pa.timestamp("us", tz="UTC"))
        path = f"people/2024030{n + 1}T000000Z_{name}.parquet"
        pq.write_table(table.append_column("_acx_synced_at", synced), tmp_path / path)
        files.append({"path": path, "run_id": name, "mode": mode, "rows": len(rows),
                      "format": FORMAT, "current": True})  # fmt: skip
    entry = table_entry(PEOPLE, files)
    manifest = {"acx_manifest": 1, "format": "parquet", "tables": {"people": entry}}
    (tmp_path / "_acx_manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    dest = ParquetDestination(str(tmp_path))
    dest.connect()
    try:
        dest.prepare(PEOPLE)
        dest.stage(PEOPLE, batch([row(4, "four", T2)], 0))
        dest.commit([Apply(PEOPLE, "merge")], [state_row("c", SAVEPOINT)])
    finally:
        dest.close()
    rows = {r["id"]: r["name"] for r in glob_rows(tmp_path, "people")}
    assert rows == {1: "one", 2: "TWO", 3: "three", 4: "four"}
    assert listing(tmp_path)["people"] == ["people.parquet"]
    after = load(tmp_path, "_acx_manifest.json")["tables"]["people"]["files"]
    assert [(f["run_id"], f["current"]) for f in after] == [("a", False), ("b", False), ("c", True)]
    assert all((tmp_path / f["path"]).is_file() for f in after)


def test_parquet_timestamps_are_utc_adjusted_instants(tmp_path: Path) -> None:
    dest = ParquetDestination(str(tmp_path))
    dest.connect()
    try:
        dest.prepare(PEOPLE)
        dest.stage(PEOPLE, batch([row(1, "one", T1)], 0))
        dest.commit([Apply(PEOPLE, "replace")], [new_state("r1")])
    finally:
        dest.close()
    [entry] = load(tmp_path, "_acx_manifest.json")["tables"]["people"]["files"]
    assert (entry["format"], entry["timezone"]) == (FORMAT, "America/New_York")
    path = tmp_path / entry["path"]
    assert pq.read_schema(path).field("at").type == pa.timestamp("us", tz="UTC")
    logical = json.loads(pq.ParquetFile(path).schema.column(5).logical_type.to_json())
    assert (logical["Type"], logical["isAdjustedToUTC"]) == ("Timestamp", True)
    [at] = pq.read_table(path).column("at").to_pylist()
    assert at == T1.replace(tzinfo=timezone.utc)


def new_state(run_id: str) -> StateRow:
    columns = tuple(c.name for c in PEOPLE.columns)
    at = datetime.now(timezone.utc)
    return StateRow("people", SAVEPOINT, "full", 1, run_id, at, "America/New_York", FORMAT, columns)


def old_folder(root: Path) -> None:
    """A folder as an earlier tool left it: a current Parquet file whose timestamps carry no
    zone, a manifest entry without `format`, a state row without the new keys."""
    (root / "people").mkdir(parents=True)
    rows = batch([row(1, "old", T1), row(2, "gone", T2)], 0).drop_columns(["_acx_seq"])
    naive = rows.set_column(5, "at", rows["at"].cast(pa.timestamp("us")))
    pq.write_table(naive, root / "people" / "20240302T000000Z_old.parquet")
    entry = table_entry(PEOPLE, [])
    entry["files"] = [
        {"path": "people/20240302T000000Z_old.parquet", "run_id": "old", "mode": "full",
         "rows": 2, "savepoint": "2024-03-02T08:30:00+00:00", "written_at": "2024-03-02T09:00:00+00:00",
         "current": True}
    ]  # fmt: skip
    manifest = {"acx_manifest": 1, "format": "parquet", "tables": {"people": entry}}
    (root / "_acx_manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    old = state_row("old", SAVEPOINT).as_record()
    old = {k: v for k, v in old.items() if k not in ("timezone", "format", "columns")}
    (root / "_acx_state.json").write_text(json.dumps({"acx_state": 1, "streams": {"people": old}}))


def test_zone_less_parquet_of_an_earlier_tool_is_replaced_by_a_utc_snapshot(
    tmp_path: Path,
) -> None:
    old_folder(tmp_path)
    dest = ParquetDestination(str(tmp_path))
    dest.connect()
    try:
        old = dest.read_state()["people"]
        assert (old.run_id, old.timezone, old.format, old.columns) == ("old", None, None, None)
        dest.prepare(PEOPLE)
        assert dest.legacy_columns(PEOPLE) == ("at",)
        dest.stage(PEOPLE, batch([row(1, "new", T2)], 0))
        with pytest.raises(LoadError, match=r"zone-less type .*\(at\)"):
            dest.commit([Apply(PEOPLE, "merge")], [new_state("r1")])
        dest.commit([Apply(PEOPLE, "replace", migrate=("at",))], [new_state("r1")])
        assert dest.legacy_columns(PEOPLE) == ()
        assert dest.read_state()["people"].format == FORMAT
        dest.prepare(PEOPLE)  # the current file is this acx's now
        assert dest.legacy_columns(PEOPLE) == ()
    finally:
        dest.close()
    old_file, new_file = load(tmp_path, "_acx_manifest.json")["tables"]["people"]["files"]
    assert not old_file["current"] and new_file["current"] and new_file["format"] == FORMAT
    assert old_file["path"] == "_acx_superseded/people/20240302T000000Z_old.parquet"
    assert listing(tmp_path)["people"] == ["people.parquet"]
    table = pq.read_table(tmp_path / new_file["path"])
    assert table.schema.field("at").type == pa.timestamp("us", tz="UTC")
    assert table.column("at").to_pylist() == [T2.replace(tzinfo=timezone.utc)]
    state = load(tmp_path, "_acx_state.json")["streams"]["people"]
    assert state["timezone"] == "America/New_York" and state["format"] == FORMAT
    assert state["columns"] == [c.name for c in PEOPLE.columns]


def test_discard_and_crash_leftovers_leave_nothing(tmp_path: Path) -> None:
    (tmp_path / "people").mkdir()
    (tmp_path / "people" / ".acx-dead.stage.parquet").write_text("crashed run")
    (tmp_path / ".acx-_acx_manifest.json").write_text("crashed run")
    dest = JsonlDestination(str(tmp_path))
    dest.connect()
    try:
        dest.prepare(PEOPLE)
        dest.stage(PEOPLE, batch([row(1, "one", T1)], 0))
        assert not list((tmp_path / "people").iterdir())  # stages stay out of the folder
        dest.discard([PEOPLE])
    finally:
        dest.close()
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["_acx.lock", "people"]
    assert dest.read_state() == {}


def test_type_change_on_increments_is_refused(tmp_path: Path) -> None:
    dest = ParquetDestination(str(tmp_path))
    dest.connect()
    dest.prepare(PEOPLE)
    dest.stage(PEOPLE, batch([row(1, "one", T1)], 0))
    dest.commit([Apply(PEOPLE, "merge")], [state_row("r1", SAVEPOINT)])
    ratio = PEOPLE.column("ratio")
    changed = dataclasses.replace(
        PEOPLE,
        columns=tuple(
            dataclasses.replace(c, type="text") if c is ratio else c for c in PEOPLE.columns
        ),
    )
    dest.close()
    dest = ParquetDestination(str(tmp_path))  # the next run, with the changed spec
    dest.connect()
    try:
        dest.prepare(changed)
        dest.stage(changed, batch([row(1, "one", T1)], 0).set_column(6, "ratio", pa.array(["x"])))
        with pytest.raises(LoadError, match="people.ratio is float .* now says text"):
            dest.commit([Apply(changed, "merge")], [state_row("r2", SAVEPOINT)])
        dest.commit([Apply(changed, "replace")], [state_row("r3", SAVEPOINT)])  # a new snapshot
    finally:
        dest.close()
    assert [r["ratio"] for r in glob_rows(tmp_path, "people")] == ["x"]


# ---- text: DuckDB dedupes and sorts it within the DuckDB destination's memory settings

WORDS = [b"<p>", b"</p>", b"the", b"campaign", b"offer", b"unsubscribe", b"Ana", b"42"]
CORPUS = b" ".join(random.Random(7).choices(WORDS, k=500_000))  # ~3 MB to cut values from


def text_batch(start: int, size: int, value_bytes: int, seq: int = 0) -> pa.Table:
    """PEOPLE rows with ids start.. whose name is ~value_bytes of text; the rest null."""
    rng = random.Random(start)
    lengths = [rng.randrange(value_bytes // 2, value_bytes * 3 // 2) for _ in range(size)]
    cuts = [rng.randrange(len(CORPUS) - n) for n in lengths]
    data = b"".join(CORPUS[c : c + n] for c, n in zip(cuts, lengths, strict=True))
    offsets = pa.array(itertools.accumulate(lengths, initial=0), pa.int32()).buffers()[1]
    columns = {c.name: pa.nulls(size, arrow_type(c.type)) for c in PEOPLE.columns}
    columns["id"] = pa.array(range(start, start + size), pa.int64())
    columns["name"] = pa.StringArray.from_buffers(size, offsets, pa.py_buffer(data))
    return pa.table({**columns, "_acx_seq": pa.array(range(seq, seq + size), pa.int64())})


def stage_text(dest: ParquetDestination, rows: int, value_bytes: int) -> None:
    dest.prepare(PEOPLE)
    for start in range(0, rows, 2_000):
        dest.stage(PEOPLE, text_batch(start, min(2_000, rows - start), value_bytes, start))
    dest.stage(PEOPLE, text_batch(0, 10, 100, rows))  # a page read twice: its rows as last read
    dest.commit([Apply(PEOPLE, "replace")], [state_row("r1", SAVEPOINT)])


@pytest.mark.slow
def test_100mb_of_text_commits_under_the_defaults(tmp_path: Path) -> None:
    dest = ParquetDestination(str(tmp_path))
    dest.connect()
    try:
        stage_text(dest, 4_200, 24_000)
    finally:
        dest.close()
    [entry] = load(tmp_path, "_acx_manifest.json")["tables"]["people"]["files"]
    parquet = pq.ParquetFile(tmp_path / entry["path"])
    names = parquet.read(columns=["id", "name"])
    assert entry["rows"] == names.num_rows == 4_200
    assert sum(map(len, names.column("name").to_pylist())) > 95_000_000
    assert len(names.column("name")[5].as_py()) < 150  # staged again, short
    groups = [parquet.metadata.row_group(i) for i in range(parquet.num_row_groups)]
    assert max(g.total_byte_size for g in groups) < 80_000_000  # read back ~64 MB at a time
    assert not list(tmp_path.rglob(".acx-*"))  # stage and spill gone


def test_out_of_memory_names_the_setting_to_raise(tmp_path: Path) -> None:
    settings = Settings(api_url="", api_key="", env={"ACX_DUCKDB_MEMORY_LIMIT": "1MB"})
    dest = ParquetDestination(str(tmp_path), settings)
    try:
        with pytest.raises(LoadError) as caught:
            dest.connect()
            stage_text(dest, 2_000, 24_000)
    finally:
        dest.close()
    message = str(caught.value)
    assert "\n" not in message and "SET memory_limit" not in message
    assert re.fullmatch(
        r"parquet:\S+: (loading people: )?DuckDB ran out of memory within its 1MB limit: .* "
        r"\(raise it, e.g. ACX_DUCKDB_MEMORY_LIMIT=96MB\)",
        message,
    )
    assert not list(tmp_path.rglob(".acx-*"))


@pytest.mark.parametrize(
    ("dest", "error", "match"),
    [
        ("parquet", ConfigError, r"parquet needs a folder \(e.g. --dest parquet:./out\)"),
        ("jsonl:", ConfigError, r"jsonl needs a folder \(e.g. --dest jsonl:./out\)"),
    ],
)
def test_a_folder_is_required(dest: str, error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        make_destination(dest)


def test_one_run_per_folder(tmp_path: Path) -> None:
    first, second = ParquetDestination(str(tmp_path)), ParquetDestination(str(tmp_path))
    first.connect()
    try:
        with pytest.raises(LoadError, match="in use by another process"):
            second.connect()
    finally:
        first.close()
    second.connect()
    second.close()


def test_a_folder_holds_one_format(tmp_path: Path) -> None:
    dest = ParquetDestination(str(tmp_path))
    dest.connect()
    dest.commit([], [])
    dest.close()
    with pytest.raises(ConfigError, match="holds parquet files, not jsonl"):
        JsonlDestination(str(tmp_path)).connect()
