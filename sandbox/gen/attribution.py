"""Automation goals, conversions and their triggers, and automations' SMS messages (issue 14,
second batch): lists the API reference does not document, shaped after the Singer tap's schemas
(singer-io/tap-activecampaign) with relation fields (automation, conversion, ...) next to the
ids, as documented resources have them. Ids, counts and flags are numeric strings."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from ..rng import Rng
from ..text import DOMAINS, title
from .base import Gen, Row, flag
from .slots import SlotGen, live_stamps

if TYPE_CHECKING:
    from ..world import World

CONVERSIONS = (("Purchase", "9900"), ("Demo booked", "0"), ("Signed up", "500"), ("Upgrade", "0"))
TRIGGER_TYPES = ("visit", "event", "automation")
SMS_DAYS = ("1,2,3,4,5", "0,1,2,3,4,5,6", "6,0")


def block_of(automation: int, k: int) -> int:
    """The id of an automation's k-th goal step: blocks are numbered 10 per automation."""
    return automation * 10 + k + 1


class GoalGen(SlotGen):
    """Goal steps of automations: none, one or two per automation."""

    name = "goals"
    touch_field = "name"

    def __init__(self, world: World) -> None:
        automations = range(1, world.sizes.automations + 1)
        super().__init__(world, [(a, k) for a in automations for k in range(a % 3)])

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        automation, step = self.slot(id_)
        created, updated = self.w.gens["automations"].times(automation)
        block = str(block_of(automation, step))
        return {
            "blockid": block,
            "seriesid": str(automation),
            "name": f"{title(rng, 2)} goal",
            "cdate": self.fmt.iso(created),
            "dirty_stats": flag(rng, 0.1),
            **live_stamps(self, created, updated),
            "links": self.w.links("goals", id_, ("automation", "automationBlock")),
            "id": str(id_),
            "automation": str(automation),
            "automationBlock": block,
        }


class ConversionGen(Gen):
    name = "conversions"
    span = 0.6
    stamps: ClassVar[dict[str, str]] = {"udate": "iso", "updated_timestamp": "local"}
    touch_field = "name"

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        name, value = CONVERSIONS[(id_ - 1) % len(CONVERSIONS)]
        limit = rng.choice(("0", "1", "5"))
        return {
            "name": name if id_ <= len(CONVERSIONS) else f"{name} {id_}",
            "value": value,
            "currency": "usd",
            "limit": limit,
            "enforcelimit": "0" if limit == "0" else "1",
            "cdate": self.fmt.iso(created),
            "udate": self.fmt.iso(updated),
            **live_stamps(self, created, updated),
            "links": self.w.links("conversions", id_, ("contactConversions", "conversionTriggers")),
            "id": str(id_),
        }


class ConversionTriggerGen(SlotGen):
    """One to three triggers per conversion; automation triggers name a goal step."""

    name = "conversionTriggers"
    stamps: ClassVar[dict[str, str]] = {"udate": "iso", "updated_timestamp": "local"}
    touch_field = "value"

    def touched_value(self, row: Row, rng: Rng) -> Any:
        return f"https://www.{rng.choice(DOMAINS)}/thanks?edited=1"

    def __init__(self, world: World) -> None:
        conversions = range(1, world.sizes.conversions + 1)
        super().__init__(world, [(c, k) for c in conversions for k in range(1 + c % 3)])

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        conversion, _ = self.slot(id_)
        kind = TRIGGER_TYPES[id_ % len(TRIGGER_TYPES)]
        block = "0"
        if kind == "automation":
            goals = self.w.gens["goals"]
            assert isinstance(goals, GoalGen)
            automation, step = goals.slot(rng.randint(1, goals.count))
            block = str(block_of(automation, step))
        value = {
            "visit": f"https://www.{rng.choice(DOMAINS)}/thanks",
            "event": rng.choice(("purchase", "signup", "demo_request")),
            "automation": "",
        }[kind]
        return {
            "conversion": str(conversion),
            "trigger_type": kind,
            "modifier": "contains" if kind == "visit" else "is",
            "value": value,
            "dynamic": flag(rng, 0.2),
            "retroactive": flag(rng, 0.3),
            "cdate": self.fmt.iso(created),
            "udate": self.fmt.iso(updated),
            "automation_block": block,
            **live_stamps(self, created, updated),
            "links": self.w.links("conversionTriggers", id_, ("conversion",)),
            "id": str(id_),
        }


class SmsGen(SlotGen):
    """SMS steps of automations: odd-numbered automations send one, every fourth sends two."""

    name = "sms"
    stamps: ClassVar[dict[str, str]] = {"tstamp": "iso", "updated_timestamp": "local"}
    touch_field = "msg"

    def __init__(self, world: World) -> None:
        automations = range(1, world.sizes.automations + 1)
        steps = [(a, k) for a in automations for k in range(a % 2 + 2 * (a % 4 == 0))]
        super().__init__(world, steps)

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        automation, _ = self.slot(id_)
        created, updated = self.w.gens["automations"].times(automation)
        user = str(rng.randint(1, self.w.sizes.users))
        sent = rng.randint(0, 900) if rng.chance(0.8) else 0
        replies = rng.randint(0, sent // 10)
        return {
            "userid": user,
            "seriesid": str(automation),
            "msg": f"Hi %FIRSTNAME%, {title(rng, 3).lower()}! Reply STOP to opt out.",
            "tstamp": self.fmt.iso(updated),
            "tf_day": rng.choice(SMS_DAYS),
            "tf_hr_from": str(rng.randint(7, 10)),
            "tf_hr_to": str(rng.randint(17, 21)),
            "sent": str(sent),
            "failed": str(rng.randint(0, sent // 20)),
            "unsubscribes": str(rng.randint(0, sent // 30)),
            "replies": str(replies),
            "uniquereplies": str(replies // 2),
            "sdate": self.fmt.iso(created) if sent else None,
            "ldate": self.fmt.iso(updated) if sent else None,
            **live_stamps(self, created, updated),
            "links": self.w.links("sms", id_, ("automation", "user")),
            "id": str(id_),
            "user": user,
            "automation": str(automation),
        }
