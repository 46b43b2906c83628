"""Kennisbank lokaal integratiebeleid: records, checks, graph, diagrams and pages.

The core does not import MkDocs. Two thin adapters call it: `define_env` (mkdocs-macros) gives the
hand-written pages their macros, and `macros/adapters/mkdocs_hooks.py` hands the generated pages and
exports to MkDocs in memory. `scripts/build_pages.py` writes the same files to a folder for any other
builder.
"""

from __future__ import annotations

from typing import Any


def define_env(env: Any) -> None:
    """mkdocs-macros entry point, run in `on_config`: register the macros of the hand-written pages.

    The knowledge base is made later, in the `on_files` hook (macros/adapters/mkdocs_hooks.py), which
    keeps it in this build's state; each macro reads it when a page calls it.
    """
    from macros.adapters.build_state import register_macros

    register_macros(env)
