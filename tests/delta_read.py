"""Reading a `delta:` destination back without acx: each Delta table through deltalake's own
reader (DeltaTable -> Arrow), queried in an in-memory DuckDB. DeltaQuery answers the few calls
the tests make of a SQL destination (target, sql, execute); the crash suite's DeltaWarehouse is
in tests/reliability/helpers.py."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
from sqlglot import exp

from engine.load import sqlbuild
from engine.load.ddl import render
from engine.spec import Stream


def delta_tables(root: Path) -> set[str]:
    """The Delta tables in a folder (each a folder with a `_delta_log`)."""
    if not root.is_dir():
        return set()
    return {p.name for p in root.iterdir() if (p / "_delta_log").is_dir()}


def register(con: duckdb.DuckDBPyConnection, root: Path, names: set[str] | None = None) -> None:
    """Each Delta table of `root` (or of `names`) as a DuckDB table of its newest version."""
    import deltalake

    for name in sorted(delta_tables(root) if names is None else names):
        arrow = deltalake.DeltaTable(str(root / name)).to_pyarrow_table()
        con.register(name, arrow)


class DeltaQuery:
    """A `delta:PATH` destination's tables, for tests' SQL (DuckDB's dialect)."""

    dialect = "duckdb"

    def __init__(self, dest: str) -> None:
        self.root = Path(dest.partition(":")[2])
        self.con: duckdb.DuckDBPyConnection | None = None

    def connect(self) -> None:
        self.con = duckdb.connect(":memory:")
        self.con.execute("SET TimeZone = 'UTC'")
        register(self.con, self.root)

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
