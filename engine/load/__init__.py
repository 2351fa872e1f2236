"""Destinations, keyed by the name given to `--dest` (`duckdb`, `duckdb:PATH`, `postgres`, ...).

Modules are imported only when chosen, so a warehouse's driver is needed only by its users."""

from __future__ import annotations

import difflib
import importlib
from typing import Any

from engine.errors import ConfigError
from engine.load.base import Apply, Destination

REGISTRY: dict[str, str] = {
    "duckdb": "engine.load.duckdb:DuckDBDestination",
    "postgres": "engine.load.postgres:PostgresDestination",
    "snowflake": "engine.load.snowflake:SnowflakeDestination",
    "mysql": "engine.load.mysql:MysqlDestination",
    "parquet": "engine.load.files:ParquetDestination",
    "jsonl": "engine.load.files:JsonlDestination",
    "delta": "engine.load.delta:DeltaDestination",
    "iceberg": "engine.load.iceberg:IcebergDestination",
}
EXTRAS = {
    "postgres": "postgres",
    "snowflake": "snowflake",
    "mysql": "mysql",
    "delta": "delta",
    "iceberg": "iceberg",
}


def destination_class(name: str) -> type[Destination]:
    if name not in REGISTRY:
        close = difflib.get_close_matches(name, list(REGISTRY), n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"choose one of {', '.join(REGISTRY)}"
        raise ConfigError(f"unknown destination '{name}'", hint)
    module_name, _, class_name = REGISTRY[name].partition(":")
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        extra = EXTRAS.get(name)
        hint = f'pip install -e ".[{extra}]"' if extra else "reinstall acx"
        raise ConfigError(
            f"destination '{name}' needs a driver that is not installed ({exc.name})", hint
        ) from None
    return getattr(module, class_name)  # type: ignore[no-any-return]


def make_destination(dest: str, settings: Any = None) -> Destination:
    """`name` or `name:target` (a path, folder or named target from the config file)."""
    name, _, target = dest.partition(":")
    return destination_class(name)(target or None, settings)  # type: ignore[call-arg]


__all__ = ["REGISTRY", "Apply", "Destination", "destination_class", "make_destination"]
