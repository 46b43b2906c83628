"""Pages of vocabulary terms: themes, instruments and city-size classes (the static facet pages)."""

from __future__ import annotations

from collections import defaultdict

from macros.html import urls
from macros.html.elements import bounded_list, field_list, link, links, p, section
from macros.html.markup import Markup, fmt, join, line, text
from macros.html.structure import Page, unindexed
from macros.pages.context import Context
from macros.pages.question import for_size, for_theme
from macros.records.dutch import dutch_number
from macros.records.models import Instrument, SizeClass, Term

FAMILIES = {
    "financieel": "Financieel",
    "regulerend": "Regulerend",
    "communicatief": "Communicatief",
    "organisatorisch": "Organisatorisch",
}
UNKNOWN_SIZE = "Steden zonder gekende grootte"
GROUP_LIMIT = 10
"""Practices per theme on a size-class page; the theme page (grouped by size) lists them all."""


def _page(ctx: Context, kind: str, term: Term) -> Page:
    # The checks do not (yet) resolve a vocabulary term's source, so a missing one is left unlinked.
    page = Page(urls.page_file(kind, term.id), term.label, ctx.edit_url(kind, term.id))
    page.description = term.definition
    source = (
        fmt("Bron: {}.", link(ctx, page.file, "source", term.source)) if term.source in ctx.kb.sources else ""
    )
    page.add(p(line(term.definition)), unindexed(p(source)))
    return page


def _practice_item(ctx: Context, file: str, pid: str) -> Markup:
    practice = ctx.kb.practices[pid]
    return fmt("{} ({})", link(ctx, file, "practice", pid), link(ctx, file, "city", practice.city))


def _grouped(
    ctx: Context,
    file: str,
    groups: dict[str, list[str]],
    kind: str,
    order: list[str],
    limit: int | None = None,
) -> Markup:
    """Practices under a bold heading per group (a size class or theme), groups in vocabulary order.

    Each group shows its first practices and puts the others behind a disclosure; with a `limit`, it
    holds at most that many and says where the others are.
    """
    blocks = []
    for key in [*order, ""]:
        if groups.get(key):
            heading = link(ctx, file, kind, key) if key else text(UNKNOWN_SIZE)
            shown = groups[key][:limit] if limit else groups[key]
            items = _practice_list(ctx, file, shown)
            if len(shown) < len(groups[key]):
                more = fmt(
                    "… en {} andere: zie {}.", len(groups[key]) - len(shown), link(ctx, file, kind, key)
                )
                items += "\n" + p(more)
            blocks.append(p(fmt("<strong>{}</strong> ({})", heading, len(groups[key]))) + "\n" + items)
    return join("\n", blocks)


def _practice_list(ctx: Context, file: str, practice_ids: list[str]) -> Markup:
    """Practices with their city, the first few in view and the others behind a disclosure."""
    items = (_practice_item(ctx, file, pid) for pid in practice_ids)
    return bounded_list(items, lambda n: f"Toon nog {n} praktijken")


def render_theme(ctx: Context, theme_id: str) -> Page:
    """A theme: its practices by the size class of their city, and the networks that discuss it."""
    page = _page(ctx, "theme", ctx.kb.themes[theme_id])
    by_size: dict[str, list[str]] = defaultdict(list)
    for pid in ctx.links.referrers("theme", theme_id, "practice"):
        by_size[ctx.bench.city_size.get(ctx.kb.practices[pid].city) or ""].append(pid)
    networks = ctx.links.referrers("theme", theme_id, "network")
    page.add(
        section(
            "Praktijken per stadsgrootte",
            _grouped(ctx, page.file, by_size, "size_class", list(ctx.kb.size_classes)),
            indexed=False,
        ),
        section("Op de agenda van", links(ctx, page.file, "network", networks), indexed=False),
        section("Open leervragen", for_theme(ctx, page.file, theme_id), indexed=False),
    )
    page.add(_for_contributors(ctx.kb.themes[theme_id]))
    return page


def render_instrument(ctx: Context, instrument_id: str) -> Page:
    """An instrument: its family, the practices and cities that use it."""
    instrument: Instrument = ctx.kb.instruments[instrument_id]
    page = _page(ctx, "instrument", instrument)
    practices = ctx.links.referrers("instrument", instrument_id, "practice")
    cities = ctx.links.referrers("instrument", instrument_id, "profile")
    page.add(
        field_list([("Soort instrument (eigen indeling van de kennisbank)", FAMILIES[instrument.family])]),
        section("Praktijken", _practice_list(ctx, page.file, practices), indexed=False),
        section("Steden die het gebruiken", links(ctx, page.file, "city", cities), indexed=False),
    )
    page.add(_for_contributors(instrument))
    return page


def render_size_class(ctx: Context, size_id: str) -> Page:
    """A size class: its band, its cities, their practices by theme, and practices that suit it."""
    term: SizeClass = ctx.kb.size_classes[size_id]
    page = _page(ctx, "size_class", term)
    cities = ctx.bench.cities_of_size(size_id)
    by_theme: dict[str, list[str]] = defaultdict(list)
    for cid in cities:
        for theme, pids in ctx.bench.by_city_theme.get(cid, {}).items():
            by_theme[theme].extend(pids)
    suited = ctx.links.referrers("size_class", size_id, "practice")
    page.add(
        field_list(
            [
                ("Inwoners (eigen indeling van de kennisbank)", _band(term)),
                ("Kleiner", _neighbour(ctx, page.file, size_id, -1)),
                ("Groter", _neighbour(ctx, page.file, size_id, +1)),
            ]
        ),
        section(
            "Praktijken uit steden van deze grootte, per thema",
            _grouped(ctx, page.file, by_theme, "theme", list(ctx.kb.themes), GROUP_LIMIT),
            indexed=False,
        ),
        section(
            "Praktijken die bij deze grootte passen",
            _practice_list(ctx, page.file, suited),
            indexed=False,
        ),
        section("Leervragen", for_size(ctx, page.file, size_id)),
        # Whole: city pages link here for "alle steden van deze grootte".
        section("Steden en gemeenten", _cities(ctx, page.file, cities), indexed=False),
    )
    page.add(_for_contributors(term))
    return page


def _neighbour(ctx: Context, file: str, size_id: str, step: int) -> Markup:
    """A link to the next smaller or larger size class with its band: 15.000 is the boundary of two,
    and a city near it learns from both."""
    order = list(ctx.kb.size_classes)
    index = order.index(size_id) + step
    if not 0 <= index < len(order):
        return Markup("")
    other = ctx.kb.size_classes[order[index]]
    return fmt("{} ({})", link(ctx, file, "size_class", other.id), _band(other))


def _cities(ctx: Context, file: str, cities: list[str]) -> Markup:
    """Every municipality of the size class by name, those with practices marked with their number."""
    items = []
    for cid in cities:
        count = len(ctx.bench.practices_of(cid))
        shown = link(ctx, file, "city", cid)
        items.append(fmt("{} ({})", shown, count) if count else shown)
    return p(join(", ", items))


def _for_contributors(term: Term) -> Markup:
    """The term's id, where a contributor looks for it: at the end of the page, not in its first lines;
    not in the search index."""
    return fmt(
        '<p class="kb-contributor" data-pagefind-ignore="index">Voor bijdragers: de id in de '
        "records is <code>{}</code>.</p>",
        term.id,
    )


def _band(term: SizeClass) -> str:
    low = dutch_number(term.min_population)
    if term.max_population is None:
        return f"{low} of meer"
    return f"van {low} tot {dutch_number(term.max_population)}"
