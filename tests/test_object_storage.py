"""`s3://` locations for the Delta, Iceberg and Parquet/JSONL destinations (engine/load/objectstore.py), against
moto's S3 in server mode on 127.0.0.1 (a free port, started here; never the internet): a sandbox
sync of a few tables into each, an incremental run after the account changed, the rows read back
from S3 through deltalake, pyiceberg and pyarrow.dataset (a plain read of each table's folder)
with the ids the sandbox serves, and a wrong secret key
(moto's request signing checks on, for an access key made for the test) failing in one line that
does not show it."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow.dataset as ds
import pyarrow.fs as pafs
import pytest

from engine.errors import AcxError, ConfigError
from engine.load.iceberg_place import CATALOG_ENV, place_of
from engine.load.objectstore import S3
from tests.conftest import SPEC
from tests.reliability.helpers import CLI
from tests.runhelp import env_for, run

pytest.importorskip("moto.server")
boto3 = pytest.importorskip("boto3")
requests = pytest.importorskip("requests")
deltalake = pytest.importorskip("deltalake")
pytest.importorskip("pyiceberg")

pytestmark = pytest.mark.slow  # whole runs against the sandbox and an S3 server
KEY = "s3-key"
BUCKET = "acx-lake"
TABLES = ("contacts", "deals")
FILE_TABLES = ("contacts", "deals", "lists")
ALLOW_ALL = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}],
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(endpoint: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and server.poll() is None:
        try:
            requests.get(f"{endpoint}/moto-api/", timeout=1)
            return
        except requests.ConnectionError:
            time.sleep(0.1)
    raise RuntimeError(f"moto did not start on {endpoint}")


@pytest.fixture(scope="module")
def s3() -> Iterator[dict[str, str]]:
    """moto's S3 on 127.0.0.1 with a bucket and an IAM access key (signatures unchecked: moto
    miscomputes them for some list requests; `signed` turns the check on). In a process of its
    own, not moto's ThreadedMotoServer: a deltalake call that keeps the GIL (DeltaTable.history)
    would wait on a server thread that needs it."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    root = {"endpoint_url": endpoint, "region_name": "us-east-1"}
    root |= {"aws_access_key_id": "root", "aws_secret_access_key": "root-secret"}
    try:
        wait_for(endpoint, server)
        iam = boto3.client("iam", **root)
        iam.create_user(UserName="acx")
        iam.put_user_policy(UserName="acx", PolicyName="all", PolicyDocument=json.dumps(ALLOW_ALL))
        made = iam.create_access_key(UserName="acx")["AccessKey"]
        boto3.client("s3", **root).create_bucket(Bucket=BUCKET)
        yield {
            "AWS_ENDPOINT_URL": endpoint,
            "AWS_ACCESS_KEY_ID": made["AccessKeyId"],
            "AWS_SECRET_ACCESS_KEY": made["SecretAccessKey"],
            "AWS_REGION": "us-east-1",
        }
    finally:
        server.terminate()
        server.wait(10)


@pytest.fixture
def signed(s3: dict[str, str]) -> Iterator[None]:
    """Every request must be signed with a key moto knows, and its secret."""
    reset = f"{s3['AWS_ENDPOINT_URL']}/moto-api/reset-auth"
    requests.post(reset, data=b"0", timeout=10)
    try:
        yield
    finally:
        requests.post(reset, data=b"inf", timeout=10)


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Any]:
    from sandbox import Sandbox

    with Sandbox(contacts=50, api_key=KEY, rate_limit=0) as sb:
        yield sb


def sync(
    sb: Any, dest: str, env: dict[str, str], tables: tuple[str, ...] = TABLES
) -> tuple[int, list[str]]:
    return run(sb.url, KEY, dest, env=env_for(sb.url, KEY, **env), tables=tables)


def served(sb: Any, tables: tuple[str, ...] = TABLES) -> dict[str, set[int]]:
    return {t: {int(r["id"]) for r in sb.expected(t)} for t in tables}


def live(rows: list[dict[str, Any]]) -> set[int]:
    ids = [int(r["id"]) for r in rows if r["_acx_deleted_at"] is None]
    assert len(ids) == len(set(ids))  # no key twice
    return set(ids)


def delta_rows(s3: dict[str, str], uri: str) -> dict[str, set[int]]:
    options = S3.from_env(s3).delta_options()
    return {
        t: live(
            deltalake.DeltaTable(f"{uri}/{t}", storage_options=options)
            .to_pyarrow_table()
            .to_pylist()
        )
        for t in TABLES
    }


def iceberg_rows(target: str, env: dict[str, str]) -> dict[str, set[int]]:
    from pyiceberg.catalog import load_catalog

    catalog = load_catalog("acx", **place_of(target, _Settings(env)).catalog_properties())
    return {t: live(catalog.load_table(("acx", t)).scan().to_arrow().to_pylist()) for t in TABLES}


def folder_rows(s3: dict[str, str], uri: str, kind: str) -> dict[str, set[int]]:
    """Each table as a reader sees it: every file in its folder on S3, no manifest."""
    fs = S3.from_env(s3).arrow_filesystem()
    prefix = uri.split("://", 1)[1]
    fmt = "parquet" if kind == "parquet" else "json"
    return {
        t: live(ds.dataset(f"{prefix}/{t}/", filesystem=fs, format=fmt).to_table().to_pylist())
        for t in FILE_TABLES
    }


def keys_under(s3: dict[str, str], uri: str) -> set[str]:
    fs, prefix = S3.from_env(s3).arrow_filesystem(), uri.split("://", 1)[1]
    found = fs.get_file_info(pafs.FileSelector(prefix, recursive=True))
    return {i.path[len(prefix) + 1 :] for i in found if i.type == pafs.FileType.File}


class _Settings:
    def __init__(self, env: dict[str, str]) -> None:
        self.env = env


def test_delta_on_s3_syncs_then_merges_an_increment(s3, sandbox) -> None:
    uri = f"s3://{BUCKET}/delta"
    code, lines = sync(sandbox, f"delta:{uri}", s3)
    assert code == 0, lines
    assert delta_rows(s3, uri) == served(sandbox)
    sandbox.mutate("contacts", update=3, create=2)
    sandbox.mutate("deals", create=1)
    code, lines = sync(sandbox, f"delta:{uri}", s3)
    assert code == 0, lines
    assert delta_rows(s3, uri) == served(sandbox)
    # every commit went through S3: the table's log is there, and not on the local disk
    log = deltalake.DeltaTable(f"{uri}/contacts", storage_options=S3.from_env(s3).delta_options())
    assert log.version() >= 2 and log.history(1)[0]["operation"] == "MERGE"


def test_iceberg_on_s3_syncs_then_merges_an_increment(s3, sandbox, tmp_path: Path) -> None:
    target = f"s3://{BUCKET}/iceberg"
    env = {**s3, CATALOG_ENV: f"sqlite:///{tmp_path / 'catalog.db'}"}
    code, lines = sync(sandbox, f"iceberg:{target}", env)
    assert code == 0, lines
    assert iceberg_rows(target, env) == served(sandbox)
    sandbox.mutate("contacts", update=2, create=1)
    code, lines = sync(sandbox, f"iceberg:{target}", env)
    assert code == 0, lines
    assert iceberg_rows(target, env) == served(sandbox)
    table = place_of(target, _Settings(env))
    assert table.warehouse == target and table.describe() == f"iceberg:{target}"


@pytest.mark.parametrize("kind", ["parquet", "jsonl"])
def test_files_on_s3_sync_then_merge_an_increment(s3, sandbox, kind) -> None:
    uri = f"s3://{BUCKET}/{kind}"
    code, lines = sync(sandbox, f"{kind}:{uri}", s3, FILE_TABLES)
    assert code == 0, lines
    assert folder_rows(s3, uri, kind) == served(sandbox, FILE_TABLES)
    assert any("acx cannot lock a prefix" in line for line in lines), lines
    if kind == "parquet":  # jsonl commits alike: its first sync is what differs (CI's time)
        sandbox.mutate("contacts", update=3, create=2)
        sandbox.mutate("deals", create=1)
        code, lines = sync(sandbox, f"{kind}:{uri}", s3, FILE_TABLES)
        assert code == 0, lines
        assert folder_rows(s3, uri, kind) == served(sandbox, FILE_TABLES)
    keys = keys_under(s3, uri)
    # each table one file; the version the increment replaced copied aside; manifest, state
    assert {k for k in keys if "/" in k and not k.startswith("_acx")} == {
        f"{t}/{t}.{kind}" for t in FILE_TABLES
    }
    aside = [k for k in keys if k.startswith("_acx_superseded/contacts/")]
    assert len(aside) == (kind == "parquet")
    assert {"_acx_manifest.json", "_acx_state.json", "_acx_runs.jsonl"} <= keys


@pytest.mark.parametrize("kind", ["delta", "iceberg", "parquet"])
def test_a_wrong_secret_key_fails_in_one_line_without_it(
    s3, signed, sandbox, tmp_path, kind
) -> None:
    wrong = "Wr0ngSecretKeyThatMustNotBePrinted"
    env = {**s3, "AWS_SECRET_ACCESS_KEY": wrong, CATALOG_ENV: f"sqlite:///{tmp_path / 'c.db'}"}
    where = f"{kind}:s3://{BUCKET}/wrong-{kind}"
    try:  # delta reads its state first: the run stops (the CLI prints the line, exit 1)
        code, lines = sync(sandbox, where, env)
    except AcxError as err:
        code, lines = 1, [str(err)]
    assert code == 1  # iceberg's catalog is local: each table fails, the run goes on
    text = "\n".join(lines)
    assert wrong not in text and s3["AWS_SECRET_ACCESS_KEY"] not in text
    line = next(line for line in lines if f"{where}: " in line)
    assert "\n" not in line and "\x1b" not in line and "<?xml" not in line
    assert "SignatureDoesNotMatch" in line or "ACCESS_DENIED" in line, line


def test_settings_from_the_environment() -> None:
    local = S3.from_env({"AWS_ENDPOINT_URL": "http://127.0.0.1:9000/", "AWS_ACCESS_KEY_ID": "a"})
    assert local.delta_options() == {
        "AWS_ENDPOINT_URL": "http://127.0.0.1:9000",
        "AWS_REGION": "us-east-1",
        "AWS_ACCESS_KEY_ID": "a",
        "AWS_ALLOW_HTTP": "true",
        "AWS_VIRTUAL_HOSTED_STYLE_REQUEST": "false",
        "AWS_CONDITIONAL_PUT": "etag",
    }
    assert local.iceberg_properties()["s3.force-virtual-addressing"] == "false"
    aws = S3.from_env({"AWS_DEFAULT_REGION": "eu-west-1", "AWS_S3_ALLOW_UNSAFE_RENAME": "true"})
    assert aws.delta_options() == {"AWS_REGION": "eu-west-1", "AWS_S3_ALLOW_UNSAFE_RENAME": "true"}
    assert aws.iceberg_properties() == {"s3.region": "eu-west-1"}
    with pytest.raises(ConfigError, match=f"needs a catalog outside it, and {CATALOG_ENV}") as err:
        place_of("s3://bucket/lake", _Settings({}))
    assert "\n" not in str(err.value)


def test_parquet_on_s3_killed_before_its_state_then_rerun(s3, sandbox) -> None:
    """kill -9 after a group's files and manifest are PUT, before its state: the re-run reads
    the group again and merges on the key, ending as a clean run (the crash suite's
    `commit:state:1`, on S3)."""
    uri = f"s3://{BUCKET}/killed"
    args = ["run", SPEC, "--dest", f"parquet:{uri}", "--tables", ",".join(FILE_TABLES)]
    env = env_for(sandbox.url, KEY, **s3, ACX_CRASH_AT="commit:state:1")
    killed = subprocess.run(
        [sys.executable, str(CLI), *map(str, args)], env=env, capture_output=True, timeout=120
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    keys = keys_under(s3, uri)
    assert "_acx_manifest.json" in keys and "_acx_state.json" not in keys, keys
    code, lines = sync(sandbox, f"parquet:{uri}", s3, FILE_TABLES)
    assert code == 0, lines
    assert folder_rows(s3, uri, "parquet") == served(sandbox, FILE_TABLES)
