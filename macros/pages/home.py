"""Macros for the hand-written pages that opt in with `render_macros: true` (home, learning conditions).

Each macro returns finished, escaped Markdown: vocabulary labels are data like any record text. Links
are relative to the page that calls the macro, which sits at the root of docs/.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from macros.adapters.build_state import BuildState
from macros.html.elements import md_bullets, md_link
from macros.html.structure import md
from macros.pages.context import Context

ROOT_PAGE = "index.md"
"""Every macro page sits at the docs root, so links start from there."""


def size_class_doors(ctx: Context) -> str:
    """One link per size class with its band and the number of practices from cities of that size."""
    rows = []
    for size_id, term in ctx.kb.size_classes.items():
        count = sum(len(_city_practices(ctx, cid)) for cid in ctx.bench.cities_of_size(size_id))
        rows.append(
            f"{md_link(ctx, ROOT_PAGE, 'size_class', size_id)}: {md(term.definition)} ({_count(count)})"
        )
    return md_bullets(rows)


def theme_doors(ctx: Context) -> str:
    """One link per theme with its number of practices."""
    by_theme = ctx.bench.by_theme
    return md_bullets(
        f"{md_link(ctx, ROOT_PAGE, 'theme', t)} ({_count(len(by_theme.get(t, [])))})" for t in ctx.kb.themes
    )


def city_doors(ctx: Context) -> str:
    """Links to every city with a case study or a partner network, by name."""
    cities = [cid for cid, city in ctx.kb.profiles.items() if city.case_study or city.network]
    cities.sort(key=lambda cid: ctx.kb.municipalities[cid].name)
    return ", ".join(md_link(ctx, ROOT_PAGE, "city", cid) for cid in cities) or "Nog geen casestudy's."


def learning_conditions(ctx: Context) -> str:
    """A section per learning condition, with the condition id as its anchor (practices link to it)."""
    blocks = []
    for condition_id, term in ctx.kb.conditions.items():
        source = (
            f"\n\nBron: {md_link(ctx, ROOT_PAGE, 'source', term.source)}."
            if term.source in ctx.kb.sources
            else ""
        )
        blocks.append(f"## {md(term.label)} {{#{condition_id}}}\n\n{md(term.definition)}{source}")
    return "\n\n".join(blocks)


def source_link(ctx: Context, source_id: str, text: str) -> str:
    """A link to a source's page; plain text in a records folder without that source (a demo corpus)."""
    if source_id in ctx.kb.sources:
        return md_link(ctx, ROOT_PAGE, "source", source_id, text)
    return md(text)


def _city_practices(ctx: Context, city_id: str) -> list[str]:
    return list(
        dict.fromkeys(pid for pids in ctx.bench.by_city_theme.get(city_id, {}).values() for pid in pids)
    )


def _count(n: int) -> str:
    return f"{n} praktijk" if n == 1 else f"{n} praktijken"


def register(env: Any, state: BuildState) -> None:
    """Expose the macros and a few counts to the pages that render macros. They read the build's
    context when a page calls them: the `on_files` hook makes it after this runs."""
    env.macro(lambda: size_class_doors(state.require()), "size_class_doors")
    env.macro(lambda: theme_doors(state.require()), "theme_doors")
    env.macro(lambda: city_doors(state.require()), "city_doors")
    env.macro(lambda: learning_conditions(state.require()), "learning_conditions")
    env.macro(lambda source_id, text: source_link(state.require(), source_id, text), "source_link")
    env.variables["kb_counts"] = Counts(state)


class Counts(Mapping[str, int]):
    """`{{ kb_counts.praktijken }}`: how many records of each kind, read when the page is rendered."""

    KINDS: ClassVar[dict[str, str]] = {
        "praktijken": "practice",
        "steden": "city",
        "organisaties": "organisation",
        "netwerken": "network",
        "leervragen": "question",
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
