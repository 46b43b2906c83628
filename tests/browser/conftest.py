"""Browser-test fixtures: one served site and one headless Chromium per test session.

The site is the strictly built demo site (`demo_site`, tests/conftest.py): a fictional corpus that has
every kind of page and enough practices for the filters to matter. Chromium is Debian's
(/usr/bin/chromium, installed by `make browsers`); Playwright drives it, so no browser is downloaded.
A missing chromium is a failure, not a skip: a skipped browser test would let CI pass untested.
"""

from __future__ import annotations

import functools
import os
import re
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from browser import page_kinds
from macros import demo, knowledge
from macros.knowledge import KnowledgeBase

CHROMIUM = Path(os.environ.get("KB_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class _SiteHandler(SimpleHTTPRequestHandler):
    """Serves the built site as if it were published at this server's address.

    Material's instant navigation only intercepts links to pages listed in sitemap.xml, whose URLs
    carry the published `site_url`; it keeps their path and swaps only scheme and host name. So the
    sitemap is served with the published root replaced by this server's root, as the real host would
    have it. Requests are not logged into the test output.
    """

    def do_GET(self) -> None:
        if self.path.split("?", 1)[0] != "/sitemap.xml":
            super().do_GET()
            return
        body = _rebased_sitemap(Path(self.directory) / "sitemap.xml", self.headers["Host"]).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def _rebased_sitemap(path: Path, host: str) -> str:
    """The sitemap with its root URL (the home page's, the shortest) replaced by http://host/."""
    text = path.read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]+)</loc>", text)
    if not locs:
        return text
    return text.replace(min(locs, key=len), f"http://{host}/")


@pytest.fixture(scope="session")
def served_site(demo_site: Path) -> Iterator[str]:
    """Base URL (ending in '/') of the demo site, served on 127.0.0.1 at an ephemeral port."""
    handler = functools.partial(_SiteHandler, directory=str(demo_site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def demo_kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    """The knowledge base the demo site was built from (same size, same default seed, hence the same
    records): what the pages are compared with."""
    records = tmp_path_factory.mktemp("browser-demo-records") / "records"
    demo.write_corpus(records, int(os.environ.get("KB_TEST_DEMO_PRACTICES", "120")))
    return knowledge.build(records)


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    """Debian's headless chromium, launched once for all browser tests. Package-scoped, not
    session-scoped: Playwright's sync API cannot run twice at once in a process, so it must be
    stopped before other tests (the benchmark's) start their own."""
    assert CHROMIUM.is_file(), f"{CHROMIUM} is missing: run `make browsers` (installs Debian's chromium)"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield launched
        launched.close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    """A fresh browser context (no shared storage or palette choice) per test."""
    fresh = browser.new_context(locale="nl-BE")
    yield fresh
    fresh.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    """A page in the test's own context; failed waits give up after 10 s, not 30."""
    opened = context.new_page()
    opened.set_default_timeout(10_000)
    return opened


@pytest.fixture(scope="session")
def page_of_kind(demo_kb: KnowledgeBase) -> dict[str, str]:
    """One URL (relative to the site root) per kind of page (page_kinds.PAGE_KINDS)."""
    return page_kinds.urls(demo_kb)
