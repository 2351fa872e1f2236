"""Resolve the user's choice of tables against a spec."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from engine.errors import ConfigError
from engine.spec.model import Spec, Stream


def select_streams(spec: Spec, names: Iterable[str]) -> list[Stream]:
    """Streams named by key, warehouse name or tag (comma lists allowed), in the order named (a
    tag's tables in spec order); all when none are named."""
    wanted = [n.strip() for item in names for n in item.split(",") if n.strip()]
    if not wanted:
        return list(spec.streams)
    by_name = {s.key: [s] for s in spec.streams} | {s.name: [s] for s in spec.streams}
    by_tag = tags(spec)
    chosen: list[Stream] = []
    for name in wanted:
        found = by_name.get(name) or by_tag.get(name)
        if found is None:
            known = list(by_name) + list(by_tag)
            close = difflib.get_close_matches(name, known, n=1)
            hint = f"did you mean '{close[0]}'?" if close else "see `acx streams SPEC`"
            raise ConfigError(f"no table or tag '{name}' in {spec.path}", hint)
        chosen.extend(s for s in found if s not in chosen)
    return chosen


def tags(spec: Spec) -> dict[str, list[Stream]]:
    """Each tag of the spec with its tables, in spec order."""
    out: dict[str, list[Stream]] = {}
    for s in spec.streams:
        for tag in s.tags:
            out.setdefault(tag, []).append(s)
    return out
