"""Benchlearning: which cities and practices an officer could learn from, and why.

Source 004 (Geuëns 2019): cities of similar size learn most from each other, and smaller, less
experienced governments take larger, more mature cities as their reference point. So a city's peers
are the cities of its size class, and for each theme it can learn from cities with practices on that
theme that are as large or larger and further along (higher maturity). Every suggestion carries its
reason in one Dutch line, so the reader can judge it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from macros import checks
from macros.knowledge import KnowledgeBase

MATURITY_ORDER = ("startend", "groeiend", "ervaren")
"""Maturity values from least to most experienced."""


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
        self.city_size = {cid: checks.city_size_class(kb, city) for cid, city in kb.cities.items()}
        self.by_theme: dict[str, list[str]] = defaultdict(list)
        self.by_city_theme: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        self.adopters: dict[str, list[str]] = defaultdict(list)
        for pid, practice in kb.practices.items():
            for theme in practice.themes:
                self.by_theme[theme].append(pid)
                self.by_city_theme[practice.city][theme].append(pid)
            for origin in practice.transferability.adapted_from if practice.transferability else []:
                self.adopters[origin].append(pid)

    # --- cities ------------------------------------------------------------------------------------

    def maturity(self, city_id: str) -> str | None:
        """The city's maturity, when a source gives it."""
        learning = self.kb.cities[city_id].learning
        return learning.maturity if learning else None

    def _maturity_rank(self, city_id: str) -> int:
        maturity = self.maturity(city_id)
        return MATURITY_ORDER.index(maturity) if maturity else -1

    def peers(self, city_id: str) -> list[str]:
        """Other cities of the same size class, by name."""
        size = self.city_size[city_id]
        if size is None:
            return []
        same = [cid for cid, s in self.city_size.items() if s == size and cid != city_id]
        return sorted(same, key=lambda cid: self.kb.cities[cid].name)

    def learn_from(self, city_id: str, per_theme: int = 3) -> dict[str, list[Suggestion]]:
        """Theme -> cities with practices on it, as large or larger and more mature, best first."""
        own_size = self.size_rank.get(self.city_size[city_id] or "", -1)
        own_maturity = self._maturity_rank(city_id)
        out: dict[str, list[Suggestion]] = {}
        for theme in self.kb.themes:
            candidates = []
            for other, themes in self.by_city_theme.items():
                size = self.size_rank.get(self.city_size.get(other) or "", -1)
                if other == city_id or not themes.get(theme) or size < own_size or size < 0:
                    continue
                if self._maturity_rank(other) <= own_maturity:
                    continue
                key = (
                    size - own_size,
                    -self._maturity_rank(other),
                    -len(themes[theme]),
                    self.kb.cities[other].name,
                )
                candidates.append((key, other))
            chosen = [other for _, other in sorted(candidates)[:per_theme]]
            if chosen:
                out[theme] = [self._city_suggestion(city_id, other, theme) for other in chosen]
        return out

    def _city_suggestion(self, city_id: str, other: str, theme: str) -> Suggestion:
        kb = self.kb
        size_label = kb.size_classes[self.city_size[other] or ""].label
        same_size = self.city_size[other] == self.city_size[city_id]
        own = self.maturity(city_id) or "onbekend"
        practices = tuple(self.by_city_theme[other][theme])
        count = f"{len(practices)} praktijk" + ("en" if len(practices) != 1 else "")
        reason = (
            f"{'even groot' if same_size else 'groter'} ({size_label.lower()}), meer ervaring "
            f"({self.maturity(other)} tegenover {own}), {count} over {kb.themes[theme].label}"
        )
        return Suggestion("city", other, reason[0].upper() + reason[1:] + ".", practices)

    # --- practices ---------------------------------------------------------------------------------

    def adopted_in(self, practice_id: str) -> list[str]:
        """Practices that name this one in `transferability.adapted_from`."""
        return list(self.adopters.get(practice_id, []))

    def comparable(self, practice_id: str, limit: int = 6) -> list[Suggestion]:
        """Practices sharing the most themes, then a city of the same size, then instruments."""
        kb = self.kb
        practice = kb.practices[practice_id]
        shared: Counter[str] = Counter()
        for theme in practice.themes:
            shared.update(self.by_theme[theme])
        del shared[practice_id]
        own_size = self.city_size.get(practice.city)
        instruments = set(practice.instruments)

        def score(pid: str) -> tuple[int, int, int, str]:
            other = kb.practices[pid]
            same_size = int(own_size is not None and self.city_size.get(other.city) == own_size)
            return (-shared[pid], -same_size, -len(instruments.intersection(other.instruments)), other.title)

        # Only the best few need the full score: pre-select on shared themes, which dominates.
        threshold = sorted(shared.values(), reverse=True)[: limit * 20][-1:] or [0]
        pool = [pid for pid, n in shared.items() if n >= threshold[0]]
        best = sorted(pool, key=score)[:limit]
        return [Suggestion("practice", pid, self._practice_reason(practice_id, pid)) for pid in best]

    def _practice_reason(self, practice_id: str, other_id: str) -> str:
        kb = self.kb
        practice, other = kb.practices[practice_id], kb.practices[other_id]
        themes = [kb.themes[t].label.lower() for t in practice.themes if t in other.themes]
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
