"""History in the files destinations (engine/load/history.py, for a folder of files): a history
table's current file is one snapshot of every version of every key. A commit builds the next one
in DuckDB: the versions so far (that file; empty at first) go into a table of a scratch database
under the spill folder, the statements the SQL warehouses run (close_changed, insert_versions;
close_missing after a whole read; close_gone_children for a merged child) run against it and a
view of the deduplicated stage, and the caller writes the result out in key order as a new full
file. DuckDB spills past its memory limit, so a table of any size commits in bounded memory."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
from sqlglot import exp

from engine.errors import LoadError
from engine.load import history, sqlbuild
from engine.load.base import WHOLE_READ, Apply
from engine.load.ddl import create_table, render
from engine.load.system import (
    IS_CURRENT,
    SYNCED_AT,
    VALID_FROM,
    table_columns,
)
from engine.spec import Stream
from engine.spec.types import sql_type

SCRATCH = "acx_history"  # the scratch database's name in DuckDB
STAGE = "_acx_history_stage"  # views of the deduplicated stage, and of the parent's
PARENT = "_acx_history_parent"


def sql(expression: exp.Expression) -> str:
    return render([expression], "duckdb", pretty=False)[0]


def text(value: str) -> str:
    return sql(exp.Literal.string(value))


@dataclass(frozen=True)
class Held:
    """The versions so far: the table's current files (one full file once it keeps history),
    the columns they hold, and whether they are versions already (else: a table loaded without
    history, each row of which becomes its key's first version)."""

    files: tuple[Path, ...]
    columns: dict[str, str]  # name -> logical type, as the manifest lists them
    versions: bool


class Versions:
    """One history table's versions in DuckDB, for one commit."""

    def __init__(self, db: duckdb.DuckDBPyConnection, stream: Stream, scratch: Path) -> None:
        self.db, self.stream, self.scratch = db, stream, scratch
        self.table = sqlbuild.tbl(stream.name, SCRATCH)

    def __enter__(self) -> Versions:
        self.scratch.parent.mkdir(parents=True, exist_ok=True)
        self.db.execute(f"DETACH DATABASE IF EXISTS {SCRATCH}")  # an earlier commit that failed
        self._remove()
        self.db.execute(f"ATTACH {text(str(self.scratch))} AS {SCRATCH}")
        create = next(e for e in create_table(self.stream, "duckdb", SCRATCH) if _is_create(e))
        self.db.execute(sql(create))
        return self

    def __exit__(self, *exc: Any) -> None:
        self.db.execute(f"DETACH DATABASE IF EXISTS {SCRATCH}")
        self._remove()

    def _remove(self) -> None:
        for path in (self.scratch, self.scratch.with_name(self.scratch.name + ".wal")):
            path.unlink(missing_ok=True)

    def load(self, held: Held, jsonl: bool, at: exp.Expression) -> None:
        """The versions so far into the scratch table (a table without history: each row its
        key's first, current version, from when acx last wrote it)."""
        if not held.files:
            return
        wanted = {c.name: c.type for c in table_columns(self.stream)}
        names = [n for n in held.columns if n in wanted]
        files = "[" + ", ".join(text(str(p)) for p in held.files) + "]"
        if jsonl:  # typed as the table wants: JSON Lines holds text for timestamps and decimals
            types = ", ".join(
                f"{text(n)}: {text(_read_type(wanted[n]))}" for n in held.columns if n in wanted
            )
            source = f"read_json({files}, format = 'newline_delimited', columns = {{{types}}})"
        else:
            source = f"read_parquet({files}, union_by_name = true)"
        columns = [sql(sqlbuild.col(n)) for n in names]
        if not held.versions:
            began = exp.Coalesce(this=sqlbuild.col(SYNCED_AT), expressions=[at.copy()])
            columns += [sql(began) if SYNCED_AT in names else sql(at), "true"]
            names += [VALID_FROM, IS_CURRENT]
        into = ", ".join(sql(sqlbuild.col(n)) for n in names)
        self.db.execute(
            f"INSERT INTO {sql(self.table)} ({into}) SELECT {', '.join(columns)} FROM {source}"
        )

    def stage(self, path: Path | None, json_values: bool) -> exp.Table:
        """A view of the stage file's last row per key (`json_values`: json columns in DuckDB's
        compact text, as a JSON Lines file holds them once embedded); empty with no file."""
        columns = self.stream.columns
        view = sqlbuild.tbl(STAGE)
        if path is None:
            select = exp.select(
                *[
                    exp.alias_(exp.cast(exp.null(), sql_type(c.type, "duckdb")), c.name)
                    for c in columns
                ]
            ).where(exp.false())
        else:
            raw = f"read_parquet({text(str(path))})"
            self.db.execute(f"CREATE OR REPLACE TEMP VIEW {STAGE}_raw AS SELECT * FROM {raw}")
            key = [self.stream.column(k).name for k in self.stream.primary_key]
            kept = sqlbuild.deduped(sqlbuild.tbl(f"{STAGE}_raw"), [c.name for c in columns], key)
            select = exp.select(
                *[
                    exp.alias_(_compact(c.name), c.name)
                    if json_values and c.type == "json"
                    else sqlbuild.col(c.name)
                    for c in columns
                ]
            ).from_(kept.subquery("k"))
        self.db.execute(f"CREATE OR REPLACE TEMP VIEW {sql(view)} AS {sql(select)}")
        return view

    def parent(self, path: Path) -> exp.Table:
        """A view of the parent's stage file (the parent rows read again)."""
        view = sqlbuild.tbl(PARENT)
        self.db.execute(
            f"CREATE OR REPLACE TEMP VIEW {sql(view)} AS SELECT * FROM "
            f"read_parquet({text(str(path))})"
        )
        return view

    def apply(
        self, item: Apply, stage: exp.Table, parent: exp.Table | None, at: exp.Expression
    ) -> int:
        """Run the history statements; how many versions they closed or opened."""
        changed = 0
        for statement in statements(item, self.table, stage, parent, at):
            changed += sum(int(n) for (n,) in self.db.execute(sql(statement)).fetchall())
        return changed

    def export(self, path: Path) -> int:
        """The versions into a Parquet file (unsorted); how many."""
        self.db.execute(
            f"COPY {sql(self.table)} TO {text(str(path))} (FORMAT parquet, ROW_GROUP_SIZE 100000)"
        )
        return int(self.db.execute(f"SELECT count(*) FROM {sql(self.table)}").fetchall()[0][0])


def statements(
    item: Apply,
    target: exp.Table,
    stage: exp.Table,
    parent_stage: exp.Table | None,
    at: exp.Expression,
) -> list[exp.Expression]:
    """As SqlDestination.history_statements, for a folder: deleted rows are never kept there
    (Apply.soft is false), so no other table's rows are marked or restored."""
    s = item.stream
    key = [s.column(k).name for k in s.primary_key]
    columns = [c.name for c in s.columns]
    out: list[exp.Expression] = []
    if parent_stage is not None and item.parent_stage is not None and s.parent is not None:
        child_key = s.column(s.parent.key).name
        ref = item.parent_stage.column(s.parent.references).name
        out.append(
            history.close_gone_children(target, stage, key, child_key, parent_stage, ref, at)
        )
    out.append(history.close_changed(target, stage, key, columns, at))
    out.append(history.insert_versions(target, stage, key, columns, at))
    if item.mode in WHOLE_READ:
        out.append(history.close_missing(target, stage, key, at))
    return out


def refuse_history_off(where: str, stream: Stream, entry: dict[str, Any] | None) -> None:
    """A folder's table that keeps versions, now loaded without history, would have them merged
    over (as SqlDestination.prepare refuses)."""
    if entry and entry.get("history") and not stream.history:
        raise LoadError(
            f"{where}: table {stream.name} keeps every version of its rows (history), but the "
            "spec and config no longer ask for it",
            f"set history = true under [tables.{stream.key}] to go on, or load it into another "
            "folder to start without history",
        )


def held(where: str, root: Path, stream: Stream, entry: dict[str, Any] | None, mode: str) -> Held:
    """The files whose rows are the versions so far. A table loaded without history converts
    from its one current full file; one with increments too is read again whole."""
    current = [f for f in (entry or {}).get("files", []) if f["current"]]
    columns = {c["name"]: c["type"] for c in (entry or {}).get("columns", [])}
    versions = bool((entry or {}).get("history"))
    if not versions and (mode == "replace" and len(current) > 1):
        current = []  # the whole read replaces them: history starts from it
    if not versions and len(current) > 1:
        raise LoadError(
            f"{where}: table {stream.name} was loaded without history in increments, which cannot "
            "become versions in place",
            f"run with --full-refresh {stream.key}: history starts from that read",
        )
    return Held(tuple(root / f["path"] for f in current), columns, versions)


def _is_create(expression: exp.Expression) -> bool:
    return isinstance(expression, exp.Create)


def _compact(name: str) -> exp.Expression:
    """A json column's text as DuckDB writes JSON (compact)."""
    return exp.cast(exp.Anonymous(this="json", expressions=[sqlbuild.col(name)]), "VARCHAR")


def _read_type(logical: str) -> str:
    """The DuckDB type a JSON Lines value of a logical type is read as."""
    return "JSON" if logical == "json" else sql_type(logical, "duckdb").sql("duckdb")
