"""Which zone a run reads zone-less timestamps in, and what the run says about it.

In order: the user's explicit setting (flag, ACX_TIMEZONE, acx.toml); else the zone found in the
data (the offsets of the timestamps in the first page of every request series); else the zone an
earlier run recorded in the state; else UTC, with a warning. Whatever wins, the report says where
it came from and how well the data agrees with it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from engine.read.zone import HANDFUL, Evidence, Finding, find_zone, format_offset, rank

UTC = ZoneInfo("UTC")
FROM_DATA = "found in the data"
FROM_STATE = "recorded by the previous run"
DEFAULT = "default (nothing else to go by)"


@dataclass
class ZoneReport:
    zone: str
    origin: str
    seen: int = 0  # timestamps with an offset in the first pages
    fits: int = 0  # of them, those the zone reproduces
    offsets: list[str] = field(default_factory=list)
    tables: list[str] = field(default_factory=list)
    alternatives: list[str] = field(default_factory=list)  # zones that fit as well
    hint: str | None = None
    previous: str | None = None
    pairs_agreed: int = 0  # zone-less values read as the instant their offset twin names
    pairs_disagreed: int = 0
    disagreement: str | None = None  # the first disagreeing pair, for the warning
    requests: int = 0  # made to read the hint
    warnings: list[str] = field(default_factory=list)

    def line(self) -> str:
        """One line for the summary."""
        out = f"time zone: {self.zone} ({self.origin}"
        if self.seen:
            out += f"; {self.fits} of {self.seen} offsets in {len(self.tables)} table(s) fit"
        if self.pairs_agreed or self.pairs_disagreed:
            pairs = self.pairs_agreed + self.pairs_disagreed
            out += f"; {self.pairs_agreed} of {pairs} zone-less/offset pairs agree"
        return out + ")"

    def as_dict(self) -> dict[str, Any]:
        return {
            "zone": self.zone,
            "origin": self.origin,
            "offsets_seen": self.seen,
            "offsets_fit": self.fits,
            "offsets": self.offsets,
            "tables": self.tables,
            "alternatives": self.alternatives,
            "hint": self.hint,
            "requests": self.requests,
            "previous": self.previous,
            "pairs_agreed": self.pairs_agreed,
            "pairs_disagreed": self.pairs_disagreed,
            "warnings": self.all_warnings(),
        }

    def all_warnings(self) -> list[str]:
        out = list(self.warnings)
        if self.pairs_disagreed > HANDFUL:
            out.append(
                f"{self.pairs_disagreed} zone-less timestamps do not name the instant their "
                f"offset twin does when read in {self.zone} (first: {self.disagreement})"
            )
        return out


def decide(
    explicit: ZoneInfo | None,
    explicit_origin: str | None,
    evidence: Evidence,
    previous: str | None,
    hint_lookup: Callable[[], str | None],
) -> tuple[ZoneInfo, ZoneReport]:
    if explicit is not None and evidence.count and evidence.fits(explicit) == evidence.count:
        finding: Finding | None = Finding((explicit,), evidence.count, evidence.count)
    else:  # no zone given, or the given one misses some offsets: which zone fits most?
        finding = find_zone(evidence)
    hint = None
    if explicit is None and finding is not None and len(finding.best) > 1:
        # zones that fit equally well: the previous run's choice, if among them, keeps the
        # answer stable without a request; else the user's display zone
        best = [z.key for z in finding.best]
        hint = previous if previous in best else hint_lookup()
        finding = Finding(tuple(rank(list(finding.best), hint)), finding.fits, finding.seen)
    if explicit is not None:
        zone, origin = explicit, explicit_origin or "set by the user"
    elif finding is not None:
        zone, origin = finding.zone, FROM_DATA
    elif previous is not None and _zone(previous) is not None:
        zone, origin = _zone(previous) or UTC, FROM_STATE
    else:
        zone, origin = UTC, DEFAULT
    report = ZoneReport(
        zone=zone.key,
        origin=origin,
        seen=evidence.count,
        fits=evidence.fits(zone) if evidence.count else 0,
        offsets=evidence.offsets(),
        tables=sorted(evidence.tables),
        alternatives=[z.key for z in finding.best[1:4]] if finding and origin == FROM_DATA else [],
        hint=hint,
        previous=previous,
    )
    report.warnings = _warnings(report, zone, finding, evidence, explicit is not None)
    return zone, report


def _warnings(
    report: ZoneReport, zone: ZoneInfo, finding: Finding | None, evidence: Evidence, explicit: bool
) -> list[str]:
    out = []
    if report.origin == DEFAULT:
        out.append(
            "no timestamp with an offset in the first pages and no earlier run to go by: "
            "zone-less timestamps were read as UTC; set `timezone` in acx.toml (or --timezone) "
            "if the account is elsewhere"
        )
    elif report.origin == FROM_STATE:
        out.append(
            f"no timestamp with an offset in the first pages: zone-less timestamps were read in "
            f"{zone.key}, the zone the previous run found"
        )
    if finding is not None and report.fits < report.seen:
        misfit = evidence.first_misfit(zone)
        where = (
            f" (first: {misfit[0]:%Y-%m-%d %H:00} UTC written at {format_offset(misfit[1])})"
            if misfit
            else ""
        )
        if explicit and report.fits < finding.fits:
            out.append(
                f"the configured zone {zone.key} reproduces {report.fits} of the {report.seen} "
                f"offsets the API wrote{where}; the data fits {finding.zone.key}"
            )
        elif report.seen - report.fits > HANDFUL:
            out.append(
                f"{report.seen - report.fits} of {report.seen} offsets the API wrote do not fit "
                f"{zone.key}, the zone that fits most{where}"
            )
    if report.previous and report.previous != zone.key:
        out.append(
            f"the previous run read zone-less timestamps in {report.previous}, this one in "
            f"{zone.key}: incremental tables now hold rows read both ways "
            "(--full-refresh re-reads them in one zone)"
        )
    return out


def _zone(name: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def zone_name(value: Any) -> str | None:
    """An IANA zone name from a hint response, or None."""
    return value if isinstance(value, str) and _zone(value) is not None else None
