"""The site's search index: Pagefind run over a built site, after `mkdocs build`.

Pagefind splits the index into chunks that a browser fetches per query, so a reader downloads a few
hundred kilobytes at most, where Material's lunr index of 3,000 pages is megabytes on every page. It
runs on the HTML that MkDocs wrote, so it is a post-build step (`make build`, the tests' and the
benchmark's builds), not part of `mkdocs build` or `mkdocs serve`.

What the index knows beyond the text comes from the generated pages themselves (`macros.generate`
adds it to every record page, built here): a hidden, empty element with Pagefind metadata, the kind
of page (`soort`: praktijk, gemeente, ...) and for a practice or municipality page its municipality
(`stad`), which the search results show as labels; Pagefind filters, which are not searched: the
page's rank (`rang`, by which search.js orders the results) and on a practice page its id
(`praktijk`, by which the catalogue's text box learns which practices match); and a weight on the
page's title. What is not the page's own text (lists of other records, boilerplate) is marked
`data-pagefind-ignore` by the page structure (`macros.html.structure.Section.indexed`). Pagefind's own
Python API could add metadata at index time without touching the pages, but it indexed the 291
shipped pages in 35 s against 0.5 s for the command line (it hands the service one file at a time).

Synonyms (docs/assets/javascripts/search-synonyms.json) are applied at query time, by search.js, not
here at index time: the index and the snippets keep the words a page really uses (an index-time
synonym is text no reader sees, and a snippet could show it), the list can change without rebuilding
a page, and the catalogue's text box, which asks search.js, gets the same words.

Language: the pages say `<html lang="nl">`, so Pagefind indexes them with its Dutch (Snowball)
stemmer and matches query words as prefixes. Measured on the shipped site (2026-12-06, pages indexed
on their own content): "buddy" finds 36 pages, with "buddy's", "buddys", "buddywerking" and
"buddyproject"; "buddies" finds 6, and 3 of them are not among the 36: the Dutch stemmer keeps the
English plural "buddies" whole, so neither form finds the other (the synonyms join them). Dutch forms
fare better: a stem matches its plural and inflections ("Genks" and "Kortrijkse" are found by "Genk"
and "Kortrijk").
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from macros.html.markup import Markup, fmt
from macros.records.kinds import KINDS

if TYPE_CHECKING:
    from macros.records.knowledge import KnowledgeBase

ROOT_SELECTOR = "article.md-content__inner"
"""Index the page content only: not the header, navigation, table of contents or footer."""

EXCLUDED = ".headerlink, svg"
"""Not text a reader searches for: permalink signs; diagram labels (the table beside a diagram has them)."""

PAGES = "**/index.html"
"""Every page (MkDocs writes directory URLs); leaves out 404.html."""


def command(site: Path) -> list[str]:
    """The Pagefind command line for a built site."""
    return [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(site),
        "--glob",
        PAGES,
        "--root-selector",
        ROOT_SELECTOR,
        "--exclude-selectors",
        EXCLUDED,
        "--silent",
    ]


def index_site(site: Path) -> None:
    """Write the search index into `site`/pagefind/; raise with Pagefind's output when it fails."""
    if not (site / "index.html").is_file():
        raise FileNotFoundError(f"{site}: no built site here (run mkdocs build first)")
    done = subprocess.run(command(site), capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"pagefind failed on {site}:\n{done.stdout}{done.stderr}")


OVERVIEW_LABEL = "overzicht"
"""The label of a section's index page (/steden/, /bronnen/, ...)."""

OTHER_RANK = 5
"""The rank (`Kind.search_rank`) of pages that are no record: the section index pages and the
hand-written pages (which carry no rank; search.js gives them this one, `UNRANKED`). They come after
practices, municipalities, organisations and networks, before vocabulary and sources."""

RANKS = range(10)
"""Every rank a page can have, one digit: search.js learns from the index which of them a query's
results have."""


def page_meta(kb: KnowledgeBase, kind: str, record_id: str | None) -> Markup:
    """The hidden element that tells the search index what a page is. `record_id` None: a section's
    index page.

    - Metadata, shown with each result: the kind of page (`soort`, `Kind.search_label`) and, for a
      practice (its lead municipality) or a municipality, its name (`stad`).
    - Filters, which Pagefind does not search: the page's rank (`rang`, `Kind.search_rank`), by which
      search.js orders the results; and on a practice page its id (`praktijk`), by which the
      catalogue's text box learns which practices the index finds without loading each result.

    The name is record text: it goes into an attribute that Pagefind reads (`stad[data-stad]`),
    escaped, never into the `data-pagefind-meta` list itself, whose commas and colons it would break.
    An inline value (`soort:praktijk`, `rang:0`) runs to the end of its list, so each list has one, last.
    """
    label = OVERVIEW_LABEL if record_id is None else KINDS[kind].search_label
    rank = OTHER_RANK if record_id is None else KINDS[kind].search_rank
    city_id = None
    if record_id is not None and kind == "city":
        city_id = record_id
    elif record_id is not None and kind == "practice":
        city_id = kb.practices[record_id].city
    municipality = kb.municipalities.get(city_id or "")
    meta = fmt('data-pagefind-meta="soort:{}"', label)
    if municipality is not None:
        meta = fmt('data-pagefind-meta="stad[data-stad], soort:{}" data-stad="{}"', label, municipality.name)
    filters = fmt('data-pagefind-filter="rang:{}"', rank)
    if record_id is not None and kind == "practice":
        filters = fmt(
            'data-pagefind-filter="praktijk[data-praktijk], rang:{}" data-praktijk="{}"', rank, record_id
        )
    return fmt("<div hidden {} {}></div>", meta, filters)
