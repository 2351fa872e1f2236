"""Stream -> sqlglot expressions -> SQL text in a dialect. Never string templates.

Each dialect's differences are one row of RULES: how it takes column and table comments and
primary keys; its column types come from the registry of logical types (engine/spec/types.py).
sqlglot renders the rest, with unsupported SQL raising instead of warning."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

import sqlglot
from sqlglot import exp

from engine.errors import ConfigError
from engine.load.keywords import RESERVED
from engine.load.system import (
    HISTORY_COLUMNS,
    IS_CURRENT,
    current_view,
    key_columns,
    table_columns,
)
from engine.spec import Column, Stream
from engine.spec.model import Template
from engine.spec.types import DIALECTS, logical_type, sql_type


@dataclass(frozen=True)
class Rules:
    comments: str  # inline: COMMENT '...' | options: OPTIONS(description=...) |
    #                comment_on: COMMENT ON statements | none: the dialect has no comments
    primary_key: str = "inline"  # inline | not_enforced (BigQuery's only form) | none
    # none: DuckDB holds every key's index (ART) in memory, outside its memory limit's reach:
    # a declared key on a 3M-row table alone outgrows a run's memory. acx keeps keys unique
    # itself (each batch deduplicated, merged on the key), so the key stays NOT NULL only.
    if_not_exists: bool = True


RULES: dict[str, Rules] = {
    "snowflake": Rules(comments="inline"),
    "bigquery": Rules(comments="options", primary_key="not_enforced"),
    "redshift": Rules(comments="comment_on"),
    "postgres": Rules(comments="comment_on"),
    "duckdb": Rules(comments="comment_on", primary_key="none"),
    "databricks": Rules(comments="inline"),
    "mysql": Rules(comments="inline"),
    "tsql": Rules(comments="none", if_not_exists=False),
    "sqlite": Rules(comments="none"),
}
assert set(RULES) == set(DIALECTS)

_PLAIN = re.compile(r"^[a-z_][a-z0-9_]*$")


def rules(dialect: str) -> Rules:
    try:
        return RULES[dialect]
    except KeyError:
        raise ConfigError(
            f"unknown dialect '{dialect}'", f"choose one of {', '.join(sorted(RULES))}"
        ) from None


def ident(name: str) -> exp.Identifier:
    """An identifier, quoted when it must be: not plain lower-case, or a reserved word anywhere."""
    return exp.Identifier(this=name, quoted=_must_quote(name))


@functools.lru_cache(maxsize=8192)
def _must_quote(name: str) -> bool:
    return not _PLAIN.match(name) or name.upper() in RESERVED


def table_ref(stream_name: str, schema: str | None = None) -> exp.Table:
    return exp.Table(this=ident(stream_name), db=ident(schema) if schema else None)


def column_def(col: Column, dialect: str, not_null: bool = False) -> exp.ColumnDef:
    constraints = []
    if not_null:
        constraints.append(exp.ColumnConstraint(kind=exp.NotNullColumnConstraint()))
    style = rules(dialect).comments
    text = comment_text(col, dialect)
    if text and style == "inline":
        comment = exp.CommentColumnConstraint(this=exp.Literal.string(text))
        constraints.append(exp.ColumnConstraint(kind=comment))
    elif text and style == "options":
        constraints.append(exp.ColumnConstraint(kind=_description_options(text)))
    kind = sql_type(col.type, dialect, key=not_null)  # NOT NULL: a primary key column
    return exp.ColumnDef(this=ident(col.name), kind=kind, constraints=constraints or None)


def comment_text(col: Column, dialect: str) -> str:
    """A column's comment: its description, and whatever its SQL type cannot say (a MySQL
    timestamp's zone: the type's `comment_note`)."""
    note = logical_type(col.type).comment_note.get(dialect, "")
    text = col.description.strip()
    if note and text.endswith("."):
        return f"{text[:-1]}{note}."  # "When it was created (UTC)."
    return (text + note).strip()


def create_table(
    stream: Stream, dialect: str, schema: str | None = None, name: str | None = None
) -> list[exp.Expression]:
    """CREATE TABLE for a stream (named `name` when given: a table to swap in), then any
    COMMENT ON statements the dialect needs."""
    rule = rules(dialect)
    keys = key_columns(stream)
    pk = {c.name for c in keys}
    columns = table_columns(stream)
    defs: list[exp.Expression] = [column_def(c, dialect, not_null=c.name in pk) for c in columns]
    pk_names = [ident(c.name) for c in keys]
    options = [exp.var("NOT ENFORCED")] if rule.primary_key == "not_enforced" else None
    if rule.primary_key != "none":
        defs.append(exp.PrimaryKey(expressions=pk_names, options=options))
    properties = _table_comment(stream, rule)
    create = exp.Create(
        this=exp.Schema(this=table_ref(name or stream.name, schema), expressions=defs),
        kind="TABLE",
        exists=rule.if_not_exists,
        properties=properties,
    )
    return [create, *comment_statements(stream, columns, dialect, schema, name=name)]


def add_column(
    stream: Stream, col: Column, dialect: str, schema: str | None = None
) -> list[exp.Expression]:
    """ALTER TABLE ... ADD COLUMN for a column new to the spec, with its comment."""
    alter = exp.Alter(
        this=table_ref(stream.name, schema),
        kind="TABLE",
        actions=[column_def(col, dialect)],
    )
    return [alter, *comment_statements(stream, [col], dialect, schema, table=False)]


def alter_types(
    stream: Stream, columns: Iterable[Column], dialect: str, schema: str | None = None
) -> list[exp.Expression]:
    """ALTER TABLE ... ALTER COLUMN ... SET DATA TYPE, to each column's spec type (one statement
    per column: DuckDB takes one action per ALTER)."""
    return [
        exp.Alter(
            this=table_ref(stream.name, schema),
            kind="TABLE",
            actions=[exp.AlterColumn(this=ident(col.name), dtype=sql_type(col.type, dialect))],
        )
        for col in columns
    ]


def comment_statements(
    stream: Stream,
    columns: Iterable[Column],
    dialect: str,
    schema: str | None = None,
    table: bool = True,
    name: str | None = None,
) -> list[exp.Expression]:
    if rules(dialect).comments != "comment_on":
        return []
    ref = table_ref(name or stream.name, schema)
    out: list[exp.Expression] = []
    if table and stream.description:
        out.append(
            exp.Comment(this=ref, kind="TABLE", expression=exp.Literal.string(stream.description))
        )
    for col in columns:
        text = comment_text(col, dialect)
        if text:
            target = exp.Column(this=ident(col.name), table=ref.this, db=ref.args.get("db"))
            out.append(exp.Comment(this=target, kind="COLUMN", expression=exp.Literal.string(text)))
    return out


def _table_comment(stream: Stream, rule: Rules) -> exp.Properties | None:
    if not stream.description:
        return None
    if rule.comments == "inline":
        text = exp.Literal.string(stream.description)
        return exp.Properties(expressions=[exp.SchemaCommentProperty(this=text)])
    if rule.comments == "options":
        return _description_options(stream.description)
    return None


def _description_options(text: str) -> exp.Properties:
    prop = exp.Property(this=exp.var("description"), value=exp.Literal.string(text))
    return exp.Properties(expressions=[prop])


def current_view_select(stream: Stream, schema: str | None = None) -> exp.Select:
    """A history table's current versions, with the columns of a table without history."""
    names = [c.name for c in table_columns(stream) if c not in HISTORY_COLUMNS]
    current = exp.Column(this=ident(IS_CURRENT))
    return (
        exp.select(*[exp.Column(this=ident(n)) for n in names])
        .from_(table_ref(stream.name, schema))
        .where(current)
    )


def current_view_create(stream: Stream, schema: str | None = None) -> exp.Create:
    view = table_ref(current_view(stream), schema)
    select = current_view_select(stream, schema)
    return exp.Create(this=view, kind="VIEW", replace=True, expression=select)


def render(
    statements: Iterable[exp.Expression], dialect: str, pretty: bool = True, copy: bool = True
) -> list[str]:
    """SQL text; anything the dialect cannot express raises rather than being dropped. `copy`:
    False for a statement built to be run once and dropped (sqlglot's generator copies the whole
    tree first, as its dialect rewrites may change it: a third of a statement's rendering)."""
    return [
        s.sql(dialect=dialect, pretty=pretty, copy=copy, unsupported_level=sqlglot.ErrorLevel.RAISE)
        for s in statements
    ]


def ddl_script(
    streams: Iterable[Stream],
    dialect: str,
    schema: str | None = None,
    templates: Iterable[Template] = (),
) -> str:
    """Every statement for the given streams, `;`-terminated, one blank line between tables;
    then, for each table template, a note and its tables' common columns, commented out."""
    blocks = []
    for stream in streams:
        statements = create_table(stream, dialect, schema)
        if stream.history:
            statements.append(current_view_create(stream, schema))
        blocks.append("\n".join(f"{sql};" for sql in render(statements, dialect)))
    for template in templates:
        rule = template.per_row
        sql = render(create_table(template.stream, dialect, schema, name=rule.name), dialect)
        note = [
            f"-- {rule.name}: one table per row of {rule.of}, made when `acx run` starts, so",
            "-- these tables depend on the account. Each has the columns below plus one per",
            f"-- item of {rule.of}.{rule.columns.items}; `acx streams` lists the account's.",
        ]
        body = [f"-- {line}" for text in sql for line in f"{text};".splitlines()]
        blocks.append("\n".join(note + body))
    return "\n\n".join(blocks) + "\n"
