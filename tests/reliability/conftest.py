"""Fixtures of the reliability suite, and the figures it prints at the end of the session."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.reliability.helpers import KEY, PgWarehouse, pg_secret_dsn, scratch_dir

SEED = 42
CONTACTS = 100
HERE = Path(__file__).resolve().parent


@pytest.hookimpl(tryfirst=True)  # before `-m "not slow"` deselects
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test here runs acx in subprocesses (crashes, kills, resumes, hostile servers, bad
    input, secrets): all of them are slow."""
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def sandbox():
    """The account most tests read: small, no rate limit, no faults."""
    from sandbox import Sandbox

    with Sandbox(contacts=CONTACTS, api_key=KEY, rate_limit=0, seed=SEED) as sb:
        yield sb


@pytest.fixture
def scratch(request) -> Iterator[Path]:
    """The test's working folder: databases, files, the runs' working directory."""
    with scratch_dir(re.sub(r"[^\w.-]", "_", request.node.name)[:40]) as folder:
        yield folder


@pytest.fixture(scope="session")
def pg_dsn_with_secret() -> str:
    psycopg = pytest.importorskip("psycopg")
    dsn = pg_secret_dsn()
    try:
        psycopg.connect(dsn, connect_timeout=5).close()
    except psycopg.OperationalError as exc:
        pytest.skip(f"no PostgreSQL for the reliability suite: {type(exc).__name__}")
    return dsn


@pytest.fixture
def pg_schemas(pg_dsn_with_secret: str) -> Iterator[Callable[[], PgWarehouse]]:
    """Make PostgreSQL warehouses, each in its own random schema, dropped afterwards."""
    made: list[PgWarehouse] = []

    def make(prefix: str = "acx_rel") -> PgWarehouse:
        made.append(PgWarehouse(pg_dsn_with_secret, f"{prefix}_{uuid.uuid4().hex[:8]}"))
        return made[-1]

    yield make
    for wh in made:
        wh.drop()
