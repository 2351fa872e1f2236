"""The spec as frozen dataclasses: what the rest of the engine reads, built from a valid spec."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from dataclasses import field as dc_field
from typing import Any
from urllib.parse import quote

from jmespath.parser import ParsedResult

from engine.spec.types import LOGICAL_TYPES as LOGICAL_TYPES  # the registry's words

PLACEHOLDER_PREFIX = "parent."
ROW_PREFIX = "row."  # `{row.<field>}` in a table template (`table_per_row`), filled per row
PLACEHOLDER = re.compile(r"\{([^{}]*)\}")  # `{parent.id}` in an endpoint
# The paging kinds of the spec language and the keys each needs beside `kind`, checked before
# anything is built (engine/spec/validate.py). Data here because validation sits below the
# paginators (engine/read/paginators.py: one class per word, everything else a kind does); a
# test holds these words, the paginator registry and the schema's enum equal.
PAGING_NEEDS: dict[str, tuple[str, ...]] = {
    "offset": ("limit",),
    "keyset": ("limit", "param", "field"),
    "single": (),
}


@dataclass(frozen=True)
class Column:
    key: str
    name: str
    type: str
    description: str
    field: str
    references: tuple[str, str] | None = None
    timezone: str = "account"
    aliases: tuple[str, ...] = ()  # other names of the field: the first the record has wins
    same_instant_as: str | None = None  # the column holding this moment with an offset
    expr: ParsedResult = dc_field(compare=False, repr=False, default=None)  # type: ignore[assignment]


@dataclass(frozen=True)
class Paging:
    kind: str
    limit: int | None = None
    limit_param: str = "limit"
    offset_param: str = "offset"
    total: str | None = None
    param: str | None = None
    field: str | None = None


@dataclass(frozen=True)
class Filter:
    param: str
    format: str


@dataclass(frozen=True)
class Replication:
    mode: str | None  # None for streams fed by another: they follow it
    selectable: bool = False
    cursor: str | None = None
    filter: Filter | None = None
    update_window_days: int = 0
    # what happens to a row whose key a read of the whole table no longer finds: "soft" marks
    # it (_acx_deleted_at), "hard" removes it; fed streams follow their root
    deletes: str = "soft"
    # an incremental table's reconciliation: every so many days one run reads it in full and
    # marks the rows the source no longer has (None: never; 0: every run)
    reconcile_days: int | None = None


@dataclass(frozen=True)
class Parent:
    stream: str
    key: str
    references: str


@dataclass(frozen=True)
class Join:
    as_: str
    records: str
    local: str
    foreign: str


@dataclass(frozen=True)
class Stream:
    key: str
    name: str
    title: str
    description: str
    primary_key: tuple[str, ...]
    columns: tuple[Column, ...]
    replication: Replication
    endpoint: str | None = None
    params: tuple[tuple[str, str], ...] = ()
    from_: str | None = None
    records: str | None = None
    nested: str | None = None
    where: str | None = None
    joins: tuple[Join, ...] = ()
    parent: Parent | None = None
    paging: Paging | None = None
    permission: str | None = None
    only_referenced_by: tuple[str, str] | None = None  # (stream, column) whose values are kept
    tags: tuple[str, ...] = ()  # words `--tables` chooses it by, with other tables
    template: str | None = None  # the table template that made it from an account's row
    notes: tuple[str, ...] = ()  # what acx guessed making it (the run summary says them)
    history: bool = False  # keep every version of each row (engine/load/history.py)

    def column(self, key: str) -> Column:
        for col in self.columns:
            if col.key == key:
                return col
        raise KeyError(key)

    @property
    def fed(self) -> bool:
        """True when the stream's rows come from another stream's responses."""
        return self.from_ is not None

    @property
    def per_parent(self) -> bool:
        """True when its endpoint is asked once per row of its parent (`{parent.<column>}`)."""
        return self.parent is not None and bool(placeholders(self.endpoint or ""))

    def path_for(self, parent_row: dict[str, Any] | None) -> str | None:
        """The endpoint with `{parent.<column>}` filled from one parent row (each value
        URL-quoted); None when the row lacks a value it needs. No row: the endpoint as it is."""
        endpoint = self.endpoint or ""
        if parent_row is None:
            return endpoint
        out = []
        for text, holder in _pieces(endpoint):
            out.append(text)
            if holder is None:
                continue
            value = parent_row.get(holder[len(PLACEHOLDER_PREFIX) :])
            if value is None or value == "":
                return None
            out.append(quote(str(value), safe=""))
        return "".join(out)


@dataclass(frozen=True)
class ColumnsFrom:
    """A table template's columns taken from its row: one column per item of the row's list
    `items` (JMESPath on the row), named by the item's `key`, typed by looking up its `kind`
    in `types` (kinds not listed load as `default_type`, said in the run summary), described by
    `description`; a record holds the column's value at `value` with `{key}` filled in."""

    items: str
    key: str
    kind: str
    types: tuple[tuple[str, str], ...]
    default_type: str
    description: str
    value: str
    skip: str | None = None  # JMESPath on an item: true leaves the item out (a deleted field)
    timezone: str = "account"  # of zone-less times in these columns, as a column's `timezone`


@dataclass(frozen=True)
class TablePerRow:
    """`table_per_row`: the template makes one table per row of stream `of`, named `name` with
    `{row.<field>}` filled from the row."""

    of: str
    name: str
    columns: ColumnsFrom


@dataclass(frozen=True)
class Template:
    """A table template: `stream` is the prototype (its `{row.*}` placeholders unfilled; its
    columns are the ones every table of the template has), `per_row` says how rows make tables.
    Its tables exist once the rows of `per_row.of` are read (engine/spec/expand.py)."""

    stream: Stream
    per_row: TablePerRow

    @property
    def key(self) -> str:
        return self.stream.key

    @property
    def shown_name(self) -> str:
        """Its tables' name with each placeholder as `<field>`: `custom_object_<slug>`."""
        return shown(self.per_row.name)

    def as_stream(self) -> Stream:
        """The prototype named for display (docs, ERD): the columns every table of it has."""
        s = self.stream
        return replace(
            s, name=self.shown_name, title=shown(s.title), description=shown(s.description)
        )


def shown(text: str) -> str:
    """Text with each `{row.<field>}` placeholder written `<field>`, for people to read."""
    return PLACEHOLDER.sub(lambda m: f"<{m.group(1).removeprefix(ROW_PREFIX)}>", text)


@dataclass(frozen=True)
class Retry:
    max_attempts: int = 6
    backoff_seconds: float = 1.0
    max_backoff_seconds: float = 60.0
    statuses: tuple[int, ...] = (429, 500, 502, 503, 504)
    max_wait_seconds: float = 120.0  # the longest Retry-After honoured; a longer one waits this


@dataclass(frozen=True)
class ZoneHint:
    """Where the calling user's display zone can be read: a tie-breaker between zones that fit
    the data equally well, never the answer."""

    endpoint: str
    field: str


@dataclass(frozen=True)
class Source:
    title: str
    base_url_env: str
    base_path: str
    auth_header: str
    auth_env: str
    requests_per_second: float
    burst: int = 1
    docs: str | None = None
    headers: tuple[tuple[str, str], ...] = ()
    check_endpoint: str | None = None
    retry: Retry = Retry()
    connect_timeout: float = 10.0
    read_timeout: float = 60.0
    response_timeout: float = 300.0  # the whole response, from the request to its last byte
    max_response_bytes: int = 32 * 2**20  # a response's size once decoded (gzip inflated)
    paging: Paging | None = None
    zone_hint: ZoneHint | None = None
    ignored_fields: tuple[str, ...] = ()  # record fields known and deliberately not loaded


@dataclass(frozen=True)
class View:
    """A custom-field view: `base` rows with one column per `fields` row, pivoted from `values`."""

    key: str
    title: str
    description: str
    base: str
    values: str
    row_key: str
    field_key: str
    value: tuple[str, ...]  # one column kept as is, or several: the first non-NULL, as text
    fields: str
    field_id: str
    label: str


@dataclass(frozen=True)
class Spec:
    path: str
    naming: str
    source: Source
    streams: tuple[Stream, ...]
    views: tuple[View, ...] = ()
    templates: tuple[Template, ...] = ()  # tables found in the account (`table_per_row`)

    def stream(self, key: str) -> Stream:
        for s in self.streams:
            if s.key == key:
                return s
        raise KeyError(key)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(s.key for s in self.streams)

    def root_of(self, stream: Stream) -> Stream:
        """The stream that makes the requests whose responses hold `stream`'s rows: itself, or
        up the `from:` chain to the stream with the endpoint."""
        while stream.from_ is not None:
            stream = self.stream(stream.from_)
        return stream


def placeholders(endpoint: str) -> list[str]:
    """The names inside braces of an endpoint: `/groups/{parent.id}/x` -> ["parent.id"]."""
    return PLACEHOLDER.findall(endpoint)


def _pieces(endpoint: str) -> list[tuple[str, str | None]]:
    """The endpoint as (text, the placeholder after it or None) pieces."""
    out: list[tuple[str, str | None]] = []
    at = 0
    for match in PLACEHOLDER.finditer(endpoint):
        out.append((endpoint[at : match.start()], match.group(1)))
        at = match.end()
    out.append((endpoint[at:], None))
    return out


def parent_reference(parent: dict[str, Any], all_raw: dict) -> str:
    """The parent column a child's key points at: explicit, else the parent's one-column key."""
    if parent.get("references"):
        return str(parent["references"])
    pk = all_raw.get(parent["stream"], {}).get("primary_key", ["id"])
    return str(pk[0])


def quote_field(key: str) -> str:
    """A column key as a quoted JMESPath identifier, so keys like `group` stay literal."""
    return '"' + key.replace("\\", "\\\\").replace('"', '\\"') + '"'
