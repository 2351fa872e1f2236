"""The requests of one group, in page order, with several in flight at once.

Offset-paged lists ask for the pages their total promises a window ahead (growing while pages
come back full, never more than `ahead`); per-parent endpoints ask for several parents at once;
keyset pages follow one another. A series ends where its paginator says the data ends; a page
that cannot be followed fails the table with its URL. The shared rate limiter, not this module,
decides when each request may start."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, NamedTuple

from engine.errors import AcxError, ApiError
from engine.http.client import Ask, Client, redact
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


class PageSource:
    def __init__(self, client: Client, pool: ThreadPoolExecutor, ahead: int = 8) -> None:
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
        return self._get(path, params, pager.params(), Ask(root.key, root.permission), AHEAD)

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
        firsts: deque[tuple[str, Any, Paginator, Future[dict[str, Any]]]] = deque()
        series = iter(paths)
        while True:
            while len(firsts) < self.ahead:
                nxt = next(series, None)
                if nxt is None:
                    break
                path, parent = nxt
                pager = make_paginator(root.paging, self._where(root, path, parent), key)
                pager.start_at(start)
                start = None
                if first is None:
                    first = self._get(
                        path, params, pager.params(), ask, URGENT if not firsts else AHEAD
                    )
                firsts.append((path, parent, pager, first))
                first = None
            if not firsts:
                return
            path, parent, pager, asked = firsts.popleft()
            try:
                body = asked.result()
            except BaseException:
                for *_, pending in firsts:
                    pending.cancel()
                raise
            yield from self._series(root, builder, params, path, parent, pager, body, ask)

    def _series(
        self,
        root: Stream,
        builder: RowBuilder,
        params: Params,
        path: str,
        parent: Any,
        pager: Paginator,
        body: dict[str, Any],
        ask: Ask,
    ) -> Iterator[Page]:
        """One request series in page order, from its first response. The pages the paginator
        names ahead are asked for before this one is handed over (their latency overlaps with
        its processing); pages asked for that no longer follow on (a short page moved the
        offset) are dropped."""
        inflight: deque[tuple[Any, Future[dict[str, Any]]]] = deque()
        at = pager.position
        try:
            while True:
                records, more = self._settle(builder, params, path, pager, at, body)
                if more:
                    if inflight and inflight[0][0] != pager.position:
                        self._drop(inflight)
                    asked = {position for position, _ in inflight}
                    for position in pager.ahead(self.ahead):
                        if position not in asked and len(inflight) < self.ahead:
                            priority = AHEAD if inflight else URGENT
                            nxt = self._get(path, params, pager.params_at(position), ask, priority)
                            inflight.append((position, nxt))
                else:
                    self._after_end(builder, params, path, pager, at, inflight)
                self.next_at[root.key] = pager.position if more else None
                yield Page(body, records, parent, pager.total)
                if not more:
                    return
                at, future = inflight.popleft()
                body = future.result()
        finally:  # a failure (or a consumer that stops) must not leave requests queued
            self._drop(inflight)

    def _settle(
        self,
        builder: RowBuilder,
        params: Params,
        path: str,
        pager: Paginator,
        at: Any,
        body: dict[str, Any],
    ) -> tuple[list[dict[str, Any]], bool]:
        """The page's records, and whether another page follows; a page that cannot be
        followed fails with its URL."""
        try:
            records = builder.records(body, pager.where)
            return records, pager.settle(at, body, records)
        except PagingError as err:
            url = self._url(params, path, pager, at)
            raise ApiError(f"{err.where}: GET {url}: {err.reason}", err.hint) from None
        except ApiError as err:
            url = self._url(params, path, pager, at)
            raise ApiError(f"{err.message} (GET {url})", err.hint) from None

    def _after_end(
        self,
        builder: RowBuilder,
        params: Params,
        path: str,
        pager: Paginator,
        at: Any,
        inflight: deque[tuple[Any, Future[dict[str, Any]]]],
    ) -> None:
        """Pages a total promised past the end were asked for already: those sent must be
        empty too. One with rows means the page at `at` ended the data too early (an empty
        page in the middle): the read fails rather than load a table cut short."""
        while inflight:
            position, future = inflight.popleft()
            if future.cancel():
                continue
            try:
                later = builder.records(future.result(), pager.where)
            except AcxError:
                continue  # no evidence either way
            if later:
                url = self._url(params, path, pager, at)
                raise ApiError(
                    f"{pager.where}: GET {url}: the page ended the rows, but the page at "
                    f"{self._url(params, path, pager, position)} holds {len(later)} more: "
                    "the API's pages disagree",
                    "nothing of this table was loaded this run; run again later",
                )

    @staticmethod
    def _drop(inflight: deque[tuple[Any, Future[dict[str, Any]]]]) -> None:
        for _, pending in inflight:
            pending.cancel()
        inflight.clear()

    def _url(self, params: Params, path: str, pager: Paginator, at: Any) -> str:
        return redact(self.client.base + path, [*params, *pager.params_at(at)])

    def _get(
        self, path: str, params: Params, paging: Params, ask: Ask, priority: int
    ) -> Future[dict[str, Any]]:
        return self.pool.submit(self.client.get, path, [*params, *paging], ask, priority)

    @staticmethod
    def _where(root: Stream, path: str, parent: Any) -> str:
        return f"table {root.key}" + (f" ({path})" if parent is not None else "")


def _key(stream: Stream) -> Callable[[Any], tuple[Any, ...]]:
    """A record's primary key, as far as the record itself holds it."""
    getters = [column_getter(stream.column(k)) for k in stream.primary_key]
    return lambda record: tuple(get(record) for get in getters)
