"""Snowflake destination against fakesnow (which patches snowflake.connector.connect).

Whole runs go through engine.api.run_spec against the sandbox, as users run them: a first load,
a merge after mutations, and a run failing mid-group. The rest drives the destination directly
with the mini spec (every column type, a VARIANT, microseconds) or tests its settings."""

from __future__ import annotations

import json
import logging
import os
import re
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from types import SimpleNamespace

import pyarrow as pa
import pytest

fakesnow = pytest.importorskip("fakesnow")
import duckdb  # noqa: E402
import snowflake.connector  # noqa: E402
from cryptography.hazmat.primitives import serialization  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import rsa  # noqa: E402
from fakesnow.cursor import FakeSnowflakeCursor  # noqa: E402

from engine import api  # noqa: E402
from engine.errors import ConfigError, LoadError  # noqa: E402
from engine.load import Apply, make_destination  # noqa: E402
from engine.load.ddl import ident  # noqa: E402
from engine.load.snowflake import (  # noqa: E402
    SnowflakeDestination,
    connect_args,
    settings_from_env,
    settings_from_target,
)
from engine.load.sqlbuild import SEQ  # noqa: E402
from engine.load.state import FORMAT, StateRow  # noqa: E402
from engine.read.coerce import Coercer  # noqa: E402
from engine.spec import load_spec  # noqa: E402
from sandbox import Sandbox  # noqa: E402
from tests.conftest import MINI, SPEC  # noqa: E402

pytestmark = pytest.mark.filterwarnings("ignore:Arrow output on a DB-API result:UserWarning")

PASSWORD = "Zq8-never-shown-7731"  # plain characters: a repr would not escape it
ENV = {
    "SNOWFLAKE_ACCOUNT": "acme-test",
    "SNOWFLAKE_USER": "loader",
    "SNOWFLAKE_PASSWORD": PASSWORD,
    "SNOWFLAKE_DATABASE": "ACX_TEST",
    "SNOWFLAKE_SCHEMA": "activecampaign",
    "SNOWFLAKE_WAREHOUSE": "load_wh",
    "SNOWFLAKE_ROLE": "loader",
}


class Spy:
    """Every statement sent through fakesnow's cursor; `fail` makes matching ones raise the way
    the connector does, with the password and a value in the message (which must not leak)."""

    def __init__(self) -> None:
        self.sql: list[str] = []
        self.fail: re.Pattern[str] | None = None

    def install(self, mp: pytest.MonkeyPatch) -> None:
        original = FakeSnowflakeCursor.execute
        spy = self

        def execute(cursor, command, *args, **kwargs):
            spy.sql.append(command)
            if spy.fail is not None and spy.fail.search(command):
                raise snowflake.connector.errors.ProgrammingError(
                    msg=f"Numeric value 'x{PASSWORD}' is not recognized in {command}",
                    errno=100038,
                    sqlstate="22018",
                    sfqid="01b2-test",
                )
            return original(cursor, command, *args, **kwargs)

        mp.setattr(FakeSnowflakeCursor, "execute", execute)


@pytest.fixture(scope="module")
def patched(tmp_path_factory):
    """fakesnow for the whole module (it patches once); databases persist under db_path."""
    db_path = tmp_path_factory.mktemp("fakesnow")
    with fakesnow.patch(
        db_path=db_path, create_database_on_connect=False, create_schema_on_connect=False
    ):
        yield


@pytest.fixture(scope="module")
def world(patched, tmp_path_factory):
    """The sandbox and a first run (with a DuckDB run of the same data beside it)."""
    spy = Spy()
    with (
        pytest.MonkeyPatch.context() as mp,
        Sandbox(contacts=150, api_key="k", rate_limit=0) as sb,
    ):
        for key in ENV:  # the settings must come from env= below, as a library caller gives them
            mp.delenv(key, raising=False)
        spy.install(mp)
        env = {
            "ACX_API_URL": sb.url,
            "ACX_API_KEY": "k",
            "ACX_REQUESTS_PER_SECOND": "1000",
            **ENV,
        }
        reference = str(tmp_path_factory.mktemp("duck") / "ref.duckdb")
        quiet = lambda line: None  # noqa: E731
        options = api.RunOptions(dest=f"duckdb:{reference}")
        assert api.run_spec(str(SPEC), options, env=env, echo=quiet, out=quiet) == 0
        w = SimpleNamespace(sb=sb, env=env, spy=spy, reference=reference, lines=[])
        w.run = lambda **kw: api.run_spec(
            str(SPEC),
            api.RunOptions(dest="snowflake", **kw),
            env=env,
            echo=w.lines.append,
            out=w.lines.append,
        )
        w.first_sql_from = len(spy.sql)
        assert w.run() == 0, "\n".join(w.lines)
        w.first_sql = spy.sql[w.first_sql_from :]
        con = snowflake.connector.connect(
            database="ACX_TEST", schema="ACTIVECAMPAIGN", paramstyle="qmark"
        )
        w.query = lambda sql, params=None: con.cursor().execute(sql, params).fetchall()
        yield w
        con.close()


def tables():
    return {s.name: s for s in load_spec(SPEC).streams}


def q(name, dialect="snowflake"):
    """An identifier as acx writes it (so it resolves as it was created)."""
    return ident(name).sql(dialect)


@pytest.mark.slow
def test_every_table_has_rows(world):
    assert len(tables()) == len(load_spec(SPEC).streams)
    for name in tables():
        assert world.query(f"SELECT COUNT(*) FROM {q(name)}")[0][0] > 0, name


@pytest.mark.slow
def test_values_equal_the_duckdb_load_and_the_api(world):
    ref = duckdb.connect(world.reference, read_only=True)
    for name, s in tables().items():
        order = ", ".join(q(s.column(k).name) for k in s.primary_key)
        cols = ", ".join(q(c.name) for c in s.columns)  # not acx's own: when each run wrote
        got = world.query(f"SELECT {cols} FROM {q(name)} ORDER BY {order}")
        sql = f"SELECT {', '.join(q(c.name, 'duckdb') for c in s.columns)} FROM main.{q(name, 'duckdb')}"
        want = ref.execute(f"{sql} ORDER BY {order}").fetchall()
        assert got == want, name
    # spot checks against the API itself
    deal = next(d for d in world.sb.expected("deals") if "🚀" in (d.get("title") or ""))
    assert world.query("SELECT title FROM deals WHERE id = ?", [int(deal["id"])]) == [
        (deal["title"],)
    ]
    contact = world.sb.expected("contacts")[0]
    utc = datetime.fromisoformat(contact["udate"]).astimezone(timezone.utc)
    got = world.query("SELECT udate FROM contacts WHERE id = ?", [int(contact["id"])])
    assert got == [(utc,)] and got[0][0].utcoffset() == timedelta(0)  # an instant, shown in UTC
    zero = next(c for c in world.sb.expected("contacts") if c["bounced_date"] == "0000-00-00")
    assert world.query("SELECT bounced_date FROM contacts WHERE id = ?", [int(zero["id"])]) == [
        (None,)
    ]
    multiline = world.query(
        "SELECT COUNT(*) FROM campaign_message_contents WHERE text LIKE ? AND text LIKE ?",
        ["%\n%", '%"%'],
    )
    assert multiline[0][0] > 0


@pytest.mark.slow
def test_batches_go_through_put_and_copy(world):
    sql = world.first_sql
    puts = [s for s in sql if s.startswith("PUT 'file://")]
    copies = [s for s in sql if s.startswith("COPY INTO ")]
    assert len(puts) == len(copies) >= len(tables())
    assert all("AUTO_COMPRESS = FALSE" in s for s in puts)
    assert all("@activecampaign._acx_load" in s for s in puts + copies)
    for s in sql:
        if s.startswith("INSERT") and re.search(r"\) VALUES \(", s):
            # acx's own rows only: state, and the run log
            assert s.startswith(
                (
                    "INSERT INTO activecampaign._acx_state (",
                    "INSERT INTO activecampaign._acx_runs (",
                )
            ), s
        assert not re.match(r"INSERT INTO \S*_acx_stage_", s), s
    assert any(s.startswith("CREATE DATABASE IF NOT EXISTS") for s in sql)
    assert sql.count("BEGIN") == sql.count("COMMIT") > 20 and "ROLLBACK" not in sql


@pytest.mark.slow
def test_second_run_merges_changes(world):
    changed = world.sb.mutate("contacts", update=5, create=3)
    world.sb.mutate("deals", update=2)
    sql_from = len(world.spy.sql)
    assert world.run() == 0, "\n".join(world.lines)
    assert not any(s.startswith("CREATE DATABASE") for s in world.spy.sql[sql_from:])
    assert world.query("SELECT COUNT(*) FROM contacts") == [(153,)]
    api_rows = {int(c["id"]): c for c in world.sb.expected("contacts")}
    for id_ in changed["updated"] + changed["created"]:
        utc = datetime.fromisoformat(api_rows[id_]["udate"]).astimezone(timezone.utc)
        got = world.query("SELECT udate, email FROM contacts WHERE id = ?", [id_])
        assert got == [(utc, api_rows[id_]["email"])]
    for name, s in tables().items():
        key = ", ".join(q(s.column(k).name) for k in s.primary_key)
        dupes = world.query(f"SELECT {key} FROM {q(name)} GROUP BY {key} HAVING COUNT(*) > 1")
        assert dupes == [], name


# the contacts group: one series of requests feeding five tables, committed together
GROUP = [
    "contacts",
    "contact_field_values",
    "contact_list_activity",
    "contact_tags",
    "list_contacts",
]
STATE_OF_GROUP = "SELECT * FROM _acx_state WHERE stream IN (?, ?, ?, ?, ?) ORDER BY stream"


@pytest.mark.slow
def test_failed_group_keeps_tables_and_state(world, caplog):
    before = world.query("SELECT * FROM contacts ORDER BY id")
    state = world.query(STATE_OF_GROUP, GROUP)
    world.sb.mutate("contacts", update=4, create=2)
    # fail inside the commit transaction, after contacts was already deleted from and refilled
    world.spy.fail = re.compile(r"^INSERT INTO activecampaign\.contact_tags ")
    world.lines.clear()
    try:
        with caplog.at_level(logging.DEBUG):
            assert world.run() == 1
    finally:
        world.spy.fail = None
    assert world.query("SELECT * FROM contacts ORDER BY id") == before
    assert world.query(STATE_OF_GROUP, GROUP) == state
    assert world.query(
        "SELECT COUNT(*) FROM information_schema.tables WHERE table_name LIKE '_ACX_STAGE_%'"
    ) == [(0,)]
    failed = [line for line in world.lines if "contact_tags failed" in line]
    assert failed and all("\n" not in line for line in failed)
    assert "snowflake account acme-test: applying table contact_tags failed" in failed[0]
    assert "query id 01b2-test" in failed[0]
    logged = "\n".join(world.lines) + "\n".join(r.getMessage() for r in caplog.records)
    for secret in (PASSWORD, "Numeric value", "INSERT INTO"):
        assert secret not in logged


# ---- the destination driven directly, with the mini spec (every column type)


@pytest.fixture
def mini_dest(patched, request):
    """A destination on a database of its own, named after the test."""
    name = re.sub(r"\W", "_", request.node.name.upper().removeprefix("TEST_"))
    env = {**ENV, "SNOWFLAKE_DATABASE": name}
    dest = SnowflakeDestination(None, SimpleNamespace(env=env, targets={}))
    dest.connect()
    yield dest, load_spec(MINI).stream("contacts")
    dest.close()


def batch(stream, rows):
    table = Coercer(stream.columns).to_arrow(rows)
    return table.append_column(SEQ, pa.array(range(len(rows)), pa.int64()))


ROW = {
    "id": 1,
    "firstName": 'O\'Neil "Q" \n🎉',
    "group": 7,
    "score": "12.345678901",
    "data": {"a": [1, {"b": None}], "é": "✓"},
    "udate": "2024-03-01T12:34:56.789012+02:00",
    "bounced_date": "0000-00-00",
    "email_empty": True,
    "ratio": 0.25,
}


def test_every_type_and_variant_round_trip(mini_dest):
    dest, stream = mini_dest
    dest.prepare(stream)
    dest.stage(stream, batch(stream, [ROW, {**ROW, "id": 2, "data": None, "firstName": None}]))
    dest.commit([Apply(stream, "replace")], [StateRow("contacts", None, "full", 2, "r1", None)])
    rows = dest.execute(
        'SELECT id, first_name, "group", score, udate, bounced_date, email_empty, ratio, data, '
        'data:a[0], data:a[1]:b, data:"é" FROM contacts ORDER BY id'
    )
    assert rows[0][:8] == (
        1,
        ROW["firstName"],
        7,
        Decimal("12.345678901"),
        datetime(2024, 3, 1, 10, 34, 56, 789012, timezone.utc),  # +02:00: the same instant
        None,  # the zero date
        True,
        0.25,
    )
    # VARIANT comes back as JSON text; paths into it work, so it was parsed, not kept a string
    assert [json.loads(v) for v in rows[0][8:]] == [ROW["data"], 1, None, "✓"]
    assert rows[1][1] is None and rows[1][8:] == (None, None, None, None)
    # a fresh table reads back as the spec's types: no evolution, no error
    dest.prepare(stream)


def test_timestamps_are_instants_in_timestamp_tz(mini_dest, monkeypatch):
    dest, stream = mini_dest
    spy = Spy()
    spy.install(monkeypatch)
    dest.prepare(stream)
    assert dest.existing_columns("contacts")["UDATE"] == "TIMESTAMP_TZ"
    dest.stage(stream, batch(stream, [ROW]))
    [copy] = [s for s in spy.sql if s.startswith("COPY INTO")]
    assert "$1:c5::TIMESTAMPTZ" in copy  # the Parquet field is UTC-adjusted: an instant
    dest.commit([Apply(stream, "replace")], [StateRow("contacts", None, "full", 1, "r1", None)])
    [(udate,)] = dest.execute("SELECT udate FROM contacts")
    assert udate == datetime(2024, 3, 1, 10, 34, 56, 789012, timezone.utc)


# ---- a table an earlier acx made (TIMESTAMP_NTZ, a six-column `_acx_state`), migrated

OLD_TABLES = [
    "DROP TABLE activecampaign._acx_state",
    "CREATE TABLE activecampaign._acx_state (stream TEXT, savepoint TEXT, mode TEXT, "
    "rows_loaded TEXT, run_id TEXT, finished_at TEXT, PRIMARY KEY (stream))",
    "INSERT INTO activecampaign._acx_state VALUES ('contacts', '2024-03-01T10:00:00+00:00', "
    "'incremental', '2', 'old-run', '2024-03-01T11:00:00+00:00')",
    'CREATE TABLE activecampaign.contacts (id BIGINT NOT NULL, first_name VARCHAR, "group" '
    "BIGINT, score DECIMAL(38, 9), data VARIANT, udate TIMESTAMP_NTZ, bounced_date DATE, "
    "email_empty BOOLEAN, ratio DOUBLE, PRIMARY KEY (id))",
    "INSERT INTO activecampaign.contacts (id, first_name, udate) VALUES "
    "(1, 'old', '2024-03-01 10:00:00'), (2, 'gone', '2024-01-01 00:00:00')",
]
OLD_ROWS = [(1, "old", datetime(2024, 3, 1, 10)), (2, "gone", datetime(2024, 1, 1))]
NEW_ROWS = [(1, ROW["firstName"], datetime(2024, 3, 1, 10, 34, 56, 789012, timezone.utc))]
COLUMNS = ("id", "first_name", "group", "score", "data", "udate", "bounced_date", "email_empty")
NEW_STATE = StateRow(
    "contacts", None, "full", 1, "new-run", datetime(2026, 12, 1, tzinfo=timezone.utc),
    "America/New_York", FORMAT, COLUMNS,
)  # fmt: skip


def emulate_swap(mp):
    """fakesnow 0.12.1 does not parse ALTER TABLE ... SWAP WITH: run it as three renames (on
    Snowflake it is one atomic statement)."""
    original = FakeSnowflakeCursor.execute

    def execute(cursor, command, *args, **kwargs):
        found = re.fullmatch(r"ALTER TABLE (\S+) SWAP WITH (\S+)", command)
        if not found:
            return original(cursor, command, *args, **kwargs)
        one, two = found.groups()
        schema, _, name = one.rpartition(".")
        for old, new in (
            (one, f"{schema}._acx_swapping"),
            (two, one),
            (f"{schema}._acx_swapping", two),
        ):
            original(cursor, f"ALTER TABLE {old} RENAME TO {new}")
        return cursor

    mp.setattr(FakeSnowflakeCursor, "execute", execute)


@pytest.fixture
def old_dest(mini_dest, monkeypatch):
    """The mini spec's destination, reconnected to tables of an earlier acx."""
    dest, stream = mini_dest
    for statement in OLD_TABLES:
        dest.execute(statement)
    dest.close()
    dest.connect()  # adds the new `_acx_state` columns
    emulate_swap(monkeypatch)
    spy = Spy()
    spy.install(monkeypatch)
    return dest, stream, spy


def looks(dest):
    """The type of udate, the rows (id, first_name, udate) and the state row of contacts."""
    kind = dest.existing_columns("contacts")["UDATE"]
    rows = dest.execute("SELECT id, first_name, udate FROM contacts ORDER BY id")
    return kind, [tuple(r) for r in rows], dest.read_state()["contacts"]


def swap_tables(dest):
    return dest.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_name LIKE '_ACX_SWAP_%'"
    )


def test_a_table_of_an_earlier_acx_is_built_anew_and_swapped_in(old_dest):
    dest, stream, spy = old_dest
    old = dest.read_state()["contacts"]
    assert (old.run_id, old.timezone, old.format, old.columns) == ("old-run", None, None, None)
    dest.prepare(stream)  # the zone-less column is recorded, not refused
    assert dest.legacy_columns(stream) == ("udate",)
    dest.stage(stream, batch(stream, [ROW]))
    with pytest.raises(LoadError, match="zone-less type"):
        dest.commit([Apply(stream, "merge", migrate=("udate",))], [NEW_STATE])
    start = len(spy.sql)
    dest.commit([Apply(stream, "replace", migrate=("udate",))], [NEW_STATE])
    assert looks(dest) == ("TIMESTAMP_TZ", NEW_ROWS, NEW_STATE)
    assert dest.legacy_columns(stream) == () and swap_tables(dest) == []
    steps = [s.split(" (")[0] for s in spy.sql[start:] if not s.startswith(("SELECT", "DELETE"))]
    assert steps == [
        "DROP TABLE IF EXISTS activecampaign._acx_swap_contacts",
        "CREATE TABLE IF NOT EXISTS activecampaign._acx_swap_contacts",
        "BEGIN",
        "INSERT INTO activecampaign._acx_swap_contacts",
        "COMMIT",
        "ALTER TABLE activecampaign.contacts SWAP WITH activecampaign._acx_swap_contacts",
        "BEGIN",
        "INSERT INTO activecampaign._acx_state",
        "COMMIT",
        "DROP TABLE IF EXISTS activecampaign._acx_stage_contacts",
        "DROP TABLE IF EXISTS activecampaign._acx_swap_contacts",
    ]
    dest.prepare(stream)
    assert dest.legacy_columns(stream) == ()


@pytest.mark.parametrize(
    ("fails", "table_is_new"),
    [
        pytest.param(r"^INSERT INTO activecampaign\._acx_swap_contacts", False, id="building"),
        pytest.param(r"SWAP WITH", False, id="swapping"),
        pytest.param(r"^INSERT INTO activecampaign\._acx_state", True, id="writing-state"),
    ],
)
def test_a_failed_migration_leaves_each_table_whole_and_no_state_ahead(
    old_dest, fails, table_is_new
):
    """Snowflake commits DDL at once, so the swap cannot share the state's transaction: a failure
    before it leaves the old table and state; after it, the new table under the old state row
    (format None), which makes the next run read the table in full and replace it again."""
    dest, stream, spy = old_dest
    dest.prepare(stream)
    old_state = dest.read_state()["contacts"]
    dest.stage(stream, batch(stream, [ROW]))
    spy.fail = re.compile(fails)
    with pytest.raises(LoadError):
        dest.commit([Apply(stream, "replace", migrate=dest.legacy_columns(stream))], [NEW_STATE])
    spy.fail = None
    kind, rows, state = looks(dest)
    assert state == old_state
    if table_is_new:
        assert (kind, rows) == ("TIMESTAMP_TZ", NEW_ROWS)
    else:
        assert (kind, rows) == ("TIMESTAMP_NTZ", OLD_ROWS)
    dest.close()
    dest.connect()  # drops what the failed migration left
    assert swap_tables(dest) == []
    dest.prepare(stream)  # and the next run finishes it
    dest.stage(stream, batch(stream, [ROW]))
    dest.commit([Apply(stream, "replace", migrate=dest.legacy_columns(stream))], [NEW_STATE])
    assert looks(dest) == ("TIMESTAMP_TZ", NEW_ROWS, NEW_STATE)


def test_changed_type_is_refused(mini_dest):
    dest, stream = mini_dest
    dest.execute("CREATE TABLE activecampaign.contacts (id BIGINT, first_name BIGINT)")
    with pytest.raises(
        LoadError, match="first_name is NUMBER\\(38,0\\) but the spec now says text"
    ):
        dest.prepare(stream)


def test_new_spec_column_is_added(mini_dest):
    dest, stream = mini_dest
    dest.execute("CREATE TABLE activecampaign.contacts (id BIGINT, udate TIMESTAMP_TZ)")
    dest.prepare(stream)
    assert list(dest.existing_columns("contacts")) == [
        "ID", "UDATE", "FIRST_NAME", "group", "SCORE", "DATA", "BOUNCED_DATE", "EMAIL_EMPTY", "RATIO",
        "_ACX_SYNCED_AT", "_ACX_DELETED_AT",
    ]  # fmt: skip
    dest.prepare(stream)  # and now the same types as the spec


def test_copy_failure_names_table_and_account(mini_dest, monkeypatch):
    dest, stream = mini_dest
    dest.prepare(stream)
    spy = Spy()
    spy.install(monkeypatch)
    spy.fail = re.compile("^COPY INTO")
    with pytest.raises(LoadError) as err:
        dest.stage(stream, batch(stream, [ROW]))
    assert str(err.value) == (
        "snowflake account acme-test: loading table contacts failed: a value could not be "
        "converted to its column type (error 100038, SQLSTATE 22018, query id 01b2-test)"
    )


# ---- settings


def key_file(tmp_path, passphrase: bytes | None):
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    encryption = (
        serialization.BestAvailableEncryption(passphrase)
        if passphrase
        else serialization.NoEncryption()
    )
    path = tmp_path / "rsa_key.p8"
    path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption)
    )
    return key, str(path)


def test_key_pair_connect_args(tmp_path):
    key, path = key_file(tmp_path, b"open sesame")
    env = {k: v for k, v in ENV.items() if k != "SNOWFLAKE_PASSWORD"}
    env |= {"SNOWFLAKE_PRIVATE_KEY_FILE": path, "SNOWFLAKE_PRIVATE_KEY_PASSPHRASE": "open sesame"}
    cfg = settings_from_env(env)
    args = connect_args(cfg)
    assert "password" not in args
    assert args["authenticator"] == "SNOWFLAKE_JWT"
    assert (args["account"], args["user"], args["paramstyle"]) == ("acme-test", "loader", "qmark")
    loaded = serialization.load_der_private_key(args["private_key"], password=None)
    assert loaded.private_numbers() == key.private_numbers()
    assert "open sesame" not in repr(cfg)
    with pytest.raises(ConfigError) as err:
        connect_args(settings_from_env({**env, "SNOWFLAKE_PRIVATE_KEY_PASSPHRASE": "wrong"}))
    assert "wrong" not in str(err.value) and "rsa_key.p8" in str(err.value)


def test_unencrypted_key_needs_no_passphrase(tmp_path):
    key, path = key_file(tmp_path, None)
    env = {k: v for k, v in ENV.items() if k != "SNOWFLAKE_PASSWORD"}
    args = connect_args(settings_from_env({**env, "SNOWFLAKE_PRIVATE_KEY_FILE": path}))
    assert serialization.load_der_private_key(args["private_key"], None).private_numbers() == (
        key.private_numbers()
    )


def test_password_connect_args_and_no_secret_in_repr():
    cfg = settings_from_env(ENV)
    assert connect_args(cfg)["password"] == PASSWORD
    dest = SnowflakeDestination(None, SimpleNamespace(env=ENV, targets={}))
    assert PASSWORD not in repr(cfg) + repr(dest) + repr(vars(dest))
    assert dest.describe() == "snowflake account acme-test"


BAD_SETTINGS = [
    (
        {},
        "snowflake settings missing from the environment: SNOWFLAKE_ACCOUNT, SNOWFLAKE_USER, "
        "SNOWFLAKE_DATABASE, SNOWFLAKE_SCHEMA, SNOWFLAKE_PASSWORD or SNOWFLAKE_PRIVATE_KEY_FILE",
    ),
    (
        {"SNOWFLAKE_ACCOUNT": "a", "SNOWFLAKE_USER": "u", "SNOWFLAKE_PASSWORD": "p"},
        "missing from the environment: SNOWFLAKE_DATABASE, SNOWFLAKE_SCHEMA (",
    ),
    (
        {**ENV, "SNOWFLAKE_PRIVATE_KEY_FILE": "/k.p8"},
        "from the environment give both SNOWFLAKE_PASSWORD and SNOWFLAKE_PRIVATE_KEY_FILE",
    ),
]


@pytest.mark.parametrize(("env", "message"), BAD_SETTINGS)
def test_bad_environment(env, message):
    with pytest.raises(ConfigError) as err:
        settings_from_env(env)
    assert message in str(err.value)
    assert PASSWORD not in str(err.value)


TARGET = {
    "type": "snowflake",
    "account": "acme-prod",
    "user": "LOADER",
    "password_env": "PROD_SF_PASSWORD",
    "database": "RAW",
    "schema": "ACTIVECAMPAIGN",
    "warehouse": "LOAD_WH",
}
BAD_TARGETS = [
    ("prdo", {}, "no target 'prdo' in acx.toml (did you mean 'prod'?)"),
    ("prod", {"type": "postgres"}, "[targets.prod] has type 'postgres', not 'snowflake'"),
    ("prod", {"password": PASSWORD}, "[targets.prod]: do not write the password into the config"),
    ("prod", {"private_key_passphrase": "x"}, "do not write the private_key_passphrase"),
    (
        "prod",
        {"wharehouse": "W"},
        "[targets.prod]: unknown key 'wharehouse' (did you mean 'warehouse'?)",
    ),
    (
        "prod",
        {"password_env": "UNSET_VAR", "database": None},
        "missing in [targets.prod]: database, UNSET_VAR (its password_env) or private_key_file",
    ),
]


@pytest.mark.parametrize(("name", "change", "message"), BAD_TARGETS)
def test_bad_target(name, change, message):
    target = {k: v for k, v in {**TARGET, **change}.items() if v is not None}
    env = {"PROD_SF_PASSWORD": PASSWORD}
    with pytest.raises(ConfigError) as err:
        settings_from_target(name, {"prod": target}, env)
    assert message in str(err.value)
    assert PASSWORD not in str(err.value)


def test_target_settings_and_registry():
    settings = SimpleNamespace(targets={"prod": TARGET}, env={"PROD_SF_PASSWORD": PASSWORD})
    dest = make_destination("snowflake:prod", settings)
    assert isinstance(dest, SnowflakeDestination)
    assert (dest.cfg.account, dest.cfg.database, dest.cfg.warehouse) == (
        "acme-prod",
        "RAW",
        "LOAD_WH",
    )
    assert connect_args(dest.cfg)["password"] == PASSWORD
    assert PASSWORD not in repr(dest.cfg)


def test_connect_failure_is_one_line_without_secrets(monkeypatch):
    def refuse(**kwargs):
        raise snowflake.connector.errors.DatabaseError(
            msg=f"Incorrect username or password {kwargs['password']}",
            errno=390100,
            sqlstate="08001",
        )

    monkeypatch.setattr(snowflake.connector, "connect", refuse)
    dest = SnowflakeDestination(None, SimpleNamespace(env=ENV, targets={}))
    with pytest.raises(LoadError) as err:
        dest.connect()
    assert str(err.value) == (
        "snowflake account acme-test: signing in as loader failed: incorrect username or "
        "password (error 390100, SQLSTATE 08001)"
    )


def test_no_env_means_process_environment(monkeypatch):
    for key, value in ENV.items():
        monkeypatch.setenv(key, value)
    assert SnowflakeDestination(None, None).cfg.user == os.environ["SNOWFLAKE_USER"]
