"""A city page's partner-network diagram, as a reader sees and uses it: drawn, and its nodes lead to
the pages of the organisations and cities in the network."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest
from playwright.sync_api import Page, expect

from macros.records.knowledge import KnowledgeBase

pytestmark = pytest.mark.browser

DIAGRAM = "svg.kbn[role='group']"


def city_with_largest_network(kb: KnowledgeBase) -> str:
    cities = [(len(city.network.actors), city_id) for city_id, city in kb.profiles.items() if city.network]
    assert cities, "the demo corpus needs a city with a partner network"
    return max(cities)[1]


def test_the_diagram_is_drawn_and_links_every_organisation_of_the_network(
    page: Page, served_site: str, demo_kb: KnowledgeBase
) -> None:
    city_id = city_with_largest_network(demo_kb)
    page_url = f"{served_site}steden/{city_id}/"
    page.goto(page_url)
    diagram = page.locator(DIAGRAM).first
    expect(diagram).to_be_visible()
    box = diagram.bounding_box()
    assert box is not None and box["width"] > 100 and box["height"] > 100, box
    hrefs: list[str] = diagram.locator("a").evaluate_all(
        "links => links.map(a => a.getAttribute('href') || a.getAttribute('xlink:href'))"
    )
    targets = {urljoin(page_url, href) for href in hrefs}
    network = demo_kb.profiles[city_id].network
    assert network is not None
    for actor in network.actors:
        if actor.organisation:
            assert f"{served_site}organisaties/{actor.organisation}/" in targets, actor.id


def test_every_node_link_leads_to_an_existing_page(
    page: Page, served_site: str, demo_kb: KnowledgeBase
) -> None:
    city_id = city_with_largest_network(demo_kb)
    page_url = f"{served_site}steden/{city_id}/"
    page.goto(page_url)
    links = page.locator(f"{DIAGRAM} a")
    hrefs: list[str] = links.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert hrefs, "the diagram has no node links"
    for href in sorted(set(hrefs)):
        target = urljoin(page_url, href)
        assert target.startswith(served_site), f"{href} leaves the site"
        response = page.request.get(target)
        assert response.ok, f"{href} -> {target}: HTTP {response.status}"
    # And a click on a node's shape opens that page (the link is not hidden under another shape).
    target = urljoin(page_url, hrefs[0])
    links.first.locator("path").first.click()
    expect(page).to_have_url(target)
    expect(page.locator("h1").first).to_be_visible()
