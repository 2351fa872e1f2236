"""The transport against a hostile server (tests/reliability/hostile, modes in modes_http.py):
redirects to another port, host name or scheme, to file:// or to nowhere, in a loop; a body
trickled a byte at a time, a gzip bomb, a 50 MB page, JSON nested 10,000 deep; Retry-After huge,
as an HTTP date, or unreadable; an error that echoes the key; and settings that would send the
key astray (a key with a line break, an account URL two parsers read differently).

In each, acx runs as a user runs it and ends within its deadline; a failure is one line naming
the table, the URL and the cause (no traceback); the key appears in no output, JSON event or
file, and never arrives at another origin; every table holds what it held before (or, where the
server relented, what the server has)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.reliability.helpers import (
    CLI,
    KEY,
    LEDGER,
    DuckWarehouse,
    Snapshot,
    acx,
    assert_user_facing,
    base_env,
    compare,
    error_line,
    scratch_dir,
    search_folder,
    spec_streams,
)
from tests.reliability.hostile import SPEC, Hostile
from tests.reliability.hostile.modes_http import gaps, gzip_bomb

STREAMS = spec_streams(SPEC)
DB = "acx.duckdb"


def spec_copy(folder: Path, source: dict[str, Any]) -> Path:
    """The hostile spec with some source settings changed (a short deadline, a small cap)."""
    raw = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    for key, value in source.items():
        if isinstance(value, dict):
            raw["source"].setdefault(key, {}).update(value)
        else:
            raw["source"][key] = value
    path = folder / "hostile.yaml"
    path.write_text(yaml.safe_dump(raw, sort_keys=False), encoding="utf-8")
    return path


@dataclass
class Loaded:
    """A warehouse loaded from the honest account, to copy into each test's folder."""

    files: dict[str, bytes]
    tables: Snapshot


@pytest.fixture(scope="module")
def loaded() -> Any:
    with scratch_dir("hostile-http-loaded") as folder, Hostile(key=KEY) as api:
        wh = DuckWarehouse(folder / DB)
        args = ("--dest", wh.dest, "--log-format", "text")
        proc = acx("run", SPEC, *args, env=base_env(api.url), cwd=folder)
        assert proc.returncode == 0, proc.stderr[-3000:]
        tables = wh.snapshot(STREAMS)
        assert all(tables.values())
        files = {p.name: p.read_bytes() for p in folder.iterdir() if p.name.startswith(DB)}
        yield Loaded(files, tables)


@dataclass
class Outcome:
    proc: subprocess.CompletedProcess[str]
    seconds: float
    api: Hostile
    wh: DuckWarehouse
    peak_mb: float | None = None  # acx's peak resident memory, when measured

    @property
    def port(self) -> int:
        return int(self.api.server.server_address[1])

    def failure(self, table: str) -> str:
        """The one line (the same line as it is reported and summed up) a table failed with."""
        lines = {x for x in self.proc.stderr.splitlines() if x.startswith(f"{table}: failed: ")}
        assert len(lines) == 1, self.proc.stderr[-3000:]
        return lines.pop()


# a parent whose only child is acx: the children's peak RSS is acx's (Linux: in KiB)
MEASURED = (
    "import resource, subprocess, sys; code = subprocess.call(sys.argv[2:]); "
    "open(sys.argv[1], 'w').write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)); "
    "sys.exit(code)"
)


def hostile_run(
    mode: str | None,
    loaded: Loaded,
    scratch: Path,
    source: dict[str, Any] | None = None,
    env: dict[str, str] | None = None,
    log_format: str = "text",
    budget: float = 20.0,
    url: str | None = None,
    measure_memory: bool = False,
    label: str | None = None,
) -> Outcome:
    """acx run of the hostile spec (changed by `source`) against the server in `mode`, into a
    copy of the loaded warehouse; ends within `budget` seconds, shows no traceback, no key; no
    request went anywhere but the account's origin; no file holds the key."""
    for name, data in loaded.files.items():
        (scratch / name).write_bytes(data)
    spec = spec_copy(scratch, source or {})
    wh = DuckWarehouse(scratch / DB)
    args = ("run", spec, "--dest", wh.dest, "--log-format", log_format)
    peak = scratch.parent / f"{scratch.name}.peak"
    with Hostile(mode, key=KEY) as api:
        environ = base_env(url.format(api=api) if url else api.url, **(env or {}))
        started = time.monotonic()
        if measure_memory:
            proc = measured(args, environ, scratch, peak, budget + 30)
        else:
            proc = acx(*args, env=environ, cwd=scratch, timeout=budget + 30)
        seconds = time.monotonic() - started
    label = label or mode or "honest"
    LEDGER.notes.append(f"hostile {label} ({log_format}): exit {proc.returncode} in {seconds:.1f}s")
    assert seconds < budget, (seconds, proc.stderr[-3000:])
    assert_user_facing(proc)
    outcome = Outcome(proc, seconds, api, wh)
    if measure_memory:
        outcome.peak_mb = int(peak.read_text()) / 1024
        peak.unlink()
        LEDGER.notes.append(f"hostile {label}: acx peak RSS {outcome.peak_mb:.0f} MB")
    key_stayed_home(outcome)
    search_folder(scratch)
    assert LEDGER.leaks == [], LEDGER.leaks
    return outcome


def measured(
    args: tuple[Any, ...], env: dict[str, str], cwd: Path, peak: Path, timeout: float
) -> subprocess.CompletedProcess[str]:
    """acx ARGS, as helpers.acx runs it, under a parent that writes acx's peak RSS to `peak`."""
    LEDGER.runs += 1
    argv = [sys.executable, "-c", MEASURED, str(peak), sys.executable, str(CLI), *map(str, args)]
    proc = subprocess.run(argv, env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout)
    LEDGER.outputs.append(proc.stdout + proc.stderr)
    return proc


def key_stayed_home(outcome: Outcome) -> None:
    """No request reached another port or came under another host name; every request that
    carried the key went to the account's own origin."""
    home = f"127.0.0.1:{outcome.port}"
    for request in outcome.api.requests:
        assert request.port == outcome.port, request
        assert request.headers.get("Host") == home, request


def same_tables(outcome: Outcome, loaded: Loaded) -> None:
    assert compare(loaded.tables, outcome.wh.snapshot(STREAMS)) == []


# ---------------------------------------------------------------- modes that fail /items

TRICKLE = {"timeouts": {"response": 1}}  # the read timeout stays 5 s: no byte ever meets it


@dataclass(frozen=True)
class Failing:
    mode: str
    cause: str  # in the failure line, after the table and the URL
    source: dict[str, Any] = field(default_factory=dict)
    budget: float = 20.0


FAILING = [
    Failing(
        "redirect-other-port", "was redirected (HTTP 302) to another origin: http://127.0.0.1:"
    ),
    Failing(
        "redirect-other-host", "was redirected (HTTP 302) to another origin: http://localhost:"
    ),
    Failing("redirect-other-scheme", "was redirected (HTTP 302) to another origin: https://127.0"),
    Failing("redirect-key-in-location", "was redirected (HTTP 307) to another origin: http://127"),
    Failing(
        "redirect-loop", "was redirected more than 5 times in a row, last to http://127.0.0.1:"
    ),
    Failing("redirect-file", "was redirected (HTTP 301) to file:///etc/passwd, which is not an"),
    Failing("redirect-malformed", "was redirected (HTTP 302) to a malformed Location 'http://[::1"),
    Failing("huge-body", "the response is larger than 32 MiB once decoded"),
    Failing("deep-json", "the JSON body is nested deeper than acx reads"),
    Failing("error-echoes-key", "HTTP 400 (invalid request for token '***'"),
]


@pytest.mark.parametrize("case", FAILING, ids=[c.mode for c in FAILING])
def test_a_hostile_answer_fails_its_table_in_one_line(case, loaded, scratch):
    outcome = hostile_run(case.mode, loaded, scratch, case.source, budget=case.budget)
    fails_in_one_line(outcome, case.cause)
    same_tables(outcome, loaded)


def fails_in_one_line(outcome: Outcome, cause: str) -> str:
    """/items failed (exit 1) in one line naming it, its URL and `cause`; contacts loaded."""
    assert outcome.proc.returncode == 1, outcome.proc.stderr[-3000:]
    line = outcome.failure("items")
    assert "(table items)" in line and f"GET http://127.0.0.1:{outcome.port}/api/3/items" in line
    assert cause in line, line
    assert "contacts: failed" not in outcome.proc.stderr
    return line


def test_a_trickled_body_ends_at_its_deadline_each_attempt(loaded, scratch):
    """A byte every 50 ms meets every read timeout (5 s); the page would take 12 minutes. Three
    attempts of one second each (the spec copy's timeouts.response), then one line."""
    outcome = hostile_run("trickle-body", loaded, scratch, TRICKLE, budget=15)
    line = fails_in_one_line(outcome, "no whole response within 1 s (source.timeouts.response)")
    assert "failed after 3 attempts" in line
    assert sum(r.path == "/items" for r in outcome.api.requests) == 3
    same_tables(outcome, loaded)


def test_a_huge_retry_after_stalls_the_account_no_longer_than_the_cap(loaded, scratch):
    """31 years asked, the spec copy's cap (1 s) waited between attempts; contacts loads."""
    cap = {"retry": {"max_wait_seconds": 1}}
    outcome = hostile_run("retry-after-huge", loaded, scratch, cap, budget=15)
    fails_in_one_line(
        outcome,
        "HTTP 429 (Retry-After 999,999,999 s; acx waits at most 1 s: "
        "source.retry.max_wait_seconds)",
    )
    assert sum(r.path == "/items" for r in outcome.api.requests) == 3  # max_attempts
    assert all(0.9 < gap < 2.0 for gap in gaps(outcome.api)), gaps(outcome.api)
    same_tables(outcome, loaded)


def test_a_gzip_bomb_is_never_inflated_whole(loaded, scratch):
    """1 MB that inflates to 1 GiB stops at the default cap (32 MiB); the run's peak memory
    (measured by a parent whose only child is acx) stays far below the bomb."""
    gzip_bomb()  # made before the run (2 s of the server's time), not while acx waits on it
    outcome = hostile_run("gzip-bomb", loaded, scratch, measure_memory=True)
    fails_in_one_line(outcome, "the response is larger than 32 MiB once decoded")
    assert outcome.peak_mb < 400, outcome.peak_mb
    same_tables(outcome, loaded)


@pytest.mark.parametrize("log_format", ["text", "json"])
@pytest.mark.parametrize("mode", ["error-echoes-key", "redirect-key-in-location"])
def test_a_key_the_server_echoes_is_in_no_output_or_event(mode, log_format, loaded, scratch):
    outcome = hostile_run(mode, loaded, scratch, log_format=log_format)
    assert outcome.proc.returncode == 1
    if log_format == "json":
        events = [json.loads(x) for x in outcome.proc.stderr.splitlines() if x.startswith("{")]
        failed = [e for e in events if e["event"] == "table_failed"]
        assert [e["table"] for e in failed] == ["items"]
        assert "***" in failed[0]["error"] and "\n" not in failed[0]["error"]
        assert events[-1]["event"] == "run_done" and events[-1]["failed"] == ["items"]
    assert KEY not in outcome.proc.stdout + outcome.proc.stderr


# ---------------------------------------------------------------- modes acx rides out


def test_a_redirect_within_the_origin_is_followed(loaded, scratch):
    outcome = hostile_run("redirect-same-origin", loaded, scratch)
    assert outcome.proc.returncode == 0, outcome.proc.stderr[-3000:]
    moved = [r for r in outcome.api.requests if r.path == "/items" and "moved" in r.params]
    assert len(moved) == 3 and all(r.headers["Api-Token"] == KEY for r in moved)
    same_tables(outcome, loaded)


def test_a_retry_after_http_date_is_waited_for(loaded, scratch):
    """Each page's 503 says "come back in 2 s" as a date; the page comes back no sooner than
    about that (backoff alone would retry in 10 ms)."""
    outcome = hostile_run("retry-after-date", loaded, scratch, budget=20)
    assert outcome.proc.returncode == 0, outcome.proc.stderr[-3000:]
    items = [r for r in outcome.api.requests if r.path == "/items"]
    assert len(items) == 6  # each of the 3 pages twice
    # the date has whole seconds, as has the response's Date it is counted from
    assert len(gaps(outcome.api)) == 3 and all(0.9 < gap < 3.5 for gap in gaps(outcome.api))
    same_tables(outcome, loaded)


def test_an_unreadable_retry_after_is_ridden_out(loaded, scratch):
    outcome = hostile_run("retry-after-garbage", loaded, scratch)
    assert outcome.proc.returncode == 0, outcome.proc.stderr[-3000:]
    # a 429 without a readable wait pauses the account a second (engine/http/ratelimit.py)
    assert len(gaps(outcome.api)) == 3 and all(gap < 2.0 for gap in gaps(outcome.api))
    same_tables(outcome, loaded)


# ---------------------------------------------------------------- settings that would send the key astray

BAD_SETTINGS = {
    "key-line-break": ({"ACX_API_KEY": KEY + "\n"}, None, "ACX_API_KEY holds a line break at"),
    "key-carriage-return": ({"ACX_API_KEY": KEY + "\r"}, None, "holds a carriage return at its"),
    "key-space": ({"ACX_API_KEY": f" {KEY} "}, None, "ACX_API_KEY holds a space at its start"),
    "url-user-info": ({}, "http://user:pw@127.0.0.1:{api.server.server_address[1]}", "user-info"),
    "url-backslash": (
        {},
        "http://127.0.0.2:{api.server.server_address[1]}\\@127.0.0.1:1",
        "holds a backslash",
    ),
    "url-fragment": ({}, "{api.url}/#top", "holds a fragment"),
    "url-control-character": ({}, "{api.url}/\x01", "holds a control character"),
}


@pytest.mark.parametrize("log_format", ["text", "json"])
@pytest.mark.parametrize("name", list(BAD_SETTINGS))
def test_settings_that_would_send_the_key_astray_stop_before_any_request(
    name, log_format, loaded, scratch
):
    env, url, said = BAD_SETTINGS[name]
    outcome = hostile_run(
        None, loaded, scratch, env=env, url=url, log_format=log_format, label=name
    )
    assert outcome.proc.returncode == 2
    line = error_line(outcome.proc)
    assert said in line and outcome.proc.stderr == line + "\n"
    assert "pw" not in line
    assert outcome.api.requests == []
    same_tables(outcome, loaded)


def test_the_framework_has_the_modes_this_file_runs():
    from tests.reliability.hostile import MODES, modes_http

    ours = {name for name, run in MODES.items() if run.__module__ == modes_http.__name__}
    here = Path(__file__).read_text(encoding="utf-8")
    assert len(ours) >= 15 and all(f'"{name}"' in here for name in ours), ours
