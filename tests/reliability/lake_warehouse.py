"""The crash suite's reader of a lake (Delta tables, a Parquet folder): its tables registered in
an in-memory DuckDB by the format's own reader, as a user with no acx reads them. A lake commits
table by table, then the state: a crash between them leaves the group's first tables with the
run's rows and no state row yet (the re-run applies them again)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb

from tests.reliability.helpers import Warehouse, quote


class LakeWarehouse(Warehouse):
    atomic_groups = False

    def __init__(self, root: Path) -> None:
        super().__init__()
        self.root = root

    @property
    def dest(self) -> str:  # type: ignore[override]
        return f"{self.name}:{self.root}"

    def register(self, con: duckdb.DuckDBPyConnection) -> None:
        raise NotImplementedError

    def connect(self) -> Any:
        con = duckdb.connect(":memory:")
        con.execute("SET TimeZone = 'UTC'")
        self.register(con)
        return con

    def run_query(self, con: Any, sql: str, params: list[Any] | None) -> list[tuple[Any, ...]]:
        return con.execute(sql, params or []).fetchall()  # type: ignore[no-any-return]

    def qualified(self, table: str) -> str:
        return quote(table)
