"""Paginators: tiny state machines keyed by the spec's word (offset, keyset, single).

A paginator names each page by its position (an offset; the key the page starts after) and
gives its parameters; `settle(position, body, records)` records a page read there and says
whether another follows. A read ends only where the data ends: on an empty page, or on a page
shorter than the server's page size when no total says rows remain (keyset: also when a page
holds exactly the rows its response's total counts). A total is a hint: it tells a capped page
from the last one and lets offset pages be asked for a few at a time; it never ends a read and
never sizes anything, so a total that lies costs a request or two, not the table's rows. The
same page twice is an error, not an endless run.

Everything the engine does differently per kind lives on its class, so that the rest of the
engine never names a kind: a new kind is one class here, added to REGISTRY, plus its word in the
spec language (schemas/spec.schema.json's enum, and the keys it needs in
engine.spec.model.PAGING_NEEDS: spec validation runs in a lower layer than this one, so the
spec's half of a kind is data there; a class whose word is missing there fails at import)."""

from __future__ import annotations

import difflib
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from engine.errors import ApiError, SpecError
from engine.read.records import compiled
from engine.spec.model import PAGING_NEEDS, Paging

# A total above this is no ActiveCampaign list's (the largest accounts hold a few million
# contacts): progress and `acx plan` show it as unknown rather than plan with it.
MAX_TOTAL = 100_000_000

Key = Callable[[Any], Any]  # a record -> its primary key (for telling pages apart)
Params = list[tuple[str, str]]
# A one-row request at an offset (`probe_params`), made by the caller: the response's body and
# records. Kinds without offsets ask for the first row whatever the offset.
OneRow = Callable[[int], tuple[dict[str, Any], list[Any]]]
Code = Callable[[str], str]  # marks a name up as code, for the docs (engine/report/docs.py)


@dataclass(frozen=True)
class Count:
    """`acx plan`'s figure for one list: its rows (None: not counted), the requests a full read
    takes, and how that was found."""

    rows: int | None
    requests: int
    how: str


class PagingError(ApiError):
    """A page that cannot be followed; `reason` without the table, for a message that adds the
    URL (see engine.read.fetch)."""

    def __init__(self, where: str, reason: str, hint: str | None = None) -> None:
        super().__init__(f"{where}: {reason}", hint)
        self.where, self.reason = where, reason


class Paginator:
    """One paging kind, named by the spec's word. Its parts, after dlt's BasePaginator (first
    request, update from the response, next request, has-next), plus what the rest of the
    engine asks of a kind:

    reading     start_at, params / params_at, advance / settle, ahead: the state machine
    probing     probe_params(at): a one-row request (`acx check` reads a table with it)
    planning    count(ask): rows and requests of a full read (`acx plan`)
    telling     describe(code): one line for the docs; at_words(at): a position in words
    paged       False for a kind that reads one response: no page size to show
    needs       keys the spec gives beside `kind` (from engine.spec.model.PAGING_NEEDS)"""

    kind: ClassVar[str]
    paged: ClassVar[bool] = True
    needs: ClassVar[tuple[str, ...]]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.kind not in PAGING_NEEDS:
            raise TypeError(
                f"paging kind '{cls.kind}' is not in the spec language: add it, with the keys it "
                "needs, to engine.spec.model.PAGING_NEEDS and to schemas/spec.schema.json"
            )
        cls.needs = PAGING_NEEDS[cls.kind]

    def __init__(self, paging: Paging, where: str, key: Key | None = None) -> None:
        self.paging = paging
        self.where = where  # "table contacts", for messages
        self.key = key
        self.pages = 0
        self.position: Any = None  # of the next page to read, in order
        self.total: int | None = None  # the last response's total: a hint
        self.total_expr = compiled(paging.total) if paging.total else None
        self._previous: frozenset[str] | None = None  # keys of the last page read

    def params(self) -> list[tuple[str, str]]:
        return self.params_at(self.position)

    def start_at(self, position: Any) -> None:
        """Begin where an interrupted read had got to (engine/run/resume.py): an offset, or the key
        the next page continues after."""
        if position is not None:
            self.position = position

    def params_at(self, position: Any) -> list[tuple[str, str]]:
        raise NotImplementedError

    def advance(self, body: dict[str, Any], records: list[Any]) -> bool:
        """The page at the current position was read; whether another follows."""
        return self.settle(self.position, body, records)

    def settle(self, position: Any, body: dict[str, Any], records: list[Any]) -> bool:
        raise NotImplementedError

    def ahead(self, most: int) -> list[Any]:
        """Positions of the pages that may be asked for now, in order: the next one, and pages
        after it when they are known in advance; at most `most`."""
        return [self.position]

    def probe_params(self, at: int = 0) -> Params:
        """Parameters of a one-row request at offset `at` (a kind without offsets ignores it)."""
        return [(self.paging.limit_param, "1")]

    def count(self, ask: OneRow) -> Count:
        """Rows and requests of a full read, from one-row requests (`ask`); no request at all for
        a kind that reads one response."""
        raise NotImplementedError

    def describe(self, code: Code) -> str:
        """One line for the docs' Paging row: `offset, 100 rows per request`."""
        return self.kind + self._size()

    def at_words(self, at: Any) -> str:
        """A position in words, for a resumed read's note: `offset 500`."""
        return f"offset {at}"

    def _read(self, body: dict[str, Any], records: list[Any]) -> None:
        """Count the page, read its total, and refuse a page that repeats the page before."""
        self.pages += 1
        self.total = read_total(self.total_expr.search(body) if self.total_expr else None)
        if self.key is None or not records:
            return
        keys = frozenset(repr(self.key(r)) for r in records)
        if keys == self._previous:
            raise PagingError(
                self.where,
                f"page {self.pages} holds the same {len(records)} row(s) as page "
                f"{self.pages - 1}: the API repeats a page instead of moving on",
                f"it ignores '{self._moves_by()}'; nothing of this table was loaded this run",
            )
        self._previous = keys

    def _moves_by(self) -> str:
        return ""

    def _size(self) -> str:
        return f", {self.paging.limit} rows per request" if self.paging.limit else ""

    def _pages_of(self, total: int) -> int:
        return max(1, math.ceil(total / (self.paging.limit or 1)))

    def _first_total(self, ask: OneRow) -> int | None:
        """The first page's total; 0 for an empty list without one, None when rows came back
        without a usable total."""
        body, records = ask(0)
        if self.total_expr is not None:
            total = read_total(self.total_expr.search(body))
            if total is not None:
                return total
        return None if records else 0


class SinglePaginator(Paginator):
    """One request, no paging."""

    kind = "single"
    paged = False

    def params_at(self, position: Any) -> list[tuple[str, str]]:
        return []

    def settle(self, position: Any, body: dict[str, Any], records: list[Any]) -> bool:
        self.pages += 1
        return False

    def probe_params(self, at: int = 0) -> Params:
        return []

    def count(self, ask: OneRow) -> Count:
        return Count(None, 1, "single request")

    def describe(self, code: Code) -> str:
        return "one request"


class OffsetPaginator(Paginator):
    """limit/offset; the offset advances by the rows received. Ends on an empty page, or on a
    short one unless the total says rows remain (then the server capped the page: the first
    page's size becomes the step). With a total, the pages it promises are asked for ahead, a
    window that grows by one with every full page in a row (2, 3 ... `most`): a total that lies
    high costs a request or two past the end, never a request per promised row."""

    kind = "offset"

    def __init__(self, paging: Paging, where: str, key: Key | None = None) -> None:
        super().__init__(paging, where, key)
        self.position = 0
        self.step = paging.limit or 0  # rows a full page holds (the server may cap it lower)
        self.full = 0  # full pages in a row: how far ahead the total is trusted

    def params_at(self, position: Any) -> list[tuple[str, str]]:
        p = self.paging
        return [(p.limit_param, str(p.limit)), (p.offset_param, str(position))]

    def settle(self, position: Any, body: dict[str, Any], records: list[Any]) -> bool:
        self._read(body, records)
        got = len(records)
        self.position = position + got
        remain = self.total is not None and self.position < self.total
        if got == 0:
            return False
        if self.pages == 1 and got < self.step and remain:
            self.step = got  # the server caps pages below the limit asked for
        self.full = self.full + 1 if got >= self.step else 0
        return got >= self.step or remain

    def ahead(self, most: int) -> list[Any]:
        if self.total is None or self.step <= 0 or not self.full:
            return [self.position]
        window = min(most, 1 + self.full)
        stop = min(self.total, self.position + window * self.step)
        return list(range(self.position, stop, self.step)) or [self.position]

    def _moves_by(self) -> str:
        return self.paging.offset_param

    def probe_params(self, at: int = 0) -> Params:
        return [*super().probe_params(at), (self.paging.offset_param, str(at))]

    def count(self, ask: OneRow) -> Count:
        """The first page's total, checked with one more request (a row must sit at offset
        total-1: a total that lies high would plan millions of requests); without a total that
        holds, the rows are counted by probing offsets. A full last page needs an empty one
        after it (a total never ends a read)."""
        how = f"{self.kind} pages of {self.paging.limit or 1}"
        total = self._first_total(ask)
        if total and not ask(total - 1)[1]:
            how += f" (the API's total {total:,} is past its last row: counted by probing)"
            total = self._probe(ask)
        elif total is None:
            total = self._probe(ask)
            how += " (no usable total in responses: counted by probing)"
        if total is None:
            how += f"; rows at every offset probed up to {MAX_TOTAL:,}: not counted"
            return Count(None, 1, how)
        full_last = bool(total) and total % (self.paging.limit or 1) == 0
        return Count(total, self._pages_of(total) + full_last, how)

    @staticmethod
    def _probe(ask: OneRow) -> int | None:
        """Rows of a list without a total that holds: exponential, then binary search for the
        first empty offset (about 2·log2(rows) one-row requests); None when rows go on past
        MAX_TOTAL (an API that ignores the offset)."""
        hi = 1
        while ask(hi)[1]:
            if hi > MAX_TOTAL:
                return None
            hi *= 2
        lo = hi // 2  # a row exists at lo (or lo == 0)
        while lo + 1 < hi:
            mid = (lo + hi) // 2
            if ask(mid)[1]:
                lo = mid
            else:
                hi = mid
        return hi


class KeysetPaginator(Paginator):
    """Sends the last row's key (e.g. `id_greater=<last id>`). Ends on an empty page, or when a
    page holds exactly the rows its response's total counts (ActiveCampaign counts the rows
    after the key); a page with fewer rows than that total was capped by the server, one with
    more proves the total wrong: either way the read goes on. Without a total, a short page
    ends it. Keys are numbers (compared as numbers) or text, never both."""

    kind = "keyset"

    def params_at(self, position: Any) -> list[tuple[str, str]]:
        p = self.paging
        out = [(p.limit_param, str(p.limit))]
        if position is not None:
            out.append((str(p.param), str(position)))
        return out

    def settle(self, position: Any, body: dict[str, Any], records: list[Any]) -> bool:
        self._read(body, records)
        if not records:
            return False
        field = self.paging.field
        tail = records[-1]
        key = tail.get(field) if isinstance(tail, dict) else None
        if key is None:
            raise PagingError(
                self.where,
                f"the last record of page {self.pages} has no '{field}' to continue from",
            )
        if self.position is not None:
            before, now = _ordered(self.position), _ordered(key)
            if before[0] != now[0]:
                raise PagingError(
                    self.where,
                    f"the last record of page {self.pages} has {field} {str(key)[:40]!r}, "
                    f"{'not ' if now[0] else ''}a number like the keys before it",
                    "keyset paging needs keys of one kind; nothing of this table was loaded",
                )
            if now <= before:
                raise PagingError(
                    self.where,
                    f"keyset paging did not advance ({self.paging.param}={self.position} "
                    f"returned last {field} {key})",
                    "the API must return rows ordered by that field; check the spec's orders param",
                )
        self.position = key
        if self.total is not None:
            return self.total != len(records)
        return len(records) >= (self.paging.limit or 0)

    def _moves_by(self) -> str:
        return str(self.paging.param)

    def count(self, ask: OneRow) -> Count:
        """The first page's total (ActiveCampaign counts the rows after the key: from no key,
        every row); a total above MAX_TOTAL is not planned with. Offsets mean nothing to a
        keyset list, so one without a total cannot be counted by probing them: it is planned
        as one request of no rows (its words still say "counted by probing", as they did)."""
        how = f"{self.kind} pages of {self.paging.limit or 1}"
        total = self._first_total(ask)
        if total is not None and total > MAX_TOTAL:
            how += f" (the API's total {total:,} is implausible: rows not counted)"
            return Count(None, 1, how)
        if total is None:
            total = 0
            how += " (no usable total in responses: counted by probing)"
        return Count(total, self._pages_of(total), how)

    def describe(self, code: Code) -> str:
        p = self.paging
        return (
            f"{self.kind}: {code(f'{p.param}=')} the last row's {code(p.field or '')}{self._size()}"
        )

    def at_words(self, at: Any) -> str:
        """`id 523400`: the key the read continues after."""
        return f"{self.paging.field} {at}"


def _ordered(value: Any) -> tuple[int, Any]:
    """A key's place in order: (0, number) for whole numbers ("42" or 42), (1, text) else."""
    if isinstance(value, int) and not isinstance(value, bool):
        return 0, value
    text = str(value).strip()
    if text.lstrip("-").isdigit():
        return 0, int(text)
    return 1, text


def read_total(value: Any) -> int | None:
    """meta.total arrives as "42", 42 or not at all; a negative, infinite or unreadable total
    ("abc", "inf", 1e400) is no total."""
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        return None
    if not math.isfinite(number) or number < 0:
        return None
    return int(number)


def plausible(total: int | None) -> int | None:
    """A total to show or plan with: None when above MAX_TOTAL."""
    return total if total is not None and total <= MAX_TOTAL else None


REGISTRY: dict[str, type[Paginator]] = {
    cls.kind: cls for cls in (OffsetPaginator, KeysetPaginator, SinglePaginator)
}


def make_paginator(paging: Paging | None, where: str, key: Key | None = None) -> Paginator:
    """The paginator of `paging`; `key` (a record's primary key) lets it refuse a page that
    repeats the page before it."""
    if paging is None:
        return SinglePaginator(Paging(kind=SinglePaginator.kind), where)
    try:
        cls = REGISTRY[paging.kind]
    except KeyError:
        close = difflib.get_close_matches(paging.kind, list(REGISTRY), n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else f" (use one of {sorted(REGISTRY)})"
        raise SpecError([f"{where}: unknown paging kind '{paging.kind}'{hint}"]) from None
    return cls(paging, where, key)
