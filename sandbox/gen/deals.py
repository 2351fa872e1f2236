"""Deals and their children: activities, custom field data, secondary contacts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from ..encode import encode, encode_string
from ..rng import Rng, key_hash, key_hashes, unit
from ..text import title
from ..timefmt import ZERO_DATETIME
from .base import ChildGen, Gen, Row, make_room
from .custom_fields import DEAL_FIELDS, FieldDef, field_order, field_order_at, plain_value
from .record import Record, digits, let, links, number, plain, splice, text

DEAL_LINKS = (
    "dealActivities",
    "contact",
    "contactDeals",
    "group",
    "nextTask",
    "notes",
    "account",
    "customerAccount",
    "organization",
    "owner",
    "scoreValues",
    "stage",
    "tasks",
    "dealCustomFieldData",
)
ACTIVITY_LINKS = ("deal", "stage", "user", "automation", "activity")
DATA_TYPES = (("", 2), ("contact", 3), ("note", 2), ("task", 2), ("userid", 1), ("stage", 2))
DATA_ACTIONS = ("add", "update", "delete")
EDATE_OPTIONS = ((ZERO_DATETIME, 2), (None, 4), ("stamp", 4))
CURRENCY_OPTIONS = (("usd", 8), ("eur", 1), ("gbp", 1))
STATUS_OPTIONS = (("0", 60), ("1", 25), ("2", 15))
ODD_TITLE = 'Deal with "quotes" & ünïcode 🚀'
TYPED_KEYS = (
    "custom_field_text_value",
    "custom_field_text_blob",
    "custom_field_date_value",
    "custom_field_number_value",
    "custom_field_currency_value",
    "custom_field_currency_type",
)


def _typed_template(d: FieldDef) -> list[str]:
    """The JSON text of ``typed_values(d, <a string>)``'s items split where the string goes."""
    items = ", ".join([f'"{key}": {encode(v)}' for key, v in typed_values(d, "\x00").items()])
    parts = items.split("\\u0000")
    assert len(parts) == 2
    return parts


def typed_values(d: FieldDef, value: Any) -> Row:
    """The typed columns of a deal custom field value (all null but the field type's)."""
    typed: Row = dict.fromkeys(TYPED_KEYS)
    if d.type == "textarea":
        typed["custom_field_text_blob"] = value
    elif d.type == "date":
        typed["custom_field_date_value"] = f"{value} 00:00:00"
    elif d.type == "number":
        typed["custom_field_number_value"] = value
    elif d.type == "currency":
        typed["custom_field_currency_value"] = value
        typed["custom_field_currency_type"] = (d.currency or "usd").lower()
    else:
        typed["custom_field_text_value"] = value
    return typed


TYPED_TEMPLATES = [_typed_template(d) for d in DEAL_FIELDS]


def typed_json(field_id: int, value: Any) -> str:
    """The JSON text of the items of ``typed_values`` for a deal custom field's value."""
    d = DEAL_FIELDS[(field_id - 1) % len(DEAL_FIELDS)]
    if value.__class__ is str:
        return encode_string(value)[1:-1].join(TYPED_TEMPLATES[(field_id - 1) % len(DEAL_FIELDS)])
    return ", ".join([f'"{key}": {encode(v)}' for key, v in typed_values(d, value).items()])


class DealGen(Gen):
    name = "deals"
    max_lag_days = 90.0
    keep_times = True  # dealActivities and dealCustomFieldData ask for them
    stamps: ClassVar[dict[str, str]] = {"mdate": "iso", "updated_timestamp": "local"}
    touch_field = "title"
    row_draws = 32

    def __init__(self, world: Any, count: int) -> None:
        super().__init__(world, count)
        self._accounts: dict[int, int | None] = {}
        self._money: dict[int, tuple[str, str]] = {}  # (currency, value) of rows_json's rows

    def account_of(self, id_: int) -> int | None:
        if id_ in self._accounts:
            return self._accounts[id_]
        return self._account(id_, key_hash(self.seed, self.code, id_, 3))

    def _account(self, id_: int, h: int) -> int | None:
        return 1 + (h >> 32) % self.w.sizes.accounts if unit(h) < 0.6 else None

    def prepare(self, ids: Sequence[int]) -> None:
        make_room(self._money, len(ids))
        self.fill_hashes(self._accounts, ids, 3, self._account)
        self.w.gens["dealActivities"].prefetch_children(ids)  # for activitycount

    def facet(self, id_: int, field: str) -> Any:
        if field == "account":
            account = self.account_of(id_)
            return str(account) if account else None
        if field in ("currency", "value") and id_ in self._money:  # meta.currencies
            return self._money[id_][field == "value"]
        return super().facet(id_, field)

    def facets(self, field: str, ids: list[int]) -> list[Any]:
        if field != "account":
            return super().facets(field, ids)
        accounts = self.w.sizes.accounts
        return [
            str(1 + (h >> 32) % accounts) if unit(h) < 0.6 else None
            for h in key_hashes((self.seed, self.code), ids, 3)
        ]

    def touched_value(self, row: Row, rng: Rng) -> Any:
        return f"{title(rng, 2)} (updated)"

    record = Record(
        {
            "group_id": let("randint(1, sizes.deal_groups)"),
            "stage_id": let("choice(stages_of(group_id))"),
            "account_id": let("self.account_of(id_)"),
            "has_next": let("chance(0.4)"),
            "win": let("randint(0, 100) if chance(0.6) else None"),
            "edate_kind": let("weighted(EDATE_OPTIONS)"),
            "nexttask": let("randint(1, sizes.deal_tasks) if has_next else None"),
            "iso_created, local_created": let("iso_local(created)"),
            "iso_updated, local_updated": let("iso_local(updated)"),
            "owner": digits("randint(1, sizes.users)"),
            "contact": digits("pick(contacts, self.position(id_))"),
            "organization": None,
            "group": digits("group_id"),
            "stage": digits("stage_id"),
            "title": text("title(rng, 3) if chance(0.9) else ODD_TITLE"),
            "description": text("sentence(rng, 0.3) if chance(0.8) else None", null=True),
            "percent": "0",
            "cdate": plain("iso_created"),
            "mdate": plain("iso_updated"),
            "nextdate": plain(
                "iso(updated + randint(1, 20) * DAY) if has_next else None", null=True
            ),
            "nexttaskid": digits("nexttask or 0"),
            "amount": let("str(randint(0, 50000) * 100)"),
            "value": digits("amount"),
            "currency_code": let("weighted(CURRENCY_OPTIONS)"),
            "currency": plain("currency_code"),
            "winProbability": number("win", null=True),
            "winProbabilityMdate": plain("None if win is None else iso_updated", null=True),
            "status": plain("weighted(STATUS_OPTIONS)"),
            "activitycount": digits("len(activities(id_))"),
            "nextdealid": digits("id_"),
            "edate": plain(
                "local(created + 30 * DAY) if edate_kind == 'stamp' else edate_kind", null=True
            ),
            "links": links(*DEAL_LINKS),
            "id": digits("id_"),
            "isDisabled": False,
            "account": digits("account_id or None", null=True),
            "customerAccount": digits("account_id or None", null=True),
            "hash": plain("hex_string(rng, 8)"),
            "nextTask": digits("nexttask", null=True),
            # live, not in the documented schema (real-responses.md)
            "created_timestamp": plain("local_created"),
            "updated_timestamp": plain("local_updated"),
            "created_by": plain("None if id_ % 4 == 0 else '1'", null=True),
            "updated_by": plain("None if created == updated else '1'", null=True),
        },
        lookups={
            "stages_of": "w.gens['dealStages'].stages_of",
            "activities": "w.gens['dealActivities'].base_children",
            "contacts": "w.gens['contacts'].count",
            "money": "self._money",
        },
        after_json="money[id_] = (currency_code, amount)",  # for meta.currencies (facet)
    )


class DealActivityGen(ChildGen):
    name = "dealActivities"
    parent_table = "deals"
    parent_field = "d_id"
    block_size, per_block, cap = 4, 8, 4
    stamps: ClassVar[dict[str, str]] = {"sortdate": "iso"}
    touch_field = "dataOldval"
    row_draws = 13

    record = Record(
        {
            "data_type": let("weighted(DATA_TYPES)"),
            "user_id": let("randint(1, sizes.users)"),
            "automated": let("chance(0.1)"),
            "iso_created": let("iso(created)"),
            "d_id": digits("parent"),
            "d_stageid": digits("randint(1, 9) if data_type == 'stage' else 0"),
            "userid": digits("user_id"),
            "dataId": digits("randint(1, 5000) if data_type else 0"),
            "dataType": plain("data_type"),
            "dataAction": plain("choice(DATA_ACTIONS)"),
            "dataOldval": text("'' if chance(0.7) else sentence(rng, 0.4)"),
            "cdate": plain("iso_created"),
            "sortdate": plain("iso_created"),
            "isAddtask": plain("'1' if data_type == 'task' else '0'"),
            "deleted": "0",
            "seriesid": "0",
            "links": links(*ACTIVITY_LINKS),
            "id": digits("id_"),
            "deal": digits("parent"),
            "stage": None,
            "user": digits("user_id"),
            "automation": digits("randint(1, 9) if automated else None", null=True),
        }
    )


class DealFieldDataGen(ChildGen):
    """The typed ``dealCustomFieldData`` side-load of ``/deals?include=dealCustomFieldData``."""

    name = "dealCustomFieldData"
    parent_table = "deals"
    parent_field = "deal_id"
    block_size, per_block, cap = 4, 8, 4
    stamps: ClassVar[dict[str, str]] = {"updated_timestamp": "local"}
    row_draws = 6

    def __init__(self, world: Any, parents: int) -> None:
        super().__init__(world, parents)
        self._orders: dict[int, list[int]] = {}

    def order(self, parent: int) -> list[int]:
        """The per-deal order of the custom fields (a permutation of 1..6)."""
        order = self._orders.get(parent)
        return order if order is not None else field_order(self.rng(parent, 7))

    def prepare_children(self, ids: Sequence[int], places: list[tuple[int, int]]) -> None:
        self.fill_raw(self._orders, [parent for parent, _ in places], 7, 6, field_order_at)

    def touch(self, row: Row, rng: Rng, at: int) -> None:
        super().touch(row, rng, at)
        row.update(self._typed(int(row["custom_field_id"]), rng, at))
        row["updated_by"] = "1"

    def _typed(self, field_id: int, rng: Rng, moment: int) -> Row:
        d = DEAL_FIELDS[(field_id - 1) % len(DEAL_FIELDS)]
        return typed_values(d, plain_value(d, rng, self.fmt.day, moment))

    record = Record(
        {
            "field_id": let("self.order(parent)[k % 6]"),
            "field_value": let(
                "plain_value(DEAL_FIELDS[(field_id - 1) % len(DEAL_FIELDS)], rng, day, created)"
            ),
            "id": digits("id_"),
            "deal_id": digits("parent"),
            "custom_field_id": digits("field_id"),
            "typed": splice(
                "typed_values(DEAL_FIELDS[(field_id - 1) % len(DEAL_FIELDS)], field_value)",
                json="typed_json(field_id, field_value)",
            ),
            "dealCustomFieldMetum": digits("field_id"),
            "created_timestamp": plain("local(created)"),
            "updated_timestamp": plain("local(updated)"),
            "created_by": "1",
            "updated_by": plain("None if created == updated else '1'", null=True),
            "deal": digits("parent"),
            "links": links("deal", "dealCustomFieldMetum"),
        }
    )


def deal_field_list_row(row: Row) -> Row:
    """A typed ``dealCustomFieldData`` side-load row in the shape of the documented flat list
    ``GET /dealCustomFieldData``: camelCase, the meta and deal ids as JSON numbers (OpenAPI
    example), plus the undocumented ``originalValue`` live lists carry (real-responses.md;
    its meaning is not known: the sandbox repeats ``fieldValue`` in it)."""
    field_id = int(row["custom_field_id"])
    d = DEAL_FIELDS[(field_id - 1) % len(DEAL_FIELDS)]
    value = next((row[key] for key in TYPED_KEYS[:-1] if row[key] is not None), None)
    if d.type == "date" and isinstance(value, str):
        value = value[:10]  # the typed column holds "YYYY-MM-DD 00:00:00"
    out: Row = {
        "id": row["id"],
        "dealCustomFieldMetumId": field_id,
        "dealId": int(row["deal_id"]),
        "customFieldId": field_id,
        "createdTimestamp": row["created_timestamp"],
        "updatedTimestamp": row["updated_timestamp"],
        "fieldValue": value,
    }
    if row["custom_field_currency_type"]:
        out["fieldCurrency"] = row["custom_field_currency_type"]
    out["originalValue"] = value
    out["links"] = row["links"]
    return out


class ContactDealGen(Gen):
    """Secondary contacts of deals (``/contactDeals``)."""

    name = "contactDeals"
    stamps: ClassVar[dict[str, str]] = {"updated_timestamp": "local"}
    touch_field = "role"
    row_draws = 7

    def touched_value(self, row: Row, rng: Rng) -> Any:
        return str(rng.randint(1, 3))

    record = Record(
        {
            "position": let("self.position(id_)"),
            "iso_created, local_created": let("iso_local(created)"),
            "deal": digits("pick(deals, position)"),
            "contact": digits("pick(contacts, position)"),
            "role": digits("randint(1, 3) if chance(0.7) else None", null=True),
            "cdate": plain("iso_created"),
            "created_timestamp": plain("local_created"),
            "updated_timestamp": plain("local(updated)"),
            "created_by": "1",
            "updated_by": None,
            "links": links("deal", "contact"),
            "id": digits("id_"),
        },
        lookups={"deals": "w.gens['deals'].count", "contacts": "w.gens['contacts'].count"},
    )
