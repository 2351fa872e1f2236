"""Reading a `parquet:` or `jsonl:` folder back as a new user would, with no acx and no
manifest: each table is a DuckDB view of the plain glob of its folder,
`read_parquet('DIR/<table>/*.parquet')` (`read_json_auto('DIR/<table>/*.jsonl')`). FilesQuery
answers the few calls the parity test makes of a SQL destination; the crash suite's
FilesWarehouse is in tests/reliability/files_warehouse.py."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
from sqlglot import exp

from engine.load import sqlbuild
from engine.load.ddl import render
from engine.spec import Stream

SUFFIX = {"parquet": ".parquet", "jsonl": ".jsonl"}


def glob_of(root: Path, table: str, kind: str) -> str:
    return str(root / table / f"*{SUFFIX[kind]}")


def reader(kind: str, glob: str) -> str:
    """The one-line read of a table the README shows."""
    text = glob.replace("'", "''")
    if kind == "parquet":
        return f"read_parquet('{text}')"
    return f"read_json_auto('{text}', format = 'newline_delimited')"


def file_tables(root: Path, kind: str) -> set[str]:
    """The tables of a folder: its subfolders holding a file of the format."""
    if not root.is_dir():
        return set()
    return {
        p.name
        for p in root.iterdir()
        if p.is_dir() and not p.name.startswith(("_", ".")) and any(p.glob(f"*{SUFFIX[kind]}"))
    }


def register(con: duckdb.DuckDBPyConnection, root: Path, kind: str) -> None:
    """Each table of the folder as a view of its glob."""
    for name in sorted(file_tables(root, kind)):
        quoted = '"' + name.replace('"', '""') + '"'
        con.execute(
            f"CREATE VIEW {quoted} AS SELECT * FROM {reader(kind, glob_of(root, name, kind))}"
        )


class FilesQuery:
    """A `parquet:DIR` or `jsonl:DIR` destination's tables, for tests' SQL (DuckDB's)."""

    dialect = "duckdb"

    def __init__(self, dest: str) -> None:
        kind, _, folder = dest.partition(":")
        self.kind, self.root = kind, Path(folder)
        self.con: duckdb.DuckDBPyConnection | None = None

    def connect(self) -> None:
        self.con = duckdb.connect(":memory:")
        self.con.execute("SET TimeZone = 'UTC'")
        register(self.con, self.root, self.kind)

    def close(self) -> None:
        if self.con is not None:
            self.con.close()
            self.con = None

    def target(self, stream: Stream) -> exp.Table:
        return sqlbuild.tbl(stream.name)

    def sql(self, expression: exp.Expression) -> str:
        return render([expression], "duckdb", pretty=False)[0]

    def execute(self, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
        assert self.con is not None
        return self.con.execute(sql, params or []).fetchall()
