"""Marketing set-up beyond the model (issue 14): automations, forms, segments.

Small tables: each record is written by hand in ``build`` (their pages are ``encode``d dicts).
Shapes follow the API reference's examples and the fields live accounts add
(created_timestamp & co.); ids, counts and flags are numeric strings, as on every GET.
"""

from __future__ import annotations

from typing import Any, ClassVar

from ..rng import Rng
from ..text import DOMAINS, sentence, title
from ..timefmt import ZERO_DATETIME
from .base import Gen, Row, flag

AUTOMATION_LINKS = (
    "campaigns",
    "contactGoals",
    "contactAutomations",
    "blocks",
    "goals",
    "sms",
    "sitemessages",
    "triggers",
)
FORM_LAYOUTS = ("inline-form", "floating-box", "floating-bar", "modal")


class AutomationGen(Gen):
    name = "automations"
    span = 0.9
    stamps: ClassVar[dict[str, str]] = {"mdate": "iso"}
    touch_field = "name"

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        f = self.fmt
        entered = rng.randint(0, 5000)
        shot = f"https://d226aj4ao1t61q.cloudfront.net/{id_}_screenshot.png"
        return {
            "name": title(rng, 3) if id_ % 7 else f'Welcome "series" {id_} 🎉',
            "cdate": f.iso(created),
            "mdate": f.iso(updated),
            "userid": str(rng.randint(1, self.w.sizes.users)),
            "status": "1" if rng.chance(0.7) else "2",
            "entered": str(entered),
            "exited": str(rng.randint(0, entered)),
            "hidden": "1" if id_ % 9 == 0 else "0",
            "defaultscreenshot": shot,
            "screenshot": shot if rng.chance(0.5) else "",
            "description": None if rng.chance(0.5) else sentence(rng, 0.2),
            "source": "0",
            "multientry": flag(rng, 0.3),
            "exit_on_unsubscribe": flag(rng, 0.5),
            "exit_on_conversion": flag(rng, 0.2),
            "entitlements_violation": "0",
            "links": self.w.links("automations", id_, AUTOMATION_LINKS),
            "id": str(id_),
        }


class FormGen(Gen):
    name = "forms"
    span = 0.8
    stamps: ClassVar[dict[str, str]] = {"udate": "iso"}
    touch_field = "title"

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        f = self.fmt
        sizes = self.w.sizes
        list_id = rng.randint(1, sizes.lists)
        address = rng.randint(1, sizes.addresses) if rng.chance(0.5) else 0
        padding: Any = 10 if id_ % 2 else "10"  # a number on some forms, a string on others
        return {
            "name": f"{title(rng, 2)} form",
            "action": "",
            "actiondata": {
                "actions": [{"type": "subscribe-to-list", "email": "", "list": str(list_id)}]
            },
            "submit": "show-thank-you",
            "submitdata": {"url": f"https://www.{rng.choice(DOMAINS)}/thanks"},
            "url": "",
            "layout": rng.choice(FORM_LAYOUTS),
            "title": title(rng, 3),
            "body": sentence(rng, 0.2),
            "button": "Submit",
            "thanks": "Thanks for signing up!",
            "style": {
                "background": "FFFFFF",
                "dark": True,
                "fontcolor": "000000",
                "layout": "normal",
                "border": {"width": 0, "style": "solid", "color": "B0B0B0", "radius": 0},
                "width": 500,
                "button": {"padding": padding, "background": "333333", "fontcolor": "FFFFFF"},
            },
            "options": {
                "blanks_overwrite": True,
                "confaction": "show-message",
                "sendoptin": rng.chance(0.5),
                "optin_id": 1,
                "optin_created": False,
                "confform": 0,
            },
            "cfields": [
                {"type": "email", "header": "Email", "required": True, "class": "_full_width"},
                {"type": "fullname", "header": "Name", "required": False, "class": "_full_width"},
            ],
            "parentformid": "0",
            "userid": str(rng.randint(1, sizes.users)),
            "addressid": str(address),
            "cdate": f.iso(created),
            "udate": f.iso(updated),
            "entries": str(rng.randint(0, 3000)),
            "aid": None if id_ % 3 == 0 else "0",
            "defaultscreenshot": f"https://d226aj4ao1t61q.cloudfront.net/form_{id_}.png",
            "recent": [],
            "contacts": rng.randint(0, 2000),  # JSON numbers in the reference's example
            "deals": 0,
            "links": self.w.links("forms", id_, ("address",)),
            "id": str(id_),
            "address": str(address) if address else None,
        }


class SegmentGen(Gen):
    name = "segments"
    span = 0.9
    stamps: ClassVar[dict[str, str]] = {"updated_timestamp": "local"}
    touch_field = "name"

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        hidden = id_ % 4 == 0  # segments automations make for themselves
        series = str(rng.randint(1, self.w.sizes.automations)) if hidden else "0"
        return {
            "name": "" if hidden else f"{title(rng, 2)} contacts",
            "logic": "and" if rng.chance(0.7) else "or",
            "hidden": "1" if hidden else "0",
            "seriesid": series,
            "segmentid_v2": None if rng.chance(0.3) else f"{rng.bits() & 0xFFFFFFFF:08x}",
            "created_timestamp": self.fmt.local(created),
            "updated_timestamp": self.fmt.local(updated),
            "created_by": None if created < self.w.zero_dates_until else "1",
            "updated_by": None,
            "links": [],  # an empty array on segments
            "id": str(id_),
        }


def zero_or_null(gen: Gen, created: int) -> str | None:
    """The empty date of a record: a MySQL zero date on records made before about 2021."""
    return ZERO_DATETIME if created < gen.w.zero_dates_until else None
