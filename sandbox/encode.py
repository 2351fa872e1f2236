"""JSON text exactly as ``json.dumps(value, ensure_ascii=False)`` writes it, but faster for
pages of records.

``json.dumps`` spends most of its time dispatching on the type of each of the ~18,000 values
of a page of contacts with side-loads. Records of one table share their keys, so for each key
layout (the tuple of a dict's keys, in order) this module compiles one function that writes
the whole object with the keys as constants and a cheap check per value: strings (the vast
majority) go straight to the C string escaper, ``None`` becomes ``null``, anything else takes
the general path. Anything unusual (other key types, floats, subclasses) is handed to
``json.dumps`` itself, so the output is always byte-identical to it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from json.encoder import encode_basestring
from typing import Any

_string = encode_string = encode_basestring  # the C escaper of json.dumps(ensure_ascii=False)
_LAYOUT_LIMIT = 4096  # compiled key layouts kept (the sandbox has a few dozen)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def encode(value: Any) -> str:
    """``json.dumps(value, ensure_ascii=False)``."""
    cls = value.__class__
    if cls is str:
        return _string(value)
    if value is None:
        return "null"
    if cls is dict:
        return encode_dict(value)
    if cls is JSONArray:
        return value.text()  # type: ignore[no-any-return]
    if cls is list or cls is tuple:
        return "[" + ", ".join([encode(item) for item in value]) + "]" if value else "[]"
    if cls is bool:
        return "true" if value else "false"
    if cls is int:
        return int.__repr__(value)
    return _dumps(value)


_layouts: dict[tuple[Any, ...], Callable[[dict[str, Any]], str]] = {}


def encode_dict(row: dict[str, Any]) -> str:
    """``json.dumps(row, ensure_ascii=False)`` for a plain dict."""
    keys = tuple(row)
    writer = _layouts.get(keys)
    if writer is None:
        writer = _compile(keys)
        if len(_layouts) >= _LAYOUT_LIMIT:
            _layouts.clear()
        _layouts[keys] = writer
    return writer(row)


def _compile(keys: tuple[Any, ...]) -> Callable[[dict[str, Any]], str]:
    """A function writing a dict with exactly these keys, in this order."""
    if not keys:
        return lambda row: "{}"
    if not all(key.__class__ is str for key in keys):
        return _dumps  # json.dumps converts or rejects other key types
    parts = []
    for i, key in enumerate(keys):
        label = ("{" if i == 0 else ", ") + _string(key) + ": "
        parts.append(repr(label))
        parts.append(
            f"(s(v) if (v := row[{key!r}]).__class__ is str else 'null' if v is None else e(v))"
        )
    parts.append("'}'")
    source = "def write(row, s=s, e=e):\n    return ''.join((" + ", ".join(parts) + ",))\n"
    namespace: dict[str, Any] = {"s": _string, "e": encode}
    exec(compile(source, f"<json layout {len(keys)} keys>", "exec"), namespace)  # noqa: S102
    return namespace["write"]  # type: ignore[no-any-return]


class JSONArray:
    """A JSON array of already encoded items (records as JSON text).

    ``dump`` writes it as UTF-8 item by item: one emoji in one record would otherwise turn
    the whole page into a 4-bytes-per-character string before encoding.
    """

    __slots__ = ("items",)

    def __init__(self, items: list[str]) -> None:
        self.items = items

    def text(self) -> str:
        return "[" + ", ".join(self.items) + "]"

    def utf8(self) -> bytes:
        return b"[" + b", ".join([item.encode() for item in self.items]) + b"]"


def json_array(texts: list[str]) -> JSONArray:
    """The JSON array of already encoded items (``encode`` of their list)."""
    return JSONArray(texts)


def dump(value: Any) -> bytes:
    """``json.dumps(value, ensure_ascii=False).encode()`` (``JSONArray`` values of a top-level
    dict are encoded piecewise)."""
    if value.__class__ is not dict or not value or not all(k.__class__ is str for k in value):
        return encode(value).encode()
    parts = []
    opener = "{"
    for key, item in value.items():
        parts.append(f"{opener}{_string(key)}: ".encode())
        parts.append(item.utf8() if item.__class__ is JSONArray else encode(item).encode())
        opener = ", "
    parts.append(b"}")
    return b"".join(parts)


def append_arrays(text: str, pairs: list[tuple[str, list[int]]]) -> str:
    """The JSON object ``text`` with ``key: ["<id>", ...]`` appended for each pair (the
    keys must not be in it yet): ``encode`` of the dict after ``row[key] = [str(i) ...]``."""
    extra = "".join(
        [
            f', {_string(key)}: ["' + '", "'.join(map(str, ids)) + '"]'
            if ids
            else f", {_string(key)}: []"
            for key, ids in pairs
        ]
    )
    return text[:-1] + extra + "}"
