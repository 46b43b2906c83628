"""The page of a municipality: reference profile, contact, case study, partner network, practices,
peers, and for a municipality without practices what still helps its officer.

Every one of Flanders' municipalities has a page (the reference data in practices/reference/); a city
record (practices/cities/<id>.yml) adds what a case study knows.
"""

from __future__ import annotations

from macros.html import urls
from macros.html.elements import (
    bounded_links,
    bounded_list,
    bullet_list,
    external,
    field_list,
    link,
    links,
    p,
    section,
)
from macros.html.markup import Markup, fmt, join, line, paragraphs, text
from macros.html.structure import Page
from macros.pages.common import cited_sources, review_notice, situation, sources_section
from macros.pages.context import Context
from macros.pages.practice import contact_block, office_blocks
from macros.pages.question import answered, same_size
from macros.partner_network.view import city_network_html
from macros.records.dutch import PROVINCES, dutch_date, dutch_number
from macros.records.models import City, ConditionNote, Measure

MATURITY_LABELS = {"startend": "Startend", "groeiend": "Groeiend", "ervaren": "Ervaren"}
PEER_LIMIT = 12
"""Peers on a city page, the closest in population first: the first `SHOWN` of them in view and
the others behind a disclosure; the size-class page lists them all."""
LEARN_THEMES_SHOWN = 3
"""Themes of "Van wie kan deze stad leren?" in view; the others (up to one per theme of the vocabulary,
each with three cities) are behind a disclosure: on a phone they were most of a city page."""
FITTING = 8
"""Practices that fit the municipality's size, on the page of a municipality without practices."""


def render(ctx: Context, city_id: str) -> Page:
    """The municipality's page."""
    kb = ctx.kb
    municipality = kb.municipalities[city_id]
    profile = kb.profiles.get(city_id)
    edit = ctx.edit_url("profile", city_id) if profile else ctx.new_record_url("profile", city_id)
    page = Page(urls.page_file("city", city_id), municipality.name, edit)
    page.description = _description(ctx, city_id)
    practices = _practices(ctx, page.file, city_id)
    page.add(
        review_notice(profile.last_reviewed, ctx.today) if profile else None,
        situation(kb, cited_sources("profile", profile), profile.last_reviewed) if profile else None,
        section("Profiel", _profile(ctx, page.file, city_id)),
        section("Praktijken", practices or _no_practices(ctx, page.file, city_id), indexed=False),
        section("Contact", _contact(ctx, page.file, city_id)),
    )
    if profile is not None:
        page.add(
            section("Organisatie van het integratiebeleid", paragraphs(profile.governance or "")),
            section("Casestudy", paragraphs(profile.case_study or "")),
            section("Mijlpalen", _milestones(ctx, page.file, profile)),
            section("Instrumenten", links(ctx, page.file, "instrument", profile.instruments)),
            section("Leervoorwaarden", _conditions(ctx, page.file, profile)),
            section("Partnernetwerk", _network(ctx, page.file, city_id, profile)),
        )
    # Lists of other records and the invitation to add a practice: not what the page is about, so
    # left out of the search index (a city page matched every practice title it listed).
    page.add(
        section("Lerende netwerken", _networks(ctx, page.file, city_id), indexed=False),
        section("In het partnernetwerk van", _in_networks_of(ctx, page.file, city_id), indexed=False),
        section(
            "Praktijken die bij deze grootte passen",
            "" if practices else _fitting(ctx, page.file, city_id),
            indexed=False,
        ),
        section(
            "Gemeenten van deze grootte in de provincie",
            _province_peers(ctx, page.file, city_id),
            indexed=False,
        ),
        section("Steden van dezelfde grootte", _peers(ctx, page.file, city_id), indexed=False),
        section("Andere centrumsteden", _peer_group(ctx, page.file, city_id), indexed=False),
        section("Van wie kan deze stad leren?", _learn_from(ctx, page.file, city_id), indexed=False),
        section("Beantwoordt leervragen", answered(ctx, page.file, "city", city_id), indexed=False),
        section(
            "Leervragen van gemeenten van deze grootte", same_size(ctx, page.file, city_id), indexed=False
        ),
        section("Een praktijk toevoegen", _add_practice(ctx, municipality.name), indexed=False),
        sources_section(ctx, page.file, _sources(ctx, city_id), profile.last_reviewed if profile else None),
    )
    return page


def _description(ctx: Context, city_id: str) -> str:
    municipality = ctx.kb.municipalities[city_id]
    size = ctx.bench.city_size[city_id]
    label = ctx.kb.size_classes[size].label.lower() if size else "gemeente"
    count = len(ctx.bench.practices_of(city_id))
    told = f"{count} praktijk" + ("en" if count != 1 else "") if count else "nog geen praktijken"
    return f"{municipality.name}, {label} in {PROVINCES[municipality.province]}: {told}."


def _sources(ctx: Context, city_id: str) -> list[str]:
    """The reference data's sources of the fields the profile shows, then the city record's."""
    meta = ctx.kb.reference.meta
    found = [meta.sources.population, meta.sources.name, meta.sources.province] if meta else []
    if meta and ctx.kb.municipalities[city_id].centrumstad:
        found.append(meta.sources.centrumstad)
    if meta and ctx.kb.municipalities[city_id].former:
        found.append(meta.sources.former_names)
    profile = ctx.kb.profiles.get(city_id)
    found += cited_sources("profile", profile) if profile else []
    return [s for s in found if s in ctx.kb.sources]


def measure_text(ctx: Context, file: str, measure: Measure | None, unit: str = "") -> Markup:
    """`87.000 (2019, bron: ...)`."""
    if measure is None:
        return Markup("")
    details = [text(measure.year)] if measure.year else []
    details.append(fmt("bron: {}", link(ctx, file, "source", measure.source)))
    note = fmt("; {}", line(measure.note)) if measure.note else ""
    return fmt("{}{} ({}{})", dutch_number(measure.value), unit, join(", ", details), note)


def _profile(ctx: Context, file: str, city_id: str) -> Markup:
    kb = ctx.kb
    municipality = kb.municipalities[city_id]
    meta = kb.reference.meta
    size = ctx.bench.city_size[city_id]
    population = dutch_number(municipality.population)
    if meta is not None:
        population += f" op {dutch_date(meta.population_date)}"
    if municipality.population_summed:
        population += " (eigen optelling van de kennisbank: de som van de gemeenten die later fuseerden)"
    profile = kb.profiles.get(city_id)
    maturity = ctx.bench.maturity(city_id)
    maturity_text = text(MATURITY_LABELS[maturity] if maturity else "")
    if maturity and profile and profile.learning and profile.learning.maturity_source:
        maturity_text += fmt(" (bron: {})", link(ctx, file, "source", profile.learning.maturity_source))
    size_text = (
        fmt("{} (eigen indeling van de kennisbank)", link(ctx, file, "size_class", size)) if size else ""
    )
    return field_list(
        [
            ("Provincie", PROVINCES[municipality.province]),
            ("NIS-code", municipality.nis_code),
            ("Inwoners", population),
            ("Stadsgrootte", size_text),
            ("Centrumstad", "ja, een van de dertien centrumsteden" if municipality.centrumstad else ""),
            ("Vroegere gemeenten", _former(ctx, city_id)),
            (
                "Inwoners volgens de casestudy",
                measure_text(ctx, file, profile.population if profile else None),
            ),
            (
                "Inwoners van buitenlandse herkomst",
                measure_text(ctx, file, profile.foreign_origin_share if profile else None, " %"),
            ),
            ("Maturiteit", maturity_text),
        ]
    )


def _former(ctx: Context, city_id: str) -> str:
    """`Kruibeke en Zwijndrecht (samengevoegd op 1 januari 2025)`: the names search finds the page by."""
    by_date: dict[str, list[str]] = {}
    for former in ctx.kb.municipalities[city_id].former:
        by_date.setdefault(dutch_date(former.merged), []).append(former.name)
    parts = []
    for day, names in by_date.items():
        listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]
        parts.append(f"{listed} (samengevoegd op {day})")
    return "; ".join(parts)


def _contact(ctx: Context, file: str, city_id: str) -> Markup:
    """The municipality's own service, where its city record gives one, and the Agentschap's office
    for its province."""
    kb = ctx.kb
    profile = kb.profiles.get(city_id)
    blocks = []
    if profile is not None and profile.contact is not None:
        blocks.append(contact_block(ctx, file, profile.contact, "De dienst van de gemeente"))
    blocks += office_blocks(ctx, file, kb.municipalities[city_id].province)
    return join("\n", blocks)


def _no_practices(ctx: Context, file: str, city_id: str) -> Markup:
    name = ctx.kb.municipalities[city_id].name
    return p(
        f"De kennisbank heeft nog geen praktijk uit {name}. Hieronder staan praktijken die bij de "
        "grootte van de gemeente passen, en gemeenten van dezelfde grootte om van te leren."
    )


def _fitting(ctx: Context, file: str, city_id: str) -> Markup:
    """Practices for a municipality of this size: those whose record says they suit it first, then
    those of municipalities of the same size, the closest in population first (the site's own
    ordering); ties by id hash, never by title."""
    rows = []
    for pid, why in ctx.bench.fitting(city_id, FITTING):
        lead = ctx.kb.practices[pid].city
        rows.append(fmt("{} ({}): {}", link(ctx, file, "practice", pid), link(ctx, file, "city", lead), why))
    if not rows:
        return Markup("")
    intro = p("Een suggestie van de kennisbank zelf, op grootte: geen oordeel over de praktijk.")
    return intro + "\n" + bullet_list(rows)


def _province_peers(ctx: Context, file: str, city_id: str) -> Markup:
    """Municipalities of the same size class in the same province that have practices."""
    kb = ctx.kb
    province = kb.municipalities[city_id].province
    size = ctx.bench.city_size[city_id]
    found = [
        cid
        for cid in ctx.bench.peers(city_id)
        if kb.municipalities[cid].province == province and ctx.bench.practices_of(cid)
    ]
    if not found or size is None:
        return Markup("")
    label = kb.size_classes[size].label.lower()
    items = [
        fmt("{} ({} praktijk{})", link(ctx, file, "city", cid), n, "en" if n != 1 else "")
        for cid in found
        for n in [len(ctx.bench.practices_of(cid))]
    ]
    intro = p(
        f"Gemeenten in {PROVINCES[province]} van dezelfde grootte ({label}) met praktijken in de kennisbank, "
        "met het dichtstbijzijnde inwonertal eerst."
    )
    return intro + "\n" + bounded_links(items, lambda n: f"Toon nog {n} gemeenten")


def _add_practice(ctx: Context, name: str) -> Markup:
    """Both ways to add a practice: the form, and a file by pull request."""
    form = f"{ctx.repo_url.rstrip('/')}/issues/new?template=nieuwe-praktijk.yml"
    guide = f"{ctx.repo_url.rstrip('/')}/blob/{ctx.branch}/CONTRIBUTING.md"
    return p(
        fmt(
            "Ken je een praktijk uit {}? Vul het formulier {} in (je hoeft geen YAML te kennen), of voeg "
            "zelf een bestand toe met een pull request: zie {}.",
            name,
            external(form, "Nieuwe praktijk"),
            external(guide, "de gids voor bijdragers"),
        )
    )


def _milestones(ctx: Context, file: str, city: City) -> Markup:
    rows = []
    for milestone in sorted(city.milestones, key=lambda m: m.date):
        row = fmt("<strong>{}</strong>: {}", dutch_date(milestone.date), line(milestone.title))
        if milestone.description:
            row += fmt(". {}", line(milestone.description))
        rows.append(row + fmt(" (bron: {})", link(ctx, file, "source", milestone.source)))
    return bullet_list(rows)


def _conditions(ctx: Context, file: str, city: City) -> Markup:
    notes = city.learning.conditions if city.learning else []
    return bullet_list(condition_note(ctx, file, n) for n in notes)


def condition_note(ctx: Context, file: str, note: ConditionNote) -> Markup:
    """`Draagvlak: what the source says (bron: ...)`."""
    return fmt(
        "{}: {} (bron: {})",
        link(ctx, file, "condition", note.condition),
        line(note.note),
        link(ctx, file, "source", note.source),
    )


def _network(ctx: Context, file: str, city_id: str, city: City) -> Markup:
    if city.network is None:
        return Markup("")
    organisations = [a.organisation for a in city.network.actors if a.organisation]
    cities = [a.city for a in city.network.actors if a.city and a.city != city_id]
    parts = [
        city_network_html(ctx.network, city_id, urls.page_url("city", city_id)),
        field_list(
            [
                (
                    "Organisaties in het netwerk",
                    links(ctx, file, "organisation", dict.fromkeys(organisations)),
                ),
                ("Andere steden in het netwerk", links(ctx, file, "city", dict.fromkeys(cities))),
                ("Wat het netwerk weglaat", line(city.network.note or "")),
            ]
        ),
    ]
    return join("\n", (part for part in parts if part))


def _practices(ctx: Context, file: str, city_id: str) -> Markup:
    # A practice whose sources name no lead is filed under one of its municipalities by the editors:
    # there it counts as taking part, like everywhere else.
    filed = ctx.links.referrers("city", city_id, "practice", "city")
    lead = [pid for pid in filed if not ctx.kb.practices[pid].no_lead]
    taking_part = ctx.links.referrers("city", city_id, "practice", "cities")
    partner = [pid for pid in filed if pid not in lead] + [pid for pid in taking_part if pid not in filed]
    blocks = []
    if lead:
        blocks.append(
            p("Als trekker:") + "\n" + bullet_list(link(ctx, file, "practice", pid) for pid in lead)
        )
    if partner:
        blocks.append(
            p("Als deelnemer:") + "\n" + bullet_list(link(ctx, file, "practice", pid) for pid in partner)
        )
    return join("\n", blocks)


def _networks(ctx: Context, file: str, city_id: str) -> Markup:
    """Networks the city is a member of, or whose agenda it helped set."""
    networks = ctx.links.referrers("city", city_id, "network")
    return bullet_list(link(ctx, file, "network", n) for n in networks)


def _in_networks_of(ctx: Context, file: str, city_id: str) -> Markup:
    """Other cities whose partner network holds this city as an actor."""
    cities = [c for c in ctx.links.referrers("city", city_id, "profile", "network") if c != city_id]
    return links(ctx, file, "city", cities)


def _peers(ctx: Context, file: str, city_id: str) -> Markup:
    peers = ctx.bench.peers(city_id)
    if not peers:
        return Markup("")
    size = ctx.bench.city_size[city_id] or ""
    shown = [link(ctx, file, "city", peer) for peer in peers[:PEER_LIMIT]]
    listed = bounded_links(shown, lambda n: f"Toon nog {n} steden van dezelfde grootte")
    label = ctx.kb.size_classes[size].label.lower()
    all_link = link(ctx, file, "size_class", size, f"alle steden van deze grootte ({label})")
    others = len(peers) - PEER_LIMIT
    see = fmt("Nog {} andere staan bij {}.", others, all_link) if others > 0 else fmt("Zie {}.", all_link)
    why = text("Steden en gemeenten uit dezelfde grootteklasse, een eigen indeling van de kennisbank")
    if "schaalgrootte" in ctx.kb.conditions:
        why += fmt(
            " (zie de {})", link(ctx, file, "condition", "schaalgrootte", "leervoorwaarde schaalgrootte")
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
        why += fmt(" ({})", link(ctx, file, "source", "geuens-2019", "Geuëns, 2019"))
    listed = bounded_links(
        [link(ctx, file, "city", other) for other in others], lambda n: f"Toon nog {n} centrumsteden"
    )
    return p(why + ".") + "\n" + listed


def _learn_from(ctx: Context, file: str, city_id: str) -> Markup:
    suggestions = ctx.bench.learn_from(city_id)
    blocks = []
    for theme, cities in suggestions.items():
        rows = []
        for s in cities:
            examples = links(ctx, file, "practice", s.practices[:3])
            rows.append(fmt("{}: {} Bijvoorbeeld: {}.", link(ctx, file, "city", s.id), s.reason, examples))
        blocks.append(fmt("{}\n{}", link(ctx, file, "theme", theme), bullet_list(rows)))
    if not blocks:
        return Markup("")
    intro = (
        "Een suggestie van de kennisbank zelf: steden met praktijken over een thema, even groot of groter "
        "en met meer ervaring, of groter als de ervaring van deze stad niet gekend is. Volgens Geuëns "
        "(2019) kan het beleid van meer ervaren steden een referentiepunt zijn waarnaar kleinere besturen "
        'toewerken ("benchlearning").'
    )
    return p(intro) + "\n" + bounded_list(blocks, lambda n: f"Toon nog {n} thema's", LEARN_THEMES_SHOWN)
