"""A Python-Markdown extension that passes the generated pages' HTML blocks through unparsed.

Generated pages are raw HTML under Markdown headings. Python-Markdown (and MkDocs, looking for anchor
ids) read every raw HTML block with Python's `html.parser`, tag by tag: at 3,000 practices that was
over a third of the whole build. The page writer wraps each block it made itself in marker comments
(`wrap`); this preprocessor runs before both parsers and hands each marked block to Markdown's HTML
stash whole, so the block reaches the page as written. Record text inside a block is already escaped
(`<` is `&lt;`), so no contributor text can open or close a marker.

Without this extension the markers are plain HTML comments and the blocks ordinary raw HTML: the page
comes out the same, only slower. Enabled in mkdocs.yml as `macros.adapters.rawhtml`.
"""

from __future__ import annotations

import re
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from macros.html.markup import Markup, text

OPEN = "<!--kb:html-->"
CLOSE = "<!--/kb:html-->"
_BLOCK = re.compile(rf"^{re.escape(OPEN)}\n(.*?)\n{re.escape(CLOSE)}$", re.DOTALL | re.MULTILINE)

PRIORITY = 25
"""After `normalize_whitespace` (30), before MkDocs' anchor scan (21) and Markdown's `html_block` (20)."""


def wrap(block: Markup) -> Markup:
    """A block of finished HTML, marked so that the extension passes it through; "" stays ""."""
    block = text(block).strip("\n")
    return Markup(f"{OPEN}\n{block}\n{CLOSE}") if block else Markup("")


class RawHtmlPreprocessor(Preprocessor):
    """Replaces each marked block by a placeholder that Markdown swaps back after rendering."""

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if OPEN not in text:
            return lines
        stash = self.md.htmlStash

        def stashed(match: re.Match[str]) -> str:
            # A placeholder alone in its paragraph: the postprocessor replaces `<p>placeholder</p>`.
            return f"\n{stash.store(match.group(1))}\n"

        return _BLOCK.sub(stashed, text).split("\n")


class RawHtmlExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(RawHtmlPreprocessor(md), "kb_raw_html", PRIORITY)


def makeExtension(**kwargs: Any) -> RawHtmlExtension:
    return RawHtmlExtension(**kwargs)
