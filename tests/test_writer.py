"""The writer thread: the destination sees preparations, batches and commits in the order they were
queued, all on one thread; a table whose staging failed is not committed and the caller hears
why; producers wait while the queue is full; close() finishes what was queued."""

from __future__ import annotations

import threading
import time

import pyarrow as pa
import pytest

from engine.errors import AcxError, LoadError
from engine.load import Apply
from engine.run.writer import Writer
from engine.spec import Column, Replication, Stream


def table(key: str) -> Stream:
    return Stream(
        key=key,
        name=f"{key}_t",
        title=key,
        description=f"{key}.",
        primary_key=("id",),
        columns=(Column("id", "id", "integer", "ID.", "id"),),
        replication=Replication(mode="full"),
        endpoint=f"/{key}",
        records=key,
    )


DEALS, NOTES = table("deals"), table("notes")


def batch(*ids: int) -> pa.Table:
    return pa.table({"id": list(ids)})


class FakeDestination:
    """Logs every call and the thread it came on; fails where told."""

    def __init__(self) -> None:
        self.log: list[tuple] = []
        self.threads: set[str] = set()
        self.fail_stage: dict[str, BaseException] = {}  # stream key -> raised by stage()
        self.fail_commit: BaseException | None = None
        self.gate = threading.Event()
        self.gate.set()  # cleared: prepare() waits for it

    def describe(self) -> str:
        return "fake warehouse"

    def _note(self, *entry) -> None:
        self.threads.add(threading.current_thread().name)
        self.log.append(entry)

    def prepare(self, stream: Stream) -> None:
        self.gate.wait(10)
        self._note("prepare", stream.key)

    def stage(self, stream: Stream, data: pa.Table) -> None:
        if stream.key in self.fail_stage:
            raise self.fail_stage[stream.key]
        self._note("stage", stream.key, data.column("id").to_pylist())

    def commit(self, applies, states) -> None:
        if self.fail_commit is not None:
            raise self.fail_commit
        self._note("commit", [a.stream.key for a in applies])

    def discard(self, streams) -> None:
        self._note("discard", [s.key for s in streams])

    def legacy_columns(self, stream: Stream) -> tuple[str, ...]:
        self._note("legacy_columns", stream.key)
        return ("cdate",)


@pytest.fixture
def dest():
    return FakeDestination()


@pytest.fixture
def writer(dest):
    w = Writer(dest)  # type: ignore[arg-type]
    yield w
    if w.thread.is_alive():
        dest.gate.set()
        w.close()


def test_the_destination_sees_work_in_queue_order_on_the_writer_thread_only(writer, dest):
    writer.prepare(DEALS)
    writer.stage(DEALS, batch(1, 2))
    writer.prepare(NOTES)
    writer.stage(NOTES, batch(9))
    writer.stage(DEALS, batch(3))
    writer.commit([Apply(DEALS, "replace"), Apply(NOTES, "merge")], [])
    assert dest.log == [
        ("prepare", "deals"),
        ("stage", "deals", [1, 2]),
        ("prepare", "notes"),
        ("stage", "notes", [9]),
        ("stage", "deals", [3]),
        ("commit", ["deals", "notes"]),
    ]
    assert dest.threads == {"acx-writer"}


def test_a_table_whose_staging_failed_is_not_committed_and_the_commit_says_why(writer, dest):
    dest.fail_stage["deals"] = LoadError("fake warehouse: disk full")
    writer.prepare(DEALS)
    writer.stage(DEALS, batch(1))
    with pytest.raises(LoadError, match="disk full"):
        writer.commit([Apply(DEALS, "replace")], [])
    assert ("commit", ["deals"]) not in dest.log


def test_after_a_failed_batch_the_table_s_later_batches_are_refused_at_once(writer, dest):
    failure = LoadError("fake warehouse: bad row")
    dest.fail_stage["deals"] = failure
    writer.stage(DEALS, batch(1))
    writer.stage(NOTES, batch(2))  # another table goes on
    writer.commit([Apply(NOTES, "merge")], [])  # the queue has been worked through
    del dest.fail_stage["deals"]
    with pytest.raises(LoadError) as err:
        writer.stage(DEALS, batch(3))
    assert err.value is failure  # the first failure, as it was raised
    assert [e for e in dest.log if e[0] == "stage"] == [("stage", "notes", [2])]


def test_a_driver_error_is_reported_with_the_destination_and_table(writer, dest):
    dest.fail_stage["deals"] = RuntimeError("connection reset")
    writer.stage(DEALS, batch(1))
    with pytest.raises(LoadError, match="fake warehouse: loading deals_t: connection reset"):
        writer.commit([Apply(DEALS, "replace")], [])


def test_a_failed_preparation_fails_the_table_s_commit(writer, dest):
    def broken(stream):
        raise AcxError("fake warehouse: cannot change id from integer to text")

    dest.prepare = broken  # type: ignore[method-assign]
    writer.prepare(DEALS)
    with pytest.raises(AcxError, match="cannot change id"):
        writer.commit([Apply(DEALS, "replace")], [])
    with pytest.raises(AcxError, match="cannot change id"):
        writer.stage(DEALS, batch(1))  # its batches are refused too
    assert dest.log == []


def test_a_commit_error_reaches_the_caller_and_the_writer_goes_on(writer, dest):
    dest.fail_commit = LoadError("fake warehouse: serialization failure")
    writer.stage(DEALS, batch(1))
    with pytest.raises(LoadError, match="serialization failure"):
        writer.commit([Apply(DEALS, "replace")], [])
    dest.fail_commit = None
    writer.stage(NOTES, batch(2))
    writer.commit([Apply(NOTES, "replace")], [])
    assert dest.log[-1] == ("commit", ["notes"])


def test_discard_forgets_a_failure_so_the_table_can_be_read_again(writer, dest):
    dest.fail_stage["deals"] = LoadError("fake warehouse: bad row")
    writer.stage(DEALS, batch(1))
    writer.discard([DEALS])
    del dest.fail_stage["deals"]
    writer.stage(DEALS, batch(2))
    writer.commit([Apply(DEALS, "replace")], [])
    assert dest.log == [("discard", ["deals"]), ("stage", "deals", [2]), ("commit", ["deals"])]


def test_legacy_columns_are_asked_after_the_preparation_queued_before(writer, dest):
    writer.prepare(DEALS)
    assert writer.legacy_columns(DEALS) == ("cdate",)
    assert dest.log == [("prepare", "deals"), ("legacy_columns", "deals")]


def test_a_full_queue_makes_the_producer_wait(dest):
    dest.gate.clear()  # the writer thread blocks in its first prepare()
    writer = Writer(dest, depth=1)  # type: ignore[arg-type]
    writer.prepare(DEALS)
    queued: list[int] = []

    def produce() -> None:
        for i in range(3):
            writer.stage(DEALS, batch(i))
            queued.append(i)

    producer = threading.Thread(target=produce, daemon=True)
    producer.start()
    time.sleep(0.3)
    assert producer.is_alive() and len(queued) <= 1  # at most one batch waits in the queue
    dest.gate.set()
    producer.join(10)
    writer.close()
    assert queued == [0, 1, 2]
    assert [e[2] for e in dest.log if e[0] == "stage"] == [[0], [1], [2]]


def test_close_finishes_what_was_queued_and_stops_the_thread(writer, dest):
    writer.prepare(DEALS)
    writer.stage(DEALS, batch(1))
    writer.close()
    assert not writer.thread.is_alive()
    assert dest.log == [("prepare", "deals"), ("stage", "deals", [1])]
