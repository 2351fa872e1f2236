"""The crash suite's reader of a `parquet:` folder: each table the plain glob of its folder
(tests/files_read.py), queried in an in-memory DuckDB, as a user with no acx reads it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import duckdb

from tests.files_read import file_tables, register
from tests.reliability.helpers import Warehouse, quote


class FilesWarehouse(Warehouse):
    name = "parquet"
    # each table's file replaced on its own, then the state: a crash between them leaves the
    # group's first tables with the run's rows and no state row yet (the re-run applies them
    # again)
    atomic_groups = False

    def __init__(self, root: Path) -> None:
        super().__init__()
        self.root = root

    @property
    def dest(self) -> str:  # type: ignore[override]
        return f"parquet:{self.root}"

    def connect(self) -> Any:
        con = duckdb.connect(":memory:")
        con.execute("SET TimeZone = 'UTC'")
        register(con, self.root, "parquet")
        return con

    def run_query(self, con: Any, sql: str, params: list[Any] | None) -> list[tuple[Any, ...]]:
        return con.execute(sql, params or []).fetchall()  # type: ignore[no-any-return]

    def qualified(self, table: str) -> str:
        return quote(table)

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
