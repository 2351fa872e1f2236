"""DML built as sqlglot expressions (identifiers quoted by the same rule as DDL), shared by every
SQL destination: dedupe a staging table, merge it into a target, replace a target."""

from __future__ import annotations

from collections.abc import Sequence

from sqlglot import exp

from engine.load.ddl import ident

SEQ = "_acx_seq"


def col(name: str, table: str | None = None) -> exp.Column:
    return exp.Column(this=ident(name), table=ident(table) if table else None)


def tbl(name: str, schema: str | None = None, alias: str | None = None) -> exp.Table:
    t = exp.Table(this=ident(name), db=ident(schema) if schema else None)
    return exp.alias_(t, alias, table=True) if alias else t  # type: ignore[return-value]


def _superseded(stage: exp.Table, key: Sequence[str], s: str, d: str) -> exp.Exists:
    """Whether the row aliased `s` has a later staged row with the same key (a page read twice).
    The aggregate keeps only keys staged more than once, so a stage of millions of rows is
    scanned, not held: a window over every row (ROW_NUMBER) needs memory that grows with it."""
    top = "_acx_top"
    dups = (
        exp.select(*[col(k) for k in key], exp.alias_(exp.Max(this=col(SEQ)), top))
        .from_(stage.copy())
        .group_by(*[col(k) for k in key])
        .having(exp.GT(this=exp.Count(this=exp.Star()), expression=exp.Literal.number(1)))
    )
    cond = exp.and_(
        *[exp.EQ(this=col(k, d), expression=col(k, s)) for k in key],
        exp.LT(this=col(SEQ, s), expression=col(top, d)),
    )
    sub = exp.select(exp.Literal.number(1)).from_(dups.subquery(d)).where(cond)
    return exp.Exists(this=sub)


def deduped(
    stage: exp.Table, columns: Sequence[str], key: Sequence[str], s: str = "s", d: str = "d"
) -> exp.Select:
    """The stage's rows, the last one staged per key."""
    return (
        exp.select(*[col(c, s) for c in columns])
        .from_(exp.alias_(stage.copy(), s, table=True))
        .where(exp.Not(this=_superseded(stage, key, s, d)))
    )


def delete_superseded(
    stage: exp.Table, key: Sequence[str], s: str = "s", d: str = "d"
) -> exp.Delete:
    """DELETE the staged rows that a later staged row with the same key replaces: afterwards
    the stage holds one row per key, the last one staged."""
    target = exp.alias_(stage.copy(), s, table=True)
    return exp.delete(target, where=_superseded(stage, key, s, d))


def insert_all(target: exp.Table, stage: exp.Table, columns: Sequence[str]) -> exp.Insert:
    schema = exp.Schema(this=target.copy(), expressions=[ident(c) for c in columns])
    select = exp.select(*[col(c) for c in columns]).from_(stage.copy())
    return exp.Insert(this=schema, expression=select)


def delete_matching(
    target: exp.Table, stage: exp.Table, key: Sequence[str], t: str = "t", s: str = "s"
) -> exp.Delete:
    """DELETE target rows whose key is in the stage (EXISTS: portable across warehouses)."""
    cond = exp.and_(*[exp.EQ(this=col(k, s), expression=col(k, t)) for k in key])
    sub = (
        exp.select(exp.Literal.number(1)).from_(exp.alias_(stage.copy(), s, table=True)).where(cond)
    )
    return exp.delete(exp.alias_(target.copy(), t, table=True), where=exp.Exists(this=sub))


def delete_children(
    target: exp.Table,
    child_key: str,
    parent_stage: exp.Table,
    parent_col: str,
    where: exp.Condition | None = None,
) -> exp.Delete:
    """DELETE a child table's rows whose parent was read again in this run (and, given `where`,
    that match it: an account's rows of a shared table)."""
    sub = exp.select(col(parent_col)).from_(parent_stage)
    found: exp.Expression = exp.In(this=col(child_key), query=sub.subquery())
    return exp.delete(target, where=exp.and_(where, found) if where is not None else found)


def delete_all(target: exp.Table, where: exp.Condition | None = None) -> exp.Delete:
    """DELETE every row (given `where`, every row that matches it)."""
    return exp.delete(target, where=where)
