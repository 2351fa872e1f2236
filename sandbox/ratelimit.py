"""The account-wide request limit: at most ``rate`` accepted requests in any 1-second window."""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from dataclasses import dataclass


@dataclass(frozen=True)
class Decision:
    allowed: bool
    limit: int
    remaining: int
    retry_after: int  # whole seconds, >= 1 when refused


class RateLimiter:
    """A sliding window; ``rate`` <= 0 means unlimited. Refused requests do not count."""

    def __init__(self, rate: float) -> None:
        self.unlimited = rate <= 0
        self.limit = max(1, int(rate)) if rate >= 1 else 1
        self.window = 1.0 if rate >= 1 or self.unlimited else 1.0 / rate
        self._hits: deque[float] = deque()
        self._lock = threading.Lock()

    def acquire(self) -> Decision:
        if self.unlimited:
            return Decision(True, 0, 0, 0)
        with self._lock:
            now = time.monotonic()
            while self._hits and self._hits[0] <= now - self.window:
                self._hits.popleft()
            if len(self._hits) < self.limit:
                self._hits.append(now)
                return Decision(True, self.limit, self.limit - len(self._hits), 0)
            wait = self._hits[0] + self.window - now
            return Decision(False, self.limit, 0, max(1, math.ceil(wait)))
