"""The page of a partner organisation: profile, practices, the cities whose network holds it."""

from __future__ import annotations

from macros.pages import partner_network, urls
from macros.pages.common import (
    Page,
    bullet_list,
    cited_sources,
    external,
    field_list,
    link,
    review_notice,
    section,
    situation,
    sources_section,
)
from macros.pages.context import Context
from macros.pages.markup import Markup, fmt, line, paragraphs

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
        section("Praktijken", _practices(ctx, page.file, org_id)),
        section("Steden met deze organisatie in hun netwerk", _cities(ctx, page.file, org_id)),
        section("Coördineert", _coordinates(ctx, page.file, org_id)),
        section("Relaties in partnernetwerken", partner_network.organisation_ties(kb, org_id, page.url)),
        sources_section(kb, page.file, cited_sources("organisation", org), org.last_reviewed),
    )
    return page


def _practices(ctx: Context, file: str, org_id: str) -> Markup:
    rows = []
    for pid in ctx.links.referrers("organisation", org_id, "practice", "partners"):
        practice = ctx.kb.practices[pid]
        roles = [p.role for p in practice.partners if p.organisation == org_id and p.role]
        role = fmt(": {}", line("; ".join(roles))) if roles else ""
        rows.append(
            fmt(
                "{} ({}){}",
                link(ctx.kb, file, "practice", pid),
                link(ctx.kb, file, "city", practice.city),
                role,
            )
        )
    return bullet_list(rows)


def _cities(ctx: Context, file: str, org_id: str) -> Markup:
    cities = ctx.links.referrers("organisation", org_id, "city", "network")
    return bullet_list(link(ctx.kb, file, "city", c) for c in cities)


def _coordinates(ctx: Context, file: str, org_id: str) -> Markup:
    networks = ctx.links.referrers("organisation", org_id, "network", "coordinator")
    return bullet_list(link(ctx.kb, file, "network", n) for n in networks)
