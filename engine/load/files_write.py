"""What the Parquet/JSONL destination writes (engine/load/files.py): a table's file schema, the
writers of each format, and the JSON Lines value of each logical type.

Timestamps are UTC instants: Parquet `timestamp[us, tz=UTC]` (isAdjustedToUTC=true), JSON Lines
ISO 8601 with a Z; decimals exact (Parquet decimal128(38, 9), a JSON string); json columns a
string in Parquet, an embedded document in JSON Lines."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any, Protocol

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from engine.load.base import stage_schema
from engine.load.system import table_columns
from engine.spec import Column, Stream
from engine.spec.types import arrow_type


def iso_z(values: pa.Array) -> list[Any]:
    """ISO-8601 in UTC with a Z: 2024-03-01T12:00:00.500000Z, or 2024-03-01T12:00:00Z on whole
    seconds. Done by Arrow in bulk: timestamps are a good part of most tables."""
    text = pc.cast(values.cast(pa.timestamp("us")), pa.string())  # "2024-03-01 12:00:00.500000"
    text = pc.replace_substring_regex(text, r"\.000000$", "")
    return pc.replace_substring_regex(text, r"^(\S+) (\S+)$", r"\1T\2Z").to_pylist()


def each(convert: Callable[[Any], Any]) -> Callable[[pa.Array], list[Any]]:
    return lambda values: [None if v is None else convert(v) for v in values.to_pylist()]


# JSON Lines values per logical type; types not listed are JSON-native as Arrow gives them.
JSON_COLUMN: dict[str, Callable[[pa.Array], list[Any]]] = {
    "timestamp": iso_z,
    "date": lambda values: pc.cast(values, pa.string()).to_pylist(),  # YYYY-MM-DD
    "decimal": each(lambda d: format(d, "f")),  # a string, exact; "f": never "0E-9"
    "json": each(json.loads),  # embedded as a JSON value, not a string holding JSON
    "float": lambda values: pc.if_else(pc.is_finite(values), values, None).to_pylist(),  # no NaN
}
ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode  # UTF-8 as is


def file_columns(stream: Stream) -> tuple[Column, ...]:
    """The columns a table's file holds: the spec's, then acx's own (engine/load/system.py):
    when acx wrote the row, when it found it gone, and with history the version's bounds."""
    return table_columns(stream)


def file_schema(stream: Stream) -> pa.Schema:
    """The files hold the loading types (timestamps UTC-adjusted, so readers know)."""
    return pa.schema(
        [
            pa.field(c.name, arrow_type(c.type), metadata={"description": c.description})
            for c in file_columns(stream)  # JsonlFile writes the same
        ]
    )


class BatchWriter(Protocol):
    def write(self, batch: pa.RecordBatch) -> None: ...

    def close(self) -> None: ...


class ParquetFile:
    def __init__(self, path: Path, stream: Stream) -> None:
        self.writer = pq.ParquetWriter(path, file_schema(stream))

    def write(self, batch: pa.RecordBatch) -> None:
        self.writer.write_batch(batch)

    def close(self) -> None:
        self.writer.close()


class JsonlFile:
    def __init__(self, path: Path, stream: Stream) -> None:
        columns = file_columns(stream)  # as file_schema
        self.convert = [JSON_COLUMN.get(c.type, pa.Array.to_pylist) for c in columns]
        self.fh: IO[str] = path.open("w", encoding="utf-8", newline="\n")

    def write(self, batch: pa.RecordBatch) -> None:
        columns = [f(a) for f, a in zip(self.convert, batch.columns, strict=True)]
        names = batch.schema.names
        for row in zip(*columns, strict=True):
            self.fh.write(ENCODE(dict(zip(names, row, strict=True))) + "\n")

    def close(self) -> None:
        self.fh.close()


class Staging:
    """One stream's rows of this run so far, in a temp Parquet file (the Delta destination's
    stage: engine/load/delta.py)."""

    def __init__(self, path: Path, stream: Stream) -> None:
        self.path = path
        self.schema = stage_schema(stream)
        self.writer: pq.ParquetWriter | None = pq.ParquetWriter(path, self.schema)
        self.rows = 0
        self.bytes = 0  # in Arrow, as staged
        # the key column, while every key staged so far rose strictly (None: a key of several
        # columns, or one that did not rise): then no key is staged twice (see `unique`)
        key = [stream.column(k).name for k in stream.primary_key]
        self.rising: str | None = key[0] if len(key) == 1 else None
        self.last: pa.Scalar | None = None  # the last key staged

    @property
    def unique(self) -> bool:
        """Whether the stage surely holds each key once: its keys rose strictly, row after row
        and batch after batch (an API's pages in key order, as many lists come), so the commit
        needs no dedupe. A page read twice, the case the dedupe is
        for, breaks the rise."""
        return self.rising is not None

    def append(self, batch: pa.Table) -> None:
        assert self.writer is not None
        table = batch.select(self.schema.names).cast(self.schema)
        self.writer.write_table(table)
        self.rows += table.num_rows
        self.bytes += table.nbytes
        if self.rising is not None and table.num_rows:
            self._follow(table[self.rising].combine_chunks())

    def _follow(self, keys: pa.Array) -> None:
        rose = keys.null_count == 0 and (
            len(keys) < 2 or pc.all(pc.greater(keys[1:], keys[:-1])).as_py() is True
        )
        if rose and self.last is not None:
            rose = pc.greater(keys[0], self.last).as_py() is True
        self.rising = self.rising if rose else None
        self.last = keys[-1]

    def finish(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer = None
