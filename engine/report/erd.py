"""`acx erd`: the relationship chart, from `parent` declarations and column `references`.

One graph (tables with their primary- and foreign-key columns; one-to-many relationships named by
the foreign-key column), two renderings: Mermaid `erDiagram` text, and Graphviz DOT, which
`dot -Tsvg` turns into SVG when Graphviz is installed."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from dataclasses import dataclass

from engine.errors import AcxError, ConfigError
from engine.spec import Spec

FORMATS = ("mermaid", "svg")
_MERMAID_NAME = re.compile(r"[^A-Za-z0-9_]")


@dataclass(frozen=True)
class Attribute:
    name: str
    type: str
    keys: tuple[str, ...]  # "PK", "FK"


@dataclass(frozen=True)
class Entity:
    name: str
    attributes: tuple[Attribute, ...]


@dataclass(frozen=True)
class Relationship:
    parent: str  # the table pointed at ("one")
    parent_column: str
    child: str  # the table holding the foreign key ("many")
    column: str


@dataclass(frozen=True)
class Graph:
    entities: tuple[Entity, ...]
    relationships: tuple[Relationship, ...]


def relationship_graph(spec: Spec) -> Graph:
    """Every table, and one relationship per foreign-key column (a `references` and a `parent`
    naming the same column count once). Names are warehouse names."""
    rels: dict[tuple[str, str, str], Relationship] = {}
    streams = [*spec.streams, *(t.as_stream() for t in spec.templates)]
    for s in streams:
        pairs = [(c.key, c.references) for c in s.columns if c.references is not None]
        if s.parent is not None:
            pairs.append((s.parent.key, (s.parent.stream, s.parent.references)))
        for key, (target_key, target_column) in pairs:
            target = spec.stream(target_key)
            rel = Relationship(
                target.name, target.column(target_column).name, s.name, s.column(key).name
            )
            rels.setdefault((rel.parent, rel.child, rel.column), rel)
    entities = []
    for s in streams:
        foreign = {r.column for r in rels.values() if r.child == s.name}
        attrs = []
        for c in s.columns:
            keys = tuple(
                k
                for k, holds in (("PK", c.key in s.primary_key), ("FK", c.name in foreign))
                if holds
            )
            if keys:
                attrs.append(Attribute(c.name, c.type, keys))
        entities.append(Entity(s.name, tuple(attrs)))
    return Graph(tuple(entities), tuple(rels.values()))


def mermaid(graph: Graph) -> str:
    lines = ["erDiagram"]
    for e in graph.entities:
        lines.append(f"    {_m(e.name)} {{")
        for a in e.attributes:
            lines.append(f"        {a.type} {_m(a.name)} {', '.join(a.keys)}")
        lines.append("    }")
    for r in graph.relationships:
        lines.append(f'    {_m(r.parent)} ||--o{{ {_m(r.child)} : "{r.column}"')
    return "\n".join(lines) + "\n"


def _m(name: str) -> str:
    """Mermaid takes letters, digits and `_` in entity and attribute names."""
    return _MERMAID_NAME.sub("_", name)


def dot(graph: Graph) -> str:
    """The same graph in DOT: a table per node (keys as ports), crow's feet on the many side."""
    lines = [
        "digraph erd {",
        '  graph [rankdir=LR, fontname="Helvetica", nodesep=0.3, ranksep=1.2];',
        '  node [shape=plain, fontname="Helvetica", fontsize=10];',
        '  edge [fontname="Helvetica", fontsize=9, dir=both, arrowtail=crowodot,'
        " arrowhead=teetee];",
    ]
    for e in graph.entities:
        rows = [f'<tr><td bgcolor="#dde6f0"><b>{html.escape(e.name)}</b></td></tr>']
        for a in e.attributes:
            text = html.escape(f"{a.name} {a.type} {', '.join(a.keys)}")
            rows.append(f'<tr><td align="left" port="{_port(a.name)}">{text}</td></tr>')
        table = '<table border="0" cellborder="1" cellspacing="0" cellpadding="4">'
        lines.append(f"  {_q(e.name)} [label=<{table}{''.join(rows)}</table>>];")
    for r in graph.relationships:
        lines.append(
            f"  {_q(r.child)}:{_port(r.column)} -> {_q(r.parent)}:{_port(r.parent_column)}"
            f" [label={_q(r.column)}];"
        )
    lines.append("}")
    return "\n".join(lines) + "\n"


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _port(name: str) -> str:
    return "p_" + re.sub(r"[^A-Za-z0-9_]", "_", name)


def svg(graph: Graph) -> str:
    """The chart as SVG, drawn by Graphviz's `dot`."""
    exe = shutil.which("dot")
    if exe is None:
        raise ConfigError(
            "--format svg needs Graphviz's `dot` command, which is not installed",
            "install Graphviz (apt-get install graphviz, brew install graphviz) "
            "or use --format mermaid",
        )
    try:
        done = subprocess.run(
            [exe, "-Tsvg"], input=dot(graph), capture_output=True, text=True, timeout=300
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise AcxError(f"running {exe} failed: {exc}") from None
    if done.returncode != 0:
        first = (done.stderr.strip().splitlines() or [f"exit code {done.returncode}"])[0]
        raise AcxError(f"{exe} -Tsvg failed: {first}")
    return done.stdout


def chart(spec: Spec, fmt: str) -> str:
    if fmt not in FORMATS:
        raise ConfigError(f"unknown chart format '{fmt}'", f"choose one of {', '.join(FORMATS)}")
    graph = relationship_graph(spec)
    return mermaid(graph) if fmt == "mermaid" else svg(graph)
