"""How ids map to creation times and to parents, as O(1) pure functions.

Timeline: record ``id`` of a top-level table is created at a time that grows with the id (ids
ascend with creation) and updated at most ``max_lag`` seconds later. That bound is what lets a
``filters[updated_after]`` query skip most of a million-row table (see ``filters.time_window``).

Blocks: child rows (2 tags per contact, ...) are dealt out over parents in fixed-size blocks of
parents, so the child count varies per parent while child ids stay dense and the mapping
child id <-> (parent, k) needs only the block's own counts.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from itertools import accumulate

from .rng import Rng, batch

_CACHE_LIMIT = 4096


class Timeline:
    """Creation/update epoch seconds for ids 1..count, spread over [start, end)."""

    def __init__(
        self, seed: int, code: int, count: int, start: int, end: int, max_lag: int
    ) -> None:
        self.seed, self.code, self.count = seed, code, max(count, 1)
        self.start, self.end, self.max_lag = start, end, max_lag
        self.step = (end - start) / self.count

    def times(self, id_: int) -> tuple[int, int]:
        return self.draw(id_, Rng(self.seed, self.code, id_, 0))

    def draw(self, id_: int, rng: Rng) -> tuple[int, int]:
        """The times of ``id_``, drawn first from the row's stream-0 generator."""
        created = int(self.start + (id_ - 1 + rng.random()) * self.step)
        if rng.chance(0.3):
            return created, created
        room = min(self.max_lag, self.end - 1 - created)
        return created, created + int(room * rng.random() ** 3)

    def created(self, id_: int) -> int:
        return self.times(id_)[0]

    def first_id_at(self, moment: float) -> int:
        """The smallest id in 1..count+1 whose creation time is >= moment."""
        if moment <= self.start:
            return 1
        if moment >= self.end:
            return self.count + 1
        guess = min(max(int((moment - self.start) / self.step), 1), self.count)
        while guess > 1 and self.created(guess - 1) >= moment:
            guess -= 1
        while guess <= self.count and self.created(guess) < moment:
            guess += 1
        return guess


class Blocks:
    """``per_block`` children dealt over each block of ``size`` parents (0 < floor <= n <= cap)."""

    def __init__(
        self,
        seed: int,
        code: int,
        parents: int,
        size: int,
        per_block: int,
        cap: int,
        floor: int = 0,
    ) -> None:
        if not floor * size <= per_block <= cap * size:
            raise ValueError("per_block must fit between floor*size and cap*size")
        self.seed, self.code, self.size = seed, code, size
        self.per_block, self.cap, self.floor = per_block, cap, floor
        self.full, self.rest = divmod(max(parents, 0), size)
        wanted = round(per_block * self.rest / size)
        self.last_total = min(max(wanted, floor * self.rest), cap * self.rest)
        self.total = self.full * per_block + self.last_total
        self._cache: dict[int, tuple[int, ...]] = {}
        self._starts: dict[int, tuple[int, ...]] = {}  # first child id of each parent, and end

    def counts(self, block: int) -> tuple[int, ...]:
        cached = self._cache.get(block)
        if cached is not None:
            return cached
        return self._counts(block, Rng(self.seed, self.code, block, 99))

    def _counts(self, block: int, rng: Rng) -> tuple[int, ...]:
        n = self.size if block < self.full else self.rest
        total = self.per_block if block < self.full else self.last_total
        counts = [self.floor] * n
        remaining = total - self.floor * n
        while remaining > 0:
            i = rng.bits() % n
            if counts[i] < self.cap:
                counts[i] += 1
                remaining -= 1
        if len(self._cache) >= _CACHE_LIMIT:
            self._cache.clear()
            self._starts.clear()
        self._cache[block] = result = tuple(counts)
        return result

    def prefetch(self, parents: Iterable[int]) -> None:
        """Compute the counts of the blocks of many parents with batched draws."""
        size, cache = self.size, self._cache
        blocks = [b for b in dict.fromkeys((p - 1) // size for p in parents) if b not in cache]
        blocks = [b for b in blocks if 0 <= b <= self.full]
        if len(blocks) > 1:
            planned = self.per_block + self.per_block // 2  # rejections when a parent is full
            rngs = batch((self.seed, self.code), blocks, 99, planned)
            for block, rng in zip(blocks, rngs, strict=True):
                self._counts(block, rng)

    def children(self, parent: int) -> range:
        """Child ids of a base parent (1-based ids)."""
        block, index = divmod(parent - 1, self.size)
        if block > self.full or (block == self.full and index >= self.rest):
            return range(0)
        starts = self._starts.get(block) or self._block_starts(block)
        return range(starts[index], starts[index + 1])

    def locate(self, child: int) -> tuple[int, int]:
        """(parent id, index among that parent's children) of a base child id."""
        block = min((child - 1) // self.per_block, self.full)
        starts = self._starts.get(block) or self._block_starts(block)
        index = bisect_right(starts, child) - 1
        if 0 <= index < len(starts) - 1:
            return block * self.size + index + 1, child - starts[index]
        raise IndexError(f"child {child} is outside 1..{self.total}")

    def locate_many(self, children: Iterable[int]) -> list[tuple[int, int]]:
        """``[self.locate(c) for c in children]``, with one look-up per run of one block."""
        out = []
        per_block, full, size = self.per_block, self.full, self.size
        last = -1
        starts: tuple[int, ...] = (0,)
        for child in children:
            block = min((child - 1) // per_block, full)
            if block != last:
                starts = self._starts.get(block) or self._block_starts(block)
                last = block
            index = bisect_right(starts, child) - 1
            if not 0 <= index < len(starts) - 1:
                raise IndexError(f"child {child} is outside 1..{self.total}")
            out.append((block * size + index + 1, child - starts[index]))
        return out

    def _block_starts(self, block: int) -> tuple[int, ...]:
        """The first child id of each parent of a block, then the end of the block."""
        starts = tuple(accumulate(self.counts(block), initial=block * self.per_block + 1))
        self._starts[block] = starts
        return starts
