"""Ids and counters that arrive both as numeric strings and as JSON numbers.

GET responses send ids and counters as numeric strings (``"id":"112"``), but write responses
echo the JSON types of the request, so live data holds the same field both as ``3`` and ``"3"``
(real-responses.md, "Types": 21 fields seen both ways). The sandbox serves a seeded share of
the generated records of every table (``SHARE``), and every record written by a mutation (as a
write response would echo it), with the fields below as JSON integers.

Pages are JSON text (``TableStore.rows_json``): the text of a picked record is rewritten with
one regular expression over its top-level ``"<field>": "<digits>"`` pairs, which gives the same
bytes as ``encode(numify(row))`` (tests/test_sandbox.py checks it on every table). A string
value cannot fake such a pair (its quotes are escaped); a nested object can, so a record whose
text matches one field twice takes the dict path.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from typing import Any

from .encode import encode
from .gen.campaigns import COUNTERS as _CAMPAIGN_COUNTERS
from .rng import key_hash, name_code

Row = dict[str, Any]
SHARE = 0.05  # of the generated records of each table
_BLOCK = 4096  # picked ids are listed per block of ids, for pages of consecutive ids
_BLOCKS_KEPT = 256
_MASK = (1 << 64) - 1
_FIB = 0x9E3779B97F4A7C15  # Fibonacci hashing: consecutive ids spread over the top bits
_DIGITS = re.compile(r"-?[0-9]+")

# table -> its top-level ids, foreign keys and counters (numeric strings on GET); a table not
# listed has only ``id`` (the camelCase custom field meta sends JSON numbers already)
NUMERIC: Mapping[str, tuple[str, ...]] = {
    "contacts": ("orgid", "sentcnt", "id"),
    "contactTags": ("contact", "tag", "id"),
    "contactLists": ("contact", "list", "seriesid", "campaign", "id"),
    "fieldValues": ("contact", "field", "id", "owner"),
    "deals": (
        "owner",
        "contact",
        "group",
        "stage",
        "percent",
        "nexttaskid",
        "activitycount",
        "nextdealid",
        "id",
        "account",
        "customerAccount",
    ),
    "dealActivities": ("d_id", "d_stageid", "userid", "dataId", "seriesid", "id", "deal", "user"),
    "dealCustomFieldData": ("id", "deal_id", "custom_field_id", "dealCustomFieldMetum", "deal"),
    "contactDeals": ("deal", "contact", "id"),
    "accounts": ("owner", "id"),
    "accountContacts": ("account", "contact", "id"),
    "notes": ("relid", "userid", "id", "user"),
    "campaigns": ("userid", "sendid", "addressid", *_CAMPAIGN_COUNTERS, "id"),
    "campaignMessages": (
        "campaignid",
        "messageid",
        "sourcesize",
        *_CAMPAIGN_COUNTERS,
        "id",
        "campaign",
        "message",
    ),
    "messages": ("userid", "id"),
    "lists": ("userid", "id", "user"),
    "tags": ("subscriber_count", "id"),
    "fields": ("rows", "cols", "ordernum", "id"),
    "fieldOptions": ("field", "id"),
    "fieldRels": ("field", "relid", "dorder", "id"),
    "dealStages": ("group", "order", "id"),
    "dealTasks": ("id", "relid", "dealTasktype", "user", "assignee", "duration"),
    "dealTasktypes": ("defduration", "display_order", "id"),
    "tasktypeOutcomeRels": (
        "tasktype_id",
        "outcome_id",
        "display_order",
        "id",
        "tasktype",
        "outcome",
    ),
    "userGroups": ("userid", "groupid", "id", "user", "group"),
    "accountCustomFieldMeta": (),
    "dealCustomFieldMeta": (),
    "automations": ("userid", "status", "entered", "exited", "id"),
    "forms": ("userid", "addressid", "entries", "id"),
    "segments": ("seriesid", "id"),
    "addresses": ("isDefault", "id"),
    "brandings": ("groupid", "id"),
    "calendars": ("userid", "id"),
    "savedResponses": ("userid", "id"),
    "webhooks": ("listid", "id"),
    "links": ("campaignid", "messageid", "linkclicks", "uniquelinkclicks", "id", "campaign"),
    "campaignLists": ("campaignid", "listid", "userid", "list_amt", "id", "user", "list"),
    "dealGroupUsers": ("dealGroup", "user", "id"),
    "templates": ("userid", "categoryid", "used", "id"),
    "bounceLogs": ("subscriberid", "campaignid", "messageid", "id", "contact", "campaign"),
    "goals": ("blockid", "seriesid", "id", "automation"),
    "conversions": ("value", "id"),
    "conversionTriggers": ("conversion", "id"),
    "contactEmails": ("userid", "d_id", "subscriberid", "id", "user", "contact"),
    "contactData": ("contact", "ga_times_visited", "id"),
    "sms": ("userid", "seriesid", "sent", "failed", "id", "user", "automation"),
    "contactAutomations": (
        "contact",
        "seriesid",
        "startid",
        "status",
        "timespan",
        "lastblock",
        "lastlogid",
        "completedElements",
        "totalElements",
        "id",
        "automation",
    ),
    "connections": ("isInternal", "status", "syncStatus", "listId", "id"),
    "ecomCustomers": (
        "connectionid",
        "totalRevenue",
        "totalOrders",
        "totalProducts",
        "avgRevenuePerOrder",
        "id",
        "connection",
    ),
    "ecomOrders": ("connectionid", "customerid", "source", "id", "connection", "customer"),
    "ecomOrderProducts": ("orderid", "connectionid", "price", "quantity", "id", "ecomOrder"),
    "activities": ("subscriberid", "reference_id", "userid", "id", "user"),
    "emailActivities": ("subscriberid", "userid", "d_id", "relid", "id", "contact", "deal", "user"),
    "siteTrackingDomains": (),  # no id: the record is its name
}


class Numbers:
    """Which records of one table carry JSON numbers, and the rewrite itself."""

    def __init__(self, seed: int, table: str) -> None:
        self.fields = NUMERIC.get(table, ("id",))
        self.salt = key_hash(seed, name_code(table), 0x4E554D)
        self.cut = int(SHARE * (1 << 24))  # picked: the hash's top 24 bits below this
        keys = "|".join(re.escape(f) for f in self.fields)
        self.pattern = re.compile(f'"({keys})": "(-?[0-9]+)"') if self.fields else None
        self._blocks: dict[int, list[int]] = {}  # block -> its picked ids, ascending

    def picked(self, id_: int) -> bool:
        """Whether generated record ``id_`` is served with JSON numbers (a seeded draw)."""
        return self.pattern is not None and (((id_ ^ self.salt) * _FIB) & _MASK) >> 40 < self.cut

    def row(self, row: Row) -> Row:
        """A copy of ``row`` with the numeric strings of the table's fields as integers."""
        out = dict(row)
        for field in self.fields:
            value = out.get(field)
            if value.__class__ is str and _DIGITS.fullmatch(value):
                out[field] = int(value)
        return out

    def positions(self, ids: list[int]) -> list[int]:
        """The indexes in ``ids`` of the picked ids."""
        if self.pattern is None or not ids:
            return []
        lo, hi = ids[0], ids[-1]
        if hi - lo + 1 == len(ids) and ids == list(range(lo, hi + 1)):  # the usual page
            found: list[int] = []
            for block in range(lo // _BLOCK, hi // _BLOCK + 1):
                picks = self._blocks.get(block) or self._block(block)
                found += picks[bisect_left(picks, lo) : bisect_right(picks, hi)]
            return [id_ - lo for id_ in found]
        salt, cut = self.salt, self.cut
        return [j for j, i in enumerate(ids) if (((i ^ salt) * _FIB) & _MASK) >> 40 < cut]

    def _block(self, block: int) -> list[int]:
        if len(self._blocks) >= _BLOCKS_KEPT:
            self._blocks.clear()
        start = block * _BLOCK
        salt, cut = self.salt, self.cut
        picks = [
            i for i in range(start, start + _BLOCK) if (((i ^ salt) * _FIB) & _MASK) >> 40 < cut
        ]
        self._blocks[block] = picks
        return picks

    def rows(self, ids: list[int], rows: list[Row]) -> None:
        """Rewrite, in place, the picked ones of generated rows ``rows`` (of ``ids``)."""
        for j in self.positions(ids):
            rows[j] = self.row(rows[j])

    def texts(self, ids: list[int], texts: list[str]) -> None:
        """``rows`` for rows written as JSON text."""
        for j in self.positions(ids):
            texts[j] = self.text(texts[j])

    def text(self, text: str) -> str:
        """``encode(self.row(json.loads(text)))`` for the JSON text of a record."""
        assert self.pattern is not None
        seen: list[str] = []

        def number(found: re.Match[str]) -> str:
            seen.append(found[1])
            return f'"{found[1]}": {int(found[2])}'

        out = self.pattern.sub(number, text)
        if len(seen) != len(set(seen)):  # a field of a nested object matched too
            return encode(self.row(json.loads(text)))
        return out
