"""The page of a good practice: every field, its relations, comparable practices and adoptions.

On paper the page is a one-page sheet (docs/assets/stylesheets/print.css): a print-only head with the
municipality, themes, period, status and the first contact (`sheet_head`), the practice's own text in
two columns, its sources as short references, and the page's address at the foot (`sheet_foot`). What
leads elsewhere on screen stays off paper: the key facts and contact blocks the head replaces
(`kb-screen-only`), and the lists of related practices (`kb-related`). An "Afdrukken" button opens
the print dialog (docs/assets/javascripts/print.js).
"""

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
from macros.html.markup import Markup, fmt, join, line, paragraphs, shown
from macros.html.structure import Page, Section, unindexed
from macros.pages.common import cited_sources, review_notice, situation, sources_section
from macros.pages.context import Context
from macros.pages.facts import own_contact
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
        sheet_head(ctx, page.file, practice),
        review_notice(practice.last_reviewed, ctx.today),
        situation(ctx.kb, cited_sources("practice", practice), practice.last_reviewed),
        fmt('<p class="kb-lead">{}</p>', line(practice.summary)),
        PRINT_BUTTON,
        section("Kerngegevens", _screen_only(_key_facts(ctx, page.file, practice))),
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
        section("Contact", _screen_only(contact_section(ctx, page.file, practice))),
        section("Overgenomen door", _related(_adopted(ctx, page.file, practice_id)), indexed=False),
        section(
            "Beantwoordt leervragen",
            _related(answered(ctx, page.file, "practice", practice_id)),
            indexed=False,
        ),
        section(
            "Vergelijkbare praktijken", _related(_comparable(ctx, page.file, practice_id)), indexed=False
        ),
        _sources(ctx, page.file, practice),
        sheet_foot(ctx, page.url),
    )
    return page


PRINT_BUTTON = Markup(
    '<div class="kb-print-button" data-kb-print hidden>'
    '<button type="button" class="md-button">Afdrukken</button></div>'
)
"""Shown by print.js; without JavaScript the browser's own print command prints the same sheet."""

SOURCE_TITLE_CHARS = 70
SOURCE_WHO_CHARS = 40
"""A source on paper is its first author's surname (or its publisher; no "e.a."), its year and its
title cut to about one line: the sheet gives short references, the source's page on the site the full
one. Short also because the page carries them beside the full list: a practice citing 50 sources of 50
long authors stays under the output test's 100 kB (tests/test_output_budget.py)."""


def _screen_only(content: Markup) -> Markup:
    """Content that the print-only head replaces on paper (with its heading: print.css)."""
    return fmt('<div class="kb-screen-only">{}</div>', content) if content else Markup("")


def _related(content: Markup) -> Markup:
    """Lists that lead to other pages, off paper (with their heading: print.css)."""
    return fmt('<div class="kb-related">{}</div>', content) if content else Markup("")


def sheet_head(ctx: Context, file: str, practice: Practice) -> Markup:
    """The print-only head of the sheet: where, what about, when, whether it still runs, and whom to
    ask. Left out of the search index: the page says all of it elsewhere."""
    kb = ctx.kb
    municipality = kb.municipalities.get(practice.city)
    where = [municipality.name if municipality else practice.city]
    extra = []
    if municipality is not None:
        size = ctx.bench.city_size.get(practice.city)
        if size:
            extra.append(shown(kb.size_classes[size].label))
        if municipality.centrumstad:
            extra.append("centrumstad")
        extra.append(PROVINCES[municipality.province])
    city = fmt("{} ({})", where[0], ", ".join(extra)) if extra else line(where[0])
    if practice.cities:
        city += fmt("; met {}", ", ".join(shown(kb.label("city", c)) for c in practice.cities))
    if practice.no_lead:
        city += fmt(" ({})", NO_LEAD)
    rows = [
        ("Gemeente", city),
        ("Thema's", line(", ".join(shown(kb.label("theme", t)) for t in practice.themes))),
        ("Doelgroepen", line(", ".join(practice.target_groups))),
        ("Periode", line(period_text(ctx, practice))),
        ("Status", status_text(ctx, file, practice)),
        ("Contact", _contact_line(ctx, practice)),
    ]
    items = join(
        "",
        (fmt("<dt>{}</dt><dd>{}</dd>", label, value) for label, value in rows if value),
    )
    return fmt('<div class="kb-sheet-head kb-print-only" data-pagefind-ignore><dl>{}</dl></div>', items)


def first_contact(ctx: Context, practice: Practice) -> tuple[Contact, str, str] | None:
    """The first contact `contact_section` lists, with whose it is (`eigen`, `gemeente`, `kantoor`) and,
    for an office, its organisation's name: the practice's own, else its municipality's service, else
    the office for the province. The sheet's head and the comparison show this one."""
    own = own_contact(ctx.kb, practice)
    if own is not None:
        return *own, ""
    for name, office in ctx.offices.get(ctx.kb.municipalities[practice.city].province, []):
        return office.contact, "kantoor", name
    return None


def seen_on(ctx: Context, source_id: str) -> str:
    """When a contact was true (`timeline.contact_when`): `uit 2019`, `gezien op 5 maart 2024`, or
    nothing."""
    when = timeline.contact_when(ctx.kb.sources.get(source_id))
    if isinstance(when, int):
        return f"uit {when}"
    return f"gezien op {dutch_date(when)}" if when else ""


_SHEET_WHOSE = {
    "eigen": "voor deze praktijk",
    "gemeente": "de gemeente; de praktijk heeft geen eigen contact",
    "kantoor": "de bronnen geven geen contact van de praktijk of de gemeente",
}


def _contact_line(ctx: Context, practice: Practice) -> Markup:
    """The first contact the page lists, on one line, with whose it is; a sentence when there is none."""
    found = first_contact(ctx, practice)
    if found is None:
        return fmt(
            "geen in de bronnen; vraag het aan de gemeente {}", ctx.kb.municipalities[practice.city].name
        )
    contact, whose, _ = found
    parts = [
        shown(part)
        for part in (contact.service, contact.role, contact.email, contact.phone, str(contact.url or ""))
        if part
    ]
    seen = seen_on(ctx, contact.source)
    return fmt("{} ({}{})", " · ".join(parts), _SHEET_WHOSE[whose], f", {seen}" if seen else "")


def _sources(ctx: Context, file: str, practice: Practice) -> Section | None:
    """`## Bronnen`: on screen the full list; on paper short references, numbered, in one paragraph."""
    cited = cited_sources("practice", practice)
    full = sources_section(ctx, file, cited, practice.last_reviewed)
    if full is None:
        return None
    refs = []
    for i, source_id in enumerate(dict.fromkeys(cited), start=1):
        source = ctx.kb.sources.get(source_id)
        if source is None:
            continue
        first = source.authors[0].split(",", 1)[0] if source.authors else source.publisher or ""
        who = shown(first, SOURCE_WHO_CHARS)
        title = " ".join(source.title.split())
        if len(title) > SOURCE_TITLE_CHARS:
            title = title[:SOURCE_TITLE_CHARS].rsplit(" ", 1)[0].rstrip(",.;:–- ") + "…"
        head = ", ".join(part for part in (who, str(source.year or "")) if part)
        refs.append(fmt("[{}] {}{}.", i, f"{head}: " if head else "", title.rstrip(".")))
    short = fmt(
        '<p class="kb-sources-short kb-print-only" data-pagefind-ignore>{} Laatst nagekeken op {}.</p>',
        join(" ", refs),
        dutch_date(practice.last_reviewed),
    )
    body = fmt("{}\n{}", short, _screen_only(full.body))
    return Section(full.title, body, full.level, indexed=full.indexed)


def sheet_foot(ctx: Context, url: str) -> Markup:
    """The page's address and the day the site read its sources, at the foot of the sheet."""
    return fmt(
        '<p class="kb-sheet-foot kb-print-only" data-pagefind-ignore>Kennisbank lokaal '
        "integratiebeleid · deze fiche online: {} · status zoals de bronnen die lezen op {}</p>",
        ctx.address(url),
        dutch_date(ctx.today),
    )


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
    # A practice whose sources name no lead (`no_lead`) names all its municipalities together, saying
    # so: which one the site files it under is the editors' choice, not a lead.
    shared = practice.no_lead
    return field_list(
        [
            ("Trekker", "" if shared else link(ctx, file, "city", practice.city)),
            ("Andere steden", "" if shared else links(ctx, file, "city", practice.cities)),
            ("Gemeenten", _together(ctx, file, practice) if shared else ""),
            ("Thema's", links(ctx, file, "theme", practice.themes)),
            ("Instrumenten", links(ctx, file, "instrument", practice.instruments)),
            ("Doelgroepen", join(", ", (line(g) for g in practice.target_groups))),
            ("Periode", period_text(ctx, practice)),
            ("Status", status_text(ctx, file, practice)),
        ]
    )


NO_LEAD = Markup("samen; de bronnen noemen geen trekker")
"""What the key facts and the printed sheet's head say after the municipalities of a `no_lead` practice."""


def _together(ctx: Context, file: str, practice: Practice) -> Markup:
    return fmt("{} ({})", links(ctx, file, "city", [practice.city, *practice.cities]), NO_LEAD)


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
    if source_id not in ctx.kb.sources:
        return Markup("")
    seen = seen_on(ctx, source_id)
    return fmt(
        '<p class="kb-seen" data-pagefind-ignore="index">Bron: {}{}.</p>\n',
        link(ctx, file, "source", source_id),
        f", {seen}" if seen else "",
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
