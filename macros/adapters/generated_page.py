"""Record pages rendered to HTML without Python-Markdown: the same page, a third of the build less.

A generated record page is a narrow dialect of Markdown (`macros.pages.common.Page.render`): an H1 with
an optional `{: data-pagefind-weight="N" }`, `##` and `###` headings of escaped text, and blocks of
finished HTML that `macros.adapters.rawhtml` marks. MkDocs still ran each of them through a fresh
Python-Markdown with every extension, to produce what the page text already says: about a third of a
1,000-practice `mkdocs build` (README, "Performance").

`GeneratedPage.render` writes that HTML, table of contents and anchor list itself, exactly as
Python-Markdown and its `toc` extension would: heading ids come from the `toc` extension's own `slugify`
and `unique`, blocks are passed through as the `rawhtml` stash passes them. Whatever falls outside the
dialect (a heading with Markdown in it, a tab, a line that is neither heading nor block, a `toc` setting
other than `permalink` and `permalink_title`) goes to MkDocs' own `Page.render`, so the fast path can
only ever be a shortcut to the same result. `tests/test_generated_page.py` renders every record page of
four corpora (shipped, demo, fixture and hostile records) both ways and compares content, table of
contents, anchors and title.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any

from markdown.extensions.toc import nest_toc_tokens, slugify, strip_tags, unique
from markdown.util import BLOCK_LEVEL_ELEMENTS
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from macros.adapters import rawhtml

_BLOCK = re.compile(rf"{re.escape(rawhtml.OPEN)}\n(.*?)\n{re.escape(rawhtml.CLOSE)}(?:\n|$)", re.DOTALL)
# Heading text as `macros.pages.common.md` writes it: every Markdown, HTML and template character is a
# character reference, so Python-Markdown passes the text through unchanged. Nothing else is accepted.
_TEXT = r"(?:[^\\`*_{}\[\]#+!|~^<>&\n\t]|&(?:amp|lt|gt|#[0-9]+);)+"
_HEADING = re.compile(rf'(#{{1,6}}) ({_TEXT})(?: \{{: data-pagefind-weight="([0-9][0-9.]*)" \}})?\n')
_BLANK = re.compile(r"\n+")
# Python-Markdown's RawHtmlPostprocessor puts a block in a paragraph unless it starts with a block tag.
_FIRST_TAG = re.compile(r"</?([^ >]+)")

EXTENSIONS = {"macros.adapters.rawhtml", "attr_list", "toc", "admonition", "tables", "fenced_code"}
"""The Markdown extensions the fast path is known to agree with (the last three never see the dialect:
its `!`, `|` and backticks are character references). Any other extension, `smarty` say, could change a
heading, so it sends every page to Python-Markdown."""

TOC_SETTINGS = {"permalink", "permalink_title"}
"""The `toc` settings the fast path reproduces; any other setting sends every page to Python-Markdown."""


@dataclass
class Rendered:
    content: str
    toc_tokens: list[Any]
    """As the `toc` extension's `toc_tokens`: nested dicts of level, id, name, html, children."""
    anchors: set[str]


def render_html(markdown_text: str, permalink: bool, permalink_title: str) -> Rendered | None:
    """The HTML Python-Markdown (with `rawhtml`, `attr_list` and `toc`) makes of a generated page's
    Markdown body, or None when the text is not in the generated pages' dialect."""
    text = markdown_text.strip("\n") + "\n"
    if "\t" in text or "\r" in text or "\x02" in text or "\x03" in text or re.search(r"\n +\n", text):
        return None  # Python-Markdown's whitespace normalisation would change the text
    link_title = f' title="{permalink_title}"' if permalink_title else ""
    parts: list[str] = []
    flat: list[Any] = []
    used: set[str] = set()
    counters: dict[str, int] = {}
    position = 0
    while position < len(text):
        if blank := _BLANK.match(text, position):
            position = blank.end()
        elif heading := _HEADING.match(text, position):
            hashes, inner, weight = heading.groups()
            name = strip_tags(inner)
            anchor = unique(slugify(html.unescape(name), "-"), used, counters)
            attributes = f' data-pagefind-weight="{weight}"' if weight else ""
            link = f'<a class="headerlink" href="#{anchor}"{link_title}>&para;</a>' if permalink else ""
            level = len(hashes)
            parts.append(f'<h{level}{attributes} id="{anchor}">{inner}{link}</h{level}>')
            flat.append({"level": level, "id": anchor, "name": name, "html": inner, "data-toc-label": ""})
            position = heading.end()
        elif block := _BLOCK.match(text, position):
            content = block.group(1)
            first = _FIRST_TAG.match(content)
            if not first or first.group(1).lower().rstrip("/") not in BLOCK_LEVEL_ELEMENTS:
                return None  # Python-Markdown would wrap it in a paragraph
            if rawhtml.OPEN in content:
                return None
            parts.append(content)
            position = block.end()
        else:
            return None
    return Rendered("\n".join(parts), nest_toc_tokens(flat), used)


def fast_path_settings(config: Any) -> tuple[bool, str] | None:
    """(permalink, permalink_title) when the site's Markdown settings are ones the fast path agrees
    with, else None."""
    extensions = set(config["markdown_extensions"])
    toc = config["mdx_configs"].get("toc", {})
    if not {"macros.adapters.rawhtml", "attr_list", "toc"} <= extensions <= EXTENSIONS:
        return None
    permalink, title = toc.get("permalink", False), toc.get("permalink_title", "Permanent link")
    if not set(toc) <= TOC_SETTINGS or not isinstance(permalink, bool) or any(c in title for c in '&<>"'):
        return None  # a permalink symbol of one's own, or a title Markdown would escape
    return permalink, title


class GeneratedPage(Page):
    """A page whose Markdown comes from `macros.generate`: rendered by `render_html` when it can be."""

    fast_path = False
    """Whether the last `render` took the fast path (the tests check that every record page does)."""

    def render(self, config: Any, files: Any) -> None:
        settings = fast_path_settings(config)
        fast = None
        if self.markdown is not None and settings is not None:
            fast = render_html(self.markdown, *settings)
        self.fast_path = fast is not None
        if fast is None:
            super().render(config, files)
            return
        self.content = fast.content
        self.toc = get_toc(fast.toc_tokens)
        self.present_anchor_ids = fast.anchors
        self.links_to_anchors = None
