"""History in the files destinations (engine/load/files_history.py): a history table's current
file holds every version, with the columns and meaning of the SQL warehouses' (tests/
test_history.py). After runs with changes, each changed key has one version per change, chained
without gaps, one current version per live key, the deleted key's last version closed and
marked; a run that changes nothing writes no file; turning history off is refused."""

from __future__ import annotations

import dataclasses
import json
from collections import defaultdict
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from engine.load import Apply, make_destination
from engine.load.state import StateRow
from engine.spec import Column, Parent, Replication, Stream
from tests.runhelp import env_for, run
from tests.test_dest_files import PEOPLE, batch, row
from tests.test_history import COLUMNS, HISTORY

slow = pytest.mark.slow  # whole runs against the sandbox
KEY = "files-history-key"


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


@slow
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


@slow
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


@slow
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


# ---- the destination alone
HPEOPLE = dataclasses.replace(PEOPLE, history=True)
TAGS = Stream(
    key="tags",
    name="tags",
    title="Tags",
    description="A person's tags, side-loaded.",
    primary_key=("id",),
    columns=tuple(
        Column(key=n, name=n, type=k, description=f"The {n}.", field=n)
        for n, k in [("id", "integer"), ("person", "integer"), ("tag", "text")]
    ),
    replication=Replication(mode="incremental", cursor=None),
    parent=Parent(stream="people", key="person", references="id"),
    history=True,
)
T = datetime(2024, 3, 1, 12, 0)


def spaced(id_: int, name: str) -> tuple[Any, ...]:
    """A row whose json value is not in compact text (a JSON Lines file holds it compact)."""
    return (*row(id_, name, T)[:3], '{"a": [1, "é"], "b": 2.50}', *row(id_, name, T)[4:])


def tag_batch(rows: list[tuple[int, int, str]], seq: int) -> pa.Table:
    ids, people, tags = zip(*rows, strict=True)
    return pa.table(
        {
            "id": pa.array(ids, pa.int64()),
            "person": pa.array(people, pa.int64()),
            "tag": pa.array(tags, pa.string()),
            "_acx_seq": pa.array(range(seq, seq + len(rows)), pa.int64()),
        }
    )


def commit(folder: Path, kind: str, people: list[tuple], tags: list[tuple[int, int, str]]) -> None:
    """One run: people merged (incremental), tags merged as people's side-loaded child."""
    dest = make_destination(f"{kind}:{folder}")
    dest.connect()
    try:
        dest.prepare(HPEOPLE)
        dest.prepare(TAGS)
        dest.stage(HPEOPLE, batch(people, 0))
        dest.stage(TAGS, tag_batch(tags, 0))
        now = datetime.now(timezone.utc)
        states = [StateRow(s.key, None, "incremental", 1, "r", now) for s in (HPEOPLE, TAGS)]
        applies = [Apply(HPEOPLE, "merge"), Apply(TAGS, "merge", parent_stage=HPEOPLE)]
        dest.commit(applies, states)
    finally:
        dest.close()


def read(folder: Path, kind: str, table: str) -> list[dict[str, Any]]:
    [file] = current_files(folder, table)
    path = folder / file["path"]
    if kind == "parquet":
        return pq.read_table(path).to_pylist()
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("kind", ["parquet", "jsonl"])
def test_merged_child_closes_dropped_children_and_json_values_do_not_churn(
    tmp_path: Path, kind: str
) -> None:
    commit(tmp_path, kind, [spaced(1, "one"), row(2, "two", T)], [(10, 1, "a"), (11, 1, "b")])
    commit(tmp_path, kind, [spaced(1, "one")], [(10, 1, "a")])  # person 1 read again: b gone
    people = read(tmp_path, kind, "people")
    assert [p["id"] for p in people] == [1, 2]  # the same row (json included): one version
    assert all(p["_acx_is_current"] and p["_acx_valid_to"] is None for p in people)
    tags = {t["id"]: t for t in read(tmp_path, kind, "tags")}
    assert tags[10]["_acx_is_current"] and tags[10]["_acx_deleted_at"] is None
    gone = tags[11]
    assert gone["_acx_is_current"] is False and gone["_acx_deleted_at"] == gone["_acx_valid_to"]
    [file] = current_files(tmp_path, "tags")
    assert file["mode"] == "full" and "replaces_children_of" not in file

    commit(tmp_path, kind, [row(1, "renamed", T)], [(10, 1, "a"), (11, 1, "b")])  # b is back
    people = read(tmp_path, kind, "people")
    assert [(p["id"], p["name"], p["_acx_is_current"]) for p in people] == [
        (1, "one", False),
        (1, "renamed", True),
        (2, "two", True),
    ]
    assert people[0]["_acx_valid_to"] == people[1]["_acx_valid_from"]
    back = [t for t in read(tmp_path, kind, "tags") if t["id"] == 11]
    assert [(t["_acx_is_current"], t["_acx_deleted_at"] is None) for t in back] == [
        (False, False),
        (True, True),
    ]
