"""Raw JSON values (as the ActiveCampaign API returns them) -> column types, in bulk.

One converter per logical type, chosen from CONVERTERS by the spec's type word. A converter takes
one raw value and the account time zone and returns the converted value, None (NULL) or FAIL.
`Coercer.to_arrow` runs a column's converter over the column in one comprehension, turns FAIL into
NULL (counting it) and builds the Arrow array; nothing here raises on bad data.
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

import pyarrow as pa
import pyarrow.compute as pc

from engine.coltypes import arrow_type
from engine.spec import Column


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
        if value.isdigit() and value.isascii():  # the common case: an id as a string
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
    """5.0, Decimal("1E+3") -> int; 5.5, NaN, inf, None -> FAIL."""
    if number is None or not _finite(number) or number != int(number):
        return FAIL
    return _int64(int(number))


def _int64(number: int) -> Any:
    return number if INT64_MIN <= number <= INT64_MAX else FAIL


def _finite(number: float | Decimal) -> bool:
    return number.is_finite() if isinstance(number, Decimal) else math.isfinite(number)


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


def compact_json(value: Any) -> Any:
    try:
        text = json.dumps(value, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError):  # NaN/inf, or not a JSON value at all
        return FAIL
    return clean_text(text)


_TEXT_OF: dict[type, Callable[[Any], Any]] = {
    str: clean_text,
    int: str,
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
    return None if value is None else compact_json(value)


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
    """A naive datetime holding UTC."""
    if type(value) is str:
        return _timestamp_of_text(value, tz) if _short(value) else _blank_or_fail(value)
    return _of_epoch(value, _naive_utc, tz)


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
    return _of_text(text, _naive_utc, tz)


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


def _naive_utc(moment: datetime, tz: tzinfo) -> datetime:
    """Zone-less wall-clock times are in the account zone; fold=0 takes the first of two."""
    zone = tz if moment.tzinfo is None else moment.tzinfo
    return moment.replace(tzinfo=None) - (zone.utcoffset(moment) or _NO_OFFSET)


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
# (all ids as digit strings, all timestamps in one ISO form, ...) and returns None otherwise, so
# the column goes value by value. Patterns are strict so Arrow never accepts what the converters
# reject (Arrow reads "0x1F" as 31 and "24:00:00" as midnight); tests compare both paths.

Bulk = Callable[[list[Any], tzinfo], "pa.Array | None"]

_NONE = type(None)
_INTEGER_TEXT = r"^-?[0-9]{1,18}$"  # 19 digits may not fit int64: leave those to to_integer
_DATE_TEXT = r"^(?:000[1-9]|00[1-9]\d|0[1-9]\d\d|[1-9]\d{3})-\d\d-\d\d"
_TIME_TEXT = r"[T ](?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,6})?"
_OFFSET_TEXT = r"(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?"
_TIMESTAMP_TEXT = _DATE_TEXT + _TIME_TEXT + _OFFSET_TEXT + "$"
_TS = pa.timestamp("us")
_TS_UTC = pa.timestamp("us", tz="UTC")
_TS_RANGE = (-62135596800_000000, 253402300799_999999)  # 0001-01-01 .. 9999-12-31T23:59:59.999999


def _types(values: list[Any]) -> set[type]:
    return set(map(type, values))


def _bulk_text(values: list[Any], tz: tzinfo) -> pa.Array | None:
    if not _types(values) <= {str, _NONE}:
        return None
    try:
        return pa.array(values, type=pa.string())
    except UnicodeEncodeError:  # a lone surrogate: to_text repairs it
        return None


def _bulk_integer(values: list[Any], tz: tzinfo) -> pa.Array | None:
    types = _types(values)
    if types <= {int, _NONE}:
        try:
            return pa.array(values, type=pa.int64())
        except (OverflowError, pa.ArrowInvalid):
            return None
    strings = _plain_strings(values, types, _INTEGER_TEXT)
    return None if strings is None else strings.cast(pa.int64())


def _bulk_float(values: list[Any], tz: tzinfo) -> pa.Array | None:
    if not _types(values) <= {float, int, _NONE}:
        return None
    try:
        array = pa.array(values, type=pa.float64())
    except (OverflowError, pa.ArrowInvalid):  # ints beyond 2**53 or int64
        return None
    return array if pc.all(pc.is_finite(array), min_count=0).as_py() else None


def _bulk_boolean(values: list[Any], tz: tzinfo) -> pa.Array | None:
    return pa.array(values, type=pa.bool_()) if _types(values) <= {bool, _NONE} else None


def _bulk_date(values: list[Any], tz: tzinfo) -> pa.Array | None:
    strings = _plain_strings(values, _types(values), _DATE_TEXT + "$", zero=ZERO_DATE)
    try:
        return None if strings is None else strings.cast(pa.date32())
    except pa.ArrowInvalid:  # "2019-02-30"
        return None


def _bulk_timestamp(values: list[Any], tz: tzinfo) -> pa.Array | None:
    strings = _plain_strings(values, _types(values), _TIMESTAMP_TEXT, zero=ZERO_DATE)
    if strings is None:
        return None
    instants = _utc_instants(strings, tz)
    if instants is None:
        return None
    low, high = pc.min_max(instants.view(pa.int64())).values()
    in_range = low.as_py() is None or (_TS_RANGE[0] <= low.as_py() and high.as_py() <= _TS_RANGE[1])
    return instants if in_range else None


def _utc_instants(strings: pa.Array, tz: tzinfo) -> pa.Array | None:
    """All with offsets, or all wall-clock times in tz; a mix goes value by value."""
    try:
        return strings.cast(_TS_UTC).cast(_TS)
    except pa.ArrowInvalid:
        pass
    zone = "UTC" if tz is timezone.utc else getattr(tz, "key", None)
    if zone is None:
        return None
    try:  # earliest = fold=0; times in a spring-forward gap raise and go value by value
        local = strings.cast(_TS)
        return pc.assume_timezone(local, zone, ambiguous="earliest", nonexistent="raise").cast(_TS)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None


def _plain_strings(
    values: list[Any], types: set[type], pattern: str, zero: str | None = None
) -> pa.Array | None:
    """The values as Arrow strings, "" (and those starting with `zero`) as NULL, if every other
    one matches pattern; else None."""
    if not types <= {str, _NONE}:
        return None
    try:
        strings = pa.array(values, type=pa.string())
    except UnicodeEncodeError:
        return None
    blank = pc.equal(strings, "")
    if zero is not None:
        blank = pc.or_(blank, pc.starts_with(strings, zero))
    strings = pc.if_else(blank, pa.scalar(None, pa.string()), strings)
    ok = pc.all(pc.match_substring_regex(strings, pattern), min_count=0).as_py()
    return strings if ok else None


BULK: dict[str, Bulk] = {
    "integer": _bulk_integer,
    "float": _bulk_float,
    "text": _bulk_text,
    "boolean": _bulk_boolean,
    "timestamp": _bulk_timestamp,
    "date": _bulk_date,
}


def _no_bulk(values: list[Any], tz: tzinfo) -> None:
    return None


# ---------------------------------------------------------------- the table


CONVERTERS: dict[str, Converter] = {
    "integer": to_integer,
    "float": to_float,
    "decimal": to_decimal,
    "text": to_text,
    "json": to_json,
    "boolean": to_boolean,
    "timestamp": to_timestamp,
    "date": to_date,
}


def converter(logical: str) -> Converter:
    try:
        return CONVERTERS[logical]
    except KeyError:
        raise ValueError(f"unknown column type {logical!r}; valid: {', '.join(CONVERTERS)}") from None


@dataclass(frozen=True)
class _Slot:
    """How one column is converted: its key in the raw rows, converters and Arrow type."""

    key: str
    convert: Converter
    bulk: Bulk
    type: pa.DataType


class Coercer:
    """Converts batches of raw rows to Arrow tables for a fixed list of columns.

    failures / examples / repaired accumulate over all batches, keyed by column key."""

    def __init__(self, columns: Sequence[Column], tz: tzinfo = timezone.utc) -> None:
        self.columns = tuple(columns)
        self.tz = tz
        self.schema = pa.schema([pa.field(c.name, arrow_type(c.type)) for c in self.columns])
        self._slots = [
            _Slot(c.key, converter(c.type), BULK.get(c.type, _no_bulk), arrow_type(c.type))
            for c in self.columns
        ]
        self.failures: Counter[str] = Counter()
        self.repaired: Counter[str] = Counter()
        self.examples: dict[str, str] = {}

    def to_arrow(self, rows: Sequence[Mapping[str, Any]]) -> pa.Table:
        """One array per column, named and typed per the schema. Values that cannot be converted
        become NULL and are counted in `failures` (first one kept in `examples`); never raises."""
        arrays = [self._array(slot, [row.get(slot.key) for row in rows]) for slot in self._slots]
        return pa.Table.from_arrays(arrays, schema=self.schema)

    def _array(self, slot: _Slot, raw: list[Any]) -> pa.Array:
        tz = self.tz
        fast = slot.bulk(raw, tz)
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
