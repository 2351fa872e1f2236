"""Incremental and full-refresh behaviour against a live sandbox on 127.0.0.1: the second run
reads only what changed (asserted on the requests made) and leaves tables equal to the source;
a full refresh that fails halfway leaves the previous table intact."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import duckdb
import pyarrow as pa
import pytest

from engine.errors import ApiError
from engine.http.client import Client
from engine.load.state import lower_bound
from engine.run.batches import cursor_top, distinct_rows
from tests.runhelp import duck, run

pytestmark = pytest.mark.slow  # whole runs against the sandbox
KEY = "incremental-test-key"


@pytest.fixture
def sandbox():
    from sandbox import Sandbox

    with Sandbox(contacts=300, api_key=KEY, rate_limit=0) as sb:
        yield sb


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


def test_deleted_rows_stay_live_until_a_whole_read_marks_them(sandbox, tmp_path):
    db = tmp_path / "acx.duckdb"
    run(sandbox.url, KEY, f"duckdb:{db}", tables=["contacts", "contact_tags"])
    gone = sandbox.mutate("contacts", delete=1)["deleted"][0]
    run(sandbox.url, KEY, f"duckdb:{db}", tables=["contacts", "contact_tags"])
    deleted = "SELECT count(*) FROM {} WHERE {} = ? AND _acx_deleted_at IS NOT NULL"
    with duck(db) as con:
        assert con.execute("SELECT count(*) FROM contacts WHERE id = ?", [gone]).fetchone()[0] == 1
        assert con.execute(deleted.format("contacts", "id"), [gone]).fetchone()[0] == 0
    code, _ = run(
        sandbox.url,
        KEY,
        f"duckdb:{db}",
        tables=["contacts", "contact_tags"],
        full_refresh=["contacts"],
    )
    assert code == 0
    with duck(db) as con:
        assert con.execute(deleted.format("contacts", "id"), [gone]).fetchone()[0] == 1
        tags = con.execute("SELECT count(*) FROM contact_tags WHERE contact = ?", [gone])
        assert (
            tags.fetchone()[0]
            == con.execute(deleted.format("contact_tags", "contact"), [gone]).fetchone()[0]
            > 0
        )
        live = "SELECT count(*) FROM contacts WHERE _acx_deleted_at IS NULL"
        assert con.execute(live).fetchone()[0] == len(sandbox.expected("contacts"))


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


def test_a_savepoint_in_the_future_counts_as_now():
    now = datetime(2026, 12, 6, 12, 0, tzinfo=timezone.utc)
    future = datetime(2999, 1, 1, tzinfo=timezone.utc)
    assert lower_bound(future, 1, None, now) == now - timedelta(days=1)
    past = now - timedelta(days=30)
    assert lower_bound(past, 1, None, now) == past - timedelta(days=1)
    assert lower_bound(None, 1, past, now) == past


def test_a_savepoint_an_earlier_run_left_in_the_future_is_not_kept(calls, tmp_path):
    from sandbox import Sandbox

    # an account whose clock is ours (the shared sandbox's lies a month or more in the past)
    now = datetime.now(timezone.utc).replace(microsecond=0) - timedelta(hours=1)
    with Sandbox(contacts=50, api_key=KEY, rate_limit=0, now=now.isoformat()) as sandbox:
        _future_savepoint(sandbox, calls, tmp_path / "acx.duckdb")


def _future_savepoint(sandbox, calls, db):
    assert run(sandbox.url, KEY, f"duckdb:{db}", tables=["contacts"])[0] == 0
    con = duckdb.connect(str(db))  # what an acx that kept a cursor value from 2999 wrote
    con.execute(
        "UPDATE _acx_state SET savepoint = '2999-01-01T00:00:00+00:00' WHERE stream = 'contacts'"
    )
    con.close()
    changed = sandbox.mutate("contacts", update=2)["updated"]
    calls.clear()
    assert run(sandbox.url, KEY, f"duckdb:{db}", tables=["contacts"])[0] == 0
    bounds = [p["filters[updated_after]"] for t, _, p in calls if t == "contacts"]
    assert bounds and all(b < "2999" for b in bounds)
    source = {int(c["id"]): c for c in sandbox.expected("contacts")}
    with duck(db) as con:
        for cid in changed:
            udate = con.execute("SELECT udate FROM contacts WHERE id = ?", [cid]).fetchone()[0]
            assert udate == utc(source[cid]["udate"])
        saved = con.execute("SELECT savepoint FROM _acx_state WHERE stream = 'contacts'")
        assert utc(saved.fetchone()[0]) <= datetime.now(timezone.utc)


def test_rows_count_once_per_key_and_the_savepoint_stops_at_the_read():
    """A batch with a key twice and a cursor in 2999: one row per key, the future values
    counted, and a top cursor no later than the moment the read began."""
    began = datetime(2026, 12, 6, 12, 0, tzinfo=timezone.utc)
    old, future = (
        datetime(2025, 1, 1, tzinfo=timezone.utc),
        datetime(2999, 1, 1, tzinfo=timezone.utc),
    )
    table = pa.table(
        {
            "id": pa.array([1, 2, 2], pa.int64()),
            "udate": pa.array([old, future, future], pa.timestamp("us", "UTC")),
        }
    )
    assert cursor_top(table["udate"], began) == (began, 2)
    assert cursor_top(table["udate"].slice(0, 1), began) == (old, 0)
    soon = began + timedelta(hours=2)  # ahead of the read, not "in the future": no warning
    assert cursor_top(pa.chunked_array([pa.array([soon], pa.timestamp("us", "UTC"))]), began) == (
        began,
        0,
    )
    days = pa.chunked_array([pa.array([date(2999, 1, 1), None], pa.date32())])
    assert cursor_top(days, began) == (began, 1)
    assert distinct_rows([table.select(["id"]), table.select(["id"])]) == 2
    assert distinct_rows([]) == 0
