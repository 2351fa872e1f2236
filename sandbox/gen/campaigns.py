"""Campaigns (92 seed fields), their per-variant message metrics, and message contents."""

from __future__ import annotations

from typing import Any, ClassVar

from ..rng import Rng
from ..text import AWKWARD_TEXTS, DOMAINS, hex_string, ip4, title
from ..timefmt import ZERO_DATETIME
from .base import DAY, ChildGen, Gen, Row, flag

CAMPAIGN_TYPES = (
    ("single", 50),
    ("split", 10),
    ("responder", 15),
    ("recurring", 5),
    ("reminder", 5),
    ("activerss", 5),
    ("special", 5),
    ("text", 5),
)
# status: 0 draft, 1 scheduled, 2 sending, 3 paused, 4 stopped, 5 completed
STATUSES = (("5", 55), ("0", 20), ("1", 10), ("2", 3), ("3", 5), ("4", 7))
COUNTERS = (
    "send_amt",
    "total_amt",
    "opens",
    "uniqueopens",
    "linkclicks",
    "uniquelinkclicks",
    "subscriberclicks",
    "forwards",
    "uniqueforwards",
    "hardbounces",
    "softbounces",
    "unsubscribes",
    "unsubreasons",
    "updates",
    "socialshares",
    "replies",
    "uniquereplies",
)
CAMPAIGN_LINKS = (
    "user",
    "automation",
    "campaignMessage",
    "campaignMessages",
    "links",
    "campaignLists",
)


def counters(rng: Rng, sent: bool) -> dict[str, str]:
    """Send metrics as strings, consistent with each other (unique <= total <= sent)."""
    if not sent:
        return dict.fromkeys(COUNTERS, "0")
    sent_amt = rng.randint(50, 20000)
    opens = rng.randint(0, sent_amt)
    unique_opens = rng.randint(0, opens)
    clicks = rng.randint(0, opens)
    values = {
        "send_amt": sent_amt,
        "total_amt": sent_amt,
        "opens": opens,
        "uniqueopens": unique_opens,
        "linkclicks": clicks,
        "uniquelinkclicks": rng.randint(0, clicks),
        "subscriberclicks": rng.randint(0, clicks),
        "forwards": rng.randint(0, 20),
        "uniqueforwards": rng.randint(0, 10),
        "hardbounces": rng.randint(0, sent_amt // 50),
        "softbounces": rng.randint(0, 30),
        "unsubscribes": rng.randint(0, sent_amt // 100),
        "unsubreasons": rng.randint(0, 5),
        "updates": rng.randint(0, 5),
        "socialshares": "0",
        "replies": rng.randint(0, 12),
        "uniquereplies": rng.randint(0, 6),
    }
    return {key: str(value) for key, value in values.items()}


class CampaignGen(Gen):
    name = "campaigns"
    row_draws = 80
    max_lag_days = 45.0
    stamps: ClassVar[dict[str, str]] = {"mdate": "iso", "updated_timestamp": "local"}
    touch_field = "name"

    def touch(self, row: Row, rng: Rng, at: int) -> None:
        super().touch(row, rng, at)
        if row.get("sdate"):  # metrics keep moving after a send
            for key in ("opens", "uniqueopens", "linkclicks"):
                row[key] = str(int(row[key]) + rng.randint(1, 25))

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        f = self.fmt
        type_ = rng.weighted(CAMPAIGN_TYPES)
        status = rng.weighted(STATUSES)
        sent = status in ("2", "3", "4", "5")
        send_at = min(self.w.end - 1, created + rng.randint(0, 10 * DAY))
        automation = str(rng.randint(1, 9)) if type_ == "responder" else None
        row: Row = {"type": type_, "userid": str(rng.randint(1, self.w.sizes.users))}
        row.update(self._ids(rng, automation))
        row.update(
            {
                "source": rng.choice(("web", "api", "copy")),
                "name": f"{title(rng, 2)} #{id_}" if rng.chance(0.9) else rng.choice(AWKWARD_TEXTS),
                "cdate": f.iso(created),
                "mdate": f.iso(updated),
                "sdate": f.iso(send_at) if sent else None,
                "ldate": f.iso(min(self.w.end - 1, send_at + rng.randint(0, DAY)))
                if sent
                else None,
            }
        )
        row.update(counters(rng, sent))
        row["status"] = status
        row.update(self._settings(rng, id_))
        row.update(self._schedule(rng, status, send_at))
        row.update(self._extras(rng, id_, created, updated, sent))
        row["automation"] = automation
        return row

    def _ids(self, rng: Rng, automation: str | None) -> Row:
        return {
            "segmentid": "0",
            "bounceid": "-1",
            "realcid": "0",
            "sendid": str(rng.randint(0, 99)),
            "threadid": "0",
            "seriesid": automation or "0",
            "formid": "0",
            "basetemplateid": hex_string(rng, 40),
            "basemessageid": "0",
            "addressid": str(rng.randint(0, 3)),
        }

    def _settings(self, rng: Rng, id_: int) -> Row:
        return {
            "public": "1",
            "mail_transfer": "0",
            "mail_send": "0",
            "mail_cleanup": "0",
            "mailer_log_file": "0",
            "tracklinks": rng.choice(("all", "mime", "none")),
            "tracklinksanalytics": "0",
            "trackreads": "1",
            "trackreadsanalytics": flag(rng, 0.3),
            "analytics_campaign_name": "",
            "tweet": "0",
            "facebook": "0",
            "survey": "",
            "embed_images": "0",
            "htmlunsub": "0",
            "textunsub": "0",
            "htmlunsubdata": None,
            "textunsubdata": None,
            "recurring": "day1",
            "willrecur": "0",
            "split_type": "even",
            "split_content": "0",
            "split_offset": "2",
            "split_offset_type": "day",
            "split_winner_messageid": "0",
            "split_winner_awaiting": "0",
            "responder_offset": "0",
            "responder_type": "subscribe",
            "responder_existing": "0",
            "reminder_field": "sdate",
            "reminder_format": None,
            "reminder_type": "month_day",
            "reminder_offset": "0",
            "reminder_offset_type": "day",
            "reminder_offset_sign": "+",
            "reminder_last_cron_run": None,
            "activerss_interval": "day1",
            "activerss_url": None if rng.chance(0.9) else f"https://blog.{DOMAINS[0]}/feed",
            "activerss_items": "10",
            "ip4": ip4(rng),
            "laststep": "designer",
            "managetext": "0",
        }

    def _schedule(self, rng: Rng, status: str, send_at: int) -> Row:
        lock = rng.weighted(((ZERO_DATETIME, 3), (None, 6), ("stamp", 1)))
        return {
            "schedule": "1" if status == "1" else "0",
            "scheduleddate": self.fmt.local(send_at + 7 * DAY) if status == "1" else None,
            "waitpreview": "0",
            "deletestamp": None,
            "replysys": "0",
            "series_send_lock_time": self.fmt.local(send_at) if lock == "stamp" else lock,
        }

    def _extras(self, rng: Rng, id_: int, created: int, updated: int, sent: bool) -> Row:
        f = self.fmt
        opens = rng.randint(0, 500) if sent else 0
        return {
            "created_timestamp": f.local(created),
            "updated_timestamp": f.local(updated),
            "created_by": "1",
            "updated_by": None,
            "can_skip_approval": "0",
            "has_predictive_content": "0",
            "ip": "0",
            "use_quartz_scheduler": flag(rng, 0.3),
            "screenshot": f"https://img.example.com/screens/{id_}.png",
            "segmentname": "" if rng.chance(0.7) else "Engaged last 90 days",
            "verified_opens": str(opens),
            "verified_unique_opens": str(opens // 2),
            "links": self.w.links("campaigns", id_, CAMPAIGN_LINKS),
            "id": str(id_),
            "user": "1",
        }


class CampaignMessageGen(ChildGen):
    """Per-variant metrics (``/campaignMessages``); split campaigns have two variants."""

    name = "campaignMessages"
    row_draws = 21
    parent_table = "campaigns"
    parent_field = "campaignid"
    block_size, per_block, cap, floor = 4, 6, 2, 1
    touch_field = "subject"

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        message = id_ if id_ <= self.count else self.pick(rng, "messages")
        sent = rng.chance(0.8)
        row: Row = {
            "campaignid": str(parent),
            "messageid": str(message),
            "initial_split_percentage": "50" if k else "100",
            "percentage": "50" if k else "100",
            "screenshot": f"https://img.example.com/messages/{message}.png",
            "sourcesize": str(rng.randint(0, 20000)),
            "spamcheck_max": "5",
            "spamcheck_score": f"{rng.random() * 3:.1f}",
            "subject": self.peer("messages", MessageGen).subject_of(message),
        }
        row.update(counters(rng, sent))
        row.update(
            {
                "links": self.w.links("campaignMessages", id_, ("campaign", "message")),
                "id": str(id_),
                "campaign": str(parent),
                "message": str(message),
            }
        )
        return row


class MessageGen(Gen):
    """Message contents: one per campaign message, then automation e-mails."""

    name = "messages"
    row_draws = 10
    stamps: ClassVar[dict[str, str]] = {"mdate": "iso"}
    touch_field = "subject"

    def subject_of(self, id_: int) -> str:
        rng = self.rng(id_, 2)
        if rng.chance(0.15):
            return rng.choice(("Ünïcode ✓ subject", "🎉 Big news, %FIRSTNAME%!", 'The "best" deal'))
        return f"{title(rng, 3)} – %FIRSTNAME%"

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        text = f"Hi %FIRSTNAME%,\n\n{rng.choice(AWKWARD_TEXTS)}\n\nUnsubscribe: %UNSUBSCRIBELINK%"
        user = str(rng.randint(1, self.w.sizes.users))
        return {
            "userid": user,
            "ed_instanceid": "0",
            "ed_version": rng.choice(("1", "2")),
            "cdate": self.fmt.iso(created),
            "mdate": self.fmt.iso(updated),
            "name": "" if rng.chance(0.5) else title(rng, 2),
            "fromname": "Sandbox Team",
            "fromemail": "noreply@example.com",
            "reply2": "hello@example.com",
            "priority": "3",
            "charset": "utf-8",
            "encoding": "quoted-printable",
            "format": rng.choice(("mime", "html", "text")),
            "subject": self.subject_of(id_),
            "preheader_text": "",
            "text": text,
            "html": f"<html><body><p>{text.replace(chr(10), '<br>')}</p></body></html>",
            "htmlfetch": "now",
            "textfetch": "now",
            "hidden": "0",
            "preview_mime": "",
            "preview_data": "",
            "has_predictive_content": "0",
            "links": self.w.links("messages", id_, ("user",)),
            "id": str(id_),
            "user": user,
        }
