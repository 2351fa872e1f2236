"""What a run shows while it works: the live display on a terminal (rendered into a fake TTY),
JSON lines for schedulers, plain text lines; and that the CLI picks the right one."""

from __future__ import annotations

import io
import json
import re
import sys
import threading
from pathlib import Path

import duckdb
import pytest

from engine.api import RunOptions, run_spec
from engine.errors import ConfigError
from engine.report.progress import (
    LOG_FORMATS,
    JsonLines,
    LiveDisplay,
    RunInfo,
    TextLines,
    make_reporter,
)
from engine.run.events import event
from engine.run.plan import build_plan
from tests.conftest import MINI, SPEC
from tests.runhelp import account_spec, env_for

KEY = "progress-test-key"
TABLE_EVENTS = {"run_start", "table_start", "table_done", "table_failed", "table_skipped"}
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


class FakeTTY(io.StringIO):
    def isatty(self) -> bool:
        return True


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def sandbox():
    from sandbox import Sandbox

    with Sandbox(contacts=120, api_key=KEY, rate_limit=0) as sb:
        yield sb


def screen(raw: str) -> list[str]:
    """The last block the live display drew, without its escape codes."""
    last = raw.rsplit("\x1b[J", 2)[-2]
    last = re.sub(r"^\r\x1b\[\d+A", "", last)  # the cursor-up to the top of the block
    return [ANSI.sub("", line) for line in last.splitlines() if line.strip()]


def db_counts(path: Path) -> dict[str, int]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        names = [
            r[0]
            for r in con.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE'"
            ).fetchall()
        ]
        return {n: con.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    finally:
        con.close()


# ---- JSON lines, through the library and the CLI


@pytest.mark.slow
def test_json_lines_carry_every_table_and_its_counts(sandbox, tmp_path):
    err: list[str] = []
    out: list[str] = []
    db = tmp_path / "acx.duckdb"
    code = run_spec(
        str(SPEC),
        RunOptions(dest=f"duckdb:{db}", log_format="json"),
        env=env_for(sandbox.url, KEY),
        echo=err.append,
        out=out.append,
    )
    assert code == 0
    assert out == []  # run_done replaces the summary table
    events = [json.loads(line) for line in err]  # every line is one JSON object
    kinds = [e["event"] for e in events]
    assert kinds[0] == "run_start" and kinds[-1] == "run_done"
    assert set(kinds) <= TABLE_EVENTS | {"progress", "run_done", "timezone"}  # no page events
    zone = next(e for e in events if e["event"] == "timezone")  # said before any table starts
    assert kinds.index("timezone") < kinds.index("table_start")
    assert zone["zone"] == "America/New_York" and zone["origin"] == "ACX_TIMEZONE"
    assert zone["offsets_seen"] == zone["offsets_fit"] > 0 and zone["warnings"] == []
    start = events[0]
    starts = {e["table"] for e in events if e["event"] == "table_start"}
    done = {e["table"]: e for e in events if e["event"] == "table_done"}
    assert starts == set(done) == set(start["groups"])
    loaded = db_counts(db)
    for group in done.values():
        for table, rows in group["tables"].items():
            assert loaded[table] == rows, table
    assert loaded["contacts"] == 120
    final = events[-1]
    assert final["timezone"]["pairs_agreed"] > 0 and final["timezone"]["pairs_disagreed"] == 0
    assert final["failed"] == [] and set(final["tables"]) == set(start["tables"])
    assert all(t["status"] == "ok" for t in final["tables"].values())
    assert {k: t["rows"] for k, t in final["tables"].items()} == {
        k: loaded[k] for k in final["tables"]
    }
    assert final["rows"] == sum(loaded[k] for k in final["tables"])
    assert final["requests"] == sum(t["requests"] for t in final["tables"].values()) > 0


def test_json_lines_report_failed_and_skipped_tables(sandbox, tmp_path):
    """A parent table that fails: its own table_failed line, a table_skipped line for the
    per-parent table that could not run, and run_done lists both; exit 1."""
    spec = tmp_path / "spec.yaml"
    spec.write_text(MINI.read_text().replace("records: groups", "records: no_such_array"))
    err: list[str] = []
    code = run_spec(
        str(spec),
        RunOptions(
            dest=f"duckdb:{tmp_path / 'x.duckdb'}", tables=("memberships",), log_format="json"
        ),
        env=env_for(sandbox.url, KEY),
        echo=err.append,
        out=err.append,
    )
    assert code == 1
    events = [json.loads(line) for line in err]
    failed = [e for e in events if e["event"] == "table_failed"]
    skipped = [e for e in events if e["event"] == "table_skipped"]
    assert [e["table"] for e in failed] == ["groups"]
    assert "no_such_array" in failed[0]["error"]
    assert [e["table"] for e in skipped] == ["memberships"]
    assert "groups" in skipped[0]["reason"]
    final = events[-1]
    assert final["event"] == "run_done"
    assert set(final["failed"]) == {"groups", "memberships"}
    assert final["tables"]["memberships"]["status"] == "skipped"


def test_cli_off_a_terminal_writes_json_lines_to_stderr(cli, sandbox, tmp_path):
    env = env_for(sandbox.url, KEY)
    db = tmp_path / "acx.duckdb"
    result = cli("run", SPEC, "--dest", f"duckdb:{db}", "--tables", "deals,lists", env=env)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    events = [json.loads(line) for line in result.stderr.splitlines()]
    done = {e["table"]: e["tables"] for e in events if e["event"] == "table_done"}
    assert done == {"deals": {"deals": len(sandbox.expected("deals"))}, "lists": {"lists": 8}}


def test_cli_text_format_prints_lines_and_the_summary(cli, sandbox, tmp_path):
    env = env_for(sandbox.url, KEY)
    db = tmp_path / "acx.duckdb"
    result = cli(
        "run", SPEC, "--dest", f"duckdb:{db}", "--tables", "lists", "--log-format", "text", env=env
    )
    assert result.exit_code == 0, result.stderr
    assert "lists: started (full)" in result.stderr
    assert "lists: 8 rows, 1 requests" in result.stderr
    summary = result.stdout.splitlines()
    assert summary[0].split()[:4] == ["table", "mode", "status", "rows"]
    assert summary[1].split()[:4] == ["lists", "full", "ok", "8"]


def test_bad_log_format_is_a_usage_error(cli):
    result = cli("run", SPEC, "--log-format", "fancy")
    assert result.exit_code == 2 and "fancy" in result.stderr
    with pytest.raises(ConfigError):
        make_reporter("fancy", RunInfo(5), print)


# ---- the live display


@pytest.mark.slow
def test_live_display_of_a_real_run_on_a_terminal(sandbox, tmp_path, monkeypatch):
    tty = FakeTTY()
    monkeypatch.setattr(sys, "stderr", tty)
    monkeypatch.setattr(sys, "stdout", io.StringIO())  # not a terminal: the block stays
    monkeypatch.setenv("COLUMNS", "200")  # the fake terminal's size
    monkeypatch.setenv("LINES", "60")
    out: list[str] = []
    code = run_spec(
        str(SPEC),
        RunOptions(dest=f"duckdb:{tmp_path / 'acx.duckdb'}", log_format="auto"),
        env=env_for(sandbox.url, KEY),
        echo=lambda line: tty.write(line + "\n"),
        out=out.append,
    )
    assert code == 0
    raw = tty.getvalue()
    assert "\x1b[2K" in raw and re.search(r"\r\x1b\[\d+A", raw)  # redrawn in place
    lines = screen(raw)
    # every table of the spec and of the account (its custom objects)
    series = len(build_plan(account_spec(sandbox.url, KEY), None).groups)
    assert lines[0].startswith("acx run ") and f"{series} done" in lines[0]
    rows = {line.split()[0]: line for line in lines[1:]}
    assert "done" in rows["contacts"] and "120 rows" in rows["contacts"]
    assert "+4 fed" in rows["contacts"]
    assert len(rows) == series  # one line per request series
    assert out[0].split()[:3] == ["table", "mode", "status"]  # the summary still on stdout


def test_live_lines_show_rows_pages_requests_rate_and_time_left():
    clock = Clock()
    tty = FakeTTY()
    live = LiveDisplay(
        RunInfo(5.0, {"contacts": 100, "deals": 100}),
        tty,
        print,
        clock=clock,
        size=lambda: (160, 40),
    )
    live.emit(
        event(
            "run_start",
            run_id="r1",
            destination="duckdb:x",
            tables=["contacts", "contact_tags", "deals"],
            groups=["contacts", "deals"],
        )
    )
    live.emit(
        event(
            "table_start",
            table="contacts",
            tables=["contacts", "contact_tags"],
            mode="full",
            since=None,
        )
    )
    clock.now += 2
    live.emit(event("page", table="contacts", rows=200, pages=2, total=1000, requests=2))
    lines = screen(tty.getvalue())
    contacts = next(line for line in lines if "contacts" in line and "acx run" not in line)
    assert "[##--------]" in contacts
    assert "200/1,000 rows" in contacts and "2/10 pages" in contacts
    assert "2 requests" in contacts and "1.0 req/s" in contacts
    assert "~2s left" in contacts  # 8 requests at 5/s
    assert "+1 fed" in contacts
    assert "waiting" in next(line for line in lines if line.split()[0] == "deals")
    assert "~2s left at 5 req/s" in lines[0]


def test_live_display_redraws_at_most_five_times_a_second():
    clock = Clock()
    tty = FakeTTY()
    live = LiveDisplay(RunInfo(5.0, {"t": 10}), tty, print, clock=clock, size=lambda: (120, 40))
    live.emit(event("run_start", run_id="r", destination="d", tables=["t"], groups=["t"]))
    live.emit(event("table_start", table="t", tables=["t"], mode="full", since=None))
    before = tty.getvalue().count("\x1b[J")
    for page in range(1, 101):  # a hundred pages within 0.1 s
        clock.now += 0.001
        live.emit(event("page", table="t", rows=page * 10, pages=page, total=1000, requests=page))
    assert tty.getvalue().count("\x1b[J") - before == 0  # the start was drawn just before
    clock.now += 0.3
    live.emit(event("page", table="t", rows=1010, pages=101, total=1000, requests=101))
    assert tty.getvalue().count("\x1b[J") - before == 1
    live.emit(
        event(
            "table_done",
            table="t",
            tables={"t": 1010},
            requests=101,
            seconds=0.4,
            savepoint=None,
            nulled={"t": 0},
        )
    )
    assert tty.getvalue().count("\x1b[J") - before == 2  # an end redraws at once


def test_live_display_is_thread_safe():
    tty = FakeTTY()
    keys = [f"table_{i}" for i in range(8)]
    live = LiveDisplay(RunInfo(5.0, dict.fromkeys(keys, 10)), tty, print, size=lambda: (120, 40))
    live.emit(event("run_start", run_id="r", destination="d", tables=keys, groups=keys))

    def work(key: str) -> None:
        live.emit(event("table_start", table=key, tables=[key], mode="full", since=None))
        for page in range(1, 201):
            live.emit(
                event("page", table=key, rows=page * 10, pages=page, total=2000, requests=page)
            )
        live.emit(
            event(
                "table_done",
                table=key,
                tables={key: 2000},
                requests=200,
                seconds=1.0,
                savepoint=None,
                nulled={key: 0},
            )
        )

    threads = [threading.Thread(target=work, args=(k,)) for k in keys]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    lines = screen(tty.getvalue())
    assert "8 done" in lines[0] and "1,600 requests" in lines[0]
    assert all("done" in line and "2,000 rows" in line for line in lines[1:])


def test_live_display_fits_a_small_terminal():
    tty = FakeTTY()
    keys = [f"t{i:02d}" for i in range(30)]
    live = LiveDisplay(RunInfo(5.0), tty, print, size=lambda: (60, 12))
    live.emit(event("run_start", run_id="r", destination="d", tables=keys, groups=keys))
    live.emit(event("table_start", table="t29", tables=["t29"], mode="full", since=None))
    lines = screen(tty.getvalue())
    assert len(lines) <= 10 and all(len(line) < 60 for line in lines)
    assert any(line.startswith("> t29") for line in lines)  # running tables are kept in view
    assert lines[-1].strip() == "... and 22 more (0 done, 0 running, 22 waiting)"


def test_live_display_can_erase_itself_before_the_summary():
    tty = FakeTTY()
    live = LiveDisplay(RunInfo(5.0), tty, print, clear_at_end=True, size=lambda: (80, 20))
    live.emit(event("run_start", run_id="r", destination="d", tables=["a"], groups=["a"]))
    live.emit(event("table_start", table="a", tables=["a"], mode="full", since=None))
    from engine.run.results import RunResult, TableResult

    live.finish(RunResult("r", {"a": TableResult("a", "full", status="ok")}))
    assert tty.getvalue().endswith("\r\x1b[2A\x1b[J")  # back to the top of the block, cleared


def test_auto_is_live_on_a_terminal_and_json_elsewhere():
    info = RunInfo(5.0)
    assert isinstance(make_reporter("auto", info, print, stream=FakeTTY()), LiveDisplay)
    assert isinstance(make_reporter("auto", info, print, stream=io.StringIO()), JsonLines)
    assert isinstance(make_reporter("text", info, print, stream=FakeTTY()), TextLines)
    assert isinstance(make_reporter("json", info, print, stream=FakeTTY()), JsonLines)


# ---- progress lines in logs


@pytest.mark.parametrize("kind", [JsonLines, TextLines])
def test_a_progress_line_per_table_at_most_every_ten_seconds(kind):
    clock = Clock()
    lines: list[str] = []
    reporter = kind(RunInfo(5.0, {"t": 100}), lines.append, clock=clock)
    reporter.emit(event("run_start", run_id="r", destination="d", tables=["t"], groups=["t"]))
    reporter.emit(event("table_start", table="t", tables=["t"], mode="full", since=None))
    for page in range(1, 61):  # a page a second for a minute
        clock.now += 1
        reporter.emit(
            event("page", table="t", rows=page * 100, pages=page, total=10_000, requests=page)
        )
    progress = lines[2:]
    assert len(progress) == 6
    if kind is JsonLines:
        first = json.loads(progress[0])
        assert first["event"] == "progress" and first["rows"] == 1000 and first["total"] == 10_000
        assert first["requests_left"] == 90
    else:
        assert progress[0] == "t: 1,000/10,000 rows, 10 pages, 10 requests so far"


def test_json_run_done_on_an_aborted_run_names_the_unfinished_tables():
    lines: list[str] = []
    reporter = JsonLines(RunInfo(5.0), lines.append)
    reporter.emit(
        event("run_start", run_id="r", destination="d", tables=["a", "b"], groups=["a", "b"])
    )
    reporter.emit(
        event(
            "table_done",
            table="a",
            tables={"a": 3},
            requests=1,
            seconds=0.1,
            savepoint=None,
            nulled={"a": 0},
        )
    )
    reporter.abort(ConfigError("stopped"))
    final = json.loads(lines[-1])
    assert final["event"] == "run_done" and final["failed"] == ["b"] and final["error"] == "stopped"


@pytest.mark.slow
def test_a_refused_key_leaves_no_table_running(sandbox, tmp_path, monkeypatch):
    """However the run ends (a failure per table, or one error for the whole account), the
    last block shows no table still running, and the JSON log still ends with run_done."""
    from engine.errors import AcxError

    tty = FakeTTY()
    monkeypatch.setattr(sys, "stderr", tty)
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    env = env_for(sandbox.url, "not-the-key")
    dest = f"duckdb:{tmp_path / 'acx.duckdb'}"
    try:
        live = RunOptions(dest=dest, log_format="live")
        code = run_spec(str(SPEC), live, env=env, echo=print, out=print)
    except AcxError:
        code = 1
    assert code == 1
    lines = screen(tty.getvalue())
    assert lines and not any(line.startswith("> ") for line in lines[1:])
    logged: list[str] = []
    try:
        json_logs = RunOptions(dest=dest, log_format="json")
        run_spec(str(SPEC), json_logs, env=env, echo=logged.append, out=print)
    except AcxError as err:
        assert json.loads(logged[-1])["error"] == str(err)
    final = json.loads(logged[-1])
    assert final["event"] == "run_done" and final["failed"]


def test_a_config_error_before_the_run_writes_no_json_line(sandbox):
    logged: list[str] = []
    with pytest.raises(ConfigError, match="did you mean 'postgres'"):
        run_spec(
            str(SPEC),
            RunOptions(dest="postgress", log_format="json"),
            env=env_for(sandbox.url, KEY),
            echo=logged.append,
            out=logged.append,
        )
    assert logged == []


def test_the_cli_offers_every_log_format():
    """cli.py writes the words out (it starts without importing the engine): they must agree."""
    import cli

    assert cli.LOG_FORMATS == LOG_FORMATS
