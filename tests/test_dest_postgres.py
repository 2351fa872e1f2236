"""The Postgres destination against a real server (tests.conftest.pg_dsn()): whole runs from the
sandbox, exact round-trips of awkward values, merges, failed groups, and messages without
passwords. Every test works in its own random schema and drops it."""

from __future__ import annotations

import json
import math
import os
import signal
import subprocess
import sys
import uuid
from collections.abc import Iterator, Sequence
from datetime import date, datetime, timezone
from decimal import Decimal
from types import SimpleNamespace
from typing import Any
from zoneinfo import ZoneInfo

import pyarrow as pa
import pytest

psycopg = pytest.importorskip("psycopg")
from psycopg import sql  # noqa: E402

from engine.api import RunOptions, run_spec  # noqa: E402
from engine.config.settings import Settings  # noqa: E402
from engine.errors import ConfigError, LoadError  # noqa: E402
from engine.load import Apply, make_destination  # noqa: E402
from engine.load.postgres import PostgresDestination, redact_dsn  # noqa: E402
from engine.load.sqlbuild import SEQ  # noqa: E402
from engine.load.state import FORMAT, StateRow  # noqa: E402
from engine.read.coerce import Coercer  # noqa: E402
from engine.spec import Stream, load_spec  # noqa: E402
from engine.spec.types import arrow_type  # noqa: E402
from sandbox import Sandbox  # noqa: E402
from tests.conftest import MINI, ROOT, SPEC, pg_dsn  # noqa: E402
from tests.runhelp import account_spec  # noqa: E402

SECRET = "s3cr3t-Pw"
UTC = timezone.utc


# ---------------------------------------------------------------- fixtures and helpers


@pytest.fixture
def pg() -> Iterator[Any]:
    try:
        conn = psycopg.connect(pg_dsn(), autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as exc:
        pytest.skip(f"no Postgres at {redact_dsn(pg_dsn())}: {exc}")
    yield conn
    conn.close()


@pytest.fixture
def schema(pg: Any) -> Iterator[str]:
    name = f"Acx Test {uuid.uuid4().hex[:8]}"  # upper case and a space: must be quoted everywhere
    yield name
    pg.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(name)))


@pytest.fixture
def env(schema: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """The destination's variables, in os.environ too (Settings does not carry run_spec's env)."""
    values = {"ACX_POSTGRES_DSN": pg_dsn(), "ACX_POSTGRES_SCHEMA": schema}
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    return values


def run(sb: Sandbox, env: dict[str, str], lines: list[str] | None = None, **kw: Any) -> int:
    full = {
        "ACX_API_URL": sb.url,
        "ACX_API_KEY": "k",
        "ACX_REQUESTS_PER_SECOND": "1000",
        **env,
    }
    sink = lines.append if lines is not None else (lambda line: None)
    return run_spec(str(SPEC), RunOptions(dest="postgres", **kw), env=full, echo=sink, out=sink)


def query(pg: Any, schema: str, text: str, *tables: str) -> list[tuple]:
    """`text` with {} placeholders filled by schema-qualified, quoted table names."""
    names = [sql.Identifier(schema, t) for t in tables]
    cur = pg.execute(sql.SQL(text).format(*names))
    return cur.fetchall() if cur.description else []


def snapshot(pg: Any, schema: str, table: str) -> list[tuple]:
    return query(pg, schema, "SELECT * FROM {} ORDER BY 1", table)


def state_row(pg: Any, schema: str, stream: str) -> tuple:
    rows = pg.execute(
        sql.SQL("SELECT * FROM {} WHERE stream = %s").format(sql.Identifier(schema, "_acx_state")),
        [stream],
    ).fetchall()
    return rows[0]


def settings(targets: dict[str, Any] | None = None) -> Settings:
    return Settings(api_url="http://127.0.0.1:1", api_key="k", targets=targets or {})


# ---------------------------------------------------------------- whole runs from the sandbox


@pytest.mark.slow
def test_run_loads_every_table_then_merges(pg: Any, schema: str, env: dict[str, str]) -> None:
    with Sandbox(contacts=150, api_key="k", rate_limit=0) as sb:
        assert run(sb, env) == 0
        spec = account_spec(sb.url, "k")  # with the account's custom object tables
        counts = {
            s.name: query(pg, schema, "SELECT count(*) FROM {}", s.name)[0][0] for s in spec.streams
        }
        assert len(counts) == len(spec.streams)
        assert [t for t, n in counts.items() if n == 0] == []
        assert query(pg, schema, "SELECT count(*) FROM {}", "_acx_state")[0][0] == len(spec.streams)

        # text with quotes, newlines, tabs, backslashes and emoji survives exactly
        # (the table holds the messages campaigns reference, each as the API sent it)
        texts = {int(m["id"]): m["text"] for m in sb.expected("messages")}
        got = dict(query(pg, schema, "SELECT id, text FROM {}", "campaign_message_contents"))
        assert got and got == {k: texts[k] for k in got}
        for needle in ('"', "\n", "\t", "\\", "🎉"):
            assert any(needle in v for v in got.values()), needle
        title = query(pg, schema, "SELECT title FROM {} WHERE id = 3", "deals")[0][0]
        assert title == 'Deal with "quotes" & ünïcode 🚀'

        # an ISO timestamp with an offset arrives as the same instant; a zero date as NULL
        first = sb.expected("contacts")[0]
        udate = query(
            pg, schema, f"SELECT udate FROM {{}} WHERE id = {int(first['id'])}", "contacts"
        )
        assert udate[0][0] == datetime.fromisoformat(first["udate"])
        assert udate[0][0].utcoffset().total_seconds() == 0
        zero = next(
            c for c in sb.expected("contacts") if c["socialdata_lastcheck"] == "0000-00-00 00:00:00"
        )
        lastcheck = query(
            pg,
            schema,
            f"SELECT socialdata_lastcheck FROM {{}} WHERE id = {int(zero['id'])}",
            "contacts",
        )
        assert lastcheck == [(None,)]

        # an array in a text column is stored as compact JSON text
        data = next(
            r for r in sb.expected("accountCustomFieldData") if isinstance(r["fieldValue"], list)
        )
        value = query(
            pg,
            schema,
            f"SELECT field_value FROM {{}} WHERE id = {int(data['id'])}",
            "account_custom_field_data",
        )
        assert value == [(json.dumps(data["fieldValue"], separators=(",", ":")),)]

        # the tables just created match the spec's types (a second run must not see a type change)
        dest = PostgresDestination(None, None)
        dest.connect()
        try:
            for s in spec.streams:
                have = dest.existing_columns(s.name)
                assert have is not None
                assert [c.name for c in s.columns if not dest.same_type(have[c.name], c)] == []
        finally:
            dest.close()

        names_before = dict(query(pg, schema, "SELECT id, last_name FROM {}", "contacts"))
        contacts = sb.mutate("contacts", update=5, create=3, delete=1)
        deals = sb.mutate("deals", update=3, create=2)
        assert run(sb, env) == 0
        names_after = dict(query(pg, schema, "SELECT id, last_name FROM {}", "contacts"))
        assert len(names_after) == 153  # +3 created; a deleted contact cannot be seen, so it stays
        assert any(names_after[i] != names_before[i] for i in contacts["updated"])

        for s in spec.streams:
            key = sql.SQL(", ").join(sql.Identifier(s.column(k).name) for k in s.primary_key)
            dupes = pg.execute(
                sql.SQL("SELECT {k}, count(*) FROM {t} GROUP BY {k} HAVING count(*) > 1").format(
                    k=key, t=sql.Identifier(schema, s.name)
                )
            ).fetchall()
            assert dupes == [], s.name
        want = {int(c["id"]): c["lastName"] for c in sb.expected("contacts")}
        for cid in contacts["updated"] + contacts["created"]:
            got_name = query(
                pg, schema, f"SELECT last_name FROM {{}} WHERE id = {int(cid)}", "contacts"
            )
            assert got_name == [(want[int(cid)],)]
        want_titles = {int(d["id"]): d["title"] for d in sb.expected("deals")}
        for did in deals["updated"] + deals["created"]:
            got_title = query(pg, schema, f"SELECT title FROM {{}} WHERE id = {int(did)}", "deals")
            assert got_title == [(want_titles[int(did)],)]


@pytest.mark.slow
def test_failed_group_keeps_last_good_rows_and_state(
    pg: Any, schema: str, env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    group = [
        "contacts",
        "contact_field_values",
        "contact_list_activity",
        "contact_tags",
        "list_contacts",
    ]
    with Sandbox(contacts=150, api_key="k", rate_limit=0) as sb:
        assert run(sb, env, tables=group) == 0
        before = {t: snapshot(pg, schema, t) for t in group}
        state = state_row(pg, schema, "contacts")
        sb.mutate("contacts", update=20, create=5)

        # the 2nd batch of contacts fails while staging
        real_load = PostgresDestination.load_stage
        calls: list[str] = []

        def failing_load(self: PostgresDestination, stream: Stream, batch: pa.Table) -> None:
            calls.append(stream.name)
            if stream.name == "contacts" and calls.count("contacts") == 2:
                raise LoadError(f"{self.describe()}: loading contacts: injected failure")
            real_load(self, stream, batch)

        monkeypatch.setattr(PostgresDestination, "load_stage", failing_load)
        lines: list[str] = []
        rc = run(sb, env, lines, tables=group, full_refresh=["contacts"], batch_rows=50)
        assert rc == 1 and any("injected failure" in line for line in lines)
        assert calls.count("contacts") == 2
        assert {t: snapshot(pg, schema, t) for t in group} == before
        assert state_row(pg, schema, "contacts") == state
        stages = pg.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = %s AND tablename LIKE %s",
            [schema, "\\_acx\\_stage\\_%"],
        ).fetchall()
        assert stages == []
        monkeypatch.setattr(PostgresDestination, "load_stage", real_load)

        # the commit fails after the merges ran: the transaction takes all of them back
        real_states = PostgresDestination.write_states

        def failing_states(self: PostgresDestination, rows: Sequence[StateRow]) -> None:
            real_states(self, rows)
            if any(row.stream == "list_contacts" for row in rows):
                self.execute("SELECT 1/0")

        monkeypatch.setattr(PostgresDestination, "write_states", failing_states)
        lines.clear()
        assert run(sb, env, lines, tables=group) == 1
        assert any("division by zero" in line for line in lines)
        assert {t: snapshot(pg, schema, t) for t in group} == before
        assert state_row(pg, schema, "contacts") == state


# ---------------------------------------------------------------- values, types, messages


def _mini_contacts() -> Stream:
    return load_spec(MINI).stream("contacts")


ROUND_TRIP: dict[str, list[Any]] = {
    "id": [1, 2, 3, 4, 5, 6, 7, 9_223_372_036_854_775_807],
    "first_name": [
        "tab\there",
        "line1\nline2\r\nline3",
        "back\\slash \\N and \\.",
        "\\.",
        "\"double\" and 'single'",
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
    "data": [
        '{"a":"x\\ny","b":[1,2.5,null],"c":"\\\\","d":"\\"q\\""}',
        "[]",
        None,
        '"tab\\there 🎉"',
        "{}",
        "12.5",
        "true",
        '{"nested":{"deep":[{"k":"\\u00e9"}]}}',
    ],
    "udate": [
        datetime(2024, 3, 10, 7, 30, 0, 123456),
        datetime(1, 1, 1),
        datetime(9999, 12, 31, 23, 59, 59, 999999),
        None,
        datetime(2024, 11, 3, 6, 30),  # the New York DST change: irrelevant in UTC
        datetime(1970, 1, 1),
        datetime(2000, 2, 29, 12),
        datetime(2026, 11, 1, 12),
    ],
    "bounced_date": [date(2024, 2, 29), date(1, 1, 1), None, date(9999, 12, 31)] * 2,
    "email_empty": [True, False, None, True, False, None, True, False],
    "ratio": [0.1, 1e300, -0.0, 5e-324, float("inf"), float("nan"), None, 1 / 3],
}


def _batch(stream: Stream, values: dict[str, list[Any]], seq: int = 0) -> pa.Table:
    arrays = {c.name: pa.array(values[c.name], type=arrow_type(c.type)) for c in stream.columns}
    n = len(values["id"])
    arrays[SEQ] = pa.array(range(seq, seq + n), type=pa.int64())
    return pa.table(arrays)


def _state(stream: Stream, rows: int) -> StateRow:
    now = datetime.now(UTC)
    return StateRow(stream.key, now, "full", rows, "test", now)


@pytest.fixture
def dest(pg: Any, schema: str, env: dict[str, str]) -> Iterator[PostgresDestination]:
    d = make_destination("postgres", settings())
    assert isinstance(d, PostgresDestination)
    d.connect()
    yield d
    d.close()


def test_values_round_trip_exactly(pg: Any, schema: str, dest: PostgresDestination) -> None:
    stream = _mini_contacts()
    dest.prepare(stream)
    dest.stage(stream, _batch(stream, ROUND_TRIP))
    dest.commit([Apply(stream, "replace")], [_state(stream, 8)])
    names = [c.name for c in stream.columns]
    got = {
        r[0]: dict(zip(names, r, strict=True))
        for r in query(
            pg, schema, "SELECT " + ", ".join(f'"{n}"' for n in names) + " FROM {}", "contacts"
        )
    }
    assert len(got) == 8
    for i, key in enumerate(ROUND_TRIP["id"]):
        row = got[key]
        for name in ("first_name", "group", "score", "bounced_date", "email_empty"):
            assert row[name] == ROUND_TRIP[name][i], (name, i)
        sent = ROUND_TRIP["udate"][i]
        assert row["udate"] == (sent.replace(tzinfo=UTC) if sent else None)
        data = ROUND_TRIP["data"][i]
        assert row["data"] == (json.loads(data) if data is not None else None)
        ratio = ROUND_TRIP["ratio"][i]
        if ratio is None:
            assert row["ratio"] is None
        elif math.isnan(ratio):
            assert math.isnan(row["ratio"])
        else:
            assert row["ratio"] == ratio and math.copysign(1, row["ratio"]) == math.copysign(
                1, ratio
            )
    kinds = dict(query(pg, schema, "SELECT stream, mode FROM {}", "_acx_state"))
    assert kinds == {"contacts": "full"}


def test_nul_cannot_be_stored_so_it_becomes_replacement_char(
    pg: Any, schema: str, dest: PostgresDestination
) -> None:
    stream = _mini_contacts()
    dest.prepare(stream)
    values = {k: v[:3] for k, v in ROUND_TRIP.items()}
    values["first_name"] = ["a\x00b", "\x00", None]
    values["data"] = [
        '{"k":"\\u0000\\u0000"}',
        '"\\\\u0000"',
        None,
    ]  # the 2nd is a backslash + u0000
    dest.stage(stream, _batch(stream, values))
    dest.commit([Apply(stream, "replace")], [_state(stream, 3)])
    got = query(pg, schema, "SELECT first_name, data FROM {} ORDER BY id", "contacts")
    assert got == [("a\ufffdb", {"k": "\ufffd\ufffd"}), ("\ufffd", "\\u0000"), (None, None)]


def test_merge_keeps_last_staged_row_per_key(
    pg: Any, schema: str, dest: PostgresDestination
) -> None:
    stream = _mini_contacts()
    dest.prepare(stream)
    dest.stage(stream, _batch(stream, ROUND_TRIP))
    dest.commit([Apply(stream, "replace")], [_state(stream, 8)])
    dest.prepare(stream)  # an existing table of the same types: nothing to change
    again = {k: v[:2] for k, v in ROUND_TRIP.items()}
    dest.stage(stream, _batch(stream, {**again, "first_name": ["old", "old"]}, seq=0))
    dest.stage(stream, _batch(stream, {**again, "first_name": ["new", "new"]}, seq=2))
    dest.commit([Apply(stream, "merge")], [_state(stream, 4)])
    got = query(pg, schema, "SELECT id, first_name FROM {} ORDER BY id", "contacts")
    assert len(got) == 8 and got[:2] == [(1, "new"), (2, "new")]


def test_type_change_is_refused(pg: Any, schema: str, dest: PostgresDestination) -> None:
    stream = _mini_contacts()
    dest.prepare(stream)
    have = dest.existing_columns("contacts")
    assert have is not None and have["score"] == "numeric(38,9)" and have["data"] == "jsonb"
    assert dest.existing_columns("no_such_table") is None
    query(pg, schema, "ALTER TABLE {} ALTER COLUMN ratio TYPE text", "contacts")
    with pytest.raises(LoadError, match="contacts.ratio is text"):
        dest.prepare(stream)


def test_server_errors_name_the_table_not_the_values(
    pg: Any, schema: str, dest: PostgresDestination
) -> None:
    stream = _mini_contacts()
    dest.prepare(stream)
    stage = "_acx_stage_contacts"
    query(
        pg,
        schema,
        "ALTER TABLE {} ADD CONSTRAINT no_secret CHECK (first_name <> 'TOPSECRET')",
        stage,
    )
    values = {k: v[:1] for k, v in ROUND_TRIP.items()}
    with pytest.raises(LoadError) as err:
        dest.stage(stream, _batch(stream, {**values, "first_name": ["TOPSECRET"]}))
    message = str(err.value)
    assert message.startswith("postgres://127.0.0.1/test: loading contacts: ")
    assert "no_secret" in message and "TOPSECRET" not in message and "COPY" not in message
    assert "\n" not in message

    dest.prepare(stream)  # a fresh stage
    query(pg, schema, 'ALTER TABLE {} ALTER COLUMN "group" TYPE date USING NULL', stage)
    with pytest.raises(LoadError) as err:
        dest.stage(stream, _batch(stream, {**values, "group": [424242]}))
    message = str(err.value)
    assert message == (
        "postgres://127.0.0.1/test: loading contacts: "
        "date/time field value out of range (batch row 1, column group)"
    )


def test_second_run_on_the_same_schema_is_refused(
    schema: str, env: dict[str, str], dest: PostgresDestination
) -> None:
    other = PostgresDestination(None, settings())
    with pytest.raises(LoadError, match="in use by another acx run"):
        other.connect()
    other.close()


def test_a_run_right_after_another_finds_the_schema_free(
    pg: Any, schema: str, env: dict[str, str]
) -> None:
    """A closed run's lock is released before its connection goes: the server frees a closed
    session's locks only once its backend has exited, and a next run starting at once (a
    scheduler's, a check's) was refused as "in use" (seen in CI)."""
    for _ in range(5):
        first = PostgresDestination(None, settings())
        first.connect()
        first.close()
        # at once, from another session: the run's lock is free
        key = [first.lock]
        assert pg.execute("SELECT pg_try_advisory_lock(hashtextextended(%s, 0))", key).fetchone()[0]
        pg.execute("SELECT pg_advisory_unlock(hashtextextended(%s, 0))", key)
        second = PostgresDestination(None, settings())
        second.connect()
        second.close()


# ---------------------------------------------------------------- connection and configuration


@pytest.mark.parametrize(
    "dsn",
    [
        f"postgresql://postgres:{SECRET}@127.0.0.1:1/test",
        f"host=127.0.0.1 port=1 user=postgres password={SECRET} dbname=test",
        f"host=127.0.0.1 port=1 user=postgres password='{SECRET} x' dbname=test",
        f"host=127.0.0.1 port=5432 user=postgres password={SECRET} dbname=acx_no_such_database",
    ],
)
def test_connection_failure_never_shows_the_password(
    dsn: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ACX_POSTGRES_DSN", dsn)
    dest = PostgresDestination(None, settings())
    with pytest.raises(LoadError) as err:
        dest.connect()
    message = str(err.value)
    assert SECRET not in message and "cannot connect to postgres://127.0.0.1" in message
    assert "ACX_POSTGRES_DSN" in message and "\n" not in message


@pytest.mark.parametrize(
    ("dsn", "shown"),
    [
        ("host=h password=secret user=u", "host=h password=*** user=u"),
        ("host=h password = 'se cret\\' x' user=u", "host=h password = *** user=u"),
        (
            "postgresql://u:p@ss/w@h:5/db?sslmode=require",
            "postgresql://u:***@h:5/db?sslmode=require",
        ),
        ("postgres://u:pw@h/db?password=zz&x=1", "postgres://u:***@h/db?password=***&x=1"),
        ("postgresql://u@h/db", "postgresql://u@h/db"),
        ("host=h user=u dbname=d", "host=h user=u dbname=d"),
        ("error for dsn 'host=h PASSWORD=x'", "error for dsn 'host=h PASSWORD=***"),
    ],
)
def test_redact_dsn(dsn: str, shown: str) -> None:
    assert redact_dsn(dsn) == shown


TARGET_ERRORS = [
    (None, {}, "needs ACX_POSTGRES_DSN"),
    ("wh", {}, r"no \[targets.wh\]"),
    ("wh", {"wh": {"type": "snowflake", "dsn": "host=h"}}, "not 'postgres'"),
    ("wh", {"wh": {"type": "postgres"}}, "exactly one of dsn and dsn_env"),
    ("wh", {"wh": {"type": "postgres", "dsn": "host=h", "dsn_env": "X"}}, "exactly one"),
    ("wh", {"wh": {"type": "postgres", "dsn": "host=h", "schma": "x"}}, "unknown key.*schma"),
    ("wh", {"wh": {"type": "postgres", "dsn": "host=h password=pw"}}, "do not write the password"),
    (
        "wh",
        {"wh": {"type": "postgres", "dsn_env": "ACX_TEST_NO_SUCH_VAR"}},
        "ACX_TEST_NO_SUCH_VAR is not set",
    ),
    ("wh", {"wh": {"type": "postgres", "dsn": "host='h"}}, "not a valid Postgres DSN"),
    ("wh", {"wh": {"type": "postgres", "dsn": "host=h", "schema": "a%b"}}, "must not contain %"),
]


@pytest.mark.parametrize(("target", "targets", "message"), TARGET_ERRORS)
def test_configuration_errors(
    target: str | None, targets: dict[str, Any], message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ACX_POSTGRES_DSN", raising=False)
    monkeypatch.delenv("ACX_TEST_NO_SUCH_VAR", raising=False)
    with pytest.raises(ConfigError, match=message):
        PostgresDestination(target, settings(targets))


def test_dsn_given_as_a_target_is_refused_without_echoing_it() -> None:
    with pytest.raises(ConfigError, match="not a DSN") as err:
        make_destination(f"postgres:postgresql://u:{SECRET}@h/db", settings())
    assert SECRET not in str(err.value)


def test_where_the_dsn_and_schema_come_from(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ACX_POSTGRES_DSN", "host=db.example port=6543 dbname=wh user=u")
    monkeypatch.delenv("ACX_POSTGRES_SCHEMA", raising=False)
    plain = PostgresDestination(None, settings())
    assert (plain.describe(), plain.schema) == ("postgres://db.example:6543/wh", "public")
    monkeypatch.setenv("WH_DSN", f"postgresql://u:{SECRET}@db.example/wh")
    named = make_destination(
        "postgres:wh", settings({"wh": {"type": "postgres", "dsn_env": "WH_DSN", "schema": "raw"}})
    )
    assert (named.describe(), getattr(named, "schema", None)) == ("postgres://db.example/wh", "raw")


def test_settings_environment_wins_over_the_process_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """What run_spec(env=...) will give once Settings carries the environment it was read from."""
    monkeypatch.setenv("ACX_POSTGRES_DSN", "host=from-process dbname=p")
    given = SimpleNamespace(
        targets={},
        env={"ACX_POSTGRES_DSN": "host=from-settings dbname=s", "ACX_POSTGRES_SCHEMA": "x"},
    )
    dest = PostgresDestination(None, given)
    assert (dest.describe(), dest.schema) == ("postgres://from-settings/s", "x")


# ---------------------------------------------------------------- zone-aware timestamps, migration

NY = ZoneInfo("America/New_York")
RAW = [  # as the API sends them: with an offset, and zone-less in the account zone (New York)
    {"id": 1, "firstName": "new", "udate": "2024-03-10T02:30:00-05:00"},
    {"id": 3, "firstName": "dst", "udate": "2024-11-03 01:30:00"},  # the first 01:30, EDT
]
INSTANTS = {
    1: datetime(2024, 3, 10, 7, 30, tzinfo=UTC),
    3: datetime(2024, 11, 3, 5, 30, tzinfo=UTC),
}
COLUMNS = ("id", "first_name", "group", "score", "data", "udate", "bounced_date", "email_empty")


def _old_tables(pg: Any, schema: str, udate: str) -> None:
    """The mini contacts and `_acx_state` as an earlier acx left them (udate of the given type:
    acx always made TIMESTAMPTZ here; a zone-less one can only have been made by hand)."""
    pg.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema)))
    query(
        pg,
        schema,
        'CREATE TABLE {} (id BIGINT NOT NULL, first_name TEXT, "group" BIGINT, '
        f"score NUMERIC(38, 9), data JSONB, udate {udate}, bounced_date DATE, "
        "email_empty BOOLEAN, ratio DOUBLE PRECISION, PRIMARY KEY (id))",
        "contacts",
    )
    query(
        pg,
        schema,
        "INSERT INTO {} (id, first_name, udate) VALUES (1, 'old', '2024-03-10 02:30:00'), "
        "(2, 'gone', '2024-01-01 00:00:00')",
        "contacts",
    )
    query(
        pg,
        schema,
        "CREATE TABLE {} (stream TEXT, savepoint TEXT, mode TEXT, rows_loaded TEXT, run_id TEXT, "
        "finished_at TEXT, PRIMARY KEY (stream))",
        "_acx_state",
    )
    query(
        pg,
        schema,
        "INSERT INTO {} VALUES ('contacts', '2024-03-10T02:30:00+00:00', 'incremental', '2', "
        "'old-run', '2024-03-10T03:00:00+00:00')",
        "_acx_state",
    )


def _new_state() -> StateRow:
    at = datetime(2026, 12, 1, tzinfo=UTC)
    return StateRow(
        "contacts", at, "incremental", 2, "new-run", at, "America/New_York", FORMAT, COLUMNS
    )


def migrate() -> None:
    """prepare, stage and commit a replace migrating what prepare found, into the schema the
    environment names (also run as a child process that a crash point kills)."""
    dest = make_destination("postgres", settings())
    dest.connect()
    try:
        stream = _mini_contacts()
        dest.prepare(stream)
        table = Coercer(stream.columns, NY).to_arrow(RAW)
        dest.stage(stream, table.append_column(SEQ, pa.array([0, 1], pa.int64())))
        dest.commit([Apply(stream, "replace", migrate=dest.legacy_columns(stream))], [_new_state()])
    finally:
        dest.close()


def _udate_type(pg: Any, schema: str) -> str:
    return pg.execute(
        "SELECT data_type FROM information_schema.columns WHERE table_schema = %s "
        "AND table_name = 'contacts' AND column_name = 'udate'",
        [schema],
    ).fetchone()[0]


def test_timestamps_are_utc_instants_in_timestamptz(
    pg: Any, schema: str, env: dict[str, str]
) -> None:
    migrate()
    assert _udate_type(pg, schema) == "timestamp with time zone"
    got = dict(query(pg, schema, "SELECT id, udate FROM {}", "contacts"))
    assert got == INSTANTS  # the same instants, whatever the session's zone shows them in


@pytest.mark.parametrize("udate", ["TIMESTAMPTZ", "TIMESTAMP"])
def test_tables_of_an_earlier_acx_are_migrated(
    pg: Any, schema: str, env: dict[str, str], udate: str
) -> None:
    _old_tables(pg, schema, udate)
    dest = make_destination("postgres", settings())
    dest.connect()  # adds the new `_acx_state` columns: the old row reads None there
    try:
        old = dest.read_state()["contacts"]
        assert (old.run_id, old.timezone, old.format, old.columns) == ("old-run", None, None, None)
        stream = _mini_contacts()
        dest.prepare(stream)
        assert dest.legacy_columns(stream) == (() if udate == "TIMESTAMPTZ" else ("udate",))
        if udate == "TIMESTAMP":  # a merge would leave it half old, half new
            with pytest.raises(LoadError, match="zone-less type"):
                dest.commit([Apply(stream, "merge")], [_new_state()])
    finally:
        dest.close()
    migrate()
    assert _udate_type(pg, schema) == "timestamp with time zone"
    got = query(pg, schema, "SELECT id, first_name, udate FROM {} ORDER BY id", "contacts")
    assert got == [(1, "new", INSTANTS[1]), (3, "dst", INSTANTS[3])]
    assert state_row(pg, schema, "contacts")[6:9] == (
        "America/New_York",
        "2",
        json.dumps(list(COLUMNS)),
    )


@pytest.mark.parametrize("at", ["commit:delete:2", "commit:alter", "commit:insert", "commit:state"])
@pytest.mark.slow
def test_a_crash_inside_the_migration_leaves_the_old_table_and_state(
    pg: Any, schema: str, env: dict[str, str], at: str
) -> None:
    """`kill -9` inside the migrating commit: the table keeps its old type and rows, the state
    its old row. A clean run then migrates."""
    _old_tables(pg, schema, "TIMESTAMP")
    before = snapshot(pg, schema, "contacts")
    child = subprocess.run(
        [sys.executable, "-c", "from tests.test_dest_postgres import migrate; migrate()"],
        env={**os.environ, "ACX_CRASH_AT": at},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr
    assert _udate_type(pg, schema) == "timestamp without time zone"
    width = len(before[0])  # prepare added acx's own columns (empty) before the commit began
    assert [row[:width] for row in snapshot(pg, schema, "contacts")] == before
    assert (
        state_row(pg, schema, "contacts")[4:]
        == ("old-run", "2024-03-10T03:00:00+00:00") + (None,) * 5
    )
    migrate()
    assert _udate_type(pg, schema) == "timestamp with time zone"
    assert dict(query(pg, schema, "SELECT id, udate FROM {}", "contacts")) == INSTANTS
