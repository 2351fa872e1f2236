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
    "timestamp": "TIMESTAMPTZ",  # an instant, whatever each dialect calls it
    "date": "DATE",
    "boolean": "BOOLEAN",
    "json": "JSON",
}

# Only the entries that differ from BASE. A timestamp is a UTC instant in the warehouse's
# zone-aware type: TIMESTAMPTZ renders as BigQuery's and Databricks' TIMESTAMP (instants there),
# Redshift's TIMESTAMP WITH TIME ZONE. MySQL has no such type (its TIMESTAMP converts with the
# session zone and ends in 2038): DATETIME(6) holds UTC, and the column comments say so
# (ddl.RULES). SQLite stores ISO text.
OVERRIDES: dict[str, dict[str, str]] = {
    "snowflake": {"timestamp": "TIMESTAMP_TZ", "json": "VARIANT", "text": "VARCHAR"},
    "bigquery": {},
    "redshift": {"text": "VARCHAR(MAX)", "json": "SUPER"},
    "postgres": {"json": "JSONB", "float": "DOUBLE PRECISION"},
    "duckdb": {},
    "databricks": {"json": "STRING", "text": "STRING"},
    "mysql": {"timestamp": "DATETIME(6)", "text": "LONGTEXT"},
    "tsql": {
        "timestamp": "DATETIMEOFFSET",
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
    "timestamp": pa.timestamp("us", tz="UTC"),  # Parquet: isAdjustedToUTC=true
    "date": pa.date32(),
    "boolean": pa.bool_(),
    "json": pa.string(),
}

DIALECTS = tuple(OVERRIDES)

# The zone-less type an earlier acx gave timestamps (wall-clock UTC), per destination dialect: a
# table holding one for a spec timestamp is migrated to the zone-aware type, not refused. acx
# never made one on Postgres; a `timestamp without time zone` made by hand is migrated the same.
ZONELESS: dict[str, str] = {
    "duckdb": "TIMESTAMP",
    "postgres": "TIMESTAMP",
    "snowflake": "TIMESTAMP_NTZ",
}


def sql_type_text(logical: str, dialect: str) -> str:
    return OVERRIDES.get(dialect, {}).get(logical, BASE[logical])


@cache
def sql_type(logical: str, dialect: str) -> exp.DataType:
    """The sqlglot type of a logical type in a dialect (parsed in that dialect)."""
    return exp.DataType.build(sql_type_text(logical, dialect), dialect=dialect)


def arrow_type(logical: str) -> pa.DataType:
    return ARROW[logical]
