"""Hostile modes about paging: totals that lie, pages that repeat or come back empty too early,
duplicate rows, keys that are not numbers, cursor values in the future. See
tests/reliability/hostile/__init__.py; the honest account is /items (250 rows, offset paging,
meta.total) and /contacts (12 rows, keyset on id, meta.total)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from tests.reliability.hostile import ZONE, Hostile, Reply, Request, mode

# ---------------------------------------------------------------- totals that lie (on /items)

# meta.total as the server sends it (raw JSON text: 1e400 is a number no encoder writes)
LYING_TOTALS = {
    "total-1e9": '"1000000000"',
    "total-inf": '"inf"',
    "total-1e400": "1e400",
    "total-1e12": "1e12",
    "total-negative": '"-5"',
    "total-abc": '"abc"',
    "total-low": '"50"',
}


def _lying_total(raw: str) -> Any:
    def lie(api: Hostile, request: Request, honest: Reply) -> Reply:
        if request.path != "/items" or honest.status != 200:
            return honest
        body = dict(honest.body)
        body["meta"] = {"total": "@TOTAL@"}
        text = json.dumps(body).replace('"@TOTAL@"', raw)
        return Reply(body=text.encode())

    return lie


for _name, _raw in LYING_TOTALS.items():
    mode(f"items-{_name}")(_lying_total(_raw))


@mode("contacts-total-1e9")
def contacts_total_high(api: Hostile, request: Request, honest: Reply) -> Reply:
    """Keyset with a total that never shrinks: one empty page more, nothing else."""
    if request.path == "/contacts" and honest.status == 200:
        honest.body["meta"]["total"] = "1000000000"
    return honest


@mode("contacts-total-low")
def contacts_total_low(api: Hostile, request: Request, honest: Reply) -> Reply:
    """Keyset whose total claims fewer rows than the page holds."""
    if request.path == "/contacts" and honest.status == 200:
        honest.body["meta"]["total"] = "5"
    return honest


@mode("items-no-total")
def items_no_total(api: Hostile, request: Request, honest: Reply) -> Reply:
    if request.path == "/items" and honest.status == 200:
        honest.body.pop("meta", None)
    return honest


# ---------------------------------------------------------------- pages that lie


def _repeat(with_meta: bool) -> Any:
    def repeat(api: Hostile, request: Request, honest: Reply) -> Reply:
        """Every offset answers the first page: a server that ignores `offset`."""
        if request.path != "/items" or honest.status != 200:
            return honest
        body: dict[str, Any] = {"items": api.items[:100]}
        if with_meta:
            body["meta"] = {"total": str(len(api.items))}
        return Reply(body=body)

    return repeat


mode("items-repeat-page")(_repeat(with_meta=True))
mode("items-repeat-page-no-meta")(_repeat(with_meta=False))


@mode("items-empty-page-in-middle")
def items_hole(api: Hostile, request: Request, honest: Reply) -> Reply:
    """The page at offset 100 comes back empty; the pages after it hold rows."""
    if request.path == "/items" and request.params.get("offset") == "100":
        honest.body["items"] = []
    return honest


@mode("items-duplicate-in-page")
def items_duplicate(api: Hostile, request: Request, honest: Reply) -> Reply:
    """The page at offset 100 holds item 150 twice, in item 200's place (which the server
    never shows): 249 distinct items."""
    if request.path == "/items" and request.params.get("offset") == "100":
        rows = honest.body["items"]
        honest.body["items"] = [*rows[:-1], rows[49]]
    return honest


@mode("contacts-duplicate-in-page")
def contacts_duplicate(api: Hostile, request: Request, honest: Reply) -> Reply:
    """Contact 5 appears twice in the first page (13 records, 12 contacts)."""
    if request.path == "/contacts" and honest.status == 200 and honest.body["contacts"]:
        rows = honest.body["contacts"]
        if "id_greater" not in request.params:
            honest.body["contacts"] = [*rows[:5], rows[4], *rows[5:]]
    return honest


# ---------------------------------------------------------------- keyset


def _capped(api: Hostile, request: Request, honest: Reply, cap: int = 5) -> Reply:
    """/contacts with at most `cap` rows a page (the total still counts every row after the
    key, as ActiveCampaign's does)."""
    if request.path == "/contacts" and honest.status == 200:
        honest.body["contacts"] = honest.body["contacts"][:cap]
    return honest


mode("contacts-capped-5")(_capped)


@mode("contacts-last-id-not-a-number")
def contacts_bad_key(api: Hostile, request: Request, honest: Reply) -> Reply:
    """Pages of 5; contact 10, the last of the second page, has the id "abc"."""
    reply = _capped(api, request, honest)
    if request.path == "/contacts" and reply.status == 200:
        reply.body["contacts"] = [
            {**c, "id": "abc"} if c["id"] == "10" else c for c in reply.body["contacts"]
        ]
    return reply


# ---------------------------------------------------------------- cursors in the future

FUTURE = "2999-01-01T00:00:00-05:00"


@mode("contacts-udate-2999")
def contacts_future(api: Hostile, request: Request, honest: Reply) -> Reply:
    """Contact 3 was updated in 2999. The server honours filters[updated_after] (account-local
    wall-clock time), so a run whose savepoint ran ahead would miss later changes."""
    if request.path != "/contacts" or honest.status != 200:
        return honest
    for c in api.contacts:
        if c["id"] == "3":
            c["udate"] = FUTURE
    after = request.params.get("filters[updated_after]")
    key = int(request.params.get("id_greater", "0"))
    rows = [c for c in api.contacts if int(c["id"]) > key]
    if after:
        bound = datetime.strptime(after, "%Y-%m-%d %H:%M:%S").replace(tzinfo=ZONE)
        rows = [c for c in rows if datetime.fromisoformat(c["udate"]) > bound]
    limit = max(1, min(100, int(request.params.get("limit", "20"))))
    return Reply(body={"contacts": rows[:limit], "meta": {"total": str(len(rows))}})
