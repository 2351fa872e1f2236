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


def mysql_dsn() -> str:
    """The test MySQL/MariaDB server, without a database (each test names its own)."""
    return os.environ.get("ACX_TEST_MYSQL_DSN", "mysql://root@127.0.0.1:3306/")


def mysql_database() -> str:
    """A new database name on the test server; pytest.skip when the server is down."""
    from tests.mysqlhelp import server_or_skip

    server_or_skip()
    return f"acx_test_{uuid.uuid4().hex[:8]}"


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


@pytest.fixture(params=["duckdb", "postgres", "snowflake", "mysql"])
def warehouse(request, tmp_path):
    """(destination, extra environment) of DuckDB, PostgreSQL, Snowflake (fakesnow) and
    MySQL/MariaDB, each in a place of its own that is dropped afterwards."""
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
    if request.param == "mysql":
        from tests.mysqlhelp import drop_database

        database = mysql_database()
        yield "mysql", {"ACX_MYSQL_DSN": mysql_dsn(), "ACX_MYSQL_DATABASE": database}
        drop_database(database)
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


# ---- the reliability suite's figures (tests/reliability), printed once at the end, also when
# pytest-xdist runs the tests in workers (each hands its figures to the controller)


def pytest_sessionfinish(session) -> None:  # noqa: ANN001
    """On a pytest-xdist worker: hand this worker's figures to the controller."""
    from tests.reliability.helpers import LEDGER  # here: it imports this module

    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        workeroutput["acx_ledger"] = LEDGER.shipped()


@pytest.hookimpl(optionalhook=True)  # a pytest-xdist hook
def pytest_testnodedown(node, error) -> None:  # noqa: ANN001
    """On the controller: add a finished worker's figures."""
    from tests.reliability.helpers import LEDGER

    shipped = getattr(node, "workeroutput", {}).get("acx_ledger")
    if shipped:
        LEDGER.merge(shipped)


def pytest_terminal_summary(terminalreporter) -> None:  # noqa: ANN001
    from tests.reliability.helpers import LEDGER

    if not LEDGER.runs:
        return
    kinds = ", ".join(f"{k} {n}" for k, n in sorted(LEDGER.faults.items())) or "none"
    write = terminalreporter.write_line
    write("")
    write("reliability figures")
    write(f"  acx runs (subprocesses):  {LEDGER.runs}")
    write(f"  faults injected:          {sum(LEDGER.faults.values())} ({kinds})")
    for note in LEDGER.notes:
        write(f"    {note}")
    write(f"  crashes (kill -9) tried:  {len(LEDGER.crashes)}")
    write(f"  bad inputs tried:         {len(LEDGER.bad_inputs)}")
    write(
        f"  tables compared:          {LEDGER.tables_compared} "
        f"({LEDGER.rows_compared} reference rows)"
    )
    write(f"  rows lost:                {LEDGER.rows_lost}")
    write(f"  rows duplicated or extra: {LEDGER.rows_extra}")
    write(
        f"  secrets found:            {len(LEDGER.leaks)} "
        f"(searched {len(LEDGER.outputs)} run outputs, {LEDGER.searched} databases and files)"
    )
