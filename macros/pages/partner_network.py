"""The graph helper's network views (macros.partner_network.view), embedded in city and organisation pages.

The views return raw HTML (an inline SVG diagram and a table) whose links are already relative to the
embedding page. A records folder without networks gets empty strings.
"""

from __future__ import annotations

from macros.pages.markup import Markup
from macros.partner_network import view as network_view
from macros.records.knowledge import KnowledgeBase


def city_network(kb: KnowledgeBase, city_id: str, page_url: str) -> Markup:
    """The city's partner-network diagram, legend, gatekeeper sentence and table; "" without a network."""
    return _block(network_view.city_network_html(kb, city_id, page_url))


def organisation_ties(kb: KnowledgeBase, org_id: str, page_url: str) -> Markup:
    """The organisation's flows in every city's network, as a table; "" when none."""
    return _block(network_view.organisation_ties_html(kb, org_id, page_url))


def overview(kb: KnowledgeBase) -> str:
    """Body of /overzicht/."""
    return network_view.overview_markdown(kb)


def _block(block: Markup) -> Markup:
    # A raw HTML block must stand on its own lines for Markdown to leave it alone.
    return Markup("\n") + block.strip() + Markup("\n") if block.strip() else Markup("")
