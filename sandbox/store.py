"""One table's state: generated base rows plus the small overlay that mutations write.

Base rows (ids 1..base) are rebuilt on demand by the table's generator; only updated rows,
created rows and deleted ids are kept in memory. A seeded share of the base rows is served with
JSON numbers for ids and counters (``numbers.Numbers``), as are all rows written by mutations.
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from .encode import encode
from .idset import IdSet, ListSeg, RangeSeg
from .numbers import Numbers

if TYPE_CHECKING:
    from .gen.base import Gen

Row = dict[str, Any]
T = TypeVar("T")
BATCH = 2048  # rows generated per batch (the batched draws of a batch are one big integer)


def _batched(build: Callable[[list[int]], list[T]], ids: list[int]) -> list[T]:
    if len(ids) <= BATCH:
        return build(ids)
    out: list[T] = []
    for start in range(0, len(ids), BATCH):
        out.extend(build(ids[start : start + BATCH]))
    return out


class TableStore:
    """Reads merge generated rows with the overlay; writes only touch the overlay."""

    def __init__(self, gen: Gen) -> None:
        self.gen = gen
        self.numbers = Numbers(gen.seed, gen.name)
        self.name = gen.name
        self.base = gen.count
        self.deleted: list[int] = []
        self.deleted_set: set[int] = set()
        self.overrides: dict[int, Row] = {}
        self.created: dict[int, Row] = {}
        self.times: dict[int, tuple[int, int]] = {}
        self.created_by_parent: dict[int, list[int]] = {}
        self.next_id = self.base + 1
        self.version = 0

    # -- reading -------------------------------------------------------------------------------
    def exists(self, id_: int) -> bool:
        if id_ in self.created:
            return True
        return 1 <= id_ <= self.base and id_ not in self.deleted_set

    def get(self, id_: int) -> Row | None:
        row = self.overrides.get(id_) or self.created.get(id_)
        if row is not None:
            return row
        if 1 <= id_ <= self.base and id_ not in self.deleted_set:
            row = self.gen.row(id_)
            return self.numbers.row(row) if self.numbers.picked(id_) else row
        return None

    def rows(self, ids: list[int]) -> list[Row]:
        """The visible rows among ``ids``, in order (base rows generated in batches)."""
        fresh = self._fresh(ids)
        built = _batched(self.gen.rows, fresh)
        self.numbers.rows(fresh, built)
        if len(fresh) == len(ids):
            return built
        by_id = dict(zip(fresh, built, strict=True))
        out = []
        for id_ in ids:
            row = self.overrides.get(id_) or self.created.get(id_) or by_id.get(id_)
            if row is not None:
                out.append(row)
        return out

    def rows_json(self, ids: list[int]) -> tuple[list[int], list[str]]:
        """(the visible ids among ``ids``, the JSON text of each of their rows), in order."""
        fresh = self._fresh(ids)
        built = _batched(self.gen.rows_json, fresh)
        self.numbers.texts(fresh, built)
        if len(fresh) == len(ids):
            return fresh, built
        by_id = dict(zip(fresh, built, strict=True))
        kept, texts = [], []
        for id_ in ids:
            row = self.overrides.get(id_) or self.created.get(id_)
            text = encode(row) if row is not None else by_id.get(id_)
            if text is not None:
                kept.append(id_)
                texts.append(text)
        return kept, texts

    def _fresh(self, ids: list[int]) -> list[int]:
        """The ids among ``ids`` whose rows are generated as they are (not mutated)."""
        base, skip, overrides, created = self.base, self.deleted_set, self.overrides, self.created
        if not (skip or overrides or created):
            return [i for i in ids if 1 <= i <= base]
        return [
            i
            for i in ids
            if 1 <= i <= base and i not in skip and i not in overrides and i not in created
        ]

    def visible(self) -> IdSet:
        return IdSet([RangeSeg(1, self.base + 1, self.deleted), ListSeg(list(self.created))])

    def time_of(self, id_: int) -> tuple[int, int]:
        """(created, updated) epoch seconds, honouring mutations."""
        stamped = self.times.get(id_)
        return stamped if stamped is not None else self.gen.times(id_)

    def facet(self, id_: int, field: str) -> Any:
        """One field of a visible row, cheaply when the generator knows how."""
        row = self.overrides.get(id_) or self.created.get(id_)
        if row is not None:
            return row.get(field)
        return self.gen.facet(id_, field)

    def facets(self, ids: list[int], field: str) -> list[Any]:
        """``[self.facet(i, field) for i in ids]`` (visible ids), base rows in one batch."""
        changed = self.overrides or self.created
        base = (
            [i for i in ids if i not in self.overrides and i not in self.created]
            if changed
            else ids
        )
        values = dict(zip(base, self.gen.facets(field, base), strict=True))
        return [values[i] if i in values else self.facet(i, field) for i in ids]

    def children(self, parent: int) -> list[int]:
        """Visible child ids of a parent (child tables only), ascending."""
        base = self.gen.base_children(parent)
        skip = self.deleted_set
        ids = [c for c in base if c not in skip] if skip else list(base)
        if self.created_by_parent:
            ids.extend(c for c in self.created_by_parent.get(parent, ()) if c in self.created)
        return ids

    # -- writing (callers hold the world lock) --------------------------------------------------
    def put(self, id_: int, row: Row, times: tuple[int, int]) -> None:
        """Replace an existing row (an update)."""
        if id_ in self.created:
            self.created[id_] = row
        else:
            self.overrides[id_] = row
        self.times[id_] = times
        self.version += 1

    def new_id(self) -> int:
        id_ = self.next_id
        self.next_id += 1
        return id_

    def add(self, id_: int, row: Row, times: tuple[int, int], parent: int | None = None) -> None:
        self.created[id_] = row
        self.times[id_] = times
        self.next_id = max(self.next_id, id_ + 1)
        if parent is not None:
            self.created_by_parent.setdefault(parent, []).append(id_)
        self.version += 1

    def restore(self, id_: int) -> bool:
        """Bring back a deleted generated row as it was generated; False when it is not one."""
        if id_ not in self.deleted_set:
            return False
        self.deleted_set.discard(id_)
        self.deleted.remove(id_)
        self.version += 1
        return True

    def remove(self, id_: int) -> None:
        if id_ in self.created:
            del self.created[id_]
        elif 1 <= id_ <= self.base and id_ not in self.deleted_set:
            self.deleted_set.add(id_)
            insort(self.deleted, id_)
            self.overrides.pop(id_, None)
        self.times.pop(id_, None)
        self.version += 1
