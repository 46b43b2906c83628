"""/steden/: every municipality of Flanders, on a map and in a table by province, with filters.

The map is an inline SVG made at build time from the reference data's borders
(`practices/reference/municipality-shapes.json`): each municipality a link to its page, named by its
`<title>`, shaded by its number of practices. Nothing is fetched when the page loads, and nothing needs
JavaScript. The table carries the same information for screen readers, for print and for a phone too
narrow for the map; a small script (`docs/assets/javascripts/municipalities.js`) filters its rows by
size class and "heeft praktijken" and keeps the choice in the URL, and gives each municipality a tick
box: two to four ticked open the comparison page (`macros.pages.compare`). Without the script, the
size-class pages are the filters.
"""

from __future__ import annotations

from collections.abc import Iterator

from macros.html import urls
from macros.html.elements import link, p, section
from macros.html.markup import Markup, fmt, join, line
from macros.html.structure import Page
from macros.pages.context import Context
from macros.records.dutch import PROVINCES, dutch_date, dutch_number
from macros.records.kinds import KINDS

FILE = "steden/index.md"
SHADES = ((0, "geen praktijken"), (1, "1 praktijk"), (2, "2 tot 4 praktijken"), (5, "5 praktijken of meer"))
"""Lower bound of each shade of the map, and its legend."""


def render(ctx: Context) -> Page:
    """The index page of the municipalities."""
    kind = KINDS["city"]
    page = Page(FILE, kind.plural, ctx.section_edit_url("city"), description=kind.intro)
    page.add(
        p(_intro(ctx)),
        # Every municipality by name: search finds each by its own page.
        section("Kaart", flanders_map(ctx), indexed=False),
        section("Per provincie", _tables(ctx), indexed=False),
    )
    return page


def _intro(ctx: Context) -> Markup:
    kb = ctx.kb
    meta = kb.reference.meta
    count = len(kb.municipalities)
    with_practices = sum(1 for cid in kb.municipalities if ctx.bench.practices_of(cid))
    when = f"van {dutch_date(meta.population_date)}" if meta else "van één datum"
    text = fmt(
        "Alle {} steden en gemeenten van Vlaanderen; {} ervan hebben praktijken in de kennisbank. De "
        "inwonertallen zijn die {}, voor alle gemeenten dezelfde datum, zodat de grootteklassen "
        "(een eigen indeling van de kennisbank) gemeenten op hetzelfde moment vergelijken.",
        count,
        with_practices,
        when,
    )
    if meta is not None and meta.sources.population in kb.sources:
        text += fmt(" Bron: {}.", link(ctx, FILE, "source", meta.sources.population))
    return text


def _shade(count: int) -> int:
    return max(i for i, (low, _) in enumerate(SHADES) if count >= low)


def flanders_map(ctx: Context) -> Markup:
    """The map: one linked, titled shape per municipality that has one; "" without shapes."""
    reference = ctx.kb.reference
    if not reference.shapes:
        return Markup("")
    here = urls.file_url(FILE)
    shapes = []
    for cid in ctx.bench.by_name:
        path = reference.shapes.get(cid)
        if path is None:
            continue
        count = len(ctx.bench.practices_of(cid))
        name = ctx.kb.municipalities[cid].name
        label = f"{name}: {count} praktijk{'en' if count != 1 else ''}"
        # `path` passed the reference loader's pattern (M, L, Z and integers): it is no markup.
        shapes.append(
            fmt(
                '<a href="{}"><title>{}</title><path class="kb-map-{}" d="{}"/></a>',
                urls.href(here, "city", cid),
                label,
                _shade(count),
                path,
            )
        )
    x, y, width, height = reference.view_box
    legend = join(
        "",
        (
            fmt('<li><span class="kb-map-key kb-map-{}"></span>{}</li>', i, text)
            for i, (_, text) in enumerate(SHADES)
        ),
    )
    return fmt(
        '<figure class="kb-map">\n<div class="kb-map-scroll">'
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="{} {} {} {}" role="group" '
        'aria-labelledby="kb-map-title"><title id="kb-map-title">Kaart van de Vlaamse steden en '
        "gemeenten, gekleurd naar hun aantal praktijken</title>"
        "{}</svg></div>\n"
        "<figcaption>Elke gemeente is een link naar haar pagina. Hoe donkerder, hoe meer praktijken:"
        '<ul class="kb-map-legend">{}</ul>De tabel hieronder geeft hetzelfde per provincie.</figcaption>\n'
        "</figure>",
        x,
        y,
        width,
        height,
        join("", shapes),
        legend,
    )


def _tables(ctx: Context) -> Markup:
    """The filters, one table per province (name, inhabitants, size class, practices), and the bar
    that compares the municipalities ticked in them."""
    tables = (_province_table(ctx, province) for province in PROVINCES)
    return join("\n", [_filters(ctx), *tables, COMPARE_BAR])


COMPARE_BAR = Markup(
    '<div class="kb-pack kb-city-compare" data-kb-city-compare hidden>'
    '<span class="kb-pack-count" data-kb-city-compare-count aria-live="polite">'
    "Geen gemeenten aangevinkt</span> "
    '<button type="button" class="md-button md-button--primary" data-kb-city-compare-go disabled>'
    "Vergelijken</button> "
    '<button type="button" class="md-button" data-kb-city-compare-clear disabled>Vinkjes wissen</button>'
    "</div>"
)
"""Shown by municipalities.js once a municipality is ticked; "Vergelijken" opens /vergelijk/?steden=
for two to four of them (macros.pages.compare). It stays at the bottom of the screen while the tables
scroll."""


def _filters(ctx: Context) -> Markup:
    sizes = join(
        "",
        (
            fmt(
                '<label><input type="checkbox" name="grootte" value="{}"> {}</label> ',
                term_id,
                line(term.label),
            )
            for term_id, term in ctx.kb.size_classes.items()
        ),
    )
    static = join(", ", (link(ctx, FILE, "size_class", term_id) for term_id in ctx.kb.size_classes))
    return fmt(
        '<p class="kb-static-facets">Per grootte: {}.</p>\n'
        '<form class="kb-city-filters" data-kb-city-filters hidden aria-label="Gemeenten filteren">'
        "<fieldset><legend>Stadsgrootte</legend>{}</fieldset>"
        '<label><input type="checkbox" name="praktijken" value="ja"> Alleen gemeenten met praktijken</label>'
        '<p class="kb-result-count" data-kb-city-count aria-live="polite"></p>'
        '<p class="kb-hint">Vink twee tot vier gemeenten aan in de tabellen om ze naast elkaar te '
        "vergelijken.</p>"
        "</form>",
        static,
        sizes,
    )


def _province_table(ctx: Context, province: str) -> Markup:
    rows = list(_rows(ctx, province))
    return fmt(
        '<table class="kb-city-table" data-kb-city-table>'
        '<caption>{}</caption><thead><tr><th scope="col">Gemeente</th><th scope="col">Inwoners</th>'
        '<th scope="col">Grootte</th><th scope="col">Praktijken</th></tr></thead><tbody>{}</tbody></table>',
        f"{PROVINCES[province]} ({len(rows)} gemeenten)",
        join("", rows),
    )


def _rows(ctx: Context, province: str) -> Iterator[Markup]:
    kb = ctx.kb
    for cid in ctx.bench.by_name:
        municipality = kb.municipalities[cid]
        if municipality.province != province:
            continue
        size = ctx.bench.city_size[cid] or ""
        count = len(ctx.bench.practices_of(cid))
        yield fmt(
            '<tr data-grootte="{}" data-praktijken="{}"><th scope="row">{}</th>'
            "<td>{}</td><td>{}</td><td>{}</td></tr>",
            size,
            "ja" if count else "nee",
            link(ctx, FILE, "city", cid),
            dutch_number(municipality.population),
            line(kb.size_classes[size].label) if size else "",
            count,
        )
