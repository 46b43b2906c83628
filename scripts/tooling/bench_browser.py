"""Benchmark measures taken in headless Chromium: search bytes, catalogue filter time, edit-to-browser time.

Bytes are the sizes of the response bodies the page received from an uncompressed local server: what a
server without compression would send. A first visit is also counted gzip-compressed (every body through
`gzip.compress` at level 6): what a server that compresses, such as GitHub Pages for HTML, CSS,
JavaScript and XML, would send. An image that such a server sends as it is counts a few bytes too many.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gzip
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Page, Response, sync_playwright

from tooling import localserver

SEARCH_QUERY = "diversiteit"
MKDOCS = Path(sys.executable).with_name("mkdocs")
CHROMIUM = "/usr/bin/chromium"


served = localserver.serve
"""Serve a built site on 127.0.0.1 in a thread; yield its base URL."""


@contextlib.contextmanager
def chromium() -> Iterator[Browser]:
    """Headless Chromium: Debian's when installed, else Playwright's own."""
    with sync_playwright() as playwright:
        path = CHROMIUM if Path(CHROMIUM).exists() else None
        browser = playwright.chromium.launch(executable_path=path)
        try:
            yield browser
        finally:
            browser.close()


class Traffic:
    """Every response a page receives, with its body size, from the moment it is attached."""

    def __init__(self, page: Page, base: str) -> None:
        self.base = base
        self.responses: list[Response] = []
        page.on("response", self._record)

    def _record(self, response: Response) -> None:
        self.responses.append(response)

    def take(self) -> list[tuple[str, bytes]]:
        """(url, body) of the responses so far; then start counting afresh."""
        taken = [(r.url, _body(r)) for r in self.responses]
        self.responses = []
        return taken

    def external(self, taken: list[tuple[str, bytes]]) -> list[str]:
        """URLs of another site among `taken`."""
        host = urlsplit(self.base).netloc
        return [url for url, _ in taken if urlsplit(url).netloc not in (host, "")]


def _body(response: Response) -> bytes:
    try:
        return response.body()
    except Exception:  # a redirect or an aborted request has no body
        return b""


def _search_bytes(taken: list[tuple[str, bytes]]) -> int:
    """Bytes that belong to search: the Pagefind bundle and the search UI's own script and style."""
    return sum(len(body) for url, body in taken if "/pagefind/" in url or "/search." in urlsplit(url).path)


def _gzipped(body: bytes) -> int:
    """The size of `body` as a server that compresses would send it."""
    return len(gzip.compress(body, 6))


def search_costs(browser: Browser, base: str, page_path: str) -> dict[str, Any]:
    """Bytes fetched when `page_path` loads (a first visit: nothing cached), and for a first query typed
    into the search box."""
    page = browser.new_page()
    traffic = Traffic(page, base)
    page.goto(base + page_path, wait_until="networkidle")
    on_load = traffic.take()
    box = page.locator("#kb-search-input")
    box.fill(SEARCH_QUERY)
    page.locator(".kb-search__status").filter(has_text="voor").wait_for(timeout=30_000)
    page.wait_for_load_state("networkidle")
    query = traffic.take()
    results = page.locator(".kb-search__list li").count()
    status = page.locator(".kb-search__status").inner_text()
    page.close()
    # Material's instant navigation fetches sitemap.xml on the first page load.
    sitemap = [body for url, body in on_load if urlsplit(url).path.endswith("/sitemap.xml")]
    return {
        "page": page_path,
        "page_load_bytes": sum(len(body) for _, body in on_load),
        "page_load_gzip_bytes": sum(_gzipped(body) for _, body in on_load),
        "sitemap_bytes": sum(len(body) for body in sitemap),
        "sitemap_gzip_bytes": sum(_gzipped(body) for body in sitemap),
        "page_load_largest": [
            (urlsplit(url).path, len(body)) for url, body in sorted(on_load, key=lambda r: -len(r[1]))[:3]
        ],
        "search_bytes_on_load": _search_bytes(on_load),
        "search_bytes_first_query": sum(len(body) for _, body in query),
        "first_query": SEARCH_QUERY,
        "first_query_status": status,
        "first_query_results_shown": results,
        "external_requests": traffic.external(on_load + query),
    }


_FILTER_SCRIPT = """
async ([facet, rounds]) => {
  const boxes = [...document.querySelectorAll(`#kb-filters input[name="${facet}"]`)];
  const clear = document.querySelector("#kb-filters [data-kb-clear]");
  const count = document.querySelector("#kb-result-count");
  const catalogue = window.kbCatalogue && window.kbCatalogue.current();
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
  // Click, then wait until the count changes if the script updates later than the click event, then
  // force style and layout: the time a reader waits for the list to be redrawn.
  const timed = async (target) => {
    const before = count.textContent;
    const t0 = performance.now();
    target.click();
    if (count.textContent === before) {
      await new Promise((resolve) => {
        const observer = new MutationObserver(() => { observer.disconnect(); resolve(); });
        observer.observe(count, { childList: true, characterData: true, subtree: true });
        setTimeout(() => { observer.disconnect(); resolve(); }, 2000);
      });
    }
    void document.body.offsetHeight;
    return performance.now() - t0;
  };
  const filter = [], clearing = [], scripts = [];
  for (let round = 0; round < rounds; round++) {
    const box = boxes[round % boxes.length];
    filter.push(await timed(box));  // from the whole list to one value
    if (catalogue && typeof catalogue.lastMs === "number") scripts.push(catalogue.lastMs);
    await settle();
    clearing.push(await timed(clear));  // "Wis filters": back to the whole list
    await settle();
  }
  // The script keeps practices that are not shown out of the document: count its own list.
  const practices = catalogue && catalogue.items
    ? catalogue.items.length
    : document.querySelectorAll(".kb-practice").length;
  return { filter, clearing, scripts, shown: count.textContent, practices };
}
"""


def filter_time(browser: Browser, base: str, facet: str = "thema", rounds: int = 10) -> dict[str, Any]:
    """Milliseconds from a click to the redrawn list (forced style and layout) on /praktijken/: ticking
    one value of `facet` over the whole list, and "Wis filters" back to the whole list, `rounds` times."""
    page = browser.new_page()
    page.goto(base + "praktijken/", wait_until="load")
    page.locator("#kb-filters").wait_for(state="visible")
    measured: dict[str, Any] = page.evaluate(_FILTER_SCRIPT, [facet, rounds])
    page.close()
    times, clearing = measured["filter"], measured["clearing"]
    return {
        "facet": facet,
        "practices_listed": measured["practices"],
        "median_ms": round(statistics.median(times), 1),
        "max_ms": round(max(times), 1),
        "clear_median_ms": round(statistics.median(clearing), 1),
        "clear_max_ms": round(max(clearing), 1),
        # The filter script's own share (its `lastMs`), without the browser's style and layout work.
        "script_median_ms": round(statistics.median(measured["scripts"]), 1) if measured["scripts"] else None,
    }


# --- the contributor's loop -----------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextlib.contextmanager
def mkdocs_serve(
    project: Path,
    records: Path,
    port: int,
    log: Path,
    today: dt.date | None = None,
    builder: str = "mkdocs",
) -> Iterator[subprocess.Popen[bytes]]:
    """`mkdocs serve` of a project (a scratch one, or the repository) with its records in `records`,
    its output in `log`; stopped on exit. The serve tests start it too.

    `today` is the build's day (`KB_TODAY`), for records whose checks must not move with the calendar.
    `builder` is `mkdocs` or `properdocs` (which reads mkdocs.yml when told to).
    """
    command = [
        str(MKDOCS.parent / builder),
        "serve",
        *(["-f", "mkdocs.yml"] if builder != "mkdocs" else []),
        "-a",
        f"127.0.0.1:{port}",
    ]
    env = dict(os.environ, KB_RECORDS_DIR=str(records), NO_MKDOCS_2_WARNING="1")
    if today is not None:
        env["KB_TODAY"] = today.isoformat()
    with log.open("w") as output:
        process = subprocess.Popen(command, cwd=project, env=env, stdout=output, stderr=subprocess.STDOUT)
        try:
            yield process
        finally:
            process.terminate()
            process.wait(timeout=20)


def wait_until_up(url: str, process: subprocess.Popen[bytes], timeout: float) -> None:
    import urllib.request

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("mkdocs serve stopped")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer within {timeout} s")


def edit_shows_within(browser: Browser, url: str, edit: Path, old: str, new: str, shown: str) -> float:
    """Seconds from writing `new` over `old` in the record `edit` until the open page at `url` shows `shown`.

    The page is reloaded by mkdocs serve's live reload, as a contributor's browser would be.
    """
    page = browser.new_page()
    page.goto(url, wait_until="load")
    text = edit.read_text(encoding="utf-8")
    if old not in text:
        raise ValueError(f"{old!r} is not in {edit}")
    started = time.monotonic()
    edit.write_text(text.replace(old, new, 1), encoding="utf-8")
    page.get_by_text(shown).first.wait_for(timeout=60_000)
    elapsed = time.monotonic() - started
    page.close()
    return elapsed


def contributor_loop(
    work: Path,
    browser: Browser,
    source: Path | None = None,
    edits: int | None = None,
    corpus: str = "the shipped records",
) -> dict[str, Any]:
    """`mkdocs serve` on a copy of a records folder (the shipped records unless `source`, named by
    `corpus`): seconds from editing one practice's title until the open page shows it, how many
    rebuilds each edit started (one: nothing is written into the watched docs/ folder that would
    start a second), and how many of them were full builds (none: macros/adapters/live.py)."""
    from macros.records import knowledge
    from tooling import bench

    work.mkdir(parents=True, exist_ok=True)
    project = bench.scratch_project(work, "loop")
    records = work / "loop-records"
    shutil.copytree(source or knowledge.DEFAULT_ROOT, records)
    edits = edits or LOOP_EDITS
    record = sorted(records.glob("*.yml"))[0]
    old = re.search(r"^title:.*$", record.read_text(encoding="utf-8"), re.MULTILINE)
    if old is None:
        raise ValueError(f"{record} has no one-line title")
    port = free_port()
    url = f"http://127.0.0.1:{port}{served_path(project)}praktijken/{record.stem}/"
    seconds = []
    log = work / "serve.log"
    with mkdocs_serve(project, records, port, log) as process:
        wait_until_up(url, process, timeout=300)
        line = old.group()
        builds_before = _builds(log)
        full_before = _full_builds(log)
        # Three edits, one after the other: a single one is at the mercy of the machine's other load.
        for edit in range(edits):
            new = f"Bench-wijziging {edit} {int(time.time())}"
            seconds.append(edit_shows_within(browser, url, record, line, f"title: {new}", new))
            line = f"title: {new}"
        # The page shows an edit as soon as its file is written, before the build has finished: wait
        # for the builds of all edits to finish, then a little longer for any second build.
        deadline = time.monotonic() + 120
        while _builds(log) - builds_before < edits and time.monotonic() < deadline:
            time.sleep(0.2)
        time.sleep(3)
        builds = _builds(log) - builds_before
        full = _full_builds(log) - full_before
        # A contributor's other loop: a new practice (a copy under a new name and title), opened at
        # its address until it shows.
        added = []
        for edit in range(edits):
            name = f"bench-nieuw-{edit}-{int(time.time())}"
            text = record.read_text(encoding="utf-8").replace(line, f"title: {name}", 1)
            added.append(
                new_record_shows_within(
                    browser, url.replace(record.stem, name), records / f"{name}.yml", text, name
                )
            )
        full_added = _full_builds(log) - full_before - full
    return {
        "record": record.name,
        "corpus": corpus,
        "seconds": round(statistics.median(seconds), 2),
        "all_seconds": [round(s, 2) for s in seconds],
        "builds_per_edit": round(builds / edits, 2),
        "full_builds_per_edit": round(full / edits, 2),
        "added_seconds": round(statistics.median(added), 2),
        "all_added_seconds": [round(s, 2) for s in added],
        "full_builds_per_added": round(full_added / edits, 2),
    }


def new_record_shows_within(browser: Browser, url: str, path: Path, text: str, shown: str) -> float:
    """Seconds from writing a new record at `path` until its page at `url` shows `shown`, opened
    again every tenth of a second as a contributor would reload it."""
    page = browser.new_page()
    started = time.monotonic()
    path.write_text(text, encoding="utf-8")
    deadline = started + 120
    while time.monotonic() < deadline:
        response = page.goto(url, wait_until="load")
        if response is not None and response.ok and page.get_by_text(shown).count():
            break
        time.sleep(0.1)
    else:
        raise TimeoutError(f"{url} did not show {shown!r} within 120 s")
    elapsed = time.monotonic() - started
    page.close()
    return elapsed


def _full_builds(log: Path) -> int:
    """Full builds `mkdocs serve` started so far (MkDocs logs this line at the start of each)."""
    return log.read_text(encoding="utf-8").count("Building documentation...")


def _builds(log: Path) -> int:
    """Rebuilds `mkdocs serve` finished so far: each good one ends in "Reloading browsers".

    Not "Documentation built in X seconds": MkDocs never logs a message of its build twice (a
    DuplicateFilter on its build logger), so two builds that took the same hundredths of a second
    counted as one, and an edit seemed to start no build at all.
    """
    return log.read_text(encoding="utf-8").count("Reloading browsers")


LOOP_EDITS = 3
"""Edits timed per run of the contributor's loop; the median is reported."""


def served_path(project: Path) -> str:
    """The path `mkdocs serve` mounts the site on: the path of `site_url`, or `/`.

    `site_url` is `!ENV [KB_SITE_URL, "default"]` in mkdocs.yml (or a plain address): the
    environment variable when it is set, else the default.
    """
    found = re.search(
        r"^site_url:\s*(?:!ENV\s*\[\s*KB_SITE_URL\s*,\s*)?[\"']?([^\s\"'\]]+)",
        (project / "mkdocs.yml").read_text(encoding="utf-8"),
        re.MULTILINE,
    )
    address = os.environ.get("KB_SITE_URL") or (found.group(1) if found else "/")
    path = urlsplit(address).path or "/"
    return path if path.endswith("/") else path + "/"
