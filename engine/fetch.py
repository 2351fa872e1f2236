"""The requests of one group, in page order, with several in flight at once.

Offset-paged lists ask for every remaining page as soon as the first response gives the total;
per-parent endpoints ask for several parents at once; keyset pages follow one another. The
shared rate limiter, not this module, decides when each request may start."""

from __future__ import annotations

from collections import deque
from collections.abc import Generator, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from engine.client import Ask, Client
from engine.paginators import OffsetPaginator, Paginator, make_paginator
from engine.ratelimit import AHEAD, URGENT
from engine.records import RowBuilder
from engine.spec import Stream

Page = tuple[dict[str, Any], list[dict[str, Any]], Any]  # body, root records, parent row
Params = list[tuple[str, str]]


class PageSource:
    def __init__(self, client: Client, pool: ThreadPoolExecutor, ahead: int = 8) -> None:
        self.client = client
        self.pool = pool
        self.ahead = max(1, ahead)

    def first(self, root: Stream, params: Params) -> Future[dict[str, Any]]:
        """The first page of a root's one request series, asked for ahead of its group; the
        group's pages() starts from it (the same request, made once)."""
        path = root.endpoint or ""
        pager = make_paginator(root.paging, self._where(root, path, None))
        return self._get(path, params, pager.params(), Ask(root.key, root.permission), AHEAD)

    def pages(
        self,
        root: Stream,
        builder: RowBuilder,
        params: Params,
        paths: Sequence[tuple[str, Any]],
        first: Future[dict[str, Any]] | None = None,
    ) -> Iterator[Page]:
        """Every page of `root` for each (path, parent row) series, in order; `first`: the
        first series' first response, when already asked for (see first())."""
        ask = Ask(root.key, root.permission)
        firsts: deque[tuple[str, Any, Paginator, Future[dict[str, Any]]]] = deque()
        series = iter(paths)
        while True:
            while len(firsts) < self.ahead:
                nxt = next(series, None)
                if nxt is None:
                    break
                path, parent = nxt
                pager = make_paginator(root.paging, self._where(root, path, parent))
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
        records = builder.records(body, pager.where)
        more = pager.advance(body, records)
        if more and isinstance(pager, OffsetPaginator) and pager.predict():
            yield body, records, parent
            more = yield from self._predicted(builder, params, path, parent, pager, ask)
            if not more:
                return
            body = self.client.get(path, [*params, *pager.params()], ask)
            records = builder.records(body, pager.where)
            more = pager.advance(body, records)
        while True:
            # ask for the next page before handing this one over, so its latency overlaps
            # with the processing of this page
            nxt = self._get(path, params, pager.params(), ask, URGENT) if more else None
            try:
                yield body, records, parent
            except BaseException:
                if nxt is not None:
                    nxt.cancel()
                raise
            if nxt is None:
                return
            body = nxt.result()
            records = builder.records(body, pager.where)
            more = pager.advance(body, records)

    def _predicted(
        self,
        builder: RowBuilder,
        params: Params,
        path: str,
        parent: Any,
        pager: OffsetPaginator,
        ask: Ask,
    ) -> Generator[Page, None, bool]:
        """Pages whose offsets the total told in advance, several in flight; returns whether
        more may follow (the total grew, or it was absent)."""
        offsets = deque(pager.predict())
        if not offsets:
            return True
        inflight: deque[tuple[int, Future[dict[str, Any]]]] = deque()
        more = True
        try:
            while offsets or inflight:
                while offsets and len(inflight) < self.ahead:
                    at = offsets.popleft()
                    inflight.append((at, self._get(path, params, pager.params_at(at), ask, AHEAD)))
                at, future = inflight.popleft()
                body = future.result()
                records = builder.records(body, pager.where)
                more = pager.settle(at, body, records)
                yield body, records, parent
        finally:  # a failure (or a consumer that stops) must not leave requests queued
            for _, pending in inflight:
                pending.cancel()
        return more

    def _get(
        self, path: str, params: Params, paging: Params, ask: Ask, priority: int
    ) -> Future[dict[str, Any]]:
        return self.pool.submit(self.client.get, path, [*params, *paging], ask, priority)

    @staticmethod
    def _where(root: Stream, path: str, parent: Any) -> str:
        return f"table {root.key}" + (f" ({path})" if parent is not None else "")
