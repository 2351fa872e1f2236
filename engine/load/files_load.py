"""A table's rows as its folder holds them, into the Parquet/JSONL destination's scratch DuckDB
table (engine/load/files.py), where the SQL warehouses' own statements then merge the stage,
mark rows deleted and close history versions.

The rows are the table's current file; in a folder an earlier acx wrote (manifest 1), its
current files in order: the latest full file, then each increment applied on the primary key
(an increment of a side-loaded child first deletes the rows of every parent its run read again).
A table loaded without history and now asked to keep it gets each row as its key's first,
current version, from when acx last wrote it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
from sqlglot import exp

from engine.errors import LoadError
from engine.load import sqlbuild
from engine.load.duckdb import DuckDBDestination
from engine.load.files_folder import current_file
from engine.load.files_manifest import current_entries
from engine.load.system import IS_CURRENT, SYNCED_AT, VALID_FROM, table_columns
from engine.spec import Stream
from engine.spec.types import sql_type

PART = "_acx_part"  # views of the file being loaded, and of a parent's file
PARENT = "_acx_part_parent"


@dataclass(frozen=True)
class Part:
    """One file of a table's current rows."""

    path: Path
    full: bool = True  # else an increment, applied on the primary key
    # an increment of a side-loaded child: first delete the rows whose column `key` is among
    # the `references` values of the parent's file of the same run (path, key, references)
    replaces: tuple[Path, str, str] | None = None


def parts_of(root: Path, stream: Stream, suffix: str, tables: dict[str, Any]) -> list[Part]:
    """The files that hold the table's rows now, in the order they apply."""
    fixed = current_file(root, stream.name, suffix)
    if fixed.is_file():
        return [Part(fixed)]
    out = []
    for f in current_entries(tables.get(stream.name)):
        link, replaces = f.get("replaces_children_of"), None
        if link:
            parents = (tables.get(link["table"]) or {}).get("files", [])
            same = [p for p in parents if p.get("run_id") == f.get("run_id")]
            if same and (root / same[-1]["path"]).is_file():
                replaces = (root / same[-1]["path"], link["key"], link["references"])
        out.append(Part(root / f["path"], f.get("mode") == "full", replaces))
    return out


def load(
    work: DuckDBDestination, stream: Stream, parts: list[Part], jsonl: bool
) -> tuple[int, bool]:
    """The rows of `parts` into the stream's scratch table (emptied first): how many, and
    whether they became first versions (a table gaining history)."""
    converted = False
    target = work.sql(work.target(stream))
    work.execute(f"DELETE FROM {target}")
    key = [stream.column(k).name for k in stream.primary_key]
    for part in parts:
        names = _view(work, PART, part.path, jsonl, stream)
        if part.full:
            work.execute(f"DELETE FROM {target}")
        else:
            work.execute(work.sql(sqlbuild.delete_matching(work.target(stream), _tbl(PART), key)))
        if part.replaces is not None:
            path, child_key, ref = part.replaces
            _view(work, PARENT, path, jsonl, None)
            work.execute(
                f"DELETE FROM {target} WHERE {_q(work, child_key)} IN "
                f"(SELECT {_q(work, ref)} FROM {PARENT})"
            )
        if not names:
            continue
        columns = [_q(work, n) for n in names]
        into = list(columns)
        if stream.history and IS_CURRENT not in names:  # each row its key's first version
            converted = True
            began = f"coalesce({_q(work, SYNCED_AT)}, {work.sql(work.moment())})"
            columns += [began if SYNCED_AT in names else work.sql(work.moment()), "true"]
            into += [_q(work, VALID_FROM), _q(work, IS_CURRENT)]
        work.execute(
            f"INSERT INTO {target} ({', '.join(into)}) SELECT {', '.join(columns)} FROM {PART}"
        )
    return int(work.execute(f"SELECT count(*) FROM {target}")[0][0]), converted


def _view(
    work: DuckDBDestination, view: str, path: Path, jsonl: bool, stream: Stream | None
) -> list[str]:
    """A temp view of a file's rows; the columns of the stream's table it holds (every column
    with no stream)."""
    have = _columns_in(path, jsonl)
    wanted = {c.name: c.type for c in table_columns(stream)} if stream else None
    names = [n for n in have if wanted is None or n in wanted]
    file = work.sql(exp.Literal.string(str(path)))
    if not jsonl:
        source = f"read_parquet({file})"
    elif wanted is None:  # a parent's file: its values as JSON gives them
        source = f"read_json_auto({file}, format = 'newline_delimited')"
    elif names:  # typed as the table wants: JSON Lines holds text for timestamps and decimals
        types = ", ".join(f"{_text(work, n)}: {_text(work, _read_type(wanted[n]))}" for n in names)
        source = f"read_json({file}, format = 'newline_delimited', columns = {{{types}}})"
    else:  # an empty file
        source = "(SELECT 1 WHERE false)"
    work.execute(f"CREATE OR REPLACE TEMP VIEW {view} AS SELECT * FROM {source}")
    return names


def _columns_in(path: Path, jsonl: bool) -> list[str]:
    """The columns a file holds (a JSON Lines file: its first line's; none when empty)."""
    try:
        if not jsonl:
            return list(pq.read_schema(path).names)
        with path.open(encoding="utf-8") as fh:
            first = fh.readline()
        return list(json.loads(first)) if first.strip() else []
    except (OSError, ValueError) as exc:
        raise LoadError(f"cannot read {path}: {exc}") from None


def _read_type(logical: str) -> str:
    """The DuckDB type a JSON Lines value of a logical type is read as."""
    return "JSON" if logical == "json" else sql_type(logical, "duckdb").sql("duckdb")


def _q(work: DuckDBDestination, name: str) -> str:
    return work.sql(sqlbuild.col(name))


def _text(work: DuckDBDestination, value: str) -> str:
    return work.sql(exp.Literal.string(value))


def _tbl(name: str) -> exp.Table:
    return sqlbuild.tbl(name)


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
