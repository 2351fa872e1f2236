"""Destinations, keyed by the name given to `--dest` (`duckdb`, `duckdb:PATH`, ...)."""

from __future__ import annotations

import difflib
from typing import Any

from engine.destinations.base import Apply, Destination
from engine.destinations.duckdb import DuckDBDestination
from engine.errors import ConfigError

REGISTRY: dict[str, type[Destination]] = {cls.name: cls for cls in (DuckDBDestination,)}


def make_destination(dest: str, settings: Any = None) -> Destination:
    """`name` or `name:target` (a path, folder or named target)."""
    name, _, target = dest.partition(":")
    cls = REGISTRY.get(name)
    if cls is None:
        close = difflib.get_close_matches(name, list(REGISTRY), n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"choose one of {', '.join(REGISTRY)}"
        raise ConfigError(f"unknown destination '{name}'", hint)
    return cls(target or None, settings)  # type: ignore[call-arg]


__all__ = ["REGISTRY", "Apply", "Destination", "make_destination"]
