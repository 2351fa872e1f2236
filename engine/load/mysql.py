"""MySQL and MariaDB (PyMySQL). Batches go in as multi-row INSERTs whose VALUES text is built
column by column in Arrow (no Python object per value), a statement per few megabytes; commit
then applies the staging tables with plain DML (DELETE + INSERT ... SELECT, UPDATE, state rows)
in one InnoDB transaction.

MySQL commits implicitly around DDL (CREATE, ALTER, DROP TABLE), so no DDL runs inside commit's
transaction: tables, columns and staging tables are made by prepare(), before it; stages are
dropped after it. MySQL has no zone-aware timestamp: DATETIME(6) columns hold UTC (the session
runs at +00:00 and the column comments say "(UTC)"). A database is what other warehouses call a
schema: `--dest mysql` loads the DSN's database, and each account of the `schema` layout its own.

Where the DSN comes from: `--dest mysql` reads ACX_MYSQL_DSN (`mysql://USER@HOST:PORT/DATABASE`,
and ACX_MYSQL_DATABASE to load another database); `--dest mysql:NAME` reads `[targets.NAME]` of
acx.toml. The password comes from the DSN held in the environment or from MYSQL_PWD, and never
appears in a message."""

from __future__ import annotations

import contextlib
import hashlib
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

import pyarrow as pa
import pyarrow.compute as pc
import pymysql
import sqlglot
from sqlglot import exp

from engine.config.settings import env_of, named_target
from engine.errors import ConfigError, LoadError
from engine.load import sqlbuild
from engine.load.base import STAGE_PREFIX, SqlDestination
from engine.load.ddl import ident
from engine.load.runlog import RunRecord
from engine.load.state import STATE_TABLE
from engine.load.system import key_columns
from engine.spec import Column, Stream
from engine.spec.types import sql_type, sql_type_text

DSN_ENV = "ACX_MYSQL_DSN"
DATABASE_ENV = "ACX_MYSQL_DATABASE"
PASSWORD_ENV = "MYSQL_PWD"  # the mysql client's own variable
SCHEMES = ("mysql", "mariadb")
DEFAULT_PORT = 3306
CONNECT_TIMEOUT = 10  # seconds, unless the DSN sets connect_timeout
# DSN query parameters acx passes to PyMySQL, and how each is read
PARAMETERS: dict[str, type] = {
    "connect_timeout": int,
    "ssl_ca": str,
    "ssl_cert": str,
    "ssl_key": str,
    "ssl_verify_cert": bool,
    "ssl_verify_identity": bool,
    "unix_socket": str,
}
# The session acx runs in, whatever the server's defaults: UTC, strict (a value that does not fit
# fails instead of being truncated with a warning), backslash escapes on (the VALUES text below
# uses them), and transactional tables (a MyISAM default would make commit not atomic).
SESSION = {
    "time_zone": "'+00:00'",
    "sql_mode": "'STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'",
    "default_storage_engine": "InnoDB",
}
# A database acx creates compares text byte for byte, as every other destination does (keys that
# differ in case or trailing spaces are different keys): the first collation the server has.
COLLATIONS = ("utf8mb4_nopad_bin", "utf8mb4_0900_bin", "utf8mb4_bin")
# How information_schema.columns.column_type may show a type beyond how acx writes it (each
# type's sql_in and key_sql_in in engine/spec/types.py): MariaDB's display widths and its JSON,
# which is LONGTEXT with a json_valid check.
REPORTED: dict[str, tuple[str, ...]] = {
    "integer": ("bigint(20)",),
    "boolean": ("tinyint(1)",),
    "json": ("longtext",),
}
STATEMENT_BYTES = 8 << 20  # a staging INSERT's size, at most (and below max_allowed_packet)
LOCK_NAME_MAX = 64  # GET_LOCK's limit

# In a MySQL string literal (backslash escapes on): these must be escaped, the backslash first.
_ESCAPES = (("\\", "\\\\"), ("'", "\\'"), ("\x00", "\\0"), ("\x1a", "\\Z"))
_URL_PASSWORD = re.compile(r"(://[^:/?#@\s]*):[^@\s]*@")  # mysql://user:PASSWORD@host
_QUOTED_VALUE = re.compile(r"((?:value|entry):? )'(?:[^'\\]|\\.)*'", re.IGNORECASE)
_CONNECTION_LOST = frozenset({2006, 2013})  # server gone away, lost connection


def redact_dsn(text: str) -> str:
    """The text with every URL password replaced by ***."""
    return _URL_PASSWORD.sub(r"\1:***@", text)


@dataclass(frozen=True)
class MysqlSettings:
    host: str
    port: int
    user: str
    database: str
    password: str = field(default="", repr=False)
    options: Mapping[str, Any] = field(default_factory=dict)

    @property
    def where(self) -> str:
        port = "" if self.port == DEFAULT_PORT else f":{self.port}"
        return f"mysql://{self.host}{port}/{self.database}"


def parse_dsn(dsn: str, source: str, env: Mapping[str, str]) -> MysqlSettings:
    """mysql://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?ssl_ca=...]: every problem in one line,
    never with the password."""
    hint = "use mysql://USER@HOST:PORT/DATABASE (the password in MYSQL_PWD or in the DSN)"
    try:
        url = urlsplit(dsn.strip())
        port = url.port or DEFAULT_PORT
    except ValueError as exc:
        raise ConfigError(
            f"{source}: not a valid MySQL DSN: {redact_dsn(str(exc))}", hint
        ) from None
    if url.scheme not in SCHEMES or not (url.hostname or "unix_socket" in url.query):
        raise ConfigError(f"{source}: not a mysql:// URL", hint)
    options: dict[str, Any] = {}
    for key, value in parse_qsl(url.query, keep_blank_values=True):
        if key not in PARAMETERS:
            raise ConfigError(
                f"{source}: unknown DSN parameter '{key}'", f"valid: {', '.join(PARAMETERS)}"
            )
        kind = PARAMETERS[key]
        options[key] = value.lower() in ("1", "true", "yes") if kind is bool else value
        if kind is int:
            if not value.isdigit():
                raise ConfigError(f"{source}: DSN parameter {key} must be a whole number")
            options[key] = int(value)
    password = unquote(url.password) if url.password is not None else env.get(PASSWORD_ENV, "")
    database = unquote(url.path.lstrip("/"))
    return MysqlSettings(
        host=url.hostname or "localhost",
        port=port,
        user=unquote(url.username or "") or "root",
        database=database,
        password=password,
        options=options,
    )


def values_text(batch: pa.Table) -> tuple[pa.Buffer, list[int]]:
    """The batch's rows as SQL row constructors, `(v1,v2,...),` one after another, and the byte
    offset where each row starts (and the end): the caller cuts statements at row boundaries."""
    cells = [_cells(batch[name]) for name in batch.column_names]
    rows = pc.binary_join_element_wise(
        *cells, _large(","), null_handling="replace", null_replacement="NULL"
    )
    rows = pc.binary_join_element_wise(_large("("), rows, _large("),"), _large(""))
    if isinstance(rows, pa.ChunkedArray):
        rows = rows.combine_chunks()
    if not len(rows):
        return pa.py_buffer(b""), [0]
    _, offsets_buffer, data = rows.buffers()
    offsets = pa.Array.from_buffers(
        pa.int64(), len(rows) + 1, [None, offsets_buffer], offset=rows.offset
    ).to_pylist()
    return data, offsets


def _cells(values: pa.ChunkedArray) -> Any:
    kind = values.type
    if pa.types.is_floating(kind):  # MySQL holds no NaN or infinity: NULL, as a value unknown
        finite = pc.is_finite(values)
        values = pc.if_else(finite, values, pa.scalar(None, kind))
    if pa.types.is_boolean(kind):
        values = values.cast(pa.int8())
    if pa.types.is_timestamp(kind):  # UTC wall-clock digits (the session runs at +00:00)
        values = values.cast(pa.timestamp(kind.unit))
    text = pc.cast(values, pa.large_string())  # 64-bit offsets: a batch may exceed 2 GB of text
    if pa.types.is_string(kind) or pa.types.is_large_string(kind):
        for plain, escaped in _ESCAPES:
            if pc.any(pc.match_substring(text, plain)).as_py():
                text = pc.replace_substring(text, plain, escaped)
    quoted = (
        pa.types.is_string(kind)
        or pa.types.is_large_string(kind)
        or pa.types.is_timestamp(kind)
        or pa.types.is_date(kind)
    )
    if not quoted:
        return text
    return pc.binary_join_element_wise(_large("'"), text, _large("'"), _large(""))


def _large(text: str) -> pa.Scalar:
    return pa.scalar(text, pa.large_string())


def single_table_delete(node: exp.Expression) -> exp.Expression:
    """`DELETE FROM t AS a WHERE ...` as `DELETE a FROM t AS a WHERE ...`: MariaDB (before
    11.6) takes no alias in a single-table DELETE; both servers take the multi-table form."""
    target = node.this if isinstance(node, exp.Delete) else None
    if target is not None and target.alias and not node.args.get("tables"):
        node = node.copy()
        node.set("tables", [exp.to_table(target.alias)])
    return node


# sqlglot renders the shared builders in the mysql dialect; what it cannot say right is
# rewritten here, one transform per difference
REWRITES = (single_table_delete,)


class MysqlDestination(SqlDestination):
    name = "mysql"
    dialect = "mysql"
    checkpoints = True  # a killed long read resumes (engine/run/resume.py)
    marker = "%s"
    schema: str = ""  # the database (set from the settings, or per account by use_schema)

    def __init__(self, target: str | None = None, settings: Any = None) -> None:
        super().__init__()
        env = env_of(settings)
        if target is None:
            self.source = f"environment variable {DSN_ENV}"
            self.cfg = _from_env(env, self.source)
        else:
            self.source = f"[targets.{target}] in acx.toml"
            self.cfg = _from_target(target, settings, env, self.source)
        self.schema = _database(self.cfg.database, self.source)
        self.conn: pymysql.connections.Connection | None = None
        self.statement_bytes = STATEMENT_BYTES

    def describe(self) -> str:
        port = "" if self.cfg.port == DEFAULT_PORT else f":{self.cfg.port}"
        return f"mysql://{self.cfg.host}{port}/{self.schema}"

    def use_schema(self, name: str) -> None:
        self.schema = _database(name, self.source)

    # ---- connection
    def connect(self) -> None:
        options = {"connect_timeout": CONNECT_TIMEOUT, **self.cfg.options}
        try:
            self.conn = pymysql.connect(
                host=self.cfg.host,
                port=self.cfg.port,
                user=self.cfg.user,
                password=self.cfg.password,
                charset="utf8mb4",
                autocommit=True,
                local_infile=False,
                **options,
            )
        except pymysql.MySQLError as exc:
            raise LoadError(
                f"cannot connect to {self.describe()}: {self.redact(_message(exc))}",
                f"check the DSN in {self.source} and that the server accepts connections",
            ) from None
        try:
            self._set_up()
        except BaseException:
            self.close()  # the runner only closes a destination whose connect() returned
            raise

    def _set_up(self) -> None:
        self.execute("SET " + ", ".join(f"SESSION {k} = {v}" for k, v in SESSION.items()))
        packet = int(self.execute("SELECT @@max_allowed_packet")[0][0])
        self.statement_bytes = max(1 << 16, min(STATEMENT_BYTES, packet - (1 << 14)))
        self._lock()
        with self.ddl_turn():
            if not self.execute(
                "SELECT 1 FROM information_schema.schemata WHERE schema_name = %s", [self.schema]
            ):
                self._create_database()
            # the default database: a multi-table DELETE's alias (single_table_delete) resolves
            # in it, and no statement of acx names another unqualified
            self.db.select_db(self.schema)
            self.prepare_state()
        self.drop_stale_stages()  # the database's (or the account's) lock is ours

    def _create_database(self) -> None:
        found = {
            r[0]
            for r in self.execute(
                "SELECT collation_name FROM information_schema.collations "
                f"WHERE collation_name IN ({', '.join(['%s'] * len(COLLATIONS))})",
                list(COLLATIONS),
            )
        }
        collation = next(c for c in (*COLLATIONS, None) if c is None or c in found)
        props: list[exp.Expression] = [exp.CharacterSetProperty(this=exp.var("utf8mb4"))]
        if collation:
            props.append(exp.CollateProperty(this=exp.var(collation)))
        create = exp.Create(
            this=exp.Table(this=ident(self.schema)),
            kind="SCHEMA",
            exists=True,
            properties=exp.Properties(expressions=props),
        )
        self.execute(self.sql(create))

    def _lock(self) -> None:
        """Two runs into one database would share staging tables: the second one stops. The
        lock is the session's: a killed run's goes with its connection."""
        got = self.execute("SELECT GET_LOCK(%s, 0)", [self.lock])
        if not got or got[0][0] != 1:
            raise LoadError(
                f"{self.describe()}: database {self.schema} is in use by another acx run",
                "wait for it to finish; runs on one destination never interleave",
            )

    @property
    def lock(self) -> str:
        """Shared tables: one run per account of the database (its stages are its own)."""
        return _lock_name(f"acx:{self.schema}" + (f":{self.share}" if self.share else ""))

    @contextlib.contextmanager
    def ddl_turn(self) -> Iterator[None]:
        """Accounts loading shared tables create and widen them one at a time (two may find a
        column missing and both add it)."""
        with self._turn("acx-ddl"):
            yield

    @contextlib.contextmanager
    def _turn(self, purpose: str) -> Iterator[None]:
        """With shared tables, one account of the database at a time holds `purpose`'s named
        lock; with a database per account there is no one to wait for."""
        if self.share is None:
            yield
            return
        key = [_lock_name(f"{purpose}:{self.schema}")]
        self.execute("SELECT GET_LOCK(%s, 600)", key)
        try:
            yield
        finally:
            self.execute("SELECT RELEASE_LOCK(%s)", key)

    def close(self) -> None:
        """The run's lock goes first (as postgres.py's: the server frees a closed session's
        locks a moment after the client has gone)."""
        if self.conn is not None:
            with contextlib.suppress(pymysql.MySQLError):
                if self.conn.open:
                    self.conn.query("DO RELEASE_ALL_LOCKS()")
            with contextlib.suppress(pymysql.MySQLError):
                self.conn.close()
            self.conn = None

    @property
    def db(self) -> pymysql.connections.Connection:
        if self.conn is None:
            raise LoadError("mysql destination used before connect()")
        return self.conn

    # ---- what SqlDestination needs
    def sql(self, expression: exp.Expression) -> str:
        for rewrite in REWRITES:
            expression = rewrite(expression)
        return super().sql(expression)

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> list[tuple]:
        try:
            with self.db.cursor() as cur:
                cur.execute(sql, tuple(params) if params else None)
                return list(cur.fetchall()) if cur.description else []
        except pymysql.MySQLError as exc:
            raise self.error(exc, _table_of(sql)) from None

    def existing_columns(self, table: str) -> dict[str, str] | None:
        rows = self.execute(
            "SELECT column_name, column_type FROM information_schema.columns "
            "WHERE table_schema = %s AND table_name = %s ORDER BY ordinal_position",
            [self.schema, table],
        )
        return {str(name): _text(kind) for name, kind in rows} or None

    def same_type(self, have: str, col: Column) -> bool:
        written = {sql_type_text(col.type, self.dialect, key=k) for k in (False, True)}
        accepted = {_normal(t) for t in written} | set(REPORTED.get(col.type, ()))
        return _normal(have) in accepted

    def load_stage(self, stream: Stream, batch: pa.Table) -> None:
        target = exp.Schema(
            this=self.stage_table(stream), expressions=[ident(n) for n in batch.column_names]
        )
        head = f"INSERT INTO {self.sql(target)} VALUES ".encode()
        data, offsets = values_text(batch)
        start = 0
        try:
            while start < len(offsets) - 1:
                end = start + 1  # at least one row per statement, however long
                while (
                    end < len(offsets) - 1
                    and offsets[end + 1] - offsets[start] <= self.statement_bytes
                ):
                    end += 1
                body = data[offsets[start] : offsets[end] - 1]  # without the last comma
                self.db.query(head + body.to_pybytes())
                start = end
        except pymysql.MySQLError as exc:
            raise self.error(exc, f"loading {stream.name} (batch row {start + 1} on)") from None

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Accounts sharing tables commit one at a time: InnoDB's gap locks on the shared keys
        and `_acx_state` deadlock two accounts' merges (error 1213, seen in CI)."""
        with self._turn("acx-commit"), self._transaction():
            yield

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        try:
            self.db.begin()
        except pymysql.MySQLError as exc:
            raise self.error(exc, "commit") from None
        try:
            yield
        except BaseException:
            with contextlib.suppress(pymysql.MySQLError):
                self.db.rollback()
            raise
        try:
            self.db.commit()
        except pymysql.MySQLError as exc:  # the COMMIT itself failed
            raise self.error(exc, "commit") from None

    # ---- MySQL's differences from the shared SQL
    def moment(self) -> exp.Expression:
        """The commit's moment as DATETIME(6) text in UTC: MySQL reads no offset in a cast."""
        text = self.at.strftime("%Y-%m-%d %H:%M:%S.%f")
        return exp.Cast(this=exp.Literal.string(text), to=sql_type("timestamp", self.dialect))

    def prepare_state(self) -> None:
        """`_acx_state` keyed by a VARCHAR: MySQL keys no LONGTEXT (the base class then adds any
        column an earlier acx's table lacks)."""
        defs = [
            exp.ColumnDef(
                this=ident("stream"),
                kind=sql_type("text", self.dialect, key=True),
                constraints=[exp.ColumnConstraint(kind=exp.NotNullColumnConstraint())],
            ),
            exp.PrimaryKey(expressions=[ident("stream")]),
        ]
        table = sqlbuild.tbl(STATE_TABLE, self.schema)
        create = exp.Create(
            this=exp.Schema(this=table, expressions=defs), kind="TABLE", exists=True
        )
        self.execute(self.sql(create))
        super().prepare_state()

    def _create_stage(self, stream: Stream) -> None:
        """A staging table whose key columns are indexed (a text key as VARCHAR, as in the
        table): MySQL runs an UPDATE's or DELETE's EXISTS subquery once per row of the target,
        so without the index a merge into a large table costs rows x staged rows."""
        stage = self.stage_table(stream)
        self.execute(self.sql(exp.Drop(tables=[stage], kind="TABLE", exists=True)))
        key = [stream.column(k).name for k in stream.primary_key]
        defs = [
            exp.ColumnDef(
                this=ident(c.name), kind=sql_type(c.type, self.dialect, key=c.name in key)
            )
            for c in stream.columns
        ]
        defs.append(exp.ColumnDef(this=ident(sqlbuild.SEQ), kind=exp.DataType.build("BIGINT")))
        self.execute(
            self.sql(exp.Create(this=exp.Schema(this=stage, expressions=defs), kind="TABLE"))
        )
        columns = [exp.Column(this=ident(name)) for name in key]
        index = exp.Index(
            this=ident("_acx_key"), table=stage.copy(), params=exp.IndexParameters(columns=columns)
        )
        self.execute(self.sql(exp.Create(this=index, kind="INDEX")))

    def append_runs(self, records: Sequence[RunRecord]) -> None:
        with self.ddl_turn():  # it creates _acx_runs when missing
            super().append_runs(records)

    def create_view(self, name: str, select: exp.Expression) -> None:
        """One statement: MySQL's CREATE OR REPLACE VIEW may change the columns (and DDL would
        commit the base class's transaction anyway)."""
        view = sqlbuild.tbl(name, self.schema)
        self.execute(self.sql(exp.Create(this=view, kind="VIEW", replace=True, expression=select)))

    def rekey(self, stream: Stream) -> None:
        """The table's primary key becomes key_columns' in one ALTER (it commits the UPDATE
        start_history ran before it: a kill between them leaves the old key, see docs/mysql.md)."""
        keys = ", ".join(self.sql(ident(c.name)) for c in key_columns(stream))
        table = self.sql(self.target(stream))
        self.execute(f"ALTER TABLE {table} DROP PRIMARY KEY, ADD PRIMARY KEY ({keys})")

    # ---- messages
    def redact(self, text: str) -> str:
        text = redact_dsn(text)
        password = self.cfg.password
        return text.replace(password, "***") if len(password) >= 3 else text

    def error(self, exc: pymysql.MySQLError, doing: str | None) -> LoadError:
        """One line: where, what acx was doing, the server's message without values or SQL."""
        code = exc.args[0] if exc.args and isinstance(exc.args[0], int) else None
        message = _QUOTED_VALUE.sub(r"\1", _message(exc))
        prefix = f"{self.describe()}: {doing}: " if doing else f"{self.describe()}: "
        hint = None
        if code in _CONNECTION_LOST:
            hint = "the server closed the connection; run again (max_allowed_packet too small?)"
        return LoadError(prefix + self.redact(message), hint)


def _message(exc: pymysql.MySQLError) -> str:
    """The server's message, first line, with its error number."""
    args = exc.args
    if len(args) >= 2:
        text = str(args[1]).strip().splitlines()
        return f"{text[0] if text else ''} ({args[0]})"
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def _text(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


def _normal(type_text: str) -> str:
    """A type as compared: lower case, no spaces (`DECIMAL(38, 9)` is `decimal(38,9)`)."""
    return "".join(type_text.lower().split())


def _lock_name(name: str) -> str:
    if len(name) <= LOCK_NAME_MAX:
        return name
    return "acx:" + hashlib.sha256(name.encode()).hexdigest()[: LOCK_NAME_MAX - 4]


def _database(name: str, source: str) -> str:
    name = name.strip()
    if not name:
        raise ConfigError(
            f"{source}: no database named",
            f"end the DSN with /DATABASE, or set {DATABASE_ENV} (database = in a target)",
        )
    if "%" in name or len(name) > LOCK_NAME_MAX:  # % is the driver's parameter marker
        raise ConfigError(f"{source}: database name {name!r} must be at most 64 characters, no %")
    return name


def _from_env(env: Mapping[str, str], source: str) -> MysqlSettings:
    dsn = env.get(DSN_ENV, "").strip()
    if not dsn:
        raise ConfigError(
            f"--dest mysql needs {DSN_ENV} (a mysql://USER@HOST:PORT/DATABASE URL)",
            f"export {DSN_ENV}=mysql://acx@db.internal:3306/activecampaign, or name a target: "
            "--dest mysql:NAME with [targets.NAME] in acx.toml",
        )
    cfg = parse_dsn(dsn, source, env)
    database = env.get(DATABASE_ENV, "").strip()
    return cfg if not database else _with_database(cfg, database)


def _from_target(name: str, settings: Any, env: Mapping[str, str], source: str) -> MysqlSettings:
    if "://" in name or "@" in name:  # never echoed: it may hold a password
        raise ConfigError(
            "--dest mysql:NAME takes the name of a [targets.NAME] table in acx.toml, not a DSN",
            f"put the DSN in {DSN_ENV} and use --dest mysql",
        )
    item = named_target(getattr(settings, "targets", None), name, "mysql")
    if "dsn" in item:
        dsn = str(item["dsn"]).strip()
        if redact_dsn(dsn) != dsn:
            raise ConfigError(
                f"{source}: do not write the password into the config file",
                f"put the whole DSN in an environment variable named by dsn_env, or use "
                f"{PASSWORD_ENV}",
            )
    else:
        dsn = env.get(str(item["dsn_env"]), "").strip()
        if not dsn:
            raise ConfigError(f"{source}: environment variable {item['dsn_env']} is not set")
    cfg = parse_dsn(dsn, source, env)
    database = str(item.get("database") or "").strip()
    return cfg if not database else _with_database(cfg, database)


def _with_database(cfg: MysqlSettings, database: str) -> MysqlSettings:
    return replace(cfg, database=database)


def _table_of(sql: str) -> str | None:
    """The table a failed statement was about (for the message), if sqlglot can tell."""
    try:
        found = sqlglot.parse_one(sql, dialect="mysql").find(exp.Table)
    except sqlglot.errors.SqlglotError:
        return None
    if found is None or not found.name:
        return None
    return found.name.removeprefix(STAGE_PREFIX)
