"""One page, split between the tables it feeds: the requesting stream's own records, the arrays
side-loaded beside them (`records:`), the lists nested in them (`nested:`), each after its row
filter (`where:`) and, for a table kept only for the rows another one references
(`only_referenced_by:`), after that too. The run and `acx check` read pages the same way."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from engine.errors import ApiError
from engine.read.records import RowBuilder
from engine.spec import Stream

Records = list[dict[str, Any]]


class PageSplit:
    """The tables one series of requests feeds, `members` with the requesting stream first and
    feeders before what they feed. `referenced`: "stream.column" -> the values another table
    keeps its rows by, filled in as the tables it names are committed (live: read per page)."""

    def __init__(
        self, members: Sequence[Stream], referenced: Mapping[str, set[str]] | None = None
    ) -> None:
        self.members = list(members)
        self.root = self.members[0]
        self.builders = {s.key: RowBuilder(s) for s in self.members}
        self.referenced = referenced if referenced is not None else {}

    def split(
        self, body: dict[str, Any], root_records: Records | None = None
    ) -> dict[str, Records]:
        """The records of every member in one page, after its row filters; `root_records`: the
        root's, when the paginator read them already."""
        kept: dict[str, Records] = {}
        for s in self.members:
            b = self.builders[s.key]
            where = f"table {s.key}"
            if s is self.root:
                records = root_records if root_records is not None else b.records(body, where)
            elif s.records:
                records = b.records(body, where)
            else:
                records = b.nested_records(kept.get(s.from_ or "", []), where)
            kept[s.key] = [r for r in records if b.keep(r)]
            if s.only_referenced_by is not None:
                kept[s.key] = self._only_referenced(s, kept[s.key])
        return kept

    def _only_referenced(self, stream: Stream, records: Records) -> Records:
        assert stream.only_referenced_by is not None
        wanted = self.referenced.get(".".join(stream.only_referenced_by))
        if wanted is None:  # a first page read before the referencing table ran
            return records
        key = self.builders[stream.key].key_getter
        return [r for r in records if ref_text(key(r)) in wanted]

    def missing_side_load(self, stream: Stream, body: dict[str, Any], url: str) -> ApiError | None:
        """A page with records but without `stream`'s side-loaded array (the server ignored
        include=, or changed shape): the error that fails `stream`, keeping its rows."""
        if not stream.records or self.builders[stream.key].has_records(body):
            return None
        return ApiError(
            f"table {stream.key}: GET {url} answered without its '{stream.records}' array "
            "(the server ignored include= or changed shape)",
            "nothing of this table was replaced or deleted; the other tables of the request loaded",
        )


def ref_text(value: Any) -> str:
    """A key as text, so "12" and 12 match."""
    return str(value).strip()
