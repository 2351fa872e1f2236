"""Contacts and their per-contact children: contactTags, contactLists, fieldValues."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from functools import lru_cache
from math import gcd
from typing import Any, ClassVar

from ..encode import encode_string
from ..rng import UNIT, Cursor, Rng, threshold, weight_total, weighted_at
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
    "accountContacts",  # live, not in the documented schema (real-responses.md)
    "automationEntryCounts",
)
# JSON fast paths (``rows_json``): values written as JSON text, chance(p) as bits >> 11 < T
NULL, ONE, ZERO = "null", '"1"', '"0"'
ZERO_Q, ZERO_TIME_Q = f'"{ZERO_DATE}"', f'"{ZERO_DATETIME}"'
T04, T05, T10, T20, T30, T40, T50, T60, T70, T80, T85, T90 = map(
    threshold, (0.04, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9)
)
IP4_LO, IP4_SPAN = 16777216, 3758096383 - 16777216 + 1  # text.ip4: randint(16777216, 3758096383)
UA_OPTIONS = tuple(((None, 2), ("", 3), (agent, 5)) for agent in USER_AGENTS)
UA_TOTAL = weight_total(UA_OPTIONS[0])
STATUS_OPTIONS = (("1", 80), ("2", 12), ("0", 5), ("3", 3))
STATUS_TOTAL = weight_total(STATUS_OPTIONS)
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


def _names(rng: Rng) -> tuple[str, str]:
    return rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)


class ContactGen(Gen):
    name = "contacts"
    max_lag_days = 60.0
    row_draws = 31
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
        upto = max(1, min(accounts, int(accounts * 1.0)))
        self.fill_raw(
            self._orgs, ids, 3, 2, lambda v, n: 1 + v[n + 1] % upto if v[n] >> 11 < T30 else 0
        )
        orgs = self._orgs
        self.peer("accounts", AccountGen).prepare_names([o for o in map(orgs.get, ids) if o])

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
        old = created < self.w.zero_dates_until
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
            "bounced_date": self._date_or_zero(rng, created, 1.0 if bounced else 0.0, old),
            "ip": ip4(rng) if rng.chance(0.6) else "0",
            "ua": rng.weighted(((None, 2), ("", 3), (rng.choice(USER_AGENTS), 5))),
            "hash": hashlib.md5(email.encode()).hexdigest(),
            "socialdata_lastcheck": self._stamp_or_zero(rng, created, old),
            "email_local": local,
            "email_domain": domain,
            "sentcnt": str(rng.randint(0, 80)),
            "rating_tstamp": self._date_or_zero(rng, created, 0.1, old),
            "gravatar": flag(rng, 0.4),
            "deleted": "0",
            "anonymized": "0",
            "adate": f.iso(min(updated, created + rng.randint(0, 30 * DAY)))
            if rng.chance(0.5)
            else None,
            "udate": f.iso(updated),
            "edate": f.iso(updated) if rng.chance(0.6) else None,
            "deleted_at": self._zero_or_null(rng, ZERO_DATETIME, old),
            "created_utc_timestamp": f.local(created),
            "updated_utc_timestamp": f.local(updated),
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
            "sentiment": None,
            "account": str(org) if org else None,
            "customerAccount": str(org) if org else None,
        }

    def rows_json(self, ids: Sequence[int]) -> list[str]:
        """The JSON text of ``build`` for base ids, written directly (same draws, same bytes)."""
        planned = self.row_draws
        self.prepare(ids)
        vals = self.draws_for(ids, 0, planned)
        stamps = self.times_from(ids, vals, planned, remember=True)  # children ask for them
        f, w = self.fmt, self.w
        iso, local, day, iso_local = f.iso, f.local, f.day, f.iso_local
        last_moment, zero_until = w.end - 1, w.zero_dates_until
        names, orgs = self._names, self._orgs
        name_of = self.peer("accounts", AccountGen).name_of
        string, md5 = encode_string, hashlib.md5
        links = self.w.links_template("contacts", CONTACT_LINKS)
        out = []
        for j, (id_, (created, updated, n)) in enumerate(zip(ids, stamps, strict=True)):
            try:
                first, last = names.get(id_) or self.names(id_)
                local_part = f"{ascii_slug(first) or 'contact'}.{ascii_slug(last) or 'x'}{id_}"
                domain = DOMAINS[vals[n] % len(DOMAINS)]
                email = f"{local_part}@{domain}"
                org = orgs[id_] if id_ in orgs else self.org(id_)
                bounced = vals[n + 1] >> 11 < T05
                no_date = ZERO_Q if created < zero_until else NULL  # zero dates on old records
                n += 2
                if vals[n] >> 11 < T30:
                    phone_, n = "", n + 1
                else:
                    a, b, c = vals[n + 1] % 790 + 200, vals[n + 2] % 800 + 200, vals[n + 3] % 9000
                    phone_, n = f"+1 {a}-{b}-{c + 1000}", n + 4
                if bounced:
                    hard = ONE if vals[n] >> 11 < T50 else ZERO
                    soft = ONE if vals[n + 1] >> 11 < T50 else ZERO
                    n += 2
                else:
                    hard = soft = ZERO
                # _date_or_zero(rng, created, 1.0 if bounced else 0.0)
                if (vals[n] >> 11) * UNIT < (1.0 if bounced else 0.0):
                    moment = min(last_moment, created + vals[n + 1] % (200 * DAY + 1))
                    bounced_date = f'"{day(moment)}"'
                else:
                    bounced_date = no_date
                n += 2
                if vals[n] >> 11 < T60:
                    ip, n = f'"{IP4_LO + vals[n + 1] % IP4_SPAN}"', n + 2
                else:
                    ip, n = ZERO, n + 1
                options = UA_OPTIONS[vals[n] % len(UA_OPTIONS)]  # ua: choice, then weighted
                agent = weighted_at((vals[n + 1] >> 11) * UNIT, options, UA_TOTAL)
                roll = (vals[n + 2] >> 11) * UNIT
                n += 3
                if 0.04 <= roll < 0.25:  # _stamp_or_zero
                    moment = min(last_moment, created + vals[n] % (90 * DAY + 1))
                    social, n = f'"{local(moment)}"', n + 1
                else:
                    social = ZERO_TIME_Q if no_date is ZERO_Q else NULL
                sentcnt = vals[n] % 81
                if vals[n + 1] >> 11 < T10:  # _date_or_zero(rng, created, 0.1)
                    rating = f'"{day(min(last_moment, created + vals[n + 2] % (200 * DAY + 1)))}"'
                else:
                    rating = no_date
                gravatar = ONE if vals[n + 3] >> 11 < T40 else ZERO
                n += 4
                if vals[n] >> 11 < T50:
                    adate, n = (
                        f'"{iso(min(updated, created + vals[n + 1] % (30 * DAY + 1)))}"',
                        n + 2,
                    )
                else:
                    adate, n = NULL, n + 1
                udate, ustamp = iso_local(updated)
                edate = f'"{udate}"' if vals[n] >> 11 < T60 else NULL
                deleted_at = ZERO_TIME_Q if no_date is ZERO_Q else NULL
                created_by = NULL if vals[n + 2] >> 11 < T70 else ONE
                mpp = ONE if vals[n + 3] >> 11 < T20 else ZERO
                n += 4
                if n - j * planned > planned:
                    raise IndexError(id_)
            except IndexError:
                out.append(self.json_fallback(id_))
                continue
            cdate, cstamp = iso_local(created)
            account = f'"{org}"' if org else NULL
            # e-mail parts are ASCII letters, digits, dots and the domain: nothing to escape
            out.append(
                f'{{"cdate": "{cdate}", "email": "{email}", "phone": "{phone_}", '
                f'"firstName": {string(first)}, "lastName": {string(last)}, "orgid": "{org}", '
                f'"orgname": {string(name_of(org)) if org else string("")}, "segmentio_id": "", '
                f'"bounced_hard": {hard}, "bounced_soft": {soft}, "bounced_date": {bounced_date}, '
                f'"ip": {ip}, "ua": {NULL if agent is None else string(agent)}, '
                f'"hash": "{md5(email.encode()).hexdigest()}", "socialdata_lastcheck": {social}, '
                f'"email_local": "{local_part}", "email_domain": "{domain}", '
                f'"sentcnt": "{sentcnt}", '
                f'"rating_tstamp": {rating}, "gravatar": {gravatar}, "deleted": "0", '
                f'"anonymized": "0", "adate": {adate}, "udate": "{udate}", "edate": {edate}, '
                f'"deleted_at": {deleted_at}, "created_utc_timestamp": "{cstamp}", '
                f'"updated_utc_timestamp": "{ustamp}", '
                f'"created_timestamp": "{cstamp}", '
                f'"updated_timestamp": "{ustamp}", "created_by": {created_by}, '
                f'"updated_by": null, "email_empty": false, "mpp_tracking": {mpp}, '
                f'"scoreValues": [], "links": {str(id_).join(links)}, '
                f'"id": "{id_}", "organization": null, "sentiment": null, '
                f'"account": {account}, "customerAccount": {account}}}'
            )
        return out

    def _date_or_zero(self, rng: Rng, created: int, p_real: float, old: bool) -> str | None:
        """Date-only stamp: a real date, else the zero date on old records and null on new
        ones (real-responses.md, "Time")."""
        if rng.chance(p_real):
            return self.fmt.day(min(self.w.end - 1, created + rng.randint(0, 200 * DAY)))
        rng.bits()  # a spare draw: keeps the draws of the fields that follow
        return ZERO_DATE if old else None

    @staticmethod
    def _zero_or_null(rng: Rng, zero: str, old: bool) -> str | None:
        rng.bits()  # a spare draw: keeps the draws of the fields that follow
        return zero if old else None

    def _stamp_or_zero(self, rng: Rng, created: int, old: bool) -> str | None:
        roll = rng.random()
        if 0.04 <= roll < 0.25:
            return self.fmt.local(min(self.w.end - 1, created + rng.randint(0, 90 * DAY)))
        return ZERO_DATETIME if old else None


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

    def distinct(self, parent: int, k: int) -> int:
        """The k-th value (k < choices) of a per-parent permutation of 1..choices."""
        choices = self.w.gens[self.pick_from].count
        walk = self._walks.get(parent)
        start, stride = walk if walk is not None else _walk(self.rng(parent, 7), choices)
        return 1 + (start + k * stride) % choices

    def prepare_children(self, ids: Sequence[int], places: list[tuple[int, int]]) -> None:
        choices = self.w.gens[self.pick_from].count
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

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        f = self.fmt
        tag = self.distinct(parent, k)
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

    def rows_json(self, ids: Sequence[int]) -> list[str]:
        """The JSON text of ``build`` for base ids, written directly (same draws, same bytes)."""
        planned = self.row_draws
        places = self.places(ids)
        vals = self.draws_for(ids, 0, planned)
        stamps = self.child_times(places, vals, planned)
        iso_local, local, distinct = self.fmt.iso_local, self.fmt.local, self.distinct
        links = self.w.links_template("contactTags", ("tag", "contact"))
        out = []
        rows = zip(ids, places, stamps, strict=True)
        for j, (id_, (parent, k), (created, updated, n)) in enumerate(rows):
            try:
                created_by = NULL if vals[n] >> 11 < T50 else ONE
                if n + 1 - j * planned > planned:
                    raise IndexError(id_)
            except IndexError:
                out.append(self.json_fallback(id_))
                continue
            cdate, cstamp = iso_local(created)
            out.append(
                f'{{"contact": "{parent}", "tag": "{distinct(parent, k)}", '
                f'"cdate": "{cdate}", "created_timestamp": "{cstamp}", '
                f'"updated_timestamp": "{local(updated)}", "created_by": {created_by}, '
                f'"updated_by": {NULL if created == updated else ONE}, '
                f'"links": {str(id_).join(links)}, "id": "{id_}"}}'
            )
        return out


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
        row["unsubreason"] = text_sentence(rng, 0.5) if unsubscribing else None

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        f = self.fmt
        list_id = self.distinct(parent, k)
        first, last = self.peer("contacts", ContactGen).names(parent)
        status = rng.weighted(STATUS_OPTIONS)
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
            "sourceid": rng.choice(SOURCE_IDS),
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

    def rows_json(self, ids: Sequence[int]) -> list[str]:
        """The JSON text of ``build`` for base ids, written directly (same draws, same bytes)."""
        planned = self.row_draws
        places = self.places(ids)
        vals = self.draws_for(ids, 0, planned)
        stamps = self.child_times(places, vals, planned)
        cursor = Cursor(vals)
        iso_local, distinct = self.fmt.iso_local, self.distinct
        links = self.w.links_template("contactLists", CONTACT_LIST_LINKS)
        names = self.peer("contacts", ContactGen).names
        string = encode_string
        out = []
        rows = zip(ids, places, stamps, strict=True)
        for j, (id_, (parent, k), (created, updated, n)) in enumerate(rows):
            try:
                first, last = names(parent)
                status = weighted_at((vals[n] >> 11) * UNIT, STATUS_OPTIONS, STATUS_TOTAL)
                if vals[n + 1] >> 11 < T70:
                    form, n = NULL, n + 2
                else:
                    form, n = f'"{1 + vals[n + 2] % 3}"', n + 3
                cdate, cstamp = iso_local(created)
                sdate = f'"{cdate}"' if vals[n] >> 11 < T90 else NULL
                sync = ONE if vals[n + 1] >> 11 < T10 else ZERO
                n += 2
                if status == "2":
                    cursor.at = n
                    reason = string(text_sentence(cursor, 0.5))
                    n = cursor.at
                else:
                    reason = NULL
                if vals[n] >> 11 < T80:
                    campaign, n = NULL, n + 1
                else:
                    campaign, n = f'"{1 + vals[n + 1] % 60}"', n + 2
                if vals[n] >> 11 < T50:
                    ip_sub, n = f'"{IP4_LO + vals[n + 1] % IP4_SPAN}"', n + 2
                else:
                    ip_sub, n = ZERO, n + 1
                source = SOURCE_IDS[vals[n] % len(SOURCE_IDS)]
                if vals[n + 1] >> 11 < T30:
                    ip_last, n = f'"{IP4_LO + vals[n + 2] % IP4_SPAN}"', n + 3
                else:
                    ip_last, n = ZERO, n + 2
                if status == "2":
                    if vals[n] >> 11 < T50:
                        ip_unsub, n = f'"{IP4_LO + vals[n + 1] % IP4_SPAN}"', n + 2
                    else:
                        ip_unsub, n = ZERO, n + 1
                else:
                    ip_unsub = ZERO
                if vals[n] >> 11 < T85:
                    automation, n = NULL, n + 1
                else:
                    automation, n = f'"{1 + vals[n + 1] % 9}"', n + 2
                if n - j * planned > planned:
                    raise IndexError(id_)
            except IndexError:
                out.append(self.json_fallback(id_))
                continue
            if created == updated:
                udate, ustamp = NULL, cstamp
            else:
                udate, ustamp = iso_local(updated)
                udate = f'"{udate}"'
            out.append(
                f'{{"contact": "{parent}", "list": "{distinct(parent, k)}", "form": {form}, '
                f'"seriesid": "0", "sdate": {sdate}, '
                f'"udate": {udate}, '
                f'"status": "{status}", "responder": "1", "sync": {sync}, '
                f'"unsubreason": {reason}, "campaign": {campaign}, "message": null, '
                f'"first_name": {string(first)}, "last_name": {string(last)}, '
                f'"ip4Sub": {ip_sub}, "sourceid": "{source}", "autosyncLog": null, '
                f'"ip4_last": {ip_last}, "ip4Unsub": {ip_unsub}, '
                f'"created_timestamp": "{cstamp}", '
                f'"updated_timestamp": "{ustamp}", '
                f'"created_by": null, "updated_by": null, "unsubscribeAutomation": null, '
                f'"links": {str(id_).join(links)}, '
                f'"id": "{id_}", "automation": {automation}}}'
            )
        return out


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

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        field = self.distinct(parent, k)
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

    def rows_json(self, ids: Sequence[int]) -> list[str]:
        """The JSON text of ``build`` for base ids, written directly (same draws, same bytes)."""
        planned = self.row_draws
        places = self.places(ids)
        vals = self.draws_for(ids, 0, planned)
        stamps = self.child_times(places, vals, planned)
        cursor = Cursor(vals)
        iso, distinct = self.fmt.iso, self.distinct
        links = self.w.links_template("fieldValues", ("owner", "field"))
        value_for = self.peer("fields", FieldGen).value_for
        string = encode_string
        out = []
        rows = zip(ids, places, stamps, strict=True)
        for j, (id_, (parent, k), (created, updated, n)) in enumerate(rows):
            try:
                cursor.at = n
                field = distinct(parent, k)
                value = value_for(field, cursor)
                if cursor.at - j * planned > planned:
                    raise IndexError(id_)
            except IndexError:
                out.append(self.json_fallback(id_))
                continue
            out.append(
                f'{{"contact": "{parent}", "field": "{field}", '
                f'"value": {NULL if value is None else string(value)}, '
                f'"cdate": "{iso(created)}", "udate": "{iso(updated)}", '
                f'"created_by": null, "updated_by": null, '
                f'"links": {str(id_).join(links)}, '
                f'"id": "{id_}", "owner": "{parent}"}}'
            )
        return out
