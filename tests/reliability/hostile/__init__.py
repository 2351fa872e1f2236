"""A deliberately hostile ActiveCampaign-shaped server for the reliability suite: honest by
default (a tiny account behind the spec tests/specs/hostile.yaml), and misbehaving in one named
mode at a time (`Hostile("redirect-other-port")`). Modes live in modes_*.py, one function each,
registered with @mode; a mode gets the request and the honest reply and returns what to send.

    with Hostile("total-lies-high", key=KEY) as api:
        ...  # api.url is the account URL; api.requests every request seen (headers included)
"""

from __future__ import annotations

import gzip
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit
from zoneinfo import ZoneInfo

from tests.conftest import ROOT

SPEC = ROOT / "tests" / "specs" / "hostile.yaml"
ZONE = ZoneInfo("America/New_York")
ITEMS = 250  # /items: offset paging with meta.total
CONTACTS = 12  # /contacts: keyset paging on id with meta.total
START = datetime(2025, 1, 6, 14, 0, tzinfo=timezone.utc)


@dataclass
class Request:
    path: str  # without /api/3
    params: dict[str, str]
    headers: dict[str, str]  # as received (the test may look for the key in them)
    port: int  # the port it arrived on


@dataclass
class Reply:
    status: int = 200
    body: Any = None  # JSON-able, or bytes sent as they are
    headers: dict[str, str] = field(default_factory=dict)
    trickle: float = 0.0  # seconds between bytes of the body
    gzip: bool = False  # send the body gzip-compressed
    drop: bool = False  # close the connection without an answer

    def payload(self) -> bytes:
        data = self.body if isinstance(self.body, bytes) else json.dumps(self.body).encode()
        return gzip.compress(data) if self.gzip else data


Mode = Callable[["Hostile", Request, Reply], Reply]
MODES: dict[str, Mode] = {}


def mode(name: str) -> Callable[[Mode], Mode]:
    def register(func: Mode) -> Mode:
        MODES[name] = func
        return func

    return register


def item(i: int) -> dict[str, Any]:
    moment = (START + timedelta(hours=7 * i)).astimezone(ZONE)
    return {
        "id": str(i),
        "name": f"item {i}",
        "cdate": moment.isoformat(),
        "created_timestamp": moment.strftime("%Y-%m-%d %H:%M:%S"),
    }


def contact(i: int) -> dict[str, Any]:
    moment = (START + timedelta(days=i)).astimezone(ZONE)
    return {"id": str(i), "email": f"c{i}@example.com", "udate": moment.isoformat()}


class Hostile:
    def __init__(self, mode_name: str | None = None, key: str = "hostile-key", **options: Any):
        if mode_name is not None and mode_name not in MODES:
            raise KeyError(f"no hostile mode {mode_name!r}; modes: {sorted(MODES)}")
        self.mode = MODES.get(mode_name) if mode_name else None
        self.key = key
        self.options = options  # for the mode
        self.items = [item(i) for i in range(1, ITEMS + 1)]
        self.contacts = [contact(i) for i in range(1, CONTACTS + 1)]
        self.requests: list[Request] = []
        self.lock = threading.Lock()
        self.servers: list[ThreadingHTTPServer] = []

    # ---------------------------------------------------------------- serving

    def __enter__(self) -> Hostile:
        self.server = self.listen()
        self.other = self.listen()  # a second port on the same host: "another origin"
        return self

    def __exit__(self, *exc: object) -> None:
        for server in self.servers:
            server.shutdown()
            server.server_close()

    def listen(self) -> ThreadingHTTPServer:
        api = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802
                api.answer(self)

            def log_message(self, *args: Any) -> None:
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        self.servers.append(server)
        return server

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    @property
    def other_url(self) -> str:
        return f"http://127.0.0.1:{self.other.server_address[1]}"

    def answer(self, handler: BaseHTTPRequestHandler) -> None:
        parts = urlsplit(handler.path)
        request = Request(
            path=parts.path.removeprefix("/api/3"),
            params=dict(parse_qsl(parts.query, keep_blank_values=True)),
            headers=dict(handler.headers.items()),
            port=handler.server.server_address[1],
        )
        with self.lock:
            self.requests.append(request)
        reply = self.honest(request)
        if self.mode is not None:
            reply = self.mode(self, request, reply)
        self.send(handler, reply)

    def send(self, handler: BaseHTTPRequestHandler, reply: Reply) -> None:
        if reply.drop:
            handler.close_connection = True
            return
        payload = reply.payload()
        handler.send_response(reply.status)
        headers = {"Content-Type": "application/json", **reply.headers}
        if reply.gzip:
            headers["Content-Encoding"] = "gzip"
        headers.setdefault("Content-Length", str(len(payload)))
        for name, value in headers.items():
            handler.send_header(name, value)
        handler.end_headers()
        try:
            if reply.trickle:
                for byte in payload:
                    handler.wfile.write(bytes([byte]))
                    handler.wfile.flush()
                    time.sleep(reply.trickle)
            else:
                handler.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):
            pass

    # ---------------------------------------------------------------- the honest account

    def honest(self, request: Request) -> Reply:
        if request.headers.get("Api-Token") != self.key:
            return Reply(403, {"errors": [{"title": "Forbidden", "detail": "bad key"}]})
        limit = max(1, min(100, int(request.params.get("limit", "20"))))
        if request.path == "/users/me":
            return Reply(body={"user": {"id": "1", "localZoneid": "America/New_York"}})
        if request.path == "/items":
            offset = int(request.params.get("offset", "0"))
            rows = self.items[offset : offset + limit]
            return Reply(body={"items": rows, "meta": {"total": str(len(self.items))}})
        if request.path == "/contacts":
            after = int(request.params.get("id_greater", "0"))
            rows = [c for c in self.contacts if int(c["id"]) > after][:limit]
            total = sum(int(c["id"]) > after for c in self.contacts)
            return Reply(body={"contacts": rows, "meta": {"total": str(total)}})
        return Reply(404, {"message": "No Result found"})


# the modes register themselves when imported
from tests.reliability.hostile import modes_http, modes_paging  # noqa: E402, F401
