"""Tags: words that choose tables together (`--tables model,crm`), checked against table names."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.errors import ConfigError, SpecError
from engine.spec import load_spec
from engine.spec.selection import select_streams
from tests.test_plan import mini

SHIPPED = load_spec(Path(__file__).resolve().parent.parent / "specs" / "activecampaign.yaml")


def test_every_shipped_table_carries_a_tag_and_model_is_the_vendors_33():
    assert all(s.tags for s in SHIPPED.streams)
    model = [s.key for s in select_streams(SHIPPED, ["model"])]
    assert len(model) == 33
    assert model == [s.key for s in SHIPPED.streams if "model" in s.tags]


def test_tags_and_names_mix_in_one_choice_each_table_once():
    chosen = [s.key for s in select_streams(SHIPPED, ["marketing,contacts", "lists"])]
    assert chosen == list(dict.fromkeys(chosen))  # no table twice
    assert {"campaigns", "lists", "contacts", "list_contacts"} <= set(chosen)
    assert "deals" not in chosen


def test_an_unknown_word_names_the_nearest_table_or_tag():
    with pytest.raises(ConfigError, match="no table or tag 'modle'") as err:
        select_streams(SHIPPED, ["modle"])
    assert "did you mean 'model'?" in str(err.value.hint)


def test_a_tag_that_is_also_a_table_is_a_spec_error(tmp_path):
    with pytest.raises(SpecError) as err:
        mini(tmp_path, contacts={"tags": ["groups"]})
    assert any("tag 'groups' is also a table" in p for p in err.value.problems), err.value.problems


def test_a_tag_is_a_lowercase_word(tmp_path):
    with pytest.raises(SpecError) as err:
        mini(tmp_path, contacts={"tags": ["Model"]})
    assert any("tags" in p for p in err.value.problems), err.value.problems
