"""Ctrl-C and SIGTERM: the first asks the run to stop (no new request starts, nothing unfinished
is committed, stages are dropped), a second Ctrl-C ends the process at once. Schedulers send
SIGTERM before they kill: it is treated like the first Ctrl-C."""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType

EXIT_CODE = 130  # 128 + SIGINT, what shells report for a Ctrl-C


class StopSignal:
    """Set once by the first signal; listeners (the runner) act on it at once."""

    def __init__(self) -> None:
        self.event = threading.Event()
        self.reason = ""
        self._listeners: list[Callable[[str], None]] = []

    def on_stop(self, listener: Callable[[str], None]) -> None:
        self._listeners.append(listener)
        if self.event.is_set():
            listener(self.reason)

    def trigger(self, reason: str) -> None:
        if self.event.is_set():
            return
        self.reason = reason
        self.event.set()
        for listener in self._listeners:
            listener(reason)

    @property
    def stopped(self) -> bool:
        return self.event.is_set()


@contextmanager
def catching_signals(stop: StopSignal) -> Iterator[StopSignal]:
    """While inside, SIGINT and SIGTERM trigger `stop`; a second SIGINT exits at once. Outside
    the main thread (tests calling the library) signals are left alone."""
    if threading.current_thread() is not threading.main_thread():
        yield stop
        return

    def handle(signum: int, frame: FrameType | None) -> None:
        if stop.stopped and signum == signal.SIGINT:
            os._exit(EXIT_CODE)  # the second Ctrl-C: the user means it
        stop.trigger("SIGINT (Ctrl-C)" if signum == signal.SIGINT else "SIGTERM")

    previous = {sig: signal.signal(sig, handle) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield stop
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
