"""Several accounts in one run (`acx run --accounts`, engine.orchestrate.sync_accounts), at once,
into one destination: a schema per account or shared tables with an `_acx_account` column, in
DuckDB and PostgreSQL (and Snowflake through fakesnow, with a target's own layout). One account's refused key fails that account alone (one line naming it,
never the key; exit 1); the accounts' rows never mix, and each keeps its own state."""

from __future__ import annotations

import json
import os
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pytest
from click.testing import CliRunner

from cli import main
from engine.api import RunOptions
from engine.config.accounts import layout_of
from engine.errors import ConfigError, LoadError
from engine.load import Apply, make_destination
from engine.load.layout import ACCOUNT_COLUMN, Placement, shared_spec, shared_stream
from engine.load.sqlbuild import SEQ
from engine.load.state import StateRow
from engine.orchestrate import sync_accounts
from engine.spec import load_spec
from sandbox import Sandbox
from tests.conftest import SPEC, pg_dsn
from tests.runhelp import SANDBOX_TZ

US_KEY = "us-many-key-5d2e81c4"
EU_KEY = "eu-many-key-a7f3096b"
WRONG = "wrong-many-key-0c4be7d9"
TABLES = "contacts,contact_tags,deals"  # a parent, a side-loaded child, an incremental merge
SERVED = {"contacts": "contacts", "contact_tags": "contactTags", "deals": "deals"}


def toml(layout: str, schemas: dict[str, str] | None = None) -> str:
    text = f'[load]\nlayout = "{layout}"\n'
    for name in ("us", "eu"):
        text += f'\n[accounts.{name}]\nurl_env = "AC_{name.upper()}_URL"\n'
        text += f'key_env = "AC_{name.upper()}_KEY"\n'
        if schemas:
            text += f'schema = "{schemas[name]}"\n'
    return text


@pytest.fixture
def two(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Any, Any, dict]]:
    """Two small sandbox accounts, each with its own key, in a clean working directory."""
    for name in [n for n in os.environ if n.startswith("ACX_")]:
        monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    with (
        Sandbox(contacts=120, api_key=US_KEY, rate_limit=0) as us,
        Sandbox(contacts=80, api_key=EU_KEY, rate_limit=0, seed=7) as eu,
    ):
        env = {
            "AC_US_URL": us.url,
            "AC_US_KEY": US_KEY,
            "AC_EU_URL": eu.url,
            "AC_EU_KEY": EU_KEY,
            "ACX_REQUESTS_PER_SECOND": "10000",
            "ACX_TIMEZONE": SANDBOX_TZ,
        }
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        yield us, eu, env


def cli(*args: str) -> Any:
    return CliRunner().invoke(main, ["run", str(SPEC), "--tables", TABLES, *args])


def summary(output: str) -> list[str]:
    """The run summary's line per account (`ACCOUNT  STATUS ...`): progress lines say `ACCOUNT:`."""
    return [line for line in output.splitlines() if line.split(" ")[0] in ("us", "eu")]


def served(sb: Sandbox) -> dict[str, int]:
    return {table: len(sb.expected(collection)) for table, collection in SERVED.items()}


def counts(rows: list[tuple[Any, ...]]) -> dict[str, int]:
    return {str(account): int(n) for account, n in rows}


# ---------------------------------------------------------------- DuckDB


@pytest.mark.slow
def test_shared_tables_a_bad_key_fails_its_account_alone(two, tmp_path):
    us, eu, _ = two
    Path("acx.toml").write_text(toml("shared"), encoding="utf-8")
    os.environ["AC_EU_KEY"] = WRONG
    db = tmp_path / "all.duckdb"
    result = cli("--dest", f"duckdb:{db}")
    assert result.exit_code == 1, result.output
    assert WRONG not in result.output and WRONG[:8] not in result.output
    lines = summary(result.output)
    failed = [line for line in lines if line.startswith("eu ")]
    assert len(failed) == 1 and "failed" in failed[0] and "AC_EU_KEY" in failed[0], result.output
    assert "refused" in failed[0]
    ok = [line for line in lines if line.startswith("us ")]
    assert len(ok) == 1 and " ok " in ok[0]
    with duckdb.connect(str(db), read_only=True) as con:
        for table, n in served(us).items():
            found = con.execute(
                f'SELECT {ACCOUNT_COLUMN}, count(*) FROM "{table}" GROUP BY 1'
            ).fetchall()
            assert counts(found) == {"us": n}, table
        state = {r[0] for r in con.execute("SELECT stream FROM _acx_state").fetchall()}
        assert state == {f"us/{t}" for t in SERVED}


@pytest.mark.slow
def test_shared_tables_mark_only_the_account_s_own_deleted_rows(two, tmp_path):
    """Both sandboxes number contacts from 1: a reconciliation of `us` after a deletion there
    marks `us`'s contact (and its tags) alone, never `eu`'s row with the same id."""
    us, eu, _ = two
    text = toml("shared") + "\n[tables.contacts]\nreconcile_days = 0\n"
    Path("acx.toml").write_text(text, encoding="utf-8")
    db = tmp_path / "all.duckdb"
    assert cli("--dest", f"duckdb:{db}").exit_code == 0
    gone = us.mutate("contacts", delete=[3])
    assert gone["deleted"] == [3] and eu.expected("contacts")  # eu has a contact 3 too
    result = cli("--dest", f"duckdb:{db}")
    assert result.exit_code == 0, result.output
    with duckdb.connect(str(db), read_only=True) as con:
        marked = con.execute(
            f"SELECT {ACCOUNT_COLUMN}, id FROM contacts WHERE _acx_deleted_at IS NOT NULL"
        ).fetchall()
        tags = con.execute(
            f"SELECT DISTINCT {ACCOUNT_COLUMN}, contact FROM contact_tags "
            "WHERE _acx_deleted_at IS NOT NULL"
        ).fetchall()
        live_eu = con.execute(
            f"SELECT count(*) FROM contacts WHERE {ACCOUNT_COLUMN} = 'eu' "
            "AND _acx_deleted_at IS NULL"
        ).fetchone()[0]
    assert marked == [("us", 3)]
    assert tags == [("us", 3)]
    assert live_eu == served(eu)["contacts"]


@pytest.mark.slow
@pytest.mark.parametrize("layout", ["shared", "schema"])
def test_status_shows_each_account_s_tables(two, tmp_path, layout):
    us, eu, _ = two
    Path("acx.toml").write_text(toml(layout), encoding="utf-8")
    db = tmp_path / "all.duckdb"
    assert cli("--dest", f"duckdb:{db}").exit_code == 0
    args = ["status", str(SPEC), "--dest", f"duckdb:{db}", "--tables", TABLES, "--json"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    rows = {(t["account"], t["table"]): t["rows"] for t in json.loads(result.output)["tables"]}
    assert rows == {
        (name, table): n for name, sb in (("us", us), ("eu", eu)) for table, n in served(sb).items()
    }
    text = CliRunner().invoke(main, args[:-1] + ["--accounts", "eu"]).output
    assert text.splitlines()[0].startswith("account") and "us " not in text


@pytest.mark.slow
def test_shared_tables_keep_accounts_apart_and_each_its_own_state(two, tmp_path):
    us, eu, env = two
    Path("acx.toml").write_text(toml("shared"), encoding="utf-8")
    db = tmp_path / "all.duckdb"
    first = sync_accounts(str(SPEC), RunOptions(dest=f"duckdb:{db}", tables=(TABLES,)), env=env)
    assert first.ok, first
    us.mutate("contacts", update=3, create=2)
    second = sync_accounts(str(SPEC), RunOptions(dest=f"duckdb:{db}", tables=(TABLES,)), env=env)
    assert second.ok, second
    # the second run of each account read its own contacts since its own savepoint (which
    # includes the last contact each read before)
    us_read, eu_read = (second.account(a).table("contacts").rows for a in ("us", "eu"))
    assert (us_read, eu_read) == (6, 1)
    # a full refresh of one account's table replaces that account's rows only
    assert (
        cli("--dest", f"duckdb:{db}", "--accounts", "eu", "--full-refresh", "deals").exit_code == 0
    )
    with duckdb.connect(str(db), read_only=True) as con:
        for table in SERVED:
            found = con.execute(
                f'SELECT {ACCOUNT_COLUMN}, count(*) FROM "{table}" GROUP BY 1'
            ).fetchall()
            assert counts(found) == {"us": served(us)[table], "eu": served(eu)[table]}, table
        dupes = con.execute(
            f"SELECT count(*) FROM (SELECT {ACCOUNT_COLUMN}, id FROM contacts GROUP BY 1, 2 "
            "HAVING count(*) > 1)"
        ).fetchone()
        assert dupes == (0,)
        modes = dict(con.execute("SELECT stream, mode FROM _acx_state").fetchall())
    assert modes["us/contacts"] == modes["eu/contacts"] == "incremental"
    assert {k.split("/")[0] for k in modes} == {"us", "eu"}


@pytest.mark.slow
def test_a_schema_per_account_a_bad_key_fails_its_account_alone(two, tmp_path):
    us, eu, env = two
    Path("acx.toml").write_text(toml("schema"), encoding="utf-8")
    db = tmp_path / "all.duckdb"
    options = RunOptions(dest=f"duckdb:{db}", tables=(TABLES,))
    result = sync_accounts(str(SPEC), options, env={**env, "AC_US_KEY": WRONG})
    bad, good = result.account("us"), result.account("eu")
    assert bad.status == "failed" and bad.error and "AC_US_KEY" in bad.error
    assert WRONG not in str(result) and good.status == "ok" and good.placement == "schema eu"
    with duckdb.connect(str(db), read_only=True) as con:
        for table, n in served(eu).items():
            assert con.execute(f'SELECT count(*) FROM eu."{table}"').fetchone() == (n,), table
        listed = con.execute(
            "SELECT table_schema, table_name FROM information_schema.tables "
            "WHERE table_name = 'contacts'"
        ).fetchall()
        assert ("eu", "contacts") in listed and ("main", "contacts") not in listed
        assert ACCOUNT_COLUMN not in [
            d[0] for d in con.execute("SELECT * FROM eu.contacts").description
        ]


@pytest.mark.parametrize("layout", ["shared", "schema"])
def test_one_duckdb_file_s_connections_write_at_once_without_conflicts(tmp_path, layout):
    """Accounts' runs into one file each have a connection; changing one table at once would
    conflict in DuckDB (a transaction conflict), so their changes take turns (in one schema or
    a schema each), while their batches load at once."""
    plain = load_spec(str(SPEC)).stream("tags")
    path = f"duckdb:{tmp_path}/one.duckdb"
    errors: list[BaseException] = []

    def account(name: str) -> None:
        stream = shared_stream(plain, name) if layout == "shared" else plain
        dest = make_destination(path)
        dest.place(Placement(name, layout, None if layout == "shared" else name))
        dest.connect()
        try:
            for round_ in range(15):
                dest.prepare(stream)
                ids = list(range(round_ * 50, round_ * 50 + 200))
                columns = {c.name: pa.nulls(len(ids), pa.string()) for c in stream.columns}
                if layout == "shared":
                    columns[ACCOUNT_COLUMN] = pa.array([name] * len(ids))
                columns["id"] = pa.array(ids, pa.int64())
                dest.stage(stream, pa.table({**columns, SEQ: pa.array(ids, pa.int64())}))
                row = StateRow(stream.key, None, "full", len(ids), name, _now())
                dest.commit([Apply(stream, "merge" if round_ % 2 else "replace")], [row])
        except BaseException as exc:  # handed to the test
            errors.append(exc)
        finally:
            dest.close()

    threads = [threading.Thread(target=account, args=(n,)) for n in ("a", "b", "c")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with duckdb.connect(f"{tmp_path}/one.duckdb", read_only=True) as con:
        if layout == "shared":
            found = con.execute(f"SELECT {ACCOUNT_COLUMN}, count(*) FROM tags GROUP BY 1")
            assert counts(found.fetchall()) == {"a": 200, "b": 200, "c": 200}  # the last replace
            state = con.execute("SELECT stream FROM _acx_state ORDER BY 1").fetchall()
            assert state == [("a/tags",), ("b/tags",), ("c/tags",)]
        else:
            for name in ("a", "b", "c"):
                assert con.execute(f"SELECT count(*) FROM {name}.tags").fetchone() == (200,)
                state = con.execute(f"SELECT stream FROM {name}._acx_state").fetchall()
                assert state == [("tags",)]


def _now() -> Any:
    from datetime import datetime, timezone

    return datetime.now(timezone.utc)


# ---------------------------------------------------------------- PostgreSQL


@pytest.fixture
def pg_schemas() -> Iterator[list[str]]:
    psycopg = pytest.importorskip("psycopg")
    try:
        conn = psycopg.connect(pg_dsn(), autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as exc:
        pytest.skip(f"no Postgres: {exc}")
    made: list[str] = []
    yield made
    for name in made:
        conn.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')
    conn.close()


@pytest.mark.slow
def test_postgres_shared_tables_two_accounts_at_once(two, pg_schemas, monkeypatch):
    us, eu, env = two
    schema = f"acx_many_{uuid.uuid4().hex[:8]}"
    pg_schemas.append(schema)
    monkeypatch.setenv("ACX_POSTGRES_DSN", pg_dsn())
    monkeypatch.setenv("ACX_POSTGRES_SCHEMA", schema)
    Path("acx.toml").write_text(toml("shared"), encoding="utf-8")
    for _ in range(2):  # the second run: each account incremental from its own state
        result = cli("--dest", "postgres")
        assert result.exit_code == 0, result.output
    import psycopg

    with psycopg.connect(pg_dsn(), autocommit=True) as con:
        for table in SERVED:
            found = con.execute(
                f'SELECT {ACCOUNT_COLUMN}, count(*) FROM "{schema}"."{table}" GROUP BY 1'
            ).fetchall()
            assert counts(found) == {"us": served(us)[table], "eu": served(eu)[table]}, table
        key = con.execute(
            "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid "
            "AND a.attnum = ANY(i.indkey) WHERE i.indrelid = %s::regclass AND i.indisprimary",
            [f'"{schema}".contacts'],
        ).fetchall()
        assert {k for (k,) in key} == {ACCOUNT_COLUMN, "id"}
        modes = dict(con.execute(f'SELECT stream, mode FROM "{schema}"._acx_state').fetchall())
        runs = con.execute(f'SELECT DISTINCT stream FROM "{schema}"._acx_runs').fetchall()
    assert modes["us/contacts"] == modes["eu/contacts"] == "incremental"
    assert {r[0].split("/")[0] for r in runs} == {"us", "eu"}


@pytest.mark.slow
def test_postgres_a_schema_per_account_a_bad_key_fails_its_account_alone(
    two, pg_schemas, monkeypatch
):
    us, eu, env = two
    names = {n: f"acx_many_{uuid.uuid4().hex[:8]}_{n}" for n in ("us", "eu")}
    pg_schemas.extend(names.values())
    monkeypatch.setenv("ACX_POSTGRES_DSN", pg_dsn())
    monkeypatch.setenv("AC_EU_KEY", WRONG)
    Path("acx.toml").write_text(toml("schema", names), encoding="utf-8")
    result = cli("--dest", "postgres")
    assert result.exit_code == 1 and WRONG not in result.output
    status = {line.split()[0]: line.split()[1] for line in summary(result.output)}
    assert status == {"us": "ok", "eu": "failed"}, result.output
    import psycopg

    with psycopg.connect(pg_dsn(), autocommit=True) as con:
        for table, n in served(us).items():
            found = con.execute(f'SELECT count(*) FROM "{names["us"]}"."{table}"').fetchone()
            assert found == (n,), table


# ---------------------------------------------------------------- the layout, without a run


def test_a_shared_table_has_the_account_first_in_its_columns_and_key():
    spec = shared_spec(load_spec(str(SPEC)), "eu")
    contacts = spec.stream("contacts")
    assert contacts.columns[0].name == ACCOUNT_COLUMN and contacts.primary_key[0] == ACCOUNT_COLUMN
    assert contacts.columns[0].expr.search({"id": "1"}) == "eu"  # every row holds the account
    assert all(s.primary_key[0] == ACCOUNT_COLUMN for s in spec.streams)
    assert shared_stream(contacts, "us") is contacts  # once is enough


def test_a_shared_table_s_replace_and_child_deletes_are_the_account_s_only():
    from engine.load.duckdb import DuckDBDestination

    spec = shared_spec(load_spec(str(SPEC)), "eu")
    dest = DuckDBDestination(":memory:")
    dest.place(Placement("eu", "shared"))
    replace = [dest.sql(s) for s in dest.apply_statements(Apply(spec.stream("deals"), "replace"))]
    assert any(s.startswith("DELETE FROM main.deals WHERE _acx_account = 'eu'") for s in replace)
    assert dest.stage_name(spec.stream("deals")) == "_acx_stage_deals__eu"
    child = spec.stream("contact_tags")
    merge = Apply(child, "merge", parent_stage=spec.stream("contacts"))
    sql = [dest.sql(s) for s in dest.apply_statements(merge)]
    assert any("_acx_account = 'eu' AND" in s and "_acx_stage_contacts__eu" in s for s in sql)


def test_a_layout_word_is_checked_with_a_did_you_mean(tmp_path, monkeypatch):
    with pytest.raises(ConfigError, match=r"did you mean 'schema'\?"):
        layout_of("schemas")
    monkeypatch.chdir(tmp_path)
    Path("acx.toml").write_text('[load]\nlayout = "shard"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["ddl", str(SPEC), "-d", "duckdb", "-t", "tags"])
    assert result.exit_code == 2 and "did you mean 'shared'" in result.output


def test_ddl_shows_the_shared_layout_s_column_and_key():
    args = ["ddl", str(SPEC), "-d", "postgres", "-t", "tags", "--layout", "shared"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "_acx_account TEXT NOT NULL" in result.output
    assert "PRIMARY KEY (_acx_account, id)" in result.output


def test_a_table_of_one_account_refuses_shared_rows_and_back(tmp_path):
    spec = load_spec(str(SPEC))
    plain, shared = spec.stream("tags"), shared_stream(spec.stream("tags"), "eu")
    for first, then, layout in ((plain, shared, "shared"), (shared, plain, "schema")):
        path = f"duckdb:{tmp_path}/{layout}.duckdb"
        dest = make_destination(path)
        dest.connect()
        dest.prepare(first)
        dest.close()
        dest = make_destination(path)
        dest.place(Placement("eu", layout))  # type: ignore[arg-type]
        dest.connect()
        with pytest.raises(LoadError, match="tags holds"):
            dest.prepare(then)
        dest.close()


def test_parquet_has_no_shared_tables():
    dest = make_destination("parquet:/tmp/never-made")
    with pytest.raises(ConfigError, match="layout shared needs a SQL destination"):
        dest.place(Placement("eu", "shared"))


# ---------------------------------------------------------------- Snowflake (fakesnow)

SNOW_TARGET = """
[targets.snow]
type = "snowflake"
account = "acme"
user = "loader"
password_env = "SNOWFLAKE_PASSWORD"
database = "MANY"
schema = "SHARED"
layout = "shared"
"""


@pytest.mark.slow
def test_snowflake_a_target_s_own_layout_then_a_schema_per_account(two, tmp_path, monkeypatch):
    """`[targets.snow] layout = "shared"` wins over `[load] layout = "schema"`, and `--layout`
    over both: the same two accounts in shared tables, then each in its own schema."""
    fakesnow = pytest.importorskip("fakesnow")
    import snowflake.connector

    us, eu, _ = two
    monkeypatch.setenv("SNOWFLAKE_PASSWORD", "not-a-real-password")
    Path("acx.toml").write_text(toml("schema") + SNOW_TARGET, encoding="utf-8")
    (tmp_path / "snow").mkdir()
    with fakesnow.patch(
        db_path=tmp_path / "snow", create_database_on_connect=False, create_schema_on_connect=False
    ):
        con = snowflake.connector.connect(
            account="acme", user="loader", password="not-a-real-password"
        )
        # fakesnow's one DuckDB cannot create a table from two connections at once, so here the
        # accounts run one after the other (at once: the DuckDB and PostgreSQL tests)
        for account in ("us", "eu"):
            shared = cli("--dest", "snowflake:snow", "--accounts", account)
            assert shared.exit_code == 0, shared.output[-1500:]
            apart = cli("--dest", "snowflake:snow", "--accounts", account, "--layout", "schema")
            assert apart.exit_code == 0, apart.output[-1500:]
        cur = con.cursor()
        cur.execute("USE DATABASE MANY")
        for table in SERVED:
            found = cur.execute(
                f"SELECT {ACCOUNT_COLUMN}, count(*) FROM SHARED.{table} GROUP BY 1"
            ).fetchall()
            assert counts(found) == {"us": served(us)[table], "eu": served(eu)[table]}, table
            for name, sb in (("us", us), ("eu", eu)):
                (n,) = cur.execute(f"SELECT count(*) FROM {name}.{table}").fetchone()
                assert n == served(sb)[table], (name, table)
        con.close()
