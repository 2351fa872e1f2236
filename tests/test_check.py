"""`acx check` against the sandbox: every table readable; a wrong key, an unreachable URL, a
missing permission (the sandbox has no user groups, so a transport adapter refuses some paths)
each give one line; config and usage errors exit 2."""

from __future__ import annotations

import json
from collections import Counter
from urllib.parse import urlsplit

import pytest
import requests
from requests.adapters import HTTPAdapter

from engine.report.check import check_spec
from tests.conftest import MINI, SPEC
from tests.runhelp import env_for

KEY = "check-test-key-0123456789"


@pytest.fixture(scope="module")
def sandbox():
    from sandbox import Sandbox

    with Sandbox(contacts=50, api_key=KEY, rate_limit=0) as sb:
        yield sb


class Refuse(HTTPAdapter):
    """Answers some paths itself (403 like ActiveCampaign, or an empty list); counts them."""

    def __init__(self, refuse: dict[str, int], empty: dict[str, str] | None = None) -> None:
        super().__init__()
        self.refuse = refuse
        self.empty = empty or {}
        self.calls: Counter[str] = Counter()

    def send(self, request, **kwargs):
        path = urlsplit(request.url).path.removeprefix("/api/3")
        self.calls[path] += 1
        if path in self.refuse:
            body = {"message": "You do not have permission to access this resource"}
            return self._answer(request, self.refuse[path], body)
        if path in self.empty:
            return self._answer(request, 200, {self.empty[path]: [], "meta": {"total": "0"}})
        return super().send(request, **kwargs)

    @staticmethod
    def _answer(request, status: int, body: dict) -> requests.Response:
        resp = requests.Response()
        resp.status_code = status
        resp._content = json.dumps(body).encode()
        resp.headers["Content-Type"] = "application/json"
        resp.url, resp.request = request.url, request
        return resp


def session_with(adapter: Refuse) -> requests.Session:
    session = requests.Session()
    session.mount("http://", adapter)
    return session


def check(sandbox, tmp_path, key=KEY, url=None, session=None, **kw):
    lines: list[str] = []
    env = env_for(url or sandbox.url, key)
    code = check_spec(
        str(kw.pop("spec", SPEC)),
        f"duckdb:{tmp_path / 'acx.duckdb'}",
        out=lines.append,
        env=env,
        session=session,
        **kw,
    )
    return code, lines


def by_subject(lines: list[str]) -> dict[str, str]:
    return dict(line.split(": ", 1) for line in lines)


def test_every_table_ok(sandbox, tmp_path):
    from engine.run.plan import build_plan
    from engine.spec import load_spec

    code, lines = check(sandbox, tmp_path)
    assert code == 0, lines
    found = by_subject(lines)
    assert found["api"] == f"ok (GET {sandbox.url}/api/3/users/me)"
    assert found["destination"] == f"ok (duckdb:{tmp_path / 'acx.duckdb'})"
    roots = [g.root.key for g in build_plan(load_spec(SPEC), None).groups]
    assert list(found)[2:] == [*roots, "timezone"]  # a line per request series, in plan order
    zone = found.pop("timezone")
    assert zone.startswith("America/New_York (ACX_TIMEZONE; ") and "offsets" in zone, zone
    assert "warning" not in zone
    assert all(text.startswith("ok") for text in found.values())
    assert found["contacts"] == (
        "ok (also contact_field_values, contact_list_activity, contact_tags, list_contacts)"
    )
    assert found["user_group_memberships"] == "ok (GET /groups/1/userGroups)"


def test_reads_one_row_with_the_streams_own_params(sandbox, tmp_path):
    sandbox.reset_stats()
    adapter = Refuse({})
    assert check(sandbox, tmp_path, session=session_with(adapter), tables=["accounts"])[0] == 0
    assert adapter.calls == Counter({"/users/me": 1, "/accounts": 1})
    stats = sandbox.stats()
    assert stats["requests"] == 2


def test_wrong_key_is_one_line_with_a_hint_and_no_key(sandbox, tmp_path):
    sandbox.reset_stats()
    code, lines = check(sandbox, tmp_path, key="wrong-key-abcdef")
    assert code == 1
    found = by_subject(lines)
    assert list(found) == ["api", "destination"]  # no table is tried with a refused key
    assert found["api"].startswith("403: the API key was refused") and "ACX_API_KEY" in found["api"]
    assert "wrong-key-abcdef" not in "\n".join(lines) and KEY not in "\n".join(lines)
    assert sandbox.stats()["requests"] == 1  # a 4xx is not retried


def test_unreachable_url_is_one_line(sandbox, tmp_path):
    code, lines = check(sandbox, tmp_path, url="http://127.0.0.1:1")
    assert code == 1
    problems = [line for line in lines if not line.split(": ", 1)[1].startswith("ok")]
    assert problems == [  # nothing read, so no zone line either
        "api: cannot reach http://127.0.0.1:1/api/3/users/me: connection failed "
        "(Connection refused): check ACX_API_URL"
    ]


def test_a_missing_permission_names_it_and_is_not_retried(sandbox, tmp_path):
    adapter = Refuse({"/deals": 403, "/dealActivities": 404})
    code, lines = check(sandbox, tmp_path, session=session_with(adapter))
    assert code == 1
    found = by_subject(lines)
    assert found["deals"] == (
        "403: the user's group lacks the 'Deals' permission (also deal_custom_field_data)"
    )
    assert found["deal_activities"] == (
        "404: /dealActivities not found (check the endpoint in the spec)"
    )
    assert adapter.calls["/deals"] == 1 and adapter.calls["/dealActivities"] == 1
    found.pop("timezone")
    assert sum(1 for text in found.values() if not text.startswith("ok")) == 2


def test_per_parent_tables_follow_their_parent(sandbox, tmp_path):
    refused = Refuse({"/groups": 403})
    code, lines = check(sandbox, tmp_path, session=session_with(refused))
    found = by_subject(lines)
    assert code == 1
    assert found["user_groups"].startswith("403: the user's group lacks the 'Users and Groups")
    assert found["user_group_memberships"] == (
        "not checked (its parent table user_groups could not be read)"
    )
    empty = Refuse({}, empty={"/groups": "groups"})
    code, lines = check(sandbox, tmp_path, session=session_with(empty))
    assert code == 0  # nothing to try it with is not a failure
    assert by_subject(lines)["user_group_memberships"] == (
        "not checked (user_groups has no rows to read it through)"
    )


def test_a_records_path_the_response_lacks_is_reported(sandbox, tmp_path):
    spec = tmp_path / "spec.yaml"
    spec.write_text(MINI.read_text().replace("records: groups", "records: no_such_array"))
    code, lines = check(sandbox, tmp_path, spec=spec)
    found = by_subject(lines)
    assert code == 1
    assert found["api"] == "not checked (the spec has no source.check_endpoint)"
    assert found["groups"] == (
        "table groups: the response has no 'no_such_array' array (also outcomes)"
    )
    assert found["memberships"].startswith("not checked")


def test_a_destination_that_cannot_connect_is_one_line(sandbox, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    lines: list[str] = []
    code = check_spec(
        str(SPEC),
        f"parquet:{blocker / 'out'}",
        env=env_for(sandbox.url, KEY),
        out=lines.append,
        tables=["lists"],
    )
    assert code == 1
    found = by_subject(lines)
    assert found["destination"].startswith("cannot create parquet:")
    assert found["lists"] == "ok"


# ---- exit code 2: config and usage


def test_config_errors_exit_2_before_any_request(cli, sandbox):
    env = env_for(sandbox.url, KEY)
    result = cli("check", SPEC, "--dest", "duckbd", env=env)
    assert result.exit_code == 2 and "did you mean 'duckdb'" in result.stderr
    assert result.stdout == ""
    result = cli("check", SPEC, env={**env, "ACX_API_KEY": ""})
    assert result.exit_code == 2 and "no API key" in result.stderr
    result = cli("check", SPEC, "--tables", "dealz", env=env)
    assert result.exit_code == 2 and "did you mean 'deals'" in result.stderr


def test_cli_check_exit_codes(cli, sandbox, tmp_path):
    env = env_for(sandbox.url, KEY)
    dest = f"duckdb:{tmp_path / 'acx.duckdb'}"
    ok = cli("check", SPEC, "--dest", dest, "--tables", "lists", env=env)
    assert ok.exit_code == 0 and ok.stdout.splitlines()[-2:-1] == ["lists: ok"]
    assert ok.stdout.splitlines()[-1].startswith("timezone: America/New_York (ACX_TIMEZONE")
    bad = cli("check", SPEC, "--dest", dest, env={**env, "ACX_API_KEY": "nope"})
    assert bad.exit_code == 1 and bad.stdout.startswith("api: 403")


@pytest.mark.parametrize(
    "args",
    [
        ("check",),  # SPEC missing
        ("run",),
        ("run", "x.yaml", "--no-such-flag"),
        ("no-such-command",),
        ("init", "--force=maybe"),
    ],
)
def test_usage_errors_exit_2(cli, args):
    assert cli(*args).exit_code == 2
