"""A generated page as a structure: a title, blocks of finished HTML and sections with their headings.

Page renderers build a `Page`; nothing parses it back. The MkDocs adapter
(`macros.adapters.generated_page`) writes its HTML, heading ids and table of contents straight from it.
`to_markdown` writes the same page as Markdown, only for builders that read a folder
(`scripts/build_pages.py --out`) and for the golden files: each HTML block between marker comments
that `macros.adapters.rawhtml` hands to Python-Markdown unparsed, each heading as a Markdown heading.
tests/test_generated_page.py renders both and requires the same HTML, table of contents and anchors:
the contract between the two writers.

A section can be left out of the search index (`Section.indexed`): a list of other records (peers,
comparable practices, backlinks, sources) or boilerplate is not what its page is about, and a page
found by the titles it lists crowds out the pages those titles belong to. Both writers mark such a
section the same way, with Pagefind's `data-pagefind-ignore` (`UNINDEXED`) on its heading and on a
`<div>` around its blocks (`unindexed`), so that neither its words nor its heading reach the index or
the result snippets; a block inside an indexed section can be wrapped with `unindexed` too.

Headings are our own Dutch text or a record's title. In HTML and in Markdown alike they are written by
`md`, which makes every character that Markdown, HTML or a template engine would read as syntax a
character reference, on one line: the HTML writer then needs no escaping of its own, and both writers
give the same heading.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from macros.html import urls
from macros.html.markup import Markup, line, text

OPEN = "<!--kb:html-->"
CLOSE = "<!--/kb:html-->"
"""The comments around each HTML block in the Markdown form (`macros.adapters.rawhtml` reads them)."""

# Characters with a meaning anywhere in a line of Markdown (with the extensions the site enables),
# HTML or Jinja. Parentheses only matter after `]`, and `[` is escaped.
_MARKDOWN_SPECIALS = "\\`*_{}[]#+!|~^<>&"
_MARKDOWN_TABLE = {ord(c): f"&#{ord(c)};" for c in _MARKDOWN_SPECIALS}
_MARKDOWN_TABLE.update({ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;"})
# At the start of a line these begin a list, a heading, a rule or a quote.
_BLOCK_START = re.compile(r"^(\d+)\.|^[-=:]")


def md(value: object) -> str:
    """Inline text for Markdown and headings: one line, every syntax character a character reference."""
    one_line = " ".join(str(value).split()).translate(_MARKDOWN_TABLE)
    return _BLOCK_START.sub(_escape_block_start, one_line)


def _escape_block_start(match: re.Match[str]) -> str:
    return f"{match.group(1)}&#46;" if match.group(1) else f"&#{ord(match.group(0))};"


def yaml_string(value: str) -> str:
    """A front-matter scalar: JSON strings are valid YAML and need no further quoting rules."""
    return json.dumps(value, ensure_ascii=False)


EMPTY = Markup("")

UNINDEXED = 'data-pagefind-ignore="index"'
"""Pagefind's mark for an element whose text is neither indexed nor shown in a snippet (its filters and
metadata, which these blocks have none of, would still count). With a value, so that Python-Markdown's
attr_list writes a heading's attribute exactly as the HTML writer does."""


def unindexed(block: Markup) -> Markup:
    """`block` (finished HTML) in a `<div>` that the search index skips; empty stays empty."""
    inner = str(block).strip("\n")
    return Markup(f"<div {UNINDEXED}>\n{inner}\n</div>") if inner else EMPTY


@dataclass(frozen=True)
class Section:
    """A heading (our own Dutch text) and what follows it up to the next heading of its level or above."""

    title: str
    body: Markup = EMPTY
    """Finished HTML blocks; empty for a section that only holds subsections."""
    level: int = 2
    children: tuple[Section, ...] = ()
    """Subsections, one level down."""
    indexed: bool = True
    """False: the section, its heading and its subsections are left out of the search index and its
    snippets (`UNINDEXED`): lists of other records, navigation and boilerplate."""


@dataclass(frozen=True)
class Heading:
    """One heading of a page, in document order: the page's H1 first."""

    level: int
    html: str
    """The heading's inner HTML (`md` of its text)."""
    attributes: str = ""
    """Extra attributes, already HTML: ` data-pagefind-weight="10"`."""


@dataclass
class Page:
    """One generated page: its file below the docs folder, its front-matter, and its content."""

    file: str
    title: str
    edit_url: str | None = None
    """Where the edit button leads; "" hides it (docs/overrides/partials/actions.html); None: MkDocs'."""
    description: str | None = None
    parts: list[Markup | Section] = field(default_factory=list)
    """HTML blocks and sections, in page order."""
    title_weight: float | None = None
    """Pagefind's weight for the H1 (`Kind.search_weight`); None keeps Pagefind's own."""
    heading: str | None = None
    """The H1 when it differs from the title (the catalogue: "Goede praktijken" under "Praktijken")."""

    @property
    def url(self) -> str:
        """Directory URL relative to the site root: `steden/mechelen/`."""
        return urls.file_url(self.file)

    def add(self, *parts: Markup | Section | str | None) -> None:
        """Append HTML blocks and sections; empty ones are skipped. A plain `str` is escaped: it shows
        as text."""
        for part in parts:
            if isinstance(part, Section):
                self.parts.append(part)
            elif part:
                self.parts.append(text(part))

    def meta(self) -> dict[str, str]:
        """The front-matter: what Material reads of a page besides its content."""
        # Material prints `page.meta.title` unescaped, so the title goes in already escaped.
        found = {"title": str(line(self.title))}
        if self.edit_url is not None:
            found["edit_url"] = self.edit_url
        if self.description:
            found["description"] = str(line(self.description))
        return found

    def title_heading(self) -> Heading:
        weight = f' data-pagefind-weight="{self.title_weight:g}"' if self.title_weight is not None else ""
        return Heading(1, md(self.heading or self.title), weight)

    def blocks(self) -> Iterator[Heading | Markup]:
        """The page's content in order: its H1, then headings and HTML blocks."""
        yield self.title_heading()
        for part in self.parts:
            if isinstance(part, Section):
                yield from _section_blocks(part)
            else:
                yield part


def _section_blocks(section: Section, indexed: bool = True) -> Iterator[Heading | Markup]:
    indexed = indexed and section.indexed
    yield Heading(section.level, md(section.title), "" if indexed else f" {UNINDEXED}")
    if section.body:
        yield section.body if indexed else unindexed(section.body)
    for child in section.children:
        yield from _section_blocks(child, indexed)


def front_matter(page: Page) -> str:
    """The page's front-matter block."""
    return "---\n" + "".join(f"{key}: {yaml_string(value)}\n" for key, value in page.meta().items()) + "---\n"


def to_markdown(page: Page) -> str:
    """The page as a Markdown file with front-matter: each heading a Markdown heading, each block
    wrapped for `macros.adapters.rawhtml`."""
    lines: list[str] = []
    for block in page.blocks():
        if isinstance(block, Heading):
            # attr_list reads `{: ... }` after a heading; `md` escapes braces in the text itself.
            attributes = f" {{:{block.attributes} }}" if block.attributes else ""
            lines.append(f"{'#' * block.level} {block.html}{attributes}")
        else:
            lines.append(wrap(block))
    return front_matter(page) + "\n" + "\n\n".join(lines) + "\n"


def wrap(block: Markup) -> str:
    """A block of finished HTML between the markers `macros.adapters.rawhtml` passes through."""
    inner = str(block).strip("\n")
    return f"{OPEN}\n{inner}\n{CLOSE}" if inner else ""


def markdown_page(page: Page, body: str) -> str:
    """A page another module writes in Markdown (the network overview, the downloads, the field
    reference) under the page's front-matter; a body without its own H1 gets the page's."""
    body = body.strip()
    if not body.startswith("# "):
        body = f"# {md(page.heading or page.title)}\n\n{body}"
    return front_matter(page) + "\n" + body + "\n"
