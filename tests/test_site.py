"""Whole sites, built with `mkdocs build --strict`, read the way a visitor's browser would.

Three sites: the shipped content, a demo corpus (every kind of page, many practices) and the small
fixture corpus (which holds a record full of Markdown, HTML and template syntax). For each: every
record and term has a page, every page can be reached by following links from the home page, and the
sitemap lists every page once. That every internal link and anchor resolves is lychee's part
(tests/test_linkcheck.py), once per site.
"""

from __future__ import annotations

import posixpath
import re
from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree

import pytest
from conftest import FIXTURE_RECORDS, FIXTURE_TODAY
from records_folder import TODAY

from macros.html import urls
from macros.records import knowledge
from macros.records.kinds import SECTIONS

pytestmark = pytest.mark.site

SKIPPED_DIRS = ("assets/", "pagefind/", "data/", "schema/")
"""Files that are not pages: theme assets, the search index, downloads."""


@dataclass
class ParsedPage:
    """What the tests read from one HTML page."""

    links: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    texts: dict[str, str] = field(default_factory=dict)
    """Tag -> all text inside elements of that tag (title, h1, main), entities decoded."""
    scripts: list[str] = field(default_factory=list)
    """The text of every inline <script>."""
    tags: list[str] = field(default_factory=list)


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = ParsedPage()
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.page.tags.append(tag)
        if tag == "a" and values.get("href"):
            self.page.links.append(str(values["href"]))
        for key in ("id", "name"):
            if values.get(key) and (key == "id" or tag == "a"):
                self.page.ids.add(str(values[key]))
        if tag not in ("br", "img", "input", "meta", "link", "hr"):
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.open:
            while self.open and self.open.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        for tag in set(self.open):
            self.page.texts[tag] = self.page.texts.get(tag, "") + data
        if self.open and self.open[-1] == "script":
            self.page.scripts.append(data)


def parse(path: Path) -> ParsedPage:
    parser = _Parser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.page


def pages_of(site: Path) -> dict[str, Path]:
    """Site-relative directory URL ('' for the home page) -> its index.html."""
    found = {}
    for path in site.rglob("index.html"):
        url = path.parent.relative_to(site).as_posix()
        url = "" if url == "." else url + "/"
        if not url.startswith(SKIPPED_DIRS):
            found[url] = path
    return found


def resolve(site: Path, page_url: str, href: str) -> tuple[str, str] | None:
    """(target site-relative path, fragment) of an internal link, or None for another site."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
        return None
    path = unquote(parts.path)
    target = posixpath.normpath(posixpath.join(page_url or ".", path)) if path else page_url.rstrip("/")
    target = "" if target == "." else target
    if (site / target).is_dir():
        target = (target + "/index.html").lstrip("/")
    return target, parts.fragment


@pytest.fixture(scope="module", params=["shipped_site", "demo_site", "fixture_site"])
def built(request: pytest.FixtureRequest) -> tuple[str, Path, dict[str, ParsedPage]]:
    site: Path = request.getfixturevalue(request.param)
    return request.param, site, {url: parse(path) for url, path in pages_of(site).items()}


def _knowledge_base(name: str, request: pytest.FixtureRequest) -> knowledge.KnowledgeBase:
    """The records the site was built from, on the day it was built."""
    if name == "demo_site":
        return knowledge.build(Path(request.getfixturevalue("demo_records")), today=TODAY)
    if name == "fixture_site":
        return knowledge.build(FIXTURE_RECORDS, today=FIXTURE_TODAY)
    return knowledge.build(knowledge.DEFAULT_ROOT)


def test_every_record_and_term_has_a_page(
    built: tuple[str, Path, dict[str, ParsedPage]], request: pytest.FixtureRequest
) -> None:
    name, _, pages = built
    kb = _knowledge_base(name, request)
    expected = {kind: kb.records_of(kind) for kind in SECTIONS}
    missing = [
        urls.page_url(kind, i)
        for kind, ids in expected.items()
        for i in ids
        if urls.page_url(kind, i) not in pages
    ]
    assert not missing
    assert sum(len(ids) for ids in expected.values()) > 10


def test_every_page_is_reachable_from_the_home_page(built: tuple[str, Path, dict[str, ParsedPage]]) -> None:
    _, site, pages = built
    seen = {""}
    queue = deque([""])
    while queue:
        url = queue.popleft()
        for href in pages[url].links:
            resolved = resolve(site, url, href)
            if resolved is None or not resolved[0].endswith("index.html"):
                continue
            target = resolved[0][: -len("index.html")]
            if target in pages and target not in seen:
                seen.add(target)
                queue.append(target)
    unreachable = sorted(set(pages) - seen)
    assert not unreachable, f"{len(unreachable)} page(s) no link leads to: {unreachable[:20]}"


UNSAFE_TITLE = "<b>vet</b> {{ 7*7 }} *ster* [link](x)"
UNSAFE_SUMMARY = "Samenvatting met {{ 7*7 }}, {% raw %} en <script>alert(1)</script> & meer."


def test_record_text_shows_literally_and_executes_nothing(fixture_site: Path) -> None:
    page = parse(fixture_site / "praktijken" / "onveilig-lindeburg" / "index.html")
    assert page.texts["title"].startswith(UNSAFE_TITLE)
    assert " ".join(page.texts["h1"].split()).startswith(UNSAFE_TITLE)
    main = " ".join(page.texts["article"].split())
    for literal in (UNSAFE_SUMMARY, "<script>alert(1)</script>, {% raw %}, {{ 7*7 }}", "# geen kop"):
        assert literal in main
    assert "1. geen lijst {{ 7*7 }}" in main and "- geen opsomming <i>cursief</i>" in main
    assert "`code` en _nadruk_ {% raw %}" in main
    assert "49" not in main  # no template ever ran
    assert not any("alert" in script for script in page.scripts)
    assert "b" not in page.tags and "i" not in page.tags and "em" not in page.tags
    # The title also reaches other pages as link text: the catalogue and the city page.
    for other in ("praktijken/index.html", "steden/lindeburg/index.html"):
        other_page = parse(fixture_site / other)
        assert UNSAFE_TITLE in " ".join(other_page.texts["article"].split())
        assert not any("alert" in script for script in other_page.scripts)


def test_record_pages_stay_out_of_the_nav(fixture_site: Path) -> None:
    home = (fixture_site / "index.html").read_text(encoding="utf-8")
    nav = home.split('class="md-nav md-nav--primary"', 1)[1].split("md-sidebar--secondary", 1)[0]
    assert 'href="praktijken/"' in nav
    assert "steden/lindeburg" not in nav and "taalcafe-lindeburg" not in nav


SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_the_sitemap_lists_every_page_once_and_no_build_date(
    built: tuple[str, Path, dict[str, ParsedPage]],
) -> None:
    """sitemap.xml as a crawler reads it, and as Material's instant navigation does (which loads in
    place only the pages listed there)."""
    _, site, _ = built
    root = ElementTree.parse(site / "sitemap.xml").getroot()  # ParseError if it is not well-formed XML
    assert root.tag == f"{SITEMAP}urlset"
    assert all(url.tag == f"{SITEMAP}url" for url in root)
    locs = [url.findtext(f"{SITEMAP}loc", "") for url in root]
    # The site's address, as every page gives it in <link rel="canonical">: the home page's.
    home = re.search(
        r'<link rel="canonical" href="([^"]+)"', (site / "index.html").read_text(encoding="utf-8")
    )
    assert home is not None
    pages = [
        home.group(1) + path.relative_to(site).as_posix().removesuffix("index.html")
        for path in site.rglob("*.html")
        if path.relative_to(site).as_posix() != "404.html"
    ]
    assert len(locs) == len(set(locs)), "a page is listed twice"
    assert sorted(locs) == sorted(pages)
    # The only date MkDocs knows is the build date: every page would seem changed at every build.
    assert root.find(f".//{SITEMAP}lastmod") is None, "<lastmod> gives the build date, not a change"
