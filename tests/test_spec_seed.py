"""The shipped spec holds every table and column of the model (the vendor's seed), in order, with
the seed's types, except ids, keys, counts and flags, which are exact integers instead of float.
The model's tables are the ones tagged `model`; the tables beyond it (issue 14) follow them."""

from __future__ import annotations

import json
import re

import pytest

from engine.spec import load_spec
from tests.conftest import ROOT, SPEC

SEED = json.loads((ROOT / "tests" / "data" / "seed-tables.json").read_text())
ID_LIKE = re.compile(r"(^id$|id$|Id$|_id$|^(user|owner|contact|deal|account|list|field|group)$)")


def corrected(key: str, seed_description: str) -> str:
    """The seed's descriptions, except where live data contradicts them: `*_utc_timestamp`
    fields hold account-local wall time (observed in responses recorded from live accounts)."""
    if key.endswith("_utc_timestamp"):
        return seed_description.replace(
            "(UTC).", "(the API sends account-local time despite the name)."
        )
    return seed_description


@pytest.fixture(scope="module")
def spec():
    return load_spec(SPEC)


@pytest.fixture(scope="module")
def model(spec):
    """The model's streams: the `model`-tagged ones, which come first in the spec."""
    streams = [s for s in spec.streams if "model" in s.tags]
    assert list(spec.streams[: len(streams)]) == streams
    return streams


def test_all_33_seed_tables_in_seed_order(model):
    assert [s.title for s in model] == [t["title"] for t in SEED]
    assert len(model) == 33
    assert sum(len(s.columns) for s in model) == 644


@pytest.mark.parametrize("index", range(len(SEED)), ids=[t["title"] for t in SEED])
def test_columns_match_the_seed(model, index):
    seed, stream = SEED[index], model[index]
    assert len(stream.columns) == len(seed["types"])
    for col, seed_type, seed_desc in zip(
        stream.columns, seed["types"], seed["descriptions"], strict=True
    ):
        assert col.description == corrected(col.key, seed_desc), f"{stream.key}.{col.key}"
        if seed_type == "float":
            assert col.type in ("integer", "float"), f"{stream.key}.{col.key}: {col.type}"
        else:
            assert col.type == seed_type, f"{stream.key}.{col.key}: {col.type} != {seed_type}"


def test_ids_and_keys_are_integers_not_float(spec):
    floats = [
        f"{s.key}.{c.key}"
        for s in spec.streams
        for c in s.columns
        if c.type == "float" and (ID_LIKE.search(c.key) or c.references)
    ]
    assert floats == []
    # keys that are not integer ids: a domain name (records without an id), a UUID
    named = {"site_tracking_domains": "text", "custom_object_schemas": "text"}
    for s in spec.streams:
        for key in s.primary_key:
            assert s.column(key).type == named.get(s.key, "integer"), f"{s.key}.{key}"


def test_fed_and_child_tables_name_their_parent(spec):
    for s in spec.streams:
        if s.nested or (s.endpoint and "{parent." in s.endpoint):
            assert s.parent is not None, s.key
    assert spec.stream("deal_stages").from_ == "pipelines"
    assert spec.stream("contact_custom_field_options").from_ == "contact_custom_fields"
    assert spec.stream("task_type_outcomes").nested == "outcomes"
    assert any(j.records == "tags" for j in spec.stream("contact_tags").joins)


# lists whose endpoint documents no `orders[id]` sort (their rows are few: one page)
NO_DOCUMENTED_ORDER = {"custom_object_schemas"}


def test_offset_paged_lists_send_a_stable_order(spec):
    for s in spec.streams:
        if (
            s.paging
            and s.paging.kind in ("offset", "keyset")
            and "{parent." not in (s.endpoint or "")
            and any(c.key == "id" for c in s.columns)  # site tracking domains have no id
            and s.key not in NO_DOCUMENTED_ORDER
        ):
            assert dict(s.params).get("orders[id]") == "ASC", s.key
