"""The run plan: which tables a run reads (the chosen ones and what they are read through), in
groups fed by one series of requests, each with its mode, in an order that has every table's
rows committed before a table that needs them starts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from engine.config.settings import Settings, TableSettings
from engine.errors import ConfigError
from engine.run.plan import Plan, build_plan
from engine.spec import Spec, load_spec
from tests.conftest import MINI

# Streams added to copies of tests/specs/mini.yaml.
NOTES = {  # read once per contact; replaced in full
    "title": "Notes",
    "endpoint": "/contacts/{parent.id}/notes",
    "records": "notes",
    "parent": {"stream": "contacts", "key": "contact"},
    "paging": {"kind": "offset", "limit": 100},
    "primary_key": ["id"],
    "replication": {"mode": "full"},
    "columns": {
        "id": {"type": "integer", "description": "Note ID."},
        "contact": {"type": "integer", "description": "Contact.", "references": "contacts.id"},
    },
}
GROUP_DETAILS = {  # a flat list of which only the rows groups refer to are kept
    "title": "Group details",
    "endpoint": "/groupDetails",
    "records": "groupDetails",
    "only_referenced_by": "groups.id",
    "primary_key": ["id"],
    "replication": {"mode": "full"},
    "columns": {"id": {"type": "integer", "description": "Group detail ID."}},
}
TAG_PARTS = {  # fed by contact_tags, itself fed by contacts
    "title": "Tag parts",
    "from": "contact_tags",
    "nested": "parts",
    "parent": {"stream": "contact_tags", "key": "contact_tag"},
    "primary_key": ["contact_tag", "part"],
    "columns": {
        "contact_tag": {"type": "integer", "field": "_parent.id", "description": "Parent."},
        "part": {"type": "text", "field": "_value", "description": "Part."},
    },
}


def mini(tmp_path: Path, first: dict[str, Any] | None = None, **changes: Any) -> Spec:
    """mini.yaml with streams added or changed (a dict merged into the stream's), `first` ones
    declared before the others; validated like any spec."""
    raw = yaml.safe_load(MINI.read_text())
    streams = dict(first or {})
    for key, value in {**raw["streams"], **changes}.items():
        streams[key] = {**raw["streams"].get(key, {}), **value}
    raw["streams"] = streams
    path = tmp_path / "spec.yaml"
    path.write_text(yaml.safe_dump(raw, sort_keys=False))
    return load_spec(path)


def layout(plan: Plan) -> list[tuple[list[str], str]]:
    return [(g.keys, g.mode) for g in plan.groups]


def settings(**modes: str) -> Settings:
    tables = {key: TableSettings(mode=mode) for key, mode in modes.items()}
    return Settings(api_url="http://api.test", api_key="k", tables=tables)


def test_every_table_is_read_once_in_the_group_of_the_stream_that_makes_its_requests():
    plan = build_plan(load_spec(MINI), None)
    assert layout(plan) == [
        (["contacts", "contact_tags"], "incremental"),
        (["groups", "outcomes"], "full"),
        (["memberships"], "full"),
    ]
    assert plan.selected == ["contacts", "contact_tags", "groups", "memberships", "outcomes"]
    assert plan.added == []


def test_a_per_parent_table_runs_after_its_parent_even_when_the_spec_lists_it_first(tmp_path):
    raw = yaml.safe_load(MINI.read_text())["streams"]
    spec = mini(tmp_path, first={"memberships": raw["memberships"]})
    plan = build_plan(spec, None)
    keys = [g.root.key for g in plan.groups]
    assert keys.index("groups") < keys.index("memberships")
    memberships = plan.groups[keys.index("memberships")]
    assert memberships.fan_out is not None and memberships.fan_out.key == "groups"
    assert [s.key for s in memberships.needs] == ["groups"]


def test_a_fed_table_chosen_alone_brings_the_table_whose_responses_hold_it():
    plan = build_plan(load_spec(MINI), None, tables=["contact_tags"])
    assert layout(plan) == [(["contacts", "contact_tags"], "incremental")]
    assert plan.selected == ["contact_tags"]
    assert plan.added == ["contacts"]


def test_a_per_parent_table_chosen_alone_brings_its_parent_first_without_its_side_loads():
    plan = build_plan(load_spec(MINI), None, tables=["memberships"])
    assert layout(plan) == [(["groups"], "full"), (["memberships"], "full")]
    assert plan.added == ["groups"]


def test_tables_are_chosen_by_comma_lists_and_named_once():
    plan = build_plan(load_spec(MINI), None, tables=["groups,outcomes", "groups"])
    assert layout(plan) == [(["groups", "outcomes"], "full")]
    assert plan.selected == ["groups", "outcomes"]


def test_an_unknown_table_fails_with_a_did_you_mean():
    with pytest.raises(ConfigError, match="no table or tag 'contact' in .*mini.yaml") as err:
        build_plan(load_spec(MINI), None, tables=["contact"])
    assert "did you mean 'contacts'?" in str(err.value.hint)


def test_full_refresh_reloads_the_whole_group_of_a_table_and_only_that_group():
    plan = build_plan(load_spec(MINI), None, full_refresh=["contact_tags"])
    by_root = {g.root.key: g for g in plan.groups}
    assert (by_root["contacts"].mode, by_root["contacts"].forced) == ("full", True)
    assert (by_root["groups"].mode, by_root["groups"].forced) == ("full", False)
    assert not by_root["memberships"].forced


def test_full_refresh_does_not_add_tables_to_those_chosen():
    plan = build_plan(load_spec(MINI), None, tables=["groups"], full_refresh=["contacts"])
    assert layout(plan) == [(["groups"], "full")]
    assert [g.forced for g in plan.groups] == [False]


def test_a_table_the_spec_lets_choose_takes_its_mode_from_the_config(tmp_path):
    spec = mini(tmp_path, contacts={"replication": {"mode": "incremental", "selectable": True}})
    plan = build_plan(spec, settings(contacts="full"), tables=["contacts"])
    assert layout(plan) == [(["contacts"], "full")]
    assert not plan.groups[0].forced  # a config choice, not --full-refresh


def test_a_config_mode_for_a_table_that_may_not_choose_fails_with_the_way_out():
    with pytest.raises(ConfigError, match=r"\[tables.contacts\] mode = 'full'") as err:
        build_plan(load_spec(MINI), settings(contacts="full"))
    assert err.value.hint == "use --full-refresh contacts for a one-off full reload"


def test_a_config_mode_equal_to_the_spec_s_is_accepted_anywhere():
    plan = build_plan(load_spec(MINI), settings(contacts="incremental", groups="full"))
    assert [g.mode for g in plan.groups] == ["incremental", "full", "full"]


def test_a_full_table_read_per_row_of_an_incremental_parent_is_refused(tmp_path):
    spec = mini(tmp_path, notes=NOTES)
    with pytest.raises(ConfigError, match="notes is read per row of contacts.*rows would be lost"):
        build_plan(spec, None)
    plan = build_plan(spec, None, full_refresh=["contacts"])  # the way out the message names
    assert layout(plan)[0] == (["contacts", "contact_tags"], "full")
    assert layout(plan)[-1] == (["notes"], "full")


def test_a_table_kept_by_another_s_references_runs_after_it(tmp_path):
    spec = mini(tmp_path, first={"group_details": GROUP_DETAILS})
    plan = build_plan(spec, None)
    keys = [g.root.key for g in plan.groups]
    assert keys.index("groups") < keys.index("group_details")
    details = plan.groups[keys.index("group_details")]
    assert details.after is not None and details.after.key == "groups"
    alone = build_plan(spec, None, tables=["group_details"])
    assert [g.root.key for g in alone.groups] == ["groups", "group_details"]
    assert alone.added == ["groups"]


def test_a_fed_table_comes_after_the_one_feeding_it_whatever_the_spec_order(tmp_path):
    spec = mini(tmp_path, first={"tag_parts": TAG_PARTS})
    plan = build_plan(spec, None, tables=["tag_parts"])
    assert layout(plan) == [(["contacts", "contact_tags", "tag_parts"], "incremental")]
    assert plan.added == ["contacts", "contact_tags"]
