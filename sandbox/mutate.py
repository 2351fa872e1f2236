"""``POST /__sandbox/mutate``: update, create and delete records at the sandbox clock."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .rng import Rng
from .store import TableStore
from .timefmt import iso_utc
from .world import World

CLOCK_STEP = 3600  # each mutation happens one hour after the previous one
_MUTATE = 0xC0FFEE

# children deleted with their parent (so side-loads never show orphans)
CASCADES = {
    "contacts": ("contactTags", "contactLists", "fieldValues"),
    "deals": ("dealCustomFieldData", "dealActivities"),
    "accounts": ("accountCustomFieldData",),
    "campaigns": ("campaignMessages",),
    "fields": ("fieldOptions", "fieldRels"),
    "dealGroups": ("dealStages",),
}
# children created with a new parent: table -> how many
CREATED_WITH = {
    "contacts": (("contactTags", 2), ("contactLists", 1), ("fieldValues", 2)),
    "deals": (("dealCustomFieldData", 1), ("dealActivities", 1)),
}

Amount = int | Sequence[int]


class MutationError(ValueError):
    pass


def mutate(
    world: World,
    table: str,
    update: Amount = 0,
    create: int = 0,
    delete: Amount = 0,
    restore: Sequence[int] = (),
) -> dict[str, Any]:
    """Apply one mutation; ``update``/``delete`` are a count or explicit ids; ``restore`` brings
    back deleted generated records (ids), as they were, with the children deleted with them
    (the live API has no undelete: this stands for a record put back by an import or a restore
    from a backup, its dates unchanged, which only a whole read finds).

    Returns the affected ids, any children created or deleted alongside, and the clock.
    """
    if table not in world.stores:
        raise MutationError(f"unknown table {table!r}; valid: {', '.join(sorted(world.stores))}")
    gen = world.store(table).gen
    if update and not (gen.stamps or gen.touch_field):
        raise MutationError(f"{table}: records cannot be updated (the API only adds and deletes)")
    with world.lock:
        world.mutations += 1
        world.clock += CLOCK_STEP
        at = world.clock
        rng = Rng(world.seed, _MUTATE, world.mutations)
        store = world.store(table)
        updated = _choose(store, update, rng, set())
        deleted = _choose(store, delete, rng, set(updated))
        children: dict[str, dict[str, list[int]]] = {}
        for id_ in updated:
            _update(world, store, id_, rng, at)
        created = [_create(world, store, rng, at, children) for _ in range(int(create))]
        for id_ in deleted:
            _delete(world, store, id_, children)
        restored = [_restore(world, store, int(id_), children) for id_ in restore]
    return {
        "table": table,
        "updated": updated,
        "created": created,
        "deleted": deleted,
        "restored": restored,
        "children": children,
        "clock": iso_utc(at),
    }


def _choose(store: TableStore, amount: Amount, rng: Rng, taken: set[int]) -> list[int]:
    if not isinstance(amount, int):
        ids = [int(i) for i in amount]
        missing = [i for i in ids if not store.exists(i)]
        if missing:
            raise MutationError(f"{store.name}: no visible records with ids {missing}")
        return ids
    visible = store.visible()
    available = visible.count - len(taken)
    if amount > available:
        raise MutationError(f"{store.name}: asked for {amount} records, {available} available")
    chosen: set[int] = set()
    while len(chosen) < amount:
        pos = rng.randint(0, visible.count - 1)
        id_ = visible.slice(pos, pos + 1)[0]
        if id_ not in taken:
            chosen.add(id_)
    return sorted(chosen)


def _update(world: World, store: TableStore, id_: int, rng: Rng, at: int) -> None:
    row = dict(store.get(id_) or {})
    store.gen.touch(row, rng, at)
    # ids and counters as JSON numbers, as a write response echoes them (real-responses.md)
    store.put(id_, store.numbers.row(row), (store.time_of(id_)[0], at))


def _create(
    world: World,
    store: TableStore,
    rng: Rng,
    at: int,
    children: dict[str, dict[str, list[int]]],
    parent: int | None = None,
) -> int:
    gen = store.gen
    if parent is None and gen.parent_table:
        parent = _choose(world.store(gen.parent_table), 1, rng, set())[0]
    k = len(store.children(parent)) if parent is not None else 0
    id_ = store.new_id()
    row = store.numbers.row(gen.new_row(id_, gen.rng(id_), at, parent, k))
    store.add(id_, row, (at, at), parent)
    for table, count in CREATED_WITH.get(store.name, ()):
        child_store = world.store(table)
        made = [_create(world, child_store, rng, at, children, id_) for _ in range(count)]
        children.setdefault("created", {}).setdefault(table, []).extend(made)
    if store.name == "deals":
        row["activitycount"] = len(world.store("dealActivities").children(id_))
    return id_


def _delete(
    world: World, store: TableStore, id_: int, children: dict[str, dict[str, list[int]]]
) -> None:
    for table in CASCADES.get(store.name, ()):
        child_store = world.store(table)
        for child in child_store.children(id_):
            child_store.remove(child)
            children.setdefault("deleted", {}).setdefault(table, []).append(child)
    store.remove(id_)


def _restore(
    world: World, store: TableStore, id_: int, children: dict[str, dict[str, list[int]]]
) -> int:
    if not store.restore(id_):
        raise MutationError(f"{store.name}: {id_} is not a deleted generated record")
    for table in CASCADES.get(store.name, ()):
        child_store = world.store(table)
        for child in child_store.gen.base_children(id_):
            if child_store.restore(child):
                children.setdefault("restored", {}).setdefault(table, []).append(child)
    return id_
