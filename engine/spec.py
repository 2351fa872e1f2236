"""The spec as frozen dataclasses: what the rest of the engine reads, built from a valid spec."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dc_field
from pathlib import Path
from typing import Any

import jmespath
from jmespath.parser import ParsedResult

from engine.naming import warehouse_name

LOGICAL_TYPES = ("integer", "float", "decimal", "text", "timestamp", "date", "boolean", "json")
PLACEHOLDER_PREFIX = "parent."


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

    def column(self, key: str) -> Column:
        for col in self.columns:
            if col.key == key:
                return col
        raise KeyError(key)

    @property
    def fed(self) -> bool:
        """True when the stream's rows come from another stream's responses."""
        return self.from_ is not None


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

    def stream(self, key: str) -> Stream:
        for s in self.streams:
            if s.key == key:
                return s
        raise KeyError(key)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(s.key for s in self.streams)


def load_spec(path: str | Path) -> Spec:
    """Read, validate (reporting every problem at once) and build a Spec."""
    from engine.validate import validate_file

    located = validate_file(path)
    return build_spec(located.data, str(path))


def build_spec(data: dict[str, Any], path: str) -> Spec:
    naming = data.get("naming", "snake_case")
    src = data["source"]
    timeouts = src.get("timeouts", {})
    source = Source(
        title=src["title"],
        docs=src.get("docs"),
        base_url_env=src["base_url"]["env"],
        base_path=src["base_url"].get("path", ""),
        auth_header=src["auth"]["header"],
        auth_env=src["auth"]["env"],
        headers=tuple(src.get("headers", {}).items()),
        check_endpoint=src.get("check_endpoint"),
        requests_per_second=float(src["rate_limit"]["requests_per_second"]),
        burst=int(src["rate_limit"].get("burst", 1)),
        retry=_retry(src.get("retry", {})),
        connect_timeout=float(timeouts.get("connect", Source.connect_timeout)),
        read_timeout=float(timeouts.get("read", Source.read_timeout)),
        response_timeout=float(timeouts.get("response", Source.response_timeout)),
        max_response_bytes=int(src.get("max_response_bytes", Source.max_response_bytes)),
        paging=_paging(src.get("paging")),
        zone_hint=ZoneHint(**src["timezone"]["hint"]) if "timezone" in src else None,
        ignored_fields=tuple(src.get("ignored_fields", ())),
    )
    raw_streams = data["streams"]
    streams = tuple(
        _stream(key, raw, naming, source.paging, raw_streams) for key, raw in raw_streams.items()
    )
    views = tuple(_view(key, raw) for key, raw in data.get("views", {}).items())
    return Spec(path=path, naming=naming, source=source, streams=streams, views=views)


def _view(key: str, raw: dict[str, Any]) -> View:
    value = raw["value"]
    return View(
        key=key,
        title=raw["title"],
        description=raw.get("description", ""),
        base=raw["base"],
        values=raw["values"],
        row_key=raw["row_key"],
        field_key=raw["field_key"],
        value=(value,) if isinstance(value, str) else tuple(value),
        fields=raw["fields"],
        field_id=raw["field_id"],
        label=raw["label"],
    )


def _retry(raw: dict[str, Any]) -> Retry:
    default = Retry()
    return Retry(
        max_attempts=int(raw.get("max_attempts", default.max_attempts)),
        backoff_seconds=float(raw.get("backoff_seconds", default.backoff_seconds)),
        max_backoff_seconds=float(raw.get("max_backoff_seconds", default.max_backoff_seconds)),
        statuses=tuple(raw.get("statuses", default.statuses)),
        max_wait_seconds=float(raw.get("max_wait_seconds", default.max_wait_seconds)),
    )


def _paging(raw: dict[str, Any] | None) -> Paging | None:
    if raw is None:
        return None
    return Paging(
        kind=raw["kind"],
        limit=raw.get("limit"),
        limit_param=raw.get("limit_param", "limit"),
        offset_param=raw.get("offset_param", "offset"),
        total=raw.get("total"),
        param=raw.get("param"),
        field=raw.get("field"),
    )


def _stream(
    key: str, raw: dict[str, Any], naming: str, default_paging: Paging | None, all_raw: dict
) -> Stream:
    rep = raw.get("replication", {})
    flt = rep.get("filter")
    parent = raw.get("parent")
    return Stream(
        key=key,
        name=raw.get("name") or warehouse_name(key, naming),
        title=raw["title"],
        description=raw.get("description", ""),
        primary_key=tuple(raw["primary_key"]),
        columns=tuple(_column(k, c, naming) for k, c in raw["columns"].items()),
        replication=Replication(
            mode=rep.get("mode") if "from" not in raw else None,
            selectable=bool(rep.get("selectable", False)),
            cursor=rep.get("cursor"),
            filter=Filter(flt["param"], flt["format"]) if flt else None,
            update_window_days=int(rep.get("update_window_days", 0)),
        ),
        endpoint=raw.get("endpoint"),
        params=tuple((k, str(v)) for k, v in raw.get("params", {}).items()),
        from_=raw.get("from"),
        records=raw.get("records"),
        nested=raw.get("nested"),
        where=raw.get("where"),
        joins=tuple(
            Join(j["as"], j["records"], j["local"], j["foreign"]) for j in raw.get("joins", [])
        ),
        parent=Parent(parent["stream"], parent["key"], parent_reference(parent, all_raw))
        if parent
        else None,
        paging=None if "from" in raw else (_paging(raw.get("paging")) or default_paging),
        permission=raw.get("permission"),
        only_referenced_by=_pair(raw.get("only_referenced_by")),
    )


def _pair(text: str | None) -> tuple[str, str] | None:
    """`stream.column` as a pair."""
    return tuple(text.split(".", 1)) if text else None  # type: ignore[return-value]


def parent_reference(parent: dict[str, Any], all_raw: dict) -> str:
    """The parent column a child's key points at: explicit, else the parent's one-column key."""
    if parent.get("references"):
        return str(parent["references"])
    pk = all_raw.get(parent["stream"], {}).get("primary_key", ["id"])
    return str(pk[0])


def _column(key: str, raw: dict[str, Any], naming: str) -> Column:
    field_path = raw.get("field") or quote_field(key)
    ref = raw.get("references")
    return Column(
        key=key,
        name=raw.get("name") or warehouse_name(key, naming),
        type=raw["type"],
        description=raw["description"],
        field=field_path,
        references=_pair(ref),
        timezone=raw.get("timezone", "account"),
        aliases=tuple(raw.get("aliases", ())),
        same_instant_as=raw.get("same_instant_as"),
        expr=jmespath.compile(field_path),
    )


def quote_field(key: str) -> str:
    """A column key as a quoted JMESPath identifier, so keys like `group` stay literal."""
    return '"' + key.replace("\\", "\\\\").replace('"', '\\"') + '"'
