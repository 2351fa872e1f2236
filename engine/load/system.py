"""The columns acx adds to every table it loads, after the spec's: when acx last wrote the row,
and when it found the row gone from the source. They are the load layer's own: the spec never
declares them, reads never fill them, and each commit writes them (engine/load/sqlbuild.py)."""

from __future__ import annotations

from engine.spec import Column, Stream

SYNCED_AT = "_acx_synced_at"
DELETED_AT = "_acx_deleted_at"
# a table with `history` (engine/load/history.py): each row is one version of its key's row
VALID_FROM = "_acx_valid_from"
VALID_TO = "_acx_valid_to"
IS_CURRENT = "_acx_is_current"

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
HISTORY_COLUMNS: tuple[Column, ...] = (
    Column(
        key=VALID_FROM,
        name=VALID_FROM,
        type="timestamp",
        description="When this version of the row began (UTC): the commit that first read it.",
        field=VALID_FROM,
        timezone="utc",
    ),
    Column(
        key=VALID_TO,
        name=VALID_TO,
        type="timestamp",
        description=(
            "When this version of the row ended (UTC): the commit that read a changed row or "
            "found it gone. NULL for the current version."
        ),
        field=VALID_TO,
        timezone="utc",
    ),
    Column(
        key=IS_CURRENT,
        name=IS_CURRENT,
        type="boolean",
        description="Whether this is the current version of the row (one per key at most).",
        field=IS_CURRENT,
    ),
)


def table_columns(stream: Stream) -> tuple[Column, ...]:
    """A table's columns in the warehouse: the spec's, then acx's own."""
    return (*stream.columns, *SYSTEM_COLUMNS, *(HISTORY_COLUMNS if stream.history else ()))


def key_columns(stream: Stream) -> list[Column]:
    """The table's primary key in the warehouse: the spec's, and with history the version's
    start (a key has one row per version)."""
    own = [stream.column(k) for k in stream.primary_key]
    return [*own, HISTORY_COLUMNS[0]] if stream.history else own


def current_view(stream: Stream) -> str:
    """The name of a history table's view of its current versions."""
    return f"{stream.name}_current"
