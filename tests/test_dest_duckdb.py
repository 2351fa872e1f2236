"""DuckDB under its memory limit: a table of millions of rows, or of 100 MB of text, commits in a
fraction of the memory its data takes (spilling to a folder next to the database file), so a large
account loads on a small machine; short of memory, the error names the setting to raise (bench/run.py
text loads 1 GB of text). Timestamps load as UTC instants in
TIMESTAMPTZ, and a table an earlier acx made with zone-less TIMESTAMP columns is migrated in the
commit that replaces its rows, all or nothing, even when the process is killed inside it."""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import random
import re
import signal
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import duckdb
import pyarrow as pa
import pytest

from engine.config.settings import Settings
from engine.errors import ConfigError, LoadError
from engine.load import Apply
from engine.load.duckdb import DuckDBDestination, Memory
from engine.load.sqlbuild import SEQ
from engine.load.state import FORMAT, StateRow
from engine.read.coerce import Coercer
from engine.read.records import RowBuilder
from engine.run.batches import StreamBuffer
from engine.run.results import TableResult
from engine.spec import Stream, load_spec
from tests.conftest import MINI, ROOT, SPEC

ROWS = 1_500_000
BATCH = 100_000


@pytest.fixture(scope="module")
def stream() -> Stream:
    return load_spec(SPEC).stream("contact_field_values")


def batch(stream: Stream, start: int, size: int, seq: int = 0, text: str = "value") -> pa.Table:
    """Rows with ids start.. and staging sequence numbers seq.. (later staged wins)."""
    ids = pa.array(range(start, start + size), type=pa.int64())
    columns = {}
    for col in stream.columns:
        if col.type == "integer":
            columns[col.name] = ids
        elif col.type == "text":
            columns[col.name] = pa.array([f"{text} {i}" for i in range(start, start + size)])
        else:
            columns[col.name] = pa.nulls(size)
    columns[SEQ] = pa.array(range(seq, seq + size), type=pa.int64())
    return pa.table(columns)


@contextlib.contextmanager
def opened(path: str, settings: Settings | None = None) -> Iterator[DuckDBDestination]:
    """A destination connected to the file at `path`, closed when the block ends."""
    dest = DuckDBDestination(path, settings)
    dest.connect()
    try:
        yield dest
    finally:
        dest.close()


@pytest.mark.slow
def test_millions_of_rows_commit_within_a_32mb_limit(tmp_path: Path, stream: Stream) -> None:
    """A declared primary key would hold an in-memory index of every key (~40 MB here) that no
    memory limit reaches: the commit would fail with DuckDB's Out of Memory error."""
    with opened(
        str(tmp_path / "big.duckdb"),
        Settings(api_url="", api_key="", env={"ACX_DUCKDB_MEMORY_LIMIT": "32MB"}),
    ) as dest:
        dest.prepare(stream)
        for start in range(0, ROWS, BATCH):
            dest.stage(stream, batch(stream, start, BATCH, seq=start))
        # a page read twice, its rows changed in between: each loads once, as last read
        dest.stage(stream, batch(stream, 0, 10, seq=ROWS, text="changed"))
        done = StateRow(stream.key, None, "full", ROWS, "run", datetime.now(timezone.utc))
        dest.commit([Apply(stream, "replace")], [done])
        rows = dest.execute(f"SELECT count(*) FROM {stream.name}")[0][0]
        twice = f"SELECT id FROM {stream.name} GROUP BY id HAVING count(*) > 1"
        repeated = dest.execute(f"SELECT count(*) FROM ({twice})")[0][0]
        again = dest.execute(f"SELECT value FROM {stream.name} WHERE id = 3")
    assert rows == ROWS and repeated == 0
    assert again == [("changed 3",)]


def test_a_key_staged_twice_keeps_its_last_row_and_single_keys_load_as_staged(
    tmp_path: Path, stream: Stream
) -> None:
    """The runner counts the keys it stages: a stage whose keys were each staged once goes to
    the table as it is (the dedupe's aggregate over the stage was the costliest statement of a
    small table's commit); a page read again (a key in two batches) keeps the last row read."""
    spec = load_spec(SPEC)
    pages = {
        "once": [range(0, 5), range(5, 10)],
        "twice": [range(0, 5), range(5, 10), range(3, 7)],  # the last page re-reads 3..6
    }
    found = {}
    for name, reads in pages.items():
        buf, builder = StreamBuffer(stream, timezone.utc, spec), RowBuilder(stream)
        with opened(str(tmp_path / f"{name}.duckdb")) as dest:
            dest.prepare(stream)
            for n, ids in enumerate(reads):
                records = [{"id": str(i), "value": f"read {n}", "contact": "1"} for i in ids]
                buf.add(builder, {}, records, None)
                staged = buf.take(timezone.utc, None, "test", TableResult(stream.key, "full"))
                assert staged is not None
                dest.stage(stream, staged)
            rows = buf.distinct
            done = StateRow(stream.key, None, "full", rows, "run", datetime.now(timezone.utc))
            dest.commit([Apply(stream, "merge", repeats=buf.repeats(rows))], [done])
            found[name] = (buf.repeats(rows), dest.execute(f"SELECT id, value FROM {stream.name}"))
    assert found["once"] == (False, [(i, f"read {i // 5}") for i in range(10)])
    repeats, table = found["twice"]
    assert repeats
    assert sorted(table) == [(i, "read 2" if 3 <= i <= 6 else f"read {i // 5}") for i in range(10)]


# ---- text: HTML message bodies and notes, as the runner stages them (batches of 2,000 rows)

WORDS = [b"<p>", b"</p>", b"the", b"campaign", b"offer", b"unsubscribe", b"Ana", b"42"]
CORPUS = b" ".join(random.Random(7).choices(WORDS, k=500_000))  # ~3 MB to cut values from


def text_batch(stream: Stream, start: int, size: int, value_bytes: int) -> pa.Table:
    """Rows with ids start.. whose `value` is ~value_bytes of text (each a different cut)."""
    rng = random.Random(start)
    lengths = [rng.randrange(value_bytes // 2, value_bytes * 3 // 2) for _ in range(size)]
    cuts = [rng.randrange(len(CORPUS) - n) for n in lengths]
    data = b"".join(CORPUS[c : c + n] for c, n in zip(cuts, lengths, strict=True))
    offsets = pa.array(itertools.accumulate(lengths, initial=0), pa.int32())
    values = pa.StringArray.from_buffers(size, offsets.buffers()[1], pa.py_buffer(data))
    table = batch(stream, start, size, seq=start)
    return table.set_column(table.column_names.index("value"), "value", values)


def load_text(dest: DuckDBDestination, stream: Stream, rows: int, value_bytes: int) -> None:
    dest.prepare(stream)
    for start in range(0, rows, 2_000):
        dest.stage(stream, text_batch(stream, start, min(2_000, rows - start), value_bytes))
    done = StateRow(stream.key, None, "full", rows, "run", datetime.now(timezone.utc))
    dest.commit([Apply(stream, "replace")], [done])


@pytest.mark.slow
def test_100mb_of_text_loads_under_the_defaults(tmp_path: Path, stream: Stream) -> None:
    """Values of ~24 KB: 2,048 of them (DuckDB's vector) are ~50 MB, more than the 32MB limit
    acx had, which failed on every run ("failed to pin block")."""
    with opened(str(tmp_path / "text.duckdb")) as dest:
        load_text(dest, stream, 4_200, 24_000)
        [(rows, size)] = dest.execute(f"SELECT count(*), sum(strlen(value)) FROM {stream.name}")
    assert rows == 4_200 and size > 95_000_000
    assert sorted(p.name for p in tmp_path.iterdir()) == ["text.duckdb"]  # no spill left


def test_a_killed_runs_spill_folder_is_removed(tmp_path: Path) -> None:
    (tmp_path / "acx.duckdb.tmp").mkdir()
    (tmp_path / "acx.duckdb.tmp" / "duckdb_temp_block-4611686018427388032.block").write_bytes(
        b"x" * 1000
    )
    dest = DuckDBDestination(str(tmp_path / "acx.duckdb"))
    dest.connect()
    dest.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["acx.duckdb"]


@pytest.mark.slow
def test_text_beyond_the_limit_spills_to_the_temp_directory(tmp_path: Path, stream: Stream) -> None:
    spill = tmp_path / "spill"
    env = {"ACX_DUCKDB_MEMORY_LIMIT": "32MB", "ACX_DUCKDB_TEMP_DIRECTORY": str(spill)}
    with opened(str(tmp_path / "text.duckdb"), Settings("", "", env=env)) as dest:
        assert dest.execute("SELECT current_setting('temp_directory')") == [(str(spill),)]
        load_text(dest, stream, 100_000, 1_000)  # 100 MB in one transaction, three times 32MB
        assert dest.execute(f"SELECT count(*) FROM {stream.name}") == [(100_000,)]
    assert not spill.exists()


def test_out_of_memory_names_the_setting_to_raise(tmp_path: Path, stream: Stream) -> None:
    env = {"ACX_DUCKDB_MEMORY_LIMIT": "8MB"}
    small = Settings("", "", env=env)
    with opened(str(tmp_path / "small.duckdb"), small) as dest, pytest.raises(LoadError) as caught:
        load_text(dest, stream, 2_000, 24_000)
    message = str(caught.value)
    assert "\n" not in message and "SET memory_limit" not in message
    assert re.fullmatch(
        r"duckdb:\S+small.duckdb: loading contact_field_values: DuckDB ran out of memory within "
        r"its 8MB limit: .* \(raise it, e.g. ACX_DUCKDB_MEMORY_LIMIT=96MB\)",
        message,
    )


@pytest.mark.parametrize(
    ("error", "says"),
    [
        (
            duckdb.OutOfMemoryException(
                "Out of Memory Error: failed to allocate data of size 64.0 MiB (1.0 MiB/122.0 "
                "MiB used)\n\nPossible solutions:\n* Increasing the memory limit (SET ...)"
            ),
            "x: DuckDB ran out of memory within its 1.5GB limit: Out of Memory Error: failed to "
            "allocate data of size 64.0 MiB (1.0 MiB/122.0 MiB used) "
            "(raise it, e.g. ACX_DUCKDB_MEMORY_LIMIT=3GB)",
        ),
        (
            duckdb.TransactionException(
                "TransactionContext Error: Failed to commit: failed to pin block of size 256.0 "
                "KiB (1.5 GiB/1.5 GiB used)\n\nPossible solutions: ..."
            ),
            "x: DuckDB ran out of memory within its 1.5GB limit: TransactionContext Error: "
            "Failed to commit: failed to pin block of size 256.0 KiB (1.5 GiB/1.5 GiB used) "
            "(raise it, e.g. ACX_DUCKDB_MEMORY_LIMIT=3GB)",
        ),
        (
            duckdb.OutOfMemoryException(
                "Out of Memory Error: failed to offload data block of size 256.0 KiB (9.9 GiB/9.9 "
                "GiB used).\nThis limit was set by the 'max_temp_directory_size' setting.\n..."
            ),
            "x: DuckDB's spill space at /data/acx.duckdb.tmp is full: Out of Memory Error: failed "
            "to offload data block of size 256.0 KiB (9.9 GiB/9.9 GiB used). (free disk space "
            "there, or set ACX_DUCKDB_TEMP_DIRECTORY to a folder on a larger disk)",
        ),
        (
            duckdb.CatalogException("Catalog Error: no table t\nLINE 1"),
            "x: Catalog Error: no table t",
        ),
    ],
)
def test_duckdb_errors_become_one_line(error: duckdb.Error, says: str) -> None:
    memory = Memory("1.5GB", "/data/acx.duckdb.tmp")
    assert str(memory.error("x", error)) == says


@pytest.mark.parametrize("value", ["100000", "lots", "2GI", "-1GB"])
def test_a_memory_limit_needs_a_unit(value: str) -> None:
    with pytest.raises(ConfigError, match=f"ACX_DUCKDB_MEMORY_LIMIT '{value}' is not a size"):
        Memory.from_env({"ACX_DUCKDB_MEMORY_LIMIT": value}, None)


# ---- timestamps: UTC instants in TIMESTAMPTZ, and tables an earlier acx made, migrated

NY = ZoneInfo("America/New_York")
# the mini spec's contacts as the first acx versions created them: a zone-less TIMESTAMP holding
# UTC wall-clock time, a declared primary key, and an `_acx_state` of six columns
OLD_TABLES = [
    'CREATE TABLE main.contacts (id BIGINT NOT NULL, first_name TEXT, "group" BIGINT, '
    "score DECIMAL(38, 9), data JSON, udate TIMESTAMP, bounced_date DATE, email_empty BOOLEAN, "
    "ratio DOUBLE, dropped_from_spec TEXT, PRIMARY KEY (id))",
    "INSERT INTO main.contacts (id, first_name, udate) VALUES "
    "(1, 'old', TIMESTAMP '2024-03-10 02:30:00'), (2, 'gone', TIMESTAMP '2024-01-01 00:00:00')",
    "CREATE TABLE main._acx_state (stream TEXT, savepoint TEXT, mode TEXT, rows_loaded TEXT, "
    "run_id TEXT, finished_at TEXT, PRIMARY KEY (stream))",
    "INSERT INTO main._acx_state VALUES ('contacts', '2024-03-10T02:30:00+00:00', 'incremental', "
    "'2', 'old-run', '2024-03-10T03:00:00+00:00')",
]
RAW = [  # as the API sends them: with offsets, and zone-less in the account zone (New York)
    {"id": 1, "firstName": "new", "udate": "2024-03-10T02:30:00-05:00"},
    {"id": 3, "firstName": "dst", "udate": "2024-11-03 01:30:00"},  # the first 01:30, EDT
]
INSTANTS = {  # what they are
    1: datetime(2024, 3, 10, 7, 30, tzinfo=timezone.utc),
    3: datetime(2024, 11, 3, 5, 30, tzinfo=timezone.utc),
}
COLUMNS = ("id", "first_name", "group", "score", "data", "udate", "bounced_date", "email_empty")


def contacts() -> Stream:
    return load_spec(MINI).stream("contacts")


def staged(stream: Stream) -> pa.Table:
    table = Coercer(stream.columns, NY).to_arrow(RAW)
    return table.append_column(SEQ, pa.array(range(table.num_rows), type=pa.int64()))


def new_state() -> StateRow:
    at = datetime(2026, 12, 1, tzinfo=timezone.utc)
    return StateRow(
        "contacts", at, "incremental", 2, "new-run", at, "America/New_York", FORMAT, COLUMNS
    )


def migrate(path: str) -> None:
    """prepare, stage and commit a replace that migrates what prepare found (also run as a
    child process that a crash point kills)."""
    with opened(path) as dest:
        stream = contacts()
        dest.prepare(stream)
        dest.stage(stream, staged(stream))
        dest.commit([Apply(stream, "replace", migrate=dest.legacy_columns(stream))], [new_state()])


def old_database(path: Path) -> str:
    con = duckdb.connect(str(path))
    for statement in OLD_TABLES:
        con.execute(statement)
    con.close()
    return str(path)


def look(path: str) -> tuple[str, list[tuple], list[tuple]]:
    """The type of udate, the rows (id, first_name, udate) and the state rows."""
    con = duckdb.connect(path, read_only=True)
    con.execute("SET TimeZone = 'UTC'")
    try:
        kind = con.execute(
            "SELECT data_type FROM information_schema.columns "
            "WHERE table_name = 'contacts' AND column_name = 'udate'"
        ).fetchall()[0][0]
        rows = con.execute("SELECT id, first_name, udate FROM contacts ORDER BY id").fetchall()
        state = con.execute("SELECT * FROM _acx_state").fetchall()
    finally:
        con.close()
    return kind, rows, state


def test_timestamps_load_as_utc_instants_in_timestamptz(tmp_path: Path) -> None:
    with opened(str(tmp_path / "new.duckdb")) as dest:
        stream = contacts()
        dest.prepare(stream)
        assert dest.legacy_columns(stream) == ()
        dest.stage(stream, staged(stream))
        dest.commit([Apply(stream, "replace")], [new_state()])
        assert dest.read_state()["contacts"] == new_state()
    kind, rows, _ = look(str(tmp_path / "new.duckdb"))
    assert kind == "TIMESTAMP WITH TIME ZONE"
    assert {id_: udate for id_, _, udate in rows} == INSTANTS
    assert all(udate.utcoffset() == timedelta(0) for _, _, udate in rows)


def test_a_table_of_an_earlier_acx_is_migrated_in_one_commit(tmp_path: Path) -> None:
    path = old_database(tmp_path / "old.duckdb")
    with opened(path) as dest:  # adds the new _acx_state columns; the old row reads them as None
        old = dest.read_state()["contacts"]
        assert (old.run_id, old.timezone, old.format, old.columns) == ("old-run", None, None, None)
        stream = contacts()
        dest.prepare(stream)  # the zone-less column is recorded, not refused
        assert dest.legacy_columns(stream) == ("udate",)
        dest.stage(stream, staged(stream))
        for refused in (Apply(stream, "merge", migrate=("udate",)), Apply(stream, "replace")):
            with pytest.raises(LoadError, match=r"zone-less type .*\(udate\).*full-refresh"):
                dest.commit([refused], [new_state()])
        assert (dest.existing_columns("contacts") or {})["udate"] == "TIMESTAMP"  # untouched
        dest.prepare(stream)
        dest.stage(stream, staged(stream))
        dest.commit([Apply(stream, "replace", migrate=("udate",))], [new_state()])
        assert dest.legacy_columns(stream) == ()
        assert dest.read_state()["contacts"] == new_state()
        dest.prepare(stream)  # the next run finds the spec's types
        assert dest.legacy_columns(stream) == ()
    kind, rows, state = look(path)
    assert kind == "TIMESTAMP WITH TIME ZONE"
    assert rows == [(1, "new", INSTANTS[1]), (3, "dst", INSTANTS[3])]
    con = duckdb.connect(path, read_only=True)
    described = con.execute(
        "SELECT column_name, comment FROM duckdb_columns() WHERE table_name = 'contacts'"
    ).fetchall()
    con.close()
    assert ("udate", "Last update.") in described  # created as the spec creates it
    assert ("dropped_from_spec", None) in described  # a column the spec dropped stays, empty
    assert state[0][6:9] == ("America/New_York", "2", json.dumps(list(COLUMNS)))


def test_a_real_type_change_is_still_refused(tmp_path: Path) -> None:
    path = old_database(tmp_path / "old.duckdb")
    con = duckdb.connect(path)
    con.execute("ALTER TABLE contacts ALTER COLUMN email_empty SET DATA TYPE TEXT")
    con.close()
    refused = "email_empty is VARCHAR but the spec now says boolean"
    with opened(path) as dest, pytest.raises(LoadError, match=refused):
        dest.prepare(contacts())


@pytest.mark.parametrize(
    "at",
    [
        "commit:drop",
        "commit:create",
        "commit:comment:3",
        "commit:insert",
        "commit:state",
        "committed",
    ],
)
@pytest.mark.slow
def test_a_crash_inside_the_migration_leaves_the_old_table_and_state(
    tmp_path: Path, at: str
) -> None:
    """`kill -9` at each step of the migrating commit: before its COMMIT, the table keeps its
    old type, rows and state row; after it, all three are new. Then a clean run migrates."""
    path = old_database(tmp_path / "old.duckdb")
    before = look(path)
    child = subprocess.run(
        [sys.executable, "-c", f"from tests.test_dest_duckdb import migrate; migrate({path!r})"],
        env={**os.environ, "ACX_CRASH_AT": at},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr
    after = look(path)
    if at == "committed":
        assert after[0] == "TIMESTAMP WITH TIME ZONE" and after[2][0][2] == "incremental"
        assert after[2][0][6:9] == ("America/New_York", "2", json.dumps(list(COLUMNS)))
    else:
        assert after[0] == "TIMESTAMP" and after[1] == before[1]
        assert after[2] == [(*before[2][0], None, None, None, None, None)]  # added by connect
    migrate(path)
    kind, rows, _ = look(path)
    assert kind == "TIMESTAMP WITH TIME ZONE" and {r[0]: r[2] for r in rows} == INSTANTS


def test_a_commit_that_fails_halfway_changes_nothing_and_the_next_one_lands(
    tmp_path: Path,
) -> None:
    """A commit goes to DuckDB as one script (its statements, then its state rows): when a
    statement in the middle fails, what ran before it is rolled back too, the state rows stay as
    they were, the error names the destination in one line, and the connection commits again."""
    spec = load_spec(SPEC)
    lists, tags = spec.stream("lists"), spec.stream("tags")
    with opened(str(tmp_path / "half.duckdb")) as dest:
        for s in (lists, tags):
            dest.prepare(s)
            dest.stage(s, batch(s, 1, 3))

        dest.commit([Apply(lists, "replace"), Apply(tags, "replace")], [_state(lists, 3)])
        assert dest.execute("SELECT count(*) FROM lists") == [(3,)]
        before = dest.read_state()
        for s in (lists, tags):
            dest.prepare(s)
            dest.stage(s, batch(s, 10, 5))
        dest.stage(tags, batch(tags, 15, 1))  # a second batch: tags' stage is made
        dest.execute(f"DROP TABLE {dest.stage_name(tags)}")  # its apply fails, after lists'
        with pytest.raises(LoadError) as failed:
            dest.commit(
                [Apply(lists, "replace"), Apply(tags, "replace")],
                [_state(lists, 5), _state(tags, 5)],
            )
        assert str(failed.value).startswith(f"{dest.describe()}: commit: ")
        assert "\n" not in str(failed.value)
        assert dest.execute("SELECT min(id), count(*) FROM lists") == [(1, 3)]
        assert dest.read_state() == before
        dest.prepare(tags)
        dest.stage(tags, batch(tags, 10, 5))
        dest.commit([Apply(lists, "replace"), Apply(tags, "replace")], [_state(tags, 5)])
        assert dest.execute("SELECT min(id), count(*) FROM lists") == [(10, 5)]
        assert dest.execute("SELECT count(*) FROM tags") == [(5,)]
        assert dest.read_state()["tags"].rows_loaded == 5


def _stages(dest: DuckDBDestination) -> list[str]:
    rows = dest.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_name LIKE '_acx_stage_%'"
    )
    return sorted(name for (name,) in rows)


def _state(s: Stream, rows: int, position: dict | None = None) -> StateRow:
    return StateRow(s.key, None, "full", rows, "run", datetime.now(timezone.utc), position=position)


def test_a_table_read_in_one_batch_lands_without_a_staging_table(tmp_path: Path) -> None:
    """Most tables of a run are one batch: it waits in memory and the commit inserts it, so no
    staging table is made, filled and dropped for it; a second batch makes the stage, with the
    first batch in it, and the commit applies both."""
    spec = load_spec(SPEC)
    lists, tags = spec.stream("lists"), spec.stream("tags")
    with opened(str(tmp_path / "one.duckdb")) as dest:
        for s in (lists, tags):
            dest.prepare(s)
        dest.stage(lists, batch(lists, 1, 3))
        dest.stage(tags, batch(tags, 1, 2))
        assert _stages(dest) == []
        dest.stage(tags, batch(tags, 3, 2, seq=2))
        assert _stages(dest) == [dest.stage_name(tags)]
        dest.commit(
            [Apply(lists, "merge", repeats=False), Apply(tags, "merge", repeats=False)],
            [_state(lists, 3), _state(tags, 4)],
        )
        assert dest.execute("SELECT count(*), max(id) FROM lists") == [(3, 3)]
        assert dest.execute("SELECT count(*), max(id) FROM tags") == [(4, 4)]
        assert _stages(dest) == []
        assert dest.read_state()["lists"].rows_loaded == 3
        # the next run's single batch merges into the rows there: one row per key, updated
        dest.prepare(lists)
        dest.stage(lists, batch(lists, 3, 2, text="new"))
        dest.commit([Apply(lists, "merge", repeats=False)], [_state(lists, 4)])
        rows = dest.execute("SELECT id, name FROM lists ORDER BY id")
        assert [r[0] for r in rows] == [1, 2, 3, 4] and rows[2][1] == "new 3"


def test_a_whole_read_of_nothing_marks_every_row_gone_without_a_stage(tmp_path: Path) -> None:
    """A full read that finds no rows (mirror) still applies: every row is marked deleted."""
    spec = load_spec(SPEC)
    lists = spec.stream("lists")
    with opened(str(tmp_path / "none.duckdb")) as dest:
        dest.prepare(lists)
        dest.stage(lists, batch(lists, 1, 3))
        dest.commit([Apply(lists, "mirror", repeats=False)], [_state(lists, 3)])
        dest.prepare(lists)
        dest.commit([Apply(lists, "mirror", repeats=False)], [_state(lists, 0)])
        assert dest.execute("SELECT count(*) FROM lists WHERE _acx_deleted_at IS NULL") == [(0,)]
        assert dest.execute("SELECT count(*) FROM lists") == [(3,)]
        assert _stages(dest) == []


def test_a_checkpoint_keeps_a_held_batch_in_its_stage_for_the_next_run(tmp_path: Path) -> None:
    """A checkpoint of a whole read commits its position only and names the stage a killed run
    goes on from: the batch that waited in memory is in that stage, in the file, once the
    checkpoint lands; a run that reads afresh drops it."""
    spec = load_spec(SPEC)
    lists = spec.stream("lists")
    path = str(tmp_path / "kept.duckdb")
    with opened(path) as dest:
        dest.prepare(lists)
        dest.stage(lists, batch(lists, 1, 3))
        position = {"stage": dest.stage_name(lists), "seq": 3, "apply": "replace"}
        dest.commit([], [_state(lists, 0, position)])
        assert _stages(dest) == [dest.stage_name(lists)]
    with opened(path) as again:  # a checkpoint's stage outlives the run
        assert _stages(again) == [again.stage_name(lists)]
        stage = again.stage_name(lists)
        assert again.execute(f"SELECT count(*) FROM {stage}") == [(3,)]
        again.prepare(lists)  # not resumed: read afresh, the old stage goes
        assert _stages(again) == []
        again.stage(lists, batch(lists, 7, 2))
        again.commit([Apply(lists, "replace", repeats=False)], [_state(lists, 2)])
        assert again.execute("SELECT min(id), count(*) FROM lists") == [(7, 2)]


def test_a_held_batch_with_a_key_twice_keeps_the_last_one(tmp_path: Path) -> None:
    """A stage that may hold a key twice (a page read twice) is deduped before it applies: a
    batch that waited in memory is put in its stage first."""
    spec = load_spec(SPEC)
    lists = spec.stream("lists")
    with opened(str(tmp_path / "twice.duckdb")) as dest:
        dest.prepare(lists)
        twice = pa.concat_tables([batch(lists, 1, 2, seq=0, text="old"), batch(lists, 1, 2, seq=2)])
        dest.stage(lists, twice)
        dest.commit([Apply(lists, "merge", repeats=True)], [_state(lists, 2)])
        assert dest.execute("SELECT id, name FROM lists ORDER BY id") == [
            (1, "value 1"),
            (2, "value 2"),
        ]
        assert _stages(dest) == []
