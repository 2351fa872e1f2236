"""Resolve the user's choice of tables against a spec."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from engine.errors import ConfigError
from engine.spec.model import Spec, Stream


def select_streams(spec: Spec, names: Iterable[str]) -> list[Stream]:
    """Streams named by key or warehouse name (comma lists allowed); all when none are named."""
    wanted = [n.strip() for item in names for n in item.split(",") if n.strip()]
    if not wanted:
        return list(spec.streams)
    by_name = {s.key: s for s in spec.streams} | {s.name: s for s in spec.streams}
    chosen: list[Stream] = []
    for name in wanted:
        if name not in by_name:
            close = difflib.get_close_matches(name, list(by_name), n=1)
            hint = f"did you mean '{close[0]}'?" if close else "see `acx streams SPEC`"
            raise ConfigError(f"no table '{name}' in {spec.path}", hint)
        if by_name[name] not in chosen:
            chosen.append(by_name[name])
    return chosen
