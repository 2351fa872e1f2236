"""TOML with line numbers: the parsed data, and the line of every key path (tomllib gives
none), so that config problems read `acx.toml:LINE: key.path: message` like the spec's.
The locator scans the text: table headers `[a.b]` and `[[a]]`, `key = value`, dotted and quoted
keys; multi-line strings and arrays are skipped. A path it cannot place falls back to its
table's header, then to line 1."""

from __future__ import annotations

import json
import re

import tomllib

from engine.errors import ConfigFileError
from engine.spec.yamlsrc import KeyPath, Located


def locate(text: str, name: str) -> Located:
    """Parse TOML text; a syntax error is a ConfigFileError with its line."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigFileError([_syntax(str(exc), name, text)]) from None
    return Located(name, data, key_lines(text))


def _syntax(message: str, name: str, text: str) -> str:
    found = re.search(r" \(at line (\d+), column (\d+)\)$", message)
    if found:
        line, where = found.group(1), f" (column {found.group(2)})"
    else:  # at end of document
        line, where = str(max(1, len(text.splitlines()))), ""
    what = re.sub(r" \(at [^()]*\)$", "", message)
    what = re.sub(r"\((('[^']*',? ?)+)\)", lambda m: "[" + _dotted(m.group(1)) + "]", what)
    return f"{name}:{line}: TOML syntax: {what[:1].lower()}{what[1:]}{where}"


def _dotted(quoted: str) -> str:
    return ".".join(re.findall(r"'([^']*)'", quoted))


_PART = r"""\s*(?:[A-Za-z0-9_-]+|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')\s*"""
_KEY = rf"{_PART}(?:\.{_PART})*"
_ARRAY_HEADER = re.compile(rf"^\s*\[\[({_KEY})\]\]")
_HEADER = re.compile(rf"^\s*\[({_KEY})\]")
_ASSIGN = re.compile(rf"^({_KEY})=(.*)$")
_STRINGS = re.compile(r"""\"\"\".*?\"\"\"|'''.*?'''|"(?:[^"\\]|\\.)*"|'[^']*'""")


def key_lines(text: str) -> dict[KeyPath, int]:
    """The line (1-based) of every table header and key the text writes."""
    lines: dict[KeyPath, int] = {}
    table: KeyPath = ()
    arrays: dict[KeyPath, int] = {}
    skip_until: str | None = None  # the end of a multi-line string or array
    depth = 0
    for number, line in enumerate(text.splitlines(), 1):
        if skip_until is not None:
            if skip_until in line:
                skip_until = None
            continue
        if depth:
            depth += _depth(line)
            continue
        if found := _ARRAY_HEADER.match(line):
            path = _parts(found.group(1))
            arrays[path] = arrays.get(path, -1) + 1
            table = (*path, arrays[path])
            _mark(lines, table, number)
        elif found := _HEADER.match(line):
            table = _parts(found.group(1))
            _mark(lines, table, number)
        elif found := _ASSIGN.match(line):
            _mark(lines, (*table, *_parts(found.group(1))), number)
            value = found.group(2).strip()
            for quotes in ('"""', "'''"):
                if value.startswith(quotes) and quotes not in value[3:]:
                    skip_until = quotes
            if skip_until is None:
                depth = max(0, _depth(value))
    return lines


def _mark(lines: dict[KeyPath, int], path: KeyPath, number: int) -> None:
    for end in range(1, len(path)):
        lines.setdefault(path[:end], number)
    lines[path] = number


def _parts(key: str) -> KeyPath:
    parts = re.findall(r"""[A-Za-z0-9_-]+|"(?:[^"\\\n]|\\.)*"|'[^'\n]*'""", key)
    return tuple(_unquote(p) for p in parts)


def _unquote(part: str) -> str:
    if part.startswith('"'):
        try:
            return str(json.loads(part))
        except json.JSONDecodeError:
            return part[1:-1]
    return part[1:-1] if part.startswith("'") else part


def _depth(value: str) -> int:
    """How many more [ than ] the line opens, outside strings and comments."""
    bare = _STRINGS.sub("", value).split("#", 1)[0]
    return bare.count("[") - bare.count("]")


# ---------------------------------------------------------------- the checks
