"""Graphs of the knowledge base and the measures the pages cite.

`city_graph` is one city's partner network as a networkx MultiDiGraph, with a node per actor and an
edge per flow (two flows between the same actors stay two edges). Views that cross cities read the
relations between records from `macros.records.relations.references` instead.

Measures (`measures`, `gatekeepers`) work on the undirected simple projection of a city graph: source
000 calls the city a gatekeeper because it *brings partners together*, whichever way money or expertise
then flows. A directed measure would give the centre of an outward star (the city that only hands out
subsidies) a betweenness of 0, and parallel flows do not make a connection shorter.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import networkx as nx

from macros.html.markup import shown
from macros.records.knowledge import KnowledgeBase
from macros.records.models import Actor, City

ACTOR_TYPES: dict[str, str] = {
    "stad": "Stad of gemeente",
    "publiek": "Publieke organisatie",
    "middenveld": "Middenveldorganisatie",
    "privaat": "Private organisatie",
    "kennis": "Kennisinstelling",
    "overig": "Andere actor",
}
"""Actor type -> Dutch label, in the order diagrams, legends and tables use."""

Link = tuple[str, str]
"""(record kind, id) of the page an actor links to: ("organisation", "vvsg") or ("city", "mechelen")."""


@dataclass(frozen=True)
class ActorMeasures:
    """Degree and betweenness of one actor in its city's network."""

    in_degree: int
    """Flows that reach the actor."""
    out_degree: int
    """Flows that leave the actor."""
    betweenness: float
    """Normalised betweenness (0..1) on the undirected simple projection."""

    @property
    def degree(self) -> int:
        """All flows the actor takes part in."""
        return self.in_degree + self.out_degree


@dataclass(frozen=True)
class Gatekeepers:
    """The actor(s) with the highest betweenness, ties kept, in node order."""

    actors: tuple[str, ...]
    betweenness: float


def actor_link(actor: Actor) -> Link | None:
    """The page an actor links to: its organisation, its city, or none."""
    if actor.organisation:
        return ("organisation", actor.organisation)
    if actor.city:
        return ("city", actor.city)
    return None


def actor_name(kb: KnowledgeBase, actor: Actor) -> str:
    """The name shown for an actor: its own `name`, else its organisation's or city's name."""
    if actor.name:
        return actor.name
    if actor.organisation and actor.organisation in kb.organisations:
        return kb.organisations[actor.organisation].name
    if actor.city and actor.city in kb.municipalities:
        return kb.municipalities[actor.city].name
    return actor.organisation or actor.city or actor.id


def actor_type(kb: KnowledgeBase, actor: Actor) -> str:
    """A key of ACTOR_TYPES: cities are `stad`, then the actor's type, its organisation's, else `overig`."""
    if actor.city:
        return "stad"
    if actor.type:
        return actor.type
    organisation = kb.organisations.get(actor.organisation or "")
    return organisation.type if organisation and organisation.type else "overig"


ALL_LAYERS = "*"
"""`city_graph(..., layer=ALL_LAYERS)`: the network's own flows and those of every other layer."""


def layers(city: City) -> list[str]:
    """The names of a city network's other layers (`Flow.layer`), in the order the records give them."""
    return list(dict.fromkeys(f.layer for f in city.network.flows if f.layer)) if city.network else []


def city_graph(kb: KnowledgeBase, city_id: str, layer: str | None = None) -> Any:
    """The partner network of a city as a MultiDiGraph (empty when the city has none).

    Nodes are actor ids with `name`, `type`, `link`, `role` and `centre` (the city itself); edges are
    keyed by the flow's index and carry `kind`, `kind_label`, `category`, `intermittent` and `label`.

    By default the graph is the network's own layer: flows without a `layer`, and every actor except
    those that only take part in another layer. `layer="name"` gives that other layer (its flows and
    the actors they connect); `layer=ALL_LAYERS` gives everything.
    """
    graph = nx.MultiDiGraph(city=city_id)
    city = kb.profiles[city_id]
    if city.network is None:
        return graph
    flows = [
        (index, flow)
        for index, flow in enumerate(city.network.flows)
        if layer == ALL_LAYERS or flow.layer == layer
    ]
    ends = {end for _, flow in flows for end in (flow.from_, flow.to)}
    in_any_flow = {end for flow in city.network.flows for end in (flow.from_, flow.to)}

    def belongs(actor_id: str) -> bool:
        if layer == ALL_LAYERS:
            return True
        if layer is None:  # the network's own actors: in its flows, or in no flow at all
            return actor_id in ends or actor_id not in in_any_flow
        return actor_id in ends

    for actor in city.network.actors:
        if not belongs(actor.id):
            continue
        graph.add_node(
            actor.id,
            # Shown in the diagram's tooltip of each of its flows and in each row of the flow table:
            # cut like any other record's name in a link (its own page shows it whole).
            name=shown(actor_name(kb, actor)),
            type=actor_type(kb, actor),
            link=actor_link(actor),
            role=actor.role,
            centre=actor.city == city_id,
        )
    for index, flow in flows:
        kind = kb.flow_kinds.get(flow.kind)
        graph.add_edge(
            flow.from_,
            flow.to,
            key=index,
            kind=flow.kind,
            kind_label=kind.label if kind else flow.kind,
            category=kind.category if kind else "materieel",
            intermittent=flow.intermittent,
            label=flow.label,
        )
    return graph


def centre_of(graph: Any) -> str | None:
    """The city's own actor; the first one if the records name it twice."""
    return next((node for node, centre in graph.nodes(data="centre") if centre), None)


def cities_with_network(kb: KnowledgeBase) -> list[tuple[str, City]]:
    """(id, city) of every city with a partner network, by id."""
    return [(city_id, city) for city_id, city in sorted(kb.profiles.items()) if city.network]


def measures(graph: Any) -> dict[str, ActorMeasures]:
    """Degree (flows in, out) and normalised betweenness of every actor, in node order. Computed
    afresh on every call: the build keeps what it needs (`macros.partner_network.view.NetworkCache`)."""
    # The undirected simple projection, without copying the flows' attributes (as to_undirected does).
    simple = nx.Graph()
    simple.add_nodes_from(graph)
    simple.add_edges_from(graph.edges(keys=False))
    # Normalised over the pairs of *other* actors: the share of their shortest connections that pass
    # through this actor. networkx leaves networks under three actors at 0 (no third actor exists).
    betweenness = nx.betweenness_centrality(simple, normalized=True)
    return {
        node: ActorMeasures(graph.in_degree(node), graph.out_degree(node), float(betweenness[node]))
        for node in graph.nodes
    }


def gatekeepers(
    graph: Any, values: dict[str, ActorMeasures] | None = None, tolerance: float = 1e-9
) -> Gatekeepers | None:
    """The actor(s) with the highest betweenness, or None when no actor lies between two others;
    `values` are the graph's `measures` when the caller has them already."""
    values = measures(graph) if values is None else values
    top = max((m.betweenness for m in values.values()), default=0.0)
    if top <= tolerance:
        return None
    tied = tuple(node for node, m in values.items() if top - m.betweenness <= tolerance)
    return Gatekeepers(tied, top)


def components(graph: Any) -> int:
    """How many parts the network falls into when flows are read both ways."""
    return int(nx.number_weakly_connected_components(graph)) if len(graph) else 0
