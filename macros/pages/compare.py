"""Compare side by side: the page /vergelijk/ and the compact data it reads.

An officer ticks two to four practices in the catalogue (or municipalities on /steden/) and opens
`/vergelijk/?praktijken=a,b,c` (or `?steden=x,y`): one column each, a row per question (what, how,
resources, results, do's and don'ts, contact, sources, period and status). The address holds the
selection, so it can be mailed. `docs/assets/javascripts/compare.js` builds the table.

Where the data comes from: a small JSON file per practice and per municipality, made at build time
(`vergelijk/praktijken/<id>.json`, `vergelijk/steden/<id>.json`, about 2 to 4 KB each). Not the
practice pages themselves, as the meeting pack fetches them: a comparison needs the fields, not their
rendering, and reading them back out of a page's headings and sentences would tie the comparison to the
page's wording and layout; a page is also ten times the bytes with the theme around it. Not one file of
everything either: at 3,000 practices that is megabytes for a comparison of three. The files hold
plain text only, which the script puts into the page as text (`textContent`), never as HTML, and
site-relative paths or addresses whose scheme is http(s), mailto or tel.

Without JavaScript the page says what it does and where to choose; the catalogue, the province tables
and each practice page hold the same facts.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from macros.html import urls
from macros.html.markup import Markup, safe_url, shown
from macros.html.structure import Page
from macros.pages import practice as practice_page
from macros.pages.common import cited_sources, shown_authors
from macros.records import timeline
from macros.records.dutch import PROVINCES, dutch_date, dutch_number
from macros.records.models import Contact

if TYPE_CHECKING:
    from macros.pages.context import Context

FILE = "vergelijk/index.md"
DATA = "vergelijk"
"""The folder of the data files, beside the page."""
MAX_COLUMNS = 4


def practice_data_path(practice_id: str) -> str:
    return f"{DATA}/praktijken/{practice_id}.json"


def city_data_path(city_id: str) -> str:
    return f"{DATA}/steden/{city_id}.json"


def render(ctx: Context) -> Page:
    """The comparison page: what it does, and the empty frame the script fills."""
    page = Page(FILE, "Vergelijken", "", "Twee tot vier praktijken of gemeenten naast elkaar.")
    page.add(NO_SCRIPT, FRAME)
    return page


NO_SCRIPT = Markup(
    '<div class="kb-compare-intro" data-kb-compare-static>'
    "<p>Deze pagina zet twee tot vier praktijken of gemeenten naast elkaar: een kolom per praktijk, een "
    "rij per vraag (wat, hoe, middelen, resultaten, do's en don'ts, contact, bronnen, periode en "
    'status). Vink ze aan in de <a href="../praktijken/">catalogus</a> of bij '
    '<a href="../steden/">Steden en gemeenten</a> en kies <strong>Vergelijken</strong>. Het adres van '
    "de vergelijking bevat je keuze: je kunt het mailen.</p>"
    "<p>Vergelijken werkt met JavaScript. Zonder JavaScript staan dezelfde gegevens in de "
    '<a href="../provincies/">tabellen per provincie</a> en op de pagina van elke praktijk.</p>'
    "</div>"
)

FRAME = Markup(
    '<div class="kb-compare" data-kb-compare-page hidden>'
    '<p class="kb-compare-status" data-kb-compare-status aria-live="polite"></p>'
    '<div class="kb-compare-tools" data-kb-compare-tools hidden>'
    '<label><input type="checkbox" data-kb-compare-diff> Alleen de rijen die verschillen</label>'
    '<button type="button" class="md-button" data-kb-compare-print>Afdrukken</button>'
    '<a class="md-button" data-kb-compare-other hidden href="./">Vergelijk hun gemeenten</a>'
    "</div>"
    '<p class="kb-hint" data-kb-compare-legend hidden>Rijen die verschillen, zijn gemarkeerd met '
    "<strong>verschilt</strong>; een lege cel zegt dat de bronnen het niet vermelden. De status is de "
    "lezing van de kennisbank: wat de nieuwste bron zegt, op haar datum.</p>"
    '<div class="kb-compare-scroll" data-kb-compare-scroll role="region" tabindex="0" '
    'aria-label="Vergelijking, scrolt zijwaarts">'
    '<table class="kb-compare-table" data-kb-compare-table></table>'
    "</div>"
    "</div>"
)
"""Filled by compare.js: the status, the tools, the legend and the table."""


# --- the data ------------------------------------------------------------------------------------------


def data_files(ctx: Context) -> dict[str, bytes]:
    """Every practice's and every municipality's comparison data, by path below the site."""
    return {path: make() for path, make in data_makers(ctx).items()}


def data_makers(ctx: Context) -> dict[str, Callable[[], bytes]]:
    """Path below the site -> what makes that comparison file, for every practice and municipality."""
    makers: dict[str, Callable[[], bytes]] = {
        practice_data_path(pid): functools.partial(_data, practice_data, ctx, pid) for pid in ctx.kb.practices
    }
    makers |= {
        city_data_path(cid): functools.partial(_data, city_data, ctx, cid) for cid in ctx.kb.municipalities
    }
    return makers


def _data(make: Callable[[Context, str], dict[str, Any]], ctx: Context, record_id: str) -> bytes:
    return _bytes(make(ctx, record_id))


def _bytes(document: dict[str, Any]) -> bytes:
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode("utf-8")


def practice_data(ctx: Context, practice_id: str) -> dict[str, Any]:
    """One practice's rows, as plain text; paths are relative to the site's root."""
    kb = ctx.kb
    practice = kb.practices[practice_id]
    facts = ctx.facts[practice_id]
    file = urls.page_file("practice", practice_id)
    resources = practice.resources
    return {
        "kind": "praktijk",
        "id": practice_id,
        "title": practice.title,
        "url": urls.page_url("practice", practice_id),
        "municipality": {
            "id": practice.city,
            "name": facts.municipality,
            "url": urls.page_url("city", practice.city),
            "size": facts.size_label,
            "centrumstad": "ja" if facts.centrumstad else "nee",
            "province": facts.province_label,
        },
        "period": practice_page.period_text(ctx, practice),
        "status": str(practice_page.status_text(ctx, file, practice).striptags()),
        "state": facts.status,
        "what": practice.summary,
        "how": list(practice.approach),
        "resources": [
            [label, value]
            for label, value in (
                ("Personeel", resources.staff if resources else None),
                ("Budget", resources.budget if resources else None),
                ("Financiering", resources.funding if resources else None),
            )
            if value
        ],
        "results": _paragraphs(practice.results),
        "evaluation": _paragraphs(practice.evaluation),
        "dos": list(practice.success_factors),
        "donts": list(practice.pitfalls),
        "contact": _practice_contact(ctx, practice_id),
        "sources": _sources(ctx, _cited(practice)),
        "themes": [shown(kb.label("theme", t)) for t in practice.themes],
    }


def city_data(ctx: Context, city_id: str) -> dict[str, Any]:
    """One municipality's rows, as plain text."""
    kb = ctx.kb
    municipality = kb.municipalities[city_id]
    profile = kb.profiles.get(city_id)
    practices = sorted(ctx.bench.practices_of(city_id), key=lambda pid: kb.practices[pid].title.casefold())
    size = ctx.bench.city_size.get(city_id)
    themes: dict[str, int] = {}
    for pid in practices:
        for theme in kb.practices[pid].themes:
            themes[theme] = themes.get(theme, 0) + 1
    running = sum(1 for pid in practices if timeline.current(kb, kb.practices[pid], ctx.today) == "lopend")
    meta = kb.reference.meta
    contact = profile.contact if profile else None
    network = profile.network if profile else None
    share = profile.foreign_origin_share if profile else None
    return {
        "kind": "gemeente",
        "id": city_id,
        "title": municipality.name,
        "url": urls.page_url("city", city_id),
        "province": PROVINCES[municipality.province],
        "population": dutch_number(municipality.population)
        + (f" (op {dutch_date(meta.population_date)})" if meta else ""),
        "size": shown(kb.size_classes[size].label) if size else "",
        "centrumstad": "ja" if municipality.centrumstad else "nee",
        "practices": [
            {"title": shown(kb.practices[pid].title), "url": urls.page_url("practice", pid)}
            for pid in practices
        ],
        "running": running,
        "themes": [
            f"{shown(kb.label('theme', theme))} ({count})"
            for theme, count in sorted(themes.items(), key=lambda t: (-t[1], kb.label("theme", t[0])))
        ],
        "foreign": f"{dutch_number(share.value)} % in {share.year}" if share else "",
        "network": (
            f"{len(network.actors)} actoren, {len(network.flows)} stromen" if network is not None else ""
        ),
        "contact": _contact(ctx, contact, f"De gemeente: {municipality.name}") if contact else None,
        "sources": _sources(ctx, list(dict.fromkeys(profile.sources)) if profile else []),
    }


def _paragraphs(text: str | None) -> list[str]:
    return [" ".join(block.split()) for block in (text or "").split("\n\n") if block.strip()]


def _cited(practice: Any) -> list[str]:
    return list(dict.fromkeys(cited_sources("practice", practice)))


def _sources(ctx: Context, source_ids: list[str]) -> list[dict[str, Any]]:
    """Short references: title, who and when, and the source's page on this site. Another record's
    text is cut as the pages cut it (`macros.html.markup.shown`): it repeats in every file that cites
    the source, and the site's output budget (`macros.budget`) counts these files too."""
    found = []
    for source_id in source_ids:
        source = ctx.kb.sources.get(source_id)
        if source is None:
            continue
        who = shown_authors(source)
        found.append(
            {
                "title": shown(source.title),
                "by": who or shown(source.publisher or ""),
                "year": source.year,
                "url": urls.page_url("source", source_id),
            }
        )
    return found


def _practice_contact(ctx: Context, practice_id: str) -> dict[str, Any] | None:
    """The first contact the practice page lists (`practice.first_contact`)."""
    practice = ctx.kb.practices[practice_id]
    found = practice_page.first_contact(ctx, practice)
    if found is None:
        return None
    contact, whose, organisation = found
    municipality = ctx.kb.municipalities[practice.city]
    heading = {
        "eigen": "Voor deze praktijk",
        "gemeente": f"De gemeente: {municipality.name}",
        "kantoor": f"{organisation}, voor {PROVINCES[municipality.province]}",
    }[whose]
    return _contact(ctx, contact, heading)


def _contact(ctx: Context, contact: Contact, heading: str) -> dict[str, Any]:
    seen = practice_page.seen_on(ctx, contact.source)
    rows = [
        ["Functie", shown(contact.role or "")],
        ["Dienst", shown(contact.service or "")],
        ["E-mail", contact.email or ""],
        ["Telefoon", contact.phone or ""],
        ["Webpagina", (safe_url(contact.url) or "") if contact.url else ""],
    ]
    return {"heading": heading, "rows": [row for row in rows if row[1]], "seen": seen}
