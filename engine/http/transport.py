"""The connections under the client: a requests session whose connections a whole-response
deadline can cut, and the one watchdog thread that keeps every deadline of the process."""

from __future__ import annotations

import contextlib
import heapq
import itertools
import socket
import threading
import time
from collections.abc import Callable
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

_local = threading.local()  # the deadline of the request this thread is sending


class Deadline:
    """A whole-response deadline. When it passes, the socket of the connection carrying the
    request is shut down, which ends a read blocked on it at once (a body trickled a byte at a
    time meets every read timeout and would otherwise never end). The pool tells the deadline
    running in its thread which connection that is (_Pool._make_request); one watchdog thread
    keeps every deadline of the process (a timer thread per request would start after the rate
    limiter let the request go, delaying it by a thread start under a busy GIL)."""

    def __init__(self, seconds: float, on_send: Callable[[float], None] | None = None) -> None:
        self.seconds = seconds
        self.on_send = on_send  # told the moment the request leaves (the rate limiter)
        self.expired = False
        self._done = False
        self._conn: Any = None
        self._lock = threading.Lock()

    def __enter__(self) -> Deadline:
        _local.deadline = self
        _WATCHDOG.watch(self, time.monotonic() + self.seconds)
        return self

    def __exit__(self, *exc: object) -> None:
        _local.deadline = None
        with self._lock:
            self._done = True
            self._conn = None

    def attach(self, conn: Any) -> None:
        if self.on_send is not None:
            self.on_send(time.monotonic())
        with self._lock:
            self._conn = conn
            if self.expired:
                self._shut()

    def expire(self) -> None:
        with self._lock:
            if self._done:
                return
            self.expired = True
            self._shut()

    def _shut(self) -> None:
        sock = getattr(self._conn, "sock", None)
        if sock is not None:
            # the plain socket's shutdown, also under TLS: the reader sees the end at once
            with contextlib.suppress(OSError):
                socket.socket.shutdown(sock, socket.SHUT_RDWR)


class _Watchdog:
    """One daemon thread expiring the deadlines that pass, started with the first one. A
    deadline that ended in time is dropped when its moment comes (no cancel: cheap to add)."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._heap: list[tuple[float, int, Deadline]] = []
        self._order = itertools.count()
        self._thread: threading.Thread | None = None

    def watch(self, deadline: Deadline, at: float) -> None:
        with self._cond:
            heapq.heappush(self._heap, (at, next(self._order), deadline))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="acx-deadlines", daemon=True)
                self._thread.start()
            elif self._heap[0][2] is deadline:
                self._cond.notify()

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._heap or self._heap[0][0] > time.monotonic():
                    wait = self._heap[0][0] - time.monotonic() if self._heap else None
                    self._cond.wait(timeout=wait)
                _, _, deadline = heapq.heappop(self._heap)
            deadline.expire()


_WATCHDOG = _Watchdog()


class _Pool(HTTPConnectionPool):
    """urllib3's pool, telling the deadline running in this thread which connection carries its
    request. _make_request is the pool's one call per request (urllib3 1.26 and 2.x); the
    connection class is left alone, so patches of it (vcrpy's cassettes) still apply."""

    def _make_request(self, conn: Any, *args: Any, **kwargs: Any) -> Any:
        _attach(conn)
        return super()._make_request(conn, *args, **kwargs)


class _TLSPool(HTTPSConnectionPool):
    def _make_request(self, conn: Any, *args: Any, **kwargs: Any) -> Any:
        _attach(conn)
        return super()._make_request(conn, *args, **kwargs)


def _attach(conn: Any) -> None:
    deadline = getattr(_local, "deadline", None)
    if deadline is not None:
        deadline.attach(conn)


class _Adapter(HTTPAdapter):
    """requests' adapter, with connections that a Deadline can cut."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _Pool, "https": _TLSPool}

    def proxy_manager_for(self, proxy: str, **kwargs: Any) -> Any:
        manager = super().proxy_manager_for(proxy, **kwargs)
        if not proxy.lower().startswith("socks"):  # SOCKS has pools of its own
            manager.pool_classes_by_scheme = {"http": _Pool, "https": _TLSPool}
        return manager


def new_session() -> requests.Session:
    """A session whose connections a Deadline can cut (a session given to Client by a caller,
    with adapters of its own, keeps the read timeout alone)."""
    session = requests.Session()
    adapter = _Adapter()
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session
