"""engine.orchestrate.sync, the Python API for orchestrators: a typed, frozen result per account
that equals what the sandbox served; one account's refused key is its own failure, one line
without the key, and the other account loads; nothing is printed."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest

from engine.errors import ConfigError
from engine.orchestrate import AccountSync, SyncResult, destination_of, sync
from sandbox import Sandbox
from tests.conftest import SPEC
from tests.runhelp import SANDBOX_TZ, duck

US_KEY = "us-sandbox-key-7c1f0a9e"
EU_KEY = "eu-sandbox-key-3b8d52f1"
WRONG = "wrong-key-e6a94c0d2b17"
TABLES = ("contacts", "contact_tags", "list_contacts", "deals", "deal_custom_field_data")
# a table acx fills -> the sandbox collection it comes from
SERVED = {
    "contacts": "contacts",
    "contact_tags": "contactTags",
    "list_contacts": "contactLists",
    "deals": "deals",
    "deal_custom_field_data": "dealCustomFieldData",
}
TOML = """\
[accounts.us]
url_env = "AC_US_URL"
key_env = "AC_US_KEY"

[accounts.eu]
url_env = "AC_EU_URL"
key_env = "AC_EU_KEY"
"""


@pytest.fixture
def two(tmp_path, monkeypatch):
    """Two sandbox accounts of different sizes, each with its own key, and an acx.toml naming
    them; yields (us, eu, env) with the right keys set."""
    for name in [n for n in os.environ if n.startswith("ACX_")]:
        monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    Path("acx.toml").write_text(TOML, encoding="utf-8")
    with (
        Sandbox(contacts=60, api_key=US_KEY, rate_limit=0) as us,
        Sandbox(contacts=90, api_key=EU_KEY, rate_limit=0, seed=7) as eu,
    ):
        env = {
            "AC_US_URL": us.url,
            "AC_US_KEY": US_KEY,
            "AC_EU_URL": eu.url,
            "AC_EU_KEY": EU_KEY,
            "ACX_REQUESTS_PER_SECOND": "10000",
            "ACX_TIMEZONE": SANDBOX_TZ,
        }
        yield us, eu, env


def run(tmp_path: Path, env: dict[str, str], **kwargs) -> SyncResult:
    return sync(str(SPEC), dest=f"duckdb:{tmp_path}/{{account}}.duckdb", env=env, **kwargs)


def assert_served(account: AccountSync, sb: Sandbox, db: Path) -> None:
    """The result's rows and requests are what the sandbox served, and what the file holds."""
    assert account.status == "ok" and account.error is None, account
    for table, collection in SERVED.items():
        served = len(sb.expected(collection))
        assert served > 0
        assert account.table(table).rows == served, table
        assert account.table(table).status == "ok"
    assert account.requests == sb.stats()["requests"]
    assert account.rows == sum(t.rows for t in account.tables)
    assert account.table("contacts").mode == "incremental"
    assert account.table("contact_tags").requests == 0  # filled from the contacts' responses
    with duck(db) as con:
        for table in SERVED:
            count = con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            assert count == account.table(table).rows, table


def test_each_account_loads_its_own_destination_and_the_result_is_what_was_served(
    two, tmp_path, capsys
):
    us, eu, env = two
    seen: list[tuple[str, str]] = []
    result = run(tmp_path, env, tables=TABLES, on_event=lambda a, ev: seen.append((a, ev["event"])))
    assert [a.name for a in result.accounts] == ["us", "eu"] and result.ok
    assert_served(result.account("us"), us, tmp_path / "us.duckdb")
    assert_served(result.account("eu"), eu, tmp_path / "eu.duckdb")
    assert result.account("us").rows != result.account("eu").rows  # two accounts, not one twice
    assert result.rows == result.account("us").rows + result.account("eu").rows
    assert result.requests == us.stats()["requests"] + eu.stats()["requests"]
    assert ("us", "run_done") in seen and ("eu", "run_done") in seen
    assert result.account("us").warnings == ()
    assert capsys.readouterr() == ("", "")  # nothing printed
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.account("us").tables[0].rows = 0  # type: ignore[misc]


def test_a_refused_key_fails_its_account_only_in_one_line_without_the_key(two, tmp_path):
    us, eu, env = two
    result = run(tmp_path, {**env, "AC_US_KEY": WRONG}, tables=TABLES)
    bad, good = result.account("us"), result.account("eu")
    assert not result.ok
    assert bad.status == "failed" and bad.tables == () and bad.error is not None
    assert "refused" in bad.error and "AC_US_KEY" in bad.error  # the account's own variable
    assert "\n" not in bad.error and WRONG not in bad.error and WRONG[:8] not in str(result)
    assert_served(good, eu, tmp_path / "eu.duckdb")
    if (tmp_path / "us.duckdb").exists():  # tables may be made before the first answer
        assert _rows(tmp_path / "us.duckdb") == 0


def test_a_settings_warning_is_the_account_s_and_an_event(two, tmp_path):
    us, eu, env = two
    seen: list[tuple[str, str]] = []
    result = run(
        tmp_path,
        {**env, "ACX_TIMEZONES": "UTC"},
        tables=("deals",),
        on_event=lambda a, ev: seen.append((a, ev.get("message", ""))),
    )
    said = "ACX_TIMEZONES is set but acx does not read it (did you mean 'ACX_TIMEZONE'?)"
    assert result.account("eu").warnings == (said,)
    assert ("eu", said) in seen and ("us", said) in seen


def test_a_missing_variable_fails_its_account_only(two, tmp_path):
    us, eu, env = two
    env = {k: v for k, v in env.items() if k != "AC_EU_URL"}
    result = run(tmp_path, env, tables=("deals",))
    assert result.account("us").status == "ok"
    assert result.account("eu").error == (
        "account 'eu': environment variable AC_EU_URL is not set "
        "(set it to the account's URL, or change url_env in [accounts.eu])"
    )
    assert eu.stats()["requests"] == 0


def test_chosen_accounts_and_tables_only(two, tmp_path):
    us, eu, env = two
    result = run(tmp_path, env, tables=("deals",), accounts=["eu"])
    assert [a.name for a in result.accounts] == ["eu"]
    assert [t.table for t in result.account("eu").tables] == ["deals"]
    assert us.stats()["requests"] == 0


@pytest.mark.parametrize(
    "kwargs,message",
    [
        ({"accounts": ["eux"]}, r"no account 'eux' in \[accounts\] \(did you mean 'eu'\?\)"),
        ({"tables": ["contcts"]}, r"no table or tag 'contcts' .*did you mean 'contacts'"),
        ({"layout": "shraed"}, r"unknown layout 'shraed' \(did you mean 'shared'\?\)"),
        ({"dest": {"us": "duckdb:us.duckdb"}}, r"account 'eu' has no destination"),
    ],
)
def test_what_stops_every_account_is_said_before_any_request(two, tmp_path, kwargs, message):
    us, eu, env = two
    kwargs = {"dest": f"duckdb:{tmp_path}/{{account}}.duckdb", **kwargs}
    with pytest.raises(ConfigError, match=message):
        sync(str(SPEC), env=env, **kwargs)
    assert us.stats()["requests"] == eu.stats()["requests"] == 0


def test_without_accounts_the_one_account_is_the_spec_s(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with Sandbox(contacts=40, api_key=US_KEY, rate_limit=0) as sb:
        env = {
            "ACX_API_URL": sb.url,
            "ACX_API_KEY": US_KEY,
            "ACX_REQUESTS_PER_SECOND": "10000",
            "ACX_TIMEZONE": SANDBOX_TZ,
        }
        result = sync(str(SPEC), dest=f"duckdb:{tmp_path}/one.duckdb", tables=["deals"], env=env)
        (only,) = result.accounts
        assert only.name == "default" and only.status == "ok"
        assert only.table("deals").rows == len(sb.expected("deals"))


def test_a_template_the_account_has_no_table_of_loads_nothing_instead_of_failing(two, tmp_path):
    us, eu, env = two
    eu.custom_objects_enabled = False  # the plan has no custom objects: their list answers 403
    result = run(tmp_path, env, tables=("custom_objects",))
    assert result.account("eu").status == "ok" and result.account("eu").tables == ()
    tables = {t.table: t for t in result.account("us").tables}
    assert set(tables) == {"custom_object_subscription", "custom_object_support_ticket"}
    assert {t.template for t in tables.values()} == {"custom_objects"}


def test_a_destination_per_account():
    assert destination_of("duckdb:/d/{account}.duckdb", "eu", 2) == "duckdb:/d/eu.duckdb"
    assert destination_of({"eu": "postgres:eu"}, "eu", 2) == "postgres:eu"
    assert destination_of("duckdb", "default") == "duckdb"


def _rows(db: Path) -> int:
    """Rows in every table of the database but acx's own (state, run log)."""
    with duck(db) as con:
        names = con.execute("SELECT table_name FROM information_schema.tables").fetchall()
        return sum(
            con.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0]
            for (n,) in names
            if not n.startswith("_acx_")
        )
