"""The MySQL/MariaDB destination against a real server (tests.conftest.mysql_dsn(), MariaDB at
127.0.0.1:3306 in CI): a whole run from the sandbox and its merge, exact round-trips of awkward
values, schema evolution, column comments, a second run refused, and messages without
passwords. Every test works in its own random database and drops it; without a server the tests
skip with the reason."""

from __future__ import annotations

import math
import uuid
from collections.abc import Iterator
from datetime import date, datetime, timezone
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

import pyarrow as pa
import pytest

pytest.importorskip("pymysql")

from engine.api import RunOptions, run_spec  # noqa: E402
from engine.errors import ConfigError, LoadError  # noqa: E402
from engine.load import Apply, make_destination  # noqa: E402
from engine.load.mysql import MysqlDestination, parse_dsn, redact_dsn  # noqa: E402
from engine.load.sqlbuild import SEQ  # noqa: E402
from engine.load.state import StateRow  # noqa: E402
from engine.spec import Stream, load_spec  # noqa: E402
from engine.spec.types import arrow_type  # noqa: E402
from sandbox import Sandbox  # noqa: E402
from tests.conftest import MINI, SPEC, mysql_dsn  # noqa: E402
from tests.mysqlhelp import drop_database, query, server_or_skip  # noqa: E402
from tests.test_many_accounts import two  # noqa: E402, F401  (a fixture: two sandbox accounts)

SECRET = "s3cr3t-Pw"
UTC = timezone.utc
KEY = "mysql-key"
TABLES = ["contacts", "contact_tags", "deals", "campaigns", "campaign_message_contents"]


def settings(env: dict[str, str], targets: dict[str, Any] | None = None) -> SimpleNamespace:
    return SimpleNamespace(env=env, targets=targets or {})


@pytest.fixture
def database() -> Iterator[str]:
    server_or_skip()
    name = f"acx_test_{uuid.uuid4().hex[:8]}"
    yield name
    drop_database(name)


@pytest.fixture
def env(database: str) -> dict[str, str]:
    return {"ACX_MYSQL_DSN": mysql_dsn(), "ACX_MYSQL_DATABASE": database}


@pytest.fixture
def dest(env: dict[str, str]) -> Iterator[MysqlDestination]:
    d = make_destination("mysql", settings(env))
    assert isinstance(d, MysqlDestination)
    d.connect()
    yield d
    d.close()


def rows(database: str, sql: str, params: Any = None) -> list[tuple]:
    return query(sql, params, database=database)


# ---------------------------------------------------------------- a whole run and its merge


@pytest.fixture(scope="module")
def loaded() -> Iterator[tuple[Sandbox, str, dict[str, str]]]:
    """The sandbox loaded once into a database, then changed and loaded again."""
    server_or_skip()
    database = f"acx_test_{uuid.uuid4().hex[:8]}"
    with Sandbox(contacts=60, api_key=KEY, rate_limit=0) as sb:
        env = {
            "ACX_API_URL": sb.url,
            "ACX_API_KEY": KEY,
            "ACX_REQUESTS_PER_SECOND": "1000",
            "ACX_MYSQL_DSN": mysql_dsn(),
            "ACX_MYSQL_DATABASE": database,
        }
        try:
            yield sb, database, env
        finally:
            drop_database(database)


def run(env: dict[str, str]) -> int:
    return run_spec(
        str(SPEC), RunOptions(dest="mysql", tables=TABLES), env=env, echo=_quiet, out=_quiet
    )


def _quiet(line: str) -> None:
    pass


@pytest.mark.slow
def test_a_run_loads_then_merges(loaded: tuple[Sandbox, str, dict[str, str]]) -> None:
    sb, database, env = loaded
    assert run(env) == 0
    count = {t: rows(database, f"SELECT count(*) FROM `{t}`")[0][0] for t in TABLES}
    assert all(count.values()), count
    assert count["contacts"] == 60

    # text with quotes, newlines, tabs, backslashes and emoji survives exactly
    texts = {int(m["id"]): m["text"] for m in sb.expected("messages")}
    got = dict(rows(database, "SELECT id, text FROM campaign_message_contents"))
    assert got and got == {k: texts[k] for k in got}
    for needle in ('"', "\n", "\t", "\\", "🎉"):
        assert any(needle in v for v in got.values()), needle
    [(title,)] = rows(database, "SELECT title FROM deals WHERE id = 3")
    assert title == 'Deal with "quotes" & ünïcode 🚀'

    # an offset timestamp lands as its UTC wall clock in DATETIME(6)
    first = sb.expected("contacts")[0]
    [(udate,)] = rows(database, "SELECT udate FROM contacts WHERE id = %s", [int(first["id"])])
    assert udate == datetime.fromisoformat(first["udate"]).astimezone(UTC).replace(tzinfo=None)

    # tables and columns carry the spec's descriptions; timestamps say they are UTC
    comments = dict(
        rows(
            database,
            "SELECT column_name, column_comment FROM information_schema.columns "
            "WHERE table_schema = %s AND table_name = 'contacts'",
            [database],
        )
    )
    assert all(comments.values()), [c for c, text in comments.items() if not text]
    assert comments["udate"].endswith("(UTC).")
    [(table_comment,)] = rows(
        database,
        "SELECT table_comment FROM information_schema.tables "
        "WHERE table_schema = %s AND table_name = 'contacts'",
        [database],
    )
    assert table_comment
    [(collation,)] = rows(
        database,
        "SELECT default_collation_name FROM information_schema.schemata WHERE schema_name = %s",
        [database],
    )
    assert collation.endswith("bin")

    # changes merge on the key: new rows in, changed rows changed, no duplicates, no stages
    sb.mutate("contacts", update=3, create=2)
    assert run(env) == 0
    assert rows(database, "SELECT count(*), count(DISTINCT id) FROM contacts") == [(62, 62)]
    source = {int(c["id"]): c["lastName"] for c in sb.expected("contacts")}
    assert dict(rows(database, "SELECT id, last_name FROM contacts")) == source
    stages = rows(
        database,
        "SELECT count(*) FROM information_schema.tables "
        "WHERE table_schema = %s AND table_name LIKE '\\_acx\\_stage\\_%%'",
        [database],
    )
    assert stages == [(0,)]
    state = dict(rows(database, "SELECT stream, mode FROM _acx_state"))
    assert set(TABLES) <= set(state) and state["contacts"] == "incremental"


# ---------------------------------------------------------------- the destination driven directly


def _mini() -> Stream:
    return load_spec(MINI).stream("contacts")


ROUND_TRIP: dict[str, list[Any]] = {
    "id": [1, 2, 3, 4, 5, 6, 7, 9_223_372_036_854_775_807],
    "first_name": [
        "tab\there",
        "line1\nline2\r\nline3",
        "back\\slash \\N and \\' \\0",
        "nul\x00and ctrl-z \x1a",
        "\"double\" and 'single' and `tick`",
        "emoji 🎉🚀 中文 Ünïcödé",
        "",
        None,
    ],
    "group": [0, -1, None, 42, -9_223_372_036_854_775_808, 1, 2, 3],
    "score": [
        Decimal("12345678901234567890123456789.123456789"),
        Decimal("-0.000000001"),
        Decimal("0"),
        None,
        Decimal("1.5"),
        Decimal("-99999999999999999999999999999.999999999"),
        Decimal("7"),
        Decimal("0.1"),
    ],
    "data": ['{"a":"x\\ny","c":"\\\\"}', "[]", None, '"tab\\t 🎉"', "{}", "12.5", "true", "null"],
    "udate": [
        datetime(2024, 3, 10, 7, 30, 0, 123456, UTC),
        datetime(1000, 1, 1, tzinfo=UTC),
        datetime(9999, 12, 31, 23, 59, 59, 999999, UTC),
        None,
        datetime(2024, 11, 3, 6, 30, tzinfo=UTC),
        datetime(1970, 1, 1, tzinfo=UTC),
        datetime(2000, 2, 29, 12, tzinfo=UTC),
        datetime(2038, 1, 19, 3, 14, 8, tzinfo=UTC),  # past TIMESTAMP's end: DATETIME holds it
    ],
    "bounced_date": [date(2024, 2, 29), date(1000, 1, 1), None, date(9999, 12, 31)] * 2,
    "email_empty": [True, False, None, True, False, None, True, False],
    "ratio": [0.1, 1e300, -0.0, 5e-324, float("inf"), float("nan"), None, 1 / 3],
}


def _batch(stream: Stream, values: dict[str, list[Any]], seq: int = 0) -> pa.Table:
    arrays = {c.name: pa.array(values[c.name], type=arrow_type(c.type)) for c in stream.columns}
    arrays[SEQ] = pa.array(range(seq, seq + len(values["id"])), type=pa.int64())
    return pa.table(arrays)


def _state(stream: Stream, count: int) -> StateRow:
    now = datetime.now(UTC)
    return StateRow(stream.key, now, "full", count, "test", now)


def test_values_round_trip_exactly(database: str, dest: MysqlDestination) -> None:
    stream = _mini()
    dest.prepare(stream)
    dest.statement_bytes = 200  # a statement per row or two: the cuts fall between rows
    dest.stage(stream, _batch(stream, ROUND_TRIP))
    dest.commit([Apply(stream, "replace")], [_state(stream, 8)])
    names = [c.name for c in stream.columns]
    got = {
        r[0]: dict(zip(names, r, strict=True))
        for r in rows(database, "SELECT " + ", ".join(f"`{n}`" for n in names) + " FROM contacts")
    }
    assert len(got) == 8
    for i, key in enumerate(ROUND_TRIP["id"]):
        row = got[key]
        for name in ("first_name", "group", "score", "bounced_date", "data"):
            assert row[name] == ROUND_TRIP[name][i], (name, i)
        sent = ROUND_TRIP["udate"][i]
        assert row["udate"] == (sent.replace(tzinfo=None) if sent else None)  # UTC digits
        flag = ROUND_TRIP["email_empty"][i]
        assert row["email_empty"] == (None if flag is None else int(flag))
        ratio = ROUND_TRIP["ratio"][i]
        if ratio is None or not math.isfinite(ratio):  # MySQL holds no NaN or infinity
            assert row["ratio"] is None
        else:
            assert row["ratio"] == ratio
    assert dict(rows(database, "SELECT stream, mode FROM _acx_state")) == {"contacts": "full"}
    dest.prepare(stream)  # the table reads back as the spec's types: nothing to change


def test_merge_keeps_the_last_staged_row_per_key(database: str, dest: MysqlDestination) -> None:
    stream = _mini()
    dest.prepare(stream)
    dest.stage(stream, _batch(stream, ROUND_TRIP))
    dest.commit([Apply(stream, "replace")], [_state(stream, 8)])
    dest.prepare(stream)
    again = {k: v[:2] for k, v in ROUND_TRIP.items()}
    dest.stage(stream, _batch(stream, {**again, "first_name": ["old", "old"]}, seq=0))
    dest.stage(stream, _batch(stream, {**again, "first_name": ["new", "new"]}, seq=2))
    dest.commit([Apply(stream, "merge")], [_state(stream, 4)])
    got = rows(database, "SELECT id, first_name FROM contacts ORDER BY id")
    assert len(got) == 8 and got[:2] == [(1, "new"), (2, "new")]


def test_schema_evolution_adds_columns_and_refuses_type_changes(
    database: str, dest: MysqlDestination
) -> None:
    stream = _mini()
    query("CREATE TABLE contacts (id BIGINT NOT NULL PRIMARY KEY, udate DATETIME(6))", [], database)
    dest.prepare(stream)
    have = dest.existing_columns("contacts")
    assert have is not None and list(have)[:3] == ["id", "udate", "first_name"]
    assert have["data"] in ("longtext", "json") and have["email_empty"] == "tinyint(1)"
    [(comment,)] = rows(
        database,
        "SELECT column_comment FROM information_schema.columns "
        "WHERE table_schema = %s AND table_name = 'contacts' AND column_name = 'first_name'",
        [database],
    )
    assert comment == "First name."  # an added column gets its comment too
    dest.prepare(stream)  # the same types as the spec now
    query("ALTER TABLE contacts MODIFY ratio LONGTEXT", [], database)
    with pytest.raises(LoadError, match="contacts.ratio is longtext but the spec now says float"):
        dest.prepare(stream)


def test_server_errors_are_one_line_without_values(database: str, dest: MysqlDestination) -> None:
    stream = _mini()
    dest.prepare(stream)
    query("ALTER TABLE _acx_stage_contacts MODIFY `group` TINYINT", [], database)
    values = {k: v[:1] for k, v in ROUND_TRIP.items()}
    with pytest.raises(LoadError) as err:
        dest.stage(stream, _batch(stream, {**values, "group": [424242]}))
    message = str(err.value)
    assert message.startswith(f"mysql://127.0.0.1/{database}: loading contacts (batch row 1 on): ")
    assert "424242" not in message and "INSERT" not in message and "\n" not in message


def test_a_second_run_on_the_same_database_is_refused(
    env: dict[str, str], dest: MysqlDestination
) -> None:
    other = MysqlDestination(None, settings(env))
    with pytest.raises(LoadError, match="database acx_test_\\w+ is in use by another acx run"):
        other.connect()
    other.close()
    dest.close()  # the lock goes with the session
    other.connect()
    other.close()


# ---------------------------------------------------------------- connection and configuration


@pytest.mark.parametrize(
    "dsn",
    [
        f"mysql://root:{SECRET}@127.0.0.1:1/acx",  # nobody listens
        f"mysql://acx_no_such_user:{SECRET}@127.0.0.1:3306/acx",  # refused
    ],
)
def test_connection_failure_is_one_line_without_the_password(dsn: str) -> None:
    server_or_skip()
    d = make_destination("mysql", settings({"ACX_MYSQL_DSN": dsn}))
    with pytest.raises(LoadError) as err:
        d.connect()
    message = str(err.value)
    assert message.startswith("cannot connect to mysql://127.0.0.1")
    assert SECRET not in message and "\n" not in message


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({}, "--dest mysql needs ACX_MYSQL_DSN"),
        ({"ACX_MYSQL_DSN": "postgresql://u@h/db"}, "not a mysql:// URL"),
        ({"ACX_MYSQL_DSN": f"mysql://u:{SECRET}@h:99999/db"}, "not a valid MySQL DSN"),
        ({"ACX_MYSQL_DSN": "mysql://u@h/"}, "no database named"),
        ({"ACX_MYSQL_DSN": "mysql://u@h/db?sslmode=require"}, "unknown DSN parameter 'sslmode'"),
        ({"ACX_MYSQL_DSN": "mysql://u@h/db", "ACX_MYSQL_DATABASE": "a%b"}, "no %"),
    ],
)
def test_bad_environment(env: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError, match=message) as err:
        make_destination("mysql", settings(env))
    assert SECRET not in str(err.value)


@pytest.mark.parametrize(
    ("target", "targets", "message"),
    [
        ("prod", {}, "no target 'prod'"),
        ("prod", {"prod": {"type": "mysql", "dsn": f"mysql://u:{SECRET}@h/db"}}, "password"),
        ("prod", {"prod": {"type": "mysql", "password": SECRET}}, "do not write the password"),
        ("prod", {"prod": {"type": "mysql", "dsn_env": "NOPE"}}, "NOPE is not set"),
        ("prod", {"prod": {"type": "mysql"}}, "exactly one of dsn and dsn_env"),
        (
            "prod",
            {"prod": {"type": "mysql", "dsn": "mysql://u@h/d", "db": "x"}},
            "unknown key 'db'",
        ),
        (f"mysql://u:{SECRET}@h/db", {}, "not a DSN"),
    ],
)
def test_bad_target(target: str, targets: dict[str, Any], message: str) -> None:
    with pytest.raises(ConfigError, match=message) as err:
        make_destination(f"mysql:{target}", settings({}, targets))
    assert SECRET not in str(err.value)


def test_where_the_settings_come_from() -> None:
    env = {"ACX_MYSQL_DSN": f"mysql://acx:{SECRET}@db.internal:3307/raw?ssl_ca=/ca.pem"}
    d = make_destination("mysql", settings(env))
    assert isinstance(d, MysqlDestination)
    assert d.describe() == "mysql://db.internal:3307/raw" and SECRET not in repr(d.cfg)
    assert d.cfg.password == SECRET and d.cfg.options == {"ssl_ca": "/ca.pem"}
    targets = {"prod": {"type": "mysql", "dsn_env": "PROD_DSN", "database": "ac"}}
    named = make_destination(
        "mysql:prod", settings({"PROD_DSN": "mariadb://acx@db", "MYSQL_PWD": SECRET}, targets)
    )
    assert isinstance(named, MysqlDestination)
    assert named.describe() == "mysql://db/ac" and named.cfg.password == SECRET
    assert redact_dsn(f"mysql://u:{SECRET}@h/db") == "mysql://u:***@h/db"
    assert parse_dsn("mysql://h/db", "x", {}).user == "root"


# ---------------------------------------------------------------- many accounts


def test_an_account_of_the_schema_layout_gets_a_database_of_its_own(
    database: str, env: dict[str, str]
) -> None:
    from engine.load.layout import Placement

    d = make_destination("mysql", settings(env))
    d.place(Placement("eu", "schema", f"{database}_eu"))
    try:
        d.connect()
        assert d.describe() == f"mysql://127.0.0.1/{database}_eu"
        d.close()
        made = query(f"SHOW TABLES FROM `{database}_eu`")
        assert made == [("_acx_state",)]
    finally:
        drop_database(f"{database}_eu")


@pytest.mark.slow
def test_shared_tables_two_accounts_at_once(
    two: Any,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from pathlib import Path

    from engine.load.layout import ACCOUNT_COLUMN
    from tests.test_many_accounts import cli, counts, served, toml

    server_or_skip()
    us, eu, _ = two
    database = f"acx_many_{uuid.uuid4().hex[:8]}"
    monkeypatch.setenv("ACX_MYSQL_DSN", mysql_dsn())
    monkeypatch.setenv("ACX_MYSQL_DATABASE", database)
    try:
        Path("acx.toml").write_text(toml("shared"), encoding="utf-8")
        result = cli("--dest", "mysql")
        assert result.exit_code == 0, result.output
        for table in served(us):
            found = rows(database, f"SELECT {ACCOUNT_COLUMN}, count(*) FROM {table} GROUP BY 1")
            assert counts(found) == {"us": served(us)[table], "eu": served(eu)[table]}, table
        modes = dict(rows(database, "SELECT stream, mode FROM _acx_state"))
        assert modes["us/contacts"] == modes["eu/contacts"] == "incremental"
        assert not rows(database, "SHOW TABLES LIKE '\\_acx\\_stage\\_%'")
    finally:
        drop_database(database)


def test_accounts_sharing_tables_commit_one_at_a_time(env: dict[str, str]) -> None:
    """Two accounts' merges into shared tables once deadlocked in InnoDB (error 1213, one
    account failed): while one commits, the other's commit waits for its turn."""
    import threading

    from engine.load.layout import Placement

    first, second = (make_destination("mysql", settings(env)) for _ in range(2))
    first.place(Placement("us", "shared"))
    second.place(Placement("eu", "shared"))
    first.connect()
    second.connect()
    inside, release, order = threading.Event(), threading.Event(), []

    def hold() -> None:
        with first.transaction():
            order.append("us in")
            inside.set()
            release.wait(10)
            order.append("us out")

    def follow() -> None:
        inside.wait(10)
        with second.transaction():
            order.append("eu in")

    threads = [threading.Thread(target=hold), threading.Thread(target=follow)]
    try:
        for t in threads:
            t.start()
        inside.wait(10)
        threads[1].join(0.5)  # eu is still waiting for us's turn
        release.set()
        for t in threads:
            t.join(10)
    finally:
        first.close()
        second.close()
    assert order == ["us in", "us out", "eu in"]


def test_a_table_gains_history_in_place(database: str, dest: MysqlDestination) -> None:
    from dataclasses import replace

    stream = _mini()
    dest.prepare(stream)
    dest.stage(stream, _batch(stream, ROUND_TRIP))
    dest.commit([Apply(stream, "replace")], [_state(stream, 8)])
    kept = replace(stream, history=True)
    dest.prepare(kept)  # versions begin at the last write; the key gains _acx_valid_from
    key = rows(
        database,
        "SELECT column_name FROM information_schema.key_column_usage WHERE table_schema = %s "
        "AND table_name = 'contacts' AND constraint_name = 'PRIMARY' ORDER BY ordinal_position",
        [database],
    )
    assert key == [("id",), ("_acx_valid_from",)]
    changed = {k: v[:1] for k, v in ROUND_TRIP.items()}
    dest.stage(kept, _batch(kept, {**changed, "first_name": ["changed"]}))
    dest.commit([Apply(kept, "merge")], [_state(kept, 1)])
    got = rows(database, "SELECT first_name, _acx_is_current FROM contacts WHERE id = 1")
    assert sorted(got) == [("changed", 1), (ROUND_TRIP["first_name"][0], 0)]
    assert rows(database, "SELECT count(*) FROM contacts_current") == [(8,)]
