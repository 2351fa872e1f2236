"""A MySQL/MariaDB warehouse for the reliability suite: each in its own database on the test
server (tests.conftest.mysql_dsn()), searched for secrets and dropped afterwards."""

from __future__ import annotations

from typing import Any

from tests.conftest import mysql_dsn
from tests.mysqlhelp import connect
from tests.reliability.helpers import Warehouse, search


class MysqlWarehouse(Warehouse):
    name = "mysql"
    dest = "mysql"

    def __init__(self, database: str) -> None:
        super().__init__()
        self.database = database

    def env(self) -> dict[str, str]:
        return {"ACX_MYSQL_DSN": mysql_dsn(), "ACX_MYSQL_DATABASE": self.database}

    def connect(self) -> Any:
        con = connect()
        with con.cursor() as cur:  # the suite's queries quote names "like this"
            cur.execute("SET SESSION sql_mode = CONCAT(@@sql_mode, ',ANSI_QUOTES')")
        return con

    def run_query(self, con: Any, sql: str, params: list[Any] | None) -> list[tuple[Any, ...]]:
        with con.cursor() as cur:
            cur.execute(sql, params)
            return list(cur.fetchall()) if cur.description else []

    def qualified(self, table: str) -> str:
        return f'"{self.database}"."{table}"'

    def tables(self) -> set[str]:
        rows = self.query(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = %s",
            [self.database],
        )
        return {r[0] for r in rows}

    def drop(self) -> None:
        """Drop the database, after searching it for the suite's secrets."""
        search(f"mysql database {self.database}", self.text_values())
        self.query(f'DROP DATABASE IF EXISTS "{self.database}"')
