"""The Python API for orchestrators (Dagster, Airflow, cron scripts): run a spec for chosen
accounts and tables, get a typed, frozen result; nothing is printed. See docs/orchestrate.md.

    from engine.orchestrate import sync
    result = sync("specs/activecampaign.yaml", dest="duckdb:/data/{account}.duckdb")
    for account in result.accounts:
        print(account.name, account.status, account.rows, account.error)

Each account is one run, as `acx run` makes it (engine/api.py: the account's tables listed,
the plan built, engine.api.extract), with its own client, rate limiter, destination connection
and state; one account's failure is its result's. Accounts run at once, a thread each: the API
limits each account on its own, so N accounts take about as long as the slowest. `acx run
--accounts` runs them through `sync_accounts`, the same path.

Several accounts share a destination by its layout (engine/load/layout.py): a schema per
account, or shared tables with an `_acx_account` column; a destination holding `{account}` (or a
mapping) gives each account its own."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import Any, Literal

from engine.api import RunOptions, account_tables, api_client, extract, plan_lines
from engine.config.accounts import (
    Account,
    account_settings,
    account_spec,
    chosen_accounts,
    configured_layout,
    layout_of,
    read_accounts,
)
from engine.errors import AcxError, ConfigError
from engine.load.layout import (
    Placement,
    destination_of,
    placement_of,
)
from engine.read.discover import Discovery
from engine.redact import clean
from engine.run.events import Event, event, text_line
from engine.run.interrupt import EXIT_CODE, StopSignal, catching_signals
from engine.run.plan import build_plan
from engine.run.results import Outcome, RunResult
from engine.spec import Spec, load_spec
from engine.spec.selection import select_streams

# (account name, event): every event of every account's run (engine/run/events.py); called
# from the run's threads, so it must be thread-safe.
OnEvent = Callable[[str, Event], None]

__all__ = [
    "AccountSync",
    "OnEvent",
    "SyncResult",
    "TableSync",
    "destination_of",
    "account_lines",
    "placement_of",
    "plan_accounts",
    "run_accounts",
    "sync",
    "sync_accounts",
]


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
    placement: str = ""  # where in `dest` its tables are: "schema eu", "shared tables, ..."

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
    layout: str | None = None,
) -> SyncResult:
    """Run the spec for the accounts, at once (a thread each), and return what each loaded.

    `dest`: a destination as `acx run --dest` takes it. Accounts of `[accounts]` loading one
    destination go where `layout` says (default: `[load] layout` of acx.toml, else "schema"):
    "schema", each into its own schema (`[accounts.NAME] schema`, default its name); "shared",
    one set of tables with an `_acx_account` column in every table and primary key. A
    destination holding `{account}` (`duckdb:/data/{account}.duckdb`) or a mapping from account
    name to destination gives each account its own destination (and its own schema there).
    `tables`, `full_refresh`, `timezone`, `custom_field_views`: as `acx run`'s flags.
    `accounts`: names of `[accounts.NAME]` in acx.toml (None: every one; without [accounts],
    the one account of ACX_API_URL/ACX_API_KEY, named "default"). `env`: the environment to read
    (default: the process's). `on_event`: every run event, with its account's name.

    Raises AcxError (ConfigError) only for what stops every account: the spec, the config file,
    an unknown account, table or layout. What fails one account (a variable not set, a refused
    key, an unreachable URL or destination) is that account's `error`; the others run on."""
    options = RunOptions(
        tables=tuple(tables),
        full_refresh=tuple(full_refresh),
        timezone=timezone,
        custom_field_views=custom_field_views,
        config_path=config_path,
    )
    return sync_accounts(spec_path, options, dest, accounts, layout, env, on_event)


def sync_accounts(
    spec_path: str,
    options: RunOptions,
    dest: str | Mapping[str, str] | None = None,
    accounts: Iterable[str] | None = None,
    layout: str | None = None,
    env: Mapping[str, str] | None = None,
    on_event: OnEvent | None = None,
    stop: StopSignal | None = None,
) -> SyncResult:
    """`sync` with every flag of `acx run` (`options`; `dest` None: `options.dest`); `stop`:
    a Ctrl-C or SIGTERM stops every account's run (each fails Interrupted)."""
    spec = load_spec(spec_path)
    config_path = options.config_path
    chosen = chosen_accounts(read_accounts(spec, config_path), accounts, config_path)
    target = options.dest if dest is None else dest
    word = layout_of(layout) if layout else configured_layout(spec, config_path, target)
    runs = {
        a.name: replace(options, dest=destination_of(target, a.name, len(chosen))) for a in chosen
    }
    places = {a.name: placement_of(a, target, word) for a in chosen}
    _check_names(spec, options)  # before any account runs

    def one(account: Account) -> AccountSync:
        run = runs[account.name]
        place = places[account.name]
        return _sync_account(spec, account, run, place, env, on_event, stop, len(chosen))

    if len(chosen) == 1:
        return SyncResult((one(chosen[0]),))
    with ThreadPoolExecutor(len(chosen), thread_name_prefix="acx-account") as pool:
        return SyncResult(tuple(pool.map(one, chosen)))


def _sync_account(
    spec: Spec,
    account: Account,
    options: RunOptions,
    place: Placement,
    env: Mapping[str, str] | None,
    on_event: OnEvent | None,
    stop: StopSignal | None = None,
    at_once: int = 1,
) -> AccountSync:
    """One account's run, as `acx run` makes it, placed in its destination; its AcxError is its
    result's error. `at_once`: the accounts running in the process."""

    def emit(ev: Any) -> None:
        if on_event is not None:
            on_event(account.name, ev)

    try:
        settings = account_settings(spec, account, options.config_path, env, options.timezone)
        spec = settings.applied(account_spec(spec, account))
        found = account_tables(spec, api_client(spec, settings), options.tables)
        chosen = _found_tables(found, options.tables)
        if chosen is None:  # only a template's tables, and the account has none
            return AccountSync(account.name, options.dest, placement=place.describe())
        loaded = place.spec(found.spec)  # shared tables: with the account column
        plan = build_plan(loaded, settings, chosen, options.full_refresh)
        warnings = tuple(dict.fromkeys([*settings.warnings, *found.warnings]))
        for warning in warnings:
            emit(event("warning", message=warning))
        result = extract(
            loaded,
            settings,
            plan,
            options,
            emit,
            stop=stop,
            found=found,
            place=place,
            at_once=at_once,
        )
    except AcxError as err:
        return AccountSync(account.name, options.dest, error=_line(err), placement=place.describe())
    outcome = _account_result(account.name, options.dest, result, found.spec)
    return replace(outcome, warnings=tuple(clean(w) for w in warnings), placement=place.describe())


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


def run_accounts(
    spec_path: str,
    options: RunOptions,
    accounts: Iterable[str] | None = None,
    layout: str | None = None,
    *,
    echo: Callable[[str], None] = print,
    out: Callable[[str], None] = print,
    env: Mapping[str, str] | None = None,
) -> int:
    """`acx run --accounts`: every chosen account at once, a line per finished table on `echo`
    (`ACCOUNT: ...`; JSON lines with an "account" field under --log-format json), then a line
    per account on `out`. Returns the exit code: 0, 1 when an account or a table failed, 130
    when stopped."""
    as_json = options.log_format == "json"
    lock = threading.Lock()

    def on_event(account: str, ev: Event) -> None:
        line = json.dumps({"account": account, **ev}, default=str) if as_json else text_line(ev)
        if line is not None:
            with lock:
                echo(clean(line if as_json else f"{account}: {line}"))

    stop = StopSignal()
    with catching_signals(stop):
        result = sync_accounts(spec_path, options, None, accounts, layout, env, on_event, stop)
    for line in account_lines(result):
        out(line)
    for account in result.accounts:
        if account.error is not None:
            echo(f"account '{account.name}': {account.error}")
        for table in account.failed:
            echo(f"{account.name}: {table.table}: {table.status}: {table.error}")
    if stop.stopped:
        return EXIT_CODE
    return 0 if result.ok else 1


def account_lines(result: SyncResult) -> list[str]:
    """The run summary per account: status, tables, rows, requests, seconds, where, error."""
    header = ("account", "status", "tables", "rows", "requests", "seconds", "where")
    rows = [header]
    for a in result.accounts:
        loaded = sum(t.status == "ok" for t in a.tables)
        rows.append(
            (
                a.name,
                a.status,
                f"{loaded}/{len(a.tables)}",
                str(a.rows),
                str(a.requests),
                f"{a.seconds:.1f}",
                a.error or f"{a.dest} ({a.placement})",
            )
        )
    total = ("total", "ok" if result.ok else "failed", "", str(result.rows), str(result.requests))
    rows.append((*total, "", ""))
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    return [
        "  ".join(
            c.rjust(w) if i in (3, 4, 5) else c.ljust(w)
            for i, (c, w) in enumerate(zip(r, widths, strict=True))
        ).rstrip()
        for r in rows
    ]


def many_accounts(
    spec_path: str, config_path: str | None, accounts: str | None, layout: str | None
) -> list[str] | None | Literal[False]:
    """Which accounts `acx run` runs (`--accounts a,b` or `all`): the names, None for every one
    of [accounts], or False for the single run of ACX_API_URL/ACX_API_KEY (no --accounts, no
    --layout and no [accounts] in acx.toml). An unknown name fails later, with a did-you-mean."""
    if accounts is not None:
        names = [n.strip() for n in accounts.split(",") if n.strip()]
        if not names:
            raise ConfigError("--accounts names no account", "name some (us,eu), or 'all'")
        return None if names == ["all"] else names
    if layout is not None or read_accounts(load_spec(spec_path), config_path):
        return None
    return False


def plan_accounts(
    spec_path: str,
    options: RunOptions,
    accounts: Iterable[str] | None = None,
    layout: str | None = None,
    env: Mapping[str, str] | None = None,
) -> list[str]:
    """`acx run --accounts ... --dry-run`: per account, where its tables would go and its plan
    (no request; an account that cannot run says why)."""
    spec = load_spec(spec_path)
    chosen = chosen_accounts(
        read_accounts(spec, options.config_path), accounts, options.config_path
    )
    word = (
        layout_of(layout) if layout else configured_layout(spec, options.config_path, options.dest)
    )
    _check_names(spec, options)
    lines = []
    for account in chosen:
        dest = destination_of(options.dest, account.name, len(chosen))
        place = placement_of(account, options.dest, word)
        lines.append(f"account {account.name}: {dest} ({place.describe()})")
        try:
            settings = account_settings(spec, account, options.config_path, env, options.timezone)
            loaded = place.spec(settings.applied(account_spec(spec, account)))
            plan = build_plan(loaded, settings, options.tables, options.full_refresh)
        except AcxError as err:
            lines.append(f"  cannot run: {_line(err)}")
            continue
        lines.extend(f"  {line}" for line in plan_lines(loaded, plan))
    return lines
