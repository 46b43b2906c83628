"""Site search as an officer uses it, on the shipped site (real city names): each result says what it
is and which city, a city's name (also a former one) finds its page first, and more than eight results
are one click away.

Search needs the Pagefind index, which the test build writes (tests/sitebuild.py).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from macros.records.knowledge import KnowledgeBase

pytestmark = pytest.mark.browser


def search(page: Page, base: str, query: str) -> None:
    page.goto(base)
    page.locator("#kb-search-input").fill(query)
    expect(page.locator(".kb-search__status")).to_contain_text(query)


def results(page: Page) -> list[tuple[str, str]]:
    """(link path, label) of every result shown, top to bottom."""
    found: list[list[str]] = page.evaluate(
        """() => [...document.querySelectorAll('.kb-search__list li')].map(li => [
            new URL(li.querySelector('a').href).pathname, li.querySelector('.kb-search__kind').textContent])"""
    )
    return [(path, label) for path, label in found]


def test_a_citys_name_finds_its_page_first_labelled_as_a_municipality(page: Page, shipped_url: str) -> None:
    search(page, shipped_url, "Mechelen")
    shown = results(page)
    assert shown[0] == ("/steden/mechelen/", "gemeente · Mechelen"), shown[:3]


def test_a_former_municipality_finds_the_one_it_merged_into(page: Page, shipped_url: str) -> None:
    search(page, shipped_url, "Kruibeke")
    shown = results(page)
    assert shown[0] == (
        "/steden/beveren-kruibeke-zwijndrecht/",
        "gemeente · Beveren-Kruibeke-Zwijndrecht",
    ), shown[:3]


def test_results_say_what_they_are_and_which_city(
    page: Page, shipped_url: str, shipped_kb: KnowledgeBase
) -> None:
    search(page, shipped_url, "buddy")
    labels = dict(results(page))
    practices = {path: label for path, label in labels.items() if path.startswith("/praktijken/")}
    assert practices, labels
    for path, label in practices.items():
        practice = shipped_kb.practices[path.strip("/").rsplit("/", 1)[-1]]
        assert label == f"praktijk · {shipped_kb.municipalities[practice.city].name}"
    kinds = {label.split(" · ")[0] for label in labels.values()}
    assert kinds <= {
        "praktijk",
        "gemeente",
        "organisatie",
        "netwerk",
        "bron",
        "thema",
        "instrument",
        "stadsgrootte",
        "overzicht",
        "pagina",
    }
    # A source's title is found too (ranked after the records): it says it is a source, without a city.
    search(page, shipped_url, "Stadsmonitor")
    sources = {path: label for path, label in results(page) if path.startswith("/bronnen/")}
    assert sources and set(sources.values()) == {"bron"}, sources


def test_more_than_eight_results_are_one_click_away(page: Page, shipped_url: str) -> None:
    search(page, shipped_url, "buddy")
    expect(page.locator(".kb-search__list li")).to_have_count(8)
    expect(page.locator(".kb-search__status")).to_contain_text("de eerste 8 staan hieronder")
    more = page.locator(".kb-search__more")
    expect(more).to_be_visible()
    first_eight = results(page)
    more.click()
    expect(page.locator(".kb-search__list li")).to_have_count(16)
    assert results(page)[:8] == first_eight
    expect(page.locator(".kb-search__status")).to_contain_text("de eerste 16 staan hieronder")
