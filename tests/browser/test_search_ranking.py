"""Search that ranks what an officer wants (issue 21), on the shipped site in headless Chromium, on a
phone (390 px) and a desktop (1280 px):

- "taalcoach" and "buddy" put practices first, practices before any other kind of page;
- a municipality page does not match a word that only the lists of other records on it contain, and
  is still found by its own name, a former municipality's name and its case study;
- the catalogue's text box finds the same practices as the search box, for twenty words, and where
  there is no index (`mkdocs serve`) it matches the list's own text as before.

Search needs the Pagefind index, which the test build writes (tests/sitebuild.py).
"""

from __future__ import annotations

import re
import shutil
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from playwright.sync_api import Browser, Page, expect
from tooling import localserver

from browser.clicks import click_until
from macros.pages import catalogue
from macros.records.dutch import PROVINCES
from macros.records.kinds import KINDS
from macros.records.knowledge import KnowledgeBase

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent.parent
WIDTHS = (390, 1280)
PRACTICE = KINDS["practice"].search_label
MUNICIPALITY = KINDS["city"].search_label
CATALOGUE_WORDS = (
    "buddy",
    "buddies",
    "duo",
    "taalcoach",
    "taalcoaching",
    "nieuwkomer",
    "inburgeraar",
    "ocmw",
    "vrijwilliger",
    "nederlands",
    "oefenkansen",
    "vluchtelingen",
    "onthaal",
    "diversiteit",
    "praatgroep",
    "werk",
    "jongeren",
    "ouders",
    "racisme",
    "sociaal huis",
)
"""Twenty words an officer types: the synonyms, and the themes the shipped practices are about."""


@pytest.fixture(params=WIDTHS, ids=[f"{w}px" for w in WIDTHS])
def sized_page(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": request.param, "height": 844}, locale="nl-BE")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def search(page: Page, base: str, query: str) -> list[tuple[str, str]]:
    """Type `query` into the search box; (path, label) of the results on screen, top to bottom."""
    page.goto(base)
    box = page.locator("#kb-search-input")
    if not box.is_visible():  # on a phone Material may fold the header: the box is still in it
        box.scroll_into_view_if_needed()
    box.fill(query)
    expect(page.locator(".kb-search__status")).to_contain_text(query)
    return shown(page)


def shown(page: Page) -> list[tuple[str, str]]:
    """(path, label) of the results on screen, top to bottom."""
    found: list[list[str]] = page.evaluate(
        """() => [...document.querySelectorAll('.kb-search__list li')].map(li => [
            new URL(li.querySelector('a').href).pathname, li.querySelector('.kb-search__kind').textContent])"""
    )
    return [(path, label) for path, label in found]


def every_practice(page: Page) -> list[tuple[str, str]]:
    """After `search`: the results, "Toon meer" clicked until a result that is no practice shows (all
    practices come before other kinds of page) or none is left."""
    more = page.locator(".kb-search__more")
    items = page.locator(".kb-search__list li")
    while more.is_visible() and kind_of(shown(page)[-1][1]) == PRACTICE:
        count = items.count()
        more.click()
        expect(items).not_to_have_count(count)
    return shown(page)


def kind_of(label: str) -> str:
    return label.split(" · ")[0]


@pytest.mark.parametrize("query", ["taalcoach", "buddy"])
def test_practices_come_first(sized_page: Page, shipped_url: str, query: str) -> None:
    shown = search(sized_page, shipped_url, query)
    kinds = [kind_of(label) for _, label in shown]
    assert kinds[0] == PRACTICE, shown
    # Every practice before any other kind of page: the first five results are practices, or every
    # practice found comes before them.
    first_other = next((n for n, kind in enumerate(kinds) if kind != PRACTICE), len(kinds))
    assert PRACTICE not in kinds[first_other:], shown


def _plain(text: str) -> str:
    return unicodedata.normalize("NFD", text).encode("ascii", "ignore").decode().casefold()


def _own_text(kb: KnowledgeBase, city_id: str) -> str:
    """All a municipality page says of its own, generously: its reference row, its city record, the
    names of every organisation and vocabulary term it could link, the provinces."""
    municipality = kb.municipalities[city_id]
    profile = kb.profiles.get(city_id)
    parts = [municipality.model_dump_json(), profile.model_dump_json() if profile else ""]
    parts += [o.name for o in kb.organisations.values()] + list(PROVINCES.values())
    parts += [
        t.label
        for terms in (kb.themes, kb.instruments, kb.size_classes, kb.conditions)
        for t in terms.values()
    ]
    return _plain(" ".join(parts))


def test_no_municipality_page_matches_a_word_only_its_lists_contain(
    sized_page: Page, shipped_url: str, shipped_kb: KnowledgeBase
) -> None:
    """Words of practice titles that no municipality's own text contains (not even as the first five
    letters of a word: Pagefind stems and completes words): a municipality page that matched one would
    have matched the lists of practices on it, as "taalcoach" matched Lier, Tienen and Dendermonde."""
    own = " ".join(_own_text(shipped_kb, city_id) for city_id in shipped_kb.municipalities)
    title_words = {w for p in shipped_kb.practices.values() for w in re.findall(r"\w{7,}", _plain(p.title))}
    words = sorted(w for w in title_words if w[:5] not in own)[:6]
    assert "taalcoach" in words or len(words) == 6, words
    for word in sorted({"taalcoach", *words}):
        labels = {kind_of(label) for _, label in search(sized_page, shipped_url, word)}
        assert MUNICIPALITY not in labels, word


def test_a_municipality_is_found_by_its_name_a_former_name_and_its_case_study(
    sized_page: Page, shipped_url: str, shipped_kb: KnowledgeBase
) -> None:
    assert search(sized_page, shipped_url, "Mechelen")[0] == (
        "/steden/mechelen/",
        f"{MUNICIPALITY} · Mechelen",
    )
    successor = next(
        m for m in shipped_kb.municipalities.values() if any(f.name == "Kruibeke" for f in m.former)
    )
    shown = search(sized_page, shipped_url, "Kruibeke")
    municipalities = [path for path, label in shown if kind_of(label) == MUNICIPALITY]
    assert municipalities[:1] == [f"/steden/{successor.id}/"], shown
    # A word of a case study that no other page has: its municipality comes first.
    profile_id, word = _case_study_word(shipped_kb)
    assert search(sized_page, shipped_url, word)[0][0] == f"/steden/{profile_id}/"


def _case_study_word(kb: KnowledgeBase) -> tuple[str, str]:
    """A long word of one case study that no other record says."""
    others = {
        rid: _plain(record.model_dump_json())
        for kind in ("practice", "organisation", "network", "source", "profile")
        for rid, record in kb.records_of(kind).items()
    }
    others |= {str(path): _plain(path.read_text(encoding="utf-8")) for path in (ROOT / "docs").rglob("*.md")}
    for city_id, profile in sorted(kb.profiles.items()):
        for word in sorted(set(re.findall(r"[a-z]{11,}", _plain(profile.case_study or "")))):
            if not any(word[:8] in text for rid, text in others.items() if rid != city_id):
                return city_id, word
    raise AssertionError("no case study has a word of its own")


def catalogue_ids(page: Page, base: str, query: str) -> set[str]:
    """The practices the catalogue's text box shows for `query` once the search index has answered."""
    page.goto(f"{base}praktijken/?zoek={quote(query)}")
    page.wait_for_function(
        "() => window.kbCatalogue.current() && window.kbCatalogue.current().found !== null"
    )
    # "Toon alle" when more than one batch is left, else "Toon de laatste N" shows the rest.
    more = page.locator("[data-kb-more]")
    if more.is_visible():
        button = more.locator("[data-kb-more-all]:visible, [data-kb-more-next]:visible").first
        click_until(button, lambda timeout: expect(more).to_be_hidden(timeout=timeout))
    hrefs: list[str] = page.evaluate(
        """() => [...document.querySelectorAll('#kb-catalogue li.kb-practice')]
            .filter(li => li.checkVisibility()).map(li => li.querySelector('a').getAttribute('href'))"""
    )
    return {href.rstrip("/").rsplit("/", 1)[-1] for href in hrefs}


def test_the_catalogue_finds_what_search_finds(
    page: Page, shipped_url: str, shipped_kb: KnowledgeBase
) -> None:
    found_any = 0
    for word in CATALOGUE_WORDS:
        search(page, shipped_url, word)
        practices = {
            path.strip("/").rsplit("/", 1)[-1]
            for path, label in every_practice(page)
            if kind_of(label) == PRACTICE
        }
        assert practices <= set(shipped_kb.practices), word
        assert catalogue_ids(page, shipped_url, word) == practices, word
        found_any += bool(practices)
    assert found_any >= 18
    # Case and accents count as little as in the search box.
    assert catalogue_ids(page, shipped_url, "BÚDDY") == catalogue_ids(page, shipped_url, "buddy")


@pytest.fixture(scope="module")
def indexless_url(shipped_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The shipped site without its search index, as `mkdocs serve` serves it."""
    copy = tmp_path_factory.mktemp("indexless") / "site"
    shutil.copytree(shipped_site, copy, ignore=shutil.ignore_patterns("pagefind"))
    with localserver.serve(copy) as base:
        yield base


def test_without_an_index_the_text_box_matches_title_city_and_summary(
    page: Page, indexless_url: str, shipped_kb: KnowledgeBase
) -> None:
    def listed(pid: str) -> str:
        practice = shipped_kb.practices[pid]
        return _plain(
            " ".join(
                [
                    practice.title,
                    shipped_kb.municipalities[practice.city].name,
                    catalogue._short(practice.summary),
                ]
            )
        )

    want = {pid for pid in shipped_kb.practices if "buddy" in listed(pid)}
    assert want
    page.goto(f"{indexless_url}praktijken/?zoek=B%C3%BAddy")
    page.wait_for_function(
        "() => window.kbCatalogue.current() && window.kbCatalogue.current().noIndex === true"
    )
    hrefs: list[str] = page.evaluate(
        """() => [...document.querySelectorAll('#kb-catalogue li.kb-practice')]
            .filter(li => li.checkVisibility()).map(li => li.querySelector('a').getAttribute('href'))"""
    )
    assert {href.rstrip("/").rsplit("/", 1)[-1] for href in hrefs} == want
