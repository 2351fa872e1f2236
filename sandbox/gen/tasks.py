"""Tasks on deals and contacts, task types (with nested ``outcomes``) and outcomes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from ..rng import Rng, key_hash, key_hashes, unit
from .base import Gen, Row
from .record import Record, digits, let, links, mixed, number, obj, plain, text

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

    record = Record(
        {
            "rel": let("self.reltype_of(id_)"),
            "table, owner_type": let("TASK_RELTYPES[rel]"),
            "rel_id": let("pick(counts[table], self.position(id_))"),
            "due": let("created + randint(1, 30) * DAY"),
            "minutes": let("choice(MINUTES)"),
            "done": let("chance(0.4)"),
            "done_stamp": let("local(min(updated, due)) if done else None"),
            # mostly strings, sometimes JSON numbers (as in the doc example)
            "task_status": let("str(int(done)) if chance(0.7) else int(done)"),
            "user_id": let("randint(1, sizes.users)"),
            "iso_created, local_created": let("iso_local(created)"),
            "iso_updated, local_updated": let("iso_local(updated)"),
            "id": digits("id_"),
            "duedate": plain("iso(due)"),
            "edate": plain("iso(due + minutes * 60)"),
            "status": mixed("task_status"),
            "title": text("title(rng, 2) if chance(0.8) else None", null=True),
            "note": text("sentence(rng, 0.3)"),
            "relid": digits("rel_id"),
            "reltype": plain("rel"),
            "dealTasktype": digits("randint(1, sizes.task_types)"),
            "cdate": plain("iso_created"),
            "udate": plain("iso_updated"),
            "automation": None,
            "doneAutomation": None,
            "user": digits("user_id"),
            "assignee": digits("randint(1, sizes.users)"),
            "owner": obj({"type": plain("owner_type"), "id": digits("rel_id")}),
            "outcomeId": number("randint(1, sizes.task_outcomes) if done else None", null=True),
            "outcomeInfo": text("sentence(rng, 0.3) if done and chance(0.5) else None", null=True),
            "assigned_date": plain("iso_created if chance(0.8) else None", null=True),
            "created_utc_timestamp": plain("local_created"),
            "updated_utc_timestamp": plain("local_updated"),
            "donedate": plain("done_stamp", null=True),
            "done_by": digits("user_id if done else None", null=True),
            "done_utc_timestamp": plain("done_stamp", null=True),
            "duration": digits("minutes"),
            "links": links(*TASK_LINKS),
        },
        lookups={"counts": "{table: w.gens[table].count for table, _ in TASK_RELTYPES.values()}"},
    )


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
