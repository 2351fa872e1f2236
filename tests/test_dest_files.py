"""File destinations (`--dest parquet:DIR`, `--dest jsonl:DIR`): whole runs against the sandbox,
then the destination alone for what the sandbox does not produce (duplicates, json, decimals)."""

from __future__ import annotations

import dataclasses
import itertools
import json
import random
import re
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from engine.api import RunOptions, run_spec
from engine.config.settings import Settings
from engine.errors import ConfigError, LoadError
from engine.load import Apply, make_destination
from engine.load.files import JsonlDestination, ParquetDestination, table_entry
from engine.load.state import FORMAT, StateRow
from engine.spec import Column, Replication, Stream
from engine.spec.types import arrow_type
from sandbox import Sandbox
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
@pytest.mark.slow
def test_parquet_snapshot_then_increments(tmp_path: Path) -> None:
    with Sandbox(contacts=120, api_key="k", rate_limit=0) as sb:
        code, first = run(sb, f"parquet:{tmp_path}")
        assert code == 0
        manifest = load(tmp_path, "_acx_manifest.json")
        state = load(tmp_path, "_acx_state.json")["streams"]

        files = listing(tmp_path)
        every = len(account_spec(sb.url, "k").streams)  # with the account's custom objects
        assert len(files) == every and set(files) == set(first) == set(manifest["tables"])
        for table, names in files.items():
            entry = manifest["tables"][table]
            [written] = entry["files"]
            assert names == [Path(written["path"]).name] and names[0].endswith(".parquet")
            assert written["current"] and written["mode"] == first[table]["mode"]
            meta = pq.read_metadata(tmp_path / written["path"])
            assert meta.num_rows == written["rows"] == first[table]["rows"] > 0
            schema = pq.read_schema(tmp_path / written["path"])
            assert schema.names == [c["name"] for c in entry["columns"]]
            assert "_acx_seq" not in schema.names
            for col in entry["columns"]:
                assert schema.field(col["name"]).type == FILE_TYPES[col["type"]], (table, col)
            assert state[entry["stream"]]["run_id"] == written["run_id"]
        contacts = manifest["tables"]["contacts"]
        assert contacts["primary_key"] == ["id"]
        assert contacts["files"][0]["savepoint"] == state["contacts"]["savepoint"] is not None
        field = pq.read_schema(tmp_path / contacts["files"][0]["path"]).field("udate")
        assert field.metadata == {b"description": b"When the contact was last updated."}

        # text with quotes, newlines and emoji comes through exactly
        texts = pq.read_table(tmp_path / "campaign_message_contents").select(["id", "text"])
        got = {row["id"]: row["text"] for row in texts.to_pylist()}
        awkward = {  # of the messages campaigns reference, the table's rows
            int(m["id"]): m["text"]
            for m in sb.expected("messages")
            if ('"' in m["text"] or "🎉" in m["text"]) and int(m["id"]) in got
        }
        assert awkward and all("\n" in t for t in awkward.values())
        assert {k: got[k] for k in awkward} == awkward
        # zero dates ("0000-00-00", "0000-00-00 00:00:00") are NULL
        people = by_id(pq.read_table(tmp_path / "contacts"))
        zero = [int(c["id"]) for c in sb.expected("contacts") if c["bounced_date"] == "0000-00-00"]
        assert zero and all(people[i]["bounced_date"] is None for i in zero)
        deals = by_id(pq.read_table(tmp_path / "deals"))
        zero = [int(d["id"]) for d in sb.expected("deals") if d["edate"] == "0000-00-00 00:00:00"]
        assert zero and all(deals[i]["edate"] is None for i in zero)
        stamp = next(iter(deals.values()))["cdate"]
        assert stamp.tzinfo is not None and stamp.utcoffset().total_seconds() == 0

        change = sb.mutate("contacts", update=3, create=2)
        code, second = run(sb, f"parquet:{tmp_path}")
        assert code == 0

    after = load(tmp_path, "_acx_manifest.json")
    state2 = load(tmp_path, "_acx_state.json")["streams"]
    for table, entry in after["tables"].items():
        old, new = entry["files"][:-1], entry["files"][-1]
        # cursor tables re-read from their savepoint (inclusive), so every table has a new file
        assert len(entry["files"]) == 2, table
        assert new["rows"] == second[table]["rows"]
        assert pq.read_metadata(tmp_path / new["path"]).num_rows == new["rows"]
        assert state2[entry["stream"]]["run_id"] == new["run_id"] != old[0]["run_id"]
        if second[table]["mode"] == "full":  # a new snapshot supersedes the old one
            assert new["mode"] == "full" and [f["current"] for f in entry["files"]] == [False, True]
        else:  # increments pile up on the first file
            assert new["mode"] == "incremental" and all(f["current"] for f in entry["files"])
    # incremental tables re-read from the savepoint (minus the update window), not everything
    increment = by_id(pq.read_table(tmp_path / after["tables"]["contacts"]["files"][1]["path"]))
    assert set(change["updated"] + change["created"]) <= set(increment)
    assert len(increment) < 120
    assert state2["contacts"]["savepoint"] > state["contacts"]["savepoint"]
    tags = after["tables"]["contact_tags"]["files"][1]
    assert tags["replaces_children_of"] == {
        "table": "contacts",
        "key": "contact",
        "references": "id",
    }


@pytest.mark.slow
def test_jsonl_round_trips_the_parquet_values(tmp_path: Path) -> None:
    with Sandbox(contacts=120, api_key="k", rate_limit=0) as sb:
        assert run(sb, f"parquet:{tmp_path / 'pq'}")[0] == 0
        code, summary = run(sb, f"jsonl:{tmp_path / 'jl'}")
        assert code == 0
    manifest = load(tmp_path / "jl", "_acx_manifest.json")
    assert manifest["format"] == "jsonl"
    readers = {
        "timestamp": lambda v: datetime.fromisoformat(v[:-1] + "+00:00"),
        "date": date.fromisoformat,
        "decimal": Decimal,  # an exact string in JSONL (custom object number fields)
    }
    for table, entry in manifest["tables"].items():
        [written] = entry["files"]
        rows = read_jsonl(tmp_path / "jl" / written["path"])
        assert len(rows) == written["rows"] == summary[table]["rows"]
        expected = pq.read_table(tmp_path / "pq" / table).to_pylist()
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
    text = (tmp_path / "jl" / "campaign_message_contents").glob("*.jsonl")
    raw = next(text).read_text(encoding="utf-8")
    assert "🎉" in raw and "\\u" not in raw  # UTF-8, not escaped


@pytest.mark.slow
def test_failed_table_leaves_no_partial_file_and_no_new_state(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Sandbox(contacts=120, api_key="k", rate_limit=0) as sb:
        assert run(sb, f"parquet:{tmp_path}")[0] == 0
        before = listing(tmp_path), load(tmp_path, "_acx_manifest.json")
        state = load(tmp_path, "_acx_state.json")["streams"]
        seen: list[list[str]] = []
        original = ParquetDestination.stage

        def stage_fails_on_second_batch(self: ParquetDestination, stream: Stream, rows: pa.Table):
            if stream.key == "contacts" and self._staged(stream):
                seen.append(sorted(p.name for p in (tmp_path / "contacts").iterdir()))
                raise LoadError("disk full")
            original(self, stream, rows)

        monkeypatch.setattr(ParquetDestination, "stage", stage_fails_on_second_batch)
        code, summary = run(sb, f"parquet:{tmp_path}", full_refresh=["contacts"], batch_rows=50)

    assert code == 1
    # mid-table, the staged rows sat in a hidden file next to the last good one
    visible = [name for name in seen[0] if not name.startswith(".")]
    assert visible == before[0]["contacts"] and len(seen[0]) == 2
    failed = {t for t, s in summary.items() if s["status"] != "ok"}
    passed = set(summary) - failed
    group = {"contact_field_values", "contact_list_activity", "contact_tags", "list_contacts"}
    assert failed == {"contacts", *group}  # the contacts group, and nothing else
    files, manifest = listing(tmp_path), load(tmp_path, "_acx_manifest.json")
    state2 = load(tmp_path, "_acx_state.json")["streams"]
    assert not [p for p in tmp_path.rglob(".acx-*")]
    for table in failed:
        assert files[table] == before[0][table]
        assert manifest["tables"][table] == before[1]["tables"][table]
        stream = manifest["tables"][table]["stream"]
        assert state2[stream] == state[stream]
    for table in passed:
        assert len(files[table]) == 2
        stream = manifest["tables"][table]["stream"]
        assert state2[stream]["run_id"] != state[stream]["run_id"]


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
    assert entry["rows"] == 3 and entry["mode"] == "incremental" and entry["run_id"] == "r1"
    assert entry["savepoint"] == "2024-03-02T08:30:00+00:00"
    path = tmp_path / entry["path"]
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
        }
        assert json.loads(lines[0])["at"] == "2024-03-01T12:00:00.500000Z"
    state = load(tmp_path, "_acx_state.json")["streams"]["people"]
    assert state["run_id"] == "r1" and state["savepoint"] == entry["savepoint"]


def test_empty_increment_writes_no_file_but_empty_snapshot_does(tmp_path: Path) -> None:
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
        ("r1", "incremental", 1, False),
        ("r3", "full", 0, True),
    ]
    assert pq.read_table(tmp_path / files[1]["path"]).num_rows == 0


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
    entry = table_entry(PEOPLE, None)
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
        assert len(list((tmp_path / "people").iterdir())) == 1  # this run's stage only
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
    try:
        with pytest.raises(LoadError, match="people.ratio is float .* now says text"):
            dest.commit([Apply(changed, "merge")], [state_row("r2", SAVEPOINT)])
        dest.commit([Apply(changed, "replace")], [state_row("r3", SAVEPOINT)])  # a new snapshot
    finally:
        dest.close()


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
    dest.connect()
    try:
        with pytest.raises(LoadError) as caught:
            stage_text(dest, 2_000, 24_000)
    finally:
        dest.close()
    message = str(caught.value)
    assert "\n" not in message and "SET memory_limit" not in message
    assert re.fullmatch(
        r"parquet:\S+: commit failed: DuckDB ran out of memory within its 1MB limit: .* "
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
