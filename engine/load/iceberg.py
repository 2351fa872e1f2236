"""Apache Iceberg tables through pyiceberg: `--dest iceberg:./lake` (a SQL catalog in
`./lake/catalog.db`, data under `./lake`), or `--dest iceberg:NAME` with `[targets.NAME]`
(a SQLite or PostgreSQL catalog, or a REST catalog by URL: engine/load/iceberg_place.py).
A namespace is the schema: one per account (layout schema), or `_acx_account` in every key
(layout shared). docs/iceberg.md has the design; in short:

- Staging: batches go into a scratch DuckDB database (engine/load/duckdb.py, spilling past its
  memory limit) in a folder of its own, `.acx-iceberg-*` next to a local catalog.
- Commit: each table of the group is read from Iceberg into that database (a scan, streamed),
  the SQL warehouses' own statements run there (merge on the key, a whole read's missing rows
  marked `_acx_deleted_at`, history versions closed and opened), and what they changed goes
  back as one Iceberg transaction per table: a delete of the changed keys and an append of
  their rows (or, when most rows changed, a replace of all of them), with the table's state
  row in a table property of that same commit. The group's root table commits last, so its
  savepoint (the lower bound of the next read) only moves once every member is in.
- Runs on a local catalog hold a lock file beside it; elsewhere Iceberg's optimistic commit
  refuses a table another writer changed meanwhile."""

from __future__ import annotations

import json
import shutil
import tempfile
import uuid
import warnings
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
from pyiceberg import expressions
from pyiceberg.catalog import Catalog, load_catalog
from pyiceberg.exceptions import CommitFailedException
from pyiceberg.expressions import AlwaysTrue, BooleanExpression
from pyiceberg.table import Table

from engine import crashpoints
from engine.errors import LoadError
from engine.load import layout, sqlbuild
from engine.load.base import Apply, Destination
from engine.load.duckdb import DuckDBDestination
from engine.load.files_folder import lock_folder
from engine.load.iceberg_place import place_of
from engine.load.iceberg_schema import (
    check_columns,
    missing_fields,
    table_schema,
    writable,
)
from engine.load.iceberg_write import append_stream
from engine.load.runlog import RUN_COLUMNS, RUNS_TABLE, RunRecord, cutoff, latest
from engine.load.state import StateRow
from engine.load.system import DELETED_AT, IS_CURRENT, SYNCED_AT, VALID_FROM, key_columns
from engine.spec import Stream

# pyiceberg's predicates are pydantic models whose positional constructors mypy cannot read
ex: Any = expressions
STATE_PROPERTY = "acx.state"  # a table's state row (JSON), committed with its rows
SCRATCH = ".acx-iceberg-"  # the scratch folder's prefix (removed by the next run, locked)
BEFORE = "_acx_before_"  # a table's rows as read from Iceberg, to find what a commit changed
REWRITE_SHARE = 0.5  # past this share of a table's rows changed, rewrite them all
READ_ROWS = 10_000  # rows per Arrow batch between DuckDB and Iceberg (a few MB of wide rows)


class IcebergDestination(Destination):
    name = "iceberg"
    dialect = "duckdb"  # the SQL its commit runs in the scratch database

    def __init__(self, target: str | None = None, settings: Any = None) -> None:
        super().__init__()
        self.where = place_of(target, settings)
        self.namespace = self.where.namespace
        self.settings = settings
        self.token = uuid.uuid4().hex[:8]
        self.catalog_: Catalog | None = None
        self.work_: DuckDBDestination | None = None
        self.scratch: Path | None = None
        self.lock: IO[str] | None = None
        self.tables: dict[str, Table] = {}  # by stream key, once prepared
        self.converting: set[str] = set()  # tables gaining history this run: rewritten whole
        self.at = datetime.min.replace(tzinfo=timezone.utc)

    def describe(self) -> str:
        return self.where.describe() + ("" if self.namespace == "acx" else f"/{self.namespace}")

    def use_schema(self, name: str) -> None:
        self.namespace = name

    # ---- lifecycle
    def connect(self) -> None:
        try:
            self._lock_and_clear()
            self.catalog_ = self._open_catalog()
            self._call("creating the namespace", self.catalog.create_namespace_if_not_exists,
                       self.namespace)  # fmt: skip
            parent = self.where.lock_dir
            self.scratch = Path(tempfile.mkdtemp(prefix=self._scratch_prefix(), dir=parent))
            # in memory: a statement costs no disk flush; past its limit DuckDB spills to scratch
            self.work_ = DuckDBDestination(":memory:", self.settings)
            self.work_.holds = False  # its stages are read by the statements run here
            if self.work_.memory.temp_directory is None:  # else ACX_DUCKDB_TEMP_DIRECTORY's
                self.work_.memory = replace(self.work_.memory, temp_directory=str(self.scratch))
            self.work_.connect()
        except BaseException:
            self.close()
            raise

    def _lock_and_clear(self) -> None:
        """Local catalogs: one run per namespace (and account) at a time; what a killed run
        left in the scratch folder goes."""
        folder = self.where.lock_dir
        if folder is None:
            return
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise LoadError(f"cannot create {self.describe()}: {exc.strerror}") from None
        self.lock = lock_folder(folder / f"_acx.{self._own_name()}.lock", self.describe())
        for stale in folder.glob(self._scratch_prefix() + "*"):
            shutil.rmtree(stale, ignore_errors=True)

    def _own_name(self) -> str:
        return self.namespace + layout.stage_suffix(self.share)

    def _scratch_prefix(self) -> str:
        return f"{SCRATCH}{self._own_name()}-"

    def _open_catalog(self) -> Catalog:
        props = self.where.catalog_properties()
        catalog = self._call("opening the catalog", load_catalog, "acx", **props)
        self._call("listing namespaces", catalog.list_namespaces)  # reachable?
        return catalog

    def close(self) -> None:
        if self.work_ is not None:
            self.work_.close()
            self.work_ = None
        if self.scratch is not None:
            shutil.rmtree(self.scratch, ignore_errors=True)
            self.scratch = None
        self.tables.clear()
        if self.lock is not None:
            self.lock.close()
            self.lock = None

    @property
    def catalog(self) -> Catalog:
        if self.catalog_ is None:
            raise LoadError(f"{self.describe()} used before connect()")
        return self.catalog_

    @property
    def work(self) -> DuckDBDestination:
        if self.work_ is None:
            raise LoadError(f"{self.describe()} used before connect()")
        return self.work_

    def _call(self, what: str, fn: Any, *args: Any, **kwargs: Any) -> Any:
        """A pyiceberg call; what it raises becomes one line (a commit that lost a race too)."""
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # "Delete operation did not match any records"
                return fn(*args, **kwargs)
        except LoadError:
            raise
        except CommitFailedException:
            raise LoadError(
                f"{self.describe()}: {what}: another writer changed the table meanwhile",
                "run again; runs on one table never interleave",
            ) from None
        except Exception as exc:  # pyiceberg, SQLAlchemy, HTTP and file errors alike
            first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            raise LoadError(f"{self.describe()}: {what}: {type(exc).__name__}: {first}") from None

    def identifier(self, name: str) -> tuple[str, str]:
        return (self.namespace, name)

    def load(self, name: str) -> Table | None:
        try:
            return self._call(f"loading {name}", self.catalog.load_table, self.identifier(name))
        except LoadError:
            if not self.catalog.table_exists(self.identifier(name)):
                return None
            raise

    # ---- tables
    def prepare(self, stream: Stream) -> None:
        """Create the table (field docs from the spec; the key's fields required and Iceberg's
        identifier fields), or add the spec's new columns (union_by_name); refuse a changed
        type, and a history table loaded without history. Then the scratch table and stage."""
        table = self.load(stream.name)
        if table is None:
            table = self._create(stream)
        else:
            names = [f.name for f in table.schema().fields]
            layout.check_table(self.describe(), stream, names)
            check_columns(self.describe(), stream, table.schema())
            if IS_CURRENT in names and not stream.history:
                raise LoadError(
                    f"{self.describe()}: table {stream.name} keeps every version of its rows "
                    "(history), but the spec and config no longer ask for it",
                    f"set history = true under [tables.{stream.key}] to go on, or load it into "
                    "another namespace to start without history",
                )
            if stream.history and IS_CURRENT not in names:
                self.converting.add(stream.key)
            table = self._evolve(stream, table)
        self.tables[stream.key] = table
        self.work.prepare(stream)

    def _create(self, stream: Stream) -> Table:
        def create() -> Table:
            with (
                self.catalog.create_table_transaction(
                    self.identifier(stream.name), schema=table_schema(stream)
                ) as tx,
                tx.update_schema() as update,
            ):
                update.set_identifier_fields(*[c.name for c in key_columns(stream)])
            return self.catalog.load_table(self.identifier(stream.name))

        return self._call(f"creating {stream.name}", create)  # type: ignore[no-any-return]

    def _evolve(self, stream: Stream, table: Table) -> Table:
        added = missing_fields(stream, table.schema())
        if not added:
            return table

        def evolve() -> None:
            with table.update_schema() as update:
                update.union_by_name(added)
                if stream.key in self.converting:  # the key gains the version's start
                    update.set_identifier_fields()

        self._call(f"adding columns to {stream.name}", evolve)
        return table

    def stage(self, stream: Stream, batch: pa.Table) -> None:
        self.work.stage(stream, batch)

    def discard(self, streams: Sequence[Stream]) -> None:
        self.work.discard(streams)

    # ---- commit
    def commit(self, applies: Sequence[Apply], states: Sequence[StateRow]) -> None:
        """Read each table into the scratch database, run the SQL warehouses' statements there,
        then write each table's changes and state in one Iceberg commit: the members first,
        the group's root last, then tables outside the group whose rows the commit marked."""
        self.at = self.work.at = datetime.now(timezone.utc)
        by_key = {row.stream: row for row in states}
        inside = {a.stream.key for a in applies}
        outside = self._outside_children(applies, inside)
        for s in [*(a.stream for a in applies), *outside]:
            self._read(s)
            if self.work.holds_rows(s):  # its scratch table was empty when prepared
                self.work.empty.discard(s.key)
        with self.work.transaction():
            for item in applies:
                for statement in self.work.apply_statements(item):
                    self.work.execute(self.work.sql(statement))
        roots = [
            a for a in applies if a.stream.parent is None or a.stream.parent.stream not in inside
        ]
        order = [a for a in applies if a not in roots] + roots
        for item in order:
            whole = item.mode == "replace" or item.stream.key in self.converting
            self._write(item.stream, whole, by_key.get(item.stream.key))
            self.converting.discard(item.stream.key)
        for child in outside:
            self._write(child, False, None)
        crashpoints.point("committed")
        self.discard([a.stream for a in applies])
        pa.default_memory_pool().release_unused()  # the commit's batches: back to the OS
        for s in [*(a.stream for a in applies), *outside]:
            self._forget(s)

    def _outside_children(self, applies: Sequence[Apply], inside: set[str]) -> list[Stream]:
        """Tables outside this commit whose rows a soft delete here may mark or clear: those
        Iceberg has, with `_acx_deleted_at`."""
        found: dict[str, Stream] = {}
        for item in applies:
            if not item.soft:
                continue
            for child in item.children:
                if child.key in inside or child.key in found:
                    continue
                table = self.tables.get(child.key) or self.load(child.name)
                if table is None or DELETED_AT not in table.schema().column_names:
                    continue
                self.tables[child.key] = table
                if child.key not in self.work.kept:
                    self.work.prepare(child)
                found[child.key] = child
        return list(found.values())

    def _read(self, stream: Stream) -> None:
        """The table's rows (the account's, of a shared table) into its scratch table, and a
        copy as read (BEFORE) to find what the commit changes."""
        table = self.tables[stream.key]
        self._call(f"reading {stream.name}", table.refresh)
        target = self.work.sql(self.work.target(stream))
        before = self.work.sql(sqlbuild.tbl(BEFORE + stream.name, self.work.schema))
        have = set(table.schema().column_names)
        wanted = [c for c in _work_columns(self.work, stream) if c in have]
        self.work.execute(f"DELETE FROM {target}")
        if table.current_snapshot() is not None:
            scan = table.scan(row_filter=self._own_rows(), selected_fields=tuple(wanted))
            reader = self._call(f"reading {stream.name}", scan.to_arrow_batch_reader)
            self._insert(stream, target, reader, wanted)
        self.work.execute(f"CREATE OR REPLACE TABLE {before} AS SELECT * FROM {target}")

    def _insert(self, stream: Stream, target: str, reader: Any, names: list[str]) -> None:
        cols = ", ".join(self.work.sql(sqlbuild.col(n)) for n in names)
        extra = ""
        if stream.key in self.converting:  # each row its key's first, current version
            began = f"coalesce({SYNCED_AT}, {self.work.sql(self.work.moment())})"
            cols_in = f"{cols}, {VALID_FROM}, {IS_CURRENT}"
            extra = f", {began}, true"
        else:
            cols_in = cols
        db = self.work.db
        db.register("_acx_iceberg", reader)
        try:
            self.work.execute(
                f"INSERT INTO {target} ({cols_in}) SELECT {cols}{extra} FROM _acx_iceberg"
            )
        finally:
            db.unregister("_acx_iceberg")

    def _own_rows(self) -> BooleanExpression:
        if self.share is None:
            return AlwaysTrue()
        return ex.EqualTo(layout.ACCOUNT_COLUMN, self.share)  # type: ignore[no-any-return]

    def _write(self, stream: Stream, whole: bool, state: StateRow | None) -> None:
        """One Iceberg transaction for the table: its changed rows, and its state row."""
        table, work = self.tables[stream.key], self.work
        target = work.sql(work.target(stream))
        before = work.sql(sqlbuild.tbl(BEFORE + stream.name, work.schema))
        keys = [c.name for c in key_columns(stream) if c.name != VALID_FROM]  # history: per key
        key_sql = ", ".join(work.sql(sqlbuild.col(k)) for k in keys)
        changed = (
            f"SELECT DISTINCT {key_sql} FROM ((SELECT * FROM {target} EXCEPT SELECT * FROM "
            f"{before}) UNION ALL (SELECT * FROM {before} EXCEPT SELECT * FROM {target}))"
        )
        rows = int(work.execute(f"SELECT count(*) FROM {target}")[0][0])
        empty = not work.execute(f"SELECT 1 FROM {before} LIMIT 1")  # nothing to delete
        # the changed keys go into a delete's filter: fetched only when few enough for one
        # (a first load appends every row, and a million keys in Python cost ~100 MB)
        touched: list[tuple[Any, ...]] = []
        if not (whole or empty):
            count = int(work.execute(f"SELECT count(*) FROM ({changed})")[0][0])
            whole = count > REWRITE_SHARE * max(rows, 1)
            touched = [] if whole else work.execute(changed)
        whole = whole or empty
        names = _work_columns(work, stream)
        cols = ", ".join(work.sql(sqlbuild.col(n)) for n in names)
        select = f"SELECT {cols} FROM {target}"
        if not whole:
            select += f" WHERE ({key_sql}) IN ({changed})"
        schema = writable(table.schema(), names)
        crashpoints.point("commit:delete")

        def apply() -> None:
            with table.transaction() as tx:
                if (whole or touched) and not empty:
                    tx.delete(self._own_rows() if whole else key_filter(keys, touched))
                if (whole and rows) or touched:
                    append_stream(tx, table.io, self._rows(select, schema))
                crashpoints.point("commit:insert")
                if state is not None:
                    tx.set_properties({self._state_property(): _state_json(state)})
                crashpoints.point("commit:state")

        self._call(f"committing {stream.name}", apply)

    def _rows(self, select: str, schema: pa.Schema) -> pa.RecordBatchReader:
        """A scratch query's rows typed as the Iceberg table's, streamed."""
        reader = _reader(self.work.db.sql(select))
        return pa.RecordBatchReader.from_batches(schema, (b.cast(schema) for b in reader))

    def _forget(self, stream: Stream) -> None:
        """Free the scratch copies once committed."""
        work = self.work
        work.execute(f"DELETE FROM {work.sql(work.target(stream))}")
        before = work.sql(sqlbuild.tbl(BEFORE + stream.name, work.schema))
        work.execute(f"DROP TABLE IF EXISTS {before}")

    def _state_property(self) -> str:
        return STATE_PROPERTY if self.share is None else f"{STATE_PROPERTY}.{self.share}"

    # ---- state and run log
    def read_state(self) -> dict[str, StateRow]:
        found: dict[str, StateRow] = {}
        prop = self._state_property()
        names = self._call("listing tables", self.catalog.list_tables, self.namespace)
        for ident in names:
            name = ident[-1]
            if name == RUNS_TABLE:
                continue
            table = self.tables_by_name(name) or self.load(name)
            text = table.properties.get(prop) if table is not None else None
            if text:
                row = StateRow.from_record(json.loads(text))
                found[row.stream] = row
        return found

    def tables_by_name(self, name: str) -> Table | None:
        return next((t for t in self.tables.values() if t.name()[-1] == name), None)

    def append_runs(self, records: Sequence[RunRecord]) -> None:
        if not records:
            return
        schema = pa.schema([pa.field(c, pa.string()) for c in RUN_COLUMNS])
        table = self.load(RUNS_TABLE)
        if table is None:
            table = self._call(
                "creating the run log", self.catalog.create_table_if_not_exists,
                self.identifier(RUNS_TABLE), schema=schema,
            )  # fmt: skip
        texts = [{**r.as_text(), "stream": layout.state_key(self.share, r.stream)} for r in records]
        data = pa.Table.from_pylist(texts, schema=schema)
        old = cutoff(records[0].finished_at)

        def append() -> None:
            with table.transaction() as tx:
                tx.delete(_lt("finished_at", old))
                tx.append(data.cast(writable(table.schema(), list(RUN_COLUMNS))))

        self._call("writing the run log", append)

    def read_runs(self) -> dict[str, RunRecord]:
        table = self.load(RUNS_TABLE)
        if table is None or table.current_snapshot() is None:
            return {}
        rows = self._call("reading the run log", lambda: table.scan().to_arrow().to_pylist())
        own = ({**r, "stream": layout.own_key(self.share, str(r["stream"]))} for r in rows)
        return latest(RunRecord.from_record(r) for r in own if r["stream"] is not None)


def _lt(name: str, value: str) -> BooleanExpression:
    return ex.LessThan(name, value)  # type: ignore[no-any-return]


def _state_json(row: StateRow) -> str:
    return json.dumps(row.as_record(), ensure_ascii=False)


def _work_columns(work: DuckDBDestination, stream: Stream) -> list[str]:
    return list(work.existing_columns(stream.name) or {})


def key_filter(keys: Sequence[str], values: Sequence[tuple[Any, ...]]) -> BooleanExpression:
    """Rows whose key is one of `values`: `IN` on the last key column, per value of the others
    (a shared table's account, a pair key's first half)."""
    groups: dict[tuple[Any, ...], list[Any]] = {}
    for value in values:
        groups.setdefault(tuple(value[:-1]), []).append(value[-1])
    parts: list[BooleanExpression] = []
    for prefix, lasts in groups.items():
        last = ex.In(keys[-1], set(lasts)) if len(lasts) > 1 else ex.EqualTo(keys[-1], lasts[0])
        conds = [ex.EqualTo(k, v) for k, v in zip(keys[:-1], prefix, strict=True)]
        parts.append(ex.And(*conds, last) if conds else last)
    return parts[0] if len(parts) == 1 else ex.Or(*parts)  # type: ignore[no-any-return]


def _reader(relation: Any) -> pa.RecordBatchReader:
    read = getattr(relation, "to_arrow_reader", None) or relation.fetch_arrow_reader
    return read(READ_ROWS)  # type: ignore[no-any-return]
