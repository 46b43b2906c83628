"""Index pages of each section (/steden/, /organisaties/, ...): every record or term of a kind, linked.

They make every page reachable by links, also a record nothing refers to yet (a new organisation, an
unused instrument), and give a reader an A-to-Z. The practices' index is the catalogue.
"""

from __future__ import annotations

from macros.pages.common import Page, bullet_list, link, p
from macros.pages.context import Context
from macros.pages.markup import fmt
from macros.records.kinds import SECTIONS

TITLES = {
    "city": ("Steden en gemeenten", "Alle steden en gemeenten in de kennisbank."),
    "organisation": ("Organisaties", "Alle partnerorganisaties in de kennisbank."),
    "network": (
        "Lerende netwerken",
        "Alle netwerken waarin besturen ervaringen en goede praktijken uitwisselen.",
    ),
    "source": ("Bronnen", "Alle bronnen waarop de records steunen, met het aantal records dat ze citeert."),
    "theme": ("Thema's", "De thema's van lokaal integratiebeleid."),
    "instrument": ("Instrumenten", "De beleidsinstrumenten, per soort."),
    "size_class": ("Stadsgrootte", "De groottes van steden en gemeenten, van klein naar groot."),
}


def render(ctx: Context, kind: str) -> Page:
    """The index page of one section; records by name, vocabulary terms in vocabulary order."""
    title, intro = TITLES[kind]
    file = f"{SECTIONS[kind]}/index.md"
    page = Page(file, title, ctx.section_edit_url(kind), description=intro)
    items = ctx.kb.records_of(kind)
    ids = list(items)
    if kind in ("city", "organisation", "network", "source"):
        ids.sort(key=lambda i: (getattr(items[i], "name", None) or items[i].title).casefold())
    items_html = [link(ctx.kb, file, kind, i) for i in ids]
    if kind == "source":
        items_html = [fmt("{} ({})", item, _citing(ctx, i)) for item, i in zip(items_html, ids, strict=True)]
    page.add(p(intro), bullet_list(items_html) or p("Nog geen."))
    return page


def _citing(ctx: Context, source_id: str) -> str:
    """`3 records`: how many records cite a source, in any field."""
    count = sum(len(ids) for ids in ctx.links.all_referrers("source", source_id).values())
    if count == 0:
        return "door geen enkel record geciteerd"
    return f"{count} record" + ("s" if count != 1 else "")
