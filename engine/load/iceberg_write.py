"""Appending a stream of rows to an Iceberg table in bounded memory (engine/load/iceberg.py).

pyiceberg 0.12's `Transaction.append` takes a RecordBatchReader and packs it into files of
`write.target-file-size-bytes` (512 MB of Arrow by default), but hands the files to its thread
pool with `Executor.map`, which submits every file before the first is written: the whole reader
is drained into memory (a million contacts' tables: several hundred MB). Its `write_file`, one
task at a time, still takes a file's rows whole: they are gathered into one Arrow table, copied
into the file's schema, and written as one row group, so a file costs about three times its
Arrow size while it is written. Here each batch is written as it comes (a row group of its own),
a file is closed once it holds FILE_BYTES of Arrow and the next one opened, and all of them go
into one snapshot (one fast append), as `append` would: pyiceberg's own file writer, schema
conversion, statistics and snapshot producer, fed one batch at a time."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pyarrow as pa
from pyiceberg.io import FileIO
from pyiceberg.io.fileformat import FileFormatFactory
from pyiceberg.io.pyarrow import _to_requested_schema, pyarrow_to_schema
from pyiceberg.manifest import DataFile, DataFileContent, FileFormat
from pyiceberg.schema import sanitize_column_names
from pyiceberg.table import DOWNCAST_NS_TIMESTAMP_TO_US_ON_WRITE, TableProperties, Transaction
from pyiceberg.table.locations import load_location_provider
from pyiceberg.table.metadata import TableMetadata
from pyiceberg.typedef import Record
from pyiceberg.utils.config import Config

# Arrow bytes per data file (a Parquet file of ~20-40 MB): the memory a file costs no longer
# grows with it, only the number of files a table has shrinks
FILE_BYTES = 128 * 1024 * 1024


def append_stream(
    tx: Transaction, io: FileIO, reader: pa.RecordBatchReader, file_bytes: int = FILE_BYTES
) -> int:
    """Append the reader's rows to the transaction's table (`io`: the table's) as one snapshot,
    holding one batch at a time; the rows appended. The table must be unpartitioned (acx's
    are)."""
    metadata = tx.table_metadata
    schema = pyarrow_to_schema(
        reader.schema,
        name_mapping=metadata.schema().name_mapping,
        format_version=metadata.format_version,
    )
    batches = (b for b in reader if b.num_rows)
    rows = 0
    with tx.update_snapshot().fast_append() as append:
        for number in itertools.count():
            first = next(batches, None)
            if first is None:
                break
            name = f"00000-{number}-{append.commit_uuid}"  # as pyiceberg's WriteTask names it
            data_file = write_file(
                io, metadata, schema, itertools.chain([first], batches), name, file_bytes
            )
            append.append_data_file(data_file)
            rows += data_file.record_count
    return rows


def write_file(
    io: FileIO,
    metadata: TableMetadata,
    schema: object,
    batches: Iterator[pa.RecordBatch],
    name: str,
    file_bytes: int,
) -> DataFile:
    """One data file of the batches (in `schema`, the reader's as Iceberg), each written as it
    comes, until the file holds `file_bytes` of Arrow or they run out (pyiceberg's
    `write_file`'s steps, batch by batch)."""
    table_schema = metadata.schema()
    file_schema = sanitize_column_names(table_schema)
    file_format = FileFormat(
        metadata.properties.get(
            TableProperties.WRITE_FILE_FORMAT, TableProperties.WRITE_FILE_FORMAT_DEFAULT
        )
    )
    model = FileFormatFactory.get(file_format)
    downcast = Config().get_bool(DOWNCAST_NS_TIMESTAMP_TO_US_ON_WRITE) or False
    location = load_location_provider(metadata.location, metadata.properties)
    path = location.new_data_location(data_file_name=f"{name}.{model.file_extension()}")
    output = io.new_output(path)
    size = 0
    with model.create_writer(output, file_schema, metadata.properties) as writer:
        for batch in batches:
            typed = _to_requested_schema(
                requested_schema=file_schema,
                file_schema=schema,  # type: ignore[arg-type]
                batch=batch,
                downcast_ns_timestamp_to_us=downcast,
                include_field_ids=True,
                format_model=model,
            )
            writer.write(pa.Table.from_batches([typed]))
            size += batch.nbytes
            if size >= file_bytes:
                break
    statistics = writer.result()
    return DataFile.from_args(
        content=DataFileContent.DATA,
        file_path=path,
        file_format=file_format,
        partition=Record(),
        file_size_in_bytes=len(output),
        sort_order_id=None,
        spec_id=metadata.default_spec_id,
        equality_ids=None,
        key_metadata=None,
        **statistics.to_serialized_dict(),
    )
