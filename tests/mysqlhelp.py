"""The test MySQL/MariaDB server (tests.conftest.mysql_dsn()): reach it or skip, and drop a
test's database afterwards."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import mysql_dsn


def connect(database: str | None = None) -> Any:
    """A PyMySQL connection to the test server (autocommit), or pytest.skip with the reason."""
    pymysql = pytest.importorskip("pymysql")
    from engine.load.mysql import parse_dsn

    cfg = parse_dsn(mysql_dsn(), "ACX_TEST_MYSQL_DSN", {})
    try:
        return pymysql.connect(
            host=cfg.host,
            port=cfg.port,
            user=cfg.user,
            password=cfg.password,
            database=database,
            charset="utf8mb4",
            autocommit=True,
            connect_timeout=5,
        )
    except pymysql.MySQLError as exc:
        pytest.skip(f"no MySQL/MariaDB at {cfg.where}: {exc.args[-1]}")


def server_or_skip() -> None:
    connect().close()


def mysql_up() -> bool:
    """Whether the test server answers (a test of several warehouses leaves MySQL out if not)."""
    try:
        server_or_skip()
    except pytest.skip.Exception:
        return False
    return True


def query(sql: str, params: Any = None, database: str | None = None) -> list[tuple[Any, ...]]:
    con = connect(database)
    try:
        with con.cursor() as cur:
            cur.execute(sql, params)
            return list(cur.fetchall()) if cur.description else []
    finally:
        con.close()


def drop_database(name: str) -> None:
    query(f"DROP DATABASE IF EXISTS `{name}`")
