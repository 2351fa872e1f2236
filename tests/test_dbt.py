"""`acx dbt`: a sources.yml that loads as YAML, names every table and column by its warehouse
name, and carries the key and relationship tests the spec implies."""

from __future__ import annotations

import pytest
import yaml

from engine.report.dbt import sources_yaml
from engine.spec import load_spec
from tests.conftest import MINI, SPEC


@pytest.fixture(scope="module")
def spec():
    return load_spec(SPEC)


@pytest.fixture(scope="module")
def doc(spec):
    return yaml.safe_load(sources_yaml(spec))


def tables(doc):
    return {t["name"]: t for t in doc["sources"][0]["tables"]}


def column(table, name):
    return next(c for c in table["columns"] if c["name"] == name)


def test_one_source_with_every_table_and_column(spec, doc):
    assert doc["version"] == 2
    assert len(doc["sources"]) == 1
    source = doc["sources"][0]
    assert source["name"] == "activecampaign" and "schema" not in source
    got = tables(doc)
    assert list(got) == [s.name for s in spec.streams]
    for s in spec.streams:
        assert got[s.name]["description"] == s.description
        assert [c["name"] for c in got[s.name]["columns"]] == [c.name for c in s.columns]
        for c in s.columns:
            assert column(got[s.name], c.name)["description"] == c.description


def test_single_primary_key_is_unique_and_not_null(doc):
    assert column(tables(doc)["contacts"], "id")["data_tests"] == ["unique", "not_null"]


def test_composite_key_uses_dbt_utils(doc, spec):
    table = tables(doc)["task_type_outcomes"]
    assert table["data_tests"] == [
        {
            "dbt_utils.unique_combination_of_columns": {
                "arguments": {"combination_of_columns": ["tasktype_id", "outcome_id"]}
            }
        }
    ]
    assert "not_null" in column(table, "tasktype_id")["data_tests"]
    assert "unique" not in column(table, "outcome_id")["data_tests"]
    header = sources_yaml(spec).split("version: 2", 1)[0]
    assert "dbt_utils" in header and "packages.yml" in header
    assert all(line.startswith("#") for line in header.strip().splitlines())


def test_foreign_keys_get_relationships(doc):
    tests = column(tables(doc)["contact_field_values"], "contact")["data_tests"]
    assert tests == [
        {
            "relationships": {
                "arguments": {"to": "source('activecampaign', 'contacts')", "field": "id"}
            }
        }
    ]
    # user_group_memberships.groupid is both a parent key and a reference: one test
    groupid = column(tables(doc)["user_group_memberships"], "groupid")["data_tests"]
    assert groupid.count(groupid[-1]) == 1 and len(groupid) == 2  # not_null + relationships


def test_every_relationship_points_at_a_column_of_the_source(doc):
    got = tables(doc)
    count = 0
    for table in got.values():
        for col in table["columns"]:
            for test in col.get("data_tests", []):
                if isinstance(test, dict) and "relationships" in test:
                    args = test["relationships"]["arguments"]
                    target = args["to"].removeprefix("source('activecampaign', '").rstrip("')")
                    assert args["field"] in {c["name"] for c in got[target]["columns"]}
                    count += 1
    assert count >= 60


def test_reserved_words_are_quoted(doc):
    assert column(tables(doc)["deals"], "group")["quote"] is True
    assert "quote" not in column(tables(doc)["deals"], "title")


def test_cli_names_and_schema(cli, tmp_path):
    out = tmp_path / "sources.yml"
    result = cli("dbt", MINI, "--source-name", "mini_raw", "--schema", "raw", "-o", out)
    assert result.exit_code == 0, result.stderr
    doc = yaml.safe_load(out.read_text())
    source = doc["sources"][0]
    assert (source["name"], source["schema"]) == ("mini_raw", "raw")
    rel = column(tables(doc)["contact_tags"], "contact")["data_tests"][0]
    assert rel["relationships"]["arguments"]["to"] == "source('mini_raw', 'contacts')"


def test_bad_source_name_is_a_one_line_error(cli):
    result = cli("dbt", MINI, "--source-name", "no spaces")
    assert result.exit_code == 2
    assert result.stderr.startswith("acx: dbt source name 'no spaces' is not an identifier")
