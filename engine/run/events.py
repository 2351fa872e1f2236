"""What a run reports while it works: plain dicts, one per event, handed to a callback (which
must be thread-safe: groups report from their own threads). Renderers turn them into a live
progress display, log lines or JSON lines.

Events (every one has "event", "at" (UTC ISO time) and "table" where it concerns a table):
  run_start    tables: [keys], groups: [root keys], run_id, destination
  table_start  table (the root of a group), tables (every table it fills), mode, since
  page         table, rows (root rows read so far), pages, total (rows the API announced, or
               None), requests (made so far for this table)
  table_done   table, tables: {key: rows}, requests, seconds, savepoint, nulled
  table_failed table, tables: [keys], error, seconds
  table_skipped table, reason
  run_done     seconds, rows, requests, failed: [keys]
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any

from engine.redact import clean

Event = dict[str, Any]
Emit = Callable[[Event], None]


def event(kind: str, **fields: Any) -> Event:
    return {"event": kind, "at": datetime.now(timezone.utc).isoformat(timespec="seconds"), **fields}


def text_line(ev: Event) -> str | None:
    """The plain one-line form of the events worth a line (used when no renderer is chosen)."""
    kind = ev["event"]
    if kind == "table_done":
        rows = sum(ev["tables"].values())
        return f"{ev['table']}: {rows} rows, {ev['requests']} requests ({ev['seconds']:.1f}s)"
    if kind == "table_failed":
        return f"{ev['table']}: failed: {ev['error']}"
    if kind == "table_skipped":
        return f"{ev['table']}: skipped: {ev['reason']}"
    if kind == "warning":
        return f"acx: warning: {ev['message']}"
    if kind == "timezone":
        return f"time zone: {ev['zone']} ({ev['origin']})"
    return None


def lines_to(echo: Callable[[str], None]) -> Emit:
    def emit(ev: Event) -> None:
        line = text_line(ev)
        if line is not None:
            echo(clean(line))  # no line written holds the key (engine/redact.py)

    return emit
