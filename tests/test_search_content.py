"""What the search index gets of a page (issue 21): its own content, its rank and, on a practice page,
its id; and the synonyms search.js adds, each still justified by a shipped record.

- Lists of other records and boilerplate are marked with Pagefind's `data-pagefind-ignore` by the
  page structure (`Section.indexed`, `unindexed`), and the Markdown writer (`to_markdown`, for
  builders that read a folder) gives the same HTML as the HTML writer MkDocs uses.
- Every generated page carries its rank as a filter, in the order issue 21 asks for.
- search-synonyms.json: every pair names a shipped record that still uses the words it is cited for.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkDocsPage

from macros import generate, search_index
from macros.adapters.generated_page import check_settings, render_html
from macros.html.markup import Markup
from macros.html.structure import Page, Section, to_markdown
from macros.records import knowledge
from macros.records.kinds import KINDS, SECTIONS

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_RECORDS = ROOT / "tests" / "fixtures" / "records"
SYNONYMS = ROOT / "docs" / "assets" / "javascripts" / "search-synonyms.json"
SEARCH_JS = ROOT / "docs" / "assets" / "javascripts" / "search.js"


@pytest.fixture(scope="module")
def shipped() -> generate.Site:
    return generate.build_site(ROOT / "practices")


@pytest.fixture(scope="module")
def config() -> MkDocsConfig:
    return load_config(str(ROOT / "mkdocs.yml"))


def _python_markdown(config: MkDocsConfig, page: Page) -> str:
    """The page's Markdown form rendered by MkDocs' own Page (Python-Markdown with the site's
    extensions): what a builder that reads a folder makes of it."""
    file = File(page.file, src_dir=None, dest_dir=config.site_dir, use_directory_urls=True)
    file.content_string = to_markdown(page)
    rendered = MkDocsPage(None, file, config)
    rendered.read_source(config)
    rendered.render(config, Files([file]))
    return rendered.content or ""


def _text(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def _indexed_text(html: str) -> str:
    """The page's text as Pagefind indexes it: without the elements marked `data-pagefind-ignore`."""
    soup = _text(html)
    for element in soup.select("[data-pagefind-ignore]"):
        element.decompose()
    return " ".join(soup.get_text(" ").split())


def test_both_writers_mark_an_unindexed_section_alike(config: MkDocsConfig) -> None:
    page = Page("praktijken/x.md", "X")
    child = Section("Onder", Markup("<p>kind</p>"), 3)
    page.parts = [
        Section("Eigen", Markup("<p>eigen tekst</p>")),
        Section("Lijst", Markup("<ul>\n<li>andere</li>\n</ul>"), children=(child,), indexed=False),
    ]
    html = render_html(page, check_settings(config)).content
    assert html == _python_markdown(config, page)
    assert _indexed_text(html) == "X ¶ Eigen ¶ eigen tekst"
    soup = _text(html)
    assert [h.get("data-pagefind-ignore") for h in soup.select("h2, h3")] == [None, "index", "index"]


def test_every_shipped_page_is_written_alike_by_both_writers(
    config: MkDocsConfig, shipped: generate.Site
) -> None:
    settings = check_settings(config)
    checked = 0
    for path, page in shipped.pages.items():
        assert render_html(page, settings).content == _python_markdown(config, page), path
        checked += 1
    assert checked > 500


def test_a_city_page_is_not_indexed_on_the_titles_it_lists(shipped: generate.Site) -> None:
    kb = shipped.context.kb
    settings = check_settings(load_config(str(ROOT / "mkdocs.yml")))
    for city_id in kb.municipalities:
        html = render_html(shipped.pages[f"steden/{city_id}.md"], settings).content
        indexed = _indexed_text(html)
        listed = [
            kb.practices[href.rstrip("/").rsplit("/", 1)[-1]].title
            for href in re.findall(r'href="\.\./\.\./praktijken/([^"]+)"', html)
        ]
        profile = kb.profiles.get(city_id)
        own = " ".join(_strings(profile.model_dump(mode="json"))) if profile else ""
        for title in listed:
            if title not in own:  # a case study may name a practice itself
                assert title not in indexed, f"{city_id}: {title}"
        assert kb.municipalities[city_id].name in indexed
        for former in kb.municipalities[city_id].former:
            assert former.name in indexed, f"{city_id}: {former.name}"
        if profile is not None and profile.case_study:
            first = " ".join(profile.case_study.split()[:8])
            assert first in indexed, city_id
        for boilerplate in ("Situatie in", "Laatst nagekeken", "gezien op", "Van wie kan deze stad leren"):
            assert boilerplate not in indexed, f"{city_id}: {boilerplate}"


def test_a_practice_page_is_indexed_on_its_own_text(shipped: generate.Site) -> None:
    kb = shipped.context.kb
    settings = check_settings(load_config(str(ROOT / "mkdocs.yml")))
    for practice_id, practice in kb.practices.items():
        indexed = _indexed_text(render_html(shipped.pages[f"praktijken/{practice_id}.md"], settings).content)
        assert practice.title in indexed and " ".join(practice.summary.split()) in indexed
        for heading in ("Vergelijkbare praktijken", "Overgenomen door", "Bronnen", "gezien op"):
            assert heading not in indexed, f"{practice_id}: {heading}"


def test_every_generated_page_carries_its_rank_in_the_order_of_issue_21(shipped: generate.Site) -> None:
    rank = {kind: KINDS[kind].search_rank for kind in SECTIONS}
    assert rank["practice"] < rank["city"] < rank["organisation"] == rank["network"] < search_index.OTHER_RANK
    assert (
        min(rank["theme"], rank["instrument"], rank["size_class"], rank["source"]) > search_index.OTHER_RANK
    )
    assert set(rank.values()) | {search_index.OTHER_RANK} <= set(search_index.RANKS)
    by_section = {section: kind for kind, section in SECTIONS.items()}
    for path, page in shipped.pages.items():
        meta = str(page.parts[0])
        found = re.search(r'data-pagefind-filter="(?:praktijk\[data-praktijk\], )?rang:(\d)"', meta)
        assert found, path
        section, _, name = path.partition("/")
        # A record's page has its kind's rank; an overview (a section's index, a province's table,
        # the comparison page) the rank of pages that are no record.
        record_page = section in by_section and name != "index.md"
        expected = rank[by_section[section]] if record_page else search_index.OTHER_RANK
        assert int(found.group(1)) == expected, path
        if section == "praktijken" and name != "index.md":
            assert f'data-praktijk="{name.removesuffix(".md")}"' in meta


def test_search_js_knows_the_ranks_the_pages_carry() -> None:
    script = SEARCH_JS.read_text(encoding="utf-8")
    unranked = re.search(r"var UNRANKED = (\d+);", script)
    assert unranked and int(unranked.group(1)) == search_index.OTHER_RANK


def _plain(text: str) -> str:
    """Lower case, without accents or apostrophes, as search.js compares words."""
    flat = unicodedata.normalize("NFD", text).encode("ascii", "ignore").decode().casefold()
    return re.sub(r"['’]", "", flat)


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def test_every_synonym_pair_names_a_shipped_record_that_uses_its_words() -> None:
    data = json.loads(SYNONYMS.read_text(encoding="utf-8"))
    kb = knowledge.build(ROOT / "practices")
    by_section = {section: kind for kind, section in SECTIONS.items()}
    assert data["uitleg"] and data["paren"]
    for pair in data["paren"]:
        words = pair["woorden"]
        assert len(words) == 2 and words == [_plain(w) for w in words], pair
        assert set(pair["gebruikt"]) <= set(words) and pair["gebruikt"], pair
        assert len(pair["waarom"]) > 40, pair
        section, _, record_id = pair["record"].partition("/")
        kind = by_section[section]
        record = kb.records_of("profile" if kind == "city" else kind).get(record_id)
        assert record is not None, f"{pair['record']}: no such record"
        text = _plain(" ".join(_strings(record.model_dump(mode="json"))))
        for word in pair["gebruikt"]:
            # As search.js reads a query word: the word, or the word with up to two letters more.
            assert re.search(rf"\b{re.escape(word)}\w{{0,2}}\b", text), (
                f"{pair['record']} no longer says {word!r}"
            )
