"""How the tests read a destination back: through the format's own library where it has one
(deltalake, pyiceberg scans, a plain glob of a table's folder), else through acx's own
destination."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb
from sqlglot import exp

from engine.load import sqlbuild
from engine.load.ddl import render
from engine.spec import Stream


class LakeQuery:
    """A lake's tables, registered in an in-memory DuckDB by `register`, answering the few calls
    the tests make of a SQL destination (target, sql, execute)."""

    dialect = "duckdb"

    def __init__(self, root: Path, register: Callable[[duckdb.DuckDBPyConnection, Path], None]):
        self.root, self.register = root, register
        self.con: duckdb.DuckDBPyConnection | None = None

    def connect(self) -> None:
        self.con = duckdb.connect(":memory:")
        self.con.execute("SET TimeZone = 'UTC'")
        self.register(self.con, self.root)

    def close(self) -> None:
        if self.con is not None:
            self.con.close()
            self.con = None

    def target(self, stream: Stream) -> exp.Table:
        return sqlbuild.tbl(stream.name)

    def sql(self, expression: exp.Expression) -> str:
        return render([expression], "duckdb", pretty=False)[0]

    def execute(self, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
        assert self.con is not None
        return self.con.execute(sql, params or []).fetchall()


def reader_for(dest: str, settings: Any) -> Any:
    """What tests read a destination back with: deltalake for `delta:`, pyiceberg scans for
    `iceberg:`, a plain glob of each table's folder for `parquet:` and `jsonl:`, else acx's
    own."""
    kind, _, where = dest.partition(":")
    if kind in ("parquet", "jsonl"):
        from tests import files_read

        return LakeQuery(Path(where), lambda con, root: files_read.register(con, root, kind))
    if kind == "delta":
        from tests import delta_read

        return LakeQuery(Path(where), delta_read.register)
    if kind == "iceberg":
        from tests.iceberg_reader import IcebergReader

        return IcebergReader(where, settings)
    from engine.load import make_destination

    return make_destination(dest, settings)
