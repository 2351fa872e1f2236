"""The threads that send a run's requests, each taking the most urgent request waiting when it
is free.

A thread pool runs work in the order it was given. A run asks for pages ahead of need (AHEAD)
and for pages a table waits on (URGENT); with the two request threads an account has when many
run at once, a pool in order sent the page a table waited on only after every page asked for
before it: a table's second page waited 11 s behind the account's fifty-odd first pages, and
the rate limiter, which orders by urgency too, never saw it until then. Here each request waits
in a queue by urgency, then by when it was asked; one asked ahead becomes urgent when a table
starts to wait on it (hurry), and a request learns its urgency when it starts (the rate limiter
orders by it too)."""

from __future__ import annotations

import heapq
import itertools
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

from engine.http.ratelimit import URGENT

T = TypeVar("T")


class RequestPool:
    def __init__(self, threads: int, name: str = "acx-http") -> None:
        self._pool = ThreadPoolExecutor(threads, thread_name_prefix=name)
        self._lock = threading.Lock()
        self._waiting: list[tuple[int, int, Future[Any], Callable[..., Any], tuple[Any, ...]]] = []
        self._order = itertools.count()

    def submit(self, priority: int, work: Callable[..., T], *args: Any) -> Future[T]:
        """`work(priority, *args)` on a free thread once no more urgent request (lower
        `priority`) waits, with its priority then; its outcome in the future returned, which
        can be cancelled until it starts."""
        future: Future[T] = Future()
        with self._lock:
            heapq.heappush(self._waiting, (priority, next(self._order), future, work, args))
        self._pool.submit(self._next)  # a turn for one request: the best waiting then
        return future

    def _next(self) -> None:
        with self._lock:
            if not self._waiting:  # shut down meanwhile
                return
            priority, _, future, work, args = heapq.heappop(self._waiting)
        if not future.set_running_or_notify_cancel():
            return  # cancelled while it waited
        try:
            result = work(priority, *args)
        except BaseException as exc:  # handed to whoever waits on it, as a pool does
            future.set_exception(exc)
        else:
            future.set_result(result)

    def hurry(self, future: Future[Any]) -> None:
        """Someone waits on `future` now: if its request has not started, it goes first."""
        with self._lock:
            for at, (priority, order, waiting, work, args) in enumerate(self._waiting):
                if waiting is future:
                    if priority > URGENT:
                        self._waiting[at] = (URGENT, order, waiting, work, args)
                        heapq.heapify(self._waiting)
                    return

    def shutdown(self) -> None:
        """Requests not started are cancelled (the run ends); those in flight finish."""
        with self._lock:
            waiting, self._waiting = self._waiting, []
        for _, _, future, _, _ in waiting:
            future.cancel()
        self._pool.shutdown(wait=False, cancel_futures=True)
