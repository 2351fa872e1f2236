"""Compiles a record description (``record.Record``) into a generator's two row makers.

``build(self, id_, rng, created, updated, parent, k)`` runs the description's statements on
``_it = iter(rng.bits, None)`` and returns the record as a dict: the reference.

``rows_json(self, ids)`` takes a batch's draws (``Gen.draw_batch``: ``row_draws`` per row, the
times first), runs the same statements on each row's share and writes the JSON text with one
f-string that holds the keys and constants as text: the pages of the big tables are written
this way. A row whose draws run past its share falls back to ``build`` (``json_fallback``).

Both are generated as Python source once per generator class (``source`` shows it) from the
same statements, so they take the same draws in the same order; tests/test_sandbox.py checks
that the text is ``encode(build(...))`` on every table and pins the bytes of some pages.
"""

from __future__ import annotations

import ast
import json
import linecache
import re
from collections.abc import Callable, Mapping
from typing import Any

from ..encode import encode, encode_string
from ..rng import Feed, weighted_at
from .draws import DescriptionError, Rewriter, draws_in, parse_expression, parse_statement
from .record import PRELUDE, Field, Let, Links, Obj, Record, Splice

# what a description's expressions may read besides the module's names
ROW_NAMES = frozenset({"self", "id_", "rng", "created", "updated", "parent", "k"})
STANDARD = {
    "w": "self.w",
    "sizes": "self.w.sizes",
    "fmt": "self.fmt",
    "iso": "self.fmt.iso",
    "local": "self.fmt.local",
    "iso_local": "self.fmt.iso_local",
    "day": "self.fmt.day",
}
# the generated functions' own names: keyword-only defaults (fast locals), temporaries
HELPERS: dict[str, Any] = {
    "_next": next,
    "_iter": iter,
    "_weighted": weighted_at,
    "_string": encode_string,
    "_encode": encode,
    "_null": "null",
    "_Feed": Feed,
}
_TEMP = re.compile(r"_[a-z]\d+$")
_CONSTANTS = (type(None), bool, int, str, list, dict)

BUILD = """\
def build(self, id_, rng, created, updated, parent, k, *, {helpers}):
    _it = _iter(rng.bits, None)
{prologue}{body}    return {record}
"""
LOOP = """\
    parent, k = None, 0
    for id_, (created, updated, _n) in zip(ids, _stamps, strict=True):"""
CHILD_LOOP = """\
    for id_, (parent, k), (created, updated, _n) in zip(ids, _places, _stamps, strict=True):"""
ROWS_JSON = """\
def rows_json(self, ids, *, {helpers}):
    _vals, _places, _stamps = self.draw_batch(ids)
    _planned = self.row_draws
{prologue}{setup}    _out = []
    _append = _out.append
    _end = 0
{loop}
        _end += _planned
        _it = _iter(_vals[_n:_end])
{feed}        try:
{body}        except (StopIteration, IndexError):  # the row ran past its share of the draws
            _append(self.json_fallback(id_))
            continue
{texts}        _append({text})
{after}    return _out
"""


class _Text(str):
    """A name in the JSON f-string (other pieces are literal text)."""


class Compiler:
    """Turns one description into the statements and displays of both functions."""

    def __init__(self, record: Record, module: Mapping[str, Any]) -> None:
        clash = [n for n, v in PRELUDE.items() if n in module and module[n] is not v]
        if clash:
            raise DescriptionError(f"the module rebinds {', '.join(clash)} of the prelude")
        self.module = module
        self.temps = 0
        self.rewriter = Rewriter(module, lambda: self.temp("s"))
        self.read: set[str] = set()  # names the expressions read
        self.bound: set[str] = set(ROW_NAMES) | set(STANDARD)
        self.claim(list(record.lookups), "lookups")
        self.body: list[str] = []  # both functions: lets and field values, in draw order
        self.setup: list[str] = []  # rows_json, once per batch (links templates)
        self.texts: list[str] = []  # rows_json, per row: values to JSON text (no draws)
        self.lookups = [f"{name} = {self.no_draws(e)}" for name, e in record.lookups.items()]
        self.record, self.pieces = self.fields(record.fields, top=True)
        self.after = self.statement(record.after_json) if record.after_json else ""

    def temp(self, kind: str) -> str:
        self.temps += 1
        return f"_{kind}{self.temps}"

    # -- expressions -----------------------------------------------------------------------------
    def expr(self, src: str) -> ast.expr:
        for node in ast.walk(parse_expression(src)):
            if isinstance(node, ast.Name) and (node.id in HELPERS or _TEMP.match(node.id)):
                raise DescriptionError(f"{src!r}: {node.id} is a name of the generated code")
        node = self.rewriter.rewrite(src)
        self.read.update(n.id for n in ast.walk(node) if isinstance(n, ast.Name))
        return node

    def no_draws(self, src: str) -> str:
        node = self.expr(src)
        if draws_in(node):
            raise DescriptionError(f"{src!r}: draws here would differ between the two paths")
        return ast.unparse(node)

    def statement(self, src: str) -> str:
        tree = parse_statement(src)
        if draws_in(tree):
            raise DescriptionError(f"{src!r}: after_json may not draw")
        self.read.update(n.id for n in ast.walk(tree) if isinstance(n, ast.Name))
        return ast.unparse(tree)

    # -- entries ---------------------------------------------------------------------------------
    def claim(self, names: list[str], what: str) -> None:
        """Bind new local names: each once, none that already means something (a let read
        by a field is read where the record is written, so it must not change)."""
        taken = [
            n
            for n in names
            if n in self.bound or n in self.module or n in PRELUDE or n in HELPERS or _TEMP.match(n)
        ]
        if taken:
            raise DescriptionError(f"{what}: {', '.join(taken)} already has a meaning")
        self.bound.update(names)

    def let(self, target: str, src: str) -> None:
        tree = parse_statement(f"{target} = None")
        if not isinstance(tree, ast.Assign) or len(tree.targets) != 1:
            raise DescriptionError(f"let {target!r}: not a target")
        self.claim(
            [n.id for n in ast.walk(tree.targets[0]) if isinstance(n, ast.Name)], f"let {target!r}"
        )
        self.body.append(f"{target} = {ast.unparse(self.expr(src))}")

    def fields(self, fields: Mapping[str, Any], top: bool) -> tuple[str, list[str]]:
        """The dict display of ``fields`` and its JSON text as pieces."""
        items: list[str] = []
        pieces: list[str] = []
        for key, spec in fields.items():
            sep = ", " if items else "{"
            if isinstance(spec, Let):
                if not top:
                    raise DescriptionError(f"let {key!r}: lets go at the top of a record")
                self.let(key, spec.expr)
            elif isinstance(spec, Splice):
                items.append(f"**{self.no_draws(spec.expr)}")
                pieces += [sep, self.text(self.no_draws(spec.json))]
            else:
                value, text = self.field(spec)
                items.append(f"{key!r}: {value}")
                pieces += [f"{sep}{encode_string(key)}: ", *text]
        pieces.append("}" if items else "{}")
        return "{" + ", ".join(items) + "}", pieces

    def field(self, spec: Any) -> tuple[str, list[str]]:
        """(the dict value, the JSON pieces) of one field."""
        if isinstance(spec, Field):
            return self.value(spec)
        if isinstance(spec, Links):
            self.read.add("w")
            template = self.temp("l")
            self.setup.append(f"{template} = w.links_template(self.name, {spec.names!r})")
            return f"w.links(self.name, id_, {spec.names!r})", [
                self.text(f"str(id_).join({template})")
            ]
        if isinstance(spec, Obj):
            return self.fields(spec.fields, top=False)
        if spec.__class__ not in _CONSTANTS or (spec.__class__ in (list, dict) and spec):
            raise DescriptionError(f"{spec!r}: not a field, a constant or an empty list/dict")
        return repr(spec), [json.dumps(spec, ensure_ascii=False)]

    def value(self, spec: Field) -> tuple[str, list[str]]:
        node = self.expr(spec.expr)
        if isinstance(node, ast.Name):
            v = node.id  # a let: read it where the record is written
        else:
            v = self.temp("v")
            self.body.append(f"{v} = {ast.unparse(node)}")
        quoted = spec.kind in ("digits", "plain")
        as_dict = f"str({v})" if spec.kind == "digits" else v
        if spec.null and spec.kind == "digits":
            as_dict = f"None if {v} is None else {as_dict}"
        if quoted and not spec.null:
            return as_dict, ['"', _Text(v), '"']
        if spec.kind == "number" and not spec.null:
            return as_dict, [_Text(v)]
        written = {
            "digits": f"f'\"{{{v}}}\"'",
            "plain": f"f'\"{{{v}}}\"'",
            "text": f"_string({v})",
            "number": f"str({v})",
            "mixed": f"_encode({v})",
        }[spec.kind]
        if spec.null and spec.kind != "mixed":
            written = f"_null if {v} is None else {written}"
        return as_dict, [self.text(written)]

    def text(self, expr: str) -> _Text:
        name = self.temp("j")
        self.texts.append(f"{name} = {expr}")
        return _Text(name)

    # -- the functions ---------------------------------------------------------------------------
    def helpers(self) -> str:
        """The keyword-only defaults: the generated code's helpers and the prelude it reads."""
        names = [*HELPERS, *(name for name in PRELUDE if name in self.read)]
        return ", ".join(f"{name}={name}" for name in names)

    def prologue(self) -> list[str]:
        standard = [f"{name} = {src}" for name, src in STANDARD.items() if name in self.read]
        return standard + self.lookups

    def fstring(self) -> str:
        template = [
            "{" + piece + "}"
            if isinstance(piece, _Text)
            else piece.replace("{", "{{").replace("}", "}}")
            for piece in self.pieces
        ]
        return "f" + repr("".join(template))

    def build_source(self) -> str:
        return BUILD.format(
            helpers=self.helpers(),
            prologue=_lines(self.prologue(), 4),
            body=_lines(self.body, 4),
            record=self.record,
        )

    def rows_json_source(self, child: bool) -> str:
        feed = "rng" in self.read
        return ROWS_JSON.format(
            loop=CHILD_LOOP if child else LOOP,
            helpers=self.helpers(),
            prologue=_lines(self.prologue(), 4),
            setup=_lines(self.setup + (["rng = _Feed()"] if feed else []), 4),
            feed=_lines(["rng.it = _it"] if feed else [], 8),
            body=_lines(self.body or ["pass"], 12),
            texts=_lines(self.texts, 8),
            text=self.fstring(),
            after=_lines([self.after] if self.after else [], 8),
        )


def _lines(statements: list[str], indent: int) -> str:
    pad = " " * indent
    return "".join(pad + line + "\n" for s in statements for line in s.splitlines())


def source(record: Record, module: Mapping[str, Any], child: bool = False) -> str:
    """The generated source of both functions (for reading and debugging)."""
    compiler = Compiler(record, module)
    return compiler.build_source() + "\n\n" + compiler.rows_json_source(child)


def compile_record(
    record: Record, module: dict[str, Any], child: bool, where: str
) -> tuple[Callable[..., Any], Callable[..., Any]]:
    """``build`` and ``rows_json`` of a description; ``module`` is the generator's module
    namespace (the generated code's globals), ``child`` says whether the rows have parents
    (``Gen.draw_batch``), ``where`` names the class in tracebacks."""
    compiler = Compiler(record, module)
    made: dict[str, Any] = {**HELPERS, **PRELUDE}
    for name, text in (
        ("build", compiler.build_source()),
        ("rows_json", compiler.rows_json_source(child)),
    ):
        filename = f"<record {where}.{name}>"
        linecache.cache[filename] = (len(text), None, text.splitlines(True), filename)
        exec(compile(text, filename, "exec"), module, made)  # noqa: S102
    return made["build"], made["rows_json"]
