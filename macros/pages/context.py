"""What every page renderer needs: the knowledge base, its relations read backwards, benchlearning, and
the build's caches.

Everything computed once per build lives here, typed, and goes with the build: no module keeps
anything between builds (a long `mkdocs serve` would otherwise hold one knowledge base per rebuild).
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from pathlib import Path

from macros.html import urls
from macros.html.elements import link_markup
from macros.html.markup import Markup, line, shown
from macros.pages import backlinks, exports
from macros.pages.benchlearning import Benchlearning
from macros.pages.facts import PracticeFacts, practice_facts
from macros.pages.matching import Matching
from macros.partner_network.view import NetworkCache
from macros.records.kinds import KIND_FOLDERS, KINDS, SECTIONS
from macros.records.knowledge import KnowledgeBase
from macros.records.models import Office

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_REPO_URL = "https://github.com/kennisbank-integratie/kennisbank"
"""Placeholder repository; mkdocs.yml's `repo_url` overrides it in a MkDocs build."""


@dataclass
class Context:
    """Built once per build and shared by every page."""

    kb: KnowledgeBase
    today: dt.date
    repo_url: str = DEFAULT_REPO_URL
    branch: str = "main"
    site_url: str = ""
    """Where the site is published (mkdocs.yml's `site_url`): a printed page names its own address.
    Empty outside a MkDocs build, where pages print their path."""
    links: backlinks.Backlinks = field(init=False)
    bench: Benchlearning = field(init=False)
    network: NetworkCache = field(init=False)
    """The partner networks' graphs and measures, each made once (city and organisation pages share them)."""
    _label_html: dict[tuple[str, str], Markup] = field(init=False, default_factory=dict)
    _links: dict[tuple[str, str, str], Markup] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.links = backlinks.build(self.kb)
        self.bench = Benchlearning(self.kb)
        self.network = NetworkCache(self.kb)

    @functools.cached_property
    def matching(self) -> Matching:
        """Leervragen and the practices and municipalities that could answer them (the site's own
        suggestion), made on first use."""
        return Matching(self.kb, self.bench)

    @functools.cached_property
    def facts(self) -> dict[str, PracticeFacts]:
        """Practice id -> the facts officers compare on (`macros.pages.facts`), made once for the
        catalogue, the province tables and the comparison data."""
        return {pid: practice_facts(self.kb, pid, self.today) for pid in self.kb.practices}

    @functools.cached_property
    def offices(self) -> dict[str, list[tuple[str, Office]]]:
        """Province -> (organisation name, office) of every organisation that lists its offices."""
        found: dict[str, list[tuple[str, Office]]] = {}
        for organisation in self.kb.organisations.values():
            for office in organisation.offices:
                found.setdefault(office.province, []).append((organisation.name, office))
        return found

    @functools.cached_property
    def exports(self) -> dict[str, bytes]:
        """Every open-data file (`macros.pages.exports`), made once: the build writes them and the
        downloads page lists their sizes."""
        return exports.export_files(self.kb, self.today)

    def address(self, url: str) -> str:
        """The full address of a page of this site from its URL below the root: what a sheet of
        paper says, since it cannot link."""
        return f"{self.site_url.rstrip('/')}/{url}" if self.site_url else f"/{url}"

    def label(self, kind: str, record_id: str) -> str:
        """The Dutch label of a term, or a record's title or name."""
        return self.kb.label(kind, record_id)

    def link_html(self, from_file: str, kind: str, record_id: str) -> Markup:
        """The link to a record or term from a page, made once per place. A relative link reads the
        same from every page in the same folder (`praktijken/a/` and `praktijken/b/` both reach
        `steden/x/` by `../../steden/x/`), except a page's link to itself, which is made each time; a
        section's index page (`steden/`) keeps its own. Links recur hundreds of thousands of times at
        3,000 practices."""
        url = urls.file_url(from_file)
        if kind in SECTIONS and url == urls.page_url(kind, record_id):
            return link_markup(from_file, kind, record_id, self.label_html(kind, record_id))
        place = url.rsplit("/", 2)[0] + "/*" if url.count("/") >= 2 else url
        key = (place, kind, record_id)
        found = self._links.get(key)
        if found is None:
            found = self._links[key] = link_markup(
                from_file, kind, record_id, self.label_html(kind, record_id)
            )
        return found

    def label_html(self, kind: str, record_id: str) -> Markup:
        """The label as HTML on one line, made once per build: labels recur in thousands of links, so
        they are cut to `SHOWN_CHARS` (the record's own page shows its whole title)."""
        found = self._label_html.get((kind, record_id))
        if found is None:
            found = self._label_html[(kind, record_id)] = line(shown(self.kb.label(kind, record_id)))
        return found

    def edit_url(self, kind: str, record_id: str) -> str:
        """The URL that opens a record's YAML file (a vocabulary term: its vocabulary file) for editing."""
        vocabulary = KINDS[kind].vocabulary
        path = (
            self.kb.raw[("vocabulary", vocabulary)].path if vocabulary else self.kb.path_of(kind, record_id)
        )
        return f"{self.repo_url.rstrip('/')}/edit/{self.branch}/{self.repo_path(path)}"

    def new_record_url(self, kind: str, record_id: str) -> str:
        """The URL that opens a new record file of `kind` named `record_id` for writing (GitHub's
        "new file" page): the edit button of a municipality without a city record."""
        folder = KIND_FOLDERS[kind]
        tree = "practices" if folder == "." else f"practices/{folder}"
        return f"{self.repo_url.rstrip('/')}/new/{self.branch}/{tree}?filename={record_id}.yml"

    def section_edit_url(self, kind: str) -> str:
        """Where a section's records are edited: the vocabulary file of a term kind, else the records
        folder of the kind (the index page itself is generated)."""
        vocabulary = KINDS[kind].vocabulary
        if vocabulary:
            path = self.kb.raw[("vocabulary", vocabulary)].path
            return f"{self.repo_url.rstrip('/')}/edit/{self.branch}/{self.repo_path(path)}"
        folder = KIND_FOLDERS.get(kind)
        if folder is None:  # reference data: the folder that holds it
            return f"{self.repo_url.rstrip('/')}/tree/{self.branch}/practices/reference"
        tree = "practices" if folder == "." else f"practices/{folder}"
        return f"{self.repo_url.rstrip('/')}/tree/{self.branch}/{tree}"

    @functools.cached_property
    def _records_in_repo(self) -> str:
        """Where the records folder is in the repository (`practices`); a folder outside it (a demo
        corpus) is shown as if it were practices/. Resolved once: every page asks."""
        try:
            return self.kb.root.resolve().relative_to(REPO_ROOT).as_posix()
        except ValueError:
            return "practices"

    def repo_path(self, path: Path) -> str:
        """The file's path in the repository; records outside it (a demo corpus) as if in practices/.
        Record files are found below the records folder (never through a link), so the path below it
        needs no file system."""
        try:
            below = path.relative_to(self.kb.root).as_posix()
        except ValueError:
            below = path.resolve().relative_to(self.kb.root.resolve()).as_posix()
        return f"{self._records_in_repo}/{below}"
