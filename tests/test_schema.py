"""The schema is the documentation: every property has a title, a description and examples that
are themselves valid."""

from __future__ import annotations

import jsonschema
import pytest

from engine.spec.validate import schema
from tests.schemadoc import properties, resolve

SCHEMA = schema()


PROPS = list(properties(SCHEMA, {"items": "items", "additionalProperties": "additionalProperties"}))


def _resolve(sub):
    return resolve(SCHEMA, sub)


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
