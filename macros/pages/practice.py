"""The page of a good practice: every field, its relations, comparable practices and adoptions."""

from __future__ import annotations

from macros.html import urls
from macros.html.elements import (
    bullet_list,
    external,
    field_list,
    link,
    links,
    mail_link,
    p,
    phone_link,
    section,
)
from macros.html.markup import Markup, fmt, join, line, paragraphs
from macros.html.structure import Page, unindexed
from macros.pages.common import cited_sources, review_notice, situation, sources_section
from macros.pages.context import Context
from macros.pages.question import answered
from macros.records import timeline
from macros.records.dutch import PROVINCES, dutch_date, dutch_when
from macros.records.models import Contact, Document, DocumentType, Practice

DOCUMENT_TYPES: dict[DocumentType, str] = {
    "reglement": "reglement",
    "clausule": "clausule",
    "sjabloon": "sjabloon",
    "evaluatie": "evaluatie",
    "presentatie": "presentatie",
    "rapport": "rapport",
    "andere": "ander document",
}
LANGUAGES = {"nl": "Nederlands", "en": "Engels", "fr": "Frans", "de": "Duits"}
"""Dutch names of the languages documents are usually in; another code is shown as it is written."""
COMPARABLE_LIMIT = 6
"""At most this many comparable practices per page: pages stay small at thousands of practices."""


def render(ctx: Context, practice_id: str) -> Page:
    """The practice page."""
    practice = ctx.kb.practices[practice_id]
    page = Page(
        urls.page_file("practice", practice_id), practice.title, ctx.edit_url("practice", practice_id)
    )
    page.description = practice.summary
    page.add(
        review_notice(practice.last_reviewed, ctx.today),
        situation(ctx.kb, cited_sources("practice", practice), practice.last_reviewed),
        p(line(practice.summary)),
        section("Kerngegevens", _key_facts(ctx, page.file, practice)),
        section("Beschrijving", paragraphs(practice.description or "")),
        section("Aanpak", bullet_list((line(step) for step in practice.approach), tag="ol")),
        section("Partners", _partners(ctx, page.file, practice)),
        section("Middelen", _resources(practice)),
        section("Resultaten", paragraphs(practice.results or "")),
        section("Evaluatie", paragraphs(practice.evaluation or "")),
        section("Wat werkt", bullet_list(line(x) for x in practice.success_factors)),
        section("Valkuilen", bullet_list(line(x) for x in practice.pitfalls)),
        section("Overdraagbaarheid", _transferability(ctx, page.file, practice)),
        section("Documenten", _documents(practice.documents)),
        section("Contact", contact_section(ctx, page.file, practice)),
        section("Overgenomen door", _adopted(ctx, page.file, practice_id), indexed=False),
        section("Beantwoordt leervragen", answered(ctx, page.file, "practice", practice_id), indexed=False),
        section("Vergelijkbare praktijken", _comparable(ctx, page.file, practice_id), indexed=False),
        sources_section(ctx, page.file, cited_sources("practice", practice), practice.last_reviewed),
    )
    return page


def period_text(ctx: Context, practice: Practice) -> str:
    """`van oktober 2012 tot 2015`; `sinds 2022` only when a source of the last three years says it
    runs; else `gestart in 2019; laatst bevestigd in 2021` or `gestart in 2019; onbekend of het nog
    loopt`."""
    period = practice.period
    if period is None:
        return ""
    if period.end:
        return f"van {dutch_date(period.start)} tot {dutch_date(period.end)}"
    state = timeline.current(ctx.kb, practice, ctx.today)
    if state == "lopend":
        return f"sinds {dutch_date(period.start)}"
    found = timeline.confirmation(ctx.kb, practice)
    if state == "afgerond":
        return f"gestart {dutch_when(period.start)}"
    if found is not None and found.state == "lopend" and found.date:
        return f"gestart {dutch_when(period.start)}; laatst bevestigd {dutch_when(found.date)}"
    return f"gestart {dutch_when(period.start)}; onbekend of het nog loopt"


def status_text(ctx: Context, file: str, practice: Practice) -> Markup:
    """Whether it runs, with the source and date that say so: `Lopend, bevestigd in februari 2024
    (bron)`, `Onbekend of het nog loopt: laatst bevestigd als lopend in 2019 (bron)`."""
    found = timeline.confirmation(ctx.kb, practice)
    state = timeline.current(ctx.kb, practice, ctx.today)
    source = fmt(" ({})", link(ctx, file, "source", found.source)) if found and found.source else Markup("")
    when = dutch_when(found.date) if found and found.date else ""
    if state == "lopend":
        return fmt("Lopend, bevestigd {}{}", when, source)
    if state == "afgerond":
        if found is not None and found.state == "afgerond" and found.source:
            said = fmt(" {}", when) if when else Markup("")
            return fmt("Afgerond, zegt {}{}", link(ctx, file, "source", found.source), said)
        return (
            fmt("Afgerond: de periode eindigde in {}", dutch_date(practice.period.end or ""))
            if practice.period
            else Markup("Afgerond")
        )
    if found is not None and found.state == "lopend" and when:
        return fmt(
            "Onbekend of het nog loopt: laatst bevestigd als lopend {}{}, meer dan {} jaar geleden",
            when,
            source,
            timeline.RECENT_YEARS,
        )
    return Markup("Onbekend of het nog loopt: geen bron van de laatste jaren zegt het")


def _key_facts(ctx: Context, file: str, practice: Practice) -> Markup:
    return field_list(
        [
            ("Trekker", link(ctx, file, "city", practice.city)),
            ("Andere steden", links(ctx, file, "city", practice.cities)),
            ("Thema's", links(ctx, file, "theme", practice.themes)),
            ("Instrumenten", links(ctx, file, "instrument", practice.instruments)),
            ("Doelgroepen", join(", ", (line(g) for g in practice.target_groups))),
            ("Periode", period_text(ctx, practice)),
            ("Status", status_text(ctx, file, practice)),
        ]
    )


def _partners(ctx: Context, file: str, practice: Practice) -> Markup:
    rows = []
    for partner in practice.partners:
        role = fmt(": {}", line(partner.role)) if partner.role else ""
        rows.append(link(ctx, file, "organisation", partner.organisation) + role)
    return bullet_list(rows)


def _resources(practice: Practice) -> Markup:
    resources = practice.resources
    if resources is None:
        return Markup("")
    return field_list(
        [
            ("Personeel", line(resources.staff or "")),
            ("Budget", line(resources.budget or "")),
            ("Financiering", line(resources.funding or "")),
        ]
    )


def _transferability(ctx: Context, file: str, practice: Practice) -> Markup:
    t = practice.transferability
    if t is None:
        return Markup("")
    return field_list(
        [
            ("Geschikt voor", links(ctx, file, "size_class", t.size_classes)),
            ("Nodige leervoorwaarden", links(ctx, file, "condition", t.conditions)),
            ("Overgenomen van", links(ctx, file, "practice", t.adapted_from)),
            ("Wat aan te passen", line(t.note or "")),
        ]
    )


def _adopted(ctx: Context, file: str, practice_id: str) -> Markup:
    adopters = ctx.bench.adopted_in(practice_id)
    rows = []
    for pid in adopters:
        city = ctx.kb.practices[pid].city
        rows.append(fmt("{} in {}", link(ctx, file, "practice", pid), link(ctx, file, "city", city)))
    return bullet_list(rows)


def _comparable(ctx: Context, file: str, practice_id: str) -> Markup:
    rows = []
    for suggestion in ctx.bench.comparable(practice_id, COMPARABLE_LIMIT):
        city = ctx.kb.practices[suggestion.id].city
        rows.append(
            fmt(
                "{} ({}): {}",
                link(ctx, file, "practice", suggestion.id),
                link(ctx, file, "city", city),
                suggestion.reason,
            )
        )
    return bullet_list(rows)


def contact_block(ctx: Context, file: str, contact: Contact, heading: str) -> Markup:
    """A role and a service with their addresses, never a person's name (the model has no field for
    one): the functional address still answers when the officer who wrote the record has left. Says
    where the addresses were seen, and when (left out of the search index: the same words on every
    page)."""
    rows = field_list(
        [
            ("Functie", line(contact.role or "")),
            ("Dienst", line(contact.service or "")),
            ("E-mail", mail_link(contact.email) if contact.email else ""),
            ("Telefoon", phone_link(contact.phone) if contact.phone else ""),
            ("Webpagina", external(contact.url) if contact.url else ""),
        ]
    )
    seen = _seen(ctx, file, contact.source)
    return fmt(
        '<address class="kb-contact">\n<p><strong>{}</strong></p>\n{}\n{}</address>', heading, rows, seen
    )


def _seen(ctx: Context, file: str, source_id: str) -> Markup:
    source = ctx.kb.sources.get(source_id)
    if source is None:
        return Markup("")
    when = dutch_date(source.accessed) if source.accessed else str(source.year or "")
    shown = fmt("gezien op {}", when) if source.accessed else fmt("uit {}", when) if when else Markup("")
    return fmt(
        '<p class="kb-seen" data-pagefind-ignore="index">Bron: {}{}.</p>\n',
        link(ctx, file, "source", source_id),
        fmt(", {}", shown) if shown else "",
    )


def office_blocks(ctx: Context, file: str, province: str) -> list[Markup]:
    """The office for `province` of every organisation that lists its offices (the Agentschap
    Integratie en Inburgering's regional offices). Left out of the search index: they are the
    organisation's text, the same on every page of the province."""
    return [
        unindexed(contact_block(ctx, file, office.contact, f"{name}, voor {PROVINCES[province]}"))
        for name, office in ctx.offices.get(province, [])
    ]


def contact_section(ctx: Context, file: str, practice: Practice) -> Markup:
    """Whom to ask about a practice: its own contact where a source gives one; else the service of
    its municipality; and the Agentschap Integratie en Inburgering's office for the province. Never
    empty: without any address it says whom to ask instead. Only the practice's own contact is
    indexed for search: the others are other records' text."""
    kb = ctx.kb
    municipality = kb.municipalities[practice.city]
    blocks = []
    if practice.contact is not None:
        blocks.append(contact_block(ctx, file, practice.contact, "Voor deze praktijk"))
    profile = kb.profiles.get(practice.city)
    if profile is not None and profile.contact is not None:
        heading = "De gemeente" if practice.contact else "De gemeente (de praktijk heeft geen eigen contact)"
        blocks.append(unindexed(contact_block(ctx, file, profile.contact, f"{heading}: {municipality.name}")))
    blocks += office_blocks(ctx, file, municipality.province)
    if not blocks:
        blocks.append(
            unindexed(
                p(
                    fmt(
                        "De bronnen geven geen contact voor deze praktijk. Vraag ernaar bij de "
                        "gemeente: zie {}.",
                        link(ctx, file, "city", practice.city),
                    )
                )
            )
        )
    return join("\n", blocks)


def _documents(documents: list[Document]) -> Markup:
    """Each document a link, with its kind, year and language: an officer sees before opening it
    whether it is the regulation to adapt or an evaluation in French."""
    return bullet_list(
        fmt("{} ({})", external(document.url, document.title), _document_facts(document))
        for document in documents
    )


def _document_facts(document: Document) -> str:
    facts = [DOCUMENT_TYPES[document.type]]
    if document.year:
        facts.append(str(document.year))
    facts.append(LANGUAGES.get(document.language, f"taal: {document.language}"))
    return ", ".join(facts)
