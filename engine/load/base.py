"""The destination interface: the few operations a warehouse needs, and a SQL base class that
implements them with sqlglot-built statements. A warehouse module only adds how to connect,
how to bulk-load a batch into its staging table, and how it lists a table's columns."""

from __future__ import annotations

import contextlib
import functools
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, ClassVar, Literal

import pyarrow as pa
from sqlglot import exp

from engine import crashpoints
from engine.errors import LoadError
from engine.load import history, layout, sqlbuild
from engine.load.ddl import (
    add_column,
    alter_types,
    create_table,
    current_view_select,
    render,
    rules,
)
from engine.load.runlog import RUN_COLUMNS, RUNS_TABLE, RunRecord, cutoff, latest
from engine.load.state import STATE_COLUMNS, STATE_TABLE, StateRow
from engine.load.system import (
    DELETED_AT,
    IS_CURRENT,
    SYNCED_AT,
    VALID_FROM,
    current_view,
    table_columns,
)
from engine.spec import Column, Stream
from engine.spec.types import ZONELESS, arrow_type, sql_type, sql_type_text

STAGE_PREFIX = "_acx_stage_"
# the name a staging table's DDL is rendered with before the stage's own replaces it (a space:
# no spec column or table is named so)
STAGE_STANDIN = "acx stage standin"
_STAGE_DDL: dict[tuple[Any, ...], tuple[str, str, str]] = {}  # SqlDestination.stage_ddl
_NAMES: dict[tuple[str, tuple[str, ...]], str] = {}  # SqlDestination.names
# How a stream's staged rows reach its table at commit: "replace" (the table becomes the stage),
# "mirror" (the stage holds every row the source has: upsert on the primary key, then mark the
# table's rows the stage lacks as deleted), or "merge" (upsert on the primary key).
WriteMode = Literal["replace", "mirror", "merge"]
# the modes whose stage must hold the whole read before anything is applied
WHOLE_READ: frozenset[str] = frozenset({"replace", "mirror"})


@dataclass(frozen=True)
class Apply:
    """How one stream's staged rows reach its table at commit."""

    stream: Stream
    mode: WriteMode
    # merge of a side-loaded child: first delete the rows of every parent read again
    parent_stage: Stream | None = None
    # with "replace": columns (warehouse names, from Destination.legacy_columns) whose zone-less
    # type becomes the zone-aware one, atomically with the new rows and the state rows
    migrate: tuple[str, ...] = ()
    # a row the read shows gone (mirror; a merged child's row its re-read parent no longer
    # lists) is marked with _acx_deleted_at (soft) or removed (hard)
    soft: bool = True
    # tables whose parent is this one, outside this commit: a row marked deleted here marks
    # their rows of it too, and a row back clears their marks of it
    children: tuple[Stream, ...] = ()
    # whether the stage may hold a key more than once (a page read twice, a resumed read): its
    # superseded rows are deleted first. False when the run counted every staged key once: the
    # delete's aggregate over the stage was the costliest statement of a small table's commit
    repeats: bool = True


def stage_schema(stream: Stream) -> pa.Schema:
    """The columns of every batch staged for a stream: the spec's, in their loading types, then
    `_acx_seq` (the order rows were staged in)."""
    fields = [pa.field(c.name, arrow_type(c.type)) for c in stream.columns]
    return pa.schema([*fields, pa.field(sqlbuild.SEQ, pa.int64())])


class Destination(ABC):
    """What the runner needs from a warehouse. One instance per run; one writer thread."""

    name: ClassVar[str]
    dialect: ClassVar[str]
    # rows per staged batch unless --batch-rows says otherwise: small enough that a run's memory
    # stays flat (a batch of a wide table is a few MB), large enough that loading is not per row
    batch_rows: ClassVar[int] = 2_000
    # whether a long read commits checkpoints and a run resumes from them (engine/run/resume.py):
    # the destination keeps a replace group's stages across runs (resume_stage)
    checkpoints: ClassVar[bool] = False
    # whether rows the source no longer has can stay, marked `_acx_deleted_at` (deletes: soft);
    # where not, they are removed
    marks_deletes: ClassVar[bool] = True

    # shared tables (engine/load/layout.py): this account's name; its rows sit among others'
    share: str | None = None

    def __init__(self) -> None:
        # per stream key: timestamp columns an earlier acx created zone-less (found by prepare)
        self.legacy: dict[str, tuple[str, ...]] = {}
        self.kept: set[str] = set()  # stream keys whose stage a resumed run goes on filling
        # stream keys whose table held none of this account's rows at prepare and has had no
        # commit since: their apply is a plain insert (nothing to match, mark or cascade), which
        # a first sync of a million-row table needs (the anti-joins would spill to disk)
        self.empty: set[str] = set()

    @abstractmethod
    def connect(self) -> None: ...

    @abstractmethod
    def close(self) -> None: ...

    @abstractmethod
    def prepare(self, stream: Stream) -> None:
        """Create the table if missing, add columns new to the spec, refuse impossible type
        changes (but record zone-less timestamp columns: legacy_columns); clear any staging
        left by a crashed run."""

    def legacy_columns(self, stream: Stream) -> tuple[str, ...]:
        """Warehouse names of the stream's timestamp columns that an earlier acx created with a
        zone-less type (their values were read in a zone that may be wrong); empty when none.
        Valid after prepare(). Only a replace with Apply.migrate naming them all may commit."""
        return self.legacy.get(stream.key, ())

    def check_migrations(self, applies: Sequence[Apply]) -> None:
        """Refuse, before anything changes, to merge into a table that still has zone-less
        timestamp columns, or to replace it without migrating them: either would leave it half
        old, half new."""
        for item in applies:
            held = self.legacy_columns(item.stream)
            if held and (item.mode != "replace" or not set(held) <= set(item.migrate)):
                raise LoadError(
                    f"{self.describe()}: table {item.stream.name} holds timestamps in a zone-less "
                    f"type from an earlier acx ({', '.join(held)}); it must be read again in "
                    "full to migrate",
                    f"run with --full-refresh {item.stream.key}",
                )

    def migrating(self, item: Apply) -> list[Column]:
        """The columns this apply changes to the zone-aware type."""
        if item.mode != "replace":
            return []
        held = set(self.legacy_columns(item.stream)) & set(item.migrate)
        return [c for c in item.stream.columns if c.name in held]

    def migrated(self, applies: Sequence[Apply]) -> None:
        """After a commit: the migrated tables hold zone-aware types now."""
        for item in applies:
            if self.migrating(item):
                self.legacy.pop(item.stream.key, None)

    @abstractmethod
    def stage(self, stream: Stream, batch: pa.Table) -> None:
        """Append a batch (columns: warehouse names + _acx_seq) to the stream's staging."""

    @abstractmethod
    def commit(self, applies: Sequence[Apply], states: Sequence[StateRow]) -> None:
        """Apply every stage and write the state rows in one transaction; drop the stages."""

    @abstractmethod
    def discard(self, streams: Sequence[Stream]) -> None:
        """Drop the stages of a failed group; the tables keep their last good rows."""

    @abstractmethod
    def read_state(self) -> dict[str, StateRow]: ...

    @abstractmethod
    def append_runs(self, records: Sequence[RunRecord]) -> None:
        """Add a run's records to the run log (engine/load/runlog.py), dropping old ones."""

    @abstractmethod
    def read_runs(self) -> dict[str, RunRecord]:
        """The newest run record of each table ({} when no run was logged)."""

    def stage_name(self, stream: Stream) -> str:
        """The name of the stream's staging table (kept across runs by a checkpoint)."""
        return STAGE_PREFIX + stream.name + layout.stage_suffix(self.share)

    def place(self, placement: layout.Placement) -> None:
        """Before connect: load `placement.account`'s tables into its own schema, or among other
        accounts' rows in shared tables (engine/load/layout.py)."""
        self.share = placement.share
        if placement.schema is not None and placement.layout == "schema":
            self.use_schema(placement.schema)

    def use_schema(self, name: str) -> None:
        raise LoadError(f"{self.describe()} has no schemas to keep accounts apart")

    def resume_stage(self, stream: Stream, seq: int) -> bool:
        """Keep the stage a killed run left (prepare will not clear it), without its rows from
        `_acx_seq` `seq` on (staged after the last checkpoint); False when it cannot be kept."""
        return False

    def describe(self) -> str:
        return self.name

    def warnings(self) -> list[str]:
        """Said once before a run: what this destination cannot guarantee where it is."""
        return []


class SqlDestination(Destination):
    """Shared SQL for warehouses reached through a DB-API connection."""

    schema: str | None = None
    marker: ClassVar[str] = "?"  # the driver's query parameter placeholder
    at: datetime = datetime.min.replace(tzinfo=timezone.utc)  # the running commit's moment
    # How commit's transaction changes a replaced table's zone-less timestamp columns (see
    # legacy_columns): "alter": ALTER COLUMN ... TYPE once its rows are deleted; "rebuild": drop
    # the table and create it as the spec does (rebuild_statements); "swap": the destination's
    # own commit does it (Snowflake, where DDL cannot join a transaction).
    migration: ClassVar[str] = "alter"

    # ---- what each warehouse provides
    @abstractmethod
    def execute(self, sql: str, params: Sequence[Any] | None = None) -> list[tuple]: ...

    @abstractmethod
    def existing_columns(self, table: str) -> dict[str, str] | None:
        """Column name -> SQL type text of an existing table; None when the table is missing."""

    @abstractmethod
    def load_stage(self, stream: Stream, batch: pa.Table) -> None: ...

    @abstractmethod
    def transaction(self) -> Any:
        """A context manager around one transaction."""

    def grouped(self) -> Any:
        """A context manager around DDL statements that may commit together (a new table and
        its column comments; a staging table dropped and made again; the stages a commit leaves).
        Here each statement commits on its own, as MySQL and Snowflake commit DDL anyway; where
        DDL is transactional, a destination runs them in one transaction (DuckDB syncs its
        write-ahead log at every commit: a first run's 1,350 comments cost 1.7 s on their own)."""
        return contextlib.nullcontext()

    # ---- shared behaviour
    def sql(self, expression: exp.Expression) -> str:
        """The text of a statement built for this call alone (not copied: see render)."""
        return render([expression], self.dialect, pretty=False, copy=False)[0]

    def names(self, columns: Sequence[str]) -> str:
        """`a, "Group"`: column names as this warehouse's SQL writes them, rendered once per
        list in the process (every batch and state row, of every account, would render the same
        text again)."""
        key = (self.dialect, tuple(columns))
        text = _NAMES.get(key)
        if text is None:
            text = _NAMES[key] = ", ".join(self.sql(sqlbuild.ident(c)) for c in columns)
        return text

    def target(self, stream: Stream) -> exp.Table:
        return sqlbuild.tbl(stream.name, self.schema)

    def stage_table(self, stream: Stream) -> exp.Table:
        return sqlbuild.tbl(self.stage_name(stream), self.schema)

    def use_schema(self, name: str) -> None:
        self.schema = name

    def prepare_state(self) -> None:
        """Create `_acx_state` (one row per table: savepoint, mode, rows, run, zone, format,
        columns) if missing; add the columns an earlier acx's table lacks."""
        text = sql_type("text", self.dialect)
        defs: list[exp.Expression] = [
            exp.ColumnDef(this=sqlbuild.ident(c), kind=text.copy()) for c in STATE_COLUMNS
        ]
        defs.append(exp.PrimaryKey(expressions=[sqlbuild.ident("stream")]))
        table = sqlbuild.tbl(STATE_TABLE, self.schema)
        create = exp.Create(
            this=exp.Schema(this=table, expressions=defs), kind="TABLE", exists=True
        )
        self.execute(self.sql(create))
        have = {name.lower() for name in self.existing_columns(STATE_TABLE) or {}}
        for name in STATE_COLUMNS:
            if name not in have:
                column = exp.ColumnDef(this=sqlbuild.ident(name), kind=text.copy())
                alter = exp.Alter(this=table.copy(), kind="TABLE", actions=[column])
                self.execute(self.sql(alter))

    def drop_stale_stages(self) -> set[str]:
        """Drop the staging tables a killed run left, whichever tables this run selects, except
        those a checkpoint kept for the next run (engine/run/resume.py), whose names it returns.
        Only for a destination whose connect() holds a lock: then no other run owns them."""
        kept = {
            str(row.position.get("stage"))
            for row in self.read_state().values()
            if row.position and row.position.get("stage")
        }
        rows = self.execute(
            "SELECT table_name FROM information_schema.tables "
            f"WHERE table_schema = {self.marker} AND table_name LIKE {self.marker}",
            [self.schema, STAGE_PREFIX + "%"],
        )
        own = layout.stage_suffix(self.share)  # shared tables: the other accounts' are theirs
        left = set()
        for (name,) in rows:
            if not name.startswith(STAGE_PREFIX) or not name.endswith(own):
                continue
            if name in kept:
                left.add(name)
                continue
            stage = sqlbuild.tbl(name, self.schema)
            self.execute(self.sql(exp.Drop(tables=[stage], kind="TABLE", exists=True)))
        return left

    def qualified(self, name: str) -> str:
        return self.sql(sqlbuild.tbl(name, self.schema))

    def ddl_turn(self) -> Any:
        """A context manager: accounts loading shared tables create and widen them one at a
        time (the first creates a table, the others find it made). Here nobody waits; each
        destination whose accounts share tables says how they take turns."""
        return contextlib.nullcontext()

    def prepare(self, stream: Stream) -> None:
        with self.ddl_turn():
            self._prepare_table(stream)

    def _prepare_table(self, stream: Stream) -> None:
        existing = self.existing_columns(stream.name)
        self.legacy[stream.key] = ()
        self.empty.discard(stream.key)
        if existing is None:
            with self.grouped():
                for statement in render(
                    create_table(stream, self.dialect, self.schema), self.dialect
                ):
                    self.execute(statement)
            self.empty.add(stream.key)
        else:
            layout.check_table(self.describe(), stream, existing)
            kept = IS_CURRENT in {name.lower() for name in existing}
            if kept and not stream.history:
                raise LoadError(
                    f"{self.describe()}: table {stream.name} keeps every version of its rows "
                    "(history), but the spec and config no longer ask for it",
                    f"set history = true under [tables.{stream.key}] to go on, or rename the "
                    f"table and run with --full-refresh {stream.key} to start without history",
                )
            self._evolve(stream, existing)
            if stream.history and not kept:
                self.start_history(stream)
            if not self.holds_rows(stream):
                self.empty.add(stream.key)
        if stream.history:
            self.create_view(current_view(stream), current_view_select(stream, self.schema))
        if stream.key not in self.kept:
            self._create_stage(stream)

    def holds_rows(self, stream: Stream) -> bool:
        """Whether the table has any row (of this account's, in shared tables)."""
        probe = exp.select(exp.Literal.number(1)).from_(self.target(stream))
        mine = layout.mine(self.share)
        probe = (probe.where(mine) if mine is not None else probe).limit(1)
        return bool(self.execute(self.sql(probe)))

    def start_history(self, stream: Stream) -> None:
        """A table loaded without history, now asked to keep it: each row becomes its key's
        first, current version (from when acx last wrote it), and the primary key gains the
        version's start (rekey), in one transaction."""
        target = self.target(stream)
        began = exp.Coalesce(this=sqlbuild.col(SYNCED_AT), expressions=[self.moment_now()])
        update = exp.update(
            target.copy(),
            {VALID_FROM: began, IS_CURRENT: exp.true()},
            where=exp.Is(this=sqlbuild.col(VALID_FROM), expression=exp.null()),
        )
        with self.transaction():
            self.execute(self.sql(update))
            self.rekey(stream)

    def rekey(self, stream: Stream) -> None:
        """Make the table's primary key the one key_columns gives (a table gaining history);
        nothing where the dialect declares no key."""
        if rules(self.dialect).primary_key == "none":
            return
        raise LoadError(
            f"{self.describe()}: table {stream.name} cannot gain history in place (its primary "
            "key would have to change)",
            f"rename the table and run with --full-refresh {stream.key}: the new table keeps "
            "history from its first load",
        )

    def moment_now(self) -> exp.Expression:
        self.at = datetime.now(timezone.utc)
        return self.moment()

    def resume_stage(self, stream: Stream, seq: int) -> bool:
        names = [c.name.lower() for c in stream.columns] + [sqlbuild.SEQ.lower()]
        have = self.existing_columns(self.stage_name(stream))
        if have is None or [n.lower() for n in have] != names:
            return False  # gone (a failed run dropped it), or the spec's columns changed
        stage, seq_col = self.sql(self.stage_table(stream)), self.sql(sqlbuild.ident(sqlbuild.SEQ))
        self.execute(f"DELETE FROM {stage} WHERE {seq_col} >= {int(seq)}")
        self.kept.add(stream.key)
        return True

    def _evolve(self, stream: Stream, existing: dict[str, str]) -> None:
        lowered = {k.lower(): v for k, v in existing.items()}
        legacy = []
        for col in table_columns(stream):
            have = lowered.get(col.name.lower())
            if have is None:
                for statement in render(
                    add_column(stream, col, self.dialect, self.schema), self.dialect
                ):
                    self.execute(statement)
            elif self.zoneless(have, col):
                legacy.append(col.name)
            elif not self.same_type(have, col):
                want = sql_type(col.type, self.dialect).sql(self.dialect)
                raise LoadError(
                    f"{self.describe()}: column {stream.name}.{col.name} is {have} but the spec "
                    f"now says {col.type} ({want}), which cannot be widened in place",
                    f"drop or rename the table {stream.name} and run with --full-refresh "
                    f"{stream.key}, or keep the old type in the spec",
                )
        self.legacy[stream.key] = tuple(legacy)

    def same_type(self, have: str, col: Column) -> bool:
        return self.matches(have, sql_type_text(col.type, self.dialect))

    def zoneless(self, have: str, col: Column) -> bool:
        """A spec timestamp in the zone-less type an earlier acx created (types.ZONELESS)."""
        old = ZONELESS.get(self.dialect)
        return col.type == "timestamp" and old is not None and self.matches(have, old)

    def matches(self, have: str, want_text: str) -> bool:
        """Whether a type the warehouse reports is the type `want_text` names."""
        return _same_type(have, want_text, self.dialect)

    def _create_stage(self, stream: Stream) -> None:
        self.run_staging(self.stage_ddl(stream))

    def run_staging(self, statements: Sequence[str]) -> None:
        """DDL of this run's own staging tables (made, dropped), committed together where DDL
        is transactional (grouped). No other run touches those tables: a destination that
        makes runs take turns need not here, and one that can send the statements in one call
        does (DuckDB)."""
        with self.grouped():
            for statement in statements:
                self.execute(statement)

    def stage_ddl(self, stream: Stream) -> tuple[str, str]:
        """The stream's staging table's DROP and CREATE. Every account's stage of a table
        differs by its name alone: the text is rendered once per process for the table's
        columns, with a stand-in name, and each stage's name put in its place."""
        key = (type(self), self.schema, tuple((c.name, c.type) for c in stream.columns))
        texts = _STAGE_DDL.get(key)
        if texts is None:
            standin = sqlbuild.tbl(STAGE_STANDIN, self.schema)
            defs = [
                exp.ColumnDef(this=sqlbuild.ident(c.name), kind=sql_type(c.type, self.dialect))
                for c in stream.columns
            ]
            defs.append(
                exp.ColumnDef(this=sqlbuild.ident(sqlbuild.SEQ), kind=exp.DataType.build("BIGINT"))
            )
            create = exp.Create(this=exp.Schema(this=standin, expressions=defs), kind="TABLE")
            drop = exp.Drop(tables=[standin.copy()], kind="TABLE", exists=True)
            texts = _STAGE_DDL[key] = (self.sql(standin), self.sql(drop), self.sql(create))
        name, drop_text, create_text = texts
        stage = self.sql(self.stage_table(stream))
        return drop_text.replace(name, stage, 1), create_text.replace(name, stage, 1)

    def stage(self, stream: Stream, batch: pa.Table) -> None:
        if batch.num_rows:
            self.load_stage(stream, batch)

    def commit(self, applies: Sequence[Apply], states: Sequence[StateRow]) -> None:
        """One transaction: every apply (a migration's DDL included: DuckDB and Postgres run
        DDL inside transactions, so a crash leaves the old table or the new one), then the state
        rows."""
        self.at = datetime.now(timezone.utc)
        self.check_migrations(applies)
        with self.transaction():
            self.apply_all(applies, states)
        crashpoints.point("committed")
        self.committed(applies)

    def committed(self, applies: Sequence[Apply], dropped: bool = False) -> None:
        """After commit's transaction: its tables hold rows and zone-aware types; its stages
        go (`dropped`: the transaction dropped them itself)."""
        self.empty.difference_update(a.stream.key for a in applies)
        self.migrated(applies)
        streams = [a.stream for a in applies]
        if dropped:
            self.kept.difference_update(s.key for s in streams)
        else:
            self.discard(streams)

    def apply_all(self, applies: Sequence[Apply], states: Sequence[StateRow]) -> None:
        """The statements of commit's transaction, each behind its crash point."""
        for statement in self.commit_statements(applies, states):
            self.execute(statement)
        self.write_states(states)

    def commit_statements(
        self, applies: Sequence[Apply], states: Sequence[StateRow]
    ) -> Iterator[str]:
        """Each apply's statements as text, each right after its crash point (whoever runs them
        as they come runs each one right after it); then the state rows' crash points."""
        for item in applies:
            for statement in self.apply_statements(item):
                crashpoints.point(f"commit:{type(statement).__name__.lower()}")
                yield self.sql(statement)
        for _ in states:
            crashpoints.point("commit:state")

    def apply_statements(self, item: Apply) -> list[exp.Expression]:
        s = item.stream
        target, stage = self.target(s), self.stage_table(s)
        key = [s.column(k).name for k in s.primary_key]
        out: list[exp.Expression] = [sqlbuild.delete_superseded(stage, key)] if item.repeats else []
        migrating = self.migrating(item)
        at = self.moment()
        if s.history:
            return out + self.history_statements(item, key, at)
        mine = layout.mine(self.share)  # shared tables: only this account's rows go
        if s.key in self.empty and not migrating:  # nothing to match, mark or cascade
            return [*out, sqlbuild.insert_all(target, stage, [c.name for c in s.columns], at)]
        if migrating and self.migration == "rebuild":
            out.extend(self.rebuild_statements(s))
        elif item.mode == "replace":
            out.append(sqlbuild.delete_all(target, mine))
            # the table is empty now: no old value is converted, only the type changes
            out.extend(alter_types(s, migrating, self.dialect, self.schema))
        else:
            out.extend(self.restore_children(item, key, at))
            if item.parent_stage is not None and s.parent is not None:
                out.append(self.gone_children(item, at))
            out.append(sqlbuild.delete_matching(target, stage, key))
        out.append(sqlbuild.insert_all(target, stage, [c.name for c in s.columns], at))
        if item.mode == "mirror":
            own = layout.mine(self.share, "t")
            out.append(sqlbuild.mark_missing(target, stage, key, at, not item.soft, own))
            out.extend(self.mark_children(item, at))
        return out

    def own(self, alias: str) -> exp.Condition | None:
        """Of the rows aliased `alias`, the account's (shared tables; None: every row)."""
        return layout.mine(self.share, alias)

    def history_statements(
        self, item: Apply, key: Sequence[str], at: exp.Expression
    ) -> list[exp.Expression]:
        """A history table's commit (engine/load/history.py): versions closed and opened,
        nothing removed; a whole read (mirror or replace) closes the versions it lacks."""
        s = item.stream
        target, stage = self.target(s), self.stage_table(s)
        columns = [c.name for c in s.columns]
        out: list[exp.Expression] = self.restore_children(item, key, at)
        if item.parent_stage is not None and s.parent is not None:
            parent = item.parent_stage
            out.append(
                history.close_gone_children(
                    target,
                    stage,
                    key,
                    s.column(s.parent.key).name,
                    self.stage_table(parent),
                    parent.column(s.parent.references).name,
                    at,
                    self.own("t"),
                )
            )
        out.append(history.close_changed(target, stage, key, columns, at))
        out.append(history.insert_versions(target, stage, key, columns, at))
        if item.mode in WHOLE_READ:
            out.append(history.close_missing(target, stage, key, at, self.own("t")))
            out.extend(self.mark_children(item, at))
        return out

    def moment(self) -> exp.Expression:
        """This commit's moment as a typed literal: every row it writes is synced then, every
        row it finds gone is deleted then."""
        text = self.at.isoformat(timespec="microseconds")
        return exp.Cast(this=exp.Literal.string(text), to=sql_type("timestamp", self.dialect))

    def gone_children(self, item: Apply, at: exp.Expression) -> exp.Expression:
        """A merged child's rows whose parent was read again without them: marked (soft) or
        deleted (hard)."""
        s, parent = item.stream, item.parent_stage
        assert s.parent is not None and parent is not None  # the caller checked
        return sqlbuild.gone_children(
            self.target(s),
            self.stage_table(s),
            [s.column(k).name for k in s.primary_key],
            s.column(s.parent.key).name,
            self.stage_table(parent),
            parent.column(s.parent.references).name,
            at,
            hard=not item.soft,
            own=self.own("t"),
        )

    def _children(self, item: Apply) -> list[tuple[Stream, str, str]]:
        """(child, its parent-key column, this table's referenced column) of every table in
        Apply.children the warehouse has, with the system columns (an older acx's table may
        have no _acx_deleted_at yet: it is prepared when its own group runs)."""
        out = []
        for child in item.children:
            have = {n.lower() for n in self.existing_columns(child.name) or {}}
            if child.parent is None or DELETED_AT not in have:
                continue
            ref = item.stream.column(child.parent.references).name
            out.append((child, child.column(child.parent.key).name, ref))
        return out

    def mark_children(self, item: Apply, at: exp.Expression) -> list[exp.Expression]:
        if not item.soft:
            return []
        parent = self.target(item.stream)
        return [
            (history.close_orphans if child.history else sqlbuild.mark_orphans)(
                self.target(child), column, parent, ref, at, self.own
            )
            for child, column, ref in self._children(item)
        ]

    def restore_children(
        self, item: Apply, key: Sequence[str], at: exp.Expression
    ) -> list[exp.Expression]:
        """Before a row marked deleted is written again: clear the marks its deletion put on
        the rows of tables outside this commit that belong to it."""
        if not item.soft:
            return []
        parent, stage = self.target(item.stream), self.stage_table(item.stream)
        return [  # a history child's closed versions stay closed: its next read opens new ones
            sqlbuild.restore_orphans(self.target(child), column, parent, stage, key, ref, self.own)
            for child, column, ref in self._children(item)
            if not child.history
        ]

    def rebuild_statements(self, stream: Stream) -> list[exp.Expression]:
        """Drop the table and create it as the spec creates it now, keeping (empty) any column
        the spec no longer has, as a replace would: for commit's transaction."""
        target = self.target(stream)
        spec_names = {c.name.lower() for c in table_columns(stream)}
        kept = [
            exp.ColumnDef(this=sqlbuild.ident(name), kind=self.type_of(kind))
            for name, kind in (self.existing_columns(stream.name) or {}).items()
            if name.lower() not in spec_names
        ]
        return [
            exp.Drop(tables=[target], kind="TABLE"),
            *create_table(stream, self.dialect, self.schema),
            *[exp.Alter(this=target.copy(), kind="TABLE", actions=[k]) for k in kept],
        ]

    def type_of(self, reported: str) -> exp.DataType:
        """A type as the warehouse reports it, to declare a column again."""
        return exp.DataType.build(reported, dialect=self.dialect, udt=True)

    def state_script(self, rows: Sequence[StateRow]) -> list[str]:
        """write_states' two statements with the values written in (for a destination that
        sends a whole commit in one call)."""
        if not rows:
            return []
        records, table = self._state_records(rows), self.qualified(STATE_TABLE)
        keys = ", ".join(self._literal(r["stream"]) for r in records)
        values = ", ".join(
            "(" + ", ".join(self._literal(r[c]) for c in STATE_COLUMNS) + ")" for r in records
        )
        return [
            f"DELETE FROM {table} WHERE stream IN ({keys})",
            f"INSERT INTO {table} ({self._state_names()}) VALUES {values}",
        ]

    def _state_records(self, rows: Sequence[StateRow]) -> list[dict[str, str | None]]:
        """State rows as the table holds them (text; the account's key under shared tables)."""
        return [{**r.as_text(), "stream": layout.state_key(self.share, r.stream)} for r in rows]

    def _literal(self, value: str | None) -> str:
        return "NULL" if value is None else self.sql(exp.Literal.string(value))

    def write_states(self, rows: Sequence[StateRow]) -> None:
        """A commit's state rows, in two statements whatever their number."""
        if not rows:
            return
        records, table = self._state_records(rows), self.qualified(STATE_TABLE)
        keys = ", ".join([self.marker] * len(records))
        row = "(" + ", ".join([self.marker] * len(STATE_COLUMNS)) + ")"
        self.execute(
            f"DELETE FROM {table} WHERE stream IN ({keys})", [r["stream"] for r in records]
        )
        self.execute(
            f"INSERT INTO {table} ({self._state_names()}) VALUES "
            + ", ".join([row] * len(records)),
            [r[c] for r in records for c in STATE_COLUMNS],
        )

    def read_state(self) -> dict[str, StateRow]:
        rows = self.execute(f"SELECT {self._state_names()} FROM {self.qualified(STATE_TABLE)}")
        found = {}
        for r in rows:
            key = layout.own_key(self.share, r[0])
            if key is not None:  # shared tables: the account's rows only
                found[key] = StateRow.from_record(
                    {**dict(zip(STATE_COLUMNS, r, strict=True)), "stream": key}
                )
        return found

    def append_runs(self, records: Sequence[RunRecord]) -> None:
        if not records:
            return
        text = sql_type("text", self.dialect)
        defs = [exp.ColumnDef(this=sqlbuild.ident(c), kind=text.copy()) for c in RUN_COLUMNS]
        table = sqlbuild.tbl(RUNS_TABLE, self.schema)
        create = exp.Create(
            this=exp.Schema(this=table, expressions=defs), kind="TABLE", exists=True
        )
        names = self.names(RUN_COLUMNS)
        row = "(" + ", ".join([self.marker] * len(RUN_COLUMNS)) + ")"
        texts = [{**r.as_text(), "stream": layout.state_key(self.share, r.stream)} for r in records]
        values = [t[c] for t in texts for c in RUN_COLUMNS]
        self.execute(self.sql(create))  # DDL outside: Snowflake commits around DDL anyway
        with self.transaction():
            self.execute(
                f"DELETE FROM {self.qualified(RUNS_TABLE)} WHERE finished_at < {self.marker}",
                [cutoff(records[0].finished_at)],
            )
            self.execute(
                f"INSERT INTO {self.qualified(RUNS_TABLE)} ({names}) VALUES "
                + ", ".join([row] * len(records)),
                values,
            )

    def read_runs(self) -> dict[str, RunRecord]:
        if self.existing_columns(RUNS_TABLE) is None:
            return {}
        names = self.names(RUN_COLUMNS)
        rows = self.execute(f"SELECT {names} FROM {self.qualified(RUNS_TABLE)}")
        records = (dict(zip(RUN_COLUMNS, r, strict=True)) for r in rows)
        own = ({**r, "stream": layout.own_key(self.share, str(r["stream"]))} for r in records)
        return latest(RunRecord.from_record(r) for r in own if r["stream"] is not None)

    def _state_names(self) -> str:
        return self.names(STATE_COLUMNS)

    def discard(self, streams: Sequence[Stream]) -> None:
        self.kept.difference_update(s.key for s in streams)
        self.run_staging(self.stage_drops(streams))

    def stage_drops(self, streams: Sequence[Stream]) -> list[str]:
        """The DROP of each stream's staging table."""
        return [
            self.sql(exp.Drop(tables=[self.stage_table(s)], kind="TABLE", exists=True))
            for s in streams
        ]

    def create_view(self, name: str, select: exp.Expression) -> None:
        """(Re)create a view in one transaction: dropped, then created, because Postgres's CREATE
        OR REPLACE VIEW cannot drop, rename or reorder columns (a custom field renamed)."""
        view = sqlbuild.tbl(name, self.schema)
        with self.transaction():
            self.execute(self.sql(exp.Drop(tables=[view], kind="VIEW", exists=True)))
            self.execute(self.sql(exp.Create(this=view.copy(), kind="VIEW", expression=select)))


@functools.lru_cache(maxsize=4096)
def _same_type(have: str, want_text: str, dialect: str) -> bool:
    """SqlDestination.matches, parsed once per pair: every account's prepare asks it of every
    column of every table."""
    want = exp.DataType.build(want_text, dialect=dialect)
    try:
        got = exp.DataType.build(have, dialect=dialect)
    except Exception:  # an exotic type name sqlglot cannot read: compare text
        return have.upper() == want.sql(dialect).upper()
    return got.this == want.this
