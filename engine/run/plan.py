"""What a run fetches, in which order: groups of streams fed by one series of requests, each
with its mode for this run, ordered so that a per-parent endpoint runs after its parent."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from engine.config.settings import Settings
from engine.errors import ConfigError
from engine.spec import Spec, Stream
from engine.spec.selection import select_streams


@dataclass
class Group:
    root: Stream  # makes the requests
    members: list[Stream]  # root first, then fed streams, each after the one feeding it
    mode: str  # full | incremental, for this run
    fan_out: Stream | None = None  # parent whose rows fill {parent.*} placeholders
    after: Stream | None = None  # the table whose values decide which rows it keeps
    forced: bool = False  # chosen for --full-refresh: never resumes an earlier run's read
    # an incremental group read whole this run to find deleted rows (engine/run/reconcile.py):
    # its mode is "full", its read starts at the read start date
    reconcile: bool = False

    @property
    def needs(self) -> list[Stream]:
        """Tables whose committed rows this group needs before it starts."""
        return [s for s in (self.fan_out, self.after) if s is not None]

    @property
    def keys(self) -> list[str]:
        return [s.key for s in self.members]


@dataclass
class Plan:
    groups: list[Group]
    selected: list[str]
    added: list[str] = field(default_factory=list)  # run because a selected table needs them


def build_plan(
    spec: Spec,
    settings: Settings | None,
    tables: Iterable[str] = (),
    full_refresh: Iterable[str] = (),
) -> Plan:
    chosen = select_streams(spec, tables)
    forced = {s.key for s in select_streams(spec, full_refresh)} if list(full_refresh) else set()
    needed = _closure(spec, [s.key for s in chosen])
    roots = [s for s in spec.streams if s.key in needed and not s.fed]
    groups = [_group(spec, root, needed, settings, forced) for root in roots]
    _check_fan_out(groups)
    ordered = _order(groups)
    return Plan(
        groups=ordered,
        selected=[s.key for s in chosen],
        added=[k for k in spec.keys if k in needed and k not in {s.key for s in chosen}],
    )


def _closure(spec: Spec, keys: list[str]) -> set[str]:
    """The chosen streams plus what they are read through (feeders, per-parent parents)."""
    needed: set[str] = set()
    todo = list(keys)
    while todo:
        key = todo.pop()
        if key in needed:
            continue
        needed.add(key)
        stream = spec.stream(key)
        if stream.from_:
            todo.append(stream.from_)
        if stream.per_parent and stream.parent:
            todo.append(stream.parent.stream)
        if stream.only_referenced_by:
            todo.append(stream.only_referenced_by[0])
    return needed


def _group(
    spec: Spec, root: Stream, needed: set[str], settings: Settings | None, forced: set[str]
) -> Group:
    members = [root]
    for s in spec.streams:  # spec order keeps a feeder before what it feeds, see below
        if s.fed and s.key in needed and spec.root_of(s).key == root.key:
            members.append(s)
    members = _feeders_first(members)
    fan_out = None
    if root.per_parent and root.parent:
        fan_out = spec.stream(root.parent.stream)
    refs = [s.only_referenced_by[0] for s in members if s.only_referenced_by]
    after = spec.stream(refs[0]) if refs else None
    mode = _mode(root, members, settings, forced)
    chosen = bool(forced & {s.key for s in members})
    return Group(root, members, mode, fan_out, after, chosen)


def _feeders_first(members: list[Stream]) -> list[Stream]:
    done: list[Stream] = []
    pending = list(members)
    while pending:
        for s in pending:
            if s.from_ is None or s.from_ in {d.key for d in done}:
                done.append(s)
                pending.remove(s)
                break
    return done


def _mode(root: Stream, members: list[Stream], settings: Settings | None, forced: set[str]) -> str:
    spec_mode = root.replication.mode or "full"
    if forced & {s.key for s in members}:
        return "full"
    chosen = settings.table(root.key).mode if settings else None
    if chosen and chosen != spec_mode:
        if not root.replication.selectable:
            raise ConfigError(
                f"config [tables.{root.key}] mode = {chosen!r}: the spec does not let this table "
                f"choose its mode",
                f"use --full-refresh {root.key} for a one-off full reload",
            )
        return chosen
    return spec_mode


def _check_fan_out(groups: list[Group]) -> None:
    for g in groups:
        if g.fan_out is None or g.mode != "full":
            continue
        parent_group = next((p for p in groups if g.fan_out.key in p.keys), None)
        if parent_group and parent_group.mode == "incremental":
            raise ConfigError(
                f"table {g.root.key} is read per row of {g.fan_out.key} and replaced in full, but "
                f"{g.fan_out.key} is read incrementally this run, so rows would be lost",
                f"run both in full (--full-refresh {parent_group.root.key})",
            )


def _order(groups: list[Group]) -> list[Group]:
    """Groups whose rows another group needs come first; otherwise spec order."""
    done: list[Group] = []
    pending = list(groups)
    while pending:
        for g in pending:
            if all(any(n.key in d.keys for d in done) for n in g.needs):
                done.append(g)
                pending.remove(g)
                break
        else:  # validation forbids cycles; keep going rather than spin
            done.extend(pending)
            break
    return done
