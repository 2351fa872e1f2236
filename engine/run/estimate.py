"""`acx plan`: how many requests a full sync needs and the least time it takes at the account's
rate limit. Asks each table's total with one small request (limit=1), and checks an offset
list's total with one more (a row must sit at offset total-1: a total that lies high would plan
millions of requests); counts a list whose responses carry no usable total by probing offsets
(a few more small requests). A keyset total above MAX_TOTAL is not planned with."""

from __future__ import annotations

import math
from dataclasses import dataclass

import jmespath

from engine.http.client import Ask, Client
from engine.read.paginators import MAX_TOTAL, read_total
from engine.read.records import RowBuilder
from engine.run.plan import Group, Plan
from engine.spec import Spec


@dataclass
class Estimate:
    table: str
    rows: int | None
    requests: int
    how: str
    feeds: list[str]


def estimate(spec: Spec, plan: Plan, client: Client, zone_hint: bool = True) -> list[Estimate]:
    """One estimate per group (request series), in plan order; with `zone_hint` (no zone set
    by the user), the one request that reads the user's display zone."""
    rows: dict[str, int] = {}
    out = []
    for group in plan.groups:
        est = _group(group, client, rows)
        rows[group.root.key] = est.rows or 0
        out.append(est)
    hint = spec.source.zone_hint
    if hint is not None and zone_hint and plan.groups:
        how = f"GET {hint.endpoint}: a tie-breaker between time zones that fit the data"
        out.append(Estimate("(time zone)", None, 1, how, []))
    return out


def _group(group: Group, client: Client, rows: dict[str, int]) -> Estimate:
    root = group.root
    feeds = [s.key for s in group.members[1:]]
    paging = root.paging
    if group.fan_out is not None:
        parents = rows.get(group.fan_out.key, 0)
        return Estimate(root.key, None, parents, f"one per {group.fan_out.key} row", feeds)
    if paging is None or paging.kind == "single":
        return Estimate(root.key, None, 1, "single request", feeds)
    limit = paging.limit or 1
    total = _total(group, client)
    how = f"{paging.kind} pages of {limit}"
    if total is not None and total > MAX_TOTAL and paging.kind != "offset":
        how += f" (the API's total {total:,} is implausible: rows not counted)"
        return Estimate(root.key, None, 1, how, feeds)
    if total and paging.kind == "offset" and not _ask(group, client, total - 1)[1]:
        how += f" (the API's total {total:,} is past its last row: counted by probing)"
        total = _probe(group, client)
    elif total is None:
        total = _probe(group, client)
        how += " (no usable total in responses: counted by probing)"
    if total is None:
        how += f"; rows at every offset probed up to {MAX_TOTAL:,}: not counted"
        return Estimate(root.key, None, 1, how, feeds)
    requests = max(1, math.ceil(total / limit))
    if total and total % limit == 0 and (paging.kind == "offset" or "probing" in how):
        requests += 1  # a full last page needs an empty one after it (a total never ends a read)
    return Estimate(root.key, total, requests, how, feeds)


def _ask(group: Group, client: Client, offset: int) -> tuple[dict, list]:
    root = group.root
    paging = root.paging
    assert paging is not None
    params = [*root.params, (paging.limit_param, "1")]
    if paging.kind == "offset":
        params.append((paging.offset_param, str(offset)))
    body = client.get(root.endpoint or "", params, Ask(root.key, root.permission))
    return body, RowBuilder(root).records(body, f"table {root.key}")


def _total(group: Group, client: Client) -> int | None:
    paging = group.root.paging
    assert paging is not None
    body, records = _ask(group, client, 0)
    if paging.total:
        total = read_total(jmespath.search(paging.total, body))
        if total is not None:
            return total
    return None if records else 0


def _probe(group: Group, client: Client) -> int | None:
    """Rows of an offset-paged list without totals: exponential, then binary search for the
    first empty offset (about 2·log2(rows) one-row requests); None when rows go on past
    MAX_TOTAL (an API that ignores the offset)."""
    if group.root.paging is None or group.root.paging.kind != "offset":
        return 0
    hi = 1
    while _ask(group, client, hi)[1]:
        if hi > MAX_TOTAL:
            return None
        hi *= 2
    lo = hi // 2  # a row exists at lo (or lo == 0)
    while lo + 1 < hi:
        mid = (lo + hi) // 2
        if _ask(group, client, mid)[1]:
            lo = mid
        else:
            hi = mid
    return hi
