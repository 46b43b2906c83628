"""What the site's search shows for a query: the results on screen, top to bottom, as a reader gets them.

Runs the built site's own search box (docs/assets/javascripts/search.js over its Pagefind index) in
headless Chromium, so that every step after Pagefind (synonyms, the order by kind, an exact title
first) is measured as it runs, not as a copy of it. The README's figures in "Search" come from here.
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser, Page, expect

from tooling import bench_browser

FIRST = 8
"""Results the search box shows before "Toon meer"."""


def shown(page: Page) -> list[tuple[str, str]]:
    """(path, label) of every result on screen, top to bottom."""
    found: list[list[str]] = page.evaluate(
        """() => [...document.querySelectorAll('.kb-search__list li')].map(li => [
            new URL(li.querySelector('a').href).pathname,
            li.querySelector('.kb-search__kind').textContent])"""
    )
    return [(path, label) for path, label in found]


def search(page: Page, base: str, query: str) -> tuple[str, list[tuple[str, str]]]:
    """Type `query` into the search box of the home page; return the status line and the results."""
    page.goto(base)
    page.locator("#kb-search-input").fill(query)
    status = page.locator(".kb-search__status")
    expect(status).to_contain_text(query)
    return status.inner_text(), shown(page)


def results(
    browser: Browser, base: str, queries: list[str], width: int = 1280
) -> dict[str, tuple[str, list[tuple[str, str]]]]:
    """Query -> (status line, results on screen) at a viewport `width` px wide."""
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="nl-BE")
    try:
        page = context.new_page()
        page.set_default_timeout(15_000)
        return {query: search(page, base, query) for query in queries}
    finally:
        context.close()


def names_first(site: Path, pages: dict[str, str], width: int = 1280) -> tuple[int, list[str]]:
    """How many of `pages` (name -> path) the search box shows first when the name is typed, and the
    names it does not."""
    missed = []
    with bench_browser.served(site) as base, bench_browser.chromium() as browser:
        context = browser.new_context(viewport={"width": width, "height": 900}, locale="nl-BE")
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.goto(base)
        box = page.locator("#kb-search-input")
        for name, path in pages.items():
            box.fill("")
            box.fill(name)
            expect(page.locator(".kb-search__status")).to_contain_text(f"\u201c{name}\u201d")
            found = shown(page)
            if not found or found[0][0] != path:
                missed.append(name)
        context.close()
    return len(pages) - len(missed), missed


def report(site: Path, queries: list[str], width: int = 1280) -> str:
    """The first results for each query, as Markdown lines."""
    lines = []
    with bench_browser.served(site) as base, bench_browser.chromium() as browser:
        for query, (status, found) in results(browser, base, queries, width).items():
            lines.append(f"{query!r}: {status}")
            lines += [f"  {n}. {path} ({label})" for n, (path, label) in enumerate(found[:FIRST], 1)]
    return "\n".join(lines)
