"""Broken specs: each gives its one-line error naming file, line and key path, and exit code 2."""

from __future__ import annotations

import re

import pytest

from tests.conftest import MINI, SPEC

MINI_TEXT = MINI.read_text()

# (id, text to replace in mini.yaml, replacement, expected error after "file:line: ")
CASES = [
    (
        "type-typo",
        "udate: {type: timestamp",
        "udate: {type: timestap",
        r"streams\.contacts\.columns\.udate\.type: 'timestap' is not one of \[.*\] \(did you mean 'timestamp'\?\)",
    ),
    (
        "unknown-key",
        "records: contacts\n",
        "record: contacts\n",
        r"streams\.contacts\.record: unknown key 'record' \(did you mean 'records'\?\)",
    ),
    (
        "missing-description",
        "ratio: {type: float, description: Ratio.}",
        "ratio: {type: float}",
        r"streams\.contacts\.columns\.ratio: 'description' is required",
    ),
    (
        "pk-not-a-column",
        "primary_key: [userid, groupid]",
        "primary_key: [userid, group_id]",
        r"streams\.memberships\.primary_key\.1: no column 'group_id' \(did you mean 'groupid'\?\)",
    ),
    (
        "cursor-not-a-column",
        "cursor: udate",
        "cursor: updated",
        r"streams\.contacts\.replication\.cursor: no column 'updated' \(did you mean 'udate'\?\)",
    ),
    (
        "cursor-wrong-type",
        "cursor: udate",
        "cursor: firstName",
        r"streams\.contacts\.replication\.cursor: cursor 'firstName' is text",
    ),
    (
        "parent-missing",
        "parent: {stream: groups, key: groupid}",
        "parent: {stream: grups, key: groupid}",
        r"streams\.memberships\.parent\.stream: no stream 'grups' \(did you mean 'groups'\?\)",
    ),
    (
        "placeholder-column",
        "{parent.id}",
        "{parent.ident}",
        r"streams\.memberships\.endpoint: no column 'ident' in stream 'groups'",
    ),
    (
        "placeholder-no-parent",
        "    parent: {stream: groups, key: groupid}\n",
        "",
        r"streams\.memberships\.endpoint: placeholder '\{parent\.id\}' needs a 'parent'",
    ),
    (
        "unknown-placeholder",
        "{parent.id}",
        "{start}",
        r"streams\.memberships\.endpoint: unknown placeholder '\{start\}'",
    ),
    (
        "from-unknown",
        "from: contacts",
        "from: contact",
        r"streams\.contact_tags\.from: no stream 'contact' \(did you mean 'contacts'\?\)",
    ),
    (
        "from-with-paging",
        "    from: groups\n",
        "    from: groups\n    paging: {kind: single}\n",
        r"streams\.outcomes\.paging: 'paging' belongs to the feeding stream 'groups'",
    ),
    (
        "column-name-clash",
        "      ratio: {type: float",
        "      first_name: {type: text, description: x}\n      ratio: {type: float",
        r"streams\.contacts\.columns\.first_name: column name 'first_name' is also made by column 'firstName'",
    ),
    (
        "table-name-clash",
        "    title: Groups\n",
        "    title: Groups\n    name: contacts\n",
        r"streams\.groups\.name: table name 'contacts' is also used by stream 'contacts'",
    ),
    (
        "bad-jmespath",
        "field: tag_record.tag",
        "field: 'tag_record.['",
        r"streams\.contact_tags\.columns\.tag_name\.field: not a valid JMESPath expression",
    ),
    (
        "yaml-syntax",
        "columns:\n      id: {type: integer, description: Group ID.}",
        "columns:\n      id: {type: integer, description: Group ID.",
        r"YAML syntax: ",
    ),
    (
        "duplicate-key",
        "      ratio: {type: float",
        "      ratio: {type: float, description: x}\n      ratio: {type: float",
        r"streams\.contacts\.columns\.ratio: duplicate key",
    ),
    (
        "bad-reference",
        "references: contacts.id",
        "references: contacts.idx",
        r"streams\.contact_tags\.columns\.contact\.references: no column 'idx' in stream 'contacts'",
    ),
    ("version", "version: 1", "version: 2", r"version: 1 was expected"),
    (
        "keyset-without-param",
        "param: id_greater, ",
        "",
        r"streams\.contacts\.paging: keyset paging needs 'param'",
    ),
    (
        "endpoint-and-from",
        "    from: contacts\n",
        "    from: contacts\n    endpoint: /tags\n",
        r"streams\.contact_tags\.from: give either 'endpoint' \(own requests\) or 'from', not both",
    ),
    (
        "full-with-filter",
        "replication: {mode: full}\n    columns:\n      id: {type: integer, description: Group ID.}",
        "replication: {mode: full, cursor: id, update_window_days: 2}\n    columns:\n      id: {type: integer, description: Group ID.}",
        r"streams\.groups\.replication\.mode: a full stream reads everything",
    ),
    ("stream-key-case", "  groups:\n", "  Groups:\n", r"streams: 'Groups' does not match"),
    (
        "mode-missing",
        "replication: {mode: full}\n    columns:\n      id: {type: integer, description: Group ID.}",
        "replication: {}\n    columns:\n      id: {type: integer, description: Group ID.}",
        r"streams\.groups: 'replication\.mode' is required",
    ),
    (
        "rate-not-number",
        "requests_per_second: 5",
        "requests_per_second: fast",
        r"source\.rate_limit\.requests_per_second: 'fast' is not of type 'number'",
    ),
    (
        "twin-not-a-column",
        "udate: {type: timestamp, description: Last update.}",
        "udate: {type: timestamp, same_instant_as: mdate, description: Last update.}",
        r"streams\.contacts\.columns\.udate\.same_instant_as: no column 'mdate' \(did you mean 'udate'\?\)",
    ),
    (
        "twin-not-a-timestamp",
        "udate: {type: timestamp, description: Last update.}",
        "udate: {type: timestamp, same_instant_as: bounced_date, description: Last update.}",
        r"streams\.contacts\.columns\.udate\.same_instant_as: 'bounced_date' must be another timestamp column",
    ),
    (
        "twin-on-text",
        "firstName: {type: text, description: First name.}",
        "firstName: {type: text, same_instant_as: udate, description: First name.}",
        r"streams\.contacts\.columns\.firstName\.same_instant_as: 'same_instant_as' is for timestamp columns",
    ),
    (
        "aliases-not-a-list",
        "firstName: {type: text, description: First name.}",
        "firstName: {type: text, aliases: first_name, description: First name.}",
        r"streams\.contacts\.columns\.firstName\.aliases: 'first_name' is not of type 'array'",
    ),
    (
        "referenced-by-unknown-column",
        "    replication: {mode: full}\n    columns:\n      id: {type: integer, description: Group ID.}",
        "    replication: {mode: full}\n    only_referenced_by: memberships.group_id\n"
        "    columns:\n      id: {type: integer, description: Group ID.}",
        r"streams\.groups\.only_referenced_by: no column 'group_id' in stream 'memberships' \(did you mean 'groupid'\?\)",
    ),
    (
        "referenced-by-an-incremental-table",
        "    replication: {mode: full}\n    columns:\n      id: {type: integer, description: Group ID.}",
        "    replication: {mode: full}\n    only_referenced_by: contacts.group\n"
        "    columns:\n      id: {type: integer, description: Group ID.}",
        r"streams\.groups\.only_referenced_by: 'contacts' is read incrementally",
    ),
    (
        "column-named-like-acx-own",
        "firstName: {type: text, description: First name.}",
        "_acx_synced_at: {type: text, description: First name.}",
        r"streams\.contacts\.columns\._acx_synced_at: column name '_acx_synced_at': names starting with _acx_ are acx's own",
    ),
    (
        "reconcile-a-full-table",
        "    replication: {mode: full}\n    columns:\n      id: {type: integer, description: Group ID.}",
        "    replication: {mode: full, reconcile_days: 7}\n    columns:\n      id: {type: integer, description: Group ID.}",
        r"streams\.groups\.replication\.reconcile_days: only an incremental table is reconciled",
    ),
    (
        "deletes-unknown-word",
        "      update_window_days: 1\n",
        "      update_window_days: 1\n      deletes: soft_delete\n",
        r"streams\.contacts\.replication\.deletes: 'soft_delete' is not one of \['soft', 'hard'\]",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_broken_spec_gives_one_line_error(case, cli, tmp_path):
    _, old, new, expected = case
    assert old in MINI_TEXT, f"case text not found in mini.yaml: {old!r}"
    spec = tmp_path / "broken.yaml"
    spec.write_text(MINI_TEXT.replace(old, new, 1))
    result = cli("validate", spec)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.output + result.stderr
    assert re.match(rf"^{re.escape(str(spec))}:\d+: {expected}", lines[0]), lines[0]


def test_error_line_number_points_at_the_key(cli, tmp_path):
    spec = tmp_path / "broken.yaml"
    spec.write_text(MINI_TEXT.replace("udate: {type: timestamp", "udate: {type: flot", 1))
    line = next(i for i, t in enumerate(spec.read_text().splitlines(), 1) if "type: flot" in t)
    assert cli("validate", spec).stderr.startswith(
        f"{spec}:{line}: streams.contacts.columns.udate.type"
    )


def test_every_problem_is_reported_at_once(cli, tmp_path):
    spec = tmp_path / "broken.yaml"
    text = MINI_TEXT.replace("cursor: udate", "cursor: updated").replace(
        "from: contacts", "from: contact"
    )
    spec.write_text(
        text.replace("primary_key: [userid, groupid]", "primary_key: [userid, group_id]")
    )
    result = cli("validate", spec)
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 3


def test_missing_file_and_empty_file(cli, tmp_path):
    result = cli("validate", tmp_path / "nope.yaml")
    assert result.exit_code == 2 and "no such file" in result.stderr
    empty = tmp_path / "empty.yaml"
    empty.write_text("# nothing\n")
    result = cli("validate", empty)
    assert result.exit_code == 2 and "the file is empty" in result.stderr


def test_shipped_spec_is_valid(cli):
    result = cli("validate", SPEC)
    assert result.exit_code == 0, result.stderr
    assert "65 streams, 1127 columns" in result.output


def test_unknown_table_and_dialect_are_one_line_errors(cli):
    result = cli("ddl", SPEC, "--dialect", "snowflak")
    assert result.exit_code == 2 and result.stderr.startswith("acx: unknown dialect 'snowflak'")
    result = cli("ddl", SPEC, "--dialect", "duckdb", "--table", "contcts")
    assert result.exit_code == 2 and "did you mean 'contacts'?" in result.stderr
