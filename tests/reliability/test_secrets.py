"""Secrets: the API key and the warehouse password appear in no output of any acx run of the
suite (every subprocess's stdout and stderr, in every log format, failures included), in no
database it wrote (tables and `_acx_state`, DuckDB files as bytes, PostgreSQL schemas before
they are dropped) and in no cassette; nor does any written form of them (URL-, JSON- or
repr-escaped: engine/redact.py). This file runs last: it searches what the others left, after
running the places where a secret is most likely to slip out."""

from __future__ import annotations

import socket

import pytest
import yaml

from engine.redact import MIN_LENGTH, forms
from sandbox import Sandbox
from tests.conftest import ROOT, SPEC
from tests.reliability.conftest import SEED
from tests.reliability.helpers import (
    KEY,
    LEDGER,
    PG_PASSWORD,
    SECRETS,
    DuckWarehouse,
    acx,
    base_env,
    fast_spec,
    search,
    search_folder,
)
from tests.reliability.hostile import SPEC as HOSTILE_SPEC
from tests.reliability.hostile import Hostile

CASSETTES = ROOT / "tests" / "cassettes"
# A key that escapes differently in every form (URL, JSON, repr): a printable ASCII key can hold
# each of these characters, and a server can echo it in any of those forms.
ODD_KEY = "acxODD-k3y/+=\"<&>%'\\-reliability"


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.parametrize("log_format", ["text", "json"])
def test_failing_runs_show_no_key(log_format, sandbox, scratch):
    spec = fast_spec(scratch, max_attempts=2, backoff=0.01)
    wh = DuckWarehouse(scratch / "acx.duckdb")
    args = ("--dest", wh.dest, "--tables", "lists,users", "--log-format", log_format)
    ok = acx("run", spec, *args, env=base_env(sandbox.url), cwd=scratch)
    with Sandbox(
        contacts=20, api_key=KEY, rate_limit=0, fault_rate=1.0, faults="503,reset", seed=SEED
    ) as down:
        failed = acx("run", spec, *args, env=base_env(down.url), cwd=scratch)
        LEDGER.add_faults(down.stats())
    assert (ok.returncode, failed.returncode) == (0, 1)
    for proc in (ok, failed):
        assert all(secret not in proc.stdout + proc.stderr for secret in SECRETS)
    search_folder(scratch)
    assert LEDGER.leaks == []


def test_postgres_runs_show_no_password(sandbox, scratch, pg_dsn_with_secret, pg_schemas):
    if PG_PASSWORD not in pg_dsn_with_secret:
        pytest.skip("the test server does not take the suite's password")
    spec = fast_spec(scratch, max_attempts=2, backoff=0.01)
    port = closed_port()
    args = ("--dest", "postgres", "--tables", "lists,users")
    wh = pg_schemas()  # dropped afterwards, once searched for secrets
    runs = [  # the password in both DSN forms, no server there; then a whole run
        acx("run", spec, *args, cwd=scratch, env=base_env(sandbox.url, ACX_POSTGRES_DSN=dsn))
        for dsn in (
            f"host=127.0.0.1 port={port} user=postgres dbname=test password={PG_PASSWORD}",
            f"postgresql://postgres:{PG_PASSWORD}@127.0.0.1:{port}/test",
        )
    ]
    env = base_env(sandbox.url, **wh.env())
    runs.append(acx("run", spec, *args, "--log-format", "text", env=env, cwd=scratch))
    assert [r.returncode for r in runs] == [1, 1, 0]
    assert all("cannot connect to postgres://127.0.0.1:" in r.stderr for r in runs[:2])
    for proc in runs:
        assert all(secret not in proc.stdout + proc.stderr for secret in SECRETS)
    search(f"postgres schema {wh.schema}", wh.text_values())
    assert LEDGER.leaks == []


@pytest.mark.parametrize("log_format", ["text", "json", "live"])
@pytest.mark.parametrize("mode", ["error-echoes-key", "redirect-key-in-location"])
def test_a_key_echoed_in_every_form_is_in_no_output(mode, log_format, scratch):
    """The server quotes the key raw, URL-encoded and JSON-escaped, in an error body and in a
    Location; acx names the failure in one line, and no form of the key is in it."""
    written = sorted(f for f in forms(ODD_KEY) if len(f) >= MIN_LENGTH)
    assert len(written) >= 4  # raw, two URL encodings, JSON, repr differ for this key
    wh = DuckWarehouse(scratch / "acx.duckdb")
    with Hostile(mode, key=ODD_KEY) as api:
        env = base_env(api.url, key=ODD_KEY)
        args = ("--dest", wh.dest, "--log-format", log_format)
        proc = acx("run", HOSTILE_SPEC, *args, env=env, cwd=scratch)
    text = proc.stdout + proc.stderr
    assert proc.returncode == 1 and "Traceback" not in text, proc.stderr[-3000:]
    assert "items" in text and "***" in text
    assert [form for form in written if form in text] == []
    files = b"".join(p.read_bytes() for p in scratch.iterdir() if p.is_file())
    assert [form for form in written if form.encode() in files] == []


def test_no_output_database_or_cassette_of_the_suite_holds_a_secret():
    search("acx run outputs", LEDGER.outputs)
    for secret in SECRETS:  # nor the key URL-, JSON- or repr-escaped
        escaped = [f for f in forms(secret) if f != secret and len(f) >= MIN_LENGTH]
        assert not [f for f in escaped for text in LEDGER.outputs if f in text]
    for path in sorted(CASSETTES.rglob("*")):
        if path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            search(str(path), [text])
            for item in yaml.safe_load(text).get("interactions", []):
                assert "Api-Token" not in item["request"].get("headers", {}), path
    assert LEDGER.leaks == [], LEDGER.leaks
    assert all(s not in SPEC.read_text() for s in SECRETS)
