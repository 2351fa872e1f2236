"""Notes on accounts (``CustomerAccount``), contacts (``Subscriber``) and deals."""

from __future__ import annotations

from typing import Any, ClassVar

from ..rng import Rng
from ..text import sentence
from .base import Gen, Row

# reltype -> (table of relid, owner.type)
RELTYPES = {
    "CustomerAccount": ("accounts", "account"),
    "Subscriber": ("contacts", "contact"),
    "Deal": ("deals", "deal"),
}
NOTE_LINKS = ("activities", "user", "mentions", "notes", "owner")


class NoteGen(Gen):
    name = "notes"
    max_lag_days = 30.0
    stamps: ClassVar[dict[str, str]] = {"mdate": "iso"}
    touch_field = "note"

    def touched_value(self, row: Row, rng: Rng) -> Any:
        return f"{sentence(rng, 0.5)} [edited]"

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        order = tuple(RELTYPES)
        reltype = (
            order[id_ - 1] if id_ <= 3 else rng.weighted(tuple(zip(order, (4, 4, 2), strict=True)))
        )
        table, owner_type = RELTYPES[reltype]
        relid = str(self.pick(rng, table, self.position(id_)))
        user = str(rng.randint(1, self.w.sizes.users))
        return {
            "relid": relid,
            "reltype": reltype,
            "userid": user,
            "is_draft": "1" if rng.chance(0.05) else "0",
            "cdate": self.fmt.iso(created),
            "mdate": self.fmt.iso(updated),
            "note": sentence(rng, 0.35),
            "links": self.w.links("notes", id_, NOTE_LINKS),
            "id": str(id_),
            "user": user,
            "owner": {"type": owner_type, "id": relid},
        }
