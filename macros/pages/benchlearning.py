"""Benchlearning: which cities and practices an officer could learn from, and why.

Source 004 (Geuëns 2019) reports that several centrumsteden say they would learn more from each other in
a network of their own than from smaller municipalities, and that the policy of more experienced cities
can be a reference point for smaller ones ("benchlearning"). The rules below are the site's own,
after that: a city's peers are the cities of its size class (the site's own bands) and, for a
centrumstad, the other centrumsteden; for each theme it can learn from cities with practices on it that
are as large or larger and further along (higher maturity), or, when its own maturity is not known,
larger. An unknown maturity is never presented as more or less experience. Every suggestion carries
its reason in one Dutch line, so the reader can judge it.
"""

from __future__ import annotations

import hashlib
import heapq
from collections import Counter, defaultdict
from dataclasses import dataclass

from macros.records import relations
from macros.records.knowledge import KnowledgeBase

MATURITY_ORDER = ("startend", "groeiend", "ervaren")
"""Maturity values from least to most experienced."""
RING = 1 << 64
"""Size of the ring of id hashes on which ties between equally relevant practices are broken."""


def stable_hash(text: str) -> int:
    """A 64-bit hash of `text`, the same in every run and on every machine (Python's own `hash` of a
    string changes from run to run)."""
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big")


def ring_distance(anchor: int, practice_hash: int) -> int:
    """How far a practice's id hash lies after `anchor` on the ring: the tie-break between equally
    relevant practices. It follows no title or alphabet, is the same in every build, and differs per
    anchor, so each practice (or agenda topic) gives its ties to other practices."""
    return (practice_hash - anchor) % RING


@dataclass(frozen=True)
class Suggestion:
    """A city or practice to learn from, with the reason in one Dutch line."""

    kind: str
    """`city` or `practice`."""
    id: str
    reason: str
    practices: tuple[str, ...] = ()
    """For a city suggested on a theme: its practices on that theme."""


class Benchlearning:
    """Indexes built once per build; every question below then costs little, even at 3,000 practices."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.size_rank = {term_id: i for i, term_id in enumerate(kb.size_classes)}
        self.city_size = {cid: relations.size_class_of(kb, cid) for cid in kb.municipalities}
        self.maturity_rank = {cid: self._rank(cid) for cid in kb.municipalities}
        self.by_theme: dict[str, list[str]] = defaultdict(list)
        self.by_theme_size: dict[tuple[str, str | None], list[str]] = defaultdict(list)
        self.by_city_theme: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        self.adopters: dict[str, list[str]] = defaultdict(list)
        self._led: dict[str, list[str]] = defaultdict(list)
        self.suits: dict[str, list[str]] = defaultdict(list)
        """Size class -> the practices whose record says they suit it (`transferability`)."""
        for pid, practice in kb.practices.items():
            self._led[practice.city].append(pid)
            for suited in dict.fromkeys(
                practice.transferability.size_classes if practice.transferability else []
            ):
                self.suits[suited].append(pid)
            size = self.city_size.get(practice.city)
            for theme in dict.fromkeys(practice.themes):  # a theme listed twice is shared once
                self.by_theme[theme].append(pid)
                self.by_theme_size[(theme, size)].append(pid)
                self.by_city_theme[practice.city][theme].append(pid)
            for origin in practice.transferability.adapted_from if practice.transferability else []:
                self.adopters[origin].append(pid)
        self._teachers = self._teachers_by_theme()
        self.id_hash = {pid: stable_hash(pid) for pid in kb.practices}
        # Read for every candidate of every practice page, so one tuple of plain ints per practice: its
        # number of themes, its instruments as a bit mask and their number, and its id hash.
        bits = {term_id: 1 << i for i, term_id in enumerate(kb.instruments)}
        self._profile: dict[str, tuple[int, int, int, int]] = {}
        for pid, practice in kb.practices.items():
            mask = sum(bits[i] for i in dict.fromkeys(practice.instruments))
            self._profile[pid] = (len(set(practice.themes)), mask, mask.bit_count(), self.id_hash[pid])
        self.city_hash = {cid: stable_hash(cid) for cid in kb.municipalities}
        self._best: dict[tuple[int, int, int], dict[str, list[tuple[tuple[int, int, int], str]]]] = {}
        self._by_size: dict[str | None, list[str]] = defaultdict(list)
        self.by_name = sorted(kb.municipalities, key=lambda cid: (kb.municipalities[cid].name, cid))
        """Every municipality, by name."""
        for cid in self.by_name:
            self._by_size[self.city_size[cid]].append(cid)

    # --- cities ------------------------------------------------------------------------------------

    def maturity(self, city_id: str) -> str | None:
        """The city's maturity, when a source gives it (in its city record)."""
        profile = self.kb.profiles.get(city_id)
        learning = profile.learning if profile else None
        return learning.maturity if learning else None

    def _rank(self, city_id: str) -> int:
        maturity = self.maturity(city_id)
        return MATURITY_ORDER.index(maturity) if maturity else -1

    def _teachers_by_theme(self) -> dict[str, list[tuple[int, int, int, str]]]:
        """Theme -> (size rank, maturity rank, practice count, id) of each city with practices on it;
        maturity rank -1 when unknown."""
        out: dict[str, list[tuple[int, int, int, str]]] = defaultdict(list)
        for cid, themes in self.by_city_theme.items():
            size = self.size_rank.get(self.city_size.get(cid) or "", -1)
            if size < 0:
                continue  # a city of unknown size cannot be shown to be as large or larger
            for theme, practices in themes.items():
                out[theme].append((size, self.maturity_rank[cid], len(practices), cid))
        return out

    def peers(self, city_id: str) -> list[str]:
        """Other municipalities of the same size class, the closest in reference population first; ties
        go to the one whose id hash lies closest after this one's (`ring_distance`), never to a name."""
        size = self.city_size[city_id]
        if size is None:
            return []
        own = self.kb.municipalities[city_id].population
        anchor = self.city_hash[city_id]

        def closeness(cid: str) -> tuple[int, int]:
            gap = abs(own - self.kb.municipalities[cid].population)
            return (gap, ring_distance(anchor, self.city_hash[cid]))

        return sorted((cid for cid in self.cities_of_size(size) if cid != city_id), key=closeness)

    def peer_group(self, city_id: str) -> list[str]:
        """For a centrumstad, the other centrumsteden by name; for any other city, none."""
        municipalities = self.kb.municipalities
        if not municipalities[city_id].centrumstad:
            return []
        return [cid for cid in self.by_name if cid != city_id and municipalities[cid].centrumstad]

    def cities_of_size(self, size_id: str) -> list[str]:
        """The cities of a size class, by name."""
        return list(self._by_size.get(size_id, []))

    def learn_from(self, city_id: str, per_theme: int = 3) -> dict[str, list[Suggestion]]:
        """Theme -> cities with practices on it to learn from, best first: as large or larger and more
        mature; or, when the city's own maturity is not known, larger.

        Best first: the closest size (the site's own ordering, after what Geuëns reports on the
        centrumsteden), then the most mature, then the most practices on the theme; ties go to the city
        whose id hash lies closest after this one's (`ring_distance`), never to a name.
        """
        own_size = self.size_rank.get(self.city_size[city_id] or "", -1)
        if own_size < 0:
            return {}
        anchor = self.city_hash[city_id]
        out: dict[str, list[Suggestion]] = {}
        for theme, best in self._best_teachers(own_size, self.maturity_rank[city_id], per_theme).items():
            chosen = heapq.nsmallest(
                per_theme, best, key=lambda entry: (entry[0], ring_distance(anchor, self.city_hash[entry[1]]))
            )
            out[theme] = [self._city_suggestion(city_id, other, theme) for _, other in chosen]
        return out

    def _best_teachers(
        self, own_size: int, own_maturity: int, per_theme: int
    ) -> dict[str, list[tuple[tuple[int, int, int], str]]]:
        """Theme -> (relevance, id) of the best cities to learn from for a city of this size and maturity
        rank: the first `per_theme`, and every city as relevant as the last of them, among which
        `learn_from` breaks the tie for the asking city.

        The answer depends only on those two ranks (a city is never more mature than itself), so it is
        computed once per pair: asking it per city made city pages cost more as cities were added.
        """
        key = (own_size, own_maturity, per_theme)
        if key not in self._best:
            best: dict[str, list[tuple[tuple[int, int, int], str]]] = {}
            for theme in self.kb.themes:
                candidates = sorted(
                    ((size - own_size, -maturity, -count), cid)
                    for size, maturity, count, cid in self._teachers.get(theme, [])
                    if (size >= own_size and maturity > own_maturity >= 0)
                    or (own_maturity < 0 and size > own_size)
                )
                if candidates:
                    last = candidates[:per_theme][-1][0]
                    best[theme] = [c for c in candidates if c[0] <= last]
            self._best[key] = best
        return self._best[key]

    def _city_suggestion(self, city_id: str, other: str, theme: str) -> Suggestion:
        kb = self.kb
        size_label = kb.size_classes[self.city_size[other] or ""].label
        same_size = self.city_size[other] == self.city_size[city_id]
        practices = tuple(self.by_city_theme[other][theme])
        count = f"{len(practices)} praktijk" + ("en" if len(practices) != 1 else "")
        own = self.maturity(city_id)
        experience = f", meer ervaring ({self.maturity(other)} tegenover {own})" if own else ""
        reason = (
            f"{'even groot' if same_size else 'groter'} ({size_label.lower()}){experience}, "
            f"{count} over {kb.themes[theme].label}"
        )
        return Suggestion("city", other, reason[0].upper() + reason[1:] + ".", practices)

    def practices_of(self, city_id: str) -> list[str]:
        """The practices a municipality leads, in record order."""
        return list(self._led.get(city_id, []))

    def fitting(self, city_id: str, limit: int) -> list[tuple[str, str]]:
        """(practice id, why) of practices for a municipality of this one's size: those whose record
        says they suit its size class first, then those led by a municipality of the same size class,
        the closest in population first; ties by id hash on the ring, never by title. The site's own
        ordering, by size alone."""
        size = self.city_size[city_id]
        if size is None:
            return []
        own = self.kb.municipalities[city_id].population
        anchor = self.city_hash[city_id]
        label = self.kb.size_classes[size].label.lower()
        ranked: dict[str, tuple[int, int, int]] = {}
        for pid in self.suits.get(size, []):
            ranked[pid] = (0, 0, ring_distance(anchor, self.id_hash[pid]))
        for cid in self._by_size.get(size, []):
            gap = abs(own - self.kb.municipalities[cid].population)
            for pid in self._led.get(cid, []):
                ranked.setdefault(pid, (1, gap, ring_distance(anchor, self.id_hash[pid])))
        chosen = heapq.nsmallest(limit, ranked, key=lambda pid: ranked[pid])
        reasons = (
            f"volgens haar fiche geschikt voor een {label}",
            f"uit een gemeente van dezelfde grootte ({label})",
        )
        return [
            (pid, reasons[ranked[pid][0]][0].upper() + reasons[ranked[pid][0]][1:] + ".") for pid in chosen
        ]

    # --- practices ---------------------------------------------------------------------------------

    def adopted_in(self, practice_id: str) -> list[str]:
        """Practices that name this one in `transferability.adapted_from`."""
        return list(self.adopters.get(practice_id, []))

    def comparable(self, practice_id: str, limit: int = 6) -> list[Suggestion]:
        """Practices sharing a theme, best first: from a city of the same size first (the site's own
        ordering), then the closest match on themes (the most shared, then the fewest others), then on
        instruments (the most shared, then the fewest others); ties go to the practice whose id hash
        lies closest after this one's (`ring_distance`), never to a title.

        Counting only what is shared put practices on many themes and instruments ahead of those on
        exactly the same ones, and left a practice on one theme without instruments almost nowhere (at
        3,000 demo practices, 16% of practices were comparable to none).

        Every practice sharing a theme is scored (no pool is cut), so a page costs in proportion to the
        pools of its themes: all pages together take about 0.25 s of CPU at 3,000 demo practices and
        0.04 s at 1,000.
        """
        practice = self.kb.practices[practice_id]
        own_size = self.city_size.get(practice.city)
        same_size = [self.by_theme_size.get((t, own_size), []) for t in practice.themes]
        found = self._ranked(practice_id, same_size, limit)
        if len(found) < limit:
            # Fewer than `limit` practices of the same size share a theme: all of them are in `found`,
            # and the rest come from cities of other sizes, by the same ranking.
            pools = [self.by_theme.get(t, []) for t in practice.themes]
            others = self._ranked(practice_id, pools, limit * 2)
            found += [pid for pid in others if pid not in found][: limit - len(found)]
        return [Suggestion("practice", pid, self._practice_reason(practice_id, pid)) for pid in found]

    def _ranked(self, practice_id: str, pools: list[list[str]], limit: int) -> list[str]:
        """The best `limit` practices from the pools, by the ranking of `comparable` (a practice's shared
        themes are the number of these pools it is in)."""
        shared: Counter[str] = Counter()
        for pool in pools:
            shared.update(pool)
        shared.pop(practice_id, None)
        profile = self._profile
        _, own, _, anchor = profile[practice_id]
        ranked = []
        for pid, count in shared.items():
            themes, mask, instruments, hashed = profile[pid]
            both = (own & mask).bit_count()
            ranked.append((-count, themes - count, -both, instruments - both, (hashed - anchor) % RING, pid))
        return [entry[-1] for entry in heapq.nsmallest(limit, ranked)]

    def _practice_reason(self, practice_id: str, other_id: str) -> str:
        kb = self.kb
        practice, other = kb.practices[practice_id], kb.practices[other_id]
        themes = [kb.themes[t].label.lower() for t in dict.fromkeys(practice.themes) if t in other.themes]
        parts = [("zelfde thema: " if len(themes) == 1 else "zelfde thema's: ") + ", ".join(themes)]
        size = self.city_size.get(other.city)
        if size is not None and size == self.city_size.get(practice.city):
            parts.append(f"een stad van dezelfde grootte ({kb.size_classes[size].label.lower()})")
        instruments = [
            kb.instruments[i].label.lower() for i in practice.instruments if i in other.instruments
        ]
        if instruments:
            parts.append("ook " + ", ".join(instruments))
        line = "; ".join(parts)
        return line[0].upper() + line[1:] + "."
