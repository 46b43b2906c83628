"""Leervragen matched to who could answer them: the site's own suggestion, computed and explained.

The knowledge base holds what officers want to learn (`practices/questions/`) beside what others did
(`practices/*.yml`). For every open question this module suggests the practices that could answer it
and the municipalities that lead such practices. The rules are the site's own, in the spirit of
"Vergelijkbare praktijken" (`macros.pages.benchlearning`): scores are tuples of plain integers, ties go
to an id hash on a ring (never to a title or the alphabet), and every suggestion carries its reason in
one Dutch line, so that a reader can judge it. The pages say that it is a suggestion of the site, not an
answer: only the `answers` of a question, written by a person from a source, are answers.

**Practices.** A practice is a candidate when it shares a theme with the question and is not among its
answers already. Candidates are ranked by, in this order:

1. *shared themes*: how many of the question's themes the practice has;
2. *text relevance*: how many distinct words of the question and its context occur in the practice's
   title or summary. A word is a run of at least five letters, compared without case or accents by its
   first six letters (`nieuwkomers` meets `nieuwkomer`, `vrijwilligers` meets `vrijwilliger`); words
   every question uses (`gemeente`, `integratie...`, `lokaal`, ...) do not count;
3. *size fit* with the size class that asks (the question's `size_class`, or its municipality's): 2 when
   the practice's record says it suits that size class (`transferability.size_classes`), 1 when its
   lead municipality is of that size class, 0 otherwise, and 0 for every practice when the question
   names no size;
4. the practice whose id hash lies closest after the question's id hash (`ring_distance`).

Themes first because they are what the asker chose; the words of the question then separate practices
on the same themes (a question about a language policy finds the practice called "Taalbeleid" before
another on the theme `taal`), and the size settles what is left.

**Municipalities.** The lead municipalities of the best `POOL` candidate practices, other than the
asking one, ranked by how close their size class is to the asking one (the same class first, then one
class apart, ...; no order by size when the question names none), then by the rank of their best
practice, then by id hash on the ring.

Every candidate of a question is scored (no pool is cut before ranking): a question costs in proportion
to the practices on its themes. All 300 questions of the 3,000-practice demo corpus (212 open) took
0.26 s of CPU with the indexes (0.07 s), measured 2026-12-06 on a busy machine (README, "Leervragen").
"""

from __future__ import annotations

import heapq
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from macros.pages.benchlearning import ring_distance, stable_hash
from macros.records import relations
from macros.records.models import Question

if TYPE_CHECKING:
    from macros.pages.benchlearning import Benchlearning
    from macros.records.knowledge import KnowledgeBase

PRACTICES = 6
"""Practices suggested per question."""
MUNICIPALITIES = 6
"""Municipalities suggested per question."""
POOL = 30
"""The best candidate practices whose lead municipalities are suggested."""
RARE = 10
"""A word found in more than one practice in `RARE` (and in more than three) does not count."""

STEM = 6
"""Letters of a word that are compared: a crude stem that joins a Dutch plural to its singular."""
MIN_WORD = 5
"""Shorter words (`taal`, `werk`, `hoe`) say too little on their own; the themes carry them."""
COMMON_WORDS = frozenset([
    "gemeente", "gemeenten", "gemeentelijke", "stad", "steden", "stedelijke", "lokaal", "lokale",
    "bestuur", "besturen", "integratie", "integratiebeleid", "integratieambtenaar",
    "integratieambtenaren", "integratiedienst", "beleid", "vlaanderen", "vlaamse", "welke", "waarom",
    "wanneer", "andere", "anderen", "zonder", "tussen", "tijdens", "volgens", "hebben", "worden",
    "werden", "kunnen", "konden", "moeten", "zouden", "willen", "wilden", "daarom", "omdat", "alleen",
    "hoeveel", "hierbij", "daarbij", "binnen", "buiten", "onder", "eerste", "tweede", "nieuwe", "groot",
    "grote", "kleine", "kleiner", "groter", "meer", "minder", "dezelfde", "hetzelfde", "verschillende",
    "enkele", "jaren", "werken", "werkte", "werkten", "helpen", "vooral", "zoals", "steeds", "mensen",
])  # fmt: skip
"""Words (`gemeente`, `integratie...`, ...) that nearly every question and practice uses: they say
nothing about which practice answers which question."""
_COMMON_STEMS = frozenset(word[:STEM] for word in COMMON_WORDS)
_LETTERS = re.compile(r"[a-z]+")
_WORD = re.compile(r"[^\W\d_]+")
"""A run of letters, in any script; `plain_words` keeps those that are Latin letters without accents."""


def plain_words(text: str) -> dict[str, str]:
    """Stem -> the first word that gave it (in lower case, as written), for every word of `text` that
    counts (see the module docstring): at least `MIN_WORD` letters, not a common word; the stem is its
    first `STEM` letters without accents."""
    found: dict[str, str] = {}
    for word in _WORD.findall(text.casefold()):
        if len(word) < MIN_WORD:
            continue
        plain = word if word.isascii() else _without_accents(word)
        stem = plain[:STEM]
        if stem not in _COMMON_STEMS and _LETTERS.fullmatch(plain):
            found.setdefault(stem, word)
    return found


def _without_accents(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


@dataclass(frozen=True)
class PracticeSuggestion:
    """A practice that could answer a question, with its score and the reason in one Dutch line."""

    id: str
    score: tuple[int, int, int]
    """(shared themes, text relevance, size fit): the first three keys of the ranking."""
    reason: str


@dataclass(frozen=True)
class MunicipalitySuggestion:
    """A municipality that leads practices that could answer a question."""

    id: str
    practices: tuple[str, ...]
    """Its suggested practices among the best `POOL`, best first."""
    reason: str


class Matching:
    """Indexes built once per build; `practices` and `municipalities` then cost little per question."""

    def __init__(self, kb: KnowledgeBase, bench: Benchlearning) -> None:
        self.kb = kb
        self.bench = bench
        self.size_rank = {term_id: i for i, term_id in enumerate(kb.size_classes)}
        self.question_hash = {qid: stable_hash(qid) for qid in kb.questions}
        self._words: dict[str, list[str]] = defaultdict(list)
        """Stem -> the practices whose title or summary has it."""
        self._stems: dict[str, dict[str, str]] = {}
        """Practice -> the stems of its title and summary."""
        for pid, practice in kb.practices.items():
            self._stems[pid] = plain_words(f"{practice.title} {practice.summary}")
            for stem in self._stems[pid]:
                self._words[stem].append(pid)
        self._practices: dict[str, list[PracticeSuggestion]] = {}
        self._ranked: dict[str, list[str]] = {}
        by_hash = sorted(kb.questions, key=lambda qid: self.question_hash[qid])
        self.newest = sorted(by_hash, key=lambda qid: kb.questions[qid].asked, reverse=True)
        """Every question, the most recently asked first; ties by id hash (a question asked in `2019`
        counts as asked before one of `2019-05`)."""
        self.by_theme: dict[str, list[str]] = defaultdict(list)
        """Theme -> its open questions, newest first."""
        self.by_size: dict[str, list[str]] = defaultdict(list)
        """Size class that asks -> its questions of any status, newest first."""
        for qid in self.newest:
            question = kb.questions[qid]
            size = self.size_of(question)
            if size is not None:
                self.by_size[size].append(qid)
            if question.status == "open":
                for theme in dict.fromkeys(question.themes):
                    self.by_theme[theme].append(qid)

    # --- what a question asks -------------------------------------------------------------------

    def size_of(self, question: Question) -> str | None:
        """The size class that asks: the question's own, or its municipality's."""
        if question.size_class:
            return question.size_class
        return relations.size_class_of(self.kb, question.city) if question.city else None

    def question_words(self, question: Question) -> dict[str, int]:
        """Stem -> weight of each word of the question that counts for text relevance: 2 for a word of
        the question itself, 1 for a word only its context has. A word in the title or summary of more
        than one practice in ten (`RARE`) says little about which practice answers, and does not count."""
        common = max(3, len(self.kb.practices) // RARE)
        weights = {stem: 1 for stem in plain_words(question.context)}
        weights |= dict.fromkeys(plain_words(question.question), 2)
        return {stem: w for stem, w in weights.items() if len(self._words.get(stem, ())) <= common}

    def answered_by(self, question: Question, kind: str) -> list[str]:
        """Ids of the records of `kind` (`practice`, `city`, `organisation`) among the answers."""
        return [getattr(answer, kind) for answer in question.answers if getattr(answer, kind)]

    # --- practices ----------------------------------------------------------------------------------

    def practices(self, question_id: str, limit: int = PRACTICES) -> list[PracticeSuggestion]:
        """The best `limit` practices for an open question, best first; none for an answered or closed
        one (its answers speak for it)."""
        if self.kb.questions[question_id].status != "open":
            return []
        if question_id not in self._practices:
            ranked = self._rank(question_id)
            self._ranked[question_id] = [pid for _, pid in ranked[:POOL]]
            question = self.kb.questions[question_id]
            words = plain_words(f"{question.question} {question.context}")
            counted = self.question_words(question)
            words = {stem: word for stem, word in words.items() if stem in counted}
            self._practices[question_id] = [
                PracticeSuggestion(pid, score, self._reason(question, pid, score, words))
                for score, pid in ranked[:PRACTICES]
            ]
        return self._practices[question_id][:limit]

    def _rank(self, question_id: str) -> list[tuple[tuple[int, int, int], str]]:
        """(score, id) of the best `POOL` candidates, best first (the module docstring's ranking)."""
        question = self.kb.questions[question_id]
        shared: Counter[str] = Counter()
        for theme in dict.fromkeys(question.themes):
            shared.update(self.bench.by_theme.get(theme, []))
        for pid in self.answered_by(question, "practice"):
            shared.pop(pid, None)
        hits: Counter[str] = Counter()
        for stem, weight in self.question_words(question).items():
            for pid in self._words.get(stem, []):
                hits[pid] += weight
        size = self.size_of(question)
        suits = set(self.bench.suits.get(size, [])) if size else set()
        anchor = self.question_hash[question_id]
        ranked = []
        for pid, themes in shared.items():
            fit = 0
            if size is not None:
                fit = (
                    2 if pid in suits else int(self.bench.city_size.get(self.kb.practices[pid].city) == size)
                )
            key = (-themes, -hits[pid], -fit, ring_distance(anchor, self.bench.id_hash[pid]), pid)
            ranked.append(key)
        return [((-k[0], -k[1], -k[2]), k[-1]) for k in heapq.nsmallest(POOL, ranked)]

    def _reason(
        self, question: Question, practice_id: str, score: tuple[int, int, int], words: dict[str, str]
    ) -> str:
        kb = self.kb
        practice = kb.practices[practice_id]
        themes = [kb.themes[t].label for t in dict.fromkeys(question.themes) if t in practice.themes]
        parts = [("zelfde thema: " if len(themes) == 1 else "zelfde thema's: ") + ", ".join(themes)]
        if score[1]:
            found = self._stems[practice_id]
            shared = [word for stem, word in words.items() if stem in found]
            shown = ", ".join(shared[:3]) + (" …" if len(shared) > 3 else "")
            parts.append(f"{'woord' if len(shared) == 1 else 'woorden'} uit de vraag: {shown}")
        size = self.size_of(question)
        if size is not None and score[2]:
            label = kb.size_classes[size].label.lower()
            parts.append(
                f"volgens haar fiche geschikt voor een {label}"
                if score[2] == 2
                else f"uit een gemeente van dezelfde grootte ({label})"
            )
        line = "; ".join(parts)
        return line[0].upper() + line[1:] + "."

    # --- municipalities -----------------------------------------------------------------------------

    def municipalities(self, question_id: str, limit: int = MUNICIPALITIES) -> list[MunicipalitySuggestion]:
        """The municipalities that lead the best candidate practices, closest in size first (the module
        docstring's ranking); none for an answered or closed question."""
        question = self.kb.questions[question_id]
        if question.status != "open":
            return []
        self.practices(question_id)
        led: dict[str, list[str]] = defaultdict(list)
        best: dict[str, int] = {}
        for rank, pid in enumerate(self._ranked[question_id]):
            city = self.kb.practices[pid].city
            if city != question.city and city in self.kb.municipalities:
                led[city].append(pid)
                best.setdefault(city, rank)
        size = self.size_of(question)
        own = self.size_rank.get(size or "")
        anchor = self.question_hash[question_id]

        def distance(city_id: str) -> int:
            other = self.size_rank.get(self.bench.city_size.get(city_id) or "")
            return abs(other - own) if own is not None and other is not None else 0

        chosen = heapq.nsmallest(
            limit,
            led,
            key=lambda cid: (distance(cid), best[cid], ring_distance(anchor, self.bench.city_hash[cid]), cid),
        )
        return [MunicipalitySuggestion(cid, tuple(led[cid]), self._closeness(size, cid)) for cid in chosen]

    def _closeness(self, size: str | None, city_id: str) -> str:
        """`Even groot (klein)`, `Eén klasse groter (middelgroot)`: how close the municipality's size is
        to the asking one, in the site's own size classes."""
        other = self.bench.city_size.get(city_id)
        if other is None:
            return "Grootte onbekend."
        label = self.kb.size_classes[other].label.lower()
        if size is None:
            return f"{label[0].upper()}{label[1:]}."
        step = self.size_rank[other] - self.size_rank[size]
        if step == 0:
            return f"Even groot ({label})."
        count = {1: "Eén klasse", 2: "Twee klassen", 3: "Drie klassen", 4: "Vier klassen"}.get(
            abs(step), f"{abs(step)} klassen"
        )
        return f"{count} {'groter' if step > 0 else 'kleiner'} ({label})."
