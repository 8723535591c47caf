"""The layers hold: which part of claimcheck may import which, no import circles, and the heavy
or I/O libraries only where they belong. Every import counts, including those inside functions
and under TYPE_CHECKING: a circle hidden in a function is still a circle.

Read LAYERS bottom-up to know where a change goes; an import it does not allow fails here first.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "claimcheck"

# Unit → the units it may import (besides itself). A unit is a module or package under
# claimcheck; a module belongs to the longest unit its name starts with, so `sources.base` (the
# interface every layer above may use) and `verify.stage` (the one impure part of verify) are
# units of their own. Bottom first.
BOTTOM = {"claimcheck", "model", "errors", "limits"}
LAYERS: dict[str, set[str]] = {
    "claimcheck": set(),  # the package itself: __version__
    "model": set(),
    "errors": set(),
    "limits": set(),  # bounded reads of whole files (snapshots, baselines)
    "normalize": {"model", "errors"},
    "nlp": {"errors"},
    "cache": set(BOTTOM),
    "http": BOTTOM | {"cache"},
    "extract": BOTTOM | {"normalize"},
    "read": BOTTOM | {"extract"},
    "config": BOTTOM | {"nlp", "read"},
    "sources.base": set(BOTTOM),
    "link": BOTTOM | {"sources.base"},
    "sources": BOTTOM | {"sources.base", "config", "http", "cache"},
    # verify/ is pure: Claim × Facts × date → Verdict, no source, no I/O.
    "verify": BOTTOM | {"normalize"},
    "verify.statstage": BOTTOM | {"verify", "sources.base"},  # the statistics stage
    "verify.stage": BOTTOM | {"verify", "verify.statstage", "link", "sources.base"},
    "consistency": BOTTOM | {"normalize"},
    "policy": BOTTOM | {"config", "consistency", "read"},
    "render": BOTTOM | {"policy", "read"},
    "pipeline": BOTTOM
    | {"read", "extract", "nlp", "config", "sources", "sources.base", "verify.stage"}
    | {"consistency", "policy"},
    # engine/: the one entry point (records in, records out) every engine runs, and the cluster.
    "engine": BOTTOM | {"pipeline", "read", "render", "config", "nlp", "policy", "sources.base"},
    "__main__": BOTTOM | {"cli", "render"},
}
LAYERS["cli"] = {u for u in LAYERS if u != "__main__"}  # the top: translates flags into calls
# Third-party libraries confined to one place (a prefix of the importing module's name).
CONFINED = {
    "typer": ("claimcheck.cli",),
    "click": ("claimcheck.cli",),
    "spacy": ("claimcheck.nlp", "claimcheck.extract"),
    "requests": ("claimcheck.http",),
    "dask": ("claimcheck.engine",),
    "distributed": ("claimcheck.engine",),
    "pyarrow": ("claimcheck.engine",),
}


@dataclass(frozen=True)
class Import:
    module: str  # the importing module, dotted
    target: str  # what it imports, dotted (a module, or a name inside one)
    line: int


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(source: str, module: str, is_package: bool) -> Iterable[Import]:
    """Every import in a module's source, wherever it stands; relative ones made absolute."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            yield from (Import(module, a.name, node.lineno) for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = module.split(".")[: len(module.split(".")) - node.level + is_package]
                base = ".".join([*anchor, base] if base else anchor)
            yield from (Import(module, f"{base}.{a.name}", node.lineno) for a in node.names)


def scan(root: Path) -> tuple[set[str], list[Import]]:
    """The modules of the package at `root` and every import they make."""
    modules, found = set(), []
    for path in sorted(root.rglob("*.py")):
        name = module_name(path, root)
        modules.add(name)
        text = path.read_text(encoding="utf-8")
        found += imports_of(text, name, path.name == "__init__.py")
    return modules, found


def unit_of(module: str, package: str = "claimcheck") -> str | None:
    """The LAYERS unit a module of the package belongs to; None outside the package."""
    if module != package and not module.startswith(package + "."):
        return None
    rest = module[len(package) + 1 :]
    if not rest:
        return package
    candidates = [u for u in LAYERS if rest == u or rest.startswith(u + ".")]
    return max(candidates, key=len) if candidates else rest.split(".")[0]


def internal_edges(modules: set[str], found: list[Import]) -> set[tuple[str, str, int]]:
    """(importer, imported module, line) for imports of the package's own modules; a name
    imported from a module counts as that module."""
    edges = set()
    for imp in found:
        target = imp.target if imp.target in modules else imp.target.rpartition(".")[0]
        if target in modules and target != imp.module:
            edges.add((imp.module, target, imp.line))
    return edges


def upward_imports(modules: set[str], found: list[Import]) -> list[str]:
    package = min(modules, key=len)
    bad = []
    for importer, target, line in sorted(internal_edges(modules, found)):
        a, b = unit_of(importer, package), unit_of(target, package)
        if a != b and b not in LAYERS.get(a or "", set()):
            bad.append(f"{importer}:{line} imports {target} ({a} may not use {b})")
    return bad


def circles(edges: Iterable[tuple[str, str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), each sorted."""
    graph: dict[str, set[str]] = {}
    for a, b in edges:
        graph.setdefault(a, set()).add(b)
        graph.setdefault(b, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                group.append(top)
                if top == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def confined_imports(found: list[Import]) -> list[str]:
    bad = []
    for imp in found:
        top = imp.target.split(".")[0]
        allowed = CONFINED.get(top)
        if allowed and not any(imp.module.startswith(p) for p in allowed):
            bad.append(f"{imp.module}:{imp.line} imports {imp.target}")
    return sorted(set(bad))


@pytest.fixture(scope="module")
def package() -> tuple[set[str], list[Import]]:
    return scan(PACKAGE)


def test_every_import_goes_down_the_layers(package):
    assert upward_imports(*package) == []


def test_the_layer_map_itself_has_no_circle():
    assert circles((a, b) for a, allowed in LAYERS.items() for b in allowed) == []


def test_every_unit_of_the_package_is_on_the_map(package):
    modules, _ = package
    assert {unit_of(m) for m in modules} <= set(LAYERS)


def test_no_import_circles_between_modules(package):
    modules, found = package
    assert circles((a, b) for a, b, _ in internal_edges(modules, found)) == []


def test_nothing_imports_the_cli_but_the_entry_point(package):
    modules, found = package
    importers = {a for a, b, _ in internal_edges(modules, found) if b.startswith("claimcheck.cli")}
    assert {a for a in importers if not a.startswith("claimcheck.cli")} == {"claimcheck.__main__"}


def test_typer_spacy_and_requests_stay_where_they_belong(package):
    assert confined_imports(package[1]) == []


# The checker, shown to catch what it is for on a package made up for the purpose.


def _plant(tmp_path: Path, files: Mapping[str, str]) -> tuple[set[str], list[Import]]:
    root = tmp_path / "claimcheck"
    for name, text in {"__init__.py": "", **files}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return scan(root)


def test_a_planted_upward_import_is_reported(tmp_path):
    modules, found = _plant(
        tmp_path,
        {
            "model.py": "",
            "render/__init__.py": "",
            "render/table.py": "from claimcheck.model import Claim\n",
            # model is the bottom layer: reaching up to render is what the test must catch
            "verify/__init__.py": "def f():\n    from claimcheck.render.table import x\n",
        },
    )
    bad = upward_imports(modules, found)
    assert len(bad) == 1 and "claimcheck.verify:2 imports claimcheck.render.table" in bad[0]


def test_a_relative_upward_import_is_reported(tmp_path):
    modules, found = _plant(
        tmp_path,
        {"model.py": "from .cli import app\n", "cli/__init__.py": "", "cli/app.py": "app = 1\n"},
    )
    assert [b.split(" (")[0] for b in upward_imports(modules, found)] == [
        "claimcheck.model:1 imports claimcheck.cli.app"
    ]


def test_a_circle_hidden_inside_a_function_is_found(tmp_path):
    modules, found = _plant(
        tmp_path,
        {
            "extract/__init__.py": "",
            "extract/a.py": "from claimcheck.extract.b import y\nx = 1\n",
            "extract/b.py": "def g():\n    from claimcheck.extract.a import x\ny = 2\n",
        },
    )
    edges = ((a, b) for a, b, _ in internal_edges(modules, found))
    assert circles(edges) == [["claimcheck.extract.a", "claimcheck.extract.b"]]


def test_a_confined_library_imported_elsewhere_is_reported(tmp_path):
    _, found = _plant(tmp_path, {"link.py": "import requests\n", "http.py": "import requests\n"})
    assert confined_imports(found) == ["claimcheck.link:1 imports requests"]
