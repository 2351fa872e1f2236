"""From a response body to rows: record paths, row filters, joins, nested arrays, parent values,
and each column's field path. Rows are dicts keyed by column key holding raw API values."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any

import jmespath
from jmespath.parser import ParsedResult
from jmespath.visitor import TreeInterpreter

from engine.errors import ApiError
from engine.spec import Column, Stream

Getter = Callable[[Any], Any]
PARENT = "_parent"
VALUE = "_value"


class Parsed(ParsedResult):
    """A parsed JMESPath expression whose search runs on the process's one interpreter.
    jmespath's own search builds an interpreter for every call, and each one is a reference
    cycle (it caches its own bound methods): garbage that only the collector frees. A search a
    record made the collector run every few pages of a many-account sync (`_acx_account`,
    row filters). The interpreter keeps no state between searches."""

    _interpreter = TreeInterpreter()

    def search(self, value: Any, options: Any = None) -> Any:
        if options is not None:
            return super().search(value, options)
        return self._interpreter.visit(self.parsed, value)


@functools.lru_cache(maxsize=4096)  # jmespath's own cache keeps 128, fewer than a spec has
def compiled(expression: str) -> Parsed:
    """A JMESPath expression, parsed once per process (searching it keeps no state)."""
    return Parsed(expression, jmespath.compile(expression).parsed)


@functools.lru_cache(maxsize=4096)  # a getter keeps no state: every page and account shares it
def compile_getter(expression: str) -> Getter:
    """A fast Python function for the common shapes of field paths (`a`, `a.b`, `a || b`,
    `a[?k == 'text'].v | [0]`); any other JMESPath runs through jmespath itself. Same results
    either way."""
    parsed = compiled(expression)
    fast = _from_ast(parsed.parsed)
    return fast if fast is not None else parsed.search


def column_getter(column: Column) -> Getter:
    """The column's field, or the first of its aliases the record has when the field is absent
    (a null the record holds is the answer: an alias's value does not replace it)."""
    get = compile_getter(column.field)
    if not column.aliases:
        return get
    node = compiled(column.field).parsed
    name = node["value"] if node["type"] == "field" else None
    aliases = column.aliases

    def first_present(obj: Any) -> Any:
        if not isinstance(obj, dict):
            return None
        if (name in obj) if name is not None else get(obj) is not None:
            return get(obj)
        for alias in aliases:
            if alias in obj:
                return obj[alias]
        return get(obj)

    return first_present


def plain_field(column: Column) -> str | None:
    """The key a column reads from each record as it is (`name`, no path, no alias), else None."""
    node = compiled(column.field).parsed
    return node["value"] if node["type"] == "field" and not column.aliases else None


def _from_ast(node: dict[str, Any]) -> Getter | None:
    kind = node["type"]
    if kind == "field":
        name = node["value"]
        return lambda obj: obj.get(name) if isinstance(obj, dict) else None
    if kind == "literal" and not isinstance(node["value"], list | dict):  # `'a00'`: a constant
        value = node["value"]
        return lambda obj: value
    if kind == "subexpression":
        parts = [_from_ast(child) for child in node["children"]]
        if any(p is None for p in parts):
            return None
        return _chain(parts)  # type: ignore[arg-type]
    if kind == "or_expression":
        left, right = (_from_ast(child) for child in node["children"])
        if left is None or right is None:
            return None
        return lambda obj: _or(left, right, obj)
    if kind == "pipe":
        return _first_where(node)
    return None


FIRST = {
    "type": "index_expression",
    "children": [
        {"type": "identity", "children": []},
        {"type": "index", "value": 0, "children": []},
    ],
}


def _first_where(node: dict[str, Any]) -> Getter | None:
    """`a[?k == 'text'].v | [0]` (a field of the array's object whose key is some text; the
    custom fields of a record, for one): the first such object's non-null `v`, as JMESPath
    gives it (a projection skips nulls; anything not an array of objects yields null)."""
    projection, index = node["children"]
    if projection["type"] != "filter_projection" or index != FIRST:
        return None
    of, value, test = projection["children"]
    if test["type"] != "comparator" or test["value"] != "eq":
        return None
    field, literal = test["children"]
    if field["type"] != "field" or literal["type"] != "literal":
        return None
    name, text = field["value"], literal["value"]
    items, pick = _from_ast(of), _from_ast(value)
    if not isinstance(text, str) or items is None or pick is None:
        return None

    def get(obj: Any) -> Any:
        found = items(obj)
        if not isinstance(found, list):
            return None
        for item in found:
            if isinstance(item, dict) and item.get(name) == text:
                answer = pick(item)
                if answer is not None:
                    return answer
        return None

    return get


def _chain(parts: list[Getter]) -> Getter:
    def get(obj: Any) -> Any:
        for part in parts:
            obj = part(obj)
            if obj is None:
                return None
        return obj

    return get


def _or(left: Getter, right: Getter, obj: Any) -> Any:
    value = left(obj)
    return value if _truthy(value) else right(obj)


def _truthy(value: Any) -> bool:
    """JMESPath truth: false, null, "" and empty arrays/objects are false; 0 is true."""
    return not (value is None or value is False or value == "" or value == [] or value == {})


class RowBuilder:
    """Turns one response body (or one feeding record) into rows of one stream."""

    def __init__(self, stream: Stream) -> None:
        self.stream = stream
        self.records_expr = compiled(stream.records) if stream.records else None
        self.nested_expr = compiled(stream.nested) if stream.nested else None
        self.where_expr = compiled(stream.where) if stream.where else None
        self.join_exprs = [(j, compiled(j.records)) for j in stream.joins]
        self.getters = [(c.key, column_getter(c)) for c in stream.columns]
        self.plain = [plain_field(c) for c in stream.columns]
        self.key_getter = column_getter(stream.column(stream.primary_key[0]))
        self.missing_pages = 0  # pages whose body lacked this stream's side-load array

    def records(self, body: dict[str, Any], where: str) -> list[dict[str, Any]]:
        """The stream's records in a body, before the row filter (what paging counts)."""
        assert self.records_expr is not None
        found = self.records_expr.search(body)
        if found is None:
            if self.stream.fed:
                self.missing_pages += 1
                return []
            raise ApiError(
                f"{where}: the response has no '{self.stream.records}' array",
                "check the spec's records path against a live response",
            )
        return self._objects(found, self.stream.records or "", where)

    def has_records(self, body: dict[str, Any]) -> bool:
        """Whether the body holds the stream's records array (empty or not)."""
        return self.records_expr is not None and self.records_expr.search(body) is not None

    def nested_records(self, feeding: list[dict[str, Any]], where: str) -> list[dict[str, Any]]:
        """Elements of the nested array of every feeding record, each knowing its parent."""
        assert self.nested_expr is not None
        out: list[dict[str, Any]] = []
        for record in feeding:
            items = self.nested_expr.search(record)
            if items is None:
                continue
            if not isinstance(items, list):
                raise ApiError(f"{where}: '{self.stream.nested}' is {_kind(items)}, not an array")
            for item in items:
                row = dict(item) if isinstance(item, dict) else {VALUE: item}
                row[PARENT] = record
                out.append(row)
        return out

    def keep(self, record: dict[str, Any]) -> bool:
        """The row filter (`where`); every record passes when there is none."""
        return self.where_expr is None or _truthy(self.where_expr.search(record))

    def rows(
        self,
        body: dict[str, Any],
        records: list[dict[str, Any]],
        parent: dict[str, Any] | None = None,
    ) -> list[dict[str, Any]]:
        """Rows (column key -> raw value) of records that already passed the row filter."""
        columns = self.columns(body, records, parent)
        keys = [key for key, _ in self.getters]
        return [dict(zip(keys, values, strict=True)) for values in zip(*columns, strict=True)]

    def columns(
        self,
        body: dict[str, Any],
        records: list[dict[str, Any]],
        parent: dict[str, Any] | None = None,
        only: Sequence[int] | None = None,
    ) -> list[list[Any]]:
        """The same values as one list per column, in column order (or those of the columns
        at the indexes `only` gives, in that order)."""
        if self.join_exprs:
            records = self._joined(body, records)
        if parent is not None:
            records = [{**r, PARENT: parent} for r in records]
        chosen = range(len(self.getters)) if only is None else only
        if all(type(r) is dict for r in records):  # a plain field is then the record's .get:
            # a third of the time of calling its getter, the most common column of a sync
            return [
                [r.get(name) for r in records]
                if (name := self.plain[i]) is not None
                else [self.getters[i][1](r) for r in records]
                for i in chosen
            ]
        return [[self.getters[i][1](r) for r in records] for i in chosen]

    def _joined(self, body: dict[str, Any], records: list[dict[str, Any]]) -> list[dict[str, Any]]:
        for join, expr in self.join_exprs:
            found = expr.search(body) or []
            lookup = {str(o.get(join.foreign)): o for o in found if isinstance(o, dict)}
            records = [{**r, join.as_: lookup.get(str(r.get(join.local)))} for r in records]
        return records

    @staticmethod
    def _objects(found: Any, path: str, where: str) -> list[dict[str, Any]]:
        if isinstance(found, dict):
            raise ApiError(
                f"{where}: '{path}' is an object where an array was expected",
                "the endpoint may return one record: use paging kind single",
            )
        if not isinstance(found, list):
            raise ApiError(f"{where}: '{path}' is {_kind(found)}, not an array")
        for item in found:
            if not isinstance(item, dict):
                raise ApiError(f"{where}: '{path}' holds {_kind(item)} where records are objects")
        return found


def _kind(value: Any) -> str:
    """A JSON value's kind with its article: "an object", "a string", "an integer"."""
    word = {
        dict: "object",
        list: "array",
        str: "string",
        bool: "boolean",
        int: "integer",
        float: "number",
        type(None): "null",
    }.get(type(value), type(value).__name__)
    return f"{'an' if word[0] in 'aeiou' else 'a'} {word}"
