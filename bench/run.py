"""Benchmarks: print figures, assert nothing. Each scenario starts the sandbox in its own process
on 127.0.0.1 and runs `acx` in another, as a user would.

    python bench/run.py            # (a) rate-limited 20k contacts, (b) unlimited 1M contacts
    python bench/run.py a          # one scenario; also: b, memory (100k vs 1M peak RSS), text,
                                   # resume

(a) 5 requests/second, 150 ms latency, 20k contacts: requests made against the minimum that
    `acx plan` computes, rate-limit use, wall time against the least time, 429s.
(b) no limit, 1M contacts: rows/second into DuckDB and peak RSS of the acx process.
(text) 1 GB of text in one table (notes of 12-36 KB, like HTML message bodies; the sandbox has
    none so long), staged in batches of 2,000 rows and committed by the DuckDB destination under
    acx's defaults (ACX_DUCKDB_* in the environment apply), in a process of its own: time, peak
    RSS and the most its temporary directory held.
(accounts) N sandbox accounts (default 20) of 2,000 contacts each, 5 requests/second and 150 ms
    latency each (a sandbox process per account, as the API limits each account on its own),
    synced at once by one `acx run --accounts` into shared tables of one DuckDB file, against one
    account alone: wall time of each and their ratio (target at most 1.3x), requests, 429s
    (target 0), peak RSS of the acx process (target under 600 MB), and the requests per second
    all the sandboxes accepted, 5 s at a time (where the run fell short of the limits).
    `python bench/run.py accounts [N] [contacts] [layout]`
(lakes) (b) into DuckDB, Delta Lake and Iceberg on local disk, one after the other: rows/s and
    peak RSS of each (target: Delta and Iceberg within 1.5x of DuckDB).
    `python bench/run.py lakes [contacts] [duckdb|delta|iceberg ...]` (default: all three)
(resume) no limit, 1M contacts, checkpoints at acx's defaults (every 100 pages or 120 s): a run
    killed (kill -9) a fifth of an uninterrupted run's time after it starts, three times, each
    run going on from the one before, then a run to the end: requests against the uninterrupted
    run's (target at most 1.05x), and whether every table equals (rows and a checksum each).
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = str(ROOT / "specs" / "activecampaign.yaml")
KEY = "bench-key"


class Sandbox:
    def __init__(
        self, contacts: int, rate: float, latency_ms: int, key: str = KEY, wait: bool = True
    ) -> None:
        args = [
            sys.executable,
            "-m",
            "sandbox",
            "--port",
            "0",
            "--api-key",
            key,
            "--contacts",
            str(contacts),
            "--rate-limit",
            str(rate),
            "--latency-ms",
            str(latency_ms),
        ]
        self.proc = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, text=True)
        self.url = ""
        if wait:
            self.started()

    def started(self) -> Sandbox:
        """Wait for the sandbox's first line (its URL): several can start at once."""
        line = self.proc.stdout.readline() if self.proc.stdout else ""
        self.url = line.strip().split()[-1]
        return self

    def stats(self) -> dict:
        with urllib.request.urlopen(self.url + "/__sandbox/stats") as resp:
            return json.load(resp)

    def reset(self) -> None:
        urllib.request.urlopen(
            urllib.request.Request(self.url + "/__sandbox/reset_stats", method="POST")
        )

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait()

    def cpu(self) -> float:
        """CPU seconds the sandbox process has used (user + system), from /proc."""
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def acx(
    args: list[str], url: str, extra_env: dict[str, str] | None = None
) -> tuple[str, float, float, int]:
    """Run acx; returns (stdout, time.monotonic() at its start, seconds, peak RSS in MB)."""
    exe = shutil.which("acx")
    cmd = [exe, *args] if exe else [sys.executable, str(ROOT / "cli.py"), *args]
    env = {**os.environ, "ACX_API_URL": url, "ACX_API_KEY": KEY, **(extra_env or {})}
    start = time.monotonic()
    proc = subprocess.Popen(
        cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    out, err = proc.communicate()
    seconds = time.monotonic() - start
    _, _, usage = os.wait4(proc.pid, 0) if proc.returncode is None else (0, 0, None)
    peak = _peak_rss(usage)
    if proc.returncode != 0:
        raise SystemExit(f"acx {' '.join(args)} failed ({proc.returncode}):\n{err[-2000:]}")
    return out, start, seconds, peak


def _peak_rss(usage) -> int:
    import resource

    if usage is not None:
        return usage.ru_maxrss // 1024
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024


def total_line(out: str) -> tuple[int, int]:
    """(rows, requests) from the summary's total line."""
    for line in out.splitlines():
        if line.startswith("total"):
            nums = re.findall(r"\d+(?:\.\d+)?", line)
            return int(nums[0]), int(nums[1])
    raise SystemExit("no total line in acx output")


def scenario_a(contacts: int = 20_000) -> None:
    sb = Sandbox(contacts, rate=5, latency_ms=150)
    try:
        plan_out, *_ = acx(["plan", SPEC], sb.url)
        minimum = int(re.search(r"\((\d+) requests\)", plan_out).group(1))  # type: ignore[union-attr]
        least = minimum / 5
        sb.reset()
        with tempfile.TemporaryDirectory() as tmp:
            out, started, seconds, peak = acx(
                ["run", SPEC, "--log-format", "text", "--dest", f"duckdb:{tmp}/a.duckdb"], sb.url
            )
        stats = sb.stats()
    finally:
        sb.stop()
    rows, requests = total_line(out)
    accepted = stats["requests"] - stats.get("rate_limited", 0)
    print(f"(a) 5 req/s, 150 ms latency, {contacts} contacts")
    print(
        f"    requests made        {stats['requests']} (minimum from acx plan: {minimum}, "
        f"{100 * (stats['requests'] - minimum) / minimum:+.1f}%)"
    )
    print(f"    429 answers          {stats.get('rate_limited', 0)}")
    print(
        f"    wall time            {seconds:.1f} s (least at the limit: {least:.1f} s, "
        f"ratio {seconds / least:.3f})"
    )
    span = stats.get("accepted_span_seconds", 0.0)
    if span > 0:  # N requests evenly spaced at the limit span (N - 1) / rate seconds
        print(
            f"    rate-limit use       {100 * (accepted - 1) / (span * 5):.1f}% of 5 req/s while "
            f"syncing (first to last request, {span:.1f} s)"
        )
    print(
        f"    rate-limit use       {100 * accepted / (seconds * 5):.1f}% of 5 req/s over the whole "
        "run (with start-up and the last commit)"
    )
    if stats.get("first_accepted_at") is not None:
        before = stats["first_accepted_at"] - started
        after = started + seconds - stats["last_accepted_at"]
        print(
            f"    start-up, tail       {before:.2f} s to the first request, "
            f"{after:.2f} s after the last"
        )
    print(f"    rows                 {rows} ({rows / seconds:.0f} rows/s)")
    print(f"    peak RSS (acx)       {peak} MB")


def scenario_b(contacts: int = 1_000_000, label: str = "(b)", dest: str = "duckdb") -> int:
    import resource

    sb = Sandbox(contacts, rate=0, latency_ms=0)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            where = f"{dest}:{tmp}/b.duckdb" if dest == "duckdb" else f"{dest}:{tmp}/lake"
            before = resource.getrusage(resource.RUSAGE_CHILDREN)  # acx is the child reaped
            out, _, seconds, peak = acx(
                ["run", SPEC, "--log-format", "text", "--dest", where],
                sb.url,
                {"ACX_REQUESTS_PER_SECOND": "1000000"},
            )
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
    finally:
        sb.stop()
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    rows, requests = total_line(out)
    print(f"{label} no limit, {contacts} contacts, into {dest}")
    print(f"    rows                 {rows} in {seconds:.1f} s: {rows / seconds:.0f} rows/s")
    print(f"    CPU (acx)            {cpu:.1f} s: {rows / cpu:.0f} rows per CPU-second")
    print(f"    requests             {requests}")
    print(f"    peak RSS (acx)       {peak} MB")
    return peak


# the contacts request series and the tables it fills: the 1M-contact sync of the resume figure
CONTACT_GROUP = "contacts,contact_tags,contact_field_values,list_contacts,contact_list_activity"


def scenario_resume(contacts: int = 1_000_000) -> None:
    """Each kill reads again at most one checkpoint's pages (and the few asked for ahead)."""
    sb = Sandbox(contacts, rate=0, latency_ms=0)
    env = {"ACX_REQUESTS_PER_SECOND": "1000000"}
    try:
        with tempfile.TemporaryDirectory() as tmp:
            clean, resumed = f"{tmp}/clean.duckdb", f"{tmp}/resumed.duckdb"
            run = ["run", SPEC, "--log-format", "text", "--tables", CONTACT_GROUP, "--dest"]
            sb.reset()
            _, _, seconds, _ = acx([*run, f"duckdb:{clean}"], sb.url, env)
            plain = sb.stats()["requests"]
            sb.reset()
            args = [*run, f"duckdb:{resumed}"]
            for _ in range(3):  # a resumed run is quicker (smaller commits): a fifth each time
                ran = kill_after(args, sb.url, env, seconds / 5)
                print(f"(resume) killed after {ran:.1f} s" if ran else "(resume) ran to the end")
            notes, last = finish_run(args, sb.url, env)
            total = sb.stats()["requests"]
            same = checksums(clean) == checksums(resumed)
    finally:
        sb.stop()
    print(f"(resume) no limit, {contacts} contacts, checkpoints every 100 pages, 3 kills")
    print(f"    uninterrupted        {plain} requests in {seconds:.1f} s")
    print(f"    killed 3x, resumed   {total} requests ({total / plain:.3f}x; target <= 1.05x)")
    print(f"    last run             {last:.1f} s; {'; '.join(notes) or 'did not resume'}")
    print(f"    tables equal         {'yes' if same else 'NO'} (row counts and checksums)")


def finish_run(args: list[str], url: str, env: dict[str, str]) -> tuple[list[str], float]:
    """Run acx to the end; its "resumed from" lines (the summary's, on stderr) and seconds."""
    exe = shutil.which("acx")
    cmd = [exe, *args] if exe else [sys.executable, str(ROOT / "cli.py"), *args]
    full = {**os.environ, "ACX_API_URL": url, "ACX_API_KEY": KEY, **env}
    start = time.monotonic()
    proc = subprocess.run(cmd, cwd=ROOT, env=full, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"acx {' '.join(args)} failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    text = proc.stdout + proc.stderr
    return [line for line in text.splitlines() if "resumed from" in line], time.monotonic() - start


def kill_after(args: list[str], url: str, env: dict[str, str], seconds: float) -> float | None:
    """Start acx and kill -9 it after `seconds`; how long it ran (None: it ended first)."""
    exe = shutil.which("acx")
    cmd = [exe, *args] if exe else [sys.executable, str(ROOT / "cli.py"), *args]
    full = {**os.environ, "ACX_API_URL": url, "ACX_API_KEY": KEY, **env}
    start = time.monotonic()
    proc = subprocess.Popen(
        cmd, cwd=ROOT, env=full, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        proc.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        return time.monotonic() - start
    if proc.returncode != 0:
        raise SystemExit(f"acx failed before it was killed ({proc.returncode})")
    return None


def checksums(path: str) -> dict[str, tuple[int, int]]:
    """Rows and a checksum of every table of a DuckDB file (not acx's own)."""
    import duckdb

    con = duckdb.connect(path, read_only=True)
    try:
        names = [r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()]
        return {
            name: con.execute(f'SELECT count(*), sum(hash(t)) FROM "{name}" t').fetchone()
            for name in names
            if not name.startswith("_acx_")
        }
    finally:
        con.close()


def scenario_memory() -> None:
    small = scenario_b(100_000, "(memory)")
    large = scenario_b(1_000_000, "(memory)")
    print(f"(memory) peak RSS 100k -> 1M contacts: {small} MB -> {large} MB")


def scenario_text(megabytes: int = 1_000) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        code = f"from bench.run import load_text; load_text({tmp + '/text.duckdb'!r}, {megabytes})"
        proc = subprocess.run(
            [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
        )
    if proc.returncode != 0:
        raise SystemExit(f"loading text failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    rows, size, seconds, peak, spill = json.loads(proc.stdout.splitlines()[-1])
    print(f"(text) {size / 1e9:.2f} GB of text, {rows} notes of 12-36 KB, into one DuckDB table")
    print(f"    load                 {seconds:.1f} s: {size / 1e6 / seconds:.0f} MB/s")
    print(f"    peak RSS             {peak} MB")
    print(f"    temporary directory  {spill} MB at most")


def load_text(path: str, megabytes: int) -> None:
    """The child of scenario_text: stage and commit the notes; print a JSON line of figures."""
    from datetime import datetime, timezone
    from resource import RUSAGE_SELF, getrusage

    import pyarrow as pa

    from engine.config.settings import Settings
    from engine.load import Apply
    from engine.load.duckdb import DuckDBDestination
    from engine.load.sqlbuild import SEQ
    from engine.load.state import StateRow
    from engine.spec import load_spec
    from engine.spec.types import arrow_type

    stream = load_spec(SPEC).stream("contact_notes")
    words = [b"<p>", b"</p>", b"Dear", b"Ana,", b"the", b"offer", b"ends", b"Friday.", b"42"]
    corpus = b" ".join(random.Random(7).choices(words, k=1_000_000))
    rng, spill = random.Random(1), Path(path + ".tmp")
    most = [0]

    def watch() -> None:  # the most the temporary directory holds (its files come and go)
        while True:
            with contextlib.suppress(OSError):
                most[0] = max(most[0], sum(p.stat().st_size for p in spill.iterdir()))
            time.sleep(0.2)

    threading.Thread(target=watch, daemon=True).start()
    dest = DuckDBDestination(path, Settings(api_url="", api_key="", env=os.environ))
    start = time.monotonic()
    dest.connect()
    dest.prepare(stream)
    rows = size = 0
    while size < megabytes * 1_000_000:
        lengths = [rng.randrange(12_000, 36_000) for _ in range(2_000)]
        cuts = [rng.randrange(len(corpus) - n) for n in lengths]
        data = b"".join(corpus[c : c + n] for c, n in zip(cuts, lengths, strict=True))
        offsets = pa.array(itertools.accumulate(lengths, initial=0), pa.int32()).buffers()[1]
        ids = pa.array(range(rows, rows + len(lengths)), pa.int64())
        columns = {c.name: pa.nulls(len(ids), arrow_type(c.type)) for c in stream.columns}
        columns.update(id=ids, relid=ids, reltype=pa.array(["Subscriber"] * len(ids)))
        columns["note"] = pa.StringArray.from_buffers(len(ids), offsets, pa.py_buffer(data))
        dest.stage(stream, pa.table({**columns, SEQ: ids}))
        rows, size = rows + len(ids), size + len(data)
    done = StateRow(stream.key, None, "full", rows, "bench", datetime.now(timezone.utc))
    dest.commit([Apply(stream, "replace")], [done])
    seconds = time.monotonic() - start
    dest.close()
    peak = getrusage(RUSAGE_SELF).ru_maxrss // 1024
    print(json.dumps([rows, size, seconds, peak, most[0] // 1_000_000]))


def scenario_accounts(accounts: int = 20, contacts: int = 2_000, layout: str = "shared") -> None:
    """One acx process, N accounts at once, each at its own 5 requests/second."""
    keys = [f"bench-key-{i:02d}" for i in range(accounts)]
    boxes = [Sandbox(contacts, 5, 150, key, wait=False) for key in keys]
    try:
        for box in boxes:
            box.started()
        env = {"ACX_TIMEZONE": "America/New_York"}
        for i, (box, key) in enumerate(zip(boxes, keys, strict=True)):
            env[f"AC_{i:02d}_URL"], env[f"AC_{i:02d}_KEY"] = box.url, key
        with tempfile.TemporaryDirectory() as tmp:
            config = Path(tmp) / "acx.toml"
            config.write_text(
                f'[load]\nlayout = "{layout}"\n'
                + "".join(
                    f'\n[accounts.a{i:02d}]\nurl_env = "AC_{i:02d}_URL"\n'
                    f'key_env = "AC_{i:02d}_KEY"\n'
                    for i in range(accounts)
                ),
                encoding="utf-8",
            )
            base = ["run", SPEC, "--config", str(config), "--log-format", "text"]
            used = _cpu_children()
            one, _, alone, peak_one = acx(
                [*base, "--accounts", "a00", "--dest", f"duckdb:{tmp}/one.duckdb"], "", env
            )
            cpu_one, used = _cpu_children() - used, _cpu_children()
            first = boxes[0].stats()
            for box in boxes:
                box.reset()
            served = sum(box.cpu() for box in boxes)
            out, began, together, peak = acx([*base, "--dest", f"duckdb:{tmp}/all.duckdb"], "", env)
            cpu_all, served = _cpu_children() - used, sum(b.cpu() for b in boxes) - served
        stats = [box.stats() for box in boxes]
    finally:
        for box in boxes:
            box.stop()
    requests = sum(s["requests"] for s in stats)
    limited = sum(s.get("rate_limited", 0) for s in stats)
    rows = _account_total(out)
    print(
        f"(accounts) {accounts} accounts x {contacts} contacts, 5 req/s and 150 ms each, {layout}"
    )
    print(
        f"    one account alone    {alone:.1f} s, {first['requests']} requests, "
        f"{first.get('rate_limited', 0)} 429s, {_account_total(one)} rows, peak RSS {peak_one} MB"
    )
    print(
        f"    {accounts} accounts at once  {together:.1f} s, {requests} requests, {limited} 429s, "
        f"{rows} rows, peak RSS {peak} MB"
    )
    print(f"    ratio                {together / alone:.2f}x (target at most 1.3x)")
    print(f"    requests/s, all      {_pace(stats, began, together)} (at most {5 * accounts})")
    print(
        f"    CPU                  acx {cpu_one:.1f} s alone, {cpu_all:.1f} s for {accounts}; "
        f"the {accounts} sandboxes {served:.1f} s; {os.cpu_count()} CPUs x {together:.0f} s = "
        f"{(os.cpu_count() or 1) * together:.0f} CPU-s available"
    )


def _pace(stats: list[dict], began: float, seconds: float, step: int = 5) -> str:
    """Requests the sandboxes accepted per second, all together, `step` seconds at a time from
    the run's start (their clocks are this machine's time.monotonic): where the run fell short
    of every account's limit."""
    per_step: dict[int, int] = {}
    for s in stats:
        for second, count in s.get("accepted_by_second", {}).items():
            at = int((int(second) - began) // step)
            per_step[at] = per_step.get(at, 0) + count
    steps = range(max(0, min(per_step, default=0)), int(seconds // step) + 1)
    return " ".join(f"{k * step}s:{per_step.get(k, 0) / step:.0f}" for k in steps)


def _cpu_children() -> float:
    """CPU seconds (user + system) of the children waited for so far."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _account_total(out: str) -> int:
    """Rows from the `acx run --accounts` summary's total line."""
    for line in out.splitlines():
        if line.startswith("total"):
            return int(line.split()[2])
    raise SystemExit("no total line in acx output:\n" + out[-2000:])


LAKES = ("duckdb", "delta", "iceberg")


def scenario_lakes(contacts: int = 1_000_000, *dests: str) -> None:
    """(b) into DuckDB, then Delta Lake and Iceberg on local disk (target: within 1.5x of
    DuckDB's rows/s and peak RSS); `dests`: some of them only."""
    unknown = [d for d in dests if d not in LAKES]
    if unknown:
        raise SystemExit(f"lakes: unknown destination {unknown[0]!r}; choose from {LAKES}")
    for dest in dests or LAKES:
        scenario_b(contacts, "(lakes)", dest)


if __name__ == "__main__":
    if sys.argv[1:2] == ["lakes"]:  # with its own arguments: contacts, destinations
        scenario_lakes(*[int(a) for a in sys.argv[2:3]], *sys.argv[3:])
        sys.exit(0)
    if sys.argv[1:2] == ["accounts"]:  # with its own arguments: N, contacts, layout
        scenario_accounts(*[int(a) for a in sys.argv[2:4]], *sys.argv[4:5])  # type: ignore[arg-type]
        sys.exit(0)
    which = sys.argv[1:] or ["a", "b"]
    scenarios = {
        "a": scenario_a,
        "b": scenario_b,
        "memory": scenario_memory,
        "text": scenario_text,
        "resume": scenario_resume,
    }
    for name in which:
        scenarios[name]()
