"""From response bodies to rows: field paths (the fast ones answer as JMESPath does), aliases,
side-loaded joins, nested arrays with their parent, the row filter, and bodies that do not hold
what the spec says they hold."""

from __future__ import annotations

import jmespath
import pytest

from engine.errors import ApiError
from engine.read.records import RowBuilder, column_getter, compile_getter
from engine.spec import Column, Join, Paging, Replication, Stream, load_spec
from tests.conftest import MINI


def col(key: str, field: str | None = None, aliases: tuple[str, ...] = ()) -> Column:
    return Column(key, key, "text", f"{key}.", field or key, aliases=aliases)


def stream(*columns: Column, **kw) -> Stream:
    base = dict(
        key="deals",
        name="deals",
        title="Deals",
        description="Deals.",
        primary_key=(columns[0].key,),
        columns=columns,
        replication=Replication(mode="full"),
        endpoint="/deals",
        records="deals",
        paging=Paging(kind="offset", limit=100),
    )
    return Stream(**{**base, **kw})  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def spec():
    return load_spec(MINI)


RECORDS = [
    {"a": 1, "b": {"c": "x"}},
    {"a": 0, "b": {"c": None}},
    {"a": None, "b": None},
    {"a": "", "b": "text"},
    {"a": [], "b": {}},
    {"a": False, "other": 2},
    {},
    "not an object",
    None,
    {"f": [{"id": "x", "v": None}, "text", {"id": "x", "v": 0}, {"id": "y", "v": 1}]},
    {"f": [{"id": "y", "v": {"w": 2}}, {"id": "x"}, {"id": 1, "v": 3}], "a": 1},
    {"f": {"id": "x", "v": 1}},
    {"f": [[{"id": "x", "v": 1}], None, {"id": "x", "v": False}]},
    {"f": []},
]


@pytest.mark.parametrize(
    "expression",
    [
        "a",
        "b.c",
        "a || b",
        "b.c || a",
        "a || b || other",
        "f[?id == 'x'].v | [0]",
        "f[?id == 'y'].v.w | [0]",
        "f[?id == 'z'].v | [0]",
    ],
)
@pytest.mark.parametrize("record", RECORDS)
def test_fast_field_paths_answer_exactly_as_jmespath_does(expression, record):
    assert compile_getter(expression)(record) == jmespath.search(expression, record)


@pytest.mark.parametrize(
    "expression,record,expected",
    [
        ("tags[0].name", {"tags": [{"name": "vip"}]}, "vip"),
        ("length(items)", {"items": [1, 2, 3]}, 3),
        ('"group"', {"group": 7}, 7),  # a quoted key: a reserved word as a field
    ],
)
def test_any_other_jmespath_still_works(expression, record, expected):
    assert compile_getter(expression)(record) == expected


def test_an_alias_answers_only_when_the_field_is_absent():
    get = column_getter(col("cdate", aliases=("created_timestamp", "createdDate")))
    assert get({"cdate": "2024-01-01", "created_timestamp": "x"}) == "2024-01-01"
    assert get({"cdate": None, "created_timestamp": "x"}) is None  # a null is an answer
    assert get({"createdDate": "y", "created_timestamp": "x"}) == "x"  # the first alias wins
    assert get({"createdDate": "y"}) == "y"
    assert get({"other": 1}) is None
    assert get(["not", "an", "object"]) is None


def test_an_alias_of_a_nested_field_answers_when_the_path_finds_nothing():
    get = column_getter(col("owner", field="owner.id", aliases=("ownerid",)))
    assert get({"owner": {"id": "5"}, "ownerid": "9"}) == "5"
    assert get({"ownerid": "9"}) == "9"


def test_rows_are_keyed_by_column_and_keep_raw_values():
    builder = RowBuilder(stream(col("id"), col("title"), col("owner", field="owner.id")))
    body = {"deals": [{"id": "1", "title": "A", "owner": {"id": 3}}, {"id": 2}]}
    records = builder.records(body, "table deals")
    assert builder.rows(body, records) == [
        {"id": "1", "title": "A", "owner": 3},
        {"id": 2, "title": None, "owner": None},
    ]
    assert builder.columns(body, records) == [["1", 2], ["A", None], [3, None]]


def test_columns_read_the_same_from_records_of_any_kind():
    """Plain fields take a shortcut when every record is a plain dict; records of another kind
    (a dict subclass, or anything but a dict) are read through the getters, with the same
    values."""

    class Record(dict):
        pass

    builder = RowBuilder(
        stream(col("id"), col("alias", field="x", aliases=("y",)), col("n", field="o.n"))
    )
    plain = [{"id": 1, "y": "b", "o": {"n": 2}}, {"id": None, "x": "a"}, {}]
    expected = [[1, None, None], ["b", "a", None], [2, None, None]]
    assert builder.columns({}, plain) == expected
    assert builder.columns({}, [Record(r) for r in plain]) == expected
    assert builder.columns({}, [*plain, "not a record"]) == [c + [None] for c in expected]
    assert builder.columns({}, plain, only=[2, 0]) == [expected[2], expected[0]]


def test_a_side_loaded_record_is_joined_by_its_key_whatever_its_json_type(spec):
    builder = RowBuilder(spec.stream("contact_tags"))
    body = {
        "contactTags": [
            {"id": "10", "contact": "1", "tag": "5"},
            {"id": "11", "contact": "1", "tag": 6},
            {"id": "12", "contact": "2", "tag": "7"},  # its tag is not side-loaded
        ],
        "tags": [{"id": 5, "tag": "vip"}, {"id": "6", "tag": "lead"}],
    }
    rows = builder.rows(body, builder.records(body, "table contact_tags"))
    assert [r["tag_name"] for r in rows] == ["vip", "lead", None]
    assert [r["contact"] for r in rows] == ["1", "1", "2"]


def test_a_join_without_its_side_load_leaves_the_joined_columns_empty(spec):
    builder = RowBuilder(spec.stream("contact_tags"))
    body = {"contactTags": [{"id": "10", "contact": "1", "tag": "5"}]}
    assert builder.rows(body, body["contactTags"]) == [
        {"contact": "1", "id": "10", "tag_name": None}
    ]


def test_nested_elements_become_rows_that_know_their_parent(spec):
    builder = RowBuilder(spec.stream("outcomes"))
    feeding = [
        {"id": "1", "outcomes": [{"outcome_id": "a"}, {"id": "b"}, "c"]},
        {"id": "2"},  # no nested array: no rows
        {"id": "3", "outcomes": None},
        {"id": "4", "outcomes": []},
    ]
    rows = builder.rows({}, builder.nested_records(feeding, "table outcomes"))
    assert rows == [
        {"group_id": "1", "outcome_id": "a"},
        {"group_id": "1", "outcome_id": "b"},
        {"group_id": "1", "outcome_id": "c"},
    ]


def test_a_nested_value_that_is_not_an_array_is_an_error(spec):
    builder = RowBuilder(spec.stream("outcomes"))
    with pytest.raises(ApiError, match="table outcomes: 'outcomes' is a string, not an array"):
        builder.nested_records([{"id": "1", "outcomes": "a,b"}], "table outcomes")


def test_parent_values_reach_the_row_through_the_parent_path():
    builder = RowBuilder(stream(col("id"), col("group", field="_parent.id")))
    body = {"deals": [{"id": "7"}]}
    assert builder.rows(body, body["deals"], parent={"id": "42"}) == [{"id": "7", "group": "42"}]


def test_the_row_filter_keeps_records_by_jmespath_truth():
    builder = RowBuilder(stream(col("id"), where="type == 'deal' && !deleted"))
    assert builder.keep({"id": 1, "type": "deal", "deleted": False})
    assert not builder.keep({"id": 2, "type": "task", "deleted": False})
    assert not builder.keep({"id": 3, "type": "deal", "deleted": True})
    assert RowBuilder(stream(col("id"))).keep({"anything": None})  # no filter: every record


def test_records_are_counted_before_the_row_filter():
    builder = RowBuilder(stream(col("id"), where="keep"))
    body = {"deals": [{"id": 1, "keep": True}, {"id": 2, "keep": False}]}
    records = builder.records(body, "table deals")
    assert len(records) == 2  # what paging counts
    assert [r["id"] for r in records if builder.keep(r)] == [1]


def test_a_body_without_the_records_array_fails_with_where_and_what_to_check():
    builder = RowBuilder(stream(col("id")))
    with pytest.raises(ApiError, match="table deals: the response has no 'deals' array") as err:
        builder.records({"deal": {"id": 1}}, "table deals")
    assert "records path" in str(err.value.hint)
    assert not builder.has_records({"deal": {}})
    assert builder.has_records({"deals": []})


def test_a_side_load_missing_from_a_page_is_counted_not_fatal(spec):
    builder = RowBuilder(spec.stream("contact_tags"))
    assert builder.records({"contacts": [{"id": "1"}]}, "table contact_tags") == []
    assert builder.records({"contacts": [], "contactTags": []}, "table contact_tags") == []
    assert builder.records({"contacts": []}, "table contact_tags") == []
    assert builder.missing_pages == 2


@pytest.mark.parametrize(
    "found,message",
    [
        ({"id": 1}, "'deals' is an object where an array was expected"),
        ("none", "'deals' is a string, not an array"),
        (3, "'deals' is an integer, not an array"),
        ([{"id": 1}, 2], "'deals' holds an integer where records are objects"),
        ([{"id": 1}, [2]], "'deals' holds an array where records are objects"),
    ],
)
def test_a_records_path_that_holds_no_list_of_objects_is_an_error(found, message):
    with pytest.raises(ApiError, match=f"table deals: {message}"):
        RowBuilder(stream(col("id"))).records({"deals": found}, "table deals")


def test_one_object_where_a_list_was_expected_points_at_paging_single():
    with pytest.raises(ApiError) as err:
        RowBuilder(stream(col("id"))).records({"deals": {"id": 1}}, "table deals")
    assert "paging kind single" in str(err.value.hint)


def test_joins_apply_in_turn_and_do_not_change_the_records_handed_in():
    joins = (
        Join(as_="stage_record", records="dealStages", local="stage", foreign="id"),
        Join(as_="group_record", records="dealGroups", local="group", foreign="id"),
    )
    builder = RowBuilder(
        stream(
            col("id"),
            col("stage", field="stage_record.title"),
            col("pipeline", field="group_record.title"),
            joins=joins,
        )
    )
    body = {
        "deals": [{"id": "1", "stage": "3", "group": "2"}],
        "dealStages": [{"id": "3", "title": "Won"}],
        "dealGroups": [{"id": "2", "title": "Sales"}],
    }
    records = builder.records(body, "table deals")
    assert builder.rows(body, records) == [{"id": "1", "stage": "Won", "pipeline": "Sales"}]
    assert records == [{"id": "1", "stage": "3", "group": "2"}]
