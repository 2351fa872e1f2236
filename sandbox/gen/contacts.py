"""Contacts and their per-contact children: contactTags, contactLists, fieldValues."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from math import gcd
from typing import Any, ClassVar

from ..rng import Rng
from ..text import DOMAINS, FIRST_NAMES, LAST_NAMES, USER_AGENTS, ascii_slug, ip4, phone
from ..text import sentence as text_sentence
from ..timefmt import ZERO_DATE, ZERO_DATETIME
from .accounts import AccountGen
from .base import DAY, ChildGen, Gen, Row, flag
from .catalog import FieldGen

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
)
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


class ContactGen(Gen):
    name = "contacts"
    max_lag_days = 60.0
    stamps: ClassVar[dict[str, str]] = {
        "udate": "iso",
        "updated_timestamp": "local",
        "updated_utc_timestamp": "utc",
    }
    touch_field = "lastName"

    def names(self, id_: int) -> tuple[str, str]:
        rng = self.rng(id_, 2)
        return rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)

    def org(self, id_: int) -> int:
        rng = self.rng(id_, 3)
        return self.pick(rng, "accounts") if rng.chance(0.3) else 0

    def touched_value(self, row: Row, rng: Rng) -> Any:
        new = rng.choice(LAST_NAMES)
        return new if new != row.get("lastName") else f"{new} Jr."

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        f = self.fmt
        first, last = self.names(id_)
        local = f"{ascii_slug(first) or 'contact'}.{ascii_slug(last) or 'x'}{id_}"
        domain = rng.choice(DOMAINS)
        email = f"{local}@{domain}"
        org = self.org(id_)
        bounced = rng.chance(0.05)
        return {
            "cdate": f.iso(created),
            "email": email,
            "phone": phone(rng),
            "firstName": first,
            "lastName": last,
            "orgid": str(org),
            "orgname": self.peer("accounts", AccountGen).name_of(org) if org else "",
            "segmentio_id": "",
            "bounced_hard": flag(rng, 0.5) if bounced else "0",
            "bounced_soft": flag(rng, 0.5) if bounced else "0",
            "bounced_date": self._date_or_zero(rng, created, 1.0 if bounced else 0.0),
            "ip": ip4(rng) if rng.chance(0.6) else "0",
            "ua": rng.weighted(((None, 2), ("", 3), (rng.choice(USER_AGENTS), 5))),
            "hash": hashlib.md5(email.encode()).hexdigest(),
            "socialdata_lastcheck": self._stamp_or_zero(rng, created),
            "email_local": local,
            "email_domain": domain,
            "sentcnt": str(rng.randint(0, 80)),
            "rating_tstamp": self._date_or_zero(rng, created, 0.1),
            "gravatar": flag(rng, 0.4),
            "deleted": "0",
            "anonymized": "0",
            "adate": f.iso(min(updated, created + rng.randint(0, 30 * DAY)))
            if rng.chance(0.5)
            else None,
            "udate": f.iso(updated),
            "edate": f.iso(updated) if rng.chance(0.6) else None,
            "deleted_at": ZERO_DATETIME if rng.chance(0.04) else None,
            "created_utc_timestamp": f.utc(created),
            "updated_utc_timestamp": f.utc(updated),
            "created_timestamp": f.local(created),
            "updated_timestamp": f.local(updated),
            "created_by": None if rng.chance(0.7) else "1",
            "updated_by": None,
            "email_empty": False,
            "mpp_tracking": flag(rng, 0.2),
            "scoreValues": [],
            "links": self.w.links("contacts", id_, CONTACT_LINKS),
            "id": str(id_),
            "organization": None,
        }

    def _date_or_zero(self, rng: Rng, created: int, p_real: float) -> str | None:
        """Date-only stamp: a real date, the zero date (a few percent) or null."""
        if rng.chance(p_real):
            return self.fmt.day(min(self.w.end - 1, created + rng.randint(0, 200 * DAY)))
        return ZERO_DATE if rng.chance(0.04) else None

    def _stamp_or_zero(self, rng: Rng, created: int) -> str | None:
        roll = rng.random()
        if roll < 0.04:
            return ZERO_DATETIME
        if roll < 0.25:
            return self.fmt.local(min(self.w.end - 1, created + rng.randint(0, 90 * DAY)))
        return None


@lru_cache(maxsize=64)
def _strides(choices: int) -> tuple[int, ...]:
    return tuple(s for s in range(1, choices + 1) if gcd(s, choices) == 1)


@lru_cache(maxsize=4096)
def _walk(seed: int, code: int, parent: int, choices: int) -> tuple[int, int]:
    rng = Rng(seed, code, parent, 7)
    return rng.randint(0, choices - 1), rng.choice(_strides(choices))


def _distinct(seed: int, code: int, parent: int, k: int, choices: int) -> int:
    """The k-th value (k < choices) of a per-parent permutation of 1..choices."""
    start, stride = _walk(seed, code, parent, choices)
    return 1 + (start + k * stride) % choices


class ContactTagGen(ChildGen):
    name = "contactTags"
    parent_table = "contacts"
    parent_field = "contact"
    block_size, per_block, cap = 8, 16, 6
    stamps: ClassVar[dict[str, str]] = {"updated_timestamp": "local"}
    touch_field = "updated_by"

    def touched_value(self, row: Row, rng: Rng) -> Any:
        return str(rng.randint(1, self.w.sizes.users))

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        f = self.fmt
        tag = _distinct(self.seed, self.code, parent, k, self.w.gens["tags"].count)
        return {
            "contact": str(parent),
            "tag": str(tag),
            "cdate": f.iso(created),
            "created_timestamp": f.local(created),
            "updated_timestamp": f.local(updated),
            "created_by": None if rng.chance(0.5) else "1",
            "updated_by": None if created == updated else "1",
            "links": self.w.links("contactTags", id_, ("tag", "contact")),
            "id": str(id_),
        }


class ContactListGen(ChildGen):
    name = "contactLists"
    parent_table = "contacts"
    parent_field = "contact"
    block_size, per_block, cap = 8, 12, 4
    stamps: ClassVar[dict[str, str]] = {"udate": "iso", "updated_timestamp": "local"}

    def touch(self, row: Row, rng: Rng, at: int) -> None:
        super().touch(row, rng, at)
        unsubscribing = row.get("status") == "1"
        row["status"] = "2" if unsubscribing else "1"
        row["unsubreason"] = text_sentence(rng, 0.5) if unsubscribing else None

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        f = self.fmt
        list_id = _distinct(self.seed, self.code, parent, k, self.w.gens["lists"].count)
        first, last = self.peer("contacts", ContactGen).names(parent)
        status = rng.weighted((("1", 80), ("2", 12), ("0", 5), ("3", 3)))
        return {
            "contact": str(parent),
            "list": str(list_id),
            "form": None if rng.chance(0.7) else str(rng.randint(1, 3)),
            "seriesid": "0",
            "sdate": f.iso(created) if rng.chance(0.9) else None,
            "udate": None if created == updated else f.iso(updated),
            "status": status,
            "responder": "1",
            "sync": flag(rng, 0.1),
            "unsubreason": text_sentence(rng, 0.5) if status == "2" else None,
            "campaign": None if rng.chance(0.8) else str(rng.randint(1, 60)),
            "message": None,
            "first_name": first,
            "last_name": last,
            "ip4Sub": ip4(rng) if rng.chance(0.5) else "0",
            "sourceid": rng.choice(("0", "1", "4")),
            "autosyncLog": None,
            "ip4_last": ip4(rng) if rng.chance(0.3) else "0",
            "ip4Unsub": ip4(rng) if status == "2" and rng.chance(0.5) else "0",
            "created_timestamp": f.local(created),
            "updated_timestamp": f.local(updated),
            "created_by": None,
            "updated_by": None,
            "unsubscribeAutomation": None,
            "links": self.w.links("contactLists", id_, CONTACT_LIST_LINKS),
            "id": str(id_),
            "automation": None if rng.chance(0.85) else str(rng.randint(1, 9)),
        }


class FieldValueGen(ChildGen):
    name = "fieldValues"
    parent_table = "contacts"
    parent_field = "contact"
    block_size, per_block, cap = 8, 24, 7
    stamps: ClassVar[dict[str, str]] = {"udate": "iso"}

    def touch(self, row: Row, rng: Rng, at: int) -> None:
        super().touch(row, rng, at)
        row["value"] = self.peer("fields", FieldGen).value_for(int(row["field"]), rng)
        row["updated_by"] = "1"

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        field = _distinct(self.seed, self.code, parent, k, self.w.gens["fields"].count)
        return {
            "contact": str(parent),
            "field": str(field),
            "value": self.peer("fields", FieldGen).value_for(field, rng),
            "cdate": self.fmt.iso(created),
            "udate": self.fmt.iso(updated),
            "created_by": None,
            "updated_by": None,
            "links": self.w.links("fieldValues", id_, ("owner", "field")),
            "id": str(id_),
            "owner": str(parent),
        }
