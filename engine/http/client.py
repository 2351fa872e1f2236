"""HTTP: one requests session per account, the auth header, timeouts, and the one place where
failures are classified (retry 429/5xx/resets/cut bodies with backoff; fail at once otherwise).
Messages carry the status and the URL without secrets, never the key or a whole body.

Every response is bounded, so that every run ends: a whole-response deadline
(`timeouts.response`: the read timeout bounds only the wait for each next byte), a decoded size
(`max_response_bytes`: gzip is inflated a bounded piece at a time), a `Retry-After` honoured up to
`retry.max_wait_seconds`, and redirects followed by acx itself, only within the account's origin
(scheme, host and port), so the key is never sent anywhere else, nor downgraded to plain http."""

from __future__ import annotations

import http.client
import json
import math
import random
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlencode, urljoin, urlunsplit

import msgspec
import requests
import urllib3
from urllib3.exceptions import LocationParseError
from urllib3.util import parse_url

from engine import __version__
from engine.config.check import origin, shown_url
from engine.config.settings import Settings
from engine.errors import ApiError
from engine.http.ratelimit import URGENT, RateLimiter, Unlimited
from engine.http.responses import CHUNK, Inflater, Retryable, retry_after
from engine.http.transport import Deadline, new_session
from engine.redact import clean, register
from engine.spec import Source

SECRET_PARAMS = ("key", "token", "secret", "password", "auth")
REDIRECTS = (301, 302, 303, 307, 308)
MAX_REDIRECTS = 5
Params = Sequence[tuple[str, str]]


@dataclass(frozen=True)
class Ask:
    """Who is asking: named in every message about the request."""

    stream: str
    permission: str | None = None


class HeaderOnly(requests.auth.AuthBase):
    """The session's auth when the key travels in its own header: requests then adds no
    Authorization of a ~/.netrc login for the API's host (a second credential the API never
    asked for), nor looks for that file before every request."""

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        return request


HEADER_ONLY = HeaderOnly()


class Client:
    def __init__(
        self,
        source: Source,
        settings: Settings,
        limiter: RateLimiter | Unlimited,
        session: requests.Session | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        register(settings.api_key)
        self.source = source
        self.base = settings.api_url + source.base_path
        self.origin = origin(settings.api_url)
        self.limiter = limiter
        self.sleep = sleep
        self.session = session or new_session()
        self.session.headers.update(dict(source.headers))
        self.session.headers["User-Agent"] = f"acx/{__version__}"
        self.session.headers["Accept-Encoding"] = "gzip, deflate"  # what Inflater can bound
        self.session.headers[source.auth_header] = settings.api_key
        if self.session.auth is None:
            self.session.auth = HEADER_ONLY
        self.timeout = (source.connect_timeout, source.read_timeout)
        self._lock = threading.Lock()
        self.requests: Counter[str] = Counter()
        self.retries: Counter[str] = Counter()
        self.not_utf8: Counter[str] = Counter()  # responses whose bad bytes became U+FFFD
        self._environment: dict[tuple[str, str, int], dict[str, Any]] = {}  # send() options

    def get(self, path: str, params: Params, ask: Ask, priority: int = URGENT) -> dict[str, Any]:
        """GET a JSON object, retrying what is worth retrying; raise ApiError otherwise."""
        url = self.base + path
        policy = self.source.retry
        last = ""
        unreachable = True
        prepared = self._prepare(url, params)
        for attempt in range(1, policy.max_attempts + 1):
            self.limiter.acquire(URGENT if attempt > 1 else priority)
            self._count(ask)
            try:
                return self._once(url, params, ask, prepared)
            except Retryable as exc:
                last = exc.reason
                unreachable = unreachable and exc.unreachable
                wait = None if exc.wait is None else min(exc.wait, policy.max_wait_seconds)
                if exc.wait is not None and exc.wait > policy.max_wait_seconds:
                    last += (
                        f" (Retry-After {_seconds(exc.wait)}; acx waits at most "
                        f"{_seconds(policy.max_wait_seconds)}: source.retry.max_wait_seconds)"
                    )
                if attempt == policy.max_attempts:
                    break
                with self._lock:
                    self.retries[ask.stream] += 1
                if exc.status == 429:
                    self.limiter.rate_limited(wait)
                elif wait is not None:
                    self.limiter.pause(wait)
                if exc.wait is None and exc.status != 429:
                    self.sleep(self._backoff(attempt))
        raise ApiError(
            f"GET {redact(url, params)} failed after {policy.max_attempts} attempts "
            f"(table {ask.stream}); last: {last}",
            "the API kept failing; run again later: the table keeps the rows of its last run",
            unreachable=unreachable,
        )

    def _count(self, ask: Ask) -> None:
        with self._lock:
            self.requests[ask.stream] += 1

    def _backoff(self, attempt: int) -> float:
        policy = self.source.retry
        cap = min(policy.max_backoff_seconds, policy.backoff_seconds * 2 ** (attempt - 1))
        return cap / 2 + random.uniform(0, cap / 2)

    def _prepare(self, url: str, params: Params) -> tuple[requests.PreparedRequest, dict]:
        """The request built before its turn under the rate limit, so that the moment the limiter
        lets it go it goes out, rather than after building URL and headers under a busy GIL:
        the server counts arrivals, and a late start crowds the next ones into its window."""
        prepared = self.session.prepare_request(requests.Request("GET", url, params=list(params)))
        where = origin(str(prepared.url))
        options = self._environment.get(where)
        if options is None:  # what the environment says of an origin (proxies, CA bundle), read
            # once: requests reads it for every request (~180 us; 4% of a large sync's CPU)
            found = self.session.merge_environment_settings(prepared.url, {}, None, None, None)
            options = self._environment[where] = {**found, "stream": True}
        return prepared, options

    def _once(
        self,
        url: str,
        params: Params,
        ask: Ask,
        prepared: tuple[requests.PreparedRequest, dict] | None = None,
    ) -> dict[str, Any]:
        """One attempt: the request, the redirects within the origin, the classified answer."""
        request, options = prepared or self._prepare(url, params)
        resp, body = self._send(request, options, ask)
        first, hops = str(request.url), 0
        while resp.status_code in REDIRECTS and "Location" in resp.headers:
            hops += 1
            target = self._follow(first, str(request.url), resp, ask, hops)
            self.limiter.acquire(URGENT)
            self._count(ask)
            request, options = self._prepare(target, ())
            resp, body = self._send(request, options, ask)
        where = Where(url, params, ask)
        if resp.status_code in self.source.retry.statuses:
            wait = retry_after(resp.headers.get("Retry-After"), resp.headers.get("Date"))
            raise Retryable(f"HTTP {resp.status_code}", wait, resp.status_code)
        if resp.status_code >= 400:
            raise self._fatal(resp.status_code, body, where, ask)
        if resp.status_code >= 300:
            raise ApiError(f"{where}: HTTP {resp.status_code} without a Location to follow")
        try:
            data = self._parse(body, ask)
        except RecursionError:
            raise ApiError(
                f"{where}: the JSON body is nested deeper than acx reads",
                "the URL may not point at the API: check the account URL",
            ) from None
        except ValueError:
            raise Retryable(
                f"HTTP {resp.status_code} with a body that is not complete JSON ({len(body)} bytes)"
            ) from None
        if not isinstance(data, dict):
            raise ApiError(
                f"{where} answered a JSON {type(data).__name__}, not an object",
                "the URL may not point at the API: check the account URL",
            )
        return data

    def _send(
        self, request: requests.PreparedRequest, options: dict, ask: Ask
    ) -> tuple[requests.Response, bytes]:
        """One request and its whole body, within the response deadline and the size cap."""
        deadline = Deadline(self.source.response_timeout, self.limiter.sent)
        try:
            with deadline:
                # the transport adapter itself, not Session.send: that one follows redirects, or
                # with allow_redirects=False still parses the Location and reads the redirect's
                # body whole, unbounded; acx follows redirects itself (_follow)
                adapter = self.session.get_adapter(str(request.url))
                resp = adapter.send(request, timeout=self.timeout, **options)
                try:
                    return resp, self._body(resp, Where(str(request.url), (), ask))
                finally:
                    resp.close()  # after a whole body, the connection is back in the pool already
        except (
            requests.exceptions.RequestException,
            urllib3.exceptions.HTTPError,
            http.client.HTTPException,
            OSError,
        ) as exc:
            where = _where(redact(str(request.url)), ask)
            raise self._transport(exc, deadline, where) from None

    def _transport(self, exc: Exception, deadline: Deadline, where: str) -> Exception:
        """A failure to send or to receive, classified."""
        if deadline.expired:
            return Retryable(
                f"no whole response within {_seconds(deadline.seconds)} (source.timeouts.response)"
            )
        if isinstance(exc, (requests.exceptions.Timeout, urllib3.exceptions.TimeoutError)):
            return Retryable("timed out")
        if isinstance(exc, requests.exceptions.ConnectionError):
            return Retryable(f"connection failed ({_short(exc)})", unreachable=True)
        transient = (
            requests.exceptions.ChunkedEncodingError,
            requests.exceptions.ContentDecodingError,
        )
        if isinstance(exc, requests.exceptions.RequestException) and not isinstance(exc, transient):
            return ApiError(f"{where}: the request could not be sent ({type(exc).__name__})")
        return Retryable("connection dropped mid-response")

    def _body(self, resp: requests.Response, where: Where) -> bytes:
        """The body, decoded, refused once it grows past max_response_bytes (never held whole)."""
        cap = self.source.max_response_bytes
        raw = resp.raw
        if not hasattr(raw, "read"):  # a transport adapter answered from memory (tests)
            body = resp.content or b""
            if len(body) > cap:
                raise self._too_large(where, cap)
            return body
        inflater = Inflater.of(resp.headers.get("Content-Encoding"), where)
        length = resp.headers.get("Content-Length", "")
        if inflater is None and length.isdigit() and int(length) > cap:
            raise self._too_large(where, cap)
        out = bytearray()
        while True:
            chunk = raw.read(CHUNK, decode_content=False)
            if not chunk:
                break
            out += inflater.feed(chunk, cap - len(out) + 1) if inflater else chunk
            if len(out) > cap:
                raise self._too_large(where, cap)
        return bytes(out)

    @staticmethod
    def _too_large(where: Where, cap: int) -> ApiError:
        return ApiError(
            f"{where}: the response is larger than {_size(cap)} once decoded "
            "(source.max_response_bytes)",
            "a page of this API is far smaller: check the account URL, or raise the limit",
        )

    def _follow(
        self, first: str, current: str, resp: requests.Response, ask: Ask, hops: int
    ) -> str:
        """Where a redirect of `current` leads, when acx may follow it: within the account's
        origin, never to another scheme (https to http), host or port, at most MAX_REDIRECTS
        times in a row from `first`, the URL the table asked for."""
        where = _where(redact(current), ask)
        location = resp.headers["Location"]
        said = f"{where} was redirected (HTTP {resp.status_code})"
        try:
            if not location.strip() or "\\" in location or not location.isprintable():
                raise ValueError(location)
            target = urljoin(current, location.strip())
            scheme, host, port = origin(target)
            auth = parse_url(target).auth
        except (ValueError, LocationParseError):
            shown = shown_url(clean(location))
            raise ApiError(f"{said} to a malformed Location '{shown}'") from None
        shown = shown_url(clean(redact(target)))
        account = f"{self.origin[0]}://{self.origin[1]}:{self.origin[2]}"
        hint = f"acx sends the key to {account} only: check {self.source.base_url_env}"
        if scheme not in ("http", "https"):
            raise ApiError(f"{said} to {shown}, which is not an http(s) URL", hint)
        if (scheme, host, port) != self.origin or auth is not None:
            downgrade = self.origin[0] == "https" and scheme == "http"
            what = "from https to plain http" if downgrade else "to another origin"
            raise ApiError(f"{said} {what}: {shown}", hint)
        if hops > MAX_REDIRECTS:
            raise ApiError(
                f"{_where(redact(first), ask)} was redirected more than {MAX_REDIRECTS} times "
                f"in a row, last to {shown} (a redirect loop)"
            )
        return target

    def _fatal(self, status: int, body: bytes, where: Where, ask: Ask) -> ApiError:
        detail = _error_detail(body)
        if status == 401:
            hint = f"the API key was refused: check {self.source.auth_env}"
        elif status == 403:
            need = f"the '{ask.permission}' permission" if ask.permission else "permission"
            hint = f"the key's user group lacks {need} (or the key is wrong)"
        elif status == 404:
            hint = "not found: check the account URL and the endpoint in the spec"
        else:
            hint = "the request was refused; check the spec's parameters"
        return ApiError(f"{where}: HTTP {status}{detail}", hint, status)

    def _parse(self, body: bytes, ask: Ask) -> Any:
        """The body's JSON. msgspec reads well-formed UTF-8 JSON from the bytes themselves
        (integers of any size exact, as json's); whatever it refuses (a byte-order mark, bytes
        that are not UTF-8, NaN, a number beyond a double, lone surrogates, deep nesting, a cut
        body) goes through json, which decides it as it always has."""
        try:
            return msgspec.json.decode(body)
        except (msgspec.DecodeError, msgspec.ValidationError, RecursionError):
            return json.loads(self._text(body, ask))

    def _text(self, body: bytes, ask: Ask) -> str:
        """The body as text. Bytes that are not UTF-8 become U+FFFD and are counted per table (a
        warning in the summary), as coercion nulls and counts a bad value: one stray byte in a
        note must not keep a table from ever loading, nor drop its row. A body cut in the middle
        of a character still fails to parse as JSON and is retried like any cut body."""
        try:
            return body.decode("utf-8-sig")
        except UnicodeDecodeError:
            with self._lock:
                self.not_utf8[ask.stream] += 1
            return body.decode("utf-8-sig", errors="replace")

    def check(self) -> ApiError | None:
        """Whether the whole account fails: the spec's check endpoint (a call any key may make)
        refuses the key or does not answer. The error to stop the run with, or None when the
        account is fine (so a table's failure was its own). Two quick tries, no backoff."""
        path = self.source.check_endpoint
        if not path:
            return None
        url, ask, last = self.base + path, Ask("check"), ""
        for _ in range(2):
            self.limiter.acquire(URGENT)
            try:
                self._once(url, [], ask)
                return None
            except ApiError as err:
                if err.status not in (401, 403):
                    return None
                return ApiError(
                    f"the API key was refused: GET {redact(url)} answered HTTP {err.status}",
                    f"check {self.source.auth_env}",
                    err.status,
                )
            except Retryable as exc:
                if not exc.unreachable:
                    return None
                last = exc.reason
        return ApiError(
            f"the account URL {redact(self.base)} does not answer: {last}",
            f"check {self.source.base_url_env}",
            unreachable=True,
        )


# ---------------------------------------------------------------- the response deadline


def _error_detail(body: bytes) -> str:
    """The API's own short error title, if its body has one; never the whole body, never the
    key (a body may echo it: cleaned before it is cut, so no part of it survives)."""
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):
        return ""
    text = None
    if isinstance(data, dict):
        errors = data.get("errors")
        if isinstance(errors, list) and errors and isinstance(errors[0], dict):
            text = errors[0].get("title") or errors[0].get("detail")
        text = text or data.get("message")
    return f" ({clean(' '.join(str(text).split()))[:160]})" if text else ""


def _short(exc: Exception) -> str:
    text = str(exc)
    for marker in (
        "Connection refused",
        "Name or service not known",
        "Connection reset",
        "Remote end closed",
        "timed out",
        "No route to host",
    ):
        if marker in text:
            return marker
    return type(exc).__name__


def _where(url: str, ask: Ask) -> str:
    return f"GET {url} (table {ask.stream})"


class Where:
    """`GET URL (table T)` for a message about a response, the URL redacted only when a message
    is written (redact takes ~250 us, and every response would pay it twice)."""

    __slots__ = ("ask", "params", "url")

    def __init__(self, url: str, params: Params, ask: Ask) -> None:
        self.url, self.params, self.ask = url, params, ask

    def __str__(self) -> str:
        return _where(redact(self.url, self.params), self.ask)


def _seconds(value: float) -> str:
    if not math.isfinite(value):
        return "forever"
    return f"{value:g} s" if value < 10_000 else f"{value:,.0f} s"


def _size(count: int) -> str:
    for unit, size in (("GiB", 2**30), ("MiB", 2**20), ("KiB", 2**10)):
        if count >= size:
            return f"{count / size:g} {unit}"
    return f"{count} bytes"


def redact(url: str, params: Params = ()) -> str:
    """The URL with its query, hiding the value of any parameter that looks like a secret, and
    any user-info; read by the parser that connects."""
    try:
        parts = parse_url(url)
    except LocationParseError:
        return shown_url(url)
    query = parse_qsl(parts.query or "", keep_blank_values=True) + list(params)
    safe = [(k, "***" if any(s in k.lower() for s in SECRET_PARAMS) else v) for k, v in query]
    netloc = parts.host or ""
    if parts.port:
        netloc += f":{parts.port}"
    return urlunsplit(
        (parts.scheme or "", netloc, parts.path or "", urlencode(safe, safe="[],*"), "")
    )
