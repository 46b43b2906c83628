"""Where each record's page lives, and how to link to it from another page.

A record page has a file below the docs folder (`steden/mechelen.md`, generated in memory, never
written into docs/) and, with MkDocs' directory URLs, is served at `/steden/mechelen/`. Record pages
are HTML (`macros.html.structure`), so their links are `href`s relative to the page's own URL, which
MkDocs neither checks nor rewrites: tests/test_site.py and tests/test_linkcheck.py check them.
Markdown links (`markdown_link`, MkDocs checks and rewrites them) remain for the few Markdown pages:
the overview and the hand-written pages' macros.
"""

from __future__ import annotations

import posixpath

from macros.records.kinds import SECTIONS

CONDITIONS_PAGE = "leervoorwaarden/"
"""Learning conditions have no pages of their own: they are sections of this hand-written page."""


def page_file(kind: str, record_id: str) -> str:
    """The page's Markdown file, relative to `docs/`: `steden/mechelen.md`."""
    return f"{SECTIONS[kind]}/{record_id}.md"


def page_url(kind: str, record_id: str) -> str:
    """The page's URL path relative to the site root, with a trailing slash: `steden/mechelen/`."""
    return f"{SECTIONS[kind]}/{record_id}/"


def file_url(file: str) -> str:
    """The URL of a generated page from its file: `steden/x.md` -> `steden/x/`, `steden/index.md` ->
    `steden/` (an id is never `index`: `macros.records.kinds.RESERVED_IDS`)."""
    stem = file[: -len(".md")]
    return stem[: -len("index")] if stem == "index" or stem.endswith("/index") else stem + "/"


def relative(from_url: str, to_url: str) -> str:
    """A relative link between two site-root-relative directory URLs.

    `relative("praktijken/x/", "steden/y/")` is `../../steden/y/`. Computed on path segments rather
    than with `posixpath.relpath`, which asks the OS for the working directory on every call (a fifth
    of the generation time of a large corpus). Links between record pages, hundreds of thousands at
    3,000 practices, take the two short paths first; no cache, since nearly every pair is new.
    """
    from_head, _, from_rest = from_url.partition("/")
    to_head, _, to_rest = to_url.partition("/")
    if from_url.endswith("/") and from_head != to_head:
        # Another section (most links): up to the root and down again.
        return "../" * from_url.count("/") + to_url
    if (
        from_head == to_head
        and from_rest.count("/") == 1
        and to_rest.count("/") == 1
        and to_url.endswith("/")
    ):
        # Another page of the same section, or the page itself.
        return "./" if from_rest == to_rest else f"../{to_rest}"
    start = [part for part in from_url.split("/") if part]
    target = [part for part in to_url.split("/") if part]
    common = 0
    while common < min(len(start), len(target)) and start[common] == target[common]:
        common += 1
    rest = "/".join(target[common:])
    up = "../" * (len(start) - common)
    if not rest:
        return up or "./"
    return up + rest + ("/" if to_url.endswith("/") else "")


def href(from_url: str, kind: str, record_id: str) -> str:
    """Relative URL from the page at `from_url` to a record's or term's page, for raw HTML; a learning
    condition is a section of CONDITIONS_PAGE. The one URL function of the site's own pages."""
    if kind == "condition":
        return relative(from_url, CONDITIONS_PAGE) + f"#{record_id}"
    return relative(from_url, page_url(kind, record_id))


def markdown_link(from_file: str, kind: str, record_id: str) -> str:
    """Relative path from one Markdown file to a record's Markdown file, for Markdown links."""
    from_dir = posixpath.dirname(from_file)
    return relative(from_dir + "/" if from_dir else "", page_file(kind, record_id))
