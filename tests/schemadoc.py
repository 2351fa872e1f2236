"""Walking a JSON Schema for the tests that check it documents itself (the spec's and acx.toml's):
every property, $def and nested schema, with its path."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

Path = tuple[str, ...]


def properties(node: Any, into: Mapping[str, str], path: Path = ()) -> Iterator[tuple[Path, Any]]:
    """(path, subschema) for every property and $def, and for the nested schemas named in
    `into` (key -> the label it gets in the path, e.g. {"additionalProperties": "*"})."""
    if not isinstance(node, dict):
        return
    for name, sub in node.get("properties", {}).items():
        yield (*path, name), sub
        yield from properties(sub, into, (*path, name))
    for name, sub in node.get("$defs", {}).items():
        yield (*path, "$defs", name), sub
        yield from properties(sub, into, (*path, name))
    for key, label in into.items():
        if isinstance(node.get(key), dict):
            yield from properties(node[key], into, (*path, label))


def resolve(schema: dict[str, Any], sub: dict[str, Any]) -> dict[str, Any]:
    """A subschema with its local $ref's definition merged in."""
    if "$ref" in sub:
        return {**schema["$defs"][sub["$ref"].rsplit("/", 1)[-1]], **sub}
    return sub
