"""macros.adapters.generated_page: record pages rendered without Python-Markdown, and nothing a reader
sees changes.

The fast path is a shortcut to MkDocs' own `Page.render`. Every generated page of four corpora (the
shipped records, the demo corpus, the fixture corpus, and the hostile corpus whose every free-text
field holds Markdown, HTML and template attacks) is rendered both ways with the site's own mkdocs.yml,
and content, table of contents, anchors and title must be identical. Every record page must take the
fast path: a page that quietly fell back would cost the build its speed-up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from records_folder import TODAY
from test_hostile_records import _write_corpus as write_hostile_corpus

from macros import generate
from macros.adapters import generated_page
from macros.adapters.generated_page import GeneratedPage

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_RECORDS = ROOT / "tests" / "fixtures" / "records"

COLLABORATOR_PAGES = {generate.CATALOGUE, generate.OVERVIEW, generate.DOWNLOADS, generate.FIELD_REFERENCE}
"""Pages whose body another module writes in ordinary Markdown: they go to Python-Markdown."""


@pytest.fixture(scope="module")
def config() -> MkDocsConfig:
    return load_config(str(ROOT / "mkdocs.yml"))


def _toc(items: Any) -> list[Any]:
    return [(item.level, item.id, item.title, _toc(item.children)) for item in items]


def _rendered(kind: type[Page], config: MkDocsConfig, path: str, text: str) -> Any:
    file = File(path, src_dir=None, dest_dir=config.site_dir, use_directory_urls=True)
    file.content_string = text
    page = kind(None, file, config)
    page.read_source(config)
    page.render(config, Files([file]))
    return page


def _both_ways(config: MkDocsConfig, path: str, text: str) -> tuple[Page, GeneratedPage, bool]:
    """The page rendered by MkDocs (Python-Markdown) and by GeneratedPage, and whether the latter took
    the fast path."""
    fast = _rendered(GeneratedPage, config, path, text)
    return _rendered(Page, config, path, text), fast, fast.fast_path


def _corpora(tmp: Path, demo_records: Path) -> Iterator[tuple[str, generate.Site]]:
    hostile = tmp / "hostile"
    write_hostile_corpus(hostile)
    yield "shipped", generate.build_site(ROOT / "practices")
    yield "demo", generate.build_site(demo_records, today=TODAY)
    yield "fixture", generate.build_site(FIXTURE_RECORDS, today=dt.date(2025, 1, 15))
    yield "hostile", generate.build_site(hostile, today=TODAY)


def test_the_site_takes_the_fast_path(config: MkDocsConfig) -> None:
    assert generated_page.fast_path_settings(config) == (True, "Link naar deze sectie")


def test_every_generated_page_renders_as_python_markdown_renders_it(
    config: MkDocsConfig, demo_records: Path, tmp_path: Path
) -> None:
    checked = 0
    for corpus, site in _corpora(tmp_path, demo_records):
        for path, text in site.pages.items():
            if path in COLLABORATOR_PAGES:
                continue
            slow, fast, took_fast_path = _both_ways(config, path, text)
            where = f"{corpus}: {path}"
            assert took_fast_path, f"{where}: fell back to Python-Markdown"
            assert fast.content == slow.content, where
            assert _toc(fast.toc) == _toc(slow.toc), where
            assert fast.present_anchor_ids == slow.present_anchor_ids, where
            assert fast.title == slow.title, where
            checked += took_fast_path
    assert checked > 500


@pytest.mark.parametrize(
    "body",
    [
        "# Titel\n\n## *nadruk*\n",  # Markdown in a heading
        "# Titel\n\nGewone tekst.\n",  # a paragraph outside a block
        "# Titel\n\n<!--kb:html-->\n<p>a\tb</p>\n<!--/kb:html-->\n",  # a tab, which Markdown expands
        "# Titel\n\n<!--kb:html-->\n<span>inline</span>\n<!--/kb:html-->\n",  # Markdown wraps it in <p>
        "# Titel {: #eigen-id }\n",  # attributes other than the Pagefind weight
    ],
)
def test_text_outside_the_dialect_goes_to_python_markdown(config: MkDocsConfig, body: str) -> None:
    slow, fast, took_fast_path = _both_ways(config, "praktijken/x.md", f"---\ntitle: X\n---\n\n{body}")
    assert not took_fast_path
    assert fast.content == slow.content


def test_other_markdown_extensions_turn_the_fast_path_off(config: MkDocsConfig) -> None:
    # `smarty` would turn the apostrophe of "Thema's" into a curly one: the fast path cannot know that.
    smarty = load_config(str(ROOT / "mkdocs.yml"))
    smarty["markdown_extensions"] = [*config["markdown_extensions"], "smarty"]
    assert generated_page.fast_path_settings(smarty) is None
    anchors = load_config(str(ROOT / "mkdocs.yml"))
    anchors["mdx_configs"] = {**config["mdx_configs"], "toc": {"permalink": "#"}}
    assert generated_page.fast_path_settings(anchors) is None
