"""The Delta destination's scratch DuckDB (engine/load/delta.py): it reads the stages (temp
Parquet files) and the Delta tables (through deltalake's Arrow dataset, columns pushed down) and
answers, as Arrow streams, the sources of the merges: the stage deduplicated on the key, the rows
a read shows gone, the child rows a parent's deletion marks or its return clears. The queries
are the SQL warehouses' own (engine/load/sqlbuild.py), built with sqlglot."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from datetime import datetime
from pathlib import Path

import duckdb
import pyarrow as pa
from sqlglot import exp

from engine.load import sqlbuild
from engine.load.ddl import render
from engine.load.duckdb import Memory
from engine.load.system import DELETED_AT, SYNCED_AT
from engine.spec import Stream

OP = "_acx_op"  # a source row's action: UPSERT (a staged row) or GONE (mark or delete a row)
UPSERT, GONE = "u", "g"
READ_ROWS = 10_000  # rows per Arrow batch handed to a commit (a few MB of wide rows)


def sql(expression: exp.Expr) -> str:
    return render([expression], "duckdb", pretty=False)[0]  # type: ignore[list-item]


def literal_time(at: datetime) -> exp.Expression:
    return exp.cast(exp.Literal.string(at.isoformat()), exp.DataType.build("TIMESTAMPTZ"))


def typed(reader: pa.RecordBatchReader, schema: pa.Schema) -> pa.RecordBatchReader:
    """The batches cast to `schema` (DuckDB's NULL columns, string views, its time zone)."""

    def batches() -> Iterator[pa.RecordBatch]:
        for batch in reader:
            yield from pa.Table.from_batches([batch]).select(schema.names).cast(schema).to_batches()

    return pa.RecordBatchReader.from_batches(schema, batches())


class Scratch:
    """An in-memory DuckDB that spills under the destination's scratch folder."""

    def __init__(self, memory: Memory) -> None:
        self.memory = memory
        self.con = duckdb.connect(":memory:")
        memory.apply(self.con)
        self.con.execute("SET TimeZone = 'UTC'")
        self.views: set[str] = set()
        self.open: list[pa.RecordBatchReader] = []  # results DuckDB holds until closed

    def finish(self) -> None:
        """Close the readers handed out: DuckDB runs nothing else on a connection while a
        result is open (a merge may stop reading before the end)."""
        for reader in self.open:
            reader.close()
        self.open.clear()

    def close(self) -> None:
        self.con.close()

    def view_of_stage(self, name: str, path: Path | None, schema: pa.Schema) -> exp.Table:
        """A view of a stage file (an empty table when nothing was staged)."""
        if path is None:
            self.con.register(name, schema.empty_table())
        else:
            quoted = sql(exp.Literal.string(str(path)))
            self.con.execute(
                f"CREATE OR REPLACE TEMP VIEW {sql(sqlbuild.tbl(name))} AS "
                f"SELECT * FROM read_parquet({quoted})"
            )
        self.views.add(name)
        return sqlbuild.tbl(name)

    def view_of_dataset(self, name: str, dataset: object) -> exp.Table:
        """A view of a Delta table's current version (a pyarrow dataset: scanned lazily)."""
        self.con.register(name, dataset)
        self.views.add(name)
        return sqlbuild.tbl(name)

    def drop_views(self) -> None:
        self.finish()
        for name in self.views:
            with contextlib.suppress(duckdb.Error):
                self.con.unregister(name)
            self.con.execute(f"DROP VIEW IF EXISTS {sql(sqlbuild.tbl(name))}")
        self.views.clear()

    def reader(self, query: exp.Expression, schema: pa.Schema) -> pa.RecordBatchReader:
        self.finish()
        relation = self.con.sql(sql(query))
        read = getattr(relation, "to_arrow_reader", None) or relation.fetch_arrow_reader
        self.open.append(read(READ_ROWS))
        return typed(self.open[-1], schema)

    def rows(self, query: exp.Expression) -> int:
        self.finish()
        found = self.con.execute(f"SELECT count(*) FROM ({sql(query)}) AS q").fetchall()
        return int(found[0][0]) if found else 0


def upserts(
    stream: Stream, stage: exp.Table, columns: Sequence[str], at: datetime, unique: bool = False
) -> exp.Select:
    """The stage's last row per key, as the table's `columns` (spec columns from the stage,
    written `at`, not deleted; a column the spec dropped: NULL), flagged UPSERT. `unique`: the
    stage holds each key once (Staging.unique), so its rows go as they are, streamed: the
    dedupe's aggregate over every key (up to the scratch DuckDB's memory limit, ~100 MB for a
    million rows) is not needed."""
    key = [stream.column(k).name for k in stream.primary_key]
    spec = {c.name for c in stream.columns}
    names = [c.name for c in stream.columns]
    if unique:
        kept = exp.select(*[sqlbuild.col(c) for c in names]).from_(stage.copy())
    else:
        kept = sqlbuild.deduped(stage, names, key)
    values: list[exp.Expr] = []
    for name in columns:
        if name in spec:
            value: exp.Expression = sqlbuild.col(name)
        elif name == SYNCED_AT:
            value = literal_time(at)
        else:  # _acx_deleted_at, and a column the spec no longer has
            value = exp.null()
        values.append(exp.alias_(value, name, quoted=True))
    values.append(exp.alias_(exp.Literal.string(UPSERT), OP))
    return exp.select(*values).from_(kept.subquery("s"))


def gone_children(
    stream: Stream,
    target: exp.Table,
    stage: exp.Table,
    parent: Stream,
    parent_stage: exp.Table,
    columns: Sequence[str],
    at: datetime,
    soft: bool,
    own: exp.Condition | None,
) -> exp.Select:
    """A merged child's rows (aliased t) whose parent was read again without them, as GONE
    source rows deleted `at` (sqlbuild.gone_children's rows)."""
    assert stream.parent is not None
    key = [stream.column(k).name for k in stream.primary_key]
    gone = sqlbuild.dropped_child(
        stage,
        key,
        stream.column(stream.parent.key).name,
        parent_stage,
        parent.column(stream.parent.references).name,
    )
    if soft:
        gone = exp.and_(gone, exp.Is(this=sqlbuild.col(DELETED_AT, "t"), expression=exp.null()))
    values = [
        exp.alias_(
            sqlbuild.col(name, "t")
            if name in key
            else literal_time(at)
            if name == DELETED_AT
            else exp.null(),
            name,
            quoted=True,
        )
        for name in columns
    ]
    values.append(exp.alias_(exp.Literal.string(GONE), OP))
    where = sqlbuild.scoped(gone, own)
    return exp.select(*values).from_(sqlbuild.aliased(target, "t")).where(where)


def orphans(
    child: exp.Table,
    child_key: Sequence[str],
    parent_col: str,
    ref: str,
    parent: exp.Table,
    own: exp.Condition | None,
    restore: exp.Table | None,
    parent_key: Sequence[str],
) -> exp.Select:
    """Keys of a child table's rows (aliased c) to mark or clear for their parent (aliased p):

    - restore None: live child rows whose parent row is marked deleted, and was marked after
      the child row was written; the mark each gets is its parent's moment (as mark_orphans
      does in one transaction; a re-run after a crash between the tables finds what is left).
    - restore a parent's stage: marked child rows whose parent row is marked at the same moment
      and is written again by this commit (in the stage): their marks clear (restore_orphans)."""
    link = exp.EQ(this=sqlbuild.col(ref, "p"), expression=sqlbuild.col(parent_col, "c"))
    p_deleted, c_deleted = sqlbuild.col(DELETED_AT, "p"), sqlbuild.col(DELETED_AT, "c")
    if restore is None:
        cond = exp.and_(
            link,
            exp.Is(this=c_deleted.copy(), expression=exp.null()),
            exp.Not(this=exp.Is(this=p_deleted.copy(), expression=exp.null())),
            exp.LTE(this=sqlbuild.col(SYNCED_AT, "c"), expression=p_deleted.copy()),
        )
        mark: exp.Expression = p_deleted
    else:
        cond = exp.and_(
            link,
            exp.EQ(this=p_deleted.copy(), expression=c_deleted.copy()),
            sqlbuild.exists_in(restore, parent_key, "s", "p"),
        )
        mark = exp.cast(exp.null(), exp.DataType.build("TIMESTAMPTZ"))
    if own is not None:
        cond = exp.and_(cond, own)
    values = [exp.alias_(sqlbuild.col(k, "c"), k, quoted=True) for k in child_key]
    values.append(exp.alias_(mark, DELETED_AT, quoted=True))
    return (
        exp.select(*values)
        .distinct()
        .from_(sqlbuild.aliased(child, "c"))
        .join(sqlbuild.aliased(parent, "p"), on=cond)
    )
