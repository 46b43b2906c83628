"""The page of a city: profile, governance, case study, partner network, practices and peers."""

from __future__ import annotations

from macros.pages import partner_network, urls
from macros.pages.common import (
    Page,
    bounded_links,
    bounded_list,
    bullet_list,
    cited_sources,
    dutch_date,
    dutch_number,
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
from macros.pages.markup import Markup, fmt, join, line, paragraphs, text
from macros.records.models import City, ConditionNote, Measure

PROVINCES = {
    "antwerpen": "Antwerpen",
    "limburg": "Limburg",
    "oost-vlaanderen": "Oost-Vlaanderen",
    "vlaams-brabant": "Vlaams-Brabant",
    "west-vlaanderen": "West-Vlaanderen",
}
CITY_TYPES = {
    "grootstad": "Grootstad (centrumstad)",
    "regionale-stad": "Regionale stad (centrumstad)",
    "gemeente": "Gemeente",
}
MATURITY_LABELS = {"startend": "Startend", "groeiend": "Groeiend", "ervaren": "Ervaren"}
PEER_LIMIT = 12
"""Peers on a city page, the closest in population first: the first `common.SHOWN` of them in view and
the others behind a disclosure; the size-class page lists them all."""
LEARN_THEMES_SHOWN = 3
"""Themes of "Van wie kan deze stad leren?" in view; the others (up to one per theme of the vocabulary,
each with three cities) are behind a disclosure: on a phone they were most of a city page."""


def render(ctx: Context, city_id: str) -> Page:
    """The city page."""
    city = ctx.kb.cities[city_id]
    page = Page(urls.page_file("city", city_id), city.name, ctx.edit_url("city", city_id))
    page.add(
        review_notice(city.last_reviewed, ctx.today),
        situation(ctx.kb, cited_sources("city", city), city.last_reviewed),
        section("Profiel", _profile(ctx, page.file, city_id, city)),
        section("Organisatie van het integratiebeleid", paragraphs(city.governance or "")),
        section("Casestudy", paragraphs(city.case_study or "")),
        section("Mijlpalen", _milestones(ctx, page.file, city)),
        section("Instrumenten", links(ctx.kb, page.file, "instrument", city.instruments)),
        section("Leervoorwaarden", _conditions(ctx, page.file, city)),
        section("Partnernetwerk", _network(ctx, page.file, city_id, city)),
        section("Praktijken", _practices(ctx, page.file, city_id)),
        section("Lerende netwerken", _networks(ctx, page.file, city_id)),
        section("In het partnernetwerk van", _in_networks_of(ctx, page.file, city_id)),
        section("Steden van dezelfde grootte", _peers(ctx, page.file, city_id)),
        section("Andere centrumsteden", _peer_group(ctx, page.file, city_id)),
        section("Van wie kan deze stad leren?", _learn_from(ctx, page.file, city_id)),
        sources_section(ctx.kb, page.file, cited_sources("city", city), city.last_reviewed),
    )
    return page


def measure_text(ctx: Context, file: str, measure: Measure | None, unit: str = "") -> Markup:
    """`87.000 (2019, bron: ...)`."""
    if measure is None:
        return Markup("")
    details = [text(measure.year)] if measure.year else []
    details.append(fmt("bron: {}", link(ctx.kb, file, "source", measure.source)))
    note = fmt("; {}", line(measure.note)) if measure.note else ""
    return fmt("{}{} ({}{})", dutch_number(measure.value), unit, join(", ", details), note)


def _profile(ctx: Context, file: str, city_id: str, city: City) -> Markup:
    size = ctx.bench.city_size[city_id]
    maturity = ctx.bench.maturity(city_id)
    maturity_text = text(MATURITY_LABELS[maturity] if maturity else "")
    if maturity and city.learning and city.learning.maturity_source:
        maturity_text += fmt(" (bron: {})", link(ctx.kb, file, "source", city.learning.maturity_source))
    city_type = text(CITY_TYPES[city.type] if city.type else "")
    if city.type and city.type_source:
        city_type += fmt(" (bron: {})", link(ctx.kb, file, "source", city.type_source))
    return field_list(
        [
            ("Provincie", PROVINCES[city.province] if city.province else ""),
            ("NIS-code", city.nis_code or ""),
            ("Inwoners", measure_text(ctx, file, city.population)),
            ("Inwoners van buitenlandse herkomst", measure_text(ctx, file, city.foreign_origin_share, " %")),
            ("Stadsgrootte", link(ctx.kb, file, "size_class", size) if size else ""),
            ("Type", city_type),
            ("Maturiteit", maturity_text),
        ]
    )


def _milestones(ctx: Context, file: str, city: City) -> Markup:
    rows = []
    for milestone in sorted(city.milestones, key=lambda m: m.date):
        row = fmt("<strong>{}</strong>: {}", dutch_date(milestone.date), line(milestone.title))
        if milestone.description:
            row += fmt(". {}", line(milestone.description))
        rows.append(row + fmt(" (bron: {})", link(ctx.kb, file, "source", milestone.source)))
    return bullet_list(rows)


def _conditions(ctx: Context, file: str, city: City) -> Markup:
    notes = city.learning.conditions if city.learning else []
    return bullet_list(condition_note(ctx, file, n) for n in notes)


def condition_note(ctx: Context, file: str, note: ConditionNote) -> Markup:
    """`Draagvlak: what the source says (bron: ...)`."""
    return fmt(
        "{}: {} (bron: {})",
        link(ctx.kb, file, "condition", note.condition),
        line(note.note),
        link(ctx.kb, file, "source", note.source),
    )


def _network(ctx: Context, file: str, city_id: str, city: City) -> Markup:
    if city.network is None:
        return Markup("")
    kb = ctx.kb
    organisations = [a.organisation for a in city.network.actors if a.organisation]
    cities = [a.city for a in city.network.actors if a.city and a.city != city_id]
    parts = [
        partner_network.city_network(kb, city_id, urls.page_url("city", city_id)),
        field_list(
            [
                (
                    "Organisaties in het netwerk",
                    links(kb, file, "organisation", dict.fromkeys(organisations)),
                ),
                ("Andere steden in het netwerk", links(kb, file, "city", dict.fromkeys(cities))),
                ("Wat het netwerk weglaat", line(city.network.note or "")),
            ]
        ),
    ]
    return join("\n", (part for part in parts if part))


def _practices(ctx: Context, file: str, city_id: str) -> Markup:
    lead = ctx.links.referrers("city", city_id, "practice", "city")
    partner = [pid for pid in ctx.links.referrers("city", city_id, "practice", "cities") if pid not in lead]
    blocks = []
    if lead:
        blocks.append(
            p("Als trekker:") + "\n" + bullet_list(link(ctx.kb, file, "practice", pid) for pid in lead)
        )
    if partner:
        blocks.append(
            p("Als deelnemer:") + "\n" + bullet_list(link(ctx.kb, file, "practice", pid) for pid in partner)
        )
    return join("\n", blocks)


def _networks(ctx: Context, file: str, city_id: str) -> Markup:
    """Networks the city is a member of, or whose agenda it helped set."""
    networks = ctx.links.referrers("city", city_id, "network")
    return bullet_list(link(ctx.kb, file, "network", n) for n in networks)


def _in_networks_of(ctx: Context, file: str, city_id: str) -> Markup:
    """Other cities whose partner network holds this city as an actor."""
    cities = [c for c in ctx.links.referrers("city", city_id, "city", "network") if c != city_id]
    return links(ctx.kb, file, "city", cities)


def _peers(ctx: Context, file: str, city_id: str) -> Markup:
    peers = ctx.bench.peers(city_id)
    if not peers:
        return Markup("")
    size = ctx.bench.city_size[city_id] or ""
    shown = [link(ctx.kb, file, "city", peer) for peer in peers[:PEER_LIMIT]]
    listed = bounded_links(shown, lambda n: f"Toon nog {n} steden van dezelfde grootte")
    label = ctx.kb.size_classes[size].label.lower()
    all_link = link(ctx.kb, file, "size_class", size, f"alle steden van deze grootte ({label})")
    others = len(peers) - PEER_LIMIT
    see = fmt("Nog {} andere staan bij {}.", others, all_link) if others > 0 else fmt("Zie {}.", all_link)
    why = text("Steden en gemeenten uit dezelfde grootteklasse, een eigen indeling van de kennisbank")
    if "schaalgrootte" in ctx.kb.conditions:
        why += fmt(
            " (zie de {})", link(ctx.kb, file, "condition", "schaalgrootte", "leervoorwaarde schaalgrootte")
        )
    if len(peers) > 1:
        why += text(", met het dichtstbijzijnde inwonertal eerst")
    return join("\n", [p(why + "."), listed, p(see)])


def _peer_group(ctx: Context, file: str, city_id: str) -> Markup:
    """The other centrumsteden, for a centrumstad: the peer group Geuëns (2019) reports on."""
    others = ctx.bench.peer_group(city_id)
    if not others:
        return Markup("")
    why = text(
        "Verschillende centrumsteden geven aan dat ze in een eigen netwerk meer van elkaar zouden leren "
        "dan in een overleg met kleinere gemeenten"
    )
    if "geuens-2019" in ctx.kb.sources:
        why += fmt(" ({})", link(ctx.kb, file, "source", "geuens-2019", "Geuëns, 2019"))
    listed = bounded_links(
        [link(ctx.kb, file, "city", other) for other in others], lambda n: f"Toon nog {n} centrumsteden"
    )
    return p(why + ".") + "\n" + listed


def _learn_from(ctx: Context, file: str, city_id: str) -> Markup:
    suggestions = ctx.bench.learn_from(city_id)
    blocks = []
    for theme, cities in suggestions.items():
        rows = []
        for s in cities:
            examples = links(ctx.kb, file, "practice", s.practices[:3])
            rows.append(fmt("{}: {} Bijvoorbeeld: {}.", link(ctx.kb, file, "city", s.id), s.reason, examples))
        blocks.append(fmt("{}\n{}", link(ctx.kb, file, "theme", theme), bullet_list(rows)))
    if not blocks:
        return Markup("")
    intro = (
        "Een suggestie van de kennisbank zelf: steden met praktijken over een thema, even groot of groter "
        "en met meer ervaring, of groter als de ervaring van deze stad niet gekend is. Volgens Geuëns "
        "(2019) kan het beleid van meer ervaren steden een referentiepunt zijn waarnaar kleinere besturen "
        'toewerken ("benchlearning").'
    )
    return p(intro) + "\n" + bounded_list(blocks, lambda n: f"Toon nog {n} thema's", LEARN_THEMES_SHOWN)
