"""The request threads take the most urgent request first: a page a table waits on is not
sent after every page asked for ahead of need (engine/http/pool.py)."""

from __future__ import annotations

import threading
from concurrent.futures import CancelledError

import pytest

from engine.http.pool import RequestPool
from engine.http.ratelimit import AHEAD, URGENT


def _busy(pool: RequestPool) -> threading.Event:
    """Occupy the pool's one thread until the event is set."""
    gate, started = threading.Event(), threading.Event()

    def hold(priority: int) -> None:
        started.set()
        gate.wait(5)

    pool.submit(URGENT, hold)
    assert started.wait(5)
    return gate


def test_a_request_waited_on_goes_before_those_asked_ahead() -> None:
    pool = RequestPool(1)
    sent: list[tuple[str, int]] = []
    try:
        gate = _busy(pool)
        record = lambda priority, name: sent.append((name, priority))  # noqa: E731
        ahead = [pool.submit(AHEAD, record, f"first page {i}") for i in range(3)]
        now = pool.submit(URGENT, record, "page 2 of a table")
        later = pool.submit(AHEAD, record, "page 3 of a table")
        pool.hurry(later)  # its table waits on it now
        gate.set()
        for f in [*ahead, later, now]:
            f.result(5)
    finally:
        pool.shutdown()
    assert sent == [
        ("page 2 of a table", URGENT),
        ("page 3 of a table", URGENT),  # sent as urgent: the rate limiter orders by it too
        ("first page 0", AHEAD),
        ("first page 1", AHEAD),
        ("first page 2", AHEAD),
    ]


def test_a_cancelled_or_abandoned_request_is_never_sent() -> None:
    pool = RequestPool(1)
    sent: list[str] = []
    gate = _busy(pool)
    dropped = pool.submit(AHEAD, lambda p: sent.append("dropped"))
    kept = pool.submit(AHEAD, lambda p: sent.append("kept"))
    assert dropped.cancel()
    gate.set()
    kept.result(5)
    pool.hurry(kept)  # done already: nothing to do
    gate = _busy(pool)
    abandoned = pool.submit(AHEAD, lambda p: sent.append("after the end"))
    pool.shutdown()  # the run ends: what has not started is cancelled
    gate.set()
    with pytest.raises(CancelledError):
        abandoned.result(5)
    assert sent == ["kept"]


def test_a_failure_reaches_whoever_waits_on_it() -> None:
    pool = RequestPool(2)

    def fail(priority: int) -> None:
        raise ValueError("the page is not JSON")

    try:
        with pytest.raises(ValueError, match="not JSON"):
            pool.submit(URGENT, fail).result(5)
    finally:
        pool.shutdown()
