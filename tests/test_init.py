"""`acx init`: the acx.toml it writes is accepted as written (settings and every target), its
commented examples are accepted once uncommented, they follow the spec, and no key is written."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path

import pytest

from engine.config.settings import load_settings
from engine.config.starter import write_config
from engine.errors import ConfigError
from engine.load import make_destination
from engine.run.plan import build_plan
from engine.spec import load_spec
from tests.conftest import MINI, SPEC

ENV = {
    "ACX_API_URL": "https://example.api-us1.com",
    "ACX_API_KEY": "secret-key-not-for-files",
    "ACX_PG_DSN": "host=127.0.0.1 dbname=acx user=acx",
    "SNOWFLAKE_PASSWORD": "secret-password",
}
EXAMPLE = re.compile(r"^# (\[[a-z_.]+\]|[a-z_]+ = .*)$")


def uncommented(text: str) -> str:
    """The file with every example in [source] and [tables.*] switched on."""
    head, _, targets = text.partition("[targets.")
    lines = [line[2:] if EXAMPLE.match(line) else line for line in head.splitlines()]
    return "\n".join(lines) + "\n[targets." + targets


def test_written_file_loads_and_every_target_is_accepted(tmp_path):
    spec = load_spec(SPEC)
    path = write_config(spec, tmp_path / "acx.toml")
    text = path.read_text()
    settings = load_settings(spec, str(path), ENV)
    assert settings.api_key == ENV["ACX_API_KEY"]  # from the variable the file names
    assert "secret" not in text and 'api_key_env = "ACX_API_KEY"' in text
    assert set(settings.targets) == {"pg", "sf"}
    pg = make_destination("postgres:pg", settings)
    assert pg.describe() == "postgres://127.0.0.1/acx" and pg.schema == "activecampaign"
    sf = make_destination("snowflake:sf", settings)
    assert sf.describe() == "snowflake account myorg-myaccount"
    assert sf.cfg.password == "secret-password" and sf.cfg.schema == "ACTIVECAMPAIGN"
    assert build_plan(spec, settings).groups  # acx run --config accepts it


def test_every_example_is_accepted_once_uncommented(tmp_path):
    spec = load_spec(SPEC)
    path = write_config(spec, tmp_path / "acx.toml")
    path.write_text(uncommented(path.read_text()))
    settings = load_settings(spec, str(path), {k: v for k, v in ENV.items() if k != "ACX_API_URL"})
    assert settings.api_url == "https://youraccount.example.com"
    assert str(settings.timezone) == "America/New_York"
    assert settings.start_date == datetime(2024, 1, 1, tzinfo=timezone.utc)
    assert settings.requests_per_second == 5
    assert settings.tables["deals"].mode == "full"
    assert settings.tables["campaigns"].update_window_days == 7
    plan = build_plan(spec, settings)
    assert next(g for g in plan.groups if g.root.key == "deals").mode == "full"


@pytest.mark.parametrize("spec_path", [SPEC, MINI])
def test_table_examples_follow_the_spec(tmp_path, spec_path):
    spec = load_spec(spec_path)
    text = write_config(spec, tmp_path / "acx.toml").read_text()
    shown = re.findall(r"^# \[tables\.([a-z_]+)\]$", text, re.M)
    expected = [
        s.key
        for s in spec.streams
        if not s.fed
        and (
            s.replication.selectable
            or (s.replication.mode == "incremental" and s.replication.update_window_days)
            or s.replication.reconcile_days is not None
        )
    ]
    assert shown == expected
    selectable = [s.key for s in spec.streams if s.replication.selectable]
    for key in shown:
        block = text.split(f"# [tables.{key}]\n", 1)[1].split("\n\n", 1)[0]
        assert ("# mode = " in block) == (key in selectable)


def test_refuses_to_overwrite_unless_forced(cli, tmp_path):
    path = tmp_path / "acx.toml"
    path.write_text("# mine\n")
    result = cli("init", "--output", path)
    assert result.exit_code == 2 and "exists" in result.stderr and "--force" in result.stderr
    assert path.read_text() == "# mine\n"
    result = cli("init", "--output", path, "--force")
    assert result.exit_code == 0 and result.stdout.startswith(f"wrote {path}")
    assert "[targets.pg]" in path.read_text()


def test_url_is_written_and_checked(cli, tmp_path):
    path = tmp_path / "acx.toml"
    result = cli("init", "-o", path, "--url", "https://acme.api-us1.com/")
    assert result.exit_code == 0
    settings = load_settings(load_spec(SPEC), str(path), {"ACX_API_KEY": "k"})
    assert settings.api_url == "https://acme.api-us1.com"
    bad = cli("init", "-o", tmp_path / "other.toml", "--url", "http://acme.example.com")
    assert bad.exit_code == 2 and "not https" in bad.stderr
    assert not (tmp_path / "other.toml").exists()


def test_acx_run_accepts_the_file(cli, tmp_path):
    path = tmp_path / "acx.toml"
    assert cli("init", "-o", path).exit_code == 0
    env = {"ACX_API_URL": "https://example.api-us1.com", "ACX_API_KEY": "k"}
    result = cli("run", SPEC, "--config", path, "--dry-run", env=env)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("accounts: full")


def test_unwritable_place_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="cannot write"):
        write_config(load_spec(SPEC), Path(tmp_path / "missing" / "acx.toml"))
