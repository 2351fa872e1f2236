"""The loop that moves pages to batches to the destination, group by group.

A group is one series of requests (the root stream's) feeding several tables. Its rows are staged
in bounded batches; at the end of the group every table and its state row are committed in one
transaction, so a run that dies leaves the last good tables and a state never ahead of them."""

from __future__ import annotations

import threading
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any
from urllib.parse import quote

import jmespath
import pyarrow as pa
import pyarrow.compute as pc

from engine import crashpoints
from engine.client import Client
from engine.coerce import Coercer
from engine.config import Settings
from engine.destinations import Apply, Destination
from engine.errors import AcxError, ApiError
from engine.events import Emit, event
from engine.fetch import PageSource
from engine.paginators import read_total
from engine.plan import Group, Plan
from engine.process import release_memory
from engine.records import RowBuilder
from engine.spec import Spec, Stream
from engine.sqlbuild import SEQ
from engine.state import StateRow, as_utc_datetime, iso, lower_bound
from engine.writer import Writer


@dataclass
class TableResult:
    key: str
    mode: str
    rows: int = 0
    requests: int = 0
    seconds: float = 0.0
    nulls: Counter[str] = field(default_factory=Counter)
    examples: dict[str, str] = field(default_factory=dict)
    status: str = "pending"  # ok | failed | skipped
    error: str | None = None
    savepoint: datetime | None = None
    since: datetime | None = None  # lower bound this run read from (incremental)
    warnings: list[str] = field(default_factory=list)


@dataclass
class RunResult:
    run_id: str
    tables: dict[str, TableResult]
    seconds: float = 0.0
    views: list[Any] = field(default_factory=list)  # engine.views.ViewOutcome, when asked for

    @property
    def failed(self) -> list[TableResult]:
        return [t for t in self.tables.values() if t.status != "ok"]


class StreamBuffer:
    """Rows of one stream waiting to be coerced and staged, and what was learnt from them."""

    def __init__(self, stream: Stream, settings: Settings) -> None:
        self.stream = stream
        self.columns: list[list[Any]] = [[] for _ in stream.columns]  # raw values, per column
        self.pending = 0  # rows in `columns`
        self.coercer = Coercer(stream.columns, settings.timezone)
        self.cursor_name = (
            stream.column(stream.replication.cursor).name if stream.replication.cursor else None
        )
        self.max_cursor: datetime | None = None
        self.staged = 0
        self.seq = 0
        self.parents: list[dict[str, Any]] = []  # rows a {parent.*} endpoint will iterate over


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
        self.parent_rows: dict[str, list[dict[str, Any]]] = {}
        self.finished: dict[str, threading.Event] = {}
        self.abort: AcxError | None = None
        self._checked = threading.Lock()  # held while asking whether the whole account fails
        self._asked = False

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
        self.writer = Writer(self.dest)
        for s in [m for g in plan.groups for m in g.members]:
            self.writer.prepare(s)
        http = ThreadPoolExecutor(self.http_workers, thread_name_prefix="acx-http")
        self.source = PageSource(self.client, http, self.ahead)
        try:
            with ThreadPoolExecutor(
                max(1, min(self.max_groups, len(plan.groups))), thread_name_prefix="acx-group"
            ) as pool:
                for future in [pool.submit(self._run_group, g, state, result) for g in plan.groups]:
                    future.result()
        finally:
            http.shutdown(wait=False, cancel_futures=True)
            self.writer.close()
        if self.abort is not None:
            raise self.abort
        result.seconds = time.monotonic() - started
        self.emit(
            event(
                "run_done",
                seconds=result.seconds,
                rows=sum(t.rows for t in result.tables.values()),
                requests=sum(t.requests for t in result.tables.values()),
                failed=[t.key for t in result.failed],
            )
        )
        return result

    def _run_group(self, group: Group, state: dict[str, StateRow], result: RunResult) -> None:
        tallies = [result.tables[s.key] for s in group.members]
        try:
            if group.fan_out is not None:
                self._wait_for(group.fan_out.key)
                if group.fan_out.key not in self.parent_rows:
                    self.writer.discard(group.members)  # its staging was prepared up front
                    reason = f"its parent table {group.fan_out.key} failed"
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

    def _wait_for(self, stream_key: str) -> None:
        root = root_key(self.spec, stream_key)
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
        before = self.client.requests[group.root.key]
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
            root = result.tables[group.root.key]
            root.requests = self.client.requests[group.root.key] - before
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
        buffers = {s.key: StreamBuffer(s, self.settings) for s in group.members}
        since = self._since(group, state)
        result.tables[root.key].since = since
        params = list(root.params)
        flt = root.replication.filter
        if since is not None and flt is not None:
            params.append(
                (flt.param, since.astimezone(self.settings.timezone).strftime(flt.format))
            )
        keep_parents = self._parent_needs(group)
        self.emit(
            event(
                "table_start", table=root.key, tables=group.keys, mode=group.mode, since=iso(since)
            )
        )
        total_expr = (
            jmespath.compile(root.paging.total) if root.paging and root.paging.total else None
        )
        announced: int | None = None
        pages = self.source.pages(root, builders[root.key], params, self._paths(group))
        for page_no, (body, root_records, parent) in enumerate(pages, start=1):
            if self.abort is not None:
                raise self.abort
            crashpoints.point("page")
            if announced is None and total_expr is not None and group.fan_out is None:
                announced = read_total(total_expr.search(body))
            kept: dict[str, list[dict[str, Any]]] = {}
            for s in group.members:
                b = builders[s.key]
                where = f"table {s.key}"
                if s is root:
                    records = root_records
                elif s.records:
                    records = b.records(body, where)
                else:
                    records = b.nested_records(kept.get(s.from_ or "", []), where)
                kept[s.key] = [r for r in records if b.keep(r)]
                values = b.columns(body, kept[s.key], parent if s is root else None)
                buf = buffers[s.key]
                for column, new in zip(buf.columns, values, strict=True):
                    column.extend(new)
                buf.pending += len(kept[s.key])
                if s.key in keep_parents:
                    buf.parents.extend(b.rows(body, kept[s.key], parent if s is root else None))
                if buf.pending >= self.batch_rows:
                    self._flush(buf, group, since, result)
            root_buf = buffers[root.key]
            self.emit(
                event(
                    "page",
                    table=root.key,
                    rows=root_buf.staged + root_buf.pending,
                    pages=page_no,
                    total=announced,
                    requests=self.client.requests[root.key],
                )
            )
        for buf in buffers.values():
            self._flush(buf, group, since, result)
        for s in group.members:
            if s.fed and builders[s.key].missing_pages and buffers[root.key].staged:
                result.tables[s.key].warnings.append(
                    f"{builders[s.key].missing_pages} response(s) had no '{s.records}' array"
                )
        if self.client.not_utf8[root.key]:
            result.tables[root.key].warnings.append(
                f"{self.client.not_utf8[root.key]} response(s) held bytes that are not UTF-8; "
                "each was loaded as U+FFFD"
            )
        return buffers

    def _parent_needs(self, group: Group) -> set[str]:
        """Members whose rows some other stream's {parent.*} endpoint iterates over."""
        keys = set(group.keys)
        return {
            s.parent.stream
            for s in self.spec.streams
            if s.parent and s.endpoint and "{parent." in s.endpoint and s.parent.stream in keys
        }

    def _paths(self, group: Group) -> list[tuple[str, Any]]:
        """(path, parent row) of each request series: one, or one per parent row."""
        endpoint = group.root.endpoint or ""
        if group.fan_out is None:
            return [(endpoint, None)]
        out = []
        for parent in self.parent_rows.get(group.fan_out.key, []):
            path = fill_placeholders(endpoint, parent)
            if path is not None:
                out.append((path, parent))
        return out

    def _since(self, group: Group, state: dict[str, StateRow]) -> datetime | None:
        root = group.root
        if group.mode != "incremental" or not root.replication.cursor:
            return None
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
        del columns
        tally = result.tables[buf.stream.key]
        tally.nulls.update(buf.coercer.failures)
        buf.coercer.failures.clear()
        for key, example in buf.coercer.examples.items():
            tally.examples.setdefault(key, example)
        check_keys(buf.stream, table, buf.coercer.examples)
        if buf.cursor_name is not None and table.num_rows:
            top = pc.max(table[buf.cursor_name]).as_py()
            moment = as_utc_datetime(top)
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
        release_memory()

    def _commit(
        self,
        group: Group,
        buffers: dict[str, StreamBuffer],
        state: dict[str, StateRow],
        result: RunResult,
        started: float,
    ) -> None:
        mode = "replace" if group.mode == "full" else "merge"
        applies, states = [], []
        now = datetime.now(timezone.utc)
        run_id = result.run_id
        for s in group.members:
            buf = buffers[s.key]
            parent_stage = None
            if mode == "merge" and s.fed and s.parent and s.parent.stream == s.from_:
                parent_stage = self.spec.stream(s.parent.stream)
            applies.append(Apply(s, mode, parent_stage))
            prev = state.get(s.key)
            savepoint = buf.max_cursor
            if prev and prev.savepoint and (savepoint is None or prev.savepoint > savepoint):
                savepoint = prev.savepoint if group.mode == "incremental" else savepoint
            states.append(StateRow(s.key, savepoint, group.mode, buf.staged, run_id, now))
            tally = result.tables[s.key]
            tally.rows, tally.savepoint = buf.staged, savepoint
        self.writer.commit(applies, states)
        for key in self._parent_needs(group):  # published once committed: a failed parent's
            self.parent_rows[key] = buffers[key].parents  # children are skipped, not half-read
        for s in group.members:
            result.tables[s.key].status = "ok"
        self.emit(
            event(
                "table_done",
                table=group.root.key,
                tables={s.key: buffers[s.key].staged for s in group.members},
                requests=self.client.requests[group.root.key],
                seconds=time.monotonic() - started,
                savepoint=iso(buffers[group.root.key].max_cursor),
                nulled={s.key: sum(result.tables[s.key].nulls.values()) for s in group.members},
            )
        )


def root_key(spec: Spec, stream_key: str) -> str:
    stream = spec.stream(stream_key)
    while stream.from_ is not None:
        stream = spec.stream(stream.from_)
    return stream.key


def check_keys(stream: Stream, table: pa.Table, examples: dict[str, str]) -> None:
    """A row whose primary key is missing or could not be converted can be neither merged nor
    told apart: the table fails (keeping its last rows) rather than load it with a NULL key."""
    for key in stream.primary_key:
        column = stream.column(key)
        missing = table[column.name].null_count
        if missing:
            sent = examples.get(key)
            why = f"the API sent {sent}, not {column.type}" if sent else "absent from the records"
            raise ApiError(
                f"table {stream.key}: primary key {column.name} of {missing} row(s) is unusable "
                f"({why})",
                "nothing of this table was loaded this run; check the key's field in the spec",
            )


def keep_since(table: pa.Table, column: str, since: datetime) -> pa.Table:
    """Client-side incremental filter: rows at or after `since`, and rows whose cursor is null."""
    values = table[column]
    bound = pa.scalar(since.astimezone(timezone.utc).replace(tzinfo=None), type=pa.timestamp("us"))
    if pa.types.is_date32(values.type):
        bound = pa.scalar(since.date(), type=pa.date32())
    mask = pc.or_kleene(pc.is_null(values), pc.greater_equal(values, bound))
    return table.filter(mask)


def fill_placeholders(endpoint: str, parent: dict[str, Any] | None) -> str | None:
    """`/groups/{parent.id}/userGroups` for one parent row; None when a value is missing."""
    if parent is None:
        return endpoint
    out = endpoint
    while "{parent." in out:
        start = out.index("{parent.")
        end = out.index("}", start)
        value = parent.get(out[start + len("{parent.") : end])
        if value is None or value == "":
            return None
        out = out[:start] + quote(str(value), safe="") + out[end + 1 :]
    return out
