"""Zone-less timestamps against their offset twins (`same_instant_as`): the API often writes one
moment twice, once zone-less in the account's zone and once with an offset. Comparing the two on
every row checks the zone acx read the zone-less one in; in the hour a daylight-saving change
repeats, the twin tells which of the two instants the wall-clock time meant. A zone-less value in
that hour without a twin is read as the earlier instant, and counted: it is a guess."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone, tzinfo
from functools import lru_cache

import pyarrow as pa
import pyarrow.compute as pc

from engine.spec import Stream

SAME_MOMENT_US = 60 * 1_000_000  # written a few seconds apart still counts as the same moment
_OFFSET = re.compile(r"(?:Z|[+-]\d\d:?\d\d)\s*$")


@dataclass
class TwinTally:
    agreed: int = 0
    disagreed: int = 0
    repeated: int = 0  # wall-clock times of a repeated hour, read as their twin's instant
    example: str | None = None
    guessed: Counter[str] = field(default_factory=Counter)  # column -> repeated-hour guesses


def count_guesses(
    stream: Stream, table: pa.Table, raw: list[list[object]], zone: tzinfo, tally: TwinTally
) -> None:
    """Zone-less values (of columns without a twin) whose wall-clock time a daylight-saving
    change repeats: read as the earlier instant, counted per column."""
    passes = first_passes(zone)
    if not passes:
        return
    for index, col in enumerate(stream.columns):
        if col.type != "timestamp" or col.same_instant_as or col.timezone == "utc":
            continue
        values = table[col.name]
        low, high = (s.as_py() for s in pc.min_max(values).values())
        if low is None:
            continue
        hit = None
        for start, end in passes[max(0, bisect_left(passes, (low,)) - 1) :]:
            if start > high:
                break
            inside = pc.and_(pc.greater_equal(values, start), pc.less(values, end))
            hit = inside if hit is None else pc.or_(hit, inside)
        if hit is None:
            continue
        rows = pc.indices_nonzero(pc.fill_null(hit, False)).to_pylist()
        cells = raw[index]
        guesses = sum(1 for i in rows if isinstance(cells[i], str) and not _OFFSET.search(cells[i]))
        if guesses:
            tally.guessed[col.name] += guesses


@lru_cache(maxsize=64)
def first_passes(zone: tzinfo) -> list[tuple[datetime, datetime]]:
    """The UTC spans [start, end) of the first pass through every wall-clock interval that a
    change to an earlier offset repeats (the hour before clocks go back), 1970-2050: where a
    zone-less value read as the earlier instant may have meant the later one."""
    out = []
    day = timedelta(days=1)
    moment = datetime(1970, 1, 1, tzinfo=timezone.utc)
    end = datetime(2051, 1, 1, tzinfo=timezone.utc)
    before = moment.astimezone(zone).utcoffset()
    while moment < end:
        after = (moment + day).astimezone(zone).utcoffset()
        if before is not None and after is not None and after < before:
            change = _change_within(moment, moment + day, zone)
            out.append((change - (before - after), change))
        before, moment = after, moment + day
    return out


def _change_within(start: datetime, end: datetime, zone: tzinfo) -> datetime:
    """The first instant (to the second) of the offset in force at `end`."""
    target = end.astimezone(zone).utcoffset()
    while end - start > timedelta(seconds=1):
        middle = start + (end - start) / 2
        if middle.astimezone(zone).utcoffset() == target:
            end = middle
        else:
            start = middle
    return end.replace(microsecond=0)


def check_twins(stream: Stream, table: pa.Table, zone: tzinfo, tally: TwinTally) -> pa.Table:
    """Count agreements per pair of columns; fix readings of repeated hours. Returns the table
    (with fixed values where a repeated hour was read the wrong way)."""
    for col in stream.columns:
        if col.same_instant_as is None:
            continue
        twin = stream.column(col.same_instant_as)
        both, agree = _compare(table, col.name, twin.name)
        pairs = pc.sum(both.cast(pa.int64())).as_py() or 0
        agreed = pc.sum(agree.cast(pa.int64())).as_py() or 0
        if agreed < pairs:
            rows = _disagreeing(both, agree)
            table, fixed = _repeated_hours(table, col.name, twin.name, rows, zone)
            if fixed:
                tally.repeated += fixed
                agreed += fixed
                rows = _disagreeing(*_compare(table, col.name, twin.name))
            if rows and tally.example is None:
                tally.example = _example(table, col.name, twin.name, rows[0], zone)
        tally.agreed += agreed
        tally.disagreed += pairs - agreed
    return table


def _compare(table: pa.Table, name: str, twin: str) -> tuple[pa.ChunkedArray, pa.ChunkedArray]:
    """Rows where both are present, and rows where they name the same moment."""
    local, exact = table[name], table[twin]
    both = pc.and_(pc.is_valid(local), pc.is_valid(exact))
    gap = pc.abs(pc.subtract(local.cast(pa.int64()), exact.cast(pa.int64())))
    return both, pc.fill_null(pc.and_(both, pc.less_equal(gap, SAME_MOMENT_US)), False)


def _disagreeing(both: pa.ChunkedArray, agree: pa.ChunkedArray) -> list[int]:
    """Rows where both are present and name different moments."""
    return pc.indices_nonzero(pc.fill_null(pc.and_(both, pc.invert(agree)), False)).to_pylist()


def _repeated_hours(
    table: pa.Table, name: str, twin: str, rows: list[int], zone: tzinfo
) -> tuple[pa.Table, int]:
    """Where a zone-less value lies in a repeated hour and its other reading is its twin's
    instant, take that reading."""
    values = table[name].to_pylist()
    twins = table[twin].to_pylist()
    fixed = 0
    for i in rows:
        other = _other_reading(values[i], zone)
        if other is not None and abs(other - twins[i]) <= timedelta(microseconds=SAME_MOMENT_US):
            values[i] = other
            fixed += 1
    if not fixed:
        return table, 0
    index = table.schema.get_field_index(name)
    column = pa.array(values, type=table.schema.field(index).type)
    return table.set_column(index, table.schema.field(index), column), fixed


def _other_reading(value: datetime, zone: tzinfo) -> datetime | None:
    """The second instant a wall-clock time names in a repeated hour, or None."""
    utc = value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    wall = utc.astimezone(zone).replace(tzinfo=None)
    first = wall.replace(tzinfo=zone, fold=0).astimezone(timezone.utc)
    second = wall.replace(tzinfo=zone, fold=1).astimezone(timezone.utc)
    if first == second:
        return None
    other = second if utc == first else first
    return other if value.tzinfo else other.replace(tzinfo=None)


def _example(table: pa.Table, name: str, twin: str, i: int, zone: tzinfo) -> str:
    """The zone-less value as the API wrote it, and its twin in the same zone."""
    local, exact = table[name][i].as_py(), table[twin][i].as_py()
    shown = _as_utc(local).astimezone(zone).replace(tzinfo=None)
    other = _as_utc(exact).astimezone(zone)
    return f"{name} {shown:%Y-%m-%d %H:%M:%S} vs {twin} {other:%Y-%m-%d %H:%M:%S%z}"


def _as_utc(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
