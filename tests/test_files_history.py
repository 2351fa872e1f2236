"""History in the files destinations (engine/load/files_history.py): a history table's current
file holds every version, with the columns and meaning of the SQL warehouses' (tests/
test_history.py). After runs with changes, each changed key has one version per change, chained
without gaps, one current version per live key, the deleted key's last version closed and
marked; a run that changes nothing writes no file; turning history off is refused."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tests.runhelp import env_for, run

pytestmark = pytest.mark.slow  # whole runs against the sandbox
KEY = "files-history-key"
HISTORY = "[tables.contacts]\nhistory = true\nreconcile_days = 0\n"
COLUMNS = ("id", "udate", "_acx_valid_from", "_acx_valid_to", "_acx_is_current", "_acx_deleted_at")


@pytest.fixture
def sandbox():
    from sandbox import Sandbox

    with Sandbox(contacts=60, api_key=KEY, rate_limit=0) as sb:
        yield sb


def current_files(folder: Path, table: str = "contacts") -> list[dict[str, Any]]:
    manifest = json.loads((folder / "_acx_manifest.json").read_text(encoding="utf-8"))
    return [f for f in manifest["tables"][table]["files"] if f["current"]]


def versions(folder: Path, kind: str) -> tuple[dict[int, list[tuple]], list[tuple]]:
    """id -> its versions (udate, valid_from, valid_to, is_current, deleted_at), oldest first,
    from the manifest's one current file; and the rows' keys in file order."""
    [file] = current_files(folder)
    assert file["mode"] == "full"
    path = folder / file["path"]
    with duckdb.connect() as con:
        con.execute("SET TimeZone = 'UTC'")
        source = "read_parquet" if kind == "parquet" else "read_json_auto"
        cols = ", ".join(COLUMNS)
        rows = con.execute(f"SELECT {cols} FROM {source}('{path}')").fetchall()
    out: dict[int, list[tuple]] = defaultdict(list)
    for key, *rest in rows:
        out[int(key)].append(tuple(rest))
    order = [(int(r[0]), str(r[2])) for r in rows]
    return {k: sorted(v, key=lambda r: r[1]) for k, v in out.items()}, order


def sync(sb, dest: str, config: Path) -> list[str]:
    env = env_for(sb.url, KEY)
    code, lines = run(sb.url, KEY, dest, env=env, config_path=str(config), tables=["contacts"])
    assert code == 0, lines
    return lines


@pytest.mark.parametrize("kind", ["parquet", "jsonl"])
def test_three_runs_with_changes_keep_every_version(sandbox, tmp_path: Path, kind: str) -> None:
    folder = tmp_path / "out"
    dest = f"{kind}:{folder}"
    config = tmp_path / "acx.toml"
    config.write_text(HISTORY)
    sync(sandbox, dest, config)
    ids = sorted(versions(folder, kind)[0])
    twice, once, gone = ids[0], ids[1], ids[2]
    sandbox.mutate("contacts", update=[twice, once])
    sync(sandbox, dest, config)
    sandbox.mutate("contacts", update=[twice], delete=[gone])
    sync(sandbox, dest, config)

    table, order = versions(folder, kind)
    assert order == sorted(order)  # by key, then the version's start
    assert len(table[twice]) == 3 and len(table[once]) == 2
    for key in (twice, once):
        chain = table[key]
        assert [v[3] for v in chain] == [False] * (len(chain) - 1) + [True]
        assert all(a[2] == b[1] for a, b in zip(chain, chain[1:], strict=False))  # no gap
        assert chain[-1][2] is None and len({v[0] for v in chain}) == len(chain)  # udate moved
        assert all(v[4] is None for v in chain)
    [last] = table[gone]
    assert last[3] is False and last[2] is not None and last[4] == last[2]  # closed, deleted
    untouched = [k for k in ids if k not in (twice, once, gone)]
    assert all(len(table[k]) == 1 and table[k][0][3] for k in untouched)
    assert all(sum(1 for v in table[k] if v[3]) == (k != gone) for k in table)

    entry = json.loads((folder / "_acx_manifest.json").read_text())["tables"]["contacts"]
    assert entry["history"] is True
    names = [c["name"] for c in entry["columns"]]
    assert names[-5:] == [
        "_acx_synced_at",
        "_acx_deleted_at",
        "_acx_valid_from",
        "_acx_valid_to",
        "_acx_is_current",
    ]
    if kind == "parquet":
        [file] = current_files(folder)
        schema = pq.read_schema(folder / file["path"])
        assert schema.names == names
        assert schema.field("_acx_is_current").type == pa.bool_()
        assert schema.field("_acx_valid_from").type == pa.timestamp("us", tz="UTC")
    assert not [p for p in folder.rglob(".acx-*")]  # no temp left


@pytest.mark.parametrize("kind", ["parquet", "jsonl"])
def test_a_run_without_changes_writes_no_file(sandbox, tmp_path: Path, kind: str) -> None:
    folder = tmp_path / "out"
    config = tmp_path / "acx.toml"
    config.write_text(HISTORY)
    sync(sandbox, f"{kind}:{folder}", config)
    [first] = current_files(folder)
    before = versions(folder, kind)[0]
    sync(sandbox, f"{kind}:{folder}", config)
    assert current_files(folder) == [first]
    assert versions(folder, kind)[0] == before


def test_turning_history_off_is_refused_and_on_converts(sandbox, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    dest = f"parquet:{folder}"
    plain = tmp_path / "plain.toml"
    plain.write_text("")
    sync(sandbox, dest, plain)
    config = tmp_path / "acx.toml"
    config.write_text(HISTORY)
    sync(sandbox, dest, config)  # the snapshot's rows become first versions
    first, _ = versions(folder, "parquet")
    assert all(len(v) == 1 and v[0][2] is None and v[0][3] for v in first.values())
    changed = sorted(first)[0]
    sandbox.mutate("contacts", update=[changed])
    sync(sandbox, dest, config)
    assert len(versions(folder, "parquet")[0][changed]) == 2

    env = env_for(sandbox.url, KEY)
    code, lines = run(sandbox.url, KEY, dest, env=env, config_path=str(plain), tables=["contacts"])
    assert code == 1
    assert any("keeps every version of its rows (history)" in line for line in lines), lines
    assert len(versions(folder, "parquet")[0][changed]) == 2
