"""Incremental and full-refresh behaviour against a live sandbox on 127.0.0.1: the second run
reads only what changed (asserted on the requests made) and leaves tables equal to the source;
a full refresh that fails halfway leaves the previous table intact."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from engine.client import Client
from engine.errors import ApiError
from tests.runhelp import duck, run

KEY = "incremental-test-key"


@pytest.fixture
def sandbox():
    from sandbox import Sandbox

    with Sandbox(contacts=300, api_key=KEY, rate_limit=0) as sb:
        yield sb


@pytest.fixture
def calls(monkeypatch):
    """Every (table, path, params) the engine requested."""
    seen: list[tuple[str, str, dict[str, str]]] = []
    original = Client.get

    def spy(self, path, params, ask, priority=0):
        seen.append((ask.stream, path, dict(params)))
        return original(self, path, params, ask, priority)

    monkeypatch.setattr(Client, "get", spy)
    return seen


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(timezone.utc)


def test_second_run_reads_only_what_changed(sandbox, calls, tmp_path):
    db = tmp_path / "acx.duckdb"
    assert run(sandbox.url, KEY, f"duckdb:{db}")[0] == 0
    first_contacts = [c for c in calls if c[0] == "contacts"]
    assert len(first_contacts) == 3  # 300 contacts, keyset pages of 100
    assert all("filters[updated_after]" not in p for _, _, p in first_contacts)

    sandbox.mutate("contacts", update=5, create=3)
    sandbox.mutate("deals", update=2, create=1)
    calls.clear()
    code, lines = run(sandbox.url, KEY, f"duckdb:{db}")
    assert code == 0, lines

    contact_calls = [p for t, _, p in calls if t == "contacts"]
    assert len(contact_calls) == 1
    assert "filters[updated_after]" in contact_calls[0]
    deal_calls = [p for t, _, p in calls if t == "deals"]
    assert len(deal_calls) == 1 and "filters[updated_after]" in deal_calls[0]

    source = {int(c["id"]): c for c in sandbox.expected("contacts")}
    with duck(db) as con:
        rows = con.execute("SELECT id, last_name, udate FROM contacts").fetchall()
        assert {r[0] for r in rows} == set(source)
        for cid, last_name, udate in rows:
            assert last_name == source[cid]["lastName"]
            assert udate == utc(source[cid]["udate"])
        dup = con.execute("SELECT count(*) - count(DISTINCT id) FROM contact_tags").fetchone()[0]
        assert dup == 0
        tags = con.execute("SELECT count(*) FROM contact_tags").fetchone()[0]
        assert tags == len(sandbox.expected("contactTags"))
        deals = {r[0]: r[1] for r in con.execute("SELECT id, title FROM deals").fetchall()}
        assert deals == {int(d["id"]): d["title"] for d in sandbox.expected("deals")}


def test_rows_with_a_null_cursor_are_kept(sandbox, tmp_path):
    db = tmp_path / "acx.duckdb"
    run(sandbox.url, KEY, f"duckdb:{db}", tables=["campaigns"])
    run(sandbox.url, KEY, f"duckdb:{db}", tables=["campaigns"])
    never_sent = [c for c in sandbox.expected("campaigns") if c["sdate"] is None]
    assert never_sent, "the sandbox should have draft campaigns"
    with duck(db) as con:
        assert con.execute("SELECT count(*) FROM campaigns WHERE sdate IS NULL").fetchone()[
            0
        ] == len(never_sent)
        assert con.execute("SELECT count(*) FROM campaigns").fetchone()[0] == len(
            sandbox.expected("campaigns")
        )


def test_deleted_rows_stay_until_a_full_refresh(sandbox, tmp_path):
    db = tmp_path / "acx.duckdb"
    run(sandbox.url, KEY, f"duckdb:{db}", tables=["contacts", "contact_tags"])
    gone = sandbox.mutate("contacts", delete=1)["deleted"][0]
    run(sandbox.url, KEY, f"duckdb:{db}", tables=["contacts", "contact_tags"])
    with duck(db) as con:
        assert con.execute("SELECT count(*) FROM contacts WHERE id = ?", [gone]).fetchone()[0] == 1
    code, _ = run(
        sandbox.url,
        KEY,
        f"duckdb:{db}",
        tables=["contacts", "contact_tags"],
        full_refresh=["contacts"],
    )
    assert code == 0
    with duck(db) as con:
        assert con.execute("SELECT count(*) FROM contacts WHERE id = ?", [gone]).fetchone()[0] == 0
        assert (
            con.execute("SELECT count(*) FROM contact_tags WHERE contact = ?", [gone]).fetchone()[0]
            == 0
        )
        assert con.execute("SELECT count(*) FROM contacts").fetchone()[0] == len(
            sandbox.expected("contacts")
        )


def test_a_full_refresh_that_fails_halfway_leaves_the_previous_table(
    sandbox, tmp_path, monkeypatch
):
    db = tmp_path / "acx.duckdb"
    assert run(sandbox.url, KEY, f"duckdb:{db}", tables=["campaign_message_contents"])[0] == 0
    with duck(db) as con:
        before = con.execute("SELECT * FROM campaign_message_contents ORDER BY id").fetchall()
        state = con.execute(
            "SELECT * FROM _acx_state WHERE stream = 'campaign_message_contents'"
        ).fetchall()
    assert before and len(sandbox.expected("messages")) > 100  # two pages of /messages

    original = Client.get

    def second_page_fails(self, path, params, ask, priority=0):
        if dict(params).get("offset") == "100":
            raise ApiError("GET /messages failed after 8 attempts; last: HTTP 503")
        return original(self, path, params, ask, priority)

    monkeypatch.setattr(Client, "get", second_page_fails)
    sandbox.mutate("campaigns", update=3)
    code, lines = run(sandbox.url, KEY, f"duckdb:{db}", tables=["campaign_message_contents"])
    assert code == 1
    assert any("campaign_message_contents" in line and "failed" in line for line in lines)
    with duck(db) as con:
        assert (
            con.execute("SELECT * FROM campaign_message_contents ORDER BY id").fetchall() == before
        )
        assert (
            con.execute(
                "SELECT * FROM _acx_state WHERE stream = 'campaign_message_contents'"
            ).fetchall()
            == state
        )
        stages = con.execute(
            "SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE '_acx_stage_%'"
        ).fetchone()[0]
        assert stages == 0
