"""Query strings -> the ids of one page: filters, ordering, offset and keyset paging."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from .filters import Bounds, equality, time_window
from .idset import IdSet
from .rng import Rng
from .tables import Endpoint, TimeFilter
from .world import World

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
SORT_LIMIT = 20000  # orders[] on other fields than id is honoured up to this many rows
_UNSTABLE = 0x5EED


class QueryError(ValueError):
    """A query the API would reject (bad filter value)."""


@dataclass(frozen=True)
class Query:
    limit: int
    offset: int
    orders: tuple[tuple[str, bool], ...]  # (field, descending)
    filters: Mapping[str, str]
    params: Mapping[str, str]
    includes: tuple[str, ...]


def parse(qs: Mapping[str, list[str]]) -> Query:
    """Parse ``parse_qs`` output; limit defaults to 20 and is capped at 100 silently."""
    first = {key: values[0] for key, values in qs.items() if values}
    orders, filters, params = [], {}, {}
    for key, value in first.items():
        if key.startswith("orders[") and key.endswith("]"):
            orders.append((key[7:-1], value.strip().upper() == "DESC"))
        elif key.startswith("filters[") and key.endswith("]"):
            filters[key[8:-1]] = value
        else:
            params[key] = value
    includes = tuple(p.strip() for p in first.get("include", "").split(",") if p.strip())
    return Query(
        limit=min(_int(first.get("limit"), DEFAULT_LIMIT, 1), MAX_LIMIT),
        offset=_int(first.get("offset"), 0, 0),
        orders=tuple(orders),
        filters=filters,
        params=params,
        includes=includes,
    )


def page(
    world: World,
    ep: Endpoint,
    q: Query,
    fixed: Mapping[str, str] | None = None,
    everything: bool = False,
) -> tuple[list[int], int]:
    """(ids of the requested page in response order, total matching)."""
    ids = matching(world, ep, q, fixed or {})
    lo, hi = 0, ids.count
    if ep.keyset:
        if "id_greater" in q.params:
            lo = ids.rank(_int(q.params["id_greater"], 0, 0) + 1)
        if "id_less" in q.params:
            hi = max(lo, ids.rank(_int(q.params["id_less"], 0, 0)))
    total = hi - lo
    limit = total if everything else q.limit
    offset = 0 if everything else q.offset
    order = next(((f, d) for f, d in q.orders if f in ep.sortable), None)
    if order is None and ep.unstable_default and not q.orders and not everything:
        return _unstable(world, ids, lo, hi, offset, limit), total
    if order is None or order[0] == "id" or (order[0] == "cdate" and ep.keyset):
        descending = order is not None and order[1]
        if descending:
            return ids.slice(max(lo, hi - offset - limit), hi - offset)[::-1], total
        return ids.slice(lo + offset, min(hi, lo + offset + limit)), total
    return _sorted(world, ep, ids, lo, hi, order)[offset : offset + limit], total


def matching(world: World, ep: Endpoint, q: Query, fixed: Mapping[str, str]) -> IdSet:
    """All ids matching the filters, cached until the table changes."""
    store = world.store(ep.table)
    times = [
        (f"filters[{k}]", ep.time_filters[k], v)
        for k, v in q.filters.items()
        if k in ep.time_filters
    ]
    times += [(k, ep.time_params[k], v) for k, v in q.params.items() if k in ep.time_params]
    pairs = [(ep.filters[k], v) for k, v in q.filters.items() if k in ep.filters]
    pairs += [(ep.params[k], v) for k, v in q.params.items() if k in ep.params]
    pairs += list(fixed.items())
    stamps = tuple(sorted((name, value) for name, _, value in times))
    key = (ep.path, stamps, tuple(sorted(pairs)), store.version)

    def compute() -> IdSet:
        ids = time_window(store, _bounds(world, times)) if times else store.visible()
        return equality(store, ids, pairs) if pairs else ids

    return world.remember(key, compute)


def _bounds(world: World, times: list[tuple[str, TimeFilter, str]]) -> Bounds:
    """The window of (param as sent, its filter, its value) triples."""
    limits: dict[str, float] = {}
    for name, spec, text in times:
        try:
            moment = world.fmt.parse(text, date_only=spec.date_only)
        except ValueError as exc:
            raise QueryError(f"{name}: cannot read {text!r} as a date") from exc
        side = "lo" if spec.lower else "hi"
        limits[f"{spec.stamp}_{side}"] = moment
    return Bounds(**limits)


def _unstable(world: World, ids: IdSet, lo: int, hi: int, offset: int, limit: int) -> list[int]:
    """The real /deals order without orders[]: each page is taken from a slightly shifted
    position and shuffled, so consecutive pages overlap and some rows are never returned."""
    rng = Rng(world.seed, _UNSTABLE, offset, limit, ids.count)
    spread = max(1, limit // 4)
    shift = 0 if offset == 0 else rng.randint(-spread, spread)
    start = lo + max(0, offset + shift)
    chosen = ids.slice(start, min(hi, start + limit))
    return rng.sample(chosen, len(chosen))


def _sorted(
    world: World, ep: Endpoint, ids: IdSet, lo: int, hi: int, order: tuple[str, bool]
) -> list[int]:
    field, descending = order
    chosen = ids.slice(lo, hi)
    if len(chosen) > SORT_LIMIT:
        return chosen[::-1] if descending else chosen
    store = world.store(ep.table)
    keyed = [(_sort_key(store.facet(i, field)), i) for i in chosen]
    keyed.sort(key=lambda pair: pair[0], reverse=descending)  # stable: ties keep id order
    return [i for _, i in keyed]


def _sort_key(value: Any) -> tuple[int, Any]:
    """MySQL-like: NULL first (ASC), numbers numerically, timestamps by instant."""
    if value is None:
        return (0, 0)
    text = str(value)
    try:
        return (1, float(text))
    except ValueError:
        pass
    try:
        return (1, datetime.fromisoformat(text).timestamp())
    except ValueError:
        return (2, text.lower())


def _int(text: str | None, default: int, minimum: int) -> int:
    try:
        value = int(str(text))
    except ValueError:
        return default
    return value if value >= minimum else default
