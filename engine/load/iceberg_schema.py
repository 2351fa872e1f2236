"""A table's Iceberg schema from the spec: acx's loading types (engine/spec/types.py: integers as
long, decimals as decimal(38, 9), timestamps as timestamptz in microseconds, JSON documents as
strings), each column's description as its field doc, the key's fields required; and the checks
and additions a later spec brings (a new column is added, a changed type is refused)."""

from __future__ import annotations

from collections.abc import Sequence

import pyarrow as pa
from pyiceberg.io.pyarrow import _ConvertToIcebergWithoutIDs, visit_pyarrow
from pyiceberg.schema import Schema

from engine.errors import LoadError
from engine.load.system import key_columns, table_columns
from engine.spec import Column, Stream
from engine.spec.types import arrow_type

DOC = "doc"  # the Arrow field metadata key pyiceberg reads a field's doc from


def _field(col: Column, required: bool) -> pa.Field:
    meta = {DOC: col.description} if col.description else None
    return pa.field(col.name, arrow_type(col.type), nullable=not required, metadata=meta)


def table_schema(stream: Stream) -> pa.Schema:
    """Every column of the table (the spec's, then acx's own), documented."""
    keys = {c.name for c in key_columns(stream)}
    return pa.schema([_field(c, c.name in keys) for c in table_columns(stream)])


def missing_fields(stream: Stream, have: Schema) -> pa.Schema | None:
    """The table's columns the Iceberg table lacks (optional: earlier rows have none); None
    when it has them all."""
    names = set(have.column_names)
    added = [_field(c, False) for c in table_columns(stream) if c.name not in names]
    return pa.schema(added) if added else None


def iceberg_type(logical: str) -> str:
    """The Iceberg type a logical type loads as, e.g. `timestamptz`."""
    converted = visit_pyarrow(pa.schema([pa.field("c", arrow_type(logical))]), _Convert())
    assert isinstance(converted, Schema)
    return str(converted.fields[0].field_type)


class _Convert(_ConvertToIcebergWithoutIDs):
    """pyiceberg's Arrow to Iceberg type mapping (the one create_table uses)."""


def check_columns(where: str, stream: Stream, have: Schema) -> None:
    """A column whose Iceberg type is not the spec's cannot take the new rows."""
    found = {f.name: str(f.field_type) for f in have.fields}
    for col in table_columns(stream):
        if col.name not in found:
            continue
        want = iceberg_type(col.type)
        if found[col.name] != want:
            raise LoadError(
                f"{where}: column {stream.name}.{col.name} is {found[col.name]} but the spec now "
                f"says {col.type} ({want}), which Iceberg cannot widen to",
                f"drop or rename the table {stream.name} and run with --full-refresh "
                f"{stream.key}, or keep the old type in the spec",
            )


def writable(have: Schema, names: Sequence[str]) -> pa.Schema:
    """The Arrow schema rows of `names` must have to be appended (the table's own types and
    nullability, in that order)."""
    arrow = have.as_arrow()
    return pa.schema([arrow.field(n) for n in names if n in arrow.names])
