"""The page of a partner organisation: profile, practices, the cities whose network holds it."""

from __future__ import annotations

from macros.html import urls
from macros.html.elements import bullet_list, external, field_list, link, section
from macros.html.markup import Markup, fmt, join, line, paragraphs, shown
from macros.html.structure import Page
from macros.pages.common import cited_sources, review_notice, situation, sources_section
from macros.pages.context import Context
from macros.pages.practice import contact_block
from macros.pages.question import answered
from macros.partner_network.view import organisation_ties_html
from macros.records.dutch import PROVINCES

ORGANISATION_TYPES = {
    "publiek": "Publieke organisatie",
    "middenveld": "Middenveldorganisatie",
    "privaat": "Private organisatie",
    "kennis": "Kennisinstelling",
}
LEVELS = {
    "lokaal": "Lokaal",
    "regionaal": "Regionaal",
    "vlaams": "Vlaams",
    "federaal": "Federaal",
    "europees": "Europees",
    "internationaal": "Internationaal",
}


def render(ctx: Context, org_id: str) -> Page:
    """The organisation page."""
    kb = ctx.kb
    org = kb.organisations[org_id]
    page = Page(urls.page_file("organisation", org_id), org.name, ctx.edit_url("organisation", org_id))
    profile = field_list(
        [
            ("Afkorting", line(org.short_name or "")),
            ("Soort", ORGANISATION_TYPES[org.type] if org.type else ""),
            ("Niveau", LEVELS[org.level] if org.level else ""),
            ("Website", external(org.website) if org.website else ""),
        ]
    )
    page.add(
        review_notice(org.last_reviewed, ctx.today),
        situation(ctx.kb, cited_sources("organisation", org), org.last_reviewed),
        section("Profiel", profile),
        section("Wat doet deze organisatie?", paragraphs(org.description or "")),
        section("Kantoren", _offices(ctx, page.file, org_id)),
        # What other records say about it: their own pages are found by it.
        section("Praktijken", _practices(ctx, page.file, org_id), indexed=False),
        section("Steden met deze organisatie in hun netwerk", _cities(ctx, page.file, org_id), indexed=False),
        section("Coördineert", _coordinates(ctx, page.file, org_id), indexed=False),
        section("Beantwoordt leervragen", answered(ctx, page.file, "organisation", org_id), indexed=False),
        section(
            "Relaties in partnernetwerken",
            organisation_ties_html(ctx.network, org_id, page.url),
            indexed=False,
        ),
        sources_section(ctx, page.file, cited_sources("organisation", org), org.last_reviewed),
    )
    return page


def _offices(ctx: Context, file: str, org_id: str) -> Markup:
    """One contact block per office, by province."""
    offices = ctx.kb.organisations[org_id].offices
    return join("\n", (contact_block(ctx, file, o.contact, PROVINCES[o.province]) for o in offices))


def _practices(ctx: Context, file: str, org_id: str) -> Markup:
    rows = []
    for pid in ctx.links.referrers("organisation", org_id, "practice", "partners"):
        practice = ctx.kb.practices[pid]
        roles = [p.role for p in practice.partners if p.organisation == org_id and p.role]
        role = fmt(": {}", line(shown("; ".join(roles)))) if roles else ""
        rows.append(
            fmt(
                "{} ({}){}",
                link(ctx, file, "practice", pid),
                link(ctx, file, "city", practice.city),
                role,
            )
        )
    return bullet_list(rows)


def _cities(ctx: Context, file: str, org_id: str) -> Markup:
    cities = ctx.links.referrers("organisation", org_id, "profile", "network")
    return bullet_list(link(ctx, file, "city", c) for c in cities)


def _coordinates(ctx: Context, file: str, org_id: str) -> Markup:
    networks = ctx.links.referrers("organisation", org_id, "network", "coordinator")
    return bullet_list(link(ctx, file, "network", n) for n in networks)
