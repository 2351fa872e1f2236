"""Ascending id sets made of explicit lists and ranges-with-holes.

A table's visible ids are ``range(1, base+1)`` minus deleted ids, then the created ids; a filtered
view adds scanned lists around a range. Positional access (offset paging) and rank (keyset
paging) stay cheap without listing a million ids.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator


class ListSeg:
    """An explicit ascending list of ids."""

    def __init__(self, ids: list[int]) -> None:
        self.ids = ids
        self.count = len(ids)
        self.first = ids[0] if ids else 0

    def id_at(self, k: int) -> int:
        return self.ids[k]

    def rank(self, id_: int) -> int:
        """How many ids are < id_."""
        return bisect_left(self.ids, id_)

    def walk(self, k: int, n: int) -> list[int]:
        return self.ids[k : k + n]

    def __iter__(self) -> Iterator[int]:
        return iter(self.ids)


class RangeSeg:
    """ids lo..hi-1 except an ascending list of excluded ids (all inside [lo, hi))."""

    def __init__(self, lo: int, hi: int, excluded: Iterable[int] = ()) -> None:
        self.lo, self.hi = lo, max(hi, lo)
        self.excluded = sorted(x for x in set(excluded) if lo <= x < hi)
        self._excluded_set = set(self.excluded)
        self.count = self.hi - self.lo - len(self.excluded)
        self.first = self.id_at(0) if self.count else 0

    def id_at(self, k: int) -> int:
        # least fixed point of x = lo + k + #excluded<=x, which is never an excluded id
        x = self.lo + k
        while True:
            nxt = self.lo + k + bisect_right(self.excluded, x)
            if nxt == x:
                return x
            x = nxt

    def rank(self, id_: int) -> int:
        id_ = min(max(id_, self.lo), self.hi)
        return id_ - self.lo - bisect_left(self.excluded, id_)

    def walk(self, k: int, n: int) -> list[int]:
        out: list[int] = []
        if k >= self.count or n <= 0:
            return out
        x = self.id_at(k)
        skip = self._excluded_set
        while len(out) < n and x < self.hi:
            if x not in skip:
                out.append(x)
            x += 1
        return out

    def __iter__(self) -> Iterator[int]:
        skip = self._excluded_set
        return (x for x in range(self.lo, self.hi) if x not in skip)


Segment = ListSeg | RangeSeg


class IdSet:
    """Ordered, non-overlapping segments; positions are 0-based in ascending id order."""

    def __init__(self, segments: Iterable[Segment]) -> None:
        self.segments = [s for s in segments if s.count]
        self.count = sum(s.count for s in self.segments)

    @classmethod
    def of(cls, ids: Iterable[int]) -> IdSet:
        return cls([ListSeg(sorted(ids))])

    def slice(self, start: int, stop: int) -> list[int]:
        """ids at positions start..stop-1."""
        start, stop = max(start, 0), min(stop, self.count)
        out: list[int] = []
        for seg in self.segments:
            if start >= stop:
                break
            if start < seg.count:
                taken = seg.walk(start, stop - start)
                out.extend(taken)
                stop -= start + len(taken)
                start = 0
            else:
                start -= seg.count
                stop -= seg.count
        return out

    def rank(self, id_: int) -> int:
        """Position of the first id >= id_ (= how many ids are < id_)."""
        total = 0
        for seg in self.segments:
            below = seg.rank(id_)
            total += below
            if below < seg.count:
                break
        return total

    def __iter__(self) -> Iterator[int]:
        for seg in self.segments:
            yield from seg

    def __len__(self) -> int:
        return self.count
