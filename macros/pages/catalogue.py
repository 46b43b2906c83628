"""The practice catalogue at /praktijken/: every practice in the HTML, with its facets as data.

The markup is an interface: `docs/assets/javascripts/catalogue.js` filters it
in the browser and the browser tests read it. Without JavaScript the form stays hidden and the full
list shows, with links to the static theme and size-class pages (folded in a `<details>`, so that on a
phone the first practices show in the first screen), and an intro that says what works. The script
swaps in the intro of the filters, reveals the form (folded behind a "Filters" button on narrow
screens) and hides those links, since the form offers the same choices with counts. With the script
the list shows in batches, with "Toon meer" buttons below it (see catalogue.js for why), and each
practice gets a tick box for the meeting pack (one printed document of the ticked practices).

Two facets answer "what suits my size": `grootte` is the size class of the lead city (where the
practice runs), `geschikt` the size classes the practice says it suits (`transferability`); the
size-class pages list both, under their own headings.

Comparative questions ("which centrumsteden have a buddy project, and which started first?"): each
practice carries its municipality, size class, centrumstad, province, start year, status as of its
newest source (`macros.records.timeline`, the site's own reading) and whether it has a contact
(`macros.pages.facts`) as data, which the script writes as one line under each practice it shows;
`centrumstad` and `provincie` are facets beside size and theme; the script sorts by name, start year
or last confirmation (`?sorteer=`) and shows the same practices as a table that prints
(`?weergave=tabel`). The line is written by the script, not in the HTML: at 3,000 practices it would
add a third to the page (1.37 to 1.89 MB, measured), for a list that without the script is one long
read; without JavaScript the province and centrumsteden pages (`macros.pages.lists`) are the same
facts as filtered tables, and every practice page has them.

Text from records is data: the HTML is built with `macros.html.markup`, which escapes it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from macros.html import urls
from macros.html.markup import Markup, fmt, join, line
from macros.html.structure import Page, unindexed
from macros.pages import lists
from macros.pages.facts import PracticeFacts
from macros.pages.home import SMALL
from macros.records.dutch import PROVINCES, dutch_number
from macros.records.knowledge import KnowledgeBase
from macros.records.models import Practice, SizeClass

if TYPE_CHECKING:
    from macros.pages.context import Context

PAGE_URL = "praktijken/"
"""The catalogue's own URL, for relative links."""

SUMMARY_CHARS = 110
"""Summaries are cut to about one line: 3,000 practices must stay a light page (1.55 MB of HTML, 102 KB
gzipped, for the demo corpus with every fact as data; README, "The catalogue for officers")."""

STATUS_LABELS: dict[str, str] = {
    "lopend": "Lopend (bevestigd door een recente bron)",
    "afgerond": "Afgerond",
    "onbekend": "Onbekend of het nog loopt",
}
"""The status as of the newest source (`macros.records.timeline.current`): the site's own reading."""

SORTS: dict[str, str] = {
    "naam": "Naam",
    "start": "Oudste start eerst",
    "start-nieuwst": "Nieuwste start eerst",
    "bevestigd": "Laatst bevestigd eerst",
}
"""`?sorteer=` values and their labels; the first is the list's own order (no parameter)."""


@dataclass(frozen=True)
class Facet:
    """One filter: its URL/data name, Dutch legend, and values (id, label, hint) in vocabulary order."""

    name: str
    legend: str
    values: list[tuple[str, str, str]]
    primary: bool
    """Primary facets (size, centrumstad, province, theme) are always open; the others sit in a
    collapsed <details>."""
    help: str = ""
    """A line under the legend that says what the facet means, where the legend alone is ambiguous."""


SIZE_HELP = "De grootte van de stad of gemeente die de praktijk uitvoert."
SUITS_HELP = "De groottes waarvoor de praktijk volgens haar fiche geschikt is (overdraagbaarheid)."
STATUS_HELP = (
    "De lezing van de kennisbank: wat de nieuwste bron zegt, op haar datum. Lopend alleen als een bron "
    "van de laatste drie jaar het bevestigt."
)
CENTRUMSTAD_HELP = "De stad of gemeente die de praktijk uitvoert."


def facets(kb: KnowledgeBase) -> list[Facet]:
    """The eight facets, in the order the page shows them."""
    sizes = [(t.id, t.label, _band(t)) for t in kb.size_classes.values()]
    centres = sum(1 for m in kb.municipalities.values() if m.centrumstad)
    return [
        Facet("grootte", "Grootte van de trekker", sizes, True, SIZE_HELP),
        Facet(
            "centrumstad",
            "Centrumstad",
            [("ja", "Centrumstad", f"een van de {centres} centrumsteden" if centres > 1 else "")],
            True,
            CENTRUMSTAD_HELP,
        ),
        Facet("provincie", "Provincie", [(p, label, "") for p, label in PROVINCES.items()], True),
        Facet("geschikt", "Geschikt voor", sizes, True, SUITS_HELP),
        Facet("thema", "Thema", [(t.id, t.label, "") for t in kb.themes.values()], True),
        Facet("instrument", "Instrument", [(t.id, t.label, "") for t in kb.instruments.values()], False),
        Facet("status", "Status", [(s, label, "") for s, label in STATUS_LABELS.items()], False, STATUS_HELP),
    ]


def practice_facets(practice: Practice, facts: PracticeFacts) -> dict[str, list[str]]:
    """The facet values of one practice; size class, centrumstad and province are those of its lead
    municipality, the sizes it suits are its own (`transferability.size_classes`)."""
    suits = practice.transferability.size_classes if practice.transferability else []
    return {
        "grootte": [facts.size] if facts.size else [],
        "centrumstad": ["ja"] if facts.centrumstad else [],
        "provincie": [facts.province] if facts.province else [],
        "geschikt": list(dict.fromkeys(suits)),
        "thema": list(dict.fromkeys(practice.themes)),
        "instrument": list(dict.fromkeys(practice.instruments)),
        "status": [facts.status],
    }


def sort_data(facts: PracticeFacts) -> dict[str, str]:
    """What the script sorts by and shows besides the facets: `start` and `bevestigd` (the years of
    the start and of the last confirmation; a year is what the question asks and a third of the bytes
    of a date) and `contact` (`eigen`, `gemeente`); absent values are left out."""
    found = {"start": facts.start_year, "bevestigd": facts.confirmed_year, "contact": facts.contact or ""}
    return {name: value for name, value in found.items() if value}


def render(ctx: Context) -> Page:
    """The catalogue page, docs/praktijken/index.md."""
    kb = ctx.kb
    tree = f"{ctx.repo_url.rstrip('/')}/tree/{ctx.branch}/practices"
    page = Page(PAGE_FILE, "Praktijken", tree, "Alle goede praktijken, te filteren op stadsgrootte en thema.")
    page.heading = "Goede praktijken"
    ordered = sorted(kb.practices.items(), key=lambda item: (item[1].title.casefold(), item[0]))
    facts = ctx.facts
    values = {practice_id: practice_facets(practice, facts[practice_id]) for practice_id, practice in ordered}
    all_facets = facets(kb)
    total = len(ordered)
    small = _small_count(kb)
    # The page lists other records: search finds it by its title, and each practice by its own page.
    page.add(
        unindexed(
            join(
                "\n\n",
                [
                    fmt(INTRO_NO_SCRIPT, _count_text(total), small, dutch_number(SMALL)),
                    fmt(INTRO_SCRIPT, small, total, dutch_number(SMALL)),
                    _static_facets(kb),
                    _form(all_facets, values.values()),
                    fmt(COUNT, _count_text(total)),
                    _tools(),
                    _list(kb, ordered, values, facts),
                    TABLE,
                    MORE_BUTTONS,
                    PACK_BAR,
                    PACK_VIEW,
                ],
            )
        )
    )
    return page


PAGE_FILE = "praktijken/index.md"


INTRO_NO_SCRIPT = (
    '<p class="kb-intro" data-kb-intro-static>Zoek een praktijk die past bij de grootte van je stad of '
    "gemeente en bij je thema: open <strong>Filters</strong> voor de pagina's per stadsgrootte en per "
    "thema, en de tabellen per provincie, of lees de volledige lijst van alle {} hieronder ({} ervan uit "
    "gemeenten met minder dan {} inwoners). De tabellen tonen bij elke praktijk de grootte van de "
    "gemeente, het startjaar, of ze nog loopt volgens haar nieuwste bron en of er een contact is. Een "
    "praktijk druk je af vanaf haar eigen pagina, op één blad.</p>"
)
"""The intro as it is without JavaScript: it names only what works without it."""

INTRO_SCRIPT = (
    '<p class="kb-intro" data-kb-intro-script hidden>Zoek een praktijk die past bij de grootte van je '
    "stad of gemeente en bij je thema ({} van de {} uit gemeenten met minder dan {} inwoners). Kies "
    "bij <strong>Filters</strong>: binnen een filter volstaat één waarde, tussen filters moeten ze "
    "allemaal kloppen. Vink twee tot vier praktijken aan om ze te "
    '<a href="../vergelijk/">vergelijken</a> of samen af te drukken als vergaderpakket.</p>'
)
"""The intro of the filters, which the script shows instead of INTRO_NO_SCRIPT."""

PACK_BAR = Markup(
    '<div class="kb-pack" data-kb-pack hidden>'
    '<span class="kb-pack-count" data-kb-pack-count aria-live="polite">Geen praktijken aangevinkt</span> '
    '<button type="button" class="md-button md-button--primary" data-kb-compare disabled '
    'aria-describedby="kb-compare-hint">Vergelijken</button> '
    '<button type="button" class="md-button" data-kb-pack-print disabled>'
    "Afdrukken als vergaderpakket</button> "
    '<button type="button" class="md-button" data-kb-pack-clear disabled>Vinkjes wissen</button>'
    '<span class="kb-hint" id="kb-compare-hint">Vergelijken kan met twee tot vier praktijken.</span>'
    "</div>"
)
"""The controls of the ticked practices, shown by the script once a practice is ticked: compare them
side by side (`/vergelijk/`) or print them as a meeting pack. Without the script, each practice prints
on its own from its page. Below the list, where it stays at the bottom of the screen while the list
scrolls (kb.css): above it, it pushed the list down under the reader's pointer at the first tick."""

PACK_VIEW = Markup(
    '<section class="kb-pack-view" id="kb-pack-view" aria-labelledby="kb-pack-title" tabindex="-1" hidden>'
    '<div class="kb-pack-tools">'
    '<button type="button" class="md-button md-button--primary" data-kb-pack-again>Afdrukken</button> '
    '<button type="button" class="md-button" data-kb-pack-close>Terug naar de praktijken</button>'
    "</div>"
    '<h2 id="kb-pack-title">Vergaderpakket</h2>'
    '<p class="kb-pack-status" data-kb-pack-status aria-live="polite"></p>'
    '<ol class="kb-pack-cover" data-kb-pack-cover></ol>'
    '<div class="kb-pack-practices" data-kb-pack-practices></div>'
    "</section>"
)
"""The print view the script assembles: a cover list (title, city, address), then each practice."""

COUNT = '<p id="kb-result-count" class="kb-result-count" aria-live="polite">{}</p>'
"""The number of matches, which the script updates as filters change."""

MORE_BUTTONS = Markup(
    '<div class="kb-more" data-kb-more hidden>'
    '<button type="button" class="md-button" data-kb-more-next>Toon meer</button> '
    '<button type="button" class="md-button" data-kb-more-all>Toon alle praktijken</button>'
    "</div>"
)
"""Below the list, hidden until the script shows the list in batches (it then sets their labels)."""

TABLE = Markup(
    '<div class="kb-table-wrap" data-kb-table-wrap role="region" aria-label="Tabel van de praktijken" '
    'tabindex="0" hidden>'
    '<table class="kb-catalogue-table" data-kb-table>'
    '<caption class="kb-visually-hidden">Praktijken, zoals gefilterd en gesorteerd</caption>'
    "<thead><tr>"
    '<th scope="col"><span class="kb-visually-hidden">Aangevinkt</span></th>'
    '<th scope="col">Praktijk</th><th scope="col">Gemeente</th><th scope="col">Grootte</th>'
    '<th scope="col">Provincie</th><th scope="col">Start</th>'
    '<th scope="col">Status<span class="kb-visually-hidden"> volgens de nieuwste bron</span> '
    "(bevestigd)</th>"
    '<th scope="col">Contact</th>'
    "</tr></thead><tbody></tbody></table></div>"
)
"""The table view (`?weergave=tabel`): the script fills it with a row per practice shown, from the
list's own data, so the page carries every practice once."""


def _tools() -> Markup:
    """Sort order and view, beside the count; shown by the script (without it the list is by name)."""
    options = join("", (fmt('<option value="{}">{}</option>', key, label) for key, label in SORTS.items()))
    return fmt(
        '<div class="kb-view-tools" data-kb-view-tools hidden>'
        '<label class="kb-sort">Volgorde <select name="sorteer" data-kb-sort>{}</select></label>'
        '<div class="kb-view-switch" role="group" aria-label="Weergave">'
        '<button type="button" class="md-button" data-kb-view="lijst" aria-pressed="true">Lijst</button>'
        '<button type="button" class="md-button" data-kb-view="tabel" aria-pressed="false">Tabel</button>'
        "</div>"
        '<button type="button" class="md-button" data-kb-table-print hidden>Tabel afdrukken</button>'
        "</div>",
        options,
    )


def _count_text(n: int) -> str:
    return "1 praktijk" if n == 1 else f"{n} praktijken"


def _small_count(kb: KnowledgeBase) -> int:
    """The practices of municipalities under 30,000 inhabitants: most of Flanders' municipalities are
    that small (issue 20), so the catalogue counts their practices apart, as the home page does."""
    small = {cid for cid, m in kb.municipalities.items() if m.population < SMALL}
    return sum(1 for practice in kb.practices.values() if practice.city in small)


def _band(term: SizeClass) -> str:
    """A short population band for a size class, for example `15.000–30.000 inwoners`."""

    def dutch(n: int) -> str:
        return f"{n:,}".replace(",", ".")

    if term.max_population is None:
        return f"vanaf {dutch(term.min_population)} inwoners"
    if term.min_population == 0:
        return f"tot {dutch(term.max_population)} inwoners"
    return f"{dutch(term.min_population)}–{dutch(term.max_population)} inwoners"


def _short(summary: str) -> str:
    """The summary cut at a word boundary near SUMMARY_CHARS, with an ellipsis when cut."""
    flat = " ".join(summary.split())
    if len(flat) <= SUMMARY_CHARS:
        return flat
    cut = flat[:SUMMARY_CHARS].rsplit(" ", 1)[0].rstrip(",.;:–- ")
    return cut + "…"


def _static_facets(kb: KnowledgeBase) -> Markup:
    """Links to the static facet pages: the catalogue's filters for readers without JavaScript. The
    province and centrumsteden pages are tables with the facts the list shows, which print."""

    def links(kind: str, terms: Iterable[tuple[str, str]]) -> Markup:
        return join(
            "",
            (
                fmt('<li><a href="{}">{}</a></li>', urls.href(PAGE_URL, kind, i), line(label))
                for i, label in terms
            ),
        )

    sizes = links("size_class", ((t.id, t.label) for t in kb.size_classes.values()))
    themes = links("theme", ((t.id, t.label) for t in kb.themes.values()))
    provinces = join(
        "",
        (
            fmt('<li><a href="{}">{}</a></li>', urls.relative(PAGE_URL, lists.province_url(p)), label)
            for p, label in PROVINCES.items()
        ),
    )
    centres = fmt(
        '<a href="{}">de praktijken van de centrumsteden</a>', urls.relative(PAGE_URL, lists.CENTRES_URL)
    )
    return fmt(
        '<details class="kb-static-facets">\n'
        "<summary>Filters: per stadsgrootte, thema en provincie</summary>\n"
        '<nav aria-label="Bladeren per stadsgrootte, thema en provincie">\n'
        '<p>Per stadsgrootte:</p><ul class="kb-inline">{}</ul>\n'
        '<p class="kb-hint">Elke pagina toont de praktijken uit steden van die grootte en de praktijken '
        "die bij die grootte passen.</p>\n"
        '<p>Per thema:</p><ul class="kb-inline">{}</ul>\n'
        '<p><a href="{}">Per provincie</a>:</p><ul class="kb-inline">{}</ul>\n'
        '<p class="kb-hint">Elke provincie is een tabel, net als {}: met grootte, startjaar, status en '
        "contact, om af te drukken.</p>\n"
        "</nav>\n</details>",
        sizes,
        themes,
        urls.relative(PAGE_URL, urls.file_url(lists.INDEX_FILE)),
        provinces,
        centres,
    )


def _form(all_facets: list[Facet], values: Iterable[dict[str, list[str]]]) -> Markup:
    """The filter form, hidden until the script runs. Counts start as the unfiltered totals."""
    counts = {facet.name: Counter[str]() for facet in all_facets}
    for practice_values in values:
        for name, ids in practice_values.items():
            counts[name].update(ids)
    primary = [_fieldset(f, counts[f.name]) for f in all_facets if f.primary]
    more = [_fieldset(f, counts[f.name]) for f in all_facets if not f.primary]
    legends = ", ".join(f.legend.lower() for f in all_facets if not f.primary)
    return join(
        "\n",
        [
            Markup(
                '<button type="button" class="md-button kb-filters-toggle" data-kb-filters-toggle '
                'aria-controls="kb-filters" aria-expanded="false" hidden>Filters</button>'
            ),
            Markup('<form id="kb-filters" class="kb-filters" hidden aria-label="Praktijken filteren">'),
            TEXT_FIELD,
            Markup('<div class="kb-facets-primary">'),
            *primary,
            Markup("</div>"),
            Markup('<details class="kb-facets-more">'),
            fmt("<summary>Meer filters: {}</summary>", legends),
            *more,
            Markup("</details>"),
            Markup('<button type="button" class="md-button kb-clear" data-kb-clear>Wis filters</button>'),
            Markup("</form>"),
        ],
    )


TEXT_FIELD = Markup(
    '<div class="kb-text-filter">'
    '<label for="kb-text">Zoek in de praktijken</label>'
    '<input type="search" id="kb-text" name="zoek" autocomplete="off" spellcheck="false" '
    'aria-describedby="kb-text-hint">'
    '<span class="kb-hint" id="kb-text-hint">Vindt wat het zoekvak bovenaan vindt, ook verwante '
    "woorden (buddy, duo); hoofdletters en accenten tellen niet mee, elk woord moet voorkomen.</span>"
    "</div>"
)
"""The text box: it filters together with the facets (catalogue.js), on the practices the site's search
index finds for its words (on the text the list shows, where there is no index)."""


def _fieldset(facet: Facet, counts: Counter[str]) -> Markup:
    rows = []
    for value, label, hint in facet.values:
        hint_html = fmt(' <span class="kb-hint">{}</span>', hint) if hint else ""
        count = fmt(
            '<span class="kb-count" data-facet="{}" data-value="{}">{}</span>',
            facet.name,
            value,
            counts[value],
        )
        rows.append(
            fmt(
                '<label><input type="checkbox" name="{}" value="{}"> '
                '<span class="kb-label">{}{}</span> <span class="kb-count-wrap">({})</span></label>',
                facet.name,
                value,
                line(label),
                hint_html,
                count,
            )
        )
    help_html = fmt('<p class="kb-facet-help">{}</p>\n', facet.help) if facet.help else ""
    return fmt(
        '<fieldset data-facet="{}">\n<legend>{}</legend>\n{}{}\n</fieldset>',
        facet.name,
        facet.legend,
        help_html,
        join("\n", rows),
    )


def _list(
    kb: KnowledgeBase,
    ordered: list[tuple[str, Practice]],
    values: dict[str, dict[str, list[str]]],
    facts: dict[str, PracticeFacts],
) -> Markup:
    """One compact <li> per practice: title link, lead city, short summary; facets, sort keys and
    contact as data (the script writes them as a line of facts)."""
    items = [Markup('<ul id="kb-catalogue" class="kb-catalogue">')]
    for practice_id, practice in ordered:
        # A facet without values has no attribute (the script reads it as empty): at 3,000 practices
        # the empty ones alone would be tens of kilobytes.
        found = facts[practice_id]
        data = join(
            "",
            (fmt(' data-{}="{}"', name, " ".join(ids)) for name, ids in values[practice_id].items() if ids),
        ) + join("", (fmt(' data-{}="{}"', name, value) for name, value in sort_data(found).items()))
        items.append(
            fmt(
                '<li class="kb-practice"{}><a href="{}">{}</a> <small>{}</small><p>{}</p></li>',
                data,
                urls.href(PAGE_URL, "practice", practice_id),
                line(practice.title),
                line(found.municipality),
                _short(practice.summary),
            )
        )
    items.append(Markup("</ul>"))
    return join("\n", items)
