"""The end-of-run table: per table rows, requests, seconds and values nulled by coercion."""

from __future__ import annotations

from engine.read.drift import undeclared_line
from engine.run.results import RunResult


def summary_lines(result: RunResult) -> list[str]:
    header = ("table", "mode", "status", "rows", "requests", "seconds", "nulled")
    rows = [header]
    for t in result.tables.values():
        nulled = sum(t.nulls.values())
        rows.append(
            (
                t.key,
                t.mode,
                t.status,
                str(t.rows),
                str(t.requests) if t.requests else "-",
                f"{t.seconds:.1f}",
                str(nulled),
            )
        )
    total_rows = sum(t.rows for t in result.tables.values())
    total_req = result.requests
    rows.append(("total", "", "", str(total_rows), str(total_req), f"{result.seconds:.1f}", ""))
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    numeric = {3, 4, 5, 6}
    out = []
    for r in rows:
        cells = [
            c.rjust(w) if i in numeric else c.ljust(w)
            for i, (c, w) in enumerate(zip(r, widths, strict=True))
        ]
        out.append("  ".join(cells).rstrip())
    return out


def detail_lines(result: RunResult) -> list[str]:
    """The time zone, failures, warnings, what acx decided per table, and which columns had
    values nulled (with a first example)."""
    out = []
    drifted = 0
    if result.zone is not None:
        out.append(result.zone.line())
        out.extend(f"time zone: warning: {w}" for w in result.zone.all_warnings())
    for t in result.tables.values():
        if t.error:
            out.append(f"{t.key}: {t.status}: {t.error}")
        for w in t.warnings:
            out.append(f"{t.key}: warning: {w}")
        extra = undeclared_line(t.drift.get("undeclared", []))
        if extra:
            out.append(f"{t.key}: {extra}")
            drifted += 1
        for note in t.notes:
            out.append(f"{t.key}: {note}" + (f" ({t.requests} requests)" if t.requests else ""))
        for col, n in sorted(t.nulls.items()):
            example = t.examples.get(col)
            out.append(
                f"{t.key}.{col}: {n} value(s) could not be converted and were loaded as NULL"
                + (f" (first: {example})" if example else "")
            )
    if drifted:
        out.append(
            f"{drifted} table(s) received fields the spec does not declare: `acx fields SPEC` "
            "prints them as column lines to paste into the spec"
        )
    return out
