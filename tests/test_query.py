"""A group's query (engine/run/query.py): the lower bound of an incremental read and the server
filter written from it, in the zone the API reads it in."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from engine.config.settings import Settings
from engine.load.state import StateRow
from engine.run import query
from engine.run.plan import build_plan
from engine.spec import load_spec

SPEC = load_spec(Path(__file__).resolve().parent.parent / "specs" / "activecampaign.yaml")
SETTINGS = Settings(api_url="http://127.0.0.1:1", api_key="k")
SAVEPOINT = datetime(2026, 3, 10, 12, 30, tzinfo=timezone.utc)


def deals_group():
    plan = build_plan(SPEC, SETTINGS, ["deals"])
    return next(g for g in plan.groups if g.root.key == "deals")


def state(savepoint=SAVEPOINT):
    return {"deals": StateRow("deals", savepoint, "incremental", 10, "r", SAVEPOINT)}


def test_an_incremental_read_goes_back_its_update_window_from_the_savepoint():
    group = deals_group()
    since = query.since(group, state(), SETTINGS, None)
    assert since == datetime(2026, 3, 9, 12, 30, tzinfo=timezone.utc)  # window: 1 day


def test_a_first_read_without_a_start_date_reads_everything():
    assert query.since(deals_group(), {}, SETTINGS, None) is None
    assert query.params(deals_group(), None, None, None, None) == list(SPEC.stream("deals").params)


def test_the_filter_is_written_in_the_accounts_zone():
    group = deals_group()
    since = datetime(2026, 3, 10, 2, 0, tzinfo=timezone.utc)  # 9 March in New York
    params = dict(query.params(group, since, ZoneInfo("America/New_York"), None, None))
    assert params["filters[updated_after]"] == "2026-03-09"


def test_the_last_runs_zone_is_used_when_none_is_known_yet():
    since = datetime(2026, 3, 10, 2, 0, tzinfo=timezone.utc)
    params = dict(query.params(deals_group(), since, None, "America/New_York", None))
    assert params["filters[updated_after]"] == "2026-03-09"


def test_with_no_zone_at_all_the_filter_starts_the_widest_offset_earlier():
    since = datetime(2026, 3, 10, 12, 0, tzinfo=timezone.utc)  # 14 hours earlier: 9 March
    params = dict(query.params(deals_group(), since, None, None, None))
    assert params["filters[updated_after]"] == "2026-03-09"
