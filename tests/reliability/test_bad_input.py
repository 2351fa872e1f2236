"""Bad input, through the CLI as a user meets it: each case ends with a non-zero exit and an
error naming the culprit, no traceback, no secret, and nothing written half (the table it is
about keeps no rows and no state; config errors touch no destination at all). Then the inputs
that must load intact: 10 MB strings, quotes and newlines, bytes that are not UTF-8 (replaced by
U+FFFD and counted, like any value coercion repairs: one stray byte must not keep a table from
ever loading), and names in the spec that are SQL keywords or hold quotes."""

from __future__ import annotations

import hashlib
import json
import socket
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

from sandbox import Sandbox
from tests.conftest import SPEC
from tests.reliability.conftest import SEED
from tests.reliability.helpers import (
    KEY,
    LEDGER,
    WRONG_KEY,
    DuckWarehouse,
    FakeApi,
    PgWarehouse,
    Route,
    Warehouse,
    acx,
    assert_user_facing,
    base_env,
    fast_spec,
    json_reply,
    quote,
)

LISTS = "/api/3/lists"


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def edit_lists(change: Any) -> Route:
    """Forward /lists, then let `change(records)` edit the records the API sent."""

    def route(forward):
        status, body = forward()
        data = json.loads(body)
        change(data["lists"])
        return status, json.dumps(data, ensure_ascii=False).encode()

    return route


def replay_first() -> Route:
    """Every request gets the first response: a keyset cursor that never advances."""
    first: dict[str, Any] = {}

    def route(forward):
        first.setdefault("reply", forward())
        return first["reply"]

    return route


def broken_spec(folder: Path) -> Path:
    path = folder / "broken.yaml"
    path.write_text("version: 1\nsource: {title: x\nstreams:\n  a: [\n", encoding="utf-8")
    return path


def typo_spec(folder: Path) -> Path:
    raw = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    raw["streams"]["lists"]["record"] = raw["streams"]["lists"].pop("records")
    path = folder / "typo.yaml"
    path.write_text(yaml.safe_dump(raw, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


@dataclass(frozen=True)
class Bad:
    name: str
    code: int  # exit code
    culprit: tuple[str, ...]  # what the error must name
    env: dict[str, str] = field(default_factory=dict)  # "{closed}": a port nobody listens on
    args: tuple[str, ...] = ("--tables", "lists,scores")
    dest: str = "duckdb"
    routes: dict[str, Route] = field(default_factory=dict)
    spec: Any = None  # folder -> spec path; default: the shipped spec with quick retries
    loaded: tuple[str, ...] = ("scores",)  # tables that still load (a run-time error)


BAD = [
    Bad(
        "wrong API key (403)",
        1,
        (
            "the API key was refused",
            "http://127.0.0.1:",
            "/api/3/users/me",
            "HTTP 403",
            "ACX_API_KEY",
        ),
        env={"ACX_API_KEY": WRONG_KEY},
        loaded=(),
    ),
    Bad(
        "API answers 401",
        1,
        ("the API key was refused", "HTTP 401", "ACX_API_KEY"),
        routes={"*": json_reply({"errors": [{"title": "Unauthorized"}]}, 401)},
        loaded=(),
    ),
    Bad(  # the key works (the check endpoint answers): only this table fails
        "a table the key may not read (403)",
        1,
        ("/api/3/lists", "HTTP 403", "'Lists' permission"),
        routes={LISTS: json_reply({"errors": [{"title": "Forbidden"}]}, 403)},
    ),
    Bad(
        "account URL not https",
        2,
        ("http://acx-example.invalid", "not https"),
        env={"ACX_API_URL": "http://acx-example.invalid"},
    ),
    Bad(
        "account URL without a scheme",
        2,
        ("youraccount.api-us1.com", "not an http(s) URL"),
        env={"ACX_API_URL": "youraccount.api-us1.com"},
    ),
    Bad(
        "account URL that does not answer",
        1,
        ("http://127.0.0.1:{closed}/api/3 does not answer", "Connection refused", "ACX_API_URL"),
        env={"ACX_API_URL": "http://127.0.0.1:{closed}"},
        loaded=(),
    ),
    Bad("spec that is not YAML", 2, ("broken.yaml:3:", "YAML syntax"), spec=broken_spec),
    Bad("spec with an unknown key", 2, ("typo.yaml:", "streams.lists", "record"), spec=typo_spec),
    Bad(
        "unknown destination",
        2,
        ("unknown destination 'duckdbb'", "did you mean 'duckdb'"),
        dest="duckdbb",
    ),
    Bad(
        "unknown table",
        2,
        ("no table or tag 'contactz'", "did you mean 'contacts'"),
        args=("--tables", "lists,contactz"),
    ),
    Bad("postgres without a DSN", 2, ("--dest postgres needs ACX_POSTGRES_DSN",), dest="postgres"),
    Bad(
        "an object where a list was expected",
        1,
        ("table lists", "'lists' is an object where an array was expected"),
        routes={LISTS: json_reply({"lists": {"id": "1", "name": "x"}, "meta": {"total": "1"}})},
    ),
    Bad(
        "records that are not objects",
        1,
        ("table lists", "'lists' holds a string where records are objects"),
        routes={LISTS: json_reply({"lists": ["1", "2"], "meta": {"total": "2"}})},
    ),
    Bad(
        "a string where an id was expected",
        1,
        ("table lists", "primary key id", "'abc'"),
        routes={LISTS: edit_lists(lambda rows: rows[1].update(id="abc"))},
    ),
    Bad(
        "no records array",
        1,
        ("table lists", "no 'lists' array"),
        routes={LISTS: json_reply({"meta": {"total": "0"}})},
    ),
    Bad(
        "a JSON array instead of an object",
        1,
        ("/api/3/lists", "table lists", "answered a JSON list"),
        routes={LISTS: json_reply([])},
    ),
    Bad(
        "an HTML page with status 200",
        1,
        ("/api/3/lists", "failed after 3 attempts", "not complete JSON"),
        routes={LISTS: lambda forward: (200, b"<html><body>Maintenance</body></html>")},
    ),
    Bad(
        "an endpoint that is not there (404)",
        1,
        ("/api/3/lists", "HTTP 404", "check the account URL"),
        routes={LISTS: json_reply({"message": "No Result found for List"}, 404)},
    ),
    Bad(
        "a keyset cursor that does not advance (the same page again)",
        1,
        ("table contacts", "the API repeats a page instead of moving on"),
        args=("--tables", "contacts,scores", "--batch-rows", "10"),
        routes={"/api/3/contacts": replay_first()},
        spec=lambda folder: fast_spec(folder, max_attempts=3, backoff=0.01, limit=20),
    ),
]


@pytest.fixture(scope="module")
def api(sandbox):
    with FakeApi(sandbox.url) as server:
        yield server


@pytest.mark.parametrize("bad", BAD, ids=[b.name for b in BAD])
def test_bad_input_fails_with_one_line_naming_the_culprit(bad, api, scratch):
    LEDGER.bad_inputs.append(bad.name)
    api.routes.clear()
    api.routes.update(bad.routes)
    port = str(closed_port())
    env = base_env(api.url, **{k: v.replace("{closed}", port) for k, v in bad.env.items()})
    spec = bad.spec(scratch) if bad.spec else fast_spec(scratch, max_attempts=3, backoff=0.01)
    db = scratch / "acx.duckdb"
    dest = f"{bad.dest}:{db}" if bad.dest == "duckdb" else bad.dest
    proc = acx("run", spec, "--dest", dest, *bad.args, env=env, cwd=scratch, timeout=60)

    assert proc.returncode == bad.code, proc.stderr[-3000:]
    assert_user_facing(proc)
    for text in bad.culprit:
        text = text.replace("{closed}", port)
        assert any(text in line for line in proc.stderr.splitlines()), (text, proc.stderr[-3000:])
    if bad.code == 2:  # refused before anything was opened
        assert not db.exists()
        return
    wh = DuckWarehouse(db)
    state = wh.state()
    for table in ("lists", "scores"):
        if table in bad.loaded:
            assert table in state and wh.query(f'SELECT count(*) FROM "{table}"')[0][0] > 0
        elif table in wh.tables():  # created empty up front, never filled
            assert table not in state and wh.query(f'SELECT count(*) FROM "{table}"')[0][0] == 0
    assert wh.stages() == []


# ---------------------------------------------------------------- inputs that must load intact


AWKWARD = [  # one per list but the last, which gets BIG
    "it's 'single'",
    'say "hi" ""',
    "line1\nline2\n",
    "crlf\r\nend\r",
    "tab\there\\t",
    "back\\slash \\N \\. \\\\",  # COPY's NULL and end-of-data markers, escaped
    "'; DROP TABLE lists; -- 🎉 中文 Ünïcödé \u2028 \ufeff",
]
BIG = ("10 MB: \"quoted\" 'single' \\back\\slash\ttab é中🎉\r\nnext line " * 200_000)[:10_000_000]


@pytest.fixture(params=["duckdb", "postgres"])
def warehouse(request, scratch) -> Warehouse:
    if request.param == "duckdb":
        return DuckWarehouse(scratch / "acx.duckdb")
    return request.getfixturevalue("pg_schemas")()


def names_loaded(wh: Warehouse) -> dict[int, str]:
    return dict(wh.query(f"SELECT id, name FROM {wh.qualified('lists')}"))


def test_quotes_newlines_and_10_mb_strings_round_trip_exactly(api, warehouse, scratch, sandbox):
    LEDGER.bad_inputs += ["values with quotes and newlines", "a 10 MB string"]
    ids = [int(r["id"]) for r in sandbox.expected("lists")]
    sent = dict(zip(ids, [*AWKWARD, BIG], strict=True))

    def change(rows: list[dict[str, Any]]) -> None:
        for row in rows:
            row["name"] = sent.get(int(row["id"]), row["name"])

    api.routes.clear()
    api.routes[LISTS] = edit_lists(change)
    env = base_env(api.url, **warehouse.env())
    proc = acx("run", SPEC, "--dest", warehouse.dest, "--tables", "lists", env=env, cwd=scratch)
    assert proc.returncode == 0, proc.stderr[-3000:]
    got = names_loaded(warehouse)
    big = got.pop(ids[-1])
    assert got == {k: sent[k] for k in ids[:-1]}
    assert len(big) == len(BIG)
    assert hashlib.sha256(big.encode()).digest() == hashlib.sha256(BIG.encode()).digest()


def test_bytes_that_are_not_utf8_are_replaced_and_counted(api, scratch, sandbox):
    LEDGER.bad_inputs.append("a response body with invalid UTF-8")
    first = int(sandbox.expected("lists")[0]["id"])

    def latin1(forward):
        status, body = forward()
        data = json.loads(body)
        data["lists"][0]["name"] = "CAFE_MARKER"
        return status, json.dumps(data).encode().replace(b"CAFE_MARKER", b"caf\xe9 \xff")

    api.routes.clear()
    api.routes[LISTS] = latin1
    wh = DuckWarehouse(scratch / "acx.duckdb")
    env = base_env(api.url)
    proc = acx("run", SPEC, "--dest", wh.dest, "--tables", "lists", env=env, cwd=scratch)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert_user_facing(proc)
    assert "1 response(s) held bytes that are not UTF-8" in proc.stderr  # the run's warnings
    got = names_loaded(wh)
    assert got[first] == "caf\ufffd \ufffd"
    assert len(got) == len(sandbox.expected("lists"))  # no row lost


AWKWARD_SPEC = """\
# Names that are SQL keywords or hold quotes, semicolons and comment markers: quoted, never
# interpolated, in DDL, merges, child deletes, state rows and comments.
version: 1
naming: snake_case
source:
  title: Awkward names
  base_url: {env: ACX_API_URL, path: /api/3}
  auth: {header: Api-Token, env: ACX_API_KEY}
  rate_limit: {requests_per_second: 5}
  retry: {max_attempts: 3, backoff_seconds: 0.01}
  paging: {kind: offset, limit: 100, total: meta.total}
streams:
  select:
    title: "Lists'; DROP TABLE lists; --"
    description: "It's a \\"table\\"; DROP TABLE lists; --"
    name: "order \\"of\\" lists'; DROP TABLE x; --"
    endpoint: /lists
    records: lists
    params: {"orders[id]": ASC}
    primary_key: [id]
    replication: {mode: full}
    columns:
      id: {type: integer, description: "the \\"id\\"; --", name: group}
      name: {type: text, description: "it's", name: "it's \\"name\\"; DROP TABLE lists; --"}
      userid: {type: integer, description: "*/ x /*", name: from}
  where:
    title: Contacts
    description: Contacts.
    name: user
    endpoint: /contacts
    records: contacts
    params: {"orders[id]": ASC, include: contactTags}
    paging: {kind: keyset, limit: 20, param: id_greater, field: id}
    primary_key: [id]
    replication:
      mode: incremental
      cursor: udate
      filter: {param: "filters[updated_after]", format: "%Y-%m-%d %H:%M:%S"}
      update_window_days: 1
    columns:
      id: {type: integer, description: Contact id., name: order}
      lastName: {type: text, description: Last name., name: "last \\"name\\""}
      udate: {type: timestamp, description: Updated., name: "when's \\"now\\""}
  table:
    title: Tags of contacts
    description: One row per tag on a contact.
    name: "Contact Tags \\"x\\""
    from: where
    records: contactTags
    parent: {stream: where, key: contact}
    primary_key: [id]
    columns:
      id: {type: integer, description: Id., name: Key}
      contact: {type: integer, description: Contact., name: "parent's \\"id\\""}
"""


def test_names_that_are_keywords_or_hold_quotes_are_quoted(warehouse, scratch):
    LEDGER.bad_inputs.append("names in the spec with quotes and SQL keywords")
    spec = scratch / "awkward.yaml"
    spec.write_text(AWKWARD_SPEC, encoding="utf-8")
    if isinstance(warehouse, PgWarehouse):  # a schema name of the same kind
        warehouse.schema = f'acx "rel" ;--{warehouse.schema}'
    with Sandbox(contacts=50, api_key=KEY, rate_limit=0, seed=SEED) as sb:
        env = base_env(sb.url, **warehouse.env())
        first = acx("run", spec, "--dest", warehouse.dest, env=env, cwd=scratch)
        sb.mutate("contacts", update=3, create=2)
        second = acx("run", spec, "--dest", warehouse.dest, env=env, cwd=scratch)  # a merge
        names = {int(r["id"]): r["name"] for r in sb.expected("lists")}
        contacts = {int(c["id"]): c["lastName"] for c in sb.expected("contacts")}
        tags = {int(t["id"]) for t in sb.expected("contactTags")}
    for proc in (first, second):
        assert proc.returncode == 0, proc.stderr[-3000:]
        assert_user_facing(proc)
    lists, tag_table = 'order "of" lists\'; DROP TABLE x; --', 'Contact Tags "x"'
    assert warehouse.tables() == {lists, "user", tag_table, "_acx_state", "_acx_runs"}
    name = 'it\'s "name"; DROP TABLE lists; --'
    got = warehouse.query(f'SELECT "group", {quote(name)} FROM {warehouse.qualified(lists)}')
    assert dict(got) == names
    got = warehouse.query(f'SELECT "order", "last ""name""" FROM {warehouse.qualified("user")}')
    assert dict(got) == contacts
    got = warehouse.query(f'SELECT "Key" FROM {warehouse.qualified(tag_table)}')
    assert {r[0] for r in got} == tags
    assert set(warehouse.state()) == {"select", "where", "table"}
