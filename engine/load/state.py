"""Replication state per stream: the savepoint (largest cursor value loaded), and how the next
run turns it, the update window and the configured start date into a lower bound; and what the
table's rows hold (the zone zone-less values were read in, the value format, the columns)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any

STATE_TABLE = "_acx_state"
# Columns after the first six were added later: an older `_acx_state` gets them on connect, and
# its rows read back with None there.
STATE_COLUMNS = (
    "stream",
    "savepoint",
    "mode",
    "rows_loaded",
    "run_id",
    "finished_at",
    "timezone",
    "format",
    "columns",
    "position",
    "reconciled_at",
)

# The value format of a table's rows. 2: every timestamp a UTC instant in a zone-aware type (and
# zone-less API values read in the recorded `timezone`). Rows written before it say None: their
# timestamps sit in zone-less types, read in whatever zone the run was configured with.
FORMAT = 2


@dataclass(frozen=True)
class StateRow:
    stream: str
    savepoint: datetime | None  # UTC, aware
    mode: str
    rows_loaded: int
    run_id: str
    finished_at: datetime
    timezone: str | None = None  # the IANA zone zone-less API values were read in
    format: int | None = None  # FORMAT when written by this acx; None from an earlier one
    columns: tuple[str, ...] | None = None  # spec columns (warehouse names) the rows hold
    # where an unfinished run had got to at its last checkpoint (engine/run/resume.py); None once a
    # run of the table finished
    position: dict[str, Any] | None = None
    # when the table's rows were last checked against all of the source's (a full read that
    # reached its end): the start of that run; None when never (an earlier acx's state)
    reconciled_at: datetime | None = None

    def as_record(self) -> dict[str, Any]:
        """JSON-ready values (the files destination's state file; SQL stores them as text)."""
        return {
            "stream": self.stream,
            "savepoint": iso(self.savepoint),
            "mode": self.mode,
            "rows_loaded": self.rows_loaded,
            "run_id": self.run_id,
            "finished_at": iso(self.finished_at),
            "timezone": self.timezone,
            "format": self.format,
            "columns": None if self.columns is None else list(self.columns),
            "position": self.position,
            "reconciled_at": iso(self.reconciled_at),
        }

    def as_text(self) -> dict[str, str | None]:
        """The record with every value as text or NULL: `_acx_state` columns are all text."""
        return {key: _text(value) for key, value in self.as_record().items()}

    @classmethod
    def from_record(cls, rec: dict[str, Any]) -> StateRow:
        """From as_record() or as_text() values; keys an older acx did not write read as None.
        A savepoint later than its run's end (an earlier acx kept a cursor value from 2999)
        reads as that end: no row it loaded changed later, and every change since is after it."""
        finished = parse_iso(rec.get("finished_at")) or datetime.now(timezone.utc)
        savepoint = parse_iso(rec.get("savepoint"))
        return cls(
            stream=rec["stream"],
            savepoint=min(savepoint, finished) if savepoint else None,
            mode=rec.get("mode") or "",
            rows_loaded=int(rec.get("rows_loaded") or 0),
            run_id=rec.get("run_id") or "",
            finished_at=finished,
            timezone=rec.get("timezone") or None,
            format=None if rec.get("format") in (None, "") else int(rec["format"]),
            columns=_names(rec.get("columns")),
            position=_position(rec.get("position")),
            reconciled_at=parse_iso(rec.get("reconciled_at")),
        )


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _names(value: Any) -> tuple[str, ...] | None:
    """Column names from a list or its JSON text."""
    if value is None or value == "":
        return None
    names = json.loads(value) if isinstance(value, str) else value
    return tuple(str(n) for n in names)


def _position(value: Any) -> dict[str, Any] | None:
    """A checkpoint's position from a dict or its JSON text."""
    if value is None or value == "":
        return None
    found = json.loads(value) if isinstance(value, str) else value
    return found if isinstance(found, dict) else None


def iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(timezone.utc).isoformat()


def parse_iso(text: Any) -> datetime | None:
    if text in (None, ""):
        return None
    moment = text if isinstance(text, datetime) else datetime.fromisoformat(str(text))
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def lower_bound(
    savepoint: datetime | None,
    window_days: int,
    start_date: datetime | None,
    now: datetime | None = None,
) -> datetime | None:
    """Where an incremental read starts: the savepoint minus the update window, never before
    the configured start date; the start date alone on a first run; None reads everything. A
    savepoint in the future (an earlier acx kept a cursor value from 2999) counts as `now`: it
    would otherwise hide every change to come."""
    if savepoint is None:
        return start_date
    savepoint = min(savepoint, now or datetime.now(timezone.utc))
    bound = savepoint - timedelta(days=window_days)
    return max(bound, start_date) if start_date else bound


def as_utc_datetime(value: Any) -> datetime | None:
    """A cursor value from Arrow (a UTC timestamp, aware or naive, or a date) as an aware
    datetime in datetime.timezone.utc."""
    if value is None:
        return None
    if isinstance(value, datetime):
        if value.tzinfo is None:  # a zone-less timestamp holds UTC
            return value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=timezone.utc)
    raise TypeError(f"not a cursor value: {value!r}")
