"""Deals and their children: activities, custom field data, secondary contacts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from ..encode import encode, encode_string
from ..rng import (
    UNIT,
    Cursor,
    Rng,
    key_hash,
    key_hashes,
    threshold,
    unit,
    weight_total,
    weighted_at,
)
from ..text import hex_string, sentence, title
from ..timefmt import ZERO_DATETIME
from .base import DAY, ChildGen, Gen, Row, make_room
from .custom_fields import DEAL_FIELDS, FieldDef, field_order, field_order_at, plain_value
from .pipelines import DealStageGen

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
HEX = "0123456789abcdef"  # text.hex_string's digits
TOTALS = tuple(map(weight_total, (EDATE_OPTIONS, CURRENCY_OPTIONS, STATUS_OPTIONS, DATA_TYPES)))
TYPED_KEYS = (
    "custom_field_text_value",
    "custom_field_text_blob",
    "custom_field_date_value",
    "custom_field_number_value",
    "custom_field_currency_value",
    "custom_field_currency_type",
)
# JSON fast paths (``rows_json``): chance(p) as bits >> 11 < T
NULL, ONE = "null", '"1"'
T10, T30, T40, T60, T70, T80, T90 = map(threshold, (0.1, 0.3, 0.4, 0.6, 0.7, 0.8, 0.9))


def _typed_json(d: FieldDef) -> list[str]:
    """The JSON text of ``_typed_values(d, <a string>)``'s items split where the string goes."""
    text = ", ".join([f'"{key}": {encode(v)}' for key, v in _typed_values(d, "\x00").items()])
    parts = text.split("\\u0000")
    assert len(parts) == 2
    return parts


def _typed_values(d: FieldDef, value: Any) -> Row:
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


TYPED_JSON = [_typed_json(d) for d in DEAL_FIELDS]


class DealGen(Gen):
    name = "deals"
    max_lag_days = 90.0
    stamps: ClassVar[dict[str, str]] = {"mdate": "iso", "updated_timestamp": "local"}
    touch_field = "title"
    row_draws = 32

    def __init__(self, world: Any, count: int) -> None:
        super().__init__(world, count)
        self._accounts: dict[int, int | None] = {}
        self._money: dict[int, tuple[str, str]] = {}  # (currency, value) of rows written

    def account_of(self, id_: int) -> int | None:
        if id_ in self._accounts:
            return self._accounts[id_]
        return self._account(id_, key_hash(self.seed, self.code, id_, 3))

    def _account(self, id_: int, h: int) -> int | None:
        return 1 + (h >> 32) % self.w.sizes.accounts if unit(h) < 0.6 else None

    def prepare(self, ids: Sequence[int]) -> None:
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

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        f = self.fmt
        group = rng.randint(1, self.w.sizes.deal_groups)
        stage = rng.choice(self.peer("dealStages", DealStageGen).stages_of(group))
        account = self.account_of(id_)
        has_next = rng.chance(0.4)
        win = rng.randint(0, 100) if rng.chance(0.6) else None
        edate = rng.weighted(EDATE_OPTIONS)
        nexttask = str(rng.randint(1, self.w.sizes.deal_tasks)) if has_next else None
        return {
            "owner": str(rng.randint(1, self.w.sizes.users)),
            "contact": str(self.pick(rng, "contacts", self.position(id_))),
            "organization": None,
            "group": str(group),
            "stage": str(stage),
            "title": title(rng, 3) if rng.chance(0.9) else ODD_TITLE,
            "description": sentence(rng, 0.3) if rng.chance(0.8) else None,
            "percent": "0",
            "cdate": f.iso(created),
            "mdate": f.iso(updated),
            "nextdate": f.iso(updated + rng.randint(1, 20) * DAY) if has_next else None,
            "nexttaskid": nexttask or "0",
            "value": str(rng.randint(0, 50000) * 100),
            "currency": rng.weighted(CURRENCY_OPTIONS),
            "winProbability": win,
            "winProbabilityMdate": f.iso(updated) if win is not None else None,
            "status": rng.weighted(STATUS_OPTIONS),
            "activitycount": str(len(self.w.gens["dealActivities"].base_children(id_))),
            "nextdealid": str(id_),
            "edate": f.local(created + 30 * DAY) if edate == "stamp" else edate,
            "links": self.w.links("deals", id_, DEAL_LINKS),
            "id": str(id_),
            "isDisabled": False,
            "account": str(account) if account else None,
            "customerAccount": str(account) if account else None,
            "hash": hex_string(rng, 8),
            "nextTask": nexttask,
            # live, not in the documented schema (real-responses.md)
            "created_timestamp": f.local(created),
            "updated_timestamp": f.local(updated),
            "created_by": None if id_ % 4 == 0 else "1",
            "updated_by": None if created == updated else "1",
        }

    def rows_json(self, ids: Sequence[int]) -> list[str]:
        """The JSON text of ``build`` for base ids, written directly (same draws, same bytes)."""
        planned = self.row_draws
        money = self._money
        make_room(money, len(ids))
        self.prepare(ids)
        vals = self.draws_for(ids, 0, planned)
        stamps = self.times_from(ids, vals, planned, remember=True)  # children ask for them
        cursor = Cursor(vals)
        f, w, sizes = self.fmt, self.w, self.w.sizes
        iso, local, iso_local = f.iso, f.local, f.iso_local
        stages_of = self.peer("dealStages", DealStageGen).stages_of
        activities = w.gens["dealActivities"].base_children
        contacts = w.gens["contacts"].count
        accounts = self._accounts
        string = encode_string
        links = self.w.links_template("deals", DEAL_LINKS)
        out = []
        for j, (id_, (created, updated, n)) in enumerate(zip(ids, stamps, strict=True)):
            try:
                group = 1 + vals[n] % sizes.deal_groups
                stages = stages_of(group)
                stage = stages[vals[n + 1] % len(stages)]
                account = accounts[id_] if id_ in accounts else self.account_of(id_)
                has_next = vals[n + 2] >> 11 < T40
                if vals[n + 3] >> 11 < T60:
                    win, n = vals[n + 4] % 101, n + 5
                else:
                    win, n = None, n + 4
                edate = weighted_at((vals[n] >> 11) * UNIT, EDATE_OPTIONS, TOTALS[0])
                n += 1
                if has_next:
                    nexttask, n = str(1 + vals[n] % sizes.deal_tasks), n + 1
                else:
                    nexttask = None
                owner = 1 + vals[n] % sizes.users
                upto = max(1, min(contacts, int(contacts * self.position(id_))))
                contact = 1 + vals[n + 1] % upto
                if vals[n + 2] >> 11 < T90:
                    cursor.at = n + 3
                    title_ = title(cursor, 3)
                    n = cursor.at
                else:
                    title_, n = ODD_TITLE, n + 3
                if vals[n] >> 11 < T80:
                    cursor.at = n + 1
                    description = string(sentence(cursor, 0.3))
                    n = cursor.at
                else:
                    description, n = NULL, n + 1
                if has_next:
                    nextdate, n = f'"{iso(updated + (1 + vals[n] % 20) * DAY)}"', n + 1
                else:
                    nextdate = NULL
                value = str((vals[n] % 50001) * 100)
                currency = weighted_at((vals[n + 1] >> 11) * UNIT, CURRENCY_OPTIONS, TOTALS[1])
                status = weighted_at((vals[n + 2] >> 11) * UNIT, STATUS_OPTIONS, TOTALS[2])
                n += 3
                hash_ = "".join([HEX[vals[i] & 15] for i in range(n, n + 8)])
                if n + 8 - j * planned > planned:
                    raise IndexError(id_)
            except IndexError:
                out.append(self.json_fallback(id_))
                continue
            money[id_] = (currency, value)
            stamp = string(local(created + 30 * DAY)) if edate == "stamp" else None
            mdate, ustamp = iso_local(updated)
            cdate, cstamp = iso_local(created)
            account_ = NULL if not account else f'"{account}"'
            out.append(
                f'{{"owner": "{owner}", "contact": "{contact}", "organization": null, '
                f'"group": "{group}", "stage": "{stage}", "title": {string(title_)}, '
                f'"description": {description}, "percent": "0", "cdate": "{cdate}", '
                f'"mdate": "{mdate}", "nextdate": {nextdate}, '
                f'"nexttaskid": "{nexttask or "0"}", "value": "{value}", '
                f'"currency": "{currency}", "winProbability": {NULL if win is None else win}, '
                f'"winProbabilityMdate": {NULL if win is None else string(mdate)}, '
                f'"status": "{status}", "activitycount": "{len(activities(id_))}", '
                f'"nextdealid": "{id_}", '
                f'"edate": {stamp if edate == "stamp" else encode(edate)}, '
                f'"links": {str(id_).join(links)}, "id": "{id_}", '
                f'"isDisabled": false, "account": {account_}, "customerAccount": {account_}, '
                f'"hash": "{hash_}", "nextTask": {NULL if nexttask is None else string(nexttask)}, '
                f'"created_timestamp": "{cstamp}", '
                f'"updated_timestamp": "{ustamp}", '
                f'"created_by": {NULL if id_ % 4 == 0 else ONE}, '
                f'"updated_by": {NULL if created == updated else ONE}}}'
            )
        return out


class DealActivityGen(ChildGen):
    name = "dealActivities"
    parent_table = "deals"
    parent_field = "d_id"
    block_size, per_block, cap = 4, 8, 4
    stamps: ClassVar[dict[str, str]] = {"sortdate": "iso"}
    touch_field = "dataOldval"
    row_draws = 13

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        data_type = rng.weighted(DATA_TYPES)
        user = str(rng.randint(1, self.w.sizes.users))
        automated = rng.chance(0.1)
        return {
            "d_id": str(parent),
            "d_stageid": "0" if data_type != "stage" else str(rng.randint(1, 9)),
            "userid": user,
            "dataId": str(rng.randint(1, 5000)) if data_type else "0",
            "dataType": data_type,
            "dataAction": rng.choice(DATA_ACTIONS),
            "dataOldval": "" if rng.chance(0.7) else sentence(rng, 0.4),
            "cdate": self.fmt.iso(created),
            "sortdate": self.fmt.iso(created),
            "isAddtask": "1" if data_type == "task" else "0",
            "deleted": "0",
            "seriesid": "0",
            "links": self.w.links("dealActivities", id_, ACTIVITY_LINKS),
            "id": str(id_),
            "deal": str(parent),
            "stage": None,
            "user": user,
            "automation": str(rng.randint(1, 9)) if automated else None,
        }

    def rows_json(self, ids: Sequence[int]) -> list[str]:
        """The JSON text of ``build`` for base ids, written directly (same draws, same bytes)."""
        planned = self.row_draws
        places = self.places(ids)
        vals = self.draws_for(ids, 0, planned)
        stamps = self.child_times(places, vals, planned)
        cursor = Cursor(vals)
        iso, users, string = self.fmt.iso, self.w.sizes.users, encode_string
        links = self.w.links_template("dealActivities", ACTIVITY_LINKS)
        out = []
        rows = zip(ids, places, stamps, strict=True)
        for j, (id_, (parent, _), (created, _, n)) in enumerate(rows):
            try:
                data_type = weighted_at((vals[n] >> 11) * UNIT, DATA_TYPES, TOTALS[3])
                user = 1 + vals[n + 1] % users
                automated = vals[n + 2] >> 11 < T10
                n += 3
                if data_type == "stage":
                    stage_id, n = 1 + vals[n] % 9, n + 1
                else:
                    stage_id = 0
                if data_type:
                    data_id, n = 1 + vals[n] % 5000, n + 1
                else:
                    data_id = 0
                action = DATA_ACTIONS[vals[n] % len(DATA_ACTIONS)]
                if vals[n + 1] >> 11 < T70:
                    oldval, n = '""', n + 2
                else:
                    cursor.at = n + 2
                    oldval = string(sentence(cursor, 0.4))
                    n = cursor.at
                if automated:
                    automation, n = f'"{1 + vals[n] % 9}"', n + 1
                else:
                    automation = NULL
                if n - j * planned > planned:
                    raise IndexError(id_)
            except IndexError:
                out.append(self.json_fallback(id_))
                continue
            cdate = iso(created)
            out.append(
                f'{{"d_id": "{parent}", "d_stageid": "{stage_id}", "userid": "{user}", '
                f'"dataId": "{data_id}", "dataType": "{data_type}", "dataAction": "{action}", '
                f'"dataOldval": {oldval}, "cdate": "{cdate}", "sortdate": "{cdate}", '
                f'"isAddtask": "{1 if data_type == "task" else 0}", "deleted": "0", '
                f'"seriesid": "0", "links": {str(id_).join(links)}, '
                f'"id": "{id_}", "deal": "{parent}", "stage": null, "user": "{user}", '
                f'"automation": {automation}}}'
            )
        return out


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
        return _typed_values(d, plain_value(d, rng, self.fmt.day, moment))

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        field_id = self.order(parent)[k % 6]
        row: Row = {"id": str(id_), "deal_id": str(parent), "custom_field_id": str(field_id)}
        row.update(self._typed(field_id, rng, created))
        row.update(
            {
                "dealCustomFieldMetum": str(field_id),
                "created_timestamp": self.fmt.local(created),
                "updated_timestamp": self.fmt.local(updated),
                "created_by": "1",
                "updated_by": None if created == updated else "1",
                "deal": str(parent),
                "links": self.w.links("dealCustomFieldData", id_, ("deal", "dealCustomFieldMetum")),
            }
        )
        return row

    def rows_json(self, ids: Sequence[int]) -> list[str]:
        """The JSON text of ``build`` for base ids, written directly (same draws, same bytes)."""
        planned = self.row_draws
        places = self.places(ids)
        vals = self.draws_for(ids, 0, planned)
        stamps = self.child_times(places, vals, planned)
        cursor = Cursor(vals)
        local, day, order = self.fmt.local, self.fmt.day, self.order
        links = self.w.links_template("dealCustomFieldData", ("deal", "dealCustomFieldMetum"))
        out = []
        rows = zip(ids, places, stamps, strict=True)
        for j, (id_, (parent, k), (created, updated, n)) in enumerate(rows):
            try:
                cursor.at = n
                field_id = order(parent)[k % 6]
                d = DEAL_FIELDS[(field_id - 1) % len(DEAL_FIELDS)]
                value = plain_value(d, cursor, day, created)
                if cursor.at - j * planned > planned:
                    raise IndexError(id_)
            except IndexError:
                out.append(self.json_fallback(id_))
                continue
            if value.__class__ is str:
                typed = encode_string(value)[1:-1].join(
                    TYPED_JSON[(field_id - 1) % len(DEAL_FIELDS)]
                )
            else:
                typed = ", ".join(
                    [f'"{key}": {encode(v)}' for key, v in _typed_values(d, value).items()]
                )
            out.append(
                f'{{"id": "{id_}", "deal_id": "{parent}", "custom_field_id": "{field_id}", '
                f'{typed}, "dealCustomFieldMetum": "{field_id}", '
                f'"created_timestamp": "{local(created)}", '
                f'"updated_timestamp": "{local(updated)}", '
                f'"created_by": "1", "updated_by": {NULL if created == updated else ONE}, '
                f'"deal": "{parent}", "links": {str(id_).join(links)}}}'
            )
        return out


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

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        position = self.position(id_)
        return {
            "deal": str(self.pick(rng, "deals", position)),
            "contact": str(self.pick(rng, "contacts", position)),
            "role": str(rng.randint(1, 3)) if rng.chance(0.7) else None,
            "cdate": self.fmt.iso(created),
            "created_timestamp": self.fmt.local(created),
            "updated_timestamp": self.fmt.local(updated),
            "created_by": "1",
            "updated_by": None,
            "links": self.w.links("contactDeals", id_, ("deal", "contact")),
            "id": str(id_),
        }

    def rows_json(self, ids: Sequence[int]) -> list[str]:
        """The JSON text of ``build`` for base ids, written directly (same draws, same bytes)."""
        planned = self.row_draws
        vals = self.draws_for(ids, 0, planned)
        stamps = self.times_from(ids, vals, planned)
        iso, local = self.fmt.iso, self.fmt.local
        links = self.w.links_template("contactDeals", ("deal", "contact"))
        deals, contacts = self.w.gens["deals"].count, self.w.gens["contacts"].count
        out = []
        for j, (id_, (created, updated, n)) in enumerate(zip(ids, stamps, strict=True)):
            try:
                position = self.position(id_)
                deal = 1 + vals[n] % max(1, min(deals, int(deals * position)))
                contact = 1 + vals[n + 1] % max(1, min(contacts, int(contacts * position)))
                if vals[n + 2] >> 11 < T70:
                    role, n = f'"{1 + vals[n + 3] % 3}"', n + 4
                else:
                    role, n = NULL, n + 3
                if n - j * planned > planned:
                    raise IndexError(id_)
            except IndexError:
                out.append(self.json_fallback(id_))
                continue
            out.append(
                f'{{"deal": "{deal}", "contact": "{contact}", "role": {role}, '
                f'"cdate": "{iso(created)}", "created_timestamp": "{local(created)}", '
                f'"updated_timestamp": "{local(updated)}", "created_by": "1", "updated_by": null, '
                f'"links": {str(id_).join(links)}, "id": "{id_}"}}'
            )
        return out
