"""Facts about a stream, computed by the spec model once (engine/spec/model.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.spec import load_spec

SPEC = load_spec(Path(__file__).resolve().parent.parent / "specs" / "activecampaign.yaml")


def test_a_per_parent_endpoint_is_filled_from_a_parent_row_url_quoted():
    child = next(s for s in SPEC.streams if s.per_parent)
    assert child.parent is not None
    column = child.endpoint.split("{parent.", 1)[1].split("}", 1)[0]
    path = child.path_for({column: "7/8 x"})
    assert path is not None and "7%2F8%20x" in path and "{" not in path


@pytest.mark.parametrize("value", [None, ""])
def test_a_parent_row_without_the_value_gives_no_path(value):
    child = next(s for s in SPEC.streams if s.per_parent)
    column = child.endpoint.split("{parent.", 1)[1].split("}", 1)[0]
    assert child.path_for({column: value}) is None


def test_a_list_endpoint_is_not_per_parent_and_keeps_its_path():
    contacts = SPEC.stream("contacts")
    assert not contacts.per_parent
    assert contacts.path_for(None) == contacts.endpoint


def test_a_side_loaded_table_has_the_requesting_stream_as_its_root():
    fed = [s for s in SPEC.streams if s.fed]
    assert fed
    for s in fed:
        root = SPEC.root_of(s)
        assert root.from_ is None and root.endpoint
    assert SPEC.root_of(SPEC.stream("contacts")).key == "contacts"
