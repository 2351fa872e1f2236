"""Custom-field views (`views:` in the spec): a base table with one column per custom field,
pivoted from (row, field, value) rows, built as sqlglot expressions in the destination's dialect.

The columns come from the field metadata *in the warehouse*, so the views are made after a run has
committed its tables (`acx run --custom-field-views`). The SELECT aggregates the values per base
row in a subquery and left-joins it to the base table:

    SELECT b.*, p.industry, p.employees
    FROM accounts AS b
    LEFT JOIN (SELECT v.account_id AS _acx_row,
                      MAX(CASE WHEN v.custom_field_id = 1 THEN v.field_value END) AS industry, ...
               FROM account_custom_field_data AS v GROUP BY v.account_id) AS p
      ON p._acx_row = b.id

which is the `GROUP BY base.*` pivot written so that every warehouse accepts it (Postgres groups
by a table's columns only through its primary key)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlglot import exp

from engine.errors import AcxError
from engine.load.base import Destination, SqlDestination
from engine.load.ddl import ident
from engine.load.sqlbuild import col, tbl
from engine.run.events import Emit, event
from engine.run.results import Outcome
from engine.spec import Spec, Stream, View
from engine.spec.naming import warehouse_name
from engine.spec.types import ORDERED_TYPES, sql_type

ROW = "_acx_row"  # the subquery's copy of the row key; never a view column
MAX_NAME_BYTES = 63  # the shortest identifier limit of the warehouses acx writes (Postgres)
_NON_WORD = re.compile(r"\W+")


@dataclass(frozen=True)
class Field:
    id: Any
    label: str | None


@dataclass(frozen=True)
class ViewOutcome:
    name: str
    status: Outcome
    columns: tuple[str, ...] = ()  # the field columns, in order
    note: str = ""


def label_name(label: str | None, rule: str) -> str:
    """A field label as a column name: the naming rule, then runs of non-word characters as `_`
    (`Annual revenue` -> `annual_revenue`); `preserve` keeps the label (quoted where needed)."""
    text = " ".join(str(label or "").split())
    if rule != "preserve":
        text = _NON_WORD.sub("_", warehouse_name(text, rule)).strip("_")
    return _truncate(text)


def _truncate(name: str) -> str:
    data = name.encode("utf-8")
    if len(data) <= MAX_NAME_BYTES:
        return name
    return data[:MAX_NAME_BYTES].decode("utf-8", errors="ignore").rstrip("_")


def column_names(fields: Sequence[Field], taken: Iterable[str], rule: str) -> list[str]:
    """One unique column name per field: its label's name, else (empty, or taken by a base
    column or an earlier field) `field_<id>`. Compared case-insensitively, as warehouses do."""
    seen = {t.lower() for t in taken} | {ROW}
    out = []
    for f in fields:
        name = label_name(f.label, rule)
        if not name or name.lower() in seen:
            stem = "field_" + _NON_WORD.sub("_", str(f.id)).strip("_")
            name, n = stem, 2
            while name.lower() in seen:
                name, n = f"{stem}_{n}", n + 1
        seen.add(name.lower())
        out.append(name)
    return out


def fields_query(spec: Spec, view: View, schema: str | None) -> exp.Select:
    """SELECT id, label FROM fields WHERE id IS NOT NULL ORDER BY id."""
    fields = spec.stream(view.fields)
    key = col(fields.column(view.field_id).name)
    return (
        exp.select(key, col(fields.column(view.label).name))
        .from_(tbl(fields.name, schema))
        .where(exp.Not(this=exp.Is(this=key.copy(), expression=exp.Null())))
        .order_by(key.copy())
    )


def value_expression(values: Stream, view: View, dialect: str) -> exp.Expression:
    """The value of one `values` row: the column as it is, or the first non-NULL as text."""
    columns = [values.column(k) for k in view.value]
    if len(columns) == 1 and columns[0].type in ORDERED_TYPES:  # every warehouse can MAX() it
        return col(columns[0].name, "v")
    text = [exp.Cast(this=col(c.name, "v"), to=sql_type("text", dialect)) for c in columns]
    return text[0] if len(text) == 1 else exp.Coalesce(this=text[0], expressions=text[1:])


def pivot_select(
    spec: Spec,
    view: View,
    fields: Sequence[Field],
    names: Sequence[str],
    dialect: str,
    schema: str | None = None,
) -> exp.Select:
    """SELECT b.*, p.<name>... FROM base b LEFT JOIN (values pivoted per row) p ON p.row = b.key."""
    base, values = spec.stream(view.base), spec.stream(view.values)
    row = col(values.column(view.row_key).name, "v")
    field = values.column(view.field_key).name
    value = value_expression(values, view, dialect)
    star = exp.Column(this=exp.Star(), table=exp.to_identifier("b"))
    outer = exp.select(star).from_(tbl(base.name, schema, "b"))
    if not fields:
        return outer
    pivots = [
        exp.alias_(pivot(col(field, "v"), f.id, value), ident(name))
        for f, name in zip(fields, names, strict=True)
    ]
    inner = (
        exp.select(exp.alias_(row, ident(ROW)), *pivots)
        .from_(tbl(values.name, schema, "v"))
        .group_by(row.copy())
    )
    key = col(base.column(base.primary_key[0]).name, "b")
    return outer.select(*[col(n, "p") for n in names]).join(
        inner.subquery("p"), on=exp.EQ(this=col(ROW, "p"), expression=key), join_type="left"
    )


def pivot(field: exp.Expression, field_id: Any, value: exp.Expression) -> exp.Expression:
    """MAX(CASE WHEN <field> = <id> THEN <value> END): the row's value for one field."""
    when = exp.If(this=exp.EQ(this=field, expression=exp.convert(field_id)), true=value.copy())
    return exp.Max(this=exp.Case(ifs=[when]))


def refresh_views(
    spec: Spec, destination: Destination, emit: Emit = lambda ev: None
) -> list[ViewOutcome]:
    """(Re)create every view of the spec from the tables in the destination; one `view_done`
    event per view (view, status, columns, note)."""
    if not isinstance(destination, SqlDestination):
        note = f"{destination.describe()} writes files, not SQL tables: no views"
        outcomes = [ViewOutcome(v.key, "skipped", note=note) for v in spec.views]
    else:
        outcomes = [refresh_view(spec, view, destination) for view in spec.views]
    for o in outcomes:
        emit(event("view_done", view=o.name, status=o.status, columns=list(o.columns), note=o.note))
    return outcomes


def refresh_view(spec: Spec, view: View, dest: SqlDestination) -> ViewOutcome:
    streams = [spec.stream(k) for k in (view.base, view.values, view.fields)]
    try:
        existing = {s.name: dest.existing_columns(s.name) for s in streams}
        missing = [name for name, cols in existing.items() if cols is None]
        if missing:
            tables = "table" + ("s" if len(missing) > 1 else "")
            note = f"{tables} {', '.join(missing)} not loaded yet"
            return ViewOutcome(view.key, "skipped", note=note)
        rows = dest.execute(dest.sql(fields_query(spec, view, dest.schema)))
        fields = [Field(r[0], None if r[1] is None else str(r[1])) for r in rows]
        names = column_names(fields, existing[streams[0].name] or {}, spec.naming)
        select = pivot_select(spec, view, fields, names, dest.dialect, dest.schema)
        dest.create_view(view.key, select)
    except AcxError as err:
        return ViewOutcome(view.key, "failed", note=str(err))
    return ViewOutcome(view.key, "ok", tuple(names))


def outcome_lines(outcomes: Iterable[ViewOutcome]) -> list[str]:
    lines = []
    for o in outcomes:
        if o.status == "ok":
            lines.append(f"view {o.name}: {len(o.columns)} custom field column(s)")
        else:
            lines.append(f"view {o.name}: {o.status}: {o.note}")
    return lines
