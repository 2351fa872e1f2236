"""`_acx_manifest.json` and `_acx_state.json` of a Parquet/JSONL folder (engine/load/files.py).

The manifest describes the folder for people and tools (paths relative to the folder):

    {"acx_manifest": 2, "format": "parquet", "updated_at": "...",
     "tables": {"contacts": {"stream": "contacts", "title": ..., "description": ...,
       "primary_key": ["id"], "columns": [{"name": "id", "type": "integer", "description": ...}],
       "files": [{"path": "_acx_superseded/contacts/20261101T120000Z_0f3a9c1e2b4d.parquet",
                  "current": false, ...},
                 {"path": "contacts/contacts.parquet", "run_id": ..., "mode": "full",
                  "rows": 2000, "savepoint": "2026-10-31T...+00:00", "format": 2,
                  "timezone": "America/New_York", "written_at": "...", "current": true}]}}}

Every table has one current file, a full snapshot of its rows (deleted ones marked, history
tables every version); the file it replaced stays listed, not current, until the table's next
commit. A file's `format` is the state's value format (engine.load.state.FORMAT) and its
`timezone` the zone zone-less API values were read in. An earlier acx (manifest 1) kept a file
per run in the table's folder: a full file, then increments applied on the primary key; the
first commit of a table compacts them into its current file and moves them aside."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from engine.errors import ConfigError, StateError
from engine.load.files_write import file_columns
from engine.spec import Stream

MANIFEST = "_acx_manifest.json"
STATE_FILE = "_acx_state.json"
RUNS_FILE = "_acx_runs.jsonl"  # the run log (engine/load/runlog.py)
MANIFEST_VERSION = 2


def read_json(path: Path) -> dict[str, Any] | None:
    """A JSON object file of the folder; None when missing."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise StateError(
            f"{path} cannot be read: {exc}",
            "restore it from a backup, or empty the folder and run again",
        ) from None
    if not isinstance(data, dict):
        raise StateError(f"{path} is not a JSON object", "restore it or empty the folder")
    return data


def read_manifest(root: Path, kind: str) -> dict[str, Any]:
    manifest = read_json(root / MANIFEST) or {
        "acx_manifest": MANIFEST_VERSION,
        "format": kind,
        "tables": {},
    }
    if manifest.get("format") != kind:
        raise ConfigError(
            f"{root} holds {manifest.get('format')} files, not {kind}",
            "give each format its own folder",
        )
    return manifest


def table_entry(stream: Stream, files: list[dict[str, Any]]) -> dict[str, Any]:
    """A table's manifest entry: what the spec says now, and its files."""
    return {
        "stream": stream.key,
        "title": stream.title,
        "description": stream.description,
        "primary_key": [stream.column(k).name for k in stream.primary_key],
        "columns": [
            {"name": c.name, "type": c.type, "description": c.description}
            for c in file_columns(stream)  # as the files hold them
        ],
        **({"history": True} if stream.history else {}),  # every version of each row
        "files": files,
    }


def current_entries(entry: dict[str, Any] | None) -> list[dict[str, Any]]:
    return [f for f in (entry or {}).get("files", []) if f.get("current")]
