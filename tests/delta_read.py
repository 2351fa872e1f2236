"""Reading a `delta:` destination back without acx: each Delta table through deltalake's own
reader (DeltaTable -> Arrow), registered in a DuckDB connection (tests/readback.py queries
them; the crash suite's DeltaWarehouse is in tests/reliability/delta_warehouse.py)."""

from __future__ import annotations

from pathlib import Path

import duckdb


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
