"""Browser-test fixtures: one served site and one headless Chromium per test session.

The site is the strictly built demo site (`demo_site`, tests/conftest.py): a fictional corpus that has
every kind of page and enough practices for the filters to matter. Chromium is Debian's
(/usr/bin/chromium, installed by `make browsers`); Playwright drives it, so no browser is downloaded.
A missing chromium is a failure, not a skip: a skipped browser test would let CI pass untested.
"""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import page_kinds
import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

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


class _QuietHandler(SimpleHTTPRequestHandler):
    """Serves the built site without logging each request into the test output."""

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def served_site(demo_site: Path) -> Iterator[str]:
    """Base URL (ending in '/') of the demo site, served on 127.0.0.1 at an ephemeral port."""
    handler = functools.partial(_QuietHandler, directory=str(demo_site))
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


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's headless chromium, launched once per session."""
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
