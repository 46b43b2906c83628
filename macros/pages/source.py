"""The page of a source: its bibliographic data and every record and term that cites it."""

from __future__ import annotations

from typing import Any

from macros.html import urls
from macros.html.elements import bullet_list, external, field_list, link, p, section
from macros.html.markup import Markup, line
from macros.html.structure import Page
from macros.pages.context import Context
from macros.records.dutch import dutch_date
from macros.records.kinds import KINDS, SOURCED_KINDS

CITING_KINDS = tuple((kind, KINDS[kind].plural) for kind in SOURCED_KINDS)
"""The kinds that cite sources, with the heading of their list on a source page."""


def render(ctx: Context, source_id: str) -> Page:
    """The source page."""
    kb = ctx.kb
    source = kb.sources[source_id]
    page = Page(urls.page_file("source", source_id), source.title, ctx.edit_url("source", source_id))
    facts = field_list(
        [
            ("Auteurs", line("; ".join(source.authors))),
            ("Jaar", str(source.year) if source.year else ""),
            ("Uitgever", line(source.publisher or "")),
            ("Soort bron", line(source.note or "")),
            ("Online", external(source.url) if source.url else ""),
            ("Geraadpleegd op", dutch_date(source.accessed) if source.accessed else ""),
        ]
    )
    citing = ctx.links.all_referrers("source", source_id)
    blocks = [
        section(
            title, bullet_list(_citing(ctx, page.file, kind, rid) for rid in citing.get(kind, [])), level=3
        )
        for kind, title in CITING_KINDS
    ]
    blocks.append(section("Begrippen", _terms(ctx, page.file, source_id), level=3))
    cited = section("Geciteerd door", blocks) or section(
        "Geciteerd door", p("Nog geen enkel record verwijst naar deze bron.")
    )
    page.add(section("Gegevens", facts), cited)
    return page


def _citing(ctx: Context, file: str, kind: str, record_id: str) -> Markup:
    """A citing record as a link to its page; a city record is on its municipality's page."""
    return link(ctx, file, "city" if kind == "profile" else kind, record_id)


def _terms(ctx: Context, file: str, source_id: str) -> Markup:
    """Vocabulary terms whose definition follows this source; flow kinds have no page of their own."""
    kb = ctx.kb
    vocabularies: list[tuple[str, dict[str, Any]]] = [
        ("theme", kb.themes),
        ("instrument", kb.instruments),
        ("size_class", kb.size_classes),
        ("condition", kb.conditions),
        ("flow_kind", kb.flow_kinds),
    ]
    rows = []
    for kind, terms in vocabularies:
        for term_id, term in terms.items():
            if term.source == source_id:
                rows.append(line(term.label) if kind == "flow_kind" else link(ctx, file, kind, term_id))
    return bullet_list(rows)
