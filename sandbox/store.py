"""One table's state: generated base rows plus the small overlay that mutations write.

Base rows (ids 1..base) are rebuilt on demand by the table's generator; only updated rows,
created rows and deleted ids are kept in memory.
"""

from __future__ import annotations

from bisect import insort
from typing import TYPE_CHECKING, Any

from .idset import IdSet, ListSeg, RangeSeg

if TYPE_CHECKING:
    from .gen.base import Gen

Row = dict[str, Any]


class TableStore:
    """Reads merge generated rows with the overlay; writes only touch the overlay."""

    def __init__(self, gen: Gen) -> None:
        self.gen = gen
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
            return self.gen.row(id_)
        return None

    def rows(self, ids: list[int]) -> list[Row]:
        return [row for row in map(self.get, ids) if row is not None]

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

    def children(self, parent: int) -> list[int]:
        """Visible child ids of a parent (child tables only), ascending."""
        ids = [c for c in self.gen.base_children(parent) if c not in self.deleted_set]
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

    def remove(self, id_: int) -> None:
        if id_ in self.created:
            del self.created[id_]
        elif 1 <= id_ <= self.base and id_ not in self.deleted_set:
            self.deleted_set.add(id_)
            insort(self.deleted, id_)
            self.overrides.pop(id_, None)
        self.times.pop(id_, None)
        self.version += 1
