"""When an incremental table is reconciled: a run that reads it whole, from the read start date
on, instead of its changes, so that rows the source no longer has are found (engine/load/base.py
`mirror`). It is due every `reconcile_days` ([tables.X] in acx.toml, else the spec's) after the
last whole read that reached its end (`_acx_state.reconciled_at`)."""

from __future__ import annotations

from datetime import datetime, timedelta

from engine.config.settings import Settings
from engine.load.state import StateRow, iso
from engine.run.plan import Group


def next_due(group: Group, state: dict[str, StateRow], settings: Settings) -> datetime | None:
    """When the group's next reconciliation is due (None: never, or the table was never
    loaded: its first read is whole anyway); a moment in the past means this run."""
    days = settings.reconcile_days(group.root)
    prev = state.get(group.root.key)
    if days is None or group.mode != "incremental" or prev is None:
        return None
    last = prev.reconciled_at
    if last is None:  # loaded by an acx that kept no such date: the rows were never checked
        return datetime.min.replace(tzinfo=prev.finished_at.tzinfo)
    return last + timedelta(days=days)


def reconcile_reason(
    group: Group, state: dict[str, StateRow], settings: Settings, now: datetime
) -> str | None:
    """Why this run reads an incremental group whole, or None when it is not due."""
    due = next_due(group, state, settings)
    if due is None or due > now:
        return None
    days = settings.reconcile_days(group.root)
    last = state[group.root.key].reconciled_at
    since = f"last {iso(last)}" if last else "never reconciled"
    return (
        f"reconciliation due (every {days} day(s); {since}): read whole, and the rows the "
        "source no longer has are marked deleted"
    )
