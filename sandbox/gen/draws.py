"""The draw primitives of record descriptions, rewritten into arithmetic on raw draws.

A record description (``record``) draws with ``chance(p)``, ``randint(lo, hi)``, ``choice(seq)``,
``weighted(options)``, ``random()`` and ``bits()``, which take the same draws as the ``Rng``
methods of those names, plus shorthands the generators share: ``flag(p)`` ("1" or "0"),
``pick(count, position)`` (``Gen.pick``: an id among the first ``position`` of ``count``),
``spare(value)`` (one draw thrown away, then ``value``) and ``bits(n)`` (``n`` draws at once).

``rewrite`` turns each into arithmetic on ``_next(_it)``, where ``_it`` iterates over the row's
raw draws (``Rng.bits``), as ``rng.py`` lists the equivalences. Python evaluates left to right
(and the condition of ``a if c else b`` first), so the draws happen in the order the
description writes them, in ``build`` and in the JSON writer alike. Helpers that draw through
an ``Rng`` (``title(rng, 3)``) get ``rng``, which reads the same iterator.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Mapping
from typing import Any

from ..rng import UNIT, threshold, weight_total

DRAW = "_next(_it)"  # one raw draw
DRAWING = frozenset({"_it", "rng"})  # names whose presence in an expression means it draws
PRIMITIVES = frozenset(
    {"bits", "random", "chance", "flag", "randint", "choice", "weighted", "pick", "spare"}
)


class DescriptionError(ValueError):
    """A record description that cannot be compiled (said at import, with the expression)."""


def parse_expression(src: str) -> ast.Expression:
    """``ast.parse`` of an expression, a syntax error said as a description's."""
    try:
        return ast.parse(src.strip(), mode="eval")
    except SyntaxError as exc:
        raise DescriptionError(f"{src!r}: {exc.msg}") from None


def parse_statement(src: str) -> ast.stmt:
    """``ast.parse`` of one statement, a syntax error said as a description's."""
    try:
        body = ast.parse(src.strip()).body
    except SyntaxError as exc:
        raise DescriptionError(f"{src!r}: {exc.msg}") from None
    if len(body) != 1:
        raise DescriptionError(f"{src!r}: one statement")
    return body[0]


def draws_in(node: ast.AST) -> bool:
    """Whether an (already rewritten) expression takes draws."""
    return any(isinstance(n, ast.Name) and n.id in DRAWING for n in ast.walk(node))


class Rewriter(ast.NodeTransformer):
    """Rewrites the primitives of expressions of one compiled function.

    ``module`` is the generator's module namespace: a ``weighted`` of a constant there gets
    its total once. ``fresh`` names the temporaries that keep an argument used twice from
    being evaluated twice.
    """

    def __init__(self, module: Mapping[str, Any], fresh: Callable[[], str]) -> None:
        self.module = module
        self.fresh = fresh
        self.expr = ""

    def rewrite(self, expr: str) -> ast.expr:
        self.expr = expr
        tree = parse_expression(expr)
        if any(isinstance(node, ast.NamedExpr) for node in ast.walk(tree)):
            raise self.fail("name values with a let, not with :=")
        rewritten = self.visit(tree)
        assert isinstance(rewritten, ast.Expression)
        return ast.fix_missing_locations(rewritten).body

    def fail(self, why: str) -> DescriptionError:
        return DescriptionError(f"{self.expr!r}: {why}")

    # draws in a generator expression or a lambda run later, or not at all
    def visit_GeneratorExp(self, node: ast.GeneratorExp) -> ast.AST:
        return self._no_deferred_draws(node)

    def visit_Lambda(self, node: ast.Lambda) -> ast.AST:
        return self._no_deferred_draws(node)

    def _no_deferred_draws(self, node: ast.expr) -> ast.AST:
        self.generic_visit(node)
        if draws_in(node):
            raise self.fail("no draws in a generator expression or a lambda")
        return node

    def visit_Call(self, node: ast.Call) -> ast.AST:
        self.generic_visit(node)
        func = node.func
        if not (isinstance(func, ast.Name) and func.id in PRIMITIVES):
            return node
        if node.keywords or any(isinstance(arg, ast.Starred) for arg in node.args):
            raise self.fail(f"{func.id}() takes plain positional arguments")
        if any(draws_in(arg) for arg in node.args):
            raise self.fail(f"the arguments of {func.id}() draw: bind them to a let first")
        try:
            code = getattr(self, "_" + func.id)(*node.args)
        except TypeError:
            raise self.fail(f"wrong arguments to {func.id}()") from None
        return ast.parse(code, mode="eval").body

    # -- one method per primitive: its source on the arguments' nodes ------------------------
    def _bits(self, *count: ast.expr) -> str:
        if not count:
            return DRAW
        n = _constant(count[0])
        if not isinstance(n, int) or len(count) > 1:
            raise TypeError
        return "(" + ", ".join([DRAW] * n) + ",)"

    def _random(self) -> str:
        return f"(({DRAW} >> 11) * {UNIT!r})"

    def _chance(self, p: ast.expr) -> str:
        value = _constant(p)
        if isinstance(value, float | int):
            return f"({DRAW} >> 11 < {threshold(value)!r})"
        return f"(({DRAW} >> 11) * {UNIT!r} < ({_src(p)}))"

    def _flag(self, p: ast.expr) -> str:
        return f"('1' if {self._chance(p)} else '0')"

    def _randint(self, lo: ast.expr, hi: ast.expr) -> str:
        low = _constant(lo)
        if low == 0:
            return f"({DRAW} % (({_src(hi)}) + 1))"
        if low == 1:
            return f"(1 + {DRAW} % ({_src(hi)}))"
        first, again = self._twice(lo)
        return f"({first} + {DRAW} % (({_src(hi)}) - {again} + 1))"

    def _choice(self, seq: ast.expr) -> str:
        first, again = self._twice(seq)
        return f"{first}[{DRAW} % len({again})]"

    def _weighted(self, options: ast.expr) -> str:
        known = self.module.get(options.id) if isinstance(options, ast.Name) else None
        total = f", {weight_total(known)!r}" if isinstance(known, tuple) else ""
        return f"_weighted(({DRAW} >> 11) * {UNIT!r}, {_src(options)}{total})"

    def _pick(self, count: ast.expr, position: ast.expr) -> str:
        first, again = self._twice(count)
        return f"(1 + {DRAW} % max(1, min({first}, int({again} * ({_src(position)})))))"

    def _spare(self, value: ast.expr) -> str:
        return f"({DRAW}, {_src(value)})[1]"

    def _twice(self, node: ast.expr) -> tuple[str, str]:
        """An argument written twice: as is when plain, else bound where it is first used."""
        if isinstance(node, ast.Name | ast.Constant | ast.Attribute):
            return f"({_src(node)})", f"({_src(node)})"
        name = self.fresh()
        return f"({name} := {_src(node)})", name


def _constant(node: ast.expr) -> Any:
    """The value of a literal (``-0.5`` included), else None."""
    try:
        return ast.literal_eval(node)
    except ValueError:
        return None


def _src(node: ast.expr) -> str:
    return ast.unparse(node)
