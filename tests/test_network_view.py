"""The network section of city and organisation pages, and the overview page."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html import unescape
from pathlib import Path

import pytest
from network_records import REVIEWED, add_city, build, flow, organisation, records_folder, write

from macros.partner_network import overview as network_overview
from macros.partner_network import view as network_view
from macros.records.knowledge import KnowledgeBase

NASTY = "<script>{{ x }}</script>"


@pytest.fixture
def kb(tmp_path: Path) -> KnowledgeBase:
    root = records_folder(tmp_path / "records")
    write(root, "organisations", "demo-vzw", organisation("Vzw Samen (fictief)", "middenveld"))
    write(root, "organisations", "demo-niemand", organisation("Nergens Vzw (fictief)", "privaat"))
    oost = [{"id": "stad", "city": "oost", "name": "Stad Oost"}, {"id": "vzw", "organisation": "demo-vzw"}]
    oost.append({"id": "clubs", "name": NASTY, "type": "middenveld"})
    flows = [
        flow("stad", "vzw", "geld", "werkingssubsidie"),
        flow("vzw", "clubs", "expertise", "vorming & coaching", intermittent=True),
        flow("stad", "clubs", "infrastructuur"),
    ]
    add_city(root, "oost", "Oost (fictief)", oost, flows)
    west = [{"id": "stad", "city": "west"}, {"id": "v", "organisation": "demo-vzw"}]
    add_city(root, "west", "West (fictief)", west, [flow("v", "stad", "informatie", "signalen")])
    add_city(root, "zuid", "Zuid (fictief)")
    return build(root)


def rows(html: str, caption_start: str) -> list[list[str]]:
    """The body rows of the table whose caption starts with `caption_start`, as plain cell text."""
    table = next(t for t in re.findall(r"<table>.*?</table>", html) if f"<caption>{caption_start}" in t)
    body = table.split("<tbody>")[1]
    cells = [re.findall(r"<td>(.*?)</td>", row) for row in re.findall(r"<tr>(.*?)</tr>", body)]
    return [[unescape(re.sub(r"<[^>]+>", "", cell)) for cell in row] for row in cells]


def test_every_flow_of_the_records_is_a_table_row_and_a_diagram_edge(kb: KnowledgeBase) -> None:
    html = network_view.city_network_html(network_view.NetworkCache(kb), "oost", "steden/oost/")
    assert rows(html, "Stromen") == [
        ["Stad Oost", "Vzw Samen (fictief)", "Geld (materieel)", "nee", "werkingssubsidie"],
        ["Vzw Samen (fictief)", NASTY, "Expertise (kennis)", "ja", "vorming & coaching"],
        ["Stad Oost", NASTY, "Infrastructuur (materieel)", "nee", ""],
    ]
    svg = ET.fromstring(html[html.index("<svg") : html.index("</svg>") + 6])
    edges = [
        p.findtext("{http://www.w3.org/2000/svg}title") for p in svg.iter("{http://www.w3.org/2000/svg}path")
    ]
    assert (
        f"Vzw Samen (fictief) → {NASTY}: expertise, vorming & coaching (sommige jaren of gevallen)" in edges
    )
    assert len([e for e in edges if e and "→" in e]) == 3


def test_city_section_has_legend_gatekeeper_and_measures(kb: KnowledgeBase) -> None:
    html = network_view.city_network_html(network_view.NetworkCache(kb), "oost", "steden/oost/")
    assert html.startswith('<section class="kbn-network">') and "<h" not in html.replace("<head", "")
    assert '<ul class="kbn-legend"' in html and "Kennisstroom (expertise, informatie)" in html
    # Three actors in a triangle: nobody lies between two others.
    assert "Dit netwerk heeft geen bemiddelaar" in html
    measures = rows(html, "Maten per actor")
    assert ["Stad Oost", "Stad of gemeente", "2", "0", "2", "0,00"] in measures
    assert len(measures) == 3


def test_links_are_relative_to_the_embedding_page(kb: KnowledgeBase) -> None:
    html = network_view.city_network_html(network_view.NetworkCache(kb), "oost", "steden/oost/")
    assert set(re.findall(r'href="([^"]+)"', html)) == {"../../organisaties/demo-vzw/", "./"}


def test_record_text_is_escaped_in_the_city_section(kb: KnowledgeBase) -> None:
    html = network_view.city_network_html(network_view.NetworkCache(kb), "oost", "steden/oost/")
    assert "<script" not in html and "{{" not in html
    assert "&lt;script&gt;&#123;&#123; x &#125;&#125;&lt;/script&gt;" in html


def test_no_network_gives_an_empty_string(kb: KnowledgeBase) -> None:
    assert network_view.city_network_html(network_view.NetworkCache(kb), "zuid", "steden/zuid/") == ""
    assert (
        network_view.organisation_ties_html(
            network_view.NetworkCache(kb), "demo-niemand", "organisaties/demo-niemand/"
        )
        == ""
    )


def test_organisation_shows_its_flows_in_every_city(kb: KnowledgeBase) -> None:
    html = network_view.organisation_ties_html(
        network_view.NetworkCache(kb), "demo-vzw", "organisaties/demo-vzw/"
    )
    assert rows(html, "Stromen van en naar") == [
        ["Oost (fictief)", "Stad Oost", "Vzw Samen (fictief)", "Geld (materieel)", "nee", "werkingssubsidie"],
        ["Oost (fictief)", "Vzw Samen (fictief)", NASTY, "Expertise (kennis)", "ja", "vorming & coaching"],
        ["West (fictief)", "Vzw Samen (fictief)", "West (fictief)", "Informatie (kennis)", "nee", "signalen"],
    ]
    assert '<a href="../../steden/west/">West (fictief)</a>' in html


def test_overview_names_shared_organisations_with_checked_markdown_links(kb: KnowledgeBase) -> None:
    body = network_view.overview_markdown(kb)
    assert (
        "| [Vzw Samen \\(fictief\\)](../organisaties/demo-vzw.md) | 2 |" not in body
    )  # parentheses stay plain
    assert (
        "| [Vzw Samen (fictief)](../organisaties/demo-vzw.md) | 2 | [Oost (fictief)](../steden/oost.md), "
        in body
    )
    assert "Nergens" not in body
    assert "Nog geen praktijk is overgenomen" in body


def write_practice(root: Path, practice_id: str, city_id: str, adapted_from: list[str] | None = None) -> None:
    data = {
        "title": f"Praktijk {practice_id}",
        "summary": "Fictief.",
        "city": city_id,
        "themes": ["taal"],
        "sources": ["demo-bron"],
        "last_reviewed": REVIEWED,
    }
    if adapted_from:
        data["transferability"] = {"adapted_from": adapted_from}
    write(root, ".", practice_id, data)


def test_overview_aggregates_when_lists_grow_long(tmp_path: Path) -> None:
    root = records_folder(tmp_path / "records")
    count = network_overview.TOP + 5
    for i in range(count):
        write(root, "organisations", f"org-{i:02d}", organisation(f"Org {i:02d} (fictief)", "middenveld"))
    for c in range(12):
        actors = [{"id": "stad", "city": f"stad-{c:02d}"}]
        # organisation i is in i % 12 + 2 cities... at least two each, so every one is shared
        actors += [{"id": f"o{i}", "organisation": f"org-{i:02d}"} for i in range(count) if c <= i % 10 + 1]
        add_city(root, f"stad-{c:02d}", f"Stad {c:02d}", actors, [])
        write_practice(root, f"p-{c:02d}", f"stad-{c:02d}", [f"p-{c - 1:02d}"] if c else None)
    body = network_view.overview_markdown(build(root))
    table_rows = [line for line in body.splitlines() if line.startswith("| [Org ")]
    assert len(table_rows) == network_overview.TOP
    assert f"De andere {count - network_overview.TOP} organisaties" in body
    assert "en 3 andere |" in body  # 11 cities: 8 named, 3 counted
    assert "11 keer nam een stad een praktijk over" in body
    assert "| Van \\ naar |" in body  # and the size-class matrix says where they went


def test_an_organisation_works_in_the_cities_of_its_networks_and_practices(tmp_path: Path) -> None:
    root = records_folder(tmp_path / "records")
    write(root, "organisations", "demo-vzw", organisation("Vzw Samen (fictief)", "middenveld"))
    write(root, "organisations", "demo-bv", organisation("Bv Elders (fictief)", "privaat"))
    actors = [{"id": "stad", "city": "oost"}, {"id": "vzw", "organisation": "demo-vzw"}]
    add_city(root, "oost", "Oost (fictief)", actors, [flow("stad", "vzw", "geld")])
    for city_id in ("west", "zuid"):
        add_city(root, city_id, city_id.title())
    write_practice(root, "p-west", "west")
    practice = (root / "p-west.yml").read_text(encoding="utf-8")
    partners = "partners:\n  - organisation: demo-bv\n    role: levert vrijwilligers\ncities: [zuid]\n"
    (root / "p-west.yml").write_text(practice + partners, encoding="utf-8")
    found = network_overview.organisation_cities(build(root))
    assert found == {"demo-vzw": {"oost"}, "demo-bv": {"west", "zuid"}}
