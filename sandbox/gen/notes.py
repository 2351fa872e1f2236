"""Notes on accounts (``CustomerAccount``), contacts (``Subscriber``) and deals."""

from __future__ import annotations

from typing import Any, ClassVar

from ..rng import Rng
from ..text import sentence
from .base import Gen, Row
from .record import Record, digits, let, links, obj, plain, text

# reltype -> (table of relid, owner.type)
RELTYPES = {
    "CustomerAccount": ("accounts", "account"),
    "Subscriber": ("contacts", "contact"),
    "Deal": ("deals", "deal"),
}
NOTE_LINKS = ("activities", "user", "mentions", "notes", "owner")
RELTYPE_ORDER = tuple(RELTYPES)  # of the first three notes, then weighted
RELTYPE_OPTIONS = tuple(zip(RELTYPE_ORDER, (4, 4, 2), strict=True))


class NoteGen(Gen):
    name = "notes"
    max_lag_days = 30.0
    stamps: ClassVar[dict[str, str]] = {"mdate": "iso", "updated_timestamp": "local"}
    touch_field = "note"
    row_draws = 9

    def touched_value(self, row: Row, rng: Rng) -> Any:
        return f"{sentence(rng, 0.5)} [edited]"

    record = Record(
        {
            "rel": let("RELTYPE_ORDER[id_ - 1] if id_ <= 3 else weighted(RELTYPE_OPTIONS)"),
            "table, owner_type": let("RELTYPES[rel]"),
            "rel_id": let("pick(counts[table], self.position(id_))"),
            "user_id": let("randint(1, sizes.users)"),
            "iso_created, local_created": let("iso_local(created)"),
            "iso_updated, local_updated": let("iso_local(updated)"),
            "relid": digits("rel_id"),
            "reltype": plain("rel"),
            "userid": digits("user_id"),
            "is_draft": plain("flag(0.05)"),
            "cdate": plain("iso_created"),
            "mdate": plain("iso_updated"),
            "note": text("sentence(rng, 0.35)"),
            "links": links(*NOTE_LINKS),
            "id": digits("id_"),
            "user": digits("user_id"),
            "owner": obj({"type": plain("owner_type"), "id": digits("rel_id")}),
            # live, not in the documented schema (real-responses.md)
            "created_timestamp": plain("local_created"),
            "updated_timestamp": plain("local_updated"),
            "created_by": digits("user_id"),
            "updated_by": digits("None if created == updated else user_id", null=True),
        },
        lookups={"counts": "{table: w.gens[table].count for table, _ in RELTYPES.values()}"},
    )
