"""Browser-test fixtures: one served site and one headless Chromium per test session.

The site is the strictly built demo site (`demo_site`, tests/conftest.py): a fictional corpus that has
every kind of page and enough practices for the filters to matter. Chromium is Debian's
(/usr/bin/chromium, installed by `make browsers`); Playwright drives it, so no browser is downloaded.
A missing chromium is a failure, not a skip: a skipped browser test would let CI pass untested.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright
from records_folder import TODAY
from tooling import localserver

from browser import page_kinds
from macros.records import knowledge
from macros.records.knowledge import KnowledgeBase

# Assertions that wait (`expect(...)`) give up after 10 s like the pages' own waits, not Playwright's
# 5 s: with two pytest-xdist workers Chromium shares the 2 cores with the other worker's builds, and a
# page that is right but slow must not fail. What is asserted stays the same; only the wait is longer.
expect.set_options(timeout=10_000)

CHROMIUM = Path(os.environ.get("KB_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def served_site(demo_site: Path) -> Iterator[str]:
    """Base URL (ending in '/') of the demo site, served on 127.0.0.1 at an ephemeral port by the
    project's one local server (tooling.localserver, which the link check also uses)."""
    with localserver.serve(demo_site) as base:
        yield base


@pytest.fixture(scope="session")
def shipped_url(shipped_site: Path) -> Iterator[str]:
    """Base URL (ending in '/') of the shipped site, served like `served_site`."""
    with localserver.serve(shipped_site) as base:
        yield base


@pytest.fixture(scope="session")
def shipped_kb() -> KnowledgeBase:
    """The shipped records, read on the day the shipped site was built (today, as `make build`)."""
    return knowledge.build(knowledge.DEFAULT_ROOT)


@pytest.fixture(scope="session")
def demo_kb(demo_records: Path) -> KnowledgeBase:
    """The knowledge base the demo site was built from (the same `demo_records`, the same day): what
    the pages are compared with."""
    return knowledge.build(demo_records, today=TODAY)


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


@pytest.fixture
def static_page(browser: Browser) -> Iterator[Page]:
    """A page in a fresh context with JavaScript off: what a reader without scripts gets."""
    static = browser.new_context(locale="nl-BE", java_script_enabled=False)
    opened = static.new_page()
    opened.set_default_timeout(10_000)
    yield opened
    static.close()


@pytest.fixture(scope="session")
def page_of_kind(demo_kb: KnowledgeBase) -> dict[str, str]:
    """One URL (relative to the site root) per kind of page (page_kinds.PAGE_KINDS)."""
    return page_kinds.urls(demo_kb)
