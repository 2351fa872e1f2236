"""Tables whose rows hang off other tables' rows (issue 14, second batch).

A ``SlotGen`` lists, in id order, what each of its rows relates to (a campaign and a message, an
automation, a pipeline and a user, ...), fixed from the sizes and the other tables' layouts when
the world is built; a row a mutation creates later reuses a slot. Rows are written by hand in
``build`` (their pages are ``encode``d dicts), as the small tables of the first batch.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .base import Gen

if TYPE_CHECKING:
    from ..world import World

Slot = tuple[int, ...]


class SlotGen(Gen):
    def __init__(self, world: World, slots: Sequence[Slot]) -> None:
        self.slots = list(slots)
        assert self.slots, f"{self.name}: no rows"
        super().__init__(world, len(self.slots))

    def slot(self, id_: int) -> Slot:
        return self.slots[(id_ - 1) % len(self.slots)]


def campaign_messages(world: World) -> list[tuple[int, int, int]]:
    """(campaign, message, index among the campaign's messages) of every generated campaign
    message: campaign message i holds message i (``CampaignMessageGen``)."""
    gen = world.gens["campaignMessages"]
    ids = list(range(1, gen.count + 1))
    places = gen.blocks.locate_many(ids)  # type: ignore[attr-defined]
    return [(campaign, id_, k) for id_, (campaign, k) in zip(ids, places, strict=True)]


def live_stamps(gen: Gen, created: int, updated: int) -> dict[str, Any]:
    """The four fields live records carry and no example of these resources shows
    (real-responses.md): zone-less account-local stamps, unknown users as null."""
    return {
        "created_timestamp": gen.fmt.local(created),
        "updated_timestamp": gen.fmt.local(updated),
        "created_by": None,
        "updated_by": None,
    }
