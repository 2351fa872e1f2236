"""The loop that moves pages to batches to the destination, group by group.

A group is one series of requests (the root stream's) feeding several tables. Its rows are staged
in bounded batches; at the end of the group every table and its state row are committed in one
transaction, so a run that dies leaves the last good tables and a state never ahead of them."""

from __future__ import annotations

import dataclasses
import threading
import time
import uuid
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from contextlib import suppress
from datetime import datetime, timedelta, timezone, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

import jmespath
import pyarrow as pa
import pyarrow.compute as pc

from engine import crashpoints
from engine.config.settings import Settings
from engine.errors import AcxError, ApiError, Interrupted
from engine.http.client import Ask, Client, redact
from engine.load import Apply, Destination
from engine.load.sqlbuild import SEQ
from engine.load.state import FORMAT, StateRow, as_utc_datetime, iso, lower_bound, parse_iso
from engine.read.account_zone import UTC, decide, zone_name
from engine.read.coerce import Coercer
from engine.read.drift import FieldTally
from engine.read.fetch import PageSource
from engine.read.paginators import plausible, read_total
from engine.read.records import RowBuilder
from engine.read.twins import TwinTally, check_twins, count_guesses
from engine.read.zone import Evidence
from engine.run import resume
from engine.run.events import Emit, event
from engine.run.interrupt import StopSignal
from engine.run.plan import Group, Plan
from engine.run.process import release_memory
from engine.run.reload import loaded_columns, previous_zone, reload_reason
from engine.run.results import RunResult, TableResult
from engine.run.resume import Resume
from engine.run.writer import Writer
from engine.spec import Spec, Stream

# A server filter written in a zone acx does not know yet (a first run with a start date) starts
# this much earlier: no zone is further from UTC, so nothing is missed; rows merge on the key.
WIDEST_OFFSET = timedelta(hours=14)
# A cursor value this far past the moment its read began is "in the future" (a contact with udate
# in 2999): beyond what a wrong zone (14 hours at most) or a server's clock explains. Such rows
# are loaded and counted in a warning. Whatever the rows say, the savepoint never passes the
# moment the read began: a later savepoint would put the next run's lower bound after changes
# that have not happened yet, and they would never be read.
FUTURE_SKEW = timedelta(days=1)
KEYS_KEPT = 100_000  # keys per table kept to count a key repeated across pages once
POLL = 0.1  # seconds between looks at whether the run is stopping
STOP_GRACE = 1.0  # after a stop, how long running groups get to notice before they are left
HINT = Ask("(time zone)")  # who asks for the display-zone hint, in messages and request counts


class StreamBuffer:
    """Rows of one stream waiting to be coerced and staged, and what was learnt from them."""

    def __init__(self, stream: Stream, tz: tzinfo, spec: Spec) -> None:
        self.stream = stream
        self.columns: list[list[Any]] = [[] for _ in stream.columns]  # raw values, per column
        self.pending = 0  # rows in `columns`
        self.coercer = Coercer(stream.columns, tz)
        self.drift = FieldTally(stream, spec)
        self.twins = TwinTally()  # zone-less values against their offset twins
        self.cursor_name = (
            stream.column(stream.replication.cursor).name if stream.replication.cursor else None
        )
        self.max_cursor: datetime | None = None  # of the rows read, never past `ceiling`
        self.ceiling = datetime.now(timezone.utc)  # when the read began (see FUTURE_SKEW)
        self.future = 0  # rows whose cursor lies more than FUTURE_SKEW past `ceiling`
        self.staged = 0
        self.keys: list[pa.Table] = []  # key columns of staged batches, up to KEYS_KEPT rows
        self.counted = 0  # distinct rows of batches whose keys were let go
        self.seq = 0
        self.parents: list[dict[str, Any]] = []  # rows a {parent.*} endpoint will iterate over
        self.referenced: set[str] = set()  # values another table keeps its rows by
        self.failed: ApiError | None = None  # a fed table whose records stopped arriving
        self.before = 0  # distinct rows an interrupted run had read (engine/run/resume.py)

    def count_keys(self, keys: pa.Table) -> None:
        """Remember a staged batch's keys, so that a key staged twice counts once. Past
        KEYS_KEPT rows (a large table, where memory matters more) each batch is counted on its
        own: a key repeated within a page still counts once, one repeated across pages of a
        large table twice (the table itself holds it once)."""
        if self.keys and sum(k.num_rows for k in self.keys) + keys.num_rows > KEYS_KEPT:
            self.counted += distinct_rows(self.keys)
            self.keys = []
        if keys.num_rows > KEYS_KEPT or self.counted:
            self.counted += distinct_rows([keys])
        else:
            self.keys.append(keys)

    @property
    def distinct(self) -> int:
        """Distinct rows read, this run and the interrupted run it resumed."""
        return self.before + self.counted + distinct_rows(self.keys)


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
        http_workers: int = 16,
        max_groups: int = 8,
        no_backfill: bool = False,
        stop: StopSignal | None = None,
    ) -> None:
        self.spec = spec
        self.settings = settings
        self.dest = destination
        self.client = client
        self.batch_rows = batch_rows or destination.batch_rows
        self.emit = emit
        self.ahead = ahead
        self.http_workers = http_workers
        self.max_groups = max_groups
        self.no_backfill = no_backfill
        self.parent_rows: dict[str, list[dict[str, Any]]] = {}
        self.referenced: dict[str, set[str]] = {}  # "stream.column" -> values, once committed
        self.finished: dict[str, threading.Event] = {}
        self.abort: AcxError | None = None
        self._checked = threading.Lock()  # held while asking whether the whole account fails
        self._asked = False
        self.zone: tzinfo = settings.timezone or UTC
        self.params: dict[str, list[tuple[str, str]]] = {}  # per group root, for every page
        self.firsts: dict[str, Future[dict[str, Any]]] = {}  # first pages, fetched up front
        self.stopping = False
        self.resumes: dict[str, Resume] = {}  # per group root: the checkpoint it goes on from
        self.checkpoints = resume.cadence(getattr(settings, "env", None) or {})
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
                result.tables[s.key] = TableResult(s.key, group.mode)
        state = self.dest.read_state()
        for group in plan.groups:
            note = reload_reason(group, state, self.no_backfill)
            if note is None:
                continue
            group.mode = "full"  # an incremental group becomes a full read; full ones stay
            for s in group.members:
                result.tables[s.key].mode = group.mode
                result.tables[s.key].notes.append(note)
        self._find_resumes(plan, state, result)  # before prepare: it keeps stages to go on with
        self.writer = Writer(self.dest)
        for s in [m for g in plan.groups for m in g.members]:
            self.writer.prepare(s)
        http = ThreadPoolExecutor(self.http_workers, thread_name_prefix="acx-http")
        self.source = PageSource(self.client, http, self.ahead)
        pool = ThreadPoolExecutor(
            max(1, min(self.max_groups, len(plan.groups))), thread_name_prefix="acx-group"
        )
        try:
            self._settle_zone(plan, state, result)
            self._wait([pool.submit(self._run_group, g, state, result) for g in plan.groups])
        finally:
            for first in self.firsts.values():
                first.cancel()
            http.shutdown(wait=False, cancel_futures=True)
            pool.shutdown(wait=not self.stopping, cancel_futures=True)
            if self.stopping:
                self._give_up(plan, result)
            self.writer.close()
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
        while pending:
            done, pending = wait(pending, timeout=POLL, return_when=FIRST_COMPLETED)
            for future in done:
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

    def _settle_zone(self, plan: Plan, state: dict[str, StateRow], result: RunResult) -> None:
        """Fetch the first page of every request series that does not wait for another table,
        find the zone from the offsets in them, and keep the pages for their groups."""
        previous = previous_zone(state)
        for group in plan.groups:
            self.params[group.root.key] = self._params(group, state, previous)
            if group.fan_out is None:
                found = self.resumes.get(group.root.key)
                self.firsts[group.root.key] = self.source.first(
                    group.root, self.params[group.root.key], found.at if found else None
                )
        evidence = Evidence()
        for group in plan.groups:
            first = self.firsts.get(group.root.key)
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
        """Every timestamp with an offset in one page, of every table the page feeds."""
        builders = {s.key: RowBuilder(s) for s in group.members}
        try:
            kept = self._split(group, builders, body, None)
        except AcxError:
            return
        for s in group.members:
            times = [i for i, c in enumerate(s.columns) if c.type in ("timestamp", "date")]
            if not times or not kept[s.key]:
                continue
            values = builders[s.key].columns(body, kept[s.key], None)
            for i in times:
                evidence.add(s.key, values[i])

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

    def _params(
        self, group: Group, state: dict[str, StateRow], previous: str | None
    ) -> list[tuple[str, str]]:
        """The group's query: the spec's params, and its server filter from the lower bound,
        written in the zone the API reads it in (the user's, else the last run's; not known
        yet on a first run: then the bound starts WIDEST_OFFSET earlier)."""
        root = group.root
        found = self.resumes.get(root.key)
        if found is not None:
            return found.params  # the interrupted run's query, filter and all
        params = list(root.params)
        since = self._since(group, state)
        flt = root.replication.filter
        if since is None or flt is None:
            return params
        zone: tzinfo | None = self.settings.timezone
        if zone is None and previous is not None:
            zone = ZoneInfo(previous)
        if zone is None:
            zone, since = UTC, since - WIDEST_OFFSET
        params.append((flt.param, since.astimezone(zone).strftime(flt.format)))
        return params

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
        root = group.root
        builders = {s.key: RowBuilder(s) for s in group.members}
        buffers = {s.key: StreamBuffer(s, self.zone, self.spec) for s in group.members}
        since = self._since(group, state)
        result.tables[root.key].since = since
        params = self.params[root.key]
        keep_parents = self._parent_needs(group)
        keep_referenced = self._referenced_needs(group)
        found = self.resumes.get(root.key)
        if found is not None:
            restore(buffers, found)
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
        checkpoints = self._checkpointable(group)
        last_checkpoint = (time.monotonic(), 0)  # when, and after which page
        done_pages = found.pages if found else 0
        total_expr = (
            jmespath.compile(root.paging.total) if root.paging and root.paging.total else None
        )
        announced: int | None = None
        pages = self.source.pages(
            root,
            builders[root.key],
            params,
            self._paths(group),
            self.firsts.pop(root.key, None),
            found.at if found else None,
        )
        for page_no, (body, root_records, parent) in enumerate(pages, start=1):
            if self.abort is not None:
                raise self.abort
            crashpoints.point("page")
            if announced is None and total_expr is not None and group.fan_out is None:
                announced = plausible(read_total(total_expr.search(body)))  # a hint: see below
            try:
                kept = self._split(group, builders, body, root_records)
            except ApiError as err:  # a member's records of the wrong shape: say where from
                raise ApiError(f"{err.message} (GET {self._url(group)})", err.hint) from None
            if root_records:
                self._missing_side_loads(group, builders, body, buffers, params)
            for s in group.members:
                buf = buffers[s.key]
                if buf.failed is not None:
                    continue
                b = builders[s.key]
                buf.drift.observe(kept[s.key])
                values = b.columns(body, kept[s.key], parent if s is root else None)
                for column, new in zip(buf.columns, values, strict=True):
                    column.extend(new)
                buf.pending += len(kept[s.key])
                if s.key in keep_parents:
                    buf.parents.extend(b.rows(body, kept[s.key], parent if s is root else None))
                for index in keep_referenced.get(s.key, ()):
                    buf.referenced.update(_ref_text(v) for v in values[index] if v is not None)
                if buf.pending >= self.batch_rows:
                    self._flush(buf, group, since, result)
            root_buf = buffers[root.key]
            rows = root_buf.staged + root_buf.pending
            self.emit(
                event(
                    "page",
                    table=root.key,
                    rows=rows,
                    pages=page_no,
                    total=announced if announced is not None and announced >= rows else None,
                    requests=self.client.requests[root.key],
                )
            )
            nxt = self.source.next_at.get(root.key)
            since_last = page_no - last_checkpoint[1]
            if (
                checkpoints
                and nxt is not None
                and self.checkpoints.due(last_checkpoint[0], since_last, time.monotonic())
            ):
                self._checkpoint(group, buffers, state, result, since, nxt, done_pages + page_no)
                last_checkpoint = (time.monotonic(), page_no)
        for buf in buffers.values():
            if buf.failed is None:
                self._flush(buf, group, since, result)
        if self.client.not_utf8[root.key]:
            result.tables[root.key].warnings.append(
                f"{self.client.not_utf8[root.key]} response(s) held bytes that are not UTF-8; "
                "each was loaded as U+FFFD"
            )
        return buffers

    def _split(
        self,
        group: Group,
        builders: dict[str, RowBuilder],
        body: dict[str, Any],
        root_records: list[dict[str, Any]] | None,
    ) -> dict[str, list[dict[str, Any]]]:
        """The records of every member in one page, after its row filters."""
        kept: dict[str, list[dict[str, Any]]] = {}
        for s in group.members:
            b = builders[s.key]
            where = f"table {s.key}"
            if s is group.root:
                records = root_records if root_records is not None else b.records(body, where)
            elif s.records:
                records = b.records(body, where)
            else:
                records = b.nested_records(kept.get(s.from_ or "", []), where)
            kept[s.key] = [r for r in records if b.keep(r)]
            if s.only_referenced_by is not None:
                kept[s.key] = self._only_referenced(s, b, kept[s.key])
        return kept

    def _only_referenced(
        self, stream: Stream, builder: RowBuilder, records: list[dict[str, Any]]
    ) -> list[dict[str, Any]]:
        assert stream.only_referenced_by is not None
        wanted = self.referenced.get(".".join(stream.only_referenced_by))
        if wanted is None:  # the probe of the first page, before the referencing table ran
            return records
        key = builder.key_getter
        return [r for r in records if _ref_text(key(r)) in wanted]

    def _missing_side_loads(
        self,
        group: Group,
        builders: dict[str, RowBuilder],
        body: dict[str, Any],
        buffers: dict[str, StreamBuffer],
        params: list[tuple[str, str]],
    ) -> None:
        """A page with records whose side-loaded array is absent (the server ignored include=,
        or changed shape): the tables it feeds fail and keep their rows; the others go on."""
        for s in group.members:
            buf = buffers[s.key]
            if not s.fed or buf.failed is not None:
                continue
            feeder = buffers.get(s.from_ or "")
            if feeder is not None and feeder.failed is not None:
                buf.failed = ApiError(
                    f"table {s.key}: not loaded because {s.from_}, which feeds it, failed",
                    "it keeps the rows it had",
                )
            elif s.records and not builders[s.key].has_records(body):
                url = redact(self.client.base + (group.root.endpoint or ""), params)
                buf.failed = ApiError(
                    f"table {s.key}: GET {url} answered without its '{s.records}' array "
                    "(the server ignored include= or changed shape)",
                    "nothing of this table was replaced or deleted; the other tables of the "
                    "request loaded",
                )

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

    def _since(self, group: Group, state: dict[str, StateRow]) -> datetime | None:
        root = group.root
        if group.mode != "incremental" or not root.replication.cursor:
            return None
        found = self.resumes.get(root.key)
        if found is not None:
            return found.since
        table = self.settings.table(root.key)
        window = table.update_window_days
        if window is None:
            window = root.replication.update_window_days
        prev = state.get(root.key)
        return lower_bound(
            prev.savepoint if prev else None, window, table.start_date or self.settings.start_date
        )

    def _flush(
        self, buf: StreamBuffer, group: Group, since: datetime | None, result: RunResult
    ) -> None:
        if not buf.pending:
            return
        columns, buf.columns, buf.pending = buf.columns, [[] for _ in buf.columns], 0
        table = buf.coercer.columns_to_arrow(columns)
        count_guesses(buf.stream, table, columns, self.zone, buf.twins)
        del columns
        tally = result.tables[buf.stream.key]
        tally.nulls.update(buf.coercer.failures)
        buf.coercer.failures.clear()
        for key, example in buf.coercer.examples.items():
            tally.examples.setdefault(key, example)
        check_keys(buf.stream, table, buf.coercer.examples, self._url(group))
        table = check_twins(buf.stream, table, self.zone, buf.twins)
        if buf.cursor_name is not None and table.num_rows:
            moment, future = cursor_top(table[buf.cursor_name], buf.ceiling)
            buf.future += future
            if moment is not None and (buf.max_cursor is None or moment > buf.max_cursor):
                buf.max_cursor = moment
            if (
                since is not None
                and buf.stream is group.root
                and group.root.replication.filter is None
            ):
                table = keep_since(table, buf.cursor_name, since)
        seq = pa.array(range(buf.seq, buf.seq + table.num_rows), type=pa.int64())
        buf.seq += table.num_rows
        self.writer.stage(buf.stream, table.append_column(SEQ, seq))
        crashpoints.point("staged")
        buf.staged += table.num_rows
        buf.count_keys(table.select([buf.stream.column(k).name for k in buf.stream.primary_key]))
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
        mode = self._apply_mode(group, result, legacy)
        applies, states = [], []
        now = datetime.now(timezone.utc)
        run_id = result.run_id
        for s in loaded:
            buf = buffers[s.key]
            parent_stage = None
            if mode == "merge" and s.fed and s.parent and s.parent.stream == s.from_:
                parent_stage = self.spec.stream(s.parent.stream)
            applies.append(Apply(s, mode, parent_stage, migrate=legacy[s.key]))
            prev = state.get(s.key)
            savepoint = buf.max_cursor
            if prev and prev.savepoint and (savepoint is None or prev.savepoint > savepoint):
                savepoint = prev.savepoint if group.mode == "incremental" else savepoint
            if savepoint is not None and savepoint > buf.ceiling:
                savepoint = buf.ceiling  # an earlier acx's, in the future (see FUTURE_SKEW)
            rows = buf.distinct  # a key twice is one row
            states.append(
                StateRow(
                    s.key,
                    savepoint,
                    group.mode,
                    rows,
                    run_id,
                    now,
                    timezone=getattr(self.zone, "key", None),
                    format=FORMAT,
                    columns=loaded_columns(
                        s, prev, self.no_backfill and group.mode == "incremental"
                    ),
                )
            )
            tally = result.tables[s.key]
            tally.rows, tally.savepoint = rows, savepoint
            if buf.future:
                tally.warnings.append(
                    f"{buf.future} row(s) with {buf.cursor_name} more than "
                    f"{FUTURE_SKEW.days} day(s) after this read began: loaded; the savepoint "
                    f"stays at {iso(buf.ceiling)}, so later changes still load"
                )
            self._report_fields(s, buf, tally, result)
        failed = [s for s in group.members if buffers[s.key].failed is not None]
        if failed:
            self.writer.discard(failed)
        self.writer.commit(applies, states)
        for key in self._parent_needs(group):  # published once committed: a failed parent's
            self.parent_rows[key] = buffers[key].parents  # children are skipped, not half-read
        for target, indexes in self._referenced_needs(group).items():
            for index in indexes:
                column = self.spec.stream(target).columns[index].key
                self.referenced[f"{target}.{column}"] = buffers[target].referenced
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
        self, group: Group, result: RunResult, legacy: dict[str, tuple[str, ...]]
    ) -> str:
        """ "replace" (the tables become their stages) or "merge" (upsert on the key)."""
        read_all = group.mode == "full" or result.tables[group.root.key].since is None
        # a table still in an earlier acx's types is replaced (and migrated) by a read of it all
        return "replace" if read_all and (group.mode == "full" or any(legacy.values())) else "merge"

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
        buffers: dict[str, StreamBuffer],
        state: dict[str, StateRow],
        result: RunResult,
        since: datetime | None,
        at: Any,
        pages: int,
    ) -> None:
        """Commit the group's progress at a page boundary (engine/run/resume.py): a merge group's
        rows so far with its position; a replace group only its position, its stages kept.
        The savepoint stays the previous run's: rows arrive by key, not by cursor."""
        if any(buf.failed is not None for buf in buffers.values()):
            return  # a fed table stopped: this run ends failing it; nothing to go on from
        for buf in buffers.values():
            self._flush(buf, group, since, result)
        legacy = {s.key: self.writer.legacy_columns(s) for s in group.members}
        mode = self._apply_mode(group, result, legacy)
        found = self.resumes.get(group.root.key)
        shared = {
            "run": found.position["run"] if found else result.run_id,
            "started": found.position["started"] if found else iso(self.started_at),
            "mode": group.mode,
            "apply": mode,
            "at": at,
            "pages": pages,
            "params": [list(p) for p in self.params[group.root.key]],
            "since": iso(since),
        }
        applies, states = [], []
        now = datetime.now(timezone.utc)
        for s in group.members:
            buf, prev = buffers[s.key], state.get(s.key)
            position = {
                **shared,
                "seq": buf.seq,
                "rows": buf.distinct,
                "max_cursor": iso(buf.max_cursor),
                "ceiling": iso(buf.ceiling),
                "future": buf.future,
                "stage": self.dest.stage_name(s) if mode == "replace" else None,
            }
            if mode == "replace":  # the table keeps its rows and what its state says of them
                states.append(
                    dataclasses.replace(prev, position=position)
                    if prev is not None
                    else StateRow(
                        s.key,
                        None,
                        group.mode,
                        0,
                        result.run_id,
                        now,
                        timezone=getattr(self.zone, "key", None),
                        format=FORMAT,
                        position=position,
                    )
                )
                continue
            parent_stage = None
            if s.fed and s.parent and s.parent.stream == s.from_:
                parent_stage = self.spec.stream(s.parent.stream)
            applies.append(Apply(s, mode, parent_stage))
            states.append(
                StateRow(
                    s.key,
                    prev.savepoint if prev else None,
                    group.mode,
                    position["rows"],
                    result.run_id,
                    now,
                    timezone=getattr(self.zone, "key", None),
                    format=FORMAT,
                    columns=loaded_columns(s, prev, self.no_backfill),
                    position=position,
                )
            )
        self.writer.commit(applies, states)
        for item in applies:  # the commit dropped its stages: fresh ones for the next rows
            self.writer.prepare(item.stream)
        crashpoints.point("checkpoint")
        self.emit(event("checkpoint", table=group.root.key, at=at, pages=pages, apply=mode))

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


def restore(buffers: dict[str, StreamBuffer], found: Resume) -> None:
    """What an interrupted run had read, into the buffers of the run that goes on from it."""
    for key, buf in buffers.items():
        position = found.member(key)
        buf.seq = int(position.get("seq") or 0)
        buf.before = int(position.get("rows") or 0)
        buf.future = int(position.get("future") or 0)
        buf.max_cursor = parse_iso(position.get("max_cursor"))
        buf.ceiling = parse_iso(position.get("ceiling")) or buf.ceiling


def _ref_text(value: Any) -> str:
    """A key as text, so "12" and 12 match."""
    return str(value).strip()


def check_keys(stream: Stream, table: pa.Table, examples: dict[str, str], url: str = "") -> None:
    """A row whose primary key is missing or could not be converted can be neither merged nor
    told apart: the table fails (keeping its last rows) rather than load it with a NULL key.
    `url`: where the rows came from, for the message."""
    for key in stream.primary_key:
        column = stream.column(key)
        missing = table[column.name].null_count
        if missing:
            sent = examples.get(key)
            why = f"the API sent {sent}, not {column.type}" if sent else "absent from the records"
            source = f"GET {url}: " if url else ""
            raise ApiError(
                f"table {stream.key}: {source}primary key {column.name} of {missing} row(s) is "
                f"unusable ({why})",
                "nothing of this table was loaded this run; check the key's field in the spec",
            )


def cursor_top(values: pa.ChunkedArray, ceiling: datetime) -> tuple[datetime | None, int]:
    """The largest cursor value of a batch, never past `ceiling`; and how many values lie more
    than FUTURE_SKEW past it. Compared in Arrow: a value past Python's year 9999 is fine."""
    top = pc.max(values)
    if not top.is_valid:
        return None, 0
    future = pc.sum(pc.greater(values, _cursor_scalar(values.type, ceiling + FUTURE_SKEW)))
    if pc.greater(top, _cursor_scalar(values.type, ceiling)).as_py():
        return ceiling, future.as_py() or 0
    return as_utc_datetime(top.as_py()), future.as_py() or 0


def _cursor_scalar(kind: pa.DataType, moment: datetime) -> pa.Scalar:
    """`moment` as a value of a cursor column's type (a UTC timestamp, aware or not, or a date)."""
    moment = moment.astimezone(timezone.utc)
    if pa.types.is_date32(kind):
        return pa.scalar(moment.date(), type=pa.date32())
    if kind.tz is None:  # a zone-less column holds UTC wall-clock time
        moment = moment.replace(tzinfo=None)
    return pa.scalar(moment, type=kind)


def distinct_rows(keys: list[pa.Table]) -> int:
    """Rows the destination holds of staged batches, which it dedupes on the primary key."""
    if not keys:
        return 0
    table = pa.concat_tables(keys)
    return table.group_by(table.column_names).aggregate([]).num_rows


def keep_since(table: pa.Table, column: str, since: datetime) -> pa.Table:
    """Client-side incremental filter: rows at or after `since`, and rows whose cursor is null."""
    values = table[column]
    moment = since.astimezone(timezone.utc)  # a UTC instant, as the column holds (coltypes.ARROW)
    if pa.types.is_timestamp(values.type) and values.type.tz is None:
        moment = moment.replace(tzinfo=None)  # a zone-less column holds UTC wall-clock time
    bound = pa.scalar(moment, type=values.type if pa.types.is_timestamp(values.type) else None)
    if pa.types.is_date32(values.type):
        bound = pa.scalar(since.date(), type=pa.date32())
    mask = pc.or_kleene(pc.is_null(values), pc.greater_equal(values, bound))
    return table.filter(mask)

