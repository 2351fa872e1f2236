"""Sandbox settings and the table sizes derived from ``--contacts``."""

from __future__ import annotations

from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

ALL_FAULTS = ("500", "502", "503", "429", "truncate", "reset")


@dataclass(frozen=True)
class DataConfig:
    """Everything the synthetic data depends on (same config -> same bytes)."""

    seed: int = 42
    contacts: int = 2000
    now: str = "2026-11-01T12:00:00Z"
    timezone: str = "America/New_York"  # the account zone: every offset and zone-less stamp
    account: str = "sandbox"
    # the calling user's display zone (``GET /users/me`` -> ``localZoneid``): live accounts can
    # show one that differs from the zone the API writes in (real-responses.md, "Time")
    user_timezone: str = "Europe/Berlin"
    legacy_names: bool = False  # older accounts' field names (groups: pg_subscriber_resubscribe)

    def __post_init__(self) -> None:
        for name in (self.timezone, self.user_timezone):
            check_zone(name)


def check_zone(name: str) -> None:
    """Raise ValueError unless ``name`` is an IANA time zone this Python knows."""
    try:
        ZoneInfo(name)
    except (ValueError, KeyError) as exc:  # ZoneInfoNotFoundError is a KeyError
        raise ValueError(
            f"unknown time zone {name!r} (an IANA name such as Europe/London)"
        ) from exc


@dataclass(frozen=True)
class ServerConfig:
    """How the HTTP server behaves."""

    api_key: str = "sandbox-key"
    host: str = "127.0.0.1"  # loopback only, on purpose
    port: int = 0
    rate_limit: float = 5.0
    latency_ms: float = 0.0
    fault_rate: float = 0.0
    faults: tuple[str, ...] = field(default=ALL_FAULTS)
    ignore_include: bool = False  # start with include= ignored (switchable at run time)

    def __post_init__(self) -> None:
        unknown = [f for f in self.faults if f not in ALL_FAULTS]
        if unknown:
            raise ValueError(f"unknown fault kinds {unknown}; valid: {', '.join(ALL_FAULTS)}")
        if not 0.0 <= self.fault_rate <= 1.0:
            raise ValueError("fault_rate must be between 0 and 1")
        if self.fault_rate > 0 and not self.faults:
            raise ValueError("fault_rate > 0 needs at least one fault kind")


@dataclass(frozen=True)
class Sizes:
    """Row counts per table; every table has rows even at 100 contacts."""

    contacts: int
    accounts: int
    account_contacts: int
    notes: int
    deals: int
    contact_deals: int
    deal_tasks: int
    campaigns: int = 60
    automation_messages: int = 20
    lists: int = 8
    tags: int = 30
    fields: int = 10
    deal_groups: int = 3
    groups: int = 4
    users: int = 12
    scores: int = 5
    task_outcomes: int = 6
    task_types: int = 5
    account_field_meta: int = 6
    deal_field_meta: int = 6
    # beyond the model (issue 14); tags no contact carries come after the carried ones
    unused_tags: int = 3
    automations: int = 4
    forms: int = 3
    segments: int = 4
    saved_responses: int = 3
    addresses: int = 3
    calendars: int = 6
    deal_roles: int = 5
    webhooks: int = 5
    # issue 14, second batch (tables laid out over other tables' rows need no size)
    templates: int = 5
    bounce_logs: int = 10
    conversions: int = 4
    contact_emails: int = 10
    contact_data: int = 1
    # issue 14, batch A; orders (1-5 per customer), their products (1-4 per order), contacts'
    # automation runs (about 1 each) and activities (3 each) are dealt over their parents
    ecom_connections: int = 3
    ecom_customers: int = 10
    email_activities: int = 10
    site_tracking_domains: int = 4

    @classmethod
    def for_contacts(cls, contacts: int) -> Sizes:
        n = max(int(contacts), 1)
        return cls(
            contacts=n,
            accounts=max(5, n // 20),
            account_contacts=max(5, n // 5),
            notes=max(12, n // 5),
            deals=max(10, n // 4),
            contact_deals=max(5, n // 10),
            deal_tasks=max(10, n // 10),
            automations=max(4, min(40, n // 100)),
            forms=max(3, min(30, n // 200)),
            segments=max(4, min(60, n // 50)),
            saved_responses=max(3, min(50, n // 100)),
            templates=max(5, min(40, n // 100)),
            bounce_logs=max(10, n // 20),
            contact_emails=max(10, n // 10),
            contact_data=(n + 1) // 2,  # one per odd-numbered contact
            ecom_customers=max(10, n // 10),
            email_activities=max(10, n // 20),
        )
