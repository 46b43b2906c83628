"""The page of a learning network: members, coordinator, and its agenda linked to matching practices."""

from __future__ import annotations

import heapq
from collections import Counter

from macros.html import urls
from macros.html.elements import bullet_list, field_list, link, links, p, section
from macros.html.markup import Markup, fmt, join, line, paragraphs
from macros.html.structure import Page, unindexed
from macros.pages.benchlearning import ring_distance, stable_hash
from macros.pages.city import condition_note
from macros.pages.common import cited_sources, review_notice, situation, sources_section
from macros.pages.context import Context
from macros.pages.organisation import LEVELS
from macros.pages.question import discussed
from macros.records.models import AgendaTopic

TOPIC_PRACTICES = 5
"""Matching practices listed per agenda topic; the theme pages list them all."""


def render(ctx: Context, network_id: str) -> Page:
    """The learning-network page."""
    kb = ctx.kb
    network = kb.networks[network_id]
    page = Page(urls.page_file("network", network_id), network.name, ctx.edit_url("network", network_id))
    facts = field_list(
        [
            ("Niveau", LEVELS[network.level] if network.level else ""),
            (
                "Coördinator",
                link(ctx, page.file, "organisation", network.coordinator) if network.coordinator else "",
            ),
            ("Leden", links(ctx, page.file, "city", network.members)),
            ("Komt samen", line(network.cadence or "")),
        ]
    )
    conditions = bullet_list(condition_note(ctx, page.file, n) for n in network.conditions)
    page.add(
        review_notice(network.last_reviewed, ctx.today),
        situation(ctx.kb, cited_sources("network", network), network.last_reviewed),
        paragraphs(network.description or ""),
        section("Kerngegevens", facts),
        section("Agenda", _agenda(ctx, page.file, network_id)),
        section("Leervragen op de agenda", discussed(ctx, page.file, network_id)),
        section("Leervoorwaarden", conditions),
        sources_section(ctx, page.file, cited_sources("network", network), network.last_reviewed),
    )
    return page


def _agenda(ctx: Context, file: str, network_id: str) -> Markup:
    network = ctx.kb.networks[network_id]
    if not network.agenda:
        return Markup("")
    intro = "Onderwerpen die de leden zelf op de agenda zetten, met praktijken die erbij aansluiten."
    return p(intro) + "\n" + bullet_list(_topic(ctx, file, network_id, topic) for topic in network.agenda)


def _topic(ctx: Context, file: str, network_id: str, topic: AgendaTopic) -> Markup:
    details = []
    if topic.proposed_by:
        details.append(fmt("voorgesteld door {}", links(ctx, file, "city", topic.proposed_by)))
    if topic.themes:
        details.append(fmt("thema's: {}", links(ctx, file, "theme", topic.themes)))
    heading = fmt("<strong>{}</strong>", line(topic.topic))
    if details:
        heading += fmt(" ({})", join("; ", details))
    rows = [link(ctx, file, "practice", pid) for pid in matching_practices(ctx, network_id, topic)]
    # A paragraph, as the Markdown list (loose, with nested lists) gave it. The matching practices are
    # the site's suggestion, not the network's text: left out of the search index.
    return p(heading) + ("\n" + unindexed(bullet_list(rows)) if rows else "")


def matching_practices(ctx: Context, network_id: str, topic: AgendaTopic) -> list[str]:
    """Practices on the topic's themes, best first: those of member cities first, then the most shared
    themes; ties go to the practice whose id hash lies closest after the hash of the network and topic
    (`benchlearning.ring_distance`), never to a title.

    Every practice on the topic's themes is scored (no pool is cut): a topic costs in proportion to its
    themes' pools, a few thousandths of a second of CPU at 3,000 demo practices.
    """
    bench, practices = ctx.bench, ctx.kb.practices
    members = set(ctx.kb.networks[network_id].members)
    shared: Counter[str] = Counter()
    for theme in dict.fromkeys(topic.themes):
        shared.update(bench.by_theme.get(theme, []))
    anchor = stable_hash(f"{network_id}\n{topic.topic}")
    ranked = [
        (
            -int(practices[pid].city in members),
            -count,
            ring_distance(anchor, bench.id_hash[pid]),
            pid,
        )
        for pid, count in shared.items()
    ]
    return [entry[-1] for entry in heapq.nsmallest(TOPIC_PRACTICES, ranked)]
