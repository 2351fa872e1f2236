"""Answer one authenticated ``GET /api/3/...`` request: route, select, envelope."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any

from . import query
from .encode import json_array
from .gen.deals import deal_field_list_row
from .sideload import PAGE_SIDELOADS, SIDELOADS
from .store import Row
from .tables import BY_PATH, GROUP_MEMBERS, SIDELOAD_TABLES, Endpoint
from .world import World

API_PREFIX = "/api/3"
_GROUP_MEMBERS = re.compile(r"/groups/(\d+)/userGroups")
_USER = re.compile(r"/users/(me|\d+)")
_RECORDS = re.compile(r"/customObjects/records/([^/]+)")

Reply = tuple[int, dict[str, Any]]
# Endpoint.view -> the function reshaping a row of the endpoint's store
VIEWS: dict[str, Callable[[Row], Row]] = {"dealFields": deal_field_list_row}


def error(status: int, title: str, detail: str = "") -> Reply:
    item = {"title": title}
    if detail:
        item["detail"] = detail
    return status, {"errors": [item]}


def handle(
    world: World, path: str, qs: Mapping[str, list[str]], ignore_include: bool = False
) -> Reply:
    """Route a path under /api/3 (already authenticated) to its answer.

    ``ignore_include`` is the fault mode of a server that drops ``include=`` (no side-loaded
    arrays, no id arrays on the records); side-loads sent without ``include=`` stay.
    """
    route = path[len(API_PREFIX) :].rstrip("/") or "/"
    try:
        q = query.parse(qs)
        if ignore_include:
            q = replace(q, includes=())
        ep = BY_PATH.get(route)
        if ep is not None:
            return 200, listing(world, ep, q)
        found = _GROUP_MEMBERS.fullmatch(route)
        if found:
            return 200, listing(world, GROUP_MEMBERS, q, {"groupid": found.group(1)})
        found = _USER.fullmatch(route)
        if found:
            return single_user(world, found.group(1))
        if route.startswith("/customObjects/") and not world.custom_objects.enabled:
            return error(403, "Forbidden", "Your plan does not include custom objects")
        if route == "/customObjects/schemas":
            return 200, world.custom_objects.list_schemas(q.offset, q.limit)
        found = _RECORDS.fullmatch(route)
        if found:
            page = world.custom_objects.list_records(found.group(1), q.offset, q.limit)
            if page is None:  # as the API answers an unknown schema
                return 404, {"message": "Not Found"}
            return 200, page
    except query.QueryError as exc:
        return error(400, "Bad Request", str(exc))
    return error(404, "Not Found", f"No route for {path}")


def listing(
    world: World, ep: Endpoint, q: query.Query, fixed: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """The envelope of one collection page.

    Rows are written as JSON text straight away (``TableStore.rows_json``) except on the
    endpoints whose decorations edit rows (``sideload.SIDELOADS`` without a
    ``PAGE_SIDELOADS`` twin), which take the dict path.
    """
    ids, total = query.page(world, ep, q, fixed)
    store = world.store(ep.table)
    body: dict[str, Any] = dict(ep.extra)
    money: list[tuple[Any, Any]] = []  # (currency, value) of each row, for meta.currencies
    if ep.view:
        body[ep.key] = [VIEWS[ep.view](row) for row in store.rows(ids)]
    elif ep.sideload and ep.sideload not in PAGE_SIDELOADS:
        rows = [dict(row) for row in store.rows(ids)]
        body.update(SIDELOADS[ep.sideload](world, rows, q))
        body[ep.key] = rows
        if ep.currencies:
            money = [(row.get("currency"), row.get("value")) for row in rows]
    else:
        kept, texts = store.rows_json(ids)
        if ep.sideload:
            body.update(PAGE_SIDELOADS[ep.sideload](world, kept, texts, q))
        body[ep.key] = json_array(texts)
        if ep.currencies:
            money = [(store.facet(i, "currency"), store.facet(i, "value")) for i in kept]
    meta: dict[str, Any] = {"currencies": _currencies(money)} if ep.currencies else {}
    if ep.meta == "string":
        body["meta"] = {**meta, "total": str(total)}
    elif ep.meta == "number":
        body["meta"] = {**meta, "total": total}
    return body


def single_user(world: World, which: str) -> Reply:
    user = world.store("users").get(1 if which == "me" else int(which))
    if user is None:
        return error(404, "Not Found", f"No Result found for User with id {which}")
    return 200, {"user": user}


def expected(world: World, table: str, params: Mapping[str, str] | None = None) -> list[Row]:
    """Every visible record of a collection as the API returns it (ascending id, no paging).

    ``accounts`` defaults to ``count_deals=true``; side-load-only tables (``fieldOptions``,
    ``fieldRels``, ``dealCustomFieldData``, ``userGroups``) list their store directly. A path
    (``/dealCustomFieldData``) names an endpoint: its records in the endpoint's own shape.
    """
    params = dict(params or {})
    if table.startswith("/customObjects/"):  # schemas, or one schema's records by id
        objects = world.custom_objects
        if table == "/customObjects/schemas":
            return [dict(s.row) for s in objects.schemas]
        return [dict(r) for r in objects.schema(table.rsplit("/", 1)[1]).records]
    if table in SIDELOAD_TABLES:
        store = world.store(table)
        return store.rows(list(store.visible()))
    ep = BY_PATH.get(table if table.startswith("/") else "/" + table)
    if ep is None:
        raise KeyError(f"unknown table {table!r}; valid: {', '.join(expected_tables())}")
    if ep.path == "/accounts":
        params.setdefault("count_deals", "true")
    q = query.parse({key: [value] for key, value in params.items()})
    ids, _ = query.page(world, ep, q, everything=True)
    rows = [dict(row) for row in world.store(ep.table).rows(ids)]
    if ep.view:
        return [VIEWS[ep.view](row) for row in rows]
    if ep.sideload:
        SIDELOADS[ep.sideload](world, rows, q)
    return rows


def expected_tables() -> list[str]:
    return sorted({ep.key for ep in BY_PATH.values()} | set(SIDELOAD_TABLES))


def _currencies(money: list[tuple[Any, Any]]) -> dict[str, dict[str, str]] | list[Any]:
    """``meta.currencies`` of /deals (computed over the page's rows only), from the
    (currency, value) of each row: keyed by upper-case code, each entry's ``currency`` in
    lower case as deals hold it, or an empty *array* when there are no rows, as PHP encodes
    an empty map (real-responses.md, "Types")."""
    out: dict[str, dict[str, Any]] = {}
    for currency, value in money:
        code = str(currency or "usd")
        entry = out.setdefault(code.upper(), {"total": 0, "value": 0, "currency": code.lower()})
        entry["total"] += 1
        entry["value"] += int(value or 0)
    if not out:
        return []
    return {code: {k: str(v) for k, v in entry.items()} for code, entry in out.items()}
