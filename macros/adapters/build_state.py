"""The state of one MkDocs build, kept on that build's config: nothing outlives the build.

The `on_files` hook (macros/adapters/mkdocs_hooks.py) fills it with the build's context; the macros of the
hand-written pages (`define_env`, which runs earlier) read it when a page calls them. A problem list
marks a `mkdocs serve` rebuild whose records are invalid: the pages then show it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from macros.pages.context import Context
from macros.records.problems import Problem

KEY = "kennisbank"
"""The config key the state lives under."""


@dataclass
class BuildState:
    """What the adapters share during one build."""

    context: Context | None = None
    problems: list[Problem] = field(default_factory=list)
    """The record problems of a serve rebuild that kept the last good pages."""

    def require(self) -> Context:
        """The build's context, once the hook has made it."""
        if self.context is None:
            raise RuntimeError(
                "the kennisbank hook has not run: add macros/adapters/mkdocs_hooks.py to `hooks:`"
            )
        return self.context


def state_of(config: Any) -> BuildState:
    """The state on a build's config, made on first use."""
    state = config.get(KEY) if hasattr(config, "get") else None
    if not isinstance(state, BuildState):
        state = BuildState()
        config[KEY] = state
    return state
