"""The one table of logical column types: their SQL type per dialect (for DDL and loading)
and their Arrow type (for bulk loading). Dialects start from BASE and change a few entries."""

from __future__ import annotations

from functools import cache

import pyarrow as pa
from sqlglot import exp

BASE: dict[str, str] = {
    "integer": "BIGINT",
    "float": "DOUBLE",
    "decimal": "DECIMAL(38, 9)",
    "text": "TEXT",
    "timestamp": "TIMESTAMP",
    "date": "DATE",
    "boolean": "BOOLEAN",
    "json": "JSON",
}

# Only the entries that differ from BASE. Timestamps hold UTC: an instant type where the
# warehouse has one that loads cleanly, else a wall-clock type holding UTC.
OVERRIDES: dict[str, dict[str, str]] = {
    "snowflake": {"timestamp": "TIMESTAMP_NTZ", "json": "VARIANT", "text": "VARCHAR"},
    "bigquery": {"timestamp": "TIMESTAMPTZ"},
    "redshift": {"timestamp": "TIMESTAMPTZ", "text": "VARCHAR(MAX)", "json": "SUPER"},
    "postgres": {"timestamp": "TIMESTAMPTZ", "json": "JSONB", "float": "DOUBLE PRECISION"},
    "duckdb": {},
    "databricks": {"json": "STRING", "text": "STRING"},
    "mysql": {"timestamp": "DATETIME(6)", "text": "LONGTEXT"},
    "tsql": {
        "timestamp": "DATETIME2",
        "text": "NVARCHAR(MAX)",
        "json": "NVARCHAR(MAX)",
        "boolean": "BIT",
        "float": "FLOAT",
    },
    "sqlite": {
        "timestamp": "TEXT",
        "date": "TEXT",
        "json": "TEXT",
        "boolean": "INTEGER",
        "decimal": "NUMERIC",
        "float": "REAL",
    },
}

ARROW: dict[str, pa.DataType] = {
    "integer": pa.int64(),
    "float": pa.float64(),
    "decimal": pa.decimal128(38, 9),
    "text": pa.string(),
    "timestamp": pa.timestamp("us"),
    "date": pa.date32(),
    "boolean": pa.bool_(),
    "json": pa.string(),
}

DIALECTS = tuple(OVERRIDES)


def sql_type_text(logical: str, dialect: str) -> str:
    return OVERRIDES.get(dialect, {}).get(logical, BASE[logical])


@cache
def sql_type(logical: str, dialect: str) -> exp.DataType:
    """The sqlglot type of a logical type in a dialect (parsed in that dialect)."""
    return exp.DataType.build(sql_type_text(logical, dialect), dialect=dialect)


def arrow_type(logical: str) -> pa.DataType:
    return ARROW[logical]
