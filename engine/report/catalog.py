"""What `acx streams` shows: the spec's tables as plain data for people and scripts."""

from __future__ import annotations

from typing import Any

from engine.spec import Spec, Stream
from engine.spec.model import Template


def replication_label(stream: Stream, spec: Spec) -> str:
    if stream.fed:
        root = spec.root_of(stream)
        return f"follows {root.key}"
    rep = stream.replication
    label = rep.mode or "full"
    if rep.mode == "incremental":
        if rep.cursor:
            label += f" on {rep.cursor}"
        if rep.update_window_days:
            label += f", window {rep.update_window_days}d"
        if rep.selectable:
            label += " (or full)"
    return label


def source_label(spec: Spec, stream: Stream) -> str:
    if stream.fed:
        kind = f"nested {stream.nested}" if stream.nested else f"side-load {stream.records}"
        return f"{spec.root_of(stream).endpoint} ({kind})"
    return stream.endpoint or ""


def stream_rows(spec: Spec) -> list[dict[str, Any]]:
    """One dict per stream with everything `acx streams --json` promises, then one per table
    template (`template: true`): the tables it makes exist per account."""
    return [_row(spec, s) for s in spec.streams] + [_template_row(spec, t) for t in spec.templates]


def _template_row(spec: Spec, template: Template) -> dict[str, Any]:
    rule = template.per_row
    made = [s.key for s in spec.streams if s.template == template.key]
    return _row(spec, template.stream) | {
        "name": rule.name,
        "warehouse_name": rule.name,
        "template": True,
        "template_key": template.key,
        "endpoint": f"{template.stream.endpoint} (one table per row of {rule.of})",
        "columns_from": f"one column per item of {rule.of}.{rule.columns.items}",
        "tables": made,
    }


def _row(spec: Spec, s: Stream) -> dict[str, Any]:
    return {
        "name": s.key,
        "warehouse_name": s.name,
        "title": s.title,
        "tags": list(s.tags),
        "description": s.description,
        "replication": replication_label(s, spec),
        "mode": s.replication.mode or spec.root_of(s).replication.mode,
        "cursor": s.replication.cursor,
        "endpoint": source_label(spec, s),
        "from": s.from_,
        "parent": s.parent.stream if s.parent else None,
        "primary_key": list(s.primary_key),
        "columns": [
            {
                "key": c.key,
                "api_field": c.field,
                "warehouse_name": c.name,
                "type": c.type,
                "description": c.description,
                "references": ".".join(c.references) if c.references else None,
            }
            for c in s.columns
        ],
        "template": False,
        "made_by": s.template,
    }
