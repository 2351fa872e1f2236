"""DuckDB: the embedded default. Batches go in as Arrow tables (no INSERT per row).

Memory: DuckDB holds at most its memory limit and spills the rest to a temporary directory next
to the database file (`acx.duckdb.tmp`, gone when the connection closes), so a table larger than
memory loads; a commit spills about as much as its new rows. What must fit is DuckDB's unit of
work, 2,048 values of a column, read into one buffer that grows by doubling: of HTML message
bodies (~16-30 KB each) a 64 MiB buffer, which the old 32MB limit could not hold, so every run
failed ("failed to pin block"). The Parquet/JSONL destination's DuckDB (files.py) runs with the
same settings."""

from __future__ import annotations

import contextlib
import math
import os
import re
import shutil
import threading
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
from sqlglot import exp

from engine import crashpoints
from engine.errors import ConfigError, LoadError
from engine.load import sqlbuild
from engine.load.base import Apply, SqlDestination, stage_schema
from engine.load.state import StateRow
from engine.spec import Stream

DEFAULT_PATH = "acx.duckdb"
MEMORY_ENV = "ACX_DUCKDB_MEMORY_LIMIT"
TEMP_ENV = "ACX_DUCKDB_TEMP_DIRECTORY"
# A scan's vector of text grows its buffer by doubling: 64 MiB holds 2,048 values of up to 32 KB,
# and 96MB leaves room beside it to write them (128MB could not hold the next step, 128 MiB,
# either). A million contacts fill it as a cache of the database file: 60-80 MB more peak RSS
# than at 32MB (bench/run.py memory).
DEFAULT_MEMORY_LIMIT = "96MB"
SIZE = re.compile(r"(\d+(?:\.\d+)?)(B|[KMGT]I?B|[KMGT])")  # as DuckDB reads them


def size_bytes(text: str) -> float:
    """Bytes of a size SIZE matches: a KB is 1000 bytes, a KiB 1024."""
    number, unit = SIZE.fullmatch(text).groups()  # type: ignore[union-attr]
    return float(number) * (1024 if "I" in unit else 1000) ** "BKMGT".index(unit[0])


@dataclass(frozen=True)
class Memory:
    """How much memory DuckDB may hold and where it spills the rest: the one place the
    DuckDB-backed destinations read these settings, and say which to change when one is short."""

    limit: str
    temp_directory: str | None  # None: DuckDB's own default (`.tmp` for an in-memory database)

    @classmethod
    def from_env(cls, env: Mapping[str, str], temp_directory: str | None) -> Memory:
        value = env.get(MEMORY_ENV, DEFAULT_MEMORY_LIMIT)
        text = value.strip().upper().replace(" ", "")
        if not SIZE.fullmatch(text):
            raise ConfigError(f"{MEMORY_ENV} {value!r} is not a size like 256MB or 2GB")
        return cls(text, env.get(TEMP_ENV) or temp_directory)

    def apply(self, con: duckdb.DuckDBPyConnection) -> None:
        # One thread: each DuckDB thread pins its own buffers, and at this limit two threads
        # running a commit's dedupe of a million wide rows run out of memory where one spills
        # and copes (acx is paced by the API, so a second thread would buy little).
        con.execute(f"SET memory_limit = '{self.limit}'")
        con.execute("SET threads = 1")
        if self.temp_directory:
            quoted = self.temp_directory.replace("'", "''")
            con.execute(f"SET temp_directory = '{quoted}'")

    def error(self, where: str, exc: duckdb.Error) -> LoadError:
        """A DuckDB error as one line; out of memory or of temporary space names the setting
        to change (DuckDB's own advice, SET this or that, does not apply to acx)."""
        text = str(exc)
        first = text.splitlines()[0]
        if "max_temp_directory_size" in text:
            spill = self.temp_directory or "the temporary directory"
            return LoadError(
                f"{where}: DuckDB's spill space at {spill} is full: {first}",
                f"free disk space there, or set {TEMP_ENV} to a folder on a larger disk",
            )
        if re.search(r"out of memory|failed to pin block|could not allocate block", text, re.I):
            more = max(2 * size_bytes(self.limit), size_bytes(DEFAULT_MEMORY_LIMIT))
            value = f"{more / 1e9:g}GB" if more >= 1e9 else f"{math.ceil(more / 1e6)}MB"
            return LoadError(
                f"{where}: DuckDB ran out of memory within its {self.limit} limit: {first}",
                f"raise it, e.g. {MEMORY_ENV}={value}",
            )
        return LoadError(f"{where}: {first}")


class Database:
    """What the connections of one process to one database file share. DuckDB lets one process
    write a file; inside it, connections that change one table at once conflict (accounts loading
    shared tables: "Catalog write-write conflict"), so every statement and every transaction of
    the file's connections takes `turn`: their changes never overlap. Loading a batch into a
    staging table does not: each account stages into tables of its own, and DuckDB appends never
    conflict, so batches load while another account commits. `users` counts the open
    connections: only the first clears a spill folder a killed run left (the others' DuckDB may
    be spilling there). `ddl`: accounts loading shared tables prepare them one at a time, so
    the first creates a table and its comments and the others find it made (twenty accounts
    each rendering and running every table's DDL cost more CPU than their rows)."""

    def __init__(self) -> None:
        self.turn = threading.RLock()
        self.ddl = threading.Lock()
        self.users = 0


_DATABASES: dict[str, Database] = {}
_DATABASES_GUARD = threading.Lock()


def database(path: str) -> Database:
    """The process's Database of a file (":memory:" is a database of its own each time)."""
    if path == ":memory:":
        return Database()
    with _DATABASES_GUARD:
        return _DATABASES.setdefault(os.path.realpath(path), Database())


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


class DuckDBDestination(SqlDestination):
    name = "duckdb"
    dialect = "duckdb"
    checkpoints = True  # a killed long read resumes (engine/run/resume.py)
    # ALTER COLUMN ... TYPE inside a transaction holds the rewritten columns in memory (a million
    # contacts' ten timestamps outgrow a 32MB limit, even with the rows deleted first); a table
    # created in the transaction is written out like any large insert.
    migration = "rebuild"
    # whether a stream's first batch waits for its second or its commit (see held); False where
    # the DuckDB is another destination's scratch, whose own statements read the stages
    holds = True

    def __init__(self, target: str | None = None, settings: Any = None) -> None:
        super().__init__()
        self.path = target or DEFAULT_PATH
        env = getattr(settings, "env", None) or {}
        self.spill = None if self.path == ":memory:" else f"{self.path}.tmp"
        self.memory = Memory.from_env(env, self.spill)
        self.schema = "main"
        self.con: duckdb.DuckDBPyConnection | None = None
        self.shared = database(self.path)
        self.in_transaction = False
        # A stream's first batch waits here, its staging table not made, until a second batch
        # comes (then both go to the made stage) or its commit, which inserts it from the Arrow
        # table itself: most tables of a run are read in one batch, and each would make, fill
        # and drop a staging table (three calls to DuckDB, and catalog changes in the file)
        self.held: dict[str, pa.Table] = {}
        self.unmade: dict[str, Stream] = {}  # by key, the streams whose stage is not made
        self.lingering: set[str] = set()  # stages a checkpoint kept, not (yet) resumed
        self.views: dict[str, str] = {}  # in a commit: stream key -> the name of its batch

    def describe(self) -> str:
        return f"duckdb:{self.path}"

    def connect(self) -> None:
        self.shared = database(self.path)
        with self.shared.turn:
            self._connect()
            try:
                self._set_up()
            except BaseException:
                self.close()
                raise

    def _connect(self) -> None:
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        try:
            self.con = duckdb.connect(self.path)
        except duckdb.IOException as exc:
            if "lock" in str(exc).lower():
                raise LoadError(
                    f"{self.describe()} is in use by another process (another acx run?)",
                    "wait for it to finish; runs on one destination never interleave",
                ) from None
            raise LoadError(f"cannot open {self.describe()}: {exc}") from None
        self.shared.users += 1

    def _set_up(self) -> None:
        self.db.execute("SET TimeZone = 'UTC'")
        first = self.shared.users == 1
        if first and self.spill and self.memory.temp_directory == self.spill:
            # DuckDB removes the folder it made when it closes, but not one a killed run left
            # (nor that run's spill files); the file lock is ours, so nobody else spills there
            shutil.rmtree(self.spill, ignore_errors=True)
        self.memory.apply(self.db)
        if self.schema and self.schema != "main":  # a schema per account (engine/load/layout.py)
            self.execute(f"CREATE SCHEMA IF NOT EXISTS {self.sql(self.ident_of(self.schema))}")
        self.prepare_state()
        self.lingering = self.drop_stale_stages()  # the file lock is ours

    def ddl_turn(self) -> Any:
        """Shared tables: one account of the process at a time prepares them (see Database)."""
        return self.shared.ddl if self.share is not None else contextlib.nullcontext()

    def close(self) -> None:
        with self.shared.turn:
            if self.con is not None:
                self.con.close()
                self.con = None
                self.shared.users -= 1

    @property
    def db(self) -> duckdb.DuckDBPyConnection:
        if self.con is None:
            raise LoadError("duckdb destination used before connect()")
        return self.con

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> list[tuple]:
        """A statement, in the file's turn; a read outside a transaction needs none (it cannot
        conflict with another connection's writes)."""
        read = not self.in_transaction and sql[:7].upper() == "SELECT "
        try:
            with contextlib.nullcontext() if read else self.shared.turn:
                cursor = self.db.execute(sql, params) if params else self.db.execute(sql)
                return cursor.fetchall()
        except duckdb.Error as exc:
            raise self.memory.error(self.describe(), exc) from None

    def existing_columns(self, table: str) -> dict[str, str] | None:
        """A table's columns and types, None when it does not exist. Outside a transaction,
        asked of the table itself (pragma_table_info: 0.4 ms); information_schema enumerates
        every table of the file (6 ms with twenty accounts' staging tables), but inside a
        transaction it is the only way, as a missing table's error would abort the transaction."""
        if not self.in_transaction:
            name = ".".join(_quoted(n) for n in (self.schema, table) if n)
            try:  # a read: no turn (see execute)
                cursor = self.db.execute("SELECT name, type FROM pragma_table_info(?)", [name])
                return {column: kind for column, kind in cursor.fetchall()} or None
            except duckdb.CatalogException:
                return None
            except duckdb.Error as exc:
                raise self.memory.error(self.describe(), exc) from None
        rows = self.execute(
            "SELECT column_name, data_type FROM information_schema.columns "
            "WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position",
            [self.schema, table],
        )
        return {name: kind for name, kind in rows} or None

    def _create_stage(self, stream: Stream) -> None:
        """A fresh stage, made when its second batch comes (see held)."""
        self.held.pop(stream.key, None)
        self.unmade.pop(stream.key, None)
        if not self.holds:
            super()._create_stage(stream)
            return
        name = self.stage_name(stream)
        if name in self.lingering:  # a checkpoint's stage this run does not go on with
            self.lingering.discard(name)
            self.run_staging(self.stage_drops([stream]))
        self.unmade[stream.key] = stream

    def stage(self, stream: Stream, batch: pa.Table) -> None:
        if not batch.num_rows:
            return
        if stream.key in self.unmade:
            if stream.key not in self.held:
                self.held[stream.key] = batch
                return
            self._make_stage(stream)  # with the held batch in it
        self.load_stage(stream, batch)

    def _make_stage(self, stream: Stream) -> None:
        """The stream's staging table, with the batch it held."""
        self.run_staging(self.stage_ddl(stream))
        self.unmade.pop(stream.key, None)
        held = self.held.pop(stream.key, None)
        if held is not None:
            self.load_stage(stream, held)

    def stage_table(self, stream: Stream) -> exp.Table:
        view = self.views.get(stream.key)
        return sqlbuild.tbl(view) if view else super().stage_table(stream)

    def stage_drops(self, streams: Sequence[Stream]) -> list[str]:
        return super().stage_drops([s for s in streams if s.key not in self.unmade])

    def discard(self, streams: Sequence[Stream]) -> None:
        for s in streams:
            self.held.pop(s.key, None)
        super().discard(streams)

    def load_stage(self, stream: Stream, batch: pa.Table) -> None:
        stage = self.sql(self.stage_table(stream))
        names = self.names(batch.column_names)
        try:
            self.db.register("_acx_batch", batch)
            self.db.execute(f"INSERT INTO {stage} ({names}) SELECT {names} FROM _acx_batch")
        except duckdb.Error as exc:
            raise self.memory.error(f"{self.describe()}: loading {stream.name}", exc) from None
        finally:
            self.db.unregister("_acx_batch")

    def run_staging(self, statements: Sequence[str]) -> None:
        """In one call and one transaction, without the file's turn (each account's staging
        tables are its own; DuckDB conflicts only on the same table). The turn was held 89% of
        a 20-account run: under a busy GIL a call to DuckDB waits for the GIL several times
        over while it holds the turn (a stage's DROP and CREATE took 75 ms as four calls, 45
        ms as one, 2 ms with the GIL free)."""
        if not statements:
            return
        if self.in_transaction:  # inside commit's or grouped's transaction, and its turn
            with self.shared.turn:
                self._run(statements, self.describe())
            return
        self._run(["BEGIN TRANSACTION", *statements, "COMMIT"], self.describe())

    def commit(self, applies: Sequence[Apply], states: Sequence[StateRow]) -> None:
        """commit's transaction in one call, built before it takes the file's turn: under a
        busy GIL each call to DuckDB waits for the GIL, and the turn is held meanwhile (twenty
        accounts at once held it 89% of the run, statement by statement). Every crash point is
        passed while building, before anything runs. The stages go in the same transaction (on
        their own after it, each commit cost DuckDB a second transaction)."""
        self.at = datetime.now(timezone.utc)
        self.check_migrations(applies)
        self._keep_held(applies, states)
        try:
            self._register_held(applies)
            script = [
                "BEGIN TRANSACTION",
                *self.commit_statements(applies, states),
                *self.state_script(states),
                *self.stage_drops([a.stream for a in applies]),
                "COMMIT",
            ]
            with self.shared.turn:
                self._run(script, f"{self.describe()}: commit")
        finally:
            for name in self.views.values():
                self.db.unregister(name)
            self.views.clear()
        for item in applies:
            self.held.pop(item.stream.key, None)
        crashpoints.point("committed")
        self.committed(applies, dropped=True)

    def _keep_held(self, applies: Sequence[Apply], states: Sequence[StateRow]) -> None:
        """Make the stages a commit does not apply but keeps: a checkpoint of a whole read
        names its members' stages for a resumed run (they must be in the file, held rows
        included), and an apply that dedupes its stage first deletes from it."""
        applied = {item.stream.key for item in applies}
        keep = {item.stream.key for item in applies if item.repeats}
        keep |= {r.stream for r in states if r.stream not in applied}
        for key in keep & self.unmade.keys():
            self._make_stage(self.unmade[key])

    def _register_held(self, applies: Sequence[Apply]) -> None:
        """Each applied stream whose stage was not made: its held batch (or no rows) under a
        name of its own, which the commit's statements read in the stage's place."""
        for number, item in enumerate(applies):
            stream = item.stream
            if stream.key not in self.unmade:
                continue
            batch = self.held.get(stream.key)
            if batch is None:
                batch = stage_schema(stream).empty_table()
            name = f"_acx_held_{number}"
            self.db.register(name, batch)
            self.views[stream.key] = name

    def _run(self, statements: Sequence[str], where: str) -> None:
        """Statements in one call; when they fail, a transaction they began is rolled back
        (else the connection's next BEGIN fails)."""
        try:
            self.db.execute(";\n".join(statements))
        except duckdb.Error as exc:
            if not self.in_transaction:
                with contextlib.suppress(duckdb.Error):
                    self.db.execute("ROLLBACK")
            raise self.memory.error(where, exc) from None

    @staticmethod
    def ident_of(name: str) -> Any:
        from engine.load.ddl import ident

        return ident(name)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        with self.shared.turn:  # no other connection of the file writes until it ends
            yield from self._transaction()

    def grouped(self) -> Any:
        return self.transaction()

    def _transaction(self) -> Iterator[None]:
        self.db.execute("BEGIN TRANSACTION")
        self.in_transaction = True
        try:
            try:
                yield
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            try:
                self.db.execute("COMMIT")  # DuckDB writes the new rows out here, and may run short
            except duckdb.Error as exc:
                with contextlib.suppress(duckdb.Error):  # else the connection's next BEGIN fails
                    self.db.execute("ROLLBACK")
                raise self.memory.error(f"{self.describe()}: commit", exc) from None
        finally:
            self.in_transaction = False
