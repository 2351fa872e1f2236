"""Several accounts in one acx.toml: `[accounts.NAME]` names the environment variables that hold
each account's URL and API key (never the values), and optionally the schema meant for it.

An account is resolved into the Settings of a run the one way settings are resolved
(engine/config/settings.load_settings): its two variables take the place of the spec's own
(ACX_API_URL, ACX_API_KEY) in the spec's source, so every other setting (time zone, rate,
tables, targets) is read as for a single account. Without `[accounts]`, the one account is the
spec's variables', named DEFAULT_ACCOUNT."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any, Literal, get_args

from engine.config.check import closest, did_you_mean
from engine.config.settings import DEFAULT_CONFIG, Settings, load_settings, read_config_file
from engine.errors import ConfigError
from engine.spec import Spec

DEFAULT_ACCOUNT = "default"  # the one account of a file without [accounts]
# How accounts share a destination (engine/load/layout.py): a schema each, or shared tables.
Layout = Literal["schema", "shared"]
LAYOUTS: tuple[str, ...] = get_args(Layout)
DEFAULT_LAYOUT: Layout = "schema"

__all__ = [
    "DEFAULT_ACCOUNT",
    "DEFAULT_LAYOUT",
    "LAYOUTS",
    "Layout",
    "Account",
    "account_settings",
    "account_spec",
    "chosen_accounts",
    "configured_layout",
    "layout_of",
    "read_accounts",
]


@dataclass(frozen=True)
class Account:
    """`[accounts.NAME]` as checked with the file; `url_env`/`key_env` are None for the default
    account, which reads the spec's variables."""

    name: str
    url_env: str | None = None
    key_env: str | None = None
    schema: str | None = None  # the destination schema meant for it; None: its name

    @property
    def schema_name(self) -> str:
        return self.schema or self.name


def read_accounts(spec: Spec, config_path: str | None = None) -> dict[str, Account]:
    """The accounts of the config file, by name, in file order; {} when it has none (or there
    is no file). The file is checked first: a ConfigFileError lists every problem."""
    raw = read_config_file(config_path, spec).get("accounts", {})
    return {name: _account(name, item) for name, item in raw.items()}


def layout_of(word: str | None, where: str = "--layout") -> Layout:
    """A layout word, checked: an unknown one fails with a did-you-mean."""
    if word is None:
        return DEFAULT_LAYOUT
    if word not in LAYOUTS:
        choices = f"choose {' or '.join(LAYOUTS)}"
        raise ConfigError(
            did_you_mean(f"{where}: unknown layout {word!r}", word, [*LAYOUTS], choices)
        )
    return word  # type: ignore[return-value]


def configured_layout(spec: Spec, config_path: str | None = None, dest: Any = None) -> Layout:
    """The layout of the destination `dest` (`TYPE:NAME`): its `[targets.NAME] layout`, else
    `[load] layout` of the config file (checked with it), else the default: "schema"."""
    config = read_config_file(config_path, spec)
    if isinstance(dest, str):
        target = config.get("targets", {}).get(dest.partition(":")[2], {})
        if "layout" in target:
            return layout_of(target["layout"])
    return layout_of(config.get("load", {}).get("layout"))


def _account(name: str, item: Mapping[str, Any]) -> Account:
    return Account(name, item["url_env"], item["key_env"], item.get("schema"))


def chosen_accounts(
    accounts: Mapping[str, Account], names: Iterable[str] | None, config_path: str | None = None
) -> list[Account]:
    """The accounts a run is asked for: every one of the file (`names` None), else those named,
    in the order named; without [accounts], the default one. An unknown name is an error with a
    did-you-mean, before any account runs."""
    if names is None:
        return list(accounts.values()) or [Account(DEFAULT_ACCOUNT)]
    wanted = list(dict.fromkeys(names))
    if not wanted:
        raise ConfigError("no account chosen: name at least one, or None for every account")
    if not accounts:
        if wanted == [DEFAULT_ACCOUNT]:
            return [Account(DEFAULT_ACCOUNT)]
        file = config_path or DEFAULT_CONFIG
        raise ConfigError(
            f"account {wanted[0]!r}: {file} has no [accounts] table",
            f"add [accounts.{wanted[0]}] with url_env and key_env, or choose no account "
            f"(the spec's variables)",
        )
    out = []
    for name in wanted:
        if name not in accounts:
            close = closest(name, list(accounts))
            hint = f"did you mean '{close}'?" if close else f"accounts: {', '.join(accounts)}"
            raise ConfigError(f"no account {name!r} in [accounts]", hint)
        out.append(accounts[name])
    return out


def account_spec(spec: Spec, account: Account) -> Spec:
    """The spec as a run of `account` reads it: its source's URL and key variables are the
    account's, so that every message naming them (a refused key: "check AC_EU_KEY") names the
    account's own. The default account's is the spec itself."""
    if account.url_env is None or account.key_env is None:
        return spec
    source = replace(spec.source, base_url_env=account.url_env, auth_env=account.key_env)
    return replace(spec, source=source)


def account_settings(
    spec: Spec,
    account: Account,
    config_path: str | None = None,
    env: Mapping[str, str] | None = None,
    timezone: str | None = None,
) -> Settings:
    """The settings a run of `account` uses (with account_spec's spec): its URL and key from the
    variables it names, never [source]'s; everything else as load_settings resolves it. A
    variable not set is a one-line error naming the account and the variable (never a value)."""
    env = os.environ if env is None else env
    if account.url_env is None or account.key_env is None:
        return load_settings(spec, config_path, env, timezone)
    where = f"[accounts.{account.name}]"
    for variable, what, key in (
        (account.url_env, "URL", "url_env"),
        (account.key_env, "API key", "key_env"),
    ):
        if not env.get(variable):
            raise ConfigError(
                f"account '{account.name}': environment variable {variable} is not set",
                f"set it to the account's {what}, or change {key} in {where}",
            )
    try:
        return load_settings(account_spec(spec, account), config_path, env, timezone)
    except ConfigError as err:  # a key a header cannot carry, a URL refused: say whose
        raise ConfigError(f"account '{account.name}': {err.message}", err.hint) from None
