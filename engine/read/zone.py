"""The account's time zone: the zone an API writes its zone-less timestamps in, found from the data.

Many APIs write the same kind of instant two ways: with an offset (`2026-03-01T08:00:00-05:00`)
and zone-less in the account's zone (`2026-03-01 08:00:00`). The offsets seen in a run's first
pages identify the zone: every IANA zone is scored by how many observed (instant, offset) pairs it
reproduces, and the best wins (offsets change with daylight saving time, so a few months of data
tell New York from Bogota). Zones that fit equally well are told apart by a hint (the calling
user's display zone, when the spec names where to read it), else by a short list of preferred
zones, else by name. Nothing here makes requests.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

# a value that carries its own offset: 2026-03-01T08:00:00-05:00, ...+0530, ...Z
_WITH_OFFSET = re.compile(
    r"^\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)$", re.ASCII
)
_AREAS = (
    "Africa/",
    "America/",
    "Antarctica/",
    "Asia/",
    "Atlantic/",
    "Australia/",
    "Europe/",
    "Indian/",
    "Pacific/",
)
# Where several zones fit the data equally well (they share their rules over the data's span),
# the zone most accounts in that region would name (CLDR's "golden" zones of common metazones).
PREFERRED = (
    "UTC",
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Phoenix",
    "America/Los_Angeles",
    "America/Anchorage",
    "Pacific/Honolulu",
    "America/Halifax",
    "America/St_Johns",
    "America/Mexico_City",
    "America/Bogota",
    "America/Lima",
    "America/Santiago",
    "America/Sao_Paulo",
    "America/Argentina/Buenos_Aires",
    "Europe/London",
    "Europe/Dublin",
    "Europe/Lisbon",
    "Europe/Paris",
    "Europe/Berlin",
    "Europe/Athens",
    "Europe/Helsinki",
    "Europe/Istanbul",
    "Europe/Moscow",
    "Africa/Lagos",
    "Africa/Johannesburg",
    "Africa/Cairo",
    "Africa/Nairobi",
    "Asia/Dubai",
    "Asia/Karachi",
    "Asia/Kolkata",
    "Asia/Dhaka",
    "Asia/Bangkok",
    "Asia/Jakarta",
    "Asia/Shanghai",
    "Asia/Singapore",
    "Asia/Manila",
    "Asia/Tokyo",
    "Asia/Seoul",
    "Australia/Perth",
    "Australia/Adelaide",
    "Australia/Brisbane",
    "Australia/Sydney",
    "Pacific/Auckland",
)
SAMPLE = 24  # the heaviest observations find_zone orders the candidate zones by
MAX_DISTINCT = 4000  # distinct (hour, offset) observations kept: plenty to tell zones apart
HANDFUL = 5  # disagreements tolerated before a warning (live data has a few odd records)


def parse_offset_value(value: object) -> tuple[datetime, timedelta] | None:
    """(UTC instant, offset) of a string that carries an offset; None for anything else."""
    if type(value) is not str or not 16 <= len(value) <= 40 or not _WITH_OFFSET.match(value):
        return None
    text = value[:-1] + "+00:00" if value.endswith("Z") else value
    if text[-3] != ":" and text[-5] in "+-":  # +0530 -> +05:30 (Python 3.10's fromisoformat)
        text = text[:-2] + ":" + text[-2:]
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    offset = moment.utcoffset()
    if offset is None:
        return None
    return moment.astimezone(timezone.utc), offset


@dataclass
class Evidence:
    """Offsets observed in the data: (UTC hour, offset) -> how many values, and per table."""

    observed: Counter[tuple[datetime, timedelta]] = field(default_factory=Counter)
    tables: Counter[str] = field(default_factory=Counter)

    def add(self, table: str, values: Iterable[object]) -> None:
        for value in values:
            parsed = parse_offset_value(value)
            if parsed is None:
                continue
            instant, offset = parsed
            hour = instant.replace(minute=0, second=0, microsecond=0)
            key = (hour, offset)
            if key in self.observed or len(self.observed) < MAX_DISTINCT:
                self.observed[key] += 1
            self.tables[table] += 1

    @property
    def count(self) -> int:
        return sum(self.observed.values())

    def offsets(self) -> list[str]:
        """The distinct offsets seen, as text (-05:00, -04:00)."""
        return sorted({format_offset(off) for _, off in self.observed})

    def fits(self, zone: ZoneInfo) -> int:
        """How many observed values this zone reproduces."""
        return sum(n for (hour, off), n in self.observed.items() if _offset_at(zone, hour) == off)

    def first_misfit(self, zone: ZoneInfo) -> tuple[datetime, timedelta] | None:
        for hour, off in sorted(self.observed):
            if _offset_at(zone, hour) != off:
                return hour, off
        return None


def _offset_at(zone: ZoneInfo, instant_utc: datetime) -> timedelta | None:
    return instant_utc.astimezone(zone).utcoffset()


@cache
def candidate_zones() -> tuple[ZoneInfo, ...]:
    """Canonical IANA zones (Area/City) and UTC; legacy aliases (US/Eastern, EST5EDT) left out."""
    names = sorted(n for n in available_timezones() if n.startswith(_AREAS))
    return (ZoneInfo("UTC"), *(ZoneInfo(n) for n in names))


@dataclass(frozen=True)
class Finding:
    """The zones that reproduce the most observed offsets."""

    best: tuple[ZoneInfo, ...]  # ranked: the first is the answer
    fits: int  # values the best zones reproduce
    seen: int  # values observed

    @property
    def zone(self) -> ZoneInfo:
        return self.best[0]


def find_zone(evidence: Evidence, hint: str | None = None) -> Finding | None:
    """The zone that reproduces the most observed offsets (ties: the hint, then PREFERRED, then
    by name); None when nothing was observed."""
    if not evidence.observed:
        return None
    ranked = sorted(evidence.observed.items(), key=lambda item: -item[1])
    total = evidence.count
    best_fit, best = -1, []
    for zone in _likeliest_first(ranked[:SAMPLE]):
        fit, missed = 0, 0
        for (hour, off), n in ranked:
            if _offset_at(zone, hour) == off:
                fit += n
            else:
                missed += n
                if total - missed < best_fit:  # cannot reach the best any more
                    break
        if fit > best_fit:
            best_fit, best = fit, [zone]
        elif fit == best_fit:
            best.append(zone)
    return Finding(tuple(rank(best, hint)), best_fit, total)


def _likeliest_first(sample: list[tuple[tuple[datetime, timedelta], int]]) -> list[ZoneInfo]:
    """The candidate zones, those that reproduce most of the heaviest observations first: the
    first zone tried then sets a high bar, and most others miss it within a few values (tried in
    name order, every zone before the right one ran through all the observations)."""

    def fit(zone: ZoneInfo) -> int:
        return sum(n for (hour, off), n in sample if _offset_at(zone, hour) == off)

    return sorted(candidate_zones(), key=fit, reverse=True)  # stable: ties keep name order


def rank(zones: list[ZoneInfo], hint: str | None) -> list[ZoneInfo]:
    order = {name: i for i, name in enumerate(PREFERRED)}

    def key(zone: ZoneInfo) -> tuple[int, int, str]:
        name = zone.key
        return (0 if name == hint else 1, order.get(name, len(order)), name)

    return sorted(zones, key=key)


def format_offset(offset: timedelta) -> str:
    minutes = int(offset.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    hours, mins = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{mins:02d}"
