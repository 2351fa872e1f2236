"""The Python API for orchestrators (Dagster, Airflow, cron scripts): run a spec for chosen
accounts and tables, get a typed, frozen result; nothing is printed. See docs/orchestrate.md.

    from engine.orchestrate import sync
    result = sync("specs/activecampaign.yaml", dest="duckdb:/data/{account}.duckdb")
    for account in result.accounts:
        print(account.name, account.status, account.rows, account.error)

Each account is one run, as `acx run` makes it (engine/api.py: the account's tables listed,
the plan built, engine.api.extract), with its own rate limiter, destination and state; one
account's failure is its result's, and the next account runs. Accounts run one after another."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any, Literal

from engine.api import RunOptions, account_tables, api_client, extract
from engine.config.accounts import (
    Account,
    account_settings,
    account_spec,
    chosen_accounts,
    read_accounts,
)
from engine.errors import AcxError, ConfigError
from engine.read.discover import Discovery
from engine.redact import clean
from engine.run.events import Event, event
from engine.run.plan import build_plan
from engine.run.results import Outcome, RunResult
from engine.spec import Spec, load_spec
from engine.spec.selection import select_streams

ACCOUNT_PLACEHOLDER = "{account}"  # in a destination: the account's name

# (account name, event): every event of every account's run (engine/run/events.py); called
# from the run's threads, so it must be thread-safe.
OnEvent = Callable[[str, Event], None]

__all__ = ["AccountSync", "OnEvent", "SyncResult", "TableSync", "destination_of", "sync"]


@dataclass(frozen=True)
class TableSync:
    """One table of one account's run."""

    table: str  # the stream's key in the spec
    status: Outcome  # ok, failed, or skipped (a table it needs failed)
    mode: str  # full | incremental, this run
    rows: int
    requests: int  # 0 for a table filled from another table's responses
    seconds: float
    error: str | None = None  # one line, without the key, when not ok
    template: str | None = None  # the template it was made from: a table the account defines


@dataclass(frozen=True)
class AccountSync:
    """One account's run: its tables, or the error that stopped it before any table (a variable
    not set, a refused key, a destination out of reach)."""

    name: str
    dest: str
    tables: tuple[TableSync, ...] = ()
    error: str | None = None  # the account's own one-line error
    run_id: str | None = None
    seconds: float = 0.0
    requests: int = 0  # every request of the run: its tables' and the time zone hint's
    warnings: tuple[str, ...] = ()  # the settings' and the account's tables', said before the run

    @property
    def status(self) -> Literal["ok", "failed"]:
        failed = self.error is not None or any(t.status != "ok" for t in self.tables)
        return "failed" if failed else "ok"

    @property
    def rows(self) -> int:
        return sum(t.rows for t in self.tables)

    @property
    def failed(self) -> tuple[TableSync, ...]:
        return tuple(t for t in self.tables if t.status != "ok")

    def table(self, key: str) -> TableSync:
        for t in self.tables:
            if t.table == key:
                return t
        raise KeyError(f"account {self.name!r} ran no table {key!r}")


@dataclass(frozen=True)
class SyncResult:
    accounts: tuple[AccountSync, ...]

    @property
    def ok(self) -> bool:
        return all(a.status == "ok" for a in self.accounts)

    @property
    def rows(self) -> int:
        return sum(a.rows for a in self.accounts)

    @property
    def requests(self) -> int:
        return sum(a.requests for a in self.accounts)

    def account(self, name: str) -> AccountSync:
        for a in self.accounts:
            if a.name == name:
                return a
        raise KeyError(f"no account {name!r} in this result")


def sync(
    spec_path: str,
    *,
    dest: str | Mapping[str, str] = "duckdb",
    tables: Iterable[str] = (),
    accounts: Iterable[str] | None = None,
    config_path: str | None = None,
    env: Mapping[str, str] | None = None,
    full_refresh: Iterable[str] = (),
    timezone: str | None = None,
    custom_field_views: bool = False,
    on_event: OnEvent | None = None,
) -> SyncResult:
    """Run the spec for each account, one after another, and return what each loaded.

    `dest`: a destination as `acx run --dest` takes it; with several accounts it must hold
    `{account}` (`duckdb:/data/{account}.duckdb`, `parquet:lake/{account}`), or be a mapping
    from account name to destination, so that no two accounts share tables and state.
    `tables`, `full_refresh`, `timezone`, `custom_field_views`: as `acx run`'s flags.
    `accounts`: names of `[accounts.NAME]` in acx.toml (None: every one; without [accounts],
    the one account of ACX_API_URL/ACX_API_KEY, named "default"). `env`: the environment to read
    (default: the process's). `on_event`: every run event, with its account's name.

    Raises AcxError (ConfigError) only for what stops every account: the spec, the config file,
    an unknown account or table, a destination shared by several accounts. What fails one
    account (a variable not set, a refused key, an unreachable URL or destination) is that
    account's `error`, and the next account runs."""
    spec = load_spec(spec_path)
    chosen = chosen_accounts(read_accounts(spec, config_path), accounts, config_path)
    dests = {a.name: destination_of(dest, a.name, len(chosen)) for a in chosen}
    options = RunOptions(
        tables=tuple(tables),
        full_refresh=tuple(full_refresh),
        timezone=timezone,
        custom_field_views=custom_field_views,
    )
    _check_names(spec, options)  # before any account runs
    results = []
    for account in chosen:
        run = replace(options, dest=dests[account.name], config_path=config_path)
        results.append(_sync_account(spec, account, run, env, on_event))
    return SyncResult(tuple(results))


def destination_of(dest: str | Mapping[str, str], account: str, accounts: int = 1) -> str:
    """The destination of `account`: `dest` with `{account}` filled, or its entry in a
    mapping. Several accounts into one destination would replace each other's tables."""
    if isinstance(dest, Mapping):
        if account not in dest:
            raise ConfigError(
                f"account '{account}' has no destination",
                f"add it to the dest mapping (given: {', '.join(dest) or 'none'})",
            )
        return dest[account]
    if ACCOUNT_PLACEHOLDER in dest:
        return dest.replace(ACCOUNT_PLACEHOLDER, account)
    if accounts > 1:
        raise ConfigError(
            f"{accounts} accounts would load one destination {dest!r} and replace each other's "
            "tables",
            "put {account} in it (duckdb:acx_{account}.duckdb) or give a destination per account",
        )
    return dest


def _sync_account(
    spec: Spec,
    account: Account,
    options: RunOptions,
    env: Mapping[str, str] | None,
    on_event: OnEvent | None,
) -> AccountSync:
    """One account's run, as `acx run` makes it; its AcxError is its result's error."""

    def emit(ev: Any) -> None:
        if on_event is not None:
            on_event(account.name, ev)

    try:
        settings = account_settings(spec, account, options.config_path, env, options.timezone)
        spec = settings.applied(account_spec(spec, account))
        found = account_tables(spec, api_client(spec, settings), options.tables)
        chosen = _found_tables(found, options.tables)
        if chosen is None:  # only a template's tables, and the account has none
            return AccountSync(account.name, options.dest)
        plan = build_plan(found.spec, settings, chosen, options.full_refresh)
        warnings = tuple(dict.fromkeys([*settings.warnings, *found.warnings]))
        for warning in warnings:
            emit(event("warning", message=warning))
        result = extract(found.spec, settings, plan, options, emit, found=found)
    except AcxError as err:
        return AccountSync(account.name, options.dest, error=_line(err))
    outcome = _account_result(account.name, options.dest, result, found.spec)
    return replace(outcome, warnings=tuple(clean(w) for w in warnings))


def _check_names(spec: Spec, options: RunOptions) -> None:
    """Every table named exists in the spec (a template's key stands for tables an account
    defines): a did-you-mean before the first request."""
    templates = {t.key for t in spec.templates}
    for names in (options.tables, options.full_refresh):
        known = [n for n in _names(names) if n not in templates]
        if known:
            select_streams(spec, known)


def _found_tables(found: Discovery, tables: tuple[str, ...]) -> tuple[str, ...] | None:
    """The choice of tables, less a template's key when the account has no table of it (a plan
    without custom objects, or none defined): that part of the choice loads nothing, as a run of
    every table would, instead of failing as an unknown name. None: nothing is left to run."""
    empty = {t.key for t in found.spec.templates if not found.found.get(t.key)}
    names = _names(tables)
    kept = tuple(n for n in names if n not in empty)
    return None if names and not kept else kept


def _names(items: Iterable[str]) -> list[str]:
    """A choice of tables as flags give it (comma lists allowed), name by name."""
    return [n.strip() for item in items for n in item.split(",") if n.strip()]


def _account_result(name: str, dest: str, result: RunResult, spec: Spec) -> AccountSync:
    made = {s.key: s.template for s in spec.streams}
    tables = tuple(
        TableSync(
            table=t.key,
            status="failed" if t.status == "pending" else t.status,
            mode=t.mode,
            rows=t.rows,
            requests=t.requests,
            seconds=round(t.seconds, 3),
            error=None if t.error is None else clean(" ".join(t.error.split())),
            template=made.get(t.key),
        )
        for t in result.tables.values()
    )
    return AccountSync(
        name,
        dest,
        tables,
        run_id=result.run_id,
        seconds=round(result.seconds, 3),
        requests=result.requests,
    )


def _line(err: AcxError) -> str:
    return clean(" ".join(str(err).split()))
