"""The package's imports run one way: from the command line down to errors and paths, never back up, and
never in a circle. Lazy imports inside functions count too: a circle hidden in a function is still a circle."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from course.paths import PACKAGE_DIR

# Lowest first. A module may import from its own layer or any layer below it, never from one above.
LAYERS = [
    ["course.errors", "course.paths", "course.tools", "course.i18n"],
    ["course.kb"],
    ["course.planner", "course.quiz"],
    ["course.widgets", "course.pages", "course.glossary_page", "course.practice"],
    ["course.publish"],
    ["course.classroom", "course.hub"],
    ["course.cli", "course.__main__", "course"],
]


def module_name(path: Path, package: Path = PACKAGE_DIR) -> str:
    parts = ["course", *path.relative_to(package).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in PACKAGE_DIR.rglob("*.py")}


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """The course modules that `name` imports, relative imports resolved."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            # `from . import planner` imports a module; `from .kb import load` imports from one.
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base for alias in node.names]
        else:
            continue
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def layer(name: str) -> int:
    best = None
    for index, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            if name == prefix or (prefix != "course" and name.startswith(prefix + ".")):
                best = index
    if best is None:
        pytest.fail(f"{name} is in no layer: add it to LAYERS in {Path(__file__).name}")
    return best


def graph() -> dict[str, set[str]]:
    found = modules()
    return {name: imports_of(name, path, set(found)) for name, path in found.items()}


def test_every_import_runs_down_the_layers():
    upward = [f"{name} (layer {layer(name)}) imports {target} (layer {layer(target)})"
              for name, targets in graph().items() for target in sorted(targets)
              if layer(target) > layer(name) and target != "course"]
    assert not upward, "\n".join(upward)


def test_no_import_circle():
    edges = graph()
    # A circle through a package's __init__ re-export is still a circle, except the package `course` itself,
    # whose __init__ only re-exports the knowledge base for notebooks.
    edges = {name: {t for t in targets if t != "course"} for name, targets in edges.items()}
    state: dict[str, int] = {}
    circles = []

    def visit(node, trail):
        state[node] = 1
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                circles.append(" -> ".join(trail[trail.index(nxt):] + [nxt]))
            elif nxt not in state:
                visit(nxt, trail + [nxt])
        state[node] = 2

    for start in sorted(edges):
        if start not in state:
            visit(start, [start])
    assert not circles, "import circles:\n" + "\n".join(circles)


def test_the_checker_sees_a_circle(tmp_path):
    """The circle check is not vacuous: two modules that import each other are found."""
    package = tmp_path / "course"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from . import b\n")
    (package / "b.py").write_text("def f():\n    from .a import x\n")
    found = {module_name(p, package): p for p in package.rglob("*.py")}
    edges = {n: imports_of(n, p, set(found)) for n, p in found.items()}
    assert edges["course.a"] == {"course.b"} and edges["course.b"] == {"course.a"}


def test_development_code_stays_out_of_the_package():
    """Benchmarks and test helpers live in dev/, which the learner kit and the hub never get."""
    for name, path in modules().items():
        source = path.read_text(encoding="utf-8")
        assert "import dev" not in source and "from dev" not in source, f"{name} imports development code"
