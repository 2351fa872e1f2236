"""acx command line: parses flags, calls the engine, turns an AcxError into one line + exit code."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from functools import wraps
from typing import Any

import click

from engine.errors import AcxError, SpecError


def reports_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Print an AcxError as `acx: <message>` (every problem for a SpecError) and exit."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except SpecError as err:
            for problem in err.problems:
                click.echo(problem, err=True)
            sys.exit(err.exit_code)
        except AcxError as err:
            click.echo(f"acx: {err}", err=True)
            sys.exit(err.exit_code)

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="acx")
def main() -> None:
    """acx: copy a REST API (ActiveCampaign) into your warehouse, driven by a YAML spec."""
    from engine.process import tune_memory

    tune_memory()


@main.command()
@click.argument("spec", type=click.Path(dir_okay=False))
@reports_errors
def validate(spec: str) -> None:
    """Check SPEC against the spec language; print every problem as file:line: path: message."""
    from engine.spec import load_spec

    loaded = load_spec(spec)
    columns = sum(len(s.columns) for s in loaded.streams)
    click.echo(f"{spec}: ok ({len(loaded.streams)} streams, {columns} columns)")


@main.command()
@click.argument("spec", type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@reports_errors
def streams(spec: str, as_json: bool) -> None:
    """List the tables SPEC defines."""
    from engine.catalog import stream_rows
    from engine.spec import load_spec

    rows = stream_rows(load_spec(spec))
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    header = ("name", "title", "replication", "endpoint", "parent", "columns")
    table = [header] + [
        (
            r["name"],
            r["title"],
            r["replication"],
            r["endpoint"],
            r["parent"] or "",
            str(len(r["columns"])),
        )
        for r in rows
    ]
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    for row in table:
        click.echo("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())


@main.command()
@click.argument("spec", type=click.Path(dir_okay=False))
@click.option(
    "--dialect",
    "-d",
    required=True,
    help="snowflake, bigquery, redshift, postgres, duckdb, databricks, mysql, tsql or sqlite.",
)
@click.option("--schema", "-s", default=None, help="Schema (dataset) to qualify tables with.")
@click.option("--table", "-t", "tables", multiple=True, help="Only this stream (repeatable).")
@reports_errors
def ddl(spec: str, dialect: str, schema: str | None, tables: tuple[str, ...]) -> None:
    """Print CREATE TABLE statements (with column comments) for SPEC in a SQL dialect."""
    from engine.ddl import ddl_script, rules
    from engine.selection import select_streams
    from engine.spec import load_spec

    rules(dialect)
    loaded = load_spec(spec)
    click.echo(ddl_script(select_streams(loaded, tables), dialect, schema), nl=False)


@main.command()
@click.argument("spec", type=click.Path(dir_okay=False))
@click.option(
    "--dest",
    default="duckdb",
    show_default=True,
    help="Destination: duckdb[:PATH] (default ./acx.duckdb).",
)
@click.option(
    "--config", "config_path", default=None, help="Config file (default ./acx.toml if present)."
)
@click.option(
    "--tables", "tables", multiple=True, help="Only these tables (comma-separated or repeated)."
)
@click.option(
    "--full-refresh",
    "full_refresh",
    multiple=True,
    help="Read these tables in full and replace them (comma-separated or repeated).",
)
@click.option("--dry-run", is_flag=True, help="Print the plan; fetch and write nothing.")
@click.option("--batch-rows", default=5_000, show_default=True, help="Rows per staged batch.")
@reports_errors
def run(
    spec: str,
    dest: str,
    config_path: str | None,
    tables: tuple[str, ...],
    full_refresh: tuple[str, ...],
    dry_run: bool,
    batch_rows: int,
) -> None:
    """Extract every table of SPEC (or --tables) into the destination."""
    from engine.api import run_spec

    code = run_spec(
        spec,
        dest,
        config_path,
        tables,
        full_refresh,
        dry_run,
        batch_rows,
        echo=lambda line: click.echo(line, err=True),
        out=click.echo,
    )
    sys.exit(code)


@main.command()
@click.argument("spec", type=click.Path(dir_okay=False))
@click.option(
    "--config", "config_path", default=None, help="Config file (default ./acx.toml if present)."
)
@click.option(
    "--tables", "tables", multiple=True, help="Only these tables (comma-separated or repeated)."
)
@reports_errors
def plan(spec: str, config_path: str | None, tables: tuple[str, ...]) -> None:
    """Ask the API each table's size; print the requests a full sync needs and the least time."""
    from engine.api import estimate_lines, plan_sync

    estimates, rate = plan_sync(spec, config_path, tables)
    for line in estimate_lines(estimates, rate):
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
@click.option(
    "--spec", "spec", default=None, help="Spec (default: the shipped ActiveCampaign spec)."
)
@reports_errors
def demo(contacts: int, dest: str, spec: str | None) -> None:
    """Start the sandbox on 127.0.0.1 and load every table of the spec into DuckDB."""
    from engine.api import run_demo

    sys.exit(
        run_demo(contacts, dest, spec, echo=lambda line: click.echo(line, err=True), out=click.echo)
    )


if __name__ == "__main__":
    main()
