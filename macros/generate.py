"""Every generated page and export of a build, in memory: `build_site` makes them, adapters hand them over.

The records are loaded and validated once; when any problem is an error, `RecordsInvalid` lists them all
and nothing is made. Pages and exports never touch docs/: the MkDocs adapter (`macros.adapters.mkdocs_hooks`)
hands them to MkDocs as generated files, so hand-written pages in any folder are never at risk, one
edit gives one rebuild under `mkdocs serve`, and two builds of different records folders can run side
by side in one checkout. `write_site` writes the same files to a folder, for builders that read one
(`scripts/build_pages.py --out DIR`).
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from macros import search_index
from macros.pages import (
    city,
    exports,
    learning_network,
    organisation,
    partner_network,
    practice,
    register,
    source,
    term,
)
from macros.pages.common import Page
from macros.pages.context import DEFAULT_REPO_URL, Context
from macros.records import knowledge

__all__ = [
    "DEFAULT_REPO_URL",
    "Site",
    "build_site",
    "clash_message",
    "empty_site",
    "render_all",
    "write_site",
]

FIELD_REFERENCE = "bijdragen/velden.md"
"""The contributor field reference, a generated page beside the hand-written contributor pages."""

CATALOGUE = "praktijken/index.md"
OVERVIEW = "overzicht/index.md"
DOWNLOADS = "data/index.md"
"""The downloads page beside the exported files."""


@dataclass
class Site:
    """Everything one build generates."""

    context: Context
    """The validated knowledge base and its indexes, for the macros of hand-written pages."""
    pages: dict[str, str] = field(default_factory=dict)
    """Path below the docs folder -> Markdown."""
    files: dict[str, bytes] = field(default_factory=dict)
    """Path below the docs folder -> bytes of the other files (the JSON and CSV exports)."""
    cpu_s: dict[str, float] = field(default_factory=dict)
    """CPU seconds of each stage: `load` (validation) and `render` (pages and exports, in memory)."""


def clash_message(path: str) -> str:
    """What every adapter says when a hand-written file in docs/ stands where the site generates `path`."""
    return (
        f"docs/{path}: een handgeschreven bestand staat op de plaats van een pagina die de site maakt; "
        "geef het een andere naam"
    )


def build_site(
    records_dir: Path | None = None,
    today: dt.date | None = None,
    repo_url: str = DEFAULT_REPO_URL,
) -> Site:
    """Validate the records and make every generated page and export.

    The cycle collector is paused throughout, as while loading: the pages are strings, and collections
    would only rescan the knowledge base, again and again.
    """
    with knowledge.no_cycle_collection():
        started = time.process_time()
        today = today or knowledge.current_date()
        kb = knowledge.build(knowledge.records_root(records_dir), today)
        loaded = time.process_time()
        ctx = Context(kb, today, repo_url)
        site = Site(ctx, dict(render_all(ctx)))
        site.files = {f"data/{name}": data for name, data in exports.export_files(kb).items()}
        site.cpu_s = {"load": loaded - started, "render": time.process_time() - loaded}
    return site


def empty_site(repo_url: str = DEFAULT_REPO_URL, records_dir: Path | None = None) -> Site:
    """A site without records, for `mkdocs serve` when the first build finds invalid records: the
    hand-written pages still render (with empty macros), and show the problems."""
    kb = knowledge.KnowledgeBase(root=knowledge.records_root(records_dir))
    return Site(Context(kb, knowledge.current_date(), repo_url))


@dataclass
class Report:
    """What `write_site` did, for logs and tests."""

    written: list[str] = field(default_factory=list)
    unchanged: int = 0


def write_site(site: Site, out_dir: Path) -> Report:
    """Write the site's pages and files below `out_dir`; a file whose bytes are the same is left alone."""
    report = Report()
    contents = {path: text.encode("utf-8") for path, text in site.pages.items()} | site.files
    for relative, data in sorted(contents.items()):
        path = out_dir / relative
        if path.is_file() and path.read_bytes() == data:
            report.unchanged += 1
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        report.written.append(relative)
    return report


def render_all(ctx: Context) -> Iterator[tuple[str, str]]:
    """(file below docs/, Markdown text) of every generated page."""
    yield from render_record_pages(ctx)
    yield from _collaborator_pages(ctx)


def render_record_pages(ctx: Context) -> Iterator[tuple[str, str]]:
    """(file below docs/, Markdown text) of the page of every record and vocabulary term."""
    kb = ctx.kb
    renderers: list[tuple[str, Mapping[str, object], Callable[[Context, str], Page]]] = [
        ("practice", kb.practices, practice.render),
        ("city", kb.cities, city.render),
        ("organisation", kb.organisations, organisation.render),
        ("network", kb.networks, learning_network.render),
        ("source", kb.sources, source.render),
        ("theme", kb.themes, term.render_theme),
        ("instrument", kb.instruments, term.render_instrument),
        ("size_class", kb.size_classes, term.render_size_class),
    ]
    # Every page also says to the search index what it is (macros.search_index): the renderers need
    # not know about search.
    for kind, records, render in renderers:
        for record_id in records:
            page = render(ctx, record_id)
            page.title_weight = search_index.TITLE_WEIGHTS.get(kind)
            page.add(search_index.page_meta(kb, kind, record_id))
            yield page.file, page.render()
    for kind in register.TITLES:
        page = register.render(ctx, kind)
        page.add(search_index.page_meta(kb, kind, None))
        yield page.file, page.render()


def _collaborator_pages(ctx: Context) -> Iterator[tuple[str, str]]:
    """Pages whose body another module writes: catalogue, network overview, field reference."""
    from macros.pages import catalogue, fieldref

    tree = f"{ctx.repo_url.rstrip('/')}/tree/{ctx.branch}/practices"
    catalogue_page = Page(
        CATALOGUE, "Praktijken", tree, "Alle goede praktijken, te filteren op stadsgrootte en thema."
    )
    yield CATALOGUE, _with_body(catalogue_page, catalogue.catalogue_markdown(ctx.kb))
    overview_page = Page(OVERVIEW, "Netwerkoverzicht", tree, "Wie werkt met wie samen, over de steden heen.")
    yield OVERVIEW, _with_body(overview_page, partner_network.overview(ctx.kb))
    downloads = Page(DOWNLOADS, "Open data", tree, "Alle records als JSON en CSV, met hun JSON Schema's.")
    yield DOWNLOADS, _with_body(downloads, exports.exports_markdown(ctx.kb))
    # No edit button: the reference is made from the models, which are code, not a page to edit.
    reference_page = Page(FIELD_REFERENCE, "Velden van een record", edit_url="")
    yield FIELD_REFERENCE, _with_body(reference_page, fieldref.field_reference_markdown(ctx.kb))


def _with_body(page: Page, body: str) -> str:
    """A collaborator's body under our front-matter; a body that brings its own H1 keeps it."""
    text = page.render()
    if body.lstrip().startswith("# "):
        text = text[: text.index("\n# ")] + "\n"
    return text + "\n" + body.strip() + "\n"
