"""`acx erd`: the Mermaid chart, read back by a small parser, holds every table and every
relationship the spec declares and nothing that points nowhere; SVG goes through Graphviz's `dot`
when it is installed and is a one-line error (exit 2) when it is not."""

from __future__ import annotations

import re
import shutil
import stat
from dataclasses import replace

import pytest

from engine.report.erd import dot, mermaid, relationship_graph
from engine.spec import load_spec
from tests.conftest import MINI, SPEC

ENTITY = re.compile(r"^    (\w+) \{$")
ATTRIBUTE = re.compile(r"^        (\w+) (\w+)((?: (?:PK|FK),?)+)$")
RELATIONSHIP = re.compile(r'^    (\w+) (\|\|--o\{) (\w+) : "([^"]+)"$')


def parse(text: str) -> tuple[dict[str, dict[str, set[str]]], list[tuple[str, str, str]]]:
    """Mermaid erDiagram -> ({entity: {attribute: {PK, FK}}}, [(parent, child, label)]).
    Fails on any line it does not understand."""
    lines = text.splitlines()
    assert lines[0] == "erDiagram"
    entities: dict[str, dict[str, set[str]]] = {}
    rels = []
    current = None
    for line in lines[1:]:
        if current is not None:
            if line == "    }":
                current = None
                continue
            m = ATTRIBUTE.match(line)
            assert m, f"bad attribute line {line!r}"
            entities[current][m[2]] = {k.strip(" ,") for k in m[3].split(",")}
        elif m := ENTITY.match(line):
            current = m[1]
            assert current not in entities, f"entity {current} twice"
            entities[current] = {}
        elif m := RELATIONSHIP.match(line):
            rels.append((m[1], m[3], m[4]))
        else:
            pytest.fail(f"unexpected line {line!r}")
    assert current is None, "unclosed entity"
    return entities, rels


def drawn(spec):
    """Every table the chart draws: the spec's, then each table template under its shown name
    (`custom_object_<slug>`, as Mermaid spells it)."""
    templates = [
        replace(t.as_stream(), name=re.sub(r"[^A-Za-z0-9_]", "_", t.shown_name))
        for t in spec.templates
    ]
    return [*spec.streams, *templates]


def declared(spec):
    """(parent table, child table, fk column) from every references and parent of the spec."""
    out = set()
    for s in drawn(spec):
        for c in s.columns:
            if c.references:
                out.add((spec.stream(c.references[0]).name, s.name, c.name))
        if s.parent:
            out.add((spec.stream(s.parent.stream).name, s.name, s.column(s.parent.key).name))
    return out


@pytest.mark.parametrize("path", [SPEC, MINI], ids=["shipped", "mini"])
def test_mermaid_has_every_entity_and_relationship(path, cli):
    spec = load_spec(path)
    result = cli("erd", path)
    assert result.exit_code == 0, result.stderr
    entities, rels = parse(result.output)
    assert set(entities) == {s.name for s in drawn(spec)}
    assert {(p, c, label) for p, c, label in rels} == declared(spec)
    assert len(rels) == len(set(rels)), "a relationship drawn twice"
    for parent, child, label in rels:
        assert parent in entities and child in entities
        assert "FK" in entities[child][label], f"{child}.{label} is not marked FK"
    for s in drawn(spec):
        for k in s.primary_key:
            assert "PK" in entities[s.name][s.column(k).name]


def test_shipped_chart_examples():
    text = mermaid(relationship_graph(load_spec(SPEC)))
    assert '    users ||--o{ accounts : "owner"' in text
    assert '    pipelines ||--o{ deal_stages : "group"' in text  # parent and references: once
    assert text.count('pipelines ||--o{ deal_stages : "group"') == 1
    assert "        integer userid PK, FK" in text  # user_group_memberships


def test_dot_holds_the_same_graph():
    graph = relationship_graph(load_spec(MINI))
    text = dot(graph)
    assert text.startswith("digraph erd {") and text.rstrip().endswith("}")
    for e in graph.entities:
        assert f'  "{e.name}" [label=<' in text
    for r in graph.relationships:
        assert f'"{r.child}":p_{r.column} -> "{r.parent}":p_{r.parent_column}' in text


def test_svg_without_dot_is_a_one_line_error(cli, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    result = cli("erd", SPEC, "--format", "svg")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("acx: --format svg needs Graphviz's `dot` command")


def test_svg_pipes_the_dot_text_through_dot(cli, tmp_path, monkeypatch):
    """A stand-in `dot` that records its input and answers with a tiny SVG."""
    fake = tmp_path / "dot"
    seen = tmp_path / "input.dot"
    fake.write_text(f'#!/bin/sh\n[ "$1" = "-Tsvg" ] || exit 3\ncat > {seen}\necho "<svg/>"\n')
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{tmp_path}:/bin:/usr/bin")
    out = tmp_path / "chart.svg"
    result = cli("erd", MINI, "--format", "svg", "-o", out)
    assert result.exit_code == 0, result.stderr
    assert out.read_text() == "<svg/>\n"
    assert seen.read_text() == dot(relationship_graph(load_spec(MINI)))


def test_failing_dot_is_reported(cli, tmp_path, monkeypatch):
    fake = tmp_path / "dot"
    fake.write_text('#!/bin/sh\necho "Error: syntax error in line 1" >&2\nexit 1\n')
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{tmp_path}:/bin:/usr/bin")
    result = cli("erd", MINI, "--format", "svg")
    assert result.exit_code == 1
    assert "-Tsvg failed: Error: syntax error in line 1" in result.stderr


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")
def test_real_graphviz_draws_every_table(cli):
    spec = load_spec(SPEC)
    result = cli("erd", SPEC, "--format", "svg")
    assert result.exit_code == 0, result.stderr
    assert "<svg" in result.output and result.output.rstrip().endswith("</svg>")
    for s in spec.streams:
        assert f">{s.name}</text>" in result.output
    assert result.output.count('class="edge"') == len(relationship_graph(spec).relationships)
