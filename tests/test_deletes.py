"""Deletes (issue 15, section 1): rows the source no longer has are marked `_acx_deleted_at`,
not removed, and cleared when they come back; incremental tables find them at a due
reconciliation (a whole read), full tables at every run; child rows go with their parent; a
reconciliation that fails marks nothing. In DuckDB, PostgreSQL and Snowflake (fakesnow)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from sqlglot import exp

from engine.config.settings import Settings
from engine.errors import ApiError
from engine.http.client import Client
from engine.load import make_destination
from engine.load.ddl import ident
from engine.spec import Stream, load_spec
from tests.conftest import SPEC
from tests.runhelp import env_for, run

pytestmark = pytest.mark.slow  # whole runs against the sandbox
KEY = "deletes-key"
TABLES = ["contacts", "contact_tags", "deals", "deal_custom_field_data"]
DUE = "[tables.contacts]\nreconcile_days = 0\n[tables.deals]\nreconcile_days = 0\n"


@pytest.fixture
def sandbox():
    from sandbox import Sandbox

    with Sandbox(contacts=60, api_key=KEY, rate_limit=0) as sb:
        yield sb


def rows(dest_name: str, env: dict[str, str], stream: Stream) -> dict[int, tuple[Any, Any]]:
    """Key -> (_acx_synced_at, _acx_deleted_at) of every row of the table."""
    dest = make_destination(dest_name, Settings(api_url="", api_key="", env=env))
    dest.connect()
    try:
        names = ["_acx_synced_at", "_acx_deleted_at"]
        key = exp.Column(this=ident(stream.column(stream.primary_key[0]).name))
        cols = [exp.Column(this=ident(n)) for n in names]
        query = exp.select(key, *cols).from_(dest.target(stream))
        return {int(k): (synced, deleted) for k, synced, deleted in dest.execute(dest.sql(query))}
    finally:
        dest.close()


def marked(table: dict[int, tuple[Any, Any]]) -> set[int]:
    return {k for k, (_, deleted) in table.items() if deleted is not None}


def sync(sb, dest: str, env: dict[str, str], config: Path | None = None, **kw) -> list[str]:
    code, lines = run(sb.url, KEY, dest, env=env, config_path=config and str(config), **kw)
    assert code == 0, lines
    return lines


def test_deleted_contact_and_deal_are_marked_at_reconciliation_and_cleared_when_back(
    sandbox, warehouse, tmp_path
):
    dest, extra = warehouse
    env = env_for(sandbox.url, KEY, **extra)
    spec = load_spec(SPEC)
    contacts, tags, deals = (spec.stream(k) for k in ("contacts", "contact_tags", "deals"))
    fields = spec.stream("deal_custom_field_data")
    sync(sandbox, dest, env, tables=TABLES)
    first = rows(dest, env, contacts)
    assert first and not marked(first)
    assert all(synced is not None for synced, _ in first.values())

    gone = sandbox.mutate("contacts", delete=1)
    contact = gone["deleted"][0]
    contact_tags = set(gone["children"]["deleted"]["contactTags"])
    deal_gone = sandbox.mutate("deals", delete=1)
    deal = deal_gone["deleted"][0]
    deal_fields = set(deal_gone["children"]["deleted"].get("dealCustomFieldData", []))
    assert contact_tags and deal_fields

    # an ordinary incremental run: reconciliation not due (every 7 days), nothing is marked
    lines = sync(sandbox, dest, env, tables=TABLES)
    assert not marked(rows(dest, env, contacts)) and not marked(rows(dest, env, deals))
    assert not any("reconciliation due" in line for line in lines)

    config = tmp_path / "acx.toml"
    config.write_text(DUE)
    lines = sync(sandbox, dest, env, config, tables=TABLES)
    assert any("reconciliation due" in line for line in lines), lines
    after = rows(dest, env, contacts)
    assert marked(after) == {contact}
    assert len(after) == len(first)  # nothing removed
    assert marked(rows(dest, env, tags)) == contact_tags
    assert marked(rows(dest, env, deals)) == {deal}
    assert marked(rows(dest, env, fields)) == deal_fields

    sandbox.mutate("contacts", restore=[contact])
    sandbox.mutate("deals", restore=[deal])
    sync(sandbox, dest, env, config, tables=TABLES)
    for stream in (contacts, tags, deals, fields):
        assert not marked(rows(dest, env, stream)), stream.key
    back = rows(dest, env, contacts)
    assert back[contact][0] > first[contact][0]  # written again: synced later


def test_a_child_table_outside_the_run_is_marked_with_its_parent_and_cleared_with_it(
    sandbox, tmp_path
):
    dest = f"duckdb:{tmp_path / 'acx.duckdb'}"
    env = env_for(sandbox.url, KEY)
    spec = load_spec(SPEC)
    tags = spec.stream("contact_tags")
    sync(sandbox, dest, env, tables=["contacts", "contact_tags"])
    gone = sandbox.mutate("contacts", delete=1)
    config = tmp_path / "acx.toml"
    config.write_text(DUE)
    sync(sandbox, dest, env, config, tables=["contacts"])  # contact_tags not read this run
    assert marked(rows(dest, env, tags)) == set(gone["children"]["deleted"]["contactTags"])
    sandbox.mutate("contacts", restore=gone["deleted"])
    sync(sandbox, dest, env, config, tables=["contacts"])
    assert not marked(rows(dest, env, tags))


def test_full_tables_mark_soft_by_default_and_remove_with_hard_deletes(sandbox, tmp_path):
    dest = f"duckdb:{tmp_path / 'acx.duckdb'}"
    env = env_for(sandbox.url, KEY)
    pipelines = load_spec(SPEC).stream("pipelines")
    sync(sandbox, dest, env, tables=["pipelines"])
    before = rows(dest, env, pipelines)
    first = sandbox.mutate("dealGroups", delete=1)["deleted"][0]
    sync(sandbox, dest, env, tables=["pipelines"])
    soft = rows(dest, env, pipelines)
    assert marked(soft) == {first} and soft.keys() == before.keys()
    assert soft[first][1] > soft[first][0] - timedelta(seconds=1)

    config = tmp_path / "acx.toml"
    config.write_text('[tables.pipelines]\ndeletes = "hard"\n')
    second = sandbox.mutate("dealGroups", delete=1)["deleted"][0]
    sync(sandbox, dest, env, config, tables=["pipelines"])
    hard = rows(dest, env, pipelines)
    assert first not in hard and second not in hard
    assert len(hard) == len(before) - 2


def test_a_reconciliation_that_fails_marks_nothing(tmp_path, monkeypatch):
    from sandbox import Sandbox

    dest = f"duckdb:{tmp_path / 'acx.duckdb'}"
    contacts = load_spec(SPEC).stream("contacts")
    with Sandbox(contacts=250, api_key=KEY, rate_limit=0) as sb:  # three pages of /contacts
        env = env_for(sb.url, KEY)
        sync(sb, dest, env, tables=["contacts"])
        sb.mutate("contacts", delete=3)
        original = Client.get
        pages: list[str] = []

        def last_page_fails(self, path, params, ask, priority=0):
            query = dict(params)  # a keyset list: the third page starts after the 200th id
            if path == "/contacts" and query.get("id_greater") and query.get("limit") != "1":
                pages.append(query["id_greater"])
            if len(pages) == 2:
                raise ApiError("GET /contacts failed after 8 attempts; last: HTTP 503")
            return original(self, path, params, ask, priority)

        monkeypatch.setattr(Client, "get", last_page_fails)
        config = tmp_path / "acx.toml"
        config.write_text(DUE)
        code, lines = run(sb.url, KEY, dest, env=env, config_path=str(config), tables=["contacts"])
    assert code == 1, lines
    assert not marked(rows(dest, env, contacts))


def test_status_and_dry_run_say_when_the_next_reconciliation_is(sandbox, tmp_path, cli):
    db = tmp_path / "acx.duckdb"
    env = env_for(sandbox.url, KEY)
    sync(sandbox, f"duckdb:{db}", env, tables=["contacts"])
    out = cli("status", SPEC, "--dest", f"duckdb:{db}", "--tables", "contacts", "--json", env=env)
    [table] = [t for t in json.loads(out.output)["tables"] if t["table"] == "contacts"]
    due = datetime.fromisoformat(table["next_reconciliation"])
    assert timedelta(days=6) < due - datetime.now(timezone.utc) <= timedelta(days=7)
    text = cli("status", SPEC, "--dest", f"duckdb:{db}", "--tables", "contacts", env=env).output
    assert "next reconciliation" in text and "in 6d 23h" in text

    config = tmp_path / "acx.toml"
    config.write_text(DUE)
    code, lines = run(
        sandbox.url, KEY, f"duckdb:{db}", env=env, config_path=str(config), tables=["contacts"],
        dry_run=True,
    )  # fmt: skip
    assert code == 0
    assert any(
        line.startswith("contacts: incremental") and "reconciliation due" in line for line in lines
    ), lines
