from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
from click.testing import CliRunner

from engine.http.client import Client

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "specs" / "activecampaign.yaml"
MINI = ROOT / "tests" / "specs" / "mini.yaml"


@pytest.fixture
def cli():
    """Run the acx CLI in-process; returns click's Result (stdout in .output, stderr in .stderr)."""
    from cli import main

    def run(*args: str, env: dict[str, str] | None = None):
        return CliRunner().invoke(main, [str(a) for a in args], env=env, catch_exceptions=False)

    return run


def pg_dsn() -> str:
    return os.environ.get(
        "ACX_TEST_POSTGRES_DSN", "host=127.0.0.1 port=5432 user=postgres dbname=test"
    )


@pytest.fixture
def calls(monkeypatch):
    """Every (table, path, params) the engine requested."""
    seen: list[tuple[str, str, dict[str, str]]] = []
    original = Client.get

    def spy(self, path, params, ask, priority=0):
        seen.append((ask.stream, path, dict(params)))
        return original(self, path, params, ask, priority)

    monkeypatch.setattr(Client, "get", spy)
    return seen


@pytest.fixture(params=["duckdb", "postgres", "snowflake"])
def warehouse(request, tmp_path):
    """(destination, extra environment) of DuckDB, PostgreSQL and Snowflake (fakesnow), each
    in a place of its own that is dropped afterwards."""
    if request.param == "duckdb":
        yield f"duckdb:{tmp_path / 'acx.duckdb'}", {}
        return
    if request.param == "postgres":
        psycopg = pytest.importorskip("psycopg")
        schema = f"acx_test_{uuid.uuid4().hex[:8]}"
        yield "postgres", {"ACX_POSTGRES_DSN": pg_dsn(), "ACX_POSTGRES_SCHEMA": schema}
        with psycopg.connect(pg_dsn(), autocommit=True) as con:
            con.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        return
    fakesnow = pytest.importorskip("fakesnow")
    (tmp_path / "snow").mkdir()
    env = {
        "SNOWFLAKE_ACCOUNT": "acme",
        "SNOWFLAKE_USER": "loader",
        "SNOWFLAKE_PASSWORD": "not-a-real-password",
        "SNOWFLAKE_DATABASE": "ACXTEST",
        "SNOWFLAKE_SCHEMA": "activecampaign",
    }
    with fakesnow.patch(
        db_path=tmp_path / "snow", create_database_on_connect=False, create_schema_on_connect=False
    ):
        yield "snowflake", env
