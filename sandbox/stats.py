"""Request counters for ``GET /__sandbox/stats``."""

from __future__ import annotations

import threading
import time
from collections import Counter
from typing import Any


class Stats:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.reset()

    def reset(self) -> None:
        with self._lock:
            self.requests = 0
            self.by_path: Counter[str] = Counter()
            self.status_counts: Counter[str] = Counter()
            self.faults: Counter[str] = Counter()
            self.rate_limited = 0
            self.accepted = 0  # requests the rate limit let through
            self.first_accepted: float | None = None  # monotonic seconds
            self.last_accepted: float | None = None
            self.by_second: Counter[int] = Counter()  # accepted, by whole time.monotonic() second

    def request(self, path: str) -> None:
        with self._lock:
            self.requests += 1
            self.by_path[path] += 1

    def status(self, status: int | str) -> None:
        with self._lock:
            self.status_counts[str(status)] += 1

    def fault(self, kind: str) -> None:
        with self._lock:
            self.faults[kind] += 1

    def accept(self) -> None:
        """A request passed the rate limit: counted with when, so a client's use of the limit
        can be measured over the span it was sending in."""
        now = time.monotonic()
        with self._lock:
            self.accepted += 1
            self.first_accepted = now if self.first_accepted is None else self.first_accepted
            self.last_accepted = now
            self.by_second[int(now)] += 1

    def limited(self) -> None:
        with self._lock:
            self.rate_limited += 1

    def snapshot(self) -> dict[str, Any]:
        with self._lock:
            return {
                "requests": self.requests,
                "by_path": dict(self.by_path),
                "status_counts": dict(self.status_counts),
                "rate_limited": self.rate_limited,
                "faults": dict(self.faults),
                "accepted": self.accepted,
                "first_accepted_at": self.first_accepted,  # time.monotonic() of this machine
                "last_accepted_at": self.last_accepted,
                "accepted_by_second": {str(k): v for k, v in sorted(self.by_second.items())},
                "accepted_span_seconds": (
                    self.last_accepted - self.first_accepted
                    if self.first_accepted is not None and self.last_accepted is not None
                    else 0.0
                ),
            }
