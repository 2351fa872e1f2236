"""Injected failures: which request fails (seeded, by request number) and how it looks."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass

from .rng import Rng

_FAULTS = 0xFA17

HTML_502 = (
    "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
    "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n"
    "</body>\r\n</html>\r\n"
)
HTML_503 = (
    "<!DOCTYPE html><html><head><title>Service Unavailable</title></head><body>"
    "<h1>Service Temporarily Unavailable</h1><p>The server is temporarily unable to service "
    "your request. Please try again later.</p></body></html>"
)


@dataclass(frozen=True)
class Canned:
    """A complete fault response (the error statuses)."""

    status: int
    content_type: str
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()


def _json(payload: object) -> bytes:
    return json.dumps(payload).encode()


CANNED = {
    "500": Canned(500, "application/json", _json({"errors": [{"title": "Internal Server Error"}]})),
    "502": Canned(502, "text/html", HTML_502.encode()),
    "503": Canned(503, "text/html", HTML_503.encode()),
    "429": Canned(
        429,
        "application/json",
        _json({"errors": [{"title": "Too Many Requests", "detail": "Rate limit exceeded"}]}),
        (("Retry-After", "1"),),
    ),
}


class FaultPlan:
    """Request n (0-based, counted over API requests) fails iff a seeded draw < rate."""

    def __init__(self, seed: int, rate: float, kinds: tuple[str, ...]) -> None:
        self.seed, self.rate, self.kinds = seed, rate, kinds
        self._count = 0
        self._lock = threading.Lock()

    def draw(self) -> str | None:
        if self.rate <= 0 or not self.kinds:
            return None
        with self._lock:
            number = self._count
            self._count += 1
        rng = Rng(self.seed, _FAULTS, number)
        if rng.random() < self.rate:
            return rng.choice(self.kinds)
        return None


def cut(body: bytes) -> bytes:
    """The first half of a body (at least one byte short of the whole)."""
    return body[: max(1, len(body) // 2)] if len(body) > 1 else b""
