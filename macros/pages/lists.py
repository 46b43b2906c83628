"""Filtered lists of practices that work without JavaScript: one page per province and one for the
centrumsteden, each a table with the facts the catalogue shows (`macros.pages.facts`).

Why pages and not sections of the catalogue: the catalogue already carries every practice once, and at
3,000 practices a second, grouped copy would double its weight; a page per province is small, has its
own address to mail or bookmark, prints as a table on its own, and is what the catalogue's filters do
for readers with JavaScript (each page links to the same filter there, where it can be sorted). The
size-class and theme pages were already such lists; with these, the three filters officers ask for
most (size, theme, province) and the centrumsteden each have one.

The tables are left out of the search index (`data-pagefind-ignore`): a province page that matched
every word of its practices' titles would push the practices themselves down the results.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from macros.html import urls
from macros.html.elements import link, p
from macros.html.markup import Markup, fmt, join
from macros.html.structure import Page
from macros.pages.facts import CONTACT_CELLS, PracticeFacts
from macros.records.dutch import PROVINCES

if TYPE_CHECKING:
    from macros.pages.context import Context

SECTION = "provincies"
INDEX_FILE = f"{SECTION}/index.md"
CENTRES_FILE = "centrumsteden/index.md"
CENTRES_URL = urls.file_url(CENTRES_FILE)
CATALOGUE_URL = "praktijken/"


def province_file(province: str) -> str:
    return f"{SECTION}/{province}.md"


def province_url(province: str) -> str:
    """`provincies/antwerpen/`."""
    return urls.file_url(province_file(province))


def render_all(ctx: Context) -> Iterator[Page]:
    """The index of the provinces, a page per province, and the centrumsteden's page."""
    rows = _rows(ctx)
    yield _index(ctx, rows)
    for province in PROVINCES:
        yield _province(ctx, province, [row for row in rows if row[1].province == province])
    yield _centres(ctx, [row for row in rows if row[1].centrumstad])


Row = tuple[str, PracticeFacts]


def _rows(ctx: Context) -> list[Row]:
    """Every practice with its facts, by municipality, then title."""
    kb = ctx.kb
    rows = list(ctx.facts.items())
    rows.sort(key=lambda row: (row[1].municipality, kb.practices[row[0]].title.casefold(), row[0]))
    return rows


def _centre_count(ctx: Context) -> int:
    return sum(1 for m in ctx.kb.municipalities.values() if m.centrumstad)


def _count(n: int) -> str:
    return "1 praktijk" if n == 1 else f"{n} praktijken"


def _index(ctx: Context, rows: list[Row]) -> Page:
    page = Page(INDEX_FILE, "Praktijken per provincie", "", "De praktijken per provincie, als tabel.")
    here = urls.file_url(INDEX_FILE)
    items = [
        fmt(
            '<li><a href="{}">{}</a> ({})</li>',
            urls.relative(here, province_url(province)),
            label,
            _count(sum(1 for _, facts in rows if facts.province == province)),
        )
        for province, label in PROVINCES.items()
    ]
    centres = sum(1 for _, facts in rows if facts.centrumstad)
    page.add(
        p(
            "Elke provincie is een tabel van haar praktijken met de grootte van de gemeente, het "
            "startjaar, of de praktijk nog loopt volgens haar nieuwste bron en of er een contact is."
        ),
        fmt('<ul class="kb-inline">{}</ul>', join("", items)),
        p(
            fmt(
                'Dezelfde tabel voor de {} centrumsteden: <a href="{}">praktijken van de '
                "centrumsteden</a> ({}).",
                _centre_count(ctx),
                urls.relative(here, CENTRES_URL),
                _count(centres),
            )
        ),
    )
    return page


def _province(ctx: Context, province: str, rows: list[Row]) -> Page:
    label = PROVINCES[province]
    file = province_file(province)
    page = Page(file, f"Praktijken in {label}", "", f"Alle praktijken van gemeenten in de provincie {label}.")
    here = urls.file_url(file)
    intro = fmt(
        "{} van gemeenten in de provincie {}, per gemeente. In de catalogus kun je ze "
        '<a href="{}">filteren en sorteren</a> (met JavaScript). Andere provincies: {}.',
        _count(len(rows)),
        label,
        urls.relative(here, CATALOGUE_URL) + f"?provincie={province}",
        join(
            ", ",
            (
                fmt('<a href="{}">{}</a>', urls.relative(here, province_url(other)), other_label)
                for other, other_label in PROVINCES.items()
                if other != province
            ),
        ),
    )
    page.add(p(intro), STATUS_NOTE, _table(ctx, file, rows, show_province=False))
    return page


def _centres(ctx: Context, rows: list[Row]) -> Page:
    page = Page(CENTRES_FILE, "Praktijken van de centrumsteden", "", "Alle praktijken van de centrumsteden.")
    here = urls.file_url(CENTRES_FILE)
    cities = sorted({facts.municipality for _, facts in rows})
    intro = fmt(
        "{} uit {} van de {} centrumsteden, per stad. In de catalogus kun je ze "
        '<a href="{}">filteren en sorteren</a>, bijvoorbeeld op startjaar (met JavaScript).',
        _count(len(rows)),
        len(cities),
        _centre_count(ctx),
        urls.relative(here, CATALOGUE_URL) + "?centrumstad=ja&sorteer=start",
    )
    page.add(p(intro), STATUS_NOTE, _table(ctx, CENTRES_FILE, rows, show_province=True))
    return page


PROVINCE_HEADER = Markup('<th scope="col">Provincie</th>')
STATUS_NOTE = Markup(
    '<p class="kb-hint">De status is de lezing van de kennisbank: wat de nieuwste bron van de praktijk '
    "zegt, op haar datum. Lopend staat er alleen als een bron van de laatste drie jaar het bevestigt.</p>"
)


def _table(ctx: Context, file: str, rows: list[Row], show_province: bool) -> Markup:
    """The practices as a table; the last column says where else to look when a practice has no
    contact of its own."""
    if not rows:
        return p("Nog geen praktijken.")
    where = PROVINCE_HEADER if show_province else Markup("")
    body = join(
        "",
        (
            fmt(
                '<tr><th scope="row">{}</th><td>{}{}</td><td>{}</td>{}<td>{}</td><td>{}</td><td>{}</td></tr>',
                link(ctx, file, "practice", pid),
                link(ctx, file, "city", ctx.kb.practices[pid].city, facts.municipality),
                ", centrumstad" if facts.centrumstad and not show_province else "",
                facts.size_label,
                fmt("<td>{}</td>", facts.province_label) if show_province else "",
                facts.start_year,
                f"{facts.status} ({facts.confirmed_year})" if facts.confirmed else facts.status,
                CONTACT_CELLS[facts.contact or ""],
            )
            for pid, facts in rows
        ),
    )
    return fmt(
        '<div class="kb-list-table" data-pagefind-ignore role="region" aria-label="Tabel van de praktijken" '
        'tabindex="0"><table class="kb-practice-table">'
        '<thead><tr><th scope="col">Praktijk</th><th scope="col">Gemeente</th><th scope="col">Grootte</th>'
        '{}<th scope="col">Start</th><th scope="col">Status volgens de nieuwste bron (bevestigd)</th>'
        '<th scope="col">Contact</th></tr></thead>'
        "<tbody>{}</tbody></table></div>",
        where,
        body,
    )
