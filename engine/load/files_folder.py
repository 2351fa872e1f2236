"""The folder of a Parquet/JSONL destination (engine/load/files.py): where each table's file
lives, how a new one takes its place, where superseded files go, the lock and the temp files.

    DIR/contacts/contacts.parquet              a table's one current file (`.jsonl` for jsonl)
    DIR/_acx_superseded/contacts/<stamp>_<run>.parquet   the version it replaced, kept until the
                                               table's next commit (a hard link: no copy)
    DIR/.acx-*                                 this run's temp files (stages, new files, spill)

A table's folder holds its current file and nothing else, because readers take all of it:
DuckDB's `read_parquet('DIR/contacts/*.parquet')` matches dot-files and `_`-files too (DuckDB
2.0 skips neither), and `read_parquet('DIR/contacts')` reads every file below the folder. A new
file replaces the current one with one `os.replace` onto the same name, so a reader sees the old
rows or the new, never both and never neither."""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path
from typing import IO, Any

from engine.errors import LoadError

TEMP = ".acx-"  # this run's temp files, under DIR itself (a rename never crosses a disk)
LOCK_FILE = "_acx.lock"
SUPERSEDED = "_acx_superseded"


def current_file(root: Path, table: str, suffix: str) -> Path:
    """Where a table's rows are: the one file its folder holds."""
    return root / table / f"{table}{suffix}"


def superseded_folder(root: Path, table: str) -> Path:
    return root / SUPERSEDED / table


def visible_files(folder: Path, suffix: str) -> list[Path]:
    """The files a glob of `folder/*<suffix>` reads."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.name.endswith(suffix) and p.is_file())


def keep_aside(path: Path, aside: Path) -> bool:
    """A hard link of `path` at `aside` (the version a commit is about to replace); False where
    the file system has no hard links (the old version is then not kept)."""
    aside.parent.mkdir(parents=True, exist_ok=True)
    aside.unlink(missing_ok=True)
    try:
        os.link(path, aside)
    except OSError:
        return False
    return True


def move_aside(path: Path, aside: Path) -> None:
    """Out of the table's folder, so that its glob no longer reads it."""
    aside.parent.mkdir(parents=True, exist_ok=True)
    os.replace(path, aside)


def prune(folder: Path, keep: set[str]) -> None:
    """Remove the superseded files of a table but those the manifest still lists."""
    if not folder.is_dir():
        return
    for path in folder.iterdir():
        if path.name not in keep:
            path.unlink(missing_ok=True)


def write_json(path: Path, data: Any) -> None:
    """Replace `path` atomically: a reader sees the old content or the new, never a mix."""
    temp = path.with_name(f"{TEMP}{path.name}")
    temp.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    sync(temp)
    os.replace(temp, path)
    sync(path.parent)


def sync(path: Path) -> None:
    """Flush a file or folder to disk, so a rename never publishes data still in the cache."""
    if os.name != "posix":  # Windows cannot fsync a folder; NTFS journals the rename
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_temps(folder: Path) -> None:
    for path in folder.glob(f"{TEMP}*"):
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)


def lock_folder(path: Path, where: str) -> IO[str] | None:
    """Hold an exclusive lock on the folder for the run (released when the process ends)."""
    if sys.platform == "win32":  # no flock; runs on one folder must not overlap
        return None
    import fcntl

    handle = path.open("a")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        raise LoadError(
            f"{where} is in use by another process (another acx run?)",
            "wait for it to finish; runs on one destination never interleave",
        ) from None
    return handle
