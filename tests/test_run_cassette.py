"""A whole run of every table of the spec from a vcrpy cassette recorded from the sandbox: the rows and
values that land in DuckDB, checked against the recorded API responses and against golden rows.

Re-record with `make cassettes` (starts a sandbox on 127.0.0.1); CI replays only."""

from __future__ import annotations

import json
import os
import threading
from contextlib import contextmanager
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest
import vcr

from engine.http.client import Client
from engine.spec import load_spec
from tests.conftest import ROOT, SPEC
from tests.runhelp import SANDBOX_TZ, duck, env_for, golden, run, table_rows

CASSETTES = ROOT / "tests" / "cassettes"
CASSETTE = CASSETTES / "full_run.yaml"
GOLDEN_ROWS = ROOT / "tests" / "golden" / "rows"
KEY = "cassette-recording-key-7f3a"  # what the sandbox accepted while recording; must not leak
RECORD = os.environ.get("ACX_RECORD_CASSETTES") == "1"
REFRESH = os.environ.get("ACX_REFRESH_GOLDEN") == "1"

MY_VCR = vcr.VCR(
    record_mode="all" if RECORD else "none",
    match_on=["method", "path", "query"],
    filter_headers=["Api-Token"],
    decode_compressed_response=True,
)


@contextmanager
def one_at_a_time():
    """Requests one after another: vcrpy makes each connection with its patches briefly removed
    (vcr.patch.force_reset), so a connection another thread makes at that moment is a real one.
    While recording, its request would go out unrecorded; while replaying, it would reach
    whatever listens on the replay URL (another sandbox on 127.0.0.1:8765 answered 403)."""
    lock, original = threading.Lock(), Client.get

    def serial(self, *args, **kwargs):
        with lock:
            return original(self, *args, **kwargs)

    Client.get = serial  # type: ignore[method-assign]
    try:
        yield
    finally:
        Client.get = original  # type: ignore[method-assign]


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    """Run every table once, from the cassette (or recording it from a fresh sandbox)."""
    db = tmp_path_factory.mktemp("cassette") / "acx.duckdb"
    url = "http://127.0.0.1:8765"
    if RECORD:
        from sandbox import Sandbox

        CASSETTE.unlink(missing_ok=True)  # "all" would otherwise append to the old recording
        sb = Sandbox(contacts=150, api_key=KEY, rate_limit=0).start()
        url = sb.url
    env = {k: v for k, v in env_for(url, KEY).items() if k != "ACX_TIMEZONE"}  # found from data
    try:
        with MY_VCR.use_cassette(str(CASSETTE)) as cassette, one_at_a_time():
            code, lines = run(url, KEY, f"duckdb:{db}", env=env)
    finally:
        if RECORD:
            sb.stop()
    assert code == 0, "\n".join(lines)
    return db, cassette, lines


def responses(cassette, path_suffix):
    """Every recorded JSON body of GET .../<path_suffix>."""
    out = []
    for request, response in zip(cassette.requests, cassette.responses, strict=True):
        if request.path.endswith(path_suffix):
            out.append(json.loads(response["body"]["string"]))
    return out


def test_every_table_has_rows(loaded):
    db, *_ = loaded
    spec = load_spec(SPEC)
    with duck(db) as con:
        counts = {
            s.key: con.execute(f'SELECT count(*) FROM "{s.name}"').fetchone()[0]
            for s in spec.streams
        }
    assert len(counts) == len(spec.streams)
    assert all(n > 0 for n in counts.values()), counts


def test_the_cassette_holds_no_api_key():
    text = CASSETTE.read_text()
    assert KEY not in text
    assert "Api-Token" not in text


def test_the_zone_is_found_in_the_recorded_data(loaded):
    *_, lines = loaded
    summary = [x for x in lines if x.startswith("time zone: ") and "offsets" in x]
    assert summary and summary[0].startswith(f"time zone: {SANDBOX_TZ} (found in the data; ")
    assert not [x for x in lines if x.startswith("time zone: warning")]


def test_row_counts_equal_the_records_the_api_returned(loaded):
    db, cassette, _ = loaded
    contacts = {str(c["id"]) for body in responses(cassette, "/contacts") for c in body["contacts"]}
    tags = {str(t["id"]) for body in responses(cassette, "/contacts") for t in body["contactTags"]}
    notes = [n for body in responses(cassette, "/notes") for n in body["notes"]]
    with duck(db) as con:
        assert con.execute("SELECT count(*) FROM contacts").fetchone()[0] == len(contacts)
        assert con.execute("SELECT count(*) FROM contact_tags").fetchone()[0] == len(tags)
        assert con.execute("SELECT count(*) FROM account_notes").fetchone()[0] == sum(
            n["reltype"] == "CustomerAccount" for n in notes
        )
        assert con.execute("SELECT count(*) FROM contact_notes").fetchone()[0] == sum(
            n["reltype"] == "Subscriber" for n in notes
        )


def test_contact_values_match_the_api_response(loaded):
    db, cassette, _ = loaded
    zone = ZoneInfo(SANDBOX_TZ)
    raw = {str(c["id"]): c for body in responses(cassette, "/contacts") for c in body["contacts"]}
    with duck(db) as con:
        rows = {
            str(r[0]): r
            for r in con.execute(
                "SELECT id, first_name, udate, created_timestamp, bounced_date, sentcnt, email_empty "
                "FROM contacts"
            ).fetchall()
        }
    for cid, c in raw.items():
        row = rows[cid]
        assert row[1] == c["firstName"]
        # ISO with an offset -> the same instant in UTC
        assert row[2] == datetime.fromisoformat(c["udate"]).astimezone(timezone.utc)
        # zone-less -> read in the account zone (found in the data), a UTC instant
        local = datetime.fromisoformat(c["created_timestamp"]).replace(tzinfo=zone)
        assert row[3] == local.astimezone(timezone.utc)
        # zero dates are NULL; numbers in strings are integers; JSON booleans stay booleans
        if c["bounced_date"] in (None, "", "0000-00-00"):
            assert row[4] is None
        assert row[5] == int(c["sentcnt"])
        assert row[6] is c["email_empty"]


def test_side_loaded_tags_carry_their_tags_name(loaded):
    db, cassette, _ = loaded
    names = {
        str(t["id"]): t["tag"] for body in responses(cassette, "/contacts") for t in body["tags"]
    }
    links = {
        str(ct["id"]): str(ct["tag"])
        for body in responses(cassette, "/contacts")
        for ct in body["contactTags"]
    }
    with duck(db) as con:
        for assoc_id, tag_name, tag_id in con.execute(
            "SELECT id, tag_name, tag_id FROM contact_tags"
        ).fetchall():
            assert str(tag_id) == links[str(assoc_id)]
            assert tag_name == names[links[str(assoc_id)]]


def test_deal_quirks(loaded):
    db, cassette, _ = loaded
    raw = {str(d["id"]): d for body in responses(cassette, "/deals") for d in body["deals"]}
    with duck(db) as con:
        for did, value, disabled, win in con.execute(
            "SELECT id, value, is_disabled, win_probability FROM deals"
        ).fetchall():
            d = raw[str(did)]
            assert value == int(d["value"])  # cents, sent as a string
            assert disabled == bool(d["isDisabled"])
            assert win == (None if d["winProbability"] is None else float(d["winProbability"]))


@pytest.mark.parametrize("stream", [s.key for s in load_spec(SPEC).streams])
def test_rows_match_golden(loaded, stream):
    """First rows of every table, reviewed like code (`make golden` rewrites them)."""
    db, *_ = loaded
    s = load_spec(SPEC).stream(stream)
    order = [f'"{s.column(k).name}"' for k in s.primary_key]
    with duck(db) as con:
        rows = table_rows(con, s.name, order)
    sample = {"count": len(rows), "first": rows[:3]}
    assert sample == golden(GOLDEN_ROWS / f"{stream}.json", sample, REFRESH)
