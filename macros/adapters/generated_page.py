"""Generated pages rendered by MkDocs straight from their structure, without Markdown.

A generated page is a `macros.html.structure.Page`: a title, HTML blocks and sections. `GeneratedPage`
writes its HTML, heading ids, table of contents and anchors from that structure, as Python-Markdown and
its `toc` extension would write them from the page's Markdown form (`to_markdown`): heading ids come
from the `toc` extension's own `slugify` and `unique`, permalinks as `toc` writes them. No Markdown is
written or parsed on this path, and there is no fallback: a `toc` setting the writer does not
reproduce stops the build with a message (`check_settings`).

tests/test_generated_page.py is the contract between the two forms: it renders every generated page of
four corpora (shipped, demo, fixture and hostile records) both ways, this writer and MkDocs' own
`Page.render` of the Markdown form, and requires the same content, table of contents, anchors and
title.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from markdown.extensions.toc import nest_toc_tokens, slugify, strip_tags, unique
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.structure.toc import get_toc

from macros.html.structure import Heading, Page

TOC_SETTINGS = {"permalink", "permalink_title"}
"""The `toc` settings the writer reproduces."""


@dataclass(frozen=True)
class Settings:
    """What of the site's Markdown configuration shows in a generated page."""

    permalink: bool
    permalink_title: str


def check_settings(config: Any) -> Settings:
    """The site's `toc` settings, or a PluginError naming what the writer does not reproduce."""
    extensions = set(config["markdown_extensions"])
    toc = config["mdx_configs"].get("toc", {})
    permalink, title = toc.get("permalink", False), toc.get("permalink_title", "Permanent link")
    if "toc" not in extensions or "attr_list" not in extensions:
        raise PluginError("mkdocs.yml: generated pages need the Markdown extensions toc and attr_list")
    if not set(toc) <= TOC_SETTINGS or not isinstance(permalink, bool) or any(c in title for c in '&<>"'):
        raise PluginError(
            "mkdocs.yml: generated pages reproduce only the toc settings permalink (true or false) and "
            'permalink_title (without & < > "); change macros/adapters/generated_page.py to add another'
        )
    return Settings(permalink, title)


@dataclass
class Rendered:
    content: str
    toc_tokens: list[Any]
    """As the `toc` extension's `toc_tokens`: nested dicts of level, id, name, html, children."""
    anchors: set[str]


def render_html(page: Page, settings: Settings) -> Rendered:
    """The page's HTML, table of contents and anchors, from its structure."""
    link_title = f' title="{settings.permalink_title}"' if settings.permalink_title else ""
    parts: list[str] = []
    flat: list[Any] = []
    used: set[str] = set()
    counters: dict[str, int] = {}
    for block in page.blocks():
        if not isinstance(block, Heading):
            parts.append(str(block).strip("\n"))
            continue
        name = strip_tags(block.html)
        anchor = unique(slugify(html.unescape(name), "-"), used, counters)
        permalink = (
            f'<a class="headerlink" href="#{anchor}"{link_title}>&para;</a>' if settings.permalink else ""
        )
        level = block.level
        parts.append(f'<h{level}{block.attributes} id="{anchor}">{block.html}{permalink}</h{level}>')
        flat.append({"level": level, "id": anchor, "name": name, "html": block.html, "data-toc-label": ""})
    return Rendered("\n".join(part for part in parts if part), nest_toc_tokens(flat), used)


class GeneratedPage(MkDocsPage):
    """A MkDocs page made from a `macros.html.structure.Page`."""

    def __init__(self, structure: Page, file: Any, config: Any) -> None:
        super().__init__(None, file, config)
        self.structure = structure

    def read_source(self, config: Any) -> None:
        # Nothing to read: the front-matter MkDocs would parse is the structure's own.
        self.markdown = ""
        self.meta = self.structure.meta()

    def render(self, config: Any, files: Any) -> None:
        rendered = render_html(self.structure, check_settings(config))
        self.content = rendered.content
        self.toc = get_toc(rendered.toc_tokens)
        self.present_anchor_ids = rendered.anchors
        self.links_to_anchors = None
