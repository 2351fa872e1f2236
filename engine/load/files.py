"""Files: one folder of Parquet or JSON Lines files, for data lakes and for loading by hand
(`bq load`, Snowflake/Redshift `COPY`). `--dest parquet:DIR` or `--dest jsonl:DIR`; DIR may be
`s3://bucket/prefix` (engine/load/files_store.py: the run works in a local mirror, and each
file a commit renames into place is then PUT whole).

Each table is one file, `DIR/<table>/<table>.parquet` (`.jsonl`), which holds exactly the
table's rows after every run, so a plain glob reads it:

    SELECT * FROM read_parquet('DIR/contacts/*.parquet') WHERE _acx_deleted_at IS NULL

The layout (engine/load/files_folder.py), the manifest and state files
(engine/load/files_manifest.py) and how readers see a commit: docs/files.md.

Staging: batches go into a scratch DuckDB (in memory, spilling past its limit under DIR, with
the DuckDB destination's settings: engine.load.duckdb.Memory). Commit: each table of the group
is read from its file into a table of that DuckDB (engine/load/files_load.py), the SQL
warehouses' own statements run there in one transaction (merge on the key; rows a whole read
lacks marked `_acx_deleted_at`, and their rows in child tables outside the group; history
versions closed and opened), and each table they changed is written out, sorted by key
(engine/load/files_order.py), to a temp file that then replaces the table's file with one
`os.replace`. Then the manifest, then the state: a crash leaves each table with its old rows or
its new ones, and the state never ahead of them (a table ahead of its state is read again from
the older savepoint and merged on its key, which changes nothing)."""

from __future__ import annotations

import json
import os
import shutil
import uuid
from abc import abstractmethod
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Any, ClassVar

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
from sqlglot import exp

from engine import crashpoints
from engine.config.settings import env_of
from engine.errors import ConfigError, LoadError, StateError
from engine.load import sqlbuild
from engine.load.base import Apply, Destination
from engine.load.duckdb import DuckDBDestination, Memory
from engine.load.files_folder import (
    TEMP,
    current_file,
    move_aside,
    remove_temps,
    superseded_folder,
    sync,
    write_json,
)
from engine.load.files_load import Part, load, parts_of, refuse_history_off
from engine.load.files_manifest import (
    MANIFEST,
    MANIFEST_VERSION,
    RUNS_FILE,
    STATE_FILE,
    current_entries,
    read_json,
    read_manifest,
    table_entry,
)
from engine.load.files_order import READ_ROWS, in_order
from engine.load.files_store import store_for
from engine.load.files_write import (
    BatchWriter,
    JsonlFile,
    ParquetFile,
    file_columns,
    file_schema,
)
from engine.load.layout import Placement
from engine.load.runlog import RunRecord, cutoff, latest
from engine.load.state import StateRow, iso
from engine.load.system import key_columns
from engine.spec import Stream

__all__ = ["FilesDestination", "JsonlDestination", "ParquetDestination"]
VECTOR = 2_048  # rows DuckDB hands over at a time (its vector)


class Scratch(DuckDBDestination):
    """The folder's DuckDB: this run's stages, and a committing table's rows."""

    holds = False  # the files' commit reads the stages itself

    def __init__(self, path: Path, where: str, memory: Memory, settings: Any) -> None:
        super().__init__(str(path), settings)
        self.where, self.memory = where, memory

    def describe(self) -> str:
        return self.where


class FilesDestination(Destination):
    """Shared by the file formats; each adds its suffix and its writer."""

    suffix: ClassVar[str]
    dialect = "duckdb"  # the SQL its commit runs in the scratch DuckDB
    at = datetime.min.replace(tzinfo=timezone.utc)  # the running commit's moment

    def __init__(self, target: str | None = None, settings: Any = None) -> None:
        super().__init__()
        if not target:
            raise ConfigError(
                f"destination {self.name} needs a folder", f"e.g. --dest {self.name}:./out"
            )
        # a folder, or an S3 prefix mirrored in a temp folder: engine/load/files_store.py
        self.store = store_for(target, env_of(settings), self.name)
        self.root = self.store.local
        self.settings = settings
        self.token = uuid.uuid4().hex[:8]
        self.stamp = ""
        self.manifest: dict[str, Any] = {}
        self.work_: Scratch | None = None
        self.lock: IO[str] | None = None
        self.converting: set[str] = set()  # tables whose rows became first versions this commit
        # DuckDB spills past its memory limit, so big tables commit in bounded memory
        self.memory = Memory.from_env(getattr(settings, "env", None) or {}, str(self.spill))

    @abstractmethod
    def open_file(self, path: Path, stream: Stream) -> BatchWriter: ...

    def describe(self) -> str:
        return f"{self.name}:{self.store.where}"

    def warnings(self) -> list[str]:
        return self.store.warnings()

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
        self.store = self.store.sub(name)
        self.root = self.store.local
        if self.memory.temp_directory == before:
            self.memory = replace(self.memory, temp_directory=str(self.spill))

    # ---- lifecycle
    def connect(self) -> None:
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise LoadError(f"cannot create {self.describe()}: {exc.strerror}") from None
        self.lock = self.store.lock(self.describe())
        try:
            remove_temps(self.root)  # the lock is held: temps here are a crashed run's
            for name in (MANIFEST, STATE_FILE, RUNS_FILE):
                self.store.pull(name)
            self.manifest = read_manifest(self.root, self.name)
            self.stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
            self.spill.mkdir()
            # a database file, not memory: DuckDB then writes a big table's rows out and
            # evicts them, where an in-memory table of long texts outgrows the limit
            path = self.spill / "scratch.duckdb"
            self.work_ = Scratch(path, self.describe(), self.memory, self.settings)
            self.work_.connect()
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        if self.work_ is not None:
            self.work_.close()
            self.work_ = None
        shutil.rmtree(self.spill, ignore_errors=True)
        if self.lock is not None:
            self.lock.close()
            self.lock = None
        self.store.close()

    @property
    def spill(self) -> Path:
        return self.root / f"{TEMP}spill-{self.token}"

    @property
    def work(self) -> Scratch:
        if self.work_ is None:
            raise LoadError(f"{self.describe()} used before connect()")
        return self.work_

    # ---- the interface
    def prepare(self, stream: Stream) -> None:
        entry = self.manifest["tables"].get(stream.name)
        refuse_history_off(self.describe(), stream, entry)
        folder = self.root / stream.name
        folder.mkdir(exist_ok=True)
        remove_temps(folder)  # an earlier acx staged here
        self._pull(stream)
        if current_file(self.root, stream.name, self.suffix).is_file():
            self._move_listed_aside(stream)  # a run killed while it upgraded the folder
        self.legacy[stream.key] = self.zoneless_columns(stream)
        self.work.prepare(stream)

    def zoneless_columns(self, stream: Stream) -> tuple[str, ...]:
        """Timestamp columns a current file holds without a zone. A replace needs nothing more
        to migrate them: its file holds the new rows only."""
        return ()

    def stage(self, stream: Stream, batch: pa.Table) -> None:
        self.work.stage(stream, batch)

    def discard(self, streams: Sequence[Stream]) -> None:
        self.work.discard(streams)

    def commit(self, applies: Sequence[Apply], states: Sequence[StateRow]) -> None:
        """Each table's rows into the scratch DuckDB, the statements, each changed table's new
        file in place (one `os.replace` each), the manifest, the state."""
        by_stream = {s.stream: s for s in states}
        self.at = self.work.at = datetime.now(timezone.utc)
        self.check_migrations(applies)
        for item in applies:
            self._check_types(item)
        for item in applies:  # a stage its commit dropped (a table committed twice unprepared)
            if self.work.existing_columns(self.work.stage_name(item.stream)) is None:
                self.work.prepare(item.stream)
        modes = {a.stream.key: a for a in applies}
        streams = [a.stream for a in applies] + self._outside_children(applies)
        tables = self.manifest["tables"]
        for s in streams:
            self._pull(s)
        parts = {s.key: parts_of(self.root, s, self.suffix, tables) for s in streams}
        self.converting.clear()
        temps: list[Path] = []
        try:
            for s in streams:
                whole = s.key in modes and modes[s.key].mode == "replace" and not s.history
                self._load(s, [] if whole else parts[s.key])
            changed = self._apply(applies)
            written: list[tuple[Stream, Path, int]] = []
            for s in streams:
                if self._wants_file(s, modes.get(s.key), changed, parts[s.key]):
                    temps.append(self.root / f"{TEMP}{self.token}.{s.name}{self.suffix}")
                    written.append((s, temps[-1], self._write(s, temps[-1])))
            for _, temp, _ in written:
                sync(temp)
            aside = {s.key: self._publish(s, temp) for s, temp, _ in written}
            self.manifest = self._next_manifest(applies, written, aside, by_stream)
            write_json(self.root / MANIFEST, self.manifest)
            self.store.push(MANIFEST)
            crashpoints.point("commit:state")
            state = self._state_records()
            state.update({key: row.as_record() for key, row in by_stream.items()})
            write_json(self.root / STATE_FILE, {"acx_state": 1, "streams": state})
            self.store.push(STATE_FILE)
        except (OSError, pa.ArrowException) as exc:
            raise LoadError(f"{self.describe()}: commit failed: {exc}") from None
        except duckdb.Error as exc:
            raise self.memory.error(f"{self.describe()}: commit failed", exc) from None
        finally:
            for temp in temps:
                temp.unlink(missing_ok=True)
            for s in streams:  # free the scratch tables
                self.work.execute(f"DELETE FROM {self.work.sql(self.work.target(s))}")
        crashpoints.point("committed")
        for s, _, _ in written:  # older superseded files go once a later commit is in
            keep = {Path(f["path"]).name for f in self.manifest["tables"][s.name]["files"]}
            self.store.prune(self._rel(superseded_folder(self.root, s.name)), keep)
        self.migrated(applies)
        self.discard([a.stream for a in applies])

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
            self.store.push(RUNS_FILE)
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
        """Rows of a changed type cannot join the rows a table's file holds."""
        entry = self.manifest["tables"].get(item.stream.name)
        replaced = item.mode == "replace" and not item.stream.history  # history keeps them
        if replaced or not current_entries(entry):
            return
        assert entry is not None
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

    def _outside_children(self, applies: Sequence[Apply]) -> list[Stream]:
        """Tables outside this commit whose rows a soft delete here may mark or clear: those
        the folder has (Apply.children)."""
        inside = {a.stream.key for a in applies}
        found: dict[str, Stream] = {}
        for item in applies:
            for child in item.children if item.soft else ():
                if child.key in inside or child.key in found:
                    continue
                self._pull(child)
                if not parts_of(self.root, child, self.suffix, self.manifest["tables"]):
                    continue
                if self.work.existing_columns(child.name) is None:
                    self.work.prepare(child)
                found[child.key] = child
        return list(found.values())

    def _load(self, stream: Stream, parts: list[Part]) -> None:
        crashpoints.point("commit:delete")  # (named as the SQL warehouses' first statement)
        rows, converted = load(self.work, stream, parts, self.name == "jsonl")
        if converted:  # its file gains the history columns whatever the commit changes
            self.converting.add(stream.key)
        if rows:
            self.work.empty.discard(stream.key)
        else:  # nothing to match, mark or cascade: a plain insert
            self.work.empty.add(stream.key)

    def _apply(self, applies: Sequence[Apply]) -> Counter[str]:
        """The SQL warehouses' statements; rows changed per table. Each its own transaction:
        the scratch tables are thrown away when a commit fails (the files are the truth), and
        DuckDB holds a transaction's new rows in memory (long texts would outgrow the limit)."""
        work, changed = self.work, Counter[str]()
        for item in applies:
            self._dedupe(item.stream)
            if self.name == "jsonl":
                self._compact_json(item.stream)
            for statement in work.apply_statements(item):
                result = work.execute(work.sql(statement))
                count = sum(int(r[0]) for r in result if r and isinstance(r[0], int))
                changed[_target_of(statement)] += count
        return changed

    def _dedupe(self, stream: Stream) -> None:
        """Drop the staged rows a later staged row of the same key replaces (a page read
        twice): found by key and sequence alone, then the stage copied without them (by row
        id), so the statements' own dedupe deletes nothing. A stage with deleted rows of long
        texts, or a delete through a join over it, makes DuckDB hold a vector of them twice,
        past its memory limit (measured: 100 MB of ~24 KB texts at 96MB)."""
        work = self.work
        stage = work.sql(work.stage_table(stream))
        cols = [work.sql(sqlbuild.col(stream.column(k).name)) for k in stream.primary_key]
        on = " AND ".join(f"s.{c} = d.{c}" for c in cols)
        seq = work.sql(sqlbuild.col(sqlbuild.SEQ))
        rows = work.execute(
            f"SELECT s.rowid FROM {stage} AS s JOIN (SELECT {', '.join(cols)}, max({seq}) AS "
            f"top FROM {stage} GROUP BY ALL HAVING count(*) > 1) AS d ON {on} AND s.{seq} < d.top"
        )
        if not rows:
            return
        name = work.stage_name(stream)
        kept = work.sql(sqlbuild.tbl(name + "_kept", work.schema))
        gone = ", ".join(str(int(r[0])) for r in rows)
        work.execute(f"DROP TABLE IF EXISTS {kept}")
        work.execute(f"CREATE TABLE {kept} AS SELECT * FROM {stage} WHERE rowid NOT IN ({gone})")
        work.execute(f"DROP TABLE {stage}")
        work.execute(f"ALTER TABLE {kept} RENAME TO {work.sql(sqlbuild.ident(name))}")

    def _compact_json(self, stream: Stream) -> None:
        """Staged json text as DuckDB writes JSON, as a JSON Lines file gives it back once
        embedded: else every history commit would see each json value changed."""
        stage = self.work.sql(self.work.stage_table(stream))
        for col in stream.columns:
            if col.type == "json":
                name = self.work.sql(sqlbuild.col(col.name))
                self.work.execute(f"UPDATE {stage} SET {name} = json({name})")

    def _wants_file(
        self, stream: Stream, item: Apply | None, changed: Counter[str], parts: list[Part]
    ) -> bool:
        """A new file when the commit changed the table's rows, replaced them, or the table
        has no file of this layout yet (even empty: a glob then finds the empty table)."""
        fixed = current_file(self.root, stream.name, self.suffix)
        if parts != [Part(fixed)] or stream.key in self.converting:
            return item is not None or bool(changed[stream.name])
        return (item is not None and item.mode == "replace") or bool(changed[stream.name])

    def _write(self, stream: Stream, path: Path) -> int:
        """The table's scratch rows, sorted by key and typed for files, into `path`."""
        work = self.work
        names = [c.name for c in file_columns(stream)]
        cols = ", ".join(work.sql(sqlbuild.col(n)) for n in names)
        unsorted = self._scratch(f"{TEMP}{self.token}.{stream.name}.parquet")
        unsorted.parent.mkdir(parents=True, exist_ok=True)
        # streamed a vector at a time: DuckDB's own COPY of long texts outgrows its limit
        relation = work.db.sql(f"SELECT {cols} FROM {work.sql(work.target(stream))}")
        read = getattr(relation, "to_arrow_reader", None) or relation.fetch_record_batch
        reader = read(VECTOR)
        with pq.ParquetWriter(unsorted, reader.schema) as out:
            for part in reader:
                out.write_batch(part, row_group_size=READ_ROWS)
        schema = file_schema(stream)
        writer = self.open_file(path, stream)
        rows = 0
        try:
            order = [c.name for c in key_columns(stream)]
            sort = self._scratch(f"{TEMP}{self.token}.sort")
            for batch in in_order(work.db, unsorted, order, names, sort):
                for typed in pa.Table.from_batches([batch]).cast(schema).to_batches():
                    writer.write(typed)
                rows += batch.num_rows
        finally:
            writer.close()
            unsorted.unlink(missing_ok=True)
        return rows

    def _scratch(self, name: str) -> Path:
        """A temp path where DuckDB spills (removed by close, or by the next run)."""
        return Path(self.memory.temp_directory or self.spill) / name

    def _publish(self, stream: Stream, temp: Path) -> list[dict[str, Any]]:
        """The new file in the table's place: the current one kept aside (a hard link), the
        new one renamed onto its name, then an earlier acx's files moved aside. The manifest
        entries of the files now aside."""
        final = current_file(self.root, stream.name, self.suffix)
        entry = self.manifest["tables"].get(stream.name) or {}
        aside: list[dict[str, Any]] = []
        if final.is_file():
            now = next((f for f in current_entries(entry) if f["path"] == self._rel(final)), {})
            name = f"{self.stamp}_{now.get('run_id') or 'earlier'}{self.suffix}"
            kept = superseded_folder(self.root, stream.name) / name
            if self.store.keep_aside(self._rel(final), self._rel(kept)):
                aside.append({**now, "path": self._rel(kept), "current": False})
        crashpoints.point("commit:insert")
        os.replace(temp, final)
        sync(final.parent)
        self.store.push(self._rel(final))  # on S3: one PUT of the whole file
        return aside + self._move_listed_aside(stream)

    def _move_listed_aside(self, stream: Stream) -> list[dict[str, Any]]:
        """The files of an earlier acx (one per run) still in the table's folder, out of it."""
        entry = self.manifest["tables"].get(stream.name) or {}
        final = current_file(self.root, stream.name, self.suffix)
        moved = []
        for f in entry.get("files", []):
            path = self.root / f["path"]
            if path.parent == final.parent and path != final and path.is_file():
                kept = superseded_folder(self.root, stream.name) / path.name
                move_aside(path, kept)
                moved.append({**f, "path": self._rel(kept), "current": False})
        return moved

    def _pull(self, stream: Stream) -> None:
        """The table's current file into the local folder (on S3; a local folder has it)."""
        self.store.pull(self._rel(current_file(self.root, stream.name, self.suffix)))

    def _rel(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def _next_manifest(
        self,
        applies: Sequence[Apply],
        written: list[tuple[Stream, Path, int]],
        aside: dict[str, list[dict[str, Any]]],
        states: dict[str, StateRow],
    ) -> dict[str, Any]:
        tables = dict(self.manifest["tables"])
        now = iso(datetime.now(timezone.utc))
        for item in applies:
            old = tables.get(item.stream.name) or {}
            tables[item.stream.name] = table_entry(item.stream, list(old.get("files", [])))
        for s, _, count in written:
            before = current_entries(tables.get(s.name))
            row = states.get(s.key)
            last = before[-1] if before else {}
            current: dict[str, Any] = {
                "path": self._rel(current_file(self.root, s.name, self.suffix)),
                "run_id": row.run_id if row else last.get("run_id", ""),
                "mode": "full",
                "rows": count,
                "savepoint": iso(row.savepoint) if row else last.get("savepoint"),
                "format": row.format if row else last.get("format"),
                "timezone": row.timezone if row else last.get("timezone"),
                "written_at": now,
                "current": True,
            }
            tables[s.name] = table_entry(s, [*aside[s.key], current])
        return {
            "acx_manifest": MANIFEST_VERSION,
            "format": self.name,
            "updated_at": now,
            "tables": tables,
        }

    def _state_records(self) -> dict[str, dict[str, Any]]:
        data = read_json(self.root / STATE_FILE) or {}
        return dict(data.get("streams", {}))


def _target_of(statement: exp.Expression) -> str:
    """The table a DELETE, UPDATE or INSERT changes."""
    node = statement.this
    if isinstance(node, exp.Schema):
        node = node.this
    return node.name if isinstance(node, exp.Table) else ""


class ParquetDestination(FilesDestination):
    name = "parquet"
    suffix = ".parquet"

    def open_file(self, path: Path, stream: Stream) -> BatchWriter:
        return ParquetFile(path, stream)

    def zoneless_columns(self, stream: Stream) -> tuple[str, ...]:
        """From the footers of the current files this acx did not write (no `format`)."""
        entry = self.manifest["tables"].get(stream.name)
        found: set[str] = set()
        for file in current_entries(entry):
            if file.get("format"):
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
