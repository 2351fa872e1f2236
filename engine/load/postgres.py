"""Postgres (psycopg 3). Batches go in with one `COPY ... FROM STDIN` each, as COPY text built
column by column in Arrow (no INSERT per row, no Python object per value).

Where the DSN comes from: `--dest postgres` reads ACX_POSTGRES_DSN (and ACX_POSTGRES_SCHEMA,
default `public`); `--dest postgres:NAME` reads `[targets.NAME]` of acx.toml. A DSN is never shown
with its password (see `redact_dsn`)."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import psycopg
import pyarrow as pa
import pyarrow.compute as pc
import sqlglot
from psycopg.conninfo import conninfo_to_dict
from sqlglot import exp

from engine.config.settings import env_of, named_target
from engine.errors import ConfigError, LoadError
from engine.load.base import STAGE_PREFIX, SqlDestination
from engine.load.ddl import ident
from engine.load.runlog import RunRecord
from engine.load.system import key_columns
from engine.spec import Stream
from engine.spec.types import JSON_TYPES

DSN_ENV = "ACX_POSTGRES_DSN"
SCHEMA_ENV = "ACX_POSTGRES_SCHEMA"
DEFAULT_SCHEMA = "public"
CONNECT_TIMEOUT = 10  # seconds, unless the DSN sets connect_timeout

_URL_PASSWORD = re.compile(r"(://[^:/?#@\s]*):\S*@")  # postgresql://user:PASSWORD@host
_URL_PARAM = re.compile(r"([?&]password=)[^&#\s]*", re.IGNORECASE)
_KV_PASSWORD = re.compile(
    r"(\bpassword\s*=\s*)(?!\*\*\*(?:[&#\s]|$))('(?:[^'\\]|\\.)*'|\S+)", re.IGNORECASE
)
_COPY_WHERE = re.compile(r"line (\d+), column ([^:]+)")
_QUOTED_VALUE = re.compile(r':\s*"[^"]*"\s*$')  # `invalid input syntax for type x: "VALUE"`

# COPY text format: these four must be escaped in every text value (in this order).
_COPY_ESCAPES = (("\\", "\\\\"), ("\n", "\\n"), ("\r", "\\r"), ("\t", "\\t"))
# Postgres text cannot hold NUL (nor jsonb the escape \u0000): replaced like a lone surrogate.
_NUL_REPLACEMENT = "\ufffd"
_JSON_NUL = r"(^|[^\\])((?:\\\\)*)\\u0000"  # an unescaped \u0000 in JSON text
_NULL = "\\N"


def redact_dsn(text: str) -> str:
    """The text with every DSN password (key=value or URL form) replaced by ***."""
    text = _URL_PASSWORD.sub(r"\1:***@", text)
    text = _URL_PARAM.sub(r"\1***", text)
    return _KV_PASSWORD.sub(r"\1***", text)


def copy_text(batch: pa.Table, json_columns: frozenset[str] = frozenset()) -> pa.Buffer:
    """The batch as the body of `COPY ... FROM STDIN` (text format): one line per row, values
    tab-separated, NULL as \\N, timestamps (UTC instants) written in UTC and marked +00."""
    cells = [_copy_cells(batch[name], name in json_columns) for name in batch.column_names]
    rows = pc.binary_join_element_wise(
        *cells, _large("\t"), null_handling="replace", null_replacement=_NULL
    )
    lines = pc.binary_join_element_wise(rows, _large("\n"), _large(""))
    if isinstance(lines, pa.ChunkedArray):
        lines = lines.combine_chunks()
    if not len(lines):
        return pa.py_buffer(b"")
    _, offsets_buffer, data = lines.buffers()
    offsets = pa.Array.from_buffers(
        pa.int64(), len(lines) + 1, [None, offsets_buffer], offset=lines.offset
    )
    return data[offsets[0].as_py() : offsets[-1].as_py()]


def _copy_cells(values: pa.ChunkedArray | pa.Array, is_json: bool) -> Any:
    kind = values.type
    if pa.types.is_timestamp(kind):  # UTC wall-clock digits (a zone-less array holds UTC too)
        values = values.cast(pa.timestamp(kind.unit))
    text = pc.cast(values, pa.large_string())  # 64-bit offsets: a batch may exceed 2 GB of text
    if pa.types.is_string(kind) or pa.types.is_large_string(kind):
        return _escape_text(text, is_json)
    if pa.types.is_timestamp(kind):
        return pc.binary_join_element_wise(text, _large("+00"), _large(""))
    return text  # numbers, decimals, booleans, dates: Arrow's text is Postgres input syntax


def _large(text: str) -> pa.Scalar:
    return pa.scalar(text, pa.large_string())


def _escape_text(values: Any, is_json: bool) -> Any:
    if pc.any(pc.match_substring(values, "\x00")).as_py():
        values = pc.replace_substring(values, "\x00", _NUL_REPLACEMENT)
    if is_json:
        # each pass fixes every other one of adjacent \u0000\u0000; a NUL needs 6 characters
        while pc.any(pc.match_substring_regex(values, _JSON_NUL)).as_py():
            values = pc.replace_substring_regex(values, _JSON_NUL, r"\1\2\\ufffd")
    for plain, escaped in _COPY_ESCAPES:
        if pc.any(pc.match_substring(values, plain)).as_py():
            values = pc.replace_substring(values, plain, escaped)
    return values


class PostgresDestination(SqlDestination):
    name = "postgres"
    dialect = "postgres"
    checkpoints = True  # a killed long read resumes (engine/run/resume.py)
    marker = "%s"
    schema: str = DEFAULT_SCHEMA

    def __init__(self, target: str | None = None, settings: Any = None) -> None:
        super().__init__()
        env = env_of(settings)
        if target is None:
            self.source = f"environment variable {DSN_ENV}"
            dsn, schema = _from_env(env)
        else:
            self.source = f"[targets.{target}] in acx.toml"
            dsn, schema = _from_target(target, settings, env)
        try:
            info = conninfo_to_dict(dsn)
        except psycopg.Error as exc:
            raise ConfigError(
                f"{self.source}: not a valid Postgres DSN: {redact_dsn(str(exc))}",
                "use 'host=H port=P dbname=D user=U' or postgresql://U@H:P/D",
            ) from None
        if "%" in schema:  # the driver would read it as a query parameter marker
            raise ConfigError(f"{self.source}: schema name {schema!r} must not contain %")
        self.dsn = dsn
        self.schema = schema
        self.password = str(info.get("password") or "")
        host = str(info.get("host") or env.get("PGHOST") or "localhost")
        port = str(info.get("port") or env.get("PGPORT") or "5432")
        db = str(info.get("dbname") or env.get("PGDATABASE") or info.get("user") or "postgres")
        self.where = f"postgres://{host}{'' if port == '5432' else ':' + port}/{db}"
        self.conn: psycopg.Connection[Any] | None = None

    def describe(self) -> str:
        return self.where

    # ---- connection
    def connect(self) -> None:
        options: dict[str, Any] = {"autocommit": True, "client_encoding": "utf8"}
        if "connect_timeout" not in conninfo_to_dict(self.dsn):
            options["connect_timeout"] = CONNECT_TIMEOUT
        try:
            self.conn = psycopg.connect(self.dsn, application_name="acx", **options)
        except psycopg.Error as exc:
            lines = [line for line in str(exc).splitlines() if line.strip()] or [repr(exc)]
            raise LoadError(
                f"cannot connect to {self.where}: {self.redact(lines[0])}",
                f"check the DSN in {self.source} and that the server accepts connections",
            ) from None
        try:
            self._set_up()
        except BaseException:
            self.close()  # the runner only closes a destination whose connect() returned
            raise

    def _set_up(self) -> None:
        self.execute("SET TIME ZONE 'UTC'")
        self._lock_schema()
        with self.ddl_turn():
            # only when missing: CREATE SCHEMA checks the database privilege even with IF NOT
            # EXISTS
            if not self.execute("SELECT 1 FROM pg_namespace WHERE nspname = %s", [self.schema]):
                name = exp.Table(this=ident(self.schema))
                self.execute(self.sql(exp.Create(this=name, kind="SCHEMA", exists=True)))
            self.prepare_state()
        self.drop_stale_stages()  # the schema's (or the account's) advisory lock is ours

    def _lock_schema(self) -> None:
        """Two runs into one schema would share staging tables: the second one stops."""
        got = self.execute("SELECT pg_try_advisory_lock(hashtextextended(%s, 0))", [self.lock])
        if not got[0][0]:
            raise LoadError(
                f"{self.where}: schema {self.schema} is in use by another acx run",
                "wait for it to finish; runs on one destination never interleave",
            )

    @property
    def lock(self) -> str:
        """Shared tables: one run per account of the schema (its stages are its own)."""
        return f"acx:{self.schema}" + (f":{self.share}" if self.share is not None else "")

    @contextlib.contextmanager
    def ddl_turn(self) -> Iterator[None]:
        """Accounts loading shared tables create and widen them one at a time: two CREATE TABLE
        IF NOT EXISTS of one table at once fail on a catalog index (a Postgres race)."""
        if self.share is None:
            yield
            return
        key = [f"acx-ddl:{self.schema}"]
        self.execute("SELECT pg_advisory_lock(hashtextextended(%s, 0))", key)
        try:
            yield
        finally:
            self.execute("SELECT pg_advisory_unlock(hashtextextended(%s, 0))", key)

    def append_runs(self, records: Sequence[RunRecord]) -> None:
        with self.ddl_turn():  # it creates _acx_runs when missing
            super().append_runs(records)

    def close(self) -> None:
        """The session's locks go first: the server frees a closed session's locks only once
        its backend has exited, a moment after the client left, and a run started right after
        this one (a scheduler's next, a test's check) found the schema "in use" (seen in CI)."""
        if self.conn is not None:
            idle = psycopg.pq.TransactionStatus.IDLE
            with contextlib.suppress(psycopg.Error):
                if not self.conn.broken and self.conn.info.transaction_status == idle:
                    self.conn.execute("SELECT pg_advisory_unlock_all()")
            self.conn.close()
            self.conn = None

    @property
    def db(self) -> psycopg.Connection[Any]:
        if self.conn is None:
            raise LoadError("postgres destination used before connect()")
        return self.conn

    # ---- what SqlDestination needs
    def execute(self, sql: str, params: Sequence[Any] | None = None) -> list[tuple]:
        try:
            cur = self.db.execute(sql, params or None)
            return cur.fetchall() if cur.description else []
        except psycopg.Error as exc:
            raise self.error(exc, _table_of(sql)) from None

    def existing_columns(self, table: str) -> dict[str, str] | None:
        rows = self.execute(
            "SELECT column_name, data_type, numeric_precision, numeric_scale "
            "FROM information_schema.columns WHERE table_schema = %s AND table_name = %s "
            "ORDER BY ordinal_position",
            [self.schema, table],
        )
        return {name: _type_text(kind, p, s) for name, kind, p, s in rows} or None

    def load_stage(self, stream: Stream, batch: pa.Table) -> None:
        target = exp.Schema(
            this=self.stage_table(stream), expressions=[ident(n) for n in batch.column_names]
        )
        statement = self.sql(exp.Copy(this=target, kind=True, files=[exp.to_identifier("STDIN")]))
        data = copy_text(batch, frozenset(c.name for c in stream.columns if c.type in JSON_TYPES))
        try:
            with self.db.cursor() as cur, cur.copy(statement) as copy:
                copy.write(memoryview(data))
        except psycopg.Error as exc:
            raise self.error(exc, f"loading {stream.name}") from None

    def rekey(self, stream: Stream) -> None:
        """Drop the table's primary key constraint, whatever it is named, and declare the one
        key_columns gives (PostgreSQL changes keys inside a transaction)."""
        found = self.execute(
            "SELECT constraint_name FROM information_schema.table_constraints "
            "WHERE table_schema = %s AND table_name = %s AND constraint_type = 'PRIMARY KEY'",
            [self.schema, stream.name],
        )
        table = self.sql(self.target(stream))
        for (name,) in found:
            self.execute(f"ALTER TABLE {table} DROP CONSTRAINT {self.sql(ident(name))}")
        keys = ", ".join(self.sql(ident(c.name)) for c in key_columns(stream))
        self.execute(f"ALTER TABLE {table} ADD PRIMARY KEY ({keys})")

    def grouped(self) -> Any:
        return self.transaction()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        try:
            with self.db.transaction():
                yield
        except psycopg.Error as exc:  # the COMMIT itself failed
            raise self.error(exc, "commit") from None

    # ---- messages
    def redact(self, text: str) -> str:
        text = redact_dsn(text)
        return text.replace(self.password, "***") if len(self.password) >= 3 else text

    def error(self, exc: psycopg.Error, doing: str | None) -> LoadError:
        """One line: where, what acx was doing, the server's message without values or SQL."""
        diag = getattr(exc, "diag", None)
        primary = diag.message_primary if diag is not None else None
        lines = str(exc).strip().splitlines()
        message = primary or (lines[0] if lines else type(exc).__name__)
        if (exc.sqlstate or "").startswith("22"):  # data exception: the value is the user's
            message = _QUOTED_VALUE.sub("", message)
        found = _COPY_WHERE.search((diag.context if diag is not None else None) or "")
        if found:
            message += f" (batch row {found.group(1)}, column {found.group(2)})"
        prefix = f"{self.where}: {doing}: " if doing else f"{self.where}: "
        return LoadError(prefix + self.redact(message))


def _from_env(env: Mapping[str, str]) -> tuple[str, str]:
    dsn = env.get(DSN_ENV, "").strip()
    if not dsn:
        raise ConfigError(
            f"--dest postgres needs {DSN_ENV} (a libpq DSN or postgresql:// URL)",
            f"export {DSN_ENV}='host=H dbname=D user=U', or name a target: "
            "--dest postgres:NAME with [targets.NAME] in acx.toml",
        )
    return dsn, env.get(SCHEMA_ENV, "").strip() or DEFAULT_SCHEMA


def _from_target(name: str, settings: Any, env: Mapping[str, str]) -> tuple[str, str]:
    if "=" in name or "://" in name:  # never echoed: it may hold a password
        raise ConfigError(
            "--dest postgres:NAME takes the name of a [targets.NAME] table in acx.toml, not a DSN",
            f"put the DSN in {DSN_ENV} and use --dest postgres",
        )
    item = named_target(getattr(settings, "targets", None), name, "postgres")
    where = f"[targets.{name}] in acx.toml"
    if "dsn" in item:
        dsn = str(item["dsn"]).strip()
        if redact_dsn(dsn) != dsn:
            raise ConfigError(
                f"{where}: do not write the password into the config file",
                "put the whole DSN in an environment variable named by dsn_env, "
                "or use PGPASSWORD / ~/.pgpass",
            )
    else:
        dsn = env.get(str(item["dsn_env"]), "").strip()
        if not dsn:
            raise ConfigError(f"{where}: environment variable {item['dsn_env']} is not set")
    schema = str(item.get("schema") or DEFAULT_SCHEMA).strip()
    if not dsn or not schema:
        raise ConfigError(f"{where}: dsn and schema must not be empty")
    return dsn, schema


def _type_text(kind: str, precision: int | None, scale: int | None) -> str:
    """information_schema's data_type in a form sqlglot reads (numeric with its size)."""
    if kind == "numeric" and precision is not None:
        return f"numeric({precision},{scale or 0})"
    return kind


def _table_of(sql: str) -> str | None:
    """The table a failed statement was about (for the message), if sqlglot can tell."""
    try:
        found = sqlglot.parse_one(sql, dialect="postgres").find(exp.Table)
    except sqlglot.errors.SqlglotError:
        return None
    if found is None or not found.name:
        return None
    return found.name.removeprefix(STAGE_PREFIX)
