"""`acx plan`: how many requests a full sync needs and the least time it takes at the account's
rate limit. Each table's paginator counts its rows from one-row requests this module makes
(engine/read/paginators.py: `count`): a total read with one small request (limit=1), checked or
replaced by a few more where the kind can (an offset list's row at total-1; offsets probed)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from engine.http.client import Ask, Client
from engine.read.paginators import Paginator, make_paginator
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
    if group.fan_out is not None:
        parents = rows.get(group.fan_out.key, 0)
        return Estimate(root.key, None, parents, f"one per {group.fan_out.key} row", feeds)
    pager = make_paginator(root.paging, f"table {root.key}")
    count = pager.count(lambda at: _ask(group, client, pager, at))
    return Estimate(root.key, count.rows, count.requests, count.how, feeds)


def _ask(group: Group, client: Client, pager: Paginator, at: int) -> tuple[dict[str, Any], list]:
    """One row of the root's list, at offset `at` where its kind has offsets."""
    root = group.root
    params = [*root.params, *pager.probe_params(at)]
    body = client.get(root.endpoint or "", params, Ask(root.key, root.permission))
    return body, RowBuilder(root).records(body, f"table {root.key}")
