"""What a run reports while it works: plain dicts, one per event, handed to a callback (which
must be thread-safe: groups report from their own threads). Renderers turn them into a live
progress display, log lines or JSON lines.

Every event is made by `event(kind, **fields)`, which adds "event" (the kind) and "at" (UTC ISO
time). Each kind's fields are a TypedDict below, and `event` is overloaded per kind, so mypy
checks every field an emitter writes; renderers read events as mappings (`Event`), by kind.
A checkpoint's own "at" (where the paging got to) takes the place of the time, as it always has.

  run_start     RunStart      the plan: every table and request series, the run id, the destination
  timezone      ZoneSettled   the zone zone-less timestamps are read in, and why
  table_start   TableStart    a request series begins (its root table, mode and lower bound)
  page          Page          a page of the root table was read
  checkpoint    Checkpoint    a long read committed its progress (engine/run/resume.py)
  table_done    TableDone     a request series committed: rows per table
  table_failed  TableFailed   a request series (or one table it feeds) failed
  table_skipped TableSkipped  a request series did not run: a table it needs failed
  warning       RunWarning    a settings warning, said before the run
  view_done     ViewDone      a custom-field view was made, skipped or failed
  progress      Progress      JSON logs: a table's progress, at most every 10 s
  run_done      RunDone       the run ended
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, Literal, TypedDict, overload

from engine.redact import clean
from engine.run.results import Outcome

if TYPE_CHECKING:
    from typing import NotRequired, Unpack


class RunStart(TypedDict):
    run_id: str
    destination: str
    tables: list[str]  # every table the run fills
    groups: list[str]  # the root table of every request series


class ZoneSettled(TypedDict):
    """engine.read.account_zone.ZoneReport.as_dict()."""

    zone: str
    origin: str
    offsets_seen: int
    offsets_fit: int
    offsets: list[str]
    tables: list[str]
    alternatives: list[str]
    hint: str | None
    requests: int
    previous: str | None
    pairs_agreed: int
    pairs_disagreed: int
    warnings: list[str]


class TableStart(TypedDict):
    table: str  # the root of the request series
    tables: list[str]  # every table it fills
    mode: str  # a ReplicationMode, as engine.run.plan.Group.mode has it
    since: str | None  # the lower bound of an incremental read
    resumed_from: dict[str, Any] | None  # engine.run.resume.Resume.as_event()


class Page(TypedDict):
    table: str
    rows: int  # root rows read so far
    pages: int
    total: int | None  # rows the API announced
    requests: int  # made so far for this table


class Checkpoint(TypedDict):
    table: str
    at: Any  # the paging position the next run goes on from
    pages: int
    apply: str  # how the rows so far were written: engine.load.base.WriteMode


class TableDone(TypedDict):
    table: str
    tables: dict[str, int]  # rows per table
    requests: int
    seconds: float
    savepoint: str | None
    nulled: dict[str, int]  # values nulled by coercion, per table


class TableFailed(TypedDict):
    table: str
    tables: list[str]
    error: str
    seconds: float


class TableSkipped(TypedDict):
    table: str
    tables: list[str]
    reason: str


class RunWarning(TypedDict):
    message: str


class ViewDone(TypedDict):
    view: str
    status: Outcome
    columns: list[str]
    note: str


class Progress(TypedDict):
    table: str
    rows: int
    pages: int
    total: int | None
    requests: int
    requests_left: int | None


class RunDone(TypedDict):
    seconds: float
    rows: int
    requests: int
    failed: list[str]  # tables not done
    timezone: NotRequired[dict[str, Any] | None]  # the run's ZoneSettled, once settled
    run_id: NotRequired[str]  # when the renderer writes it (a stopped run)
    error: NotRequired[str]  # why the run stopped


# What an emitter hands over; renderers read it as an `Event`.
RunEvent = (
    RunStart
    | ZoneSettled
    | TableStart
    | Page
    | Checkpoint
    | TableDone
    | TableFailed
    | TableSkipped
    | RunWarning
    | ViewDone
    | Progress
    | RunDone
)
Event = Mapping[str, Any]
Emit = Callable[[RunEvent], None]


@overload
def event(kind: Literal["run_start"], **fields: Unpack[RunStart]) -> RunStart: ...
@overload
def event(kind: Literal["timezone"], **fields: Unpack[ZoneSettled]) -> ZoneSettled: ...
@overload
def event(kind: Literal["table_start"], **fields: Unpack[TableStart]) -> TableStart: ...
@overload
def event(kind: Literal["page"], **fields: Unpack[Page]) -> Page: ...
@overload
def event(kind: Literal["checkpoint"], **fields: Unpack[Checkpoint]) -> Checkpoint: ...
@overload
def event(kind: Literal["table_done"], **fields: Unpack[TableDone]) -> TableDone: ...
@overload
def event(kind: Literal["table_failed"], **fields: Unpack[TableFailed]) -> TableFailed: ...
@overload
def event(kind: Literal["table_skipped"], **fields: Unpack[TableSkipped]) -> TableSkipped: ...
@overload
def event(kind: Literal["warning"], **fields: Unpack[RunWarning]) -> RunWarning: ...
@overload
def event(kind: Literal["view_done"], **fields: Unpack[ViewDone]) -> ViewDone: ...
@overload
def event(kind: Literal["progress"], **fields: Unpack[Progress]) -> Progress: ...
@overload
def event(kind: Literal["run_done"], **fields: Unpack[RunDone]) -> RunDone: ...
def event(kind: str, **fields: Any) -> Any:
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
