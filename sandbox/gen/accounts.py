"""Accounts, account contacts and account custom field values."""

from __future__ import annotations

from typing import Any, ClassVar

from ..rng import Rng, key_hash, key_hashes
from ..text import DOMAINS, JOB_TITLES, company
from .base import ChildGen, Gen, Row
from .custom_fields import ACCOUNT_FIELDS, plain_value


class AccountGen(Gen):
    name = "accounts"
    stamps: ClassVar[dict[str, str]] = {"updatedTimestamp": "iso"}
    touch_field = "name"

    def name_of(self, id_: int) -> str:
        return company(self.rng(id_, 2))

    def touched_value(self, row: Row, rng: Rng) -> Any:
        return f"{company(rng)} (renamed)"

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        url = None if rng.chance(0.6) else f"https://www.{rng.choice(DOMAINS)}/{id_}"
        return {
            "name": self.name_of(id_),
            "accountUrl": url,
            "createdTimestamp": self.fmt.iso(created),
            "updatedTimestamp": self.fmt.iso(updated),
            "contactCount": "0",
            "dealCount": "0",
            "owner": str(rng.randint(1, self.w.sizes.users)),
            "links": self.w.links(
                "accounts", id_, ("notes", "accountCustomFieldData", "accountContacts")
            ),
            "id": str(id_),
        }


class AccountContactGen(Gen):
    name = "accountContacts"
    stamps: ClassVar[dict[str, str]] = {"updatedTimestamp": "iso"}
    touch_field = "jobTitle"

    def account_of(self, id_: int) -> int:
        upto = max(1, int(self.w.sizes.accounts * self.position(id_)))
        return 1 + key_hash(self.seed, self.code, id_, 3) % upto

    def facet(self, id_: int, field: str) -> Any:
        if field == "account":
            return str(self.account_of(id_))
        return super().facet(id_, field)

    def facets(self, field: str, ids: list[int]) -> list[Any]:
        if field != "account":
            return super().facets(field, ids)
        accounts, count = self.w.sizes.accounts, max(self.count, 1)
        return [
            str(1 + h % max(1, int(accounts * min(1.0, i / count))))
            for i, h in zip(ids, key_hashes((self.seed, self.code), ids, 3), strict=True)
        ]

    def touched_value(self, row: Row, rng: Rng) -> Any:
        return rng.choice(JOB_TITLES[:-2]) + " (new role)"

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        return {
            "account": str(self.account_of(id_)),
            "contact": str(self.pick(rng, "contacts", self.position(id_))),
            "jobTitle": rng.choice(JOB_TITLES) if rng.chance(0.8) else None,
            "createdTimestamp": self.fmt.iso(created),
            "updatedTimestamp": self.fmt.iso(updated),
            "links": self.w.links("accountContacts", id_, ("account", "contact")),
            "id": str(id_),
        }


class AccountFieldDataGen(ChildGen):
    """``/accountCustomFieldData``: camelCase, ids as JSON numbers, no ``meta`` in the envelope."""

    name = "accountCustomFieldData"
    parent_table = "accounts"
    parent_field = "accountId"
    block_size, per_block, cap = 4, 8, 4
    stamps: ClassVar[dict[str, str]] = {"updatedTimestamp": "local"}

    def touch(self, row: Row, rng: Rng, at: int) -> None:
        super().touch(row, rng, at)
        field = ACCOUNT_FIELDS[(row["customFieldId"] - 1) % len(ACCOUNT_FIELDS)]
        row["fieldValue"] = plain_value(field, rng, self.fmt.day, at)

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        order = Rng(self.seed, self.code, parent, 7).sample(range(1, 7), 6)
        field_id = order[k % 6]
        field = ACCOUNT_FIELDS[field_id - 1]
        row: Row = {
            "id": str(id_),
            "accountCustomFieldMetumId": field_id,
            "accountId": parent,
            "customFieldId": field_id,
            "createdTimestamp": self.fmt.local(created),
            "updatedTimestamp": self.fmt.local(updated),
            "fieldValue": plain_value(field, rng, self.fmt.day, created),
        }
        if field.currency:
            row["fieldCurrency"] = field.currency.lower()
        row["links"] = self.w.links(
            "accountCustomFieldData", id_, ("account", "accountCustomFieldMetum")
        )
        return row
