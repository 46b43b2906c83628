"""MkDocs hooks (`hooks:` in mkdocs.yml): the generated pages in memory, and the theme's templates kept.

`on_files` validates the records and hands every generated page and export to MkDocs as a generated
file (`File.generated`): nothing is written into docs/, so a hand-written page in any folder is never
at risk and one edit under `mkdocs serve` gives one rebuild. Under `mkdocs serve`, `on_serve` puts
`macros.adapters.live` before MkDocs' full build: an edit of records is then read from a record cache
and each page made when the browser asks for it; the other hooks tell it what each full build made.

Invalid records stop `mkdocs build` with every problem listed in Dutch, one per line, without a
traceback. Under `mkdocs serve` they do not stop the server: the terminal lists the problems, every page
shows them in a box at the top, the record pages stay as they were at the last good build, and the next
save that fixes the records brings the site back. When the server starts with invalid records there is
no good build to show: every page the site makes at a fixed place (the nav's, each section's index)
then holds just the problems, and links from hand-written pages to record pages that are not there
yet are no reason to stop (`strict` would have turned them into 26 warnings and ended the server).

MkDocs also makes a new Jinja environment for every build, so each `mkdocs serve` rebuild compiled
Material's templates again: about half a second of the one-second rebuild of the shipped site. Jinja's
bytecode cache keys each template by its name and checks the checksum of its source, so an edited
override (docs/overrides/) is compiled afresh.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from macros import generate
from macros.adapters import live, theme_cache
from macros.adapters.build_state import state_of
from macros.adapters.generated_page import GeneratedPage, check_settings
from macros.html.markup import Markup, fmt, join
from macros.html.structure import Page, markdown_page
from macros.pages.context import Context
from macros.records import knowledge
from macros.records.kinds import KINDS
from macros.records.problems import Problem, RecordsInvalid

log = logging.getLogger("mkdocs.plugins.kennisbank")


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates in a dict, for the life of the process."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


class ServeSession:
    """What one `mkdocs serve` process keeps between its rebuilds: whether it is serving, the context
    of its last good records, whose site is shown while the records are invalid, and what shows an
    edit of records without a full build (`live`). The next good records replace the context, so at
    most one earlier knowledge base stays alive, and only under serve."""

    def __init__(self) -> None:
        self.serving = False
        self.last_good: Context | None = None
        self.live = live.Live()


CACHE = MemoryBytecodeCache()
SESSION = ServeSession()


def on_startup(command: str, dirty: bool) -> None:
    SESSION.serving = command == "serve"
    # mkdocs-macros reports at INFO level on every build which module and macros it found: six lines
    # of each rebuild that say nothing new. Its warnings and errors still show.
    logging.getLogger("mkdocs.plugins.mkdocs_macros.util").setLevel(logging.WARNING)


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    """Show an edit of records without a full build where that is possible (`macros.adapters.live`)."""
    if not SESSION.serving:  # `mkdocs serve --clean` builds as `mkdocs build` does
        return server
    return live.install(server, builder, _refresh, SESSION.live)


def _refresh() -> bool:
    """An edit under serve without a full build, if `live` can take it; False for a full build."""
    shown = SESSION.live
    root = knowledge.records_root()
    now = shown.records_only(root)
    if now is None or shown.built is None:
        return False
    config = shown.built.config
    try:
        today = knowledge.current_date()
    except ValueError:
        return False  # a wrong $KB_TODAY: the full build says so
    try:
        kb = knowledge.build(root, today, cache=shown.records)
    except RecordsInvalid as exc:
        _report(exc, config)
        shown.show(None, _errors(exc), now)
        return True
    site = generate.LazySite(_context(config, kb, today))
    shown.show(site, [], now)
    SESSION.last_good = site.ctx  # shown if a later edit breaks the records
    return True


def on_pre_build(config: Any) -> None:
    if SESSION.serving:
        SESSION.live.full_build_starts(config)


def _context(config: Any, kb: knowledge.KnowledgeBase, today: dt.date) -> Context:
    """The pages' context of `kb` in the build of `config`: its repository and address, and the day."""
    return Context(kb, today, _repo_url(config), site_url=config.get("site_url") or "")


def _repo_url(config: Any) -> str:
    return config.get("repo_url") or generate.DEFAULT_REPO_URL


def on_files(files: Files, config: Any) -> Files:
    """Validate the records and add every generated page and export to the build's files."""
    state = state_of(config)
    try:
        today = knowledge.current_date()  # $KB_TODAY, else the real date
    except ValueError as exc:
        raise PluginError(str(exc)) from None
    good = True
    try:
        cache = SESSION.live.records if SESSION.serving else None
        kb = knowledge.build(knowledge.records_root(), today, cache=cache)
        site = generate.make_site(_context(config, kb, today))
    except RecordsInvalid as exc:
        if not SESSION.serving:
            raise PluginError(_problem_lines(exc, _project(config))) from None
        good = False
        state.problems = _errors(exc)
        _report(exc, config)
        last = SESSION.last_good
        site = generate.make_site(last) if last is not None else _problems_only(files, config)
    else:
        state.problems = []
        if SESSION.serving:
            SESSION.last_good = site.context
    state.context = site.context
    check_settings(config)  # before any page: a toc setting the pages cannot follow stops the build
    in_nav = set(_nav_paths(config.get("nav") or []))
    contents: dict[str, str | bytes] = {path: "" for path in site.pages} | site.markdown | site.files
    for path, content in contents.items():
        if files.get_file_from_path(path) is not None:
            raise PluginError(generate.clash_message(path))
        # Record pages stay out of the nav on purpose (see the design brief); saying so for each of
        # them drowned the few lines of a rebuild that matter.
        inclusion = InclusionLevel.UNDEFINED if path in in_nav else InclusionLevel.NOT_IN_NAV
        file = File.generated(config, path, content=content, inclusion=inclusion)
        files.append(file)
        structure = site.pages.get(path)
        if structure is not None:
            # Rendered from its structure; MkDocs keeps a page that a file already has.
            GeneratedPage(structure, file, config)
    if SESSION.serving:
        SESSION.live.files_made(config, files, site if good else None, contents)
    return files


def on_nav(nav: Any, config: Any, files: Any) -> Any:
    if SESSION.serving:
        SESSION.live.nav_made(nav)
    return nav


NO_GOOD_VERSION = (
    "Deze pagina wordt gemaakt uit de records, en die hebben nog fouten: ze staan hierboven. Verbeter ze "
    "en bewaar het bestand; de pagina verschijnt vanzelf."
)


def _problems_only(files: Files, config: Any) -> generate.Site:
    """A site for a first build under serve whose records are invalid: no records, and at every place
    where the site makes a page that the nav or a hand-written page may link to (the nav's generated
    pages, every section's index), a page with just the problems (`on_page_content` puts them on top).
    Links to record pages are not checked in this one build, so that strict mode keeps the server up."""
    site = generate.empty_site(_repo_url(config))
    wanted = {generate.CATALOGUE, generate.OVERVIEW, generate.DOWNLOADS, generate.FIELD_REFERENCE}
    wanted |= {f"{kind.section}/index.md" for kind in KINDS.values() if kind.section}
    wanted |= set(_nav_paths(config.get("nav") or []))
    for path in sorted(wanted):
        if files.get_file_from_path(path) is None:
            page = Page(path, "De records hebben fouten", edit_url="")
            site.markdown[path] = markdown_page(page, NO_GOOD_VERSION)
    config.validation.links.not_found = logging.INFO
    config.validation.links.anchors = logging.INFO
    return site


def _nav_paths(nav: Any) -> list[str]:
    """Every page path named in the nav config, at any depth."""
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, dict):
        return [path for value in nav.values() for path in _nav_paths(value)]
    if isinstance(nav, list):
        return [path for item in nav for path in _nav_paths(item)]
    return []


def _project(config: Any) -> Path:
    """The folder of mkdocs.yml: problem paths are shown relative to it, as the validator shows them."""
    return Path(config.config_file_path or ".").resolve().parent


def _errors(exc: RecordsInvalid) -> list[Problem]:
    """The problems that are errors: what the pages show."""
    return [p for p in exc.problems if p.severity == "error"]


def _report(exc: RecordsInvalid, config: Any) -> None:
    """Every problem in the terminal, one line each (under serve)."""
    for line in _problem_lines(exc, _project(config)).splitlines():
        log.info(line)


def _problem_lines(exc: RecordsInvalid, root: Path) -> str:
    errors = len(_errors(exc))
    lines = [p.format(root) for p in exc.problems]
    return f"De records hebben {errors} {'fout' if errors == 1 else 'fouten'}:\n" + "\n".join(lines)


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    """Under `mkdocs serve` with invalid records: the problems on top of every page."""
    problems = state_of(config).problems
    if not problems:
        return html
    root = _project(config)
    items = join("", (fmt("<li><code>{}</code></li>", p.format(root)) for p in problems))
    shows = (
        "De site toont de laatste versie zonder fouten."
        if SESSION.last_good is not None
        else "Er is nog geen versie zonder fouten om te tonen."
    )
    box = fmt(
        '<div class="admonition danger"><p class="admonition-title">De records hebben fouten</p>'
        "<p>{} Verbeter deze regels en bewaar het bestand:</p>"
        "<ul>{}</ul></div>",
        shows,
        items,
    )
    return str(box + Markup(html))


def on_post_build(config: Any) -> None:
    """Let go of the build's knowledge base: mkdocs-macros keeps its last environment (and with it
    this build's state) alive after the build, which under a long `mkdocs serve` kept one knowledge
    base per rebuild."""
    state = state_of(config)
    if SESSION.serving:
        SESSION.live.full_build_ends(ok=not state.problems)
    state.context = None
    state.problems = []


def on_build_error(error: Exception) -> None:
    if SESSION.serving:
        SESSION.live.full_build_ends(ok=False)


def on_env(env: jinja2.Environment, config: Any, files: Any) -> jinja2.Environment:
    """Give every build's theme environment the same bytecode cache, and a cache of its own for the
    template parts that read the same on many pages (`theme_cache`)."""
    env.bytecode_cache = CACHE
    custom = config["theme"].custom_dir
    theme_cache.install(env, [folder for folder in config["theme"].dirs if folder != custom])
    if SESSION.serving:
        SESSION.live.env_made(env)
    return env
