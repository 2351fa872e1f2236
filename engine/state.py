"""Replication state per stream: the savepoint (largest cursor value loaded), and how the next
run turns it, the update window and the configured start date into a lower bound."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any

STATE_TABLE = "_acx_state"
STATE_COLUMNS = ("stream", "savepoint", "mode", "rows_loaded", "run_id", "finished_at")


@dataclass(frozen=True)
class StateRow:
    stream: str
    savepoint: datetime | None  # UTC, aware
    mode: str
    rows_loaded: int
    run_id: str
    finished_at: datetime

    def as_record(self) -> dict[str, Any]:
        return {
            "stream": self.stream,
            "savepoint": iso(self.savepoint),
            "mode": self.mode,
            "rows_loaded": self.rows_loaded,
            "run_id": self.run_id,
            "finished_at": iso(self.finished_at),
        }

    @classmethod
    def from_record(cls, rec: dict[str, Any]) -> StateRow:
        return cls(
            stream=rec["stream"],
            savepoint=parse_iso(rec.get("savepoint")),
            mode=rec.get("mode") or "",
            rows_loaded=int(rec.get("rows_loaded") or 0),
            run_id=rec.get("run_id") or "",
            finished_at=parse_iso(rec.get("finished_at")) or datetime.now(timezone.utc),
        )


def iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(timezone.utc).isoformat()


def parse_iso(text: Any) -> datetime | None:
    if text in (None, ""):
        return None
    moment = text if isinstance(text, datetime) else datetime.fromisoformat(str(text))
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def lower_bound(
    savepoint: datetime | None, window_days: int, start_date: datetime | None
) -> datetime | None:
    """Where an incremental read starts: the savepoint minus the update window, never before
    the configured start date; the start date alone on a first run; None reads everything."""
    if savepoint is None:
        return start_date
    bound = savepoint - timedelta(days=window_days)
    return max(bound, start_date) if start_date else bound


def as_utc_datetime(value: Any) -> datetime | None:
    """A cursor value from Arrow (naive UTC datetime or date) as an aware UTC datetime."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=timezone.utc)
    raise TypeError(f"not a cursor value: {value!r}")
