"""[accounts.NAME] in acx.toml: the names of the variables that hold each account's URL and key
(never the values), checked like the rest of the file (file:line, did-you-mean, exit 2), and
resolved into a run's settings with a one-line error that names the account and the variable."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from engine.config.accounts import (
    DEFAULT_ACCOUNT,
    Account,
    account_settings,
    account_spec,
    chosen_accounts,
    read_accounts,
)
from engine.errors import ConfigError, ConfigFileError
from engine.spec import load_spec
from tests.conftest import SPEC

SECRET = "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90abcd1234"
TWO = """\
[accounts.us]
url_env = "AC_US_URL"
key_env = "AC_US_KEY"

[accounts.eu]
url_env = "AC_EU_URL"
key_env = "AC_EU_KEY"
schema = "activecampaign_eu"
"""
ENV = {
    "AC_US_URL": "https://us.api-us1.com",
    "AC_US_KEY": "us-key-000000",
    "AC_EU_URL": "https://eu.api-us1.com",
    "AC_EU_KEY": "eu-key-111111",
}


@pytest.fixture(autouse=True)
def clean_env(monkeypatch, tmp_path):
    for name in [n for n in os.environ if n.startswith(("ACX_", "AC_"))]:
        monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)


def write(text: str) -> None:
    Path("acx.toml").write_text(text, encoding="utf-8")


BROKEN = [
    (
        "a key written into the file",
        f'[accounts.eu]\nurl_env = "AC_EU_URL"\nkey_env = "AC_EU_KEY"\napi_key = "{SECRET}"\n',
        [
            "acx.toml:4: accounts.eu.api_key: do not write the API key into the config file "
            "(use key_env, the name of its variable)"
        ],
    ),
    (
        "a URL written into the file",
        '[accounts.eu]\nurl = "https://eu.api-us1.com"\nkey_env = "AC_EU_KEY"\n',
        [
            "acx.toml:1: accounts.eu: missing required key: url_env",
            "acx.toml:2: accounts.eu.url: do not write the account URL into the config file "
            "(use url_env, the name of its variable)",
        ],
    ),
    (
        "a key where its variable's name belongs",
        f'[accounts.eu]\nurl_env = "AC_EU_URL"\nkey_env = "{SECRET}"\n',
        [
            "acx.toml:3: accounts.eu.key_env: holds what looks like an API key, not the name of "
            "an environment variable (put it in a variable and write that variable's name here; "
            "not shown)"
        ],
    ),
    (
        "a URL where its variable's name belongs",
        '[accounts.eu]\nurl_env = "https://eu.api-us1.com"\nkey_env = "AC_EU_KEY"\n',
        [
            "acx.toml:2: accounts.eu.url_env: holds what looks like a URL, not the name of an "
            "environment variable (put it in a variable and write that variable's name here; "
            "not shown)"
        ],
    ),
    (
        "a misspelled key",
        '[accounts.eu]\nurl_env = "AC_EU_URL"\nkey_env = "AC_EU_KEY"\nshema = "eu"\n',
        ["acx.toml:4: accounts.eu.shema: unknown key 'shema' (did you mean 'schema'?)"],
    ),
    (
        "a misspelled table",
        '[acounts.eu]\nurl_env = "AC_EU_URL"\n',
        ["acx.toml:1: acounts: unknown key 'acounts' (did you mean 'accounts'?)"],
    ),
    (
        "a name that cannot be a partition or a file name",
        '[accounts."eu west"]\nurl_env = "AC_EU_URL"\nkey_env = "AC_EU_KEY"\n',
        [
            "acx.toml:1: accounts.eu west: account name 'eu west' may hold only letters, "
            "digits, '_' and '-'"
        ],
    ),
]


@pytest.mark.parametrize("toml,errors", [c[1:] for c in BROKEN], ids=[c[0] for c in BROKEN])
def test_a_broken_account_gives_its_lines_and_exit_2(cli, toml, errors):
    write(toml)
    result = cli(
        "run", SPEC, "--dry-run", env={**ENV, "ACX_API_URL": "https://a.b", "ACX_API_KEY": "kkkkkk"}
    )
    assert result.exit_code == 2
    assert result.stderr.splitlines() == errors
    assert SECRET[:12] not in result.stdout + result.stderr


def test_the_accounts_are_read_in_file_order_with_their_variables():
    write(TWO)
    accounts = read_accounts(load_spec(SPEC))
    assert list(accounts) == ["us", "eu"]
    assert accounts["eu"] == Account("eu", "AC_EU_URL", "AC_EU_KEY", "activecampaign_eu")
    assert accounts["us"].schema_name == "us" and accounts["eu"].schema_name == "activecampaign_eu"


def test_each_account_resolves_to_its_own_url_and_key():
    write(TWO)
    spec = load_spec(SPEC)
    accounts = read_accounts(spec)
    us = account_settings(spec, accounts["us"], env=ENV)
    eu = account_settings(spec, accounts["eu"], env=ENV)
    assert (us.api_url, us.api_key) == ("https://us.api-us1.com", "us-key-000000")
    assert (eu.api_url, eu.api_key) == ("https://eu.api-us1.com", "eu-key-111111")
    assert not us.warnings  # AC_* variables named by the file are known
    # messages about the key name the account's variable, not the spec's ACX_API_KEY
    assert account_spec(spec, accounts["eu"]).source.auth_env == "AC_EU_KEY"
    assert account_spec(spec, Account(DEFAULT_ACCOUNT)) is spec


def test_the_spec_s_variables_do_not_stand_in_for_an_account_s():
    write(TWO + '\n[source]\napi_url = "https://source.api-us1.com"\n')
    spec = load_spec(SPEC)
    env = {"ACX_API_URL": "https://acx.api-us1.com", "ACX_API_KEY": "spec-key-22222"}
    with pytest.raises(ConfigError) as err:
        account_settings(spec, read_accounts(spec)["eu"], env={**env, "AC_EU_KEY": SECRET})
    assert str(err.value) == (
        "account 'eu': environment variable AC_EU_URL is not set "
        "(set it to the account's URL, or change url_env in [accounts.eu])"
    )


def test_a_missing_key_variable_names_the_account_and_never_a_value():
    write(TWO)
    spec = load_spec(SPEC)
    with pytest.raises(ConfigError) as err:
        account_settings(spec, read_accounts(spec)["us"], env={"AC_US_URL": ENV["AC_US_URL"]})
    assert str(err.value) == (
        "account 'us': environment variable AC_US_KEY is not set "
        "(set it to the account's API key, or change key_env in [accounts.us])"
    )


def test_a_key_a_header_cannot_carry_names_the_account_unseen():
    write(TWO)
    spec = load_spec(SPEC)
    with pytest.raises(ConfigError) as err:
        account_settings(spec, read_accounts(spec)["eu"], env={**ENV, "AC_EU_KEY": SECRET + "\n"})
    message = str(err.value)
    assert message.startswith("account 'eu': AC_EU_KEY holds a line break at its end")
    assert SECRET[:12] not in message and "\n" not in message


def test_choosing_accounts():
    write(TWO)
    accounts = read_accounts(load_spec(SPEC))
    assert [a.name for a in chosen_accounts(accounts, None)] == ["us", "eu"]
    assert [a.name for a in chosen_accounts(accounts, ["eu", "us", "eu"])] == ["eu", "us"]
    with pytest.raises(
        ConfigError, match=r"no account 'uss' in \[accounts\] \(did you mean 'us'\?\)"
    ):
        chosen_accounts(accounts, ["uss"])
    with pytest.raises(ConfigError, match="no account chosen"):
        chosen_accounts(accounts, [])


def test_without_accounts_the_one_account_is_the_spec_s_variables():
    spec = load_spec(SPEC)
    assert read_accounts(spec) == {}
    (default,) = chosen_accounts({}, None)
    assert default == Account(DEFAULT_ACCOUNT)
    env = {"ACX_API_URL": "https://acme.api-us1.com", "ACX_API_KEY": "spec-key-22222"}
    assert account_settings(spec, default, env=env).api_key == "spec-key-22222"
    assert chosen_accounts({}, [DEFAULT_ACCOUNT]) == [default]
    with pytest.raises(ConfigError, match=r"account 'eu': acx.toml has no \[accounts\] table"):
        chosen_accounts({}, ["eu"])


def test_a_broken_file_fails_before_any_account_resolves():
    write('[accounts.eu]\nurl_env = "AC EU"\nkey_env = "AC_EU_KEY"\n')
    with pytest.raises(ConfigFileError) as err:
        read_accounts(load_spec(SPEC))
    assert err.value.problems == [
        "acx.toml:2: accounts.eu.url_env: 'AC EU' is not an environment variable name"
    ]
