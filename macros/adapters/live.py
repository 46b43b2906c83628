"""`mkdocs serve` after an edit of records: the edited files read again, each page made when it is asked for.

A full build at 3,000 practices takes half a minute, and one record can change any page: a practice's
title shows on its municipality's, themes' and partners' pages, in the catalogue and lists, and among
the comparable practices of others. A page is only known to be unchanged once it is made again. So
under `mkdocs serve`, when only files below the records folder changed:

1. the knowledge base is built again, every file whose bytes did not change taken from the cache
   (`knowledge.RecordCache`), and checked as a whole as in a build;
2. every page and generated file of the served site is marked out of date, and nothing is rendered;
3. MkDocs' livereload reloads the browser, and each page or file it asks for is made then, by the
   code a full build runs (`generate.LazySite` for the structure, MkDocs' own `_populate_page` and
   `_build_page` with the last build's files, nav and theme environment), and written into the served
   folder before MkDocs serves it.

Records with an error are shown as a full build under serve shows them: the last good version of every
page, with the problems in a box on top. A record that comes or goes adds or removes its page and its
comparison file, in the order a full build gives them, and the sitemap is made again; record pages are
not in the nav, which stays as the last full build made it. An edit outside the records folder (a
hand-written page, mkdocs.yml, the code, the theme) gets MkDocs' full build, as before.

tests/test_serve_equals_build.py edits records of both kinds under a running server and compares every
served file with a full build of the final records, under MkDocs and under ProperDocs. `_populate_page`
and `_build_page` are private to MkDocs 1.6.1, which requirements.lock pins; ProperDocs, its fork, sends
every `mkdocs.*` import to its own `properdocs.*` module, so under `properdocs serve` they are its own.
"""

from __future__ import annotations

import contextlib
import logging
import os
import posixpath
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.commands import build as mkdocs_build
from mkdocs.structure.files import File, Files, InclusionLevel

from macros import generate
from macros.adapters.build_state import state_of
from macros.adapters.generated_page import GeneratedPage
from macros.records import knowledge
from macros.records.problems import Problem

log = logging.getLogger("mkdocs.plugins.kennisbank")

Snapshot = dict[str, tuple[int, int]]
"""Path -> (modification time in ns, size) of every watched file."""


@dataclass
class Built:
    """What the last good full build made, to render its pages again."""

    config: Any
    files: Any
    nav: Any = None
    env: Any = None
    generated: set[str] = field(default_factory=set)
    """The generated files' paths below the docs folder."""


class Live:
    """The serve process's state between rebuilds. `lock` is held by every build and every page made
    on request, so a request never reads a half-made site and two requests never render at once."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.records = knowledge.RecordCache()
        self.built: Built | None = None
        self.good = False
        self.site: generate.LazySite | None = None
        self.stale: dict[str, File | str] = {}
        """Dest path below the site -> the file, or the theme's template, whose served copy is out of
        date."""
        self.snapshot: Snapshot = {}
        self.server_watches: Callable[[], Iterable[str]] = tuple
        """The paths MkDocs' server watches (`install` sets it): with `--watch-theme`, the theme's."""

    # --- the full build, seen through the hooks -------------------------------------------------

    def full_build_starts(self, config: Any) -> None:
        self.built = None
        self.good = False
        self.stale.clear()
        self.snapshot = snapshot(self.watched(config))

    def files_made(
        self, config: Any, files: Any, site: generate.Site | None, generated: Iterable[str]
    ) -> None:
        """`site` is None when the records were invalid: then no page is made on request until the
        next good full build."""
        if site is None:
            return
        self.site = generate.LazySite(site.context)
        self.built = Built(config, files, generated=set(generated))

    def nav_made(self, nav: Any) -> None:
        if self.built is not None:
            self.built.nav = nav

    def env_made(self, env: Any) -> None:
        if self.built is not None:
            self.built.env = env

    def full_build_ends(self, ok: bool) -> None:
        self.good = ok and self.built is not None and self.built.env is not None

    # --- the edit ---------------------------------------------------------------------------------

    def records_only(self, root: Path) -> Snapshot | None:
        """The watched files now, if every change since the last build or edit lies below the
        records folder `root` and the last full build was good; else None (a full build is needed)."""
        if not self.good or self.built is None or self.site is None:
            return None
        now = snapshot(self.watched(self.built.config))
        inside = root.resolve()
        if any(not Path(path).resolve().is_relative_to(inside) for path in changed(self.snapshot, now)):
            return None
        return now

    def show(self, site: generate.LazySite | None, problems: list[Problem], now: Snapshot) -> None:
        """Show the records' new site (`site`), or, when they have errors (`problems`), the last good
        one with the problems on every page, as a full build under serve shows them; every page is
        made again when it is asked for. A page that comes or goes with the records (a practice's, a
        term's) is added to or taken from the files, and the sitemap made again."""
        assert self.built is not None and self.site is not None
        # A sitemap that an earlier edit left out of date, and nobody asked for since, stays so.
        stale: dict[str, File | str] = {
            uri: item for uri, item in self.stale.items() if isinstance(item, str)
        }
        if site is not None:
            if site.paths_that_vary() != self.site.paths_that_vary():
                self._add_and_remove(self.built, self.site, site)
                stale |= dict.fromkeys(SITEMAP, SITEMAP[0])  # the sitemap lists every page
            self.site = site
        self.snapshot = now
        state = state_of(self.built.config)
        state.context = self.site.ctx  # for the macros of hand-written pages
        state.problems = problems
        files = self.built.files
        pages = files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        others = [
            file
            for file in files
            if file.src_uri in self.built.generated and not file.is_documentation_page()
        ]
        stale |= {file.dest_uri: file for file in [*pages, *others]}
        self.stale = stale
        log.info(
            "Records opnieuw gelezen zonder volledige build: elke pagina wordt gemaakt wanneer de browser "
            "erom vraagt."
        )

    @staticmethod
    def _add_and_remove(built: Built, old: generate.LazySite, new: generate.LazySite) -> None:
        """Make the files what a full build of `new` makes: in its order, the pages and comparison
        files of records that came added, those of records that went removed (and their output
        deleted)."""
        before, after = old.paths_that_vary(), new.paths_that_vary()
        files = list(built.files)
        by_path = {file.src_uri: file for file in files}
        made_by = next((file.generated_by for file in files if file.src_uri in built.generated), None)
        for path in after - before:
            by_path[path] = _new_file(built.config, path, new, made_by)
        for path in before - after:
            _delete_output(by_path.pop(path))
        # As `on_files` adds them: record pages, then the pages and files of fixed names, then the
        # comparison files (`generate.make_site`).
        written = [file for file in files if file.src_uri not in built.generated]
        fixed = [file for file in files if file.src_uri in built.generated and file.src_uri not in before]
        ordered = [*written, *(by_path[p] for p in new.records), *fixed, *(by_path[p] for p in new.data)]
        built.files = Files(ordered)
        built.generated = (built.generated - before) | after

    def watched(self, config: Any) -> list[Path]:
        """What an edit is looked for in: the docs folder, mkdocs.yml, the `watch:` entries (the
        records folder, the code) and whatever else the server watches. The first edit after the
        server started watching more (the theme, with `--watch-theme`) finds those files new, and
        gets a full build."""
        paths = [Path(config.docs_dir)]
        if config.config_file_path:
            paths.append(Path(config.config_file_path))
        paths += [Path(entry) for entry in config.watch]
        known = {str(path.resolve()) for path in paths}
        return paths + [Path(path) for path in sorted(self.server_watches()) if path not in known]

    # --- a request --------------------------------------------------------------------------------

    def make_fresh(self, dest_uri: str) -> None:
        """Make the file at `dest_uri` again if it is out of date; on an error it stays out of date."""
        with self.lock:
            item = self.stale.get(dest_uri)
            if item is None or self.built is None or self.site is None:
                return
            if isinstance(item, str):  # a template of the theme, which writes every file of `done`
                built = self.built
                mkdocs_build._build_theme_template(item, built.env, built.files, built.config, built.nav)
                done = [uri for uri, other in self.stale.items() if other == item]
            else:
                self._make(item, self.built, self.site)
                done = [dest_uri]
            for uri in done:
                del self.stale[uri]

    @staticmethod
    def _make(file: File, built: Built, site: generate.LazySite) -> None:
        page = file.page
        if page is None:  # an export or a comparison file
            data = site.file(file.src_uri)
            if data is None:
                raise LookupError(f"{file.src_uri} is no generated file")
            file.content_bytes = data
            file.copy_file()
            return
        if isinstance(page, GeneratedPage):
            structure = site.page(file.src_uri)
            if structure is None:
                raise LookupError(f"{file.src_uri} is no generated page")
            page.structure = structure
        elif file.src_uri in built.generated:  # a page written as Markdown
            markdown = site.markdown(file.src_uri)
            if markdown is None:
                raise LookupError(f"{file.src_uri} is no generated Markdown page")
            file.content_string = markdown
        config = built.config
        mkdocs_build._populate_page(page, config, built.files)
        pages = built.files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        excluded = bool(file.inclusion.is_excluded())  # type: ignore[no-untyped-call]
        mkdocs_build._build_page(page, config, pages, built.nav, built.env, excluded=excluded)


SITEMAP = ("sitemap.xml", "sitemap.xml.gz")
"""The files MkDocs writes from the theme's sitemap template, which lists every page."""


def _new_file(config: Any, path: str, site: generate.LazySite, made_by: str | None) -> File:
    """A generated file of a record that came, as `on_files` makes one (`File.generated`, which
    only works inside a plugin event); a page gets its structure."""
    file = File(
        path,
        src_dir=None,
        dest_dir=config.site_dir,
        use_directory_urls=config.use_directory_urls,
        inclusion=InclusionLevel.NOT_IN_NAV,
    )
    file.generated_by = made_by
    structure = site.page(path) if path in site.records else None
    if structure is not None:
        file.content_string = ""  # rendered from its structure, as on_files gives it
        GeneratedPage(structure, file, config)
    else:
        file.content_bytes = b""  # made when it is asked for
    return file


def _delete_output(file: File) -> None:
    """Delete what a build wrote for `file`, and its folder when that is left empty."""
    target = Path(file.abs_dest_path)
    target.unlink(missing_ok=True)
    if target.name == "index.html":
        with contextlib.suppress(OSError):
            target.parent.rmdir()


def snapshot(paths: Iterable[Path]) -> Snapshot:
    """The modification time and size of every file below `paths`, but for Python's bytecode caches:
    a process that imports the code writes them without changing it (a `mkdocs build` beside the
    server, say), and a change of the code shows in its source."""
    found: Snapshot = {}
    for root in paths:
        if root.is_file():
            stat = root.stat()
            found[str(root)] = (stat.st_mtime_ns, stat.st_size)
            continue
        for folder, folders, names in os.walk(root):
            if "__pycache__" in folders:
                folders.remove("__pycache__")
            for name in names:
                path = os.path.join(folder, name)
                try:
                    stat = os.stat(path)
                except OSError:
                    continue  # gone while walking: the next rebuild sees it
                found[path] = (stat.st_mtime_ns, stat.st_size)
    return found


def changed(before: Snapshot, after: Snapshot) -> set[str]:
    """The files added, removed or changed between two snapshots."""
    return {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}


def dest_uri(path_info: str, mount_path: str) -> str | None:
    """The file below the site that MkDocs' server answers a request path with, as it works it out
    (`LiveReloadServer._serve_request`); None for a path it does not serve from the site."""
    path = path_info.encode("latin-1").decode("utf-8", "ignore")
    if path.startswith("/livereload/") or not (path + "/").startswith(mount_path):
        return None
    relative = path[len(mount_path) :]
    if path.endswith("/"):
        relative += "index.html"
    return posixpath.normpath("/" + relative).lstrip("/")


def install(server: Any, builder: Callable[[], None], refresh: Callable[[], bool], live: Live) -> Any:
    """Put the edit of records (`refresh`) before MkDocs' full build (`builder`), and make an
    out-of-date page before MkDocs' server answers a request for it."""

    def rebuild() -> None:
        with live.lock:
            if not refresh():
                builder()

    serve_request = server.serve_request

    def app(environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        wanted = dest_uri(environ.get("PATH_INFO", ""), server.mount_path)
        if wanted is not None:
            try:
                live.make_fresh(wanted)
            except Exception:
                log.exception(f"De pagina {wanted!r} kon niet gemaakt worden")
                start_response("500 Internal Server Error", [("Content-Type", "text/plain; charset=utf-8")])
                return [f"De pagina {wanted} kon niet gemaakt worden; zie de terminal.".encode()]
        result: Iterable[bytes] = serve_request(environ, start_response)
        return result

    server.builder = rebuild
    server.set_app(app)
    live.server_watches = lambda: list(getattr(server, "_watched_paths", ()))
    return server
