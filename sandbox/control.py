"""``/__sandbox/*`` control endpoints for tests (no auth, no latency, no faults)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from . import api
from .custom_objects import change
from .mutate import MutationError, mutate

if TYPE_CHECKING:
    from .server import Runtime

PREFIX = "/__sandbox/"


def handle(
    rt: Runtime, method: str, path: str, qs: Mapping[str, list[str]], body: bytes
) -> tuple[int, Any]:
    name = path[len(PREFIX) :].strip("/")
    route = (method, name)
    try:
        if route == ("POST", "mutate"):
            return 200, _mutate(rt, body)
        if route == ("GET", "stats"):
            return 200, rt.stats.snapshot()
        if route == ("POST", "reset_stats"):
            rt.stats.reset()
            return 200, {"ok": True}
        if route == ("GET", "expected"):
            params = {k: v[0] for k, v in qs.items() if v and k != "table"}
            table = qs.get("table", [""])[0]
            with rt.world.lock:
                return 200, api.expected(rt.world, table, params)
        if route == ("GET", "info"):
            return 200, info(rt)
        if route == ("GET", "settings"):
            return 200, settings(rt)
        if route == ("POST", "settings"):
            return 200, _settings(rt, body)
        if route == ("POST", "custom_objects"):
            with rt.world.lock:
                return 200, change(rt.world.custom_objects, json.loads(body or b"{}"))
    except (MutationError, KeyError, ValueError, TypeError) as exc:
        return 400, {"errors": [{"title": "Bad Request", "detail": str(exc).strip("'\"")}]}
    return 404, {
        "errors": [{"title": "Not Found", "detail": f"no control endpoint {method} {path}"}]
    }


def _mutate(rt: Runtime, body: bytes) -> dict[str, Any]:
    spec = json.loads(body or b"{}")
    if not isinstance(spec, dict) or "table" not in spec:
        raise ValueError('body must be a JSON object like {"table": "contacts", "update": 5}')
    unknown = set(spec) - {"table", "update", "create", "delete", "restore"}
    if unknown:
        raise ValueError(f"unknown keys {sorted(unknown)}")
    return mutate(
        rt.world,
        spec["table"],
        spec.get("update", 0),
        spec.get("create", 0),
        spec.get("delete", 0),
        spec.get("restore", ()),
    )


SWITCHES = ("ignore_include",)  # run-time switches: Runtime attributes holding a bool


def settings(rt: Runtime) -> dict[str, Any]:
    return {name: getattr(rt, name) for name in SWITCHES}


def _settings(rt: Runtime, body: bytes) -> dict[str, Any]:
    spec = json.loads(body or b"{}")
    if not isinstance(spec, dict):
        raise ValueError('body must be a JSON object like {"ignore_include": true}')
    unknown = sorted(set(spec) - set(SWITCHES))
    if unknown:
        raise ValueError(f"unknown settings {unknown}; valid: {', '.join(SWITCHES)}")
    for name, value in spec.items():
        if not isinstance(value, bool):
            raise ValueError(f"{name} must be true or false")
        setattr(rt, name, value)
    return settings(rt)


def info(rt: Runtime) -> dict[str, Any]:
    from .timefmt import iso_utc

    world = rt.world
    with world.lock:
        return {
            "config": vars(world.config),
            "settings": settings(rt),
            "clock": iso_utc(world.clock),
            "mutations": world.mutations,
            "tables": {name: store.visible().count for name, store in world.stores.items()},
        }
