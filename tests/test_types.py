"""The registry of logical types (engine/spec/types.py) is the one list of them: the schema's enum,
the converters, the DDL rules, the docs and `acx fields`' guesses all agree with it, and every
type has what each layer looks up (an Arrow type, a SQL type in every dialect, a converter)."""

from __future__ import annotations

import re

import pyarrow as pa
import pytest
from sqlglot import exp

from engine.errors import SpecError
from engine.load.ddl import RULES
from engine.load.files_write import JSON_COLUMN
from engine.read.coerce import CONVERSIONS
from engine.report.fields import NAMED, PATTERNS, WIDER
from engine.spec import LOGICAL_TYPES
from engine.spec.types import (
    DIALECTS,
    TYPES,
    ZONELESS,
    logical_type,
    reported_types,
    sql_type,
    sql_type_text,
)
from engine.spec.validate import schema
from tests.conftest import ROOT

DOCS = ROOT / "docs" / "spec.md"
# the docs' column titles -> dialect
DOCS_DIALECTS = {
    "DuckDB": "duckdb",
    "Postgres": "postgres",
    "Snowflake": "snowflake",
    "BigQuery": "bigquery",
}


def test_the_schema_enum_is_the_registry():
    column_type = schema()["$defs"]["column"]["properties"]["type"]
    assert column_type["enum"] == list(TYPES) == list(LOGICAL_TYPES)
    for name in TYPES:  # the description names each type
        assert re.search(rf"\b{name}\b", column_type["description"]), name


def test_every_record_is_named_by_its_key():
    assert all(kind.name == name for name, kind in TYPES.items())


@pytest.mark.parametrize("name", TYPES)
def test_every_type_has_a_converter_and_an_arrow_type(name):
    assert set(CONVERSIONS) == set(TYPES)
    kind = logical_type(name)
    assert isinstance(kind.arrow, pa.DataType)
    assert CONVERSIONS[name].value(None, None) is None  # NULL stays NULL
    bulk = CONVERSIONS[name].bulk([None], None)
    assert bulk is None or bulk.type == kind.arrow
    assert kind.holds, "say what the type holds (docs/spec.md's table of types)"


@pytest.mark.parametrize("dialect", DIALECTS)
@pytest.mark.parametrize("name", TYPES)
def test_every_type_has_a_sql_type_in_every_dialect(name, dialect):
    kind = sql_type(name, dialect)
    assert isinstance(kind, exp.DataType)
    assert kind.this != exp.DataType.Type.USERDEFINED, f"sqlglot cannot read {kind.sql(dialect)}"


def test_per_dialect_entries_name_known_dialects():
    assert set(RULES) == set(DIALECTS)
    assert set(ZONELESS) <= set(DIALECTS)
    for kind in TYPES.values():
        for table in (kind.sql_in, kind.reported, kind.comment_note):
            assert set(table) <= set(DIALECTS), (kind.name, table)


def test_reported_forms_are_keyed_by_the_written_type():
    assert reported_types("snowflake") == {
        "BIGINT": "NUMBER(38,0)",
        "DOUBLE": "FLOAT",
        "DECIMAL(38, 9)": "NUMBER(38,9)",
        "VARCHAR": "TEXT",
    }
    assert reported_types("duckdb") == {}


def test_an_unknown_type_names_the_valid_ones():
    with pytest.raises(SpecError, match="unknown column type 'money'; valid: integer, float"):
        sql_type_text("money", "duckdb")


def test_other_per_type_tables_use_registry_words():
    """Tables of a layer above the registry, keyed by its words: no stray or misspelt key."""
    assert set(JSON_COLUMN) <= set(TYPES)
    guessed = {NAMED.get(k, k) for k, _ in PATTERNS} | set(WIDER.values()) | set(NAMED.values())
    assert guessed | {"text", "boolean", "json", "float"} <= set(TYPES)


def docs_rows() -> list[list[str]]:
    """docs/spec.md's table of types: its header, then one row per type."""
    text = DOCS.read_text(encoding="utf-8").split("### Types", 1)[1]
    lines = [line for line in text.split("\n\n", 2)[1].splitlines() if line.startswith("|")]
    rows = [line for line in lines if "---" not in line]
    return [[cell.strip() for cell in row.strip("|").split("|")] for row in rows]


def squeezed(sql: str) -> str:
    return "".join(sql.upper().split())


def test_the_docs_table_of_types_is_the_registry():
    header, *rows = docs_rows()
    assert header[:2] == ["type", "holds"]
    assert [row[0].strip("`") for row in rows] == list(TYPES)
    for name, holds, *types in rows:
        kind = logical_type(name.strip("`"))
        assert holds.replace("`", "") == kind.holds
        for title, shown in zip(header[2:], types, strict=True):
            dialect = DOCS_DIALECTS[title]
            written = {sql_type_text(kind.name, dialect), sql_type(kind.name, dialect).sql(dialect)}
            assert squeezed(shown) in {squeezed(w) for w in written}, (kind.name, dialect)
