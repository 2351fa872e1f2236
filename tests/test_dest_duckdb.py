"""DuckDB under its memory limit: a table of millions of rows commits in a fraction of the memory
its data takes, so a large account loads on a small machine."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pyarrow as pa
import pytest

from engine.config import Settings
from engine.destinations import Apply
from engine.destinations.duckdb import DuckDBDestination
from engine.spec import Stream, load_spec
from engine.sqlbuild import SEQ
from engine.state import StateRow
from tests.conftest import SPEC

ROWS = 1_500_000
BATCH = 100_000


@pytest.fixture(scope="module")
def stream() -> Stream:
    return load_spec(SPEC).stream("contact_field_values")


def batch(stream: Stream, start: int, size: int, seq: int = 0, text: str = "value") -> pa.Table:
    """Rows with ids start.. and staging sequence numbers seq.. (later staged wins)."""
    ids = pa.array(range(start, start + size), type=pa.int64())
    columns = {}
    for col in stream.columns:
        if col.type == "integer":
            columns[col.name] = ids
        elif col.type == "text":
            columns[col.name] = pa.array([f"{text} {i}" for i in range(start, start + size)])
        else:
            columns[col.name] = pa.nulls(size)
    columns[SEQ] = pa.array(range(seq, seq + size), type=pa.int64())
    return pa.table(columns)


def test_millions_of_rows_commit_within_a_32mb_limit(tmp_path: Path, stream: Stream) -> None:
    """A declared primary key would hold an in-memory index of every key (~40 MB here) that no
    memory limit reaches: the commit would fail with DuckDB's Out of Memory error."""
    dest = DuckDBDestination(
        str(tmp_path / "big.duckdb"),
        Settings(api_url="", api_key="", env={"ACX_DUCKDB_MEMORY_LIMIT": "32MB"}),
    )
    dest.connect()
    try:
        dest.prepare(stream)
        for start in range(0, ROWS, BATCH):
            dest.stage(stream, batch(stream, start, BATCH, seq=start))
        # a page read twice, its rows changed in between: each loads once, as last read
        dest.stage(stream, batch(stream, 0, 10, seq=ROWS, text="changed"))
        done = StateRow(stream.key, None, "full", ROWS, "run", datetime.now(timezone.utc))
        dest.commit([Apply(stream, "replace")], [done])
        rows = dest.execute(f"SELECT count(*) FROM {stream.name}")[0][0]
        twice = f"SELECT id FROM {stream.name} GROUP BY id HAVING count(*) > 1"
        repeated = dest.execute(f"SELECT count(*) FROM ({twice})")[0][0]
        again = dest.execute(f"SELECT value FROM {stream.name} WHERE id = 3")
    finally:
        dest.close()
    assert rows == ROWS and repeated == 0
    assert again == [("changed 3",)]
