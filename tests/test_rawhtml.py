"""macros.adapters.rawhtml: generated HTML blocks pass through Markdown unparsed, and a reader sees no difference.

The extension is only a fast path. Rendered with and without it, every expected page of the fixture
corpus (which holds record text full of Markdown, HTML and template syntax) gives the same HTML, up to
blank lines between blocks and the marker comments themselves.
"""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
from markupsafe import Markup
from mkdocs.config import load_config

from macros.adapters import rawhtml

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = ROOT / "tests" / "fixtures" / "expected"


Extensions = tuple[list[str], dict[str, dict[str, object]]]


@pytest.fixture(scope="module")
def site_markdown() -> Extensions:
    """The site's Markdown extensions and their settings, from mkdocs.yml."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    return list(config.markdown_extensions), dict(config.mdx_configs)


def _convert(text: str, extensions: list[str], configs: dict[str, dict[str, object]]) -> str:
    return markdown.Markdown(extensions=extensions, extension_configs=configs).convert(text)


def _normalised(html: str) -> str:
    without_markers = html.replace(rawhtml.OPEN, "").replace(rawhtml.CLOSE, "")
    return re.sub(r"\n\s*\n", "\n", without_markers).strip()


def test_the_site_enables_the_extension(site_markdown: Extensions) -> None:
    assert "macros.adapters.rawhtml" in site_markdown[0]


def test_pages_render_the_same_with_and_without_the_extension(
    site_markdown: Extensions,
) -> None:
    extensions, configs = site_markdown
    plain = [name for name in extensions if name != "macros.adapters.rawhtml"]
    pages = sorted(EXPECTED.rglob("*.md"))
    assert len(pages) > 20
    for page in pages:
        body = page.read_text(encoding="utf-8").split("---\n", 2)[2]
        assert rawhtml.OPEN in body, f"{page.name}: no marked block"
        fast = _convert(body, extensions, configs)
        assert rawhtml.OPEN not in fast and rawhtml.CLOSE not in fast, f"{page.name}: a marker is left"
        assert _normalised(fast) == _normalised(_convert(body, plain, configs)), page.name


def test_a_marked_block_is_passed_through_as_written() -> None:
    # Markdown would turn `*x*` inside a raw HTML block into nothing, but would rewrite a bare `&`;
    # a marked block keeps every character.
    block = Markup('<div class="x">\n<p>*geen nadruk* &amp; [geen](link) {{ 7*7 }}</p>\n</div>')
    text = f"# Titel\n\n{rawhtml.wrap(block)}\n\nGewone *tekst*."
    html = markdown.markdown(text, extensions=["macros.adapters.rawhtml"])
    assert block in html
    assert "<p>Gewone <em>tekst</em>.</p>" in html


def test_record_text_cannot_close_a_block(site_markdown: Extensions) -> None:
    # Record text reaches a block escaped, so a marker in it is text, not a marker.
    page = (EXPECTED / "praktijken" / "onveilig-lindeburg.md").read_text(encoding="utf-8")
    assert "&lt;!--/kb:html--&gt;" in page
    html = _convert(page.split("---\n", 2)[2], *site_markdown)
    assert "&lt;!--/kb:html--&gt;" in html


def test_empty_blocks_are_dropped() -> None:
    assert rawhtml.wrap("") == "" and rawhtml.wrap("\n\n") == ""
