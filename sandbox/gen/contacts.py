"""Contacts and their per-contact children: contactTags, contactLists, fieldValues."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from math import gcd
from typing import Any, ClassVar

from ..rng import Rng, threshold
from ..text import FIRST_NAMES, LAST_NAMES, sentence
from .accounts import AccountGen
from .base import ChildGen, Gen, Row
from .catalog import FieldGen
from .record import Field, Record, digits, let, links, plain, text

CONTACT_LINKS = (
    "bounceLogs",
    "contactAutomations",
    "contactData",
    "contactGoals",
    "contactLists",
    "contactLogs",
    "contactTags",
    "contactDeals",
    "deals",
    "fieldValues",
    "geoIps",
    "notes",
    "organization",
    "plusAppend",
    "trackingLogs",
    "scoreValues",
    "accountContacts",  # live, not in the documented schema (real-responses.md)
    "automationEntryCounts",
)
# a contact's ua: null, "" or a user agent (drawn first), weighted 2:3:5, as indexes
UA_WEIGHTS = ((0, 2), (1, 3), (2, 5))
STATUS_OPTIONS = (("1", 80), ("2", 12), ("0", 5), ("3", 3))
SOURCE_IDS = ("0", "1", "4")


CONTACT_LIST_LINKS = (
    "automation",
    "list",
    "contact",
    "form",
    "autosyncLog",
    "campaign",
    "unsubscribeAutomation",
    "message",
)


def _date_or_zero(p_real: str) -> Field:
    """A date-only stamp, real with probability ``p_real``, else ``no_date``: two draws
    either way, so that the draws of the fields after it stay put."""
    return plain(
        f"day(min(last_moment, created + randint(0, 200 * DAY))) if chance({p_real})"
        " else spare(no_date)",
        null=True,
    )


def _names(rng: Rng) -> tuple[str, str]:
    return rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)


class ContactGen(Gen):
    name = "contacts"
    max_lag_days = 60.0
    row_draws = 31
    keep_times = True  # contactTags, contactLists and fieldValues ask for them
    stamps: ClassVar[dict[str, str]] = {
        "udate": "iso",
        "updated_timestamp": "local",
        "updated_utc_timestamp": "local",  # account-local, despite the name (real-responses.md)
    }
    touch_field = "lastName"

    def __init__(self, world: Any, count: int) -> None:
        super().__init__(world, count)
        self._names: dict[int, tuple[str, str]] = {}
        self._orgs: dict[int, int] = {}

    def names(self, id_: int) -> tuple[str, str]:
        names = self._names.get(id_)
        return names if names is not None else _names(self.rng(id_, 2))

    def prepare_names(self, ids: Sequence[int]) -> None:
        first, last = FIRST_NAMES, LAST_NAMES  # _names on raw draws
        self.fill_raw(
            self._names,
            ids,
            2,
            2,
            lambda v, n: (first[v[n] % len(first)], last[v[n + 1] % len(last)]),
        )

    def org(self, id_: int) -> int:
        org = self._orgs.get(id_)
        return org if org is not None else self._org(self.rng(id_, 3))

    def _org(self, rng: Rng) -> int:
        return self.pick(rng, "accounts") if rng.chance(0.3) else 0

    def prepare(self, ids: Sequence[int]) -> None:
        self.prepare_names(ids)
        accounts = self.w.gens["accounts"].count  # _org on raw draws (pick at position 1.0)
        upto, p30 = max(1, min(accounts, int(accounts * 1.0))), threshold(0.3)
        self.fill_raw(
            self._orgs, ids, 3, 2, lambda v, n: 1 + v[n + 1] % upto if v[n] >> 11 < p30 else 0
        )
        orgs = self._orgs
        self.peer("accounts", AccountGen).prepare_names([o for o in map(orgs.get, ids) if o])

    def touched_value(self, row: Row, rng: Rng) -> Any:
        new = rng.choice(LAST_NAMES)
        return new if new != row.get("lastName") else f"{new} Jr."

    record = Record(
        {
            "first, last": let("self.names(id_)"),
            "local_part": let(
                "f\"{ascii_slug(first) or 'contact'}.{ascii_slug(last) or 'x'}{id_}\""
            ),
            "domain": let("choice(DOMAINS)"),
            "address": let('f"{local_part}@{domain}"'),
            "org": let("self.org(id_)"),
            "bounced": let("chance(0.05)"),
            # zero dates on old records, nulls on new ones (real-responses.md, "Time")
            "no_date": let("ZERO_DATE if created < zero_dates_until else None"),
            "no_stamp": let("ZERO_DATETIME if created < zero_dates_until else None"),
            "iso_created, local_created": let("iso_local(created)"),
            "iso_updated, local_updated": let("iso_local(updated)"),
            "cdate": plain("iso_created"),
            "email": plain("address"),  # ASCII letters, digits, dots and a domain
            "phone": plain("phone(rng)"),
            "firstName": text("first"),
            "lastName": text("last"),
            "orgid": digits("org"),
            "orgname": text("account_name(org) if org else ''"),
            "segmentio_id": "",
            "bounced_hard": plain("flag(0.5) if bounced else '0'"),
            "bounced_soft": plain("flag(0.5) if bounced else '0'"),
            "bounced_date": _date_or_zero("1.0 if bounced else 0.0"),
            "ip": digits("randint(IP4_LO, IP4_HI) if chance(0.6) else 0"),
            "agent": let("choice(USER_AGENTS)"),
            "ua": text("(None, '', agent)[weighted(UA_WEIGHTS)]", null=True),
            "hash": plain("md5(address.encode()).hexdigest()"),
            "socialdata_lastcheck": plain(
                "local(min(last_moment, created + randint(0, 90 * DAY)))"
                " if 0.04 <= random() < 0.25 else no_stamp",
                null=True,
            ),
            "email_local": plain("local_part"),
            "email_domain": plain("domain"),
            "sentcnt": digits("randint(0, 80)"),
            "rating_tstamp": _date_or_zero("0.1"),
            "gravatar": plain("flag(0.4)"),
            "deleted": "0",
            "anonymized": "0",
            "adate": plain(
                "iso(min(updated, created + randint(0, 30 * DAY))) if chance(0.5) else None",
                null=True,
            ),
            "udate": plain("iso_updated"),
            "edate": plain("iso_updated if chance(0.6) else None", null=True),
            "deleted_at": plain("spare(no_stamp)", null=True),
            "created_utc_timestamp": plain("local_created"),
            "updated_utc_timestamp": plain("local_updated"),
            "created_timestamp": plain("local_created"),
            "updated_timestamp": plain("local_updated"),
            "created_by": plain("None if chance(0.7) else '1'", null=True),
            "updated_by": None,
            "email_empty": False,
            "mpp_tracking": plain("flag(0.2)"),
            "scoreValues": [],
            "links": links(*CONTACT_LINKS),
            "id": digits("id_"),
            "organization": None,
            "sentiment": None,
            "account": digits("org or None", null=True),
            "customerAccount": digits("org or None", null=True),
        },
        lookups={
            "account_name": "self.peer('accounts', AccountGen).name_of",
            "last_moment": "w.end - 1",
            "zero_dates_until": "w.zero_dates_until",
        },
    )


@lru_cache(maxsize=64)
def _strides(choices: int) -> tuple[int, ...]:
    return tuple(s for s in range(1, choices + 1) if gcd(s, choices) == 1)


def _walk(rng: Rng, choices: int) -> tuple[int, int]:
    return rng.randint(0, choices - 1), rng.choice(_strides(choices))


class DistinctChildGen(ChildGen):
    """Children that each pick a different row of ``pick_from`` (tags, lists, fields)."""

    pick_from: ClassVar[str]
    pick_field: ClassVar[str]  # the row field holding the picked id

    def __init__(self, world: Any, parents: int) -> None:
        super().__init__(world, parents)
        self._walks: dict[int, tuple[int, int]] = {}

    def facet(self, id_: int, field: str) -> Any:
        if field == self.parent_field or field == self.pick_field:
            parent, k = self.blocks.locate(id_)
            return str(parent if field == self.parent_field else self.distinct(parent, k))
        return super().facet(id_, field)

    def facets(self, field: str, ids: list[int]) -> list[Any]:
        if field != self.pick_field:
            return super().facets(field, ids)
        locate, distinct = self.blocks.locate, self.distinct
        return [str(distinct(*locate(i))) for i in ids]

    def choices(self) -> int:
        """How many rows of ``pick_from`` children pick among (ids 1..choices)."""
        return self.w.gens[self.pick_from].count

    def distinct(self, parent: int, k: int) -> int:
        """The k-th value (k < choices) of a per-parent permutation of 1..choices."""
        choices = self.choices()
        walk = self._walks.get(parent)
        start, stride = walk if walk is not None else _walk(self.rng(parent, 7), choices)
        return 1 + (start + k * stride) % choices

    def prepare_children(self, ids: Sequence[int], places: list[tuple[int, int]]) -> None:
        choices = self.choices()
        strides = _strides(choices)  # _walk on raw draws
        self.fill_raw(
            self._walks,
            [parent for parent, _ in places],
            7,
            2,
            lambda v, n: (v[n] % choices, strides[v[n + 1] % len(strides)]),
        )


class ContactTagGen(DistinctChildGen):
    name = "contactTags"
    row_draws = 4
    pick_from, pick_field = "tags", "tag"
    parent_table = "contacts"
    parent_field = "contact"
    block_size, per_block, cap = 8, 16, 6
    stamps: ClassVar[dict[str, str]] = {"updated_timestamp": "local"}
    touch_field = "updated_by"

    def touched_value(self, row: Row, rng: Rng) -> Any:
        return str(rng.randint(1, self.w.sizes.users))

    def choices(self) -> int:
        return self.w.sizes.tags  # the unused tags after them stay unused

    record = Record(
        {
            "iso_created, local_created": let("iso_local(created)"),
            "contact": digits("parent"),
            "tag": digits("self.distinct(parent, k)"),
            "cdate": plain("iso_created"),
            "created_timestamp": plain("local_created"),
            "updated_timestamp": plain("local(updated)"),
            "created_by": plain("None if chance(0.5) else '1'", null=True),
            "updated_by": plain("None if created == updated else '1'", null=True),
            "links": links("tag", "contact"),
            "id": digits("id_"),
        }
    )


class ContactListGen(DistinctChildGen):
    name = "contactLists"
    pick_from, pick_field = "lists", "list"
    row_draws = 21
    parent_table = "contacts"
    parent_field = "contact"
    block_size, per_block, cap = 8, 12, 4
    stamps: ClassVar[dict[str, str]] = {"udate": "iso", "updated_timestamp": "local"}

    def prepare_children(self, ids: Sequence[int], places: list[tuple[int, int]]) -> None:
        super().prepare_children(ids, places)
        self.peer("contacts", ContactGen).prepare_names([parent for parent, _ in places])

    def touch(self, row: Row, rng: Rng, at: int) -> None:
        super().touch(row, rng, at)
        unsubscribing = row.get("status") == "1"
        row["status"] = "2" if unsubscribing else "1"
        row["unsubreason"] = sentence(rng, 0.5) if unsubscribing else None

    record = Record(
        {
            "first, last": let("names(parent)"),
            "list_status": let("weighted(STATUS_OPTIONS)"),
            "iso_created, local_created": let("iso_local(created)"),
            "contact": digits("parent"),
            "list": digits("self.distinct(parent, k)"),
            "form": digits("None if chance(0.7) else randint(1, 3)", null=True),
            "seriesid": "0",
            "sdate": plain("iso_created if chance(0.9) else None", null=True),
            "udate": plain("None if created == updated else iso(updated)", null=True),
            "status": plain("list_status"),
            "responder": "1",
            "sync": plain("flag(0.1)"),
            "unsubreason": text("sentence(rng, 0.5) if list_status == '2' else None", null=True),
            "campaign": digits("None if chance(0.8) else randint(1, 60)", null=True),
            "message": None,
            "first_name": text("first"),
            "last_name": text("last"),
            "ip4Sub": digits("randint(IP4_LO, IP4_HI) if chance(0.5) else 0"),
            "sourceid": plain("choice(SOURCE_IDS)"),
            "autosyncLog": None,
            "ip4_last": digits("randint(IP4_LO, IP4_HI) if chance(0.3) else 0"),
            "ip4Unsub": digits(
                "randint(IP4_LO, IP4_HI) if list_status == '2' and chance(0.5) else 0"
            ),
            "created_timestamp": plain("local_created"),
            "updated_timestamp": plain("local(updated)"),
            "created_by": None,
            "updated_by": None,
            "unsubscribeAutomation": None,
            "links": links(*CONTACT_LIST_LINKS),
            "id": digits("id_"),
            "automation": digits("None if chance(0.85) else randint(1, 9)", null=True),
        },
        lookups={"names": "self.peer('contacts', ContactGen).names"},
    )


class FieldValueGen(DistinctChildGen):
    name = "fieldValues"
    pick_from, pick_field = "fields", "field"
    row_draws = 8
    parent_table = "contacts"
    parent_field = "contact"
    block_size, per_block, cap = 8, 24, 7
    stamps: ClassVar[dict[str, str]] = {"udate": "iso"}

    def touch(self, row: Row, rng: Rng, at: int) -> None:
        super().touch(row, rng, at)
        row["value"] = self.peer("fields", FieldGen).value_for(int(row["field"]), rng)
        row["updated_by"] = "1"

    record = Record(
        {
            "field_id": let("self.distinct(parent, k)"),
            "contact": digits("parent"),
            "field": digits("field_id"),
            "value": text("value_for(field_id, rng)", null=True),
            "cdate": plain("iso(created)"),
            "udate": plain("iso(updated)"),
            "created_by": None,
            "updated_by": None,
            "links": links("owner", "field"),
            "id": digits("id_"),
            "owner": digits("parent"),
        },
        lookups={"value_for": "self.peer('fields', FieldGen).value_for"},
    )
