"""Output budgets: no generated page, export or site may be out of proportion to the records.

The input limits (100 kB a file, 1,000 characters a text, 50 items a list) bound each record, not what
records do together: 50 sources of 50 authors of 1,000 `"` each, cited by one practice of a few hundred
bytes, made that practice's page 12.5 MB (every `"` becomes 5 bytes, on every page that shows it), and
40 such practices a 509 MB site. The pages now show another record's text cut and bounded
(`macros.html.markup.SHOWN_CHARS`, `macros.pages.common.SHOWN_AUTHORS`); these budgets are the backstop
for whatever way of multiplying text nobody thought of. A build over budget fails, like a build with
invalid records, with a Dutch problem at the record that caused it.

Each budget grows with the corpus, so that a larger knowledge base never hits one by being large:

- **A page**: `PAGE_BASE` plus `PAGE_PER_PAGE` for every generated page of the site, since a page may
  link to every other page once. Measured 2026-12-06: the largest generated page of the shipped records
  is 140 kB (the municipalities' index with its map; the largest record page is a city, 30 kB), of a
  3,000-practice demo corpus 1.35 MB (the catalogue; the largest record page is a size class, 206 kB);
  their budgets are 2.0 MB and 8.9 MB.
- **An export**: `EXPORT_BASE`, plus `EXPORT_PER_BYTE` times the bytes of the records folder, plus
  `EXPORT_PER_RECORD` for every record (the empty fields a JSON record still names). JSON doubles a `"`
  or `\\`, CSV a `"`; nothing else grows. The largest export of the 3,000-practice corpus is 6.7 MB for
  7.2 MB of records.
- **The site** (every page and export together): `SITE_BASE` plus `SITE_PER_BYTE` times the bytes of
  the records folder. The shipped records make 10.8 times their size, the 3,000-practice corpus 8.7
  times.

Sizes are of the generated pages as structures (their HTML blocks, headings and title), before MkDocs
adds the theme around them, and of the exports' bytes.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from macros.html.structure import Page, Section
from macros.records.kinds import KINDS
from macros.records.knowledge import KnowledgeBase
from macros.records.problems import Problem, RecordsInvalid

if TYPE_CHECKING:
    from macros.generate import Site

PAGE_BASE = 500_000
PAGE_PER_PAGE = 2_000
"""A link to a page with a label of `SHOWN_CHARS` characters that each escape to six bytes (`{`)."""
EXPORT_BASE = 100_000
EXPORT_PER_BYTE = 3
EXPORT_PER_RECORD = 2_000
SITE_BASE = 5_000_000
SITE_PER_BYTE = 20

_SECTION_KINDS = {kind.section: name for name, kind in KINDS.items() if kind.section}
_EXPORT_KINDS = {kind.section: name for name, kind in KINDS.items() if kind.section and kind.model}
_ADVICE = ". Kort de teksten in, of verwijs naar minder records"
_HREF = re.compile(r'href="(?:\.\./|\./)*([a-z0-9-]+)/([a-z0-9-]+)/"')


def check(site: Site) -> None:
    """Raise `RecordsInvalid` with a problem for every page and export over its budget, and for the
    site as a whole; each problem sits at the record that caused it."""
    kb = site.context.kb
    sizes = dict(_sizes(site))
    problems: list[Problem] = []
    page_budget = PAGE_BASE + PAGE_PER_PAGE * (len(site.pages) + len(site.markdown))
    for path, size in sizes.items():
        if path in site.files or size <= page_budget:
            continue
        shown = _shown_records(kb, path, str(_text(site, path)))
        problems.append(_page_problem(kb, path, size, page_budget, shown))
    records = _record_count(kb)
    input_bytes = _input_bytes(kb.root)
    export_budget = EXPORT_BASE + EXPORT_PER_BYTE * input_bytes + EXPORT_PER_RECORD * records
    for path in site.files:
        if sizes[path] > export_budget:
            problems.append(_export_problem(kb, path, sizes[path], export_budget, input_bytes))
    total = sum(sizes.values())
    site_budget = SITE_BASE + SITE_PER_BYTE * input_bytes
    if total > site_budget:
        problems.append(_site_problem(site, sizes, total, site_budget, input_bytes))
    if problems:
        raise RecordsInvalid(problems)


# --- measuring ---------------------------------------------------------------------------------------


def _sizes(site: Site) -> Iterator[tuple[str, int]]:
    for path, page in site.pages.items():
        yield path, _page_size(page)
    for path, markdown in site.markdown.items():
        yield path, _bytes(markdown)
    for path, data in site.files.items():
        yield path, len(data)


def _page_size(page: Page) -> int:
    return _bytes(page.title) + _bytes(page.description or "") + sum(map(_part_size, page.parts))


def _part_size(part: object) -> int:
    if isinstance(part, Section):
        return _bytes(part.title) + _bytes(part.body) + sum(map(_part_size, part.children))
    return _bytes(str(part))


def _bytes(text: str) -> int:
    """UTF-8 bytes of `text`; ASCII text (nearly all of a page) is not encoded to count them."""
    return len(text) if text.isascii() else len(text.encode("utf-8"))


def _text(site: Site, path: str) -> str:
    page = site.pages.get(path)
    if page is None:
        return site.markdown.get(path, "")
    return "\n".join(str(part) for part in _all_parts(page.parts))


def _all_parts(parts: Iterable[object]) -> Iterator[object]:
    for part in parts:
        if isinstance(part, Section):
            yield part.body
            yield from _all_parts(part.children)
        else:
            yield part


def _record_count(kb: KnowledgeBase) -> int:
    return len(kb.raw) + sum(len(kb.records_of(kind)) for kind in KINDS if KINDS[kind].vocabulary)


def _input_bytes(root: Path) -> int:
    """Bytes of every file below the records folder (records, vocabularies, reference data)."""
    total = 0
    for folder, _, names in os.walk(root):
        for name in names:
            try:
                total += os.lstat(os.path.join(folder, name)).st_size
            except OSError:
                continue
    return total


# --- naming the record that caused it -----------------------------------------------------------------


def _file_of(kb: KnowledgeBase, kind: str, record_id: str) -> Path | None:
    """The file a record or term comes from: its record, or its vocabulary."""
    raw = kb.raw.get((kind, record_id))
    if raw is not None:
        return raw.path
    vocabulary = KINDS[kind].vocabulary if kind in KINDS else None
    if vocabulary and ("vocabulary", vocabulary) in kb.raw:
        return kb.raw[("vocabulary", vocabulary)].path
    return None


def _own_record(kb: KnowledgeBase, path: str) -> Path | None:
    """The file of the record whose page `path` is (`praktijken/x.md`), or None for another page."""
    section, _, name = path.rpartition("/")
    kind = _SECTION_KINDS.get(section)
    if kind is None or not name.endswith(".md"):
        return None
    return _file_of(kb, kind, name[: -len(".md")])


def _shown_records(kb: KnowledgeBase, path: str, text: str) -> list[Path]:
    """The files of the records a page links to, largest first."""
    found: set[Path] = set()
    for section, record_id in set(_HREF.findall(text)):
        kind = _SECTION_KINDS.get(section)
        file = _file_of(kb, kind, record_id) if kind else None
        if file is not None:
            found.add(file)
    return sorted(found, key=lambda file: (-_file_size(file), str(file)))


def _file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _page_problem(kb: KnowledgeBase, path: str, size: int, budget: int, shown: list[Path]) -> Problem:
    own = _own_record(kb, path)
    largest = [file for file in shown if file != own][:3]
    listed = ", ".join(f"{_shown_path(kb, file)} ({_size(_file_size(file))})" for file in largest)
    message = (
        f"de pagina {_url(path)} zou {_size(size)} groot worden, meer dan de {_size(budget)} die één pagina "
        f"mag hebben ({_size(PAGE_BASE)} plus {_size(PAGE_PER_PAGE)} per pagina van de site)"
    )
    if listed:
        message += f"; de grootste records die ze toont: {listed}"
    return Problem(own or (largest[0] if largest else kb.root), 1, "", message + _ADVICE)


def _export_problem(kb: KnowledgeBase, path: str, size: int, budget: int, input_bytes: int) -> Problem:
    stem = path.rsplit("/", 1)[-1].split(".", 1)[0]
    kind = _EXPORT_KINDS.get(stem)
    candidates = [raw.path for (k, _), raw in kb.raw.items() if kind is None or k == kind]
    largest = min(candidates, key=lambda file: (-_file_size(file), str(file)), default=kb.root)
    message = (
        f"het bestand {path} zou {_size(size)} groot worden, meer dan de {_size(budget)} die een export "
        f"mag hebben ({_size(EXPORT_BASE)}, plus {EXPORT_PER_BYTE} keer de {_size(input_bytes)} van de "
        f"records, plus {_size(EXPORT_PER_RECORD)} per record); het grootste record erin is "
        f"{_shown_path(kb, largest)} ({_size(_file_size(largest))})"
    )
    return Problem(largest, 1, "", message)


def _site_problem(site: Site, sizes: dict[str, int], total: int, budget: int, input_bytes: int) -> Problem:
    """The site as a whole, at the record file that adds most to it: the pages of its records and
    terms, and its names repeated in the links of every record that refers to them."""
    ctx = site.context
    added: dict[Path, int] = {}
    for path, size in sizes.items():
        own = _own_record(ctx.kb, path)
        if own is not None:
            added[own] = added.get(own, 0) + size
    for kind, record_id in ctx.links.index:
        file = _file_of(ctx.kb, kind, record_id) if kind in KINDS else None
        if file is not None:
            referring = sum(len(ids) for ids in ctx.links.all_referrers(kind, record_id).values())
            added[file] = added.get(file, 0) + len(ctx.label_html(kind, record_id)) * referring
    message = (
        f"de site zou {_size(total)} groot worden, meer dan de {_size(budget)} die ze mag hebben "
        f"({_size(SITE_BASE)} plus {SITE_PER_BYTE} keer de {_size(input_bytes)} van de records)"
    )
    ranked = sorted(added, key=lambda file: (-added[file], str(file)))[:3]
    if ranked:
        listed = ", ".join(f"{_shown_path(ctx.kb, file)} ({_size(added[file])})" for file in ranked)
        message += f"; het meeste komt van {listed}, met hun pagina's en hun namen in links"
    return Problem(ranked[0] if ranked else ctx.kb.root, 1, "", message + _ADVICE)


def _number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _shown_path(kb: KnowledgeBase, path: Path) -> str:
    """A record file as the validator shows it: below the records folder's parent."""
    try:
        return path.relative_to(kb.root.parent).as_posix()
    except ValueError:
        return path.as_posix()


def _url(path: str) -> str:
    stem = path[: -len(".md")] if path.endswith(".md") else path
    stem = stem[: -len("index")] if stem == "index" or stem.endswith("/index") else stem + "/"
    return "/" + stem


def _size(n: int) -> str:
    """A size in Dutch notation: `812 B`, `12,4 kB`, `3,1 MB`."""
    if n < 1000:
        return f"{n} B"
    value, unit = (n / 1000, "kB") if n < 1_000_000 else (n / 1_000_000, "MB")
    return f"{value:.1f} {unit}".replace(".", ",").replace(",0 ", " ")
