"""The kinds of page a reader meets, and one URL of each in a built site, chosen from its records."""

from __future__ import annotations

from macros.records.knowledge import KnowledgeBase

PAGE_KINDS = (
    "home",
    "catalogue",
    "practice",
    "city",
    "organisation",
    "theme",
    "overview",
    "contributing",
    "field-reference",
    "not-found",
)
"""Every kind of page; the privacy and accessibility tests load one of each."""


def urls(kb: KnowledgeBase) -> dict[str, str]:
    """One URL (relative to the site root) per kind, each with content: the city with the largest
    network, a theme that some practice has, and so on."""
    city = max((len(c.network.actors) if c.network else 0, city_id) for city_id, c in kb.profiles.items())[1]
    theme = sorted(t for practice in kb.practices.values() for t in practice.themes)[0]
    return {
        "home": "",
        "catalogue": "praktijken/",
        "practice": f"praktijken/{sorted(kb.practices)[0]}/",
        "city": f"steden/{city}/",
        "organisation": f"organisaties/{sorted(kb.organisations)[0]}/",
        "theme": f"themas/{theme}/",
        "overview": "overzicht/",
        "contributing": "bijdragen/",
        "field-reference": "bijdragen/velden/",
        "not-found": "404.html",
    }
