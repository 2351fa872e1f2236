"""A group's query: the lower bound of an incremental read, and the parameters every page of the
read carries (the spec's, and the server filter written from the lower bound)."""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

from engine.config.settings import Settings
from engine.load.state import StateRow, lower_bound
from engine.read.account_zone import UTC
from engine.run.plan import Group
from engine.run.resume import Resume

Params = list[tuple[str, str]]

# A server filter written in a zone acx does not know yet (a first run with a start date) starts
# this much earlier: no zone is further from UTC, so nothing is missed; rows merge on the key.
WIDEST_OFFSET = timedelta(hours=14)


def since(
    group: Group, state: dict[str, StateRow], settings: Settings, found: Resume | None
) -> datetime | None:
    """Where an incremental read starts: the last savepoint less the update window, or the
    start date on a first run; a resumed read keeps the bound it began with. None: all rows."""
    root = group.root
    if found is not None and root.replication.cursor:
        return found.since
    if group.reconcile and root.replication.cursor:
        return settings.start(root.key)  # every row the table can hold: none is older
    if group.mode != "incremental" or not root.replication.cursor:
        return None
    prev = state.get(root.key)
    return lower_bound(
        prev.savepoint if prev else None, settings.window(root), settings.start(root.key)
    )


def params(
    group: Group,
    since: datetime | None,
    zone: tzinfo | None,
    previous: str | None,
    found: Resume | None,
) -> Params:
    """The group's query: the spec's params, and its server filter from the lower bound,
    written in the zone the API reads it in (`zone`, the user's, else `previous`, the last
    run's; not known yet on a first run: then the bound starts WIDEST_OFFSET earlier)."""
    root = group.root
    if found is not None:
        return found.params  # the interrupted run's query, filter and all
    out = list(root.params)
    flt = root.replication.filter
    if since is None or flt is None:
        return out
    if zone is None and previous is not None:
        zone = ZoneInfo(previous)
    if zone is None:
        zone, since = UTC, since - WIDEST_OFFSET
    out.append((flt.param, since.astimezone(zone).strftime(flt.format)))
    return out
