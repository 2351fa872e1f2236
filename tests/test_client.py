"""HTTP failures are classified in one place: what is retried, what fails at once, and that
messages name the URL and status but never the key or a whole body. Every response is bounded:
its deadline, its decoded size, the Retry-After it may ask for, the redirects it may lead to."""

from __future__ import annotations

import gzip
import io
import json
import socket
import threading
import time
import zlib
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import pytest
import requests
import urllib3
import yaml
from requests.adapters import HTTPAdapter

from engine.config.settings import Settings
from engine.errors import ApiError, SpecError
from engine.http.client import Ask, Client, new_session, redact, retry_after
from engine.http.ratelimit import Unlimited
from engine.redact import clean, forms, register
from engine.spec import build_spec, load_spec
from engine.spec.yamlsrc import load_yaml
from tests.conftest import MINI

KEY = "sekret-key-123"
ACCOUNT = "https://acme.api-us1.com"


def FakeResponse(status=200, body=b"{}", headers=None):  # noqa: N802
    """A response as requests builds it, its body still on the (fake) wire."""
    raw = urllib3.HTTPResponse(
        body=io.BytesIO(body),
        headers=headers or {},
        status=status,
        preload_content=False,
        decode_content=False,
    )
    resp = requests.Response()
    resp.status_code, resp.raw = status, raw
    resp.headers = requests.structures.CaseInsensitiveDict(headers or {})
    return resp


class FakeSession(requests.Session):
    """Answers from a script, through its transport adapter (what the client calls): each item
    is a FakeResponse or an exception to raise."""

    def __init__(self, script):
        super().__init__()
        self.script = list(script)
        self.calls = []
        self.sent = []  # (url, headers) of every request
        self.mount("https://", Scripted(self))
        self.mount("http://", Scripted(self))


class Scripted(HTTPAdapter):
    def __init__(self, session: FakeSession):
        super().__init__()
        self.session = session

    def send(self, request, **kwargs):
        self.session.calls.append(request.url)
        self.session.sent.append((request.url, dict(request.headers)))
        item = self.session.script.pop(0)
        if isinstance(item, Exception):
            raise item
        item.url = request.url
        return item


class Waits:
    def __init__(self):
        self.slept, self.paused = [], []


def make(script, api_url=ACCOUNT, **source):
    spec = load_spec(MINI)
    settings = Settings(api_url=api_url, api_key=KEY)
    waits = Waits()
    limiter = Unlimited()
    limiter.rate_limited = waits.paused.append  # type: ignore[method-assign]
    limiter.pause = waits.paused.append  # type: ignore[method-assign]
    session = FakeSession(script)
    src = replace(spec.source, **source)
    client = Client(src, settings, limiter, session=session, sleep=waits.slept.append)
    return client, session, waits


ASK = Ask("contacts", "Contacts")


@pytest.mark.parametrize(
    "failure",
    [
        FakeResponse(500, b"<html>oops</html>"),
        FakeResponse(502),
        FakeResponse(503),
        FakeResponse(504),
        FakeResponse(200, b'{"contacts": [{"id": "1"'),  # a 200 whose body was cut mid-JSON
        requests.exceptions.ConnectionError("Connection reset by peer"),
        requests.exceptions.ChunkedEncodingError("dropped"),
        requests.exceptions.ReadTimeout("slow"),
    ],
)
def test_transient_failures_are_retried(failure):
    client, session, waits = make([failure, FakeResponse(200, b'{"contacts": []}')])
    assert client.get("/contacts", [("limit", "100")], ASK) == {"contacts": []}
    assert len(session.calls) == 2
    assert len(waits.slept) == 1 and waits.slept[0] > 0


def test_429_honours_retry_after_for_the_whole_account():
    client, session, waits = make([FakeResponse(429, b"{}", {"Retry-After": "7"}), FakeResponse()])
    client.get("/contacts", [], ASK)
    assert waits.paused == [7.0]


def test_retries_are_bounded_and_the_error_names_url_status_and_table():
    client, session, _ = make([FakeResponse(503)] * 3)  # mini spec: max_attempts 3
    with pytest.raises(ApiError) as err:
        client.get("/contacts", [("offset", "200")], ASK)
    message = str(err.value)
    assert len(session.calls) == 3
    assert "https://acme.api-us1.com/api/3/contacts?offset=200" in message
    assert "HTTP 503" in message and "table contacts" in message
    assert KEY not in message


@pytest.mark.parametrize(
    "status,hint",
    [
        (401, "API key was refused"),
        (403, "lacks the 'Contacts' permission"),
        (404, "check the account URL"),
    ],
)
def test_client_errors_fail_at_once_with_a_hint(status, hint):
    body = b'{"errors": [{"title": "No Result found"}]}'
    client, session, _ = make([FakeResponse(status, body)])
    with pytest.raises(ApiError, match=hint) as err:
        client.get("/contacts", [], ASK)
    assert len(session.calls) == 1
    assert "No Result found" in str(err.value)
    assert KEY not in str(err.value)


def test_a_json_array_where_an_object_was_expected_is_an_error():
    client, _, _ = make([FakeResponse(200, b"[1, 2]")])
    with pytest.raises(ApiError, match="answered a JSON list, not an object"):
        client.get("/contacts", [], ASK)


def test_key_is_sent_in_the_header_only():
    client, session, _ = make([FakeResponse()])
    client.get("/contacts", [("limit", "1")], ASK)
    url = session.calls[0]
    assert "limit=1" in url and KEY not in url
    assert client.session.headers["Api-Token"] == KEY


def test_redact_hides_secret_looking_parameters():
    assert redact("https://x.test/a?api_key=abc&limit=1") == "https://x.test/a?api_key=***&limit=1"
    assert redact("https://user:pw@x.test/a") == "https://x.test/a"


# ---------------------------------------------------------------- Retry-After


def test_retry_after_reads_seconds_and_http_dates():
    now = datetime(2026, 1, 5, 12, 0, tzinfo=timezone.utc)
    later = format_datetime(now + timedelta(seconds=30), usegmt=True)
    assert retry_after("7") == 7.0
    assert retry_after(" 2.5 ") == 2.5
    assert retry_after(later, format_datetime(now, usegmt=True)) == 30.0  # the server's clock
    assert retry_after(format_datetime(now - timedelta(hours=1), usegmt=True)) == 0.0  # past
    assert retry_after("9" * 400) == float("inf")
    for garbage in (None, "", "soon", "-5", "1e400", "nan", "Mon, 99 Foo 2026"):
        assert retry_after(garbage) is None, garbage


def test_an_http_date_retry_after_pauses_the_account_until_then():
    now = datetime.now(timezone.utc)
    headers = {
        "Retry-After": format_datetime(now + timedelta(seconds=20), usegmt=True),
        "Date": format_datetime(now, usegmt=True),
    }
    client, _, waits = make([FakeResponse(503, b"{}", headers), FakeResponse()])
    client.get("/contacts", [], ASK)
    assert waits.paused == [20.0] and waits.slept == []


def test_a_retry_after_past_the_cap_waits_the_cap_and_says_so():
    policy = replace(load_spec(MINI).source.retry, max_wait_seconds=2)
    huge = FakeResponse(429, b"{}", {"Retry-After": "86400"})
    client, session, waits = make([huge, huge, huge], retry=policy)
    with pytest.raises(ApiError) as err:
        client.get("/contacts", [], ASK)
    assert waits.paused == [2.0, 2.0]  # never longer than the cap, and retried
    assert len(session.calls) == 3
    message = str(err.value)
    assert "table contacts" in message and "/api/3/contacts" in message
    assert "HTTP 429 (Retry-After 86,400 s; acx waits at most 2 s" in message


def test_an_unreadable_retry_after_backs_off_as_usual():
    client, _, waits = make([FakeResponse(503, b"{}", {"Retry-After": "soon"}), FakeResponse()])
    client.get("/contacts", [], ASK)
    assert waits.paused == [] and len(waits.slept) == 1


# ---------------------------------------------------------------- redirects


def moved(location, status=302):
    return FakeResponse(status, b"", {"Location": location})


def test_a_redirect_within_the_origin_is_followed_with_the_key():
    target = f"{ACCOUNT}/api/3/contacts?limit=1&moved=1"
    client, session, _ = make([moved("/api/3/contacts?limit=1&moved=1"), FakeResponse()])
    assert client.get("/contacts", [("limit", "1")], ASK) == {}
    assert session.calls[1] == target
    assert all(headers["Api-Token"] == KEY for _, headers in session.sent)
    assert client.requests["contacts"] == 2  # the hop is a request the account counts


@pytest.mark.parametrize(
    "location,said",
    [
        ("https://acme.api-us1.com:8443/api/3/contacts", "to another origin"),
        ("https://evil.example/api/3/contacts", "to another origin"),
        ("//evil.example/steal", "to another origin"),
        ("http://acme.api-us1.com/api/3/contacts", "from https to plain http"),
        ("https://user:pw@acme.api-us1.com/api/3/contacts", "to another origin"),
        ("file:///etc/passwd", "which is not an http(s) URL"),
        ("http://[::1/x", "to a malformed Location"),
        ("https://acme.api-us1.com:99999/x", "to a malformed Location"),
        ("https://acme.api-us1.com\\@evil.example/", "to a malformed Location"),
        ("", "to a malformed Location"),
    ],
)
def test_a_redirect_off_the_origin_fails_at_once_naming_both_urls(location, said):
    client, session, _ = make([moved(location)])
    with pytest.raises(ApiError) as err:
        client.get("/contacts", [("limit", "1")], ASK)
    message = str(err.value)
    assert len(session.calls) == 1  # nothing was sent anywhere else
    assert said in message and "table contacts" in message
    assert f"GET {ACCOUNT}/api/3/contacts?limit=1" in message
    assert "\n" not in message and KEY not in message and "pw" not in message
    if "malformed" not in said and location:
        assert "evil.example" in message or "file:" in message or "acme" in message


def test_a_redirect_loop_ends_after_a_few_hops():
    client, session, _ = make([moved("/api/3/contacts?again=1")] * 7)
    with pytest.raises(ApiError, match="more than 5 times in a row.*a redirect loop"):
        client.get("/contacts", [], ASK)
    assert len(session.calls) == 6


# ---------------------------------------------------------------- size and shape of bodies


def test_a_body_larger_than_the_cap_fails_at_once_without_being_read():
    body = b'{"contacts": []}' + b" " * 5000
    client, session, _ = make([FakeResponse(200, body, {"Content-Length": str(len(body))})])
    client.source = replace(client.source, max_response_bytes=4096)
    with pytest.raises(ApiError, match="larger than 4 KiB once decoded .source.max_response_bytes"):
        client.get("/contacts", [], ASK)
    assert len(session.calls) == 1  # not retried: the same page would be as large


def test_a_gzip_bomb_stops_at_the_cap():
    deflate = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    bomb = b"".join(deflate.compress(b"\0" * 2**20) for _ in range(256)) + deflate.flush()
    assert len(bomb) < 300_000  # 256 MiB inflated
    client, _, _ = make([FakeResponse(200, bomb, {"Content-Encoding": "gzip"})])
    client.source = replace(client.source, max_response_bytes=2**20)
    started = time.monotonic()
    with pytest.raises(ApiError, match="larger than 1 MiB once decoded"):
        client.get("/contacts", [], ASK)
    assert time.monotonic() - started < 2  # a few chunks inflated, not 256 MiB


def test_a_gzip_body_under_the_cap_is_read():
    body = gzip.compress(json.dumps({"contacts": [{"id": "1"}]}).encode())
    client, _, _ = make([FakeResponse(200, body, {"Content-Encoding": "gzip"})])
    assert client.get("/contacts", [], ASK) == {"contacts": [{"id": "1"}]}


def test_an_encoding_acx_did_not_ask_for_fails():
    client, session, _ = make([FakeResponse(200, b"xx", {"Content-Encoding": "br"})])
    with pytest.raises(ApiError, match="Content-Encoding 'br', which acx did not ask for"):
        client.get("/contacts", [], ASK)
    assert session.headers["Accept-Encoding"] == "gzip, deflate"


@pytest.mark.parametrize(
    "body",
    [
        b'{"n": 123456789012345678901234567890, "m": -9223372036854775809, "f": 0.1}',
        b'\xef\xbb\xbf{"contacts": [{"id": "1"}]}',  # a byte-order mark
        b'{"x": NaN, "y": -Infinity, "z": 1e400}',
        b'{"s": "lone \\ud800 surrogate", "e": "caf\xc3\xa9", "d": 1, "d": 2}',
    ],
)
def test_bodies_read_exactly_as_json_reads_them(body):
    """The fast parser's answers, and json's where it refuses a body: big integers stay exact,
    NaN and a byte-order mark are read as before."""
    client, _, _ = make([FakeResponse(200, body)])
    got = client.get("/contacts", [], ASK)
    want = json.loads(body.decode("utf-8-sig"))
    assert repr(got) == repr(want)  # repr: NaN equals nothing, and 1 == 1.0 would hide a float


def test_a_body_that_is_not_utf8_is_read_with_its_bad_bytes_counted():
    client, _, _ = make([FakeResponse(200, b'{"contacts": [{"note": "caf\xe9"}]}')])
    assert client.get("/contacts", [], ASK) == {"contacts": [{"note": "caf\ufffd"}]}
    assert client.not_utf8 == {"contacts": 1}


def test_json_nested_ten_thousand_deep_is_one_line():
    client, _, _ = make([FakeResponse(200, b"[" * 10_000 + b"]" * 10_000)])
    with pytest.raises(ApiError, match="nested deeper than acx reads") as err:
        client.get("/contacts", [], ASK)
    assert "table contacts" in str(err.value)


# ---------------------------------------------------------------- the response deadline


class Trickle:
    """A raw server that answers slowly, a byte at a time: in its headers or in its body."""

    def __init__(self, where: str, every: float = 0.05):
        self.where, self.every = where, every
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        threading.Thread(target=self.serve, daemon=True).start()

    def serve(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self.answer, args=(conn,), daemon=True).start()

    def answer(self, conn):
        conn.recv(65536)
        body = json.dumps({"contacts": [{"id": str(i)} for i in range(200)]}).encode()
        head = f"HTTP/1.1 200 OK\r\nContent-Length: {len(body)}\r\nX-Slow: {'a' * 200}\r\n\r\n"
        slow, fast = (head.encode(), body) if self.where == "headers" else (body, head.encode())
        try:
            if self.where == "body":
                conn.sendall(fast)
            for byte in slow:
                conn.sendall(bytes([byte]))
                time.sleep(self.every)
            if self.where == "headers":
                conn.sendall(fast)
        except OSError:
            pass
        finally:
            conn.close()

    def close(self):
        self.sock.close()


@pytest.mark.parametrize("where", ["body", "headers"])
def test_a_trickled_response_ends_at_its_deadline(where):
    """Each byte comes well within the read timeout; the whole never comes in time."""
    server = Trickle(where)
    spec = load_spec(MINI)
    source = replace(spec.source, read_timeout=5, response_timeout=0.5)
    source = replace(source, retry=replace(source.retry, max_attempts=2))
    client = Client(source, Settings(api_url=server.url, api_key=KEY), Unlimited())
    started = time.monotonic()
    try:
        with pytest.raises(ApiError) as err:
            client.get("/contacts", [], ASK)
    finally:
        server.close()
    elapsed = time.monotonic() - started
    assert elapsed < 2.5, elapsed  # two attempts of 0.5 s, and backoff
    assert "no whole response within 0.5 s (source.timeouts.response)" in str(err.value)


def test_a_response_within_its_deadline_keeps_its_connection():
    """The deadline's watch ends with the response: the pooled connection is not cut later."""
    from sandbox import Sandbox

    with Sandbox(contacts=5, api_key=KEY, rate_limit=0) as sb:
        spec = load_spec(MINI)
        source = replace(spec.source, response_timeout=0.2)
        client = Client(source, Settings(api_url=sb.url, api_key=KEY), Unlimited())
        for _ in range(3):
            client.get("/contacts", [("limit", "1")], ASK)
            time.sleep(0.3)  # past the deadline of the response before
        assert client.retries["contacts"] == 0


def test_a_client_session_has_connections_a_deadline_can_cut():
    adapter = new_session().get_adapter("https://acme.api-us1.com")
    adapter.init_poolmanager(1, 1)
    pool = adapter.poolmanager.connection_from_url("https://acme.api-us1.com")
    assert type(pool).__name__ == "_TLSPool"


# ---------------------------------------------------------------- the key in any form


def test_an_error_body_echoing_the_key_is_cleaned_before_it_is_cut():
    echoed = {"message": f"bad key {'x' * 150}{KEY}, {json.dumps(KEY)}"}
    client, _, _ = make([FakeResponse(400, json.dumps(echoed).encode())])
    with pytest.raises(ApiError) as err:
        client.get("/contacts", [], ASK)
    assert KEY not in str(err.value) and KEY[:6] not in str(err.value)


def test_the_redactor_removes_every_written_form_of_the_key():
    key = "k3y/with+odd'chars\"\\and\ttab"
    register(key)
    texts = [
        key,
        repr(key),
        ascii(key),
        repr(key.encode()),
        json.dumps({"error": key}),
        json.dumps(key, ensure_ascii=False),
        requests.utils.quote(key, safe=""),
        f"https://x.test/?k={requests.utils.quote(key)}",
    ]
    for text in texts:
        assert clean(text).count("***") >= 1 and "k3y/with" not in clean(text), text
    assert clean("nothing secret here") == "nothing secret here"


def test_strings_too_short_to_be_a_key_are_not_redacted():
    register("k")  # the unit tests' key: redacting every "k" would protect nothing
    assert clean("kept") == "kept"
    assert "\n" not in forms("abc\n") and "abc\\n" in forms("abc\n")


def test_a_key_split_by_a_line_break_is_removed_line_by_line():
    key = "first-half-0123\nsecond-half-4567"
    register(key)
    printed = f"header value {key}"
    assert [clean(line) for line in printed.splitlines()] == ["header value ***", "***"]


def test_redact_reads_the_url_as_the_connecting_parser_does():
    assert (
        redact("http://127.0.0.2:8080\\@127.0.0.1:1/x") == "http://127.0.0.2:8080/%5C@127.0.0.1:1/x"
    )
    assert redact("https://x.test/a?token=abc") == "https://x.test/a?token=***"


# ---------------------------------------------------------------- the spec's words


def test_the_source_limits_are_spec_words_with_defaults():
    source = load_spec(MINI).source
    assert (source.response_timeout, source.max_response_bytes) == (300.0, 32 * 2**20)
    assert source.retry.max_wait_seconds == 120.0
    data = load_yaml(MINI).data
    data["source"].update(timeouts={"response": 30}, max_response_bytes=4096)
    data["source"]["retry"]["max_wait_seconds"] = 5
    source = build_spec(data, str(MINI)).source
    assert (source.response_timeout, source.max_response_bytes) == (30.0, 4096)
    assert source.retry.max_wait_seconds == 5.0


@pytest.mark.parametrize(
    "change,message",
    [
        ({"timeouts": {"response": 0}}, "source.timeouts.response: 0 is less than or equal to"),
        ({"timeouts": {"response": float("inf")}}, "source.timeouts.response: inf is greater than"),
        ({"retry": {"max_wait_seconds": -1}}, "source.retry.max_wait_seconds: -1 is less than"),
        ({"max_response_bytes": 10}, "source.max_response_bytes: 10 is less than the minimum"),
        ({"max_response_bytes": "1MB"}, "source.max_response_bytes: '1MB' is not of type"),
    ],
)
def test_the_source_limits_are_validated(tmp_path, change, message):
    data = yaml.safe_load(MINI.read_text(encoding="utf-8"))
    data["source"].update(change)
    path = tmp_path / "spec.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(SpecError) as err:
        load_spec(path)
    assert any(message in p for p in err.value.problems), err.value.problems


@pytest.mark.parametrize("kind", ["text", "json", "live"])
def test_every_reporter_writes_through_the_redactor(kind):
    from engine.report.progress import RunInfo, make_reporter
    from engine.run.events import event, lines_to

    register(KEY)
    lines, screen = [], io.StringIO()
    reporter = make_reporter(kind, RunInfo(5.0), lines.append, stream=screen, clear_at_end=False)
    reporter.emit(event("run_start", tables=["t"], groups=["t"], run_id="r", destination="d"))
    reporter.emit(event("warning", message=f"said {KEY}"))
    reporter.emit(event("table_failed", table="t", tables=["t"], error=f"x {KEY!r}", seconds=1))
    reporter.abort(RuntimeError(f"InvalidHeader: {KEY + chr(10)!r}"))
    lines_to(lines.append)(event("table_failed", table="t", error=json.dumps(KEY), seconds=1))
    written = "\n".join(lines) + screen.getvalue()
    assert "***" in written and KEY not in written


def test_a_netrc_login_for_the_api_host_is_not_sent_beside_the_key(tmp_path, monkeypatch):
    netrc = tmp_path / ".netrc"
    netrc.write_text("machine acme.api-us1.com login someone password hunter2\n")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    client, session, _ = make([FakeResponse(200, b'{"contacts": []}')])
    assert requests.utils.get_netrc_auth(ACCOUNT + "/api/3/contacts") == ("someone", "hunter2")
    client.get("/contacts", [("limit", "100")], ASK)
    ((_, headers),) = session.sent
    assert "Authorization" not in headers and headers["Api-Token"] == KEY
