"""The site's search index: Pagefind run over a built site, after `mkdocs build`.

Pagefind splits the index into chunks that a browser fetches per query, so a reader downloads a few
hundred kilobytes at most, where Material's lunr index of 3,000 pages is megabytes on every page. It
runs on the HTML that MkDocs wrote, so it is a post-build step (`make build`, the tests' and the
benchmark's builds), not part of `mkdocs build` or `mkdocs serve`.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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
