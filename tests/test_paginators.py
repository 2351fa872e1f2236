"""Paginators on bare responses: where they stop, what they send, and that they never loop."""

from __future__ import annotations

import threading

import pytest

from engine.errors import ApiError, SpecError
from engine.http.pool import RequestPool
from engine.read.fetch import PageSource
from engine.read.paginators import (
    MAX_TOTAL,
    REGISTRY,
    Count,
    Paginator,
    make_paginator,
    plausible,
    read_total,
)
from engine.read.records import RowBuilder
from engine.spec import Column, Paging, Replication, Stream
from engine.spec.model import PAGING_NEEDS
from engine.spec.validate import schema

OFFSET = Paging(kind="offset", limit=2, total="meta.total")
KEYSET = Paging(kind="keyset", limit=2, param="id_greater", field="id")


def drive(pager, pages):
    """Feed pages (body, records) until the paginator stops; return the params sent."""
    sent = []
    for body, records in pages:
        sent.append(dict(pager.params()))
        if not pager.advance(body, records):
            break
    return sent


@pytest.mark.parametrize(
    "total,pages,expected_offsets",
    [
        ("5", [[1, 2], [3, 4], [5]], ["0", "2", "4"]),  # string total
        (5, [[1, 2], [3, 4], [5]], ["0", "2", "4"]),  # number total
        # exact multiple: a full page never ends a read (a total that lies low would cut it)
        ("4", [[1, 2], [3, 4], []], ["0", "2", "4"]),
        (None, [[1, 2], [3, 4], [5]], ["0", "2", "4"]),  # absent total: the short page stops it
        (None, [[1, 2], [3, 4], []], ["0", "2", "4"]),  # absent total, exact multiple: empty page
        ("9", [[1, 2], [3], []], ["0", "2", "3"]),  # fewer rows than the total claims: go on
        ("1000000000", [[1, 2], [3], []], ["0", "2", "3"]),  # lies high: one empty page more
        ("1e400", [[1, 2], [3]], ["0", "2"]),  # no number: as if absent
        ("-5", [[1, 2], [3, 4], [5]], ["0", "2", "4"]),  # negative: as if absent
        ("1", [[1, 2], [3, 4], [5]], ["0", "2", "4"]),  # lies low: read on to the short page
    ],
)
def test_offset_stops_where_it_should(total, pages, expected_offsets):
    pager = make_paginator(OFFSET, "table t")
    body = {"meta": {"total": total}} if total is not None else {}
    sent = drive(pager, [(body, [{"id": i} for i in p]) for p in pages])
    assert [s["offset"] for s in sent] == expected_offsets
    assert all(s["limit"] == "2" for s in sent)


def test_offset_advances_by_rows_received_not_by_limit():
    # A server that caps the page below the asked limit must not make acx skip rows.
    pager = make_paginator(Paging(kind="offset", limit=100, total="meta.total"), "t")
    sent = drive(
        pager, [({"meta": {"total": "30"}}, [{}] * 20), ({"meta": {"total": "30"}}, [{}] * 10)]
    )
    assert [s["offset"] for s in sent] == ["0", "20"]


def test_keyset_sends_last_id_and_stops_on_short_page():
    pager = make_paginator(KEYSET, "table contacts")
    sent = drive(
        pager,
        [({}, [{"id": "1"}, {"id": "2"}]), ({}, [{"id": "3"}, {"id": "4"}]), ({}, [{"id": "5"}])],
    )
    assert sent == [
        {"limit": "2"},
        {"limit": "2", "id_greater": "2"},
        {"limit": "2", "id_greater": "4"},
    ]


@pytest.mark.parametrize(
    "totals,expected_requests",
    [
        (["6", "4", "2"], 3),  # the total counts the rows after the key: no empty last page
        (["6", "6", "6", "6"], 4),  # the total counts every row: one more, empty, page
        ([None, None, None, None], 4),  # no total: the empty page stops it
        (["1e9", "1e9", "1e9", "1e9"], 4),  # lies high: the empty page stops it
        (["1", "1", "1", "1"], 4),  # lies low (fewer than a page holds): read on
        (["abc", "inf", "-5", None], 4),  # no numbers: as if absent
    ],
)
def test_keyset_uses_a_total_only_to_stop_earlier(totals, expected_requests):
    paging = Paging(kind="keyset", limit=2, param="id_greater", field="id", total="meta.total")
    pages = [[{"id": "1"}, {"id": "2"}], [{"id": "3"}, {"id": "4"}], [{"id": "5"}, {"id": "6"}], []]
    bodies = [({"meta": {"total": t}} if t else {}, p) for t, p in zip(totals, pages, strict=False)]
    assert len(drive(make_paginator(paging, "t"), bodies)) == expected_requests


def test_keyset_that_does_not_advance_is_an_error_not_a_loop():
    pager = make_paginator(KEYSET, "table contacts")
    pager.advance({}, [{"id": "1"}, {"id": "9"}])
    with pytest.raises(ApiError, match="did not advance"):
        pager.advance({}, [{"id": "3"}, {"id": "9"}])


def test_keyset_record_without_key_is_an_error():
    pager = make_paginator(KEYSET, "table contacts")
    with pytest.raises(ApiError, match="has no 'id'"):
        pager.advance({}, [{"id": "1"}, {"name": "x"}])


def test_single_makes_one_request():
    assert len(drive(make_paginator(Paging(kind="single"), "t"), [({}, [{}]), ({}, [{}])])) == 1


def test_unknown_kind_names_the_choices():
    with pytest.raises(SpecError, match="did you mean 'offset'"):
        make_paginator(Paging(kind="ofset"), "t")


# ------------------------------------------------- what the rest of the engine asks of a kind


def test_the_schema_the_spec_layer_and_the_registry_name_the_same_kinds():
    enum = schema()["$defs"]["paging"]["properties"]["kind"]["enum"]
    assert sorted(enum) == sorted(REGISTRY) == sorted(PAGING_NEEDS)
    for word, cls in REGISTRY.items():
        assert cls.kind == word and cls.needs == PAGING_NEEDS[word]


def test_a_kind_the_spec_language_lacks_fails_at_import_naming_where_to_add_it():
    with pytest.raises(TypeError, match=r"'cursor' is not in the spec language.*PAGING_NEEDS"):

        class CursorPaginator(Paginator):
            kind = "cursor"


SINGLE = Paging(kind="single")
IMPLAUSIBLE = "implausible: rows not counted)"
KEYSET_TOTAL = Paging(kind="keyset", limit=2, param="id_greater", field="id", total="meta.total")


@pytest.mark.parametrize(
    "paging,at,expected",
    [
        (OFFSET, 0, [("limit", "1"), ("offset", "0")]),
        (OFFSET, 41, [("limit", "1"), ("offset", "41")]),
        (
            Paging(kind="offset", limit=5, limit_param="n", offset_param="skip"),
            3,
            [("n", "1"), ("skip", "3")],
        ),
        (KEYSET, 41, [("limit", "1")]),  # no offsets: the first row whatever `at`
        (SINGLE, 0, []),
        (None, 0, []),
    ],
)
def test_probe_params_ask_for_one_row(paging, at, expected):
    assert make_paginator(paging, "t").probe_params(at) == expected


def one_row_api(rows, total=None):
    """A list of `rows` rows answering one-row requests (`count`'s `ask`); records the offsets."""
    asked = []

    def ask(at):
        asked.append(at)
        body = {"meta": {"total": total}} if total is not None else {}
        return body, [{"id": at + 1}] if at < rows else []

    return ask, asked


@pytest.mark.parametrize(
    "paging,rows,total,expected,asked",
    [
        (OFFSET, 5, "5", Count(5, 3, "offset pages of 2"), [0, 4]),
        # a full last page needs an empty one after it
        (OFFSET, 4, "4", Count(4, 3, "offset pages of 2"), [0, 3]),
        (OFFSET, 0, "0", Count(0, 1, "offset pages of 2"), [0]),
        (
            OFFSET,
            5,
            "9",
            Count(
                5,
                3,
                "offset pages of 2 (the API's total 9 is past its last row: counted by probing)",
            ),
            [0, 8, 1, 2, 4, 8, 6, 5],
        ),
        (
            OFFSET,
            5,
            None,
            Count(5, 3, "offset pages of 2 (no usable total in responses: counted by probing)"),
            [0, 1, 2, 4, 8, 6, 5],
        ),
        (KEYSET_TOTAL, 5, "5", Count(5, 3, "keyset pages of 2"), [0]),
        # the total counts the rows after the key: no empty page after a full last one
        (KEYSET_TOTAL, 4, "4", Count(4, 2, "keyset pages of 2"), [0]),
        (
            KEYSET_TOTAL,
            5,
            str(MAX_TOTAL + 1),
            Count(
                None, 1, f"keyset pages of 2 (the API's total {MAX_TOTAL + 1:,} is {IMPLAUSIBLE}"
            ),
            [0],
        ),
        # no total, and no offsets to probe: planned as one request of no rows (as before)
        (
            KEYSET,
            5,
            None,
            Count(0, 1, "keyset pages of 2 (no usable total in responses: counted by probing)"),
            [0],
        ),
        (SINGLE, 5, None, Count(None, 1, "single request"), []),
    ],
)
def test_count_plans_a_full_read_from_one_row_requests(paging, rows, total, expected, asked):
    ask, seen = one_row_api(rows, total)
    assert make_paginator(paging, "t").count(ask) == expected
    assert seen == asked


def test_an_offset_list_whose_rows_never_end_is_not_counted():
    ask, _ = one_row_api(10**12)
    count = make_paginator(Paging(kind="offset", limit=100), "t").count(ask)
    assert count.rows is None and count.requests == 1
    assert count.how.endswith(f"rows at every offset probed up to {MAX_TOTAL:,}: not counted")


@pytest.mark.parametrize(
    "paging,described,at,words",
    [
        (OFFSET, "offset, 2 rows per request", 500, "offset 500"),
        (Paging(kind="offset"), "offset", 0, "offset 0"),
        (KEYSET, "keyset: <id_greater=> the last row's <id>, 2 rows per request", 523, "id 523"),
        (SINGLE, "one request", 0, "offset 0"),
    ],
)
def test_a_kind_describes_itself_and_words_a_position(paging, described, at, words):
    pager = make_paginator(paging, "t")
    assert pager.describe(lambda name: f"<{name}>") == described
    assert pager.at_words(at) == words


def test_only_a_single_request_is_unpaged():
    assert {word for word, cls in REGISTRY.items() if not cls.paged} == {"single"}
    assert not make_paginator(None, "t").paged


@pytest.mark.parametrize(
    "value,expected",
    [
        ("42", 42),
        (42, 42),
        ("250.0", 250),
        (1e12, 10**12),
        ("0", 0),
        (None, None),
        (True, None),
        ("abc", None),
        ("", None),
        ("-5", None),
        (-5, None),
        ("inf", None),
        (float("inf"), None),
        ("1e400", None),
        (float("nan"), None),
        (10**400, None),
        ([1], None),
        ({"n": 1}, None),
    ],
)
def test_read_total_takes_numbers_and_nothing_else(value, expected):
    assert read_total(value) == expected


def test_a_total_above_max_total_is_not_plausible():
    assert plausible(MAX_TOTAL) == MAX_TOTAL
    assert plausible(MAX_TOTAL + 1) is None
    assert plausible(None) is None


def test_offset_asks_ahead_a_window_that_grows_with_full_pages_and_never_past_most():
    pager = make_paginator(Paging(kind="offset", limit=100, total="meta.total"), "t")
    body = {"meta": {"total": "1000000000"}}
    windows = []
    for _ in range(10):
        assert pager.advance(body, [{}] * 100)
        windows.append(pager.ahead(8))
    assert [len(w) for w in windows] == [2, 3, 4, 5, 6, 7, 8, 8, 8, 8]
    assert windows[0] == [100, 200]
    assert windows[-1] == list(range(1000, 1800, 100))


def test_offset_asks_one_page_ahead_after_a_short_page_and_none_past_the_total():
    pager = make_paginator(Paging(kind="offset", limit=100, total="meta.total"), "t")
    assert pager.advance({"meta": {"total": "1000"}}, [{}] * 100)
    assert pager.settle(100, {"meta": {"total": "1000"}}, [{}] * 40)  # short; the total says more
    assert pager.ahead(8) == [140]
    pager = make_paginator(Paging(kind="offset", limit=100, total="meta.total"), "t")
    assert pager.advance({"meta": {"total": "250"}}, [{}] * 100)
    assert pager.ahead(8) == [100, 200]
    assert pager.advance({"meta": {"total": "250"}}, [{}] * 100)
    assert pager.ahead(8) == [200]


def _key(record):
    return record.get("id")


@pytest.mark.parametrize("paging", [OFFSET, KEYSET], ids=["offset", "keyset"])
def test_a_page_that_repeats_the_page_before_is_an_error_not_a_loop(paging):
    pager = make_paginator(paging, "table items", _key)
    page = [{"id": "1"}, {"id": "2"}]
    assert pager.advance({}, page)
    with pytest.raises(ApiError, match="page 2 holds the same 2 row"):
        pager.advance({}, list(reversed(page)))


def test_without_a_key_a_repeated_page_is_not_looked_for():
    pager = make_paginator(OFFSET, "table items")  # acx fields reads a sample, and stops
    assert pager.advance({}, [{"id": "1"}, {"id": "2"}])
    assert pager.advance({}, [{"id": "1"}, {"id": "2"}])


def test_duplicate_ids_within_a_page_are_not_a_repeat():
    pager = make_paginator(OFFSET, "table items", _key)
    assert pager.advance({}, [{"id": "1"}, {"id": "1"}])
    assert pager.advance({}, [{"id": "2"}, {"id": "3"}])


@pytest.mark.parametrize(
    "pages,error",
    [
        ([[{"id": "1"}, {"id": "2"}], [{"id": "3"}, {"id": "abc"}]], "'abc', not a number"),
        ([[{"id": "a"}, {"id": "b"}], [{"id": "c"}, {"id": "7"}]], "'7', a number"),
        ([[{"id": "1"}, {"id": "10"}], [{"id": "11"}, {"id": "9"}]], "did not advance"),
    ],
)
def test_keyset_keys_of_two_kinds_or_out_of_order_are_one_line_errors(pages, error):
    pager = make_paginator(KEYSET, "table contacts")
    assert pager.advance({}, pages[0])
    with pytest.raises(ApiError, match=error) as caught:
        pager.advance({}, pages[1])
    assert "\n" not in str(caught.value)


def test_keyset_numbers_compare_as_numbers_and_text_as_text():
    pager = make_paginator(KEYSET, "table contacts")
    assert pager.advance({}, [{"id": "8"}, {"id": "9"}])
    assert pager.advance({}, [{"id": 10}, {"id": "11"}])  # "11" > "9" only as numbers
    text = make_paginator(KEYSET, "table tags")
    assert text.advance({}, [{"id": "a"}, {"id": "b"}])
    assert text.advance({}, [{"id": "c"}, {"id": "d"}])


def test_keyset_capped_by_the_server_reads_on_while_the_total_says_rows_remain():
    paging = Paging(kind="keyset", limit=100, param="id_greater", field="id", total="meta.total")
    pages = [[{"id": str(i)} for i in range(a, b)] for a, b in ((1, 6), (6, 11), (11, 13))]
    totals = ["12", "7", "2"]  # rows after the key, as ActiveCampaign counts them
    bodies = [({"meta": {"total": t}}, p) for t, p in zip(totals, pages, strict=True)]
    sent = drive(make_paginator(paging, "t"), bodies)
    assert [s.get("id_greater") for s in sent] == [None, "5", "10"]


# ---------------------------------------------------------------- the page loop on bare responses


class FakeClient:
    """Answers GETs of /items from a function of the offset; counts them."""

    base = "http://api.test/api/3"

    def __init__(self, answer):
        self.answer = answer
        self.offsets: list[int] = []
        self.lock = threading.Lock()

    def get(self, path, params, ask, priority=0):
        offset = int(dict(params).get("offset", 0))
        with self.lock:
            self.offsets.append(offset)
        return self.answer(offset)


def items(offset, rows=250, total="250", limit=100):
    body = {"items": [{"id": str(i)} for i in range(offset + 1, min(rows, offset + limit) + 1)]}
    if total is not None:
        body["meta"] = {"total": total}
    return body


STREAM = Stream(
    key="items",
    name="items",
    title="Items",
    description="Items.",
    primary_key=("id",),
    columns=(Column(key="id", name="id", type="integer", description="ID.", field="id"),),
    replication=Replication(mode="full"),
    endpoint="/items",
    records="items",
    paging=Paging(kind="offset", limit=100, total="meta.total"),
)


def read_all(answer, ahead=8):
    client = FakeClient(answer)
    pool = RequestPool(8)
    try:
        source = PageSource(client, pool, ahead)  # type: ignore[arg-type]
        pages = list(source.pages(STREAM, RowBuilder(STREAM), [], [("/items", None)]))
    finally:
        pool.shutdown()
    return [r["id"] for page in pages for r in page[1]], sorted(client.offsets)


@pytest.mark.parametrize("total", ["250", "1000000000", "1e12", "inf", "-5", "abc", "50", None])
def test_the_page_loop_reads_every_row_whatever_the_total_says(total):
    rows, offsets = read_all(lambda at: items(at, total=total))
    assert rows == [str(i) for i in range(1, 251)]
    assert offsets[:3] == [0, 100, 200]
    assert len(offsets) <= 5, offsets  # the honest 3, and a lying total's page or two


def test_the_page_loop_fails_a_page_that_repeats_with_its_url():
    with pytest.raises(ApiError, match=r"GET http://api.test/api/3/items\?limit=100&offset=100:"):
        read_all(lambda at: items(0, total=None))


def test_the_page_loop_fails_an_empty_page_that_later_pages_contradict():
    def hole(at):
        return {"items": [], "meta": {"total": "250"}} if at == 100 else items(at)

    with pytest.raises(ApiError, match="offset=100: the page ended the rows.*disagree"):
        read_all(hole)


def test_the_page_loop_reads_on_after_a_short_page_in_the_middle():
    def capped(at):  # the page at 100 holds 40 rows only; the rest follow from offset 140
        return items(at, limit=40 if at == 100 else 100)

    rows, offsets = read_all(capped)
    assert rows == [str(i) for i in range(1, 251)]
    assert 140 in offsets
