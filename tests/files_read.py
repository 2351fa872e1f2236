"""Reading a `parquet:` or `jsonl:` folder back as a new user would, with no acx and no
manifest: each table is a DuckDB view of the plain glob of its folder,
`read_parquet('DIR/<table>/*.parquet')` (`read_json_auto('DIR/<table>/*.jsonl')`), queried
through tests/readback.py; the crash suite's FilesWarehouse is in
tests/reliability/files_warehouse.py."""

from __future__ import annotations

from pathlib import Path

import duckdb

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
