"""Base classes for the per-table record generators.

A generator turns an id into the record the API would return for it, as a pure function of
(seed, table, id). Top-level tables place ids on a ``Timeline``; child tables deal their rows
out over a parent table with ``Blocks``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from ..layout import Blocks, Timeline
from ..rng import Rng, name_code
from ..text import title

if TYPE_CHECKING:
    from ..world import World

Row = dict[str, Any]
DAY = 86400
G = TypeVar("G", bound="Gen")


def flag(rng: Rng, p: float) -> str:
    """A "0"/"1" string flag that is "1" with probability p."""
    return "1" if rng.chance(p) else "0"


class Gen:
    """A top-level table: ids 1..count ascend with creation time."""

    name: ClassVar[str]
    max_lag_days: ClassVar[float] = 120.0
    # fraction of the history over which ids are created (lookup tables come first)
    span: ClassVar[float] = 1.0
    # what a mutation's update changes: timestamp fields (field -> style) and one visible field
    stamps: ClassVar[dict[str, str]] = {}
    touch_field: ClassVar[str | None] = None
    # child tables: the parent's table name and the row field holding the parent id
    parent_table: ClassVar[str | None] = None
    parent_field: ClassVar[str | None] = None
    count: int

    def __init__(self, world: World, count: int) -> None:
        self.w = world
        self.fmt = world.fmt
        self.seed = world.seed
        self.count = count
        self.code = name_code(self.name)
        lag = int(self.max_lag_days * DAY)
        end = world.start + int((world.end - world.start) * self.span)
        self.timeline = Timeline(world.seed, self.code, count, world.start, end, lag)

    def peer(self, name: str, kind: type[G]) -> G:
        """Another table's generator, for values that must agree across tables."""
        gen = self.w.gens[name]
        assert isinstance(gen, kind)
        return gen

    def rng(self, id_: int, stream: int = 1) -> Rng:
        return Rng(self.seed, self.code, id_, stream)

    def times(self, id_: int) -> tuple[int, int]:
        return self.timeline.times(id_)

    def row(self, id_: int) -> Row:
        rng = Rng(self.seed, self.code, id_, 0)  # times first, then the rest of the row
        created, updated = self.timeline.draw(id_, rng)
        return self.build(id_, rng, created, updated, None, 0)

    def build(
        self, id_: int, rng: Rng, created: int, updated: int, parent: int | None, k: int
    ) -> Row:
        raise NotImplementedError

    def new_row(self, id_: int, rng: Rng, at: int, parent: int | None, k: int) -> Row:
        """A record created by a mutation at sandbox time ``at``."""
        return self.build(id_, rng, at, at, parent, k)

    def touch(self, row: Row, rng: Rng, at: int) -> None:
        """Apply an update made at sandbox time ``at`` to a copy of a row."""
        for field, style in self.stamps.items():
            row[field] = self.fmt.stamp(style, at)
        if self.touch_field:
            row[self.touch_field] = self.touched_value(row, rng)

    def touched_value(self, row: Row, rng: Rng) -> Any:
        return f"{title(rng, 2)} (edited)"

    def facet(self, id_: int, field: str) -> Any:
        """One field of a base row; subclasses shortcut the fields used for counting."""
        return self.row(id_).get(field)

    def facets(self, field: str, ids: list[int]) -> list[Any]:
        """``facet`` for many base ids at once (whole-table counts)."""
        return [self.facet(i, field) for i in ids]

    def base_children(self, parent: int) -> Sequence[int]:
        """Ids of the generated (base) children of a parent; child tables override this."""
        return range(0)

    def pick(self, rng: Rng, table: str, position: float = 1.0) -> int:
        """A base id of ``table``, among the first ``position`` fraction (created earlier)."""
        count = self.w.gens[table].count
        upto = max(1, min(count, int(count * position)))
        return rng.randint(1, upto)

    def position(self, id_: int) -> float:
        return min(1.0, id_ / max(self.count, 1))


class ChildGen(Gen):
    """A child table whose rows are dealt over the parents in fixed-size blocks."""

    block_size: ClassVar[int] = 8
    per_block: ClassVar[int] = 16
    cap: ClassVar[int] = 4
    floor: ClassVar[int] = 0
    child_lag_days: ClassVar[float] = 30.0

    def __init__(self, world: World, parents: int) -> None:
        code = name_code(self.name)
        self.blocks = Blocks(
            world.seed, code, parents, self.block_size, self.per_block, self.cap, self.floor
        )
        self.parents = parents
        self._last_parent = (0, 0)
        super().__init__(world, self.blocks.total)

    def times(self, id_: int) -> tuple[int, int]:
        parent, _ = self.blocks.locate(id_)
        return self.times_after(id_, parent, Rng(self.seed, self.code, id_, 0))

    def times_after(self, id_: int, parent: int, rng: Rng) -> tuple[int, int]:
        assert self.parent_table is not None
        if self._last_parent[0] != parent:  # children of one parent are built in a row
            self._last_parent = (parent, self.w.gens[self.parent_table].times(parent)[0])
        parent_created = self._last_parent[1]
        last = self.w.end - 1
        created = min(last, parent_created + int(self.child_lag_days * DAY * rng.random() ** 2))
        if rng.chance(0.5):
            return created, created
        room = min(int(self.max_lag_days * DAY), last - created)
        return created, created + int(room * rng.random() ** 3)

    def row(self, id_: int) -> Row:
        parent, k = self.blocks.locate(id_)
        rng = Rng(self.seed, self.code, id_, 0)  # times first, then the rest of the row
        created, updated = self.times_after(id_, parent, rng)
        return self.build(id_, rng, created, updated, parent, k)

    def base_children(self, parent: int) -> Sequence[int]:
        if parent > self.parents:
            return range(0)
        return self.blocks.children(parent)
