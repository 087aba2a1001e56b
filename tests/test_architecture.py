"""The pipeline runs one way: the checking core never imports the command line, the
formatters, or anything that prints. ARCHITECTURE.md names every module it relies on."""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "factcheck"
ROOT = PACKAGE.parent

# The checking core, and what it must never import.
CORE = ("model", "errors", "text", "normalize", "record", "features", "match", "verdict",
        "decide", "pipeline", "cache")  # fmt: skip
EDGE = ("entry", "cli", "run", "commands", "report", "progress", "config", "inputs")


def _module(path: Path) -> str:
    rel = path.relative_to(PACKAGE).with_suffix("")
    parts = [p for p in rel.parts if p != "__init__"]
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("factcheck"):
            found.add(node.module.removeprefix("factcheck").lstrip("."))
            for alias in node.names:
                found.add(
                    f"{node.module.removeprefix('factcheck').lstrip('.')}.{alias.name}".lstrip(".")
                )
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("factcheck."):
                    found.add(alias.name.removeprefix("factcheck."))
    return found


def _top(name: str) -> str:
    return name.split(".", maxsplit=1)[0]


def test_the_core_never_imports_the_edge() -> None:
    for path in PACKAGE.rglob("*.py"):
        mod = _module(path)
        if _top(mod) not in CORE:
            continue
        bad = {i for i in _imports(path) if _top(i) in EDGE}
        assert not bad, f"{mod} imports {sorted(bad)}"


def test_the_core_never_prints() -> None:
    for path in PACKAGE.rglob("*.py"):
        if _top(_module(path)) not in CORE:
            continue
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"(?<![\w.])print\(|sys\.std(?:out|err)\.write", text), path


def test_no_import_cycles_between_modules() -> None:
    graph: dict[str, set[str]] = {}
    modules = {_module(p): p for p in PACKAGE.rglob("*.py")}
    for mod, path in modules.items():
        deps = set()
        for imported in _imports(path):
            name = imported
            while name and name not in modules:
                name = name.rpartition(".")[0]
            if name and name != mod and not mod.startswith(name + "."):
                deps.add(name)
        graph[mod] = deps
    seen: dict[str, int] = {}

    def visit(node: str, stack: list[str]) -> None:
        seen[node] = 1
        for dep in graph.get(node, ()):
            assert seen.get(dep) != 1, "import cycle: " + " -> ".join([*stack, node, dep])
            if dep not in seen:
                visit(dep, [*stack, node])
        seen[node] = 2

    for mod in graph:
        if mod not in seen:
            visit(mod, [])


def test_architecture_names_only_modules_that_exist() -> None:
    doc = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`factcheck/([\w/]+\.py)`", doc))
    assert len(named) >= 10
    for rel in named:
        assert (PACKAGE / rel).is_file(), rel
