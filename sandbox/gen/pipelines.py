"""Pipelines (``dealGroups``) and their stages (``dealStages``)."""

from __future__ import annotations

from typing import Any, ClassVar

from ..rng import Rng
from ..text import hex_string
from ..timefmt import ZERO_DATETIME
from .base import Gen, Row

PIPELINES = ("Sales pipeline", "Partnerships", "Renewals ♻️", "Enterprise", "Channel")
STAGES = (
    "Initial contact",
    "Qualified",
    "Demo scheduled",
    "Proposal sent",
    "Negotiation",
    "Contract “sent”",
)


class DealGroupGen(Gen):
    name = "dealGroups"
    span = 0.05
    stamps: ClassVar[dict[str, str]] = {"udate": "iso", "updated_timestamp": "local"}
    touch_field = "title"

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        init = rng.weighted(((ZERO_DATETIME, 1), ("stamp", 1), (None, 1)))
        stages = self.w.gens["dealStages"]
        return {
            "allgroups": "1",
            "allusers": "1" if id_ != 2 else "0",
            "autoassign": "1" if id_ == 1 else "0",
            "cdate": self.fmt.iso(created),
            "created_by": "1",  # the four *_by/*_timestamp fields: live, not documented
            "created_timestamp": self.fmt.local(created),
            "currency": "usd" if id_ != 3 else "eur",
            "id": str(id_),
            "links": self.w.links(
                "dealGroups", id_, ("dealGroupGroups", "dealGroupUsers", "stages")
            ),
            "source": None if rng.chance(0.5) else "import",
            "stages": [str(s) for s in stages.base_children(id_)],
            "title": PIPELINES[(id_ - 1) % len(PIPELINES)],
            "udate": self.fmt.iso(updated),
            "updated_by": None if created == updated else "1",
            "updated_timestamp": self.fmt.local(updated),
            "win_probability_initialize_date": self.fmt.local(created) if init == "stamp" else init,
        }


class DealStageGen(Gen):
    name = "dealStages"
    span = 0.05
    parent_table = "dealGroups"
    parent_field = "group"
    stamps: ClassVar[dict[str, str]] = {"udate": "iso", "updated_timestamp": "local"}
    touch_field = "title"

    def __init__(self, world: Any) -> None:
        rng = Rng(world.seed, 4242)
        self.groups: list[int] = []
        for group in range(1, world.sizes.deal_groups + 1):
            self.groups.extend([group] * rng.randint(3, 6))
        super().__init__(world, len(self.groups))
        self._stages: dict[int, range] = {}  # base stages of each pipeline

    def base_children(self, parent: int) -> range:
        stages = self._stages.get(parent)
        if stages is None:
            ids = [i for i, group in enumerate(self.groups, start=1) if group == parent]
            stages = self._stages[parent] = range(ids[0], ids[-1] + 1) if ids else range(0)
        return stages

    def stages_of(self, group: int) -> range:
        return self.base_children(group)

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        group = self.groups[id_ - 1] if id_ <= len(self.groups) else parent
        order = id_ - self.stages_of(group).start + 1 if id_ <= len(self.groups) else k + 1
        dated = id_ % 7 != 3  # live stages can have null cdate/udate (real-responses.md)
        return {
            "cardRegion1": "title",
            "cardRegion2": "next-action",
            "cardRegion3": rng.choice(("show-avatar", "hide-avatar")),
            "cardRegion4": "contact-fullname-orgname",
            "cardRegion5": "value",
            "cdate": self.fmt.iso(created) if dated else None,
            "color": hex_string(rng, 6).upper(),
            "created_by": "1" if dated else None,
            "created_timestamp": self.fmt.local(created) if dated else None,
            "dealOrder": "next-action DESC",
            "group": str(group),
            "id": str(id_),
            "links": self.w.links("dealStages", id_, ("group",)),
            "order": str(order),
            "title": STAGES[(order - 1) % len(STAGES)],
            "udate": self.fmt.iso(updated) if dated else None,
            "updated_by": None,
            "updated_timestamp": self.fmt.local(updated) if dated else None,
            "width": rng.choice(("280", "270")),
        }
