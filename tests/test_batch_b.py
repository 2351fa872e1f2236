"""Issue 14, second batch: eleven more resources of API v3 and the automations' SMS list. Each
loads from the sandbox with every record the API lists and foreign keys that resolve; the
field-list relations come with the /fields pages at no request of their own; `--tables model`
still makes exactly the model's 24 request series."""

from __future__ import annotations

from engine.run.plan import build_plan
from engine.spec import load_spec
from sandbox import Sandbox
from tests.conftest import SPEC
from tests.runhelp import duck, run

SHIPPED = load_spec(SPEC)
# table -> (tag, the sandbox's collection: endpoint key or side-load)
BATCH_B = {
    "campaign_links": ("marketing", "links"),
    "campaign_lists": ("marketing", "campaignLists"),
    "field_rels": ("crm", "fieldRels"),
    "deal_group_users": ("crm", "dealGroupUsers"),
    "templates": ("marketing", "templates"),
    "bounce_logs": ("marketing", "bounceLogs"),
    "goals": ("marketing", "goals"),
    "conversions": ("marketing", "conversions"),
    "conversion_triggers": ("marketing", "conversionTriggers"),
    "contact_emails": ("crm", "contactEmails"),
    "contact_data": ("crm", "contactData"),
    "sms": ("marketing", "sms"),
}
# foreign keys whose 0 means "none" (every list, every message of the campaign, no deal, ...)
ZERO_IS_NONE = {
    ("campaign_links", "messageid"),
    ("field_rels", "relid"),
    ("contact_emails", "d_id"),
    ("contact_emails", "seriesid"),
    ("contact_emails", "account"),
    ("contact_data", "created_by"),
    ("contact_data", "updated_by"),
}


def _keys() -> list[str]:
    return [s.key for s in SHIPPED.streams]


def test_the_block_sits_between_tags_and_automations_tagged_and_read_whole():
    keys = _keys()
    start = keys.index("tags") + 1
    assert keys[start : start + len(BATCH_B)] == list(BATCH_B)
    assert keys[start + len(BATCH_B)] == "automations"
    for key, (tag, _) in BATCH_B.items():
        s = SHIPPED.stream(key)
        assert s.tags == (tag,) or list(s.tags) == [tag], key
        assert s.permission and all(c.description for c in s.columns), key
        assert s.fed or s.replication.mode == "full", key  # no server-side filter on any


def test_field_rels_ride_on_the_fields_pages_at_no_extra_request():
    every = build_plan(SHIPPED, None, [])
    without = build_plan(SHIPPED, None, [k for k in _keys() if k != "field_rels"])
    assert len(every.groups) == len(without.groups)
    [fields] = [g for g in every.groups if g.root.key == "contact_custom_fields"]
    assert fields.root.endpoint == "/fields"
    assert fields.keys == ["contact_custom_fields", "contact_custom_field_options", "field_rels"]
    # each other new table is one series of requests of its own (a flat list, not per parent)
    own = {g.root.key: g for g in every.groups if g.root.key in BATCH_B}
    assert sorted(own) == sorted(k for k in BATCH_B if k != "field_rels")
    assert all("{parent" not in (g.root.endpoint or "") for g in own.values())


def test_the_model_tag_still_plans_exactly_24_request_series():
    plan = build_plan(SHIPPED, None, ["model"])
    assert len(plan.groups) == 24
    assert not {k for g in plan.groups for k in g.keys} & set(BATCH_B)


def _references() -> list[tuple[str, str, str, str]]:
    """(table, column, referenced table, referenced column) of the new tables, as warehouse names."""
    out = []
    for key in BATCH_B:
        s = SHIPPED.stream(key)
        for c in s.columns:
            if c.references:
                target = SHIPPED.stream(c.references[0])
                ref = next(col for col in target.columns if col.key == c.references[1])
                out.append((s.name, c.name, target.name, ref.name))
    return out


def test_every_new_table_loads_every_record_with_keys_that_resolve(tmp_path):
    db = tmp_path / "acx.duckdb"
    with Sandbox(contacts=150, api_key="k", rate_limit=0) as sb:
        code, lines = run(sb.url, "k", f"duckdb:{db}")
        assert code == 0, "\n".join(lines)
        want = {key: len(sb.expected(table)) for key, (_, table) in BATCH_B.items()}
        first_rel = sb.expected("fieldRels")[0]
    assert all(n > 0 for n in want.values()), want
    checked = 0
    with duck(db) as con:
        for key, n in want.items():
            name = SHIPPED.stream(key).name
            assert con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] == n, key
        for table, column, target, ref in _references():
            zero = f' AND t."{column}" <> 0' if (table, column) in ZERO_IS_NONE else ""
            orphans = con.execute(
                f'SELECT count(*) FROM "{table}" t WHERE t."{column}" IS NOT NULL{zero} '
                f'AND t."{column}" NOT IN (SELECT "{ref}" FROM "{target}")'
            ).fetchone()[0]
            assert orphans == 0, (table, column, target)
            checked += con.execute(
                f'SELECT count("{column}") FROM "{table}" t WHERE true{zero}'
            ).fetchone()[0]
        # the values themselves: numeric strings, camelCase fields, "all lists" as relid 0
        rel = con.execute(
            "SELECT field, relid, dorder FROM field_rels WHERE id = ?", [int(first_rel["id"])]
        ).fetchone()
        assert rel == (int(first_rel["field"]), int(first_rel["relid"]), int(first_rel["dorder"]))
        assert con.execute("SELECT count(*) FROM field_rels WHERE relid = 0").fetchone()[0] > 0
        groups = con.execute("SELECT count(DISTINCT deal_group) FROM deal_group_users").fetchone()
        assert groups[0] == con.execute("SELECT count(*) FROM pipelines").fetchone()[0]
        # zone-less template stamps and MySQL zero dates load as instants or NULL, never as text
        assert con.execute("SELECT count(mdate) FROM templates").fetchone()[0] == want["templates"]
        zero = con.execute("SELECT count(*) FROM contact_data WHERE created_timestamp IS NULL")
        assert zero.fetchone()[0] > 0
    assert checked > 1000  # the keys checked are real rows, not a handful of NULLs
