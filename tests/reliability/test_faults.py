"""Faults: a run through an account where 5% of responses fail (500/502/503, 429 with
Retry-After on top of a real rate-limit storm, bodies cut mid-JSON, connections dropped mid-page)
loads exactly what a fault-free run loads; a fault that outlasts the retries fails the run with
exit 1 and a one-line message, and leaves every committed table and its state as they were."""

from __future__ import annotations

import pytest

from sandbox import Sandbox
from tests.reliability.conftest import SEED
from tests.reliability.helpers import (
    KEY,
    LEDGER,
    DuckWarehouse,
    FakeApi,
    acx,
    acx_start,
    assert_user_facing,
    base_env,
    compare,
    fast_spec,
    finish,
    spec_streams,
)

ALL_KINDS = {"500", "502", "503", "429", "truncate", "reset"}


def test_a_run_through_five_percent_faults_equals_a_fault_free_run(scratch):
    # pages of 5 rows: ~500 requests at 150 contacts, so 5% is a couple of dozen faults
    spec = fast_spec(scratch, max_attempts=8, backoff=0.02, limit=5)
    clean, faulty = (
        DuckWarehouse(scratch / "clean.duckdb"),
        DuckWarehouse(scratch / "faults.duckdb"),
    )
    with (
        Sandbox(contacts=150, api_key=KEY, rate_limit=0, seed=SEED) as good,
        Sandbox(contacts=150, api_key=KEY, rate_limit=40, fault_rate=0.05, seed=SEED) as bad,
    ):
        # acx asks for twice the account's limit: a storm of real 429s on top of the faults
        runs = [
            acx_start("run", spec, "--dest", clean.dest, env=base_env(good.url), cwd=scratch),
            acx_start(
                "run",
                spec,
                "--dest",
                faulty.dest,
                env=base_env(bad.url, ACX_REQUESTS_PER_SECOND="80"),
                cwd=scratch,
            ),
        ]
        done = [finish(p) for p in runs]
        stats = bad.stats()
    LEDGER.add_faults(stats)
    faults = sum(stats["faults"].values())
    LEDGER.notes.append(
        f"the 5% run: {faults} faults in {stats['requests']} requests "
        f"({', '.join(f'{k} {n}' for k, n in sorted(stats['faults'].items()))}), "
        f"plus {stats['rate_limited']} real 429s from the account's limit"
    )
    for proc in done:
        assert proc.returncode == 0, proc.stderr[-3000:]
        assert_user_facing(proc)
    assert set(stats["faults"]) == ALL_KINDS, stats["faults"]
    assert faults >= 8 and stats["rate_limited"] > 0, stats

    streams = spec_streams(spec)
    reference = clean.snapshot(streams)
    assert all(t is not None and t.digests for t in reference.values())
    assert compare(reference, faulty.snapshot(streams)) == []
    assert faulty.state() == clean.state()


@pytest.fixture
def account(scratch):
    """Its own sandbox (these tests change it), behind a server that can break one path."""
    with Sandbox(contacts=100, api_key=KEY, rate_limit=0, seed=SEED) as sb, FakeApi(sb.url) as api:
        yield sb, api


def test_an_endpoint_that_never_recovers_fails_its_table_and_keeps_the_rest(account, scratch):
    sb, api = account
    spec = fast_spec(scratch, max_attempts=3, backoff=0.01)
    streams = spec_streams(spec)
    wh = DuckWarehouse(scratch / "acx.duckdb")
    env = base_env(api.url)
    assert acx("run", spec, "--dest", wh.dest, env=env, cwd=scratch).returncode == 0
    before, state_before = wh.snapshot(streams), wh.state()

    sb.mutate("contacts", update=3, create=2)
    sb.mutate("deals", update=2, create=1)
    api.routes["/api/3/deals"] = lambda forward: (503, b"<html>Service Unavailable</html>")
    proc = acx("run", spec, "--dest", wh.dest, env=env, cwd=scratch)

    assert proc.returncode == 1
    assert_user_facing(proc)
    failure = [line for line in proc.stderr.splitlines() if "failed after 3 attempts" in line]
    assert failure and all("/api/3/deals?" in line and "HTTP 503" in line for line in failure)
    # the failed group (deals and the custom field data its responses carry) is as it was
    after, state_after = wh.snapshot(streams), wh.state()
    for key in ("deals", "deal_custom_field_data"):
        assert after[key] == before[key], key
        assert state_after[key] == state_before[key], key
    # every other table committed this run's rows
    ids = {r[0] for r in wh.query("SELECT id FROM contacts")}
    assert ids == {int(c["id"]) for c in sb.expected("contacts")}
    assert state_after["contacts"]["savepoint"] > state_before["contacts"]["savepoint"]
    assert wh.stages() == []


def test_an_account_that_always_answers_503_fails_the_run_and_changes_nothing(sandbox, scratch):
    spec = fast_spec(scratch, max_attempts=3, backoff=0.01)
    streams = spec_streams(spec)
    wh = DuckWarehouse(scratch / "acx.duckdb")
    assert (
        acx("run", spec, "--dest", wh.dest, env=base_env(sandbox.url), cwd=scratch).returncode == 0
    )
    before, state_before = wh.snapshot(streams), wh.state()

    with Sandbox(
        contacts=100, api_key=KEY, rate_limit=0, fault_rate=1.0, faults="503", seed=SEED
    ) as down:
        proc = acx("run", spec, "--dest", wh.dest, env=base_env(down.url), cwd=scratch)
        LEDGER.add_faults(down.stats())
    assert proc.returncode == 1
    assert_user_facing(proc)
    roots = [
        s.key for s in streams.streams if not s.fed and not (s.endpoint or "").count("{parent.")
    ]
    lines = proc.stderr.splitlines()
    for key in roots:  # each request series says, on one line, that it gave up
        if streams.stream(key).only_referenced_by:  # it waits for a table that failed
            skipped = [x for x in lines if "table_skipped" in x and f'"table": "{key}"' in x]
            assert skipped or any(x.startswith(f"{key}: skipped: ") for x in lines), key
            continue
        assert any(f"(table {key}); last: HTTP 503" in line for line in lines), key
    assert wh.snapshot(streams) == before
    assert wh.state() == state_before
    assert wh.stages() == []
