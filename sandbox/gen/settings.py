"""Account settings beyond the model (issue 14): sender addresses, brandings, calendar feeds,
deal roles, saved responses and webhooks.

Small tables: each record is written by hand in ``build``. Shapes follow the API reference's
examples plus the fields live accounts add; ids, counts and flags are numeric strings.
"""

from __future__ import annotations

from typing import Any, ClassVar

from ..rng import Rng
from ..text import DOMAINS, company, hex_string, sentence, title
from .automations import zero_or_null
from .base import Gen, Row, flag

CITIES = (("Chicago", "IL", "US"), ("Berlin", "BE", "DE"), ("Zürich", "ZH", "CH"))
ROLES = ("Decision maker", "Champion", "Influencer", "Billing contact", "Technical buyer")
CALENDAR_TYPES = ("All", "Deals", "Contacts")
WEBHOOK_EVENTS = ("subscribe", "unsubscribe", "sent", "open", "click", "bounce", "update")
WEBHOOK_SOURCES = ("public", "admin", "api", "system")


class AddressGen(Gen):
    name = "addresses"
    span = 0.05
    stamps: ClassVar[dict[str, str]] = {"updated_timestamp": "local"}
    touch_field = "address2"

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        city, state, country = CITIES[(id_ - 1) % len(CITIES)]
        return {
            "companyName": company(rng),
            "address1": f"{rng.randint(1, 999)} Main St",
            "address2": "" if rng.chance(0.6) else f"Suite {rng.randint(1, 900)}",
            "city": city,
            "state": state,
            "district": "",
            "zip": str(rng.randint(10000, 99999)),
            "country": country,
            "allgroup": "1" if id_ == 1 else flag(rng, 0.5),
            "isDefault": "1" if id_ == 1 else "0",
            "smsName": None if rng.chance(0.5) else company(rng),
            "created_timestamp": self.fmt.local(created),
            "updated_timestamp": self.fmt.local(updated),
            "created_by": None,
            "updated_by": None,
            "links": self.w.links("addresses", id_, ("addressGroup", "addressList", "forms")),
            "id": str(id_),
        }


class BrandingGen(Gen):
    """One branding per user group; its scalar ``links`` is a flag, not the links object."""

    name = "brandings"
    span = 0.02
    stamps: ClassVar[dict[str, str]] = {"updated_timestamp": "local"}
    touch_field = "siteName"

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        logo = f"https://sandbox.activehosted.com/brand/{id_}/logo.png"
        return {
            "groupid": str(1 + (id_ - 1) % self.w.sizes.groups),
            "siteName": f"{company(rng)} marketing",
            "siteLogo": logo,
            "siteLogoSmall": logo.replace("logo", "logo_small"),
            "headerTextValue": "",
            "headerHtmlValue": "" if rng.chance(0.5) else "<b>Welcome</b>",
            "footerTextValue": "",
            "footerHtmlValue": "",
            "copyright": "1",
            "version": "0",
            "license": "0",
            "links": flag(rng, 0.5),
            "help": "1",
            "adminTemplateHtm": "",
            "adminTemplateCss": "",
            "publicTemplateHtm": "<html><body>%PAGECONTENT%</body></html>",
            "publicTemplateCss": "body { font-family: sans-serif; }",
            "favicon": None,
            "admin_template_htm_backup": None,
            "admin_template_css_backup": None,
            "zendeskWidgetEnabled": "0",
            "created_timestamp": self.fmt.local(created),
            "updated_timestamp": self.fmt.local(updated),
            "id": str(id_),
        }


class CalendarGen(Gen):
    name = "calendars"
    span = 0.7
    stamps: ClassVar[dict[str, str]] = {"mdate": "iso"}
    touch_field = "title"

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        return {
            "userid": str(rng.randint(1, self.w.sizes.users)),
            "title": f"{title(rng, 2)} calendar",
            "type": rng.choice(CALENDAR_TYPES),
            "token": hex_string(rng, 32),
            "notification": flag(rng, 0.3),
            "cdate": self.fmt.iso(created),
            "mdate": self.fmt.iso(updated),
            "links": self.w.links("calendars", id_, ("calendarRels", "calendarUsers")),
            "id": str(id_),
        }


class DealRoleGen(Gen):
    """Deal roles: their timestamps carry an offset, unlike other created_timestamp fields."""

    name = "dealRoles"
    span = 0.1
    stamps: ClassVar[dict[str, str]] = {"updated_timestamp": "iso"}
    touch_field = "title"

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        role = ROLES[(id_ - 1) % len(ROLES)]
        return {
            "title": role if id_ <= len(ROLES) else f"{role} {id_}",
            "created_timestamp": self.fmt.iso(created),
            "updated_timestamp": self.fmt.iso(updated),
            "links": self.w.links("dealRoles", id_, ("contactDeals",)),
            "id": str(id_),
        }


class SavedResponseGen(Gen):
    name = "savedResponses"
    span = 0.9
    stamps: ClassVar[dict[str, str]] = {"mdate": "iso"}
    touch_field = "subject"

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        users = self.w.sizes.users
        sent = rng.chance(0.6)
        return {
            "title": title(rng, 3),
            "subject": f"Re: {title(rng, 2)}",
            "body": f"Hi %FIRSTNAME%,\n\n{sentence(rng, 0.3)}\n\nBest",
            "ldate": self.fmt.iso(updated) if sent else None,
            "last_sent_user_id": str(rng.randint(1, users)) if sent else None,
            "cdate": self.fmt.iso(created),
            "mdate": None if created == updated else self.fmt.iso(updated),
            "userid": str(rng.randint(1, users)),
            "links": self.w.links("savedResponses", id_, ("user", "savedResponseCategory")),
            "id": str(id_),
        }


class WebhookGen(Gen):
    name = "webhooks"
    span = 0.9
    touch_field = "name"

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        first = rng.randint(0, len(WEBHOOK_EVENTS) - 2)
        off = rng.chance(0.25)
        return {
            "name": f"{title(rng, 2)} hook",
            "url": f"https://hooks.{rng.choice(DOMAINS)}/ac/{id_}?key={hex_string(rng, 8)}",
            "events": list(WEBHOOK_EVENTS[first : first + 2]),
            "sources": list(WEBHOOK_SOURCES[: 1 + id_ % len(WEBHOOK_SOURCES)]),
            "listid": str(rng.randint(1, self.w.sizes.lists)) if rng.chance(0.5) else "0",
            "cdate": self.fmt.iso(created),
            "state": "deactivated" if off else "active",
            "deactivated_date": self.fmt.iso(updated) if off else zero_or_null(self, created),
            "links": [],  # an empty array on webhooks
            "id": str(id_),
        }
