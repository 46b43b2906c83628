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
import importlib
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from macros import budget, search_index
from macros.html import urls
from macros.html.structure import Page, markdown_page, to_markdown
from macros.pages import catalogue, compare, exports, fieldref, lists, municipalities, question, register
from macros.pages.context import DEFAULT_REPO_URL, Context
from macros.partner_network.view import overview_markdown
from macros.records import knowledge
from macros.records.kinds import INDEX_KINDS, KINDS, PAGE_KINDS

__all__ = [
    "DEFAULT_REPO_URL",
    "LazySite",
    "Site",
    "build_site",
    "clash_message",
    "empty_site",
    "make_site",
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
    pages: dict[str, Page] = field(default_factory=dict)
    """Path below the docs folder -> a generated page, as a structure (`macros.html.structure`)."""
    markdown: dict[str, str] = field(default_factory=dict)
    """Path below the docs folder -> Markdown of the few pages written as Markdown (the network
    overview, the downloads, the field reference)."""
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
    site_url: str = "",
    cache: knowledge.RecordCache | None = None,
) -> Site:
    """Validate the records and make every generated page and export (`cache`: see `RecordCache`).

    The cycle collector is paused throughout, as while loading: the pages are strings, and collections
    would only rescan the knowledge base, again and again.
    """
    with knowledge.no_cycle_collection():
        started = time.process_time()
        today = today or knowledge.current_date()
        kb = knowledge.build(knowledge.records_root(records_dir), today, cache=cache)
        loaded = time.process_time()
        site = make_site(Context(kb, today, repo_url, site_url=site_url))
        site.cpu_s = {"load": loaded - started, "render": time.process_time() - loaded}
    return site


def make_site(ctx: Context) -> Site:
    """Every generated page and export of a validated knowledge base; a page, an export or the site
    out of proportion to the records stops it (`budget.check`)."""
    with knowledge.no_cycle_collection():
        site = Site(ctx, {page.file: page for page in render_all(ctx)}, dict(markdown_pages(ctx)))
        site.files = export_files(ctx) | compare.data_files(ctx)
        budget.check(site)
    return site


def export_files(ctx: Context) -> dict[str, bytes]:
    """The open-data files, by path below the docs folder."""
    return {f"data/{name}": data for name, data in ctx.exports.items()}


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
    contents = {path: text.encode("utf-8") for path, text in markdown_of(site.pages.values()).items()}
    contents |= {path: text.encode("utf-8") for path, text in site.markdown.items()} | site.files
    for relative, data in sorted(contents.items()):
        path = out_dir / relative
        if path.is_file() and path.read_bytes() == data:
            report.unchanged += 1
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        report.written.append(relative)
    return report


def markdown_of(pages: Iterable[Page]) -> dict[str, str]:
    """File -> the Markdown form of each page (`macros.html.structure.to_markdown`): what a builder that
    reads a folder gets, and what the golden files hold."""
    return {page.file: to_markdown(page) for page in pages}


def render_all(ctx: Context) -> Iterator[Page]:
    """Every generated page made as a structure: a page per record and term, the section indexes, the
    catalogue, the municipalities' index and the leervragen's index."""
    yield from render_record_pages(ctx)
    yield from render_index_pages(ctx)


def render_index_pages(ctx: Context) -> Iterator[Page]:
    """The pages that list records: the section indexes, the catalogue and its lists, the comparison
    page, the municipalities' and the leervragen's index."""
    for kind in INDEX_KINDS:
        yield _labelled(ctx, register.render(ctx, kind), kind, None)
    yield _labelled(ctx, municipalities.render(ctx), "city", None)
    yield _labelled(ctx, catalogue.render(ctx), "practice", None)
    for page in lists.render_all(ctx):
        yield _labelled(ctx, page, "practice", None)
    yield _labelled(ctx, compare.render(ctx), "practice", None)
    yield _labelled(ctx, question.render_index(ctx), "question", None)


def renderer(kind: str) -> Callable[[Context, str], Page]:
    """The page renderer the registry names for `kind` (`"practice:render"`)."""
    module, _, function = (KINDS[kind].renderer or "").partition(":")
    found: Callable[[Context, str], Page] = getattr(
        importlib.import_module(f"macros.pages.{module}"), function
    )
    return found


def render_record_pages(ctx: Context) -> Iterator[Page]:
    """The page of every record and vocabulary term, kind by kind in the registry's order."""
    for kind, record_id in record_pages(ctx).values():
        yield render_record_page(ctx, kind, record_id)


def record_pages(ctx: Context) -> dict[str, tuple[str, str]]:
    """File below the docs folder -> (kind, id) of every record and term page, kind by kind in the
    registry's order, without making them."""
    return {
        urls.page_file(kind, record_id): (kind, record_id)
        for kind in PAGE_KINDS
        for record_id in ctx.kb.records_of(kind)
    }


def render_record_page(ctx: Context, kind: str, record_id: str) -> Page:
    """The page of one record or term."""
    page = _labelled(ctx, renderer(kind)(ctx, record_id), kind, record_id)
    if page.file != urls.page_file(kind, record_id):  # LazySite finds pages by this name
        raise ValueError(
            f"the {kind} page of {record_id} is {page.file}, not {urls.page_file(kind, record_id)}"
        )
    return page


class LazySite:
    """The generated pages and files of one knowledge base, each made when it is first asked for, by
    the functions that make them for `make_site`: what `mkdocs serve` shows after an edit of the
    records without making the whole site again (`macros.adapters.live`). The pages that list records,
    the Markdown pages and the exports are made together, the first time one of them is asked for."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.records = record_pages(ctx)
        self.data = compare.data_makers(ctx)
        self._indexes: dict[str, Page] | None = None
        self._markdown: dict[str, str] | None = None
        self._exports: dict[str, bytes] | None = None

    def paths_that_vary(self) -> set[str]:
        """The files whose names follow from the records: one page and one comparison file per
        record. Every other generated file has a fixed name."""
        return set(self.records) | set(self.data)

    def page(self, path: str) -> Page | None:
        """The page made from a structure at `path`, or None."""
        found = self.records.get(path)
        if found is not None:
            return render_record_page(self.ctx, *found)
        if self._indexes is None:
            self._indexes = {page.file: page for page in render_index_pages(self.ctx)}
        return self._indexes.get(path)

    def markdown(self, path: str) -> str | None:
        """The page written as Markdown at `path`, or None."""
        if self._markdown is None:
            self._markdown = dict(markdown_pages(self.ctx))
        return self._markdown.get(path)

    def file(self, path: str) -> bytes | None:
        """The export or comparison file at `path`, or None."""
        make = self.data.get(path)
        if make is not None:
            return make()
        if self._exports is None:
            self._exports = export_files(self.ctx)
        return self._exports.get(path)


def _labelled(ctx: Context, page: Page, kind: str, record_id: str | None) -> Page:
    """The page with what the search index reads of it (`macros.search_index`): the renderers need
    not know about search."""
    if record_id is not None:
        page.title_weight = KINDS[kind].search_weight
    page.parts.insert(0, search_index.page_meta(ctx.kb, kind, record_id))
    return page


def markdown_pages(ctx: Context) -> Iterator[tuple[str, str]]:
    """(file below docs/, Markdown) of the pages other modules write in Markdown: the network overview
    (MkDocs checks its links), the downloads and the field reference (tables)."""
    tree = f"{ctx.repo_url.rstrip('/')}/tree/{ctx.branch}/practices"
    overview = Page(OVERVIEW, "Netwerkoverzicht", tree, "Wie werkt met wie samen, over de steden heen.")
    yield OVERVIEW, markdown_page(overview, overview_markdown(ctx.kb))
    downloads = Page(DOWNLOADS, "Open data", tree, "Alle records als JSON en CSV, met hun JSON Schema's.")
    yield DOWNLOADS, markdown_page(downloads, exports.exports_markdown(ctx.kb, ctx.exports))
    # No edit button: the reference is made from the models, which are code, not a page to edit.
    reference = Page(FIELD_REFERENCE, "Velden van een record", edit_url="")
    yield FIELD_REFERENCE, markdown_page(reference, fieldref.field_reference_markdown(ctx.kb))
