"""Every cell as the API meant it: one run with no settings against the sandbox (live quirks
included: numbers as strings and as numbers, zero dates, *_utc_timestamp in local time, zones),
then every loaded value compared with the sandbox's own records, read by an independent oracle
(not the engine's coercion)."""

from __future__ import annotations

import json
import math
import os
from datetime import datetime, timezone
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from engine.read.records import RowBuilder, column_getter
from engine.spec import Column, Stream
from tests.runhelp import account_spec, duck, run

pytestmark = pytest.mark.slow  # a whole run against the sandbox, every cell checked
KEY = "cells-test-key"
ZERO = "0000-00-00"


def meant(value: Any, column: Column, zone: ZoneInfo) -> Any:
    """What an API value means as the column's type (None: no value)."""
    kind = column.type
    if kind == "text":  # text keeps what was sent, "" and zero dates included
        if value is None:
            return None
        if isinstance(value, (dict, list)):
            return json.dumps(value, separators=(",", ":"), ensure_ascii=False)
        if isinstance(value, bool):
            return "true" if value else "false"
        return str(value)
    if value is None or value == "" or (isinstance(value, str) and value.startswith(ZERO)):
        return None
    if kind == "integer":
        return int(Decimal(str(value)))
    if kind == "float":
        return float(value)
    if kind == "decimal":
        return Decimal(str(value))
    if kind == "boolean":
        return {"1": True, "0": False, "true": True, "false": False}[str(value).lower()]
    if kind == "json":
        return value
    moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    if kind == "date":
        return moment.astimezone(zone).date() if moment.tzinfo else moment.date()
    if moment.tzinfo is None:  # zone-less: the account's wall clock
        moment = moment.replace(tzinfo=timezone.utc if column.timezone == "utc" else zone)
    return moment.astimezone(timezone.utc)


def same(loaded: Any, expected: Any, column: Column) -> bool:
    if loaded is None or expected is None:
        return loaded is None and expected is None
    if column.type == "json":
        return json.loads(loaded) == expected
    if column.type == "float":
        return math.isclose(loaded, expected, rel_tol=1e-12)
    if column.type == "decimal":
        return Decimal(loaded) == expected
    if isinstance(loaded, datetime) and loaded.tzinfo is None:
        loaded = loaded.replace(tzinfo=timezone.utc)
    return loaded == expected


def served(sb: Any, stream: Stream) -> list[dict[str, Any]]:
    """Every record of the stream's list as the sandbox serves it; custom objects by path."""
    if (stream.endpoint or "").startswith("/customObjects/"):
        return sb.expected(stream.endpoint)
    return sb.expected(stream.records)


def comparable(stream: Stream) -> bool:
    return stream.records is not None and not stream.joins and not stream.nested


def own_columns(stream: Stream) -> list[Column]:
    """Columns read from the record itself (not the parent or a joined record)."""
    return [c for c in stream.columns if not c.field.startswith("_parent")]


@pytest.mark.parametrize("zone", ["America/New_York", "Australia/Sydney"])
def test_every_cell_loads_as_the_api_meant_it(zone, tmp_path):
    from sandbox import Sandbox

    db = tmp_path / "acx.duckdb"
    env = {k: v for k, v in os.environ.items() if not k.startswith("ACX_")}
    with Sandbox(contacts=150, api_key=KEY, rate_limit=0, timezone=zone) as sb:
        env.update(ACX_API_URL=sb.url, ACX_API_KEY=KEY, ACX_REQUESTS_PER_SECOND="10000")
        code, lines = run(sb.url, KEY, f"duckdb:{db}", env=env)
        assert code == 0, lines
        assert not [x for x in lines if "could not be converted" in x], lines
        spec = account_spec(sb.url, KEY)  # with the account's custom object tables
        records = {s.key: served(sb, s) for s in spec.streams if comparable(s)}
        referenced = {str(m["messageid"]) for m in sb.expected("campaignMessages")}
    account = ZoneInfo(zone)
    checked = 0
    with duck(db) as con:
        for stream in spec.streams:
            if stream.key not in records:
                continue
            builder = RowBuilder(stream)
            rows = [r for r in records[stream.key] if builder.keep(r)]
            if stream.only_referenced_by:
                rows = [r for r in rows if str(r["id"]) in referenced]
            columns = own_columns(stream)
            names = ", ".join(f'"{c.name}"' for c in columns)
            pk = stream.column(stream.primary_key[0])
            loaded = {
                row[0]: row
                for row in con.execute(
                    f'SELECT "{pk.name}", {names} FROM "{stream.name}"'
                ).fetchall()
            }
            get_key = column_getter(pk)
            assert len(loaded) == len(rows), stream.key
            for record in rows:
                row = loaded[meant(get_key(record), pk, account)]
                for column, value in zip(columns, row[1:], strict=True):
                    expected = meant(column_getter(column)(record), column, account)
                    assert same(value, expected, column), (
                        f"{stream.key}.{column.key}: loaded {value!r}, the API meant "
                        f"{expected!r} ({column_getter(column)(record)!r})"
                    )
                    checked += 1
    assert checked > 20_000
