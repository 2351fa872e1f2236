"""What a response says beyond its body: a failure worth another try, a Retry-After, a
compressed body inflated a bounded piece at a time."""

from __future__ import annotations

import math
import re
import zlib
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime

from engine.errors import ApiError

CHUNK = 64 * 1024  # raw bytes read at a time: a gzip bomb inflates at most ~1000x this per step


class Retryable(Exception):
    """A failure worth another try; `wait` is the server's Retry-After, if it gave one."""

    def __init__(
        self,
        reason: str,
        wait: float | None = None,
        status: int | None = None,
        unreachable: bool = False,
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.wait = wait
        self.status = status
        self.unreachable = unreachable  # no connection at all: nothing answered


class Inflater:
    """gzip or deflate, inflated at most `room` bytes at a time: a bomb stops at the cap."""

    def __init__(self) -> None:
        self.zlib = zlib.decompressobj(32 + zlib.MAX_WBITS)  # a gzip or a zlib header

    @classmethod
    def of(cls, encoding: str | None, where: object) -> Inflater | None:
        word = (encoding or "identity").strip().lower()
        if word in ("", "identity"):
            return None
        if word in ("gzip", "x-gzip", "deflate"):
            return cls()
        raise ApiError(
            f"{where}: a body in Content-Encoding {word[:40]!r}, which acx did not ask for"
        )

    def feed(self, data: bytes, room: int) -> bytes:
        out = bytearray()
        try:
            while data and not self.zlib.eof and len(out) < room:
                out += self.zlib.decompress(data, room - len(out))
                data = self.zlib.unconsumed_tail
        except zlib.error:
            raise Retryable("a compressed body that does not decompress") from None
        return bytes(out)


def retry_after(value: str | None, date: str | None = None) -> float | None:
    """Seconds to wait from a Retry-After value: delay-seconds or an HTTP date (RFC 9110 10.2.3),
    counted from the response's own Date when it has one (the server's clock, not ours). None
    when absent or unreadable (then acx backs off as for any failure)."""
    text = (value or "").strip()
    if not text:
        return None
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return float(text) if len(text) < 300 else math.inf
    then, now = _http_date(text), _http_date(date or "") or datetime.now(timezone.utc)
    return None if then is None else max(0.0, (then - now).total_seconds())


def _http_date(text: str) -> datetime | None:
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
