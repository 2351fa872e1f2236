"""CRM extras beyond the model (issue 14, second batch): pipeline users, one-to-one e-mails to
contacts and contacts' tracking data.

contactData follows the reference's example of GET /contacts/{id}/contactData (links an empty
array, created/updated_timestamp MySQL zero dates on old records); the other two follow the
Singer tap's schemas, with relation fields next to the ids. Ids and counts are numeric strings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from ..rng import Rng
from ..text import ip4, title
from ..timefmt import ZERO_DATETIME
from .base import Gen, Row
from .slots import SlotGen, live_stamps

if TYPE_CHECKING:
    from ..world import World

# (country code, country, state, city, zip, area code, latitude, longitude, zone, offset)
PLACES = (
    ("US", "United States", "NY", "New York", "10001", "212", "40.712800", "-74.006000",
     "America/New_York", "-5.00"),
    ("US", "United States", "IL", "Chicago", "60601", "312", "41.878100", "-87.629800",
     "America/Chicago", "-6.00"),
    ("DE", "Germany", "BE", "Berlin", "10115", "0", "52.520000", "13.405000",
     "Europe/Berlin", "1.00"),
    ("CH", "Switzerland", "ZH", "Zürich", "8001", "0", "47.376900", "8.541700",
     "Europe/Zurich", "1.00"),
)  # fmt: skip
NO_PLACE = ("", "", "", "", "", "0", "0.000000", "0.000000", "", "0.00")  # the doc example
GA_SOURCES = ("google", "newsletter", "facebook")


class DealGroupUserGen(SlotGen):
    """Who may work with each pipeline: every user, except on the pipeline not open to all
    users (``allusers`` "0" on pipeline 2, ``DealGroupGen``), where every other user."""

    name = "dealGroupUsers"
    stamps: ClassVar[dict[str, str]] = {"updated_timestamp": "local"}

    def __init__(self, world: World) -> None:
        users = range(1, world.sizes.users + 1)
        slots = [
            (group, user)
            for group in range(1, world.sizes.deal_groups + 1)
            for user in users
            if group != 2 or user % 2 == 1
        ]
        super().__init__(world, slots)

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        group, user = self.slot(id_)
        created, updated = self.w.gens["dealGroups"].times(group)
        return {
            "dealGroup": str(group),
            "user": str(user),
            "cdate": self.fmt.iso(created),
            **live_stamps(self, created, created),
            "links": self.w.links("dealGroupUsers", id_, ("dealGroup", "user")),
            "id": str(id_),
        }


class ContactEmailGen(Gen):
    """One-to-one e-mails: half sent from a deal (to the deal's contact), half from a contact."""

    name = "contactEmails"
    touch_field = "messageheader"

    def touched_value(self, row: Row, rng: Rng) -> Any:
        return f"Subject: {title(rng, 2)} (edited)"

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        sizes = self.w.sizes
        deal = rng.randint(1, sizes.deals) if rng.chance(0.5) else 0
        of_deal = self.w.gens["deals"].facet(deal, "contact") if deal else None
        contact = int(of_deal) if of_deal else rng.randint(1, sizes.contacts)
        person = self.w.gens["contacts"].row(contact)
        account = person.get("account") or "0"
        user = str(rng.randint(1, sizes.users))
        message = str(100000 + id_)  # an internal mail id: no table lists these
        header = f"To: {person['email']}\nSubject: Re: {title(rng, 3)}"
        return {
            "messageid": message,
            "seriesid": "0",
            "messageheader": header,
            "userid": user,
            "d_id": str(deal),
            "subscriberid": str(contact),
            "account": str(account),
            "ip": ip4(rng),
            "sdate": self.fmt.iso(created),
            "source": "deal" if deal else "contact",
            **live_stamps(self, created, created),
            "links": self.w.links("contactEmails", id_, ("user", "deal", "contact", "message")),
            "id": str(id_),
            "user": user,
            "deal": str(deal) if deal else None,
            "contact": str(contact),
            "message": message,
        }


class ContactDataGen(Gen):
    """One tracking record per odd-numbered contact; 40% without any location (the reference's
    example: every geo field empty or zero)."""

    name = "contactData"
    stamps: ClassVar[dict[str, str]] = {"tstamp": "iso"}
    touch_field = "ga_campaign_source"

    def touched_value(self, row: Row, rng: Rng) -> Any:
        return rng.choice(GA_SOURCES)

    def contact_of(self, id_: int) -> int:
        return 1 + 2 * (id_ - 1) % self.w.sizes.contacts

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        contact = self.contact_of(id_)
        created, updated = self.w.gens["contacts"].times(contact)
        located = rng.chance(0.6)
        place = rng.choice(PLACES) if located else NO_PLACE
        country2, country, state, city, zip_, area, lat, lon, zone, offset = place
        visited = rng.chance(0.3)
        old = created < self.w.zero_dates_until  # older records: zero dates (the doc example)
        local = ZERO_DATETIME if old else self.fmt.local(created)
        return {
            "contact": str(contact),
            "tstamp": self.fmt.iso(updated),
            "geoTstamp": self.fmt.iso(created) if located else None,
            "geoIp4": ip4(rng) if located else "0",
            "geoCountry2": country2,
            "geo_country": country,
            "geoState": state,
            "geoCity": city,
            "geoZip": zip_,
            "geoArea": area,
            "geoLat": lat,
            "geoLon": lon,
            "geoTz": zone,
            "geoTzOffset": offset,
            "ga_campaign_source": rng.choice(GA_SOURCES) if visited else "",
            "ga_campaign_name": "spring-sale" if visited else "",
            "ga_campaign_medium": "email" if visited else "",
            "ga_campaign_term": "",
            "ga_campaign_content": "",
            "ga_campaign_customsegment": "",
            "ga_first_visit": self.fmt.iso(created) if visited else None,
            "ga_times_visited": str(rng.randint(1, 30)) if visited else "0",
            "fb_id": "0",
            "fb_name": "",
            "tw_id": "0",
            "created_timestamp": local,
            "updated_timestamp": ZERO_DATETIME if old else self.fmt.local(updated),
            "created_by": "0",
            "updated_by": "0",
            "links": [],
            "id": str(id_),
        }
