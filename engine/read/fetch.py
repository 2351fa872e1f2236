"""The requests of one group, in page order, with several in flight at once.

Offset-paged lists ask for the pages their total promises a window ahead (growing while pages
come back full, never more than `ahead`); per-parent endpoints ask for several parents at once;
keyset pages follow one another. A series ends where its paginator says the data ends; a page
that cannot be followed fails the table with its URL. The shared rate limiter, not this module,
decides when each request may start."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any, NamedTuple

from engine.errors import AcxError, ApiError
from engine.http.client import Ask, Client, redact
from engine.http.pool import RequestPool
from engine.http.ratelimit import AHEAD, URGENT
from engine.read.paginators import Paginator, PagingError, make_paginator
from engine.read.records import RowBuilder, column_getter
from engine.spec import Stream


class Page(NamedTuple):
    """One response of a series, as the paginator read it."""

    body: dict[str, Any]
    records: list[dict[str, Any]]  # the root stream's
    parent: Any  # the parent row a per-parent request was made for, else None
    total: int | None  # the response's total: a hint, for progress


Params = list[tuple[str, str]]


@dataclass(frozen=True)
class Series:
    """One series of requests: a path (one per parent row, for a per-parent endpoint), the
    query every page of it carries, and the paginator that walks it."""

    table: str  # the root stream's key
    builder: RowBuilder  # reads the root's records out of a page
    params: Params
    path: str
    parent: Any  # the parent row the path was filled from, else None
    pager: Paginator
    ask: Ask


class PageSource:
    def __init__(self, client: Client, pool: RequestPool, ahead: int = 8) -> None:
        self.client = client
        self.pool = pool
        self.ahead = max(1, ahead)
        # per root: the position of the page after the one just handed over (None after the
        # last), for a checkpoint at this page boundary (engine/run/resume.py)
        self.next_at: dict[str, Any] = {}

    def first(self, root: Stream, params: Params, start: Any = None) -> Future[dict[str, Any]]:
        """The first page of a root's one request series, asked for ahead of its group; the
        group's pages() starts from it (the same request, made once). `start`: the position a
        resumed read begins at (None: the beginning)."""
        path = root.endpoint or ""
        pager = make_paginator(root.paging, self._where(root, path, None))
        pager.start_at(start)
        ask = Ask(root.key, root.permission)
        series = Series(root.key, RowBuilder(root), params, path, None, pager, ask)
        return self._get(series, pager.params(), AHEAD)

    def pages(
        self,
        root: Stream,
        builder: RowBuilder,
        params: Params,
        paths: Sequence[tuple[str, Any]],
        first: Future[dict[str, Any]] | None = None,
        start: Any = None,
    ) -> Iterator[Page]:
        """Every page of `root` for each (path, parent row) series, in order; `first`: the
        first series' first response, when already asked for (see first()); `start`: where the
        first series begins (a resumed read)."""
        ask = Ask(root.key, root.permission)
        key = _key(root)
        firsts: deque[tuple[Series, Future[dict[str, Any]]]] = deque()
        todo = iter(paths)
        while True:
            while len(firsts) < self.ahead:
                nxt = next(todo, None)
                if nxt is None:
                    break
                path, parent = nxt
                pager = make_paginator(root.paging, self._where(root, path, parent), key)
                pager.start_at(start)
                start = None
                series = Series(root.key, builder, params, path, parent, pager, ask)
                if first is None:
                    first = self._get(series, pager.params(), URGENT if not firsts else AHEAD)
                firsts.append((series, first))
                first = None
            if not firsts:
                return
            series, asked = firsts.popleft()
            try:
                body = self._wait(asked)
            except BaseException:
                for _, pending in firsts:
                    pending.cancel()
                raise
            # only the series holds its first page from here, and lets it go for the next one
            # (this frame would keep it, and the future holding it, for the whole series)
            pages = self._series(series, body)
            del asked, body
            yield from pages

    def _series(self, series: Series, body: dict[str, Any]) -> Iterator[Page]:
        """One request series in page order, from its first response. The pages the paginator
        names ahead are asked for before this one is handed over (their latency overlaps with
        its processing); pages asked for that no longer follow on (a short page moved the
        offset) are dropped."""
        pager = series.pager
        inflight: deque[tuple[Any, Future[dict[str, Any]]]] = deque()
        at = pager.position
        try:
            while True:
                records, more = self._settle(series, at, body)
                if more:
                    if inflight and inflight[0][0] != pager.position:
                        self._drop(inflight)
                    asked = {position for position, _ in inflight}
                    for position in pager.ahead(self.ahead):
                        if position not in asked and len(inflight) < self.ahead:
                            priority = AHEAD if inflight else URGENT
                            nxt = self._get(series, pager.params_at(position), priority)
                            inflight.append((position, nxt))
                else:
                    self._after_end(series, at, inflight)
                self.next_at[series.table] = pager.position if more else None
                yield Page(body, records, series.parent, pager.total)
                if not more:
                    return
                del body, records  # the page is done with: not kept while the next comes
                at, future = inflight.popleft()
                body = self._wait(future)
        finally:  # a failure (or a consumer that stops) must not leave requests queued
            self._drop(inflight)

    def _settle(
        self, series: Series, at: Any, body: dict[str, Any]
    ) -> tuple[list[dict[str, Any]], bool]:
        """The page's records, and whether another page follows; a page that cannot be
        followed fails with its URL."""
        pager = series.pager
        try:
            records = series.builder.records(body, pager.where)
            return records, pager.settle(at, body, records)
        except PagingError as err:
            raise ApiError(
                f"{err.where}: GET {self._url(series, at)}: {err.reason}", err.hint
            ) from None
        except ApiError as err:
            raise ApiError(f"{err.message} (GET {self._url(series, at)})", err.hint) from None

    def _after_end(
        self, series: Series, at: Any, inflight: deque[tuple[Any, Future[dict[str, Any]]]]
    ) -> None:
        """Pages a total promised past the end were asked for already: those sent must be
        empty too. One with rows means the page at `at` ended the data too early (an empty
        page in the middle): the read fails rather than load a table cut short."""
        while inflight:
            position, future = inflight.popleft()
            if future.cancel():
                continue
            try:
                later = series.builder.records(future.result(), series.pager.where)
            except AcxError:
                continue  # no evidence either way
            if later:
                raise ApiError(
                    f"{series.pager.where}: GET {self._url(series, at)}: the page ended the rows, "
                    f"but the page at {self._url(series, position)} holds {len(later)} more: "
                    "the API's pages disagree",
                    "nothing of this table was loaded this run; run again later",
                )

    @staticmethod
    def _drop(inflight: deque[tuple[Any, Future[dict[str, Any]]]]) -> None:
        for _, pending in inflight:
            pending.cancel()
        inflight.clear()

    def _url(self, series: Series, at: Any) -> str:
        """The URL of the series' page at `at`, for messages (secrets hidden)."""
        return redact(self.client.base + series.path, [*series.params, *series.pager.params_at(at)])

    def _get(self, series: Series, paging: Params, priority: int) -> Future[dict[str, Any]]:
        return self.pool.submit(
            priority, self._send, series.path, [*series.params, *paging], series.ask
        )

    def _send(self, priority: int, path: str, params: Params, ask: Ask) -> dict[str, Any]:
        return self.client.get(path, params, ask, priority)

    def _wait(self, future: Future[dict[str, Any]]) -> dict[str, Any]:
        """A page a table waits on now: its request goes first if it has not started."""
        self.pool.hurry(future)
        return future.result()

    @staticmethod
    def _where(root: Stream, path: str, parent: Any) -> str:
        return f"table {root.key}" + (f" ({path})" if parent is not None else "")


def _key(stream: Stream) -> Callable[[Any], tuple[Any, ...]]:
    """A record's primary key, as far as the record itself holds it."""
    getters = [column_getter(stream.column(k)) for k in stream.primary_key]
    return lambda record: tuple(get(record) for get in getters)
