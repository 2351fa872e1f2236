"""Per-endpoint page decorations: ``include=`` side-loads, always-on side-loads, counts.

Each function of ``SIDELOADS`` gets the page's rows (shallow copies it may modify) and returns
the extra top-level arrays to put next to the main key. ``PAGE_SIDELOADS`` do the same for
pages whose rows are already JSON text (``TableStore.rows_json``): they get the row ids and
texts, append the id arrays to the texts in place and return the arrays as JSON text.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from .encode import JSONArray, append_arrays, encode, json_array
from .query import Query
from .store import Row, TableStore
from .world import World

Sideload = Callable[[World, list[Row], Query], dict[str, Any]]
PageSideload = Callable[[World, list[int], list[str], Query], dict[str, JSONArray]]

CONTACT_RELATIONS = ("contactTags", "contactLists", "fieldValues")


def _children(world: World, rows: list[Row], table: str, id_key: str) -> list[Row]:
    """Attach ``row[id_key] = [child ids]`` and return the children of all rows, in order."""
    store = world.store(table)
    every: list[int] = []
    for row in rows:
        ids = store.children(int(row["id"]))
        row[id_key] = [str(i) for i in ids]
        every.extend(ids)
    return store.rows(every)


def contacts(world: World, rows: list[Row], q: Query) -> dict[str, Any]:
    """``include=contactTags.tag,contactTags,contactLists,fieldValues`` (any subset)."""
    wanted = set(q.includes)
    with_tags = "contactTags.tag" in wanted
    extra: dict[str, Any] = {}
    for relation in CONTACT_RELATIONS:
        if relation in wanted or (relation == "contactTags" and with_tags):
            extra[relation] = _children(world, rows, relation, relation)
    if with_tags:
        tag_ids = dict.fromkeys(int(link["tag"]) for link in extra["contactTags"])
        extra["tags"] = world.store("tags").rows(list(tag_ids))
    return extra


# side-loaded contacts carry email_empty "0" where contact lists send false (real-responses.md)
SIDELOADED_EMAIL_EMPTY = "0"
_LISTED_EMAIL_EMPTY = '"email_empty": false'
_SIDELOADED_EMAIL_EMPTY_JSON = '"email_empty": "0"'


def deals(world: World, rows: list[Row], q: Query) -> dict[str, Any]:
    """``include=dealCustomFieldData``: the typed values of the deals on the page;
    ``include=contact``: their primary contacts (``contacts``)."""
    extra: dict[str, Any] = {}
    if "dealCustomFieldData" in q.includes:
        key = "dealCustomFieldData"
        extra[key] = _children(world, rows, key, key)
    if "contact" in q.includes:
        contacts = world.store("contacts")
        rows_ = contacts.rows(_existing(contacts, [row.get("contact") for row in rows]))
        extra["contacts"] = [{**row, "email_empty": SIDELOADED_EMAIL_EMPTY} for row in rows_]
    return extra


def _existing(store: TableStore, refs: list[Any]) -> list[int]:
    """The distinct ids among ``refs`` (in order of first mention) of visible records."""
    ids = dict.fromkeys(int(ref) for ref in refs if ref not in (None, "", "0", 0))
    return [i for i in ids if store.exists(i)]


def fields(world: World, rows: list[Row], q: Query) -> dict[str, Any]:
    """Always: ``fieldOptions`` and ``fieldRels`` of the fields on the page."""
    return {
        "fieldOptions": _children(world, rows, "fieldOptions", "options"),
        "fieldRels": _children(world, rows, "fieldRels", "relations"),
    }


def deal_groups(world: World, rows: list[Row], q: Query) -> dict[str, Any]:
    """Always: the ``dealStages`` of the pipelines on the page."""
    return {"dealStages": _children(world, rows, "dealStages", "stages")}


def accounts(world: World, rows: list[Row], q: Query) -> dict[str, Any]:
    """``count_deals=true`` fills ``contactCount``/``dealCount``; otherwise they stay "0"."""
    if q.params.get("count_deals", "").lower() not in ("true", "1"):
        return {}
    contact_counts = counts_by(world, "accountContacts", "account")
    deal_counts = counts_by(world, "deals", "account")
    for row in rows:
        id_ = str(row["id"])  # a JSON number on some records (numbers.py)
        row["contactCount"] = str(contact_counts.get(id_, 0))
        row["dealCount"] = str(deal_counts.get(id_, 0))
    return {}


def counts_by(world: World, table: str, field: str) -> Counter[str]:
    """How many visible rows of ``table`` hold each value of ``field`` (cached per version)."""
    store = world.store(table)

    def compute() -> Counter[str]:
        base = [i for i in store.visible() if i <= store.base and i not in store.overrides]
        values = store.gen.facets(field, base)
        values += [row.get(field) for row in store.overrides.values()]
        values += [row.get(field) for row in store.created.values()]
        return Counter(str(v) for v in values if v is not None)

    return world.remember(("counts", table, field, store.version), compute)


SIDELOADS: dict[str, Sideload] = {
    "contacts": contacts,
    "deals": deals,
    "fields": fields,
    "dealGroups": deal_groups,
    "accounts": accounts,
}


# -- the same side-loads on rows written as JSON text --------------------------------------------
def _children_json(
    world: World, kept: list[int], attach: list[list[tuple[str, list[int]]]], table: str, key: str
) -> tuple[list[int], JSONArray]:
    """Queue ``key: [child ids]`` for each parent in ``kept`` (on ``attach``) and return the
    children (ids, JSON array), in order."""
    store = world.store(table)
    store.gen.prefetch_children(kept)
    every: list[int] = []
    for id_, pairs in zip(kept, attach, strict=True):
        ids = store.children(id_)
        pairs.append((key, ids))
        every.extend(ids)
    child_ids, texts = store.rows_json(every)
    return child_ids, json_array(texts)


def _attach(store: TableStore, kept: list[int], texts: list[str], attach: list[list[Any]]) -> None:
    """Append the queued id arrays to the row texts (as ``row[key] = [...]`` would)."""
    for i, (id_, pairs) in enumerate(zip(kept, attach, strict=True)):
        if not pairs:
            continue
        row = store.overrides.get(id_) or store.created.get(id_)
        if row is None or not any(key in row for key, _ in pairs):
            texts[i] = append_arrays(texts[i], pairs)
        else:  # a key to replace in place: take the dict path
            row = dict(row)
            for key, ids in pairs:
                row[key] = [str(c) for c in ids]
            texts[i] = encode(row)


def contacts_json(
    world: World, kept: list[int], texts: list[str], q: Query
) -> dict[str, JSONArray]:
    """``contacts`` for JSON rows."""
    wanted = set(q.includes)
    with_tags = "contactTags.tag" in wanted
    extra: dict[str, JSONArray] = {}
    attach: list[list[Any]] = [[] for _ in kept]
    link_ids: list[int] = []
    for relation in CONTACT_RELATIONS:
        if relation in wanted or (relation == "contactTags" and with_tags):
            child_ids, extra[relation] = _children_json(world, kept, attach, relation, relation)
            if relation == "contactTags":
                link_ids = child_ids
    if with_tags:
        links = world.store("contactTags")
        tag_ids = dict.fromkeys(map(int, links.facets(link_ids, "tag")))
        _, tags = world.store("tags").rows_json(list(tag_ids))
        extra["tags"] = json_array(tags)
    _attach(world.store("contacts"), kept, texts, attach)
    return extra


def deals_json(world: World, kept: list[int], texts: list[str], q: Query) -> dict[str, JSONArray]:
    """``deals`` for JSON rows."""
    extra: dict[str, JSONArray] = {}
    if "dealCustomFieldData" in q.includes:
        attach: list[list[Any]] = [[] for _ in kept]
        key = "dealCustomFieldData"
        _, extra[key] = _children_json(world, kept, attach, key, key)
        _attach(world.store("deals"), kept, texts, attach)
    if "contact" in q.includes:
        contacts = world.store("contacts")
        refs = world.store("deals").facets(kept, "contact")
        _, rows = contacts.rows_json(_existing(contacts, refs))
        swap = (_LISTED_EMAIL_EMPTY, _SIDELOADED_EMAIL_EMPTY_JSON, 1)
        extra["contacts"] = json_array([text.replace(*swap) for text in rows])
    return extra


PAGE_SIDELOADS: dict[str, PageSideload] = {"contacts": contacts_json, "deals": deals_json}
