"""The shape of the code: which part may import which, so that the pieces stay separable.

The layers point down, one way:

    records            the models, loading, checks, the knowledge base      imports nothing of ours
    html               escaping, URLs, the page structure, its elements     records
    partner_network    graphs, diagrams, network tables                     records, html
    contributing       the issue form, templates, schemas                   records, html
    pages              one module per page kind, benchlearning, exports     records, html, partner_network, contributing
    site               macros/generate.py, macros/search_index.py           everything above
    adapters           MkDocs                                               everything

Every import of every module is read from its source (also imports inside functions), so a lazy import
cannot hide an upward edge.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "macros"

LAYERS: dict[str, set[str]] = {
    "records": set(),
    "html": {"records"},
    "partner_network": {"records", "html"},
    "contributing": {"records", "html"},
    "pages": {"records", "html", "partner_network", "contributing"},
    "site": {"records", "html", "partner_network", "contributing", "pages"},
    "adapters": {"records", "html", "partner_network", "contributing", "pages", "site"},
    "package": {"adapters"},
}
"""Layer -> the layers it may import (besides itself)."""


def layer_of(module: str) -> str | None:
    """`macros.pages.city` -> `pages`; the package's own top-level modules are `site`."""
    parts = module.split(".")
    if parts[0] != "macros":
        return None
    if len(parts) == 1:
        return "package"
    if parts[1] in LAYERS:
        return parts[1]
    return "site"


def modules() -> list[tuple[str, Path]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(ROOT).with_suffix("")
        name = ".".join(relative.parts)
        found.append((name.removesuffix(".__init__"), path))
    return found


def imports_of(path: Path, module: str) -> set[str]:
    """Every `macros...` module a source file imports, at any depth of its code."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: resolve against the package
                package = (
                    module.split(".")[: -node.level] if path.name != "__init__.py" else module.split(".")
                )
                base = ".".join([*package, base] if base else package)
            found |= {f"{base}.{alias.name}" for alias in node.names}
    return {name for name in found if name.split(".")[0] == "macros"}


EDGES = [
    (module, imported)
    for module, path in modules()
    for imported in sorted(imports_of(path, module))
    if layer_of(imported) not in (None, layer_of(module))
]


def test_every_folder_of_the_package_has_a_layer() -> None:
    folders = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert folders <= set(LAYERS), f"no layer for {folders - set(LAYERS)}: add it to LAYERS"


@pytest.mark.parametrize(("module", "imported"), EDGES)
def test_imports_point_down(module: str, imported: str) -> None:
    here, there = layer_of(module), layer_of(imported)
    assert there in LAYERS[here or ""], f"{module} ({here}) imports {imported} ({there}): an upward edge"


def test_the_import_graph_between_layers_has_no_cycle() -> None:
    graph: dict[str, set[str]] = {}
    for module, imported in EDGES:
        graph.setdefault(layer_of(module) or "", set()).add(layer_of(imported) or "")
    seen: set[str] = set()
    path: list[str] = []

    def visit(node: str) -> None:
        assert node not in path, f"cycle between layers: {' -> '.join([*path, node])}"
        if node in seen:
            return
        path.append(node)
        for target in graph.get(node, ()):
            visit(target)
        path.pop()
        seen.add(node)

    for node in graph:
        visit(node)


def test_an_upward_import_is_caught() -> None:
    """The check can fail: an import of pages from records is an upward edge."""
    source = "from macros.pages import city\n"
    tree_imports = {
        f"{node.module}.{alias.name}"
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    assert any(layer_of(name) not in LAYERS["records"] for name in tree_imports)


def _imported_after(statement: str) -> set[str]:
    code = f"import sys; {statement}; print(' '.join(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return set(done.stdout.split())


def test_the_core_does_not_import_mkdocs_or_markdown() -> None:
    loaded = _imported_after("import macros.generate")
    assert not {"mkdocs", "markdown"} & {name.split(".")[0] for name in loaded}


def test_the_site_code_needs_no_browser_or_test_tooling() -> None:
    loaded = _imported_after("import macros.generate, macros.adapters.build_state, macros.adapters.rawhtml")
    assert not {"playwright", "pytest", "axe_playwright_python"} & {name.split(".")[0] for name in loaded}
