"""`acx fields` against the sandbox: the column lines it prints for undeclared fields paste into
the spec, validate and fill the column on the next run; a misspelled field shows as not seen,
with the field that arrived instead. Type inference and the YAML lines are tested on values."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from engine.read.drift import FieldTally
from engine.report.fields import infer_type, new_columns
from engine.spec import load_spec
from tests.conftest import SPEC
from tests.runhelp import duck, env_for, run

KEY = "fields-test-key-0123456789"
SHIPPED = load_spec(SPEC)


@pytest.fixture(scope="module")
def sandbox():
    from sandbox import Sandbox

    with Sandbox(contacts=50, api_key=KEY, rate_limit=0) as sb:
        yield sb


def fields(cli, sandbox, *args: str, key: str = KEY):
    return cli("fields", *args, env=env_for(sandbox.url, key))


def paste(spec_text: str, table: str, lines: list[str]) -> str:
    """Insert lines right under `streams.<table>.columns:`, as a user would."""
    out = spec_text.splitlines()
    start = out.index(f"  {table}:")
    at = next(i for i in range(start, len(out)) if out[i] == "    columns:")
    return "\n".join([*out[: at + 1], *lines, *out[at + 1 :]]) + "\n"


def copy_spec(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "spec.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def column_lines(output: str) -> dict[str, str]:
    """The pasteable lines of an output, by column key."""
    return {
        m.group(1): line for line in output.splitlines() if (m := re.match(r" {6}(\w+): \{", line))
    }


def test_pasted_lines_validate_are_no_longer_listed_and_fill_the_column(cli, sandbox, tmp_path):
    first = fields(cli, sandbox, SPEC, "--table", "contacts")
    assert first.exit_code == 0, first.output
    assert first.output.startswith("# contacts: 50 records sampled (GET /contacts: 1 page)\n")
    assert "paste under streams.contacts.columns:" in first.output
    lines = column_lines(first.output)
    # the sandbox sends created_by like live accounts do (reference: real-responses.md)
    chosen = (
        "created_by"
        if "created_by" in lines
        else next(k for k, v in lines.items() if "# e.g." in v)
    )
    line = lines[chosen]
    assert "description: TODO describe" in line

    copy = copy_spec(tmp_path, paste(SPEC.read_text(encoding="utf-8"), "contacts", [line]))
    spec = load_spec(copy)
    assert spec.stream("contacts").column(chosen).description == "TODO describe"
    assert cli("validate", copy).exit_code == 0

    again = fields(cli, sandbox, copy, "--table", "contacts")
    assert again.exit_code == 0, again.output
    assert chosen not in column_lines(again.output)
    assert chosen not in again.output  # nor among the declared fields not seen
    assert set(column_lines(again.output)) == set(lines) - {chosen}

    name = spec.stream("contacts").column(chosen).name
    code, out = run(
        sandbox.url, KEY, f"duckdb:{tmp_path / 'acx.duckdb'}", spec=str(copy), tables=["contacts"]
    )
    assert code == 0, out
    with duck(tmp_path / "acx.duckdb") as con:
        filled = con.execute(f'SELECT count("{name}") FROM contacts').fetchone()[0]
    assert filled > 0


def test_a_misspelled_field_is_not_seen_with_a_did_you_mean(cli, sandbox, tmp_path):
    text = SPEC.read_text(encoding="utf-8")
    declared = (
        "      updated_timestamp: {type: timestamp, description: When the record was last updated.}"
    )
    assert text.count(declared) >= 1
    start = text.index("\n  contacts:\n")
    at = text.index(declared, start)
    broken = (
        text[:at]
        + declared.replace("{type:", "{field: updated_timestmp, type:")
        + text[at + len(declared) :]
    )
    result = fields(cli, sandbox, copy_spec(tmp_path, broken), "--table", "contacts")
    assert result.exit_code == 0, result.output
    assert (
        "# 1 declared field not in any sampled record: updated_timestamp (field updated_timestmp)"
        " (did you mean updated_timestamp?)"
    ) in result.output.splitlines()


def test_fed_and_per_parent_tables(cli, sandbox):
    result = fields(
        cli, sandbox, SPEC, "--tables", "contact_tags,user_group_memberships", "--sample", "5"
    )
    assert result.exit_code == 0, result.output
    heads = [line for line in result.output.splitlines() if re.match(r"# \w+: ", line)]
    assert heads[0].startswith("# contact_tags: ") and "(from the contacts sample)" in heads[0]
    assert heads[1].startswith("# user_group_memberships: ")
    assert "(GET /groups/1/userGroups" in heads[1]
    assert "# contacts:" not in result.output  # read only to reach contact_tags: not reported


def test_sample_size_and_what_is_read(cli, sandbox):
    result = fields(cli, sandbox, SPEC, "-t", "campaigns", "--sample", "7")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("# campaigns: 7 records sampled (GET /campaigns: 1 page)\n")


def test_a_table_that_cannot_be_read_fails_alone(cli, sandbox, tmp_path):
    text = SPEC.read_text(encoding="utf-8").replace("endpoint: /scores\n", "endpoint: /scorez\n")
    result = fields(cli, sandbox, copy_spec(tmp_path, text), "--tables", "scores,users")
    assert result.exit_code == 1
    assert re.search(r"^# scores: not read: .*404", result.output, re.M), result.output
    assert "# users: 12 records sampled" in result.output


def test_what_a_failed_table_feeds_is_not_read_either(cli, sandbox, tmp_path):
    text = SPEC.read_text(encoding="utf-8")
    text = text.replace("endpoint: /groups\n", "endpoint: /groupz\n")
    text = text.replace("records: contactTags  #", "records: meta  #")  # an object, not an array
    tables = "user_group_memberships,contacts,contact_tags"
    result = fields(cli, sandbox, copy_spec(tmp_path, text), "--tables", tables, "--sample", "5")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert (
        "# user_group_memberships: nothing to compare: its parent table user_groups could not be read"
        in lines
    )
    assert "# contacts: 5 records sampled (GET /contacts: 1 page)" in lines
    assert (
        "# contact_tags: not read: table contact_tags: 'meta' is an object where an array was expected (the endpoint may return one record: use paging kind single)"
        in lines
    )


def test_a_refused_key_is_one_line(cli, sandbox):
    result = fields(cli, sandbox, SPEC, "--tables", "users,lists", key="wrong-key")
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and result.output.startswith(
        "acx: the API key was refused"
    )
    assert "wrong-key" not in result.output


def test_usage_errors_exit_2(cli, sandbox):
    assert fields(cli, sandbox, SPEC, "--table", "contactz").exit_code == 2
    assert fields(cli, sandbox, SPEC, "--sample", "0").exit_code == 2


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["112", "5"], "integer"),  # ids and counts arrive as numeric strings
        ([3, "3"], "integer"),  # the same field seen both ways
        (["0", "1", "1"], "integer"),  # 0/1 flags are integers in the spec
        (["12.50", "3"], "float"),  # fractional: float, as the spec types money and percentages
        ([1.5], "float"),
        (["2018-11-29T16:53:17-06:00"], "timestamp"),
        (["2018-11-29 16:53:17", "2018-11-29T16:53:17Z"], "timestamp"),
        (["0000-00-00 00:00:00", "2021-04-01 10:00:00"], "timestamp"),  # zero dates load as NULL
        (["2024-01-05", "0000-00-00"], "date"),
        (["2024-01-05", "2024-01-05 10:00:00"], "timestamp"),
        ([{"EUR": {"total": "11"}}], "json"),
        ([[], ["1", "2"]], "json"),
        ([True, False], "boolean"),
        ([False, "0"], "boolean"),  # email_empty: false on lists, "0" side-loaded
        ([None, None], "text"),  # nothing to go by
        ([None, "", "5"], "integer"),
        (["007"], "text"),  # a leading zero is not a number
        (["12345678901234567890"], "text"),  # past BIGINT
        (["positive", "3"], "text"),
        ([["a"], "||a||b||"], "text"),  # multi-value custom fields: an array or a string
        (["https://a.api-us1.com"], "text"),
    ],
)
def test_infer_type(values, expected):
    assert infer_type(values) == expected


def test_awkward_field_names_paste_as_valid_columns(tmp_path):
    """A name that is no column key, a YAML word, a clash with a declared column's warehouse
    name: each line still validates and reads the API field it was made from."""
    stream = SHIPPED.stream("contacts")
    record = {
        "id": "1",
        "some-field": "a",
        "on": "1",
        "first_name": "Ana",
        "1st": "x",
        "null": None,
    }
    tally = FieldTally(stream, SHIPPED)
    tally.observe([record])
    made = new_columns(stream, tally, [record], SHIPPED.naming)
    assert [(c.key, c.api_field) for c in made] == [
        ("f_1st", "1st"),
        ("first_name_2", "first_name"),  # first_name is firstName's warehouse name
        ("null", "null"),
        ("on", "on"),
        ("some_field", "some-field"),
    ]
    lines = [c.line() for c in made]
    assert (
        lines[0]
        == '      f_1st: {field: \'"1st"\', type: text, description: TODO describe}  # e.g. "x"'
    )
    assert (
        lines[2]
        == '      "null": {type: text, description: TODO describe}  # null in all 1 records'
    )
    assert lines[3].startswith('      "on": {type: integer, ')
    spec = load_spec(
        copy_spec(tmp_path, paste(SPEC.read_text(encoding="utf-8"), "contacts", lines))
    )
    loaded = spec.stream("contacts")
    for c in made:
        assert loaded.column(c.key).expr.search(record) == record[c.api_field]
