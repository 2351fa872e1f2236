"""The run log: one record per table per run, kept in the destination beside the data
(`_acx_runs`): how the table's last run ended (ok, failed or skipped, with its one-line error),
when, its rows and requests. `_acx_state` holds the last *successful* load of each table, committed
with its rows; the log also remembers the runs that failed, so `acx status` can say which tables
are failing now. Records older than KEEP_DAYS are dropped as new ones are written."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from engine.load.state import iso, parse_iso

RUNS_TABLE = "_acx_runs"
RUN_COLUMNS = (
    "run_id",
    "stream",
    "status",
    "mode",
    "rows_loaded",
    "requests",
    "started_at",
    "finished_at",
    "error",
)
KEEP_DAYS = 90


@dataclass(frozen=True)
class RunRecord:
    run_id: str
    stream: str
    status: str  # ok | failed | skipped
    mode: str
    rows_loaded: int
    requests: int
    started_at: datetime  # UTC, aware
    finished_at: datetime
    error: str | None = None  # one line, as the run summary says it

    def as_text(self) -> dict[str, str | None]:
        """Every value as text or NULL (the `_acx_runs` columns are all text; ISO times in UTC
        sort as text)."""
        return {
            "run_id": self.run_id,
            "stream": self.stream,
            "status": self.status,
            "mode": self.mode,
            "rows_loaded": str(self.rows_loaded),
            "requests": str(self.requests),
            "started_at": iso(self.started_at),
            "finished_at": iso(self.finished_at),
            "error": self.error,
        }

    @classmethod
    def from_record(cls, rec: dict[str, str | None]) -> RunRecord | None:
        """From as_text() values; None for a record without its times (not written by acx)."""
        started, finished = parse_iso(rec.get("started_at")), parse_iso(rec.get("finished_at"))
        if started is None or finished is None or not rec.get("stream"):
            return None
        return cls(
            run_id=rec.get("run_id") or "",
            stream=str(rec["stream"]),
            status=rec.get("status") or "",
            mode=rec.get("mode") or "",
            rows_loaded=int(rec.get("rows_loaded") or 0),
            requests=int(rec.get("requests") or 0),
            started_at=started,
            finished_at=finished,
            error=rec.get("error") or None,
        )


def latest(records: Iterable[RunRecord | None]) -> dict[str, RunRecord]:
    """The newest record of each table."""
    out: dict[str, RunRecord] = {}
    for rec in records:
        if rec is not None and (
            rec.stream not in out or rec.finished_at >= out[rec.stream].finished_at
        ):
            out[rec.stream] = rec
    return out


def cutoff(now: datetime) -> str:
    """Records that finished before this (as text) are dropped."""
    return str(iso(now - timedelta(days=KEEP_DAYS)))
