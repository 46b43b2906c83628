"""The network diagram: deterministic, complete, escaped, small, self-contained."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from network_records import add_city, build, flow, large_city, organisation, records_folder, write

from macros.partner_network import diagram as diagrams
from macros.partner_network import graph

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    root = records_folder(tmp_path / "records")
    write(root, "organisations", "demo-vzw", organisation("Vzw Samen Sterk (fictief)", "middenveld"))
    write(root, "organisations", "demo-hs", organisation("Hogeschool Demo (fictief)", "kennis"))
    actors = [
        {"id": "stad", "city": "demo", "name": "Stad Demo"},
        {"id": "vzw", "organisation": "demo-vzw"},
        {"id": "hs", "organisation": "demo-hs"},
        {"id": "clubs", "name": "Sportclubs", "type": "middenveld"},
    ]
    flows = [
        flow("stad", "clubs", "geld", "subsidie met diversiteitsclausule", intermittent=True),
        flow("stad", "vzw", "geld", "werkingssubsidie"),
        flow("vzw", "stad", "informatie", "signalen uit de buurt"),
        flow("stad", "vzw", "expertise"),
        flow("hs", "stad", "expertise", "vorming"),
    ]
    add_city(root, "demo", "Demo (fictief)", actors, flows)
    return root


def render(root: Path, city_id: str = "demo") -> str:
    return diagrams.network_svg(graph.city_graph(build(root), city_id), f"steden/{city_id}/")


def edge_titles(svg: str) -> list[str]:
    tree = ET.fromstring(svg)
    return [
        el.findtext(f"{SVG}title") or ""
        for el in tree.iter(f"{SVG}path")
        if el.get("class") in {"m", "k", "m i", "k i"}
    ]


def test_same_records_give_the_same_bytes(root: Path, tmp_path: Path) -> None:
    first = render(root)
    assert render(root) == first  # a second render of a freshly loaded knowledge base
    copy = tmp_path / "copy"
    copy.mkdir()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):  # records and reference data
        target = copy / path.relative_to(root)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
    assert render(copy) == first  # another folder, another load: same bytes


def test_every_flow_is_an_edge_with_its_title(root: Path) -> None:
    titles = edge_titles(render(root))
    assert titles == [
        "Stad Demo → Sportclubs: geld, subsidie met diversiteitsclausule (sommige jaren of gevallen)",
        "Stad Demo → Vzw Samen Sterk (fictief): geld, werkingssubsidie",
        "Vzw Samen Sterk (fictief) → Stad Demo: informatie, signalen uit de buurt",
        "Stad Demo → Vzw Samen Sterk (fictief): expertise",
        "Hogeschool Demo (fictief) → Stad Demo: expertise, vorming",
    ]


def test_flow_kinds_differ_in_more_than_colour(root: Path) -> None:
    svg = render(root)
    classes = [
        el.get("class") for el in ET.fromstring(svg).iter(f"{SVG}path") if el.find(f"{SVG}title") is not None
    ]
    assert classes[:5] == ["m i", "m", "k", "k", "k"]
    # thick line with a filled head, thin line with an open head, dashes for "some years"
    assert re.search(r"\.kbn \.m\{[^}]*stroke-width:2\.6[^}]*marker-end:url\(#kbn-demo-m\)", svg)
    assert re.search(r"\.kbn \.k\{[^}]*stroke-width:1\.3[^}]*marker-end:url\(#kbn-demo-k\)", svg)
    assert '<marker id="kbn-demo-k"' in svg and 'fill="none"' in svg.split('id="kbn-demo-k"')[1][:300]
    assert ".kbn .i{stroke-dasharray" in svg


def test_parallel_flows_between_two_actors_do_not_overlap(root: Path) -> None:
    paths = [
        el.get("d") for el in ET.fromstring(render(root)).iter(f"{SVG}path") if el.get("class") in {"m", "k"}
    ]
    vzw = paths[0:3]  # the three flows between the city and the vzw
    assert len(set(vzw)) == 3


def test_each_actor_links_to_its_page_and_has_a_title(root: Path) -> None:
    tree = ET.fromstring(render(root))
    links = {a.get("href"): a.findtext(f"{SVG}title") for a in tree.iter(f"{SVG}a")}
    assert links == {
        "../../organisaties/demo-vzw/": "Vzw Samen Sterk (fictief) (middenveldorganisatie)",
        "../../organisaties/demo-hs/": "Hogeschool Demo (fictief) (kennisinstelling)",
        "./": "Stad Demo (stad of gemeente)",
    }
    # an actor without a page is drawn, titled, but not linked
    assert any(
        g.findtext(f"{SVG}title") == "Sportclubs (middenveldorganisatie)" for g in tree.iter(f"{SVG}g")
    )


def test_figure_is_labelled_and_self_contained(root: Path) -> None:
    svg = render(root)
    tree = ET.fromstring(svg)
    labelled = tree.get("aria-labelledby")
    assert tree.findtext(f"{SVG}title[@id='{labelled}']") == "Partnernetwerk van Stad Demo"
    assert tree.findtext(f"{SVG}desc[@id='{tree.get('aria-describedby')}']").startswith(
        "4 actoren en 5 stromen"
    )
    assert re.findall(r"https?://[^\"]+", svg) == ["http://www.w3.org/2000/svg"]
    assert "@import" not in svg and "@font-face" not in svg
    assert set(re.findall(r"url\(([^)]*)\)", svg)) == {"#kbn-demo-m", "#kbn-demo-k"}


def test_record_text_is_escaped_never_markup_or_template(tmp_path: Path) -> None:
    root = records_folder(tmp_path / "records")
    nasty = "<script>{{ x }}</script>"
    actors = [{"id": "stad", "city": "demo"}, {"id": "x", "name": nasty}]
    add_city(root, "demo", "Demo & co", actors, [flow("stad", "x", "geld", "a < b & {% if %}")])
    svg = render(root)
    assert "<script" not in svg and "{{" not in svg and "{%" not in svg
    tree = ET.fromstring(svg)  # still well-formed XML
    titles = [el.findtext(f"{SVG}title") for el in tree.iter() if el.find(f"{SVG}title") is not None]
    assert f"{nasty} (andere actor)" in titles
    assert f"Demo & co → {nasty}: geld, a < b & {{% if %}}" in titles


def test_long_names_are_wrapped_with_the_full_name_in_the_title(tmp_path: Path) -> None:
    root = records_folder(tmp_path / "records")
    long = "Vereniging voor de bevordering van samenleven in verscheidenheid in de Demostreek (fictief)"
    actors = [{"id": "stad", "city": "demo"}, {"id": "x", "name": long, "type": "middenveld"}]
    add_city(root, "demo", "Demo", actors, [flow("stad", "x", "geld")])
    tree = ET.fromstring(render(root))
    node = next(g for g in tree.iter(f"{SVG}g") if (g.findtext(f"{SVG}title") or "").startswith("Vereniging"))
    lines = [span.text or "" for span in node.iter(f"{SVG}tspan")]
    assert len(lines) == 2 and lines[1].endswith("…")
    assert all(len(line) <= diagrams.WRAP for line in lines)
    assert node.findtext(f"{SVG}title") == f"{long} (middenveldorganisatie)"


@pytest.mark.parametrize("actors", [3, 12, 40])
def test_size_and_byte_stability_from_3_to_40_actors(tmp_path: Path, actors: int) -> None:
    root = records_folder(tmp_path / "records")
    large_city(root, "groot", actors)
    svg = render(root, "groot")
    assert len(svg.encode()) < 30_000
    assert svg == render(root, "groot")
    tree = ET.fromstring(svg)
    assert len(list(tree.iter(f"{SVG}a"))) == actors
    kb = build(root)
    assert len(edge_titles(svg)) == len(kb.profiles["groot"].network.flows)  # type: ignore[union-attr]
    # every coordinate has at most one decimal
    assert not re.search(r"\d\.\d\d", " ".join(p.get("d") or "" for p in tree.iter(f"{SVG}path")))


def test_nodes_do_not_overlap_with_40_actors(tmp_path: Path) -> None:
    root = records_folder(tmp_path / "records")
    large_city(root, "groot", 40)
    placed = diagrams.layout(graph.city_graph(build(root), "groot"))
    points = list(placed.values())
    closest = min(
        ((a.x - b.x) ** 2 + (a.y - b.y) ** 2) ** 0.5 for i, a in enumerate(points) for b in points[i + 1 :]
    )
    assert closest > 4 * diagrams.NODE_R


def test_legend_explains_only_what_the_diagram_shows(root: Path) -> None:
    g = graph.city_graph(build(root), "demo")
    legend = diagrams.legend_html(
        g, {"materieel": ["geld", "infrastructuur"], "kennis": ["expertise", "informatie"]}
    )
    text = re.sub(r"<[^>]+>", "", legend)
    for expected in (
        "Stad of gemeente",
        "Middenveldorganisatie",
        "Kennisinstelling",
        "Materiële stroom (geld, infrastructuur)",
    ):
        assert expected in text
    assert "Private organisatie" not in text and "Publieke organisatie" not in text
    assert "Stippellijn" in text
