"""The page loop (PageSource) against a fake client: pages in order whatever order the responses
come back in, offset pages and parents asked for ahead, keyset pages one after another, a read
that ends where the data ends, a resumed read, and failures that name the URL and leave no
request queued. Paginators alone: tests/test_paginators.py."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from engine.errors import ApiError
from engine.http.pool import RequestPool
from engine.http.ratelimit import AHEAD, URGENT
from engine.read.fetch import PageSource
from engine.read.records import RowBuilder
from engine.spec import Column, Paging, Replication, Stream

Answer = Callable[[str, dict[str, str]], dict[str, Any]]


class FakeClient:
    """Answers GETs from a function of (path, query); logs each request with its priority and
    counts how many ran at once."""

    base = "http://api.test/api/3"

    def __init__(self, answer: Answer) -> None:
        self.answer = answer
        self.asked: list[tuple[str, dict[str, str], int]] = []
        self.lock = threading.Lock()
        self.running = 0
        self.most = 0  # requests running at once, at most

    def get(self, path, params, ask, priority=URGENT):
        query = dict(params)
        with self.lock:
            self.asked.append((path, query, priority))
            self.running += 1
            self.most = max(self.most, self.running)
        try:
            time.sleep(0.02)  # long enough for requests sent together to overlap
            return self.answer(path, query)
        finally:
            with self.lock:
                self.running -= 1

    def offsets(self, path: str = "/items") -> list[int]:
        return [int(q["offset"]) for p, q, _ in self.asked if p == path]


def stream(paging: Paging, endpoint: str = "/items") -> Stream:
    return Stream(
        key="items",
        name="items",
        title="Items",
        description="Items.",
        primary_key=("id",),
        columns=(Column(key="id", name="id", type="integer", description="ID.", field="id"),),
        replication=Replication(mode="full"),
        endpoint=endpoint,
        records="items",
        paging=paging,
    )


OFFSET = stream(Paging(kind="offset", limit=100, total="meta.total"))
KEYSET = stream(Paging(kind="keyset", limit=100, param="id_greater", field="id"))
PER_GROUP = stream(Paging(kind="offset", limit=100, total="meta.total"), "/groups/{parent.id}")


def items(offset: int, rows: int = 250, total: Any = "250", first: int = 1) -> dict[str, Any]:
    """The page at `offset` of a list of `rows` rows with ids first, first+1 ..."""
    ids = range(first + offset, first + min(rows, offset + 100))
    body: dict[str, Any] = {"items": [{"id": str(i)} for i in ids]}
    if total is not None:
        body["meta"] = {"total": total}
    return body


def offset_list(rows: int = 250, total: Any = "250") -> Answer:
    return lambda path, q: items(int(q["offset"]), rows, total)


@contextmanager
def source(answer: Answer, ahead: int = 8, workers: int = 8) -> Iterator[PageSource]:
    pool = RequestPool(workers)
    try:
        yield PageSource(FakeClient(answer), pool, ahead)  # type: ignore[arg-type]
    finally:
        pool.shutdown()


def client(src: PageSource) -> FakeClient:
    return src.client  # type: ignore[return-value]


def read(
    src: PageSource, root: Stream = OFFSET, paths: Any = None, **kw: Any
) -> list[tuple[Any, list[str]]]:
    """(parent, row ids) of every page, in the order handed over."""
    pages = src.pages(root, RowBuilder(root), [], paths or [("/items", None)], **kw)
    return [(page.parent, [r["id"] for r in page.records]) for page in pages]


def ids(pages: list[tuple[Any, list[str]]]) -> list[str]:
    return [i for _, page in pages for i in page]


def wait_for(condition: Callable[[], bool], seconds: float = 5.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.005)
    return False


def test_pages_come_in_order_each_with_the_position_a_checkpoint_resumes_from():
    with source(offset_list()) as src:
        handed: list[tuple[int, Any, Any]] = []
        for page in src.pages(OFFSET, RowBuilder(OFFSET), [], [("/items", None)]):
            handed.append((len(page.records), page.total, src.next_at["items"]))
    assert handed == [(100, 250, 100), (100, 250, 200), (50, 250, None)]


def test_offset_pages_the_total_promises_are_asked_for_before_the_page_in_hand_is_done():
    with source(offset_list(rows=1000, total="1000")) as src:
        pages = src.pages(OFFSET, RowBuilder(OFFSET), [], [("/items", None)])
        next(pages)  # the first page is in hand, not yet finished with
        assert wait_for(lambda: 100 in client(src).offsets() and 200 in client(src).offsets())
        rest = list(pages)
    assert [r["id"] for page in rest for r in page.records] == [str(i) for i in range(101, 1001)]
    # each page asked for once, and the empty page after a full last one (a total never ends a read)
    assert sorted(client(src).offsets()) == list(range(0, 1001, 100))
    assert client(src).most > 1


def test_the_page_read_next_goes_first_and_pages_asked_ahead_wait_at_the_rate_limiter():
    with source(offset_list()) as src:
        read(src)
    priority = {int(q["offset"]): p for _, q, p in client(src).asked}
    assert priority == {0: URGENT, 100: URGENT, 200: AHEAD}


def test_ahead_one_asks_for_one_page_at_a_time():
    with source(offset_list(rows=1000, total="1000"), ahead=1) as src:
        rows = ids(read(src))
    assert rows == [str(i) for i in range(1, 1001)]
    assert client(src).most == 1


def test_keyset_pages_follow_one_another_each_after_the_last_key_read():
    def answer(path, q):
        after = int(q.get("id_greater", 0))
        return items(0, rows=min(100, 250 - after), total=None, first=after + 1)

    with source(answer) as src:
        rows = ids(read(src, KEYSET))
    assert rows == [str(i) for i in range(1, 251)]
    assert [q.get("id_greater") for _, q, _ in client(src).asked] == [None, "100", "200"]
    assert client(src).most == 1


@pytest.mark.parametrize(
    "rows,offsets",
    [(250, [0, 100, 200]), (200, [0, 100, 200]), (0, [0])],  # short page; empty page; none
)
def test_without_a_total_a_read_ends_on_a_short_or_empty_page(rows, offsets):
    with source(offset_list(rows=rows, total=None)) as src:
        got = ids(read(src))
    assert got == [str(i) for i in range(1, rows + 1)]
    assert client(src).offsets() == offsets


def test_each_parent_s_pages_come_in_the_order_of_the_parents_with_their_parent_row():
    sizes = {"/groups/1": 30, "/groups/2": 150, "/groups/3": 0}

    def answer(path, q):
        return items(int(q["offset"]), rows=sizes[path], total=str(sizes[path]))

    paths = [(f"/groups/{g}", {"id": str(g)}) for g in (1, 2, 3)]
    with source(answer) as src:
        pages = read(src, PER_GROUP, paths)
    assert [(parent["id"], len(rows)) for parent, rows in pages] == [
        ("1", 30),
        ("2", 100),
        ("2", 50),
        ("3", 0),
    ]


def test_several_parents_are_asked_for_at_once():
    together = threading.Barrier(3, timeout=5)  # breaks unless three requests wait at once

    def answer(path, q):
        together.wait()
        return items(0, rows=1, total="1")

    paths = [(f"/groups/{g}", {"id": str(g)}) for g in (1, 2, 3)]
    with source(answer, ahead=3) as src:
        pages = read(src, PER_GROUP, paths)
    assert [parent["id"] for parent, _ in pages] == ["1", "2", "3"]


def test_a_first_page_asked_for_ahead_of_the_group_is_not_asked_again():
    with source(offset_list()) as src:
        first = src.first(OFFSET, [("orders[id]", "ASC")])
        pages = src.pages(
            OFFSET, RowBuilder(OFFSET), [("orders[id]", "ASC")], [("/items", None)], first
        )
        rows = [r["id"] for page in pages for r in page.records]
    assert rows == [str(i) for i in range(1, 251)]
    assert client(src).offsets().count(0) == 1
    assert all(q["orders[id]"] == "ASC" for _, q, _ in client(src).asked)


def test_a_resumed_read_starts_where_it_had_got_to_and_only_its_first_series_does():
    sizes = {"/groups/1": 250, "/groups/2": 150}

    def answer(path, q):
        return items(int(q["offset"]), rows=sizes[path], total=str(sizes[path]))

    paths = [(f"/groups/{g}", {"id": str(g)}) for g in (1, 2)]
    with source(answer) as src:
        pages = read(src, PER_GROUP, paths, start=200)
    assert [(parent["id"], len(rows)) for parent, rows in pages] == [
        ("1", 50),
        ("2", 100),
        ("2", 50),
    ]
    assert client(src).offsets("/groups/1") == [200]


def test_a_page_without_its_records_fails_with_the_url_asked():
    def answer(path, q):
        return (
            {"items": [{"id": "1"}] * 100, "meta": {"total": "300"}} if q["offset"] == "0" else {}
        )

    with source(answer, ahead=1) as src, pytest.raises(ApiError) as err:
        read(src)
    assert "the response has no 'items' array" in err.value.message
    assert "(GET http://api.test/api/3/items?limit=100&offset=100)" in err.value.message


def test_a_failed_request_fails_the_read_and_the_parents_queued_behind_it_are_never_asked():
    release = threading.Event()

    def answer(path, q):
        if path == "/groups/1":
            raise ApiError("table items: GET /groups/1: 500 Internal Server Error")
        release.wait(5)  # keeps the one worker busy while the read fails
        return items(0, rows=1, total="1")

    paths = [(f"/groups/{g}", {"id": str(g)}) for g in (1, 2, 3, 4)]
    with source(answer, ahead=4, workers=1) as src:
        with pytest.raises(ApiError, match="500 Internal Server Error"):
            read(src, PER_GROUP, paths)
        release.set()
    asked = [p for p, _, _ in client(src).asked]
    assert "/groups/3" not in asked and "/groups/4" not in asked


def test_a_consumer_that_stops_leaves_no_page_asked_ahead_queued():
    release = threading.Event()

    def answer(path, q):
        if q["offset"] != "0":
            release.wait(5)
        return items(int(q["offset"]), rows=1000, total="1000")

    with source(answer, workers=1) as src:
        pages = src.pages(OFFSET, RowBuilder(OFFSET), [], [("/items", None)])
        next(pages)  # asks offsets 100 and 200 ahead; the one worker waits in 100
        assert wait_for(lambda: 100 in client(src).offsets())
        pages.close()
        release.set()
    assert client(src).offsets() == [0, 100]
