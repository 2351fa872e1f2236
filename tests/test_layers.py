"""The engine's layers, as the tree shows them: each package imports only the ones below it.

    integrations  acx under an orchestrator (Dagster), over the api; each an optional extra
    api  (the library entry: engine.api, and engine.orchestrate for orchestrators; cli.py sits
         on top of it)
    report   progress, summary, docs, ERD, dbt, `acx fields`, `acx check`
    run      plan, runner, writer, state of a run, checkpoints, events, results
    load     destinations, DDL, the _acx_state table
    read     paginators, records, coercion, drift, the account's zone
    http     client, rate limit
    config   acx.toml and the environment over the spec
    spec     YAML, model, validation, types, names
    (base)   errors, redact, crashpoints: used by every layer, importing none

Imports inside functions count too: a lazy import is still a dependency."""

from __future__ import annotations

import ast
from pathlib import Path

ENGINE = Path(__file__).resolve().parent.parent / "engine"
LAYERS = ["base", "spec", "config", "http", "read", "load", "run", "report", "api", "integrations"]
BASE = {"errors", "redact", "crashpoints", "__init__"}
API = {"api", "orchestrate"}  # modules of the api layer


def layer(module: str) -> str:
    """`engine.read.records` -> read; `engine.errors` -> base; `engine.api` -> api."""
    parts = module.split(".")
    if parts[0] != "engine" or len(parts) == 1:
        return "base"
    if parts[1] in API:
        return "api"
    return "base" if parts[1] in BASE else parts[1]


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted(ENGINE.rglob("*.py")):
        rel = path.relative_to(ENGINE.parent).with_suffix("")
        name = ".".join(rel.parts)
        found[name.removesuffix(".__init__")] = path
    return found


def imports(path: Path, package: str) -> list[tuple[str, int]]:
    """Every engine module (or package) this file imports, with the line."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [(a.name, node.lineno) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            base = node.module
            if node.level:  # relative: resolve against the package
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
                base = f"{base}.{node.module}" if node.module else base
            out.append((base, node.lineno))
            out += [(f"{base}.{a.name}", node.lineno) for a in node.names]
    return out


def engine_imports() -> dict[str, list[tuple[str, int]]]:
    known = modules()
    graph = {}
    for name, path in known.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        graph[name] = [(m, line) for m, line in imports(path, package) if m in known]
    return graph


def test_every_engine_module_sits_in_a_layer():
    for name in modules():
        assert layer(name) in LAYERS, f"{name} is in no layer: move it into one of {LAYERS}"


def test_no_layer_imports_a_higher_one():
    wrong = []
    for name, deps in engine_imports().items():
        here = LAYERS.index(layer(name))
        for dep, line in deps:
            if LAYERS.index(layer(dep)) > here:
                wrong.append(f"{name}:{line} imports {dep} ({layer(name)} -> {layer(dep)})")
    assert not wrong, "\n".join(wrong)


def test_the_display_never_imports_the_run_loop():
    graph = engine_imports()
    for display in ("engine.report.progress", "engine.report.summary"):
        loop = [d for d, _ in graph[display] if d in ("engine.run.runner", "engine.run.writer")]
        assert not loop, f"{display} imports {loop}: it reads events and results only"


def test_only_an_integration_imports_its_orchestrator():
    """Dagster is an optional extra: `import engine` and every command work without it."""
    for name, path in modules().items():
        if layer(name) == "integrations":
            continue
        for dep, line in imports(path, name):
            assert dep.split(".")[0] != "dagster", f"{name}:{line} imports {dep}"


def test_the_engine_never_imports_the_sandbox():
    for name, path in modules().items():
        for dep, line in imports(path, name):
            assert dep.split(".")[0] != "sandbox", f"{name}:{line} imports {dep}"


def test_no_import_loop_between_modules():
    """Module-level imports only (a loop of those fails at import time, or works by luck)."""
    known = modules()
    graph: dict[str, set[str]] = {}
    for name, path in known.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        deps = set()
        for node in tree.body:
            if isinstance(node, ast.ImportFrom) and node.module:
                deps |= {m for m in [node.module, *(f"{node.module}.{a.name}" for a in node.names)]}
            elif isinstance(node, ast.Import):
                deps |= {a.name for a in node.names}
        graph[name] = {d for d in deps if d in known and d != name}
    # a package's __init__ importing its own submodules is how a facade works, not a loop
    for name in graph:
        graph[name] = {d for d in graph[name] if not d.startswith(name + ".")}
    loops = []
    seen: dict[str, int] = {}

    def visit(node: str, stack: list[str]) -> None:
        seen[node] = 1
        for dep in sorted(graph[node]):
            if seen.get(dep) == 1:
                loops.append(" -> ".join([*stack[stack.index(dep) :], dep]))
            elif dep not in seen:
                visit(dep, [*stack, dep])
        seen[node] = 2

    for name in sorted(graph):
        if name not in seen:
            visit(name, [name])
    assert not loops, "\n".join(loops)
