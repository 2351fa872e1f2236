"""The tables beyond the model (issue 14): `--tables model` still makes exactly the model's
series of requests, the new tables share a series where the API serves them in one response
(/messages), and they load from the sandbox, with the rows no model table holds (tags no
contact carries)."""

from __future__ import annotations

import json

import pytest

from engine.run.plan import build_plan
from engine.spec import load_spec
from sandbox import Sandbox
from tests.conftest import SPEC
from tests.runhelp import duck, run

SHIPPED = load_spec(SPEC)
BEYOND = [s.key for s in SHIPPED.streams if "model" not in s.tags]

# The request series of `--tables model` before issue 14: (the stream making the requests,
# every table its responses feed), in run order.
MODEL_SERIES = [
    ("accounts", ["accounts"]),
    ("account_contacts", ["account_contacts"]),
    ("account_custom_field_data", ["account_custom_field_data"]),
    ("account_custom_field_meta", ["account_custom_field_meta"]),
    ("account_notes", ["account_notes", "contact_notes"]),
    ("campaigns", ["campaigns"]),
    ("campaign_messages", ["campaign_messages"]),
    ("campaign_message_contents", ["campaign_message_contents"]),
    (
        "contacts",
        [
            "contacts",
            "contact_field_values",
            "contact_list_activity",
            "contact_tags",
            "list_contacts",
        ],
    ),
    ("contact_custom_fields", ["contact_custom_fields", "contact_custom_field_options"]),
    ("contact_tasks", ["contact_tasks"]),
    ("deals", ["deals", "deal_custom_field_data"]),
    ("deal_activities", ["deal_activities"]),
    ("deal_custom_field_meta", ["deal_custom_field_meta"]),
    ("deal_secondary_contacts", ["deal_secondary_contacts"]),
    ("deal_tasks", ["deal_tasks"]),
    ("lists", ["lists"]),
    ("pipelines", ["pipelines", "deal_stages"]),
    ("scores", ["scores"]),
    ("task_outcomes", ["task_outcomes"]),
    ("task_types", ["task_types", "task_type_outcomes"]),
    ("user_groups", ["user_groups"]),
    ("users", ["users"]),
    ("user_group_memberships", ["user_group_memberships"]),
]


def test_the_model_tag_plans_exactly_the_model_s_request_series():
    plan = build_plan(SHIPPED, None, ["model"])
    assert [(g.root.key, g.keys) for g in plan.groups] == MODEL_SERIES
    assert plan.added == []
    model = {s.key for s in SHIPPED.streams if "model" in s.tags}
    assert sorted(k for g in plan.groups for k in g.keys) == sorted(model)
    assert len(model) == 33


def test_the_tables_beyond_the_model_are_tagged_by_area_and_follow_it():
    # 11 (first batch) + 12 (tests/test_batch_b.py) + 8 (tests/test_batch_a.py) +
    # custom_object_schemas, and the custom object tables of each account
    # (tests/test_custom_objects.py)
    assert len(BEYOND) == 32
    assert list(SHIPPED.streams[-len(BEYOND) :]) == [SHIPPED.stream(k) for k in BEYOND]
    areas = {"crm", "marketing", "admin", "ecommerce", "custom-objects"}
    for key in BEYOND:
        s = SHIPPED.stream(key)
        assert s.tags and set(s.tags) <= areas, key
        # full, unless the API filters on the server (activities' `after`)
        assert s.fed or s.replication.mode == "full" or s.replication.filter, key
        assert all(c.description for c in s.columns), key


def test_messages_reads_the_pages_campaign_message_contents_requests():
    plan = build_plan(SHIPPED, None, [])
    series = [g for g in plan.groups if g.root.endpoint == "/messages"]
    assert [g.keys for g in series] == [["campaign_message_contents", "messages"]]


@pytest.mark.slow
def test_the_tables_beyond_the_model_load_from_the_sandbox(tmp_path):
    db = tmp_path / "acx.duckdb"
    with Sandbox(contacts=150, api_key="k", rate_limit=0) as sb:
        code, lines = run(
            sb.url, "k", f"duckdb:{db}", tables=("crm,marketing,admin,ecommerce,custom-objects",)
        )
        assert code == 0, "\n".join(lines)
        want_tags = {int(t["id"]) for t in sb.expected("tags")}
        carried = {int(t["tag"]) for t in sb.expected("contactTags")}
        messages = sb.expected("messages")
        brandings = sb.expected("brandings")
    unused = want_tags - carried
    assert unused  # the sandbox keeps tags no contact carries
    with duck(db) as con:
        for key in BEYOND:
            name = SHIPPED.stream(key).name
            assert con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] > 0, key
        got_tags = {r[0] for r in con.execute("SELECT id FROM tags").fetchall()}
        in_contact_tags = {r[0] for r in con.execute("SELECT tag_id FROM contact_tags").fetchall()}
        assert got_tags == want_tags and unused <= got_tags - in_contact_tags
        # every message, not only the ones campaigns reference
        assert con.execute("SELECT count(*) FROM messages").fetchone()[0] == len(messages)
        assert con.execute("SELECT count(*) FROM campaign_message_contents").fetchone()[0] < len(
            messages
        )
        # brandings: the scalar field named `links` loads despite source.ignored_fields
        flags = dict(con.execute("SELECT id, links_flag FROM brandings").fetchall())
        assert flags == {int(b["id"]): int(b["links"]) for b in brandings}
        events = con.execute("SELECT events FROM webhooks ORDER BY id").fetchall()
        assert all(isinstance(json.loads(e), list) for (e,) in events)
