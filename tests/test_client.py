"""HTTP failures are classified in one place: what is retried, what fails at once, and that
messages name the URL and status but never the key or a whole body."""

from __future__ import annotations

import pytest
import requests

from engine.client import Ask, Client, redact
from engine.config import Settings
from engine.errors import ApiError
from engine.ratelimit import Unlimited
from engine.spec import load_spec
from tests.conftest import MINI

KEY = "sekret-key-123"


class FakeResponse:
    def __init__(self, status=200, body=b"{}", headers=None):
        self.status_code = status
        self.content = body
        self.headers = headers or {}

    def json(self):
        import json

        return json.loads(self.content)


class FakeSession(requests.Session):
    """Answers from a script: each item is a FakeResponse or an exception to raise."""

    def __init__(self, script):
        super().__init__()
        self.script = list(script)
        self.calls = []

    def send(self, request, **kwargs):
        self.calls.append(request.url)
        item = self.script.pop(0)
        if isinstance(item, Exception):
            raise item
        return item


class Waits:
    def __init__(self):
        self.slept, self.paused = [], []


def make(script):
    spec = load_spec(MINI)
    settings = Settings(api_url="https://acme.api-us1.com", api_key=KEY)
    waits = Waits()
    limiter = Unlimited()
    limiter.rate_limited = waits.paused.append  # type: ignore[method-assign]
    session = FakeSession(script)
    client = Client(spec.source, settings, limiter, session=session, sleep=waits.slept.append)
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
