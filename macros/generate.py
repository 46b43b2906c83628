"""Write every generated page into a docs folder: only pages whose text changed, and remove stale ones.

Called by `define_env` (before MkDocs collects the files) and by `scripts/build_pages.py`. The records
are loaded and validated once; when any problem is an error, `RecordsInvalid` lists them all and nothing
is written. All pages are rendered in memory before the first write, so a failing renderer leaves the
docs folder as it was.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from macros import knowledge, urls
from macros.pages import city, network, network_embed, organisation, practice, register, source, term
from macros.pages.common import Page
from macros.pages.context import DEFAULT_REPO_URL, Context

__all__ = ["DEFAULT_REPO_URL", "clean", "generate", "render_all", "write_pages"]

GENERATED_DIRS = (*urls.SECTIONS.values(), "overzicht")
"""Folders below docs/ that hold only generated pages (git ignores them)."""

FIELD_REFERENCE = "bijdragen/velden.md"
"""The one generated page in a hand-written folder: the contributor field reference."""

CATALOGUE = "praktijken/index.md"
OVERVIEW = "overzicht/index.md"
DOWNLOADS = "data/index.md"
"""The downloads page beside the exported files (macros.exports writes both)."""


@dataclass
class Report:
    """What a run did, for logs and tests."""

    context: Context
    """The validated knowledge base and its indexes, for the macros of hand-written pages."""
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)
    cpu_s: dict[str, float] = field(default_factory=dict)
    """CPU seconds of each stage: `load` (validation), `render` (in memory), `write` (pages and exports)."""


def generate(
    docs_dir: Path,
    records_dir: Path | None = None,
    today: dt.date | None = None,
    repo_url: str = DEFAULT_REPO_URL,
) -> Report:
    """Validate the records and bring the generated pages of `docs_dir` up to date.

    The cycle collector is paused throughout, as while loading: the pages are strings, and collections
    would only rescan the knowledge base, again and again.
    """
    with knowledge.no_cycle_collection():
        started = time.process_time()
        kb = knowledge.build(knowledge.records_root(records_dir))
        loaded = time.process_time()
        ctx = Context(kb, today or dt.date.today(), repo_url)
        pages = dict(render_all(ctx))
        rendered = time.process_time()
        report = write_pages(docs_dir, pages, ctx)
        _write_exports(ctx, docs_dir / "data")
        report.cpu_s = {
            "load": loaded - started,
            "render": rendered - loaded,
            "write": time.process_time() - rendered,
        }
    return report


def render_all(ctx: Context) -> Iterator[tuple[str, str]]:
    """(file below docs/, Markdown text) of every generated page."""
    yield from render_record_pages(ctx)
    yield from _collaborator_pages(ctx)


def render_record_pages(ctx: Context) -> Iterator[tuple[str, str]]:
    """(file below docs/, Markdown text) of the page of every record and vocabulary term."""
    kb = ctx.kb
    renderers: list[tuple[Mapping[str, object], Callable[[Context, str], Page]]] = [
        (kb.practices, practice.render),
        (kb.cities, city.render),
        (kb.organisations, organisation.render),
        (kb.networks, network.render),
        (kb.sources, source.render),
        (kb.themes, term.render_theme),
        (kb.instruments, term.render_instrument),
        (kb.size_classes, term.render_size_class),
    ]
    for records, render in renderers:
        for record_id in records:
            page = render(ctx, record_id)
            yield page.file, page.render()
    for kind in register.TITLES:
        page = register.render(ctx, kind)
        yield page.file, page.render()


def _collaborator_pages(ctx: Context) -> Iterator[tuple[str, str]]:
    """Pages whose body another module writes: catalogue, network overview, field reference."""
    from macros import catalogue, exports, fieldref

    tree = f"{ctx.repo_url.rstrip('/')}/tree/{ctx.branch}/practices"
    catalogue_page = Page(
        CATALOGUE, "Praktijken", tree, "Alle goede praktijken, te filteren op stadsgrootte en thema."
    )
    yield CATALOGUE, _with_body(catalogue_page, catalogue.catalogue_markdown(ctx.kb))
    overview_page = Page(OVERVIEW, "Netwerkoverzicht", tree, "Wie werkt met wie samen, over de steden heen.")
    yield OVERVIEW, _with_body(overview_page, network_embed.overview(ctx.kb))
    downloads = Page(DOWNLOADS, "Open data", tree, "Alle records als JSON en CSV, met hun JSON Schema's.")
    yield DOWNLOADS, _with_body(downloads, exports.exports_markdown(ctx.kb))
    records_py = f"{ctx.repo_url.rstrip('/')}/edit/{ctx.branch}/macros/records.py"
    reference_page = Page(FIELD_REFERENCE, "Velden van een record", records_py)
    yield FIELD_REFERENCE, _with_body(reference_page, fieldref.field_reference_markdown(ctx.kb))


def _with_body(page: Page, body: str) -> str:
    """A collaborator's body under our front-matter; a body that brings its own H1 keeps it."""
    text = page.render()
    if body.lstrip().startswith("# "):
        text = text[: text.index("\n# ")] + "\n"
    return text + "\n" + body.strip() + "\n"


def _write_exports(ctx: Context, out_dir: Path) -> None:
    from macros import exports

    exports.write_exports(ctx.kb, out_dir)


def write_pages(docs_dir: Path, pages: dict[str, str], ctx: Context) -> Report:
    """Write changed pages, leave identical ones untouched (no rebuild loop in `mkdocs serve`), prune."""
    report = Report(ctx)
    for relative, text in sorted(pages.items()):
        path = docs_dir / relative
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            report.unchanged += 1
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        report.written.append(relative)
    for stale in stale_files(docs_dir, set(pages)):
        stale.unlink()
        report.removed.append(stale.relative_to(docs_dir).as_posix())
    return report


def stale_files(docs_dir: Path, keep: set[str]) -> list[Path]:
    """Markdown files in generated folders that no current page claims."""
    found = []
    for folder in GENERATED_DIRS:
        for path in sorted((docs_dir / folder).glob("*.md")):
            if path.relative_to(docs_dir).as_posix() not in keep:
                found.append(path)
    return found


def clean(docs_dir: Path) -> list[str]:
    """Remove every generated page (and the then empty generated folders)."""
    removed = [p.relative_to(docs_dir).as_posix() for p in stale_files(docs_dir, set())]
    for relative in removed:
        (docs_dir / relative).unlink()
    for single in (FIELD_REFERENCE, DOWNLOADS):
        if (docs_dir / single).is_file():
            (docs_dir / single).unlink()
            removed.append(single)
    for folder in GENERATED_DIRS:
        directory = docs_dir / folder
        if directory.is_dir() and not any(directory.iterdir()):
            directory.rmdir()
    return removed
