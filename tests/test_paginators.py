"""Paginators on bare responses: where they stop, what they send, and that they never loop."""

from __future__ import annotations

import pytest

from engine.errors import ApiError, SpecError
from engine.paginators import make_paginator
from engine.spec import Paging

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
        (
            "4",
            [[1, 2], [3, 4], []],
            ["0", "2"],
        ),  # exact multiple: the total stops it, no empty page
        (None, [[1, 2], [3, 4], [5]], ["0", "2", "4"]),  # absent total: the short page stops it
        (None, [[1, 2], [3, 4], []], ["0", "2", "4"]),  # absent total, exact multiple: empty page
        ("9", [[1, 2], [3], []], ["0", "2", "3"]),  # fewer rows than the total claims: go on
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
