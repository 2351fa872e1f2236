"""Campaign extras beyond the model (issue 14, second batch): tracked links, the lists each
campaign went to, e-mail templates and bounce logs.

Shapes follow the API reference's examples (GET /campaigns/{id}/links, /templates/{id},
/contacts/{id}/bounceLogs) and the Singer tap's schemas for fields no example shows; ids, counts
and flags are numeric strings, as on every GET.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from ..rng import Rng
from ..text import DOMAINS, ascii_slug, sentence, title
from .base import DAY, Gen, Row
from .slots import SlotGen, campaign_messages, live_stamps

if TYPE_CHECKING:
    from ..world import World

BOUNCE_CODES = ("48", "12", "3", "27", "5")  # ids of bounce codes (mailbox full, unknown user, ...)


class CampaignLinkGen(SlotGen):
    """Per campaign message: its read tracker and 0-2 tracked click URLs; per campaign one read
    tracker for every message (messageid "0", message null, as the reference's example)."""

    name = "links"
    stamps: ClassVar[dict[str, str]] = {"updated_timestamp": "local"}
    touch_field = "name"

    def __init__(self, world: World) -> None:
        slots: list[tuple[int, int, int]] = []  # (campaign, message, click number; 0 = open)
        for campaign, message, k in campaign_messages(world):
            if k == 0:
                slots.append((campaign, 0, 0))
            slots += [(campaign, message, click) for click in range(1 + message % 3)]
        super().__init__(world, slots)

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        campaign, message, click = self.slot(id_)
        created, updated = self.w.gens["campaigns"].times(campaign)
        clicks = rng.randint(0, 400) if click else 0
        url = f"https://www.{rng.choice(DOMAINS)}/{ascii_slug(title(rng, 2))}?c={campaign}"
        return {
            "campaignid": str(campaign),
            "messageid": str(message),
            "link": url if click else "open",
            "name": title(rng, 2) if click else "Read Tracker",
            "ref": "",
            "tracked": "1",
            "uniquelinkclicks": str(clicks // 2),
            "linkclicks": str(clicks),
            **live_stamps(self, created, updated),
            "links": self.w.links("links", id_, ("campaign", "message")),
            "id": str(id_),
            "campaign": str(campaign),
            "message": str(message) if message else None,
        }


class CampaignListGen(SlotGen):
    """Every campaign went to one list, every third to a second one."""

    name = "campaignLists"
    stamps: ClassVar[dict[str, str]] = {"udate": "iso", "updated_timestamp": "local"}
    touch_field = "list_amt"

    def touched_value(self, row: Row, rng: Rng) -> Any:
        return str(rng.randint(0, self.w.sizes.contacts))

    def __init__(self, world: World) -> None:
        lists = world.sizes.lists
        slots: list[tuple[int, int]] = []
        for campaign in range(1, world.sizes.campaigns + 1):
            first = 1 + campaign * 3 % lists
            slots.append((campaign, first))
            if campaign % 3 == 0:
                slots.append((campaign, 1 + first % lists))
        super().__init__(world, slots)

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        campaign, list_ = self.slot(id_)
        created, updated = self.w.gens["campaigns"].times(campaign)
        user = str(self.w.gens["campaigns"].facet(campaign, "userid"))
        return {
            "campaignid": str(campaign),
            "listid": str(list_),
            "userid": user,
            "list_amt": str(rng.randint(0, self.w.sizes.contacts)),
            "cdate": self.fmt.iso(created),
            "udate": self.fmt.iso(updated),
            "name": self.w.gens["lists"].facet(list_, "name"),
            **live_stamps(self, created, updated),
            "links": self.w.links("campaignLists", id_, ("campaign", "list", "user")),
            "id": str(id_),
            "user": user,
            "list": str(list_),
            "campaign": str(campaign),
        }


class TemplateGen(Gen):
    """E-mail templates: mdate is zone-less and links an empty array (the reference's example)."""

    name = "templates"
    span = 0.8
    stamps: ClassVar[dict[str, str]] = {"mdate": "local"}
    touch_field = "name"

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        body = sentence(rng, 0.3)
        return {
            "userid": str(rng.randint(1, self.w.sizes.users)),
            "ed_instanceid": "0",
            "ed_version": rng.choice(("0", "2")),
            "name": f"{title(rng, 2)} template",
            "subject": None if rng.chance(0.5) else f"{title(rng, 3)} – %FIRSTNAME%",
            "content": f"<html><body><h1>%FIRSTNAME%</h1><p>{body}</p></body></html>",
            "categoryid": str(rng.randint(1, 3)),
            "used": str(rng.randint(0, 40)),
            "waitpreview": "0",
            "importnum": "0",
            "mdate": self.fmt.local(updated),
            "preview_content": None,
            "modified": "0" if created == updated else "1",
            "hidden": "1" if id_ % 11 == 0 else "0",
            "screenshot": f"https://d226aj4ao1t61q.cloudfront.net/template_{id_}.png",
            "links": [],
            "id": str(id_),
        }


class BounceLogGen(Gen):
    """Bounces of campaign e-mails: a campaign message and a contact, within two weeks of the
    campaign's creation; the address is the contact's."""

    name = "bounceLogs"
    stamps: ClassVar[dict[str, str]] = {"updated_timestamp": "local"}
    touch_field = "error"

    def touched_value(self, row: Row, rng: Rng) -> Any:
        return "550 5.1.1 user unknown (re-checked)"

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        sent = self.w.gens["campaignMessages"]
        message = rng.randint(1, sent.count)
        campaign = sent.blocks.locate(message)[0]  # type: ignore[attr-defined]
        contact = rng.randint(1, self.w.sizes.contacts)
        at = self.w.gens["campaigns"].times(campaign)[0] + rng.randint(60, 14 * DAY)
        at = min(at, self.w.end - 1)
        code = rng.choice(BOUNCE_CODES)
        bounce = "1" if rng.chance(0.8) else "2"
        return {
            "tstamp": self.fmt.iso(at),
            "bounceid": bounce,
            "subscriberid": str(contact),
            "campaignid": str(campaign),
            "messageid": str(message),
            "codeid": code,
            "email": self.w.gens["contacts"].facet(contact, "email"),
            "error": "" if rng.chance(0.7) else "550 5.1.1 user unknown",
            "source": f"Return-Path: <>\nReceived: from mx{rng.randint(1, 9)}.example.net\n"
            f"Diagnostic-Code: smtp; 5.{rng.randint(1, 7)}.1",
            **live_stamps(self, at, at),
            "links": self.w.links(
                "bounceLogs", id_, ("bounce", "contact", "campaign", "message", "code")
            ),
            "id": str(id_),
            "bounce": bounce,
            "contact": str(contact),
            "campaign": str(campaign),
            "message": str(message),
            "code": code,
        }
