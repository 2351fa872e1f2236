"""What the user sees while a run works, built from the run events of engine/run/events.py.

Three renderers, keyed by the `--log-format` word: `live` redraws a block of lines on a terminal
(one per request series: rows and pages against the total the API announced, requests, request
rate, time left at the account's rate limit), `json` writes one JSON line per table event for
schedulers, `text` writes plain lines. `auto` picks `live` on a terminal, else `json`.

Events arrive from several threads at once: every renderer updates and writes under one lock."""

from __future__ import annotations

import json
import math
import os
import shutil
import sys
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal, TextIO, get_args

from engine.config.settings import Settings
from engine.errors import ConfigError
from engine.read.paginators import make_paginator
from engine.redact import clean
from engine.run.events import Event, event, text_line
from engine.run.results import NOT_LOADED, RunResult
from engine.spec import Spec

Echo = Callable[[str], None]
Clock = Callable[[], float]
REDRAW_SECONDS = 0.2  # a page redraws the live block at most ~5 times a second
PROGRESS_SECONDS = 10.0  # text and JSON logs: a progress line per table at most this often
RATE_WINDOW = 10.0  # seconds of requests the live request rate is measured over
BAR = 10  # characters of the live progress bar
# A request series as the display shows it, in the order the counts are shown: waiting, running,
# then done, failed, skipped (a table it needs failed) or stopped (the run was).
SeriesStatus = Literal["done", "running", "waiting", "failed", "skipped", "stopped"]
FINISHED: tuple[SeriesStatus, ...] = ("done", *NOT_LOADED)


@dataclass(frozen=True)
class RunInfo:
    """What the events do not say: the rate in use and each request series' page size."""

    rate: float  # requests/second acx allows itself (the account's limit, or the config's)
    page_sizes: dict[str, int] = field(default_factory=dict)

    @classmethod
    def of(cls, spec: Spec, settings: Settings) -> RunInfo:
        sizes = {
            s.key: s.paging.limit
            for s in spec.streams
            if s.paging is not None and make_paginator(s.paging, s.key).paged and s.paging.limit
        }
        return cls(settings.requests_per_second, sizes)


@dataclass
class TableProgress:
    """One request series (a root table and the tables its responses also fill)."""

    key: str
    page_size: int | None
    tables: list[str] = field(default_factory=list)
    status: SeriesStatus = "waiting"
    mode: str = ""
    rows: int = 0
    pages: int = 0
    total: int | None = None  # rows the API announced
    requests: int = 0
    started: float | None = None
    seconds: float = 0.0
    detail: str = ""  # the error or the reason for skipping

    def pages_total(self) -> int | None:
        if self.total is None or not self.page_size:
            return None
        return max(1, math.ceil(self.total / self.page_size))

    def requests_left(self) -> int | None:
        """Requests still to make: the pages of the announced total not read yet. Counted in
        pages, not rows, since a row filter (`where`) keeps fewer rows than a page holds."""
        if self.status in FINISHED:
            return 0
        pages = self.pages_total()
        if self.status != "running" or pages is None:
            return None
        return max(0, pages - self.pages)


class Tracker:
    """The state of every request series, updated from events (callers hold the lock)."""

    def __init__(self, info: RunInfo, clock: Clock) -> None:
        self.info = info
        self.clock = clock
        self.tables: dict[str, TableProgress] = {}
        self.run_id = ""
        self.destination = ""
        self.started = clock()
        self.samples: deque[tuple[float, int]] = deque()  # (time, requests) for the rate

    def table(self, key: str) -> TableProgress:
        if key not in self.tables:
            self.tables[key] = TableProgress(key, self.info.page_sizes.get(key), [key])
        return self.tables[key]

    def update(self, ev: Event) -> TableProgress | None:
        kind, now = ev["event"], self.clock()
        if kind == "run_start":
            self.run_id, self.destination, self.started = ev["run_id"], ev["destination"], now
            for key in ev["groups"]:
                self.table(key)
            return None
        if "table" not in ev:
            return None
        t = self.table(ev["table"])
        if kind == "table_start":
            t.status, t.mode, t.tables, t.started = "running", ev["mode"], ev["tables"], now
        elif kind == "page":
            t.status = "running"
            t.rows, t.pages, t.total = ev["rows"], ev["pages"], ev["total"]
            t.requests = ev["requests"]
            t.started = now if t.started is None else t.started
        elif kind == "table_done":
            t.status, t.requests, t.seconds = "done", ev["requests"], ev["seconds"]
            t.rows = ev["tables"].get(t.key, t.rows)
            t.tables = list(ev["tables"])
        elif kind == "table_failed":
            t.status, t.detail, t.seconds = "failed", ev["error"], ev["seconds"]
        elif kind == "table_skipped":
            t.status, t.detail = "skipped", ev["reason"]
        self.samples.append((now, self.requests()))
        while len(self.samples) > 2 and now - self.samples[0][0] > RATE_WINDOW:
            self.samples.popleft()
        return t

    def settle(self, result: RunResult) -> list[TableProgress]:
        """Take the final status from the result; returns series skipped without an event."""
        unannounced = []
        for t in self.tables.values():
            r = result.tables.get(t.key)
            if r is None or r.status == t.status or r.status not in NOT_LOADED:
                continue
            if r.status == "skipped":
                unannounced.append(t)
            t.status, t.detail = r.status, r.error or ""
        return unannounced

    def requests(self) -> int:
        return sum(t.requests for t in self.tables.values())

    def rate(self) -> float | None:
        """Requests/second over the last RATE_WINDOW seconds."""
        if not self.samples:
            return None
        at, count = self.samples[0]
        elapsed = self.clock() - at
        return (self.requests() - count) / elapsed if elapsed >= 1.0 else None

    def seconds_left(self) -> float | None:
        """Time the remaining requests of running series take at the rate in use."""
        left = [t.requests_left() for t in self.tables.values() if t.status == "running"]
        known = [n for n in left if n is not None]
        return sum(known) / self.info.rate if known else None


class Reporter:
    """Receives every event (`emit`, thread-safe), then `finish` or `abort` once."""

    summary: ClassVar[bool] = True  # whether the caller prints the summary table afterwards

    def __init__(self, info: RunInfo, echo: Echo, clock: Clock = time.monotonic) -> None:
        self.info = info
        self.echo: Echo = lambda line: echo(clean(line))  # no line a reporter writes holds the key
        self.clock = clock
        self.lock = threading.Lock()
        self.tracker = Tracker(info, clock)
        self.last: dict[str, float] = {}  # when each table's last progress line was written

    def emit(self, ev: Event) -> None:
        raise NotImplementedError

    def finish(self, result: RunResult) -> None:
        with self.lock:
            self.tracker.settle(result)

    def abort(self, err: BaseException) -> None:
        """The run stopped with an exception (reported by the caller)."""

    def _due(self, t: TableProgress) -> bool:
        """Whether a progress line for `t` is due (the first PROGRESS_SECONDS after its start)."""
        now = self.clock()
        last = self.last.get(t.key, t.started if t.started is not None else now)
        if now - last < PROGRESS_SECONDS:
            return False
        self.last[t.key] = now
        return True


class TextLines(Reporter):
    """Plain lines: run and table starts, a progress line per table every 10 s, the ends."""

    def emit(self, ev: Event) -> None:
        with self.lock:
            t = self.tracker.update(ev)
            line = self._line(ev, t)
            if line is not None:
                self.echo(line)

    def _line(self, ev: Event, t: TableProgress | None) -> str | None:
        kind = ev["event"]
        if kind == "run_start":
            return (
                f"run {ev['run_id']}: {len(ev['tables'])} tables ({len(ev['groups'])} request "
                f"series) into {ev['destination']} at {self.info.rate:g} requests/second"
            )
        if kind == "table_start":
            since = f" since {ev['since']}" if ev.get("since") else ""
            also = f", also filling {', '.join(ev['tables'][1:])}" if len(ev["tables"]) > 1 else ""
            return f"{ev['table']}: started ({ev['mode']}{since}{also})"
        if kind == "page" and t is not None and self._due(t):
            rows = _count(t.rows, t.total)
            return f"{t.key}: {rows} rows, {t.pages} pages, {t.requests} requests so far"
        return text_line(ev)


class JsonLines(Reporter):
    """One JSON object per line for schedulers: run_start, table_start, progress (a table at
    most every 10 s), table_done, table_failed, table_skipped, and run_done with every table's
    result. Nothing goes to stdout: run_done replaces the summary table."""

    summary = False

    def __init__(self, info: RunInfo, echo: Echo, clock: Clock = time.monotonic) -> None:
        super().__init__(info, echo, clock)
        self.run_done: Event | None = None

    def emit(self, ev: Event) -> None:
        with self.lock:
            t = self.tracker.update(ev)
            kind = ev["event"]
            if kind == "page":
                if t is not None and self._due(t):
                    self._write(_progress(t))
            elif kind == "run_done":
                self.run_done = ev  # written by finish(), with the results
            elif kind == "run_start":
                self._write({**ev, "requests_per_second": self.info.rate})
            else:
                self._write(ev)

    def finish(self, result: RunResult) -> None:
        with self.lock:
            for t in self.tracker.settle(result):
                self._write(event("table_skipped", table=t.key, tables=t.tables, reason=t.detail))
            done = self.run_done or event(
                "run_done",
                seconds=result.seconds,
                rows=sum(r.rows for r in result.tables.values()),
                requests=result.requests,
                failed=[r.key for r in result.failed],
            )
            zone = result.zone.as_dict() if result.zone else None
            self._write(
                {**done, "run_id": result.run_id, "timezone": zone, "tables": results(result)}
            )

    def abort(self, err: BaseException) -> None:
        """run_done with the error, once the run had started (a config error found before its
        first event is only the CLI's one line, with exit code 2)."""
        with self.lock:
            if not self.tracker.run_id:
                return
            unfinished = [k for k, t in self.tracker.tables.items() if t.status != "done"]
            self._write(
                event(
                    "run_done",
                    run_id=self.tracker.run_id,
                    seconds=self.clock() - self.tracker.started,
                    rows=sum(t.rows for t in self.tracker.tables.values()),
                    requests=self.tracker.requests(),
                    failed=unfinished,
                    error=str(err) or type(err).__name__,
                )
            )

    def _write(self, ev: Event) -> None:
        self.echo(json.dumps(_rounded(ev), default=str))


def results(result: RunResult) -> dict[str, dict[str, Any]]:
    """Per table: what the summary table shows, plus error, warnings and savepoint."""
    return {
        t.key: {
            "mode": t.mode,
            "status": t.status,
            "rows": t.rows,
            "requests": t.requests,
            "seconds": round(t.seconds, 3),
            "nulled": sum(t.nulls.values()),
            "nulled_columns": dict(t.nulls),
            "error": t.error,
            "warnings": t.warnings,
            "notes": t.notes,
            "fields": t.drift,
            "savepoint": t.savepoint.isoformat() if t.savepoint else None,
        }
        for t in result.tables.values()
    }


class LiveDisplay(Reporter):
    """A block of lines redrawn in place (ANSI cursor-up and erase-line): a header with the
    whole run's figures, then one line per request series. Page events redraw at most every
    REDRAW_SECONDS; starts and ends redraw at once."""

    def __init__(
        self,
        info: RunInfo,
        stream: TextIO,
        echo: Echo,
        clear_at_end: bool = False,
        clock: Clock = time.monotonic,
        size: Callable[[], tuple[int, int]] | None = None,
    ) -> None:
        super().__init__(info, echo, clock)
        self.stream = stream
        self.clear_at_end = clear_at_end  # the summary table will show the same on screen
        self.size = size or (lambda: terminal_size(stream))
        self.drawn = 0  # lines of the block now on screen, the cursor on the line below
        self.last_draw = -math.inf
        self.closed = False

    def emit(self, ev: Event) -> None:
        with self.lock:
            if ev["event"] == "warning" and not self.drawn:  # said before the block appears
                self.stream.write(clean(f"{text_line(ev)}\n"))
                return
            self.tracker.update(ev)
            now = self.clock()
            if self.closed or (ev["event"] == "page" and now - self.last_draw < REDRAW_SECONDS):
                return
            self._draw(self.lines())

    def finish(self, result: RunResult) -> None:
        with self.lock:
            self.tracker.settle(result)
            self._close(erase=self.clear_at_end)

    def abort(self, err: BaseException) -> None:
        with self.lock:
            for t in self.tracker.tables.values():
                if t.status in ("waiting", "running"):
                    t.status = "stopped"  # the run's own error follows the block
            self._close(erase=False)

    def _close(self, erase: bool) -> None:
        if self.closed:
            return
        if erase:
            if self.drawn:
                self.stream.write(f"\r\x1b[{self.drawn}A\x1b[J")
                self.stream.flush()
            self.drawn = 0
        else:
            self._draw(self.lines())
        self.closed = True

    def _draw(self, lines: list[str]) -> None:
        parts = [f"\r\x1b[{self.drawn}A"] if self.drawn else []
        parts += [f"\x1b[2K{line}\n" for line in lines]
        parts.append("\x1b[J")  # the block may have shrunk
        self.stream.write(clean("".join(parts)))
        self.stream.flush()
        self.drawn = len(lines)
        self.last_draw = self.clock()

    def lines(self) -> list[str]:
        """The block: a header, then as many series as the terminal has room for."""
        width, height = self.size()
        tables = list(self.tracker.tables.values())
        room = max(3, height - 3)
        shown = tables
        if len(tables) > room:  # running and failed first, then waiting, then done
            order = {"running": 0, "failed": 1, "skipped": 2, "stopped": 3, "waiting": 4, "done": 5}
            keep = set(id(t) for t in sorted(tables, key=lambda t: order[t.status])[: room - 1])
            shown = [t for t in tables if id(t) in keep]
        name_width = min(28, max((len(t.key) for t in tables), default=5))
        out = [self._header()] + [self._line(t, name_width) for t in shown]
        if len(shown) < len(tables):
            hidden = [t for t in tables if t not in shown]
            counts = _counts(hidden)
            out.append(f"  ... and {len(hidden)} more ({counts})")
        return [_fit(line, width) for line in out]

    def _header(self) -> str:
        tr = self.tracker
        counts = _counts(list(tr.tables.values()))
        rate = tr.rate()
        left = tr.seconds_left()
        parts = [
            f"acx run {tr.run_id}: {counts}",
            _n(tr.requests(), "request"),
            f"{rate:.1f} req/s" if rate is not None else "- req/s",
            f"{short_duration(self.clock() - tr.started)} elapsed",
        ]
        if left is not None:
            parts.append(f"{_about(left)} left at {self.info.rate:g} req/s")
        if tr.destination:
            parts.append(f"into {tr.destination}")
        return ", ".join(parts)

    def _line(self, t: TableProgress, name_width: int) -> str:
        name = t.key.ljust(name_width)
        if t.status in ("waiting", "stopped"):
            return f"  {name}  {t.status}"
        if t.status in NOT_LOADED:
            return f"! {name}  {t.status}: {t.detail}"
        also = f", +{len(t.tables) - 1} fed" if len(t.tables) > 1 else ""
        if t.status == "done":
            return (
                f"  {name}  done     {_n(t.rows, 'row')}, {_n(t.requests, 'request')}, "
                f"{t.seconds:.1f}s{also}"
            )
        if not t.pages:
            return f"> {name}  started{also}"
        pages = t.pages_total()
        elapsed = self.clock() - t.started if t.started is not None else 0.0
        left = t.requests_left()
        cells = [
            _bar(t.pages, t.pages_total()),
            f"{_count(t.rows, t.total)} rows",
            f"{t.pages:,}/{pages:,} pages" if pages else f"{t.pages:,} pages",
            _n(t.requests, "request"),
            f"{t.requests / elapsed:.1f} req/s" if elapsed >= 1.0 else "- req/s",
        ]
        if left is not None:
            cells.append(f"{_about(left / self.info.rate)} left")
        return f"> {name}  " + "  ".join(c for c in cells if c) + also


# The --log-format words: a renderer each, and `auto` (live on a terminal, else json).
LogFormat = Literal["auto", "live", "text", "json"]
REPORTERS: dict[str, type[Reporter]] = {"live": LiveDisplay, "text": TextLines, "json": JsonLines}
LOG_FORMATS: tuple[LogFormat, ...] = get_args(LogFormat)


def make_reporter(
    log_format: str,
    info: RunInfo,
    echo: Echo,
    stream: TextIO | None = None,
    clear_at_end: bool | None = None,
) -> Reporter:
    """`auto`: the live display when `stream` (default stderr) is a terminal, else JSON lines.
    The live block is erased at the end when stdout is a terminal too (the summary follows)."""
    stream = stream or sys.stderr
    if log_format == "auto":
        log_format = "live" if is_terminal(stream) else "json"
    if log_format not in REPORTERS:
        raise ConfigError(
            f"unknown log format {log_format!r}", f"choose one of {', '.join(LOG_FORMATS)}"
        )
    if log_format == "live":
        erase = is_terminal(sys.stdout) if clear_at_end is None else clear_at_end
        return LiveDisplay(info, stream, echo, clear_at_end=erase)
    return REPORTERS[log_format](info, echo)


def is_terminal(stream: Any) -> bool:
    try:
        return bool(stream.isatty()) and os.environ.get("TERM") != "dumb"
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        return False


def terminal_size(stream: Any) -> tuple[int, int]:
    try:
        size = os.get_terminal_size(stream.fileno())
    except (AttributeError, ValueError, OSError):
        size = shutil.get_terminal_size((100, 40))
    return size.columns, size.lines


def short_duration(seconds: float) -> str:
    if 0 < seconds < 0.5:
        return "<1s"
    seconds = max(0, round(seconds))
    minutes, secs = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    if hours:
        return f"{hours}h {minutes:02d}m"
    return f"{minutes}m {secs:02d}s" if minutes else f"{secs}s"


def _about(seconds: float) -> str:
    text = short_duration(seconds)
    return text if text.startswith("<") else "~" + text


def _progress(t: TableProgress) -> Event:
    return event(
        "progress",
        table=t.key,
        rows=t.rows,
        pages=t.pages,
        total=t.total,
        requests=t.requests,
        requests_left=t.requests_left(),
    )


def _n(count: int, noun: str) -> str:
    return f"{count:,} {noun}" + ("" if count == 1 else "s")


def _count(rows: int, total: int | None) -> str:
    return f"{rows:,}/{total:,}" if total is not None else f"{rows:,}"


def _bar(done: int, total: int | None) -> str:
    """`[####------]` against the announced total; nothing when there is none."""
    if total is None:
        return ""
    filled = min(BAR, done * BAR // total) if total else BAR
    return "[" + "#" * filled + "-" * (BAR - filled) + "]"


def _counts(tables: list[TableProgress]) -> str:
    order: tuple[SeriesStatus, ...] = get_args(SeriesStatus)
    n = {s: sum(1 for t in tables if t.status == s) for s in order}
    return ", ".join(f"{n[s]} {s}" for s in order if n[s] or s in ("done", "running"))


def _fit(line: str, width: int) -> str:
    """Never wider than the terminal: a wrapped line would break the cursor-up count."""
    limit = max(20, width - 1)
    return line if len(line) <= limit else line[: limit - 3] + "..."


def _rounded(ev: Event) -> Event:
    return {k: round(v, 3) if isinstance(v, float) else v for k, v in ev.items()}
