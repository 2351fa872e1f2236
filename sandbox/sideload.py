"""Per-endpoint page decorations: ``include=`` side-loads, always-on side-loads, counts.

Each function gets the page's rows (shallow copies it may modify) and returns the extra
top-level arrays to put next to the main key.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from .query import Query
from .store import Row
from .world import World

Sideload = Callable[[World, list[Row], Query], dict[str, Any]]

CONTACT_RELATIONS = ("contactTags", "contactLists", "fieldValues")


def _children(world: World, rows: list[Row], table: str, id_key: str) -> list[Row]:
    """Attach ``row[id_key] = [child ids]`` and return the children of all rows, in order."""
    store = world.store(table)
    out: list[Row] = []
    for row in rows:
        ids = store.children(int(row["id"]))
        row[id_key] = [str(i) for i in ids]
        out.extend(store.rows(ids))
    return out


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


def deals(world: World, rows: list[Row], q: Query) -> dict[str, Any]:
    """``include=dealCustomFieldData``: the typed values of the deals on the page."""
    if "dealCustomFieldData" not in q.includes:
        return {}
    return {
        "dealCustomFieldData": _children(world, rows, "dealCustomFieldData", "dealCustomFieldData")
    }


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
        row["contactCount"] = str(contact_counts.get(row["id"], 0))
        row["dealCount"] = str(deal_counts.get(row["id"], 0))
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
