"""Finding the account's time zone from the offsets in the data, and deciding which zone a run
reads zone-less timestamps in (explicit, data, previous run, UTC) with the warnings it gives."""

from __future__ import annotations

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pyarrow as pa
import pytest

from engine.read.account_zone import DEFAULT, FROM_DATA, FROM_STATE, decide
from engine.read.twins import TwinTally, check_twins
from engine.read.zone import Evidence, find_zone, parse_offset_value
from engine.spec import build_spec

NEW_YORK_YEAR = [  # one account's cdate/udate values over a year: EST and EDT
    "2025-01-15T09:00:00-05:00",
    "2025-04-02T10:30:00-04:00",
    "2025-07-04T23:59:59-04:00",
    "2025-11-02T01:30:00-05:00",
    "2025-12-24T18:00:00-05:00",
]


def evidence(values, table="contacts"):
    ev = Evidence()
    ev.add(table, values)
    return ev


def no_hint():
    raise AssertionError("the hint was asked for")


@pytest.mark.parametrize(
    "values, expected",
    [
        (NEW_YORK_YEAR, "America/New_York"),
        (["2025-01-15T09:00:00-06:00", "2025-07-15T09:00:00-05:00"], "America/Chicago"),
        (["2025-01-15T09:00:00+01:00", "2025-07-15T09:00:00+02:00"], "Europe/Paris"),
        (["2025-01-15T09:00:00+11:00", "2025-07-15T09:00:00+10:00"], "Australia/Sydney"),
        (["2025-01-15T09:00:00+05:30", "2025-07-15T09:00:00+0530"], "Asia/Kolkata"),
        (["2025-01-15T09:00:00Z", "2025-07-15T09:00:00+00:00"], "UTC"),
        (["2025-01-15T09:00:00+00:00", "2025-07-15T09:00:00+01:00"], "Europe/London"),
    ],
)
def test_the_zone_is_the_one_that_reproduces_every_offset(values, expected):
    found = find_zone(evidence(values))
    assert found is not None
    assert found.zone.key == expected
    assert found.fits == found.seen == len(values)


def test_zone_less_values_and_junk_are_not_evidence():
    ev = evidence(["2025-01-15 09:00:00", "0000-00-00 00:00:00", "", None, 5, "soon", "2025-01-15"])
    assert ev.count == 0
    assert find_zone(ev) is None


def test_a_few_odd_offsets_do_not_outvote_the_account():
    values = NEW_YORK_YEAR * 20 + ["2025-03-01T12:00:00+00:00"] * 3  # a field written in UTC
    found = find_zone(evidence(values))
    assert found.zone.key == "America/New_York"
    assert (found.fits, found.seen) == (100, 103)


def test_parse_offset_value():
    instant, offset = parse_offset_value("2025-11-02T01:30:00-04:00")
    assert instant == datetime(2025, 11, 2, 5, 30, tzinfo=timezone.utc)
    assert offset.total_seconds() == -4 * 3600
    assert parse_offset_value("2025-11-02 01:30:00") is None


def test_data_wins_over_the_display_zone_which_only_breaks_ties():
    # /users/me says Europe/Berlin (the calling user's display setting); the data says New York
    zone, report = decide(None, None, evidence(NEW_YORK_YEAR), None, lambda: "Europe/Berlin")
    assert zone.key == "America/New_York"
    assert report.origin == FROM_DATA and report.hint == "Europe/Berlin"
    assert report.warnings == []
    # a winter-only sample fits New York and Toronto alike: the hint picks among them
    winter = ["2025-01-15T09:00:00-05:00", "2025-02-15T09:00:00-05:00"]
    zone, report = decide(None, None, evidence(winter), None, lambda: "America/Toronto")
    assert zone.key == "America/Toronto"
    zone, _ = decide(None, None, evidence(winter), None, lambda: None)
    assert zone.key == "America/New_York"  # the preferred zone for that offset


def test_an_explicit_zone_is_used_and_a_disagreeing_one_is_said():
    zone, report = decide(
        ZoneInfo("Europe/Berlin"), "--timezone", evidence(NEW_YORK_YEAR), None, no_hint
    )
    assert zone.key == "Europe/Berlin" and report.origin == "--timezone"
    assert len(report.warnings) == 1
    warning = report.warnings[0]
    assert "Europe/Berlin reproduces 0 of the 5 offsets" in warning
    assert "the data fits America/New_York" in warning
    zone, report = decide(
        ZoneInfo("America/New_York"), "ACX_TIMEZONE", evidence(NEW_YORK_YEAR), None, no_hint
    )
    assert report.warnings == [] and report.fits == 5


def test_no_offsets_anywhere_falls_back_to_the_previous_run_then_utc_with_a_warning():
    zone, report = decide(None, None, Evidence(), "America/Chicago", no_hint)
    assert zone.key == "America/Chicago" and report.origin == FROM_STATE
    assert "the zone the previous run found" in report.warnings[0]
    zone, report = decide(None, None, Evidence(), None, no_hint)
    assert zone.key == "UTC" and report.origin == DEFAULT
    assert "read as UTC" in report.warnings[0] and "timezone" in report.warnings[0]


def test_a_zone_that_changed_since_the_previous_run_is_a_warning():
    _, report = decide(None, None, evidence(NEW_YORK_YEAR), "Europe/Berlin", lambda: None)
    assert any(
        "previous run read zone-less timestamps in Europe/Berlin" in w for w in report.warnings
    )
    assert report.as_dict()["previous"] == "Europe/Berlin"


SPEC = {
    "source": {
        "title": "t",
        "base_url": {"env": "U"},
        "auth": {"header": "H", "env": "K"},
        "rate_limit": {"requests_per_second": 5},
    },
    "streams": {
        "contacts": {
            "title": "Contacts",
            "endpoint": "/contacts",
            "records": "contacts",
            "primary_key": ["id"],
            "replication": {"mode": "full"},
            "columns": {
                "id": {"type": "integer", "description": "id"},
                "cdate": {"type": "timestamp", "description": "with an offset"},
                "created_timestamp": {
                    "type": "timestamp",
                    "same_instant_as": "cdate",
                    "description": "zone-less",
                },
            },
        }
    },
}


def utc(*args):
    return datetime(*args, tzinfo=timezone.utc)


def test_twins_count_agreement_and_read_the_repeated_dst_hour_as_the_twin_says():
    stream = build_spec(SPEC, "t.yaml").stream("contacts")
    ny = ZoneInfo("America/New_York")
    # 2025-11-02 01:30 happens twice in New York: 05:30 UTC (EDT) and 06:30 UTC (EST).
    # The coercer reads the zone-less value as the first; row 1's twin says the second.
    exact = [
        utc(2025, 1, 15, 14),
        utc(2025, 11, 2, 6, 30),
        utc(2025, 11, 2, 5, 30),
        utc(2025, 3, 1),
    ]
    local = [
        utc(2025, 1, 15, 14),
        utc(2025, 11, 2, 5, 30),
        utc(2025, 11, 2, 5, 30),
        utc(2025, 3, 2),
    ]
    kind = pa.timestamp("us", tz="UTC")
    table = pa.table(
        {
            "id": pa.array([1, 2, 3, 4]),
            "cdate": pa.array(exact, kind),
            "created_timestamp": pa.array(local, kind),
        }
    )
    tally = TwinTally()
    fixed = check_twins(stream, table, ny, tally)
    assert (tally.agreed, tally.disagreed, tally.repeated) == (3, 1, 1)
    assert fixed["created_timestamp"].to_pylist()[1] == utc(2025, 11, 2, 6, 30)
    assert (
        tally.example == "created_timestamp 2025-03-01 19:00:00 vs cdate 2025-02-28 19:00:00-0500"
    )


def test_a_zone_less_value_in_the_repeated_hour_without_a_twin_is_a_counted_guess():
    from copy import deepcopy

    from engine.read.coerce import Coercer
    from engine.read.twins import count_guesses

    data = deepcopy(SPEC)
    data["streams"]["contacts"]["columns"]["created_timestamp"].pop("same_instant_as")
    stream = build_spec(data, "t.yaml").stream("contacts")
    ny = ZoneInfo("America/New_York")
    raw = [
        [1, 2, 3, 4],
        ["2025-11-02T01:30:00-05:00", None, None, None],  # an offset: exact, never a guess
        ["2025-11-02 01:30:00", "2025-11-02 01:10:00", "2025-11-03 01:30:00", None],
    ]
    table = Coercer(stream.columns, ny).columns_to_arrow(raw)
    assert table["created_timestamp"][0].as_py() == utc(2025, 11, 2, 5, 30)  # the earlier one
    tally = TwinTally()
    count_guesses(stream, table, raw, ny, tally)
    assert tally.guessed == {"created_timestamp": 2}


def test_the_previous_runs_zone_breaks_a_tie_without_a_request():
    winter = ["2025-01-15T09:00:00-05:00", "2025-02-15T09:00:00-05:00"]
    zone, report = decide(None, None, evidence(winter), "America/Toronto", no_hint)
    assert zone.key == "America/Toronto" and report.warnings == []
