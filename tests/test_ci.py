"""CI runs what the README tells a developer to run (lint included), with lint tools pinned so that
a fresh install lints the same as this one, and `-m "not slow"` is a marker pytest knows."""

from __future__ import annotations

import re

import tomllib

from tests.conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())


def readme_test_command() -> str:
    commands = [line.strip() for line in (ROOT / "README.md").read_text().splitlines()[:6]]
    return [c for c in commands if c.startswith("python -m pip install")][1]


def test_ci_runs_the_readme_s_test_command_verbatim():
    lines = [line.strip() for line in (ROOT / ".ci" / "run").read_text().splitlines()]
    assert lines[-1] == readme_test_command()


def test_the_test_command_lints_before_it_tests():
    steps = [step.strip() for step in readme_test_command().split("&&")]
    assert steps[1:] == ["ruff check .", "ruff format --check .", "mypy", "python -m pytest"]


def test_lint_tools_are_pinned_to_one_version():
    dev = PYPROJECT["project"]["optional-dependencies"]["dev"]
    for tool in ("ruff", "mypy"):
        pins = [d for d in dev if re.match(rf"{tool}\b", d)]
        assert len(pins) == 1 and re.fullmatch(rf"{tool}==[\d.]+", pins[0]), pins


def test_the_slow_marker_is_registered():
    markers = PYPROJECT["tool"]["pytest"]["ini_options"]["markers"]
    assert any(m.startswith("slow:") for m in markers)
