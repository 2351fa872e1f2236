"""Snowflake, the warehouse way: each batch is written as a Parquet file, PUT to a temporary
stage and COPY'd INTO the stream's staging table (outside any transaction); commit then applies
the staging tables with plain DML (DELETE + INSERT ... SELECT, state rows) in one transaction.

Settings come from SNOWFLAKE_* variables, or from `[targets.NAME]` in acx.toml for
`--dest snowflake:NAME`. Secrets are read from the environment or a key file, never from the
config file, and never appear in a message: connector errors are reported by number only."""

from __future__ import annotations

import contextlib
import shutil
import tempfile
import uuid
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import snowflake.connector
from cryptography.hazmat.primitives import serialization
from snowflake.connector.errors import Error as ConnectorError
from sqlglot import exp

from engine import crashpoints
from engine.config.settings import env_of, named_target
from engine.errors import ConfigError, LoadError
from engine.load import sqlbuild
from engine.load.base import Apply, SqlDestination
from engine.load.ddl import create_table, ident, render
from engine.load.state import STATE_TABLE, StateRow
from engine.spec import Stream
from engine.spec.types import JSON_TYPES, reported_types, sql_type

LOAD_STAGE = "_acx_load"  # a temporary stage: gone with the session, so a crash leaves no files
SWAP_PREFIX = "_acx_swap_"  # a migrated table is built under this name, then swapped in

# setting -> environment variable, used when no target is named
ENV: dict[str, str] = {
    "account": "SNOWFLAKE_ACCOUNT",
    "user": "SNOWFLAKE_USER",
    "password": "SNOWFLAKE_PASSWORD",
    "private_key_file": "SNOWFLAKE_PRIVATE_KEY_FILE",
    "private_key_passphrase": "SNOWFLAKE_PRIVATE_KEY_PASSPHRASE",
    "database": "SNOWFLAKE_DATABASE",
    "schema": "SNOWFLAKE_SCHEMA",
    "warehouse": "SNOWFLAKE_WAREHOUSE",
    "role": "SNOWFLAKE_ROLE",
}
REQUIRED = ("account", "user", "database", "schema")
# [targets.NAME] values: plain settings, plus secrets only by reference (secret -> its reference);
# which keys a target may hold is the config schema's (engine.config.settings.named_target)
TARGET_PLAIN = ("account", "user", "database", "schema", "warehouse", "role", "private_key_file")
TARGET_SECRETS = {
    "password": "password_env",
    "private_key_passphrase": "private_key_passphrase_env",
}

# information_schema reports the base type behind each synonym acx writes (BIGINT is stored as
# NUMBER(38,0), DOUBLE as FLOAT, VARCHAR as TEXT; each type's `reported` in engine/spec/types.py):
# compare on the reported form. Keyed by the written form, upper case without spaces.
REPORTED_AS: dict[str, str] = {
    "".join(written.upper().split()): shown
    for written, shown in reported_types("snowflake").items()
}

# Snowflake error numbers (the connector's errno) whose meaning is safe to print: the message
# itself may quote SQL or a value, so it is never shown. Others show only their number.
KNOWN_ERRORS: dict[int, str] = {
    250001: "could not reach Snowflake (check the account identifier)",
    390100: "incorrect username or password",
    390144: "the key pair was refused (is the public key set on the user?)",
    606: "no active warehouse (set a warehouse)",
    604: "the statement was cancelled",
    2003: "an object does not exist or is not authorized",
    2043: "an object does not exist or the operation cannot be performed",
    3001: "insufficient privileges",
    100035: "a value could not be converted to its column type",
    100038: "a value could not be converted to its column type",
    100040: "a value could not be converted to its column type",
    100069: "a JSON value could not be parsed",
}


@dataclass(frozen=True)
class SnowflakeSettings:
    account: str
    user: str
    database: str
    schema: str
    warehouse: str | None = None
    role: str | None = None
    password: str | None = field(default=None, repr=False)
    private_key_file: str | None = None
    private_key_passphrase: str | None = field(default=None, repr=False)


def settings_from_env(env: Mapping[str, str]) -> SnowflakeSettings:
    values = {key: env.get(var) or None for key, var in ENV.items()}
    return _checked(values, ENV, "from the environment")


def settings_from_target(
    name: str, targets: Mapping[str, Mapping[str, Any]] | None, env: Mapping[str, str]
) -> SnowflakeSettings:
    raw = named_target(targets, name, "snowflake")
    values: dict[str, str | None] = {k: _text(raw.get(k)) for k in TARGET_PLAIN}
    names: dict[str, str] = {k: k for k in TARGET_PLAIN}
    for secret, ref in TARGET_SECRETS.items():
        var = _text(raw.get(ref))
        values[secret] = (env.get(var) or None) if var else None
        names[secret] = f"{var} (its {ref})" if var else ref
    return _checked(values, names, f"in [targets.{name}]")


def _text(value: Any) -> str | None:
    return None if value in (None, "") else str(value)


def _checked(
    values: Mapping[str, str | None], names: Mapping[str, str], where: str
) -> SnowflakeSettings:
    """Every missing setting named at once; exactly one of password and key file."""
    missing = [names[k] for k in REQUIRED if not values.get(k)]
    password, key_file = values.get("password"), values.get("private_key_file")
    if not password and not key_file:
        missing.append(f"{names['password']} or {names['private_key_file']}")
    if missing:
        raise ConfigError(
            f"snowflake settings missing {where}: {', '.join(missing)}",
            "set them, or use --dest snowflake:NAME with a [targets.NAME] table in acx.toml",
        )
    if password and key_file:
        raise ConfigError(
            f"snowflake settings {where} give both {names['password']} and "
            f"{names['private_key_file']}",
            "keep one way to sign in",
        )
    return SnowflakeSettings(**{k: v for k, v in values.items() if v is not None})  # type: ignore[arg-type]


def connect_args(cfg: SnowflakeSettings) -> dict[str, Any]:
    """Keyword arguments for snowflake.connector.connect (holds secrets: never log it)."""
    args: dict[str, Any] = {
        "account": cfg.account,
        "user": cfg.user,
        "paramstyle": "qmark",  # server-side binding: SqlDestination's marker is "?"
        "session_parameters": {"TIMEZONE": "UTC", "QUERY_TAG": "acx"},
    }
    if cfg.private_key_file:
        args["authenticator"] = "SNOWFLAKE_JWT"
        args["private_key"] = private_key_der(cfg.private_key_file, cfg.private_key_passphrase)
    else:
        args["password"] = cfg.password
    return args


def private_key_der(path: str, passphrase: str | None) -> bytes:
    """The connector wants the key unencrypted, as DER/PKCS8 bytes."""
    file = Path(path).expanduser()
    try:
        key = serialization.load_pem_private_key(
            file.read_bytes(), password=passphrase.encode() if passphrase else None
        )
    except OSError as exc:
        raise ConfigError(f"cannot read private key file {file}: {exc.strerror}") from None
    except (ValueError, TypeError):
        raise ConfigError(
            f"cannot load private key file {file}",
            "is it a PEM private key, and is its passphrase given and right?",
        ) from None
    return key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def stored_name(name: str) -> str:
    """How Snowflake stores an identifier acx writes: unquoted ones are upper-cased."""
    i = ident(name)
    return i.name if i.quoted else i.name.upper()


def reported(type_text: str) -> str:
    text = "".join(type_text.upper().split())
    return REPORTED_AS.get(text, text)


class SnowflakeDestination(SqlDestination):
    name = "snowflake"
    dialect = "snowflake"
    batch_rows = 10_000  # each batch is a Parquet file PUT to the stage: fewer, larger files
    migration = "swap"  # built beside the table and swapped in: see commit

    def __init__(self, target: str | None = None, settings: Any = None) -> None:
        super().__init__()
        env = env_of(settings)
        targets = getattr(settings, "targets", None)
        self.cfg = settings_from_target(target, targets, env) if target else settings_from_env(env)
        self.schema = self.cfg.schema
        self.con: Any = None
        self.cur: Any = None
        self.files: Path | None = None
        self.doing = "connecting"

    def describe(self) -> str:
        return f"snowflake account {self.cfg.account}"

    def use_schema(self, name: str) -> None:
        self.cfg = replace(self.cfg, schema=name)
        self.schema = name

    # ---- connection
    def connect(self) -> None:
        try:
            self.con = snowflake.connector.connect(**connect_args(self.cfg))
        except ConnectorError as exc:
            raise self._failure(exc, f"signing in as {self.cfg.user}") from None
        self.cur = self.con.cursor()
        self.files = Path(tempfile.mkdtemp(prefix="acx-snowflake-"))
        try:
            self._set_up()
        except BaseException:
            self.close()  # the caller closes only what connected
            raise

    def _set_up(self) -> None:
        """Role and warehouse, then database and schema (created if missing), the load stage
        and the state table."""
        self.doing = "setting up the session"
        for kind, value in (("ROLE", self.cfg.role), ("WAREHOUSE", self.cfg.warehouse)):
            if value:
                self.execute(
                    self.sql(exp.Use(kind=exp.var(kind), this=exp.Table(this=ident(value))))
                )
        database = exp.Table(this=ident(self.cfg.database))
        schema = exp.Table(this=ident(self.cfg.schema), db=ident(self.cfg.database))
        self._use_or_create("DATABASE", database)
        self._use_or_create("SCHEMA", schema)
        self.execute(
            f"CREATE TEMPORARY STAGE IF NOT EXISTS {self.qualified(LOAD_STAGE)} "
            "FILE_FORMAT = (TYPE = PARQUET)"
        )
        self.doing = f"preparing {STATE_TABLE}"
        self.prepare_state()
        self.drop_stale_swaps()

    def _use_or_create(self, kind: str, name: exp.Table) -> None:
        """USE it; CREATE only when that fails, since CREATE ... IF NOT EXISTS needs the CREATE
        privilege even when the object exists (dbt-labs/dbt-event-logging#39)."""
        use = self.sql(exp.Use(kind=exp.var(kind), this=name))
        self.doing = f"using {kind.lower()} {self.sql(name)}"
        try:
            self.execute(use)
            return
        except LoadError:
            pass
        self.doing = f"creating {kind.lower()} {self.sql(name)}"
        self.execute(self.sql(exp.Create(this=name.copy(), kind=kind, exists=True)))
        self.execute(use)

    def drop_stale_swaps(self) -> None:
        """Drop the tables a crashed migration left (built but not swapped in, or swapped out
        but not dropped): either way the target table is whole, old or new."""
        self.doing = "dropping tables a crashed migration left"
        catalog = self.sql(ident(self.cfg.database))
        rows = self.execute(
            f"SELECT table_name FROM {catalog}.information_schema.tables "
            "WHERE table_schema = ? AND UPPER(table_name) LIKE ?",
            [stored_name(self.cfg.schema), SWAP_PREFIX.upper() + "%"],
        )
        schema = ident(self.cfg.schema)
        for (name,) in rows:
            if name.upper().startswith(SWAP_PREFIX.upper()):  # in LIKE, "_" is any character
                stale = exp.Table(this=exp.to_identifier(name, quoted=True), db=schema)
                self.execute(self.sql(exp.Drop(tables=[stale], kind="TABLE", exists=True)))

    def close(self) -> None:
        if self.con is not None:
            with contextlib.suppress(ConnectorError):
                self.con.close()
            self.con = self.cur = None
        if self.files is not None:
            shutil.rmtree(self.files, ignore_errors=True)
            self.files = None

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> list[tuple]:
        if self.cur is None:
            raise LoadError("snowflake destination used before connect()")
        try:
            return list(self.cur.execute(sql, params).fetchall())
        except ConnectorError as exc:
            raise self._failure(exc, self.doing) from None

    def _failure(self, exc: ConnectorError, doing: str) -> LoadError:
        """One line: what failed, where, and the error number (never the connector's text,
        which can quote SQL or values); the query id finds the details in query history."""
        errno = getattr(exc, "errno", None)
        what = KNOWN_ERRORS.get(errno or 0, type(exc).__name__)
        sqlstate = getattr(exc, "sqlstate", None)
        query = getattr(exc, "sfqid", None)
        refs = ", ".join(
            part
            for part in (
                f"error {errno}" if errno and errno > 0 else "",
                f"SQLSTATE {sqlstate}" if sqlstate else "",
                f"query id {query}" if query else "",
            )
            if part
        )
        return LoadError(
            f"{self.describe()}: {doing} failed: {what}" + (f" ({refs})" if refs else "")
        )

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        self.execute("BEGIN")
        try:
            yield
        except BaseException:
            with contextlib.suppress(LoadError):
                self.execute("ROLLBACK")
            raise
        self.execute("COMMIT")

    # ---- what each step is about, for error messages
    def prepare(self, stream: Stream) -> None:
        self.doing = f"preparing table {stream.name}"
        super().prepare(stream)

    def apply_statements(self, item: Apply) -> list[exp.Expression]:
        self.doing = f"applying table {item.stream.name}"  # commit runs these next
        return super().apply_statements(item)

    def write_states(self, rows: Sequence[StateRow]) -> None:
        self.doing = f"writing the {STATE_TABLE} rows of " + ", ".join(r.stream for r in rows)
        super().write_states(rows)

    def read_state(self) -> dict[str, StateRow]:
        self.doing = f"reading {STATE_TABLE}"
        return super().read_state()

    def discard(self, streams: Sequence[Stream]) -> None:
        self.doing = "dropping staging tables of " + ", ".join(s.name for s in streams)
        super().discard(streams)

    # ---- schema
    def existing_columns(self, table: str) -> dict[str, str] | None:
        catalog = self.sql(ident(self.cfg.database))
        rows = self.execute(
            "SELECT column_name, data_type, numeric_precision, numeric_scale "
            f"FROM {catalog}.information_schema.columns "
            "WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position",
            [stored_name(self.cfg.schema), stored_name(table)],
        )
        return {
            name: f"{kind}({precision},{scale})" if kind == "NUMBER" else kind
            for name, kind, precision, scale in rows
        } or None

    def matches(self, have: str, want_text: str) -> bool:
        return reported(have) == reported(want_text)

    # ---- commit
    def commit(self, applies: Sequence[Apply], states: Sequence[StateRow]) -> None:
        """Snowflake commits any DDL at once (and ends the open transaction), and cannot change
        a column from TIMESTAMP_NTZ to TIMESTAMP_TZ in place: so a migrated table is built beside
        its target (new types, this run's rows) and swapped in with ALTER TABLE ... SWAP WITH
        (atomic); then one transaction applies the other tables and writes every state row.
        A crash leaves each table whole, old or new, and no state row ahead of its table: a
        table swapped in under its old state row is read in full and replaced by the next run.
        """
        self.at = datetime.now(timezone.utc)
        self.check_migrations(applies)
        swapped = [a for a in applies if self.migrating(a)]
        for item in swapped:
            self._build_migrated(item)
        for item in swapped:
            self.doing = f"swapping in the migrated table {item.stream.name}"
            swap = exp.SwapTable(this=self.swap_table(item.stream))
            crashpoints.point("commit:alter")
            self.execute(
                self.sql(exp.Alter(this=self.target(item.stream), kind="TABLE", actions=[swap]))
            )
        with self.transaction():
            self.apply_all([a for a in applies if not self.migrating(a)], states)
        crashpoints.point("committed")
        self.committed(applies)
        for item in swapped:  # the old table, under the swap name now
            self.doing = f"dropping the table {item.stream.name} had before its migration"
            drop = exp.Drop(tables=[self.swap_table(item.stream)], kind="TABLE", exists=True)
            self.execute(self.sql(drop))

    def swap_table(self, stream: Stream) -> exp.Table:
        return sqlbuild.tbl(SWAP_PREFIX + stream.name, self.schema)

    def _build_migrated(self, item: Apply) -> None:
        """The table as the spec creates it, under the swap name, holding the staged rows."""
        s = item.stream
        self.doing = f"building the migrated table {s.name}"
        self.execute(self.sql(exp.Drop(tables=[self.swap_table(s)], kind="TABLE", exists=True)))
        name = SWAP_PREFIX + s.name
        for statement in render(create_table(s, self.dialect, self.schema, name), self.dialect):
            self.execute(statement)
        stage = self.stage_table(s)
        key = [s.column(k).name for k in s.primary_key]
        columns = [c.name for c in s.columns]
        with self.transaction():
            for step in (
                sqlbuild.delete_superseded(stage, key),
                sqlbuild.insert_all(self.swap_table(s), stage, columns, self.moment()),
            ):
                crashpoints.point(f"commit:{type(step).__name__.lower()}")
                self.execute(self.sql(step))

    # ---- bulk load
    def load_stage(self, stream: Stream, batch: pa.Table) -> None:
        if self.files is None:
            raise LoadError("snowflake destination used before connect()")
        self.doing = f"loading table {stream.name}"
        file = self.files / f"{uuid.uuid4().hex}.parquet"
        # fields named by position: no quoting of warehouse names inside the file or the COPY
        fields = batch.rename_columns([f"c{i}" for i in range(batch.num_columns)])
        pq.write_table(fields, file, coerce_timestamps="us")
        try:
            local = file.as_posix().replace("\\", "\\\\").replace("'", "\\'")
            stage = f"@{self.qualified(LOAD_STAGE)}"
            self.execute(f"PUT 'file://{local}' {stage} AUTO_COMPRESS = FALSE")
            rows = self._copy(stream, batch, f"{stage}/{file.name}")
        finally:
            file.unlink(missing_ok=True)
        if rows != batch.num_rows:
            raise LoadError(
                f"{self.describe()}: loading table {stream.name} failed: "
                f"COPY loaded {rows} of {batch.num_rows} rows"
            )

    def _copy(self, stream: Stream, batch: pa.Table, source: str) -> int:
        """COPY with an explicit column mapping (as the connector's write_pandas does): field
        c<i> of the file is batch column i, cast to its column type; JSON text is parsed, or it
        would land in the VARIANT as one string."""
        types = {c.name: c.type for c in stream.columns} | {sqlbuild.SEQ: "integer"}
        names, values = [], []
        for i, name in enumerate(batch.column_names):
            field_ = f"$1:c{i}"
            kind = sql_type(types[name], self.dialect).sql(self.dialect)
            values.append(
                f"PARSE_JSON({field_}::VARCHAR)"
                if types[name] in JSON_TYPES
                else f"{field_}::{kind}"
            )
            names.append(self.sql(ident(name)))
        result = self.execute(
            f"COPY INTO {self.sql(self.stage_table(stream))} ({', '.join(names)}) "
            f"FROM (SELECT {', '.join(values)} FROM {source}) "
            "FILE_FORMAT = (TYPE = PARQUET USE_LOGICAL_TYPE = TRUE) "
            "ON_ERROR = ABORT_STATEMENT PURGE = TRUE"
        )
        # one row per file; "Copy executed with 0 files processed." has no rows_loaded
        described = [d[0].lower() for d in self.cur.description or []]
        if "rows_loaded" not in described:
            return 0
        at = described.index("rows_loaded")
        return sum(int(row[at] or 0) for row in result)
