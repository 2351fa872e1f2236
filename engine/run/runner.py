"""The loop that moves pages to batches to the destination, group by group.

A group is one series of requests (the root stream's) feeding several tables. Its rows are staged
in bounded batches; at the end of the group every table and its state row are committed in one
transaction, so a run that dies leaves the last good tables and a state never ahead of them."""

from __future__ import annotations

import dataclasses
import queue
import threading
import time
import uuid
from collections.abc import Mapping
from concurrent.futures import Future, ThreadPoolExecutor, wait
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import datetime, timezone, tzinfo
from typing import Any

import jmespath

from engine import crashpoints
from engine.config.settings import Settings
from engine.errors import AcxError, ApiError, Interrupted
from engine.http.client import Ask, Client, redact
from engine.http.pool import RequestPool
from engine.load import Apply, Destination
from engine.load.base import WHOLE_READ, WriteMode
from engine.load.state import FORMAT, StateRow, iso, parse_iso
from engine.read.account_zone import UTC, decide, zone_name
from engine.read.fetch import Page, PageSource
from engine.read.paginators import plausible
from engine.read.split import PageSplit
from engine.read.zone import Evidence
from engine.run import query, resume
from engine.run.batches import FUTURE_SKEW, StreamBuffer
from engine.run.events import Emit, event
from engine.run.firsts import FirstPages
from engine.run.interrupt import StopSignal
from engine.run.plan import Group, Plan
from engine.run.process import RUN_THREADS, Threads, release_memory
from engine.run.reconcile import reconcile_reason
from engine.run.reload import loaded_columns, previous_zone, reload_reason
from engine.run.results import RunResult, TableResult, run_records
from engine.run.resume import Resume
from engine.run.writer import Writer
from engine.spec import Spec, Stream
from engine.spec.types import ZONED_TYPES

POLL = 0.1  # seconds between looks at whether the run is stopping
STOP_GRACE = 1.0  # after a stop, how long running groups get to notice before they are left
HINT = Ask("(time zone)")  # who asks for the display-zone hint, in messages and request counts


@dataclass
class Reading:
    """A group's read in progress."""

    split: PageSplit  # which records of a page go to which table
    buffers: dict[str, StreamBuffer]  # per table
    tallies: dict[str, TableResult]  # per table: what the summary says
    since: datetime | None  # the lower bound of an incremental read
    found: Resume | None  # the checkpoint it goes on from
    checkpoints: bool  # whether it commits checkpoints (Runner._checkpointable)
    last_checkpoint: tuple[float, int] = field(default_factory=lambda: (time.monotonic(), 0))

    def checkpoint_due(self, page_no: int, cadence: resume.Cadence) -> bool:
        """Whether a checkpoint is due after page `page_no` (when, and after which page, the
        last one was: `last_checkpoint`)."""
        at, after = self.last_checkpoint
        return self.checkpoints and cadence.due(at, page_no - after, time.monotonic())


class Runner:
    """Runs a plan: every group in its own thread (requests share one rate limiter), one
    writer thread for the destination."""

    def __init__(
        self,
        spec: Spec,
        settings: Settings,
        destination: Destination,
        client: Client,
        batch_rows: int | None = None,
        emit: Emit = lambda ev: None,
        ahead: int = 8,
        threads: Threads = RUN_THREADS,
        no_backfill: bool = False,
        stop: StopSignal | None = None,
        first_pages: Mapping[str, tuple[list[tuple[str, str]], dict[str, Any]]] | None = None,
    ) -> None:
        """`first_pages`: per root, a first page already read (and the query it was read
        with), taken instead of asking again when the group's query is the same."""
        self.spec = spec
        self.settings = settings
        self.dest = destination
        self.client = client
        self.batch_rows = batch_rows or destination.batch_rows
        self.emit = emit
        self.ahead = ahead
        self.threads = threads
        self.no_backfill = no_backfill
        self.parent_rows: dict[str, list[dict[str, Any]]] = {}
        self.referenced: dict[str, set[str]] = {}  # "stream.column" -> values, once committed
        self.finished: dict[str, threading.Event] = {}
        self.abort: AcxError | None = None
        self._checked = threading.Lock()  # held while asking whether the whole account fails
        self._asked = False
        self.zone: tzinfo = settings.timezone or UTC
        self.params: dict[str, list[tuple[str, str]]] = {}  # per group root, for every page
        self.firsts = FirstPages()  # first pages, fetched up front
        self.first_pages = dict(first_pages or {})
        self.stopping = False
        self.resumes: dict[str, Resume] = {}  # per group root: the checkpoint it goes on from
        self.checkpoints = resume.cadence(settings.env)
        self.started_at = datetime.now(timezone.utc)
        if stop is not None:
            stop.on_stop(self.stop)

    def run(self, plan: Plan) -> RunResult:
        started = time.monotonic()
        result = RunResult(run_id=uuid.uuid4().hex[:12], tables={})
        self.emit(
            event(
                "run_start",
                run_id=result.run_id,
                destination=self.dest.describe(),
                tables=[k for g in plan.groups for k in g.keys],
                groups=[g.root.key for g in plan.groups],
            )
        )
        for group in plan.groups:
            self.finished[group.root.key] = threading.Event()
            for s in group.members:
                result.tables[s.key] = TableResult(s.key, group.mode, notes=list(s.notes))
        state = self.dest.read_state()
        for group in plan.groups:
            note = reload_reason(group, state, self.no_backfill)
            due = reconcile_reason(group, state, self.settings, self.started_at)
            if note is None and due is None:
                continue
            group.reconcile = note is None  # a reload reads everything, start date or not
            group.mode = "full"  # an incremental group becomes a full read; full ones stay
            for s in group.members:
                result.tables[s.key].mode = group.mode
                result.tables[s.key].notes.append(note or str(due))
        self._say_hard_deletes(plan)
        for message in self.dest.warnings():
            self.emit(event("warning", message=message))
        self._find_resumes(plan, state, result)  # before prepare: it keeps stages to go on with
        self.writer = Writer(self.dest)
        for s in [m for g in plan.groups for m in g.members]:
            self.writer.prepare(s)
        http = RequestPool(self.threads.http)
        self.source = PageSource(self.client, http, self.ahead)
        pool = ThreadPoolExecutor(
            max(1, min(self.threads.groups, len(plan.groups))), thread_name_prefix="acx-group"
        )
        try:
            self._settle_zone(plan, state, result)
            self._wait([pool.submit(self._run_group, g, state, result) for g in plan.groups])
        finally:
            self.firsts.drop()
            http.shutdown()
            pool.shutdown(wait=not self.stopping, cancel_futures=True)
            if self.stopping:
                self._give_up(plan, result)
            self.writer.close()
        self._log_runs(result)
        if self.abort is not None:
            raise self.abort
        result.seconds = time.monotonic() - started
        self.emit(
            event(
                "run_done",
                seconds=result.seconds,
                rows=sum(t.rows for t in result.tables.values()),
                requests=result.requests,
                failed=[t.key for t in result.failed],
                timezone=result.zone.as_dict() if result.zone else None,
            )
        )
        return result

    def _say_hard_deletes(self, plan: Plan) -> None:
        """Said once: the destination removes rows the spec or config would keep marked."""
        soft = [
            g.root.key
            for g in plan.groups
            if self.settings.deletes(g.root) == "soft" and not all(s.history for s in g.members)
        ]  # a history table keeps its deleted rows' last versions anywhere
        if soft and not self.dest.marks_deletes:
            self.emit(
                event(
                    "warning",
                    message=f"{self.dest.describe()} cannot keep deleted rows: rows the source "
                    "no longer has are removed from its tables, not marked _acx_deleted_at "
                    "(deletes = soft needs a SQL destination)",
                )
            )

    def _log_runs(self, result: RunResult) -> None:
        """How each table's run ended, into the destination's run log for `acx status`; a log
        that cannot be written is a warning: the tables and their state are committed."""
        stopped = str(self.abort) if self.abort is not None else None
        try:
            self.dest.append_runs(run_records(result, self.started_at, stopped))
        except AcxError as err:
            self.emit(event("warning", message=f"the run log was not written: {err}"))

    # ---------------------------------------------------------------- stopping

    def stop(self, reason: str) -> None:
        """Ctrl-C or SIGTERM (from any thread): no new request starts, every group stops at its
        next page, nothing unfinished is committed."""
        if self.abort is None:
            self.abort = Interrupted(f"stopped by {reason}", "nothing unfinished was committed")
        self.stopping = True
        self.client.limiter.close()

    def _wait(self, futures: list[Future[Any]]) -> None:
        """Wait for futures, raising the first failure; once stopping, give running ones
        STOP_GRACE seconds to notice, then leave them (their requests may hang)."""
        pending = set(futures)
        ended: queue.SimpleQueue[Future[Any]] = queue.SimpleQueue()
        for future in futures:  # each says when it ends: no look at every pending one per poll
            future.add_done_callback(ended.put)  # (many accounts at once: 5% of the GIL)
        while pending:
            try:
                future = ended.get(timeout=POLL)
            except queue.Empty:
                pass
            else:
                pending.discard(future)
                future.result()
            if self.stopping:
                wait(pending, timeout=STOP_GRACE)
                return

    def _give_up(self, plan: Plan, result: RunResult) -> None:
        """After a stop: the groups still running are failed and their stages dropped."""
        for group in plan.groups:
            if self.finished[group.root.key].is_set():
                continue
            for s in group.members:
                tally = result.tables[s.key]
                if tally.status == "pending":
                    tally.status, tally.error = "failed", str(self.abort)
            with suppress(AcxError):  # else the next run drops stale stages, under its lock
                self.writer.discard(group.members)

    # ---------------------------------------------------------------- before the groups

    def _first(self, group: Group, found: Resume | None) -> Future[dict[str, Any]]:
        """The group's first page: the one read already with the same query, else asked."""
        key = group.root.key
        known = self.first_pages.pop(key, None)
        if found is None and known is not None and known[0] == self.params[key]:
            done: Future[dict[str, Any]] = Future()
            done.set_result(known[1])
            return done
        return self.source.first(group.root, self.params[key], found.at if found else None)

    def _settle_zone(self, plan: Plan, state: dict[str, StateRow], result: RunResult) -> None:
        """Fetch the first page of every request series that does not wait for another table,
        find the zone from the offsets in them, and keep the pages for their groups."""
        previous = previous_zone(state)
        for group in plan.groups:
            found = self.resumes.get(group.root.key)
            since = query.since(group, state, self.settings, found)
            self.params[group.root.key] = query.params(
                group, since, self.settings.timezone, previous, found
            )
            if group.fan_out is None:
                self.firsts.ask(group.root.key, self._first(group, found))
        evidence = Evidence()
        for group in plan.groups:
            first = self.firsts.asked_for(group.root.key)
            if first is None:
                continue
            while not first.done() and not self.stopping:
                wait([first], timeout=POLL)
            if self.stopping:
                raise self.abort or Interrupted("stopped")
            try:
                body = first.result()
            except Exception:  # the group meets the same error and reports it
                continue
            self._observe(group, body, evidence)
            self.firsts.keep(group.root.key, body)
        self.zone, result.zone = decide(
            self.settings.timezone,
            self.settings.timezone_origin,
            evidence,
            previous,
            self._hint,
        )
        result.zone.requests = self.client.requests[HINT.stream]
        self.emit(event("timezone", **result.zone.as_dict()))

    def _observe(self, group: Group, body: dict[str, Any], evidence: Evidence) -> None:
        """Every timestamp with an offset in one page, of every table the page feeds; not
        those of columns the spec says are written in UTC (their offsets say nothing of the
        account's zone)."""
        split = PageSplit(group.members, self.referenced)
        try:
            kept = split.split(body)
        except AcxError:
            return
        for s in group.members:
            times = [
                i
                for i, c in enumerate(s.columns)
                if c.type in ZONED_TYPES and c.timezone == "account"
            ]
            if not times or not kept[s.key]:
                continue
            values = split.builders[s.key].columns(body, kept[s.key], None, only=times)
            for column in values:
                evidence.add(s.key, column)

    def _hint(self) -> str | None:
        """The calling user's display zone, when the spec says where to read it."""
        hint = self.spec.source.zone_hint
        if hint is None:
            return None
        try:
            body = self.client.get(hint.endpoint, [], HINT)
        except AcxError:
            return None
        return zone_name(jmespath.search(hint.field, body))

    # ---------------------------------------------------------------- groups

    def _run_group(self, group: Group, state: dict[str, StateRow], result: RunResult) -> None:
        tallies = [result.tables[s.key] for s in group.members]
        try:
            for needed in group.needs:
                self._wait_for(needed.key)
                if not self._published(needed.key):
                    self.writer.discard(group.members)  # its staging was prepared up front
                    reason = f"table {needed.key}, which it needs, failed"
                    if needed is group.fan_out:
                        reason = f"its parent table {needed.key} failed"
                    for t in tallies:
                        t.status, t.error = "skipped", reason
                    self.emit(
                        event(
                            "table_skipped", table=group.root.key, tables=group.keys, reason=reason
                        )
                    )
                    return
            self._run_group_body(group, state, result, tallies)
        finally:
            self.finished[group.root.key].set()

    def _published(self, stream_key: str) -> bool:
        return stream_key in self.parent_rows or any(
            ref.startswith(stream_key + ".") for ref in self.referenced
        )

    def _wait_for(self, stream_key: str) -> None:
        root = self.spec.root_of(self.spec.stream(stream_key)).key
        if root in self.finished:
            self.finished[root].wait()

    def _run_group_body(
        self,
        group: Group,
        state: dict[str, StateRow],
        result: RunResult,
        tallies: list[TableResult],
    ) -> None:
        started = time.monotonic()
        try:
            if self.abort is not None:
                raise self.abort
            buffers = self._fetch_group(group, state, result)
            self._commit(group, buffers, state, result, started)
        except AcxError as err:
            self.writer.discard(group.members)
            for t in tallies:
                t.status, t.error = "failed", str(err)
            if self._account_fails(err):  # said once, by the run's own error: not per table
                for t in tallies:
                    t.error = str(self.abort)
                return
            self.emit(
                event(
                    "table_failed",
                    table=group.root.key,
                    tables=group.keys,
                    error=str(err),
                    seconds=time.monotonic() - started,
                )
            )
            if isinstance(err, ApiError) and err.status == 401 and self.abort is None:
                self.abort = err  # a refused key fails every table: stop the run
        finally:
            root = result.tables[group.root.key]  # its first page may have come before it
            root.requests = self.client.requests[group.root.key]
            for t in tallies:
                t.seconds = time.monotonic() - started

    def _account_fails(self, err: AcxError) -> bool:
        """Whether the run stops: a refused key (401/403) or an account URL that never answered
        fails every table, so when the spec's check endpoint fails the same way the run ends
        with that one error instead of a failure per table."""
        if self.abort is not None:
            return True
        if not isinstance(err, ApiError) or not (err.status in (401, 403) or err.unreachable):
            return False
        with self._checked:
            if not self._asked and self.abort is None:
                self._asked = True
                self.abort = self.client.check()
        return self.abort is not None

    def _fetch_group(
        self, group: Group, state: dict[str, StateRow], result: RunResult
    ) -> dict[str, StreamBuffer]:
        """The group's pages in order: each split between the tables it feeds, their rows
        staged in batches, its progress said, a checkpoint committed when one is due."""
        root = group.root
        reading = self._start_reading(group, state, result)
        pages = self.source.pages(
            root,
            reading.split.builders[root.key],
            self.params[root.key],
            self._paths(group),
            self.firsts.take(root.key),
            reading.found.at if reading.found else None,
        )
        for page_no, page in enumerate(pages, start=1):
            if self.abort is not None:
                raise self.abort
            crashpoints.point("page")
            self._take_page(group, reading, page)
            self._say_progress(group, reading, page, page_no)
            nxt = self.source.next_at.get(root.key)
            if nxt is not None and reading.checkpoint_due(page_no, self.checkpoints):
                self._checkpoint(group, reading, state, result, nxt, page_no)
            del page  # not kept while the next page comes
        for key, buf in reading.buffers.items():
            if buf.failed is None:
                self._flush(buf, group, reading.since, reading.tallies[key])
        if self.client.not_utf8[root.key]:
            result.tables[root.key].warnings.append(
                f"{self.client.not_utf8[root.key]} response(s) held bytes that are not UTF-8; "
                "each was loaded as U+FFFD"
            )
        return reading.buffers

    def _start_reading(
        self, group: Group, state: dict[str, StateRow], result: RunResult
    ) -> Reading:
        """The group's buffers (restored from a checkpoint when it resumes) and lower bound."""
        root = group.root
        keep_parents = self._parent_needs(group)
        keep_referenced = self._referenced_needs(group)
        buffers = {
            s.key: StreamBuffer(
                s, self.zone, self.spec, s.key in keep_parents, keep_referenced.get(s.key, ())
            )
            for s in group.members
        }
        found = self.resumes.get(root.key)
        if found is not None:
            for key, buf in buffers.items():
                buf.restore(found.member(key))
        since = query.since(group, state, self.settings, self.resumes.get(root.key))
        result.tables[root.key].since = since
        self.emit(
            event(
                "table_start",
                table=root.key,
                tables=group.keys,
                mode=group.mode,
                since=iso(since),
                resumed_from=found.as_event(group) if found else None,
            )
        )
        split = PageSplit(group.members, self.referenced)
        checkpoints = self._checkpointable(group)
        tallies = {s.key: result.tables[s.key] for s in group.members}
        return Reading(split, buffers, tallies, since, found, checkpoints)

    def _take_page(self, group: Group, reading: Reading, page: Page) -> None:
        """One page's records into the buffers of the tables it feeds; full batches staged."""
        try:
            kept = reading.split.split(page.body, page.records)
        except ApiError as err:  # a member's records of the wrong shape: say where from
            raise ApiError(f"{err.message} (GET {self._url(group)})", err.hint) from None
        if page.records:
            self._missing_side_loads(group, reading, page.body)
        for s in group.members:
            buf = reading.buffers[s.key]
            if buf.failed is not None:
                continue
            parent = page.parent if s is group.root else None
            buf.add(reading.split.builders[s.key], page.body, kept[s.key], parent)
            if buf.pending >= self.batch_rows:
                self._flush(buf, group, reading.since, reading.tallies[s.key])

    def _say_progress(self, group: Group, reading: Reading, page: Page, page_no: int) -> None:
        root_buf = reading.buffers[group.root.key]
        rows = root_buf.staged + root_buf.pending
        total = plausible(page.total) if group.fan_out is None else None  # a hint: see fetch
        self.emit(
            event(
                "page",
                table=group.root.key,
                rows=rows,
                pages=page_no,
                total=total if total is not None and total >= rows else None,
                requests=self.client.requests[group.root.key],
            )
        )

    def _missing_side_loads(self, group: Group, reading: Reading, body: dict[str, Any]) -> None:
        """A page with records whose side-loaded array is absent (the server ignored include=,
        or changed shape): the tables it feeds fail and keep their rows; the others go on."""
        for s in group.members:
            buf = reading.buffers[s.key]
            if not s.fed or buf.failed is not None:
                continue
            feeder = reading.buffers.get(s.from_ or "")
            if feeder is not None and feeder.failed is not None:
                buf.failed = ApiError(
                    f"table {s.key}: not loaded because {s.from_}, which feeds it, failed",
                    "it keeps the rows it had",
                )
            else:
                buf.failed = reading.split.missing_side_load(s, body, self._url(group))

    def _parent_needs(self, group: Group) -> set[str]:
        """Members whose rows some other stream's {parent.*} endpoint iterates over."""
        keys = set(group.keys)
        return {
            s.parent.stream
            for s in self.spec.streams
            if s.per_parent and s.parent and s.parent.stream in keys
        }

    def _referenced_needs(self, group: Group) -> dict[str, list[int]]:
        """Members whose column values another stream keeps its rows by (only_referenced_by):
        stream key -> indexes of those columns."""
        keys = set(group.keys)
        out: dict[str, list[int]] = {}
        for s in self.spec.streams:
            if s.only_referenced_by is None or s.only_referenced_by[0] not in keys:
                continue
            target, column = s.only_referenced_by
            names = [c.key for c in self.spec.stream(target).columns]
            out.setdefault(target, []).append(names.index(column))
        return out

    def _paths(self, group: Group) -> list[tuple[str, Any]]:
        """(path, parent row) of each request series: one, or one per parent row."""
        endpoint = group.root.endpoint or ""
        if group.fan_out is None:
            return [(endpoint, None)]
        out = []
        for parent in self.parent_rows.get(group.fan_out.key, []):
            path = group.root.path_for(parent)
            if path is not None:
                out.append((path, parent))
        return out

    def _flush(
        self, buf: StreamBuffer, group: Group, since: datetime | None, tally: TableResult
    ) -> None:
        """The rows waiting in `buf`, staged as one batch."""
        client_side = buf.stream is group.root and group.root.replication.filter is None
        table = buf.take(self.zone, since if client_side else None, self._url(group), tally)
        if table is None:
            return
        self.writer.stage(buf.stream, table)
        crashpoints.point("staged")
        release_memory()

    def _url(self, group: Group) -> str:
        """The group's list URL with its query, for messages about its rows."""
        return redact(self.client.base + (group.root.endpoint or ""), self.params[group.root.key])

    def _commit(
        self,
        group: Group,
        buffers: dict[str, StreamBuffer],
        state: dict[str, StateRow],
        result: RunResult,
        started: float,
    ) -> None:
        loaded = [s for s in group.members if buffers[s.key].failed is None]
        legacy = {s.key: self.writer.legacy_columns(s) for s in loaded}
        mode = self._apply_mode(group, result, legacy, state)
        applies, states = [], []
        for s in loaded:
            buf = buffers[s.key]
            rows = buf.distinct  # a key twice is one row
            applies.append(self._apply(group, s, mode, legacy[s.key], buf.repeats(rows)))
            prev = state.get(s.key)
            savepoint = buf.max_cursor
            if prev and prev.savepoint and (savepoint is None or prev.savepoint > savepoint):
                savepoint = prev.savepoint if group.mode == "incremental" else savepoint
            if savepoint is not None and savepoint > buf.ceiling:
                savepoint = buf.ceiling  # an earlier acx's, in the future (see FUTURE_SKEW)
            states.append(self._state_row(s, group, result, prev, savepoint, rows))
            self._report_table(s, buf, result, rows, savepoint)
        failed = [s for s in group.members if buffers[s.key].failed is not None]
        if failed:
            self.writer.discard(failed)
        self.writer.commit(applies, states)
        self._publish(group, buffers)
        self._report_done(group, buffers, result, started)

    def _publish(self, group: Group, buffers: dict[str, StreamBuffer]) -> None:
        """What other groups wait for, once committed: a failed parent's children are skipped,
        not half-read."""
        for key in self._parent_needs(group):
            self.parent_rows[key] = buffers[key].parents
        for target, indexes in self._referenced_needs(group).items():
            for index in indexes:
                column = self.spec.stream(target).columns[index].key
                self.referenced[f"{target}.{column}"] = buffers[target].referenced

    def _report_table(
        self,
        stream: Stream,
        buf: StreamBuffer,
        result: RunResult,
        rows: int,
        savepoint: datetime | None,
    ) -> None:
        tally = result.tables[stream.key]
        tally.rows, tally.savepoint = rows, savepoint
        if buf.future:
            tally.warnings.append(
                f"{buf.future} row(s) with {buf.cursor_name} more than "
                f"{FUTURE_SKEW.days} day(s) after this read began: loaded; the savepoint "
                f"stays at {iso(buf.ceiling)}, so later changes still load"
            )
        self._report_fields(stream, buf, tally, result)

    def _report_done(
        self, group: Group, buffers: dict[str, StreamBuffer], result: RunResult, started: float
    ) -> None:
        """Each table's status, and the events that say it."""
        loaded = [s for s in group.members if buffers[s.key].failed is None]
        failed = [s for s in group.members if buffers[s.key].failed is not None]
        for s in loaded:
            result.tables[s.key].status = "ok"
        for s in failed:
            tally = result.tables[s.key]
            tally.status, tally.error = "failed", str(buffers[s.key].failed)
            self.emit(
                event(
                    "table_failed",
                    table=s.key,
                    tables=[s.key],
                    error=tally.error,
                    seconds=time.monotonic() - started,
                )
            )
        self.emit(
            event(
                "table_done",
                table=group.root.key,
                tables={s.key: result.tables[s.key].rows for s in loaded},
                requests=self.client.requests[group.root.key],
                seconds=time.monotonic() - started,
                savepoint=iso(result.tables[group.root.key].savepoint),
                nulled={s.key: sum(result.tables[s.key].nulls.values()) for s in loaded},
            )
        )

    def _apply_mode(
        self,
        group: Group,
        result: RunResult,
        legacy: dict[str, tuple[str, ...]],
        state: dict[str, StateRow],
    ) -> WriteMode:
        """How the group's stages reach its tables (engine/load/base.py WriteMode). A read of
        the whole table mirrors it (soft deletes) or replaces it (hard); one of a table never
        loaded, or of what changed, merges. A table still in an earlier acx's types is replaced
        (and migrated) by a read of it all. A resumed read applies as it began: a merge whose
        checkpoints committed rows must not mirror the rows read after them."""
        found = self.resumes.get(group.root.key)
        if found is not None and found.position.get("apply") in ("replace", "mirror", "merge"):
            return found.position["apply"]  # type: ignore[no-any-return]  # as the read began
        read_all = group.mode == "full" or result.tables[group.root.key].since is None
        soft = self._soft(group)
        if read_all and any(legacy.values()):
            return "replace"
        if group.mode == "full":
            return "mirror" if soft else "replace"
        loaded_before = any(s.key in state for s in group.members)
        return "mirror" if read_all and soft and loaded_before else "merge"

    def _soft(self, group: Group) -> bool:
        return self.settings.deletes(group.root) == "soft" and self.dest.marks_deletes

    def _apply(
        self,
        group: Group,
        stream: Stream,
        mode: WriteMode,
        migrate: tuple[str, ...] = (),
        repeats: bool = True,
    ) -> Apply:
        """How one stream's stage is applied: with its parent's stage (a merged child), whether
        deleted rows are marked, and the tables outside the group whose parent it is."""
        children = tuple(
            c
            for c in self.spec.streams
            if c.parent is not None and c.parent.stream == stream.key and c.key not in group.keys
        )
        return Apply(
            stream,
            mode,
            self._parent_stage(stream, mode),
            migrate=migrate,
            soft=self._soft(group),
            children=children,
            repeats=repeats,
        )

    # ---------------------------------------------------------------- checkpoints

    def _checkpointable(self, group: Group) -> bool:
        """A group commits checkpoints when it is one request series whose rows no other group
        waits for (those wait for every row: parents, referenced values), into a destination
        that keeps stages across runs."""
        return (
            self.dest.checkpoints
            and group.fan_out is None
            and not self._parent_needs(group)
            and not self._referenced_needs(group)
        )

    def _find_resumes(self, plan: Plan, state: dict[str, StateRow], result: RunResult) -> None:
        """The groups that go on from an interrupted run's last checkpoint: their replace
        groups' stages kept, without the rows staged after it."""
        for group in plan.groups:
            found = resume.found(group, state)
            if found is None or not self._checkpointable(group):
                continue
            if found.replace:
                seqs = {s.key: int(found.member(s.key).get("seq") or 0) for s in group.members}
                if not all(self.dest.resume_stage(s, seqs[s.key]) for s in group.members):
                    self.dest.kept.difference_update(group.keys)  # read again from the start
                    continue
            self.resumes[group.root.key] = found
            result.tables[group.root.key].notes.append(found.note(group))

    def _checkpoint(
        self,
        group: Group,
        reading: Reading,
        state: dict[str, StateRow],
        result: RunResult,
        at: Any,
        page_no: int,
    ) -> None:
        """Commit the group's progress at a page boundary (engine/run/resume.py): a merge group's
        rows so far with its position; a replace group only its position, its stages kept.
        The savepoint stays the previous run's: rows arrive by key, not by cursor."""
        buffers = reading.buffers
        reading.last_checkpoint = (time.monotonic(), page_no)
        if any(buf.failed is not None for buf in buffers.values()):
            return  # a fed table stopped: this run ends failing it; nothing to go on from
        for key, buf in buffers.items():
            self._flush(buf, group, reading.since, reading.tallies[key])
        legacy = {s.key: self.writer.legacy_columns(s) for s in group.members}
        mode = self._apply_mode(group, result, legacy, state)
        found = reading.found
        pages = (found.pages if found else 0) + page_no
        shared = {
            "run": found.position["run"] if found else result.run_id,
            "started": found.position["started"] if found else iso(self.started_at),
            "mode": group.mode,
            "apply": mode,
            "at": at,
            "pages": pages,
            "params": [list(p) for p in self.params[group.root.key]],
            "since": iso(reading.since),
        }
        applies, states = [], []
        for s in group.members:
            buf, prev = buffers[s.key], state.get(s.key)
            position = {
                **shared,
                "seq": buf.seq,
                "rows": buf.distinct,
                "max_cursor": iso(buf.max_cursor),
                "ceiling": iso(buf.ceiling),
                "future": buf.future,
                "stage": self.dest.stage_name(s) if mode in WHOLE_READ else None,
            }
            if mode in WHOLE_READ:  # the table keeps its rows and what its state says of them
                states.append(
                    dataclasses.replace(prev, position=position)
                    if prev is not None
                    else self._state_row(s, group, result, None, None, 0, position)
                )
                continue
            applies.append(self._apply(group, s, mode))
            savepoint = prev.savepoint if prev else None
            states.append(
                self._state_row(s, group, result, prev, savepoint, position["rows"], position)
            )
        self.writer.commit(applies, states)
        for item in applies:  # the commit dropped its stages: fresh ones for the next rows
            self.writer.prepare(item.stream)
        crashpoints.point("checkpoint")
        self.emit(event("checkpoint", table=group.root.key, at=at, pages=pages, apply=mode))

    def _state_row(
        self,
        stream: Stream,
        group: Group,
        result: RunResult,
        prev: StateRow | None,
        savepoint: datetime | None,
        rows: int,
        position: dict[str, Any] | None = None,
    ) -> StateRow:
        """A table's `_acx_state` row as this run leaves it (`position`: at a checkpoint)."""
        return StateRow(
            stream.key,
            savepoint,
            group.mode,
            rows,
            result.run_id,
            datetime.now(timezone.utc),
            timezone=getattr(self.zone, "key", None),
            format=FORMAT,
            columns=loaded_columns(stream, prev, self.no_backfill and group.mode == "incremental"),
            position=position,
            reconciled_at=self._reconciled(group, result, prev, position),
        )

    def _reconciled(
        self,
        group: Group,
        result: RunResult,
        prev: StateRow | None,
        position: dict[str, Any] | None,
    ) -> datetime | None:
        """When the table's rows were last checked against all of the source's: this run's
        start once a whole read of it ends (not at a checkpoint), else as before."""
        whole = group.mode == "full" or result.tables[group.root.key].since is None
        if position is None and whole:
            found = self.resumes.get(group.root.key)  # the read began in an earlier run
            return parse_iso(found.position.get("started")) if found else self.started_at
        return prev.reconciled_at if prev else None

    def _parent_stage(self, stream: Stream, mode: str) -> Stream | None:
        """A fed child merged with its parent: the parent's stage says which parents' children
        the page held (a child gone from a parent's list is deleted)."""
        if (
            mode == "merge"
            and stream.fed
            and stream.parent
            and stream.parent.stream == stream.from_
        ):
            return self.spec.stream(stream.parent.stream)
        return None

    def _report_fields(
        self, stream: Stream, buf: StreamBuffer, tally: TableResult, result: RunResult
    ) -> None:
        """Field drift and the zone-less/offset pairs of one table, into its result."""
        unseen = buf.drift.unseen_line()
        if unseen:
            tally.warnings.append(unseen)
        tally.drift = buf.drift.as_dict()
        twins = buf.twins
        if twins.guessed:
            counts = ", ".join(f"{column} {n}" for column, n in sorted(twins.guessed.items()))
            tally.warnings.append(
                f"{sum(twins.guessed.values())} zone-less value(s) ({counts}) fall in an hour "
                "that a daylight-saving change repeats; each was read as the earlier of its two "
                "instants"
            )
        if twins.repeated:
            tally.notes.append(
                f"{twins.repeated} zone-less timestamp(s) in an hour that daylight saving time "
                "repeats were read as the instant their offset twin names"
            )
        if result.zone is None or not (twins.agreed or twins.disagreed):
            return
        with self._checked:
            result.zone.pairs_agreed += twins.agreed
            result.zone.pairs_disagreed += twins.disagreed
            if twins.example is not None and result.zone.disagreement is None:
                result.zone.disagreement = f"{stream.key}: {twins.example}"
