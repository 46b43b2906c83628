"""The shape of the code: which module may import which, so that the pieces stay separable."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _imported_after(statement: str) -> set[str]:
    code = f"import sys; {statement}; print(' '.join(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return set(done.stdout.split())


def test_relations_and_checks_do_not_import_the_knowledge_base_the_reverse_is_one_way() -> None:
    for module in ("macros.records.relations", "macros.records.checks"):
        assert "macros.records.knowledge" not in _imported_after(f"import {module}"), module


def test_the_site_code_needs_no_browser_or_test_tooling() -> None:
    loaded = _imported_after("import macros.generate, macros.adapters.build_state, macros.adapters.rawhtml")
    assert not {"playwright", "pytest", "axe_playwright_python"} & {name.split(".")[0] for name in loaded}
