"""Raw JSON values (as the ActiveCampaign API returns them) -> column types, in bulk.

One Conversion per logical type, in CONVERSIONS, keyed by the registry of types
(engine/spec/types.py, which cannot name functions of this layer). Its converter takes one raw
value and the account time zone and returns the converted value, None (NULL) or FAIL: these are
the rules. For speed, a type may also have a bulk path that converts a whole column in Arrow when
its values have one plain form (ids as digit strings, timestamps in one ISO form) and gives the
same result; any other column goes value by value. Nothing here raises on bad data.
"""

from __future__ import annotations

import json
import math
import re
import reprlib
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone, tzinfo
from decimal import ROUND_HALF_EVEN, Context, Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

import msgspec
import pyarrow as pa
import pyarrow.compute as pc

from engine.spec import Column
from engine.spec.types import TYPES, arrow_type, logical_type


class _Fail:
    """The one marker for 'could not convert': NULL in the table, counted as a failure."""

    def __repr__(self) -> str:
        return "FAIL"


FAIL: Any = _Fail()

Converter = Callable[[Any, tzinfo], Any]

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
DECIMAL_SCALE = 9
DECIMAL_INTEGER_DIGITS = 29  # decimal128(38, 9): 38 digits, 9 of them after the point
EXAMPLE_CHARS = 80
CACHE_SIZE = 65536

MAX_TIME_CHARS = 64

_EPOCH_UTC = datetime(1970, 1, 1, tzinfo=timezone.utc)
_NO_OFFSET = timedelta(0)
_MICROSECOND = timedelta(microseconds=1)
_HOUR_END = timedelta(hours=1) - _MICROSECOND
_WALL_EPOCH = datetime(1970, 1, 1)  # wall-clock time zero, no zone
_DECIMAL_QUANTUM = Decimal(1).scaleb(-DECIMAL_SCALE)
_DECIMAL_CONTEXT = Context(prec=60, rounding=ROUND_HALF_EVEN)
_SURROGATES = re.compile("[\ud800-\udfff]")
ZERO_DATE = "0000-00-00"  # MySQL's "no date", which ActiveCampaign returns for unset dates
_BOOL_WORDS = {
    "1": True,
    "0": False,
    "true": True,
    "false": False,
    "yes": True,
    "no": False,
    "t": True,
    "f": False,
}
_BOOL_NUMBERS = {1: True, 0: False}  # 1.0 and 0.0 hash like 1 and 0


# ---------------------------------------------------------------- numbers


def to_integer(value: Any, tz: tzinfo) -> Any:
    kind = type(value)
    if kind is int:
        return value if INT64_MIN <= value <= INT64_MAX else FAIL
    if kind is str:
        if value.isdigit() and value.isascii() and len(value) <= 19:  # an id as a string
            return _int64(int(value))
        return _integer_from_text(value)
    if value is None:
        return None
    if kind is bool:
        return int(value)
    if kind is float or kind is Decimal:
        return _integral(value)
    return FAIL


def _integer_from_text(text: str) -> Any:
    if text == "":
        return None
    return _integral(_decimal_of(text.strip()))  # "5.0", "1e3", " -3 "; "" after strip fails


def _integral(number: float | Decimal | None) -> Any:
    """5.0, Decimal("1E+3") -> int; 5.5, NaN, inf, None, beyond int64 -> FAIL."""
    if number is None or not _within_int64(number) or number != int(number):
        return FAIL
    return int(number)


def _int64(number: int) -> Any:
    return number if INT64_MIN <= number <= INT64_MAX else FAIL


def _within_int64(number: float | Decimal) -> bool:
    """Checked before int(): int(Decimal("1e999999999")) would take minutes."""
    if isinstance(number, Decimal):
        return number.is_finite() and INT64_MIN <= number <= INT64_MAX
    return math.isfinite(number) and INT64_MIN <= number <= INT64_MAX


def _decimal_of(text: str) -> Decimal | None:
    if "_" in text:  # Decimal() and int() accept "1_000"; a warehouse would not
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def to_float(value: Any, tz: tzinfo) -> Any:
    kind = type(value)
    if kind is float:
        return value if math.isfinite(value) else FAIL
    if value is None or value == "":
        return None
    if kind is int or kind is bool or kind is Decimal:
        return _finite_float(value)
    if kind is str and "_" not in value:
        return _finite_float(value)
    return FAIL


def _finite_float(value: Any) -> Any:
    """NaN and infinities fail: warehouses disagree on them."""
    try:
        number = float(value)
    except (ValueError, OverflowError):
        return FAIL
    return number if math.isfinite(number) else FAIL


def to_decimal(value: Any, tz: tzinfo) -> Any:
    kind = type(value)
    if value is None or value == "":
        return None
    if kind is bool:
        value = int(value)
    elif kind is str:
        value = value.strip()
    elif kind is not int and kind is not float and kind is not Decimal:
        return FAIL
    number = _decimal_of(str(value))
    if number is None or not number.is_finite() or number.adjusted() >= DECIMAL_INTEGER_DIGITS:
        return FAIL
    scaled = number.quantize(_DECIMAL_QUANTUM, context=_DECIMAL_CONTEXT)
    return FAIL if scaled.adjusted() >= DECIMAL_INTEGER_DIGITS else scaled  # rounded up to 1e29


# ---------------------------------------------------------------- text


class Repaired(str):
    """A string whose lone surrogates were replaced by U+FFFD; counted, not failed."""


def clean_text(text: str) -> str:
    """Lone surrogates (JSON can carry "\\ud800") cannot be encoded; replace them with U+FFFD."""
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return Repaired(_SURROGATES.sub("\ufffd", text))
    return text


_ENCODE = msgspec.json.Encoder().encode
_EXPONENT = re.compile(rb"[0-9]e[-+]?[0-9]")


def compact_json(value: Any) -> Any:
    """A JSON value as compact text, exactly as `json.dumps` writes it. msgspec writes it 25
    times faster and the same, except an exponent (`1e16`, json: `1e+16`) and NaN or infinity
    (null, where json refuses): text with either goes through json."""
    try:
        raw = _ENCODE(value)
    except (TypeError, ValueError, OverflowError):  # lone surrogates, not a JSON value
        raw = None
    if raw is not None and b"null" not in raw and not _EXPONENT.search(raw):
        return clean_text(raw.decode())
    try:
        text = json.dumps(value, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError):  # NaN/inf, or not a JSON value at all
        return FAIL
    return clean_text(text)


def _int_text(number: int) -> Any:
    try:
        return str(number)
    except ValueError:  # beyond sys.get_int_max_str_digits()
        return FAIL


_TEXT_OF: dict[type, Callable[[Any], Any]] = {
    str: clean_text,
    int: _int_text,
    float: repr,  # the shortest form that reads back the same float
    bool: lambda flag: "true" if flag else "false",
    dict: compact_json,
    list: compact_json,
    Decimal: str,
}


def to_text(value: Any, tz: tzinfo) -> Any:
    if value is None:
        return None
    return _TEXT_OF.get(type(value), _fail)(value)


def to_json(value: Any, tz: tzinfo) -> Any:
    return None if value is None or value == "" else compact_json(value)


def _fail(value: Any) -> Any:
    return FAIL


# ---------------------------------------------------------------- boolean


def to_boolean(value: Any, tz: tzinfo) -> Any:
    kind = type(value)
    if kind is bool:
        return value
    if value is None or value == "":
        return None
    if kind is str:
        flag = _BOOL_WORDS.get(value)
        return flag if flag is not None else _BOOL_WORDS.get(value.strip().lower(), FAIL)
    if kind is int or kind is float:
        return _BOOL_NUMBERS.get(value, FAIL)
    return FAIL


# ---------------------------------------------------------------- time


def to_timestamp(value: Any, tz: tzinfo) -> Any:
    """An aware datetime in UTC (the instant; Arrow's timestamp[us, tz=UTC])."""
    if type(value) is str:
        return _timestamp_of_text(value, tz) if _short(value) else _blank_or_fail(value)
    return _of_epoch(value, _utc, tz)


def to_date(value: Any, tz: tzinfo) -> Any:
    """The calendar date in the account time zone."""
    if type(value) is str:
        return _date_of_text(value, tz) if _short(value) else _blank_or_fail(value)
    return _of_epoch(value, _local_date, tz)


def _short(text: str) -> bool:
    """Worth parsing (and caching): no date or time in any form is longer than this."""
    return 0 < len(text) <= MAX_TIME_CHARS


def _blank_or_fail(text: str) -> Any:
    return None if text == "" else FAIL


@lru_cache(maxsize=CACHE_SIZE)
def _timestamp_of_text(text: str, tz: tzinfo) -> Any:
    return _of_text(text, _utc, tz)


@lru_cache(maxsize=CACHE_SIZE)
def _date_of_text(text: str, tz: tzinfo) -> Any:
    return _of_text(text, _local_date, tz)


def _of_text(text: str, finish: Callable[[datetime, tzinfo], Any], tz: tzinfo) -> Any:
    text = text.strip()
    if text.startswith(ZERO_DATE):
        return None  # "no date", not bad data
    if text.isdigit() and 9 <= len(text) <= 10 and text.isascii():
        return _of_epoch(int(text), finish, tz)
    moment = parse_iso(text)
    return FAIL if moment is None else _finish(moment, finish, tz)


def _of_epoch(value: Any, finish: Callable[[datetime, tzinfo], Any], tz: tzinfo) -> Any:
    """Epoch seconds (int or float) are UTC."""
    if value is None:
        return None
    kind = type(value)
    if kind is not int and kind is not float:
        return FAIL  # bools, dicts, lists
    try:
        moment = _EPOCH_UTC + timedelta(seconds=value)
    except (OverflowError, ValueError):
        return FAIL
    return _finish(moment, finish, tz)


def _finish(moment: datetime, finish: Callable[[datetime, tzinfo], Any], tz: tzinfo) -> Any:
    try:
        return finish(moment, tz)
    except (OverflowError, ValueError):  # moved past year 1 or 9999 by the offset
        return FAIL


def _utc(moment: datetime, tz: tzinfo) -> datetime:
    """Zone-less wall-clock times are in the account zone; fold=0 takes the first of two.
    Computed on the wall clock (not astimezone), so that the year-1/9999 limits fail alike."""
    zone = tz if moment.tzinfo is None else moment.tzinfo
    wall = moment.replace(tzinfo=None) - (zone.utcoffset(moment) or _NO_OFFSET)
    return wall.replace(tzinfo=timezone.utc)


def _local_date(moment: datetime, tz: tzinfo) -> date:
    if moment.tzinfo is not None:
        moment = moment.astimezone(tz)
    return moment.date()


_OFFSET_TAIL = re.compile(r"(?:Z|([+-]\d\d):?(\d\d))$")
_FRACTION = re.compile(r"\.(\d+)")


def parse_iso(text: str) -> datetime | None:
    """ISO 8601 with or without offset, "T" or " " between date and time; None if not one.
    Python 3.11's fromisoformat takes all the forms ActiveCampaign sends; the normalised
    retry gives 3.10 "Z", "+0530" and fractions of other than 3 or 6 digits."""
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    text = _OFFSET_TAIL.sub(lambda m: f"{m[1]}:{m[2]}" if m[1] else "+00:00", text)
    text = _FRACTION.sub(lambda m: "." + m[1][:6].ljust(6, "0"), text, count=1)
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


# ---------------------------------------------------------------- bulk fast paths
# A bulk path converts a whole column in Arrow when every value has the plain form it checks for
# (ids as digit strings, timestamps all with or all without an offset, ...) and returns None
# otherwise, so the column goes value by value. Where Arrow's parsers accept more than the
# converters (hex "0x1F", year 0) the bulk path checks for it; tests compare both paths.

Bulk = Callable[[list[Any], tzinfo], "pa.Array | None"]

_NONE = type(None)
_MIXED_INTEGERS: set[type] = {int, str, _NONE}
_NULL_TEXT = pa.scalar(None, pa.string())
_EMPTY = pa.array([""])
_ZERO_DATES = pa.array(["", ZERO_DATE, ZERO_DATE + " 00:00:00", ZERO_DATE + "T00:00:00"])
_INTEGER_CHARS = b"0123456789-"
_TS = pa.timestamp("us")  # wall-clock time as parsed, before it is placed in a zone
_TS_UTC = arrow_type("timestamp")  # what every timestamp column is: pa.timestamp("us", "UTC")
_TS_RANGE = (-62135596800_000000, 253402300799_999999)  # 0001-01-01 .. 9999-12-31T23:59:59.999999
_DATE_RANGE = (-719162, 2932896)  # 0001-01-01 .. 9999-12-31 in days since 1970-01-01


def _types(values: list[Any]) -> set[type]:
    return set(map(type, values))


def _bulk_text(values: list[Any], tz: tzinfo) -> pa.Array | None:
    return _strings(values)


def _bulk_boolean(values: list[Any], tz: tzinfo) -> pa.Array | None:
    return pa.array(values, type=pa.bool_()) if _types(values) <= {bool, _NONE} else None


def _bulk_integer(values: list[Any], tz: tzinfo) -> pa.Array | None:
    types = _types(values)
    if types <= {int, _NONE}:
        return _built(values, pa.int64())
    if int in types and types <= _MIXED_INTEGERS:  # ids as numbers and as text on one page (the
        values = [str(v) if type(v) is int else v for v in values]  # live API's habit)
    strings = _strings(values, _EMPTY)
    if strings is None or _data(strings).translate(None, _INTEGER_CHARS):
        return None  # not only digits and "-": "+7", " 5 ", "5.0" and "0x1F" go value by value
    return _cast(strings, pa.int64())


def _bulk_float(values: list[Any], tz: tzinfo) -> pa.Array | None:
    if not _types(values) <= {float, int, _NONE}:
        return None
    array = _built(values, pa.float64())  # None for ints beyond 2**53
    if array is None or not pc.all(pc.is_finite(array), min_count=0).as_py():
        return None
    return array


def _bulk_date(values: list[Any], tz: tzinfo) -> pa.Array | None:
    strings = _strings(values, _ZERO_DATES)
    days = None if strings is None else _cast(strings, pa.date32())  # only "YYYY-MM-DD" casts
    return days if days is not None and _within(days, pa.int32(), _DATE_RANGE) else None


def _bulk_timestamp(values: list[Any], tz: tzinfo) -> pa.Array | None:
    strings = _strings(values, _ZERO_DATES)
    if strings is None:
        return None
    present = strings.drop_null()
    if len(present) == 0:
        return pa.nulls(len(strings), _TS_UTC)
    if _OFFSET_TAIL.search(present[0].as_py()):  # all with offsets, or a mix: that fails to cast
        return _checked_utc(_cast(strings, _TS_UTC))
    local = _cast(strings, _TS)
    if local is None or not _within(local, pa.int64(), _TS_RANGE):
        return None
    return _checked_utc(_local_to_utc(local, tz))


def _checked_utc(instants: pa.Array | None) -> pa.Array | None:
    return instants if instants is not None and _within(instants, pa.int64(), _TS_RANGE) else None


def _local_to_utc(local: pa.Array, tz: tzinfo) -> pa.Array | None:
    """Wall-clock times in tz -> UTC instants, taking Python's offset (fold=0, as _utc does) once
    per distinct hour; Arrow's assume_timezone is slower, and reads a time zone database of its
    own."""
    hours = pc.floor_temporal(local, unit="hour")
    distinct = pc.unique(hours)
    # each hour as an integer (microseconds since 1970): a datetime is made only for an hour
    # not seen before (as datetimes, the page's hours took most of a timestamp column's time)
    offsets = [_hour_offset(hour, tz) for hour in distinct.view(pa.int64()).to_pylist()]
    if FAIL in offsets:
        return None
    per_row = pc.take(pa.array(offsets, pa.int64()), pc.index_in(hours, distinct))
    return pc.subtract(local.cast(pa.int64()), per_row).cast(_TS_UTC)


@lru_cache(maxsize=CACHE_SIZE)
def _hour_offset(start: int | None, tz: tzinfo) -> Any:
    """tz's UTC offset in microseconds for wall-clock times in the hour starting `start`
    microseconds after 1970-01-01 00:00 (wall clock), or FAIL when it changes within the hour
    (a transition off the hour; DST gaps and repeats keep fold=0's offset)."""
    if start is None:
        return 0
    hour = _WALL_EPOCH + start * _MICROSECOND
    first = tz.utcoffset(hour) or _NO_OFFSET
    last = tz.utcoffset(hour + _HOUR_END) or _NO_OFFSET
    return first // _MICROSECOND if first == last else FAIL


def _strings(values: list[Any], blanks: pa.Array | None = None) -> pa.Array | None:
    """The values as an Arrow string array with `blanks` as NULL, if they are all str or None
    (JSON's values: Arrow refuses the others itself, quicker than a look at every value's type
    first; it would take bytes, which JSON never gives)."""
    try:
        strings = pa.array(values, type=pa.string())
    except (pa.ArrowTypeError, UnicodeEncodeError):  # a number, an object...; a lone surrogate
        return None  # (to_text repairs it): value by value
    if blanks is None:
        return strings
    blank = pc.is_in(strings, value_set=blanks)
    return pc.if_else(blank, _NULL_TEXT, strings) if pc.any(blank).as_py() else strings


def _data(strings: pa.Array) -> bytes:
    """All the characters of a string array, back to back."""
    data = strings.buffers()[2]
    return b"" if data is None else data.to_pybytes()


def _built(values: list[Any], kind: pa.DataType) -> pa.Array | None:
    try:
        return pa.array(values, type=kind)
    except (OverflowError, pa.ArrowInvalid):
        return None


def _cast(array: pa.Array, kind: pa.DataType) -> pa.Array | None:
    try:
        return array.cast(kind)
    except pa.ArrowInvalid:
        return None


def _within(array: pa.Array, integer: pa.DataType, bounds: tuple[int, int]) -> bool:
    low, high = (s.as_py() for s in pc.min_max(array.view(integer)).values())
    return low is None or (bounds[0] <= low and high <= bounds[1])


def _no_bulk(values: list[Any], tz: tzinfo) -> None:
    return None


# ---------------------------------------------------------------- the table


@dataclass(frozen=True)
class Conversion:
    """How raw values become one logical type: value by value (the rules), and, where a type has
    one, a bulk path that gives the same result or None to leave the column to `value`."""

    value: Converter
    bulk: Bulk = _no_bulk


# One entry per type of the registry, no more: a type without one fails here, on import.
CONVERSIONS: dict[str, Conversion] = {
    "integer": Conversion(to_integer, _bulk_integer),
    "float": Conversion(to_float, _bulk_float),
    "decimal": Conversion(to_decimal),
    "text": Conversion(to_text, _bulk_text),
    "timestamp": Conversion(to_timestamp, _bulk_timestamp),
    "date": Conversion(to_date, _bulk_date),
    "boolean": Conversion(to_boolean, _bulk_boolean),
    "json": Conversion(to_json),
}
assert set(CONVERSIONS) == set(TYPES), "every logical type needs a Conversion"


def conversion(logical: str) -> Conversion:
    """A type's Conversion; an unknown type word fails with the registry's valid ones."""
    return CONVERSIONS[logical_type(logical).name]


@dataclass(frozen=True)
class _Slot:
    """How one column is converted: its key in the raw rows, converters and Arrow type."""

    key: str
    convert: Converter
    bulk: Bulk
    type: pa.DataType
    tz: tzinfo | None  # the column's own zone for zone-less values; None: the account's

    @classmethod
    def of(cls, column: Column) -> _Slot:
        conv = conversion(column.type)
        zone = timezone.utc if column.timezone == "utc" else None
        return cls(column.key, conv.value, conv.bulk, arrow_type(column.type), zone)


class Coercer:
    """Converts batches of raw rows to Arrow tables for a fixed list of columns.

    failures / examples / repaired accumulate over all batches, keyed by column key."""

    def __init__(self, columns: Sequence[Column], tz: tzinfo = timezone.utc) -> None:
        self.columns = tuple(columns)
        self.tz = tz
        self.schema = pa.schema([pa.field(c.name, arrow_type(c.type)) for c in self.columns])
        self._slots = [_Slot.of(c) for c in self.columns]
        self.failures: Counter[str] = Counter()
        self.repaired: Counter[str] = Counter()
        self.examples: dict[str, str] = {}

    def to_arrow(self, rows: Sequence[Mapping[str, Any]]) -> pa.Table:
        """One array per column, named and typed per the schema. Values that cannot be converted
        become NULL and are counted in `failures` (first one kept in `examples`); never raises."""
        return self.columns_to_arrow([[row.get(slot.key) for row in rows] for slot in self._slots])

    def columns_to_arrow(self, columns: Sequence[list[Any]]) -> pa.Table:
        """The same, from one list of raw values per column (in column order): what the runner
        builds, since lists of values take far less memory than a dict per row."""
        arrays = [self._array(slot, raw) for slot, raw in zip(self._slots, columns, strict=True)]
        return pa.Table.from_arrays(arrays, schema=self.schema)

    def _array(self, slot: _Slot, raw: list[Any]) -> pa.Array:
        tz = slot.tz or self.tz
        try:
            fast = slot.bulk(raw, tz)
        except (pa.ArrowException, ValueError, OverflowError):  # whatever Arrow did not foresee
            fast = None
        if fast is not None:
            return fast
        values = [slot.convert(v, tz) for v in raw]
        if FAIL in values:
            values = self._count_failures(slot.key, values, raw)
        if slot.type == pa.string():
            self._count_repairs(slot.key, values)
        return pa.array(values, type=slot.type)

    def _count_failures(self, key: str, values: list[Any], raw: list[Any]) -> list[Any]:
        bad = [i for i, v in enumerate(values) if v is FAIL]
        self.failures[key] += len(bad)
        if key not in self.examples:
            self.examples[key] = example(raw[bad[0]])
        return [None if v is FAIL else v for v in values]

    def _count_repairs(self, key: str, values: list[Any]) -> None:
        repairs = sum(type(v) is Repaired for v in values)
        if repairs:
            self.repaired[key] += repairs


_REPR = reprlib.Repr()
_REPR.maxstring = _REPR.maxother = EXAMPLE_CHARS


def example(value: Any) -> str:
    """A raw value for a message: its repr, at most EXAMPLE_CHARS characters."""
    text = _REPR.repr(value)
    return text if len(text) <= EXAMPLE_CHARS else text[: EXAMPLE_CHARS - 3] + "..."
