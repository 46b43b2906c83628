"""Network measures on small graphs whose answers are known by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
from network_records import add_city, build, flow, organisation, records_folder, write

from macros.partner_network import graph
from macros.partner_network.view import Measured
from macros.partner_network.view import gatekeeper_sentence as sentence_of


def network(tmp_path: Path, names: list[str], flows: list[tuple[str, str, str]]) -> object:
    """A city `demo` whose first actor is the city itself; the others are plain named actors."""
    root = records_folder(tmp_path / "records")
    actors = [{"id": names[0], "city": "demo", "name": "Stad Demo"}]
    actors += [{"id": n, "name": n.title(), "type": "middenveld"} for n in names[1:]]
    add_city(root, "demo", "Demo (fictief)", actors, [flow(a, b, k) for a, b, k in flows])
    return graph.city_graph(build(root), "demo")


def gatekeeper_sentence(g: object) -> str:
    """The sentence the city page shows for the graph `g`, with the measures it is shown with."""
    return sentence_of(Measured(g, graph.measures(g)))


def test_star_centre_has_betweenness_one_even_when_every_flow_points_outward(tmp_path: Path) -> None:
    g = network(tmp_path, ["stad", "a", "b", "c", "d"], [("stad", x, "geld") for x in "abcd"])
    m = graph.measures(g)
    assert m["stad"].betweenness == pytest.approx(1.0)
    assert all(m[x].betweenness == 0 for x in "abcd")
    assert (m["stad"].out_degree, m["stad"].in_degree, m["stad"].degree) == (4, 0, 4)
    found = graph.gatekeepers(g)
    assert found is not None and found.actors == ("stad",)


def test_path_middle_actor_lies_on_two_of_three_pairs(tmp_path: Path) -> None:
    # stad - a - b - c: a lies between (stad, b) and (stad, c): 2 of 3 pairs of the others.
    g = network(
        tmp_path,
        ["stad", "a", "b", "c"],
        [("stad", "a", "geld"), ("a", "b", "expertise"), ("b", "c", "geld")],
    )
    m = graph.measures(g)
    assert m["a"].betweenness == pytest.approx(2 / 3)
    assert m["b"].betweenness == pytest.approx(2 / 3)
    assert m["stad"].betweenness == 0
    found = graph.gatekeepers(g)
    assert found is not None and set(found.actors) == {"a", "b"}  # a tie is kept, not broken


def test_parallel_and_opposite_flows_count_in_degree_but_not_in_betweenness(tmp_path: Path) -> None:
    flows = [
        ("stad", "a", "geld"),
        ("stad", "a", "expertise"),
        ("a", "stad", "informatie"),
        ("stad", "b", "geld"),
    ]
    m = graph.measures(network(tmp_path, ["stad", "a", "b"], flows))
    assert (m["a"].in_degree, m["a"].out_degree) == (2, 1)
    assert m["stad"].betweenness == pytest.approx(1.0)


def test_two_actors_have_no_gatekeeper(tmp_path: Path) -> None:
    g = network(tmp_path, ["stad", "a"], [("stad", "a", "geld")])
    assert graph.measures(g)["stad"].betweenness == 0
    assert graph.gatekeepers(g) is None
    assert "geen bemiddelaar" in gatekeeper_sentence(g)


def test_single_actor_network(tmp_path: Path) -> None:
    g = network(tmp_path, ["stad"], [])
    assert graph.measures(g)["stad"].degree == 0
    assert graph.gatekeepers(g) is None
    assert gatekeeper_sentence(g).startswith("Met 1 actor ")


def test_triangle_has_no_gatekeeper(tmp_path: Path) -> None:
    g = network(
        tmp_path, ["stad", "a", "b"], [("stad", "a", "geld"), ("a", "b", "geld"), ("b", "stad", "geld")]
    )
    assert graph.gatekeepers(g) is None
    assert "geen bemiddelaar" in gatekeeper_sentence(g)


def test_disconnected_network_counts_pairs_without_connection(tmp_path: Path) -> None:
    # stad - a - b, and c - d apart: a lies between stad and b only; 1 of the 6 pairs of the others.
    g = network(
        tmp_path,
        ["stad", "a", "b", "c", "d"],
        [("stad", "a", "geld"), ("a", "b", "geld"), ("c", "d", "geld")],
    )
    assert graph.components(g) == 2
    assert graph.measures(g)["a"].betweenness == pytest.approx(1 / 6)
    sentence = gatekeeper_sentence(g)
    assert "uiteen in 2 delen" in sentence
    assert "Stad Demo" not in sentence.split(":")[0]


def test_gatekeeper_sentence_names_actor_share_and_measure(tmp_path: Path) -> None:
    # Star of 4 around stad plus a path a-e: stad lies on all pairs but (a, e) ... computed by hand:
    # others = a, b, c, e (4 -> 6 pairs); stad lies on (a,b), (a,c), (b,c), (b,e), (c,e) = 5/6.
    flows = [("stad", "a", "geld"), ("stad", "b", "geld"), ("stad", "c", "geld"), ("a", "e", "expertise")]
    g = network(tmp_path, ["stad", "a", "b", "c", "e"], flows)
    assert gatekeeper_sentence(g) == (
        "Stad Demo is de bemiddelaar van dit netwerk: 83\u00a0% van de kortste verbindingen tussen "
        "andere actoren loopt via haar (betweenness 0,83)."
    )


def test_gatekeeper_sentence_with_a_tie_names_both(tmp_path: Path) -> None:
    g = network(
        tmp_path,
        ["stad", "a", "b", "c"],
        [("stad", "a", "geld"), ("a", "b", "expertise"), ("b", "c", "geld")],
    )
    assert gatekeeper_sentence(g).startswith(
        "A en B zijn samen de bemiddelaars van dit netwerk: via elk van hen loopt 67"
    )


def test_actor_takes_name_type_and_link_from_its_organisation(tmp_path: Path) -> None:
    root = records_folder(tmp_path / "records")
    write(root, "organisations", "demo-vzw", organisation("Demo Vzw (fictief)", "middenveld"))
    actors = [
        {"id": "stad", "city": "demo"},
        {"id": "vzw", "organisation": "demo-vzw"},
        {"id": "x", "name": "Buurt"},
    ]
    add_city(root, "demo", "Demo (fictief)", actors, [flow("stad", "vzw", "geld", "werkingssubsidie", True)])
    g = graph.city_graph(build(root), "demo")
    assert g.nodes["vzw"] == {
        "name": "Demo Vzw (fictief)",
        "type": "middenveld",
        "link": ("organisation", "demo-vzw"),
        "role": None,
        "centre": False,
    }
    assert g.nodes["stad"]["name"] == "Demo (fictief)" and g.nodes["stad"]["centre"]
    assert g.nodes["x"]["type"] == "overig" and g.nodes["x"]["link"] is None
    edge = g.edges["stad", "vzw", 0]
    assert (edge["category"], edge["kind_label"], edge["intermittent"]) == ("materieel", "Geld", True)
