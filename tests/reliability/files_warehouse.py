"""The crash suite's reader of a `parquet:` folder: each table the plain glob of its folder
(tests/files_read.py), queried in an in-memory DuckDB, as a user with no acx reads it."""

from __future__ import annotations

import json
from typing import Any

import duckdb

from tests.files_read import file_tables, register
from tests.reliability.lake_warehouse import LakeWarehouse


class FilesWarehouse(LakeWarehouse):
    name = "parquet"

    def register(self, con: duckdb.DuckDBPyConnection) -> None:
        register(con, self.root, "parquet")

    def tables(self) -> set[str]:
        return file_tables(self.root, "parquet")

    def state(self) -> dict[str, dict[str, Any]]:
        path = self.root / "_acx_state.json"
        if not path.is_file():
            return {}
        rows = json.loads(path.read_text(encoding="utf-8"))["streams"]
        return {
            k: {"savepoint": r.get("savepoint"), "mode": r["mode"], "rows": int(r["rows_loaded"])}
            for k, r in rows.items()
        }

    def stages(self) -> list[str]:
        """What a run left besides the tables: temp files (`.acx-*`) anywhere in the folder."""
        if not self.root.is_dir():
            return []
        return sorted(p.name for p in self.root.rglob(".acx-*"))
