"""Iceberg tables read back without acx's destination: each table of the namespace through a
pyiceberg scan into an in-memory DuckDB database (and `_acx_state` from the tables' state
properties), for the tests that compare warehouses row for row."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import duckdb

from engine.load.iceberg_place import place_of
from engine.load.state import STATE_COLUMNS, STATE_TABLE
from tests.readback import LakeQuery

STATE_PROPERTY = "acx.state"


def load(target: str, settings: Any = None, share: str | None = None) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB database holding every table of the destination's namespace."""
    con = duckdb.connect(":memory:")
    con.execute("SET TimeZone = 'UTC'")
    fill(con, target, settings, share)
    return con


def fill(
    con: duckdb.DuckDBPyConnection, target: str, settings: Any = None, share: str | None = None
) -> None:
    """Every table of the destination's namespace, and `_acx_state`, copied into `con`."""
    from pyiceberg.catalog import load_catalog

    place = place_of(target, settings)
    catalog = load_catalog("acx", **place.catalog_properties())
    states = []
    prop = STATE_PROPERTY if share is None else f"{STATE_PROPERTY}.{share}"
    if (place.namespace,) in catalog.list_namespaces():
        for ident in catalog.list_tables(place.namespace):
            table = catalog.load_table(ident)
            data = table.scan().to_arrow()
            con.register("_scan", data)
            con.execute(f'CREATE TABLE "{ident[-1]}" AS SELECT * FROM _scan')
            con.unregister("_scan")
            if prop in table.properties:
                states.append(json.loads(table.properties[prop]))
    cols = ", ".join(f'"{c}" VARCHAR' for c in STATE_COLUMNS)
    con.execute(f"CREATE TABLE {STATE_TABLE} ({cols})")
    for row in states:
        values = [None if row.get(c) is None else str(row[c]) for c in STATE_COLUMNS]
        con.execute(f"INSERT INTO {STATE_TABLE} VALUES ({', '.join('?' * len(values))})", values)


class IcebergReader(LakeQuery):
    """What the parity and delete tests ask of a destination (target, sql, execute), over the
    namespace's tables as fill() copies them."""

    def __init__(self, target: str, settings: Any = None) -> None:
        super().__init__(Path(target), lambda con, _root: fill(con, target, settings))


def table_names(target: str) -> set[str]:
    """The tables of the namespace (none before the first run)."""
    from pyiceberg.catalog import load_catalog

    place = place_of(target, None)
    if not (Path(target) / "catalog.db").exists():
        return set()
    catalog = load_catalog("acx", **place.catalog_properties())
    if (place.namespace,) not in catalog.list_namespaces():
        return set()
    return {ident[-1] for ident in catalog.list_tables(place.namespace)}


def make_warehouse(folder: Path) -> Any:
    """The crash suite's reader of an Iceberg destination (tests/reliability/helpers.py)."""
    from tests.reliability.helpers import Warehouse, quote

    class IcebergWarehouse(Warehouse):
        name = "iceberg"

        def __init__(self, path: Path) -> None:
            super().__init__()
            self.path = path
            self.dest = f"iceberg:{path}"

        def connect(self) -> Any:
            return load(str(self.path))

        def run_query(self, con: Any, sql: str, params: list[Any] | None) -> list[tuple[Any, ...]]:
            return con.execute(sql, params or []).fetchall()

        def qualified(self, table: str) -> str:
            return quote(table)

        def tables(self) -> set[str]:
            names = table_names(str(self.path))
            return names | {STATE_TABLE} if names else names

        def stages(self) -> list[str]:
            """What a killed run left: its scratch folder (the next run removes it)."""
            return sorted(p.name for p in self.path.glob(".acx-*")) if self.path.exists() else []

    return IcebergWarehouse(folder)
