"""Checkpoints of a long read, and resuming from the last one after a crash.

A group read as one series of requests (no `{parent.*}` fan-out, publishing nothing another
group waits for) commits its progress every CHECKPOINT_SECONDS or CHECKPOINT_PAGES, whichever
comes first, at a page boundary: a merge group
applies its stages and writes its state rows with a `position` in one transaction (the savepoint
stays the old one: rows arrive by id, not by cursor); a replace group keeps its stages and writes
only the position. The position holds what the next run needs to go on as this one would have:
where the series was, its query, the lower bound, the largest cursor read, each table's `_acx_seq`.
The final commit writes state rows without a position."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from engine.errors import ConfigError
from engine.load.base import WHOLE_READ
from engine.load.state import StateRow, parse_iso
from engine.read.paginators import make_paginator
from engine.run.plan import Group

CHECKPOINT_ENV = "ACX_CHECKPOINT_SECONDS"
CHECKPOINT_PAGES_ENV = "ACX_CHECKPOINT_PAGES"
CHECKPOINT_SECONDS = 120.0  # a kill costs at most this much reading again
# ... or this many pages, whichever comes first: at the account's rate (5 requests a second) the
# seconds decide; at a higher one, a kill still re-reads at most 100 pages (1% of a 1M-contact sync)
CHECKPOINT_PAGES = 100


@dataclass(frozen=True)
class Cadence:
    """When a long read commits a checkpoint: every `seconds` or every `pages`, whichever first."""

    seconds: float
    pages: int

    def due(self, started: float, pages: int, now: float) -> bool:
        """Whether a checkpoint is due: `pages` read since the last one, which was at `started`."""
        return pages >= self.pages or now - started >= self.seconds


def cadence(env: Mapping[str, str]) -> Cadence:
    """ACX_CHECKPOINT_SECONDS and ACX_CHECKPOINT_PAGES override the defaults (0: every page)."""
    seconds = _number(env, CHECKPOINT_ENV, CHECKPOINT_SECONDS, "a number of seconds")
    pages = _number(env, CHECKPOINT_PAGES_ENV, CHECKPOINT_PAGES, "a whole number of pages")
    if pages != int(pages):
        raise ConfigError(
            f"{CHECKPOINT_PAGES_ENV} {env[CHECKPOINT_PAGES_ENV]!r} is not a whole number"
        )
    return Cadence(seconds, int(pages))


def _number(env: Mapping[str, str], name: str, default: float, what: str) -> float:
    text = env.get(name)
    if not text:
        return default
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not value >= 0 or value == float("inf"):
        raise ConfigError(f"{name} {text!r} is not {what}")
    return value


@dataclass(frozen=True)
class Resume:
    """Where a group's interrupted run got to, from its root's state row."""

    position: dict[str, Any]  # the root's (see Runner._checkpoint)
    positions: dict[str, dict[str, Any]]  # per member

    @property
    def at(self) -> Any:
        return self.position["at"]

    @property
    def pages(self) -> int:
        return int(self.position.get("pages") or 0)

    @property
    def params(self) -> list[tuple[str, str]]:
        return [(str(k), str(v)) for k, v in self.position.get("params") or []]

    @property
    def since(self) -> datetime | None:
        return parse_iso(self.position.get("since"))

    @property
    def replace(self) -> bool:
        """A replace group: its stages were kept, nothing of its rows committed yet."""
        return self.position.get("apply") in WHOLE_READ

    def member(self, key: str) -> dict[str, Any]:
        return self.positions.get(key, {})

    def note(self, group: Group) -> str:
        """`resumed from id 523400 (the run of 2025-01-02 10:00 UTC, 5,234 pages already read)`"""
        return f"resumed from {where(group, self.at)} ({self.origin()})"

    def origin(self) -> str:
        started = parse_iso(self.position.get("started"))
        when = started.strftime("%Y-%m-%d %H:%M:%S UTC") if started else "an earlier run"
        return f"the run of {when}, {self.pages:,} pages already read"

    def as_event(self, group: Group) -> dict[str, Any]:
        return {
            "at": self.at,
            "where": where(group, self.at),
            "pages": self.pages,
            "run_id": self.position.get("run"),
            "started": self.position.get("started"),
        }


def where(group: Group, at: Any) -> str:
    """A position in words: `id 523400` (keyset: the key it continues after), `offset 500`."""
    return make_paginator(group.root.paging, f"table {group.root.key}").at_words(at)


def found(group: Group, state: Mapping[str, StateRow]) -> Resume | None:
    """The group's checkpoint when this run may go on from it: every member has one, of the same
    run and the mode this run reads in, and the group was not chosen for --full-refresh."""
    root = state.get(group.root.key)
    if root is None or root.position is None or group.forced or group.fan_out is not None:
        return None
    position = root.position
    if position.get("mode") != group.mode or "at" not in position:
        return None
    positions = {}
    for s in group.members:
        row = state.get(s.key)
        if row is None or row.position is None or row.position.get("run") != position["run"]:
            return None
        positions[s.key] = row.position
    return Resume(position, positions)
