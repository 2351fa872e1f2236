"""`acx status`: what ran, per table, read from the destination: the last successful load
(`_acx_state`: when, rows, mode, savepoint) and how the table's last run ended (the run log,
`_acx_runs`), with the table failing when its last run failed or, given `max_age`, when its last
successful load is older than that (or never happened)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from engine.errors import ConfigError
from engine.load.runlog import RunRecord
from engine.load.state import StateRow, iso

_AGE = re.compile(r"^(\d+)\s*([smhdw])$")
_UNIT = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


def parse_age(text: str) -> timedelta:
    """`90m`, `2h`, `1d`, `1w` as a duration; anything else is a one-line error."""
    found = _AGE.match(text.strip().lower())
    if not found or int(found[1]) == 0:
        raise ConfigError(
            f"--max-age {text!r} is not a duration", "write it like 30m, 2h, 1d or 1w"
        )
    return timedelta(seconds=int(found[1]) * _UNIT[found[2]])


@dataclass(frozen=True)
class TableState:
    table: str
    loaded_at: datetime | None  # the last successful load (None: never)
    rows: int | None  # rows that load wrote
    mode: str | None
    savepoint: datetime | None
    last_run_at: datetime | None  # the last run of the table, whatever its end
    last_status: str | None  # ok | failed | skipped (None: no run logged)
    last_error: str | None
    problem: str | None  # why the table fails the check (None: healthy)
    # when the next run reads the table whole to find deleted rows (None: never; past: due)
    next_reconciliation: datetime | None = None
    account: str | None = None  # of [accounts] in acx.toml; None: the one account

    def as_dict(self) -> dict[str, Any]:
        return {
            "account": self.account,
            "table": self.table,
            "loaded_at": iso(self.loaded_at),
            "rows": self.rows,
            "mode": self.mode,
            "savepoint": iso(self.savepoint),
            "last_run_at": iso(self.last_run_at),
            "last_status": self.last_status,
            "last_error": self.last_error,
            "next_reconciliation": iso(self.next_reconciliation),
            "ok": self.problem is None,
            "problem": self.problem,
        }


def table_states(
    tables: list[str],
    state: dict[str, StateRow],
    runs: dict[str, RunRecord],
    now: datetime,
    max_age: timedelta | None = None,
    reconciles: dict[str, datetime | None] | None = None,
) -> list[TableState]:
    """One entry per table, in the order given, then tables the destination knows and the
    spec does not list (a table since removed from the spec). `reconciles`: per table, when
    its next reconciliation is due."""
    known = list(dict.fromkeys([*tables, *state, *runs]))
    due = reconciles or {}
    return [
        replace(_one(t, state.get(t), runs.get(t), now, max_age), next_reconciliation=due.get(t))
        for t in known
    ]


def _one(
    table: str,
    row: StateRow | None,
    run: RunRecord | None,
    now: datetime,
    max_age: timedelta | None,
) -> TableState:
    problem = None
    if run is not None and run.status != "ok":
        problem = f"last run {run.status}: {run.error or 'no reason recorded'}"
    elif max_age is not None and row is None:
        problem = "never loaded"
    elif max_age is not None and row is not None and now - row.finished_at > max_age:
        problem = f"stale: last loaded {_ago(now - row.finished_at)} ago (max {_ago(max_age)})"
    return TableState(
        table=table,
        loaded_at=row.finished_at if row else None,
        rows=row.rows_loaded if row else None,
        mode=row.mode if row else None,
        savepoint=row.savepoint if row else None,
        last_run_at=run.finished_at if run else None,
        last_status=run.status if run else None,
        last_error=run.error if run else None,
        problem=problem,
    )


def _ago(delta: timedelta) -> str:
    seconds = max(0, int(delta.total_seconds()))
    days, seconds = divmod(seconds, 86400)
    hours, seconds = divmod(seconds, 3600)
    minutes, seconds = divmod(seconds, 60)
    if days:
        return f"{days}d {hours}h" if hours else f"{days}d"
    if hours:
        return f"{hours}h {minutes:02d}m"
    return f"{minutes}m" if minutes else f"{seconds}s"


def status_lines(states: list[TableState], now: datetime) -> list[str]:
    """A table of the states, then one line per failing table."""
    header: tuple[str, ...] = (
        "table",
        "last loaded",
        "rows",
        "mode",
        "savepoint",
        "next reconciliation",
        "last run",
        "status",
    )
    many = any(s.account is not None for s in states)
    if many:
        header = ("account", *header)
    rows = [header]
    for s in states:
        rows.append(
            (
                *((s.account or "",) if many else ()),
                s.table,
                f"{_ago(now - s.loaded_at)} ago" if s.loaded_at else "never",
                "" if s.rows is None else f"{s.rows:,}",
                s.mode or "",
                _short(s.savepoint),
                _due(s.next_reconciliation, now),
                s.last_status or "",
                "ok" if s.problem is None else "FAILING",
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    lines += [
        f"{s.account + '/' if s.account else ''}{s.table}: {s.problem}" for s in states if s.problem
    ]
    return lines


def _due(moment: datetime | None, now: datetime) -> str:
    if moment is None:
        return ""
    return "next run" if moment <= now else f"in {_ago(moment - now)}"


def _short(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC") if moment else ""
