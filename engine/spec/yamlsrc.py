"""Load YAML keeping the line of every key, so each problem can be reported as file:line."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from engine.errors import SpecError

KeyPath = tuple[str | int, ...]


@dataclass
class Located:
    """A parsed YAML document and where each key path sits in its file."""

    path: str
    data: Any
    lines: dict[KeyPath, int] = field(default_factory=dict)

    def line(self, keypath: KeyPath) -> int:
        """Line of the deepest existing prefix of keypath (1-based)."""
        for end in range(len(keypath), -1, -1):
            if keypath[:end] in self.lines:
                return self.lines[keypath[:end]]
        return 1

    def where(self, keypath: KeyPath) -> str:
        dotted = ".".join(str(k) for k in keypath) or "(top)"
        return f"{self.path}:{self.line(keypath)}: {dotted}"


def load_yaml(path: str | Path) -> Located:
    """Read a YAML file; duplicate keys and syntax errors become SpecErrors with file:line."""
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SpecError([f"{name}: no such file"]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SpecError([f"{name}: cannot read: {exc}"]) from None
    return parse_yaml(text, name)


# libyaml when PyYAML was built with it (5x faster on the shipped spec); marks are the same
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str, name: str = "<spec>") -> Located:
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise SpecError([f"{name}:1: the file is empty"])
        located = Located(name, None)
        problems: list[str] = []
        _index(node, (), located.lines, problems, name)
        if problems:
            raise SpecError(problems)
        located.data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise SpecError([f"{name}:{line}: YAML syntax: {exc.problem or exc.context}"]) from None
    except yaml.YAMLError as exc:
        raise SpecError([f"{name}: YAML: {exc}"]) from None
    finally:
        loader.dispose()
    return located


def _index(node: yaml.Node, path: KeyPath, lines: dict, problems: list[str], name: str) -> None:
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in seen:
                dotted = ".".join(str(k) for k in (*path, key))
                problems.append(f"{name}:{key_node.start_mark.line + 1}: {dotted}: duplicate key")
            seen.add(key)
            lines[(*path, key)] = key_node.start_mark.line + 1
            _index(value_node, (*path, key), lines, problems, name)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _index(item, (*path, i), lines, problems, name)
