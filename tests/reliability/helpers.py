"""What the reliability suite shares: acx run as a user runs it (a subprocess of the CLI), the
secrets it must never show, snapshots of a warehouse compared row for row, a tiny HTTP server in
front of the sandbox, and the ledger of figures printed at the end of the session."""

from __future__ import annotations

import contextlib
import hashlib
import http.client
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import duckdb
import yaml

from engine.api import list_tables
from engine.spec import Spec, Stream, load_spec
from tests.conftest import ROOT, SPEC, pg_dsn

CLI = ROOT / "cli.py"
SANDBOX_TZ = "America/New_York"

# Distinctive secrets: found anywhere the suite can look, they leaked.
KEY = "acxKEY-7Hq2vL9xW4-reliability"
WRONG_KEY = "acxWRONG-3Zt8mP5r-not-the-key"
PG_PASSWORD = "acxPGPW-Rk4d9Vq1-reliability"
SECRETS = (KEY, WRONG_KEY, PG_PASSWORD)


# ---------------------------------------------------------------- the figures of the session


@dataclass
class Ledger:
    faults: Counter[str] = field(default_factory=Counter)  # injected by the sandbox, by kind
    crashes: list[str] = field(default_factory=list)  # "duckdb commit:insert:4", ...
    bad_inputs: list[str] = field(default_factory=list)
    runs: int = 0  # acx subprocesses started
    tables_compared: int = 0
    rows_compared: int = 0
    rows_lost: int = 0  # reference rows missing from a compared table
    rows_extra: int = 0  # rows in a compared table the reference does not hold (duplicates too)
    outputs: list[str] = field(default_factory=list)  # stdout + stderr of every acx subprocess
    searched: int = 0  # databases and files searched for secrets before they were removed
    leaks: list[str] = field(default_factory=list)  # where a secret was found
    notes: list[str] = field(default_factory=list)  # a line each, for the figures

    def add_faults(self, stats: dict[str, Any]) -> None:
        self.faults.update(stats.get("faults", {}))

    def shipped(self) -> dict[str, Any]:
        """The figures as a pytest-xdist worker hands them to the controller (the run outputs,
        searched for secrets on the worker, as a count)."""
        out = {k: v for k, v in vars(self).items() if k != "outputs"}
        out["faults"] = dict(self.faults)
        out["outputs"] = [""] * len(self.outputs)
        return out

    def merge(self, other: dict[str, Any]) -> None:
        """Add a worker's figures (shipped) to these."""
        for name, value in other.items():
            mine = getattr(self, name)
            if isinstance(mine, Counter):
                mine.update(value)
            elif isinstance(mine, list):
                mine.extend(value)
            else:
                setattr(self, name, mine + value)


LEDGER = Ledger()


# ---------------------------------------------------------------- running acx as a user does


def base_env(url: str, key: str = KEY, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ACX_")}
    env.update(
        {
            "ACX_API_URL": url,
            "ACX_API_KEY": key,
            "ACX_REQUESTS_PER_SECOND": "10000",
            "ACX_TIMEZONE": SANDBOX_TZ,
            "PYTHONPATH": str(ROOT),
        }
    )
    env.update(extra)
    return env


def acx(
    *args: Any, env: dict[str, str], cwd: Path, timeout: float = 180
) -> subprocess.CompletedProcess[str]:
    """`acx ARGS` in a subprocess, as a user would start it; its output joins the ledger."""
    LEDGER.runs += 1
    proc = subprocess.run(
        [sys.executable, str(CLI), *map(str, args)],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    LEDGER.outputs.append(proc.stdout + proc.stderr)
    return proc


def acx_start(*args: Any, env: dict[str, str], cwd: Path) -> subprocess.Popen[str]:
    """`acx ARGS` started in the background; finish it with `finish`."""
    LEDGER.runs += 1
    return subprocess.Popen(
        [sys.executable, str(CLI), *map(str, args)],
        env=env,
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(proc: subprocess.Popen[str], timeout: float = 180) -> subprocess.CompletedProcess[str]:
    out, err = proc.communicate(timeout=timeout)
    LEDGER.outputs.append(out + err)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def assert_user_facing(proc: subprocess.CompletedProcess[str]) -> None:
    """What a user sees on failure: no traceback, no secret."""
    text = proc.stdout + proc.stderr
    assert "Traceback" not in text, proc.stderr[-3000:]
    for secret in SECRETS:
        assert secret not in text


def error_line(proc: subprocess.CompletedProcess[str]) -> str:
    """The `acx: ...` line a run that stops prints last."""
    lines = [line for line in proc.stderr.splitlines() if line.startswith("acx: ")]
    assert len(lines) == 1, proc.stderr[-3000:]
    return lines[0]


def fast_spec(
    folder: Path,
    *,
    max_attempts: int = 8,
    backoff: float = 0.02,
    limit: int | None = None,
) -> Path:
    """A copy of the shipped spec with a short backoff (and optionally a smaller page), so a
    run through many faults takes seconds; every table, column and path is unchanged."""
    raw = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    retry = raw["source"].setdefault("retry", {})
    retry.update(
        max_attempts=max_attempts, backoff_seconds=backoff, max_backoff_seconds=backoff * 8
    )
    if limit is not None:
        pagings = [raw["source"].get("paging")] + [s.get("paging") for s in raw["streams"].values()]
        for paging in pagings:
            if isinstance(paging, dict) and paging.get("limit"):
                paging["limit"] = limit
    path = folder / f"spec-{max_attempts}-{backoff}-{limit}.yaml"
    path.write_text(yaml.safe_dump(raw, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


# ---------------------------------------------------------------- warehouses, row for row


def row_digest(row: Iterable[Any]) -> str:
    return hashlib.sha256(repr(tuple(row)).encode()).hexdigest()[:24]


@dataclass
class TableRows:
    digests: list[str]  # one per row, ordered by primary key
    duplicate_keys: int


Snapshot = dict[str, TableRows | None]  # table key -> rows (None: the table does not exist)


class Warehouse:
    """Reads a destination's tables back through its own driver, without acx."""

    name: str
    dest: str
    atomic_groups = True  # a group's tables and state rows commit together (Delta: False)

    def __init__(self) -> None:
        self.local = threading.local()  # a connection per thread, while in session()

    def connect(self) -> Any:
        raise NotImplementedError

    def run_query(self, con: Any, sql: str, params: list[Any] | None) -> list[tuple[Any, ...]]:
        raise NotImplementedError

    def qualified(self, table: str) -> str:
        raise NotImplementedError

    def tables(self) -> set[str]:
        raise NotImplementedError

    def env(self) -> dict[str, str]:
        return {}

    @contextmanager
    def session(self) -> Iterator[None]:
        """One connection for the queries inside (per thread)."""
        if getattr(self.local, "con", None) is not None:
            yield
            return
        self.local.con = self.connect()
        try:
            yield
        finally:
            self.local.con.close()
            self.local.con = None

    def query(self, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
        with self.session():
            return self.run_query(self.local.con, sql, params)

    def snapshot(self, spec: Spec, keys: Iterable[str] | None = None) -> Snapshot:
        streams = spec.streams if keys is None else tuple(spec.stream(k) for k in keys)
        present = self.tables()
        if not present:
            return {s.key: None for s in streams}
        with self.session():
            return {s.key: self.table_rows(s) if s.name in present else None for s in streams}

    def table_rows(self, s: Stream) -> TableRows:
        table = self.qualified(s.name)
        key = ", ".join(quote(s.column(k).name) for k in s.primary_key)
        cols = ", ".join(quote(c.name) for c in s.columns)
        # whether acx marked the row deleted: a row kept but marked wrongly is a row lost
        gone = "_acx_deleted_at IS NOT NULL"
        rows = self.query(f"SELECT {cols}, {gone} FROM {table} ORDER BY {key}")
        dupes = self.query(
            f"SELECT count(*) FROM (SELECT {key} FROM {table} GROUP BY {key} HAVING count(*) > 1) d"
        )[0][0]
        return TableRows([row_digest(r) for r in rows], dupes)

    def state(self) -> dict[str, dict[str, Any]]:
        if "_acx_state" not in self.tables():
            return {}
        rows = self.query(
            f"SELECT stream, savepoint, mode, rows_loaded FROM {self.qualified('_acx_state')}"
        )
        return {r[0]: {"savepoint": r[1], "mode": r[2], "rows": int(r[3])} for r in rows}

    def stages(self) -> list[str]:
        return sorted(t for t in self.tables() if t.startswith("_acx_stage_"))

    def max_cursor(self, s: Stream) -> Any:
        cursor = s.column(s.replication.cursor or "").name
        return self.query(f"SELECT max({quote(cursor)}) FROM {self.qualified(s.name)}")[0][0]

    def text_values(self) -> Iterator[str]:
        """Every value of every table, as text (for the secrets search)."""
        tables = sorted(self.tables())
        with self.session():
            for table in tables:
                for row in self.query(f"SELECT * FROM {self.qualified(table)}"):
                    yield repr(row)


class DuckWarehouse(Warehouse):
    name = "duckdb"

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    @property
    def dest(self) -> str:  # type: ignore[override]
        return f"duckdb:{self.path}"

    def connect(self) -> Any:
        return duckdb.connect(str(self.path), read_only=True)

    def run_query(self, con: Any, sql: str, params: list[Any] | None) -> list[tuple[Any, ...]]:
        return con.execute(sql, params or []).fetchall()

    def qualified(self, table: str) -> str:
        return quote(table)

    def tables(self) -> set[str]:
        if not self.path.exists():
            return set()
        return {r[0] for r in self.query("SELECT table_name FROM duckdb_tables()")}


class PgWarehouse(Warehouse):
    name = "postgres"
    dest = "postgres"

    def __init__(self, dsn: str, schema: str) -> None:
        super().__init__()
        self.dsn, self.schema = dsn, schema

    def env(self) -> dict[str, str]:
        return {"ACX_POSTGRES_DSN": self.dsn, "ACX_POSTGRES_SCHEMA": self.schema}

    def connect(self) -> Any:
        import psycopg

        return psycopg.connect(self.dsn, autocommit=True)

    def run_query(self, con: Any, sql: str, params: list[Any] | None) -> list[tuple[Any, ...]]:
        cur = con.execute(sql, params)
        return cur.fetchall() if cur.description else []

    def qualified(self, table: str) -> str:
        return f"{quote(self.schema)}.{quote(table)}"

    def tables(self) -> set[str]:
        rows = self.query("SELECT tablename FROM pg_tables WHERE schemaname = %s", [self.schema])
        return {r[0] for r in rows}

    def drop(self) -> None:
        """Drop the schema, after searching it for the suite's secrets."""
        search(f"postgres schema {self.schema}", self.text_values())
        self.query(f"DROP SCHEMA IF EXISTS {quote(self.schema)} CASCADE")


def search(where: str, texts: Iterable[str]) -> None:
    """Record in the ledger every secret found in `texts`."""
    LEDGER.searched += 1
    for text in texts:
        LEDGER.leaks.extend(f"{where}: {secret[:6]}..." for secret in SECRETS if secret in text)


def search_folder(folder: Path) -> None:
    """Every file's bytes (DuckDB, WAL, Parquet, JSON), and every DuckDB value as text."""
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        search(str(path), [data.decode("latin-1")])
        if path.suffix == ".duckdb":
            # one still in use (or not a database) was searched as bytes above
            with contextlib.suppress(duckdb.Error):
                search(str(path), DuckWarehouse(path).text_values())


@contextmanager
def scratch_dir(name: str) -> Iterator[Path]:
    """A folder in memory when the system has one (/dev/shm: a database commit costs no disk
    flush, and `kill -9` does not lose the page cache, so crashes test the same), searched for
    secrets and removed afterwards."""
    base = "/dev/shm" if os.access("/dev/shm", os.W_OK) else None
    folder = Path(tempfile.mkdtemp(prefix=f"acx-rel-{name}-", dir=base))
    try:
        yield folder
    finally:
        search_folder(folder)
        shutil.rmtree(folder, ignore_errors=True)


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def pg_secret_dsn() -> str:
    """The test server's DSN with the suite's distinctive password, when the server takes it
    (local trust auth ignores it); else the DSN as configured."""
    import psycopg

    base = pg_dsn()
    if "password" in base or "://" in base:
        return base
    candidate = f"{base} password={PG_PASSWORD}"
    try:
        psycopg.connect(candidate, connect_timeout=5).close()
    except psycopg.OperationalError:
        return base
    return candidate


def compare(reference: Snapshot, actual: Snapshot) -> list[str]:
    """Tables that differ (each with what differs); counts compared, lost and extra rows."""
    problems = []
    for key, want in reference.items():
        got = actual.get(key)
        LEDGER.tables_compared += 1
        want_rows = want.digests if want else []
        got_rows = got.digests if got else []
        LEDGER.rows_compared += len(want_rows)
        lost = sum((Counter(want_rows) - Counter(got_rows)).values())
        extra = sum((Counter(got_rows) - Counter(want_rows)).values())
        LEDGER.rows_lost += lost
        LEDGER.rows_extra += extra
        dupes = got.duplicate_keys if got else 0
        if lost or extra or dupes or (want is None) != (got is None):
            problems.append(f"{key}: {lost} rows missing, {extra} extra, {dupes} duplicate keys")
    return problems


# ---------------------------------------------------------------- a tiny API in front of the sandbox

Reply = tuple[int, bytes]
Route = Callable[[Callable[[], Reply]], Reply]  # given `forward()`, what to answer


class FakeApi:
    """An HTTP server on 127.0.0.1 that forwards to the sandbox, except for the paths it is
    told to answer itself (a status, a body of the wrong shape, bytes that are not UTF-8); while
    `gate` is clear it holds every request (a run that is "in the middle")."""

    def __init__(self, upstream: str) -> None:
        self.upstream = urlsplit(upstream)
        self.routes: dict[str, Route] = {}
        self.gate = threading.Event()
        self.gate.set()
        self.arrived = threading.Event()  # a request came in
        api = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                api.arrived.set()
                api.gate.wait(timeout=120)
                path = urlsplit(self.path).path
                route = api.routes.get(path) or api.routes.get("*")
                status, body = route(self._forward) if route else self._forward()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except OSError:  # the client was killed while waiting
                    pass

            def _forward(self) -> Reply:
                conn = http.client.HTTPConnection(
                    api.upstream.hostname, api.upstream.port, timeout=60
                )
                try:
                    headers = {k: v for k, v in self.headers.items() if k.lower() != "host"}
                    conn.request("GET", self.path, headers=headers)
                    resp = conn.getresponse()
                    return resp.status, resp.read()
                finally:
                    conn.close()

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> FakeApi:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.gate.set()
        self.server.shutdown()
        self.server.server_close()


def json_reply(payload: Any, status: int = 200) -> Route:
    body = json.dumps(payload).encode()
    return lambda forward: (status, body)


def spec_streams(spec_path: Path = SPEC, url: str | None = None) -> Spec:
    """The spec; given a sandbox's URL, with that account's own tables (custom objects)."""
    if url is None:
        return load_spec(spec_path)
    return list_tables(str(spec_path), env=base_env(url))[0]
