"""acx command line: parses flags, calls the engine, turns an AcxError into one line + exit code."""

from __future__ import annotations

import json
import os
import sys
import traceback
from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING, Any

import click

from engine.errors import AcxError, ConfigError, ConfigFileError, SpecError
from engine.run.interrupt import EXIT_CODE

if TYPE_CHECKING:
    from engine.report.progress import LogFormat

Decorator = Callable[[Callable[..., Any]], Callable[..., Any]]
# engine.report.progress.LOG_FORMATS, written out: the CLI starts without importing the engine
# (tests/test_progress.py checks that the two agree)
LOG_FORMATS = ("auto", "live", "text", "json")

# ---------------------------------------------------------------- options shared by commands


def spec_argument() -> Decorator:
    return click.argument("spec", type=click.Path(dir_okay=False))


def spec_option() -> Decorator:
    """For commands that default to the shipped spec (init, demo)."""
    return click.option(
        "--spec", "spec", default=None, help="Spec (default: the shipped ActiveCampaign spec)."
    )


def config_option() -> Decorator:
    return click.option(
        "--config", "config_path", default=None, help="Config file (default ./acx.toml if present)."
    )


def tables_option(
    *flags: str, help: str = "Only these tables: names or tags (comma-separated or repeated)."
) -> Decorator:
    return click.option(*(flags or ("--tables",)), "tables", multiple=True, help=help)


def dest_option(help: str, default: str = "duckdb") -> Decorator:
    return click.option("--dest", default=default, show_default=True, help=help)


def timezone_option() -> Decorator:
    """For run, check and plan."""
    return click.option(
        "--timezone",
        default=None,
        metavar="ZONE",
        help="The IANA zone in which the API writes timestamps without an offset (wins over "
        "ACX_TIMEZONE and source.timezone; unset: found from the data).",
    )


def log_format_option(help: str) -> Decorator:
    return click.option(
        "--log-format",
        type=click.Choice(LOG_FORMATS),
        default="auto",
        show_default=True,
        help=help,
    )


def output_option(
    default: str | None = None, help: str = "File to write (default: stdout)."
) -> Decorator:
    return click.option(
        "--output", "-o", default=default, show_default=default is not None, help=help
    )


def schema_option(help: str) -> Decorator:
    return click.option("--schema", "-s", default=None, help=help)


# ---------------------------------------------------------------- error handling


def layout_option() -> Decorator:
    return click.option(
        "--layout",
        default=None,
        help="How accounts share one destination: schema (a schema each) or shared (shared "
        "tables with an _acx_account column). Default: [load] layout in acx.toml, else schema.",
    )


def reports_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Print an AcxError as `acx: <message>` (every problem, one per line, for a SpecError or a
    ConfigFileError) and exit. Everything the command writes to stdout and stderr passes through
    the redactor (engine/redact.py): no line it prints, error or not, holds the API key. An
    error acx did not foresee (a bug) prints its traceback, redacted too, and exits 1."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from engine.redact import CleanStream

        streams = sys.stdout, sys.stderr
        sys.stdout, sys.stderr = CleanStream(sys.stdout), CleanStream(sys.stderr)
        try:
            return func(*args, **kwargs)
        except (SpecError, ConfigFileError) as err:
            for problem in err.problems:
                click.echo(problem, err=True)
            sys.exit(err.exit_code)
        except AcxError as err:
            click.echo(f"acx: {err}", err=True)
            sys.exit(err.exit_code)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as err:
            click.echo(traceback.format_exc().rstrip(), err=True)
            click.echo(
                f"acx: unexpected {type(err).__name__} (a bug in acx: please report it)", err=True
            )
            sys.exit(1)
        finally:
            for stream in (sys.stdout, sys.stderr):
                stream.flush()
            sys.stdout, sys.stderr = streams

    return wrapper


def ends_at_once(func: Callable[..., Any]) -> Callable[..., Any]:
    """A run stopped by Ctrl-C or SIGTERM (exit 130) leaves as soon as its line is printed: the
    threads still waiting on the network are not waited for."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except SystemExit as exc:
            if exc.code == EXIT_CODE:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(EXIT_CODE)
            raise

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="acx")
def main() -> None:
    """acx: copy a REST API (ActiveCampaign) into your warehouse, driven by a YAML spec."""
    from engine.run.process import tune_collector, tune_memory

    tune_memory()
    tune_collector()


@main.command()
@spec_argument()
@reports_errors
def validate(spec: str) -> None:
    """Check SPEC against the spec language; print every problem as file:line: path: message."""
    from engine.spec import load_spec

    loaded = load_spec(spec)
    columns = sum(len(s.columns) for s in loaded.streams)
    click.echo(f"{spec}: ok ({len(loaded.streams)} streams, {columns} columns)")


@main.command()
@spec_argument()
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@config_option()
@click.option(
    "--offline",
    is_flag=True,
    help="Do not ask the account for the tables it defines (custom objects): list templates.",
)
@reports_errors
def streams(spec: str, as_json: bool, config_path: str | None, offline: bool) -> None:
    """List the tables SPEC defines, with the account's own (custom objects) when it is set."""
    from engine.api import list_tables
    from engine.report.catalog import stream_rows

    loaded, notes = list_tables(spec, config_path, offline=offline)
    for note in notes:
        click.echo(f"acx: note: {note}", err=True)
    rows = stream_rows(loaded)
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    header = ("name", "title", "tags", "replication", "endpoint", "parent", "columns")
    table = [header] + [
        (
            r["name"],
            r["title"],
            ",".join(r["tags"]),
            r["replication"],
            r["endpoint"],
            r["parent"] or "",
            str(len(r["columns"])) + ("+" if r["template"] else ""),
        )
        for r in rows
    ]
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    for row in table:
        click.echo("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
    for r in rows:
        if r["template"]:
            made = ", ".join(r["tables"]) or "none listed"
            click.echo(
                f"\n{r['name']}: a table per row of {r['endpoint'].split('row of ')[-1][:-1]}, "
                f"with the columns above ({len(r['columns'])}) plus {r['columns_from']}; "
                f"depends on the account (in this account: {made})"
            )


@main.command()
@spec_argument()
@click.option(
    "--dialect",
    "-d",
    required=True,
    help="snowflake, bigquery, redshift, postgres, duckdb, databricks, mysql, tsql or sqlite.",
)
@schema_option("Schema (dataset) to qualify tables with.")
@tables_option("--table", "-t", help="Only this stream (repeatable).")
@layout_option()
@config_option()
@reports_errors
def ddl(
    spec: str,
    dialect: str,
    schema: str | None,
    tables: tuple[str, ...],
    layout: str | None,
    config_path: str | None,
) -> None:
    """Print CREATE TABLE statements (with column comments) for SPEC in a SQL dialect, as
    acx.toml shapes them ([tables.X] history); with layout shared (--layout or acx.toml), the
    tables' _acx_account column and key."""
    from engine.api import table_choices
    from engine.config.accounts import configured_layout, layout_of
    from engine.load.ddl import ddl_script, rules
    from engine.load.layout import shared_spec
    from engine.spec.selection import select_streams

    rules(dialect)
    loaded = table_choices(spec, config_path)
    if (layout_of(layout) if layout else configured_layout(loaded, config_path)) == "shared":
        loaded = shared_spec(loaded, "ACCOUNT")
    chosen = [n for item in tables for n in item.split(",") if n.strip()]
    picked = [t for t in loaded.templates if not chosen or {t.key, *t.stream.tags} & set(chosen)]
    names = [n for n in chosen if n not in {t.key for t in picked}]
    streams = select_streams(loaded, names) if names or not chosen else []
    click.echo(ddl_script(streams, dialect, schema, picked), nl=False)


def account_option() -> Decorator:
    return click.option(
        "--account",
        is_flag=True,
        help="Also the tables the account defines (custom objects): read with ACX_API_URL and "
        "ACX_API_KEY (or acx.toml).",
    )


def spec_for(spec: str, account: bool) -> Any:
    """The spec; with `account`, with the tables the account defines (an error if it cannot be
    asked)."""
    from engine.api import list_tables
    from engine.spec import load_spec

    if not account:
        return load_spec(spec)
    loaded, notes = list_tables(spec, required=True)
    for note in notes:
        click.echo(f"acx: warning: {note}", err=True)
    return loaded


def write_text(text: str, output: str | None) -> None:
    """To the file named by -o, else to stdout."""
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        with open(output, "w", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as exc:
        raise ConfigError(f"cannot write {output}: {exc.strerror}") from None
    click.echo(f"wrote {output}", err=True)


@main.command()
@spec_argument()
@output_option()
@reports_errors
@account_option()
def docs(spec: str, output: str | None, account: bool) -> None:
    """Print a Markdown data dictionary of every table, column and view of SPEC."""
    from engine.report.docs import data_dictionary

    write_text(data_dictionary(spec_for(spec, account)), output)


@main.command()
@spec_argument()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["mermaid", "svg"]),
    default="mermaid",
    show_default=True,
    help="Mermaid erDiagram text, or SVG drawn by Graphviz's dot (must be installed).",
)
@output_option()
@reports_errors
@account_option()
def erd(spec: str, fmt: str, output: str | None, account: bool) -> None:
    """Print the relationship chart of SPEC (parents and column references)."""
    from engine.report.erd import chart

    write_text(chart(spec_for(spec, account), fmt), output)


@main.command()
@spec_argument()
@click.option(
    "--source-name", default=None, help="dbt source name (default: the spec file's name)."
)
@schema_option("Schema the tables are in.")
@output_option()
@reports_errors
@account_option()
def dbt(
    spec: str, source_name: str | None, schema: str | None, output: str | None, account: bool
) -> None:
    """Print a dbt sources.yml for SPEC's tables, with key and relationship tests."""
    from engine.report.dbt import sources_yaml

    write_text(sources_yaml(spec_for(spec, account), source_name, schema), output)


@main.command()
@spec_argument()
@dest_option(
    "duckdb[:PATH] (default ./acx.duckdb), postgres[:TARGET], snowflake[:TARGET], "
    "parquet:DIR or jsonl:DIR."
)
@config_option()
@tables_option()
@click.option(
    "--full-refresh",
    "full_refresh",
    multiple=True,
    help="Read these tables in full and replace them (comma-separated or repeated).",
)
@click.option("--dry-run", is_flag=True, help="Print the plan; fetch and write nothing.")
@click.option(
    "--batch-rows",
    type=click.IntRange(min=1),
    default=None,
    help="Rows per staged batch (default: the destination's, 2000; Snowflake 10000).",
)
@log_format_option("Progress on stderr: auto is live on a terminal, else JSON lines.")
@click.option(
    "--custom-field-views",
    is_flag=True,
    help="After the run, (re)create the spec's views (custom fields as columns).",
)
@click.option(
    "--no-backfill",
    is_flag=True,
    help="Columns added to the spec stay NULL in rows loaded before (no full re-read to fill "
    "them).",
)
@timezone_option()
@click.option(
    "--accounts",
    default=None,
    help="Accounts of [accounts] in acx.toml to run at once (comma-separated), or 'all'. "
    "Default: every one when acx.toml has [accounts], else ACX_API_URL/ACX_API_KEY's.",
)
@layout_option()
@ends_at_once
@reports_errors
def run(
    spec: str,
    dest: str,
    config_path: str | None,
    tables: tuple[str, ...],
    full_refresh: tuple[str, ...],
    dry_run: bool,
    batch_rows: int | None,
    log_format: LogFormat,
    custom_field_views: bool,
    no_backfill: bool,
    timezone: str | None,
    accounts: str | None,
    layout: str | None,
) -> None:
    """Extract every table of SPEC (or --tables) into the destination; with [accounts] in
    acx.toml (or --accounts), every chosen account at once, each placed by its layout."""
    from engine.api import RunOptions, run_spec
    from engine.orchestrate import many_accounts, plan_accounts, run_accounts

    options = RunOptions(
        dest=dest,
        config_path=config_path,
        tables=tables,
        full_refresh=full_refresh,
        timezone=timezone,
        dry_run=dry_run,
        batch_rows=batch_rows,
        log_format=log_format,
        custom_field_views=custom_field_views,
        no_backfill=no_backfill,
    )
    echo = lambda line: click.echo(line, err=True)  # noqa: E731
    names = many_accounts(spec, config_path, accounts, layout)
    if names is False:
        code = run_spec(spec, options, echo=echo, out=click.echo)
    elif dry_run:
        code = 0
        for line in plan_accounts(spec, options, names, layout):
            click.echo(line)
    else:
        code = run_accounts(spec, options, names, layout, echo=echo, out=click.echo)
    sys.exit(code)


@main.command()
@spec_argument()
@dest_option("Where the runs loaded: duckdb[:PATH], postgres[:TARGET], snowflake[:TARGET], ...")
@config_option()
@tables_option()
@click.option(
    "--max-age",
    default=None,
    help="Fail (exit 1) a table not loaded within this long: 30m, 2h, 1d, 1w.",
)
@click.option("--json", "as_json", is_flag=True, help="One JSON document, for scripts.")
@click.option(
    "--accounts",
    default=None,
    help="Accounts of [accounts] in acx.toml (comma-separated), or 'all'. Default: every one "
    "when acx.toml has [accounts].",
)
@reports_errors
def status(
    spec: str,
    dest: str,
    config_path: str | None,
    tables: tuple[str, ...],
    max_age: str | None,
    as_json: bool,
    accounts: str | None,
) -> None:
    """Per account and table: last successful load, rows, mode, savepoint, next
    reconciliation, and how its last run ended. Exit 1 when a table's last run failed, or
    (--max-age) it is stale."""
    from datetime import datetime, timezone

    from engine.api import table_status
    from engine.orchestrate import many_accounts
    from engine.report.status import parse_age, status_lines

    age = parse_age(max_age) if max_age else None
    names = many_accounts(spec, config_path, accounts, None)
    chosen = None if names is None or names is False else names
    states = table_status(spec, dest, config_path, tables, age, accounts=chosen)
    if as_json:
        ok = all(s.problem is None for s in states)
        click.echo(json.dumps({"ok": ok, "tables": [s.as_dict() for s in states]}, indent=2))
    else:
        for line in status_lines(states, datetime.now(timezone.utc)):
            click.echo(line)
    sys.exit(1 if any(s.problem for s in states) else 0)


@main.command()
@spec_argument()
@config_option()
@tables_option()
@timezone_option()
@reports_errors
def plan(spec: str, config_path: str | None, tables: tuple[str, ...], timezone: str | None) -> None:
    """Ask the API each table's size; print the requests a full sync needs and the least time."""
    from engine.api import estimate_lines, plan_sync

    estimates, rate = plan_sync(
        spec, config_path, tables, timezone=timezone, echo=lambda line: click.echo(line, err=True)
    )
    for line in estimate_lines(estimates, rate):
        click.echo(line)


@main.command()
@spec_argument()
@tables_option("--table", "--tables", "-t")
@click.option(
    "--sample",
    type=click.IntRange(min=1),
    default=100,
    show_default=True,
    help="Records to read per table.",
)
@config_option()
@reports_errors
def fields(spec: str, tables: tuple[str, ...], sample: int, config_path: str | None) -> None:
    """Read a sample of every table; print the fields SPEC lacks as column lines to paste, and
    the declared fields that did not arrive."""
    from engine.api import sample_spec_fields
    from engine.report.fields import report_lines

    found = sample_spec_fields(
        spec, config_path, tables, sample, echo=lambda line: click.echo(line, err=True)
    )
    for line in report_lines(found):
        click.echo(line)
    sys.exit(1 if any(t.error for t in found) else 0)


@main.command()
@spec_argument()
@dest_option("Destination, as for `acx run`.")
@config_option()
@tables_option()
@timezone_option()
@reports_errors
def check(
    spec: str, dest: str, config_path: str | None, tables: tuple[str, ...], timezone: str | None
) -> None:
    """Check the URL and key, the destination, and that the key's user can read every table."""
    from engine.report.check import check_spec

    code = check_spec(
        spec,
        dest,
        config_path,
        tables,
        out=click.echo,
        timezone=timezone,
        echo=lambda line: click.echo(line, err=True),
    )
    sys.exit(code)


@main.command()
@spec_option()
@output_option("acx.toml", help="File to write.")
@click.option("--url", default=None, help="The account URL to write (else an example).")
@click.option("--force", is_flag=True, help="Replace an existing file.")
@reports_errors
def init(spec: str | None, output: str, url: str | None, force: bool) -> None:
    """Write a commented acx.toml to start from (never a key: only where to read it)."""
    from engine.api import SHIPPED_SPEC
    from engine.config.starter import next_steps, write_config
    from engine.spec import load_spec

    loaded = load_spec(spec or SHIPPED_SPEC)
    for line in next_steps(loaded, write_config(loaded, output, force, url)):
        click.echo(line)


@main.command(
    context_settings={"ignore_unknown_options": True, "allow_extra_args": True},
    add_help_option=False,
)
@click.pass_context
def sandbox(ctx: click.Context) -> None:
    """Start the local ActiveCampaign-compatible API (see `acx sandbox --help`)."""
    from sandbox.__main__ import main as sandbox_main

    sys.exit(sandbox_main(list(ctx.args)) or 0)


@main.command()
@click.option("--contacts", default=2000, show_default=True, help="Sandbox size.")
@click.option("--dest", default="duckdb:acx.duckdb", show_default=True)
@spec_option()
@log_format_option("As for `acx run`.")
@ends_at_once
@reports_errors
def demo(contacts: int, dest: str, spec: str | None, log_format: LogFormat) -> None:
    """Start the sandbox on 127.0.0.1 and load every table of the spec into DuckDB."""
    from engine.api import SHIPPED_SPEC, RunOptions, run_spec
    from sandbox import Sandbox  # the demo's wiring lives here: the engine knows no sandbox

    def echo(line: str) -> None:
        click.echo(line, err=True)

    key = "demo-" + os.urandom(8).hex()
    with Sandbox(contacts=contacts, api_key=key) as sb:
        echo(f"sandbox on {sb.url} with {contacts} contacts; loading into {dest}")
        env = {**os.environ, "ACX_API_URL": sb.url, "ACX_API_KEY": key}
        options = RunOptions(dest=dest, log_format=log_format)
        code = run_spec(str(spec or SHIPPED_SPEC), options, echo=echo, out=click.echo, env=env)
    sys.exit(code)


if __name__ == "__main__":
    main()
