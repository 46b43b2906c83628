"""The page of a source: its bibliographic data and every record and term that cites it."""

from __future__ import annotations

from typing import Any

from macros.html import urls
from macros.html.elements import bullet_list, external, field_list, link, p, section
from macros.html.markup import Markup, fmt, line
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
    blocks.append(
        section("Referentiegegevens van de gemeenten", _reference(ctx, page.file, source_id), level=3)
    )
    # The citing records' titles are their own pages' text: left out of the search index.
    cited = section("Geciteerd door", blocks, indexed=False) or section(
        "Geciteerd door", p("Nog geen enkel record verwijst naar deze bron."), indexed=False
    )
    page.add(section("Gegevens", facts), cited)
    return page


def _citing(ctx: Context, file: str, kind: str, record_id: str) -> Markup:
    """A citing record as a link to its page; a city record is on its municipality's page."""
    return link(ctx, file, "city" if kind == "profile" else kind, record_id)


REFERENCE_FIELDS = {
    "nis_code": "de NIS-codes",
    "name": "de namen",
    "province": "de provincies",
    "population": "de inwonertallen",
    "centrumstad": "de centrumsteden",
    "former_names": "de fusies",
    "shape": "de grenzen op de kaart",
}
"""Each field of the reference data (`ReferenceSources`), as a source page names what it gives."""


def _reference(ctx: Context, file: str, source_id: str) -> Markup:
    """What the reference data of every municipality takes from this source, if anything: those
    fields are on every municipality's page, and a source page saying nobody cites it would mislead."""
    meta = ctx.kb.reference.meta
    fields = [REFERENCE_FIELDS[name] for name, cited in meta.sources if cited == source_id] if meta else []
    if not fields:
        return Markup("")
    listed = ", ".join(fields[:-1]) + " en " + fields[-1] if len(fields) > 1 else fields[0]
    index = fmt('<a href="{}">alle steden en gemeenten</a>', urls.relative(urls.file_url(file), "steden/"))
    return fmt("<p>Deze bron geeft {} van {}.</p>", listed, index)


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
