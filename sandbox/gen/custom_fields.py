"""Account and deal custom fields: the camelCase meta records (JSON numbers) and their values."""

from __future__ import annotations

from typing import Any, ClassVar, NamedTuple

from ..rng import Rng
from ..text import AWKWARD_TEXTS, WORDS, sentence
from .base import DAY, Gen, Row


class FieldDef(NamedTuple):
    label: str
    type: str
    options: tuple[str, ...] | None
    default: Any
    currency: str | None


ACCOUNT_FIELDS = (
    FieldDef(
        "Industry", "dropdown", ("SaaS", "Retail", "Manufacturing", "Non-profit"), "SaaS", None
    ),
    FieldDef("Annual revenue", "currency", None, None, "USD"),
    FieldDef("Regions", "multiselect", ("EMEA", "APAC", "AMER"), None, None),
    FieldDef("Renewal date", "date", None, None, None),
    FieldDef("Employees", "number", None, 1, None),
    FieldDef("Account notes", "textarea", None, "", None),
)
DEAL_FIELDS = (
    FieldDef("Contract type", "dropdown", ("Monthly", "Annual", "Multi-year"), "Annual", None),
    FieldDef("Close reason", "text", None, None, None),
    FieldDef("Expected start", "date", None, None, None),
    FieldDef("Seats", "number", None, 1, None),
    FieldDef("ARR", "currency", None, None, "EUR"),
    FieldDef("Internal notes", "textarea", None, "", None),
)


class CustomFieldMetaGen(Gen):
    """``accountCustomFieldMeta`` / ``dealCustomFieldMeta``: ids and flags are JSON numbers."""

    defs: ClassVar[tuple[FieldDef, ...]]
    data_link: ClassVar[str]
    span = 0.1
    stamps: ClassVar[dict[str, str]] = {"updatedTimestamp": "local"}
    touch_field = "fieldLabel"

    def field_def(self, id_: int) -> FieldDef:
        return self.defs[(id_ - 1) % len(self.defs)]

    def touched_value(self, row: Row, rng: Rng) -> Any:
        return f"{self.field_def(int(row['id'])).label} (renamed {rng.randint(1, 99)})"

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        d = self.field_def(id_)
        return {
            "id": id_,
            "fieldLabel": d.label,
            "fieldType": d.type,
            "fieldOptions": list(d.options) if d.options else None,
            "fieldDefault": d.default,
            "fieldDefaultCurrency": d.currency,
            "isFormVisible": 1 if id_ % 2 else 0,
            "isRequired": 1 if id_ == 1 else 0,
            "displayOrder": id_,
            "personalization": f"%{d.label.upper().replace(' ', '_')}%",
            "knownFieldId": None,
            "hideFieldFlag": 1 if id_ == 6 else 0,
            "createdBy": 1,
            "updatedBy": 1 if created != updated else None,
            "createdTimestamp": self.fmt.local(created),
            "updatedTimestamp": self.fmt.local(updated),
            "links": self.w.links(self.name, id_, (self.data_link,)),
        }


class AccountFieldMetaGen(CustomFieldMetaGen):
    name = "accountCustomFieldMeta"
    defs = ACCOUNT_FIELDS
    data_link = "accountCustomFieldData"


class DealFieldMetaGen(CustomFieldMetaGen):
    name = "dealCustomFieldMeta"
    defs = DEAL_FIELDS
    data_link = "dealCustomFieldData"


def field_order(rng: Rng) -> list[int]:
    """The order in which a record's custom fields (ids 1..6) get values."""
    return rng.sample(range(1, 7), 6)


def field_order_at(vals: list[int], n: int) -> list[int]:
    """``field_order`` from raw draws ``vals[n:n + 6]`` (``Rng.sample``'s Fisher-Yates)."""
    pool = [1, 2, 3, 4, 5, 6]
    for i in range(6):
        j = i + vals[n + i] % (6 - i)
        pool[i], pool[j] = pool[j], pool[i]
    return pool


def plain_value(d: FieldDef, rng: Rng, fmt_day: Any, moment: int) -> Any:
    """A value in the account ``fieldValue`` style: strings, cents, ``||a||b||`` or an array."""
    if d.options and d.type == "multiselect":
        picked = rng.sample(d.options, rng.randint(1, len(d.options)))
        return picked if rng.chance(0.5) else "||" + "||".join(picked) + "||"
    if d.options:
        return rng.choice(d.options)
    if d.type == "currency":
        return str(rng.randint(100, 5_000_000) * 100)
    if d.type == "date":
        return fmt_day(moment + rng.randint(0, 400) * DAY)
    if d.type == "number":
        return str(rng.randint(1, 5000))
    if d.type == "textarea":
        return rng.choice(AWKWARD_TEXTS) if rng.chance(0.4) else sentence(rng)
    return " ".join(rng.sample(WORDS, 2))
