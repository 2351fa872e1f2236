"""Which ids match a request's filters, without scanning a million rows when avoidable."""

from __future__ import annotations

from dataclasses import dataclass
from math import inf

from .gen.base import ChildGen
from .idset import IdSet, ListSeg, RangeSeg
from .store import TableStore


@dataclass(frozen=True)
class Bounds:
    """Half-open windows on creation and update time: lo <= t < hi."""

    created_lo: float = -inf
    created_hi: float = inf
    updated_lo: float = -inf
    updated_hi: float = inf

    def matches(self, created: int, updated: int) -> bool:
        return (
            self.created_lo <= created < self.created_hi
            and self.updated_lo <= updated < self.updated_hi
        )


def time_window(store: TableStore, bounds: Bounds) -> IdSet:
    """Visible ids whose times fall in ``bounds``.

    Generated rows satisfy created <= updated <= created + max_lag with creation time growing
    with the id, so only ids created within ``max_lag`` of a bound need their times computed;
    the ids in between match as a whole range.
    """
    if isinstance(store.gen, ChildGen):
        return IdSet.of(i for i in store.visible() if bounds.matches(*store.time_of(i)))
    line = store.gen.timeline
    lag = line.max_lag
    first = line.first_id_at
    cand_lo = first(max(bounds.created_lo, bounds.updated_lo - lag))
    cand_hi = max(cand_lo, first(min(bounds.created_hi, bounds.updated_hi)))
    sure_lo = min(max(cand_lo, first(max(bounds.created_lo, bounds.updated_lo))), cand_hi)
    sure_hi = min(cand_hi, first(min(bounds.created_hi, bounds.updated_hi - lag)))
    if sure_hi <= sure_lo:
        sure_lo = sure_hi = cand_hi

    def scan(lo: int, hi: int) -> list[int]:
        skip = store.deleted_set
        return [i for i in range(lo, hi) if i not in skip and bounds.matches(*store.time_of(i))]

    changed = sorted(store.overrides)
    hits = {i for i in changed if bounds.matches(*store.times[i])}
    failing = [i for i in changed if sure_lo <= i < sure_hi and i not in hits]
    outside = [i for i in changed if (i < cand_lo or i >= cand_hi) and i in hits]
    created = [i for i in store.created if bounds.matches(*store.times[i])]
    return IdSet(
        [
            ListSeg([i for i in outside if i < cand_lo]),
            ListSeg(scan(cand_lo, sure_lo)),
            RangeSeg(sure_lo, sure_hi, store.deleted + failing),
            ListSeg(scan(sure_hi, cand_hi)),
            ListSeg([i for i in outside if i >= cand_hi]),
            ListSeg(created),
        ]
    )


def equality(store: TableStore, ids: IdSet, pairs: list[tuple[str, str]]) -> IdSet:
    """ids whose fields equal the given values (compared as strings, as query params are)."""
    candidates = list(ids)
    for field, value in pairs:
        base = [i for i in candidates if i <= store.base and i not in store.overrides]
        values = dict(zip(base, store.gen.facets(field, base), strict=True))
        kept = []
        for id_ in candidates:
            found = values[id_] if id_ in values else store.facet(id_, field)
            if found is not None and str(found) == value:
                kept.append(id_)
        candidates = kept
    return IdSet.of(candidates)
