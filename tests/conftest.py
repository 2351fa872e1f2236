from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from engine.http.client import Client

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "specs" / "activecampaign.yaml"
MINI = ROOT / "tests" / "specs" / "mini.yaml"


@pytest.fixture
def cli():
    """Run the acx CLI in-process; returns click's Result (stdout in .output, stderr in .stderr)."""
    from cli import main

    def run(*args: str, env: dict[str, str] | None = None):
        return CliRunner().invoke(main, [str(a) for a in args], env=env, catch_exceptions=False)

    return run


def pg_dsn() -> str:
    return os.environ.get(
        "ACX_TEST_POSTGRES_DSN", "host=127.0.0.1 port=5432 user=postgres dbname=test"
    )


@pytest.fixture
def calls(monkeypatch):
    """Every (table, path, params) the engine requested."""
    seen: list[tuple[str, str, dict[str, str]]] = []
    original = Client.get

    def spy(self, path, params, ask, priority=0):
        seen.append((ask.stream, path, dict(params)))
        return original(self, path, params, ask, priority)

    monkeypatch.setattr(Client, "get", spy)
    return seen
