"""The state of one MkDocs build, kept on that build's config: nothing outlives the build.

The `on_files` hook (macros/adapters/mkdocs_hooks.py) fills it with the build's context; the macros of the
hand-written pages (`define_env`, which runs earlier) read it when a page calls them. A problem list
marks a `mkdocs serve` rebuild whose records are invalid: the pages then show it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from macros.pages.context import Context
from macros.pages.home import MACROS
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


def register_macros(env: Any) -> None:
    """Expose the home page's macros (`macros.pages.home.MACROS`) and the counts of each kind to the
    hand-written pages that render macros; they read the build's context when a page calls them."""
    state = state_of(env.conf)
    for name, macro in MACROS.items():
        env.macro(functools.partial(_with_context, state, macro), name)
    env.variables["kb_counts"] = Counts(state)


def _with_context(state: BuildState, macro: Callable[..., str], *args: Any) -> str:
    return macro(state.require(), *args)


class Counts(Mapping[str, int]):
    """`{{ kb_counts.praktijken }}`: how many records of each kind, read when the page is rendered."""

    KINDS: ClassVar[dict[str, str]] = {
        "praktijken": "practice",
        "steden": "city",
        "organisaties": "organisation",
        "netwerken": "network",
    }

    def __init__(self, state: BuildState) -> None:
        self.state = state

    def __getitem__(self, key: str) -> int:
        return len(self.state.require().kb.records_of(self.KINDS[key]))

    def __getattr__(self, key: str) -> int:
        if key not in self.KINDS:
            raise AttributeError(key)
        return self[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.KINDS)

    def __len__(self) -> int:
        return len(self.KINDS)
