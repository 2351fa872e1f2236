"""Tables that keep every version of each row (`history: true`, a type-2 slowly changing
dimension): one row per version, `_acx_valid_from` .. `_acx_valid_to` (NULL while current),
`_acx_is_current`. A commit, in the same transaction as its state rows:
1. closes the current version of each staged key whose values changed (valid_to = the commit's
   moment);
2. inserts a new current version for each staged key without one (changed, new, or back after a
   deletion); an unchanged row writes nothing;
3. after a whole read, closes the current version of each key the read lacks, marking it
   deleted (`_acx_deleted_at`); a merged child's rows its re-read parent no longer lists, the
   same.
Nothing is ever removed, whatever `deletes` says: history is what the table is for."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlglot import exp

from engine.load.ddl import ident
from engine.load.sqlbuild import (
    aliased,
    col,
    deleted_parents,
    dropped_child,
    exists_in,
    keyed,
    missing,
    scoped,
)
from engine.load.system import DELETED_AT, IS_CURRENT, SYNCED_AT, VALID_FROM, VALID_TO


def _close(
    target: exp.Table,
    at: exp.Expression,
    where: exp.Condition,
    deleted: bool = False,
    own: exp.Condition | None = None,
) -> exp.Update:
    """UPDATE the current versions matching `where` (and `own`, of the rows aliased `t`: an
    account's rows of a shared table): ended `at` (and deleted then)."""
    sets: dict[str, Any] = {VALID_TO: at.copy(), IS_CURRENT: exp.false()}
    if deleted:
        sets[DELETED_AT] = at.copy()
    current = exp.and_(col(IS_CURRENT, "t"), where)
    return exp.update(aliased(target, "t"), sets, where=scoped(current, own))


def close_changed(
    target: exp.Table,
    stage: exp.Table,
    key: Sequence[str],
    columns: Sequence[str],
    at: exp.Expression,
) -> exp.Update:
    """End the current version of each staged key whose values differ (NULLs compare equal)."""
    same = exp.and_(*[exp.NullSafeEQ(this=col(c, "s"), expression=col(c, "t")) for c in columns])
    changed = exists_in(stage, key, "s", "t", exp.Not(this=exp.paren(same)))
    return _close(target, at, changed)


def insert_versions(
    target: exp.Table,
    stage: exp.Table,
    key: Sequence[str],
    columns: Sequence[str],
    at: exp.Expression,
) -> exp.Insert:
    """A new current version for each staged key that has none (after close_changed: every
    changed key, every new key, every key back after a deletion)."""
    names = [*columns, SYNCED_AT, DELETED_AT, VALID_FROM, VALID_TO, IS_CURRENT]
    null = exp.cast(exp.null(), at.args["to"].copy())
    values = [*[col(c, "s") for c in columns], at.copy(), null, at.copy(), null.copy(), exp.true()]
    current = (
        exp.select(exp.Literal.number(1))
        .from_(aliased(target, "t"))
        .where(exp.and_(keyed(key, "s", "t"), col(IS_CURRENT, "t")))
    )
    select = (
        exp.select(*values).from_(aliased(stage, "s")).where(exp.Not(this=exp.Exists(this=current)))
    )
    schema = exp.Schema(this=target.copy(), expressions=[ident(c) for c in names])
    return exp.Insert(this=schema, expression=select)


def close_missing(
    target: exp.Table,
    stage: exp.Table,
    key: Sequence[str],
    at: exp.Expression,
    own: exp.Condition | None = None,
) -> exp.Update:
    """After a whole read: end, as deleted, the current version of each key it lacks."""
    return _close(target, at, missing(stage, key), deleted=True, own=own)


def close_gone_children(
    target: exp.Table,
    stage: exp.Table,
    key: Sequence[str],
    child_key: str,
    parent_stage: exp.Table,
    parent_col: str,
    at: exp.Expression,
    own: exp.Condition | None = None,
) -> exp.Update:
    """A merged child's current versions whose parent was read again without them: ended, as
    deleted."""
    gone = dropped_child(stage, key, child_key, parent_stage, parent_col)
    return _close(target, at, gone, deleted=True, own=own)


def close_orphans(
    child: exp.Table,
    child_key: str,
    parent: exp.Table,
    parent_col: str,
    at: exp.Expression,
    own: Callable[[str], exp.Condition | None] = lambda alias: None,
) -> exp.Update:
    """A history child table's current versions whose parent row this commit marked deleted;
    `own` as sqlbuild.mark_orphans'."""
    parents = deleted_parents(parent, parent_col, at, own("p"))
    orphan = exp.In(this=col(child_key, "t"), query=parents)
    return _close(child, at, orphan, deleted=True, own=own("t"))
