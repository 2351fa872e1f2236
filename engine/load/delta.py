"""Delta Lake through deltalake (delta-rs): `--dest delta:PATH` (a folder, or a URI such as
`s3://bucket/lake` with `storage_options`). One Delta table per acx table under PATH, plus
`_acx_state` and `_acx_runs` as Delta tables too. Design and guarantees: docs/delta.md.

- Staging: each batch is appended as a row group to a temp Parquet file per table, in a scratch
  folder (`PATH/.acx-<token>` for a local PATH), so memory stays flat.
- Commit, per table: an in-process DuckDB reads the stage, keeps the last staged row per key
  (`_acx_seq`), and hands the rows as an Arrow stream to one Delta commit: `DeltaTable.merge`
  on the key for `merge` and `mirror` (matched: updated, `_acx_deleted_at` cleared; not
  matched: inserted; for `mirror`, a live row the read lacks: marked `_acx_deleted_at`, or
  deleted with `deletes: hard`), or `write_deltalake(mode="overwrite")` for `replace`. Each
  commit's `custom_metadata` carries the run id, the table and its new savepoint.
- Then the group's state rows in one merge into `_acx_state`. Delta has no transaction over
  several tables: a crash between the commits leaves some tables ahead of their state, never
  behind it, and the re-run applies the same rows again on the key (see docs/delta.md)."""

from __future__ import annotations

import shutil
import tempfile
import uuid
from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
from deltalake import (
    CommitProperties,
    DeltaTable,
    Field,
    Schema,
    WriterProperties,
    write_deltalake,
)
from deltalake.exceptions import DeltaError, TableNotFoundError
from deltalake.schema import PrimitiveType
from deltalake.table import TableMerger
from sqlglot import exp

from engine import crashpoints
from engine.config.settings import env_of
from engine.errors import ConfigError, LoadError
from engine.load import layout, objectstore
from engine.load.base import STAGE_PREFIX, Apply, Destination, stage_schema
from engine.load.delta_sql import (
    GONE,
    OP,
    UPSERT,
    Scratch,
    gone_children,
    orphans,
    sql,
    upserts,
)
from engine.load.duckdb import Memory
from engine.load.files_folder import TEMP, lock_folder, remove_temps
from engine.load.files_write import Staging
from engine.load.runlog import RUN_COLUMNS, RUNS_TABLE, RunRecord, cutoff, latest
from engine.load.state import STATE_COLUMNS, STATE_TABLE, StateRow, iso
from engine.load.system import DELETED_AT, IS_CURRENT, table_columns
from engine.spec import Stream
from engine.spec.types import arrow_type

LOCK_FILE = "_acx.lock"
COMMENT = "comment"  # the field metadata key Spark and Databricks read as a column's comment
FAILURES = (DeltaError, OSError, pa.ArrowException, duckdb.Error)
# delta-rs holds a file's row group in memory until it is full, 1M rows by default: a million
# contacts' wide rows cost ~500 MB there. 16,384 rows keep a commit within ~150 MB of the run's
# (docs/delta.md, Cost); Snappy is delta-rs's default, which any WriterProperties replaces.
ROW_GROUP_ROWS = 16_384
WRITER = WriterProperties(max_row_group_size=ROW_GROUP_ROWS, compression="SNAPPY")


def table_schema(stream: Stream) -> pa.Schema:
    """A table's columns as Arrow, each description as its `comment`."""
    return pa.schema(
        [
            pa.field(c.name, arrow_type(c.type), metadata={COMMENT: c.description or ""})
            for c in table_columns(stream)
        ]
    )


def text_schema(columns: Sequence[str]) -> pa.Schema:
    return pa.schema([pa.field(c, pa.string()) for c in columns])


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


class DeltaDestination(Destination):
    name = "delta"
    dialect = "duckdb"  # the SQL that dedupes a stage and finds rows gone (DuckDB in process)
    at = datetime.min.replace(tzinfo=timezone.utc)  # the running commit's moment

    def __init__(self, target: str | None = None, settings: Any = None) -> None:
        super().__init__()
        if not target:
            raise ConfigError("destination delta needs a location", "e.g. --dest delta:./lake")
        self.uri = target.rstrip("/") or "/"
        self.local = "://" not in self.uri or self.uri.startswith("file://")
        self.token = uuid.uuid4().hex[:8]
        self.stages: dict[str, Staging] = {}
        self.lock: Any = None
        self.folder: Path | None = None  # the scratch folder of this run
        self.scratch: Scratch | None = None
        # tables opened this run: each write through a DeltaTable moves it to the new version,
        # and the lock keeps other writers out, so it stays the newest
        self.opened: dict[str, DeltaTable] = {}
        self.env = getattr(settings, "env", None) or {}
        # how deltalake reaches object storage (endpoint, region, keys, conditional puts),
        # passed to every call that names a table by URI; None: a local folder, or delta-rs's
        # own AWS_*/AZURE_* variables (docs/delta.md)
        self.storage_options: dict[str, str] | None = None
        if objectstore.is_s3(self.uri):
            self.storage_options = objectstore.S3.from_env(env_of(settings)).delta_options()

    def describe(self) -> str:
        return f"delta:{self.uri}"

    def use_schema(self, name: str) -> None:
        """A schema per account: a subfolder, with its own tables, state and run log."""
        self.uri = f"{self.uri}/{name}"

    def table_uri(self, name: str) -> str:
        return f"{self.uri}/{name}"

    @property
    def root(self) -> Path:
        return Path(self.uri.removeprefix("file://"))

    # ---- lifecycle
    def connect(self) -> None:
        if self.local:
            try:
                self.root.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise LoadError(f"cannot create {self.describe()}: {exc.strerror}") from None
            self.lock = lock_folder(self.root / LOCK_FILE, self.describe())
            remove_temps(self.root)  # the lock is held: temps here are a crashed run's
            self.folder = self.root / f"{TEMP}{self.token}"
        else:
            self.folder = Path(tempfile.mkdtemp(prefix=TEMP))
        try:
            self.folder.mkdir(exist_ok=True)
            memory = Memory.from_env(self.env, str(self.folder / "spill"))
            self.scratch = Scratch(memory)
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        self.opened.clear()
        for staging in self.stages.values():
            staging.finish()
        self.stages.clear()
        if self.scratch is not None:
            self.scratch.close()
            self.scratch = None
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None
        if self.lock is not None:
            self.lock.close()
            self.lock = None

    @property
    def db(self) -> Scratch:
        if self.scratch is None:
            raise LoadError(f"{self.describe()} used before connect()")
        return self.scratch

    def table(self, name: str) -> DeltaTable | None:
        """The Delta table `name` at its newest version; None when there is none."""
        if name in self.opened:
            return self.opened[name]
        try:
            dt = DeltaTable(self.table_uri(name), storage_options=self.storage_options)
        except TableNotFoundError:
            return None
        except FAILURES as exc:
            raise LoadError(
                f"{self.describe()}: cannot read table {name}: {objectstore.reason(exc)}"
            ) from None
        self.opened[name] = dt
        return dt

    # ---- the interface
    def prepare(self, stream: Stream) -> None:
        """Create the table with its comments, or add the columns new to the spec; refuse a
        type change Delta cannot widen, and history."""
        self.legacy[stream.key] = ()  # timestamps here were always UTC instants
        if stream.history:
            raise LoadError(
                f"{self.describe()}: table {stream.name} keeps history (history = true), "
                "which the delta destination does not keep",
                f"remove history under [tables.{stream.key}], or load it into duckdb, postgres "
                "or snowflake",
            )
        want = table_schema(stream)
        try:
            dt = self.table(stream.name)
            if dt is None:
                self.opened[stream.name] = DeltaTable.create(
                    self.table_uri(stream.name),
                    Schema.from_arrow(want),
                    mode="ignore",
                    name=stream.name,
                    description=stream.description,
                    storage_options=self.storage_options,
                )
                return
            have = {f.name: f for f in dt.schema().fields}
            layout.check_table(self.describe(), stream, have)
            if IS_CURRENT in have:
                raise LoadError(
                    f"{self.describe()}: table {stream.name} keeps every version of its rows "
                    "(history), which the delta destination does not keep",
                    f"load {stream.name} into a new folder",
                )
            self._evolve(stream, dt, have, Schema.from_arrow(want))
        except FAILURES as exc:
            raise LoadError(
                f"{self.describe()}: preparing {stream.name}: {objectstore.reason(exc)}"
            ) from None

    def _evolve(self, stream: Stream, dt: DeltaTable, have: dict[str, Any], want: Schema) -> None:
        added: list[Field] = []
        for field in want.fields:
            old = have.get(field.name)
            if old is None:
                added.append(field)
            elif str(old.type) != str(field.type):
                col = next(c for c in table_columns(stream) if c.name == field.name)
                raise LoadError(
                    f"{self.describe()}: column {stream.name}.{field.name} is "
                    f"{old.type.type} but the spec now says {col.type} ({field.type.type}), "
                    "which Delta cannot widen in place",
                    f"move the table {stream.name} away and run with --full-refresh "
                    f"{stream.key}, or keep the old type in the spec",
                )
            elif old.metadata.get(COMMENT) != field.metadata.get(COMMENT):
                dt.alter.set_column_metadata(field.name, {COMMENT: field.metadata[COMMENT]})
        if added:
            dt.alter.add_columns(added)

    def stage(self, stream: Stream, batch: pa.Table) -> None:
        if not batch.num_rows:
            return
        try:
            staging = self.stages.get(stream.key)
            if staging is None:
                folder = self.folder
                if folder is None:
                    raise LoadError(f"{self.describe()} used before connect()")
                path = folder / f"{STAGE_PREFIX}{stream.key}.parquet"
                staging = self.stages[stream.key] = Staging(path, stream)
            staging.append(batch)
        except (OSError, pa.ArrowException) as exc:
            raise LoadError(
                f"{self.describe()}: staging {stream.name}: {objectstore.reason(exc)}"
            ) from None

    def commit(self, applies: Sequence[Apply], states: Sequence[StateRow]) -> None:
        """One Delta commit per table (and one per child table a deletion marks), then one
        for the group's state rows: the state never runs ahead of the rows it covers."""
        self.at = datetime.now(timezone.utc)
        by_stream = {s.stream: s for s in states}
        for item in applies:
            try:
                self._apply(item, by_stream.get(item.stream.key))
            except FAILURES as exc:
                why = objectstore.reason(exc)
                raise LoadError(
                    f"{self.describe()}: commit of {item.stream.name} failed: {why}"
                ) from None
            finally:
                self.db.drop_views()
        for _ in states:
            crashpoints.point("commit:state")
        try:
            self._write_state(states)
        except FAILURES as exc:
            raise LoadError(
                f"{self.describe()}: writing {STATE_TABLE} failed: {objectstore.reason(exc)}"
            ) from None
        crashpoints.point("committed")
        self.discard([a.stream for a in applies])
        pa.default_memory_pool().release_unused()  # the commit's batches: back to the OS

    def discard(self, streams: Sequence[Stream]) -> None:
        for s in streams:
            staging = self.stages.pop(s.key, None)
            if staging is not None:
                staging.finish()
                staging.path.unlink(missing_ok=True)

    # ---- one table
    def _properties(self, item: Apply, row: StateRow | None) -> CommitProperties:
        """What each data commit says of itself (DESCRIBE HISTORY shows it)."""
        meta = {"acx.table": item.stream.key, "acx.mode": item.mode}
        if row is not None:
            meta.update({"acx.run_id": row.run_id, "acx.savepoint": iso(row.savepoint) or ""})
        if self.share is not None:
            meta["acx.account"] = self.share
        return CommitProperties(custom_metadata=meta)

    def _stage_view(self, stream: Stream) -> exp.Table:
        staging = self.stages.get(stream.key)
        if staging is not None:
            staging.finish()
        path = staging.path if staging is not None else None
        name = f"{STAGE_PREFIX}{stream.name}"
        return self.db.view_of_stage(name, path, stage_schema(stream))

    def _apply(self, item: Apply, row: StateRow | None) -> None:
        """The table's one commit (crash points: `commit:delete` before anything of the table
        is read, `commit:insert` right before its commit, as the SQL warehouses' statements)."""
        s = item.stream
        crashpoints.point("commit:delete")
        dt = self.table(s.name)
        if dt is None:
            raise LoadError(f"{self.describe()}: table {s.name} is missing (run again)")
        schema = pa.schema(dt.schema().to_arrow())
        stage = self._stage_view(s)
        staging = self.stages.get(s.key)
        # the run staged each key once (Apply.repeats), or the stage's keys rose strictly
        unique = not item.repeats or (staging is not None and staging.unique)
        source = upserts(s, stage, schema.names, self.at, unique)
        props = self._properties(item, row)
        if item.mode == "replace":
            crashpoints.point("commit:insert")
            reader = self.db.reader(source, schema)
            write_deltalake(
                dt,
                reader,
                mode="overwrite",
                predicate=self._own_text(),
                writer_properties=WRITER,
                commit_properties=props,
            )
            return
        parent = item.parent_stage if s.parent is not None else None
        read = s.key in self.stages or (parent is not None and parent.key in self.stages)
        if item.mode == "merge" and not read:
            return  # nothing read: nothing to write (a whole read of nothing marks every row)
        if dt.to_pyarrow_dataset().count_rows() == 0:  # nothing to match, mark or cascade:
            crashpoints.point("commit:insert")  # append, streamed (a merge joins it whole)
            reader = self.db.reader(source, schema)
            write_deltalake(
                dt, reader, mode="append", writer_properties=WRITER, commit_properties=props
            )
            return
        if item.soft:
            self._restore_children(item, stage)
        if parent is not None:
            target = self.db.view_of_dataset(f"_acx_t_{s.name}", dt.to_pyarrow_dataset())
            own = layout.mine(self.share, "t")
            parent_stage = self._stage_view(parent)
            gone = gone_children(
                s, target, stage, parent, parent_stage, schema.names, self.at, item.soft, own
            )
            source = exp.union(source, gone, distinct=False)  # type: ignore[assignment]
        with_op = schema.append(pa.field(OP, pa.string()))
        merger = self._merger(item, dt, self.db.reader(source, with_op), props)
        crashpoints.point("commit:insert")
        merger.execute()
        if item.mode == "mirror" and item.soft:
            self._mark_children(item)

    def _merger(
        self, item: Apply, dt: DeltaTable, source: pa.RecordBatchReader, props: CommitProperties
    ) -> TableMerger:
        """The merge on the key: UPSERT rows updated or inserted (a mark cleared), GONE rows
        marked or deleted; for a whole read (mirror), the live rows it lacks too."""
        key = [item.stream.column(k).name for k in item.stream.primary_key]
        on = " AND ".join(f"t.{quote(k)} = s.{quote(k)}" for k in key)
        merger = dt.merge(
            source,
            on,
            source_alias="s",
            target_alias="t",
            writer_properties=WRITER,
            commit_properties=props,
        )
        upsert, gone = f"s.{OP} = '{UPSERT}'", f"s.{OP} = '{GONE}'"
        merger = merger.when_matched_update_all(predicate=upsert, except_cols=[OP])
        if item.soft:
            merger = merger.when_matched_update({DELETED_AT: f"s.{DELETED_AT}"}, predicate=gone)
        else:
            merger = merger.when_matched_delete(predicate=gone)
        merger = merger.when_not_matched_insert_all(predicate=upsert, except_cols=[OP])
        if item.mode != "mirror":
            return merger
        own = self._own_text("t")
        if not item.soft:
            return merger.when_not_matched_by_source_delete(predicate=own)
        live = f"t.{DELETED_AT} IS NULL" + (f" AND {own}" if own else "")
        return merger.when_not_matched_by_source_update(
            {DELETED_AT: time_literal(self.at)}, predicate=live
        )

    def _own_text(self, alias: str | None = None) -> str | None:
        own = layout.mine(self.share, alias)
        return None if own is None else sql(own)

    def _own(self, *aliases: str) -> exp.Condition | None:
        conds = [c for a in aliases if (c := layout.mine(self.share, a)) is not None]
        return exp.and_(*conds) if conds else None

    def _children(self, item: Apply) -> list[tuple[Stream, DeltaTable]]:
        """The tables of Apply.children this destination has, with `_acx_deleted_at`."""
        out = []
        for child in item.children:
            dt = self.table(child.name)
            if child.parent is None or child.history or dt is None:
                continue
            if DELETED_AT in {f.name for f in dt.schema().fields}:
                out.append((child, dt))
        return out

    def _restore_children(self, item: Apply, stage: exp.Table) -> None:
        """Before rows marked deleted are written again: clear the marks their deletion put
        on child tables outside this commit (restore_orphans)."""
        self._child_marks(item, stage)

    def _mark_children(self, item: Apply) -> None:
        """After a whole read marked rows deleted: mark their rows in child tables outside
        this commit (mark_orphans)."""
        self._child_marks(item, None)

    def _child_marks(self, item: Apply, restore: exp.Table | None) -> None:
        s = item.stream
        parent_dt = self.table(s.name)
        if parent_dt is None:
            return
        for child, dt in self._children(item):
            assert child.parent is not None
            parent = self.db.view_of_dataset(f"_acx_p_{s.name}", parent_dt.to_pyarrow_dataset())
            target = self.db.view_of_dataset(f"_acx_c_{child.name}", dt.to_pyarrow_dataset())
            key = [child.column(k).name for k in child.primary_key]
            query = orphans(
                target,
                key,
                child.column(child.parent.key).name,
                s.column(child.parent.references).name,
                parent,
                self._own("c", "p"),
                restore,
                [s.column(k).name for k in s.primary_key],
            )
            if not self.db.rows(query):
                continue
            full = pa.schema(dt.schema().to_arrow())
            marks = pa.schema([full.field(k) for k in key] + [full.field(DELETED_AT)])
            on = " AND ".join(f"t.{quote(k)} = s.{quote(k)}" for k in key)
            crashpoints.point("commit:update")
            dt.merge(
                self.db.reader(query, marks),
                on,
                source_alias="s",
                target_alias="t",
                writer_properties=WRITER,
                commit_properties=CommitProperties(
                    custom_metadata={"acx.table": child.key, "acx.marks_of": s.key}
                ),
            ).when_matched_update({DELETED_AT: f"s.{DELETED_AT}"}).execute()

    # ---- state and run log, as Delta tables of text columns
    def _write_state(self, states: Sequence[StateRow]) -> None:
        if not states:
            return
        rows = [{**r.as_text(), "stream": layout.state_key(self.share, r.stream)} for r in states]
        self._upsert_text(STATE_TABLE, STATE_COLUMNS, rows, ["stream"])

    def _upsert_text(
        self, name: str, columns: Sequence[str], rows: list[dict[str, Any]], key: list[str]
    ) -> None:
        schema = text_schema(columns)
        data = pa.Table.from_pylist(rows, schema=schema)
        dt = self.table(name)
        if dt is None:
            write_deltalake(
                self.table_uri(name), data, mode="append", storage_options=self.storage_options
            )
            self.opened.pop(name, None)
            return
        have = {f.name for f in dt.schema().fields}
        missing = [Field(c, PrimitiveType("string")) for c in columns if c not in have]
        if missing:
            dt.alter.add_columns(missing)
        on = " AND ".join(f"t.{quote(k)} = s.{quote(k)}" for k in key)
        dt.merge(
            data, on, source_alias="s", target_alias="t"
        ).when_matched_update_all().when_not_matched_insert_all().execute()

    def _text_rows(self, name: str, columns: Sequence[str]) -> list[dict[str, Any]]:
        try:
            dt = self.table(name)
            if dt is None:
                return []
            have = {f.name for f in dt.schema().fields}
            table = dt.to_pyarrow_table(columns=[c for c in columns if c in have])
        except FAILURES as exc:
            raise LoadError(
                f"{self.describe()}: cannot read {name}: {objectstore.reason(exc)}"
            ) from None
        return [{c: r.get(c) for c in columns} for r in table.to_pylist()]

    def read_state(self) -> dict[str, StateRow]:
        found = {}
        for rec in self._text_rows(STATE_TABLE, STATE_COLUMNS):
            key = layout.own_key(self.share, str(rec["stream"]))
            if key is not None:  # shared tables: the account's rows only
                found[key] = StateRow.from_record({**rec, "stream": key})
        return found

    def append_runs(self, records: Sequence[RunRecord]) -> None:
        """Add the records, then drop those older than the log keeps (two commits: the log is
        a report, not the state)."""
        if not records:
            return
        rows = [{**r.as_text(), "stream": layout.state_key(self.share, r.stream)} for r in records]
        data = pa.Table.from_pylist(rows, schema=text_schema(RUN_COLUMNS))
        try:
            dt = self.table(RUNS_TABLE)
            if dt is None:
                write_deltalake(
                    self.table_uri(RUNS_TABLE),
                    data,
                    mode="append",
                    storage_options=self.storage_options,
                )
                return
            write_deltalake(dt, data, mode="append")
            dt.delete(f"finished_at < '{cutoff(records[0].finished_at)}'")
        except FAILURES as exc:
            raise LoadError(
                f"{self.describe()}: cannot write {RUNS_TABLE}: {objectstore.reason(exc)}"
            ) from None

    def read_runs(self) -> dict[str, RunRecord]:
        records = self._text_rows(RUNS_TABLE, RUN_COLUMNS)
        own = ({**r, "stream": layout.own_key(self.share, str(r["stream"]))} for r in records)
        return latest(RunRecord.from_record(r) for r in own if r["stream"] is not None)


def time_literal(at: datetime) -> str:
    """A UTC instant as a DataFusion expression of the tables' timestamp type."""
    text = at.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    return f"arrow_cast('{text}', 'Timestamp(Microsecond, Some(\"UTC\"))')"
