"""The library entry points the CLI calls (and tests can call): run a spec, run the demo."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

from engine.config.accounts import chosen_accounts, configured_layout, read_accounts
from engine.config.settings import (
    Settings,
    load_settings,
    read_config_file,
    table_settings,
    warning_lines,
)
from engine.errors import AcxError, ConfigError
from engine.http.client import Client
from engine.http.ratelimit import RateLimiter
from engine.load import make_destination
from engine.load.layout import Placement, destination_of, placement_of
from engine.load.state import StateRow
from engine.read import discover
from engine.read.discover import Discovery
from engine.report.fields import DEFAULT_SAMPLE, TableFields, sample_fields
from engine.report.progress import LogFormat, RunInfo, make_reporter
from engine.report.status import TableState, table_states
from engine.report.summary import detail_lines, summary_lines
from engine.run import resume
from engine.run.estimate import Estimate, estimate
from engine.run.events import Emit, event, lines_to
from engine.run.interrupt import StopSignal, catching_signals
from engine.run.plan import Plan, build_plan
from engine.run.process import prompt_threads, run_threads
from engine.run.reconcile import next_due, reconcile_reason
from engine.run.runner import Runner, RunResult
from engine.run.views import outcome_lines, refresh_views
from engine.spec import Spec, load_spec
from engine.spec.selection import select_streams

Echo = Callable[[str], None]
SHIPPED_SPEC = Path(__file__).resolve().parent.parent / "specs" / "activecampaign.yaml"


@dataclass(frozen=True)
class RunOptions:
    """What `acx run` is asked, flag by flag (the CLI parses them; tests make one directly).
    The settings they touch (`config_path`, `timezone`) are resolved with acx.toml and the
    environment once, by engine.config.settings.load_settings."""

    # duckdb[:PATH], postgres[:TARGET], snowflake[:TARGET], parquet:DIR or jsonl:DIR
    dest: str = "duckdb"
    config_path: str | None = None  # default: ./acx.toml when present
    tables: tuple[str, ...] = ()  # only these tables (and those they are read through)
    full_refresh: tuple[str, ...] = ()  # read these in full and replace them
    timezone: str | None = None  # --timezone: an IANA name, over ACX_TIMEZONE and acx.toml
    dry_run: bool = False  # print the plan; fetch and write nothing
    batch_rows: int | None = None  # rows per staged batch (default: the destination's)
    log_format: LogFormat = "text"  # progress on stderr: see engine/report/progress.py
    custom_field_views: bool = False  # after the run, (re)create the spec's views
    no_backfill: bool = False  # columns added to the spec stay NULL in rows loaded before

    def __post_init__(self) -> None:  # a list of names is as good as a tuple
        object.__setattr__(self, "tables", tuple(self.tables))
        object.__setattr__(self, "full_refresh", tuple(self.full_refresh))


def run_spec(
    spec_path: str,
    options: RunOptions,
    *,
    echo: Echo = print,
    out: Echo = print,
    env: Mapping[str, str] | None = None,
) -> int:
    """Run and report; returns the exit code (0 done, 1 a table failed). `echo` gets progress
    and warnings (stderr), `out` the plan or the summary table (stdout); `env`: the environment
    to read settings from (default: the process's)."""
    loaded = load_spec(spec_path)
    settings = load_settings(loaded, options.config_path, env, options.timezone)
    spec = settings.applied(loaded)
    if options.dry_run:
        try:
            plan = build_plan(spec, settings, options.tables, options.full_refresh)
        except ConfigError as err:
            if not spec.templates or not err.message.startswith("no table or tag"):
                raise
            shown = ", ".join(t.shown_name for t in spec.templates)
            raise ConfigError(  # a table the account defines: a dry run asks the API nothing
                err.message,
                f"{err.hint}; tables an account defines ({shown}) are found when a run "
                "starts: `acx streams SPEC` lists them, --dry-run cannot",
            ) from None
        for line in warning_lines(settings):
            echo(line)
        for line in plan_lines(spec, plan, peek_state(options.dest, settings), settings):
            out(line)
        if discover.wanted(spec, options.tables):
            for t in spec.templates:
                out(
                    f"{t.shown_name}: {t.stream.replication.mode}, GET {t.stream.endpoint} for "
                    f"each row of {t.per_row.of}: one table each, found when the run starts"
                )
        return 0
    client = api_client(spec, settings)
    found = account_tables(spec, client, options.tables)
    plan = build_plan(found.spec, settings, options.tables, options.full_refresh)
    reporter = make_reporter(options.log_format, RunInfo.of(found.spec, settings), echo)
    for warning in dict.fromkeys([*settings.warnings, *found.warnings]):  # JSON logs: events
        reporter.emit(event("warning", message=warning))
    stop = StopSignal()
    try:
        with catching_signals(stop):
            result = extract(
                found.spec, settings, plan, options, reporter.emit, stop=stop, found=found
            )
    except BaseException as err:
        reporter.abort(err)
        raise
    reporter.finish(result)
    if reporter.summary:  # JSON logs carry the results in their run_done line instead
        for line in summary_lines(result):
            out(line)
        for line in detail_lines(result):
            echo(line)
    if reporter.summary:  # JSON logs have a view_done line per view instead
        for line in outcome_lines(result.views):
            echo(line)
    return 1 if result.failed or any(v.status == "failed" for v in result.views) else 0


def extract(
    spec: Spec,
    settings: Settings,
    plan: Plan,
    options: RunOptions,
    emit: Emit | None = None,
    echo: Echo = print,
    stop: StopSignal | None = None,
    found: Discovery | None = None,
    place: Placement | None = None,
    at_once: int = 1,
) -> RunResult:
    """Run the plan into `options.dest`; `emit` receives every event (default: a line per
    finished table, to `echo`). With `options.custom_field_views`, (re)create the spec's views
    once every group has committed. `found`: the account's tables, listed with its client.
    `place`: where the account's tables go among other accounts' (engine/load/layout.py; the
    spec and plan already hold the account column of shared tables). `at_once`: the runs
    sharing the process (accounts), which share its threads (engine/run/process.py)."""
    emit = emit or lines_to(echo)
    destination = make_destination(options.dest, settings)
    if place is not None:
        destination.place(place)
    client = found.client if found and found.client else api_client(spec, settings)
    destination.connect()
    try:
        with prompt_threads(settings.requests_per_second):
            runner = Runner(
                spec,
                settings,
                destination,
                client,
                options.batch_rows,
                emit,
                no_backfill=options.no_backfill,
                stop=stop,
                first_pages=found.first_pages if found else None,
                threads=run_threads(at_once),
            )
            result = runner.run(plan)
        if options.custom_field_views:
            result.views = refresh_views(spec, destination, emit)
        return result
    finally:
        destination.close()


def account_tables(spec: Spec, client: Client, tables: Iterable[str] = ()) -> Discovery:
    """The spec with the tables the account defines (table templates), when the choice of
    `tables` may include them; else the spec as it is, at no request."""
    if discover.wanted(spec, tables):
        return discover.discover(spec, client)
    return discover.Discovery(spec, client=client)


def list_tables(
    spec_path: str,
    config_path: str | None = None,
    env: Mapping[str, str] | None = None,
    offline: bool = False,
    required: bool = False,
) -> tuple[Spec, list[str]]:
    """`acx streams`: the spec with the tables its templates make in the account, when the
    account is configured (one small request per template's list), and lines saying what could
    not be listed; `offline` (or no account configured): the spec's own tables and templates;
    `required`: an account that is not configured is an error."""
    spec = load_spec(spec_path)
    if not spec.templates or offline:
        return spec, []
    try:
        settings = load_settings(spec, config_path, env)
    except AcxError as err:
        if required:
            raise
        keys = ", ".join(t.key for t in spec.templates)
        return spec, [f"{keys}: the account's tables are not listed ({err.message})"]
    found = discover.discover(spec, api_client(spec, settings))
    return found.spec, found.warnings


def api_client(spec: Spec, settings: Settings) -> Client:
    """The Client of a run, behind the account-wide rate limiter at the settings' rate."""
    limiter = RateLimiter(settings.requests_per_second, spec.source.burst)
    return Client(spec.source, settings, limiter)


def plan_sync(
    spec_path: str,
    config_path: str | None = None,
    tables: Iterable[str] = (),
    env: Mapping[str, str] | None = None,
    timezone: str | None = None,
    echo: Echo = print,
) -> tuple[list[Estimate], float]:
    """Requests a full sync needs per request series, and the account's rate. `echo` gets the
    settings' warnings."""
    spec = load_spec(spec_path)
    settings = load_settings(spec, config_path, env, timezone)
    for line in warning_lines(settings):
        echo(line)
    client = api_client(spec, settings)
    found = account_tables(spec, client, tables)
    for line in found.warnings:
        echo(f"warning: {line}")
    spec = found.spec
    plan = build_plan(spec, settings, tables, full_refresh=[s.key for s in spec.streams])
    estimates = estimate(spec, plan, client, zone_hint=settings.timezone is None)
    return estimates, settings.requests_per_second


def sample_spec_fields(
    spec_path: str,
    config_path: str | None = None,
    tables: Iterable[str] = (),
    sample: int = DEFAULT_SAMPLE,
    env: Mapping[str, str] | None = None,
    echo: Echo = print,
) -> list[TableFields]:
    """`acx fields`: `sample` records of every table (or of `tables`) compared with the spec;
    engine.report.fields.report_lines prints the result. `echo` gets the settings' warnings."""
    from engine.report.check import check_client

    spec = load_spec(spec_path)
    settings = load_settings(spec, config_path, env)
    for line in warning_lines(settings):
        echo(line)
    plan = build_plan(spec, settings, tables, full_refresh=[s.key for s in spec.streams])
    client = check_client(spec, settings)
    return sample_fields(spec, plan, client, sample)


def estimate_lines(estimates: list[Estimate], rate: float) -> list[str]:
    header = ("table", "rows", "requests", "how", "also fills")
    rows = [header]
    for e in estimates:
        rows.append(
            (
                e.table,
                "?" if e.rows is None else str(e.rows),
                str(e.requests),
                e.how,
                ", ".join(e.feeds),
            )
        )
    total = sum(e.requests for e in estimates)
    rows.append(("total", "", str(total), "", ""))
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    lines = [
        "  ".join(
            c.rjust(w) if i in (1, 2) else c.ljust(w)
            for i, (c, w) in enumerate(zip(r, widths, strict=True))
        ).rstrip()
        for r in rows
    ]
    seconds = total / rate
    lines.append(
        f"least time for a full sync at {rate:g} requests/second: {format_duration(seconds)}"
        f" ({total} requests)"
    )
    return lines


def format_duration(seconds: float) -> str:
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    if hours:
        return f"{hours}h {minutes:02d}m {secs:02d}s"
    return f"{minutes}m {secs:02d}s" if minutes else f"{seconds:.1f}s"


def peek_state(dest: str, settings: Settings) -> dict[str, StateRow]:
    """The destination's state rows, for --dry-run to say which tables would resume; empty when
    the destination keeps no checkpoints or cannot be reached (a dry run still plans)."""
    try:
        destination = make_destination(dest, settings)
        path = getattr(destination, "path", None)  # a database file not made yet holds no state
        if not destination.checkpoints or (isinstance(path, str) and not Path(path).exists()):
            return {}
        destination.connect()
    except AcxError:
        return {}
    try:
        return destination.read_state()
    except AcxError:
        return {}
    finally:
        destination.close()


def table_status(
    spec_path: str,
    dest: str = "duckdb",
    config_path: str | None = None,
    tables: Iterable[str] = (),
    max_age: timedelta | None = None,
    env: Mapping[str, str] | None = None,
    accounts: Iterable[str] | None = None,
) -> list[TableState]:
    """`acx status`: each table's last successful load and last run, read from `dest` (no
    request to the API, no key needed); `tables` (names or tags) narrows the spec's list. With
    [accounts] in acx.toml (or `accounts` named), per account, each where its runs load it
    (engine/load/layout.py: its destination, its schema or its rows of shared tables)."""
    spec = load_spec(spec_path)
    environment = os.environ if env is None else env
    raw = read_config_file(config_path, spec)
    settings = Settings(
        api_url="",
        api_key="",
        targets=raw.get("targets", {}),
        tables=table_settings(raw.get("tables", {})),
        env=environment,
    )
    chosen = [s.key for s in select_streams(spec, tables)] if list(tables) else list(spec.keys)
    configured = read_accounts(spec, config_path)
    if not configured and accounts is None:
        return _status_of(spec, settings, dest, None, chosen, tables, max_age)
    picked = chosen_accounts(configured, accounts, config_path)
    word = configured_layout(spec, config_path, dest)
    out: list[TableState] = []
    for account in picked:
        where = destination_of(dest, account.name, len(picked))
        place = placement_of(account, dest, word)
        found = _status_of(spec, settings, where, place, chosen, tables, max_age)
        out.extend(replace(s, account=account.name) for s in found)
    return out


def _status_of(
    spec: Spec,
    settings: Settings,
    dest: str,
    place: Placement | None,
    chosen: list[str],
    tables: Iterable[str],
    max_age: timedelta | None,
) -> list[TableState]:
    """The states of one destination, or of one account's place in it."""
    destination = make_destination(dest, settings)
    path = getattr(destination, "path", None)
    if isinstance(path, str) and not Path(path).exists():
        raise ConfigError(f"{dest}: no database at {path}: nothing has run into it yet")
    if place is not None:
        destination.place(place)
    destination.connect()
    try:
        state, runs = destination.read_state(), destination.read_runs()
    finally:
        destination.close()
    if list(tables):  # the chosen tables only, with the account's own tables of a chosen tag
        state = {k: v for k, v in state.items() if k in chosen}
        runs = {k: v for k, v in runs.items() if k in chosen}
    due = {key: reconciliation_due(spec, key, state, settings) for key in chosen}
    return table_states(chosen, state, runs, datetime.now(timezone.utc), max_age, due)


def table_choices(spec_path: str, config_path: str | None = None) -> Spec:
    """The spec as acx.toml's [tables.X] choices shape its tables (history), read without the
    account's URL or key (`acx ddl`)."""
    spec = load_spec(spec_path)
    raw = read_config_file(config_path, spec)
    tables = table_settings(raw.get("tables", {}))
    return Settings(api_url="", api_key="", tables=tables).applied(spec)


def reconciliation_due(
    spec: Spec, key: str, state: dict[str, StateRow], settings: Settings
) -> datetime | None:
    """When table `key`'s next reconciliation is due (its root's: a fed table follows it)."""
    root = spec.root_of(spec.stream(key))
    mode = settings.table(root.key).mode or root.replication.mode or "full"
    return next_due(root, mode, state.get(root.key), settings)


def plan_lines(
    spec: Spec,
    plan: Plan,
    state: dict[str, StateRow] | None = None,
    settings: Settings | None = None,
) -> list[str]:
    """A line per group; `state`: the destination's, to say which groups resume a killed run
    and, with `settings`, which are due a reconciliation (a whole read)."""
    lines = []
    now = datetime.now(timezone.utc)
    for g in plan.groups:
        fed = ", ".join(s.key for s in g.members[1:])
        via = f" per row of {g.fan_out.key}" if g.fan_out else ""
        found = resume.found(g, state or {})
        due = reconcile_reason(g, state or {}, settings, now) if settings else None
        lines.append(
            f"{g.root.key}: {g.mode}, GET {g.root.endpoint}{via}"
            + (f" -> also {fed}" if fed else "")
            + (
                f" (would resume from {resume.where(g, found.at)}: {found.origin()})"
                if found
                else ""
            )
            + (f" ({due})" if due else "")
        )
    if plan.added:
        lines.append(f"(also run because selected tables need them: {', '.join(plan.added)})")
    return lines
