"""The account-wide request budget: one limiter shared by every thread of a run."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


class RateLimiter:
    """Spaces request starts at least 1/rate apart (after an optional burst), across threads.

    `pause(seconds)` (after a 429 with Retry-After) holds back every caller, not just the one
    that was told to wait, because the limit belongs to the account.
    """

    def __init__(
        self,
        rate: float,
        burst: int = 1,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if rate <= 0:
            raise ValueError("rate must be positive")
        self.interval = 1.0 / rate
        self.burst = max(1, burst)
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._next = clock() - (self.burst - 1) * self.interval
        self.acquired = 0

    def acquire(self) -> float:
        """Block until this caller may send a request; returns the seconds waited."""
        with self._lock:
            now = self._clock()
            floor = now - (self.burst - 1) * self.interval
            start = max(self._next, floor)
            self._next = start + self.interval
            self.acquired += 1
        wait = start - now
        if wait > 0:
            self._sleep(wait)
        return max(wait, 0.0)

    def pause(self, seconds: float) -> None:
        """No request may start for `seconds` from now."""
        with self._lock:
            self._next = max(self._next, self._clock() + seconds)


class Unlimited:
    """A limiter that never waits (tests against a sandbox with no limit, cassette replays)."""

    acquired = 0

    def acquire(self) -> float:
        self.acquired += 1
        return 0.0

    def pause(self, seconds: float) -> None:
        return None
