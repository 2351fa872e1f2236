"""Deterministic random numbers keyed by integers (seed, table code, id, stream).

A record is a pure function of its key, so any row can be rebuilt on demand without
materialising the table. splitmix64 is tiny, fast in pure Python and stable across Python
versions (unlike ``random.Random`` seeding, whose algorithm is an implementation detail).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Sequence
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


def key_hash(*key: int) -> int:
    """One 64-bit value for a key: the cheap path for facets computed over whole tables."""
    state = 0x243F6A8885A308D3
    for part in key:
        state = ((state ^ (part & _MASK)) * 0x100000001B3) & _MASK
    return _mix(state)


def key_hashes(prefix: tuple[int, ...], ids: Iterable[int], stream: int) -> list[int]:
    """``[key_hash(*prefix, i, stream) for i in ids]``, inlined for whole-table scans."""
    start = 0x243F6A8885A308D3
    for part in prefix:
        start = ((start ^ (part & _MASK)) * 0x100000001B3) & _MASK
    out = []
    for i in ids:
        z = ((((start ^ i) * 0x100000001B3) & _MASK ^ stream) * 0x100000001B3) & _MASK
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
        out.append(z ^ (z >> 31))
    return out


def unit(h: int) -> float:
    """A 64-bit hash as a float in [0, 1)."""
    return (h >> 11) * _INV53


class Rng:
    """A splitmix64 stream seeded from a tuple of integers."""

    __slots__ = ("_state",)

    def __init__(self, *key: int) -> None:
        # FNV-style fold of the key words, then one splitmix finaliser
        self._state = key_hash(*key)

    # splitmix64 is inlined in each draw: this is the hot path of row generation
    def bits(self) -> int:
        z = self._state = (self._state + _GOLDEN) & _MASK
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
        return z ^ (z >> 31)

    def random(self) -> float:
        """A float in [0, 1)."""
        z = self._state = (self._state + _GOLDEN) & _MASK
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
        return ((z ^ (z >> 31)) >> 11) * _INV53

    def randint(self, lo: int, hi: int) -> int:
        """An integer in [lo, hi], both ends included."""
        z = self._state = (self._state + _GOLDEN) & _MASK
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
        return lo + (z ^ (z >> 31)) % (hi - lo + 1)

    def chance(self, p: float) -> bool:
        z = self._state = (self._state + _GOLDEN) & _MASK
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
        return ((z ^ (z >> 31)) >> 11) * _INV53 < p

    def choice(self, seq: Sequence[T]) -> T:
        z = self._state = (self._state + _GOLDEN) & _MASK
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
        return seq[(z ^ (z >> 31)) % len(seq)]

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
