"""Table templates made into tables (`table_per_row`): each row of the template's `of` stream, as
the API sent it, becomes a stream of its own, named and pointed at its endpoint by the row, with
the template's columns plus one column per item of the row's list (a custom object schema's
fields). Pure: the rows come from whoever read them (engine/read/discover.py)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import quote

import jmespath

from engine.spec.model import (
    PLACEHOLDER,
    ROW_PREFIX,
    Column,
    ColumnsFrom,
    Spec,
    Stream,
    Template,
)
from engine.spec.naming import warehouse_name

_NOT_WORD = re.compile(r"[^A-Za-z0-9_]+")


@dataclass(frozen=True)
class Expanded:
    spec: Spec  # the spec with the templates' tables among its streams
    warnings: tuple[str, ...]  # rows that made no table, and why


def expand(spec: Spec, rows: Mapping[str, Sequence[dict[str, Any]]]) -> Expanded:
    """`spec` with one stream per row of each template's `of` stream (`rows`: by stream key, the
    records as the API sent them), after the spec's own streams, in row order."""
    streams = list(spec.streams)
    taken = {s.key for s in streams} | {s.name.lower() for s in streams}
    warnings: list[str] = []
    for template in spec.templates:
        for row in rows.get(template.per_row.of, ()):
            made = _table(spec, template, row)
            if isinstance(made, str):
                warnings.append(made)
            elif made.key in taken or made.name.lower() in taken:
                warnings.append(
                    f"{template.key}: a row of {template.per_row.of} makes the table "
                    f"'{made.key}', which already exists: the row is not loaded"
                )
            else:
                streams.append(made)
                taken |= {made.key, made.name.lower()}
    return Expanded(replace(spec, streams=tuple(streams)), tuple(warnings))


def identifier(text: str) -> str:
    """Text as a spec key: runs of characters other than letters, digits and `_` become `_`."""
    return _NOT_WORD.sub("_", text).strip("_") or "_"


def fill(text: str, row: dict[str, Any], quoted: bool = False) -> str | None:
    """`text` with each `{row.<JMESPath>}` replaced by the row's value (URL-quoted when
    `quoted`); None when the row has no value for one of them."""
    out, at = [], 0
    for match in PLACEHOLDER.finditer(text):
        holder = match.group(1)
        if not holder.startswith(ROW_PREFIX):
            continue
        value = jmespath.search(holder[len(ROW_PREFIX) :], row)
        if value is None or value == "":
            return None
        shown = str(value)
        out += [text[at : match.start()], quote(shown, safe="") if quoted else shown]
        at = match.end()
    out.append(text[at:])
    return "".join(out)


def _table(spec: Spec, template: Template, row: dict[str, Any]) -> Stream | str:
    """The row's table, or why the row makes none."""
    proto, rule = template.stream, template.per_row
    name = fill(rule.name, row)
    endpoint = fill(proto.endpoint or "", row, quoted=True)
    if name is None or endpoint is None:
        return (
            f"{template.key}: a row of {rule.of} lacks a value the table's name or endpoint "
            f"needs ({rule.name}, {proto.endpoint}): no table made for it"
        )
    key = identifier(name)
    columns, notes = _columns(spec, proto, rule.columns, row)
    return replace(
        proto,
        key=key,
        name=warehouse_name(key, spec.naming),
        title=fill(proto.title, row) or key,
        description=fill(proto.description, row) or proto.description,
        endpoint=endpoint,
        columns=columns,
        tags=(*proto.tags, template.key),
        template=template.key,
        notes=tuple(notes),
    )


def _columns(
    spec: Spec, proto: Stream, rule: ColumnsFrom, row: dict[str, Any]
) -> tuple[tuple[Column, ...], list[str]]:
    """The template's columns, then one per item of the row's list."""
    columns = list(proto.columns)
    taken = {c.key for c in columns} | {c.name for c in columns}
    types = dict(rule.types)
    notes: list[str] = []
    items = jmespath.search(rule.items, row)
    for item in items if isinstance(items, list) else ():
        if not isinstance(item, dict):
            continue
        if rule.skip and jmespath.search(rule.skip, item) is True:
            continue
        raw_key = item.get(rule.key)
        if raw_key is None or raw_key == "":
            notes.append(f"an item of {rule.items} has no '{rule.key}': no column made for it")
            continue
        key = identifier(str(raw_key))
        if key in taken or warehouse_name(key, spec.naming) in taken:
            notes.append(f"field '{raw_key}' is loaded as column '{key}_field' ('{key}' is taken)")
            key += "_field"
        kind = item.get(rule.kind)
        logical = types.get(str(kind))
        if logical is None:
            logical = rule.default_type
            notes.append(
                f"field '{raw_key}' is of kind {kind!r}, which the spec does not map: "
                f"loaded as {logical}"
            )
        label = jmespath.search(rule.description, item)
        field_path = rule.value.replace("{key}", _literal(str(raw_key)))
        columns.append(
            Column(
                key=key,
                name=warehouse_name(key, spec.naming),
                type=logical,
                description=f"{label or raw_key} (a {kind} field)",
                field=field_path,
                timezone=rule.timezone,
                expr=jmespath.compile(field_path),
            )
        )
        taken |= {key, warehouse_name(key, spec.naming)}
    return tuple(columns), notes


def _literal(text: str) -> str:
    """Text for inside a JMESPath raw string literal ('...'), where only a quote is escaped."""
    return text.replace("'", "\\'")
