"""The local ActiveCampaign look-alike (sandbox/): paging, filters, side-loads, quirks, faults."""

from __future__ import annotations

import http.client
import json
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

import pytest

from sandbox import Sandbox
from sandbox.cli import main as sandbox_main
from sandbox.tables import ENDPOINTS

KEY = "test-key"
ROOT = Path(__file__).resolve().parents[1]
LOCAL = ZoneInfo("America/New_York")


class Reply:
    def __init__(self, status: int, headers: dict[str, str], body: bytes) -> None:
        self.status, self.headers, self.body = status, headers, body

    def json(self) -> Any:
        return json.loads(self.body)


def call(
    sb: Sandbox,
    path: str,
    params: dict[str, Any] | None = None,
    key: str | None = KEY,
    method: str = "GET",
    body: Any = None,
) -> Reply:
    """One request on a fresh connection (127.0.0.1 only)."""
    conn = http.client.HTTPConnection("127.0.0.1", sb.port, timeout=10)
    query = "?" + urlencode(params) if params else ""
    headers = {"Accept": "application/json"}
    if key is not None:
        headers["Api-Token"] = key
    payload = json.dumps(body).encode() if body is not None else None
    try:
        conn.request(method, path + query, body=payload, headers=headers)
        resp = conn.getresponse()
        return Reply(resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read())
    finally:
        conn.close()


def api(sb: Sandbox, route: str, **params: Any) -> dict[str, Any]:
    reply = call(sb, "/api/3" + route, params)
    assert reply.status == 200, reply.body[:300]
    return reply.json()


def walk(sb: Sandbox, route: str, key: str, **params: Any) -> Iterator[dict[str, Any]]:
    """Offset paging with limit=100 until a short page."""
    offset = 0
    while True:
        rows = api(sb, route, limit=100, offset=offset, **params)[key]
        yield from rows
        if len(rows) < 100:
            return
        offset += 100


def sid(value: Any) -> str:
    """An id as a string: ids and counters arrive both as "3" and 3 (real-responses.md)."""
    return str(value)


def local_text(moment: datetime, fmt: str = "%Y-%m-%d %H:%M:%S") -> str:
    return moment.astimezone(LOCAL).strftime(fmt)


@pytest.fixture(scope="module")
def sb() -> Iterator[Sandbox]:
    """A read-only sandbox shared by the tests that do not mutate."""
    with Sandbox(contacts=300, api_key=KEY, rate_limit=0) as box:
        yield box


@pytest.fixture
def fresh() -> Iterator[Sandbox]:
    """A sandbox for one test that mutates."""
    with Sandbox(contacts=200, api_key=KEY, rate_limit=0) as box:
        yield box


# -- auth, routing, envelope -----------------------------------------------------------------
@pytest.mark.parametrize(("key", "status"), [(None, 401), ("wrong", 403)])
def test_auth_failures_have_json_errors(sb: Sandbox, key: str | None, status: int) -> None:
    reply = call(sb, "/api/3/contacts", key=key)
    assert reply.status == status
    assert reply.headers["content-type"].startswith("application/json")
    assert reply.json()["errors"][0]["title"]


def test_unknown_path_is_404_json(sb: Sandbox) -> None:
    reply = call(sb, "/api/3/nope")
    assert reply.status == 404
    assert "errors" in reply.json()


def test_every_endpoint_has_rows_at_100_contacts() -> None:
    with Sandbox(contacts=100, api_key=KEY, rate_limit=0) as small:
        for ep in ENDPOINTS:
            assert api(small, ep.path)[ep.key], ep.path
        assert api(small, "/groups/1/userGroups")["userGroups"]
        for table in ("fieldOptions", "fieldRels", "dealCustomFieldData", "userGroups"):
            assert small.expected(table), table
        tasks = small.expected("dealTasks")
        notes = small.expected("notes")
        assert {t["reltype"] for t in tasks} == {"Deal", "Subscriber"}
        assert {n["reltype"] for n in notes} == {"CustomerAccount", "Subscriber", "Deal"}


def test_meta_total_styles(sb: Sandbox) -> None:
    assert api(sb, "/contacts")["meta"]["total"] == "300"
    deals = api(sb, "/deals", **{"orders[id]": "ASC"})
    assert deals["meta"]["total"] == len(sb.expected("deals"))
    assert isinstance(deals["meta"]["total"], int)
    assert "currencies" in deals["meta"]
    assert "meta" not in api(sb, "/accountCustomFieldData")
    assert "meta" not in api(sb, "/groups/1/userGroups")


def test_limit_defaults_to_20_and_is_capped_at_100(sb: Sandbox) -> None:
    assert len(api(sb, "/contacts")["contacts"]) == 20
    assert len(api(sb, "/contacts", limit=500)["contacts"]) == 100
    assert len(api(sb, "/contactTags", limit=101)["contactTags"]) == 100


# -- paging --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("route", "key"),
    [
        ("/contacts", "contacts"),
        ("/deals", "deals"),
        ("/contactTags", "contactTags"),
        ("/contactLists", "contactLists"),
        ("/fieldValues", "fieldValues"),
        ("/notes", "notes"),
        ("/dealActivities", "dealActivities"),
        ("/campaigns", "campaigns"),
        ("/groups", "groups"),
    ],
)
def test_offset_paging_with_orders_id_covers_every_id_once(
    sb: Sandbox, route: str, key: str
) -> None:
    ids = [sid(row["id"]) for row in walk(sb, route, key, **{"orders[id]": "ASC"})]
    expected = [sid(row["id"]) for row in sb.expected(key)]
    assert ids == expected
    assert len(set(ids)) == len(ids)


def test_deals_without_orders_page_unstably(sb: Sandbox) -> None:
    ids = [
        row["id"]
        for offset in range(0, 80, 20)
        for row in api(sb, "/deals", limit=20, offset=offset)["deals"]
    ]
    assert len(ids) != len(set(ids)) or set(ids) != {d["id"] for d in sb.expected("deals")}


def test_keyset_paging_on_contacts(sb: Sandbox) -> None:
    seen: list[str] = []
    last = 0
    while True:
        page = api(sb, "/contacts", limit=100, id_greater=last, **{"orders[id]": "ASC"})
        if not page["contacts"]:
            break
        seen += [sid(c["id"]) for c in page["contacts"]]
        last = int(seen[-1])
        assert page["meta"]["total"] == str(300 - len(seen) + len(page["contacts"]))
    assert seen == [str(i) for i in range(1, 301)]


def test_orders_desc_and_campaign_sdate(sb: Sandbox) -> None:
    ids = [c["id"] for c in api(sb, "/contacts", limit=5, **{"orders[id]": "DESC"})["contacts"]]
    assert ids == ["300", "299", "298", "297", "296"]
    rows = api(sb, "/campaigns", limit=100, **{"orders[sdate]": "DESC"})["campaigns"]
    sent = [datetime.fromisoformat(c["sdate"]) for c in rows if c["sdate"]]
    assert sent == sorted(sent, reverse=True)
    assert rows[-1]["sdate"] is None  # never-sent drafts sort last


# -- incremental filters after a mutation ------------------------------------------------------
def test_contacts_updated_after_returns_exactly_the_mutated(fresh: Sandbox) -> None:
    before = fresh.clock
    result = fresh.mutate("contacts", update=5, create=3, delete=1)
    assert fresh.clock > before
    changed = sorted(result["updated"] + result["created"])
    for value in (local_text(before), before.isoformat(), local_text(before, "%Y-%m-%d")):
        rows = list(
            walk(
                fresh,
                "/contacts",
                "contacts",
                **{"filters[updated_after]": value, "orders[id]": "ASC"},
            )
        )
        assert [int(r["id"]) for r in rows] == changed, value
    gone = result["deleted"][0]
    assert str(gone) not in {c["id"] for c in fresh.expected("contacts")}
    updated = next(c for c in fresh.expected("contacts") if int(c["id"]) == result["updated"][0])
    assert datetime.fromisoformat(updated["udate"]) > before


def test_deals_updated_after_has_date_granularity(fresh: Sandbox) -> None:
    result = fresh.mutate("deals", update=4, create=2, delete=1)
    day = local_text(fresh.clock, "%Y-%m-%d")
    rows = list(
        walk(fresh, "/deals", "deals", **{"filters[updated_after]": day, "orders[id]": "ASC"})
    )
    assert [int(r["id"]) for r in rows] == sorted(result["updated"] + result["created"])
    day_before = local_text(fresh.clock - timedelta(days=90), "%Y-%m-%d")
    older = api(fresh, "/deals", **{"filters[updated_after]": day_before, "orders[id]": "ASC"})
    assert older["meta"]["total"] > len(rows)


@pytest.mark.parametrize(
    ("table", "stamp"),
    [
        ("campaigns", "mdate"),
        ("dealActivities", "sortdate"),
        ("contactLists", "udate"),
        ("notes", "mdate"),
    ],
)
def test_mutate_other_tables(fresh: Sandbox, table: str, stamp: str) -> None:
    before = {sid(r["id"]): r for r in fresh.expected(table)}
    result = fresh.mutate(table, update=2, create=1, delete=1)
    after = {sid(r["id"]): r for r in fresh.expected(table)}
    assert str(result["deleted"][0]) not in after
    assert str(result["created"][0]) in after
    assert int(result["created"][0]) > max(int(i) for i in before)
    for id_ in result["updated"]:
        old, new = before[str(id_)], after[str(id_)]
        assert new != old
        oldest = old[stamp] or "1970-01-01T00:00:00+00:00"
        assert datetime.fromisoformat(new[stamp]) > datetime.fromisoformat(oldest)


def test_mutate_works_on_every_table(fresh: Sandbox) -> None:
    for table in fresh.tables():
        before = {str(r["id"]): r for r in fresh.expected(table)}
        result = fresh.mutate(table, update=2, create=1, delete=1)
        after = {str(r["id"]): r for r in fresh.expected(table)}
        assert all(before[str(i)] != after[str(i)] for i in result["updated"]), table
        assert str(result["created"][0]) in after and str(result["deleted"][0]) not in after


def test_mutate_over_http(fresh: Sandbox) -> None:
    reply = call(
        fresh,
        "/__sandbox/mutate",
        method="POST",
        key=None,
        body={"table": "contacts", "update": [1, 2], "create": 1},
    )
    assert reply.status == 200
    assert reply.json()["updated"] == [1, 2]
    bad = call(fresh, "/__sandbox/mutate", method="POST", key=None, body={"table": "nope"})
    assert bad.status == 400


# -- side-loads ----------------------------------------------------------------------------
def _children_of(sb: Sandbox, table: str, contacts: set[str]) -> list[dict[str, Any]]:
    return [row for row in sb.expected(table) if sid(row["contact"]) in contacts]


def test_contact_includes_hold_exactly_the_page_children(fresh: Sandbox) -> None:
    fresh.mutate("contactLists", update=3, create=3, delete=3)
    fresh.mutate("contacts", create=2, delete=2)
    include = "contactTags.tag,contactLists,fieldValues"
    for offset in (0, 100, 180):
        page = api(
            fresh, "/contacts", limit=50, offset=offset, include=include, **{"orders[id]": "ASC"}
        )
        ids = {sid(c["id"]) for c in page["contacts"]}
        for rel in ("contactTags", "contactLists", "fieldValues"):
            expected = _children_of(fresh, rel, ids)
            assert sorted(page[rel], key=lambda r: int(r["id"])) == expected, rel
            for contact in page["contacts"]:
                own = [sid(r["id"]) for r in expected if sid(r["contact"]) == sid(contact["id"])]
                assert contact[rel] == own
        tag_ids = {sid(link["tag"]) for link in page["contactTags"]}
        assert sorted((sid(t["id"]) for t in page["tags"]), key=int) == sorted(tag_ids, key=int)
        assert page["scoreValues"] == []


def test_include_subset_and_empty_relation(sb: Sandbox) -> None:
    with_lists = {sid(r["contact"]) for r in sb.expected("contactLists")}
    lonely = next(sid(c["id"]) for c in sb.expected("contacts") if sid(c["id"]) not in with_lists)
    page = api(
        sb,
        "/contacts",
        limit=1,
        id_greater=int(lonely) - 1,
        include="contactLists",
        **{"orders[id]": "ASC"},
    )
    assert sid(page["contacts"][0]["id"]) == lonely
    assert page["contactLists"] == []
    assert page["contacts"][0]["contactLists"] == []
    assert "contactTags" not in page and "tags" not in page


def test_fields_deal_groups_and_deal_data_sideloads(sb: Sandbox) -> None:
    fields = api(sb, "/fields", limit=100)
    field_ids = {sid(f["id"]) for f in fields["fields"]}
    assert {sid(o["field"]) for o in fields["fieldOptions"]} <= field_ids
    assert sum(len(f["options"]) for f in fields["fields"]) == len(fields["fieldOptions"])
    assert all(isinstance(o["orderid"], int) for o in fields["fieldOptions"])
    groups = api(sb, "/dealGroups")
    assert [
        sid(s["id"])
        for g in groups["dealGroups"]
        for s in groups["dealStages"]
        if sid(s["group"]) == sid(g["id"])
    ] == [s for g in groups["dealGroups"] for s in g["stages"]]
    deals = api(sb, "/deals", limit=10, include="dealCustomFieldData", **{"orders[id]": "ASC"})
    data = deals["dealCustomFieldData"]
    assert {sid(d["deal_id"]) for d in data} <= {sid(d["id"]) for d in deals["deals"]}
    assert sum(len(d["dealCustomFieldData"]) for d in deals["deals"]) == len(data)
    assert {"custom_field_text_value", "dealCustomFieldMetum", "links"} <= set(data[0])


def test_accounts_count_deals(sb: Sandbox) -> None:
    plain = api(sb, "/accounts", limit=100)["accounts"]
    assert {a["dealCount"] for a in plain} == {"0"}
    counted = api(sb, "/accounts", limit=100, count_deals="true")["accounts"]
    deals_per_account: dict[str, int] = {}
    for deal in sb.expected("deals"):
        if deal["account"]:
            account = sid(deal["account"])
            deals_per_account[account] = deals_per_account.get(account, 0) + 1
    assert {
        sid(a["id"]): int(a["dealCount"]) for a in counted if a["dealCount"] != "0"
    } == deals_per_account


# -- value quirks ----------------------------------------------------------------------------
def test_value_styles_follow_the_reference(sb: Sandbox) -> None:
    contacts = sb.expected("contacts")
    assert any(c["bounced_date"] == "0000-00-00" for c in contacts)
    assert any(c["deleted_at"] == "0000-00-00 00:00:00" for c in contacts)
    assert all(c["email_empty"] is False for c in contacts)
    assert any(
        "\n" in (c["orgname"] or "") or '"' in (c["orgname"] or "") for c in contacts
    ) or any(not c["firstName"].isascii() for c in contacts)
    deals = sb.expected("deals")
    assert all(isinstance(d["isDisabled"], bool) for d in deals)
    assert {type(d["winProbability"]) for d in deals} == {int, type(None)}
    assert any(d["edate"] == "0000-00-00 00:00:00" for d in deals)
    tasks = sb.expected("dealTasks")
    assert {type(t["status"]) for t in tasks} == {int, str}
    data = sb.expected("accountCustomFieldData")
    assert all(isinstance(d["accountId"], int) for d in data)
    meta = sb.expected("dealCustomFieldMeta")
    assert all(isinstance(m["id"], int) and isinstance(m["isRequired"], int) for m in meta)
    assert sb.expected("scores")[0]["links"] == []
    types = sb.expected("dealTasktypes")
    assert types[0]["links"] == [] and {"id", "outcome_id", "display_order"} == set(
        next(t for t in types if t["outcomes"])["outcomes"][0]
    )
    group = sb.expected("groups")[0]
    assert len(group) == 83 and {group[k] for k in group if k.startswith("pg")} <= {"0", "1"}
    campaigns = sb.expected("campaigns")
    assert any(c["sdate"] is None for c in campaigns)
    assert all(c["links"]["campaignMessages"].startswith("https://") for c in campaigns)


def test_users_me_and_user(sb: Sandbox) -> None:
    assert api(sb, "/users/me")["user"]["id"] == "1"
    assert api(sb, "/users/3")["user"]["id"] == "3"
    members = [
        m
        for g in sb.expected("groups")
        for m in api(sb, f"/groups/{g['id']}/userGroups")["userGroups"]
    ]
    assert sorted(int(m["userid"]) for m in members) == list(range(1, 13))


# -- determinism and scale -----------------------------------------------------------------
def test_same_seed_same_bytes_other_seed_differs() -> None:
    routes = [
        "/contacts?limit=50&include=contactTags.tag",
        "/deals?orders%5Bid%5D=ASC",
        "/campaigns?limit=100",
        "/dealTasks",
    ]
    with (
        Sandbox(contacts=150, api_key=KEY, rate_limit=0) as a,
        Sandbox(contacts=150, api_key=KEY, rate_limit=0) as b,
        Sandbox(contacts=150, api_key=KEY, rate_limit=0, seed=7) as c,
    ):
        for route in routes:
            body = call(a, "/api/3" + route).body
            assert body == call(b, "/api/3" + route).body
            assert body != call(c, "/api/3" + route).body


def test_a_million_contacts_start_lazily() -> None:
    started = time.perf_counter()
    with Sandbox(contacts=1_000_000, api_key=KEY, rate_limit=0) as big:
        page = api(
            big,
            "/contacts",
            limit=100,
            offset=999_900,
            include="contactTags.tag,contactLists,fieldValues",
        )
        elapsed = time.perf_counter() - started
        assert page["meta"]["total"] == "1000000"
        assert page["contacts"][-1]["id"] == "1000000"
        assert big.world.store("contacts").overrides == {}
    assert elapsed < 3.0


# -- the fast paths write the same bytes as the reference --------------------------------
# Pages are served from ``Gen.rows_json`` (JSON text written straight from batched random
# draws) and encoded by ``sandbox.encode``; ``Gen.build`` + ``json.dumps`` is the reference.
FAST_CONFIGS = [
    {"contacts": 2000},
    {"contacts": 1_000_000, "seed": 5},
    {"contacts": 150, "seed": 9, "timezone": "Asia/Kathmandu", "account": 'we"ird\\acct'},
    {"contacts": 30_000, "timezone": "Australia/Lord_Howe", "now": "2021-03-28T12:00:00Z"},
]


@pytest.mark.parametrize("settings", FAST_CONFIGS, ids=lambda c: f"{c['contacts']}")
def test_rows_json_matches_build_on_every_table(settings: dict[str, Any]) -> None:
    import random

    from sandbox.config import DataConfig
    from sandbox.world import World

    rnd = random.Random(7)
    config = DataConfig(**settings)
    fast, reference = World(config), World(config)
    for name, gen in fast.gens.items():
        n = gen.count
        ids = list(range(1, min(n, 300) + 1)) + rnd.sample(range(1, n + 1), min(n, 400))
        ids += list(range(max(1, n - 30), n + 1))
        ids = list(dict.fromkeys(ids))
        if rnd.random() < 0.5:
            rnd.shuffle(ids)
        ref = reference.gens[name]
        expected = [json.dumps(ref.row(i), ensure_ascii=False) for i in ids]
        assert gen.rows_json(ids) == expected, name
        assert [json.dumps(r, ensure_ascii=False) for r in gen.rows(ids)] == expected, name


def test_rows_json_falls_back_for_rows_that_take_more_draws() -> None:
    from sandbox.config import DataConfig
    from sandbox.gen import Gen
    from sandbox.world import World

    config = DataConfig(contacts=3000)
    fast, reference = World(config), World(config)
    fast_paths = [g for g in fast.gens.values() if type(g).rows_json is not Gen.rows_json]
    assert len(fast_paths) >= 9
    for gen in fast_paths:
        gen.row_draws = 3  # the times only: every other draw runs past the plan
        ids = list(range(1, min(gen.count, 500) + 1))
        ref = reference.gens[gen.name]
        expected = [json.dumps(ref.row(i), ensure_ascii=False) for i in ids]
        assert gen.rows_json(ids) == expected, gen.name


def test_batched_draws_match_the_scalar_rng() -> None:
    import random

    from sandbox.rng import Cursor, Rng, batch, draws, key_hash, key_hashes, threshold

    rnd = random.Random(3)
    for _ in range(30):
        prefix = tuple(rnd.randrange(2**40) for _ in range(rnd.randint(0, 3)))
        ids = [rnd.randrange(1, 2 ** rnd.choice([8, 40, 63])) for _ in range(rnd.randint(1, 200))]
        stream, count = rnd.randrange(100), rnd.randint(1, 12)
        seeds = key_hashes(prefix, ids, stream)
        assert seeds == [key_hash(*prefix, i, stream) for i in ids]
        flat = draws(seeds, count)
        for j, (id_, drawn) in enumerate(zip(ids, batch(prefix, ids, stream, count), strict=True)):
            ref, again = Rng(*prefix, id_, stream), Rng(*prefix, id_, stream)
            assert flat[j * count : (j + 1) * count] == [again.bits() for _ in range(count)]
            cursor = Cursor(flat)
            cursor.at = j * count
            for _ in range(count + 4):  # Drawn computes past its batch; stop the cursor in it
                method = rnd.choice(["bits", "random", "randint", "chance", "choice", "weighted"])
                args = {
                    "randint": (3, 17),
                    "chance": (0.3,),
                    "choice": ("abcde",),
                    "weighted": ((("a", 2), ("b", 3), ("c", 1)),),
                }.get(method, ())
                value = getattr(ref, method)(*args)
                assert getattr(drawn, method)(*args) == value
                if cursor.at < (j + 1) * count:
                    assert getattr(cursor, method)(*args) == value
    u = 0.3 * 2**53  # chance(p) is bits >> 11 < threshold(p), also at the edges
    assert (int(u) < threshold(0.3)) == (int(u) / 2**53 < 0.3)
    assert (int(u) + 1 < threshold(0.3)) == ((int(u) + 1) / 2**53 < 0.3)


def test_encode_matches_json_dumps() -> None:
    from collections import OrderedDict

    from sandbox.encode import dump, encode, json_array

    samples: list[Any] = [
        {"a": "x", "b": None, "c": True, "d": False, "e": 0, "f": -12, "g": 1.5, "h": [], "i": {}},
        {'quote"key': 'va"l\\ue\n\t\x01', "uni": "Zoë 🚀 東京", "nested": {"x": [1, "2", None]}},
        {1: "int key", "s": "str key"},
        {"t": (1, 2), "n": float("nan"), "big": 2**70, "od": OrderedDict(z=1)},
        ["list", {"k": "v"}, [], {}, 3.25, None],
        "plain",
        None,
        {},
        [],
    ]
    for value in samples:
        assert encode(value) == json.dumps(value, ensure_ascii=False)
        assert dump(value) == json.dumps(value, ensure_ascii=False).encode()
    rows = [{"id": "1", "x": "ü"}, {"id": "2", "x": "🚀"}]
    texts = [json.dumps(r, ensure_ascii=False) for r in rows]
    page = {"scoreValues": [], "rows": json_array(texts), "meta": {"total": "2"}}
    plain = {"scoreValues": [], "rows": rows, "meta": {"total": "2"}}
    assert dump(page) == json.dumps(plain, ensure_ascii=False).encode()
    assert encode(page) == json.dumps(plain, ensure_ascii=False)


@pytest.mark.parametrize(
    "zone", ["America/New_York", "Asia/Kathmandu", "Australia/Lord_Howe", "UTC", "Asia/Kolkata"]
)
def test_time_styles_match_datetime(zone: str) -> None:
    import random

    from sandbox.timefmt import TimeFormat

    fmt, tz = TimeFormat(zone), ZoneInfo(zone)
    rnd = random.Random(5)
    moments = [rnd.randrange(1_500_000_000, 1_900_000_000) for _ in range(3000)]
    moments += list(range(1_710_050_000, 1_710_060_000, 7))  # a DST switch in New York
    for ts in moments:
        at = datetime.fromtimestamp(ts, tz)
        assert fmt.iso(ts) == at.isoformat()
        assert fmt.local(ts) == at.strftime("%Y-%m-%d %H:%M:%S")
        assert fmt.day(ts) == at.strftime("%Y-%m-%d")
        assert fmt.utc(ts) == datetime.fromtimestamp(ts, ZoneInfo("UTC")).strftime(
            "%Y-%m-%d %H:%M:%S"
        )


def test_pages_with_mutations_match_expected(fresh: Sandbox) -> None:
    fresh.mutate("contacts", update=3, create=2, delete=2)
    fresh.mutate("contactTags", update=2, create=2, delete=2)
    fresh.mutate("fieldValues", update=2, create=1, delete=1)
    fresh.mutate("deals", update=3, create=2, delete=2)
    fresh.mutate("dealCustomFieldData", update=2, create=2, delete=1)
    fresh.mutate("tags", update=2)
    contacts = list(
        walk(fresh, "/contacts", "contacts", **{"orders[id]": "ASC"}, include="contactTags.tag")
    )
    assert contacts == fresh.expected("contacts", include="contactTags.tag")
    deals = list(walk(fresh, "/deals", "deals", **{"orders[id]": "ASC"}))
    assert deals == fresh.expected("deals")
    with_data = walk(
        fresh, "/deals", "deals", **{"orders[id]": "ASC"}, include="dealCustomFieldData"
    )
    assert list(with_data) == fresh.expected("deals", include="dealCustomFieldData")
    page = api(fresh, "/contacts", limit=100, include="contactTags.tag,contactLists,fieldValues")
    links = {sid(r["id"]): r for r in fresh.expected("contactTags")}
    assert {sid(t["id"]) for t in page["contactTags"]} <= set(links)
    assert [sid(t["id"]) for t in page["tags"]] == list(
        dict.fromkeys(sid(link["tag"]) for link in page["contactTags"])
    )


def test_small_replies_on_a_kept_alive_connection_are_not_delayed(sb: Sandbox) -> None:
    # head and body go out in one write with TCP_NODELAY: no delayed-ACK stall (~40 ms each)
    conn = http.client.HTTPConnection("127.0.0.1", sb.port, timeout=10)
    try:
        started = time.perf_counter()
        for _ in range(50):
            conn.request("GET", "/api/3/users/me", headers={"Api-Token": KEY})
            assert conn.getresponse().read()
        assert time.perf_counter() - started < 1.5
    finally:
        conn.close()


# -- rate limit, latency, faults ------------------------------------------------------------
def test_rate_limit_answers_429_with_retry_after() -> None:
    with Sandbox(contacts=100, api_key=KEY, rate_limit=3) as limited:
        replies = [call(limited, "/api/3/tags") for _ in range(8)]
        refused = [r for r in replies if r.status == 429]
        assert refused and replies[0].status == 200
        assert int(refused[0].headers["retry-after"]) >= 1
        assert refused[0].json()["errors"]
        assert replies[0].headers["ratelimit-limit"] == "3"
        assert "ratelimit-remaining" in replies[0].headers
        stats = limited.stats()
        assert stats["rate_limited"] == len(refused)
        assert stats["accepted"] == len(replies) - len(refused)
        assert 0 <= stats["accepted_span_seconds"] < 8  # first to last accepted request


def test_latency_overlaps_across_threads() -> None:
    with Sandbox(contacts=100, api_key=KEY, rate_limit=0, latency_ms=300) as slow:
        started = time.perf_counter()
        threads = [threading.Thread(target=call, args=(slow, "/api/3/tags")) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert 0.3 <= time.perf_counter() - started < 1.1


@pytest.mark.parametrize("kind", ["500", "502", "503", "429"])
def test_status_faults_are_well_formed(kind: str) -> None:
    with Sandbox(contacts=100, api_key=KEY, rate_limit=0, fault_rate=1.0, faults=kind) as sb:
        reply = call(sb, "/api/3/contacts")
        assert reply.status == int(kind)
        assert int(reply.headers["content-length"]) == len(reply.body)
        if kind == "429":
            assert reply.headers["retry-after"] == "1"
        if reply.headers["content-type"].startswith("application/json"):
            assert reply.json()["errors"]
        else:
            assert b"<html" in reply.body.lower()
        assert call(sb, "/__sandbox/stats", key=None).json()["faults"] == {kind: 1}


def test_truncate_fault_sends_a_cut_body_with_matching_length() -> None:
    with Sandbox(contacts=100, api_key=KEY, rate_limit=0, fault_rate=1.0, faults="truncate") as sb:
        reply = call(sb, "/api/3/contacts")
        assert reply.status == 200
        assert int(reply.headers["content-length"]) == len(reply.body) > 0
        with pytest.raises(json.JSONDecodeError):
            json.loads(reply.body)


def test_reset_fault_breaks_the_connection() -> None:
    with Sandbox(contacts=100, api_key=KEY, rate_limit=0, fault_rate=1.0, faults="reset") as sb:
        with pytest.raises((http.client.HTTPException, ConnectionError)):
            call(sb, "/api/3/contacts")
        assert call(sb, "/__sandbox/stats", key=None).json()["status_counts"] == {"reset": 1}


def test_faults_are_seeded_and_spare_control_endpoints() -> None:
    def statuses() -> list[int]:
        with Sandbox(
            contacts=100, api_key=KEY, rate_limit=0, fault_rate=0.4, faults="500,503"
        ) as sb:
            assert call(sb, "/__sandbox/stats", key=None).status == 200
            return [call(sb, "/api/3/tags").status for _ in range(30)]

    first = statuses()
    assert first == statuses()
    assert {200, 500, 503} == set(first)


# -- control endpoints and CLI -----------------------------------------------------------------
def test_stats_expected_and_reset(fresh: Sandbox) -> None:
    fresh.reset_stats()
    call(fresh, "/api/3/contacts")
    call(fresh, "/api/3/contacts", key="bad")
    stats = call(fresh, "/__sandbox/stats", key=None).json()
    assert stats["requests"] == 2
    assert stats["by_path"] == {"/api/3/contacts": 2}
    assert stats["status_counts"] == {"200": 1, "403": 1}
    assert call(fresh, "/__sandbox/reset_stats", method="POST", key=None).status == 200
    assert fresh.stats()["requests"] == 0
    over_http = call(fresh, "/__sandbox/expected", {"table": "contacts"}, key=None).json()
    assert over_http == fresh.expected("contacts")
    assert call(fresh, "/__sandbox/expected", {"table": "nope"}, key=None).status == 400


def test_cli_prints_the_url_and_serves() -> None:
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "sandbox",
            "--port",
            "0",
            "--contacts",
            "100",
            "--api-key",
            KEY,
            "--rate-limit",
            "0",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().strip()
        assert line.startswith("sandbox listening on http://127.0.0.1:")
        port = int(line.rsplit(":", 1)[1])
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("GET", "/api/3/users/me", headers={"Api-Token": KEY})
        assert json.loads(conn.getresponse().read())["user"]["username"] == "admin"
        conn.close()
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_cli_rejects_unknown_fault_kind(capsys: pytest.CaptureFixture[str]) -> None:
    assert sandbox_main(["--port", "0", "--faults", "500,boom"]) == 2
    assert "boom" in capsys.readouterr().err
