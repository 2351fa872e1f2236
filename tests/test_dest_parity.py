"""One sandbox, seven warehouses: DuckDB, PostgreSQL (127.0.0.1:5432), Snowflake through
fakesnow, MySQL/MariaDB (127.0.0.1:3306; left out when no server runs), Delta Lake (read back
through deltalake), Iceberg (read back through pyiceberg scans) and a Parquet folder (each table
read by the plain glob of its folder, tests/files_read.py) get, for each table of the spec, the
same row count and the same checksum of their values; a second, incremental run merges with no
duplicate keys in any of them."""

from __future__ import annotations

import hashlib
import json
import uuid
from datetime import date, datetime, timezone
from decimal import Decimal
from typing import Any

import pytest
from sqlglot import exp

from engine.api import list_tables
from engine.config.settings import Settings
from engine.load.ddl import ident
from engine.spec import Spec, Stream
from tests.conftest import SPEC, mysql_dsn, pg_dsn
from tests.mysqlhelp import drop_database, mysql_up
from tests.readback import reader_for
from tests.runhelp import env_for, run

fakesnow = pytest.importorskip("fakesnow")
psycopg = pytest.importorskip("psycopg")

pytestmark = pytest.mark.slow  # four warehouses, every table, two runs
KEY = "parity-key"
WARRANTY_SERIAL = {"id": "serial", "type": "text", "label": "Serial"}


def normal(value: Any, logical: str) -> Any:
    """One representation per value whatever the driver returned."""
    if value is None:
        return None
    if logical == "json":
        return json.dumps(json.loads(value) if isinstance(value, str) else value, sort_keys=True)
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(timezone.utc).replace(tzinfo=None)
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value.quantize(Decimal('1e-9')):f}"
    if isinstance(value, float):
        return repr(round(value, 9))
    if logical == "boolean":  # MySQL's BOOLEAN is TINYINT(1): 0/1
        return bool(value)
    return value


def checksum(dest: Any, stream: Stream) -> tuple[int, str]:
    cols = [exp.Column(this=ident(c.name)) for c in stream.columns]
    order = [
        exp.Ordered(this=exp.Column(this=ident(stream.column(k).name))) for k in stream.primary_key
    ]
    query = exp.select(*cols).from_(dest.target(stream)).order_by(*order)
    rows = dest.execute(dest.sql(query))
    digest = hashlib.sha256()
    for row in rows:
        values = [normal(v, c.type) for v, c in zip(row, stream.columns, strict=True)]
        digest.update(json.dumps(values, default=str).encode())
    return len(rows), digest.hexdigest()


def duplicates(dest: Any, stream: Stream) -> int:
    key = [exp.Column(this=ident(stream.column(k).name)) for k in stream.primary_key]
    inner = exp.select(*key).from_(dest.target(stream)).group_by(*key).having("count(*) > 1")
    return len(dest.execute(dest.sql(inner)))


def snapshot(dest_name: str, settings: Settings, spec: Spec) -> dict[str, tuple[int, str]]:
    dest = reader_for(dest_name, settings)  # the lakes: read back through their libraries
    dest.connect()
    try:
        assert all(duplicates(dest, s) == 0 for s in spec.streams)
        return {s.key: checksum(dest, s) for s in spec.streams}
    finally:
        dest.close()


@pytest.fixture
def targets(tmp_path):
    schema = f"acx_parity_{uuid.uuid4().hex[:8]}"
    database = f"acx_parity_{uuid.uuid4().hex[:8]}"
    env = {
        "ACX_MYSQL_DSN": mysql_dsn(),
        "ACX_MYSQL_DATABASE": database,
        "ACX_POSTGRES_DSN": pg_dsn(),
        "ACX_POSTGRES_SCHEMA": schema,
        "SNOWFLAKE_ACCOUNT": "acme",
        "SNOWFLAKE_USER": "loader",
        "SNOWFLAKE_PASSWORD": "not-a-real-password",
        "SNOWFLAKE_DATABASE": "PARITY",
        "SNOWFLAKE_SCHEMA": "activecampaign",
    }
    (tmp_path / "snow").mkdir()
    with fakesnow.patch(
        db_path=tmp_path / "snow", create_database_on_connect=False, create_schema_on_connect=False
    ):
        dests = {
            "duckdb": f"duckdb:{tmp_path / 'acx.duckdb'}",
            "postgres": "postgres",
            "snowflake": "snowflake",
            "delta": f"delta:{tmp_path / 'lake'}",
            "iceberg": f"iceberg:{tmp_path / 'lake'}",
            "parquet": f"parquet:{tmp_path / 'files'}",  # read by a plain glob per table
        }
        yield ({**dests, "mysql": "mysql"} if mysql_up() else dests), env
    with psycopg.connect(pg_dsn(), autocommit=True) as con:
        con.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
    if mysql_up():
        drop_database(database)


def test_three_warehouses_hold_the_same_values(targets):
    dests, extra = targets
    from sandbox import Sandbox

    with Sandbox(contacts=120, api_key=KEY, rate_limit=0) as sb:
        env = env_for(sb.url, KEY, **extra)
        for _round in range(2):
            for dest in dests.values():
                code, lines = run(sb.url, KEY, dest, env=env)
                assert code == 0, lines
            # every table of the spec and every custom object table of the account
            spec, _ = list_tables(str(SPEC), env=env)
            made = [s.key for s in spec.streams if s.template]
            assert len(made) == 2 + _round, made
            settings = Settings(api_url=sb.url, api_key=KEY, env=env)
            sums = {name: snapshot(dest, settings, spec) for name, dest in dests.items()}
            assert all(rows > 0 for rows, _ in sums["duckdb"].values())
            for table in sums["duckdb"]:
                assert sums["postgres"][table] == sums["duckdb"][table], f"postgres {table}"
                assert sums["snowflake"][table] == sums["duckdb"][table], f"snowflake {table}"
                for other in ("delta", "iceberg", "parquet", "mysql"):
                    if other in sums:
                        assert sums[other][table] == sums["duckdb"][table], f"{other} {table}"
            sb.mutate("contacts", update=4, create=2)
            sb.mutate("deals", update=2, create=1)
            sb.mutate("campaigns", update=2)
            if _round == 0:  # a schema gains a field, another schema appears
                sb.add_custom_field("subscription", "trial-days", "number", "Trial days")
                sb.add_custom_schema("warranty", "Warranty", "Warranties", [WARRANTY_SERIAL])
