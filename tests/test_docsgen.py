"""`acx docs`: the data dictionary of the shipped spec is a reviewed golden file (refresh with
`make golden`), and its Markdown holds together: every table and column once, every table row
with its cells, every link to an anchor that exists."""

from __future__ import annotations

import os
import re

import pytest

from engine.report.docs import COLUMN_HEADER, code, data_dictionary
from engine.spec import load_spec
from tests.conftest import MINI, ROOT, SPEC
from tests.runhelp import golden_text

GOLDEN = ROOT / "tests" / "golden" / "docs" / "activecampaign.md"
REFRESH = os.environ.get("ACX_REFRESH_GOLDEN") == "1"
UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


@pytest.fixture(scope="module")
def spec():
    return load_spec(SPEC)


@pytest.fixture(scope="module")
def text(spec):
    return data_dictionary(spec)


def test_matches_golden(text):
    stored = golden_text(GOLDEN, text, REFRESH)
    assert text == stored, "the data dictionary changed: review, then `make golden`"


def test_cli_writes_the_same_file(cli, tmp_path, text):
    out = tmp_path / "dictionary.md"
    result = cli("docs", SPEC, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert out.read_text() == text
    assert cli("docs", SPEC).output == text


def test_every_table_and_column_once(spec, text):
    for stream in spec.streams:
        assert text.count(f'<a id="{stream.name}"></a>') == 1
        section = text.split(f'<a id="{stream.name}"></a>', 1)[1].split("<a id=", 1)[0]
        assert f"## {stream.title}" in section
        assert f"| Warehouse table | `{stream.name}` |" in section
        rows = [line for line in section.splitlines() if line.startswith("| `")]
        assert [r.split(" | ")[0][2:] for r in rows] == [code(c.name) for c in stream.columns]
        assert "| Replication |" in section and "| Rows from |" in section


def test_table_rows_have_their_cells(text):
    """Pipes inside values are escaped, so each row splits into the header's cell count."""
    width = None
    for line in text.splitlines():
        if not line.startswith("|"):
            width = None
            continue
        cells = len(UNESCAPED_PIPE.findall(line)) - 1
        width = width or cells
        assert cells == width, line
        assert cells in (2, len(COLUMN_HEADER)), line


def test_links_point_at_anchors(text):
    anchors = set(re.findall(r'<a id="([^"]+)"></a>', text))
    targets = set(re.findall(r"\]\(#([^)]+)\)", text))
    assert targets and targets <= anchors, targets - anchors


def test_what_the_shipped_spec_says(text):
    assert "| Primary key | `tasktype_id`, `outcome_id` |" in text
    assert "| Cursor | `udate`, sent as `filters[updated_after]`" in text
    assert "| Update window | 1 day before the savepoint |" in text
    assert "nested: each element of `outcomes` in the records of [`task_types`]" in text
    assert "side-load: the responses of [`pipelines`](#pipelines) (`GET /dealGroups`)" in text
    assert "`GET /groups/{parent.id}/userGroups`, once per row of [`user_groups`]" in text
    assert (
        "| `owner` | integer | `owner` | ID of the account owner. | [`users.id`](#users) |" in text
    )
    assert "| `outcome_id \\|\\| id \\|\\| _value` |" in text  # a JMESPath with pipes
    assert "| `createdTimestamp` or `created_timestamp` |" in text  # a field with an alias
    assert '<a id="deals_with_custom_fields"></a>' in text


def test_mini_spec(cli):
    result = cli("docs", MINI)
    assert result.exit_code == 0, result.stderr
    assert "# Mini API: data dictionary" in result.output
    assert (
        "| Row filter |" not in result.output and "| Joined records | `tag_record`" in result.output
    )
