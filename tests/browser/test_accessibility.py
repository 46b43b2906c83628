"""Accessibility: axe-core finds no serious or critical WCAG violation on any kind of page, in the
light and in the dark palette.

axe-core comes with the axe-playwright-python package (its axe.min.js is injected into the page), so
the check itself fetches nothing; the test asserts that too.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped]
from playwright.sync_api import Browser, Page

from browser.page_kinds import PAGE_KINDS

pytestmark = pytest.mark.browser

BLOCKING = {"serious", "critical"}
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PALETTES = {"light": "default", "dark": "slate"}
"""The reader's system preference, and the Material colour scheme the site must then show."""


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


@pytest.fixture(params=sorted(PALETTES))
def palette_page(request: pytest.FixtureRequest, browser: Browser) -> Iterator[tuple[str, Page]]:
    """A page whose reader prefers the light or the dark colour scheme."""
    context = browser.new_context(color_scheme=request.param, locale="nl-BE")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield request.param, page
    context.close()


def describe(violation: dict[str, Any]) -> str:
    targets = "; ".join(" ".join(map(str, node["target"])) for node in violation["nodes"][:5])
    more = len(violation["nodes"]) - 5
    return f"{violation['id']} ({violation['impact']}): {violation['help']} at {targets}" + (
        f" and {more} more" if more > 0 else ""
    )


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_no_serious_or_critical_violation(
    kind: str, palette_page: tuple[str, Page], axe: Axe, served_site: str, page_of_kind: dict[str, str]
) -> None:
    palette, page = palette_page
    url = served_site + page_of_kind[kind]
    page.goto(url, wait_until="networkidle")
    scheme = page.locator("body").get_attribute("data-md-color-scheme")
    assert scheme == PALETTES[palette], f"the {palette} palette was not applied: {scheme}"
    # Only requests to other sites matter: the browser may still fetch its favicon from the local
    # server while axe runs, which made this assertion flaky under load.
    requested: list[str] = []
    page.on(
        "request",
        lambda request: None if request.url.startswith(served_site) else requested.append(request.url),
    )
    options = {"runOnly": {"type": "tag", "values": WCAG_AA}, "resultTypes": ["violations"]}
    results = axe.run(page, options=options)
    assert not requested, f"axe-core fetched {requested}"
    blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING]
    assert not blocking, f"/{page_of_kind[kind]} ({palette}):\n" + "\n".join(map(describe, blocking))
