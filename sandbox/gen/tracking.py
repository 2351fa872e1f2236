"""What contacts did, beyond the model (issue 14): their runs through automations, their
activity feed, the one-to-one e-mails logged on them, and the site-tracking domain whitelist.

Shapes follow the OpenAPI export's examples (GET /contactAutomations, /activities,
/siteTrackingDomains); /emailActivities has no example there, so its fields are the Singer
tap's (singer-io/tap-activecampaign, schemas/email_activities.json), served camelCase as v3
serializes legacy columns (dealActivities' ``dataAction``). Ids and counts are numeric strings.
"""

from __future__ import annotations

from typing import Any, ClassVar

from ..rng import Rng
from ..text import DOMAINS, sentence, title
from .base import Gen, Row, SpreadChildGen

# (reference_type, referenceModelName, reference_action, the user does it): only the first row
# is in the OpenAPI example; the others follow its `include` list (reference.log, .link, ...)
ACTIVITY_KINDS = (
    ("SubscriberEmail", "contact-email", "", True),
    ("Log", "log", "open", False),
    ("Link", "link", "click", False),
    ("SubscriberList", "contact-list", "subscribe", False),
    ("DealNote", "note", "add", True),
    ("Automation", "automation", "start", False),
)
SITE_DOMAINS = ("example.com", "shop.example.com", "blog.example.org", "acme.test")
AUTOMATION_RUN_LINKS = ("automation", "contact", "contactGoals", "automationLogs")


class ContactAutomationGen(SpreadChildGen):
    """A contact's run through an automation (about one per contact)."""

    name = "contactAutomations"
    parent_table = "contacts"
    parent_field = "contact"
    block_size, per_block, cap = 8, 8, 3
    child_lag_days = 120.0
    stamps: ClassVar[dict[str, str]] = {"lastdate": "iso"}
    touch_field = "lastblock"

    def touched_value(self, row: Row, rng: Rng) -> Any:
        return str(rng.randint(1, 40))

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        automation = str(rng.randint(1, self.w.sizes.automations))
        total = rng.randint(1, 12)
        done = rng.chance(0.6)
        steps = total if done else rng.randint(0, total - 1)
        return {
            "contact": str(parent),
            "seriesid": automation,
            "startid": "0",
            "status": "2" if done else "1",  # 1 in the automation, 2 finished or removed
            "batchid": "completed" if done and rng.chance(0.5) else None,
            "adddate": self.fmt.iso(created),
            "remdate": self.fmt.iso(updated) if done else None,
            "timespan": str(updated - created) if done else "0",
            "lastblock": str(rng.randint(1, 40)),
            "lastlogid": str(rng.randint(0, 90000)),
            "lastdate": self.fmt.iso(updated),
            "in_als": str(rng.randint(0, 3)),  # newer field (2022 example)
            "completedElements": str(steps),
            "totalElements": str(total),
            "completed": 1 if done else 0,  # JSON numbers in every example
            "completeValue": steps * 100 // total,
            "links": self.w.links("contactAutomations", id_, AUTOMATION_RUN_LINKS),
            "id": str(id_),
            "automation": automation,
        }


class ActivityGen(SpreadChildGen):
    """A contact's activity feed (3 per contact on average); ``tstamp`` is when it happened,
    and ``GET /activities?after=`` compares it (tables.py)."""

    name = "activities"
    parent_table = "contacts"
    parent_field = "subscriberid"
    block_size, per_block, cap = 4, 12, 8
    child_lag_days = 300.0
    touch_field = "reference_action"

    def touched_value(self, row: Row, rng: Rng) -> Any:
        return "update"

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        kind, model, action, by_user = rng.choice(ACTIVITY_KINDS)
        ref = str(rng.randint(1, 5000))
        user = str(rng.randint(1, self.w.sizes.users)) if by_user else None
        return {
            "tstamp": self.fmt.iso(created),
            "subscriberid": str(parent),
            "reference_type": kind,
            "reference_id": ref,
            "reference_action": action,
            "jsonData": None if kind != "DealNote" else '{"note":"' + title(rng, 2) + '"}',
            "userid": user or "0",
            "permission": "",
            "referenceModelName": model,
            "notes": [],
            "recipients": [str(100000 + id_)] if kind == "SubscriberEmail" else [],
            "reference": {"type": model, "id": ref},
            "user": user,
            "id": str(id_),
        }


class EmailActivityGen(Gen):
    """One-to-one e-mails logged on a contact, half of them on one of the contact's deals."""

    name = "emailActivities"
    stamps: ClassVar[dict[str, str]] = {"tstamp": "iso"}
    touch_field = "subject"

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        sizes = self.w.sizes
        deal = self.pick(rng, "deals", self.position(id_)) if rng.chance(0.5) else 0
        deals = self.w.gens["deals"]
        contact = int(deals.row(deal)["contact"]) if deal else self.pick(rng, "contacts")
        user = str(rng.randint(1, sizes.users))
        domain = rng.choice(DOMAINS)
        to = self.w.gens["contacts"].row(contact)["email"]
        text = sentence(rng, 0.3)
        return {
            "subscriberid": str(contact),
            "userid": user,
            "d_id": str(deal),
            "account": None,
            "reltype": "Deal" if deal else "Subscriber",
            "relid": str(deal or contact),
            "fromName": title(rng, 2),
            "fromAddress": f"sales@{domain}",
            "toAddress": to,
            "ccAddress": "" if rng.chance(0.8) else f"team@{domain}",
            "subject": f"Re: {title(rng, 3)}",
            "message": text,
            "messageHtml": f"<p>{text}</p>",
            "tstamp": self.fmt.iso(created),
            "links": self.w.links("emailActivities", id_, ("contact", "deal", "user")),
            "id": str(id_),
            "contact": str(contact),
            "deal": str(deal) if deal else None,
            "user": user,
        }


class SiteTrackingDomainGen(Gen):
    """Whitelisted site-tracking domains: the record is its name alone, no id, no links (both
    OpenAPI examples). The API only adds and deletes them (POST, DELETE /{name}): nothing to
    update, so the sandbox refuses updates (no ``stamps``, no ``touch_field``)."""

    name = "siteTrackingDomains"
    span = 0.5

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        if id_ <= len(SITE_DOMAINS):
            return {"name": SITE_DOMAINS[id_ - 1]}
        return {"name": f"site{id_}.{rng.choice(DOMAINS)}"}  # unique: the id is in it
