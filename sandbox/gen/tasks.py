"""Tasks on deals and contacts, task types (with nested ``outcomes``) and outcomes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from ..encode import encode_string
from ..rng import Cursor, Rng, key_hash, key_hashes, threshold, unit
from ..text import sentence, title
from .base import DAY, Gen, Row

TASK_LINKS = (
    "activities",
    "automation",
    "dealTasktype",
    "doneAutomation",
    "notes",
    "owner",
    "taskNotifications",
    "user",
    "assignee",
)
# reltype -> (table of relid, owner.type)
TASK_RELTYPES = {"Deal": ("deals", "deal"), "Subscriber": ("contacts", "contact")}
OUTCOMES = (
    ("Interested", "POSITIVE", "0"),
    ("Not Interested", "NEGATIVE", "0"),
    ("Left a voicemail", "NEUTRAL", "0"),
    ("Disabled outcome", "NEUTRAL", "1"),
    ("Booked a demo 📅", "POSITIVE", "0"),
    ("Wrong number", "NEGATIVE", "0"),
)
TASK_TYPES = ("Call", "Email", "Lunch", "Meeting", "Follow-up ✉️")
PREDEFINED_TYPES = 4
MINUTES = (15, 30, 60)


class DealTaskGen(Gen):
    """``/dealTasks``: ``reltype`` Deal (relid = deal id) or Subscriber (relid = contact id)."""

    name = "dealTasks"
    max_lag_days = 30.0
    # *_utc_timestamp fields hold account-local wall time (real-responses.md, "Time")
    stamps: ClassVar[dict[str, str]] = {"udate": "iso", "updated_utc_timestamp": "local"}
    touch_field = "title"
    row_draws = 21

    def __init__(self, world: Any, count: int) -> None:
        super().__init__(world, count)
        self._reltypes: dict[int, str] = {}

    def reltype_of(self, id_: int) -> str:
        reltype = self._reltypes.get(id_)
        if reltype is not None:
            return reltype
        return self._reltype(id_, key_hash(self.seed, self.code, id_, 3))

    def _reltype(self, id_: int, h: int) -> str:
        if id_ <= 2:
            return ("Deal", "Subscriber")[id_ - 1]
        return "Deal" if unit(h) < 0.5 else "Subscriber"

    def prepare(self, ids: Sequence[int]) -> None:
        self.fill_hashes(self._reltypes, ids, 3, self._reltype)

    def facet(self, id_: int, field: str) -> Any:
        if field == "reltype":
            return self.reltype_of(id_)
        return super().facet(id_, field)

    def facets(self, field: str, ids: list[int]) -> list[Any]:
        if field != "reltype":
            return super().facets(field, ids)
        hashes = key_hashes((self.seed, self.code), ids, 3)
        return [
            self.reltype_of(i) if i <= 2 else ("Deal" if unit(h) < 0.5 else "Subscriber")
            for i, h in zip(ids, hashes, strict=True)
        ]

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        f = self.fmt
        reltype = self.reltype_of(id_)
        table, owner_type = TASK_RELTYPES[reltype]
        relid = str(self.pick(rng, table, self.position(id_)))
        due = created + rng.randint(1, 30) * DAY
        minutes = rng.choice(MINUTES)
        done = rng.chance(0.4)
        done_at = min(updated, due)
        status: Any = 1 if done else 0
        if rng.chance(0.7):  # mostly strings, sometimes JSON numbers (as in the doc example)
            status = str(status)
        user = str(rng.randint(1, self.w.sizes.users))
        return {
            "id": str(id_),
            "duedate": f.iso(due),
            "edate": f.iso(due + minutes * 60),
            "status": status,
            "title": title(rng, 2) if rng.chance(0.8) else None,
            "note": sentence(rng, 0.3),
            "relid": relid,
            "reltype": reltype,
            "dealTasktype": str(rng.randint(1, self.w.sizes.task_types)),
            "cdate": f.iso(created),
            "udate": f.iso(updated),
            "automation": None,
            "doneAutomation": None,
            "user": user,
            "assignee": str(rng.randint(1, self.w.sizes.users)),
            "owner": {"type": owner_type, "id": relid},
            "outcomeId": rng.randint(1, self.w.sizes.task_outcomes) if done else None,
            "outcomeInfo": sentence(rng, 0.3) if done and rng.chance(0.5) else None,
            "assigned_date": f.iso(created) if rng.chance(0.8) else None,
            "created_utc_timestamp": f.local(created),
            "updated_utc_timestamp": f.local(updated),
            "donedate": f.local(done_at) if done else None,
            "done_by": user if done else None,
            "done_utc_timestamp": f.local(done_at) if done else None,
            "duration": str(minutes),
            "links": self.w.links("dealTasks", id_, TASK_LINKS),
        }

    def rows_json(self, ids: Sequence[int]) -> list[str]:
        """The JSON text of ``build`` for base ids, written directly (same draws, same bytes)."""
        planned = self.row_draws
        self.prepare(ids)
        vals = self.draws_for(ids, 0, planned)
        stamps = self.times_from(ids, vals, planned)
        cursor = Cursor(vals)
        f, sizes = self.fmt, self.w.sizes
        iso, local = f.iso, f.local
        string = encode_string
        links = self.w.links_template("dealTasks", TASK_LINKS)
        counts = {table: self.w.gens[table].count for table, _ in TASK_RELTYPES.values()}
        t04, t05, t07, t08 = map(threshold, (0.4, 0.5, 0.7, 0.8))
        out = []
        for j, (id_, (created, updated, n)) in enumerate(zip(ids, stamps, strict=True)):
            try:
                reltype = self.reltype_of(id_)
                table, owner_type = TASK_RELTYPES[reltype]
                count = counts[table]
                relid = 1 + vals[n] % max(1, min(count, int(count * self.position(id_))))
                due = created + (1 + vals[n + 1] % 30) * DAY
                minutes = MINUTES[vals[n + 2] % len(MINUTES)]
                done = vals[n + 3] >> 11 < t04
                done_at = min(updated, due)
                status = f'"{int(done)}"' if vals[n + 4] >> 11 < t07 else str(int(done))
                user = 1 + vals[n + 5] % sizes.users
                if vals[n + 6] >> 11 < t08:
                    cursor.at = n + 7
                    title_ = string(title(cursor, 2))
                else:
                    cursor.at = n + 7
                    title_ = "null"
                note = sentence(cursor, 0.3)
                n = cursor.at
                tasktype = 1 + vals[n] % sizes.task_types
                assignee = 1 + vals[n + 1] % sizes.users
                n += 2
                outcome, info = "null", "null"
                if done:
                    outcome, n = str(1 + vals[n] % sizes.task_outcomes), n + 1
                    if vals[n] >> 11 < t05:
                        cursor.at = n + 1
                        info = string(sentence(cursor, 0.3))
                        n = cursor.at
                    else:
                        n += 1
                assigned = f'"{iso(created)}"' if vals[n] >> 11 < t08 else "null"
                n += 1
                if n - j * planned > planned:
                    raise IndexError(id_)
            except IndexError:
                out.append(self.json_fallback(id_))
                continue
            if done:
                donedate = done_utc = f'"{local(done_at)}"'
                done_by = f'"{user}"'
            else:
                donedate = done_by = done_utc = "null"
            out.append(
                f'{{"id": "{id_}", "duedate": "{iso(due)}", "edate": "{iso(due + minutes * 60)}", '
                f'"status": {status}, "title": {title_}, "note": {string(note)}, '
                f'"relid": "{relid}", "reltype": "{reltype}", "dealTasktype": "{tasktype}", '
                f'"cdate": "{iso(created)}", "udate": "{iso(updated)}", "automation": null, '
                f'"doneAutomation": null, "user": "{user}", "assignee": "{assignee}", '
                f'"owner": {{"type": "{owner_type}", "id": "{relid}"}}, "outcomeId": {outcome}, '
                f'"outcomeInfo": {info}, "assigned_date": {assigned}, '
                f'"created_utc_timestamp": "{local(created)}", '
                f'"updated_utc_timestamp": "{local(updated)}", "donedate": {donedate}, '
                f'"done_by": {done_by}, "done_utc_timestamp": {done_utc}, '
                f'"duration": "{minutes}", "links": {str(id_).join(links)}}}'
            )
        return out


class TaskOutcomeGen(Gen):
    name = "taskOutcomes"
    span = 0.1
    stamps: ClassVar[dict[str, str]] = {"updated_utc_timestamp": "local"}
    touch_field = "title"

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        title_, sentiment, disabled = OUTCOMES[(id_ - 1) % len(OUTCOMES)]
        rels = self.peer("tasktypeOutcomeRels", TaskTypeOutcomeRelGen)
        return {
            "title": title_,
            "sentiment": sentiment,
            "disabled": disabled,
            "created_by": "1",
            "updated_by": "1",
            "created_utc_timestamp": self.fmt.local(created),
            "updated_utc_timestamp": self.fmt.local(updated),
            "dealTasktype_ids": [str(t) for t in rels.types_of(id_)],
            "links": self.w.links("taskOutcomes", id_, ("tasktypeOutcomeRels", "dealTasks")),
            "id": str(id_),
        }


class TaskTypeGen(Gen):
    """``/dealTasktypes``: ``links`` is ``[]`` and ``outcomes`` nests the outcome relations.

    The element shape of ``outcomes`` was never seen in a stored live response; this sandbox
    uses ``{"id", "outcome_id", "display_order"}`` (unverified). Task types are the one place
    where ``*_utc_timestamp`` fields carry an ISO string with an offset (real-responses.md).
    """

    name = "dealTasktypes"
    span = 0.1
    stamps: ClassVar[dict[str, str]] = {"udate": "iso", "updated_utc_timestamp": "iso"}
    touch_field = "title"

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        f = self.fmt
        predefined = id_ <= PREDEFINED_TYPES
        rels = self.peer("tasktypeOutcomeRels", TaskTypeOutcomeRelGen)
        outcomes = [
            {"id": str(outcome), "outcome_id": str(outcome), "display_order": str(order)}
            for order, outcome in enumerate(rels.outcomes_of(id_))
        ]
        return {
            "cdate": None if predefined else f.iso(created),
            "created_by": None if predefined else "1",
            "created_utc_timestamp": None if predefined else f.iso(created),
            "defduration": "0" if predefined else "30",
            "display_order": str(id_),
            "id": str(id_),
            "links": [],
            "outcomes": outcomes,
            "status": "0",
            "title": TASK_TYPES[(id_ - 1) % len(TASK_TYPES)],
            "udate": None if predefined else f.iso(updated),
            "updated_by": None if predefined else "1",
            "updated_utc_timestamp": None if predefined else f.iso(updated),
        }


class TaskTypeOutcomeRelGen(Gen):
    name = "tasktypeOutcomeRels"
    span = 0.1
    stamps: ClassVar[dict[str, str]] = {"updated_utc_timestamp": "local"}
    touch_field = "updated_by"

    def touched_value(self, row: Row, rng: Rng) -> Any:
        return str(rng.randint(1, self.w.sizes.users))

    def __init__(self, world: Any) -> None:
        rng = Rng(world.seed, 777)
        self.rels: list[tuple[int, int]] = []
        for tasktype in range(1, world.sizes.task_types + 1):
            picked = rng.sample(range(1, world.sizes.task_outcomes + 1), rng.randint(1, 3))
            self.rels.extend((tasktype, outcome) for outcome in picked)
        super().__init__(world, len(self.rels))

    def outcomes_of(self, tasktype: int) -> list[int]:
        return [o for t, o in self.rels if t == tasktype]

    def types_of(self, outcome: int) -> list[int]:
        return [t for t, o in self.rels if o == outcome]

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        tasktype, outcome = self.rels[(id_ - 1) % len(self.rels)]
        order = self.outcomes_of(tasktype).index(outcome)
        return {
            "tasktype_id": str(tasktype),
            "outcome_id": str(outcome),
            "display_order": str(order),
            "created_by": "0",
            "created_utc_timestamp": self.fmt.local(created),
            "updated_by": None,
            "updated_utc_timestamp": self.fmt.local(updated),
            "links": self.w.links("tasktypeOutcomeRels", id_, ("tasktype", "outcome", "createdBy")),
            "id": str(id_),
            "tasktype": str(tasktype),
            "outcome": str(outcome),
            "createdBy": "1",
        }
