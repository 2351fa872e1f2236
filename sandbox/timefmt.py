"""The timestamp styles of the API, in the account's time zone.

(a) ISO-8601 with the account's UTC offset (``2019-04-29T07:51:31-05:00``),
(b) naive ``YYYY-MM-DD HH:MM:SS`` in account-local time: also the ``*_utc_timestamp`` fields,
    which live accounts fill with local wall time despite their name (real-responses.md),
(c) naive UTC (``utc``; no served field uses it any more), plus the zero dates.
Formatting is on the hot path (a page of contacts has ~2,500 stamps). The offset is the one
at the start of the stamp's 15-minute (UTC) bucket; each bucket caches its local
"YYYY-MM-DDTHH:" head and offset, so a stamp is the head plus one of 900 shared "MM:SS" tails.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

ZERO_DATETIME = "0000-00-00 00:00:00"
ZERO_DATE = "0000-00-00"

_BUCKET = 900
_EPOCH = date(1970, 1, 1)
_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


# "MM:SS" for each second of a 15-minute bucket starting at minute 0, 15, 30 or 45 of an hour
_SLOW: tuple[str, str, tuple[str, ...], tuple[str, ...], str] = (
    "",
    "",
    (),
    (),
    "",
)  # a bucket whose offset is not a whole number of quarter hours
_TAILS = tuple(
    tuple(f"{quarter * 15 + r // 60:02d}:{r % 60:02d}" for r in range(_BUCKET))
    for quarter in range(4)
)


class TimeFormat:
    """Formats epoch seconds in the account time zone, and parses filter values."""

    def __init__(self, tz_name: str) -> None:
        self.tz = ZoneInfo(tz_name)
        self._offsets: dict[int, tuple[int, str]] = {}
        self._suffixes: dict[int, str] = {}  # "+HH:MM" of each offset
        self._days: dict[int, str] = {}
        self._clocks: dict[int, str] = {}
        # per 15-minute bucket: (iso head "YYYY-MM-DDTHH:", local head "YYYY-MM-DD HH:",
        # "MM:SS" strings, "MM:SS<offset>" strings, local date), or _SLOW if the offset is not
        # a whole number of quarter hours (the bucket then takes the general path)
        self._local: dict[int, tuple[str, str, tuple[str, ...], tuple[str, ...], str]] = {}
        self._iso_tails: dict[tuple[int, str], tuple[str, ...]] = {}
        self._utc: dict[int, tuple[str, tuple[str, ...]]] = {}

    def _offset(self, ts: int) -> tuple[int, str]:
        bucket = ts // _BUCKET
        delta = datetime.fromtimestamp(bucket * _BUCKET, self.tz).utcoffset()
        off = int(delta.total_seconds()) if delta else 0
        suffix = self._suffixes.get(off)
        if suffix is None:
            hours, minutes = divmod(abs(off) // 60, 60)
            suffix = self._suffixes[off] = f"{'-' if off < 0 else '+'}{hours:02d}:{minutes:02d}"
        cached = self._offsets[bucket] = (off, suffix)
        return cached

    def _date(self, day: int) -> str:
        text = self._days[day] = (_EPOCH + timedelta(days=day)).isoformat()
        return text

    def _clock(self, secs: int) -> str:
        hours, rest = divmod(secs, 3600)
        text = self._clocks[secs] = f"{hours:02d}:{rest // 60:02d}:{rest % 60:02d}"
        return text

    def _naive(self, ts: int) -> str:
        day, secs = divmod(ts, 86400)
        date_text = self._days.get(day) or self._date(day)
        return f"{date_text} {self._clocks.get(secs) or self._clock(secs)}"

    def _local_bucket(self, bucket: int) -> tuple[str, str, tuple[str, ...], tuple[str, ...], str]:
        off, suffix = self._offsets.get(bucket) or self._offset(bucket * _BUCKET)
        entry: tuple[str, str, tuple[str, ...], tuple[str, ...], str] = _SLOW
        if off % _BUCKET == 0:  # the local bucket is a quarter of an hour of one local day
            day, secs = divmod(bucket * _BUCKET + off, 86400)
            date_text = self._days.get(day) or self._date(day)
            head = f"{secs // 3600:02d}:"
            quarter = secs % 3600 // _BUCKET
            iso_tails = self._iso_tails.get((quarter, suffix))
            if iso_tails is None:
                iso_tails = tuple(tail + suffix for tail in _TAILS[quarter])
                self._iso_tails[(quarter, suffix)] = iso_tails
            tails = _TAILS[quarter]
            entry = (f"{date_text}T{head}", f"{date_text} {head}", tails, iso_tails, date_text)
        self._local[bucket] = entry
        return entry

    def _utc_bucket(self, bucket: int) -> tuple[str, tuple[str, ...]]:
        day, secs = divmod(bucket * _BUCKET, 86400)
        date_text = self._days.get(day) or self._date(day)
        entry = self._utc[bucket] = (
            f"{date_text} {secs // 3600:02d}:",
            _TAILS[secs % 3600 // _BUCKET],
        )
        return entry

    def iso(self, ts: int) -> str:
        """Style (a): ISO-8601 with the account offset."""
        bucket = ts // _BUCKET
        entry = self._local.get(bucket) or self._local_bucket(bucket)
        if entry is not _SLOW:
            return entry[0] + entry[3][ts % _BUCKET]
        off, suffix = self._offsets.get(bucket) or self._offset(ts)
        day, secs = divmod(ts + off, 86400)
        date_text = self._days.get(day) or self._date(day)
        return f"{date_text}T{self._clocks.get(secs) or self._clock(secs)}{suffix}"

    def local(self, ts: int) -> str:
        """Style (b): naive account-local ``YYYY-MM-DD HH:MM:SS``."""
        bucket = ts // _BUCKET
        entry = self._local.get(bucket) or self._local_bucket(bucket)
        if entry is not _SLOW:
            return entry[1] + entry[2][ts % _BUCKET]
        return self._naive(ts + (self._offsets.get(bucket) or self._offset(ts))[0])

    def iso_local(self, ts: int) -> tuple[str, str]:
        """``(self.iso(ts), self.local(ts))`` with one bucket look-up (records write both)."""
        bucket = ts // _BUCKET
        entry = self._local.get(bucket) or self._local_bucket(bucket)
        if entry is not _SLOW:
            rest = ts % _BUCKET
            return entry[0] + entry[3][rest], entry[1] + entry[2][rest]
        return self.iso(ts), self.local(ts)

    def utc(self, ts: int) -> str:
        """Style (c): naive UTC ``YYYY-MM-DD HH:MM:SS``."""
        bucket = ts // _BUCKET
        entry = self._utc.get(bucket) or self._utc_bucket(bucket)
        return entry[0] + entry[1][ts % _BUCKET]

    def day(self, ts: int) -> str:
        """Account-local date ``YYYY-MM-DD``."""
        bucket = ts // _BUCKET
        entry = self._local.get(bucket) or self._local_bucket(bucket)
        if entry is not _SLOW:
            return entry[4]
        day = (ts + (self._offsets.get(bucket) or self._offset(ts))[0]) // 86400
        return self._days.get(day) or self._date(day)

    def stamp(self, style: str, ts: int) -> str:
        return {"iso": self.iso, "local": self.local, "utc": self.utc, "day": self.day}[style](ts)

    def parse(self, text: str, date_only: bool = False) -> int:
        """A filter value to epoch seconds; naive values are account-local.

        Accepts ``YYYY-MM-DD``, ``YYYY-MM-DD HH:MM:SS`` and ISO-8601 with or without an offset.
        ``date_only`` truncates to the local day (the deal filters have date granularity).
        Raises ValueError on anything else.
        """
        text = text.strip()
        if _DATE_ONLY.match(text) or date_only:
            text = text[:10]
            moment = datetime.fromisoformat(text).replace(tzinfo=self.tz)
        else:
            moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=self.tz)
        return int(moment.timestamp())


def parse_instant(text: str) -> int:
    """An ISO-8601 instant (``Z`` or offset required) to epoch seconds."""
    moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return int(moment.timestamp())


def iso_utc(ts: int) -> str:
    return datetime.fromtimestamp(ts, timezone.utc).isoformat().replace("+00:00", "Z")
