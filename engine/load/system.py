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


def _own(name: str, kind: str, description: str) -> Column:
    """A column of acx's own; its times are UTC instants (never evidence of a zone)."""
    return Column(name, name, kind, description, name, timezone="utc")


SYSTEM_COLUMNS: tuple[Column, ...] = (
    _own(
        SYNCED_AT,
        "timestamp",
        "When acx last wrote this row (UTC): the commit of the run that read it.",
    ),
    _own(
        DELETED_AT,
        "timestamp",
        (
            "When acx found this row gone from the source (UTC): a read of the whole table no "
            "longer had its key, or its parent row was found gone. NULL while the source has "
            "it; cleared when the key comes back."
        ),
    ),
)
HISTORY_COLUMNS: tuple[Column, ...] = (
    _own(
        VALID_FROM,
        "timestamp",
        "When this version of the row began (UTC): the commit that first read it.",
    ),
    _own(
        VALID_TO,
        "timestamp",
        (
            "When this version of the row ended (UTC): the commit that read a changed row or "
            "found it gone. NULL for the current version."
        ),
    ),
    _own(
        IS_CURRENT,
        "boolean",
        "Whether this is the current version of the row (one per key at most).",
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
