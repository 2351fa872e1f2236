"""History (issue 15, section 2): a table with `history` keeps every version of each row. After
runs with changes, each changed key has one version per change, chained without gaps, exactly
one current version per key (none for a deleted key, whose last version is closed and marked),
unchanged keys one version, and `<table>_current` the current rows. In DuckDB, PostgreSQL and
Snowflake (fakesnow); a table loaded without history converts; turning history off is refused."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
from sqlglot import exp

from engine.config.settings import Settings
from engine.load import make_destination
from engine.load.ddl import ident
from engine.spec import load_spec
from tests.conftest import SPEC
from tests.runhelp import env_for, run

pytestmark = pytest.mark.slow  # whole runs against the sandbox
KEY = "history-key"
HISTORY = "[tables.contacts]\nhistory = true\nreconcile_days = 0\n"
COLUMNS = ("id", "udate", "_acx_valid_from", "_acx_valid_to", "_acx_is_current", "_acx_deleted_at")


@pytest.fixture
def sandbox():
    from sandbox import Sandbox

    with Sandbox(contacts=60, api_key=KEY, rate_limit=0) as sb:
        yield sb


def versions(dest_name: str, env: dict[str, str], table: str = "contacts") -> dict[int, list]:
    """id -> its versions (udate, valid_from, valid_to, is_current, deleted_at), oldest first."""
    dest = make_destination(dest_name, Settings(api_url="", api_key="", env=env))
    dest.connect()
    try:
        stream = load_spec(SPEC).stream("contacts")
        query = exp.select(*[exp.Column(this=ident(c)) for c in COLUMNS]).from_(
            dest.target(stream) if table == "contacts" else exp.to_table(table)
        )
        out: dict[int, list] = defaultdict(list)
        for key, udate, since, until, current, deleted in dest.execute(dest.sql(query)):
            current = current if current is None else bool(current)  # MySQL: TINYINT(1) 0/1
            out[int(key)].append((udate, since, until, current, deleted))
        return {k: sorted(v, key=lambda r: r[1]) for k, v in out.items()}
    finally:
        dest.close()


def current_view_count(dest_name: str, env: dict[str, str]) -> int:
    dest = make_destination(dest_name, Settings(api_url="", api_key="", env=env))
    dest.connect()
    try:
        view = exp.Table(
            this=ident("contacts_current"),
            db=dest.target(load_spec(SPEC).stream("contacts")).args.get("db"),
        )
        return int(dest.execute(dest.sql(exp.select("count(*)").from_(view)))[0][0])
    finally:
        dest.close()


def sync(sb, dest: str, env: dict[str, str], config: Path) -> None:
    code, lines = run(sb.url, KEY, dest, env=env, config_path=str(config), tables=["contacts"])
    assert code == 0, lines


def test_three_runs_with_changes_keep_every_version(sandbox, warehouse, tmp_path):
    dest, extra = warehouse
    env = env_for(sandbox.url, KEY, **extra)
    config = tmp_path / "acx.toml"
    config.write_text(HISTORY)
    sync(sandbox, dest, env, config)
    ids = sorted(versions(dest, env))
    twice, once, gone = ids[0], ids[1], ids[2]
    sandbox.mutate("contacts", update=[twice, once])
    sync(sandbox, dest, env, config)
    sandbox.mutate("contacts", update=[twice], delete=[gone])
    sync(sandbox, dest, env, config)

    table = versions(dest, env)
    assert len(table[twice]) == 3 and len(table[once]) == 2
    for key in (twice, once):
        chain = table[key]
        assert [v[3] for v in chain] == [False] * (len(chain) - 1) + [True]
        assert all(a[2] == b[1] for a, b in zip(chain, chain[1:], strict=False))  # no gap
        assert chain[-1][2] is None and len({v[0] for v in chain}) == len(chain)  # udate moved
    [last] = table[gone]
    assert last[3] is False and last[2] is not None and last[4] == last[2]  # closed, deleted
    untouched = [k for k in ids if k not in (twice, once, gone)]
    assert all(len(table[k]) == 1 and table[k][0][3] for k in untouched)
    assert all(sum(1 for v in table[k] if v[3]) <= 1 for k in table)
    assert current_view_count(dest, env) == len(ids) - 1


def test_a_table_loaded_without_history_converts_and_cannot_silently_stop(sandbox, tmp_path):
    dest = f"duckdb:{tmp_path / 'acx.duckdb'}"
    env = env_for(sandbox.url, KEY)
    plain = tmp_path / "plain.toml"
    plain.write_text("")
    sync(sandbox, dest, env, plain)
    config = tmp_path / "acx.toml"
    config.write_text(HISTORY)
    sync(sandbox, dest, env, config)
    first = versions(dest, env)
    assert all(len(v) == 1 and v[0][3] and v[0][1] is not None for v in first.values())
    changed = sorted(first)[0]
    sandbox.mutate("contacts", update=[changed])
    sync(sandbox, dest, env, config)
    assert len(versions(dest, env)[changed]) == 2

    code, lines = run(sandbox.url, KEY, dest, env=env, config_path=str(plain), tables=["contacts"])
    assert code == 1
    assert any("keeps every version of its rows (history)" in line for line in lines), lines
    assert len(versions(dest, env)[changed]) == 2  # nothing was merged over the versions


def test_ddl_shows_the_history_columns_and_view(cli, tmp_path: Path) -> None:
    config = tmp_path / "acx.toml"
    config.write_text(HISTORY)
    out = cli("ddl", SPEC, "-d", "postgres", "-t", "contacts", "--config", config).output
    assert "_acx_valid_from TIMESTAMPTZ NOT NULL" in out
    assert "PRIMARY KEY (id, _acx_valid_from)" in out
    assert "CREATE OR REPLACE VIEW contacts_current AS" in out
    (tmp_path / "plain.toml").write_text("")
    plain = cli(
        "ddl", SPEC, "-d", "postgres", "-t", "contacts", "--config", tmp_path / "plain.toml"
    )
    assert "_acx_valid_from" not in plain.output and "_acx_synced_at" in plain.output
