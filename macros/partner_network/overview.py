"""The body of /overzicht/: organisations shared between cities and learning ties between cities.

Markdown, so that MkDocs strict mode checks every link. It must stay readable with 300 cities, so
long lists are cut at TOP rows with the rest summarised in counts, and the learning ties are also
counted per size class; the page says so in words.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import combinations

from macros.html import urls
from macros.html.structure import md
from macros.records.knowledge import KnowledgeBase
from macros.records.relations import references, size_class_of

PAGE_FILE = "overzicht/index.md"
TOP = 25
"""Rows shown in a ranked table; the rest is summarised."""
NAMED = 8
"""Cities named in one table cell; the rest is counted."""

BANDS = ((2, 2), (3, 4), (5, 9), (10, 19), (20, None))
"""Bands of "number of cities" for the organisations below the top rows."""


def link(kind: str, record_id: str, label: str) -> str:
    return f"[{md(label)}]({urls.markdown_link(PAGE_FILE, kind, record_id)})"


def city_link(kb: KnowledgeBase, city_id: str) -> str:
    municipality = kb.municipalities.get(city_id)
    return link("city", city_id, municipality.name) if municipality else md(city_id)


def city_list(kb: KnowledgeBase, city_ids: list[str]) -> str:
    """Up to NAMED linked city names by name, then `en N andere`."""
    ordered = sorted(city_ids, key=lambda c: (_name(kb, c).lower(), c))
    shown = ", ".join(city_link(kb, c) for c in ordered[:NAMED])
    rest = len(ordered) - NAMED
    return f"{shown} en {rest} andere" if rest > 0 else shown


def _name(kb: KnowledgeBase, city_id: str) -> str:
    municipality = kb.municipalities.get(city_id)
    return municipality.name if municipality else city_id


def places(count: int) -> str:
    """`1 stad of gemeente`, `3 steden en gemeenten`."""
    return f"{count} stad of gemeente" if count == 1 else f"{count} steden en gemeenten"


def table(head: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


# --- organisations ----------------------------------------------------------------------------------


def organisation_cities(kb: KnowledgeBase) -> dict[str, set[str]]:
    """Organisation id -> the cities it works in: as an actor of the city's network, or as a partner
    of a practice the city leads or takes part in. Read from `relations.references`, the one list of
    relations."""
    found: dict[str, set[str]] = {org_id: set() for org_id in kb.organisations}
    for city_id, city in kb.profiles.items():
        for loc, target, org_id in references("profile", city):
            if target == "organisation" and loc[:2] == ("network", "actors"):
                found[org_id].add(city_id)
    for practice in kb.practices.values():
        for loc, target, org_id in references("practice", practice):
            if target == "organisation" and loc[0] == "partners":
                found[org_id] |= {practice.city, *practice.cities}
    return found


def organisations_section(kb: KnowledgeBase) -> str:
    shared = {o: c for o, c in organisation_cities(kb).items() if len(c) > 1}
    intro = (
        "## Organisaties in meer dan één stad\n\n"
        "Een organisatie telt mee in een stad als ze een actor is in het partnernetwerk van die stad, of "
        "partner in een praktijk die de stad trekt of waaraan ze deelneemt."
    )
    if not shared:
        return intro + " Nog geen organisatie komt in meer dan één stad voor."
    ranked = sorted(shared, key=lambda o: (-len(shared[o]), kb.organisations[o].name.lower(), o))
    rows = [
        [
            link("organisation", o, kb.organisations[o].name),
            str(len(shared[o])),
            city_list(kb, sorted(shared[o])),
        ]
        for o in ranked[:TOP]
    ]
    parts = [
        intro + f" {len(shared)} organisaties komen in meer dan één stad voor; de tabel ordent ze naar het "
        f"aantal steden en toont er hoogstens {TOP}, met per organisatie hoogstens {NAMED} steden bij naam.",
        table(["Organisatie", "Steden", "Waar"], rows),
    ]
    rest = ranked[TOP:]
    if rest:
        parts.append(
            f"De andere {len(rest)} organisaties, geteld naar het aantal steden waarin ze voorkomen:"
        )
        parts.append(table(["Steden", "Organisaties"], band_rows([len(shared[o]) for o in rest])))
    return "\n\n".join(parts)


def band_rows(counts: list[int]) -> list[list[str]]:
    """Rows (band, how many counts fall in it) for the non-empty BANDS, largest first."""
    rows = []
    for low, high in reversed(BANDS):
        found = sum(1 for c in counts if c >= low and (high is None or c <= high))
        label = f"{low} of meer" if high is None else str(low) if low == high else f"{low}–{high}"
        if found:
            rows.append([label, str(found)])
    return rows


# --- learning ties --------------------------------------------------------------------------------------


def size_labels(kb: KnowledgeBase) -> list[str]:
    """Size-class labels from small to large, then `onbekend` for cities without a population."""
    return [term.label for term in kb.size_classes.values()] + ["onbekend"]


def size_label(kb: KnowledgeBase, city_id: str) -> str:
    size = size_class_of(kb, city_id)
    return kb.size_classes[size].label if size in kb.size_classes else "onbekend"


def learning_networks_section(kb: KnowledgeBase) -> str:
    intro = "### Via lerende netwerken\n\n"
    if not kb.networks:
        return intro + "De kennisbank beschrijft nog geen lerende netwerken."
    pairs: set[tuple[str, str]] = set()
    members: set[str] = set()
    ranked = sorted(
        kb.networks.items(), key=lambda item: (-len(item[1].members), item[1].name.lower(), item[0])
    )
    rows = []
    for network_id, network in ranked:
        members |= set(network.members)
        pairs |= set(combinations(sorted(set(network.members)), 2))
        sizes = Counter(size_label(kb, c) for c in network.members)
        spread = ", ".join(f"{md(label)} {sizes[label]}" for label in size_labels(kb) if sizes[label])
        rows.append([link("network", network_id, network.name), str(len(network.members)), spread or "–"])
    shown = rows[:TOP]
    summary = (
        f"{places(len(members))} {'zit' if len(members) == 1 else 'zitten'} in minstens één lerend netwerk; "
        "samen vormen ze "
        f"{len(pairs)} paren die elkaar in een netwerk ontmoeten. Per netwerk het aantal leden, geteld "
        "per stadsgrootte"
    )
    summary += f" (de {TOP} grootste netwerken van {len(rows)})." if len(rows) > TOP else "."
    body = intro + summary + "\n\n" + table(["Netwerk", "Leden", "Per stadsgrootte"], shown)
    if len(rows) > TOP:
        rest = ranked[TOP:]
        total = sum(len(network.members) for _, network in rest)
        body += f"\n\nDe andere {len(rest)} netwerken tellen samen {total} lidmaatschappen."
    return body


def adaptation_ties(kb: KnowledgeBase) -> list[tuple[str, str, str, str]]:
    """(origin city, origin practice, adopting city, adopting practice) for every practice adapted
    from a practice of another city, sorted."""
    ties = []
    for practice_id, practice in kb.practices.items():
        adapted = practice.transferability.adapted_from if practice.transferability else []
        for origin_id in adapted:
            origin = kb.practices.get(origin_id)
            if origin and origin.city != practice.city:
                ties.append((origin.city, origin_id, practice.city, practice_id))
    return sorted(ties)


def adaptations_section(kb: KnowledgeBase) -> str:
    intro = "### Via overgenomen praktijken\n\n"
    ties = adaptation_ties(kb)
    if not ties:
        return intro + "Nog geen praktijk is overgenomen uit een andere stad."
    parts = [
        intro + f"{len(ties)} keer nam een stad een praktijk over uit een andere stad "
        "(het veld `adapted_from` van een praktijk)."
    ]
    if len(ties) <= TOP:
        rows = [
            [
                city_link(kb, a),
                link("practice", p, kb.practices[p].title),
                city_link(kb, b),
                link("practice", q, kb.practices[q].title),
            ]
            for a, p, b, q in ties
        ]
        parts.append(table(["Van", "Praktijk", "Naar", "Als"], rows))
    else:
        given: dict[str, set[str]] = defaultdict(set)
        for a, _, b, _ in ties:
            given[a].add(b)
        ranked = sorted(given, key=lambda c: (-len(given[c]), _name(kb, c).lower()))
        parts.append(
            f"De {min(TOP, len(ranked))} steden (van {len(ranked)}) waarvan de meeste andere steden een "
            "praktijk overnamen:"
        )
        parts.append(
            table(
                ["Stad", "Steden", "Overgenomen door"],
                [
                    [city_link(kb, c), str(len(given[c])), city_list(kb, sorted(given[c]))]
                    for c in ranked[:TOP]
                ],
            )
        )
    parts.append(size_matrix(kb, ties))
    return "\n\n".join(parts)


def size_matrix(kb: KnowledgeBase, ties: list[tuple[str, str, str, str]]) -> str:
    """Counts of adaptations from one size class (rows) to another (columns)."""
    counts = Counter((size_label(kb, a), size_label(kb, b)) for a, _, b, _ in ties)
    labels = [label for label in size_labels(kb) if label != "onbekend" or any(label in p for p in counts)]
    rows = [[md(row), *[str(counts[(row, col)]) for col in labels]] for row in labels]
    intro = (
        "Hoe vaak een stad van de ene grootte (rij) een praktijk doorgaf aan een stad van een andere (kolom):"
    )
    return intro + "\n\n" + table(["Van \\ naar", *[md(label) for label in labels]], rows)


def overview_body(kb: KnowledgeBase) -> str:
    """The overview page body (no title: the page template gives it)."""
    cities = sum(1 for city in kb.profiles.values() if city.network)
    with_practices = len({p.city for p in kb.practices.values()})
    head = (
        f"De kennisbank beschrijft {places(len(kb.municipalities))}, {with_practices} met praktijken en "
        f"{cities} met een partnernetwerk, "
        f"{len(kb.organisations)} organisaties en {len(kb.networks)} lerende netwerken. Lange lijsten zijn "
        f"ingekort tot de {TOP} grootste; de rest staat samengevat in aantallen."
    )
    learning = "## Leren tussen steden\n\n" + learning_networks_section(kb) + "\n\n" + adaptations_section(kb)
    return "\n\n".join([head, organisations_section(kb), learning]) + "\n"
