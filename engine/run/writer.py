"""One writer thread owns the destination: fetch threads hand it batches and commits through a
bounded queue, so writes stay ordered and transactional while requests run concurrently, and
memory stays flat (a full queue makes producers wait)."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from functools import partial
from typing import Any, Literal, NamedTuple

import pyarrow as pa

from engine.errors import AcxError, LoadError
from engine.load import Apply, Destination
from engine.load.state import StateRow
from engine.spec import Stream

# What a queue message asks of the writer thread: prepare a stream's table, stage a batch, run a
# piece of work (a commit, a discard, a question) and hand back its outcome, or stop.
Task = Literal["prepare", "stage", "call", "stop"]


class Message(NamedTuple):
    task: Task
    subject: Any = None  # the Stream (prepare, stage) or the work to run (call)
    batch: pa.Table | None = None  # stage
    done: Future[None] | None = None  # call: where the waiting thread hears the outcome


class Writer:
    def __init__(self, destination: Destination, depth: int = 3) -> None:
        self.dest = destination
        self.queue: queue.Queue[Message] = queue.Queue(maxsize=depth)
        self.failed: dict[str, AcxError] = {}  # stream key -> first staging error
        self.thread = threading.Thread(target=self._loop, name="acx-writer", daemon=True)
        self.thread.start()

    def prepare(self, stream: Stream) -> None:
        """Queue the table's preparation (create, evolve, fresh staging) ahead of its batches:
        requests need not wait for DDL. A failure fails the stream's staging and commit."""
        self.queue.put(Message("prepare", stream))

    def stage(self, stream: Stream, batch: pa.Table) -> None:
        """Queue a batch; raises at once if this stream already failed to stage."""
        if stream.key in self.failed:
            raise self.failed[stream.key]
        self.queue.put(Message("stage", stream, batch))

    def commit(self, applies: Sequence[Apply], states: Sequence[StateRow]) -> None:
        """Commit a group (after every batch queued before it); raises what went wrong."""
        self._call(lambda: self._commit(applies, states))

    def discard(self, streams: Sequence[Stream]) -> None:
        self._call(lambda: self._discard(streams))

    def legacy_columns(self, stream: Stream) -> tuple[str, ...]:
        """Columns of the table still in an earlier acx's type (asked after its preparation)."""
        found: list[tuple[str, ...]] = []
        self._call(lambda: found.append(self.dest.legacy_columns(stream)))
        return found[0]

    def close(self) -> None:
        self.queue.put(Message("stop"))
        self.thread.join()

    def _call(self, work: Callable[[], None]) -> None:
        done: Future[None] = Future()
        self.queue.put(Message("call", work, done=done))
        done.result()

    def _commit(self, applies: Sequence[Apply], states: Sequence[StateRow]) -> None:
        for a in applies:
            if a.stream.key in self.failed:
                raise self.failed[a.stream.key]
        self.dest.commit(applies, states)

    def _discard(self, streams: Sequence[Stream]) -> None:
        self.dest.discard(streams)
        for s in streams:
            self.failed.pop(s.key, None)

    def _loop(self) -> None:
        while True:
            kind, first, second, done = self.queue.get()
            if kind == "stop":
                return
            if kind == "stage":
                self._stage(first, second)
                continue
            if kind == "prepare":
                self._guard(first, partial(self.dest.prepare, first))
                continue
            assert done is not None  # a call always carries its future
            try:
                first()
            except BaseException as exc:  # handed to the waiting thread
                done.set_exception(exc)
            else:
                done.set_result(None)

    def _stage(self, stream: Stream, batch: pa.Table) -> None:
        self._guard(stream, lambda: self.dest.stage(stream, batch))

    def _guard(self, stream: Stream, work: Callable[[], None]) -> None:
        """Run work for a stream; its first failure is kept and raised at commit."""
        if stream.key in self.failed:
            return
        try:
            work()
        except AcxError as exc:
            self.failed[stream.key] = exc
        except Exception as exc:  # a driver error the destination did not wrap
            self.failed[stream.key] = LoadError(
                f"{self.dest.describe()}: loading {stream.name}: {exc}"
            )
