"""Files: one folder of Parquet or JSON Lines files, for data lakes and for loading by hand
(`bq load`, Snowflake/Redshift `COPY`). `--dest parquet:DIR` or `--dest jsonl:DIR`.

Layout of DIR:

    _acx_manifest.json              every file per table: run, mode, rows, savepoint, current
    _acx_state.json                 the state rows (savepoint, mode, zone, value format, columns),
                                    so incremental runs work with files too
    <table>/<stamp>_<run_id>.parquet     one file per table per run (`.jsonl` for jsonl)

The manifest (paths relative to DIR; `rows` counts the file's rows, after dedupe):

    {"acx_manifest": 1, "format": "parquet", "updated_at": "...",
     "tables": {"contacts": {"stream": "contacts", "title": ..., "description": ...,
       "primary_key": ["id"], "columns": [{"name": "id", "type": "integer", "description": ...}],
       "files": [{"path": "contacts/20261101T120000Z_0f3a9c1e2b4d.parquet", "run_id": ...,
                  "mode": "full", "rows": 2000, "savepoint": "2026-10-31T...+00:00",
                  "format": 2, "timezone": "America/New_York",
                  "written_at": "...", "current": true}, ...]}}}

Timestamps are UTC instants: Parquet `timestamp[us, tz=UTC]` (isAdjustedToUTC=true), JSON Lines
ISO 8601 with a Z. A file's `format` is the state's value format (engine.load.state.FORMAT) and its
`timezone` the zone zone-less API values were read in; files of an earlier acx have neither.

A file's mode is "full" (a complete snapshot: it supersedes every older file of the table) or
"incremental" (rows changed since the previous file, applied on the primary key). A table is
rebuilt from the files the manifest marks `current`: its latest full file, then every incremental
file after it, in order. An incremental file of a side-loaded child carries `replaces_children_of`:
first delete the table's rows whose `key` is among the `references` values of that parent's file
of the same run (the parent was read again, so these are all its children now).

Staging and dedupe: each batch is appended as a row group to a hidden temp Parquet file (typed,
with `_acx_seq`), so memory stays flat however big the table. At commit DuckDB reads that file
back, keeps the last staged row per primary key (the same query the SQL warehouses run) and
numbers the kept rows in key order (so row-group statistics prune lookups by id); the rows are
then dealt out to spill files by that number and each is sorted and written in turn (~32 MB at a
time), so commit memory stays bounded too, long texts included. DuckDB runs with the DuckDB
destination's settings (engine.load.duckdb.Memory) and spills under DIR.

History (`history: true`, engine/load/history.py): a history table's files hold acx's own
columns all (`_acx_deleted_at`, `_acx_valid_from`, `_acx_valid_to`, `_acx_is_current`), its
manifest entry says `"history": true`, and every file is "full": the one current file holds every
version of every key, sorted by key then `_acx_valid_from`, as a SQL warehouse's table does (read
`WHERE _acx_is_current` for the current rows). A commit that changes a version loads the current
file into a scratch DuckDB database under the spill folder, runs the warehouses' statements there
(engine/load/files_history.py) and writes the result out as above; one that changes nothing writes
no file. A whole read closes, marked `_acx_deleted_at`, the versions of keys it lacks: a history
table never drops a row, although this destination otherwise removes what the source deleted.

Temp files start with `.acx-`: dataset readers (pyarrow, Spark, Hive) skip dot-files, a failed or
killed run never leaves a partial file under a final name, and `prepare` deletes what a crashed
run left. A lock file keeps two runs off one folder.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import os
import shutil
import sys
import uuid
from abc import abstractmethod
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Any, ClassVar, Protocol

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from sqlglot import exp

from engine.errors import ConfigError, LoadError, StateError
from engine.load import sqlbuild
from engine.load.base import STAGE_PREFIX, Apply, Destination
from engine.load.ddl import render
from engine.load.duckdb import Memory
from engine.load.files_history import Versions, held, refuse_history_off
from engine.load.layout import Placement
from engine.load.runlog import RunRecord, cutoff, latest
from engine.load.state import StateRow, iso
from engine.load.system import DELETED_AT, SYNCED_AT, key_columns, table_columns
from engine.spec import Column, Stream
from engine.spec.types import arrow_type, sql_type

MANIFEST = "_acx_manifest.json"
STATE_FILE = "_acx_state.json"
RUNS_FILE = "_acx_runs.jsonl"  # the run log (engine/load/runlog.py)
LOCK_FILE = "_acx.lock"
TEMP = ".acx-"  # dot-prefixed: hidden from dataset readers, removed by the next run
MANIFEST_VERSION = 1
READ_ROWS = 100_000  # rows per record batch read back from DuckDB (one row group each),
READ_BYTES = 32_000_000  # fewer when that would take more memory (a table of long texts)
STRETCHES = 256  # at most this many spill files per sorted table (open at once)
ROW = "file_row_number"  # read_parquet's position of a row in its file
PLACE = "_acx_place"  # a staged row's place in the key order


def iso_z(values: pa.Array) -> list[Any]:
    """ISO-8601 in UTC with a Z: 2024-03-01T12:00:00.500000Z, or 2024-03-01T12:00:00Z on whole
    seconds. Done by Arrow in bulk: timestamps are a good part of most tables."""
    text = pc.cast(values.cast(pa.timestamp("us")), pa.string())  # "2024-03-01 12:00:00.500000"
    text = pc.replace_substring_regex(text, r"\.000000$", "")
    return pc.replace_substring_regex(text, r"^(\S+) (\S+)$", r"\1T\2Z").to_pylist()


def each(convert: Callable[[Any], Any]) -> Callable[[pa.Array], list[Any]]:
    return lambda values: [None if v is None else convert(v) for v in values.to_pylist()]


# JSON Lines values per logical type; types not listed are JSON-native as Arrow gives them.
JSON_COLUMN: dict[str, Callable[[pa.Array], list[Any]]] = {
    "timestamp": iso_z,
    "date": lambda values: pc.cast(values, pa.string()).to_pylist(),  # YYYY-MM-DD
    "decimal": each(lambda d: format(d, "f")),  # a string, exact; "f": never "0E-9"
    "json": each(json.loads),  # embedded as a JSON value, not a string holding JSON
    "float": lambda values: pc.if_else(pc.is_finite(values), values, None).to_pylist(),  # no NaN
}
ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode  # UTF-8 as is


def file_columns(stream: Stream) -> tuple[Column, ...]:
    """The columns a table's files hold: the spec's and when acx wrote the row
    (`_acx_synced_at`; a file never holds a deleted row: see marks_deletes); a history table's
    files hold every version, so all of acx's own columns (engine/load/system.py)."""
    if stream.history:
        return table_columns(stream)
    return tuple(c for c in table_columns(stream) if c.name != DELETED_AT)


def file_schema(stream: Stream) -> pa.Schema:
    """The files hold the loading types (timestamps UTC-adjusted, so readers know)."""
    return pa.schema(
        [
            pa.field(c.name, arrow_type(c.type), metadata={"description": c.description})
            for c in file_columns(stream)  # JsonlFile writes the same
        ]
    )


def stage_schema(stream: Stream) -> pa.Schema:
    fields = [pa.field(c.name, arrow_type(c.type)) for c in stream.columns]
    return pa.schema([*fields, pa.field(sqlbuild.SEQ, pa.int64())])


class BatchWriter(Protocol):
    def write(self, batch: pa.RecordBatch) -> None: ...

    def close(self) -> None: ...


class ParquetFile:
    def __init__(self, path: Path, stream: Stream) -> None:
        self.writer = pq.ParquetWriter(path, file_schema(stream))

    def write(self, batch: pa.RecordBatch) -> None:
        self.writer.write_batch(batch)

    def close(self) -> None:
        self.writer.close()


class JsonlFile:
    def __init__(self, path: Path, stream: Stream) -> None:
        columns = file_columns(stream)  # as file_schema
        self.convert = [JSON_COLUMN.get(c.type, pa.Array.to_pylist) for c in columns]
        self.fh: IO[str] = path.open("w", encoding="utf-8", newline="\n")

    def write(self, batch: pa.RecordBatch) -> None:
        columns = [f(a) for f, a in zip(self.convert, batch.columns, strict=True)]
        names = batch.schema.names
        for row in zip(*columns, strict=True):
            self.fh.write(ENCODE(dict(zip(names, row, strict=True))) + "\n")

    def close(self) -> None:
        self.fh.close()


class Staging:
    """One stream's rows of this run so far, in a temp Parquet file."""

    def __init__(self, path: Path, stream: Stream) -> None:
        self.path = path
        self.schema = stage_schema(stream)
        self.writer: pq.ParquetWriter | None = pq.ParquetWriter(path, self.schema)
        self.rows = 0
        self.bytes = 0  # in Arrow, as staged

    def append(self, batch: pa.Table) -> None:
        assert self.writer is not None
        table = batch.select(self.schema.names).cast(self.schema)
        self.writer.write_table(table)
        self.rows += table.num_rows
        self.bytes += table.nbytes

    def finish(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer = None


class RowCursor:
    """Reads a reader of rows sorted by `pos` up to a bound, batch by batch."""

    def __init__(self, reader: pa.RecordBatchReader) -> None:
        self.reader = reader
        self.pending: pa.Table | None = None

    def below(self, bound: int) -> pa.Table:
        """The next rows whose pos is below `bound`."""
        parts = []
        while True:
            if self.pending is None or not self.pending.num_rows:
                try:
                    self.pending = pa.Table.from_batches([self.reader.read_next_batch()])
                except StopIteration:
                    break
            n = pc.sum(pc.less(self.pending["pos"], bound)).as_py() or 0
            parts.append(self.pending.slice(0, n))
            self.pending = self.pending.slice(n)
            if self.pending.num_rows:
                break
        if not parts:
            return pa.table({"pos": pa.array([], pa.int64()), "place": pa.array([], pa.int64())})
        return pa.concat_tables(parts)


class FilesDestination(Destination):
    """Shared by the file formats; each adds its suffix and its writer."""

    suffix: ClassVar[str]
    dialect = "duckdb"  # the SQL that dedupes a stage
    marks_deletes = False  # a snapshot holds the rows the source has (history: every version)
    at = datetime.min.replace(tzinfo=timezone.utc)  # the running commit's moment

    def __init__(self, target: str | None = None, settings: Any = None) -> None:
        super().__init__()
        if not target:
            raise ConfigError(
                f"destination {self.name} needs a folder", f"e.g. --dest {self.name}:./out"
            )
        self.root = Path(target)
        self.token = uuid.uuid4().hex[:8]
        self.stamp = ""
        self.stages: dict[str, Staging] = {}
        self.manifest: dict[str, Any] = {}
        self.con: duckdb.DuckDBPyConnection | None = None
        self.lock: IO[str] | None = None
        # DuckDB spills past its memory limit, so big tables commit in bounded memory
        self.memory = Memory.from_env(getattr(settings, "env", None) or {}, str(self.spill))

    @abstractmethod
    def open_file(self, path: Path, stream: Stream) -> BatchWriter: ...

    def describe(self) -> str:
        return f"{self.name}:{self.root}"

    def place(self, placement: Placement) -> None:
        if placement.layout == "shared":
            raise ConfigError(
                f"{self.describe()}: layout shared needs a SQL destination (duckdb, postgres, "
                "snowflake)",
                "use layout schema: a subfolder per account",
            )
        super().place(placement)

    def use_schema(self, name: str) -> None:
        """A schema per account: a subfolder of the folder, with its own manifest and state."""
        before = str(self.spill)
        self.root = self.root / name
        if self.memory.temp_directory == before:
            self.memory = dataclasses.replace(self.memory, temp_directory=str(self.spill))

    # ---- lifecycle
    def connect(self) -> None:
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise LoadError(f"cannot create {self.describe()}: {exc.strerror}") from None
        self.lock = lock_folder(self.root / LOCK_FILE, self.describe())
        try:
            remove_temps(self.root)  # the lock is held: temps here are a crashed run's
            self.manifest = self._read_manifest()
            self.stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
            self.con = duckdb.connect(":memory:")
            self.memory.apply(self.con)
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        for staging in self.stages.values():
            staging.finish()
            staging.path.unlink(missing_ok=True)
        self.stages.clear()
        if self.con is not None:
            self.con.close()
            self.con = None
        shutil.rmtree(self.spill, ignore_errors=True)
        if self.lock is not None:
            self.lock.close()
            self.lock = None

    @property
    def spill(self) -> Path:
        return self.root / f"{TEMP}spill-{self.token}"

    @property
    def db(self) -> duckdb.DuckDBPyConnection:
        if self.con is None:
            raise LoadError(f"{self.describe()} used before connect()")
        return self.con

    # ---- the interface
    def prepare(self, stream: Stream) -> None:
        refuse_history_off(self.describe(), stream, self.manifest["tables"].get(stream.name))
        folder = self.root / stream.name
        folder.mkdir(exist_ok=True)
        remove_temps(folder)
        self.legacy[stream.key] = self.zoneless_columns(stream)

    def zoneless_columns(self, stream: Stream) -> tuple[str, ...]:
        """Timestamp columns a current file holds without a zone. A replace needs nothing more
        to migrate them: its snapshot supersedes every older file in one manifest write."""
        return ()

    def stage(self, stream: Stream, batch: pa.Table) -> None:
        if not batch.num_rows:
            return
        staging = self.stages.get(stream.key)
        try:
            if staging is None:
                path = self.root / stream.name / f"{TEMP}{self.token}.stage.parquet"
                staging = self.stages[stream.key] = Staging(path, stream)
            staging.append(batch)
        except (OSError, pa.ArrowException) as exc:
            raise LoadError(f"{self.describe()}: staging {stream.name}: {exc}") from None

    def commit(self, applies: Sequence[Apply], states: Sequence[StateRow]) -> None:
        """Data files first, then the manifest, then the state, each with one `os.replace`.

        A crash between steps loses nothing: a data file renamed into place but absent from the
        manifest is ignored (the manifest is the list of files); a manifest ahead of the state
        makes the next run read again from the older savepoint, and incremental files are
        applied on the primary key, so rows read twice do no harm. The state is never ahead of
        the data, so no changed row is skipped."""
        by_stream = {s.stream: s for s in states}
        self.at = datetime.now(timezone.utc)
        self.check_migrations(applies)
        for item in applies:
            self._check_types(item)
        written: list[tuple[Apply, Path, int]] = []
        temps: list[Path] = []
        try:
            for item in applies:
                if not self._wants_file(item):
                    continue
                final = self._final_path(item.stream, by_stream.get(item.stream.key))
                temp = final.with_name(f"{TEMP}{self.token}.{final.name}")
                temps.append(temp)
                if not item.stream.history:
                    written.append((item, final, self._write(item.stream, temp)))
                elif (count := self._write_versions(item, temp)) is not None:
                    written.append((item, final, count))
                else:  # no version changed: the current file stays
                    temps.remove(temp)
            for temp, (_, final, _) in zip(temps, written, strict=True):
                sync(temp)
                os.replace(temp, final)
            for folder in {final.parent for _, final, _ in written}:
                sync(folder)
            manifest = self._next_manifest(applies, written, by_stream)
            write_json(self.root / MANIFEST, manifest)
            self.manifest = manifest
            state = self._state_records()
            state.update({key: row.as_record() for key, row in by_stream.items()})
            write_json(self.root / STATE_FILE, {"acx_state": 1, "streams": state})
        except (OSError, pa.ArrowException, duckdb.Error) as exc:
            for temp in temps:
                temp.unlink(missing_ok=True)
            if isinstance(exc, duckdb.Error):
                raise self.memory.error(f"{self.describe()}: commit failed", exc) from None
            raise LoadError(f"{self.describe()}: commit failed: {exc}") from None
        self.migrated(applies)
        self.discard([a.stream for a in applies])

    def discard(self, streams: Sequence[Stream]) -> None:
        for s in streams:
            staging = self.stages.pop(s.key, None)
            if staging is not None:
                staging.finish()
                staging.path.unlink(missing_ok=True)

    def read_state(self) -> dict[str, StateRow]:
        return {k: StateRow.from_record(r) for k, r in self._state_records().items()}

    def append_runs(self, records: Sequence[RunRecord]) -> None:
        """The run log as JSON lines (`_acx_runs.jsonl`), rewritten without old records."""
        if not records:
            return
        path = self.root / RUNS_FILE
        since = cutoff(records[0].finished_at)
        kept = [r for r in self._run_lines() if str(r.get("finished_at") or "") >= since]
        lines = [*kept, *(r.as_text() for r in records)]
        try:
            temp = path.with_suffix(".tmp")
            temp.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
            temp.replace(path)
        except OSError as exc:
            raise LoadError(f"{self.describe()}: cannot write {path}: {exc.strerror}") from None

    def read_runs(self) -> dict[str, RunRecord]:
        return latest(RunRecord.from_record(r) for r in self._run_lines())

    def _run_lines(self) -> list[dict[str, Any]]:
        path = self.root / RUNS_FILE
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return []
        except OSError as exc:
            raise StateError(f"{path} cannot be read: {exc.strerror}") from None
        out = []
        for line in text.splitlines():
            try:
                record = json.loads(line)
            except ValueError:
                continue  # a line cut short by a crash: the log is a report, not the state
            if isinstance(record, dict):
                out.append(record)
        return out

    # ---- commit steps
    def _check_types(self, item: Apply) -> None:
        """Appending rows of another type to a table's current files breaks every loader."""
        entry = self.manifest["tables"].get(item.stream.name)
        replaced = item.mode == "replace" and not item.stream.history  # history keeps them
        if replaced or not entry or not any(f["current"] for f in entry["files"]):
            return
        had = {c["name"]: c["type"] for c in entry["columns"]}
        for col in item.stream.columns:
            if had.get(col.name, col.type) != col.type:
                raise LoadError(
                    f"{self.describe()}: column {item.stream.name}.{col.name} is {had[col.name]} "
                    f"in the current files but the spec now says {col.type}",
                    "keep the old type in the spec, or load the table into a new folder"
                    if item.stream.history  # its old versions keep the old type
                    else f"run with --full-refresh {item.stream.key} to write a new snapshot, "
                    "or keep the old type in the spec",
                )

    def _wants_file(self, item: Apply) -> bool:
        """A snapshot always (even empty: the table is empty); an increment when it has rows,
        or when a child's parent was read again (its rows may have to be deleted)."""
        if item.mode == "replace":
            return True
        if self._staged(item.stream):
            return True
        return item.parent_stage is not None and self._staged(item.parent_stage) > 0

    def _staged(self, stream: Stream) -> int:
        staging = self.stages.get(stream.key)
        return staging.rows if staging else 0

    def _final_path(self, stream: Stream, row: StateRow | None) -> Path:
        run_id = row.run_id if row and row.run_id else self.token
        return self.root / stream.name / f"{self.stamp}_{run_id}{self.suffix}"

    def _write(self, stream: Stream, path: Path) -> int:
        """The stage, deduplicated, sorted by key and typed for files, into `path`."""
        schema = file_schema(stream)
        synced = pa.scalar(self.at, type=schema.field(SYNCED_AT).type)
        writer = self.open_file(path, stream)
        rows = 0
        try:
            for batch in self._deduped(stream):
                column = pa.array([synced] * batch.num_rows, type=synced.type)
                stamped = pa.RecordBatch.from_arrays([*batch.columns, column], schema=schema)
                writer.write(stamped)
                rows += batch.num_rows
        finally:
            writer.close()
        return rows

    def _write_versions(self, item: Apply, path: Path) -> int | None:
        """A history table's versions after this commit, sorted by key and version, into `path`
        as its new full file (engine/load/files_history.py); None when no version changed and
        the table has a current file already."""
        s = item.stream
        entry = self.manifest["tables"].get(s.name)
        before = held(self.describe(), self.root, s, entry, item.mode)
        staging, parent = self.stages.get(s.key), None
        if staging is not None:
            staging.finish()
        if item.parent_stage is not None:
            parent = self.stages.get(item.parent_stage.key)
            if parent is not None:
                parent.finish()
        at = exp.cast(exp.Literal.string(iso(self.at)), sql_type("timestamp", self.dialect))
        scratch = self._scratch(f"{TEMP}{self.token}.{s.name}.versions")
        with Versions(self.db, s, scratch.with_suffix(".duckdb")) as versions:
            versions.load(before, self.name == "jsonl", at)
            stage = versions.stage(staging.path if staging else None, self.name == "jsonl")
            over = versions.parent(parent.path) if parent is not None else None
            changed = versions.apply(item, stage, over, at)
            if not changed and before.versions and before.files:
                return None
            unsorted = scratch.with_suffix(".parquet")
            try:
                rows = versions.export(unsorted)
                names = [c.name for c in file_columns(s)]
                places = lambda: self._places_of(unsorted, [c.name for c in key_columns(s)])  # noqa: E731
                nbytes = parquet_bytes(unsorted)
                batches = self._in_order(unsorted, rows, nbytes, places, names)
                return self._write_batches(s, path, batches)
            finally:
                unsorted.unlink(missing_ok=True)

    def _write_batches(self, stream: Stream, path: Path, batches: Iterator[pa.RecordBatch]) -> int:
        """Batches of a history table's file columns, typed for files, into `path`."""
        schema = file_schema(stream)
        writer = self.open_file(path, stream)
        rows = 0
        try:
            for batch in batches:
                for typed in pa.Table.from_batches([batch]).cast(schema).to_batches():
                    writer.write(typed)
                rows += batch.num_rows
        finally:
            writer.close()
        return rows

    def _places_of(self, path: Path, order: Sequence[str]) -> pa.RecordBatchReader:
        """(pos, place) of each row of a Parquet file in `order` (as _places)."""
        by = ", ".join(sql(sqlbuild.col(c)) for c in order)
        return arrow_reader(
            self.db.sql(
                f"SELECT {ROW} AS pos, row_number() OVER (ORDER BY {by}) - 1 AS place "
                f"FROM read_parquet({literal(str(path))}, file_row_number = true) ORDER BY {ROW}"
            )
        )

    def _deduped(self, stream: Stream) -> Iterator[pa.RecordBatch]:
        """The stage's last row per key, sorted by key, in batches of about READ_BYTES.

        DuckDB sorts the kept rows' places only: its sort of whole rows holds their long texts
        in memory, far past its limit (a 100 MB table of notes would need over 192MB). The rows
        follow in two passes: each staged row group is dealt out to the spill files of the
        stretches of the order its rows fall in, then each stretch is read back in turn, sorted
        and handed on, so memory holds one row group or one stretch."""
        staging = self.stages.get(stream.key)
        if staging is None:
            return
        staging.finish()
        names = [c.name for c in stream.columns]
        places = lambda: self._places(stream, staging)  # noqa: E731
        yield from self._in_order(staging.path, staging.rows, staging.bytes, places, names)

    def _in_order(
        self,
        path: Path,
        rows: int,
        nbytes: int,
        places: Callable[[], pa.RecordBatchReader],
        names: Sequence[str],
    ) -> Iterator[pa.RecordBatch]:
        """The rows of a Parquet file that `places` lists (pos, place), in place order, in
        batches of about READ_BYTES, through spill files (see _deduped)."""
        per = max(1, min(READ_ROWS, READ_BYTES * rows // (nbytes or 1)))
        per = max(per, -(-rows // STRETCHES))  # rows per stretch
        folder = self._scratch(f"{TEMP}{self.token}.sort")
        folder.mkdir(parents=True, exist_ok=True)
        try:
            stretches = self._deal(path, places(), per, folder)
            for n in stretches:
                with pa.OSFile(str(folder / f"{n}.arrow")) as source:
                    part = pa.ipc.open_file(source).read_all()
                yield from part.take(pc.sort_indices(part[PLACE])).select(names).to_batches()
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def _scratch(self, name: str) -> Path:
        """A temp path where DuckDB spills (removed by close, or by the next run)."""
        return Path(self.memory.temp_directory or self.spill) / name

    def _deal(self, path: Path, reader: pa.RecordBatchReader, per: int, folder: Path) -> list[int]:
        """Write each listed row of `path`, with its place in the order, to the file of its
        stretch of `per` places; the stretches written, in order."""
        places = RowCursor(reader)
        stage, start = pq.ParquetFile(path), 0
        writers: dict[int, pa.ipc.RecordBatchFileWriter] = {}
        try:
            for i in range(stage.num_row_groups):
                group = stage.read_row_group(i)
                first, start = start, start + group.num_rows
                kept = places.below(start)
                if kept.num_rows < group.num_rows:  # else all its rows, in order: no copy
                    group = group.take(pc.subtract(kept["pos"], first))
                rows = group.append_column(PLACE, kept["place"])
                stretch = pc.divide(kept["place"], per)
                found = pc.unique(stretch).to_pylist()
                for n in found:
                    part = rows if len(found) == 1 else rows.filter(pc.equal(stretch, n))
                    if n not in writers:
                        writers[n] = pa.ipc.new_file(str(folder / f"{n}.arrow"), part.schema)
                    writers[n].write_table(part)
        finally:
            for writer in writers.values():
                writer.close()
        return sorted(writers)

    def _places(self, stream: Stream, staging: Staging) -> pa.RecordBatchReader:
        """(pos, place) of each kept staged row: its position in the stage file and in the key
        order, by position. DuckDB sorts and numbers these two integers out of core."""
        view = sqlbuild.tbl(STAGE_PREFIX + stream.name)
        self.db.execute(
            f"CREATE OR REPLACE TEMP VIEW {sql(view)} AS SELECT * FROM "
            f"read_parquet({literal(str(staging.path))}, file_row_number = true)"
        )
        key = [stream.column(k).name for k in stream.primary_key]
        kept = sql(sqlbuild.deduped(view, [ROW, *key], key))
        order = ", ".join(sql(sqlbuild.col(k)) for k in key)
        relation = self.db.sql(
            f"SELECT {ROW} AS pos, row_number() OVER (ORDER BY {order}) - 1 AS place "
            f"FROM ({kept}) AS kept ORDER BY {ROW}"
        )
        return arrow_reader(relation)

    def _next_manifest(
        self,
        applies: Sequence[Apply],
        written: list[tuple[Apply, Path, int]],
        states: dict[str, StateRow],
    ) -> dict[str, Any]:
        manifest = copy.deepcopy(self.manifest)
        tables = manifest["tables"]
        for item in applies:
            tables[item.stream.name] = table_entry(item.stream, tables.get(item.stream.name))
        now = iso(datetime.now(timezone.utc))
        for item, final, count in written:
            files = tables[item.stream.name]["files"]
            full = item.mode == "replace" or item.stream.history  # history: every version
            if full:
                for old in files:
                    old["current"] = False
            row = states.get(item.stream.key)
            entry: dict[str, Any] = {
                "path": final.relative_to(self.root).as_posix(),
                "run_id": row.run_id if row else "",
                "mode": "full" if full else "incremental",
                "rows": count,
                "savepoint": iso(row.savepoint) if row else None,
                "format": row.format if row else None,
                "timezone": row.timezone if row else None,
                "written_at": now,
                "current": True,
            }
            link = item.stream.parent
            if item.parent_stage is not None and link is not None and not full:
                entry["replaces_children_of"] = {
                    "table": item.parent_stage.name,
                    "key": item.stream.column(link.key).name,
                    "references": item.parent_stage.column(link.references).name,
                }
            files.append(entry)
        manifest["updated_at"] = now
        return manifest

    # ---- reading our JSON files
    def _read_manifest(self) -> dict[str, Any]:
        manifest = self._read_json(MANIFEST) or {
            "acx_manifest": MANIFEST_VERSION,
            "format": self.name,
            "tables": {},
        }
        if manifest.get("format") != self.name:
            raise ConfigError(
                f"{self.root} holds {manifest.get('format')} files, not {self.name}",
                "give each format its own folder",
            )
        return manifest

    def _read_json(self, name: str) -> dict[str, Any] | None:
        path = self.root / name
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            raise StateError(
                f"{path} cannot be read: {exc}",
                "restore it from a backup, or empty the folder and run again",
            ) from None
        if not isinstance(data, dict):
            raise StateError(f"{path} is not a JSON object", "restore it or empty the folder")
        return data

    def _state_records(self) -> dict[str, dict[str, Any]]:
        data = self._read_json(STATE_FILE) or {}
        return dict(data.get("streams", {}))


class ParquetDestination(FilesDestination):
    name = "parquet"
    suffix = ".parquet"

    def open_file(self, path: Path, stream: Stream) -> BatchWriter:
        return ParquetFile(path, stream)

    def zoneless_columns(self, stream: Stream) -> tuple[str, ...]:
        """From the footers of the current files this acx did not write (no `format`)."""
        entry = self.manifest["tables"].get(stream.name) or {"files": []}
        found: set[str] = set()
        for file in entry["files"]:
            if not file["current"] or file.get("format"):
                continue
            path = self.root / file["path"]
            try:
                schema = pq.read_schema(path)
            except (OSError, pa.ArrowException) as exc:
                raise LoadError(f"{self.describe()}: cannot read {path}: {exc}") from None
            for col in stream.columns:
                if col.type != "timestamp" or col.name not in schema.names:
                    continue
                kind = schema.field(col.name).type
                if pa.types.is_timestamp(kind) and not kind.tz:
                    found.add(col.name)
        return tuple(c.name for c in stream.columns if c.name in found)


class JsonlDestination(FilesDestination):
    name = "jsonl"
    suffix = ".jsonl"

    def open_file(self, path: Path, stream: Stream) -> BatchWriter:
        return JsonlFile(path, stream)


def table_entry(stream: Stream, old: dict[str, Any] | None) -> dict[str, Any]:
    """A table's manifest entry: what the spec says now, and the files so far."""
    return {
        "stream": stream.key,
        "title": stream.title,
        "description": stream.description,
        "primary_key": [stream.column(k).name for k in stream.primary_key],
        "columns": [
            {"name": c.name, "type": c.type, "description": c.description}
            for c in file_columns(stream)  # as the files hold them
        ],
        **({"history": True} if stream.history else {}),  # every version of each row
        "files": list((old or {}).get("files", [])),
    }


def arrow_reader(relation: duckdb.DuckDBPyRelation) -> pa.RecordBatchReader:
    """A relation's rows, READ_ROWS a batch."""
    # DuckDB 2 renamed the 1.x fetch_arrow_reader (which now warns) to to_arrow_reader
    read = getattr(relation, "to_arrow_reader", None) or relation.fetch_arrow_reader
    return read(READ_ROWS)  # type: ignore[no-any-return]


def parquet_bytes(path: Path) -> int:
    """A Parquet file's rows' size uncompressed (about their size in Arrow)."""
    meta = pq.ParquetFile(path).metadata
    return sum(meta.row_group(i).total_byte_size for i in range(meta.num_row_groups))


def sql(expression: exp.Expression) -> str:
    return render([expression], "duckdb", pretty=False)[0]


def literal(text: str) -> str:
    return sql(exp.Literal.string(text))


def write_json(path: Path, data: Any) -> None:
    """Replace `path` atomically: a reader sees the old content or the new, never a mix."""
    temp = path.with_name(f"{TEMP}{path.name}")
    temp.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    sync(temp)
    os.replace(temp, path)
    sync(path.parent)


def sync(path: Path) -> None:
    """Flush a file or folder to disk, so a rename never publishes data still in the cache."""
    if os.name != "posix":  # Windows cannot fsync a folder; NTFS journals the rename
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_temps(folder: Path) -> None:
    for path in folder.glob(f"{TEMP}*"):
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)


def lock_folder(path: Path, where: str) -> IO[str] | None:
    """Hold an exclusive lock on the folder for the run (released when the process ends)."""
    if sys.platform == "win32":  # no flock; runs on one folder must not overlap
        return None
    import fcntl

    handle = path.open("a")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        raise LoadError(
            f"{where} is in use by another process (another acx run?)",
            "wait for it to finish; runs on one destination never interleave",
        ) from None
    return handle
