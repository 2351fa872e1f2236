"""Custom-field views (`views:` in the spec, `acx run --custom-field-views`): how labels become
column names, the checks on the spec, and whole runs from the sandbox into DuckDB and Postgres
where a contact's value in the view is its row in contact_field_values."""

from __future__ import annotations

import json
import os
import re
import uuid
from pathlib import Path
from typing import Any

import duckdb
import pytest

from engine.api import RunOptions, run_spec
from engine.load.ddl import render
from engine.run.views import Field, column_names, label_name, pivot_select
from engine.spec import load_spec
from sandbox import Sandbox
from tests.conftest import MINI, SPEC, pg_dsn

KEY = "views-test-key"
CONTACT_FIELDS = [  # the sandbox's contact custom fields (sandbox/gen/catalog.py), by id
    "company_size",
    "birthday",
    "favourite_colour",
    "notes",
    "interests",
    "lead_source",
    "newsletter_opt_in",
    "last_purchase",
    "loyalty_points",
    "tracking_id",
]
ACCOUNT_FIELDS = [
    "industry",
    "annual_revenue",
    "regions",
    "renewal_date",
    "employees",
    "account_notes",
]
VIEWS = ("contacts_with_custom_fields", "deals_with_custom_fields", "accounts_with_custom_fields")

# ---------------------------------------------------------------- names


@pytest.mark.parametrize(
    "label,rule,name",
    [
        ("Annual revenue", "snake_case", "annual_revenue"),
        ("Newsletter opt-in", "snake_case", "newsletter_opt_in"),
        ("firstName", "snake_case", "first_name"),
        ("  Engagement “hot” 🔥 ", "snake_case", "engagement_hot"),
        ("Année", "snake_case", "année"),
        ("ARR", "lower", "arr"),
        ("Close reason", "preserve", "Close reason"),
        ("x" * 80, "snake_case", "x" * 63),
        ("é" * 40, "snake_case", "é" * 31),  # 63 bytes at most, never half a character
        ("", "snake_case", ""),
        (None, "snake_case", ""),
        ("!!!", "snake_case", ""),
    ],
)
def test_label_name(label, rule, name):
    assert label_name(label, rule) == name


def test_column_names_are_unique():
    fields = [
        Field(1, "Email"),  # taken by a base column
        Field(2, "Notes"),
        Field(3, "notes"),  # the same name as field 2
        Field(4, ""),
        Field(5, None),
        Field(6, "field_4"),  # taken by field 4's fallback
        Field(7, "ID"),
        Field(8, "_acx_row"),  # leading/trailing `_` go
    ]
    names = column_names(fields, ["id", "EMAIL"], "snake_case")
    assert names == [
        "field_1",
        "notes",
        "field_3",
        "field_4",
        "field_5",
        "field_6",
        "field_7",
        "acx_row",
    ]
    assert column_names([Field(1, "_acx_row")], [], "preserve") == ["field_1"]  # the join key
    assert column_names([Field(9, "x"), Field(9, "x")], ["field_9"], "snake_case") == [
        "x",
        "field_9_2",
    ]


@pytest.mark.parametrize("dialect", ["duckdb", "postgres", "snowflake"])
def test_pivot_select_renders(dialect):
    spec = load_spec(SPEC)
    view = next(v for v in spec.views if v.key == "deals_with_custom_fields")
    fields = [Field(1, "Seats"), Field(2, "group")]
    sql = render([pivot_select(spec, view, fields, ["seats", "group"], dialect, "raw")], dialect)[0]
    assert "LEFT JOIN (" in sql and "GROUP BY" in sql
    assert "WHEN v.custom_field_id = 2" in sql
    assert "COALESCE(" in sql and sql.count("CAST(") == 10
    assert re.search(r'AS "group"|AS `group`', sql)
    empty = render([pivot_select(spec, view, [], [], dialect, "raw")], dialect)[0]
    assert "JOIN" not in empty and "b.*" in empty


# ---------------------------------------------------------------- the spec

VIEW_SPEC = (
    MINI.read_text()
    + """  field_values:
    title: Field values
    from: contacts
    records: fieldValues
    parent: {stream: contacts, key: contact}
    primary_key: [id]
    columns:
      id: {type: integer, description: Value ID.}
      contact: {type: integer, description: Contact ID., references: contacts.id}
      field: {type: integer, description: Field ID.}
      value: {type: text, description: Value.}
      number: {type: float, description: Number value.}
  fields:
    title: Fields
    endpoint: /fields
    records: fields
    primary_key: [id]
    replication: {mode: full}
    columns:
      id: {type: integer, description: Field ID.}
      title: {type: text, description: Label.}
views:
  contacts_wide:
    title: Contacts, wide
    base: contacts
    values: field_values
    row_key: contact
    field_key: field
    value: [value, number]
    fields: fields
    field_id: id
    label: title
"""
)

BROKEN = [
    (
        "base-missing",
        "base: contacts",
        "base: contact",
        r"views\.contacts_wide\.base: no stream 'contact' \(did you mean 'contacts'\?\)",
    ),
    (
        "value-column-missing",
        "value: [value, number]",
        "value: [value, numbr]",
        r"views\.contacts_wide\.value\.1: no column 'numbr' in stream 'field_values' "
        r"\(did you mean 'number'\?\)",
    ),
    (
        "label-missing",
        "label: title",
        "label: name",
        r"views\.contacts_wide\.label: no column 'name' in stream 'fields'",
    ),
    (
        "join-types-differ",
        "field_key: field",
        "field_key: value",
        r"views\.contacts_wide\.field_key: column 'value' is text but fields\.id, which it "
        r"joins, is integer",
    ),
    (
        "name-is-a-table",
        "  contacts_wide:\n",
        "  groups:\n",
        r"views\.groups: view name 'groups' is also the table of stream 'groups'",
    ),
    (
        "composite-base-key",
        "base: contacts",
        "base: memberships",
        r"views\.contacts_wide\.base: stream 'memberships' needs a one-column primary key",
    ),
    (
        "unknown-key",
        "    label: title\n",
        "    label: title\n    lable: x\n",
        r"views\.contacts_wide\.lable: unknown key 'lable' \(did you mean 'label'\?\)",
    ),
    (
        "required-key",
        "    field_id: id\n",
        "",
        r"views\.contacts_wide: 'field_id' is required",
    ),
    (
        "empty-value-list",
        "value: [value, number]",
        "value: []",
        r"views\.contacts_wide\.value: \[\] is not valid",
    ),
]


def test_view_spec_is_valid(tmp_path):
    path = tmp_path / "views.yaml"
    path.write_text(VIEW_SPEC)
    (view,) = load_spec(path).views
    assert (view.key, view.value, view.label) == ("contacts_wide", ("value", "number"), "title")


@pytest.mark.parametrize("case", BROKEN, ids=[c[0] for c in BROKEN])
def test_broken_view_gives_one_line_error(case, cli, tmp_path):
    _, old, new, expected = case
    assert VIEW_SPEC.count(old) == 1, old
    path = tmp_path / "broken.yaml"
    path.write_text(VIEW_SPEC.replace(old, new))
    result = cli("validate", path)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert re.match(rf"^{re.escape(str(path))}:\d+: {expected}", lines[0]), lines[0]


def test_error_points_at_the_line(cli, tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text(VIEW_SPEC.replace("label: title", "label: name"))
    line = next(i for i, t in enumerate(path.read_text().splitlines(), 1) if "label: name" in t)
    assert cli("validate", path).stderr.startswith(f"{path}:{line}: views.contacts_wide.label")


# ---------------------------------------------------------------- runs


def run(sb: Sandbox, dest: str, lines: list[str], **kwargs: Any) -> int:
    env = {
        **os.environ,
        "ACX_API_URL": sb.url,
        "ACX_API_KEY": KEY,
        "ACX_REQUESTS_PER_SECOND": "10000",
        **kwargs.pop("env", {}),
    }
    options = RunOptions(dest=dest, **kwargs)
    return run_spec(str(SPEC), options, env=env, echo=lines.append, out=lines.append)


def columns_of(con: Any, relation: str, schema: str) -> list[str]:
    rows = con.execute(
        "SELECT column_name FROM information_schema.columns "
        "WHERE table_schema = %s AND table_name = %s ORDER BY ordinal_position".replace(
            "%s", "?" if isinstance(con, duckdb.DuckDBPyConnection) else "%s"
        ),
        [schema, relation],
    ).fetchall()
    return [r[0] for r in rows]


def check_contact_view(con: Any, schema: str) -> None:
    """One column per contact field, named from its title; every value row found in the view."""
    q = f'"{schema}".' if schema != "main" else ""
    base = columns_of(con, "contacts", schema)
    assert columns_of(con, "contacts_with_custom_fields", schema) == base + CONTACT_FIELDS
    n_contacts = con.execute(f"SELECT count(*) FROM {q}contacts").fetchone()[0]
    n_view = con.execute(f"SELECT count(*) FROM {q}contacts_with_custom_fields").fetchone()[0]
    assert n_view == n_contacts
    values = con.execute(
        f"SELECT contact, field, value FROM {q}contact_field_values ORDER BY id"
    ).fetchall()
    assert len({(c, f) for c, f, _ in values}) == len(values)  # one value per contact and field
    ids = [
        r[0] for r in con.execute(f"SELECT id FROM {q}contact_custom_fields ORDER BY id").fetchall()
    ]
    by_contact: dict[int, dict[str, Any]] = {}
    for contact, field, value in values:
        by_contact.setdefault(contact, {})[CONTACT_FIELDS[ids.index(field)]] = value
    cols = ", ".join(CONTACT_FIELDS)
    rows = con.execute(f"SELECT id, {cols} FROM {q}contacts_with_custom_fields").fetchall()
    for contact_id, *wide in rows:
        want = by_contact.get(contact_id, {})
        assert dict(zip(CONTACT_FIELDS, wide, strict=True)) == {
            name: want.get(name) for name in CONTACT_FIELDS
        }
    filled = sum(1 for _, _, value in values if value is not None)
    assert filled and sum(1 for _, *wide in rows for v in wide if v is not None) == filled


@pytest.fixture
def sandbox():
    with Sandbox(contacts=120, api_key=KEY, rate_limit=0) as sb:
        yield sb


@pytest.mark.slow
def test_duckdb_views(sandbox, tmp_path):
    db = tmp_path / "acx.duckdb"
    lines: list[str] = []
    assert run(sandbox, f"duckdb:{db}", lines, custom_field_views=True) == 0, lines
    assert "view contacts_with_custom_fields: 10 custom field column(s)" in lines
    with duckdb.connect(str(db), read_only=True) as con:
        views = con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_type = 'VIEW'"
        ).fetchall()
        assert sorted(v[0] for v in views) == sorted(VIEWS)
        check_contact_view(con, "main")
        account_cols = columns_of(con, "accounts_with_custom_fields", "main")
        assert account_cols[-6:] == ACCOUNT_FIELDS
        # deals: the typed value columns, coalesced as text
        seats = con.execute(
            "SELECT d.custom_field_number_value, w.seats FROM deal_custom_field_data d "
            "JOIN deal_custom_field_meta m ON m.id = d.custom_field_id "
            "JOIN deals_with_custom_fields w ON w.id = d.deal_id WHERE m.field_label = 'Seats'"
        ).fetchall()
        assert seats and all(float(text) == number for number, text in seats)
        close = con.execute(
            "SELECT d.custom_field_text_value, w.close_reason FROM deal_custom_field_data d "
            "JOIN deals_with_custom_fields w ON w.id = d.deal_id WHERE d.custom_field_id = 2"
        ).fetchall()
        assert close and all(a == b for a, b in close)

    sandbox.mutate("accountCustomFieldMeta", update=[2])  # renames "Annual revenue"
    lines.clear()
    assert run(sandbox, f"duckdb:{db}", lines, custom_field_views=True) == 0, lines
    with duckdb.connect(str(db), read_only=True) as con:
        cols = columns_of(con, "accounts_with_custom_fields", "main")
        assert "annual_revenue" not in cols
        assert any(c.startswith("annual_revenue_renamed_") for c in cols)


def test_no_views_without_the_flag_or_before_the_tables(sandbox, tmp_path):
    db = tmp_path / "acx.duckdb"
    lines: list[str] = []
    assert run(sandbox, f"duckdb:{db}", lines, tables=["scores"]) == 0
    assert not [line for line in lines if line.startswith("view ")]
    assert run(sandbox, f"duckdb:{db}", lines, tables=["contacts"], custom_field_views=True) == 0
    assert (
        "view contacts_with_custom_fields: skipped: tables contact_field_values, "
        "contact_custom_fields not loaded yet" in lines
    )
    with duckdb.connect(str(db), read_only=True) as con:
        views = con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_type = 'VIEW'"
        ).fetchone()[0]
        assert views == 0


def test_file_destinations_skip_views(sandbox, tmp_path):
    lines: list[str] = []
    dest = f"jsonl:{tmp_path / 'out'}"
    assert run(sandbox, dest, lines, tables=["accounts"], custom_field_views=True) == 0
    skipped = [line for line in lines if line.startswith("view ")]
    assert len(skipped) == 3 and all(": skipped: " in line for line in skipped)
    assert not list(Path(tmp_path / "out").glob("*with_custom_fields*"))


@pytest.mark.slow
def test_postgres_views(sandbox, tmp_path, monkeypatch):
    psycopg = pytest.importorskip("psycopg")
    try:
        pg = psycopg.connect(pg_dsn(), autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as exc:
        pytest.skip(f"no Postgres: {exc}")
    schema = f"acx_views_{uuid.uuid4().hex[:8]}"
    env = {"ACX_POSTGRES_DSN": pg_dsn(), "ACX_POSTGRES_SCHEMA": schema}
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    try:
        lines: list[str] = []
        assert run(sandbox, "postgres", lines, env=env, custom_field_views=True) == 0, lines
        views = pg.execute(
            "SELECT table_name FROM information_schema.views WHERE table_schema = %s", [schema]
        ).fetchall()
        assert sorted(v[0] for v in views) == sorted(VIEWS)
        check_contact_view(pg, schema)
        assert columns_of(pg, "deals_with_custom_fields", schema)[-6:] == [
            "contract_type",
            "close_reason",
            "expected_start",
            "seats",
            "arr",
            "internal_notes",
        ]
        # a renamed field changes a column in the middle: CREATE OR REPLACE VIEW would refuse
        sandbox.mutate("accountCustomFieldMeta", update=[1])
        lines.clear()
        assert run(sandbox, "postgres", lines, env=env, custom_field_views=True) == 0, lines
        cols = columns_of(pg, "accounts_with_custom_fields", schema)
        assert "industry" not in cols and any(c.startswith("industry_renamed_") for c in cols)
    finally:
        pg.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        pg.close()


def test_cli_flag(sandbox, tmp_path, cli):
    db = tmp_path / "acx.duckdb"
    tables = "accounts,account_custom_field_data,account_custom_field_meta"
    env = {"ACX_API_URL": sandbox.url, "ACX_API_KEY": KEY, "ACX_REQUESTS_PER_SECOND": "10000"}
    args = ("run", SPEC, "--dest", f"duckdb:{db}", "--tables", tables, "--custom-field-views")
    result = cli(*args, env=env)
    assert result.exit_code == 0, result.stderr
    events = [json.loads(line) for line in result.stderr.splitlines()]  # not a terminal: JSON
    done = [e for e in events if e["event"] == "view_done"]
    assert [(e["view"], e["status"]) for e in done] == [
        ("contacts_with_custom_fields", "skipped"),
        ("deals_with_custom_fields", "skipped"),
        ("accounts_with_custom_fields", "ok"),
    ]
    assert done[2]["columns"] == ACCOUNT_FIELDS
    assert events.index(done[-1]) < len(events) - 1 and events[-1]["event"] == "run_done"
    with duckdb.connect(str(db), read_only=True) as con:
        assert columns_of(con, "accounts_with_custom_fields", "main")[-6:] == ACCOUNT_FIELDS
