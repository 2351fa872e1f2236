"""What a run reports: per table rows, requests, time, nulled values, warnings and notes, and for
the whole run its time zone."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Literal, get_args

from engine.load.runlog import RunRecord
from engine.read.account_zone import ZoneReport

# How a table (or a view) ended: loaded ("ok"), failed, or skipped because something it needs
# failed. The two that did not load carry a reason (the error).
NotLoaded = Literal["failed", "skipped"]
Outcome = Literal["ok"] | NotLoaded
NOT_LOADED: tuple[NotLoaded, ...] = get_args(NotLoaded)
# A table's status: pending until the run settles it.
TableStatus = Literal["pending"] | Outcome


@dataclass
class TableResult:
    key: str
    mode: str  # a ReplicationMode, as engine.run.plan.Group.mode has it
    rows: int = 0
    requests: int = 0
    seconds: float = 0.0
    nulls: Counter[str] = field(default_factory=Counter)
    examples: dict[str, str] = field(default_factory=dict)
    status: TableStatus = "pending"
    error: str | None = None
    savepoint: datetime | None = None
    since: datetime | None = None  # lower bound this run read from (incremental)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what acx decided for this table, and why
    drift: dict[str, Any] = field(default_factory=dict)  # fields undeclared / never seen


@dataclass
class RunResult:
    run_id: str
    tables: dict[str, TableResult]
    seconds: float = 0.0
    views: list[Any] = field(default_factory=list)  # engine.run.views.ViewOutcome, when asked for
    zone: ZoneReport | None = None

    @property
    def requests(self) -> int:
        """Every request of the run: the tables', and the time zone hint's."""
        extra = self.zone.requests if self.zone else 0
        return sum(t.requests for t in self.tables.values()) + extra

    @property
    def failed(self) -> list[TableResult]:
        return [t for t in self.tables.values() if t.status != "ok"]


def run_records(result: RunResult, started_at: datetime, stopped: str | None) -> list[RunRecord]:
    """The run log's records of a run (engine/load/runlog.py): one per table, as it ended; a
    table the run never settled (it was stopped: `stopped` says why) is failed with that."""
    now = datetime.now(timezone.utc)
    out = []
    for t in result.tables.values():
        status, error = t.status, t.error
        if status == "pending":
            status, error = "failed", stopped or "the run ended before this table"
        out.append(
            RunRecord(
                run_id=result.run_id,
                stream=t.key,
                status=status,
                mode=t.mode,
                rows_loaded=t.rows,
                requests=t.requests,
                started_at=started_at,
                finished_at=now,
                error=error,
            )
        )
    return out
