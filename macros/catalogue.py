"""The practice catalogue at /praktijken/: every practice in the HTML, with its facets as data.

The markup is an interface: `docs/assets/javascripts/catalogue.js` filters it
in the browser and the browser tests read it. Without JavaScript the form stays hidden and the full
list shows, with links to the static theme and size-class pages; the script reveals the form and
hides those links, since the form offers the same choices with counts. With the script the list
shows in batches, with "Toon meer" buttons below it (see catalogue.js for why).

Text from records is data: the HTML is built with `macros.markup`, which escapes it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import get_args

from macros import rawhtml, urls
from macros.knowledge import KnowledgeBase
from macros.markup import Markup, fmt, join, line
from macros.records import Practice, Province, SizeClass, Status
from macros.relations import city_size_class

PAGE_URL = "praktijken/"
"""The catalogue's own URL, for relative links."""

SUMMARY_CHARS = 110
"""Summaries are cut to about one line: 3,000 practices must stay a light page (well under 1.5 MB)."""

STATUS_LABELS: dict[str, str] = {"lopend": "Lopend", "afgerond": "Afgerond", "pilot": "Pilot"}
PROVINCE_LABELS: dict[str, str] = {
    "antwerpen": "Antwerpen",
    "limburg": "Limburg",
    "oost-vlaanderen": "Oost-Vlaanderen",
    "vlaams-brabant": "Vlaams-Brabant",
    "west-vlaanderen": "West-Vlaanderen",
}


@dataclass(frozen=True)
class Facet:
    """One filter: its URL/data name, Dutch legend, and values (id, label, hint) in vocabulary order."""

    name: str
    legend: str
    values: list[tuple[str, str, str]]
    primary: bool
    """Primary facets (size class, theme) are always open; the others sit in a collapsed <details>."""


def facets(kb: KnowledgeBase) -> list[Facet]:
    """The five facets, in the order the page shows them."""
    return [
        Facet("grootte", "Stadsgrootte", [(t.id, t.label, _band(t)) for t in kb.size_classes.values()], True),
        Facet("thema", "Thema", [(t.id, t.label, "") for t in kb.themes.values()], True),
        Facet("instrument", "Instrument", [(t.id, t.label, "") for t in kb.instruments.values()], False),
        Facet("status", "Status", [(s, STATUS_LABELS[s], "") for s in get_args(Status)], False),
        Facet("provincie", "Provincie", [(p, PROVINCE_LABELS[p], "") for p in get_args(Province)], False),
    ]


def practice_facets(kb: KnowledgeBase, practice: Practice) -> dict[str, list[str]]:
    """The facet values of one practice; size class and province are those of its lead city."""
    city = kb.cities.get(practice.city)
    size = city_size_class(kb, city) if city else None
    province = city.province if city else None
    return {
        "grootte": [size] if size else [],
        "thema": list(dict.fromkeys(practice.themes)),
        "instrument": list(dict.fromkeys(practice.instruments)),
        "status": [practice.status] if practice.status else [],
        "provincie": [province] if province else [],
    }


def catalogue_markdown(kb: KnowledgeBase) -> str:
    """The whole body of docs/praktijken/index.md."""
    ordered = sorted(kb.practices.items(), key=lambda item: (item[1].title.casefold(), item[0]))
    values = {practice_id: practice_facets(kb, practice) for practice_id, practice in ordered}
    all_facets = facets(kb)
    total = len(ordered)
    parts = [
        "# Goede praktijken",
        "",
        "Zoek een praktijk die past bij de grootte van je stad of gemeente en bij je thema. "
        "Kies hieronder een of meer waarden: binnen een filter volstaat één waarde, "
        "tussen filters moeten ze allemaal kloppen.",
        "",
        rawhtml.wrap(
            join(
                "\n\n",
                [
                    _static_facets(kb),
                    _form(all_facets, values.values()),
                    fmt(COUNT, _count_text(total)),
                    _list(kb, ordered, values),
                    MORE_BUTTONS,
                ],
            )
        ),
        "",
    ]
    return "\n".join(parts)


COUNT = '<p id="kb-result-count" class="kb-result-count" aria-live="polite">{}</p>'
"""The number of matches, which the script updates as filters change."""

MORE_BUTTONS = Markup(
    '<div class="kb-more" data-kb-more hidden>'
    '<button type="button" class="md-button" data-kb-more-next>Toon meer</button> '
    '<button type="button" class="md-button" data-kb-more-all>Toon alle praktijken</button>'
    "</div>"
)
"""Below the list, hidden until the script shows the list in batches (it then sets their labels)."""


def _count_text(n: int) -> str:
    return "1 praktijk" if n == 1 else f"{n} praktijken"


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
    """Links to the static facet pages: the catalogue's filters for readers without JavaScript."""

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
    return fmt(
        '<nav class="kb-static-facets" aria-label="Bladeren per stadsgrootte en thema">\n'
        '<p>Per stadsgrootte:</p><ul class="kb-inline">{}</ul>\n'
        '<p>Per thema:</p><ul class="kb-inline">{}</ul>\n'
        "</nav>",
        sizes,
        themes,
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
            Markup('<form id="kb-filters" class="kb-filters" hidden aria-label="Praktijken filteren">'),
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
    return fmt(
        '<fieldset data-facet="{}">\n<legend>{}</legend>\n{}\n</fieldset>',
        facet.name,
        facet.legend,
        join("\n", rows),
    )


def _list(
    kb: KnowledgeBase, ordered: list[tuple[str, Practice]], values: dict[str, dict[str, list[str]]]
) -> Markup:
    """One compact <li> per practice: title link, lead city, short summary, facets as data."""
    items = [Markup('<ul id="kb-catalogue" class="kb-catalogue">')]
    for practice_id, practice in ordered:
        data = join(
            "", (fmt(' data-{}="{}"', name, " ".join(ids)) for name, ids in values[practice_id].items())
        )
        city = kb.cities.get(practice.city)
        items.append(
            fmt(
                '<li class="kb-practice"{}><a href="{}">{}</a> <small>{}</small><p>{}</p></li>',
                data,
                urls.href(PAGE_URL, "practice", practice_id),
                line(practice.title),
                line(city.name if city else practice.city),
                _short(practice.summary),
            )
        )
    items.append(Markup("</ul>"))
    return join("\n", items)
