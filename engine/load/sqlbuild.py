"""DML built as sqlglot expressions (identifiers quoted by the same rule as DDL), shared by every
SQL destination: dedupe a staging table, merge it into a target, replace a target.

Builders run with copy=False where the tree being built is this module's own, new one: by
default each sqlglot builder step copies the whole tree so far, which made building a commit's
statements cost ten times rendering them. Anything a caller passes in is copied first."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sqlglot import exp

from engine.load.ddl import ident
from engine.load.system import DELETED_AT, SYNCED_AT

SEQ = "_acx_seq"


def col(name: str, table: str | None = None) -> exp.Column:
    return exp.Column(this=ident(name), table=ident(table) if table else None)


def tbl(name: str, schema: str | None = None, alias: str | None = None) -> exp.Table:
    t = exp.Table(this=ident(name), db=ident(schema) if schema else None)
    return exp.alias_(t, alias, table=True) if alias else t  # type: ignore[return-value]


def aliased(table: exp.Table, alias: str) -> exp.Table:
    return exp.alias_(table.copy(), alias, table=True)  # type: ignore[return-value]


def _superseded(stage: exp.Table, key: Sequence[str], s: str, d: str) -> exp.Exists:
    """Whether the row aliased `s` has a later staged row with the same key (a page read twice).
    The aggregate keeps only keys staged more than once, so a stage of millions of rows is
    scanned, not held: a window over every row (ROW_NUMBER) needs memory that grows with it."""
    top = "_acx_top"
    dups = (
        exp.select(*[col(k) for k in key], exp.alias_(exp.Max(this=col(SEQ)), top), copy=False)
        .from_(stage.copy(), copy=False)
        .group_by(*[col(k) for k in key], copy=False)
        .having(
            exp.GT(this=exp.Count(this=exp.Star()), expression=exp.Literal.number(1)), copy=False
        )
    )
    cond = exp.and_(
        *[exp.EQ(this=col(k, d), expression=col(k, s)) for k in key],
        exp.LT(this=col(SEQ, s), expression=col(top, d)),
        copy=False,
    )
    sub = (
        exp.select(exp.Literal.number(1), copy=False)
        .from_(dups.subquery(d, copy=False), copy=False)
        .where(cond, copy=False)
    )
    return exp.Exists(this=sub)


def deduped(
    stage: exp.Table, columns: Sequence[str], key: Sequence[str], s: str = "s", d: str = "d"
) -> exp.Select:
    """The stage's rows, the last one staged per key."""
    return (
        exp.select(*[col(c, s) for c in columns], copy=False)
        .from_(exp.alias_(stage.copy(), s, table=True, copy=False), copy=False)
        .where(exp.Not(this=_superseded(stage, key, s, d)), copy=False)
    )


def delete_superseded(
    stage: exp.Table, key: Sequence[str], s: str = "s", d: str = "d"
) -> exp.Delete:
    """DELETE the staged rows that a later staged row with the same key replaces: afterwards
    the stage holds one row per key, the last one staged."""
    target = exp.alias_(stage.copy(), s, table=True)
    return exp.delete(target, where=_superseded(stage, key, s, d))


def insert_all(
    target: exp.Table, stage: exp.Table, columns: Sequence[str], at: exp.Expression
) -> exp.Insert:
    """INSERT the stage's rows, written `at` and not deleted (engine/load/system.py)."""
    names = [*columns, SYNCED_AT, DELETED_AT]
    schema = exp.Schema(this=target.copy(), expressions=[ident(c) for c in names])
    values = [*[col(c) for c in columns], at.copy(), exp.cast(exp.null(), at.args["to"].copy())]
    select = exp.select(*values, copy=False).from_(stage.copy(), copy=False)
    return exp.Insert(this=schema, expression=select)


def keyed(key: Sequence[str], s: str, t: str) -> exp.Condition:
    """The rows aliased `s` and `t` have the same key."""
    return exp.and_(*[exp.EQ(this=col(k, s), expression=col(k, t)) for k in key], copy=False)


def exists_in(
    stage: exp.Table, key: Sequence[str], s: str, t: str, also: exp.Expression | None = None
) -> exp.Exists:
    """The stage (aliased `s`) holds the key of the row aliased `t` (and `also` holds)."""
    where = keyed(key, s, t) if also is None else exp.and_(keyed(key, s, t), also)
    found = exp.select(exp.Literal.number(1), copy=False).from_(aliased(stage, s), copy=False)
    return exp.Exists(this=found.where(where, copy=False))


def missing(stage: exp.Table, key: Sequence[str], t: str = "t", s: str = "s") -> exp.Condition:
    """The row aliased `t` has a key the stage (a whole read) lacks."""
    return exp.Not(this=exists_in(stage, key, s, t))


def dropped_child(
    stage: exp.Table,
    key: Sequence[str],
    child_key: str,
    parent_stage: exp.Table,
    parent_col: str,
    t: str = "t",
    s: str = "s",
) -> exp.Condition:
    """The child row aliased `t` belongs to a parent read again (in the parent's stage) that no
    longer lists it (it is not in the child's stage)."""
    parents = exp.select(col(parent_col)).from_(parent_stage.copy())
    read_again = exp.In(this=col(child_key, t), query=parents.subquery())
    return exp.and_(read_again, missing(stage, key, t, s))


def deleted_parents(
    parent: exp.Table, parent_col: str, at: exp.Expression, own: exp.Condition | None = None
) -> exp.Subquery:
    """The `parent_col` values of the parent rows (`own`: of those aliased `p` it matches) this
    commit marked deleted (at `at`)."""
    marked = exp.EQ(this=col(DELETED_AT, "p"), expression=at.copy())
    gone = exp.select(col(parent_col, "p")).from_(aliased(parent, "p")).where(scoped(marked, own))
    return gone.subquery()


def _live(t: str) -> exp.Expression:
    return exp.Is(this=col(DELETED_AT, t), expression=exp.null())


def _mark(target: exp.Table, t: str, at: exp.Expression, where: exp.Condition) -> exp.Update:
    """UPDATE the target's live rows matching `where`: deleted `at`."""
    return exp.update(
        aliased(target, t),
        {DELETED_AT: at.copy()},
        where=exp.and_(_live(t), where),
    )


def scoped(condition: exp.Condition, own: exp.Condition | None) -> exp.Condition:
    """`condition`, and `own` when given (the account's rows of a shared table)."""
    return condition if own is None else exp.and_(own, condition)


def _gone(
    target: exp.Table,
    at: exp.Expression,
    gone: exp.Condition,
    hard: bool,
    own: exp.Condition | None,
) -> exp.Expression:
    where = scoped(gone, own)
    return exp.delete(aliased(target, "t"), where=where) if hard else _mark(target, "t", at, where)


def mark_missing(
    target: exp.Table,
    stage: exp.Table,
    key: Sequence[str],
    at: exp.Expression,
    hard: bool = False,
    own: exp.Condition | None = None,
) -> exp.Expression:
    """The target's rows (`own`: of them, those aliased `t` it matches) whose key the stage (a
    whole read) lacks: marked deleted `at`, or DELETEd when `hard`."""
    return _gone(target, at, missing(stage, key), hard, own)


def gone_children(
    target: exp.Table,
    stage: exp.Table,
    key: Sequence[str],
    child_key: str,
    parent_stage: exp.Table,
    parent_col: str,
    at: exp.Expression,
    hard: bool = False,
    own: exp.Condition | None = None,
) -> exp.Expression:
    """A child table's rows whose parent was read again without them (dropped_child): marked
    deleted `at`, or DELETEd when `hard`."""
    gone = dropped_child(stage, key, child_key, parent_stage, parent_col)
    return _gone(target, at, gone, hard, own)


def mark_orphans(
    child: exp.Table,
    child_key: str,
    parent: exp.Table,
    parent_col: str,
    at: exp.Expression,
    own: Callable[[str], exp.Condition | None] = lambda alias: None,
) -> exp.Update:
    """A child table's live rows whose parent row this commit marked deleted (at `at`); `own`
    gives, for a table alias, the condition that keeps an account's rows of shared tables."""
    parents = deleted_parents(parent, parent_col, at, own("p"))
    return _mark(child, "c", at, scoped(exp.In(this=col(child_key, "c"), query=parents), own("c")))


def restore_orphans(
    child: exp.Table,
    child_key: str,
    parent: exp.Table,
    parent_stage: exp.Table,
    key: Sequence[str],
    parent_col: str,
    own: Callable[[str], exp.Condition | None] = lambda alias: None,
) -> exp.Update:
    """Clear the marks a parent's deletion put on a child table's rows, for the parent rows
    marked deleted that this commit writes again (they are in its stage): a child row marked
    at the same moment as its parent was marked with it. `own` as mark_orphans'."""
    same = exp.and_(
        exp.EQ(this=col(parent_col, "p"), expression=col(child_key, "c")),
        exp.EQ(this=col(DELETED_AT, "p"), expression=col(DELETED_AT, "c")),
        exists_in(parent_stage, key, "s", "p"),
    )
    back = (
        exp.select(exp.Literal.number(1)).from_(aliased(parent, "p")).where(scoped(same, own("p")))
    )
    return exp.update(
        aliased(child, "c"),
        {DELETED_AT: exp.null()},
        where=scoped(exp.and_(exp.Not(this=_live("c")), exp.Exists(this=back)), own("c")),
    )


def delete_matching(
    target: exp.Table, stage: exp.Table, key: Sequence[str], t: str = "t", s: str = "s"
) -> exp.Delete:
    """DELETE target rows whose key is in the stage (EXISTS: portable across warehouses)."""
    return exp.delete(aliased(target, t), where=exists_in(stage, key, s, t))


def delete_all(target: exp.Table, where: exp.Condition | None = None) -> exp.Delete:
    """DELETE every row (given `where`, every row that matches it)."""
    return exp.delete(target, where=where)
