"""The crash suite's reader of a `delta:` destination: its Delta tables through deltalake's own
reader, queried in an in-memory DuckDB (tests/delta_read.py)."""

from __future__ import annotations

import duckdb

from tests.delta_read import delta_tables, register
from tests.reliability.lake_warehouse import LakeWarehouse


class DeltaWarehouse(LakeWarehouse):
    name = "delta"

    def register(self, con: duckdb.DuckDBPyConnection) -> None:
        register(con, self.root)

    def tables(self) -> set[str]:
        return delta_tables(self.root)

    def stages(self) -> list[str]:
        """What a run left besides the tables: its scratch folder of stages (`.acx-*`)."""
        if not self.root.is_dir():
            return []
        return sorted(p.name for p in self.root.glob(".acx-*"))
