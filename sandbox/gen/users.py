"""User groups (82 seed fields of "0"/"1" flags), users, and group memberships."""

from __future__ import annotations

from typing import Any, ClassVar

from ..rng import Rng
from ..text import FIRST_NAMES, LAST_NAMES, ascii_slug, phone
from ..timefmt import ZERO_DATETIME
from .base import Gen, Row, flag

GROUP_FLAGS = (
    "optinconfirm",
    "p_admin",
    "pgAccountAdd",
    "pgAccountDelete",
    "pgAccountEdit",
    "pgAccountExport",
    "pgAccountImport",
    "pgAccountManageCustomField",
    "pgAccountNoteAdd",
    "pgAccountNoteDelete",
    "pgAccountNoteEdit",
    "pgAutomationManage",
    "pgContactActions",
    "pgContactAdd",
    "pgContactApprove",
    "pgContactDelete",
    "pgContactEdit",
    "pgContactExport",
    "pgContactFields",
    "pgContactFilters",
    "pgContactImport",
    "pgContactMerge",
    "pgContactResubscribe",  # pg_subscriber_resubscribe on older accounts (legacy_names)
    "pgContactSync",
    "pgDeal",
    "pgDealDelete",
    "pgDealExport",
    "pgDealFields",
    "pgDealGroupAdd",
    "pgDealGroupDelete",
    "pgDealGroupEdit",
    "pgDealImport",
    "pgDealListAll",
    "pgDealManageRoles",
    "pgDealNoteAdd",
    "pgDealNoteDelete",
    "pgDealNoteEdit",
    "pgDealReassign",
    "pgFormEdit",
    "pgGroupAdd",
    "pgGroupDelete",
    "pgGroupEdit",
    "pgLandingPagesAccess",
    "pgListAdd",
    "pgListBounce",
    "pgListDelete",
    "pgListEdit",
    "pgListEmailaccount",
    "pgListHeaders",
    "pgMessageAdd",
    "pgMessageDelete",
    "pgMessageEdit",
    "pgMessageSend",
    "pgMfaAdmin",
    "pgPersonalizationAdd",
    "pgPersonalizationDelete",
    "pgPersonalizationEdit",
    "pgReportsCampaign",
    "pgReportsDeal",
    "pgReportsList",
    "pgReportsTrend",
    "pgReportsUser",
    "pgSavedResponsesManage",
    "pgStartupGettingstarted",
    "pgStartupReports",
    "pgTagManage",
    "pgTemplateAdd",
    "pgTemplateDelete",
    "pgTemplateEdit",
    "pgWebPersonalizationManage",
    "pg_user_add",
    "pg_user_delete",
    "pg_user_edit",
    "reqApproval",
    "reqApproval1st",
    "socialdata",
    "unsubscribelink",
)
# (title, description, flag-name prefixes granted; "*" = all)
GROUP_DEFS = (
    ("Admin", "This is a group for admin users (people that can manage content)", ("*",)),
    ("Sales", "Deals & contacts — no campaign sending", ("pgDeal", "pgContact", "pgAccount")),
    ("Marketing", None, ("pgList", "pgMessage", "pgTemplate", "pgReports", "pgAutomation")),
    ('Read-only "viewers"', "Can look, can't touch", ()),
)
GROUP_LINKS = (
    "userGroups",
    "groupLimit",
    "dealGroupGroups",
    "listGroups",
    "addressGroups",
    "automationGroups",
)
USER_LINKS = ("lists", "userGroup", "dealGroupTotals", "dealGroupUsers", "configs")
# field names older accounts send instead (issue 11, section 5); key order is kept
LEGACY_GROUP_NAMES = {"pgContactResubscribe": "pg_subscriber_resubscribe"}


class GroupGen(Gen):
    name = "groups"
    span = 0.02
    touch_field = "descript"

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        title, descript, grants = GROUP_DEFS[(id_ - 1) % len(GROUP_DEFS)]
        row: Row = {"title": title if id_ <= len(GROUP_DEFS) else f"{title} {id_}"}
        row["descript"] = descript
        for name in GROUP_FLAGS:
            granted = "*" in grants or name.startswith(grants) if grants else False
            row[name] = "1" if granted else "0"
        row["p_admin"] = "1" if id_ == 1 else "0"
        row["pgStartupGettingstarted"] = flag(rng, 0.5)
        row.update(
            {
                "reqApprovalNotify": "" if id_ != 3 else "approvals@example.com",
                "sdate": None if id_ == 1 else self.fmt.iso(created),
                "links": self.w.links("groups", id_, GROUP_LINKS),
                "id": str(id_),
            }
        )
        if self.w.config.legacy_names:
            row = {LEGACY_GROUP_NAMES.get(key, key): value for key, value in row.items()}
        return row


class UserGen(Gen):
    name = "users"
    row_draws = 13
    span = 0.3
    stamps: ClassVar[dict[str, str]] = {"udate": "iso"}
    touch_field = "signature"

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        first, last = rng.choice(FIRST_NAMES[:28]), rng.choice(LAST_NAMES[:26])
        username = "admin" if id_ == 1 else f"{ascii_slug(first)}{id_}"
        signature = rng.weighted(((None, 5), ("", 2), ("--\nBest,\n" + first, 2), ("🙂", 1)))
        user_phone = phone(rng)
        lang = rng.choice(("english", "english", "german", "portuguese"))
        mfa = flag(rng, 0.4)
        # account-local despite the name; zero date on old records, null on new ones
        if rng.chance(0.7):
            password: str | None = self.fmt.local(updated)
        else:
            password = ZERO_DATETIME if created < self.w.zero_dates_until else None
        dated = id_ == 1 or rng.chance(0.7)  # GET /users sends null cdate/udate for some
        config = self.w.config
        return {
            "username": username,
            "firstName": first,
            "lastName": last,
            "email": f"{username}@example.com",
            "phone": user_phone,
            "signature": signature,
            "lang": lang,
            # each user's display zone, not the zone the API writes in: the calling user (1,
            # GET /users/me) and most others show user_timezone, every third the account's
            "localZoneid": config.timezone if id_ % 3 == 0 else config.user_timezone,
            "mfaEnabled": mfa,
            "cdate": self.fmt.iso(created) if dated else None,
            "udate": self.fmt.iso(updated) if dated else None,
            "password_updated_utc_timestamp": password,
            "links": self.w.links("users", id_, USER_LINKS),
            "id": str(id_),
        }


class UserGroupGen(Gen):
    """Memberships ``{id, userid, groupid, ...}``: every user is in exactly one group."""

    name = "userGroups"
    span = 0.3
    stamps: ClassVar[dict[str, str]] = {"udate": "iso"}
    parent_table = "groups"
    parent_field = "groupid"

    def group_of(self, id_: int) -> int:
        if id_ == 1:
            return 1
        return self.rng(id_, 3).randint(1, self.w.sizes.groups)

    def base_children(self, parent: int) -> list[int]:
        return [i for i in range(1, self.count + 1) if self.group_of(i) == parent]

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        group = str(self.group_of(id_) if parent is None else parent)
        known = rng.chance(0.7)
        return {
            "userid": str(id_),
            "groupid": group,
            "cdate": self.fmt.iso(created) if known else None,
            "udate": self.fmt.iso(updated) if known else None,
            "links": self.w.links("userGroups", id_, ("group", "user")),
            "id": str(id_),
            "user": str(id_),
            "group": group,
        }
