"""engine/read/drift.py: which API fields a table's records carry that no column reads, and which
declared fields never arrive. Records are shaped like responses recorded from live ActiveCampaign
accounts."""

from __future__ import annotations

from typing import Any

import pytest

from engine.read.drift import FieldTally, did_you_mean, fed_keys, record_fields
from engine.spec import build_spec, load_spec
from tests.conftest import SPEC

SHIPPED = load_spec(SPEC)


def stream_of(columns: dict[str, Any], joins: list[dict[str, str]] | None = None):
    """A one-stream spec whose columns read these field paths (None: the column key; a dict:
    more of the column's keys, such as aliases)."""
    cols = {
        key: {"type": "text", "description": "x", **_column(path)} for key, path in columns.items()
    }
    raw: dict[str, Any] = {
        "title": "T",
        "endpoint": "/t",
        "records": "t",
        "primary_key": [next(iter(columns))],
        "replication": {"mode": "full"},
        "columns": cols,
    }
    if joins:
        raw["joins"] = joins
    data = {
        "source": {
            "title": "S",
            "base_url": {"env": "U"},
            "auth": {"header": "Api-Token", "env": "K"},
            "rate_limit": {"requests_per_second": 5},
        },
        "streams": {"t": raw},
    }
    return build_spec(data, "<test>").stream("t")


def _column(path: Any) -> dict[str, Any]:
    if isinstance(path, dict):
        return path
    return {"field": path} if path else {}


# A contact as GET /contacts sends it, with fields the docs lack (created_by, updated_by,
# sentiment, orgname) and a declared one the spec might misspell.
CONTACT = {
    "id": "112",
    "email": "ana@example.com",
    "firstName": "Ana",
    "cdate": "2018-11-29T16:53:17-06:00",
    "udate": "2018-11-29T16:53:17-06:00",
    "created_utc_timestamp": "2018-11-29 16:53:17",
    "email_empty": False,
    "orgname": None,
    "sentiment": None,
    "created_by": "3",
    "updated_by": None,
    "links": {"contactTags": "https://a.api-us1.com/api/3/contacts/112/contactTags"},
}
LATER = {**CONTACT, "id": "113", "orgname": "Acme", "sentiment": "positive", "updated_by": "3"}


@pytest.mark.parametrize(
    ("expression", "names", "whole"),
    [
        ('"id"', {"id"}, False),
        ("udate", {"udate"}, False),
        ("owner.type", {"owner"}, False),
        ("userid || user", {"userid", "user"}, False),
        ("outcome_id || id || _value", {"outcome_id", "id", "_value"}, False),
        (
            "not_null(createdTimestamp, created_timestamp)",
            {"createdTimestamp", "created_timestamp"},
            False,
        ),
        ("_parent.id", {"_parent"}, False),
        ("tag_record.tag", {"tag_record"}, False),
        ("fieldOptions[0]", {"fieldOptions"}, False),
        ("links.*", {"links"}, False),
        ("contactLists[?status == '1'].list", {"contactLists"}, False),
        ("sort_by(scores, &cdate)[0].score", {"scores"}, False),
        ("deleted == '1'", {"deleted"}, False),
        ("{a: firstName, b: lastName}", {"firstName", "lastName"}, False),
        ("`null`", set(), False),
        ("@", set(), True),
    ],
)
def test_record_fields(expression, names, whole):
    assert record_fields(expression) == (names, whole)


@pytest.mark.parametrize(
    ("columns", "batches", "undeclared", "never_seen"),
    [
        pytest.param(
            {"id": None, "email": None, "firstName": None, "cdate": None, "udate": None},
            [[CONTACT], [LATER]],
            [
                "created_by",
                "created_utc_timestamp",
                "email_empty",
                "links",
                "orgname",
                "sentiment",
                "updated_by",
            ],
            [],
            id="undeclared",
        ),
        pytest.param(
            {"id": None, "updatedBy": None, "created_by": None},
            [[CONTACT]],
            [
                "cdate",
                "created_utc_timestamp",
                "email",
                "email_empty",
                "firstName",
                "links",
                "orgname",
                "sentiment",
                "udate",
                "updated_by",
            ],
            [("updatedBy", '"updatedBy"', "updated_by")],
            id="renamed-field-did-you-mean",
        ),
        pytest.param(
            {"id": None, "cdate": "createdTimestamp || cdate", "mdate": "mdate || udate"},
            [[{"id": "1", "cdate": "x", "udate": "y"}]],
            [],
            [],
            id="either-alternative-counts",
        ),
        pytest.param(
            {"id": None, "created": "not_null(createdTimestamp, created_timestamp)"},
            [[{"id": "1", "created_tmestamp": "x"}]],
            ["created_tmestamp"],
            [("created", "not_null(createdTimestamp, created_timestamp)", "created_tmestamp")],
            id="none-arrived-close-spelling",
        ),
        pytest.param(
            {"id": None, "userid": {"field": "userid", "aliases": ["user"]}},
            [[{"id": "1", "user": "3"}]],
            [],
            [],
            id="an-alias-counts",
        ),
        pytest.param(
            {"id": None, "pg_contact_resubscribe": {"aliases": ["pg_subscriber_resubscribe"]}},
            [[{"id": "1", "pgContactResubscribe": "1"}]],
            ["pgContactResubscribe"],
            [("pg_contact_resubscribe", '"pg_contact_resubscribe"', "pgContactResubscribe")],
            id="neither-name-nor-alias",
        ),
        pytest.param(
            {"id": None, "owner_type": "owner.type"},
            [[{"id": "1", "owner": None}]],
            [],
            [],
            id="null-value-still-arrived",
        ),
        pytest.param(
            {"id": None, "fieldCurrency": None},
            [[], [{"id": "1"}], [{"id": "2", "fieldCurrency": "usd"}]],
            [],
            [],
            id="seen-in-a-later-batch",
        ),
        pytest.param(
            {"id": None, "title": None},
            [[{"id": "1"}]],
            [],
            [("title", '"title"', None)],
            id="nothing-like-it",
        ),
        pytest.param(
            {"id": None, "title": None},
            [[], []],
            [],
            [],
            id="no-records-no-verdict",
        ),
        pytest.param(
            {"tasktype_id": "_parent.id", "outcome_id": "outcome_id || id || _value"},
            [[{"_value": "2", "_parent": {"id": "1"}}]],
            [],
            [],
            id="nested-scalars",
        ),
        pytest.param(
            {
                "tasktype_id": "_parent.id",
                "outcome_id": "outcome_id || _value",
                "display_order": None,
            },
            [[{"id": "2", "display_order": "0", "_parent": {"id": "1"}}]],
            ["id"],
            [("outcome_id", "outcome_id || _value", None)],
            id="nested-objects-parent-not-a-field",
        ),
        pytest.param(
            {"all": "@"},
            [[CONTACT]],
            [],
            [],
            id="whole-record",
        ),
    ],
)
def test_tally(columns, batches, undeclared, never_seen):
    tally = FieldTally(stream_of(columns))
    for batch in batches:
        tally.observe(batch)
    assert tally.undeclared() == undeclared
    assert [(u.column, u.field, u.did_you_mean) for u in tally.never_seen()] == never_seen
    assert tally.records == sum(len(b) for b in batches)


def test_join_alias_and_local_key_are_read():
    """contact_tags reads the joined tag through `tag`; the alias itself is no API field."""
    stream = stream_of(
        {"id": None, "contact": None, "tag_name": "tag_record.tag"},
        joins=[{"as": "tag_record", "records": "tags", "local": "tag", "foreign": "id"}],
    )
    tally = FieldTally(stream)
    tally.observe([{"id": "1", "contact": "5", "tag": "11", "created_by": None, "tag_record": {}}])
    assert tally.undeclared() == ["created_by"]
    assert tally.never_seen() == []


def test_fed_keys_of_the_shipped_spec():
    """Keys that fed tables read: the ids of a side-load (contactTags) and a nested array."""
    assert {"contactTags", "contactLists", "fieldValues"} <= fed_keys(
        SHIPPED, SHIPPED.stream("contacts")
    )
    assert fed_keys(SHIPPED, SHIPPED.stream("task_types")) == {"outcomes"}
    assert fed_keys(SHIPPED, SHIPPED.stream("users")) == set()
    contact = {**CONTACT, "contactTags": ["1"], "fieldValues": ["4"], "contactLists": []}
    with_spec = FieldTally(SHIPPED.stream("contacts"), SHIPPED)
    without = FieldTally(SHIPPED.stream("contacts"))
    for tally in (with_spec, without):
        tally.observe([contact])
    assert "contactTags" in without.undeclared()
    assert not {"contactTags", "fieldValues", "contactLists"} & set(with_spec.undeclared())


def test_samples_first_non_null_and_shortened():
    tally = FieldTally(stream_of({"id": None}))
    html = "<html><body>" + "x" * 100
    tally.observe([{"id": "1", "sentiment": None, "html": "", "created_by": "3"}])
    tally.observe([{"id": "2", "sentiment": "positive", "html": html, "created_by": "4"}])
    assert tally.sample("sentiment") == '"positive"'
    assert tally.sample("created_by") == '"3"'
    assert tally.sample("html").startswith('"<html><body>xxx') and tally.sample("html").endswith(
        "…"
    )
    assert len(tally.sample("html")) == 40
    assert tally.sample("id") is None  # declared: no sample kept


def test_sample_search_is_bounded():
    """A key that is null in every record is not looked up in every record of a long run."""
    tally = FieldTally(stream_of({"id": None}))
    for start in range(0, 5000, 500):
        tally.observe([{"id": str(i), "updated_by": None} for i in range(start, start + 500)])
    assert tally.sample("updated_by") is None
    assert tally._looks == {}
    assert tally.records == 5000


def test_warnings_and_json():
    tally = FieldTally(stream_of({"id": None, "updatedBy": None, "email": None}))
    tally.observe(
        [
            {"id": str(i), "email": "a@b", "updated_by": "1", **{f"extra_{n}": n for n in range(9)}}
            for i in range(3)
        ]
    )
    assert tally.warnings() == [
        "1 declared field never seen: updatedBy (did you mean updated_by?)",
        "10 fields the spec does not declare: extra_0, extra_1, extra_2, extra_3, extra_4, extra_5, extra_6, extra_7, …",
    ]
    assert tally.as_dict() == {
        "undeclared": [*(f"extra_{n}" for n in range(9)), "updated_by"],
        "never_seen": [
            {"column": "updatedBy", "field": '"updatedBy"', "did_you_mean": "updated_by"}
        ],
    }


def test_warnings_name_the_field_path_when_it_is_not_the_key():
    tally = FieldTally(SHIPPED.stream("account_notes"))
    tally.observe(
        [
            {
                "id": "1",
                "cdate": "x",
                "mdate": "y",
                "is_draft": "0",
                "note": "n",
                "owner": {},
                "reltype": "CustomerAccount",
                "user": "1",
            }
        ]
    )
    assert tally.warnings()[0] == "1 declared field never seen: account (field relid)"


def test_an_unseen_column_names_its_aliases():
    tally = FieldTally(stream_of({"id": None, "user": {"aliases": ["userid"]}}))
    tally.observe([{"id": "1"}])
    assert tally.warnings() == ["1 declared field never seen: user (or userid)"]


def test_nothing_to_say():
    tally = FieldTally(stream_of({"id": None}))
    assert tally.warnings() == []
    tally.observe([{"id": "1"}])
    assert tally.warnings() == [] and tally.as_dict() == {"undeclared": [], "never_seen": []}


@pytest.mark.parametrize(
    ("name", "candidates", "expected"),
    [
        ("updatedBy", ["updated_by", "created_by"], "updated_by"),
        ("updated_by", ["updatedBy"], "updatedBy"),
        ("deleted-at", ["deleted_at"], "deleted_at"),
        ("updated_timestamp", ["updated_timestmp", "links"], "updated_timestmp"),
        ("sentcnt", ["sentiment", "links"], None),
        ("orgname", [], None),
    ],
)
def test_did_you_mean(name, candidates, expected):
    assert did_you_mean(name, candidates) == expected
