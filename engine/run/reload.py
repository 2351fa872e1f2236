"""What a run learns from the state before it reads: which groups must be read again in full
(tables an earlier acx loaded, columns added since), which columns the rows will hold, and the
zone the previous run read zone-less timestamps in."""

from __future__ import annotations

from collections import Counter

from engine.load.state import StateRow
from engine.run.plan import Group
from engine.spec import Stream
from engine.spec.types import ZONED_TYPES


def reload_reason(group: Group, state: dict[str, StateRow], no_backfill: bool) -> str | None:
    """Why the group must be read in full this run, or None: a table loaded by an earlier acx
    (zone-less timestamps read as UTC, stored without a zone), or an incremental table given a
    column since its rows were loaded (they would keep NULL there; --no-backfill leaves them)."""
    reasons = []
    for s in group.members:
        prev = state.get(s.key)
        if prev is None:
            continue
        if prev.format is None and has_time(s):
            reasons.append(
                f"{s.key} was loaded by an earlier acx, which read zone-less timestamps as UTC "
                "and stored them without a zone"
            )
        added = added_columns(s, prev)
        if added and not no_backfill and group.mode == "incremental":
            reasons.append(f"{s.key} has new column(s) {', '.join(added)} to fill")
    return "re-read in full: " + "; ".join(reasons) if reasons else None


def has_time(stream: Stream) -> bool:
    return any(c.type in ZONED_TYPES for c in stream.columns)


def added_columns(stream: Stream, prev: StateRow) -> list[str]:
    """Spec columns the table's rows were not loaded with (None recorded: none)."""
    if prev.columns is None:
        return []
    held = set(prev.columns)
    return [c.name for c in stream.columns if c.name not in held]


def loaded_columns(stream: Stream, prev: StateRow | None, no_backfill: bool) -> tuple[str, ...]:
    """The columns whose values the table's rows hold after this run: all of the spec's, except
    those added and not backfilled (a later run without --no-backfill fills them)."""
    names = tuple(c.name for c in stream.columns)
    if no_backfill and prev is not None and prev.columns is not None:
        held = set(prev.columns)
        return tuple(n for n in names if n in held)
    return names


def previous_zone(state: dict[str, StateRow]) -> str | None:
    """The zone most of the state's tables were read in."""
    zones = Counter(row.timezone for row in state.values() if row.timezone)
    return zones.most_common(1)[0][0] if zones else None
