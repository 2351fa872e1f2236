"""Every served collection endpoint, as data: envelope key, meta style, filters, side-loads.

Differences between endpoints live here rather than in branches: ``meta`` is a string total on
most endpoints, a JSON number on ``/deals`` and ``/dealCustomFieldData`` and absent on
``/accountCustomFieldData`` and ``/groups/{id}/userGroups`` (activecampaign-api-part-a.md,
"Pagination"; part-b, "Deals"; real-responses.md, "Types").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal

MetaStyle = Literal["string", "number", "none"]


@dataclass(frozen=True)
class TimeFilter:
    """``filters[<name>]`` comparing a record's creation or update time with a value."""

    stamp: Literal["created", "updated"]
    lower: bool  # True: value <= stamp (``_after``, inclusive); False: stamp < value
    date_only: bool = False  # deals: the value is truncated to a date (account-local day)


def _frozen(mapping: Mapping[str, Any] | None = None) -> Mapping[str, Any]:
    return MappingProxyType(dict(mapping or {}))


DATETIME_FILTERS = _frozen(
    {
        "updated_after": TimeFilter("updated", True),
        "updated_before": TimeFilter("updated", False),
        "created_after": TimeFilter("created", True),
        "created_before": TimeFilter("created", False),
    }
)
DATE_FILTERS = _frozen(
    {name: TimeFilter(f.stamp, f.lower, date_only=True) for name, f in DATETIME_FILTERS.items()}
)


@dataclass(frozen=True)
class Endpoint:
    path: str  # under /api/3
    key: str  # the envelope's plural key
    table: str  # the store holding the records
    meta: MetaStyle = "string"
    filters: Mapping[str, str] = field(default_factory=_frozen)  # filters[name] -> row field
    params: Mapping[str, str] = field(default_factory=_frozen)  # plain param -> row field
    time_filters: Mapping[str, TimeFilter] = field(default_factory=_frozen)
    time_params: Mapping[str, TimeFilter] = field(default_factory=_frozen)  # plain, e.g. after
    keyset: bool = False  # id_greater / id_less
    sortable: frozenset[str] = frozenset({"id"})  # orders[...] fields honoured
    unstable_default: bool = False  # no orders[...] -> pages overlap and skip rows
    sideload: str | None = None  # key of sideload.SIDELOADS
    view: str | None = None  # key of api.VIEWS: rows reshaped from the table's store
    currencies: bool = False  # meta.currencies (/deals)
    extra: Mapping[str, Any] = field(default_factory=_frozen)  # constant top-level keys


def _ep(path: str, table: str | None = None, **kwargs: Any) -> Endpoint:
    name = path.strip("/")
    for key in ("filters", "params", "extra", "time_params"):
        if key in kwargs:
            kwargs[key] = _frozen(kwargs[key])
    return Endpoint(path=path, key=kwargs.pop("key", name), table=table or name, **kwargs)


ENDPOINTS: tuple[Endpoint, ...] = (
    _ep("/accounts", sideload="accounts"),
    _ep("/accountContacts", filters={"account": "account", "contact": "contact"}),
    _ep("/accountCustomFieldData", meta="none", filters={"customerAccountId": "accountId"}),
    _ep("/accountCustomFieldMeta"),
    _ep("/notes", filters={"reltype": "reltype", "relid": "relid"}),
    _ep(
        "/campaigns",
        filters={"seriesid": "seriesid"},
        sortable=frozenset({"id", "sdate", "ldate", "mdate", "cdate", "name"}),
    ),
    _ep("/campaignMessages", filters={"campaignid": "campaignid"}),
    _ep("/messages"),
    _ep(
        "/contacts",
        time_filters=DATETIME_FILTERS,
        keyset=True,
        sideload="contacts",
        extra={"scoreValues": []},
        sortable=frozenset({"id", "cdate"}),
    ),
    _ep("/fields", filters={"perstag": "perstag"}, sideload="fields"),
    _ep("/fieldValues", filters={"fieldid": "field", "val": "value"}),
    _ep("/contactLists", filters={"list": "list", "contact": "contact"}),
    _ep("/contactTags", filters={"tag": "tag", "contact": "contact"}),
    _ep("/tags", sortable=frozenset({"id", "tag"})),
    _ep(
        "/dealTasks",
        filters={
            "reltype": "reltype",
            "relid": "relid",
            "status": "status",
            "d_tasktypeid": "dealTasktype",
            "userid": "user",
            "assignee_userid": "assignee",
            "outcome_id": "outcomeId",
        },
    ),
    _ep(
        "/deals",
        meta="number",
        currencies=True,
        time_filters=DATE_FILTERS,
        unstable_default=True,
        sideload="deals",
        filters={
            "stage": "stage",
            "group": "group",
            "status": "status",
            "owner": "owner",
        },
        sortable=frozenset({"id", "cdate", "mdate", "title", "value"}),
    ),
    _ep(
        "/dealActivities",
        params={"deal": "d_id"},
        filters={"data_type": "dataType", "data_id": "dataId"},
    ),
    _ep("/dealCustomFieldMeta"),
    # the documented flat list: camelCase rows over the side-load's store, meta.total a number
    # (real-responses.md, "Types"); expected("/dealCustomFieldData") lists it
    _ep("/dealCustomFieldData", meta="number", filters={"dealId": "deal_id"}, view="dealFields"),
    _ep("/contactDeals"),
    _ep("/lists", filters={"name": "name"}, sortable=frozenset({"id", "name"})),
    _ep(
        "/dealGroups",
        filters={"title": "title"},
        sideload="dealGroups",
        sortable=frozenset({"id", "title"}),
    ),
    _ep(
        "/dealStages",
        filters={"d_groupid": "group", "title": "title"},
        sortable=frozenset({"id", "title"}),
    ),
    _ep("/scores"),
    _ep("/taskOutcomes"),
    _ep("/dealTasktypes"),
    _ep("/tasktypeOutcomeRels"),
    _ep("/groups"),
    _ep("/users"),
    # beyond the model (issue 14)
    _ep("/automations"),
    _ep("/forms"),
    _ep("/segments"),
    _ep("/addresses"),
    _ep("/brandings"),
    _ep("/calendars"),
    _ep("/dealRoles"),
    _ep("/savedResponses"),
    _ep("/webhooks"),
    # issue 14, second batch: flat lists the reference does not document (the Singer tap reads them)
    _ep("/links"),
    _ep("/campaignLists"),
    _ep("/dealGroupUsers"),
    _ep("/templates"),
    _ep("/bounceLogs"),
    _ep("/goals"),
    _ep("/conversions"),
    _ep("/conversionTriggers"),
    _ep("/contactEmails"),
    _ep("/contactData"),
    _ep("/sms"),
    # issue 14, batch A
    _ep("/contactAutomations", filters={"seriesid": "seriesid", "contact": "contact"}),
    _ep("/connections", filters={"service": "service", "externalid": "externalid"}),
    _ep(
        "/ecomCustomers",
        filters={"email": "email", "externalid": "externalid", "connectionid": "connectionid"},
    ),
    _ep(
        "/ecomOrders",
        filters={
            "connectionid": "connectionid",
            "customerid": "customerid",
            "email": "email",
            "externalid": "externalid",
            "state": "state",
        },
    ),
    _ep("/ecomOrderProducts", meta="none"),  # no meta in the OpenAPI example
    # GET /activities?after=<date or date-time>: tstamp on or after it (OpenAPI: "Filter for
    # activities after a specific DateTime", format date); contact= narrows to one contact
    _ep(
        "/activities",
        params={"contact": "subscriberid"},
        time_params={"after": TimeFilter("created", True)},
        sortable=frozenset({"id", "tstamp"}),
    ),
    _ep("/emailActivities", filters={"subscriberid": "subscriberid", "dealId": "d_id"}),
    # records without an id; meta.total a JSON number (OpenAPI example)
    _ep("/siteTrackingDomains", meta="number"),
)
BY_PATH = {ep.path: ep for ep in ENDPOINTS}

# /groups/{id}/userGroups: the memberships of one group, without ``meta``
GROUP_MEMBERS = _ep("/groups/{id}/userGroups", key="userGroups", table="userGroups", meta="none")

# tables that exist only as side-loads (or nested arrays), for /__sandbox/expected
SIDELOAD_TABLES = ("fieldOptions", "fieldRels", "dealCustomFieldData", "userGroups")
