"""Rows of a Parquet file written out in key order within bounded memory (engine/load/files.py).

DuckDB sorts the rows' places only: its sort of whole rows holds their long texts in memory, far
past its limit (a 100 MB table of notes would need over 192MB). The rows follow in two passes:
each row group of the unsorted file is dealt out to the spill files of the stretches of the
order its rows fall in, then each stretch is read back in turn, sorted and handed on, so memory
holds one row group or one stretch (~32 MB). Sorted files let readers prune lookups by key with
the row groups' statistics."""

from __future__ import annotations

import shutil
from collections.abc import Iterator, Sequence
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from sqlglot import exp

from engine.load import sqlbuild
from engine.load.ddl import render

READ_ROWS = 100_000  # rows per record batch read back from DuckDB (one row group each),
READ_BYTES = 32_000_000  # fewer when that would take more memory (a table of long texts)
STRETCHES = 256  # at most this many spill files per sorted table (open at once)
ROW = "file_row_number"  # read_parquet's position of a row in its file
PLACE = "_acx_place"  # a row's place in the key order


def sql(expression: exp.Expression) -> str:
    return render([expression], "duckdb", pretty=False)[0]


def literal(text: str) -> str:
    return sql(exp.Literal.string(text))


def arrow_reader(relation: duckdb.DuckDBPyRelation) -> pa.RecordBatchReader:
    """A relation's rows, READ_ROWS a batch."""
    # DuckDB 2 renamed the 1.x fetch_arrow_reader (which now warns) to to_arrow_reader
    read = getattr(relation, "to_arrow_reader", None) or relation.fetch_arrow_reader
    return read(READ_ROWS)  # type: ignore[no-any-return]


def parquet_bytes(path: Path) -> int:
    """A Parquet file's rows' size uncompressed (about their size in Arrow)."""
    meta = pq.ParquetFile(path).metadata
    return sum(meta.row_group(i).total_byte_size for i in range(meta.num_row_groups))


def in_order(
    db: duckdb.DuckDBPyConnection,
    path: Path,
    order: Sequence[str],
    names: Sequence[str],
    scratch: Path,
) -> Iterator[pa.RecordBatch]:
    """The rows of the Parquet file `path` sorted by `order`, their columns `names`, in
    batches of about READ_BYTES, through spill files in the folder `scratch`."""
    meta = pq.ParquetFile(path).metadata
    rows, nbytes = meta.num_rows, parquet_bytes(path)
    per = max(1, min(READ_ROWS, READ_BYTES * rows // (nbytes or 1)))
    per = max(per, -(-rows // STRETCHES))  # rows per stretch
    scratch.mkdir(parents=True, exist_ok=True)
    try:
        for n in _deal(path, _places(db, path, order), per, scratch):
            with pa.OSFile(str(scratch / f"{n}.arrow")) as source:
                part = pa.ipc.open_file(source).read_all()
            yield from part.take(pc.sort_indices(part[PLACE])).select(names).to_batches()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _places(
    db: duckdb.DuckDBPyConnection, path: Path, order: Sequence[str]
) -> pa.RecordBatchReader:
    """(pos, place) of each row of the file: its position there and in `order`, by position.
    DuckDB sorts and numbers these two integers out of core."""
    by = ", ".join(sql(sqlbuild.col(c)) for c in order)
    return arrow_reader(
        db.sql(
            f"SELECT {ROW} AS pos, row_number() OVER (ORDER BY {by}) - 1 AS place "
            f"FROM read_parquet({literal(str(path))}, file_row_number = true) ORDER BY {ROW}"
        )
    )


def _deal(path: Path, reader: pa.RecordBatchReader, per: int, folder: Path) -> list[int]:
    """Write each row of `path`, with its place in the order, to the file of its stretch of
    `per` places; the stretches written, in order."""
    places = RowCursor(reader)
    source, start = pq.ParquetFile(path), 0
    writers: dict[int, pa.ipc.RecordBatchFileWriter] = {}
    try:
        for i in range(source.num_row_groups):
            group = source.read_row_group(i)
            first, start = start, start + group.num_rows
            kept = places.below(start)
            if kept.num_rows < group.num_rows:  # else all its rows, in order: no copy
                group = group.take(pc.subtract(kept["pos"], first))
            rows = group.append_column(PLACE, kept["place"])
            stretch = pc.divide(kept["place"], per)
            found = pc.unique(stretch).to_pylist()
            for n in found:
                part = rows if len(found) == 1 else rows.filter(pc.equal(stretch, n))
                if n not in writers:
                    writers[n] = pa.ipc.new_file(str(folder / f"{n}.arrow"), part.schema)
                writers[n].write_table(part)
    finally:
        for writer in writers.values():
            writer.close()
    return sorted(writers)


class RowCursor:
    """Reads a reader of rows sorted by `pos` up to a bound, batch by batch."""

    def __init__(self, reader: pa.RecordBatchReader) -> None:
        self.reader = reader
        self.pending: pa.Table | None = None

    def below(self, bound: int) -> pa.Table:
        """The next rows whose pos is below `bound`."""
        parts = []
        while True:
            if self.pending is None or not self.pending.num_rows:
                try:
                    self.pending = pa.Table.from_batches([self.reader.read_next_batch()])
                except StopIteration:
                    break
            n = pc.sum(pc.less(self.pending["pos"], bound)).as_py() or 0
            parts.append(self.pending.slice(0, n))
            self.pending = self.pending.slice(n)
            if self.pending.num_rows:
                break
        if not parts:
            return pa.table({"pos": pa.array([], pa.int64()), "place": pa.array([], pa.int64())})
        return pa.concat_tables(parts)
