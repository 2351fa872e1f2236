"""DDL: golden files per dialect (refresh: `make golden`), and the DDL of every dialect we can run
here executes with zero errors on the real engines."""

from __future__ import annotations

import os
import sqlite3
import uuid

import duckdb
import pytest
from sqlglot import exp

from engine.load.ddl import create_table, ddl_script, render
from engine.spec import load_spec
from engine.spec.types import DIALECTS
from tests.conftest import ROOT, SPEC, pg_dsn
from tests.runhelp import golden_text

GOLDEN = ROOT / "tests" / "golden" / "ddl"
REFRESH = os.environ.get("ACX_REFRESH_GOLDEN") == "1"


@pytest.fixture(scope="module")
def spec():
    return load_spec(SPEC)


def described(spec):
    """Columns with a description (the model leaves one empty), and acx's own two per table."""
    return sum(1 for s in spec.streams for c in s.columns if c.description) + 2 * len(spec.streams)


def statements(spec, dialect, schema=None):
    for stream in spec.streams:
        yield from render(create_table(stream, dialect, schema), dialect, pretty=False)


@pytest.mark.parametrize("dialect", DIALECTS)
def test_ddl_matches_golden(spec, dialect):
    got = ddl_script(spec.streams, dialect, schema="activecampaign")
    stored = golden_text(GOLDEN / f"{dialect}.sql", got, REFRESH)
    assert got == stored, f"DDL for {dialect} changed: review, then run `make golden`"


@pytest.mark.parametrize("dialect", DIALECTS)
def test_every_table_has_create_and_comments(spec, dialect, cli):
    out = cli("ddl", SPEC, "--dialect", dialect).output
    created = [line for line in out.splitlines() if line.startswith("CREATE TABLE")]
    assert len(created) == len(spec.streams)  # a template's is a commented-out note
    comments = {
        "snowflake": "COMMENT '",
        "databricks": "COMMENT '",
        "mysql": "COMMENT '",
        "bigquery": "description='",
        "postgres": "COMMENT ON COLUMN",
        "redshift": "COMMENT ON COLUMN",
        "duckdb": "COMMENT ON COLUMN",
    }
    if dialect in comments:
        assert out.count(comments[dialect]) >= described(spec)


# A timestamp is a UTC instant: each dialect's zone-aware type (sqlglot renders Snowflake's
# TIMESTAMP_TZ by its synonym TIMESTAMPTZ); MySQL has none, so its comments say UTC.
TIMESTAMP_TYPES = {
    "duckdb": "TIMESTAMPTZ",
    "postgres": "TIMESTAMPTZ",
    "snowflake": "TIMESTAMPTZ",
    "redshift": "TIMESTAMP WITH TIME ZONE",
    "bigquery": "TIMESTAMP",
    "databricks": "TIMESTAMP",
    "tsql": "DATETIMEOFFSET",
    "mysql": "DATETIME(6)",
    "sqlite": "TEXT",
}


@pytest.mark.parametrize(("dialect", "kind"), TIMESTAMP_TYPES.items())
def test_timestamps_are_instants_and_dates_stay_dates(spec, dialect, kind):
    contacts = spec.stream("contacts")
    udate, bounced = contacts.column("udate"), contacts.column("bounced_date")
    assert (udate.type, bounced.type) == ("timestamp", "date")
    [create] = create_table(contacts, dialect)[:1]
    defs = {d.name: d for d in create.this.expressions if isinstance(d, exp.ColumnDef)}
    assert defs[udate.name].args["kind"].sql(dialect) == kind
    assert defs[bounced.name].args["kind"].sql(dialect) == (
        "TEXT" if dialect == "sqlite" else "DATE"
    )
    if dialect not in ("mysql", "sqlite"):
        assert defs[udate.name].args["kind"].this == exp.DataType.Type.TIMESTAMPTZ
    if dialect == "mysql":
        assert "(UTC)" in defs[udate.name].sql(dialect)


def test_bigquery_primary_keys_are_not_enforced(spec):
    sql = ddl_script(spec.streams, "bigquery")
    assert sql.count("NOT ENFORCED") == len(spec.streams)


def test_reserved_words_are_quoted(spec):
    sql = ddl_script([spec.stream("deals")], "snowflake")
    assert '"group" BIGINT' in sql
    assert "[group] BIGINT" in ddl_script([spec.stream("deals")], "tsql")


def test_duckdb_executes(spec):
    con = duckdb.connect()
    con.execute("CREATE SCHEMA activecampaign")
    for sql in statements(spec, "duckdb", "activecampaign"):
        con.execute(sql)
    n = con.execute(
        "SELECT count(*) FROM duckdb_columns() WHERE schema_name = 'activecampaign' "
        "AND comment IS NOT NULL"
    ).fetchone()[0]
    assert n == described(spec)
    kinds = con.execute(
        "SELECT DISTINCT data_type FROM duckdb_columns() WHERE schema_name = 'activecampaign' "
        "AND data_type LIKE 'TIMESTAMP%'"
    ).fetchall()
    assert kinds == [("TIMESTAMP WITH TIME ZONE",)]


def test_sqlite_executes(spec):
    con = sqlite3.connect(":memory:")
    for sql in statements(spec, "sqlite"):
        con.execute(sql)
    tables = con.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0]
    assert tables == len(spec.streams)


def test_postgres_executes(spec):
    psycopg = pytest.importorskip("psycopg")
    schema = f"acx_ddl_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(pg_dsn(), autocommit=True) as con:
        con.execute(f"CREATE SCHEMA {schema}")
        try:
            for sql in statements(spec, "postgres", schema):
                con.execute(sql)
            n = con.execute(
                "SELECT count(*) FROM pg_description d JOIN pg_class c ON c.oid = d.objoid "
                "JOIN pg_namespace s ON s.oid = c.relnamespace WHERE s.nspname = %s "
                "AND d.objsubid > 0",
                (schema,),
            ).fetchone()[0]
            assert n == described(spec)
        finally:
            con.execute(f"DROP SCHEMA {schema} CASCADE")


def test_mariadb_executes(spec):
    pymysql = pytest.importorskip("pymysql")
    db = f"acx_ddl_{uuid.uuid4().hex[:8]}"
    con = pymysql.connect(host="127.0.0.1", port=3306, user="root", password="")
    try:
        with con.cursor() as cur:
            cur.execute(f"CREATE DATABASE {db}")
            for sql in statements(spec, "mysql", db):
                cur.execute(sql)
            cur.execute(
                "SELECT count(*) FROM information_schema.columns "
                "WHERE table_schema = %s AND column_comment <> ''",
                (db,),
            )
            assert cur.fetchone()[0] == described(spec)
    finally:
        with con.cursor() as cur:
            cur.execute(f"DROP DATABASE IF EXISTS {db}")
        con.close()
