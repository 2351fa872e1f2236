"""Custom objects (issue 14): the `table_per_row` spec word makes one table per custom object
schema of the account, with a typed column per field, found when a run starts. A field or a
schema added between runs becomes a column or a table on the next run; an account without
custom objects loads everything else and says why none were loaded."""

from __future__ import annotations

import json
import re

import pytest

from engine.read.records import RowBuilder
from engine.spec import load_spec
from engine.spec.expand import expand
from sandbox import Sandbox
from tests.conftest import SPEC
from tests.runhelp import duck, env_for, run

SHIPPED = load_spec(SPEC)
TEMPLATE = next(t for t in SHIPPED.templates if t.key == "custom_objects")

SCHEMA_ROW = {
    "id": "6449c3f3-b68d-46d1-850b-c8aea998ce1b",
    "slug": "my-object",
    "labels": {"singular": "My Object", "plural": "My Objects"},
    "fields": [
        {"id": "my-number-field", "labels": {"singular": "Number"}, "type": "number"},
        {"id": "signed-on", "labels": {"singular": "Signed on"}, "type": "date"},
        {
            "id": "gone",
            "labels": {"singular": "Gone"},
            "type": "text",
            "status": "marked_for_deletion",
        },
        {"id": "geo", "labels": {"singular": "Where"}, "type": "geopoint"},
        {"id": "id", "labels": {"singular": "Their id"}, "type": "text"},
    ],
}
# the documented example record (developers.activecampaign.com/reference/list-records-created-from-a-schema)
RECORD = {
    "id": "1fba439a-208e-48e6-bd23-f6c97c3e0519",
    "externalId": "test-obj-1",
    "schemaId": "6449c3f3-b68d-46d1-850b-c8aea998ce1b",
    "fields": [
        {"id": "my-number-field", "value": 100},
        {"id": "id", "value": "X-7"},
    ],
    "relationships": {"primary-contact": ["14"]},
    "createdTimestamp": "2021-04-16T16:12:22.222685095Z",
    "updatedTimestamp": "2021-04-16T16:13:12.022671090Z",
}


def test_a_schema_row_makes_a_table_with_a_typed_column_per_field():
    found = expand(SHIPPED, {"custom_object_schemas": [SCHEMA_ROW]})
    table = found.spec.stream("custom_object_my_object")
    assert table.endpoint == "/customObjects/records/6449c3f3-b68d-46d1-850b-c8aea998ce1b"
    assert table.title == "Custom object: My Objects"
    assert "custom-objects" in table.tags and "custom_objects" in table.tags
    fixed = [c.key for c in TEMPLATE.stream.columns]
    added = {c.key: c.type for c in table.columns if c.key not in fixed}
    # a deleted field makes no column; a kind the spec does not map loads as text, said;
    # a field named like a fixed column gets a suffix, said
    assert added == {
        "my_number_field": "decimal",
        "signed_on": "date",
        "geo": "text",
        "id_field": "text",
    }
    assert any("geopoint" in n and "loaded as text" in n for n in table.notes)
    assert any("'id_field'" in n for n in table.notes)
    values = RowBuilder(table).columns({"records": [RECORD]}, [RECORD])
    got = {c.key: v[0] for c, v in zip(table.columns, values, strict=True)}
    assert got["my_number_field"] == 100 and got["id_field"] == "X-7" and got["id"] == RECORD["id"]
    assert got["signed_on"] is None  # a record may leave a field out


def test_rows_that_cannot_make_a_table_are_said_not_guessed():
    nameless = {**SCHEMA_ROW, "slug": ""}
    twin = {**SCHEMA_ROW, "id": "other"}
    found = expand(SHIPPED, {"custom_object_schemas": [SCHEMA_ROW, twin, nameless]})
    made = [s.key for s in found.spec.streams if s.template]
    assert made == ["custom_object_my_object"]
    assert len(found.warnings) == 2
    assert any("already exists" in w for w in found.warnings)
    assert any("lacks a value" in w for w in found.warnings)


def test_a_template_is_not_a_table_until_the_account_is_read():
    assert "custom_objects" not in SHIPPED.keys
    assert "custom_object_schemas" in SHIPPED.keys
    assert TEMPLATE.shown_name == "custom_object_<slug>"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "of: custom_object_schemas",
            "of: custom_object_schema",
            r"no stream 'custom_object_schema'",
        ),
        ("number: decimal", "number: numeric", r"'numeric' is not a type"),
        (
            '"/customObjects/records/{row.id}"',
            '"/customObjects/records/{parent.id}"',
            r"unknown placeholder",
        ),
    ],
)
def test_a_broken_template_is_reported_with_its_line(cli, tmp_path, old, new, expected):
    text = SPEC.read_text()
    assert old in text
    spec = tmp_path / "broken.yaml"
    spec.write_text(text.replace(old, new, 1))
    result = cli("validate", spec)
    assert result.exit_code == 2
    assert re.search(
        rf"^{re.escape(str(spec))}:\d+: streams\.custom_objects\..*{expected}", result.stderr, re.M
    ), result.stderr


def _tables(con) -> set[str]:
    return {
        r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()
    }


def _columns(con, table: str) -> dict[str, str]:
    rows = con.execute(f"DESCRIBE {table}").fetchall()
    return {r[0]: r[1] for r in rows}


def test_custom_objects_load_as_tables_and_follow_schema_changes(tmp_path):
    db = tmp_path / "co.duckdb"
    with Sandbox(contacts=200, api_key="k", rate_limit=0) as sb:
        sb.reset_stats()
        code, lines = run(sb.url, "k", f"duckdb:{db}", tables=("custom-objects",))
        assert code == 0, "\n".join(lines)
        # the schemas' first page is read once: to find the tables, then loaded from it
        schemas = sb.stats()["by_path"]
        assert schemas.get("/api/3/customObjects/schemas") == 1, schemas
        expected = {s.row["slug"]: s for s in sb.world.custom_objects.schemas}
        with duck(db) as con:
            assert {"custom_object_subscription", "custom_object_support_ticket"} <= _tables(con)
            cols = _columns(con, "custom_object_subscription")
            assert cols["seats"].startswith("DECIMAL") and cols["renews_on"] == "DATE"
            assert cols["add_ons"] == "JSON" and cols["plan_name"] == "VARCHAR"
            assert "legacy_code" not in _columns(con, "custom_object_support_ticket")
            assert _columns(con, "custom_object_support_ticket")["escalated"] == "BOOLEAN"
            for slug, schema in expected.items():
                table = "custom_object_" + slug.replace("-", "_")
                n = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                assert n == len(schema.records)
            record = expected["subscription"].records[0]
            value = {f["id"]: f["value"] for f in record["fields"]}
            got = con.execute(
                "SELECT seats, plan_name, schema_id, relationships FROM custom_object_subscription WHERE id = ?",
                [record["id"]],
            ).fetchone()
            assert (None if got[0] is None else int(got[0])) == value.get("seats")
            assert got[1] == value.get("plan-name")
            assert got[2] == expected["subscription"].row["id"]
            assert json.loads(got[3]) == record["relationships"]
        sb.add_custom_field("subscription", "trial-days", "number", "Trial days")
        sb.add_custom_schema(
            "warranty",
            "Warranty",
            "Warranties",
            [{"id": "serial", "type": "text", "label": "Serial"}],
        )
        code, lines = run(sb.url, "k", f"duckdb:{db}", tables=("custom-objects",))
        assert code == 0, "\n".join(lines)
        with duck(db) as con:
            assert "trial_days" in _columns(con, "custom_object_subscription")
            filled = con.execute(
                "SELECT count(trial_days) FROM custom_object_subscription"
            ).fetchone()[0]
            assert filled == len(expected["subscription"].records)
            assert con.execute("SELECT count(*) FROM custom_object_warranty").fetchone()[0] == 3
            assert con.execute("SELECT count(*) FROM custom_object_schemas").fetchone()[0] == 3


def test_an_account_without_custom_objects_loads_the_rest_and_says_why(tmp_path):
    db = tmp_path / "no.duckdb"
    with Sandbox(contacts=50, api_key="k", rate_limit=0) as sb:
        sb.custom_objects_enabled = False
        code, lines = run(sb.url, "k", f"duckdb:{db}", tables=("custom-objects", "tags"))
        text = "\n".join(lines)
        assert code == 1  # custom_object_schemas fails alone, naming the status
        assert "none of them is loaded this run" in text and "HTTP 403" in text
        with duck(db) as con:
            assert con.execute("SELECT count(*) FROM tags").fetchone()[0] > 0


def test_streams_lists_the_account_s_tables(cli):
    with Sandbox(contacts=50, api_key="k", rate_limit=0) as sb:
        result = cli("streams", SPEC, "--json", env=env_for(sb.url, "k"))
    assert result.exit_code == 0, result.stderr
    rows = {r["name"]: r for r in json.loads(result.stdout)}
    assert rows["custom_object_subscription"]["made_by"] == "custom_objects"
    assert rows["custom_object_<slug>".replace("<slug>", "{row.slug}")]["template"] is True
    offline = cli("streams", SPEC, "--offline")
    assert (
        "custom_object_subscription" not in offline.stdout
        and "custom_object_{row.slug}" in offline.stdout
    )


def test_ddl_notes_that_the_tables_depend_on_the_account(cli):
    result = cli("ddl", SPEC, "-d", "postgres", "-t", "custom_objects")
    assert result.exit_code == 0, result.stderr
    assert "depend on the account" in result.stdout
    assert all(line.startswith("--") for line in result.stdout.strip().splitlines())


def test_a_dry_run_says_why_it_cannot_plan_an_account_s_table(cli):
    env = env_for("https://example.api-us1.com", "k" * 64)
    result = cli("run", SPEC, "--dry-run", "--tables", "custom_object_subscription", env=env)
    assert result.exit_code == 2
    assert (
        "custom_object_<slug>" in result.stderr and "`acx streams SPEC` lists them" in result.stderr
    )
    plan = cli("run", SPEC, "--dry-run", "--tables", "custom-objects", env=env)
    assert plan.exit_code == 0, plan.stderr
    assert "custom_object_<slug>: full, GET /customObjects/records/{row.id}" in plan.stdout
