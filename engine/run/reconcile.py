"""When an incremental table is reconciled: a run that reads it whole, from the read start date
on, instead of its changes, so that rows the source no longer has are found (engine/load/base.py
`mirror`). It is due every `reconcile_days` ([tables.X] in acx.toml, else the spec's) after the
last whole read that reached its end (`_acx_state.reconciled_at`)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from engine.config.settings import Settings
from engine.load.state import StateRow, iso
from engine.run.plan import Group
from engine.spec import Stream


def next_due(root: Stream, mode: str, prev: StateRow | None, settings: Settings) -> datetime | None:
    """When the next reconciliation of a table read as `root` is, in `mode`, is due (None:
    never, or the table was never loaded: its first read is whole anyway); a moment in the
    past means the next run."""
    days = settings.reconcile_days(root)
    if days is None or mode != "incremental" or prev is None:
        return None
    if prev.reconciled_at is None:  # loaded by an acx that kept no such date: never checked
        return datetime.min.replace(tzinfo=timezone.utc)
    return prev.reconciled_at + timedelta(days=days)


def reconcile_reason(
    group: Group, state: dict[str, StateRow], settings: Settings, now: datetime
) -> str | None:
    """Why this run reads an incremental group whole, or None when it is not due."""
    prev = state.get(group.root.key)
    due = next_due(group.root, group.mode, prev, settings)
    if due is None or due > now or prev is None:
        return None
    if prev.position is not None:  # an interrupted read goes on first; the next run reconciles
        return None
    days = settings.reconcile_days(group.root)
    since = f"last {iso(prev.reconciled_at)}" if prev.reconciled_at else "never reconciled"
    return (
        f"reconciliation due (every {days} day(s); {since}): read whole (`acx plan` counts "
        "the requests), and the rows the source no longer has are marked deleted"
    )
