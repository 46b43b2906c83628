"""Kennisbank lokaal integratiebeleid: records, checks, graph, diagrams and pages.

The core does not import MkDocs. `define_env` (the mkdocs-macros entry point) is a thin adapter
over it, so that another builder can call the same code.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


def define_env(env: Any) -> None:
    """mkdocs-macros entry point, run in `on_config`: generate the record pages before MkDocs collects files.

    Validation problems raise `RecordsInvalid` (every problem listed) and fail the build.
    """
    from macros import generate
    from macros.pages import home

    config = env.conf
    repo_url = config.get("repo_url") or generate.DEFAULT_REPO_URL
    report = generate.generate(Path(config["docs_dir"]), repo_url=repo_url)
    home.register(env, report.context)
