"""The spec language: the YAML read with its lines (yamlsrc), validated against the JSON Schema and
the rules a schema cannot say (validate), built (build) into the model the engine reads (model);
logical types (types), warehouse names (naming), the user's choice of tables (selection)."""

from engine.spec.build import build_spec, load_spec
from engine.spec.model import (
    LOGICAL_TYPES,
    PLACEHOLDER_PREFIX,
    Column,
    Filter,
    Join,
    Paging,
    Parent,
    Replication,
    Retry,
    Source,
    Spec,
    Stream,
    View,
    ZoneHint,
    parent_reference,
    placeholders,
    quote_field,
)

__all__ = [
    "LOGICAL_TYPES",
    "PLACEHOLDER_PREFIX",
    "Column",
    "Filter",
    "Join",
    "Paging",
    "Parent",
    "Replication",
    "Retry",
    "Source",
    "Spec",
    "Stream",
    "View",
    "ZoneHint",
    "build_spec",
    "load_spec",
    "parent_reference",
    "placeholders",
    "quote_field",
]
