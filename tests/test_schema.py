"""The schema is the documentation: every property has a title, a description and examples that
are themselves valid."""

from __future__ import annotations

import jsonschema
import pytest

from engine.validate import schema

SCHEMA = schema()


def _properties(node, path=()):
    """Yield (path, subschema) for every named property and $def in the schema."""
    if not isinstance(node, dict):
        return
    for name, sub in node.get("properties", {}).items():
        yield (*path, name), sub
        yield from _properties(sub, (*path, name))
    for name, sub in node.get("$defs", {}).items():
        yield (*path, "$defs", name), sub
        yield from _properties(sub, (*path, name))
    for key in ("items", "additionalProperties"):
        if isinstance(node.get(key), dict):
            yield from _properties(node[key], (*path, key))


PROPS = list(_properties(SCHEMA))


def _resolve(sub):
    if "$ref" in sub:
        return {**SCHEMA["$defs"][sub["$ref"].rsplit("/", 1)[-1]], **sub}
    return sub


@pytest.mark.parametrize("path,sub", PROPS, ids=[".".join(p) for p, _ in PROPS])
def test_property_is_documented(path, sub):
    sub = _resolve(sub)
    assert sub.get("description"), f"{'.'.join(path)} has no description"
    assert sub.get("title"), f"{'.'.join(path)} has no title"
    assert sub.get("examples"), f"{'.'.join(path)} has no examples"


@pytest.mark.parametrize("path,sub", PROPS, ids=[".".join(p) for p, _ in PROPS])
def test_examples_are_valid(path, sub):
    resolved = _resolve(sub)
    checker = jsonschema.Draft202012Validator(
        {**{k: v for k, v in resolved.items() if k != "$ref"}, "$defs": SCHEMA["$defs"]}
    )
    for example in resolved.get("examples", []):
        errors = [e.message for e in checker.iter_errors(example)]
        assert not errors, f"{'.'.join(path)} example {example!r}: {errors}"


def test_schema_is_valid_draft_2020_12():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
