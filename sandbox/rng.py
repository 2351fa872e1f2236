"""Deterministic random numbers keyed by integers (seed, table code, id, stream).

A record is a pure function of its key, so any row can be rebuilt on demand without
materialising the table. splitmix64 is tiny, fast in pure Python and stable across Python
versions (unlike ``random.Random`` seeding, whose algorithm is an implementation detail).
"""

from __future__ import annotations

import sys
import zlib
from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TypeVar

T = TypeVar("T")

_MASK = (1 << 64) - 1
_GOLDEN = 0x9E3779B97F4A7C15
_INV53 = 1.0 / (1 << 53)
_FNV = 0x100000001B3
_BASIS = 0x243F6A8885A308D3
_ORDER = sys.byteorder
assert array("Q").itemsize == 8, "the batched draws need 64-bit array items"


def _mix(z: int) -> int:
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
    return z ^ (z >> 31)


def name_code(name: str) -> int:
    """A stable integer for a table or stream name."""
    return zlib.crc32(name.encode("utf-8"))


def prefix_state(*prefix: int) -> int:
    """The FNV fold of the leading key words (shared by every id of a table and stream)."""
    state = _BASIS
    for part in prefix:
        state = ((state ^ (part & _MASK)) * _FNV) & _MASK
    return state


def key_hash(*key: int) -> int:
    """One 64-bit value for a key: the cheap path for facets computed over whole tables."""
    state = _BASIS
    for part in key:
        state = ((state ^ (part & _MASK)) * _FNV) & _MASK
    return _mix(state)


# -- many keys at once ---------------------------------------------------------------------------
# splitmix64 and the key fold are lane-wise in 64-bit arithmetic, so a batch of them can run
# inside one Python integer holding every value in its own 128-bit lane (the upper half absorbs
# the products): about a dozen big-integer operations replace a dozen operations per value.
# The results are exactly those of the scalar functions above.


def _pack(values: array) -> int:
    """A uint64 array -> one integer with value i in bits [128 i, 128 i + 64)."""
    lanes = array("Q", bytes(16 * len(values)))
    lanes[::2] = values
    return int.from_bytes(lanes, _ORDER)


def _unpack(packed: int, count: int) -> list[int]:
    out = array("Q")
    out.frombytes(packed.to_bytes(16 * count, _ORDER))
    return out[::2].tolist()


def _lanes(value: int, count: int) -> int:
    """``value`` (< 2**64) in each of ``count`` lanes."""
    return int.from_bytes(array("Q", (value, 0)) * count, _ORDER)


_mask = _lanes(_MASK, 1024)


def _mask_of(count: int) -> int:
    """A mask keeping the low 64 bits of at least ``count`` lanes (a longer mask does the
    same: ``&`` stops at the shorter operand)."""
    global _mask
    mask = _mask
    if mask.bit_length() < 128 * count - 64:
        mask = _mask = _lanes(_MASK, max(count, 2 * (mask.bit_length() // 128 + 1)))
    return mask


def _mix_lanes(z: int, mask: int) -> int:
    z = ((z ^ ((z >> 30) & mask)) * 0xBF58476D1CE4E5B9) & mask
    z = ((z ^ ((z >> 27) & mask)) * 0x94D049BB133111EB) & mask
    return z ^ ((z >> 31) & mask)


def key_hashes(prefix: tuple[int, ...], ids: Iterable[int], stream: int) -> list[int]:
    """``[key_hash(*prefix, i, stream) for i in ids]`` (ids in 0..2**64-1), batched."""
    values = array("Q", ids)
    count = len(values)
    if count == 0:
        return []
    mask = _mask_of(count)
    z = ((_pack(values) ^ _lanes(prefix_state(*prefix), count)) * _FNV) & mask
    z = ((z ^ _lanes(stream & _MASK, count)) * _FNV) & mask
    return _unpack(_mix_lanes(z, mask), count)


_steps: dict[int, bytes] = {}


def draws(seeds: Sequence[int], count: int) -> list[int]:
    """The first ``count`` outputs of ``Rng`` streams started at each state in ``seeds``,
    flattened: ``out[j * count + n]`` is draw ``n`` of stream ``j``."""
    streams = len(seeds)
    if streams == 0 or count <= 0:
        return []
    total = streams * count
    lanes = array("Q", bytes(16 * total))
    starts = array("Q", seeds)
    for n in range(count):
        lanes[2 * n :: 2 * count] = starts
    steps = _steps.get(count)
    if steps is None:  # the state increments of draws 1..count, one stream's worth of lanes
        steps = _steps[count] = array(
            "Q", [v for n in range(1, count + 1) for v in ((n * _GOLDEN) & _MASK, 0)]
        ).tobytes()
    mask = _mask_of(total)
    z = (int.from_bytes(lanes, _ORDER) + int.from_bytes(steps * streams, _ORDER)) & mask
    return _unpack(_mix_lanes(z, mask), total)


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
        return weighted_at(self.random(), options)


def weight_total(options: Sequence[tuple[Any, float]]) -> float:
    return sum(weight for _, weight in options)


class Drawn(Rng):
    """An ``Rng`` whose first outputs were computed in a batch (``draws``).

    Draws identical values in the identical order: past the precomputed ones it computes each
    further output from the start state, as ``Rng`` would.
    """

    __slots__ = ("_vals", "_i")

    def __init__(self, state: int, vals: Sequence[int]) -> None:
        self._state = state  # the start state (Rng keeps its current state here)
        self._vals = vals
        self._i = 0

    def _more(self, i: int) -> int:
        """Output ``i`` (0-based) of this stream."""
        return _mix((self._state + (i + 1) * _GOLDEN) & _MASK)

    def bits(self) -> int:
        i = self._i
        self._i = i + 1
        try:
            return self._vals[i]
        except IndexError:
            return self._more(i)

    def random(self) -> float:
        i = self._i
        self._i = i + 1
        try:
            return (self._vals[i] >> 11) * _INV53
        except IndexError:
            return (self._more(i) >> 11) * _INV53

    def randint(self, lo: int, hi: int) -> int:
        i = self._i
        self._i = i + 1
        try:
            return lo + self._vals[i] % (hi - lo + 1)
        except IndexError:
            return lo + self._more(i) % (hi - lo + 1)

    def chance(self, p: float) -> bool:
        i = self._i
        self._i = i + 1
        try:
            return (self._vals[i] >> 11) * _INV53 < p
        except IndexError:
            return (self._more(i) >> 11) * _INV53 < p

    def choice(self, seq: Sequence[T]) -> T:
        i = self._i
        self._i = i + 1
        try:
            return seq[self._vals[i] % len(seq)]
        except IndexError:
            return seq[self._more(i) % len(seq)]


def batch(prefix: tuple[int, ...], ids: Sequence[int], stream: int, count: int) -> list[Drawn]:
    """``[Rng(*prefix, i, stream) for i in ids]`` with the first ``count`` draws of each
    computed at once (same outputs, much cheaper per draw)."""
    seeds = key_hashes(prefix, ids, stream)
    if count <= 0:
        return [Drawn(s, ()) for s in seeds]
    vals = draws(seeds, count)
    starts = range(0, len(vals), count)
    return [Drawn(s, vals[j : j + count]) for s, j in zip(seeds, starts, strict=True)]


# -- reading batched draws inline (the compiled row writers of the generators) -------------------
# With ``v`` a raw 64-bit output (``Rng.bits``), the draws of ``Rng`` are, exactly:
#   random()        (v >> 11) * UNIT
#   chance(p)       v >> 11 < threshold(p)   (scaling by 2**53 is exact, int/float compare too)
#   randint(lo, hi) lo + v % (hi - lo + 1)
#   choice(seq)     seq[v % len(seq)]
UNIT = _INV53
_RAN_OUT = "the row took more draws than its share"


def threshold(p: float) -> float:
    """``Rng.chance(p)`` is ``bits >> 11 < threshold(p)``."""
    return p * 9007199254740992.0  # 2**53


class Feed(Rng):
    """An ``Rng`` taking its raw draws from an iterator (``it``), one draw per call.

    The compiled JSON writers of the generators (``gen/codegen.py``) point ``it`` at each
    row's share of a batch of ``draws`` in turn, and pass the feed to helpers that draw through
    the ``Rng`` methods (``title``, ``sentence``). A share that runs out raises ``IndexError``,
    not ``StopIteration``: a generator expression in a helper would turn that into a
    ``RuntimeError``.
    """

    __slots__ = ("it",)

    def __init__(self, it: Iterator[int] | None = None) -> None:
        self._state = 0
        self.it = it if it is not None else iter(())

    # each draw inlined (as in ``Drawn``): helpers draw through these on the hot path
    def bits(self) -> int:
        try:
            return next(self.it)
        except StopIteration:
            raise IndexError(_RAN_OUT) from None

    def random(self) -> float:
        try:
            return (next(self.it) >> 11) * _INV53
        except StopIteration:
            raise IndexError(_RAN_OUT) from None

    def randint(self, lo: int, hi: int) -> int:
        try:
            return lo + next(self.it) % (hi - lo + 1)
        except StopIteration:
            raise IndexError(_RAN_OUT) from None

    def chance(self, p: float) -> bool:
        try:
            return (next(self.it) >> 11) * _INV53 < p
        except StopIteration:
            raise IndexError(_RAN_OUT) from None

    def choice(self, seq: Sequence[T]) -> T:
        try:
            return seq[next(self.it) % len(seq)]
        except StopIteration:
            raise IndexError(_RAN_OUT) from None


def weighted_at(u: float, options: Sequence[tuple[T, float]], total: float | None = None) -> T:
    """``Rng.weighted(options)`` given its ``random()`` draw ``u`` (same arithmetic); ``total``
    may bring ``weight_total(options)`` computed once."""
    if total is None:
        total = weight_total(options)
    point = u * total
    for value, weight in options:
        point -= weight
        if point < 0:
            return value
    return options[-1][0]
