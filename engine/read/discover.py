"""The tables an account defines (a spec's table templates, `table_per_row`): the rows of each
template's `of` stream are read, page after page, before the run plans, and each row made a
table (engine/spec/expand.py). The first page read is handed to the run, which would ask for
the same page first, so discovering costs no request a run would not make."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from engine.errors import AcxError
from engine.http.client import Ask, Client
from engine.read.paginators import make_paginator
from engine.read.records import RowBuilder
from engine.spec import Spec
from engine.spec.expand import expand
from engine.spec.selection import tags

Params = list[tuple[str, str]]


@dataclass
class Discovery:
    spec: Spec  # with the account's tables among its streams
    client: Client | None = None  # the client that read them, for the run to go on with
    first_pages: dict[str, tuple[Params, dict[str, Any]]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)  # for the run summary
    found: dict[str, list[str]] = field(default_factory=dict)  # template -> its tables


def wanted(spec: Spec, names: Iterable[str]) -> bool:
    """Whether a choice of tables may include a template's tables: no choice (everything), a
    template's key or tag, or a name the spec's own tables and tags do not know."""
    chosen = [n.strip() for item in names for n in item.split(",") if n.strip()]
    if not spec.templates:
        return False
    if not chosen:
        return True
    known = set(spec.keys) | {s.name for s in spec.streams} | set(tags(spec))
    words = {w for t in spec.templates for w in (t.key, *t.stream.tags)}
    return any(n in words or n not in known for n in chosen)


def discover(spec: Spec, client: Client) -> Discovery:
    """The spec with each template's tables, from the rows of its `of` stream. A list that
    cannot be read (a plan without custom objects answers 403) makes no tables and a warning;
    the run then meets the same error on that table alone."""
    rows: dict[str, list[dict[str, Any]]] = {}
    out = Discovery(spec, client=client)
    for template in spec.templates:
        of = template.per_row.of
        if of in rows:
            continue
        try:
            rows[of] = _read_all(spec, of, client, out)
        except AcxError as err:
            rows[of] = []
            out.warnings.append(
                f"{template.key}: the account's tables could not be listed from {of} "
                f"({err.message}): none of them is loaded this run"
            )
    expanded = expand(spec, rows)
    out.spec = expanded.spec
    out.warnings += expanded.warnings
    for s in expanded.spec.streams:
        if s.template is not None:
            out.found.setdefault(s.template, []).append(s.key)
    return out


def _read_all(spec: Spec, key: str, client: Client, out: Discovery) -> list[dict[str, Any]]:
    """Every record of stream `key`, as the API sent it; its first page kept for the run."""
    stream = spec.stream(key)
    where = f"table {key}"
    pager = make_paginator(stream.paging, where)
    builder = RowBuilder(stream)
    ask = Ask(stream.key, stream.permission)
    params = list(stream.params)
    records: list[dict[str, Any]] = []
    while True:
        at = pager.position
        body = client.get(stream.endpoint or "", [*params, *pager.params_at(at)], ask)
        if not records and key not in out.first_pages:
            out.first_pages[key] = (params, body)
        page = builder.records(body, where)
        records += page
        if not pager.settle(at, body, page):
            return records
