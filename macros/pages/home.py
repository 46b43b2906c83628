"""Macros for the hand-written pages that opt in with `render_macros: true` (home, learning conditions).

Each macro returns finished, escaped Markdown: vocabulary labels are data like any record text. Links
are relative to the page that calls the macro, which sits at the root of docs/.
"""

from __future__ import annotations

from collections.abc import Callable

from macros.html.elements import md_bullets, md_link
from macros.html.structure import md
from macros.pages.context import Context
from macros.records.dutch import dutch_date, dutch_number

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


SMALL = 30_000
"""Most of Flanders' municipalities have fewer inhabitants than this: the home page counts their practices."""


def size_links(ctx: Context) -> str:
    """Every size class as a link, with its number of practices: one line for the first screen."""
    links = []
    for size_id in ctx.kb.size_classes:
        count = sum(len(ctx.bench.practices_of(cid)) for cid in ctx.bench.cities_of_size(size_id))
        links.append(f"{md_link(ctx, ROOT_PAGE, 'size_class', size_id)} ({count})")
    return " · ".join(links)


def theme_links(ctx: Context) -> str:
    """Every theme as a link, with its number of practices."""
    by_theme = ctx.bench.by_theme
    return " · ".join(
        f"{md_link(ctx, ROOT_PAGE, 'theme', t)} ({len(by_theme.get(t, []))})" for t in ctx.kb.themes
    )


def counts(ctx: Context) -> str:
    """What the knowledge base holds, with the practices of municipalities under 30,000 inhabitants
    (the reference population, on its date) counted apart."""
    kb = ctx.kb
    small = {cid for cid, m in kb.municipalities.items() if m.population < SMALL}
    small_practices = [p for p in kb.practices.values() if p.city in small]
    places = {p.city for p in small_practices}
    meta = kb.reference.meta
    date = f" op {dutch_date(meta.population_date)}" if meta else ""
    return (
        f"{_count(len(kb.practices))}, waarvan {len(small_practices)} uit {len(places)} gemeenten met minder "
        f"dan {dutch_number(SMALL)} inwoners{date} · {len(kb.municipalities)} steden en gemeenten · "
        f"{len(kb.organisations)} organisaties · {len(kb.networks)} lerende netwerken · "
        f"{len(kb.questions)} leervragen"
    )


def _city_practices(ctx: Context, city_id: str) -> list[str]:
    return list(
        dict.fromkeys(pid for pids in ctx.bench.by_city_theme.get(city_id, {}).values() for pid in pids)
    )


def _count(n: int) -> str:
    return f"{n} praktijk" if n == 1 else f"{n} praktijken"


MACROS: dict[str, Callable[..., str]] = {
    "size_class_doors": size_class_doors,
    "theme_doors": theme_doors,
    "city_doors": city_doors,
    "learning_conditions": learning_conditions,
    "source_link": source_link,
    "size_links": size_links,
    "theme_links": theme_links,
    "counts": counts,
}
"""The macros the hand-written pages may call, each taking the build's context first."""
