"""HTTP: one requests session per account, the auth header, timeouts, and the one place where
failures are classified (retry 429/5xx/resets/cut bodies with backoff; fail at once otherwise).
Messages carry the status and the URL without secrets, never the key or a whole body."""

from __future__ import annotations

import json
import random
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import requests

from engine import __version__
from engine.config import Settings
from engine.errors import ApiError
from engine.ratelimit import URGENT, RateLimiter, Unlimited
from engine.spec import Source

SECRET_PARAMS = ("key", "token", "secret", "password", "auth")
Params = Sequence[tuple[str, str]]


@dataclass(frozen=True)
class Ask:
    """Who is asking: named in every message about the request."""

    stream: str
    permission: str | None = None


class Retryable(Exception):
    """A failure worth another try; `wait` is the server's Retry-After, if it gave one."""

    def __init__(
        self,
        reason: str,
        wait: float | None = None,
        status: int | None = None,
        unreachable: bool = False,
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.wait = wait
        self.status = status
        self.unreachable = unreachable  # no connection at all: nothing answered


class Client:
    def __init__(
        self,
        source: Source,
        settings: Settings,
        limiter: RateLimiter | Unlimited,
        session: requests.Session | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.source = source
        self.base = settings.api_url + source.base_path
        self.limiter = limiter
        self.sleep = sleep
        self.session = session or requests.Session()
        self.session.headers.update(dict(source.headers))
        self.session.headers["User-Agent"] = f"acx/{__version__}"
        self.session.headers[source.auth_header] = settings.api_key
        self.timeout = (source.connect_timeout, source.read_timeout)
        self._lock = threading.Lock()
        self.requests: Counter[str] = Counter()
        self.retries: Counter[str] = Counter()
        self.not_utf8: Counter[str] = Counter()  # responses whose bad bytes became U+FFFD

    def get(self, path: str, params: Params, ask: Ask, priority: int = URGENT) -> dict[str, Any]:
        """GET a JSON object, retrying what is worth retrying; raise ApiError otherwise."""
        url = self.base + path
        policy = self.source.retry
        last = ""
        unreachable = True
        prepared = self._prepare(url, params)
        for attempt in range(1, policy.max_attempts + 1):
            self.limiter.acquire(URGENT if attempt > 1 else priority)
            with self._lock:
                self.requests[ask.stream] += 1
            try:
                return self._once(url, params, ask, prepared)
            except Retryable as exc:
                last = exc.reason
                unreachable = unreachable and exc.unreachable
                if attempt == policy.max_attempts:
                    break
                with self._lock:
                    self.retries[ask.stream] += 1
                if exc.status == 429:
                    self.limiter.rate_limited(exc.wait)
                elif exc.wait is not None:
                    self.limiter.pause(exc.wait)
                if exc.wait is None and exc.status != 429:
                    self.sleep(self._backoff(attempt))
        raise ApiError(
            f"GET {redact(url, params)} failed after {policy.max_attempts} attempts "
            f"(table {ask.stream}); last: {last}",
            "the API kept failing; run again later: the table keeps the rows of its last run",
            unreachable=unreachable,
        )

    def _backoff(self, attempt: int) -> float:
        policy = self.source.retry
        cap = min(policy.max_backoff_seconds, policy.backoff_seconds * 2 ** (attempt - 1))
        return cap / 2 + random.uniform(0, cap / 2)

    def _prepare(self, url: str, params: Params) -> tuple[requests.PreparedRequest, Any]:
        """The request built before its turn under the rate limit, so that the moment the limiter
        lets it go it goes out, rather than after building URL and headers under a busy GIL:
        the server counts arrivals, and a late start crowds the next ones into its window."""
        prepared = self.session.prepare_request(requests.Request("GET", url, params=list(params)))
        options = self.session.merge_environment_settings(prepared.url, {}, None, None, None)
        return prepared, options

    def _once(
        self,
        url: str,
        params: Params,
        ask: Ask,
        prepared: tuple[requests.PreparedRequest, dict] | None = None,
    ) -> dict[str, Any]:
        request, options = prepared or self._prepare(url, params)
        try:
            resp = self.session.send(request, timeout=self.timeout, **options)
            body = resp.content
        except requests.exceptions.Timeout:
            raise Retryable("timed out") from None
        except requests.exceptions.ConnectionError as exc:
            raise Retryable(f"connection failed ({_short(exc)})", unreachable=True) from None
        except (requests.exceptions.ChunkedEncodingError, requests.exceptions.ContentDecodingError):
            raise Retryable("connection dropped mid-response") from None
        if resp.status_code in self.source.retry.statuses:
            raise Retryable(f"HTTP {resp.status_code}", _retry_after(resp), resp.status_code)
        if resp.status_code >= 400:
            raise self._fatal(resp, url, params, ask)
        try:
            data = json.loads(self._text(body, ask))
        except ValueError:
            raise Retryable(
                f"HTTP {resp.status_code} with a body that is not complete JSON ({len(body)} bytes)"
            ) from None
        if not isinstance(data, dict):
            raise ApiError(
                f"GET {redact(url, params)} (table {ask.stream}) answered a JSON "
                f"{type(data).__name__}, not an object",
                "the URL may not point at the API: check the account URL",
            )
        return data

    def _fatal(self, resp: requests.Response, url: str, params: Params, ask: Ask) -> ApiError:
        where = f"GET {redact(url, params)} (table {ask.stream})"
        detail = _error_detail(resp)
        if resp.status_code == 401:
            hint = f"the API key was refused: check {self.source.auth_env}"
        elif resp.status_code == 403:
            need = f"the '{ask.permission}' permission" if ask.permission else "permission"
            hint = f"the key's user group lacks {need} (or the key is wrong)"
        elif resp.status_code == 404:
            hint = "not found: check the account URL and the endpoint in the spec"
        else:
            hint = "the request was refused; check the spec's parameters"
        return ApiError(f"{where}: HTTP {resp.status_code}{detail}", hint, resp.status_code)

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


def _retry_after(resp: requests.Response) -> float | None:
    value = resp.headers.get("Retry-After")
    if value is None:
        return None
    try:
        return max(0.0, min(float(value), 3600.0))
    except ValueError:
        return None


def _error_detail(resp: requests.Response) -> str:
    """The API's own short error title, if its body has one; never the whole body."""
    try:
        data = resp.json()
    except ValueError:
        return ""
    text = None
    if isinstance(data, dict):
        errors = data.get("errors")
        if isinstance(errors, list) and errors and isinstance(errors[0], dict):
            text = errors[0].get("title") or errors[0].get("detail")
        text = text or data.get("message")
    return f" ({' '.join(str(text).split())[:160]})" if text else ""


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


def redact(url: str, params: Params = ()) -> str:
    """The URL with its query, hiding the value of any parameter that looks like a secret."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True) + list(params)
    safe = [(k, "***" if any(s in k.lower() for s in SECRET_PARAMS) else v) for k, v in query]
    netloc = parts.hostname or ""
    if parts.port:
        netloc += f":{parts.port}"
    return urlunsplit((parts.scheme, netloc, parts.path, urlencode(safe, safe="[],*"), ""))
