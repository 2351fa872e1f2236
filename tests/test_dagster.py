"""engine.integrations.dagster, in-process against the sandbox: one asset per group of tables,
partitioned by account; each materialization carries what acx loaded (rows per table and in
all, requests, seconds, mode), equal to what the sandbox served; a refused key fails its own
partition only, with acx's one-line error and without the key."""

from __future__ import annotations

import os
from pathlib import Path

import dagster as dg
import pytest

from engine.integrations.dagster import acx_assets, asset_groups
from engine.run.plan import build_plan
from engine.spec import load_spec
from sandbox import Sandbox
from tests.conftest import SPEC
from tests.runhelp import SANDBOX_TZ, duck

GOOD_KEY = "good-sandbox-key-51c2e7"
WRONG = "wrong-key-0d93b8aa4f61"
TOML = """\
[accounts.good]
url_env = "GOOD_URL"
key_env = "GOOD_KEY"

[accounts.bad]
url_env = "BAD_URL"
key_env = "BAD_KEY"
"""


@pytest.fixture
def account(tmp_path, monkeypatch):
    """One sandbox account; `bad` names it with a wrong key. Yields (sandbox, assets)."""
    for name in [n for n in os.environ if n.startswith("ACX_")]:
        monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    Path("acx.toml").write_text(TOML, encoding="utf-8")
    with Sandbox(contacts=60, api_key=GOOD_KEY, rate_limit=0) as sb:
        env = {
            "GOOD_URL": sb.url,
            "GOOD_KEY": GOOD_KEY,
            "BAD_URL": sb.url,
            "BAD_KEY": WRONG,
            "ACX_REQUESTS_PER_SECOND": "10000",
            "ACX_TIMEZONE": SANDBOX_TZ,
        }
        yield sb, acx_assets(str(SPEC), dest=f"duckdb:{tmp_path}/{{account}}.duckdb", env=env)


def materialized(result: dg.ExecuteInProcessResult) -> dict[str, dict[str, object]]:
    out = {}
    for ev in result.get_asset_materialization_events():
        mat = ev.event_specific_data.materialization  # type: ignore[union-attr]
        out[mat.asset_key.to_user_string()] = {k: v.value for k, v in mat.metadata.items()}
    return out


def failure(result: dg.ExecuteInProcessResult) -> str:
    (step,) = result.get_step_failure_events()
    return step.step_failure_data.user_failure_data.description  # type: ignore[union-attr]


def test_one_asset_per_group_named_by_its_root_with_the_tables_it_fills():
    spec = load_spec(SPEC)
    groups = {g.name: g for g in asset_groups(spec)}
    assert list(groups) == [g.root.key for g in build_plan(spec, None).groups]
    assert set(groups["contacts"].tables) >= {"contacts", "contact_tags", "list_contacts"}
    assert "contact_tags" not in groups  # filled by the contacts asset, not one of its own
    assert groups["custom_object_schemas"].tables[-1] == "custom_object_<slug>"
    assert groups["custom_object_schemas"].select[-1] == "custom_objects"
    every = [t for g in groups.values() for t in g.select]
    assert sorted(every) == sorted([*spec.keys, *(t.key for t in spec.templates)])


def test_the_accounts_are_the_partitions(account):
    _, (assets,) = account
    assert assets.partitions_def.get_partition_keys() == ["good", "bad"]
    key = dg.AssetKey("contacts")
    assert "contact_tags" in assets.specs_by_key[key].description


def test_without_accounts_one_default_partition(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (assets,) = acx_assets(str(SPEC), dest="duckdb")
    assert assets.partitions_def.get_partition_keys() == ["default"]


def test_a_partition_materializes_with_what_the_sandbox_served(account, tmp_path):
    sb, assets = account
    result = dg.materialize(assets, partition_key="good", selection=["contacts", "deals"])
    assert result.success
    meta = materialized(result)
    assert set(meta) == {"contacts", "deals"}
    contacts, deals = meta["contacts"], meta["deals"]
    rows = contacts["table_rows"]
    assert rows["contacts"] == len(sb.expected("contacts")) > 0
    assert rows["contact_tags"] == len(sb.expected("contactTags")) > 0
    assert deals["table_rows"]["deals"] == len(sb.expected("deals")) > 0
    assert contacts["rows"] == sum(rows.values())
    stats = sb.stats()
    assert contacts["run_requests"] == stats["requests"]  # one acx run for both assets
    assert contacts["requests"] == stats["by_path"]["/api/3/contacts"]
    assert deals["requests"] == stats["by_path"]["/api/3/deals"]
    assert contacts["mode"] == "incremental" and contacts["seconds"] > 0
    assert contacts["account"] == "good"
    with duck(tmp_path / "good.duckdb") as con:
        assert (
            con.execute("SELECT count(*) FROM contact_tags").fetchone()[0] == rows["contact_tags"]
        )


def test_a_refused_key_fails_its_partition_only(account):
    sb, assets = account
    bad = dg.materialize(assets, partition_key="bad", selection=["deals"], raise_on_error=False)
    assert not bad.success and materialized(bad) == {}
    message = failure(bad)
    assert message.startswith("account 'bad': the API key was refused")
    assert "BAD_KEY" in message and "\n" not in message and WRONG not in message
    good = dg.materialize(assets, partition_key="good", selection=["deals"])
    assert good.success and set(materialized(good)) == {"deals"}


def test_a_failed_table_fails_the_run_after_the_groups_that_loaded(account):
    sb, assets = account
    sb.custom_objects_enabled = False  # the account's plan has none: their routes answer 403
    result = dg.materialize(
        assets,
        partition_key="good",
        selection=["deals", "custom_object_schemas"],
        raise_on_error=False,
    )
    assert not result.success
    assert set(materialized(result)) == {"deals"}
    message = failure(result)
    assert message.startswith("account 'good': custom_object_schemas: failed: ")
    assert "403" in message and "\n" not in message
