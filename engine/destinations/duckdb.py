"""DuckDB: the embedded default. Batches go in as Arrow tables (no INSERT per row)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from engine.destinations.base import SqlDestination
from engine.errors import ConfigError, LoadError
from engine.spec import Stream

DEFAULT_PATH = "acx.duckdb"


def _memory_limit(value: str) -> str:
    text = value.strip().upper().replace(" ", "")
    if not text or not text[0].isdigit() or not text.rstrip("KMGTIB").replace(".", "").isdigit():
        raise ConfigError(f"ACX_DUCKDB_MEMORY_LIMIT {value!r} is not a size like 256MB or 2GB")
    return text


class DuckDBDestination(SqlDestination):
    name = "duckdb"
    dialect = "duckdb"
    # ALTER COLUMN ... TYPE inside a transaction holds the rewritten columns in memory (a million
    # contacts' ten timestamps outgrow the 32MB limit, even with the rows deleted first); a table
    # created in the transaction is written out like any large insert.
    migration = "rebuild"

    def __init__(self, target: str | None = None, settings: Any = None) -> None:
        super().__init__()
        self.path = target or DEFAULT_PATH
        env = getattr(settings, "env", None) or {}
        self.memory_limit = _memory_limit(env.get("ACX_DUCKDB_MEMORY_LIMIT", "32MB"))
        self.schema = "main"
        self.con: duckdb.DuckDBPyConnection | None = None

    def describe(self) -> str:
        return f"duckdb:{self.path}"

    def connect(self) -> None:
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
        self.con.execute("SET TimeZone = 'UTC'")
        # Bounded memory: DuckDB spills to disk beyond this rather than growing with the tables.
        # One thread: each DuckDB thread pins its own buffers, and at this limit two threads
        # running a commit's dedupe of a million wide rows run out of memory where one spills
        # and copes (acx is paced by the API, so a second thread would buy little).
        self.con.execute(f"SET memory_limit = '{self.memory_limit}'")
        self.con.execute("SET threads = 1")
        self.prepare_state()
        self.drop_stale_stages()  # the file lock is ours: another process cannot hold it

    def close(self) -> None:
        if self.con is not None:
            self.con.close()
            self.con = None

    @property
    def db(self) -> duckdb.DuckDBPyConnection:
        if self.con is None:
            raise LoadError("duckdb destination used before connect()")
        return self.con

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> list[tuple]:
        try:
            return (
                self.db.execute(sql, params).fetchall()
                if params
                else self.db.execute(sql).fetchall()
            )
        except duckdb.Error as exc:
            raise LoadError(f"{self.describe()}: {str(exc).splitlines()[0]}") from None

    def existing_columns(self, table: str) -> dict[str, str] | None:
        rows = self.execute(
            "SELECT column_name, data_type FROM information_schema.columns "
            "WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position",
            [self.schema, table],
        )
        return {name: kind for name, kind in rows} or None

    def load_stage(self, stream: Stream, batch: pa.Table) -> None:
        stage = self.sql(self.stage_table(stream))
        names = ", ".join(self.sql(self.ident_of(n)) for n in batch.column_names)
        try:
            self.db.register("_acx_batch", batch)
            self.db.execute(f"INSERT INTO {stage} ({names}) SELECT {names} FROM _acx_batch")
        except duckdb.Error as exc:
            raise LoadError(
                f"{self.describe()}: loading {stream.name}: {str(exc).splitlines()[0]}"
            ) from None
        finally:
            self.db.unregister("_acx_batch")

    @staticmethod
    def ident_of(name: str) -> Any:
        from engine.ddl import ident

        return ident(name)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        self.db.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")
