"""The page of a good practice: every field, its relations, comparable practices and adoptions."""

from __future__ import annotations

from macros.pages import urls
from macros.pages.common import (
    Page,
    bullet_list,
    cited_sources,
    dutch_date,
    external,
    field_list,
    link,
    links,
    p,
    review_notice,
    section,
    situation,
    sources_section,
)
from macros.pages.context import Context
from macros.pages.markup import Markup, fmt, join, line, paragraphs
from macros.records.models import Contact, Document, DocumentType, Period, Practice

STATUS_LABELS = {"lopend": "Lopend", "afgerond": "Afgerond", "pilot": "Pilot"}
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
        section("Contact", _contact(practice.contact)),
        section("Overgenomen door", _adopted(ctx, page.file, practice_id)),
        section("Vergelijkbare praktijken", _comparable(ctx, page.file, practice_id)),
        sources_section(ctx.kb, page.file, cited_sources("practice", practice), practice.last_reviewed),
    )
    return page


def period_text(period: Period | None) -> str:
    """`van oktober 2012 tot 2015`, `sinds 2016`."""
    if period is None:
        return ""
    if period.end:
        return f"van {dutch_date(period.start)} tot {dutch_date(period.end)}"
    return f"sinds {dutch_date(period.start)}"


def _key_facts(ctx: Context, file: str, practice: Practice) -> Markup:
    kb = ctx.kb
    return field_list(
        [
            ("Trekker", link(kb, file, "city", practice.city)),
            ("Andere steden", links(kb, file, "city", practice.cities)),
            ("Thema's", links(kb, file, "theme", practice.themes)),
            ("Instrumenten", links(kb, file, "instrument", practice.instruments)),
            ("Doelgroepen", join(", ", (line(g) for g in practice.target_groups))),
            ("Periode", period_text(practice.period)),
            ("Status", STATUS_LABELS.get(practice.status or "", "")),
        ]
    )


def _partners(ctx: Context, file: str, practice: Practice) -> Markup:
    rows = []
    for partner in practice.partners:
        role = fmt(": {}", line(partner.role)) if partner.role else ""
        rows.append(link(ctx.kb, file, "organisation", partner.organisation) + role)
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
    kb = ctx.kb
    return field_list(
        [
            ("Geschikt voor", links(kb, file, "size_class", t.size_classes)),
            ("Nodige leervoorwaarden", links(kb, file, "condition", t.conditions)),
            ("Overgenomen van", links(kb, file, "practice", t.adapted_from)),
            ("Wat aan te passen", line(t.note or "")),
        ]
    )


def _adopted(ctx: Context, file: str, practice_id: str) -> Markup:
    adopters = ctx.bench.adopted_in(practice_id)
    rows = []
    for pid in adopters:
        city = ctx.kb.practices[pid].city
        rows.append(fmt("{} in {}", link(ctx.kb, file, "practice", pid), link(ctx.kb, file, "city", city)))
    return bullet_list(rows)


def _comparable(ctx: Context, file: str, practice_id: str) -> Markup:
    rows = []
    for suggestion in ctx.bench.comparable(practice_id, COMPARABLE_LIMIT):
        city = ctx.kb.practices[suggestion.id].city
        rows.append(
            fmt(
                "{} ({}): {}",
                link(ctx.kb, file, "practice", suggestion.id),
                link(ctx.kb, file, "city", city),
                suggestion.reason,
            )
        )
    return bullet_list(rows)


def _phone(number: str) -> Markup:
    return external("tel:" + "".join(c for c in number if c.isdigit() or c == "+"), number)


def _contact(contact: Contact | None) -> Markup:
    """A role and a service with their addresses, never a person's name (the model has no field for
    one): the functional address still answers when the officer who wrote the record has left."""
    if contact is None:
        return Markup("")
    rows = field_list(
        [
            ("Functie", line(contact.role or "")),
            ("Dienst", line(contact.service or "")),
            ("E-mail", external(f"mailto:{contact.email}", contact.email) if contact.email else ""),
            ("Telefoon", _phone(contact.phone) if contact.phone else ""),
            ("Webpagina van de gemeente", external(contact.url) if contact.url else ""),
        ]
    )
    return fmt('<address class="kb-contact">\n{}\n</address>', rows)


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
