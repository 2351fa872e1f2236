"""The columns acx adds to every table it loads, after the spec's: when acx last wrote the row,
and when it found the row gone from the source. They are the load layer's own: the spec never
declares them, reads never fill them, and each commit writes them (engine/load/sqlbuild.py)."""

from __future__ import annotations

from engine.spec import Column, Stream

SYNCED_AT = "_acx_synced_at"
DELETED_AT = "_acx_deleted_at"

SYSTEM_COLUMNS: tuple[Column, ...] = (
    Column(
        key=SYNCED_AT,
        name=SYNCED_AT,
        type="timestamp",
        description="When acx last wrote this row (UTC): the commit of the run that read it.",
        field=SYNCED_AT,
        timezone="utc",
    ),
    Column(
        key=DELETED_AT,
        name=DELETED_AT,
        type="timestamp",
        description=(
            "When acx found this row gone from the source (UTC): a read of the whole table no "
            "longer had its key, or its parent row was found gone. NULL while the source has "
            "it; cleared when the key comes back."
        ),
        field=DELETED_AT,
        timezone="utc",
    ),
)
SYSTEM_NAMES = frozenset(c.name for c in SYSTEM_COLUMNS)


def table_columns(stream: Stream) -> tuple[Column, ...]:
    """A table's columns in the warehouse: the spec's, then acx's own."""
    return (*stream.columns, *SYSTEM_COLUMNS)
