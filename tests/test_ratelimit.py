"""The account-wide request budget (engine/http/ratelimit.py): the spacing the server's window needs."""

from __future__ import annotations

import contextlib
import sys
import threading
import time

import pytest

from engine.errors import Interrupted
from engine.http.ratelimit import AHEAD, URGENT, RateLimiter
from engine.run.process import RUN_THREADS, prompt_threads, run_threads


def test_requests_start_one_interval_apart():
    limiter = RateLimiter(50, headroom=0.0)  # 20 ms apart
    starts = []
    for _ in range(6):
        limiter.acquire()
        starts.append(time.monotonic())
    gaps = [b - a for a, b in zip(starts, starts[1:], strict=False)]
    assert min(gaps) >= 0.019, gaps
    assert limiter.acquired == 6


def test_a_request_that_left_late_pushes_the_next_one_back():
    """Five requests a second means any six span more than a second at the server: one that left
    30 ms after its turn must not be followed 20 ms later by the next one on schedule."""
    limiter = RateLimiter(50, headroom=0.0)
    limiter.acquire()
    left = time.monotonic() + 0.03  # held up after its turn (a busy GIL)
    limiter.sent(left)
    limiter.acquire()
    assert time.monotonic() >= left + 0.019


def test_a_burst_is_not_spaced_by_when_requests_left():
    limiter = RateLimiter(10, burst=3, headroom=0.0)
    started = time.monotonic()
    for _ in range(3):
        limiter.acquire()
        limiter.sent(time.monotonic())
    assert time.monotonic() - started < 0.05


def test_a_request_someone_waits_on_goes_first():
    limiter = RateLimiter(20, headroom=0.0)  # 50 ms apart
    limiter.acquire()
    order: list[str] = []

    def ask(name: str, priority: int) -> None:
        limiter.acquire(priority)
        order.append(name)

    ahead = threading.Thread(target=ask, args=("ahead", AHEAD))
    ahead.start()
    time.sleep(0.01)
    urgent = threading.Thread(target=ask, args=("urgent", URGENT))
    urgent.start()
    ahead.join(2)
    urgent.join(2)
    assert order == ["urgent", "ahead"]


def test_a_429_pauses_everyone_and_widens_the_headroom():
    limiter = RateLimiter(100)
    before = limiter.headroom
    limiter.acquire()
    limiter.rate_limited(0.1)
    started = time.monotonic()
    limiter.acquire()
    assert time.monotonic() - started >= 0.09
    assert limiter.headroom > before


def test_closing_stops_every_waiting_caller():
    limiter = RateLimiter(1, headroom=0.0)
    limiter.acquire()
    failed: list[BaseException] = []

    def wait() -> None:
        try:
            limiter.acquire()
        except Interrupted as exc:
            failed.append(exc)

    waiter = threading.Thread(target=wait)
    waiter.start()
    time.sleep(0.02)
    limiter.close()
    waiter.join(1)
    assert failed and "stopped" in str(failed[0])
    with pytest.raises(Interrupted):
        limiter.acquire()


def test_a_rate_must_be_positive():
    with pytest.raises(ValueError):
        RateLimiter(0)


def test_threads_switch_promptly_only_while_the_runs_at_once_ask_little():
    """One account at 5 requests/second gets a 1 ms GIL switch (its requests leave on time);
    twenty at once keep Python's own interval (switching every millisecond then only burns CPU),
    and the interval is Python's again when the last run ends."""
    before = sys.getswitchinterval()
    with contextlib.ExitStack() as runs:
        runs.enter_context(prompt_threads(5))
        assert sys.getswitchinterval() == pytest.approx(0.001)
        for _ in range(19):
            runs.enter_context(prompt_threads(5))
        assert sys.getswitchinterval() == pytest.approx(before)
    assert sys.getswitchinterval() == pytest.approx(before)
    with prompt_threads(1_000):  # a run without a low limit keeps the interval
        assert sys.getswitchinterval() == pytest.approx(before)


def test_accounts_at_once_share_the_process_threads_and_one_alone_keeps_them_all():
    assert run_threads(1) == RUN_THREADS == (16, 8)
    assert run_threads(2) == RUN_THREADS  # two accounts fit in a run's own threads
    assert run_threads(4) == (8, 4)
    for at_once in (5, 10, 20, 50):  # a share each, never under two requests and two groups
        http, groups = run_threads(at_once)
        assert (http, groups) >= (2, 2)
        assert at_once * http <= max(32, 2 * at_once)
        assert at_once * groups <= max(16, 2 * at_once)
    assert run_threads(20) == (2, 2)
