"""Validate a spec: the JSON Schema first, then cross-checks. Every problem is reported at once,
each as `file:line: key.path: message`."""

from __future__ import annotations

import difflib
import json
from functools import cache
from pathlib import Path
from typing import Any

import jmespath
import jsonschema
from jmespath.exceptions import JMESPathError

from engine.errors import SpecError
from engine.spec.model import (
    PAGING_NEEDS,
    PLACEHOLDER_PREFIX,
    ROW_PREFIX,
    parent_reference,
    placeholders,
)
from engine.spec.naming import warehouse_name
from engine.spec.types import CURSOR_TYPES, LOGICAL_TYPES
from engine.spec.yamlsrc import KeyPath, Located, load_yaml

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "schemas" / "spec.schema.json"
RESERVED_TABLES = {"_acx_state", "_acx_lock"}


@cache
def schema() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def validate_file(path: str | Path) -> Located:
    """Load and validate; raise SpecError listing every problem, sorted by line."""
    located = load_yaml(path)
    problems = schema_problems(located)
    if not problems:
        problems = Checker(located).run()
    if problems:
        raise SpecError([msg for _, msg in sorted(problems, key=lambda p: p[0])])
    return located


def schema_problems(located: Located) -> list[tuple[int, str]]:
    validator = jsonschema.Draft202012Validator(schema())
    out: list[tuple[int, str]] = []
    for err in validator.iter_errors(located.data):
        path: KeyPath = tuple(err.absolute_path)
        if err.validator == "additionalProperties" and isinstance(err.instance, dict):
            allowed = list(err.schema.get("properties", {}))
            for extra in _extras(err):
                out.append(_unknown_key(located, (*path, extra), allowed))
            continue
        out.append((located.line(path), f"{located.where(path)}: {_message(err)}"))
    return out


def _extras(err: jsonschema.ValidationError) -> list[str]:
    allowed = set(err.schema.get("properties", {}))
    return [k for k in err.instance if k not in allowed]


def _unknown_key(located: Located, path: KeyPath, allowed: list[str]) -> tuple[int, str]:
    key = str(path[-1])
    close = difflib.get_close_matches(key, allowed, n=1)
    hint = f"did you mean '{close[0]}'?" if close else f"valid keys: {', '.join(allowed)}"
    return located.line(path), f"{located.where(path)}: unknown key '{key}' ({hint})"


def _message(err: jsonschema.ValidationError) -> str:
    if err.validator == "required":
        return err.message.replace("is a required property", "is required")
    if err.validator == "enum":
        close = difflib.get_close_matches(str(err.instance), [str(v) for v in err.validator_value])
        tail = f" (did you mean '{close[0]}'?)" if close else ""
        return f"{err.instance!r} is not one of {err.validator_value}{tail}"
    return err.message


class Checker:
    """Cross-checks the schema cannot express: names that must exist, paths that must compile,
    names that must not collide."""

    def __init__(self, located: Located) -> None:
        self.located = located
        self.data = located.data
        self.streams: dict[str, Any] = self.data["streams"]
        self.naming = self.data.get("naming", "snake_case")
        self.problems: list[tuple[int, str]] = []

    def add(self, path: KeyPath, message: str) -> None:
        self.problems.append((self.located.line(path), f"{self.located.where(path)}: {message}"))

    def run(self) -> list[tuple[int, str]]:
        self.check_jmespath(("source", "paging", "total"), self.data["source"].get("paging", {}))
        table_names: dict[str, str] = {}
        for key, stream in self.streams.items():
            self.check_stream(key, stream)
            name = stream.get("name") or warehouse_name(key, self.naming)
            where = ("streams", key, "name") if "name" in stream else ("streams", key)
            if name.lower() in table_names:
                self.add(
                    where,
                    f"table name '{name}' is also used by stream '{table_names[name.lower()]}'",
                )
            elif name.lower() in RESERVED_TABLES:
                self.add(where, f"table name '{name}' is reserved for acx's own bookkeeping")
            table_names.setdefault(name.lower(), key)
        for key, view in self.data.get("views", {}).items():
            self.check_view(key, view, table_names)
        self.check_tags(table_names)
        return self.problems

    def check_tags(self, table_names: dict[str, str]) -> None:
        """A tag that is also a table's key or name would make `--tables X` mean two things."""
        for key, stream in self.streams.items():
            for i, tag in enumerate(stream.get("tags", [])):
                if tag in self.streams or tag.lower() in table_names:
                    self.add(
                        ("streams", key, "tags", i),
                        f"tag '{tag}' is also a table: `--tables {tag}` would mean both",
                    )

    def check_view(self, key: str, v: dict[str, Any], table_names: dict[str, str]) -> None:
        """Its streams and columns exist, its joins compare like types, its name is free."""
        at: KeyPath = ("views", key)
        if key in table_names:
            self.add(at, f"view name '{key}' is also the table of stream '{table_names[key]}'")
        elif key in RESERVED_TABLES:
            self.add(at, f"view name '{key}' is reserved for acx's own bookkeeping")
        missing = [role for role in ("base", "values", "fields") if v[role] not in self.streams]
        for role in missing:
            self.add((*at, role), self.no_stream(v[role]))
        if missing:
            return
        value = v["value"]
        checks: list[tuple[KeyPath, str, str]] = [
            ((role,), v[role], owner)
            for role, owner in (
                ("row_key", "values"),
                ("field_key", "values"),
                ("field_id", "fields"),
                ("label", "fields"),
            )
        ]
        if isinstance(value, str):
            checks.append((("value",), value, "values"))
        else:
            checks += [(("value", i), name, "values") for i, name in enumerate(value)]
        complete = True
        for path, name, owner in checks:
            cols = self.streams[v[owner]]["columns"]
            if name not in cols:
                self.add((*at, *path), self.no_column(name, cols, v[owner]))
                complete = False
        base_key = self.streams[v["base"]]["primary_key"]
        if len(base_key) != 1:
            self.add((*at, "base"), f"stream '{v['base']}' needs a one-column primary key")
        elif complete:
            self.check_join(at, "row_key", v["values"], v["row_key"], v["base"], base_key[0])
            self.check_join(
                at, "field_key", v["values"], v["field_key"], v["fields"], v["field_id"]
            )

    def check_join(
        self, at: KeyPath, role: str, stream: str, column: str, target: str, target_column: str
    ) -> None:
        have = self.streams[stream]["columns"][column]["type"]
        want = self.streams[target]["columns"].get(target_column, {}).get("type", have)
        if have != want:
            self.add(
                (*at, role),
                f"column '{column}' is {have} but {target}.{target_column}, which it joins, "
                f"is {want}",
            )

    def check_stream(self, key: str, s: dict[str, Any]) -> None:
        at: KeyPath = ("streams", key)
        cols: dict[str, Any] = s["columns"]
        self.check_shape(at, s)
        self.check_columns(at, cols)
        for i, pk in enumerate(s["primary_key"]):
            if pk not in cols:
                self.add((*at, "primary_key", i), self.no_column(pk, cols))
        self.check_replication(at, s, cols)
        if "table_per_row" in s:
            self.check_per_row(at, s)
        else:
            self.check_parent(at, s, cols)
        self.check_not_templated(at, s)
        self.check_referenced_by(at, s)
        for name in ("records", "nested", "where"):
            if name in s:
                self.check_expr((*at, name), s[name])
        for i, join in enumerate(s.get("joins", [])):
            self.check_expr((*at, "joins", i, "records"), join["records"])
        self.check_jmespath((*at, "paging", "total"), s.get("paging", {}))

    def check_shape(self, at: KeyPath, s: dict[str, Any]) -> None:
        if "endpoint" in s and "from" in s:
            self.add((*at, "from"), "give either 'endpoint' (own requests) or 'from', not both")
        elif "endpoint" in s:
            if "records" not in s:
                self.add(at, "'records' is required with 'endpoint' (JMESPath to the rows)")
            if "nested" in s:
                self.add((*at, "nested"), "'nested' needs 'from' (a stream whose records hold it)")
            if "mode" not in s.get("replication", {}):
                self.add(at, "'replication.mode' is required for a stream with an endpoint")
        elif "from" in s:
            self.check_from(at, s)
        else:
            self.add(at, "give 'endpoint' (own requests) or 'from' (fed by another stream)")

    def check_from(self, at: KeyPath, s: dict[str, Any]) -> None:
        src = s["from"]
        if src not in self.streams:
            self.add((*at, "from"), self.no_stream(src))
        elif self.feeder_cycle(str(at[1])):
            self.add((*at, "from"), f"'from' makes a cycle through stream '{src}'")
        if ("records" in s) == ("nested" in s):
            self.add(at, "a 'from' stream takes exactly one of 'records' (side-load) or 'nested'")
        for key in ("paging", "params"):
            if key in s:
                self.add((*at, key), f"'{key}' belongs to the feeding stream '{src}'")
        for word in ("mode", "deletes", "reconcile_days"):
            if word in s.get("replication", {}):
                self.add(
                    (*at, "replication", word), f"follows the feeding stream '{src}'; remove it"
                )

    def feeder_cycle(self, start: str) -> bool:
        seen, cur = {start}, self.streams[start].get("from")
        while cur is not None and cur in self.streams:
            if cur in seen:
                return True
            seen.add(cur)
            cur = self.streams[cur].get("from")
        return False

    def check_columns(self, at: KeyPath, cols: dict[str, Any]) -> None:
        names: dict[str, str] = {}
        for ckey, col in cols.items():
            cpath = (*at, "columns", ckey)
            name = col.get("name") or warehouse_name(ckey, self.naming)
            if name.lower() in names:
                self.add(
                    cpath, f"column name '{name}' is also made by column '{names[name.lower()]}'"
                )
            names.setdefault(name.lower(), ckey)
            if name.lower().startswith("_acx_"):
                self.add(
                    cpath,
                    f"column name '{name}': names starting with _acx_ are acx's own "
                    "(_acx_synced_at, _acx_deleted_at ...); give the column a `name`",
                )
            if "field" in col:
                self.check_expr((*cpath, "field"), col["field"])
            if "same_instant_as" in col:
                self.check_twin((*cpath, "same_instant_as"), ckey, col, cols)
            if "references" in col:
                target, _, tcol = col["references"].partition(".")
                if target not in self.streams:
                    self.add((*cpath, "references"), self.no_stream(target))
                elif tcol not in self.streams[target]["columns"]:
                    self.add(
                        (*cpath, "references"),
                        self.no_column(tcol, self.streams[target]["columns"], target),
                    )

    def check_twin(self, path: KeyPath, key: str, col: dict[str, Any], cols: dict) -> None:
        twin = col["same_instant_as"]
        if col["type"] != "timestamp":
            self.add(path, f"'same_instant_as' is for timestamp columns; '{key}' is {col['type']}")
        elif twin not in cols:
            self.add(path, self.no_column(twin, cols))
        elif twin == key or cols[twin]["type"] != "timestamp":
            self.add(path, f"'{twin}' must be another timestamp column of this table")

    def check_referenced_by(self, at: KeyPath, s: dict[str, Any]) -> None:
        if "only_referenced_by" not in s:
            return
        path = (*at, "only_referenced_by")
        target, _, tcol = s["only_referenced_by"].partition(".")
        if len(s["primary_key"]) != 1:
            self.add(path, "needs a one-column primary key to look up")
        if target not in self.streams:
            self.add(path, self.no_stream(target))
        elif target == at[1]:
            self.add(path, "a table cannot filter itself")
        elif tcol not in self.streams[target]["columns"]:
            self.add(path, self.no_column(tcol, self.streams[target]["columns"], target))
        elif self.streams[target].get("replication", {}).get("cursor"):
            self.add(
                path,
                f"'{target}' is read incrementally (it has a cursor), so one run sees only some "
                "of its rows: filter by a table read in full every run",
            )

    def check_replication(self, at: KeyPath, s: dict[str, Any], cols: dict[str, Any]) -> None:
        rep = s.get("replication", {})
        cursor = rep.get("cursor")
        if cursor is not None:
            if cursor not in cols:
                self.add((*at, "replication", "cursor"), self.no_column(cursor, cols))
            elif cols[cursor]["type"] not in CURSOR_TYPES:
                self.add(
                    (*at, "replication", "cursor"),
                    f"cursor '{cursor}' is {cols[cursor]['type']}; use {sorted(CURSOR_TYPES)}",
                )
        for needs in ("filter", "update_window_days"):
            if needs in rep and cursor is None:
                self.add((*at, "replication", needs), f"'{needs}' needs a 'cursor'")
        if rep.get("mode") == "full" and ("filter" in rep or rep.get("update_window_days")):
            self.add(
                (*at, "replication", "mode"),
                "a full stream reads everything: drop 'filter'/'update_window_days'",
            )
        reconciled = rep.get("reconcile_days") not in (None, False)
        if reconciled and rep.get("mode") != "incremental" and not rep.get("selectable"):
            self.add(
                (*at, "replication", "reconcile_days"),
                "only an incremental table is reconciled: every run of a full one reads it all",
            )

    def check_parent(self, at: KeyPath, s: dict[str, Any], cols: dict[str, Any]) -> None:
        parent = s.get("parent")
        holders = placeholders(s.get("endpoint", ""))
        if parent is None:
            if holders:
                self.add((*at, "endpoint"), f"placeholder '{{{holders[0]}}}' needs a 'parent'")
            return
        pstream = parent["stream"]
        if pstream not in self.streams:
            self.add((*at, "parent", "stream"), self.no_stream(pstream))
            return
        if pstream == at[1]:
            self.add((*at, "parent", "stream"), "a stream cannot be its own parent")
        if parent["key"] not in cols:
            self.add((*at, "parent", "key"), self.no_column(parent["key"], cols))
        pcols = self.streams[pstream]["columns"]
        ref = parent_reference(parent, self.streams)
        if ref not in pcols:
            self.add((*at, "parent", "references"), self.no_column(ref, pcols, pstream))
        for holder in holders:
            if not holder.startswith(PLACEHOLDER_PREFIX):
                self.add(
                    (*at, "endpoint"),
                    f"unknown placeholder '{{{holder}}}' (only {{parent.<column>}} is allowed)",
                )
            elif holder[len(PLACEHOLDER_PREFIX) :] not in pcols:
                self.add(
                    (*at, "endpoint"),
                    self.no_column(holder[len(PLACEHOLDER_PREFIX) :], pcols, pstream),
                )

    def check_per_row(self, at: KeyPath, s: dict[str, Any]) -> None:
        """A table template: its rows' stream exists and makes requests, its placeholders are
        `{row.<JMESPath>}`, its kinds map to logical types, its expressions parse."""
        rule = s["table_per_row"]
        here: KeyPath = (*at, "table_per_row")
        of = rule["of"]
        if of not in self.streams:
            self.add((*here, "of"), self.no_stream(of))
        elif of == at[1] or "table_per_row" in self.streams[of]:
            self.add((*here, "of"), f"'{of}' is a table template: its rows are not read as such")
        if "parent" in s:
            self.add(
                (*at, "parent"), "a table template's tables are filled from its row: no parent"
            )
        if "endpoint" not in s:
            self.add(at, "a table template needs an 'endpoint' (with {row.<field>} placeholders)")
        for where, text in (("endpoint", s.get("endpoint", "")), ("table_per_row", rule["name"])):
            for holder in placeholders(text):
                path = (*at, where) if where == "endpoint" else (*here, "name")
                if not holder.startswith(ROW_PREFIX):
                    self.add(path, f"unknown placeholder '{{{holder}}}' (use {{row.<field>}})")
                else:
                    self.check_expr(path, holder[len(ROW_PREFIX) :])
        cols = rule["columns"]
        kinds = [*cols.get("types", {}).items(), ("default_type", cols.get("default_type"))]
        for kind, logical in kinds:
            if logical is not None and logical not in LOGICAL_TYPES:
                path = (*here, "columns", "types", kind)
                if kind == "default_type":
                    path = (*here, "columns", "default_type")
                self.add(path, f"'{logical}' is not a type ({', '.join(LOGICAL_TYPES)})")
        for name in ("items", "description", "skip"):
            if name in cols:
                self.check_expr((*here, "columns", name), cols[name])
        self.check_expr((*here, "columns", "value"), cols["value"].replace("{key}", "k"))

    def check_not_templated(self, at: KeyPath, s: dict[str, Any]) -> None:
        """No stream is fed by, or a child of, a template: its tables exist only per account."""
        for path, other in (
            ((*at, "from"), s.get("from")),
            ((*at, "parent", "stream"), (s.get("parent") or {}).get("stream")),
        ):
            if other in self.streams and "table_per_row" in self.streams[other]:
                self.add(path, f"'{other}' is a table template: no table may depend on it")

    def check_expr(self, path: KeyPath, expr: str) -> None:
        try:
            jmespath.compile(expr)
        except JMESPathError as exc:
            self.add(path, f"not a valid JMESPath expression {expr!r}: {str(exc).splitlines()[0]}")

    def check_jmespath(self, path: KeyPath, paging: dict[str, Any]) -> None:
        if "total" in paging:
            self.check_expr(path, paging["total"])
        kind = paging.get("kind", "")  # none: the source gives no default paging
        for key in PAGING_NEEDS.get(kind, ()):  # the schema let only known kinds through
            if key not in paging:
                need = f"a '{key}'" if key == "limit" else f"'{key}'"  # a page size; a key
                self.add(path[:-1], f"{kind} paging needs {need}")

    def no_stream(self, name: str) -> str:
        close = difflib.get_close_matches(name, list(self.streams), n=1)
        return f"no stream '{name}'" + (f" (did you mean '{close[0]}'?)" if close else "")

    @staticmethod
    def no_column(name: str, cols: dict[str, Any], stream: str | None = None) -> str:
        close = difflib.get_close_matches(name, list(cols), n=1)
        where = f" in stream '{stream}'" if stream else ""
        return f"no column '{name}'{where}" + (f" (did you mean '{close[0]}'?)" if close else "")
