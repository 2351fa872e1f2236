"""Process-wide memory settings for a run from the command line (not applied when acx is used
as a library): many threads each touching memory would otherwise keep many malloc arenas and
allocator caches alive, so peak RSS would track concurrency rather than the work; and the
garbage collector's pace (tune_collector)."""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import gc
import sys
import threading
import time
from collections.abc import Iterator
from typing import NamedTuple

import pyarrow as pa

M_ARENA_MAX = -8  # glibc mallopt parameter


def _libc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    except OSError:
        return None


_LIBC = _libc()


def tune_memory() -> None:
    """Two malloc arenas, and Arrow allocating from the same heap (so trimming covers it)."""
    if _LIBC is not None and hasattr(_LIBC, "mallopt"):
        _LIBC.mallopt(M_ARENA_MAX, 2)
    pa.set_memory_pool(pa.system_memory_pool())


# Objects allocated, net, between two collections of the youngest generation (Python: 700).
# A page of records decodes into thousands of dicts and lists that die with the page, and
# creates no cycles; at 700 the collector ran several times a page, each time walking the pages
# alive in every thread: 8-12% of a sync's CPU (gc.callbacks, 30k contacts). At 10,000: 1-3%,
# with the same peak RSS.
YOUNG_THRESHOLD = 10_000


def tune_collector() -> None:
    """Collect the youngest generation less often (YOUNG_THRESHOLD); the older ones as before."""
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, middle, old)


# The least time between two trims of the process's heap (release_memory).
TRIM_EVERY = 0.25
_TRIMMED = [0.0]  # when the heap was last trimmed (time.monotonic)
_TRIM_GUARD = threading.Lock()


def release_memory() -> None:
    """Hand freed heap pages back to the OS (after a batch is staged), once per TRIM_EVERY
    seconds in the process at most: malloc_trim walks the whole heap, and twenty accounts
    trimming after each of their batches spent 3.3 CPU-s on it (one account alone: 0.02)."""
    if _LIBC is None or not hasattr(_LIBC, "malloc_trim"):
        return
    now = time.monotonic()
    if now - _TRIMMED[0] < TRIM_EVERY or not _TRIM_GUARD.acquire(blocking=False):
        return  # trimmed a moment ago, or being trimmed now
    try:
        _TRIMMED[0] = now
        _LIBC.malloc_trim(0)
    finally:
        _TRIM_GUARD.release()


# Runs at once whose requests together stay under this rate (requests/second) hand the GIL over
# every millisecond (prompt_threads); above it, their own work keeps the GIL busy.
PROMPT_RATE = 20.0

_NORMAL: list[float] = []  # the switch interval before the first run inside, while runs are
_RATES: list[float] = []  # the rate limit of each run inside
_PROMPT_GUARD = threading.Lock()


@contextlib.contextmanager
def prompt_threads(rate: float) -> Iterator[None]:
    """Under a low rate limit, hand the GIL over every millisecond instead of every five, for
    the run: a request whose turn has come then leaves within about a millisecond even while
    another thread parses a page, so requests reach the server as evenly spaced as the
    limiter spaced them (a late one crowds the next ones into the server's window: a 429).
    The CPU is mostly idle at such rates, so the extra switching costs nothing that matters.
    Runs at once (accounts, engine/orchestrate.py) count together: past PROMPT_RATE the
    process is busy, and switching every millisecond only multiplies the handovers (20 accounts
    at 5 requests/second: 136 CPU-s and 16 429s at 1 ms, 113 CPU-s and 9 429s at 5 ms)."""
    with _PROMPT_GUARD:
        if not _RATES:
            _NORMAL.append(sys.getswitchinterval())
        _RATES.append(rate)
        _switch()
    try:
        yield
    finally:
        with _PROMPT_GUARD:
            _RATES.remove(rate)
            if _RATES:
                _switch()
            else:
                sys.setswitchinterval(_NORMAL.pop())


def _switch() -> None:
    """The interval for the runs inside (under _PROMPT_GUARD)."""
    prompt = sum(_RATES) <= PROMPT_RATE
    sys.setswitchinterval(min(_NORMAL[0], 0.001) if prompt else _NORMAL[0])


# Threads the runs at once share (accounts, engine/orchestrate.py): for requests, and for table
# groups read at a time. One run takes a run's full number; many each take a share, never under
# FEWEST. Twenty accounts at 16 and 8 each ran 500 threads: each thread's work cost more (the
# GIL handed round, caches cold), and every group in flight held its pages and rows (20 accounts
# of 2,000 contacts: 86 CPU-s, 89 s and 675 MB; at 2 and 2 each, 67 CPU-s, 74 s and 526 MB). Two
# requests in flight keep 5 requests/second going while responses take under 400 ms.
HTTP_THREADS = 32
GROUP_THREADS = 16
FEWEST = 2


class Threads(NamedTuple):
    http: int  # requests in flight
    groups: int  # table groups read at a time


RUN_THREADS = Threads(http=16, groups=8)  # one run alone


def run_threads(at_once: int) -> Threads:
    """One run's threads while `at_once` runs share the process."""
    share = max(1, at_once)
    return Threads(
        http=min(RUN_THREADS.http, max(FEWEST, HTTP_THREADS // share)),
        groups=min(RUN_THREADS.groups, max(FEWEST, GROUP_THREADS // share)),
    )
