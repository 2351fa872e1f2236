"""Correct by default, loud when not: whole runs against the sandbox with no time-zone setting,
with a wrong one, across a zone change, with a side-load the server stopped sending, with a
column added to the spec, and on tables an earlier acx loaded."""

from __future__ import annotations

import os
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest
import yaml

from tests.conftest import SPEC
from tests.runhelp import duck, run

pytestmark = pytest.mark.slow  # whole runs against the sandbox
KEY = "correct-test-key"


def env_without_zone(url: str, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ACX_")}
    return {
        **env,
        "ACX_API_URL": url,
        "ACX_API_KEY": KEY,
        "ACX_REQUESTS_PER_SECOND": "10000",
        **extra,
    }


@pytest.fixture
def sandbox():
    from sandbox import Sandbox

    with Sandbox(contacts=300, api_key=KEY, rate_limit=0) as sb:
        yield sb


def zone_line(lines: list[str]) -> str:
    """The summary's line (the run's first, at its start, says less)."""
    found = [x for x in lines if x.startswith("time zone: ") and "warning:" not in x]
    return found[-1]


def utc(text: str, zone: str | None = None) -> datetime:
    """An API value as the UTC instant it names (zone-less values: in `zone`)."""
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo(zone or "UTC"))
    return moment.astimezone(timezone.utc)


def test_with_no_setting_zone_less_and_offset_values_load_as_one_instant(sandbox, tmp_path):
    db = tmp_path / "acx.duckdb"
    code, lines = run(
        sandbox.url, KEY, f"duckdb:{db}", env=env_without_zone(sandbox.url), tables=["model"]
    )
    assert code == 0, lines
    line = zone_line(lines)
    assert line.startswith("time zone: America/New_York (found in the data;"), line
    assert "zone-less/offset pairs agree" in line
    assert not [x for x in lines if x.startswith("time zone: warning")], lines
    with duck(db) as con:
        rows = con.execute(
            "SELECT id, cdate, created_timestamp, created_utc_timestamp, udate, updated_timestamp "
            "FROM contacts ORDER BY id"
        ).fetchall()
    source = {int(c["id"]): c for c in sandbox.expected("contacts")}
    assert len(rows) == len(source) == 300
    for cid, cdate, created, created_utc, udate, updated in rows:
        assert created == cdate, cid  # the same moment, one written zone-less
        assert created_utc == cdate, cid  # *_utc_timestamp is local wall time on live accounts
        assert updated == udate, cid
        assert udate == utc(source[cid]["udate"])


@pytest.mark.parametrize("zone", ["Australia/Sydney", "Asia/Kolkata", "Europe/London", "UTC"])
def test_the_zone_is_found_in_accounts_elsewhere(zone, tmp_path):
    from sandbox import Sandbox

    with Sandbox(contacts=120, api_key=KEY, rate_limit=0, timezone=zone) as sb:
        db = tmp_path / "acx.duckdb"
        code, lines = run(
            sb.url, KEY, f"duckdb:{db}", env=env_without_zone(sb.url), tables=["model"]
        )
        assert code == 0, lines
        found = zone_line(lines).split()[2]
        # a zone with the same rules over the data's span would read the same; the hint
        # (the user's display zone, Europe/Berlin in the sandbox) never fits these accounts
        assert found == zone, zone_line(lines)
        source = {int(c["id"]): c for c in sb.expected("contacts")}
        with duck(db) as con:
            for cid, created in con.execute(
                "SELECT id, created_timestamp FROM contacts"
            ).fetchall():
                assert created == utc(source[cid]["created_timestamp"], zone)


def test_an_explicit_zone_wins_and_a_wrong_one_is_said(sandbox, tmp_path):
    db = tmp_path / "acx.duckdb"
    env = env_without_zone(sandbox.url, ACX_TIMEZONE="Europe/Berlin")
    code, lines = run(sandbox.url, KEY, f"duckdb:{db}", env=env, tables=["model"])
    assert code == 0
    assert zone_line(lines).startswith("time zone: Europe/Berlin (ACX_TIMEZONE;")
    warnings = [x for x in lines if x.startswith("time zone: warning:")]
    assert any("the data fits America/New_York" in w for w in warnings), lines
    assert any("pairs" in w or "do not name the instant" in w for w in warnings), lines


def test_a_zone_that_changed_since_the_last_run_is_a_warning(sandbox, tmp_path):
    db = tmp_path / "acx.duckdb"
    wrong = env_without_zone(sandbox.url, ACX_TIMEZONE="Europe/Berlin")
    assert run(sandbox.url, KEY, f"duckdb:{db}", env=wrong, tables=["model"])[0] == 0
    code, lines = run(
        sandbox.url, KEY, f"duckdb:{db}", env=env_without_zone(sandbox.url), tables=["model"]
    )
    assert code == 0
    assert any(
        "previous run read zone-less timestamps in Europe/Berlin, this one in America/New_York" in x
        for x in lines
    ), lines
    with duck(db) as con:
        zones = {z for (z,) in con.execute("SELECT DISTINCT timezone FROM _acx_state").fetchall()}
    assert zones == {"America/New_York"}


def spec_copy(tmp_path, change) -> str:
    data = yaml.safe_load(SPEC.read_text())
    change(data)
    path = tmp_path / "spec.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return str(path)


def test_no_offsets_anywhere_reads_utc_and_says_so(sandbox, tmp_path):
    def only_zone_less(data):
        contacts = data["streams"]["contacts"]
        contacts["columns"] = {
            k: v
            for k, v in contacts["columns"].items()
            if k in ("id", "created_timestamp", "updated_timestamp", "email")
        }
        contacts["columns"]["created_timestamp"].pop("same_instant_as", None)
        contacts["params"].pop("include")
        contacts["replication"] = {"mode": "full"}
        data["streams"] = {"contacts": contacts}
        data.pop("views", None)

    spec = spec_copy(tmp_path, only_zone_less)
    code, lines = run(
        sandbox.url,
        KEY,
        f"duckdb:{tmp_path / 'a.duckdb'}",
        spec=spec,
        env=env_without_zone(sandbox.url),
    )
    assert code == 0, lines
    assert zone_line(lines).startswith("time zone: UTC (default")
    assert any("were read as UTC" in x for x in lines), lines


def test_a_side_load_the_server_stopped_sending_fails_its_tables_and_keeps_their_rows(tmp_path):
    from sandbox import Sandbox

    db = tmp_path / "acx.duckdb"
    tables = ("contact_tags", "contact_field_values", "contact_list_activity", "list_contacts")
    with Sandbox(contacts=150, api_key=KEY, rate_limit=0) as sb:
        assert run(sb.url, KEY, f"duckdb:{db}", env=env_without_zone(sb.url))[0] == 0
        with duck(db) as con:
            before = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    assert all(before.values())
    with Sandbox(contacts=160, api_key=KEY, rate_limit=0, ignore_include=True) as sb:
        code, lines = run(
            sb.url, KEY, f"duckdb:{db}", env=env_without_zone(sb.url), full_refresh=["contacts"]
        )
    assert code == 1
    for t in tables:
        failure = [x for x in lines if x.startswith(f"{t}: failed: ")]
        assert failure, lines
        assert "GET http://127.0.0.1:" in failure[0] and "/api/3/contacts?" in failure[0]
        assert "include=" in failure[0]
    with duck(db) as con:
        after = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
        contacts = con.execute("SELECT count(*) FROM contacts").fetchone()[0]
    assert after == before  # nothing replaced or deleted
    assert contacts == 160  # the request's own table loaded


ONE = ["contacts"]  # the table the spec changes: the others would only cost time


def test_a_column_added_to_the_spec_is_filled_by_a_full_re_read(sandbox, tmp_path):
    db = tmp_path / "acx.duckdb"
    env = env_without_zone(sandbox.url)
    assert run(sandbox.url, KEY, f"duckdb:{db}", env=env, tables=ONE)[0] == 0
    created_by = sum(c.get("created_by") is not None for c in sandbox.expected("contacts"))
    assert created_by

    def add_created_by(data):
        data["streams"]["contacts"]["columns"]["created_by"] = {
            "type": "text",
            "description": "User who created the contact.",
        }

    spec = spec_copy(tmp_path, add_created_by)
    code, lines = run(
        sandbox.url, KEY, f"duckdb:{db}", env=env, spec=spec, no_backfill=True, tables=ONE
    )
    assert code == 0
    assert not [x for x in lines if "re-read in full" in x]
    with duck(db) as con:
        filled = con.execute("SELECT count(created_by) FROM contacts").fetchone()[0]
    assert filled < created_by  # only rows read again since (the update window) have it
    code, lines = run(sandbox.url, KEY, f"duckdb:{db}", env=env, spec=spec, tables=ONE)
    assert code == 0
    notes = [x for x in lines if x.startswith("contacts: re-read in full")]
    assert notes and "created_by" in notes[0] and "requests" in notes[0], lines
    with duck(db) as con:
        assert con.execute("SELECT count(created_by) FROM contacts").fetchone()[0] == created_by
    code, lines = run(sandbox.url, KEY, f"duckdb:{db}", env=env, spec=spec, tables=ONE)
    assert not [x for x in lines if "re-read in full" in x]  # filled once, then incremental


def test_tables_an_earlier_acx_loaded_are_read_again_in_full(sandbox, tmp_path):
    import duckdb

    db = tmp_path / "acx.duckdb"
    env = env_without_zone(sandbox.url)
    assert run(sandbox.url, KEY, f"duckdb:{db}", env=env)[0] == 0
    con = duckdb.connect(str(db))
    # as the previous acx left it: zone-less TIMESTAMP columns holding values read in the wrong
    # zone, and a state table without the zone, format and columns
    times = [
        name
        for (name,) in con.execute(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_name = 'contacts' AND data_type LIKE 'TIMESTAMP%'"
        ).fetchall()
    ]
    con.execute("SET TimeZone = 'UTC'")
    for name in times:
        con.execute(f'ALTER TABLE contacts ALTER "{name}" TYPE TIMESTAMP')
    con.execute("UPDATE contacts SET udate = udate + INTERVAL 5 HOUR")  # read in the wrong zone
    for name in ("timezone", "format", "columns"):
        con.execute(f"ALTER TABLE _acx_state DROP COLUMN {name}")
    con.close()
    code, lines = run(sandbox.url, KEY, f"duckdb:{db}", env=env)
    assert code == 0
    notes = [x for x in lines if x.startswith("contacts: re-read in full")]
    assert notes and "earlier acx" in notes[0], lines
    with duck(db) as con:
        wrong = con.execute("SELECT count(*) FROM contacts WHERE udate <> updated_timestamp")
        assert wrong.fetchone()[0] == 0
        kinds = con.execute(
            "SELECT DISTINCT data_type FROM information_schema.columns "
            "WHERE table_name = 'contacts' AND data_type LIKE 'TIMESTAMP%'"
        ).fetchall()
        assert kinds == [("TIMESTAMP WITH TIME ZONE",)]
        assert (
            con.execute("SELECT count(*) FROM _acx_state WHERE format IS NULL").fetchone()[0] == 0
        )


def test_model_tables_exactly(tmp_path):
    """Campaign message content holds the campaign messages only; a server that ignores
    filters[reltype] cannot put a deal's task among the contacts' tasks."""
    from sandbox import Sandbox

    def ignore_reltype(data):
        for key in ("contact_tasks", "deal_tasks"):
            data["streams"][key]["params"].pop("filters[reltype]")

    spec = spec_copy(tmp_path, ignore_reltype)
    db = tmp_path / "acx.duckdb"
    with Sandbox(contacts=200, api_key=KEY, rate_limit=0) as sb:
        code, lines = run(sb.url, KEY, f"duckdb:{db}", env=env_without_zone(sb.url), spec=spec)
        assert code == 0, lines
        referenced = {int(m["messageid"]) for m in sb.expected("campaignMessages")}
        every = {int(m["id"]) for m in sb.expected("messages")}
        tasks = sb.expected("dealTasks")
    assert referenced < every  # the sandbox has messages no campaign sends
    contact_tasks = {int(t["id"]) for t in tasks if t.get("reltype") == "Subscriber"}
    deal_tasks = {int(t["id"]) for t in tasks if t.get("reltype") == "Deal"}
    with duck(db) as con:

        def ids(table):
            return {r for (r,) in con.execute(f"SELECT id FROM {table}").fetchall()}

        assert ids("campaign_message_contents") == referenced
        assert ids("contact_tasks") == contact_tasks
        assert ids("deal_tasks") == deal_tasks


def test_a_null_stays_null_and_older_field_names_are_read(tmp_path):
    """A list's `user` is NULL where the API says null (no coalesce to `userid`); an older
    account's `pg_subscriber_resubscribe` fills the column newer ones send as
    `pgContactResubscribe`."""
    from sandbox import Sandbox

    db = tmp_path / "acx.duckdb"
    with Sandbox(contacts=100, api_key=KEY, rate_limit=0, legacy_names=True) as sb:
        env = env_without_zone(sb.url)
        code, lines = run(sb.url, KEY, f"duckdb:{db}", env=env, tables=["lists", "user_groups"])
        assert code == 0, lines
        lists = {int(x["id"]): x for x in sb.expected("lists")}
        groups = {int(g["id"]): g for g in sb.expected("groups")}
    assert any(x["user"] is None and x.get("userid") not in (None, "") for x in lists.values())
    assert all("pgContactResubscribe" not in g for g in groups.values())
    with duck(db) as con:
        for lid, user in con.execute('SELECT id, "user" FROM lists').fetchall():
            assert user == (None if lists[lid]["user"] is None else int(lists[lid]["user"]))
        for gid, flag in con.execute(
            "SELECT id, pg_contact_resubscribe FROM user_groups"
        ).fetchall():
            assert flag == int(groups[gid]["pg_subscriber_resubscribe"])
