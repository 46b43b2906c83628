"""The network section of city and organisation pages: diagram, legend, gatekeeper sentence, tables.

Everything is built as Markup with `macros.html.markup`; links in raw HTML are relative to the
page the block is embedded in (`page_url`), so they work at any site root. The overview page is
Markdown (`overview_markdown`), so that MkDocs checks its links; its aggregation lives in
`macros.partner_network.overview`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from macros.html import urls
from macros.html.markup import Markup, fmt, join, line
from macros.partner_network.diagram import legend_html, network_svg
from macros.partner_network.graph import (
    ACTOR_TYPES,
    ALL_LAYERS,
    ActorMeasures,
    city_graph,
    components,
    gatekeepers,
    layers,
    measures,
)
from macros.partner_network.overview import overview_body
from macros.records.knowledge import KnowledgeBase


@dataclass
class Measured:
    """A layer of a city's graph with its measures, computed once."""

    graph: Any
    measures: dict[str, ActorMeasures]


class NetworkCache:
    """The partner networks of one build: each city's graph (per layer) and its measures, made once,
    whichever page asks first (city and organisation pages share them). Keyed by city and layer, so
    two networks of the same size never share an entry."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._graphs: dict[tuple[str, str | None], Measured] = {}
        self._ties: dict[str, list[tuple[str, set[str]]]] | None = None

    def graph(self, city_id: str, layer: str | None = None) -> Measured:
        """A layer of the city's graph with its measures."""
        found = self._graphs.get((city_id, layer))
        if found is None:
            graph = city_graph(self.kb, city_id, layer)
            found = self._graphs[(city_id, layer)] = Measured(graph, measures(graph))
        return found

    def ties(self) -> dict[str, list[tuple[str, set[str]]]]:
        """Organisation id -> (city id, its actor ids there) for each city network it is in, by name."""
        if self._ties is None:
            kb = self.kb
            index: dict[str, list[tuple[str, set[str]]]] = {}
            for city_id, city in sorted(
                kb.profiles.items(), key=lambda item: (_name(kb, item[0]).lower(), item[0])
            ):
                if city.network is None:
                    continue
                own: dict[str, set[str]] = {}
                for actor in city.network.actors:
                    if actor.organisation:
                        own.setdefault(actor.organisation, set()).add(actor.id)
                for org_id, actors in own.items():
                    index.setdefault(org_id, []).append((city_id, actors))
            self._ties = index
        return self._ties


def _name(kb: KnowledgeBase, city_id: str) -> str:
    municipality = kb.municipalities.get(city_id)
    return municipality.name if municipality else city_id


def decimal(value: float, places: int = 2) -> str:
    """A Dutch decimal: `0,78`."""
    return f"{value:.{places}f}".replace(".", ",")


def kinds_by_category(kb: KnowledgeBase) -> dict[str, list[str]]:
    """Flow category -> the lowercase labels of its kinds, in vocabulary order."""
    kinds: dict[str, list[str]] = {}
    for kind in kb.flow_kinds.values():
        kinds.setdefault(kind.category, []).append(kind.label.lower())
    return kinds


def plain_names(items: list[str]) -> str:
    """`A`, `A en B`, `A, B en C`, as plain text."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1]


def names(items: list[Markup]) -> Markup:
    """`A`, `A en B`, `A, B en C`, as HTML."""
    if len(items) == 1:
        return line(items[0])
    return join(", ", (line(item) for item in items[:-1])) + Markup(" en ") + line(items[-1])


MEASURES_ARE_OURS = (
    "Eigen berekening van de kennisbank op het netwerk zoals het hier is vastgelegd, geen bevinding van "
    "een bron. Een bemiddelaar is de actor via wie de anderen elkaar bereiken: hoe meer kortste "
    "verbindingen tussen twee andere actoren via haar lopen, hoe hoger haar betweenness (van 0 tot 1). "
    "Een netwerk dat onvolledig is vastgelegd, kan een andere bemiddelaar tonen dan in werkelijkheid."
)
"""Beside every network: the measures are the site's own, and what they mean in plain Dutch."""


def gatekeeper_sentence(measured: Measured) -> str:
    """One Dutch sentence (plain text) naming the go-between(s) with the measure behind the claim."""
    graph = measured.graph
    count = len(graph)
    if count == 0:
        return ""
    if count < 3:
        return (
            f"Met {count} {'actor' if count == 1 else 'actoren'} kan geen actor tussen twee andere staan: "
            "dit netwerk heeft geen bemiddelaar (betweenness overal 0)."
        )
    found = gatekeepers(graph, measured.measures)
    if found is None:
        sentence = (
            "Dit netwerk heeft geen bemiddelaar: geen enkele kortste verbinding tussen twee actoren "
            "loopt via een derde (betweenness overal 0)."
        )
    else:
        share = f"{round(float(decimal(found.betweenness).replace(',', '.')) * 100)}\u00a0%"
        measure = f"betweenness {decimal(found.betweenness)}"
        who = plain_names([" ".join(graph.nodes[n]["name"].split()) for n in found.actors])
        if len(found.actors) == 1:
            sentence = (
                f"{who} is de bemiddelaar van dit netwerk: {share} van de kortste verbindingen tussen "
                f"andere actoren loopt via haar ({measure})."
            )
        else:
            sentence = (
                f"{who} zijn samen de bemiddelaars van dit netwerk: via elk van hen loopt {share} van de "
                f"kortste verbindingen tussen andere actoren ({measure})."
            )
    parts = components(graph)
    if parts > 1:
        sentence += (
            f" Het netwerk valt uiteen in {parts} delen zonder stromen tussen elkaar; paren actoren uit "
            "verschillende delen tellen mee als paren zonder verbinding."
        )
    return sentence


def actor_cell(graph: Any, node: str, page_url: str) -> Markup:
    """An actor's name, linked to its page when it has one."""
    data = graph.nodes[node]
    if data["link"]:
        kind, record_id = data["link"]
        return fmt('<a href="{}">{}</a>', urls.href(page_url, kind, record_id), line(data["name"]))
    return line(data["name"])


INTERMITTENCE = {True: "ja", False: "nee", None: "onbekend"}
"""The table's "Af en toe" column: the source's word, or that it says nothing."""


def flow_rows(
    graph: Any, page_url: str, prefix: Markup | str = "", only: set[str] | None = None
) -> list[Markup]:
    """One <tr> per flow, in the order of the records; `only` keeps the flows touching those actors."""
    rows = []
    for u, v, _, data in sorted(graph.edges(keys=True, data=True), key=lambda e: e[2]):
        if only is not None and not ({u, v} & only):
            continue
        category = "materieel" if data["category"] == "materieel" else "kennis"
        cells = [
            actor_cell(graph, u, page_url),
            actor_cell(graph, v, page_url),
            fmt("{} ({})", line(data["kind_label"]), category),
            INTERMITTENCE[data["intermittent"]],
            line(data["label"] or ""),
        ]
        rows.append(fmt("<tr>{}{}</tr>", prefix, join("", (fmt("<td>{}</td>", cell) for cell in cells))))
    return rows


FLOW_HEAD = Markup("<th>Van</th><th>Naar</th><th>Soort</th><th>Af en toe</th><th>Omschrijving</th>")


def flows_table(graph: Any, page_url: str, caption: str) -> Markup:
    rows = flow_rows(graph, page_url)
    if not rows:
        return Markup("<p>De bronnen beschrijven nog geen stromen tussen deze actoren.</p>")
    return fmt(
        "<table><caption>{}</caption><thead><tr>{}</tr></thead><tbody>{}</tbody></table>",
        line(caption),
        FLOW_HEAD,
        join("", rows),
    )


def measures_table(measured: Measured, page_url: str) -> Markup:
    """Degree and betweenness per actor, highest betweenness first."""
    graph, values = measured.graph, measured.measures
    order = sorted(
        values, key=lambda n: (-round(values[n].betweenness, 9), graph.nodes[n]["name"].lower(), n)
    )
    rows = []
    for node in order:
        m = values[node]
        cells = [
            actor_cell(graph, node, page_url),
            ACTOR_TYPES[graph.nodes[node]["type"]],
            m.degree,
            m.in_degree,
            m.out_degree,
            decimal(m.betweenness),
        ]
        rows.append(fmt("<tr>{}</tr>", join("", (fmt("<td>{}</td>", cell) for cell in cells))))
    caption = (
        "Maten per actor, eigen berekening van de kennisbank. Graad: het aantal stromen van en naar de "
        "actor. Betweenness: het aandeel van "
        "de kortste verbindingen tussen twee andere actoren dat via deze actor loopt (0 tot 1), "
        "berekend zonder op de richting van de stromen te letten: een poortwachter brengt partners "
        "samen, welke kant geld of kennis daarna ook op gaat."
    )
    head = Markup("<th>Actor</th><th>Type</th><th>Graad</th><th>In</th><th>Uit</th><th>Betweenness</th>")
    return fmt(
        "<table><caption>{}</caption><thead><tr>{}</tr></thead><tbody>{}</tbody></table>",
        caption,
        head,
        join("", rows),
    )


def city_network_html(cache: NetworkCache, city_id: str, page_url: str) -> Markup:
    """The network section of a city page; "" when the city has no network."""
    kb = cache.kb
    city = kb.profiles.get(city_id)
    if city is None or city.network is None:
        return Markup("")
    measured = cache.graph(city_id)
    graph = measured.graph
    figure = fmt(
        '<figure class="kbn-figure"><div class="kbn-scroll" style="overflow-x:auto">{}</div>'
        "<figcaption>{}</figcaption></figure>",
        network_svg(graph, page_url),
        legend_html(graph, kinds_by_category(kb)),
    )
    note = fmt("<p>{}</p>", line(city.network.note)) if city.network.note else ""
    return fmt(
        '<section class="kbn-network">{}<p class="kbn-gatekeeper">{}</p><p class="kbn-ours">{}</p>{}{}{}{}'
        "</section>",
        figure,
        gatekeeper_sentence(measured),
        MEASURES_ARE_OURS,
        note,
        flows_table(graph, page_url, f"Stromen in het partnernetwerk van {_name(kb, city_id)}"),
        measures_table(measured, page_url),
        join("", (_layer_html(cache, city_id, layer, page_url) for layer in layers(city))),
    )


def _layer_html(cache: NetworkCache, city_id: str, layer: str, page_url: str) -> Markup:
    """Another layer of ties (another project or another kind of cooperation), listed beside the
    network: not drawn in the diagram and not counted in its measures."""
    caption = f"Andere laag: {layer}. Niet in de figuur en niet meegeteld in de maten hierboven."
    return flows_table(cache.graph(city_id, layer).graph, page_url, caption)


def _city_link(kb: KnowledgeBase, city_id: str, page_url: str) -> Markup:
    return fmt('<a href="{}">{}</a>', urls.href(page_url, "city", city_id), line(_name(kb, city_id)))


def organisation_ties_html(cache: NetworkCache, org_id: str, page_url: str) -> Markup:
    """An organisation's flows in every city's network, as one table; "" when it is in none."""
    kb = cache.kb
    rows: list[Markup] = []
    silent: list[Markup] = []
    for city_id, own in cache.ties().get(org_id, []):
        graph = cache.graph(city_id, ALL_LAYERS).graph
        city_cell = fmt("<td>{}</td>", _city_link(kb, city_id, page_url))
        found = flow_rows(graph, page_url, prefix=city_cell, only=own)
        rows += found
        if not found:
            silent.append(_city_link(kb, city_id, page_url))
    if not rows and not silent:
        return Markup("")
    parts = [Markup('<section class="kbn-ties">')]
    if rows:
        parts.append(
            fmt(
                "<table><caption>Stromen van en naar deze organisatie in de partnernetwerken van steden"
                "</caption><thead><tr><th>Stad</th>{}</tr></thead><tbody>{}</tbody></table>",
                FLOW_HEAD,
                join("", rows),
            )
        )
    if silent:
        parts.append(
            fmt("<p>Ook actor, zonder beschreven stromen, in het netwerk van {}.</p>", names(silent))
        )
    parts.append(Markup("</section>"))
    return join("", parts)


def overview_markdown(kb: KnowledgeBase) -> str:
    """The body of /overzicht/; see `macros.partner_network.overview`."""
    return overview_body(kb)
