"""Notes on accounts (``CustomerAccount``), contacts (``Subscriber``) and deals."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from ..encode import encode_string
from ..rng import UNIT, Cursor, Rng, threshold, weight_total, weighted_at
from ..text import sentence
from .base import Gen, Row

# reltype -> (table of relid, owner.type)
RELTYPES = {
    "CustomerAccount": ("accounts", "account"),
    "Subscriber": ("contacts", "contact"),
    "Deal": ("deals", "deal"),
}
NOTE_LINKS = ("activities", "user", "mentions", "notes", "owner")
RELTYPE_OPTIONS = tuple(zip(tuple(RELTYPES), (4, 4, 2), strict=True))
RELTYPE_TOTAL = weight_total(RELTYPE_OPTIONS)


class NoteGen(Gen):
    name = "notes"
    max_lag_days = 30.0
    stamps: ClassVar[dict[str, str]] = {"mdate": "iso", "updated_timestamp": "local"}
    touch_field = "note"
    row_draws = 9

    def touched_value(self, row: Row, rng: Rng) -> Any:
        return f"{sentence(rng, 0.5)} [edited]"

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        reltype = tuple(RELTYPES)[id_ - 1] if id_ <= 3 else rng.weighted(RELTYPE_OPTIONS)
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
            # live, not in the documented schema (real-responses.md)
            "created_timestamp": self.fmt.local(created),
            "updated_timestamp": self.fmt.local(updated),
            "created_by": user,
            "updated_by": None if created == updated else user,
        }

    def rows_json(self, ids: Sequence[int]) -> list[str]:
        """The JSON text of ``build`` for base ids, written directly (same draws, same bytes)."""
        planned = self.row_draws
        vals = self.draws_for(ids, 0, planned)
        stamps = self.times_from(ids, vals, planned)
        cursor = Cursor(vals)
        iso_local, string = self.fmt.iso_local, encode_string
        links = self.w.links_template("notes", NOTE_LINKS)
        counts = {table: self.w.gens[table].count for table, _ in RELTYPES.values()}
        users, draft = self.w.sizes.users, threshold(0.05)
        order = tuple(RELTYPES)
        out = []
        for j, (id_, (created, updated, n)) in enumerate(zip(ids, stamps, strict=True)):
            try:
                if id_ <= 3:
                    reltype = order[id_ - 1]
                else:
                    reltype, n = (
                        weighted_at((vals[n] >> 11) * UNIT, RELTYPE_OPTIONS, RELTYPE_TOTAL),
                        n + 1,
                    )
                table, owner_type = RELTYPES[reltype]
                count = counts[table]
                relid = 1 + vals[n] % max(1, min(count, int(count * self.position(id_))))
                user = 1 + vals[n + 1] % users
                is_draft = 1 if vals[n + 2] >> 11 < draft else 0
                cursor.at = n + 3
                note = sentence(cursor, 0.35)
                if cursor.at - j * planned > planned:
                    raise IndexError(id_)
            except IndexError:
                out.append(self.json_fallback(id_))
                continue
            by = f'"{user}"'
            (cdate, cstamp), (mdate, ustamp) = iso_local(created), iso_local(updated)
            out.append(
                f'{{"relid": "{relid}", "reltype": "{reltype}", "userid": "{user}", '
                f'"is_draft": "{is_draft}", "cdate": "{cdate}", "mdate": "{mdate}", '
                f'"note": {string(note)}, "links": {str(id_).join(links)}, '
                f'"id": "{id_}", "user": "{user}", '
                f'"owner": {{"type": "{owner_type}", "id": "{relid}"}}, '
                f'"created_timestamp": "{cstamp}", '
                f'"updated_timestamp": "{ustamp}", "created_by": {by}, '
                f'"updated_by": {"null" if created == updated else by}}}'
            )
        return out
