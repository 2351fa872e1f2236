"""Deals and their children: activities, custom field data, secondary contacts."""

from __future__ import annotations

from typing import Any, ClassVar

from ..rng import Rng, key_hash, key_hashes, unit
from ..text import hex_string, sentence, title
from ..timefmt import ZERO_DATETIME
from .base import DAY, ChildGen, Gen, Row
from .custom_fields import DEAL_FIELDS, plain_value
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


class DealGen(Gen):
    name = "deals"
    max_lag_days = 90.0
    stamps: ClassVar[dict[str, str]] = {"mdate": "iso"}
    touch_field = "title"

    def account_of(self, id_: int) -> int | None:
        h = key_hash(self.seed, self.code, id_, 3)
        return 1 + (h >> 32) % self.w.sizes.accounts if unit(h) < 0.6 else None

    def facet(self, id_: int, field: str) -> Any:
        if field == "account":
            account = self.account_of(id_)
            return str(account) if account else None
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
        edate = rng.weighted(((ZERO_DATETIME, 2), (None, 4), ("stamp", 4)))
        nexttask = str(rng.randint(1, self.w.sizes.deal_tasks)) if has_next else None
        return {
            "owner": str(rng.randint(1, self.w.sizes.users)),
            "contact": str(self.pick(rng, "contacts", self.position(id_))),
            "organization": None,
            "group": str(group),
            "stage": str(stage),
            "title": title(rng, 3) if rng.chance(0.9) else 'Deal with "quotes" & ünïcode 🚀',
            "description": sentence(rng, 0.3) if rng.chance(0.8) else None,
            "percent": "0",
            "cdate": f.iso(created),
            "mdate": f.iso(updated),
            "nextdate": f.iso(updated + rng.randint(1, 20) * DAY) if has_next else None,
            "nexttaskid": nexttask or "0",
            "value": str(rng.randint(0, 50000) * 100),
            "currency": rng.weighted((("usd", 8), ("eur", 1), ("gbp", 1))),
            "winProbability": win,
            "winProbabilityMdate": f.iso(updated) if win is not None else None,
            "status": rng.weighted((("0", 60), ("1", 25), ("2", 15))),
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
        }


class DealActivityGen(ChildGen):
    name = "dealActivities"
    parent_table = "deals"
    parent_field = "d_id"
    block_size, per_block, cap = 4, 8, 4
    stamps: ClassVar[dict[str, str]] = {"sortdate": "iso"}
    touch_field = "dataOldval"

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
            "dataAction": rng.choice(("add", "update", "delete")),
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


class DealFieldDataGen(ChildGen):
    """The typed ``dealCustomFieldData`` side-load of ``/deals?include=dealCustomFieldData``."""

    name = "dealCustomFieldData"
    parent_table = "deals"
    parent_field = "deal_id"
    block_size, per_block, cap = 4, 8, 4
    stamps: ClassVar[dict[str, str]] = {"updated_timestamp": "local"}

    def touch(self, row: Row, rng: Rng, at: int) -> None:
        super().touch(row, rng, at)
        row.update(self._typed(int(row["custom_field_id"]), rng, at))
        row["updated_by"] = "1"

    def _typed(self, field_id: int, rng: Rng, moment: int) -> Row:
        d = DEAL_FIELDS[(field_id - 1) % len(DEAL_FIELDS)]
        value = plain_value(d, rng, self.fmt.day, moment)
        typed: Row = dict.fromkeys(
            (
                "custom_field_text_value",
                "custom_field_text_blob",
                "custom_field_date_value",
                "custom_field_number_value",
                "custom_field_currency_value",
                "custom_field_currency_type",
            ),
        )
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

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        order = Rng(self.seed, self.code, parent, 7).sample(range(1, 7), 6)
        field_id = order[k % 6]
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


class ContactDealGen(Gen):
    """Secondary contacts of deals (``/contactDeals``)."""

    name = "contactDeals"
    stamps: ClassVar[dict[str, str]] = {"updated_timestamp": "local"}
    touch_field = "role"

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
