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
from collections.abc import Iterator

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


def release_memory() -> None:
    """Hand freed heap pages back to the OS (after a batch is staged)."""
    if _LIBC is not None and hasattr(_LIBC, "malloc_trim"):
        _LIBC.malloc_trim(0)


_PROMPT: list[float] = []  # the interval before, then one entry per run inside
_PROMPT_GUARD = threading.Lock()


@contextlib.contextmanager
def prompt_threads(rate: float) -> Iterator[None]:
    """Under a low rate limit, hand the GIL over every millisecond instead of every five, for
    the run: a request whose turn has come then leaves within about a millisecond even while
    another thread parses a page, so requests reach the server as evenly spaced as the
    limiter spaced them (a late one crowds the next ones into the server's window: a 429).
    The CPU is mostly idle at such rates, so the extra switching costs nothing that matters."""
    if rate > 100:
        yield
        return
    with _PROMPT_GUARD:  # accounts' runs overlap (engine/orchestrate.py): the first sets it,
        if not _PROMPT:  # the last one out restores it
            _PROMPT.append(sys.getswitchinterval())
            sys.setswitchinterval(min(_PROMPT[0], 0.001))
        _PROMPT.append(0.0)
    try:
        yield
    finally:
        with _PROMPT_GUARD:
            _PROMPT.pop()
            if len(_PROMPT) == 1:
                sys.setswitchinterval(_PROMPT.pop())
