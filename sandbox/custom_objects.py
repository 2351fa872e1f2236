"""Custom objects: ``GET /customObjects/schemas`` and ``GET /customObjects/records/{schemaId}``.

Shapes as ActiveCampaign documents them (developers.activecampaign.com/reference/list-all-schemas,
/list-records-created-from-a-schema): UUID ids, ISO-8601 UTC timestamps with nanoseconds, each
record's ``fields`` as ``[{"id", "value"}]`` pairs, ``relationships`` as ``{id: [contact ids as
strings]}``, ``meta`` with ``total``, ``count``, ``limit`` and ``offset`` as JSON numbers. Two
schemas are defined; tests add a field or a schema between runs (``Sandbox.add_custom_field``,
``add_custom_schema``, or ``POST /__sandbox/custom_objects``). A field marked for deletion stays
in the schema with ``status: marked_for_deletion`` (the list is asked with ``showFields=all``).
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

Row = dict[str, Any]

_FRACTION = "{:09d}"
RECORDS_PER_CONTACTS = 20  # one record of each schema per this many contacts (3 to 2,000)
MOST_RECORDS = 2000


def _stamp(seconds: int, nanos: int) -> str:
    """ISO-8601 UTC with nanoseconds, as the custom objects service writes it."""
    from datetime import datetime, timezone

    moment = datetime.fromtimestamp(seconds, timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")
    return f"{moment}.{_FRACTION.format(nanos)}Z"


@dataclass
class Schema:
    row: Row
    records: list[Row] = field(default_factory=list)


# (slug, singular, plural, description, fields as (id, type, label, scale), relationship namespace)
DEFINED = (
    (
        "subscription",
        "Subscription",
        "Subscriptions",
        "Paid plans of a contact",
        (
            ("plan-name", "text", "Plan name", None),
            ("seats", "number", "Seats", 0),
            ("monthly-price", "currency", "Monthly price", 2),
            ("renews-on", "date", "Renews on", None),
            ("channel", "dropdown", "Sales channel", None),
            ("add-ons", "multiselect", "Add-ons", None),
        ),
        "contacts",
    ),
    (
        "support-ticket",
        "Support ticket",
        "Support tickets",
        "Tickets opened by a contact",
        (
            ("subject", "text", "Subject", None),
            ("opened-at", "datetime", "Opened at", None),
            ("priority", "dropdown", "Priority", None),
            ("escalated", "boolean", "Escalated", None),
            ("notes", "textarea", "Notes", None),
            ("legacy-code", "text", "Legacy code", None),  # marked for deletion (below)
        ),
        "contacts",
    ),
)
DELETED_FIELDS = {"legacy-code"}
CHOICES = {
    "channel": ["web", "partner", "sales"],
    "priority": ["low", "normal", "high"],
    "add-ons": ["sms", "crm", "support", "analytics"],
}


class CustomObjects:
    """The account's custom object schemas and their records, made from the seed."""

    def __init__(self, seed: int, contacts: int, now: int) -> None:
        self.rng = random.Random(f"{seed}:customObjects")
        self.contacts = max(1, contacts)
        self.now = now
        self.schemas: list[Schema] = []
        # False: an account whose plan has no custom objects; its routes answer 403
        self.enabled = True
        per_schema = min(MOST_RECORDS, max(3, contacts // RECORDS_PER_CONTACTS))
        for slug, singular, plural, about, fields, namespace in DEFINED:
            schema = self.add_schema(slug, singular, plural, about, namespace)
            for fid, kind, label, scale in fields:
                self._define(schema, fid, kind, label, scale)
            for n in range(per_schema):
                schema.records.append(self._record(schema, n))
            for item in schema.row["fields"]:
                if item["id"] in DELETED_FIELDS:
                    item["status"] = "marked_for_deletion"

    # -- changes between runs -------------------------------------------------------------------
    def add_schema(
        self, slug: str, singular: str, plural: str, about: str = "", namespace: str = "contacts"
    ) -> Schema:
        if any(s.row["slug"] == slug for s in self.schemas):
            raise ValueError(f"a schema with slug {slug!r} exists")
        created = _stamp(
            self.now - self.rng.randrange(30 * 86400, 400 * 86400), self.rng.randrange(10**9)
        )
        row: Row = {
            "id": str(uuid.UUID(int=self.rng.getrandbits(128), version=4)),
            "slug": slug,
            "visibility": "private",
            "labels": {"singular": singular, "plural": plural},
            "description": about,
            "createdTimestamp": created,
            "updatedTimestamp": created,
            "fields": [],
            "icons": {
                "default": "https://d226aj4ao1t61q.cloudfront.net/n9mayqo2d_customobject.png"
            },
            "relationships": [
                {
                    "id": "primary-contact",
                    "labels": {"singular": "Primary Contact", "plural": "Primary Contacts"},
                    "description": "Primary contact to this object",
                    "namespace": namespace,
                    "hasMany": False,
                }
            ],
        }
        schema = Schema(row)
        self.schemas.append(schema)
        return schema

    def add_field(self, slug: str, fid: str, kind: str, label: str) -> Row:
        """A field added to schema `slug`; its records get values for it."""
        schema = self.schema(slug)
        if any(f["id"] == fid for f in schema.row["fields"]):
            raise ValueError(f"schema {slug!r} has a field {fid!r}")
        item = self._define(schema, fid, kind, label, 0 if kind == "number" else None)
        schema.row["updatedTimestamp"] = _stamp(self.now, self.rng.randrange(10**9))
        for record in schema.records:
            record["fields"].append({"id": fid, "value": self._value(fid, kind, 0)})
        return item

    def add_records(self, slug: str, count: int) -> None:
        schema = self.schema(slug)
        start = len(schema.records)
        schema.records += [self._record(schema, start + n) for n in range(count)]

    def schema(self, slug_or_id: str) -> Schema:
        for s in self.schemas:
            if slug_or_id in (s.row["slug"], s.row["id"]):
                return s
        raise KeyError(f"no custom object schema {slug_or_id!r}")

    # -- the API --------------------------------------------------------------------------------
    def list_schemas(self, offset: int, limit: int) -> Row:
        rows = [s.row for s in self.schemas]
        return _page("schemas", rows, offset, limit)

    def list_records(self, schema_id: str, offset: int, limit: int) -> Row | None:
        try:
            schema = self.schema(schema_id)
        except KeyError:
            return None
        return _page("records", schema.records, offset, limit)

    # -- making rows ----------------------------------------------------------------------------
    def _define(self, schema: Schema, fid: str, kind: str, label: str, scale: int | None) -> Row:
        item: Row = {
            "id": fid,
            "labels": {"singular": label, "plural": label + "s"},
            "type": kind,
            "required": False,
        }
        if scale is not None:
            item["scale"] = scale
        if fid in CHOICES:
            item["options"] = [{"id": c, "value": c} for c in CHOICES[fid]]
        schema.row["fields"].append(item)
        return item

    def _record(self, schema: Schema, n: int) -> Row:
        rng = self.rng
        created = self.now - rng.randrange(1, 365) * 86400 - rng.randrange(86400)
        updated = min(self.now - 60, created + rng.randrange(0, 90) * 86400)
        fields = [
            {"id": item["id"], "value": self._value(item["id"], item["type"], n)}
            for item in schema.row["fields"]
            if rng.random() > 0.1  # a record may leave a field out
        ]
        return {
            "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "externalId": f"{schema.row['slug']}-{n + 1}" if n % 4 else None,
            "schemaId": schema.row["id"],
            "fields": fields,
            "relationships": {"primary-contact": [str(rng.randrange(1, self.contacts + 1))]},
            "createdTimestamp": _stamp(created, rng.randrange(10**9)),
            "updatedTimestamp": _stamp(updated, rng.randrange(10**9)),
        }

    def _value(self, fid: str, kind: str, n: int) -> Any:
        rng = self.rng
        if kind == "number":
            return rng.randrange(1, 200)
        if kind == "currency":
            return round(rng.uniform(5, 500), 2)
        if kind == "date":
            return _stamp(self.now - rng.randrange(0, 400) * 86400, 0)[:10]
        if kind == "datetime":
            return _stamp(self.now - rng.randrange(0, 400 * 86400), 0)[:19] + "Z"
        if kind == "boolean":
            return rng.random() < 0.3
        if kind == "dropdown":
            return rng.choice(CHOICES.get(fid, ["a", "b"]))
        if kind == "multiselect":
            options = CHOICES.get(fid, ["a", "b"])
            return sorted(rng.sample(options, rng.randrange(0, len(options) + 1)))
        return f"{fid.replace('-', ' ')} {n + 1}"


def _page(key: str, rows: list[Row], offset: int, limit: int) -> Row:
    chunk = rows[offset : offset + limit]
    return {
        key: chunk,
        "meta": {"total": len(rows), "count": len(chunk), "limit": limit, "offset": offset},
    }


def change(objects: CustomObjects, body: Mapping[str, Any]) -> Row:
    """``POST /__sandbox/custom_objects``: ``{"schema": slug, "add_field": {"id", "type",
    "label"}}``, ``{"add_schema": {"slug", "singular", "plural"}}`` or ``{"schema": slug,
    "add_records": n}``."""
    if "add_schema" in body:
        spec = body["add_schema"]
        schema = objects.add_schema(spec["slug"], spec["singular"], spec["plural"])
        for item in spec.get("fields", []):
            objects.add_field(spec["slug"], item["id"], item["type"], item["label"])
        objects.add_records(spec["slug"], int(spec.get("records", 3)))
        return schema.row
    if "add_field" in body:
        spec = body["add_field"]
        return objects.add_field(body["schema"], spec["id"], spec["type"], spec["label"])
    if "add_records" in body:
        objects.add_records(body["schema"], int(body["add_records"]))
        return objects.schema(body["schema"]).row
    raise ValueError('body must hold "add_schema", "add_field" or "add_records"')
