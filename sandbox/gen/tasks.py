"""Tasks on deals and contacts, task types (with nested ``outcomes``) and outcomes."""

from __future__ import annotations

from typing import Any, ClassVar

from ..rng import Rng, key_hash, key_hashes, unit
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


class DealTaskGen(Gen):
    """``/dealTasks``: ``reltype`` Deal (relid = deal id) or Subscriber (relid = contact id)."""

    name = "dealTasks"
    max_lag_days = 30.0
    stamps: ClassVar[dict[str, str]] = {"udate": "iso", "updated_utc_timestamp": "utc"}
    touch_field = "title"

    def reltype_of(self, id_: int) -> str:
        if id_ <= 2:
            return ("Deal", "Subscriber")[id_ - 1]
        return "Deal" if unit(key_hash(self.seed, self.code, id_, 3)) < 0.5 else "Subscriber"

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
        minutes = rng.choice((15, 30, 60))
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
            "created_utc_timestamp": f.utc(created),
            "updated_utc_timestamp": f.utc(updated),
            "donedate": f.local(done_at) if done else None,
            "done_by": user if done else None,
            "done_utc_timestamp": f.utc(done_at) if done else None,
            "duration": str(minutes),
            "links": self.w.links("dealTasks", id_, TASK_LINKS),
        }


class TaskOutcomeGen(Gen):
    name = "taskOutcomes"
    span = 0.1
    stamps: ClassVar[dict[str, str]] = {"updated_utc_timestamp": "iso"}
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
            "created_utc_timestamp": self.fmt.iso(created),
            "updated_utc_timestamp": self.fmt.iso(updated),
            "dealTasktype_ids": [str(t) for t in rels.types_of(id_)],
            "links": self.w.links("taskOutcomes", id_, ("tasktypeOutcomeRels", "dealTasks")),
            "id": str(id_),
        }


class TaskTypeGen(Gen):
    """``/dealTasktypes``: ``links`` is ``[]`` and ``outcomes`` nests the outcome relations.

    The element shape of ``outcomes`` was never seen in a stored live response; this sandbox
    uses ``{"id", "outcome_id", "display_order"}`` (unverified).
    """

    name = "dealTasktypes"
    span = 0.1
    stamps: ClassVar[dict[str, str]] = {"udate": "iso", "updated_utc_timestamp": "utc"}
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
            "created_utc_timestamp": None if predefined else f.utc(created),
            "defduration": "0" if predefined else "30",
            "display_order": str(id_),
            "id": str(id_),
            "links": [],
            "outcomes": outcomes,
            "status": "0",
            "title": TASK_TYPES[(id_ - 1) % len(TASK_TYPES)],
            "udate": None if predefined else f.iso(updated),
            "updated_by": None if predefined else "1",
            "updated_utc_timestamp": None if predefined else f.utc(updated),
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
            "created_utc_timestamp": self.fmt.iso(created),
            "updated_by": None,
            "updated_utc_timestamp": self.fmt.local(updated),
            "links": self.w.links("tasktypeOutcomeRels", id_, ("tasktype", "outcome", "createdBy")),
            "id": str(id_),
            "tasktype": str(tasktype),
            "outcome": str(outcome),
            "createdBy": "1",
        }
