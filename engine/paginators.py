"""Paginators: tiny state machines keyed by the spec's word (offset, keyset, single).

Each gives the parameters of the current page, then `advance(body, records)` says whether another
page follows. A paginator that would ask for the same page twice raises instead of looping."""

from __future__ import annotations

import difflib
from typing import Any, ClassVar

import jmespath

from engine.errors import ApiError, SpecError
from engine.spec import Paging


class Paginator:
    kind: ClassVar[str]

    def __init__(self, paging: Paging, where: str) -> None:
        self.paging = paging
        self.where = where  # "table contacts", for messages
        self.pages = 0

    def params(self) -> list[tuple[str, str]]:
        raise NotImplementedError

    def advance(self, body: dict[str, Any], records: list[Any]) -> bool:
        raise NotImplementedError


class SinglePaginator(Paginator):
    kind = "single"

    def params(self) -> list[tuple[str, str]]:
        return []

    def advance(self, body: dict[str, Any], records: list[Any]) -> bool:
        self.pages += 1
        return False


class OffsetPaginator(Paginator):
    """limit/offset. Stops on an empty page, when the offset reaches the total, or, when the
    response has no total, on a short page. A string total is read as a number."""

    kind = "offset"

    def __init__(self, paging: Paging, where: str) -> None:
        super().__init__(paging, where)
        self.offset = 0
        self.step = paging.limit or 0  # rows a full page holds (the server may cap it lower)
        self.total: int | None = None
        self.total_expr = jmespath.compile(paging.total) if paging.total else None

    def params(self) -> list[tuple[str, str]]:
        return self.params_at(self.offset)

    def params_at(self, offset: int) -> list[tuple[str, str]]:
        p = self.paging
        return [(p.limit_param, str(p.limit)), (p.offset_param, str(offset))]

    def advance(self, body: dict[str, Any], records: list[Any]) -> bool:
        if self.pages == 0 and 0 < len(records) < self.step:
            self.step = len(records)
        return self.settle(self.offset, body, records)

    def settle(self, offset: int, body: dict[str, Any], records: list[Any]) -> bool:
        """Record the page read at `offset`; whether another page follows it."""
        self.pages += 1
        got = len(records)
        self.offset = offset + got
        if got == 0:
            return False
        self.total = read_total(self.total_expr.search(body) if self.total_expr else None)
        if self.total is not None:
            return self.offset < self.total
        return got >= (self.paging.limit or 0)

    def predict(self) -> list[int]:
        """Offsets of the remaining pages, known once a response gave the total: they can be
        requested concurrently. Empty when the total is unknown (read one page at a time)."""
        if self.total is None or self.step <= 0:
            return []
        return list(range(self.offset, self.total, self.step))


class KeysetPaginator(Paginator):
    """Sends the last row's key (e.g. `id_greater=<last id>`); stops on a short page, or when
    the response's total (rows matching this request) fits in the page just read. Whether an
    API counts the rows before the key or not, that test never stops early: an API counting
    every row only costs one more, empty, page."""

    kind = "keyset"

    def __init__(self, paging: Paging, where: str) -> None:
        super().__init__(paging, where)
        self.last: Any = None
        self.total_expr = jmespath.compile(paging.total) if paging.total else None

    def params(self) -> list[tuple[str, str]]:
        p = self.paging
        out = [(p.limit_param, str(p.limit))]
        if self.last is not None:
            out.append((str(p.param), str(self.last)))
        return out

    def advance(self, body: dict[str, Any], records: list[Any]) -> bool:
        self.pages += 1
        if not records:
            return False
        tail = records[-1]
        key = tail.get(self.paging.field) if isinstance(tail, dict) else None
        if key is None:
            raise ApiError(
                f"{self.where}: the last record of page {self.pages} has no "
                f"'{self.paging.field}' to continue from"
            )
        if self.last is not None and _as_number(key) <= _as_number(self.last):
            raise ApiError(
                f"{self.where}: keyset paging did not advance ({self.paging.param}={self.last} "
                f"returned last {self.paging.field} {key})",
                "the API must return rows ordered by that field; check the spec's orders param",
            )
        self.last = key
        total = read_total(self.total_expr.search(body) if self.total_expr else None)
        if total is not None and total <= len(records):
            return False
        return len(records) >= (self.paging.limit or 0)


def _as_number(value: Any) -> Any:
    try:
        return int(value)
    except (TypeError, ValueError):
        return str(value)


def read_total(value: Any) -> int | None:
    """meta.total arrives as "42", 42 or not at all."""
    if value is None or isinstance(value, bool):
        return None
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return None


REGISTRY: dict[str, type[Paginator]] = {
    cls.kind: cls for cls in (OffsetPaginator, KeysetPaginator, SinglePaginator)
}


def make_paginator(paging: Paging | None, where: str) -> Paginator:
    if paging is None:
        return SinglePaginator(Paging(kind="single"), where)
    try:
        cls = REGISTRY[paging.kind]
    except KeyError:
        close = difflib.get_close_matches(paging.kind, list(REGISTRY), n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else f" (use one of {sorted(REGISTRY)})"
        raise SpecError([f"{where}: unknown paging kind '{paging.kind}'{hint}"]) from None
    return cls(paging, where)
