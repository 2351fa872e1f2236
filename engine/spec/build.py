"""The spec built from its YAML: read, validated (every problem at once), then turned into the
model's frozen dataclasses (engine/spec/model.py), defaults filled in."""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Any

import jmespath

from engine.spec.model import (
    Column,
    ColumnsFrom,
    Filter,
    Join,
    Paging,
    Parent,
    Replication,
    Retry,
    Source,
    Spec,
    Stream,
    TablePerRow,
    Template,
    View,
    ZoneHint,
    parent_reference,
    quote_field,
)
from engine.spec.naming import warehouse_name
from engine.spec.validate import validate_file


def load_spec(path: str | Path) -> Spec:
    """Read, validate (reporting every problem at once) and build a Spec. A file read before
    and unchanged since (same size and modification time) is not read again: a Spec is frozen."""
    try:
        seen = os.stat(path)
    except OSError:
        return _load(str(path), "", 0, -1)  # validate_file says what is wrong with the path
    return _load(str(path), os.path.abspath(path), seen.st_mtime_ns, seen.st_size)


@functools.lru_cache(maxsize=8)
def _load(path: str, where: str, mtime_ns: int, size: int) -> Spec:
    return build_spec(validate_file(path).data, path)


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
    built = {
        key: _stream(key, raw, naming, source.paging, raw_streams)
        for key, raw in raw_streams.items()
    }
    streams = tuple(s for key, s in built.items() if "table_per_row" not in raw_streams[key])
    templates = tuple(
        Template(built[key], _per_row(raw["table_per_row"]))
        for key, raw in raw_streams.items()
        if "table_per_row" in raw
    )
    views = tuple(_view(key, raw) for key, raw in data.get("views", {}).items())
    return Spec(
        path=path, naming=naming, source=source, streams=streams, views=views, templates=templates
    )


def _per_row(raw: dict[str, Any]) -> TablePerRow:
    cols = raw["columns"]
    return TablePerRow(
        of=raw["of"],
        name=raw["name"],
        columns=ColumnsFrom(
            items=cols["items"],
            key=cols["key"],
            kind=cols["kind"],
            types=tuple(cols.get("types", {}).items()),
            default_type=cols.get("default_type", "text"),
            description=cols.get("description", cols["key"]),
            value=cols["value"],
            skip=cols.get("skip"),
            timezone=cols.get("timezone", "account"),
        ),
    )


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


def _days(value: Any) -> int | None:
    return None if value is None or value is False else int(value)


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
            deletes=str(rep.get("deletes", "soft")),
            reconcile_days=_days(rep.get("reconcile_days")),
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
        tags=tuple(raw.get("tags", ())),
        history=bool(raw.get("history", False)),
    )


def _pair(text: str | None) -> tuple[str, str] | None:
    """`stream.column` as a pair."""
    return tuple(text.split(".", 1)) if text else None  # type: ignore[return-value]


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
