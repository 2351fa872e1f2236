"""The one registry of logical column types (the spec's `type:` word): one record per type, holding
everything the engine looks up by that word: its SQL type per dialect (a base and the dialects
that differ), its Arrow type, and what it allows. Adding a type is one record here, plus its
converter in engine/read/coerce.py (a layer above: spec may not import read), which keys its
converters by this registry; tests/test_types.py checks that the schema's enum, the converters and
the docs agree with it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache

import pyarrow as pa
from sqlglot import exp

from engine.errors import SpecError

# sqlglot's names of the dialects acx writes DDL for (`acx ddl --dialect`), in the order shown.
DIALECTS = (
    "snowflake",
    "bigquery",
    "redshift",
    "postgres",
    "duckdb",
    "databricks",
    "mysql",
    "tsql",
    "sqlite",
)


@dataclass(frozen=True)
class LogicalType:
    """One logical type. Per-dialect entries name only the dialects that differ from the base."""

    name: str
    holds: str  # what its values are, for docs and messages (docs/spec.md's table of types)
    sql: str  # its SQL type, as sqlglot reads it in every dialect not in `sql_in`
    arrow: pa.DataType  # its column type in every batch, and in the Parquet files
    sql_in: Mapping[str, str] = field(default_factory=dict)  # dialect -> its own SQL type
    # dialect -> its SQL type in a primary key, where the usual one cannot be a key
    key_sql_in: Mapping[str, str] = field(default_factory=dict)
    # dialect -> how its catalog (information_schema) reports the SQL type, where not as written
    reported: Mapping[str, str] = field(default_factory=dict)
    # dialect -> appended to the column comment, where the SQL type cannot say what it holds
    comment_note: Mapping[str, str] = field(default_factory=dict)
    ordered: bool = False  # every warehouse can MAX() it (a view's single value column)
    cursor: bool = False  # may be an incremental cursor (`replication.cursor`)
    zoned: bool = False  # read in the account's time zone (what a zone-less time means)
    json: bool = False  # JSON documents as text: a destination that stores JSON parses them


# Snowflake's information_schema reports the base type behind each synonym acx writes (BIGINT is
# stored as NUMBER(38,0), DOUBLE as FLOAT, VARCHAR as TEXT): `reported` says so, and the
# Snowflake destination compares on the reported form.
# https://docs.snowflake.com/en/sql-reference/intro-summary-data-types
_RECORDS = (
    LogicalType(
        "integer",
        holds="ids, foreign keys, counts, 0/1 flags",
        sql="BIGINT",
        arrow=pa.int64(),
        reported={"snowflake": "NUMBER(38,0)"},
        ordered=True,
        cursor=True,
    ),
    LogicalType(
        "float",
        holds="fractional values",
        sql="DOUBLE",
        arrow=pa.float64(),
        sql_in={"postgres": "DOUBLE PRECISION", "tsql": "FLOAT", "sqlite": "REAL"},
        reported={"snowflake": "FLOAT"},
        ordered=True,
    ),
    LogicalType(
        "decimal",
        holds="exact decimals",
        sql="DECIMAL(38, 9)",
        arrow=pa.decimal128(38, 9),
        sql_in={"sqlite": "NUMERIC"},
        reported={"snowflake": "NUMBER(38,9)"},
        ordered=True,
    ),
    LogicalType(
        "text",
        holds="strings; objects/arrays as JSON text",
        sql="TEXT",
        arrow=pa.string(),
        sql_in={
            "snowflake": "VARCHAR",
            "redshift": "VARCHAR(MAX)",
            "databricks": "STRING",
            "mysql": "LONGTEXT",
            "tsql": "NVARCHAR(MAX)",
        },
        # MySQL keys no LONGTEXT and SQL Server no NVARCHAR(MAX): a text key (a UUID, a domain)
        # gets a bounded type there, long enough for any identifier an API hands out
        key_sql_in={"mysql": "VARCHAR(255)", "tsql": "NVARCHAR(450)"},
        reported={"snowflake": "TEXT"},
        ordered=True,
    ),
    # A timestamp is a UTC instant in the warehouse's zone-aware type: TIMESTAMPTZ renders as
    # BigQuery's and Databricks' TIMESTAMP (instants there), Redshift's TIMESTAMP WITH TIME ZONE.
    # MySQL has no such type (its TIMESTAMP converts with the session zone and ends in 2038):
    # DATETIME(6) holds UTC, and the column comments say so. SQLite stores ISO text.
    LogicalType(
        "timestamp",
        holds="instants, in UTC",
        sql="TIMESTAMPTZ",
        arrow=pa.timestamp("us", tz="UTC"),  # Parquet: isAdjustedToUTC=true
        sql_in={
            "snowflake": "TIMESTAMP_TZ",
            "mysql": "DATETIME(6)",
            "tsql": "DATETIMEOFFSET",
            "sqlite": "TEXT",
        },
        comment_note={"mysql": " (UTC)"},
        ordered=True,
        cursor=True,
        zoned=True,
    ),
    LogicalType(
        "date",
        holds="calendar days (in the account's zone)",
        sql="DATE",
        arrow=pa.date32(),
        sql_in={"sqlite": "TEXT"},
        ordered=True,
        cursor=True,
        zoned=True,
    ),
    LogicalType(
        "boolean",
        holds='true/false ("0"/"1" accepted)',
        sql="BOOLEAN",
        arrow=pa.bool_(),
        sql_in={"tsql": "BIT", "sqlite": "INTEGER"},
    ),
    LogicalType(
        "json",
        holds="objects and arrays",
        sql="JSON",
        arrow=pa.string(),
        sql_in={
            "snowflake": "VARIANT",
            "redshift": "SUPER",
            "postgres": "JSONB",
            "databricks": "STRING",
            "tsql": "NVARCHAR(MAX)",
            "sqlite": "TEXT",
        },
        json=True,
    ),
)

TYPES: dict[str, LogicalType] = {t.name: t for t in _RECORDS}
LOGICAL_TYPES = tuple(TYPES)  # the spec's words, in the schema's order

# The names of the types with a property, for the checks that ask "is it one of these?"
CURSOR_TYPES = frozenset(t.name for t in _RECORDS if t.cursor)
ORDERED_TYPES = frozenset(t.name for t in _RECORDS if t.ordered)
JSON_TYPES = frozenset(t.name for t in _RECORDS if t.json)
ZONED_TYPES = frozenset(t.name for t in _RECORDS if t.zoned)

# The zone-less type an earlier acx gave timestamps (wall-clock UTC), per destination dialect: a
# table holding one for a spec timestamp is migrated to the zone-aware type, not refused. acx
# never made one on Postgres; a `timestamp without time zone` made by hand is migrated the same.
ZONELESS: dict[str, str] = {
    "duckdb": "TIMESTAMP",
    "postgres": "TIMESTAMP",
    "snowflake": "TIMESTAMP_NTZ",
}


def logical_type(name: str) -> LogicalType:
    try:
        return TYPES[name]
    except KeyError:
        valid = ", ".join(TYPES)
        raise SpecError([f"unknown column type {name!r}; valid: {valid}"]) from None


def sql_type_text(logical: str, dialect: str, key: bool = False) -> str:
    """The SQL type of a logical type in a dialect; `key`: of a primary key column."""
    kind = logical_type(logical)
    if key and dialect in kind.key_sql_in:
        return kind.key_sql_in[dialect]
    return kind.sql_in.get(dialect, kind.sql)


@cache
def sql_type(logical: str, dialect: str, key: bool = False) -> exp.DataType:
    """The sqlglot type of a logical type in a dialect (parsed in that dialect); `key`: of a
    primary key column."""
    return _parsed_type(sql_type_text(logical, dialect, key), dialect).copy()


@cache
def _parsed_type(text: str, dialect: str) -> exp.DataType:
    """A type's text parsed once per dialect (sqlglot's parser takes ~70 us a type; every account's
    staging tables ask again); sql_type hands out copies, as a tree belongs to one statement."""
    return exp.DataType.build(text, dialect=dialect)


def arrow_type(logical: str) -> pa.DataType:
    return logical_type(logical).arrow


def reported_types(dialect: str) -> dict[str, str]:
    """SQL type text as acx writes it -> as the dialect's catalog reports it, where they differ."""
    found = [t for t in _RECORDS if dialect in t.reported]
    return {sql_type_text(t.name, dialect): t.reported[dialect] for t in found}
