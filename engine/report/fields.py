"""`acx fields`: read a page or two of every table and print the fields the spec lacks as
column lines ready to paste into the spec (type inferred from the values), and the declared
fields that did not arrive. The user's path for "add a field": run it, paste, `acx validate`.

Requests go through a check's Client (quick retries) and the spec's paginators, with the
stream's own params (side-loads included) and no incremental filter; fed tables are read from
their root's responses as a run reads them; a per-parent endpoint is read for the first rows of
its parent's sample."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

import yaml

from engine.errors import AcxError, ApiError
from engine.http.client import Ask, Client
from engine.read.drift import FieldTally
from engine.read.paginators import make_paginator
from engine.read.records import RowBuilder
from engine.run.plan import Group, Plan
from engine.spec import Spec, Stream, quote_field
from engine.spec.naming import warehouse_name

DEFAULT_SAMPLE = 100  # records per table
PARENTS = 2  # parent rows a per-parent endpoint is read for, at most
INDENT = " " * 6  # a column line's indent in specs/activecampaign.yaml
DESCRIPTION = "TODO describe"  # validates, and stands out until the user writes one
KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")  # schemas/spec.schema.json, columns.propertyNames

SampledPage = tuple[dict[str, Any], list[dict[str, Any]], Any]  # body, root records, parent row

# A value's kind, by the first pattern its text matches whole. Ids and counts arrive as numeric
# strings ("112"); zero dates ("0000-00-00 00:00:00") are timestamps/dates that load as NULL; a
# leading zero ("007") or more digits than a BIGINT holds is text (as responses recorded from live
# accounts show).
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("bit", re.compile(r"[01]")),
    ("integer", re.compile(r"-?(0|[1-9][0-9]{0,17})")),
    ("float", re.compile(r"-?[0-9]+\.[0-9]+")),
    (
        "timestamp",
        re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?"),
    ),
    ("date", re.compile(r"\d{4}-\d{2}-\d{2}")),
)
# Two kinds seen in one field: the type that holds both; any other mix is text. Fractional
# numbers are float, as the spec types money and percentages (custom field currency, percent).
WIDER: dict[frozenset[str], str] = {
    frozenset({"integer", "float"}): "float",
    frozenset({"date", "timestamp"}): "timestamp",
    frozenset({"bit", "boolean"}): "boolean",  # email_empty: false here, "0" there
    frozenset({"bit", "integer"}): "integer",
    frozenset({"bit", "float"}): "float",
}
NAMED = {"bit": "integer"}  # 0/1 flags are integers in the spec


@dataclass(frozen=True)
class NewColumn:
    """A column the spec lacks, as one line of YAML."""

    key: str
    api_field: str
    type: str
    example: str | None  # the first non-null value, as short JSON; None when every one was null
    records: int

    def line(self) -> str:
        parts = [f"type: {self.type}", f"description: {DESCRIPTION}"]
        if quote_field(self.key) != quote_field(self.api_field):
            parts.insert(
                0, f"field: {_single_quoted(json.dumps(self.api_field, ensure_ascii=False))}"
            )
        note = f"e.g. {self.example}" if self.example else f"null in all {self.records} records"
        return f"{INDENT}{_yaml_key(self.key)}: {{{', '.join(parts)}}}  # {note}"


@dataclass
class TableFields:
    """What the sample of one table showed."""

    key: str
    read: str = ""  # how it was read, e.g. "GET /contacts: 1 page"
    tally: FieldTally | None = None
    new: list[NewColumn] = field(default_factory=list)
    error: str | None = None  # the table could not be read
    note: str | None = None  # why there is nothing to compare

    @property
    def records(self) -> int:
        return self.tally.records if self.tally else 0


def sample_fields(
    spec: Spec, plan: Plan, client: Client, sample: int = DEFAULT_SAMPLE
) -> list[TableFields]:
    """One TableFields per selected table, in plan order."""
    wanted = set(plan.selected)
    parent_keys = {g.fan_out.key for g in plan.groups if g.fan_out is not None}
    parent_rows: dict[str, list[dict[str, Any]]] = {}
    unread: set[str] = set()  # tables whose sample could not be read
    out: list[TableFields] = []
    for group in plan.groups:
        members = [s for s in group.members if s.key in wanted]
        if group.fan_out is not None and group.fan_out.key in unread:
            reason = f"its parent table {group.fan_out.key} could not be read"
            out += [TableFields(s.key, note=reason) for s in members]
            continue
        try:
            pages, read = _read_group(group, client, sample, parent_rows)
        except AcxError as err:
            stop = _account_error(client, err)
            if stop is not None:
                raise stop from None
            unread.update(group.keys)
            out += [TableFields(s.key, error=str(err)) for s in members]
            continue
        results = _tally_group(spec, group, pages, read, parent_keys, parent_rows)
        unread.update(r.key for r in results if r.error is not None)
        out += [r for r in results if r.key in wanted]
    return out


def _account_error(client: Client, err: AcxError) -> ApiError | None:
    """A refused key or an account that never answers fails every table: say it once."""
    if isinstance(err, ApiError) and (err.status in (401, 403) or err.unreachable):
        return client.check()
    return None


def _read_group(
    group: Group, client: Client, sample: int, parent_rows: dict[str, list[dict[str, Any]]]
) -> tuple[list[SampledPage], str]:
    """Pages of the root until `sample` records (or the last page); per-parent endpoints for
    the first parent rows whose values fill the endpoint."""
    root = group.root
    endpoint = root.endpoint or ""
    if group.fan_out is None:
        series: list[tuple[str, Any]] = [(endpoint, None)]
    else:
        rows = parent_rows.get(group.fan_out.key, [])
        filled = ((root.path_for(row), row) for row in rows)
        series = [(path, row) for path, row in filled if path is not None][:PARENTS]
        if not series:
            return [], f"no {group.fan_out.key} row in the sample to read it through"
    pages: list[SampledPage] = []
    read: list[str] = []
    got = 0
    for path, parent in series:
        got += _read_series(root, client, path, parent, sample - got, pages)
        read.append(path)
        if got >= sample:
            break
    return pages, f"GET {', '.join(read)}: {_count(len(pages), 'page')}"


def _read_series(
    root: Stream, client: Client, path: str, parent: Any, want: int, pages: list[SampledPage]
) -> int:
    paging = root.paging
    if paging is not None and paging.limit:
        paging = replace(paging, limit=max(1, min(want, paging.limit)))
    where = f"table {root.key}" + (f" ({path})" if parent is not None else "")
    pager = make_paginator(paging, where)
    builder = RowBuilder(root)
    ask = Ask(root.key, root.permission)
    got = 0
    while True:
        body = client.get(path, [*root.params, *pager.params()], ask)
        records = builder.records(body, where)
        pages.append((body, records, parent))
        got += len(records)
        if not pager.advance(body, records) or got >= want:
            return got


def _tally_group(
    spec: Spec,
    group: Group,
    pages: list[SampledPage],
    read: str,
    parent_keys: set[str],
    parent_rows: dict[str, list[dict[str, Any]]],
) -> list[TableFields]:
    """Records of every member as a run sees them (feeders first), counted per table."""
    root = group.root
    builders = {s.key: RowBuilder(s) for s in group.members}
    tallies = {s.key: FieldTally(s, spec) for s in group.members}
    sampled: dict[str, list[dict[str, Any]]] = {s.key: [] for s in group.members}
    failed: dict[str, str] = {}  # member -> why its records could not be read
    for body, root_records, parent in pages:
        kept: dict[str, list[dict[str, Any]]] = {}
        for s in group.members:
            b = builders[s.key]
            if s.from_ in failed:
                failed.setdefault(s.key, f"its feeding table {s.from_} could not be read")
            kept[s.key] = []
            if s.key in failed:
                continue
            try:
                records = _member_records(s, b, body, root_records, kept)
            except AcxError as err:
                failed[s.key] = str(err)
                continue
            kept[s.key] = [r for r in records if b.keep(r)]
            tallies[s.key].observe(kept[s.key])
            sampled[s.key] += kept[s.key]
            if s.key in parent_keys:
                row_parent = parent if s is root else None
                parent_rows.setdefault(s.key, []).extend(b.rows(body, kept[s.key], row_parent))
    out = []
    for s in group.members:
        how = read if s is root else f"from the {root.key} sample"
        result = TableFields(s.key, how, tallies[s.key], error=failed.get(s.key))
        if result.error is None:
            result.note = _why_empty(s, builders[s.key], pages, read, sampled[s.key])
        if result.error is None and result.note is None:
            result.new = new_columns(s, tallies[s.key], sampled[s.key], spec.naming)
        out.append(result)
    return out


def _why_empty(
    s: Stream, builder: RowBuilder, pages: list[SampledPage], read: str, sampled: list[Any]
) -> str | None:
    """Why the sample holds no record of the table; None when it holds some."""
    if not pages:
        return read  # a per-parent endpoint without a parent row to read it for
    if sampled:
        return None
    if s.fed and s.records and builder.missing_pages == len(pages):
        return f"the responses had no '{s.records}' array"
    return "no records in the sample"


def _member_records(
    s: Stream,
    builder: RowBuilder,
    body: dict[str, Any],
    root_records: list[dict[str, Any]],
    kept: dict[str, list[dict[str, Any]]],
) -> list[dict[str, Any]]:
    """A member's records in one page, as a run reads them."""
    if not s.fed:
        return root_records
    if s.records:
        return builder.records(body, f"table {s.key}")
    return builder.nested_records(kept.get(s.from_ or "", []), f"table {s.key}")


def new_columns(
    stream: Stream, tally: FieldTally, records: list[dict[str, Any]], naming: str
) -> list[NewColumn]:
    """A column per undeclared field, keyed so that neither its key nor its warehouse name
    collides with a column of the stream (or an earlier new one)."""
    keys = {c.key for c in stream.columns}
    names = {c.name.lower() for c in stream.columns}
    out = []
    for api_field in tally.undeclared():
        key = _free_key(_as_key(api_field), keys, names, naming)
        keys.add(key)
        names.add(warehouse_name(key, naming).lower())
        kind = infer_type(r.get(api_field) for r in records)
        out.append(NewColumn(key, api_field, kind, tally.sample(api_field), len(records)))
    return out


def infer_type(values: Iterable[Any]) -> str:
    """The spec's logical type holding every value; text when none is non-null."""
    kinds = {kind_of(v) for v in values if v is not None and v != ""}
    if not kinds:
        return "text"
    if len(kinds) == 1:
        kind = kinds.pop()
        return NAMED.get(kind, kind)
    return WIDER.get(frozenset(kinds), "text")


def kind_of(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (dict, list)):
        return "json"
    if isinstance(value, int):
        return "bit" if value in (0, 1) else "integer"
    if isinstance(value, float):
        return "float"
    text = str(value)
    return next((kind for kind, pattern in PATTERNS if pattern.fullmatch(text)), "text")


def report_lines(tables: list[TableFields]) -> list[str]:
    """Comment lines (`# ...`) around the column lines, so a pasted block stays valid YAML."""
    lines: list[str] = []
    for t in tables:
        if lines:
            lines.append("")
        if t.error is not None:
            lines.append(f"# {t.key}: not read: {t.error}")
            continue
        if t.note is not None or t.tally is None:
            lines.append(f"# {t.key}: nothing to compare: {t.note}")
            continue
        lines.append(f"# {t.key}: {_count(t.records, 'record')} sampled ({t.read})")
        if t.new:
            lines.append(
                f"# {_count(len(t.new), 'field')} the spec does not declare; "
                f"paste under streams.{t.key}.columns:"
            )
            lines += [c.line() for c in t.new]
        else:
            lines.append("# every field in the sample is declared")
        unseen = t.tally.never_seen()
        if unseen:
            lines.append(
                f"# {_count(len(unseen), 'declared field')} not in any sampled record: "
                + ", ".join(u.text() for u in unseen)
            )
    return lines


def _as_key(api_field: str) -> str:
    """The field name when it is a valid column key; else one made from it."""
    if KEY.fullmatch(api_field):
        return api_field
    key = re.sub(r"[^A-Za-z0-9_]+", "_", api_field).strip("_") or "field"
    return key if KEY.fullmatch(key) else "f_" + key


def _free_key(key: str, keys: set[str], names: set[str], naming: str) -> str:
    candidate, n = key, 1
    while candidate in keys or warehouse_name(candidate, naming).lower() in names:
        n += 1
        candidate = f"{key}_{n}"
    return candidate


def _yaml_key(key: str) -> str:
    """Quoted when YAML would read it as something else (`on`, `yes`, `null`)."""
    return key if yaml.safe_load(key) == key else f'"{key}"'


def _single_quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")
