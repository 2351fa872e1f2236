"""Field drift of one table: the API fields that arrived but no column reads, and the declared
fields that never arrived. Live ActiveCampaign accounts send many fields the docs (and so the
spec) lack (observed in responses recorded from live accounts), and a renamed field would
otherwise load as a silent all-NULL column.

Only top-level keys are compared: a column reading `owner.type` counts as seen when `owner`
arrives. Observing a batch costs one set union of its records' keys; sample values are looked
for only while an undeclared key has none (and for a bounded number of records)."""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import jmespath

from engine.spec import Spec, Stream

PARENT = "_parent"  # the feeding record of a nested row (engine/read/records.py)
VALUE = "_value"  # a scalar nested element (engine/read/records.py)
ENGINE_KEYS = frozenset({PARENT, VALUE})
SAMPLE_CHARS = 40  # a sample value is cut to this many characters
SAMPLE_LOOKS = 1000  # records searched for a non-null sample of one key, at most
MAX_NAMES = 8  # names listed in a warning line before "…"

# JMESPath nodes whose first child is evaluated on the record and the others on its result
_LEFT_ONLY = frozenset(
    {
        "subexpression",
        "index_expression",
        "projection",
        "value_projection",
        "filter_projection",
        "flatten",
        "pipe",
    }
)


@dataclass(frozen=True)
class Unseen:
    """A declared column none of whose fields arrived in any record observed."""

    column: str  # column key
    field: str  # the column's field path, as in the spec
    did_you_mean: str | None = None  # an undeclared key that arrived and looks like it
    aliases: tuple[str, ...] = ()  # the column's other names of the field

    def text(self) -> str:
        simple = self.field.strip('"') == self.column
        name = self.column if simple else f"{self.column} (field {self.field})"
        if self.aliases:
            name += f" (or {', '.join(self.aliases)})"
        return name + (f" (did you mean {self.did_you_mean}?)" if self.did_you_mean else "")

    def as_dict(self) -> dict[str, Any]:
        return {"column": self.column, "field": self.field, "did_you_mean": self.did_you_mean}


class FieldTally:
    """Counts, over every batch of one stream's raw API records, which top-level keys arrived.
    With the spec, keys that tables fed from this stream read count as read (see `fed_keys`)."""

    def __init__(self, stream: Stream, spec: Spec | None = None) -> None:
        self.stream = stream
        joined = {j.as_ for j in stream.joins}  # names joined records are attached under
        # column key -> the record keys any of which makes it "seen"; columns reading only the
        # parent record or a joined record are not checked (they are not fields of this record)
        self.declared: dict[str, frozenset[str]] = {}
        read: set[str] = set()
        self.reads_all = False  # a column reads the whole record (`@`, `*.x`)
        used_joins: set[str] = set()
        for col in stream.columns:
            names, whole = record_fields(col.field)
            names |= set(col.aliases)  # top-level names the API also sends the field under
            self.reads_all = self.reads_all or whole
            used_joins |= names & joined
            own = names - joined - {PARENT}
            read |= own
            if own - {VALUE}:
                self.declared[col.key] = frozenset(own)
        # a join's local key is read by the joined columns (tag_record.tag reads `tag`)
        read |= {j.local for j in stream.joins if j.as_ in used_joins}
        read |= joined  # present only if a caller passes rows already joined
        if stream.where:  # the row filter reads its fields too (reltype)
            read |= record_fields(stream.where)[0] - {PARENT}
        if spec is not None:
            read |= fed_keys(spec, stream) | set(spec.source.ignored_fields)
        self.read = frozenset(read)
        self.seen: set[str] = set()
        self.samples: dict[str, Any] = {}  # undeclared key -> first non-null value
        self._looks: dict[str, int] = {}  # undeclared key -> records left to search for a sample
        self.records = 0

    def observe(self, records: Iterable[Mapping[str, Any]]) -> None:
        """Take one batch of raw records (dicts) of this stream."""
        batch = records if isinstance(records, list) else list(records)
        if not batch:
            return
        self.records += len(batch)
        keys: set[str] = set().union(*batch)
        new = keys - self.seen
        if new:
            self.seen |= new
            if not self.reads_all:
                for key in new - self.read - ENGINE_KEYS:
                    self._looks[key] = SAMPLE_LOOKS
        if self._looks:
            self._find_samples(batch)

    def _find_samples(self, batch: list[Mapping[str, Any]]) -> None:
        for key in list(self._looks):
            left = self._looks[key]
            for record in batch[:left]:
                value = record.get(key)
                if value is not None and value != "":
                    self.samples[key] = value
                    del self._looks[key]
                    break
            else:
                left -= min(left, len(batch))
                if left:
                    self._looks[key] = left
                else:
                    del self._looks[key]

    def undeclared(self) -> list[str]:
        """Keys that arrived but no column reads, sorted."""
        if self.reads_all:
            return []
        return sorted(self.seen - self.read - ENGINE_KEYS)

    def sample(self, key: str) -> str | None:
        """The first non-null value of an undeclared key, as short JSON text."""
        if key not in self.samples:
            return None
        return shorten(json.dumps(self.samples[key], ensure_ascii=False, default=str))

    def never_seen(self) -> list[Unseen]:
        """Declared columns none of whose fields arrived (empty until a record was observed)."""
        if not self.records or self.reads_all:
            return []
        extra = self.undeclared()
        out = []
        for col in self.stream.columns:
            names = self.declared.get(col.key)
            if names is None or names & self.seen:
                continue
            guess = next(
                (g for n in sorted(names - {VALUE}) if (g := did_you_mean(n, extra))), None
            )
            out.append(Unseen(col.key, col.field, guess, col.aliases))
        return out

    def warnings(self) -> list[str]:
        """Summary lines: declared fields never seen (a warning whenever records arrived), then
        the fields the spec does not declare."""
        return [line for line in (self.unseen_line(), undeclared_line(self.undeclared())) if line]

    def unseen_line(self) -> str | None:
        unseen = self.never_seen()
        if not unseen:
            return None
        return f"{_count(len(unseen), 'declared field')} never seen: " + ", ".join(
            u.text() for u in unseen
        )

    def as_dict(self) -> dict[str, Any]:
        """For JSON logs."""
        return {
            "undeclared": self.undeclared(),
            "never_seen": [u.as_dict() for u in self.never_seen()],
        }


def undeclared_line(extra: list[str]) -> str | None:
    """`3 fields the spec does not declare: a, b, c` (at most MAX_NAMES names)."""
    if not extra:
        return None
    names = ", ".join(extra[:MAX_NAMES]) + (", …" if len(extra) > MAX_NAMES else "")
    return f"{_count(len(extra), 'field')} the spec does not declare: {names}"


def fed_keys(spec: Spec, stream: Stream) -> set[str]:
    """Keys of `stream`'s records that the tables it feeds read: a nested array (task types'
    `outcomes`), and the ids a record lists under the name of a side-load another table reads
    (`/contacts?include=contactTags` gives each contact `contactTags: ["1", ...]` and the body a
    `contactTags` array)."""
    out: set[str] = set()
    for child in spec.streams:
        if child.from_ == stream.key:
            out |= record_fields(child.nested or child.records or "@")[0]
    return out


def record_fields(expression: str) -> tuple[set[str], bool]:
    """The top-level keys a field path reads from its record, and whether it reads the whole
    record: `a.b` -> {a}; `a || b` and `not_null(a, b)` -> {a, b}; `x[?k == 'v'].y` -> {x}."""
    return _roots(jmespath.compile(expression).parsed)


def _roots(node: dict[str, Any]) -> tuple[set[str], bool]:
    kind = node["type"]
    if kind == "field":
        return {node["value"]}, False
    if kind in ("current", "identity"):
        return set(), True
    if kind in ("expref", "literal", "index", "slice"):  # evaluated on other values, or none
        return set(), False
    children = node.get("children", [])
    if kind in _LEFT_ONLY:
        children = children[:1]
    names: set[str] = set()
    whole = False
    for child in children:
        more, all_ = _roots(child)
        names |= more
        whole = whole or all_
    return names, whole


def normalised(name: str) -> str:
    """`updatedBy`, `updated_by` and `updated-by` compare equal."""
    return name.lower().replace("_", "").replace("-", "")


def did_you_mean(name: str, candidates: list[str]) -> str | None:
    """The candidate that is `name` up to case and `_`/`-`, else the closest by spelling."""
    by_norm = {normalised(c): c for c in candidates}
    if normalised(name) in by_norm:
        return by_norm[normalised(name)]
    close = difflib.get_close_matches(normalised(name), list(by_norm), n=1, cutoff=0.8)
    return by_norm[close[0]] if close else None


def shorten(text: str, limit: int = SAMPLE_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")
