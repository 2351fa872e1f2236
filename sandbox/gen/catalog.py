"""Small lookup tables: lists, tags, contact custom fields (+ options, rels), scores."""

from __future__ import annotations

from typing import Any, ClassVar

from ..rng import Rng
from ..text import AWKWARD_TEXTS, DOMAINS, WORDS, ascii_slug, company, phone, sentence
from .base import Gen, Row, flag

LIST_NAMES = (
    "Newsletter",
    "Product updates",
    "Customers",
    "Webinar attendees",
    "Trial users",
    "Partners",
    "Événements 2026",
    'VIP "Gold" members',
)
TAG_NAMES = (
    "customer",
    "lead",
    "vip",
    "newsletter",
    "webinar-2025",
    "trial",
    "churned",
    "partner",
    "Zoë's list",
    "🔥 hot lead",
    "event:berlin",
    "source/google",
    "source/facebook",
    "needs follow-up",
    "do not call",
    "beta",
    "enterprise",
    "smb",
    "onboarded",
    "nps-promoter",
    "nps-detractor",
    "abandoned cart",
    "purchased",
    "upsell",
    "re-engaged",
    "cold",
    "warm",
    "imported",
    "api",
    "Ünïcode tag",
)
# (title, type, option labels, default, description)
FIELD_DEFS: tuple[tuple[str, str, tuple[str, ...], str | None, str | None], ...] = (
    ("Company size", "dropdown", ("1-10", "11-50", "51-200", "200+"), None, "Employees"),
    ("Birthday", "date", (), None, None),
    ("Favourite colour", "radio", ("Red", "Green", "Blue"), "Blue", ""),
    ("Notes", "textarea", (), None, 'Free text, may hold "quotes"'),
    ("Interests", "listbox", ("Sport", "Music", "Travel"), None, None),
    ("Lead source", "text", (), "", "Where the lead came from"),
    ("Newsletter opt-in", "checkbox", ("Yes", "No"), None, None),
    ("Last purchase", "datetime", (), None, None),
    ("Loyalty points", "text", (), "0", None),
    ("Tracking id", "hidden", (), None, None),
)
SCORE_DEFS = (
    ("contact", "Link Engagement Score", "+50 points when user clicks any link sent"),
    ("contact", "Easy Targets", "+10 for replying to any campaign email"),
    ("deal", "Is John Smith", "+10 If contacts first name is John and the last name is Smith"),
    ("deal", "Country Is USA", "+20 if contact resides in the United States"),
    ("contact", "Engagement “hot” 🔥", "Opens + clicks in the last 30 days"),
)


class ListGen(Gen):
    name = "lists"
    row_draws = 26
    span = 0.1
    stamps: ClassVar[dict[str, str]] = {"udate": "iso", "updated_timestamp": "local"}
    touch_field = "sender_reminder"

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        f = self.fmt
        name = LIST_NAMES[(id_ - 1) % len(LIST_NAMES)]
        if id_ > len(LIST_NAMES):
            name = f"{name} {id_}"
        user = str(rng.randint(1, self.w.sizes.users))
        return {
            "stringid": ascii_slug(name) or f"list-{id_}",
            "userid": user,
            "name": name,
            "cdate": f.iso(created),
            "p_use_tracking": "1",
            "p_use_analytics_read": flag(rng, 0.3),
            "p_use_analytics_link": flag(rng, 0.3),
            "p_use_twitter": "0",
            "p_use_facebook": flag(rng, 0.1),
            "p_embed_image": "1",
            "p_use_captcha": flag(rng, 0.5),
            "send_last_broadcast": flag(rng, 0.2),
            "private": flag(rng, 0.1),
            "analytics_domains": None,
            "analytics_source": "",
            "analytics_ua": "",
            "twitter_token": "",
            "twitter_token_secret": "",
            "facebook_session": None,
            "carboncopy": None if rng.chance(0.7) else "ops@example.com, sales@example.com",
            "subscription_notify": None if rng.chance(0.6) else "owner@example.com",
            "unsubscription_notify": None,
            "require_name": flag(rng, 0.2),
            "get_unsubscribe_reason": flag(rng, 0.5),
            "to_name": "Subscriber",
            "optinoptout": "1",
            "sender_name": company(rng),
            "sender_addr1": f"{rng.randint(1, 999)} Main St",
            "sender_addr2": "",
            "sender_city": "Chicago",
            "sender_state": "IL",
            "sender_zip": f"{rng.randint(60601, 60699)}",
            "sender_country": "US",
            "sender_phone": phone(rng),
            "sender_url": f"https://www.{rng.choice(DOMAINS)}",
            "sender_reminder": sentence(rng, 0.3),
            "fulladdress": None if id_ % 2 == 0 else "",  # null on some live lists
            "optinmessageid": "0",
            "optoutconf": "0",
            "deletestamp": None,
            "udate": None if created == updated else f.iso(updated),
            "created_timestamp": f.local(created),
            "updated_timestamp": f.local(updated),
            "created_by": None,
            "updated_by": None,
            "channel": "email",
            "links": self.w.links("lists", id_, ("contactGoalLists", "user", "addressLists")),
            "id": str(id_),
            "user": None if id_ % 3 == 0 else user,  # null on some live lists, userid kept
        }


class TagGen(Gen):
    """Tags 1..carried are the ones contacts pick (``ContactTagGen``); the ``unused`` ones after
    them are carried by no contact, as on live accounts (tags kept after a clean-up)."""

    name = "tags"
    row_draws = 8
    span = 0.2
    stamps: ClassVar[dict[str, str]] = {"updated_timestamp": "local"}
    touch_field = "description"

    def __init__(self, world: Any, carried: int, unused: int = 0) -> None:
        super().__init__(world, carried + unused, placed=carried)
        self.carried = carried

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        f = self.fmt
        tag = TAG_NAMES[(id_ - 1) % len(TAG_NAMES)]
        if id_ > len(TAG_NAMES):
            tag = f"{tag}-{id_}"
        return {
            "tagType": "template" if id_ % 11 == 0 else "contact",
            "tag": tag,
            "description": "" if rng.chance(0.6) else sentence(rng, 0.3),
            "cdate": f.iso(created),
            "created_timestamp": f.local(created),
            "updated_timestamp": f.local(updated),
            "created_by": None if id_ < 4 else "1",
            "updated_by": None,
            "deleted": "0",
            "subscriber_count": str(rng.randint(0, 5000)),
            "links": self.w.links("tags", id_, ("contactGoalTags",)),
            "id": str(id_),
        }


def _option_rows() -> list[tuple[int, int, str]]:
    """(field id, order, label) for every option, in id order."""
    return [
        (field_id, order, label)
        for field_id, (_, _, labels, _, _) in enumerate(FIELD_DEFS, start=1)
        for order, label in enumerate(labels, start=1)
    ]


class FieldGen(Gen):
    name = "fields"
    span = 0.05
    stamps: ClassVar[dict[str, str]] = {"udate": "iso", "updated_timestamp": "local"}
    touch_field = "descript"

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        f = self.fmt
        title_, type_, _, default, descript = FIELD_DEFS[(id_ - 1) % len(FIELD_DEFS)]
        perstag = ascii_slug(title_).upper() or f"FIELD{id_}"
        options = self.w.gens["fieldOptions"]
        rels = self.w.gens["fieldRels"]
        return {
            "title": title_,
            "descript": descript,
            "type": type_,
            "isrequired": "1" if id_ == 1 else "0",
            "perstag": perstag,
            "defval": default,
            "show_in_list": "0",
            "rows": "3" if type_ == "textarea" else "0",
            "cols": "40" if type_ == "textarea" else "0",
            "visible": "1",
            "service": "salesforce" if id_ == 10 else "",
            "ordernum": str(id_),
            "cdate": f.iso(created),
            "udate": f.iso(updated),
            "created_timestamp": f.local(created),
            "updated_timestamp": f.local(updated),
            "created_by": "1",
            "updated_by": None if created == updated else "1",
            "options": [str(i) for i in options.base_children(id_)],
            "relations": [str(i) for i in rels.base_children(id_)],
            "links": self.w.links("fields", id_, ("options", "relations")),
            "id": str(id_),
        }

    def value_for(self, field_id: int, rng: Rng) -> str | None:
        """A plausible ``fieldValues.value`` for a field, in the API's value styles."""
        _, type_, labels, _, _ = FIELD_DEFS[(field_id - 1) % len(FIELD_DEFS)]
        if rng.chance(0.05):
            return None
        if type_ in ("dropdown", "radio"):
            return rng.choice(labels)
        if type_ in ("listbox", "checkbox"):
            return "||" + "||".join(rng.sample(labels, rng.randint(1, len(labels)))) + "||"
        if type_ == "date":
            return f"{rng.randint(1950, 2005)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        if type_ == "datetime":
            return self.fmt.local(self.w.start + rng.randint(0, self.w.end - self.w.start))
        if type_ == "textarea":
            return rng.choice(AWKWARD_TEXTS) if rng.chance(0.4) else sentence(rng)
        if type_ == "hidden":
            return f"trk-{rng.bits() & 0xFFFFFF:06x}"
        if field_id % len(FIELD_DEFS) == 9:
            return str(rng.randint(0, 10000))
        return rng.choice(WORDS)


class FieldOptionGen(Gen):
    """The side-loaded ``fieldOptions`` of ``/fields`` (parent key ``field``)."""

    name = "fieldOptions"
    span = 0.05
    parent_table = "fields"
    parent_field = "field"
    stamps: ClassVar[dict[str, str]] = {"udate": "iso"}
    touch_field = "label"

    def __init__(self, world: Any) -> None:
        self.options = _option_rows()
        super().__init__(world, len(self.options))

    def base_children(self, parent: int) -> range:
        ids = [i for i, (field, _, _) in enumerate(self.options, start=1) if field == parent]
        return range(ids[0], ids[-1] + 1) if ids else range(0)

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        if id_ <= len(self.options):
            field, order, label = self.options[id_ - 1]
        else:
            field, order, label = parent, k + 1, f"Option {id_}"
        return {
            "field": str(field),
            "orderid": order,
            "value": label,
            "label": label,
            "isdefault": 1 if order == 1 and field == 3 else 0,
            "cdate": self.fmt.iso(created),
            "udate": self.fmt.iso(updated),
            "links": self.w.links("fieldOptions", id_, ("field",)),
            "id": str(id_),
        }


class FieldRelGen(Gen):
    """The side-loaded ``fieldRels`` of ``/fields``: which lists a field belongs to."""

    name = "fieldRels"
    span = 0.05
    parent_table = "fields"
    parent_field = "field"
    touch_field = "dorder"

    def touched_value(self, row: Row, rng: Rng) -> Any:
        return str(int(row["dorder"]) + rng.randint(1, 5))

    def __init__(self, world: Any) -> None:
        # every field is on "all lists" (relid 0); every third also on a specific list
        self.rels: list[tuple[int, int]] = []
        for field in range(1, world.sizes.fields + 1):
            self.rels.append((field, 0))
            if field % 3 == 0:
                self.rels.append((field, 1 + field % world.sizes.lists))
        super().__init__(world, len(self.rels))

    def base_children(self, parent: int) -> range:
        ids = [i for i, (field, _) in enumerate(self.rels, start=1) if field == parent]
        return range(ids[0], ids[-1] + 1) if ids else range(0)

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        field, relid = self.rels[id_ - 1] if id_ <= len(self.rels) else (parent, 0)
        return {
            "field": str(field),
            "relid": str(relid),
            "dorder": "0",
            "cdate": self.fmt.iso(created),
            "links": [],
            "id": str(id_),
        }


class ScoreGen(Gen):
    name = "scores"
    span = 0.3
    stamps: ClassVar[dict[str, str]] = {"mdate": "iso"}
    touch_field = "descript"

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        reltype, name, descript = SCORE_DEFS[(id_ - 1) % len(SCORE_DEFS)]
        return {
            "reltype": reltype,
            "name": name,
            "descript": descript,
            "status": "0" if id_ == 4 else "1",
            "cdate": self.fmt.iso(created),
            "mdate": self.fmt.iso(updated),
            "links": [],
            "id": str(id_),
        }
