"""`acx status` (issue 15): per table, the last successful load and how the last run ended, read
from the destination: exit 0 when healthy, 1 when a table's last run failed or (--max-age) it is
stale; the same in DuckDB, PostgreSQL, Snowflake (fakesnow) and the files destination."""

from __future__ import annotations

import json
import time

import pytest

from sandbox import Sandbox
from tests.conftest import SPEC
from tests.runhelp import env_for, run
from tests.test_dest_parity import targets  # noqa: F401 (a fixture: PostgreSQL and fakesnow)

KEY = "status-key"


def status(cli, dest: str, *args: str, env: dict[str, str] | None = None):
    return cli("status", SPEC, "--dest", dest, *args, env=env)


def test_healthy_failed_then_healthy_again(cli, tmp_path):
    dest = f"duckdb:{tmp_path / 'acx.duckdb'}"
    with Sandbox(contacts=60, api_key=KEY, rate_limit=0) as sb:
        sb.custom_objects_enabled = False  # a plan without custom objects: 403
        code, _ = run(sb.url, KEY, dest, tables=("lists", "custom_object_schemas"))
        assert code == 1
        result = status(cli, dest, "--json", "--tables", "lists,custom_object_schemas")
        assert result.exit_code == 1
        found = {t["table"]: t for t in json.loads(result.stdout)["tables"]}
        assert found["lists"]["ok"] and found["lists"]["rows"] == len(sb.expected("lists"))
        failed = found["custom_object_schemas"]
        assert not failed["ok"] and failed["last_status"] == "failed"
        assert "HTTP 403" in failed["last_error"] and failed["loaded_at"] is None
        assert KEY not in result.stdout

        sb.custom_objects_enabled = True
        code, _ = run(sb.url, KEY, dest, tables=("custom_object_schemas",))
        assert code == 0
    result = status(cli, dest, "--tables", "lists,custom_object_schemas")
    assert result.exit_code == 0, result.stdout
    lines = result.stdout.splitlines()
    assert lines[0].split()[:3] == ["table", "last", "loaded"]
    assert all(line.rstrip().endswith("ok") for line in lines[1:])


def test_stale_tables_fail_with_max_age(cli, tmp_path):
    dest = f"duckdb:{tmp_path / 'acx.duckdb'}"
    with Sandbox(contacts=30, api_key=KEY, rate_limit=0) as sb:
        assert run(sb.url, KEY, dest, tables=("tags",))[0] == 0
    time.sleep(1.1)
    stale = status(cli, dest, "--tables", "tags", "--max-age", "1s")
    assert stale.exit_code == 1 and "tags: stale: last loaded" in stale.stdout
    assert status(cli, dest, "--tables", "tags", "--max-age", "2h").exit_code == 0
    never = status(cli, dest, "--tables", "tags,lists", "--max-age", "2h")
    assert never.exit_code == 1 and "lists: never loaded" in never.stdout
    bad = status(cli, dest, "--max-age", "soon")
    assert bad.exit_code == 2 and "not a duration" in bad.stderr


def test_a_destination_nothing_ran_into_is_an_error(cli, tmp_path):
    result = status(cli, f"duckdb:{tmp_path / 'none.duckdb'}")
    assert result.exit_code == 2 and "nothing has run into it yet" in result.stderr


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["postgres", "snowflake", "parquet"])
def test_every_destination_keeps_the_run_log(cli, targets, tmp_path, kind):  # noqa: F811
    dests, extra = targets
    dest = dests.get(kind, f"parquet:{tmp_path / 'lake'}")
    with Sandbox(contacts=30, api_key=KEY, rate_limit=0) as sb:
        env = env_for(sb.url, KEY, **extra)
        sb.custom_objects_enabled = False
        code, _ = run(sb.url, KEY, dest, env=env, tables=("tags", "custom_object_schemas"))
        assert code == 1
        code, _ = run(sb.url, KEY, dest, env=env, tables=("tags",))
        assert code == 0
        want = len(sb.expected("tags"))
    result = status(cli, dest, "--json", "--tables", "tags,custom_object_schemas", env=env)
    assert result.exit_code == 1, result.stderr
    found = {t["table"]: t for t in json.loads(result.stdout)["tables"]}
    assert found["tags"]["ok"] and found["tags"]["rows"] == want
    assert found["custom_object_schemas"]["last_status"] == "failed"
