"""Coercion of raw API values: one table of (type, raw value, expected, failure?) run through
`Coercer.to_arrow` (bulk paths included) and through the per-value converter; the bulk paths
checked against the converters; schema, failure counts, examples and big values."""

from __future__ import annotations

import json
import math
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from zoneinfo import ZoneInfo

import pyarrow as pa
import pytest

from engine.errors import SpecError
from engine.read.coerce import CONVERSIONS, FAIL, Coercer, clean_text, compact_json, conversion
from engine.spec import LOGICAL_TYPES, Column
from engine.spec.types import arrow_type

NY = ZoneInfo("America/New_York")
NULL = None
FIELD_OPTIONS = [{"id": "1", "field": "7", "label": "Red", "value": "red", "isdefault": "0"}]


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=timezone.utc)


def col(key: str, logical: str, name: str | None = None) -> Column:
    return Column(key=key, name=name or key.lower(), type=logical, description="", field=f'"{key}"')


# (logical type, raw value, expected value, counts as a failure?)
CASES = [
    # integer: ActiveCampaign sends most numbers as strings
    ("integer", 5, 5, False),
    ("integer", "5", 5, False),
    ("integer", " 5 ", 5, False),
    ("integer", "-3", -3, False),
    ("integer", "+7", 7, False),
    ("integer", "007", 7, False),
    ("integer", "0", 0, False),
    ("integer", "5.0", 5, False),
    ("integer", 5.0, 5, False),
    ("integer", True, 1, False),
    ("integer", False, 0, False),
    ("integer", "1e3", 1000, False),
    ("integer", "9223372036854775807", 2**63 - 1, False),
    ("integer", -(2**63), -(2**63), False),
    ("integer", "", NULL, False),
    ("integer", None, NULL, False),
    ("integer", 5.5, NULL, True),
    ("integer", "5.5", NULL, True),
    ("integer", 2**63, NULL, True),
    ("integer", "9223372036854775808", NULL, True),
    ("integer", 1e19, NULL, True),
    ("integer", "1e999999999", NULL, True),
    ("integer", "9" * 5000, NULL, True),
    ("integer", "abc", NULL, True),
    ("integer", "0x1F", NULL, True),
    ("integer", "1_000", NULL, True),
    ("integer", "   ", NULL, True),
    ("integer", math.nan, NULL, True),
    ("integer", {"a": 1}, NULL, True),
    ("integer", [1], NULL, True),
    # float
    ("float", 1.5, 1.5, False),
    ("float", "1.5", 1.5, False),
    ("float", " 2.5 ", 2.5, False),
    ("float", 3, 3.0, False),
    ("float", "1e3", 1000.0, False),
    ("float", True, 1.0, False),
    ("float", False, 0.0, False),
    ("float", "", NULL, False),
    ("float", None, NULL, False),
    ("float", "nan", NULL, True),
    ("float", "inf", NULL, True),
    ("float", "-Infinity", NULL, True),
    ("float", math.nan, NULL, True),
    ("float", math.inf, NULL, True),
    ("float", "1e400", NULL, True),
    ("float", 10**400, NULL, True),
    ("float", "abc", NULL, True),
    ("float", [1.5], NULL, True),
    # decimal: scale 9, half to even, at most 29 digits before the point
    ("decimal", "1.5", Decimal("1.500000000"), False),
    ("decimal", 0.1, Decimal("0.100000000"), False),
    ("decimal", 5, Decimal("5.000000000"), False),
    ("decimal", " -2.25 ", Decimal("-2.250000000"), False),
    ("decimal", "1.0000000005", Decimal("1.000000000"), False),
    ("decimal", "1.0000000015", Decimal("1.000000002"), False),
    ("decimal", "9" * 29, Decimal("9" * 29), False),
    ("decimal", True, Decimal(1), False),
    ("decimal", "", NULL, False),
    ("decimal", None, NULL, False),
    ("decimal", "1" + "0" * 29, NULL, True),
    ("decimal", "9" * 29 + ".9999999999", NULL, True),
    ("decimal", "NaN", NULL, True),
    ("decimal", "abc", NULL, True),
    ("decimal", {"v": 1}, NULL, True),
    # text: "" stays "", everything else becomes text, lone surrogates are repaired
    ("text", "Ann", "Ann", False),
    ("text", "", "", False),
    ("text", None, NULL, False),
    ("text", 5, "5", False),
    ("text", 5.5, "5.5", False),
    ("text", 1e20, "1e+20", False),
    ("text", True, "true", False),
    ("text", False, "false", False),
    ("text", {"a": 1, "b": "é"}, '{"a":1,"b":"é"}', False),
    (
        "text",
        FIELD_OPTIONS,
        '[{"id":"1","field":"7","label":"Red","value":"red","isdefault":"0"}]',
        False,
    ),
    ("text", "Zoë \U0001f600", "Zoë \U0001f600", False),
    ("text", "line one\nline two", "line one\nline two", False),
    ("text", "a\ud800b", "a\ufffdb", False),
    ("text", [math.nan], NULL, True),
    # json: any value as compact JSON text
    ("json", {"a": [1, 2], "b": None}, '{"a":[1,2],"b":null}', False),
    (
        "json",
        FIELD_OPTIONS,
        '[{"id":"1","field":"7","label":"Red","value":"red","isdefault":"0"}]',
        False,
    ),
    ("json", "x", '"x"', False),
    ("json", 5, "5", False),
    ("json", True, "true", False),
    ("json", "\ud83d", '"\ufffd"', False),
    ("json", None, NULL, False),
    ("json", "", NULL, False),
    ("json", math.nan, NULL, True),
    # boolean
    ("boolean", True, True, False),
    ("boolean", False, False, False),
    ("boolean", 1, True, False),
    ("boolean", 0, False, False),
    ("boolean", 1.0, True, False),
    ("boolean", "1", True, False),
    ("boolean", "0", False, False),
    ("boolean", "true", True, False),
    ("boolean", "FALSE", False, False),
    ("boolean", " Yes ", True, False),
    ("boolean", "no", False, False),
    ("boolean", "t", True, False),
    ("boolean", "F", False, False),
    ("boolean", "", NULL, False),
    ("boolean", None, NULL, False),
    ("boolean", 2, NULL, True),
    ("boolean", "2", NULL, True),
    ("boolean", "maybe", NULL, True),
    ("boolean", [True], NULL, True),
    # timestamp: a UTC instant; zone-less text is in the account zone (America/New_York here)
    ("timestamp", "2019-04-29T07:51:31-05:00", utc(2019, 4, 29, 12, 51, 31), False),
    ("timestamp", "2019-04-29T07:51:31Z", utc(2019, 4, 29, 7, 51, 31), False),
    ("timestamp", "2019-04-29 07:51:31+0530", utc(2019, 4, 29, 2, 21, 31), False),
    ("timestamp", "2019-04-29T07:51:31.25+00:00", utc(2019, 4, 29, 7, 51, 31, 250000), False),
    ("timestamp", "2019-01-15 10:00:00", utc(2019, 1, 15, 15, 0), False),  # EST, -5
    ("timestamp", "2019-07-15 10:00:00", utc(2019, 7, 15, 14, 0), False),  # EDT, -4
    ("timestamp", "2019-07-15T10:00:00", utc(2019, 7, 15, 14, 0), False),
    ("timestamp", "2019-11-03 01:30:00", utc(2019, 11, 3, 5, 30), False),  # twice: fold=0
    ("timestamp", "2019-03-10 02:30:00", utc(2019, 3, 10, 7, 30), False),  # in the gap
    ("timestamp", "2019-01-15", utc(2019, 1, 15, 5, 0), False),
    ("timestamp", 1556538691, utc(2019, 4, 29, 11, 51, 31), False),
    ("timestamp", 1556538691.5, utc(2019, 4, 29, 11, 51, 31, 500000), False),
    ("timestamp", "1556538691", utc(2019, 4, 29, 11, 51, 31), False),
    ("timestamp", "0000-00-00 00:00:00", NULL, False),
    ("timestamp", "0000-00-00", NULL, False),
    ("timestamp", "0000-00-00T00:00:00-05:00", NULL, False),
    ("timestamp", "", NULL, False),
    ("timestamp", None, NULL, False),
    ("timestamp", "0000-01-01 00:00:00", NULL, True),
    ("timestamp", "0001-01-01T00:00:00+01:00", NULL, True),
    ("timestamp", "9999-12-31T23:00:00-05:00", NULL, True),
    ("timestamp", "2019-02-30 00:00:00", NULL, True),
    ("timestamp", "2019-04-29 24:00:00", NULL, True),
    ("timestamp", "yesterday", NULL, True),
    ("timestamp", "x" * 100, NULL, True),
    ("timestamp", True, NULL, True),
    ("timestamp", {"date": "2019-04-29"}, NULL, True),
    # date: the calendar date in the account zone
    ("date", "2019-04-29", date(2019, 4, 29), False),
    ("date", "2019-04-29 23:30:00", date(2019, 4, 29), False),
    ("date", "2019-04-30T02:00:00+00:00", date(2019, 4, 29), False),
    ("date", 1556538691, date(2019, 4, 29), False),
    ("date", "0000-00-00", NULL, False),
    ("date", "0000-00-00 00:00:00", NULL, False),
    ("date", "", NULL, False),
    ("date", None, NULL, False),
    ("date", "0000-01-01", NULL, True),
    ("date", "2019-02-30", NULL, True),
    ("date", "soon", NULL, True),
    ("date", 4.5e12, NULL, True),
    ("date", False, NULL, True),
]


def case_id(case: tuple) -> str:
    logical, raw, _, _ = case
    return f"{logical}-{raw!r}"[:60]


def test_every_type_has_cases():
    assert {c[0] for c in CASES} == set(LOGICAL_TYPES) == set(CONVERSIONS)


@pytest.mark.parametrize(("logical", "raw", "expected", "fails"), CASES, ids=map(case_id, CASES))
def test_to_arrow_rule(logical, raw, expected, fails):
    coercer = Coercer([col("v", logical)], NY)
    table = coercer.to_arrow([{"v": raw}])
    assert table.column("v").to_pylist() == [expected]
    assert coercer.failures["v"] == int(fails)
    assert ("v" in coercer.examples) == fails


@pytest.mark.parametrize(("logical", "raw", "expected", "fails"), CASES, ids=map(case_id, CASES))
def test_converter_rule(logical, raw, expected, fails):
    got = CONVERSIONS[logical].value(raw, NY)
    assert (got is FAIL) == fails
    assert (None if got is FAIL else got) == expected


def test_repaired_text_is_counted_but_not_failed():
    coercer = Coercer([col("note", "text"), col("data", "json")], NY)
    table = coercer.to_arrow([{"note": "a\ud800", "data": ["\udfff"]}, {"note": "fine"}])
    assert table.to_pylist() == [
        {"note": "a\ufffd", "data": '["\ufffd"]'},
        {"note": "fine", "data": None},
    ]
    assert coercer.repaired == {"note": 1, "data": 1}
    assert not coercer.failures


def test_schema_uses_warehouse_names_and_arrow_types():
    columns = [col(f"k{t}", t, name=f"col_{t}") for t in LOGICAL_TYPES]
    coercer = Coercer(columns, NY)
    for rows in ([], [{}], [{"kinteger": "1", "ktext": "a"}]):
        table = coercer.to_arrow(rows)
        assert table.schema.names == [f"col_{t}" for t in LOGICAL_TYPES]
        assert table.schema.types == [arrow_type(t) for t in LOGICAL_TYPES]
        assert table.num_rows == len(rows)


def test_failures_and_examples_per_column_accumulate_over_batches():
    coercer = Coercer([col("id", "integer"), col("cdate", "timestamp"), col("ok", "text")], NY)
    long_bad = "not a number " * 20
    coercer.to_arrow([{"id": "1", "cdate": "never"}, {"id": long_bad}, {"id": "x"}])
    table = coercer.to_arrow([{"id": "y", "cdate": "2019-04-29"}])
    assert coercer.failures == {"id": 3, "cdate": 1}
    assert coercer.examples["cdate"] == "'never'"
    assert coercer.examples["id"].startswith("'not a number not")
    assert len(coercer.examples["id"]) <= 80
    assert table.column("cdate").to_pylist() == [utc(2019, 4, 29, 4, 0)]


def test_missing_key_is_null_without_failure():
    coercer = Coercer([col(k, t) for k, t in zip("abcdefgh", LOGICAL_TYPES, strict=True)], NY)
    table = coercer.to_arrow([{}, {"a": "1"}])
    assert table.to_pylist()[0] == dict.fromkeys("abcdefgh")
    assert not coercer.failures


def test_ten_megabyte_string_passes_through_text_intact():
    big = "ActiveCampaign \U0001f600 é\n" * 500_000
    assert len(big.encode()) > 10_000_000
    coercer = Coercer([col("body", "text")], NY)
    for rows in ([{"body": big}], [{"body": big}, {"body": 5}]):  # bulk, then value by value
        assert coercer.to_arrow(rows).column("body")[0].as_py() == big
    assert not coercer.failures and not coercer.repaired


def test_default_zone_is_utc():
    table = Coercer([col("t", "timestamp")]).to_arrow([{"t": "2019-04-29 07:51:31"}])
    assert table.column("t").to_pylist() == [utc(2019, 4, 29, 7, 51, 31)]


@pytest.mark.parametrize(
    "values",
    [
        ["2019-04-29T07:51:31-05:00", None],  # bulk: offsets
        ["2019-01-15 10:00:00", ""],  # bulk: wall-clock times in the account zone
        [None, "0000-00-00"],  # bulk: nothing
        ["2019-04-29T07:51:31Z", "2019-04-29 07:51:31", 1556538691],  # value by value
    ],
)
def test_every_path_gives_utc_instants(values):
    """Each array is timestamp[us, tz=UTC] (Parquet: isAdjustedToUTC), never a wall clock."""
    assert arrow_type("timestamp") == pa.timestamp("us", tz="UTC")
    column = Coercer([col("t", "timestamp")], NY).to_arrow([{"t": v} for v in values])["t"]
    assert column.type == pa.timestamp("us", tz="UTC")
    assert all(v is None or v.utcoffset() == timedelta(0) for v in column.to_pylist())


def test_unknown_type_names_the_valid_ones():
    with pytest.raises(SpecError, match="valid: integer, float"):
        conversion("money")


# Columns of one plain form (what the bulk paths take) and near misses (what they must leave to
# the converters, or convert the same way).
BULK_COLUMNS = [
    ("integer", ["1", "22", "", None, "-0", "007", "-9223372036854775808"], True),
    ("integer", [1, None, 2**63 - 1, -5], True),
    ("integer", ["1", "0x1F"], False),
    ("integer", ["1", "+7", " 5 "], False),
    ("integer", ["1", "99999999999999999999"], False),
    ("integer", ["1", "-"], False),
    ("integer", ["1", 2, None, "", -3, "-4"], True),  # numbers and digit strings mixed
    ("integer", ["1", 2**63], False),
    ("integer", ["1", 2, "2.0"], False),
    ("integer", [True, "1"], False),
    ("integer", [1, 2**63], False),
    ("float", [1.5, 2, None, -0.0], True),
    ("float", [1.5, math.nan], False),
    ("float", [1.5, 2**53 + 1], False),
    ("text", ["a", "", None, "é\n\U0001f600"], True),
    ("text", ["a", "\ud800"], False),
    ("text", ["a", 5], False),
    ("boolean", [True, False, None], True),
    ("boolean", [True, 1], False),
    ("date", ["2019-04-29", "0000-00-00", "", None, "0001-01-01", "9999-12-31"], True),
    ("date", ["2019-04-29", "0000-01-01"], False),
    ("date", ["2019-04-29", "2019-04-29 10:00:00"], False),
    ("timestamp", ["2019-04-29T07:51:31-05:00", "2020-01-01T00:00:00.5Z", None, ""], True),
    ("timestamp", ["2019-04-29 07:51:31+0530", "0000-00-00 00:00:00"], True),
    (
        "timestamp",
        ["2019-01-15 10:00:00", "2019-07-15T10:00:00", "2019-11-03 01:30:00", "2019-11-03 02:30"],
        True,
    ),
    ("timestamp", ["2019-03-10 02:00:00", "2019-03-10 02:59:59.999999", "2019-03-10 03:00"], True),
    ("timestamp", ["0001-01-01 05:00:00", "9999-12-31 18:00:00", "2019-01-15"], True),
    ("timestamp", ["0000-00-00", "0000-00-00 00:00:00", None], True),
    ("timestamp", ["9999-12-31 20:00:00"], False),  # after year 9999 in UTC
    ("timestamp", ["9999-12-31T23:00:00-05:00"], False),
    ("timestamp", ["0000-01-01 05:00:00"], False),
    ("timestamp", ["1883-11-18 12:30:00"], False),  # New York left local mean time at 12:03:58
    ("timestamp", ["2019-04-29T07:51:31Z", "2019-04-29 07:51:31"], False),
    ("timestamp", ["2019-04-29 07:51:31", "2019-04-29T07:51:31Z"], False),
    ("timestamp", ["1556538691", "2019-04-29"], False),
]


@pytest.mark.parametrize(("logical", "values", "fast"), BULK_COLUMNS)
def test_bulk_path_agrees_with_converter(logical, values, fast):
    convert = CONVERSIONS[logical].value
    expected = [None if (v := convert(raw, NY)) is FAIL else v for raw in values]
    bulk = CONVERSIONS[logical].bulk(values, NY)
    assert (bulk is not None) == fast
    if bulk is not None:
        assert bulk.type == arrow_type(logical)
        assert bulk.to_pylist() == expected
    table = Coercer([col("v", logical)], NY).to_arrow([{"v": v} for v in values])
    assert table.column("v").to_pylist() == expected


@pytest.mark.parametrize(
    ("zone", "fast"),
    [
        (NY, True),
        (ZoneInfo("Asia/Kolkata"), True),
        (timezone.utc, True),
        (ZoneInfo("Australia/Lord_Howe"), False),  # DST is half an hour: offsets change mid-hour
    ],
)
def test_bulk_wall_clock_times_around_dst_match_converter(zone, fast):
    """Every hour of two weeks around each DST change of the year."""
    values = [
        f"2019-{m:02}-{d:02} {h:02}:17:07"
        for m in (3, 4, 10, 11)
        for d in range(1, 15)
        for h in range(24)
    ]
    expected = [CONVERSIONS["timestamp"].value(v, zone) for v in values]
    bulk = CONVERSIONS["timestamp"].bulk(values, zone)
    assert (bulk is not None) == fast
    assert (
        Coercer([col("t", "timestamp")], zone)
        .to_arrow([{"t": v} for v in values])
        .column("t")
        .to_pylist()
        == expected
    )


def test_a_column_documented_as_utc_ignores_the_account_zone():
    local = Column(key="udate", name="udate", type="timestamp", description="", field='"udate"')
    in_utc = Column(
        key="u", name="u", type="timestamp", description="", field='"u"', timezone="utc"
    )
    coercer = Coercer([local, in_utc], ZoneInfo("America/New_York"))
    table = coercer.to_arrow([{"udate": "2024-01-15 10:00:00", "u": "2024-01-15 10:00:00"}])
    assert table.column("udate")[0].as_py() == utc(2024, 1, 15, 15, 0)
    assert table.column("u")[0].as_py() == utc(2024, 1, 15, 10, 0)


@pytest.mark.parametrize(
    "value",
    [
        {"links": {"a": "https://x/1"}, "n": [1, 2.5, None, True, False], "t": "é\u2028"},
        [1e16, 1e-07, 1.7976931348623157e308, 5e-324, -0.0, 0.1],
        {"text": "1e5 is text"},
        2**70,
        {"nan": math.nan},
        [math.inf],
        {"lone": "\ud800"},
        [],
        {},
    ],
)
def test_a_json_value_is_written_exactly_as_json_writes_it(value):
    """Nested values become compact JSON text (msgspec's where it writes what json writes; json
    itself for exponents, NaN and the rest): a changed spelling would change rows' checksums
    between versions."""
    try:
        text = json.dumps(value, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
        expected = clean_text(text)
    except ValueError:
        expected = FAIL
    assert compact_json(value) == expected
