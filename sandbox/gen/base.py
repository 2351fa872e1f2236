"""Base classes for the per-table record generators.

A generator turns an id into the record the API would return for it, as a pure function of
(seed, table, id). Top-level tables place ids on a ``Timeline``; child tables deal their rows
out over a parent table with ``Blocks``.

``build`` is the reference: it returns the record as a dict. Pages are served from
``rows_json``, the records' JSON text. The tables served in bulk describe their record once,
as data (``record = Record({...})``, see ``record.py``), and get both from it (``codegen.py``):
``build``, and a ``rows_json`` that writes the text directly from batched random draws
(``rng.draws``), the same bytes as ``encode(build(...))`` (tests/test_sandbox.py checks it on
many ids, seeds and settings). The other tables write ``build`` by hand, and their pages are
``encode``d dicts.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from ..encode import encode
from ..layout import Blocks, Timeline
from ..rng import UNIT, Drawn, Rng, batch, draws, key_hashes, name_code, threshold
from ..text import title
from .codegen import compile_record
from .record import Record

if TYPE_CHECKING:
    from ..world import World

Row = dict[str, Any]
DAY = 86400
G = TypeVar("G", bound="Gen")
MEMO_LIMIT = 8192  # per-table memos of derived values are dropped beyond this many entries
SMALL_TABLE = 2000  # tables up to this size keep the JSON text of the base rows they built
_T30, _T50 = threshold(0.3), threshold(0.5)


def flag(rng: Rng, p: float) -> str:
    """A "0"/"1" string flag that is "1" with probability p."""
    return "1" if rng.chance(p) else "0"


def make_room(memo: dict[int, Any], adding: int) -> None:
    """Bound a memo: drop it all when it would outgrow ``MEMO_LIMIT``."""
    if len(memo) + adding > MEMO_LIMIT:
        memo.clear()


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
    # the draws one row takes at most, computed up front when rows are built in batches: the
    # dict path (``rows``) computes any further one on demand, the JSON writer compiled from
    # ``record`` falls back to ``build`` for a row that takes more
    row_draws: ClassVar[int] = 16
    # the record, described once: ``build`` and ``rows_json`` are compiled from it
    record: ClassVar[Record | None] = None
    # keep the times of the rows ``rows_json`` writes (tables whose children ask for them)
    keep_times: ClassVar[bool] = False
    count: int

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        record = cls.__dict__.get("record")
        if record is not None:
            if "build" in cls.__dict__ or "rows_json" in cls.__dict__:
                raise TypeError(f"{cls.__name__}: a described record comes with its build")
            module = sys.modules[cls.__module__].__dict__  # the live namespace: later names too
            child = issubclass(cls, ChildGen)
            where = f"{cls.__module__}.{cls.__name__}"
            build, rows_json = compile_record(record, module, child, where)
            setattr(cls, "build", build)  # noqa: B010 (mypy: assigning to a method)
            setattr(cls, "rows_json", rows_json)  # noqa: B010

    def __init__(self, world: World, count: int, placed: int | None = None) -> None:
        """``placed``: ids are spread over the table's span as if it had this many rows (rows
        past it are created later), so that adding rows at the end moves none before them."""
        self.w = world
        self.fmt = world.fmt
        self.seed = world.seed
        self.count = count
        self.code = name_code(self.name)
        self.prefix = (world.seed, self.code)
        lag = int(self.max_lag_days * DAY)
        end = world.start + int((world.end - world.start) * self.span)
        spread = count if placed is None else placed
        self.timeline = Timeline(world.seed, self.code, spread, world.start, end, lag)
        # (created, updated) of base rows built lately: their children ask for them
        self._times: dict[int, tuple[int, int]] = {}
        self._json: dict[int, str] = {}  # small tables: the JSON text of base rows by id

    def peer(self, name: str, kind: type[G]) -> G:
        """Another table's generator, for values that must agree across tables."""
        gen = self.w.gens[name]
        assert isinstance(gen, kind)
        return gen

    # -- random streams --------------------------------------------------------------------------
    def rng(self, id_: int, stream: int = 1) -> Rng:
        return Rng(self.seed, self.code, id_, stream)

    def rngs(self, ids: Sequence[int], stream: int, draws: int) -> list[Drawn]:
        """``[self.rng(i, stream) for i in ids]`` with ``draws`` draws each made in one batch."""
        return batch(self.prefix, ids, stream, draws)

    def draws_for(self, ids: Sequence[int], stream: int, count: int) -> list[int]:
        """The first ``count`` raw draws (``Rng.bits``) of ``self.rng(i, stream)`` for each
        id, flattened: id j's draws start at ``j * count``."""
        return draws(key_hashes(self.prefix, ids, stream), count)

    # -- times -----------------------------------------------------------------------------------
    def times(self, id_: int) -> tuple[int, int]:
        times = self._times.get(id_)
        return times if times is not None else self.timeline.times(id_)

    def prefetch_times(self, ids: Sequence[int]) -> None:
        """Compute the times of many base ids in one batch (for ``times``)."""
        memo = self._times
        missing = [i for i in dict.fromkeys(ids) if i not in memo and 1 <= i <= self.count]
        if missing:
            self.times_from(missing, self.draws_for(missing, 0, 3), 3, remember=True)

    def times_from(
        self, ids: Sequence[int], vals: list[int], planned: int, remember: bool = False
    ) -> list[tuple[int, int, int]]:
        """``self.timeline.draw(id_, rng)`` of each id from its raw draws (``planned`` per id,
        as ``draws_for`` lays them out): (created, updated, index of the id's next draw).
        ``remember`` keeps the times for ``times``."""
        line = self.timeline
        start, step, last, max_lag = line.start, line.step, line.end - 1, line.max_lag
        out = []
        n = 0
        for id_ in ids:
            created = int(start + (id_ - 1 + (vals[n] >> 11) * UNIT) * step)
            if vals[n + 1] >> 11 < _T30:
                out.append((created, created, n + 2))
            else:
                room = min(max_lag, last - created)
                updated = created + int(room * ((vals[n + 2] >> 11) * UNIT) ** 3)
                out.append((created, updated, n + 3))
            n += planned
        if remember:
            make_room(self._times, len(ids))
            self._times.update(zip(ids, [(c, u) for c, u, _ in out], strict=True))
        return out

    # -- rows as dicts ---------------------------------------------------------------------------
    def row(self, id_: int) -> Row:
        rng = Rng(self.seed, self.code, id_, 0)  # times first, then the rest of the row
        created, updated = self.timeline.draw(id_, rng)
        return self.build(id_, rng, created, updated, None, 0)

    def rows(self, ids: Sequence[int]) -> list[Row]:
        """``[self.row(i) for i in ids]`` (base ids), with the random draws made in batches."""
        memo = self._times
        make_room(memo, len(ids))
        self.prepare(ids)
        draw, build = self.timeline.draw, self.build
        out = []
        for id_, rng in zip(ids, self.rngs(ids, 0, self.row_draws), strict=True):
            created, updated = memo[id_] = draw(id_, rng)
            out.append(build(id_, rng, created, updated, None, 0))
        return out

    def prepare(self, ids: Sequence[int]) -> None:
        """Before ``rows(ids)``: batch-compute what ``build`` looks up per row (memos)."""

    def build(
        self, id_: int, rng: Rng, created: int, updated: int, parent: int | None, k: int
    ) -> Row:
        raise NotImplementedError

    # -- rows as JSON text -----------------------------------------------------------------------
    def rows_json(self, ids: Sequence[int]) -> list[str]:
        """``[encode(self.row(i)) for i in ids]`` (base ids): the JSON text of each row."""
        if self.count > SMALL_TABLE:
            return [encode(row) for row in self.rows(ids)]
        cache = self._json
        missing = [i for i in dict.fromkeys(ids) if i not in cache]
        if missing:
            for id_, row in zip(missing, self.rows(missing), strict=True):
                cache[id_] = encode(row)
        return [cache[i] for i in ids]

    def json_fallback(self, id_: int) -> str:
        """The text of a row that took more draws than ``row_draws`` (``rows_json``)."""
        return encode(self.row(id_))

    def draw_batch(
        self, ids: Sequence[int]
    ) -> tuple[list[int], list[tuple[int, int]] | None, list[tuple[int, int, int]]]:
        """What a compiled ``rows_json`` writes a batch of base ids from: the raw draws
        (``row_draws`` per id), each id's (parent, index among siblings) on child tables and
        its (created, updated, index of its first draw after the times), with the memos of
        ``build`` ready (``prepare``)."""
        self.prepare(ids)
        vals = self.draws_for(ids, 0, self.row_draws)
        stamps = self.times_from(ids, vals, self.row_draws, remember=self.keep_times)
        return vals, None, stamps

    # -- memos of values that rows look up (names, parents' picks, ...) ------------------------
    def fill(
        self,
        memo: dict[int, Any],
        ids: Iterable[int],
        stream: int,
        draws: int,
        derive: Callable[[Rng], Any],
    ) -> None:
        """Put ``derive(self.rng(i, stream))`` into ``memo[i]`` for the ids not there yet,
        with ``draws`` draws per id made in one batch."""
        missing = [i for i in dict.fromkeys(ids) if i not in memo]
        if missing:
            make_room(memo, len(missing))
            for id_, rng in zip(missing, self.rngs(missing, stream, draws), strict=True):
                memo[id_] = derive(rng)

    def fill_raw(
        self,
        memo: dict[int, Any],
        ids: Iterable[int],
        stream: int,
        draws: int,
        derive: Callable[[list[int], int], Any],
    ) -> None:
        """``fill`` with ``derive(vals, n)`` written on raw draws: the id's draws are
        ``vals[n]`` to ``vals[n + draws - 1]`` (it must not take more)."""
        missing = [i for i in dict.fromkeys(ids) if i not in memo]
        if missing:
            make_room(memo, len(missing))
            vals = self.draws_for(missing, stream, draws)
            derived = [derive(vals, n) for n in range(0, len(vals), draws)]
            memo.update(zip(missing, derived, strict=True))

    def fill_hashes(
        self,
        memo: dict[int, Any],
        ids: Iterable[int],
        stream: int,
        derive: Callable[[int, int], Any],
    ) -> None:
        """Put ``derive(i, key_hash(seed, code, i, stream))`` into ``memo[i]`` for missing ids."""
        missing = [i for i in dict.fromkeys(ids) if i not in memo]
        if missing:
            make_room(memo, len(missing))
            hashes = key_hashes(self.prefix, missing, stream)
            for id_, h in zip(missing, hashes, strict=True):
                memo[id_] = derive(id_, h)

    # -- mutations -------------------------------------------------------------------------------
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

    # -- single fields, relations ----------------------------------------------------------------
    def facet(self, id_: int, field: str) -> Any:
        """One field of a base row; subclasses shortcut the fields used for counting."""
        return self.row(id_).get(field)

    def facets(self, field: str, ids: list[int]) -> list[Any]:
        """``facet`` for many base ids at once (whole-table counts)."""
        return [self.facet(i, field) for i in ids]

    def base_children(self, parent: int) -> Sequence[int]:
        """Ids of the generated (base) children of a parent; child tables override this."""
        return range(0)

    def prefetch_children(self, parents: Sequence[int]) -> None:
        """Before ``base_children`` of many parents (child tables batch their layout)."""

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
    parent_is_number: ClassVar[bool] = False  # the row holds its parent id as a JSON number

    def __init__(self, world: World, parents: int) -> None:
        code = name_code(self.name)
        self.blocks = Blocks(
            world.seed, code, parents, self.block_size, self.per_block, self.cap, self.floor
        )
        self.parents = parents
        self._last_parent = (0, 0)
        super().__init__(world, self.blocks.total)
        assert self.parent_table is not None
        self.parent_gen = world.gens[self.parent_table]

    # -- times -----------------------------------------------------------------------------------
    def times(self, id_: int) -> tuple[int, int]:
        parent, _ = self.blocks.locate(id_)
        return self.times_after(id_, parent, Rng(self.seed, self.code, id_, 0))

    def times_after(self, id_: int, parent: int, rng: Rng) -> tuple[int, int]:
        if self._last_parent[0] != parent:  # children of one parent are built in a row
            self._last_parent = (parent, self.parent_gen.times(parent)[0])
        parent_created = self._last_parent[1]
        last = self.w.end - 1
        created = min(last, parent_created + int(self.child_lag_days * DAY * rng.random() ** 2))
        if rng.chance(0.5):
            return created, created
        room = min(int(self.max_lag_days * DAY), last - created)
        return created, created + int(room * rng.random() ** 3)

    def prefetch_times(self, ids: Sequence[int]) -> None:
        """Child times depend on the parent's: nothing to batch (``times`` computes them)."""

    def times_from(
        self, ids: Sequence[int], vals: list[int], planned: int, remember: bool = False
    ) -> list[tuple[int, int, int]]:
        raise NotImplementedError("child rows take their times after their parent's")

    def child_times(
        self, places: list[tuple[int, int]], vals: list[int], planned: int
    ) -> list[tuple[int, int, int]]:
        """``times_after`` of each row from its raw draws (``planned`` per row, as
        ``draws_for`` lays them out) and its (parent, index): (created, updated, index of the
        row's next draw)."""
        memo, parent_times = self.parent_gen._times, self.parent_gen.times
        last = self.w.end - 1
        lag = self.child_lag_days * DAY
        max_room = int(self.max_lag_days * DAY)
        out = []
        n = 0
        for parent, _ in places:
            known = memo.get(parent)
            parent_created = known[0] if known is not None else parent_times(parent)[0]
            created = min(last, parent_created + int(lag * ((vals[n] >> 11) * UNIT) ** 2))
            if vals[n + 1] >> 11 < _T50:
                out.append((created, created, n + 2))
            else:
                room = min(max_room, last - created)
                updated = created + int(room * ((vals[n + 2] >> 11) * UNIT) ** 3)
                out.append((created, updated, n + 3))
            n += planned
        return out

    # -- rows ------------------------------------------------------------------------------------
    def row(self, id_: int) -> Row:
        parent, k = self.blocks.locate(id_)
        rng = Rng(self.seed, self.code, id_, 0)  # times first, then the rest of the row
        created, updated = self.times_after(id_, parent, rng)
        return self.build(id_, rng, created, updated, parent, k)

    def rows(self, ids: Sequence[int]) -> list[Row]:
        places = self.places(ids)
        times_after, build = self.times_after, self.build
        rngs = self.rngs(ids, 0, self.row_draws)
        out = []
        for id_, (parent, k), rng in zip(ids, places, rngs, strict=True):
            created, updated = times_after(id_, parent, rng)
            out.append(build(id_, rng, created, updated, parent, k))
        return out

    def draw_batch(
        self, ids: Sequence[int]
    ) -> tuple[list[int], list[tuple[int, int]] | None, list[tuple[int, int, int]]]:
        places = self.places(ids)
        vals = self.draws_for(ids, 0, self.row_draws)
        return vals, places, self.child_times(places, vals, self.row_draws)

    def places(self, ids: Sequence[int]) -> list[tuple[int, int]]:
        """(parent, index among its children) of each base id, with the parents' times and
        the memos of ``prepare_children`` ready for building those rows."""
        places = self.blocks.locate_many(ids)
        self.parent_gen.prefetch_times([parent for parent, _ in places])
        self.prepare_children(ids, places)
        return places

    def prepare_children(self, ids: Sequence[int], places: list[tuple[int, int]]) -> None:
        """Before ``rows(ids)``: ``prepare`` with each id's (parent, index among siblings)."""

    # -- relations -------------------------------------------------------------------------------
    def facet(self, id_: int, field: str) -> Any:
        if field == self.parent_field:  # filters on the parent (e.g. filters[dealId])
            parent = self.blocks.locate(id_)[0]
            return parent if self.parent_is_number else str(parent)
        return super().facet(id_, field)

    def base_children(self, parent: int) -> Sequence[int]:
        if parent > self.parents:
            return range(0)
        return self.blocks.children(parent)

    def prefetch_children(self, parents: Sequence[int]) -> None:
        self.blocks.prefetch([p for p in parents if 1 <= p <= self.parents])


class SpreadChildGen(ChildGen):
    """A child table whose rows fall within ``child_lag_days`` after their parent, scaled to the
    room left before the end of the history: a parent made late does not pile its children up
    on the history's last second, as ``ChildGen``'s clamp would (issue 14 tables)."""

    def times_after(self, id_: int, parent: int, rng: Rng) -> tuple[int, int]:
        if self._last_parent[0] != parent:
            self._last_parent = (parent, self.parent_gen.times(parent)[0])
        parent_created = self._last_parent[1]
        last = self.w.end - 1
        room = max(0, min(int(self.child_lag_days * DAY), last - parent_created))
        created = parent_created + int(room * rng.random() ** 2)
        if rng.chance(0.5):
            return created, created
        room = min(int(self.max_lag_days * DAY), last - created)
        return created, created + int(room * rng.random() ** 3)
