"""What every page renderer needs: the knowledge base, its relations read backwards, benchlearning."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from macros.pages import backlinks
from macros.pages.benchlearning import Benchlearning
from macros.records.kinds import KIND_FOLDERS, KINDS
from macros.records.knowledge import KnowledgeBase

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
    links: backlinks.Backlinks = field(init=False)
    bench: Benchlearning = field(init=False)

    def __post_init__(self) -> None:
        self.links = backlinks.build(self.kb)
        self.bench = Benchlearning(self.kb)

    def edit_url(self, kind: str, record_id: str) -> str:
        """The URL that opens a record's YAML file (a vocabulary term: its vocabulary file) for editing."""
        vocabulary = KINDS[kind].vocabulary
        path = (
            self.kb.raw[("vocabulary", vocabulary)].path if vocabulary else self.kb.path_of(kind, record_id)
        )
        return f"{self.repo_url.rstrip('/')}/edit/{self.branch}/{self.repo_path(path)}"

    def section_edit_url(self, kind: str) -> str:
        """Where a section's records are edited: the vocabulary file of a term kind, else the records
        folder of the kind (the index page itself is generated)."""
        vocabulary = KINDS[kind].vocabulary
        if vocabulary:
            path = self.kb.raw[("vocabulary", vocabulary)].path
            return f"{self.repo_url.rstrip('/')}/edit/{self.branch}/{self.repo_path(path)}"
        folder = KIND_FOLDERS[kind]
        tree = "practices" if folder == "." else f"practices/{folder}"
        return f"{self.repo_url.rstrip('/')}/tree/{self.branch}/{tree}"

    def repo_path(self, path: Path) -> str:
        """The file's path in the repository; records outside it (a demo corpus) as if in practices/."""
        resolved = path.resolve()
        try:
            return resolved.relative_to(REPO_ROOT).as_posix()
        except ValueError:
            return "practices/" + resolved.relative_to(self.kb.root.resolve()).as_posix()
