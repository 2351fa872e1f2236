"""Record descriptions: a generator's record written once, as data.

A generator of a big table describes its record as ``record = Record({...})``: the keys in order,
each with how its value is drawn or derived, and ``let`` entries naming values that several
fields share. Entries run in the order written, which is also the order of the draws.
``codegen`` compiles the description into the two ways rows are made, ``build`` (the dict: the
reference) and ``rows_json`` (the JSON text of a batch of rows, written directly), which then
take the same draws in the same order because they are compiled from one text.

Expressions are Python source, evaluated in the generator's module with these in scope: the
row (``self``, ``id_``, ``created``, ``updated``, ``parent`` and ``k`` on child tables), ``rng``
for helpers that draw through an ``Rng`` (``title(rng, 3)``), ``w``, ``sizes``, the time
formats ``iso``, ``local``, ``iso_local``, ``day``, the ``lookups`` of the description, the
draw primitives of ``draws`` (``chance(0.3)``, ``randint(1, 9)``, ...) and the ``PRELUDE``
(text helpers and constants every description may use without importing them).

A field's kind says how its value is written as JSON, and so how fast:

=========  =============================================================  ===============
kind       value                                                          JSON
=========  =============================================================  ===============
digits     an int (or a string of digits), served as a string             ``"42"``
plain      a string with nothing to escape (timestamps, ids, ASCII)       ``"..."``
text       any string                                                     escaped
number     an int served as a JSON number                                 ``42``
mixed      anything JSON can hold (strings or numbers, say)               ``encode``
=========  =============================================================  ===============

``null=True`` lets the value be None. A constant (``None``, ``"0"``, ``False``, ``[]``) stands
for itself; ``links``, ``obj`` and ``splice`` write the ``links`` object, a nested object and
the items of a dict. Lets and fields share the dict's keys, so a let takes a name no field
has (``"group_id"`` for the ``"group"`` field); ruff flags a repeated key.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from hashlib import md5
from typing import Any, Literal

from .. import text as words
from ..timefmt import ZERO_DATE, ZERO_DATETIME

Kind = Literal["digits", "plain", "text", "number", "mixed"]
# Names any description reads without importing them: an import used only inside the strings
# would look unused to ruff. The compiled functions get them as fast locals.
PRELUDE: dict[str, Any] = {
    "DAY": 86400,  # seconds (base.DAY)
    "ZERO_DATE": ZERO_DATE,
    "ZERO_DATETIME": ZERO_DATETIME,
    "md5": md5,
    "IP4_LO": words.IP4_LO,
    "IP4_HI": words.IP4_HI,
    "DOMAINS": words.DOMAINS,
    "JOB_TITLES": words.JOB_TITLES,
    "USER_AGENTS": words.USER_AGENTS,
    "ascii_slug": words.ascii_slug,
    "company": words.company,
    "hex_string": words.hex_string,
    "ip4": words.ip4,
    "phone": words.phone,
    "sentence": words.sentence,
    "title": words.title,
}


@dataclass(frozen=True)
class Let:
    """Names a value for later entries; the entry's key is the target (``"first, last"``)."""

    expr: str


@dataclass(frozen=True)
class Field:
    """A value drawn or derived by ``expr``, written as its ``kind`` says."""

    expr: str
    kind: Kind
    null: bool = False


@dataclass(frozen=True)
class Links:
    """The record's ``links``: ``{name: <api>/<table>/<id>/<name>}`` (``World.links``)."""

    names: tuple[str, ...]


@dataclass(frozen=True)
class Obj:
    """A nested object of fields and constants (no lets)."""

    fields: dict[str, Any]


@dataclass(frozen=True)
class Splice:
    """The items of the dict ``expr`` in place (several keys), with ``json`` the same items
    as JSON text (``"a": 1, "b": null``), written faster. Neither may draw."""

    expr: str
    json: str


@dataclass(frozen=True)
class Record:
    """A generator's record: ``fields`` in order (keys to kinds, constants or lets),
    ``lookups`` bound once per batch (``{"names": "self.peer('contacts', ContactGen).names"}``)
    and ``after_json``, a statement run after each row the JSON path writes (memos that
    facets read)."""

    fields: dict[str, Any]
    lookups: dict[str, str] = field(default_factory=dict)
    after_json: str = ""


def let(expr: str) -> Let:
    return Let(expr)


def digits(expr: str, null: bool = False) -> Field:
    return Field(expr, "digits", null)


def plain(expr: str, null: bool = False) -> Field:
    return Field(expr, "plain", null)


def text(expr: str, null: bool = False) -> Field:
    return Field(expr, "text", null)


def number(expr: str, null: bool = False) -> Field:
    return Field(expr, "number", null)


def mixed(expr: str) -> Field:
    return Field(expr, "mixed", True)


def links(*names: str) -> Links:
    return Links(names)


def obj(fields: dict[str, Any]) -> Obj:
    return Obj(fields)


def splice(expr: str, json: str) -> Splice:
    return Splice(expr, json)
