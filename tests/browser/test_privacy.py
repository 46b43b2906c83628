"""Privacy: reading the site tells no other site about the reader. Loading any kind of page requests
nothing outside the server the site comes from (no CDN, no web fonts, no analytics)."""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, Page

from browser.page_kinds import PAGE_KINDS

pytestmark = pytest.mark.browser

LOCAL_SCHEMES = ("data:", "blob:", "about:")


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_a_page_requests_nothing_from_another_site(
    kind: str, context: BrowserContext, page: Page, served_site: str, page_of_kind: dict[str, str]
) -> None:
    requested: list[str] = []
    # On the context, so that requests of workers and frames are seen too.
    context.on("request", lambda request: requested.append(request.url))
    response = page.goto(served_site + page_of_kind[kind], wait_until="networkidle")
    assert response is not None and response.ok, f"{page_of_kind[kind]}: HTTP {response and response.status}"
    outside = [
        url for url in requested if not url.startswith(served_site) and not url.startswith(LOCAL_SCHEMES)
    ]
    assert not outside, f"/{page_of_kind[kind]} requested outside the site: " + ", ".join(outside)
    assert requested, "no request was recorded at all"
