"""Appending a stream of rows to an Iceberg table in bounded memory (engine/load/iceberg.py).

pyiceberg 0.12's `Transaction.append` takes a RecordBatchReader and packs it into files of
`write.target-file-size-bytes` (512 MB of Arrow by default), but hands the files to its thread
pool with `Executor.map`, which submits every file before the first is written: the whole reader
is drained into memory (a million contacts' tables: several hundred MB). Here each file is
written before the next is read, and all of them go into one snapshot (one fast append), as
`append` would: pyiceberg's own writer (`write_file`, one task at a time) and snapshot producer."""

from __future__ import annotations

from collections.abc import Iterator

import pyarrow as pa
from pyiceberg.io import FileIO
from pyiceberg.io.pyarrow import bin_pack_record_batches, pyarrow_to_schema, write_file
from pyiceberg.table import Transaction, WriteTask

FILE_BYTES = 32 * 1024 * 1024  # Arrow bytes per data file (a Parquet file of ~5-15 MB)


def append_stream(
    tx: Transaction, io: FileIO, reader: pa.RecordBatchReader, file_bytes: int = FILE_BYTES
) -> int:
    """Append the reader's rows to the transaction's table (`io`: the table's) as one snapshot,
    holding one file's rows at a time; the rows appended. The table must be unpartitioned
    (acx's are)."""
    metadata = tx.table_metadata
    schema = pyarrow_to_schema(
        reader.schema,
        name_mapping=metadata.schema().name_mapping,
        format_version=metadata.format_version,
    )
    rows = 0
    with tx.update_snapshot().fast_append() as append:
        for number, batches in enumerate(_files(reader, file_bytes)):
            task = WriteTask(
                write_uuid=append.commit_uuid, task_id=number, schema=schema, record_batches=batches
            )
            for data_file in write_file(io, metadata, iter([task])):
                append.append_data_file(data_file)
            rows += sum(b.num_rows for b in batches)
    return rows


def _files(reader: pa.RecordBatchReader, file_bytes: int) -> Iterator[list[pa.RecordBatch]]:
    """The reader's batches in groups of about `file_bytes` (empty batches left out)."""
    batches = (b for b in reader if b.num_rows)
    yield from bin_pack_record_batches(batches, file_bytes)
