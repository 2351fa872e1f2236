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


if __name__ == "__main__":
    main()
