"""Accounts, account contacts and account custom field values."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from ..rng import Rng, key_hash, key_hashes
from ..text import DOMAINS, JOB_TITLES, company
from .base import ChildGen, Gen, Row
from .custom_fields import ACCOUNT_FIELDS, field_order, field_order_at, plain_value
from .record import Record, digits, links, plain, text


class AccountGen(Gen):
    name = "accounts"
    stamps: ClassVar[dict[str, str]] = {"updatedTimestamp": "iso"}
    touch_field = "name"
    row_draws = 6

    def __init__(self, world: Any, count: int) -> None:
        super().__init__(world, count)
        self._names: dict[int, str] = {}

    def name_of(self, id_: int) -> str:
        name = self._names.get(id_)
        return name if name is not None else company(self.rng(id_, 2))

    def prepare_names(self, ids: Sequence[int]) -> None:
        self.fill(self._names, ids, 2, 3, company)

    def prepare(self, ids: Sequence[int]) -> None:
        self.prepare_names(ids)

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
    row_draws = 6

    def __init__(self, world: Any, count: int) -> None:
        super().__init__(world, count)
        self._accounts: dict[int, int] = {}

    def account_of(self, id_: int) -> int:
        account = self._accounts.get(id_)
        return (
            account if account is not None else self._account(id_, key_hash(*self.prefix, id_, 3))
        )

    def _account(self, id_: int, h: int) -> int:
        upto = max(1, int(self.w.sizes.accounts * self.position(id_)))
        return 1 + h % upto

    def prepare(self, ids: Sequence[int]) -> None:
        self.fill_hashes(self._accounts, ids, 3, self._account)

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

    record = Record(
        {
            "account": digits("self.account_of(id_)"),
            "contact": digits("pick(contacts, self.position(id_))"),
            "jobTitle": text("choice(JOB_TITLES) if chance(0.8) else None", null=True),
            "createdTimestamp": plain("iso(created)"),
            "updatedTimestamp": plain("iso(updated)"),
            "links": links("account", "contact"),
            "id": digits("id_"),
        },
        lookups={"contacts": "w.gens['contacts'].count"},
    )


class AccountFieldDataGen(ChildGen):
    """``/accountCustomFieldData``: camelCase, ids as JSON numbers, no ``meta`` in the envelope."""

    name = "accountCustomFieldData"
    parent_table = "accounts"
    parent_field = "accountId"
    parent_is_number = True
    block_size, per_block, cap = 4, 8, 4
    stamps: ClassVar[dict[str, str]] = {"updatedTimestamp": "local"}
    row_draws = 8

    def __init__(self, world: Any, parents: int) -> None:
        super().__init__(world, parents)
        self._orders: dict[int, list[int]] = {}

    def order(self, parent: int) -> list[int]:
        """The per-account order of the custom fields (a permutation of 1..6)."""
        order = self._orders.get(parent)
        return order if order is not None else field_order(self.rng(parent, 7))

    def prepare_children(self, ids: Sequence[int], places: list[tuple[int, int]]) -> None:
        self.fill_raw(self._orders, [parent for parent, _ in places], 7, 6, field_order_at)

    def touch(self, row: Row, rng: Rng, at: int) -> None:
        super().touch(row, rng, at)
        field = ACCOUNT_FIELDS[(row["customFieldId"] - 1) % len(ACCOUNT_FIELDS)]
        row["fieldValue"] = plain_value(field, rng, self.fmt.day, at)

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        field_id = self.order(parent)[k % 6]
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
