"""Deterministic random numbers keyed by integers (seed, table code, id, stream).

A record is a pure function of its key, so any row can be rebuilt on demand without
materialising the table. splitmix64 is tiny, fast in pure Python and stable across Python
versions (unlike ``random.Random`` seeding, whose algorithm is an implementation detail).
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")

_MASK = (1 << 64) - 1
_GOLDEN = 0x9E3779B97F4A7C15
_INV53 = 1.0 / (1 << 53)


def _mix(z: int) -> int:
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
    return z ^ (z >> 31)


def name_code(name: str) -> int:
    """A stable integer for a table or stream name."""
    return zlib.crc32(name.encode("utf-8"))


class Rng:
    """A splitmix64 stream seeded from a tuple of integers."""

    __slots__ = ("_state",)

    def __init__(self, *key: int) -> None:
        state = 0
        for part in key:
            state = _mix((state ^ (part & _MASK)) + _GOLDEN & _MASK)
        self._state = state

    def bits(self) -> int:
        self._state = (self._state + _GOLDEN) & _MASK
        return _mix(self._state)

    def random(self) -> float:
        """A float in [0, 1)."""
        return (self.bits() >> 11) * _INV53

    def randint(self, lo: int, hi: int) -> int:
        """An integer in [lo, hi], both ends included."""
        return lo + self.bits() % (hi - lo + 1)

    def chance(self, p: float) -> bool:
        return self.random() < p

    def choice(self, seq: Sequence[T]) -> T:
        return seq[self.bits() % len(seq)]

    def sample(self, seq: Sequence[T], k: int) -> list[T]:
        """k distinct elements (partial Fisher-Yates)."""
        pool = list(seq)
        k = min(k, len(pool))
        for i in range(k):
            j = i + self.bits() % (len(pool) - i)
            pool[i], pool[j] = pool[j], pool[i]
        return pool[:k]

    def weighted(self, options: Sequence[tuple[T, float]]) -> T:
        total = sum(weight for _, weight in options)
        point = self.random() * total
        for value, weight in options:
            point -= weight
            if point < 0:
                return value
        return options[-1][0]
