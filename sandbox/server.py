"""HTTP handling: auth, rate limit, latency, faults, JSON responses. Binds 127.0.0.1 only."""

from __future__ import annotations

import socket
import struct
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from . import api, control
from .config import ServerConfig
from .encode import dump
from .faults import CANNED, FaultPlan, cut
from .ratelimit import RateLimiter
from .stats import Stats
from .world import World

JSON = "application/json; charset=utf-8"


@dataclass
class Runtime:
    """State shared by all handler threads of one sandbox."""

    world: World
    config: ServerConfig
    limiter: RateLimiter
    faults: FaultPlan
    stats: Stats
    ignore_include: bool = False  # switchable at run time (POST /__sandbox/settings)


class SandboxServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128

    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime
        super().__init__((runtime.config.host, runtime.config.port), Handler)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "acx-sandbox"
    disable_nagle_algorithm = True  # replies go out in one write; nothing to coalesce
    server: SandboxServer

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        return

    def do_GET(self) -> None:  # noqa: N802 - stdlib naming
        self._dispatch("GET")

    def do_POST(self) -> None:  # noqa: N802
        self._dispatch("POST")

    def do_PUT(self) -> None:  # noqa: N802
        self._dispatch("PUT")

    def do_DELETE(self) -> None:  # noqa: N802
        self._dispatch("DELETE")

    def _dispatch(self, method: str) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        url = urlsplit(self.path)
        qs = parse_qs(url.query, keep_blank_values=True)
        rt = self.server.runtime
        if url.path.startswith(control.PREFIX):
            status, payload = control.handle(rt, method, url.path, qs, body)
            self._send(status, _dump(payload))
            return
        self._api(rt, method, url.path, qs)

    def _api(self, rt: Runtime, method: str, path: str, qs: dict[str, list[str]]) -> None:
        rt.stats.request(path)
        if rt.config.latency_ms > 0:
            time.sleep(rt.config.latency_ms / 1000.0)
        headers: list[tuple[str, str]] = []
        refusal = self._gate(rt, method, path, headers)
        if refusal is not None:
            return self._reply(rt, *refusal, headers)
        fault = rt.faults.draw()
        if fault in CANNED:
            return self._canned(rt, fault, headers)
        with rt.world.lock:
            status, payload = api.handle(rt.world, path, qs, rt.ignore_include)
        body = php_json(_dump(payload))
        if fault == "truncate":
            rt.stats.fault(fault)
            return self._reply_raw(rt, status, cut(body), headers)
        if fault == "reset":
            rt.stats.fault(fault)
            rt.stats.status("reset")
            return self._reset(status, body, headers)
        return self._reply_raw(rt, status, body, headers)

    def _gate(
        self, rt: Runtime, method: str, path: str, headers: list[tuple[str, str]]
    ) -> api.Reply | None:
        """Rate limit (adds the RateLimit-* headers), route prefix, auth and method checks."""
        decision = rt.limiter.acquire()
        if not rt.limiter.unlimited:
            headers.append(("RateLimit-Limit", str(decision.limit)))
            headers.append(("RateLimit-Remaining", str(decision.remaining)))
        if not decision.allowed:
            rt.stats.limited()
            headers.append(("Retry-After", str(decision.retry_after)))
            return api.error(429, "Too Many Requests", "Rate limit exceeded")
        rt.stats.accept()
        if not path.startswith(api.API_PREFIX + "/") and path != api.API_PREFIX:
            return api.error(404, "Not Found", f"No route for {path}")
        token = self.headers.get("Api-Token")
        if token is None:
            return api.error(401, "Unauthorized", "Api-Token header missing")
        if token != rt.config.api_key:
            return api.error(403, "Forbidden", "Invalid Api-Token")
        if method != "GET":
            return api.error(405, "Method Not Allowed")
        return None

    def _canned(self, rt: Runtime, fault: str, headers: list[tuple[str, str]]) -> None:
        canned = CANNED[fault]
        rt.stats.fault(fault)
        rt.stats.status(canned.status)
        headers = headers + list(canned.headers)
        self._send(canned.status, canned.body, headers, canned.content_type)

    def _reply(
        self, rt: Runtime, status: int, payload: Any, headers: list[tuple[str, str]]
    ) -> None:
        self._reply_raw(rt, status, php_json(_dump(payload)), headers)

    def _reply_raw(
        self, rt: Runtime, status: int, body: bytes, headers: list[tuple[str, str]]
    ) -> None:
        rt.stats.status(status)
        self._send(status, body, headers)

    def _send(
        self,
        status: int,
        body: bytes,
        headers: list[tuple[str, str]] | None = None,
        content_type: str = JSON,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers or ():
            self.send_header(name, value)
        # end_headers() would send the head on its own: send head and body in one write
        self._headers_buffer.append(b"\r\n")  # type: ignore[attr-defined]
        self._headers_buffer.append(body)  # type: ignore[attr-defined]
        self.flush_headers()

    def _reset(self, status: int, body: bytes, headers: list[tuple[str, str]]) -> None:
        """Announce the full body, send half of it, then abort the connection (TCP RST)."""
        self.send_response(status)
        self.send_header("Content-Type", JSON)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(cut(body))
        self.wfile.flush()
        self.close_connection = True
        try:
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
        except OSError:
            pass


def php_json(body: bytes) -> bytes:
    """JSON text with every ``/`` escaped as ``\\/``, as PHP's json_encode writes it
    (real-responses.md, "Behaviour"). Outside strings JSON has no ``/``, and in UTF-8 the byte
    0x2F is never part of a longer character, so a byte replace is exact."""
    return body.replace(b"/", b"\\/")


def _dump(payload: Any) -> bytes:
    """``json.dumps(payload, ensure_ascii=False)`` as UTF-8 (see ``encode``)."""
    return dump(payload)
