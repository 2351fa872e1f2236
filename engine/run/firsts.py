"""The first page of every request series, fetched before any group runs (the account's zone is
found in them: engine/read/account_zone.py) and kept for its group, so that the request is made
once. A page the zone has read waits for its group pickled, not decoded: twenty accounts each
held their fifty-odd first pages as Python objects until the groups ran, the largest part of a
run's memory per account; pickled, a page of contacts takes a third of the room (177 KB against
554 KB), exact for any value JSON gave, and costs ~2 ms to keep and take back."""

from __future__ import annotations

import pickle
from concurrent.futures import Future
from typing import Any

Body = dict[str, Any]


class FirstPages:
    def __init__(self) -> None:
        self.asked: dict[str, Future[Body]] = {}  # by the group's root table
        self.kept: dict[str, bytes] = {}

    def ask(self, key: str, page: Future[Body]) -> None:
        self.asked[key] = page

    def asked_for(self, key: str) -> Future[Body] | None:
        return self.asked.get(key)

    def keep(self, key: str, body: Body) -> None:
        """The page, read (by the zone), kept for its group in little room."""
        self.asked.pop(key, None)
        self.kept[key] = pickle.dumps(body, protocol=pickle.HIGHEST_PROTOCOL)

    def take(self, key: str) -> Future[Body] | None:
        """The group's first page (asked for or kept), once; None when there is none."""
        page = self.asked.pop(key, None)
        if page is not None:
            return page
        kept = self.kept.pop(key, None)
        if kept is None:
            return None
        done: Future[Body] = Future()
        done.set_result(pickle.loads(kept))  # our own bytes of this process
        return done

    def drop(self) -> None:
        """Requests not yet sent are not sent (the run ends)."""
        for page in self.asked.values():
            page.cancel()
        self.asked.clear()
        self.kept.clear()
