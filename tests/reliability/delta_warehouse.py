"""The crash suite's reader of a `delta:` destination: its Delta tables through deltalake's own
reader, queried in an in-memory DuckDB (tests/delta_read.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb

from tests.delta_read import delta_tables, register
from tests.reliability.helpers import Warehouse, quote


class DeltaWarehouse(Warehouse):
    name = "delta"
    # one Delta commit per table, then the state: a crash between them leaves the group's
    # first tables with the run's rows and no state row yet (the re-run applies them again)
    atomic_groups = False

    def __init__(self, root: Path) -> None:
        super().__init__()
        self.root = root

    @property
    def dest(self) -> str:  # type: ignore[override]
        return f"delta:{self.root}"

    def connect(self) -> Any:
        con = duckdb.connect(":memory:")
        con.execute("SET TimeZone = 'UTC'")
        register(con, self.root)
        return con

    def run_query(self, con: Any, sql: str, params: list[Any] | None) -> list[tuple[Any, ...]]:
        return con.execute(sql, params or []).fetchall()  # type: ignore[no-any-return]

    def qualified(self, table: str) -> str:
        return quote(table)

    def tables(self) -> set[str]:
        return delta_tables(self.root)

    def stages(self) -> list[str]:
        """What a run left besides the tables: its scratch folder of stages (`.acx-*`)."""
        if not self.root.is_dir():
            return []
        return sorted(p.name for p in self.root.glob(".acx-*"))
