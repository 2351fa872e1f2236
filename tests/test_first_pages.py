"""First pages fetched before the groups run wait for their group pickled: each comes back
exactly as it was decoded, once, and a run that ends early sends none of the ones not sent."""

from __future__ import annotations

from concurrent.futures import Future

from engine.run.firsts import FirstPages


def done(body: dict) -> Future:
    page: Future = Future()
    page.set_result(body)
    return page


def test_a_kept_page_comes_back_exactly_as_decoded_and_once() -> None:
    body = {
        "contacts": [{"id": "1", "cdate": "2024-03-10T02:30:00-05:00", "n": 2**70, "x": 1e308}],
        "meta": {"total": "1", "nested": [None, True, -0.0, "é\u2028"]},
    }
    pages = FirstPages()
    pages.ask("contacts", done(body))
    first = pages.asked_for("contacts")
    assert first is not None
    pages.keep("contacts", first.result())
    again = pages.take("contacts")
    assert again is not None and again.result() == body and again.result() is not body
    assert pages.take("contacts") is None  # the group reads it once


def test_ending_the_run_cancels_the_pages_not_sent() -> None:
    pages = FirstPages()
    waiting: Future = Future()
    pages.ask("deals", waiting)
    pages.ask("lists", done({"lists": []}))
    pages.keep("lists", {"lists": []})
    pages.drop()
    assert waiting.cancelled()
    assert pages.take("deals") is None and pages.take("lists") is None
