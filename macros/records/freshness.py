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

_SINGULAR = """is heeft wordt loopt biedt organiseert werkt zet brengt telt helpt krijgt gaat komt staat
ondersteunt begeleidt zoekt wil kan moet koppelt leidt trekt verzorgt maakt"""
_PLURAL = """zijn hebben worden lopen bieden organiseren werken zetten brengen tellen helpen krijgen gaan
komen staan ondersteunen begeleiden zoeken willen kunnen moeten koppelen leiden trekken verzorgen maken"""
INFINITIVES = frozenset(_PLURAL.split())
"""The plural present forms, which are also the infinitives: "ze bieden" is current, "wilde ... bieden"
and "om ... te bieden" are not."""
PRESENT_TENSE = frozenset(_SINGULAR.split()) | INFINITIVES
"""Dutch present-tense verb forms that state a fact as current. `is` and `zijn` also make the passive
voice of a past fact ("is opgericht"), so a sentence with a past participle is left alone."""
_AUXILIARIES = """wilde wilden moest moesten zou zouden kon konden mocht mochten ging gingen liet lieten bleef
bleven begon begonnen probeerde probeerden hielp hielpen"""
PAST_AUXILIARIES = frozenset(_AUXILIARIES.split())
"""Past forms that take an infinitive: in a sentence with one of them, a plural form is read as that
infinitive ("Zo wilde de gemeente oefenkansen bieden")."""
_BEFORE_POSSESSIVE = "aan bij door in met naar om op over tot uit van voor zonder"
_PREPOSITIONS = frozenset(_BEFORE_POSSESSIVE.split())
"""After one of these, `zijn` is the possessive ("uit zijn thuisland"), not the verb."""
_QUOTED = re.compile(r'"[^"]*"|“[^”]*”|„[^”“]*[”“]')
"""Quoted words are someone's own, said then: their tense is theirs."""
_WORD = re.compile(r"[a-zà-ÿ]+", re.IGNORECASE)
_YEAR = re.compile(r"\b(19|20)[0-9]{2}\b")
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_PARTICIPLE = re.compile(
    r"\b(?:aan|af|bij|door|in|mee|na|op|over|samen|terug|toe|uit|vast|voor|weg)?ge[a-z]+(?:[dt]|en)\b"
)
"""A past participle, also of a separable verb ("opgericht", "ingezet")."""
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
        when = timeline.contact_when(kb.sources.get(contact.source))
        if when is None:
            continue
        if isinstance(when, int):
            seen, said = dt.date(when, 1, 1), f"is uit {when}"
        else:
            seen, said = when, f"werd gezien op {dutch_date(when)}"
        if seen < since:
            yield (
                (*loc, "source"),
                f"dit contact {said}, meer dan {timeline.RECENT_YEARS} jaar geleden; kijk of de dienst en "
                "haar adressen nog kloppen",
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
        found = next(((s, v) for s in _SENTENCE.split(value) if (v := current_verb(s))), None)
        if found is not None:
            sentence, verb = found
            yield (
                (name,),
                f"de tekst zegt in de tegenwoordige tijd ({verb!r}) wat de nieuwste bron, van {newest}, "
                f'meldt: "{_cut(sentence)}"; schrijf het in de verleden tijd of noem het jaar '
                f'("In {newest} ...")',
            )


def current_verb(sentence: str) -> str | None:
    """The first verb by which `sentence` states something as current, or None: a sentence that names
    a year, a verb inside quotes, an infinitive (after `te`, or a plural form in a sentence with a past
    auxiliary), the possessive `zijn`, and `is`/`zijn` with a past participle do not count."""
    if _YEAR.search(sentence):
        return None
    plain = _QUOTED.sub(" ", sentence)
    words: list[str] = [w.casefold() for w in _WORD.findall(plain)]
    past = not PAST_AUXILIARIES.isdisjoint(words)
    verbs = [
        word
        for i, word in enumerate(words)
        if word in PRESENT_TENSE
        and not (i and words[i - 1] == "te")
        and not (past and word in INFINITIVES)
        and not (
            word == "zijn" and ((i and words[i - 1] in _PREPOSITIONS) or words[i + 1 : i + 2] == ["eigen"])
        )
    ]
    if not verbs:
        return None
    # "is gestart", "zijn opgericht": a past fact in the perfect tense.
    if set(verbs) <= {"is", "zijn"} and _PARTICIPLE.search(plain.casefold()):
        return None
    return verbs[0]


def _cut(sentence: str, limit: int = 80) -> str:
    flat = " ".join(sentence.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"
