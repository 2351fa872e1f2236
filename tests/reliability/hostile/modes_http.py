"""Hostile modes of the transport: see tests/reliability/hostile/__init__.py.

Each misbehaves on /items only (the full table), so a run also shows that the other tables load
as they should. Redirects point at another origin of the same machine: `api.other_url` (another
port), `localhost` (another host name), https (another scheme); if acx followed one, the request
would arrive with the key, and the test looks for it in `api.requests`."""

from __future__ import annotations

import time
import zlib
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from functools import cache
from urllib.parse import urlencode

from tests.reliability.hostile import Hostile, Reply, Request, mode

GIB = 2**30
MB = 10**6


def _items(request: Request) -> bool:
    return request.path == "/items"


def _query(request: Request, **extra: str) -> str:
    return urlencode({**request.params, **extra})


def _redirect(honest: Reply, request: Request, location: str, status: int = 302) -> Reply:
    if not _items(request):
        return honest
    return Reply(status, {"message": "moved"}, {"Location": location})


def _once(api: Hostile, request: Request) -> bool:
    """True the first time this exact request (path and query) arrives."""
    seen = api.options.setdefault("seen", set())
    key = (request.path, _query(request))
    with api.lock:
        first = key not in seen
        seen.add(key)
    return first


def _arrived(api: Hostile, request: Request) -> None:
    """When each attempt at a page arrived: `api.options["arrivals"][query]`, in order."""
    with api.lock:
        api.options.setdefault("arrivals", {}).setdefault(_query(request), []).append(
            time.monotonic()
        )


def gaps(api: Hostile) -> list[float]:
    """Seconds between one attempt at a page and the next, for every page."""
    pages = api.options.get("arrivals", {}).values()
    return [
        later - sooner for times in pages for sooner, later in zip(times, times[1:], strict=False)
    ]


# ---------------------------------------------------------------- redirects


@mode("redirect-other-port")
def redirect_other_port(api: Hostile, request: Request, honest: Reply) -> Reply:
    return _redirect(honest, request, f"{api.other_url}/api/3/items?{_query(request)}")


@mode("redirect-other-host")
def redirect_other_host(api: Hostile, request: Request, honest: Reply) -> Reply:
    """The same server under another name: followed, it would arrive with Host: localhost."""
    port = api.server.server_address[1]
    return _redirect(honest, request, f"http://localhost:{port}/api/3/items?{_query(request)}")


@mode("redirect-other-scheme")
def redirect_other_scheme(api: Hostile, request: Request, honest: Reply) -> Reply:
    """Same host and port, another scheme: the rule that refuses https -> http (a downgrade needs
    a TLS account; tests/test_client.py checks it on the client)."""
    return _redirect(honest, request, f"{api.url.replace('http:', 'https:')}/api/3/items")


@mode("redirect-key-in-location")
def redirect_key_in_location(api: Hostile, request: Request, honest: Reply) -> Reply:
    """To another origin, with the key in the Location: the message naming it must not show it."""
    query = urlencode({"api_key": api.key, "next": f"/x?{api.key}"})
    return _redirect(honest, request, f"{api.other_url}/steal/{api.key}?{query}", 307)


@mode("redirect-loop")
def redirect_loop(api: Hostile, request: Request, honest: Reply) -> Reply:
    hop = int(request.params.get("hop", "0"))
    return _redirect(honest, request, f"/api/3/items?{_query(request, hop=str((hop + 1) % 2))}")


@mode("redirect-file")
def redirect_file(api: Hostile, request: Request, honest: Reply) -> Reply:
    return _redirect(honest, request, "file:///etc/passwd", 301)


@mode("redirect-malformed")
def redirect_malformed(api: Hostile, request: Request, honest: Reply) -> Reply:
    return _redirect(honest, request, "http://[::1/api/3/items")


@mode("redirect-same-origin")
def redirect_same_origin(api: Hostile, request: Request, honest: Reply) -> Reply:
    """The one redirect acx follows: to a path of the account's own origin, once per page."""
    if "moved" in request.params:
        return honest
    return _redirect(honest, request, f"/api/3/items?{_query(request, moved='1')}", 308)


# ---------------------------------------------------------------- bodies


@mode("trickle-body")
def trickle_body(api: Hostile, request: Request, honest: Reply) -> Reply:
    """A byte every 50 ms: far within any read timeout, a page in about 12 minutes."""
    if _items(request):
        honest.trickle = api.options.get("trickle", 0.05)
    return honest


@cache
def gzip_bomb() -> bytes:
    """About 1 MB that inflates to 1 GiB of zeros."""
    deflate = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = b"\0" * 2**20
    return b"".join(deflate.compress(zeros) for _ in range(GIB // len(zeros))) + deflate.flush()


@mode("gzip-bomb")
def gzip_bomb_mode(api: Hostile, request: Request, honest: Reply) -> Reply:
    if not _items(request):
        return honest
    return Reply(body=gzip_bomb(), headers={"Content-Encoding": "gzip"})


@cache
def fifty_megabytes() -> bytes:
    return b'{"items": [], "meta": {"total": "0"}, "pad": "' + b"x" * (50 * MB) + b'"}'


@mode("huge-body")
def huge_body(api: Hostile, request: Request, honest: Reply) -> Reply:
    return Reply(body=fifty_megabytes()) if _items(request) else honest


@mode("deep-json")
def deep_json(api: Hostile, request: Request, honest: Reply) -> Reply:
    return Reply(body=b"[" * 10_000 + b"]" * 10_000) if _items(request) else honest


# ---------------------------------------------------------------- Retry-After


@mode("retry-after-huge")
def retry_after_huge(api: Hostile, request: Request, honest: Reply) -> Reply:
    """Asks for 31 years, every time."""
    if not _items(request):
        return honest
    _arrived(api, request)
    return Reply(429, {"message": "slow down"}, {"Retry-After": "999999999"})


@mode("retry-after-date")
def retry_after_date(api: Hostile, request: Request, honest: Reply) -> Reply:
    """A 503 with an HTTP date two seconds ahead, once per page; then the page."""
    if not _items(request):
        return honest
    _arrived(api, request)
    if not _once(api, request):
        return honest
    then = datetime.now(timezone.utc) + timedelta(seconds=2)
    return Reply(503, {"message": "busy"}, {"Retry-After": format_datetime(then, usegmt=True)})


@mode("retry-after-garbage")
def retry_after_garbage(api: Hostile, request: Request, honest: Reply) -> Reply:
    """A 429 whose Retry-After says nothing readable, once per page; then the page."""
    if not _items(request):
        return honest
    _arrived(api, request)
    if not _once(api, request):
        return honest
    return Reply(429, {"message": "slow down"}, {"Retry-After": "soon, 1e400, maybe"})


# ---------------------------------------------------------------- the key echoed


@mode("error-echoes-key")
def error_echoes_key(api: Hostile, request: Request, honest: Reply) -> Reply:
    """A 400 whose error repeats the key it was sent, plain and escaped."""
    if not _items(request):
        return honest
    key = request.headers.get("Api-Token", "")
    title = f"invalid request for token {key!r} ({urlencode({'k': key})}); token: {key}"
    return Reply(400, {"errors": [{"title": title, "detail": key}], "message": key})
