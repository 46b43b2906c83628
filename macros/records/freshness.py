"""What an editor should look at again: facts that may no longer hold, most-read first.

The freshness report (`make freshness`, `scripts/freshness.py`, and the scheduled workflow
`.github/workflows/freshness.yml`, which keeps one issue up to date) lists, from the records alone and
offline:

- practices told as running whose newest confirmation is older than three years, and practices with a
  start but no word on whether they still run;
- texts in the present tense without a year, in records whose newest source is older than three years
  (CONTENT.md: a fact of a 2019 page is told as 2019's);
- records whose newest source is older than three years;
- contacts seen more than three years ago;
- a case study's own population figure of another year than the reference data.

Each finding says the file, line and field, what is old and what to do, in Dutch. They are sorted by how
many officers would read them: practices first (the pages officers open), then municipalities, then
organisations and networks; within a kind by file. The report never fails a build: it is a to-do list.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from macros.records import timeline
from macros.records.dutch import dutch_date, dutch_when
from macros.records.knowledge import KnowledgeBase
from macros.records.relations import references

READERS = ("practice", "profile", "organisation", "network")
"""Kinds in the order officers meet them: a practice page is read most."""

_VERBS = """is zijn heeft hebben wordt worden loopt lopen biedt bieden organiseert organiseren werkt werken
zet zetten brengt brengen telt tellen helpt helpen krijgt krijgen gaat gaan komt komen staat staan
ondersteunt ondersteunen begeleidt begeleiden zoekt zoeken wil willen kan kunnen moet moeten
koppelt koppelen leidt leiden trekt trekken verzorgt verzorgen maakt maken"""
PRESENT_TENSE = frozenset(_VERBS.split())
"""Dutch present-tense verb forms that state a fact as current. `is` and `zijn` also make the passive
voice of a past fact ("is opgericht"), so a sentence with a past participle is left alone."""

_WORD = re.compile(r"[a-zà-ÿ]+", re.IGNORECASE)
_YEAR = re.compile(r"\b(19|20)[0-9]{2}\b")
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_PARTICIPLE = re.compile(r"\b(ge[a-z]+[dt]|ge[a-z]+en)\b")
TEXT_FIELDS = ("summary", "description", "results", "evaluation", "governance", "case_study")
"""Prose fields whose tense the report reads."""


@dataclass(frozen=True, order=True)
class Finding:
    """One thing to look at again."""

    rank: int
    """The kind's place in READERS: what officers read most comes first."""
    path: Path
    line: int
    field: str
    message: str

    def format(self, root: Path) -> str:
        try:
            shown = self.path.relative_to(root)
        except ValueError:
            shown = self.path
        field = f" {self.field}:" if self.field else ""
        return f"{shown.as_posix()}:{self.line}:{field} {self.message}"


def report(kb: KnowledgeBase, today: dt.date) -> list[Finding]:
    """Every finding, sorted by how many officers would see it."""
    found: list[Finding] = []
    for rank, kind in enumerate(READERS):
        for record_id, record in kb.records_of(kind).items():
            found += [
                Finding(
                    rank,
                    kb.path_of(kind, record_id),
                    kb.raw[(kind, record_id)].line_of(loc),
                    _path(loc),
                    text,
                )
                for loc, text in _record_findings(kb, kind, record, today)
            ]
    return sorted(found)


def _path(loc: tuple[str | int, ...]) -> str:
    return "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in loc).lstrip(".")


def newest_source_year(kb: KnowledgeBase, kind: str, record: Any) -> int | None:
    """The year of the newest word a record has: its newest source, or the date of its status when
    that is later; None when nothing has a year."""
    years = [
        kb.sources[sid].year
        for _, target, sid in references(kind, record)
        if target == "source" and sid in kb.sources and kb.sources[sid].year
    ]
    if kind == "practice" and (found := timeline.confirmation(kb, record)) is not None and found.date:
        years.append(int(found.date[:4]))
    return max((y for y in years if y is not None), default=None)


def _record_findings(
    kb: KnowledgeBase, kind: str, record: Any, today: dt.date
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    since = timeline.recent_since(today)
    newest = newest_source_year(kb, kind, record)
    old = newest is not None and not timeline.is_recent(str(newest), today)
    if kind == "practice":
        yield from _running(kb, record, today)
    if newest is not None and old:
        yield from present_tense(kind, record, newest)
        yield (
            ("sources",),
            f"de nieuwste bron is van {newest}, meer dan {timeline.RECENT_YEARS} jaar geleden; zoek een "
            "recentere bron, of lees het record na en vertel het als toen",
        )
    for loc, contact in _contacts(kind, record):
        source = kb.sources.get(contact.source)
        seen = (source.accessed or (dt.date(source.year, 1, 1) if source.year else None)) if source else None
        if seen is not None and seen < since:
            yield (
                (*loc, "source"),
                f"dit contact werd gezien op {dutch_date(seen)}, meer dan {timeline.RECENT_YEARS} jaar "
                "geleden; kijk of de dienst en haar adressen nog kloppen",
            )
    if kind == "profile" and record.population is not None and kb.reference.meta is not None:
        year = kb.reference.meta.population_date.year
        if record.population.year != year:
            yield (
                ("population",),
                f"dit inwonertal is van {record.population.year or 'een onbekend jaar'}, de "
                f"referentiegegevens van {year}; de site rekent met die laatste",
            )


def _running(kb: KnowledgeBase, practice: Any, today: dt.date) -> Iterator[tuple[tuple[str | int, ...], str]]:
    found = timeline.confirmation(kb, practice)
    state = timeline.current(kb, practice, today)
    if found is not None and found.state == "lopend" and state != "lopend":
        when = dutch_when(found.date) if found.date else "zonder datum"
        yield (
            ("status",),
            f"laatst bevestigd als lopend {when}; de site toont dat het "
            "onbekend is of de praktijk nog loopt. Zoek een recente bron (de pagina van de gemeente, "
            "een jaarverslag) en werk `status` bij",
        )
    elif found is None and practice.period is not None and not practice.period.end:
        yield (
            ("period",),
            "gestart, maar geen bron zegt of de praktijk nog loopt; zoek een recente bron en vul `status` in",
        )


def _contacts(kind: str, record: Any) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    if kind in ("practice", "profile") and getattr(record, "contact", None) is not None:
        yield ("contact",), record.contact
    if kind == "organisation":
        for i, office in enumerate(record.offices):
            yield ("offices", i, "contact"), office.contact


def present_tense(kind: str, record: Any, newest: int) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """A finding per prose field with a sentence that states something in the present tense without a
    year, while the newest source is from `newest`, more than three years back."""
    for name in TEXT_FIELDS:
        value = getattr(record, name, None)
        if not value:
            continue
        sentence = next((s for s in _SENTENCE.split(value) if _current(s)), None)
        if sentence is not None:
            verb = next(w for w in _WORD.findall(sentence) if w.casefold() in PRESENT_TENSE)
            yield (
                (name,),
                f"de tekst zegt in de tegenwoordige tijd ({verb!r}) wat de nieuwste bron, van {newest}, "
                f'meldt: "{_cut(sentence)}"; schrijf het in de verleden tijd of noem het jaar '
                f'("In {newest} ...")',
            )


def _current(sentence: str) -> bool:
    if _YEAR.search(sentence):
        return False
    words = {w.casefold() for w in _WORD.findall(sentence)}
    verbs = words & PRESENT_TENSE
    if not verbs:
        return False
    # "is gestart", "zijn opgericht": a past fact in the perfect tense.
    return not (verbs <= {"is", "zijn"} and _PARTICIPLE.search(sentence.casefold()))


def _cut(sentence: str, limit: int = 80) -> str:
    flat = " ".join(sentence.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"
