"""macros.adapters.generated_page: generated pages written straight from their structure, and nothing a
reader sees differs from what MkDocs makes of the same page's Markdown form.

`GeneratedPage` writes a page's HTML, heading ids, table of contents and anchors from its structure
(`macros.html.structure.Page`); `generate.markdown_of` writes the same page as Markdown, for builders
that read a folder and for the golden files. This is the contract between the two: every generated
page of four corpora (the shipped records, the demo corpus, the fixture corpus, and the hostile corpus
whose every free-text field holds Markdown, HTML and template attacks) is rendered both ways with the
site's own mkdocs.yml, and content, table of contents, anchors and title must be identical; so must
pages whose titles hold whitespace and Unicode edge cases. There is no fallback: a `toc` setting the
writer does not reproduce stops the build.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkDocsPage
from records_folder import TODAY
from test_hostile_records import write_corpus as write_hostile_corpus
from test_mkdocs_hooks import hooks

from macros import generate
from macros.adapters.generated_page import GeneratedPage, check_settings
from macros.html.markup import Markup
from macros.html.structure import Page, Section, to_markdown
from macros.pages.context import Context
from macros.records import knowledge

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_RECORDS = ROOT / "tests" / "fixtures" / "records"
FIXTURE_TODAY = dt.date(2025, 1, 15)


@pytest.fixture(scope="module")
def config() -> MkDocsConfig:
    return load_config(str(ROOT / "mkdocs.yml"))


def _toc(items: Any) -> list[Any]:
    return [(item.level, item.id, item.title, _toc(item.children)) for item in items]


def _file(config: MkDocsConfig, path: str, content: str) -> File:
    file = File(path, src_dir=None, dest_dir=config.site_dir, use_directory_urls=True)
    file.content_string = content
    return file


def _from_markdown(config: MkDocsConfig, page: Page) -> MkDocsPage:
    """What MkDocs' own Page.render (Python-Markdown, with the site's extensions) makes of the page's
    Markdown form."""
    markdown = generate.markdown_of([page])[page.file]
    file = _file(config, page.file, markdown)
    rendered = MkDocsPage(None, file, config)
    rendered.read_source(config)
    rendered.render(config, Files([file]))
    return rendered


def _from_structure(config: MkDocsConfig, page: Page) -> GeneratedPage:
    """What the build makes of the page: a GeneratedPage on an empty generated file, as the hook does."""
    file = _file(config, page.file, "")
    rendered = GeneratedPage(page, file, config)
    rendered.read_source(config)
    rendered.render(config, Files([file]))
    return rendered


def assert_same(config: MkDocsConfig, page: Page, where: str) -> None:
    slow, fast = _from_markdown(config, page), _from_structure(config, page)
    assert fast.content == slow.content, where
    assert _toc(fast.toc) == _toc(slow.toc), where
    assert fast.present_anchor_ids == slow.present_anchor_ids, where
    assert fast.title == slow.title, where
    assert fast.meta == slow.meta, where


def _site(corpus: str, demo_records: Path, tmp: Path) -> generate.Site:
    if corpus == "shipped":
        return generate.build_site(ROOT / "practices")
    if corpus == "demo":
        return generate.build_site(demo_records, today=TODAY)
    if corpus == "fixture":
        return generate.build_site(FIXTURE_RECORDS, today=FIXTURE_TODAY)
    hostile = tmp / "hostile"
    write_hostile_corpus(hostile)
    return generate.build_site(hostile, today=TODAY)


@pytest.mark.parametrize(
    ("corpus", "at_least"), [("shipped", 300), ("demo", 150), ("fixture", 30), ("hostile", 30)]
)
def test_every_generated_page_renders_as_python_markdown_renders_its_markdown_form(
    config: MkDocsConfig, demo_records: Path, tmp_path: Path, corpus: str, at_least: int
) -> None:
    site = _site(corpus, demo_records, tmp_path)
    # Every page of the site but the three another module writes in Markdown is a structure:
    # record and term pages, section indexes, the catalogue, the municipalities by province.
    assert set(site.markdown) == {generate.OVERVIEW, generate.DOWNLOADS, generate.FIELD_REFERENCE}
    assert {generate.CATALOGUE, "steden/index.md"} <= set(site.pages)
    for path, page in site.pages.items():
        assert page.file == path
        assert_same(config, page, f"{corpus}: {path}")
    assert len(site.pages) >= at_least


EDGE_TITLES = [
    "  Taal\tcafé \n in de   bib  ",  # runs of spaces, a tab and a newline: one line, single spaces
    "Café – ‘t Stad’s “beste” ÿ ß Ø İ ﬁ",  # accents, typographic quotes and dashes, ligatures
    "Наш город · 我们的城市 · مدينتنا",  # other scripts, right to left included
    "🙂 Emoji en \u00a0harde spatie",
    "***",  # a title that slugifies to nothing
    "#1: <b>vet</b> & {{ sjabloon }} [link](x) `code` _ nadruk _",
    "1. Geen lijst",
    "- Ook geen lijst",
    "Dubbel",
    "Dubbel",  # the same heading twice: the second id gets a number
    "dubbel-1",  # and a heading whose own id is that number
]


def test_titles_with_whitespace_and_unicode_render_the_same_both_ways(config: MkDocsConfig) -> None:
    for title in EDGE_TITLES:
        page = Page("praktijken/rand.md", title, description=f"Over {title}")
        page.title_weight = 10
        page.add(
            Section(title, Markup("<p>Tekst.</p>")),
            Section("Bovenaan", children=tuple(Section(t, Markup("<p>x</p>"), level=3) for t in EDGE_TITLES)),
        )
        assert_same(config, page, repr(title))


def test_the_site_settings_are_what_the_writer_reproduces(config: MkDocsConfig) -> None:
    settings = check_settings(config)
    assert (settings.permalink, settings.permalink_title) == (True, "Link naar deze sectie")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"toc": {"permalink": "#"}}, "permalink (true or false)"),
        ({"toc": {"permalink": True, "toc_depth": 2}}, "permalink (true or false)"),
        ({"toc": {"permalink": True, "permalink_title": 'Link "hier"'}}, "permalink_title (without"),
        ({"toc": {"permalink": True, "slugify": str.lower}}, "permalink (true or false)"),
    ],
)
def test_a_toc_setting_the_writer_does_not_reproduce_stops_the_build(
    change: dict[str, Any], expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    changed = load_config(str(ROOT / "mkdocs.yml"))
    changed["mdx_configs"] = {**changed["mdx_configs"], **change}
    with pytest.raises(PluginError, match=re.escape(expected)):
        check_settings(changed)
    # And so does the build itself, before it hands MkDocs a single generated page.
    monkeypatch.setenv("KB_RECORDS_DIR", str(FIXTURE_RECORDS))
    monkeypatch.setenv("KB_TODAY", FIXTURE_TODAY.isoformat())
    files = Files([])
    with pytest.raises(PluginError, match=re.escape(expected)):
        hooks.on_files(files, changed)
    assert len(files) == 0


def test_without_toc_or_attr_list_the_build_stops(monkeypatch: pytest.MonkeyPatch) -> None:
    changed = load_config(str(ROOT / "mkdocs.yml"))
    changed["markdown_extensions"] = [e for e in changed["markdown_extensions"] if e != "attr_list"]
    with pytest.raises(PluginError, match="toc and attr_list"):
        check_settings(changed)


@pytest.mark.parametrize("corpus", ["shipped", "demo", "fixture", "hostile"])
def test_every_page_and_file_made_on_request_is_the_one_the_build_makes(
    corpus: str, demo_records: Path, tmp_path: Path
) -> None:
    """What `mkdocs serve` makes when a page is asked for after an edit (macros/adapters/live.py) is
    what a build makes, asked for in the reverse order of the build, from a knowledge base of its own."""
    site = _site(corpus, demo_records, tmp_path)
    ctx = site.context
    kb = knowledge.build(ctx.kb.root, ctx.today)
    lazy = generate.LazySite(Context(kb, ctx.today, ctx.repo_url, site_url=ctx.site_url))
    assert lazy.paths_that_vary() <= set(site.pages) | set(site.files)
    for path in reversed(list(site.files)):
        assert lazy.file(path) == site.files[path], path
    for path in reversed(list(site.pages)):
        made = lazy.page(path)
        assert made is not None, path
        assert to_markdown(made) == to_markdown(site.pages[path]), path
    for path, markdown in site.markdown.items():
        assert lazy.markdown(path) == markdown, path
    assert lazy.page("praktijken/geen-praktijk.md") is None
    assert lazy.file("data/geen-bestand.json") is None
