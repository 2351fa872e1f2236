"""The account-wide request budget: one limiter shared by every thread of a run.

Requests start evenly spaced at a little under the account's rate (the headroom absorbs the
jitter between when a request leaves here and when the server counts it), in priority order:
a request that a chain of pages waits on goes before one fetched ahead of need. A 429 pauses
every caller for its Retry-After and widens the headroom, since the limit belongs to the account.
"""

from __future__ import annotations

import heapq
import itertools
import threading
import time
from collections.abc import Callable

from engine.errors import Interrupted

HEADROOM = 0.005  # start 0.5% under the limit: ~5 ms of slack over five requests at 5/s
MAX_HEADROOM = 0.1

URGENT = 0  # someone waits on this response to know what to ask next
AHEAD = 1  # fetched ahead of need


class RateLimiter:
    def __init__(
        self,
        rate: float,
        burst: int = 1,
        clock: Callable[[], float] = time.monotonic,
        headroom: float = HEADROOM,
    ) -> None:
        if rate <= 0:
            raise ValueError("rate must be positive")
        self.rate = rate
        self.burst = max(1, burst)
        self.headroom = headroom
        self._clock = clock
        self._lock = threading.Lock()
        self._queue: list[tuple[int, int]] = []
        # Each waiting caller's own condition (over the one lock): only the head of the queue
        # is woken when its turn may have come. Waking every waiter for every request (twenty
        # accounts' sixteen threads each) had each of them take the GIL to find it was not next.
        self._waiters: dict[tuple[int, int], threading.Condition] = {}
        self._tickets = itertools.count()
        self._next = clock() - (self.burst - 1) * self.interval
        self.acquired = 0
        self.first: float | None = None
        self.last: float | None = None
        self.closed = False

    @property
    def interval(self) -> float:
        return 1.0 / (self.rate * (1.0 - self.headroom))

    def acquire(self, priority: int = URGENT) -> float:
        """Block until this caller may send a request; returns the seconds waited."""
        with self._lock:
            asked = self._clock()
            ticket = (priority, next(self._tickets))
            wake = self._waiters[ticket] = threading.Condition(self._lock)
            heapq.heappush(self._queue, ticket)
            try:
                while True:
                    if self.closed:
                        raise Interrupted("the run was stopped: no new request starts")
                    if self._queue[0] != ticket:
                        wake.wait()  # until it is next (_wake_head)
                        continue
                    now = self._clock()
                    start = max(self._next, now - (self.burst - 1) * self.interval)
                    if start <= now:
                        heapq.heappop(self._queue)
                        self._next = start + self.interval
                        self._record(now)
                        return now - asked
                    wake.wait(timeout=max(start - now, 0.001))
            finally:
                del self._waiters[ticket]
                if ticket in self._queue:  # stopped while waiting
                    self._queue.remove(ticket)
                    heapq.heapify(self._queue)
                self._wake_head()

    def _wake_head(self) -> None:
        """Wake the caller next in line, to look again at its turn (under the lock)."""
        if self._queue:
            self._waiters[self._queue[0]].notify()

    def _record(self, now: float) -> None:
        self.acquired += 1
        self.first = now if self.first is None else self.first
        self.last = now

    def sent(self, at: float) -> None:
        """A request let go earlier actually left at `at`: the next starts a whole interval
        later. A request held up after its turn (a busy GIL, a slow connection setup) would
        otherwise arrive close behind the one before it and crowd the server's window. (With a
        burst, requests go out together by design: the schedule alone decides.)"""
        if self.burst > 1:
            return
        with self._lock:
            if at + self.interval > self._next:
                self._next = at + self.interval
                self._wake_head()

    def close(self) -> None:
        """No request starts from now on: every caller waiting, and every later one, raises
        Interrupted (the run is stopping)."""
        with self._lock:
            self.closed = True
            for wake in self._waiters.values():
                wake.notify()

    def pause(self, seconds: float) -> None:
        """No request may start for `seconds` from now (a 429's Retry-After)."""
        with self._lock:
            self._next = max(self._next, self._clock() + seconds)
            self._wake_head()

    def rate_limited(self, retry_after: float | None) -> None:
        """The server said 429: wait as told and leave more headroom from now on."""
        self.headroom = min(MAX_HEADROOM, max(self.headroom * 2, 0.01))
        self.pause(retry_after if retry_after is not None else 1.0)


class Unlimited:
    """A limiter that never waits (tests against a sandbox with no limit, cassette replays)."""

    acquired = 0
    first: float | None = None
    last: float | None = None
    closed = False

    def acquire(self, priority: int = URGENT) -> float:
        if self.closed:
            raise Interrupted("the run was stopped: no new request starts")
        self.acquired += 1
        return 0.0

    def sent(self, at: float) -> None:
        return None

    def close(self) -> None:
        self.closed = True

    def pause(self, seconds: float) -> None:
        return None

    def rate_limited(self, retry_after: float | None) -> None:
        return None
