"""A fictional corpus of any size, for tests and benchmarks: `write_corpus(out, practices, seed)`.

The same seed gives the same bytes. Cities are spread over every size class and province, organisations
over every type and level, and every optional field is filled in some records and left out in others,
so the corpus exercises the whole site. Names are invented (`tooling.demo_text`) and marked "(fictief)";
the site never publishes this corpus.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import random
import shutil
from collections import deque
from pathlib import Path
from typing import Any, get_args

import yaml

from macros.records import reference
from macros.records.kinds import KIND_FOLDERS, REFERENCE_FOLDER
from macros.records.knowledge import DEFAULT_ROOT
from macros.records.models import Level, OrganisationType, Province
from tooling import demo_text as text

Record = dict[str, Any]

_REFERENCE_FIELDS = ("nis_code", "name", "province", "population", "centrumstad", "former_names", "shape")


REVIEWED_UNTIL = dt.date(2026, 9, 1)
"""Latest `last_reviewed` date; fixed rather than today's so that a seed always gives the same bytes."""

PHONE_ZONES = ("011", "013", "014", "015", "016", "050", "051", "052", "053", "054", "055", "056")
"""Flemish two-digit zones: with six digits after them (the first 2 to 9) a landline number exists."""
_HEADER = "# Fictief demorecord, gemaakt door scripts/demo_corpus.py; geen echte plaats of organisatie.\n"
_PROVINCES: tuple[str, ...] = get_args(Province)
_TYPES: tuple[str, ...] = get_args(OrganisationType)
_LEVELS: tuple[str, ...] = get_args(Level)


def write_corpus(out: Path, practices: int, seed: int = 0) -> None:
    """Write a full records folder to `out` (which must not exist or be empty) that validates clean."""
    if out.exists() and any(out.iterdir()):
        raise FileExistsError(f"{out} is not empty")
    generator = _Generator(practices, seed)
    shutil.copytree(DEFAULT_ROOT / "vocabulary", out / "vocabulary")
    for kind, records in generator.records().items():
        folder = out / KIND_FOLDERS[kind]
        folder.mkdir(parents=True, exist_ok=True)
        for record_id, record in records.items():
            (folder / f"{record_id}.yml").write_text(_HEADER + _dump(record), encoding="utf-8")
    generator.write_reference(out / REFERENCE_FOLDER)


def is_demo_corpus(folder: Path) -> bool:
    """Whether `folder` holds a demo corpus that a script may replace: record files, each of which
    starts with the demo header. (A marker file would be a stray file in a records folder.)"""
    records = (
        [p for p in folder.rglob("*.yml") if p.parent.name not in ("vocabulary", REFERENCE_FOLDER)]
        if folder.is_dir()
        else []
    )
    header = _HEADER.encode()
    return bool(records) and all(p.open("rb").read(len(header)) == header for p in records)


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Writes a list shared by two records out in full: records may not use YAML anchors."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _dump(record: Record) -> str:
    return yaml.dump(record, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)


def _vocabulary_terms(stem: str) -> list[Record]:
    data = yaml.safe_load((DEFAULT_ROOT / "vocabulary" / f"{stem}.yml").read_text(encoding="utf-8"))
    terms: list[Record] = data["terms"]
    return terms


def _network_sizes(seed: int, count: int = 10) -> list[int]:
    """Actor counts of city networks (3 to 40, most around 10), cycled through by the cities.

    `count` values at evenly spaced quantiles of the distribution rather than a draw per city: every
    corpus whose number of cities is a multiple of `count` then has the same mix of network sizes, so
    a benchmark comparing corpus sizes compares the same work per city (a draw per city gave 300
    practices networks of 11 actors on average and 3,000 practices 13).
    """
    rng = random.Random(seed)
    draws = sorted(3 + int(rng.betavariate(1.2, 3) * 37) for _ in range(1000))
    sizes = [draws[(2 * k + 1) * len(draws) // (2 * count)] for k in range(count)]
    rng.shuffle(sizes)
    return sizes


class _Generator:
    """Draws every record from one seeded random generator, in a fixed order."""

    def __init__(self, practices: int, seed: int) -> None:
        self.rng = random.Random(seed)
        # Fields added later draw from their own stream, so that adding one leaves every other field of
        # every demo record as it was (tests pin rankings on the demo corpus).
        self.extra = random.Random(seed + 1)
        self.reference = random.Random(seed + 2)
        """The stream of the fields of the reference-data round (statuses' sources, contacts' sources, city
        contacts, municipalities without practices)."""
        self.asking = random.Random(seed + 3)
        """The stream of the leervragen (practices/questions/), one per ten practices."""
        self.network_sizes = _network_sizes(seed)
        self.n_practices = practices
        self.themes = [t["id"] for t in _vocabulary_terms("themes")]
        self.instruments = [t["id"] for t in _vocabulary_terms("instruments")]
        self.size_classes = _vocabulary_terms("size-classes")
        self.flow_kinds = [t["id"] for t in _vocabulary_terms("flow-kinds")]
        self.conditions = [t["id"] for t in _vocabulary_terms("learning-conditions")]
        self.sources: dict[str, Record] = {}
        self.organisations: dict[str, Record] = {}
        self.cities: dict[str, Record] = {}
        """City records: what a case study adds to a municipality."""
        self.municipalities: dict[str, Record] = {}
        """The reference data: one row per municipality, with or without a city record."""
        self.city_names: dict[str, str] = {}
        self.networks: dict[str, Record] = {}
        self.practices: dict[str, Record] = {}
        self.questions: dict[str, Record] = {}
        self.recent: deque[str] = deque(maxlen=60)
        """The last practice ids drawn: `adapted_from` picks among them, which keeps the generator linear."""

    def records(self) -> dict[str, dict[str, Record]]:
        words = text.words(max(8, self.n_practices // 5) + max(3, self.n_practices // 50) + 50, self.rng)
        self._make_sources(max(3, self.n_practices // 50), words)
        self._make_organisations(max(8, self.n_practices // 5), words)
        self._make_cities(max(3, self.n_practices // 10))
        self._make_networks(max(1, self.n_practices // 100), words)
        self._make_practices(self.n_practices)
        self._make_quiet_municipalities(max(3, self.n_practices // 20))
        self._make_offices()
        self._make_questions(self.n_practices // 10)
        return {
            "source": self.sources,
            "organisation": self.organisations,
            "profile": self.cities,
            "network": self.networks,
            "practice": self.practices,
            "question": self.questions,
        }

    # --- small draws -------------------------------------------------------------------------------

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def some(self, pool: list[Any], low: int, high: int) -> list[Any]:
        """Between `low` and `high` distinct items of `pool`, in pool order."""
        count = max(0, min(len(pool), self.rng.randint(low, high)))
        return sorted(self.rng.sample(pool, count), key=pool.index) if count else []

    def source_ids(self, low: int = 1, high: int = 2) -> list[str]:
        return self.some(list(self.sources), low, high)

    def reviewed(self) -> dt.date:
        return REVIEWED_UNTIL - dt.timedelta(days=self.rng.randrange(400))

    def partial_date(self, year: int) -> str:
        """A year, a month or a day, as precise as an imagined source would be."""
        form = self.rng.randrange(3)
        if form == 0:
            return str(year)
        month = self.rng.randint(1, 12)
        return f"{year}-{month:02d}" if form == 1 else f"{year}-{month:02d}-{self.rng.randint(1, 28):02d}"

    def paragraphs(self, count: int) -> str:
        return "\n\n".join(" ".join(self.some(text.SENTENCES, 2, 3)) for _ in range(count))

    # --- sources and organisations -----------------------------------------------------------------

    def _make_sources(self, count: int, words: list[str]) -> None:
        for i in range(count):
            word = words.pop()
            source: Record = {
                "title": f"Demobron {i + 1}: lokaal integratiebeleid in {word} {text.FICTIONAL}",
                "authors": [f"{word}, {chr(65 + i % 26)}."]
                + ([f"{words[-1 - i % 7]}, B."] if i % 3 == 0 else []),
                "year": 2008 + i % 17,
                "publisher": f"Fictieve Hogeschool {word}",
                "note": "Verzonnen bron voor het democorpus; beschrijft geen echte plaats.",
            }
            if i % 2 == 0:
                source["url"] = f"https://example.org/demobron-{i + 1}"
                source["accessed"] = REVIEWED_UNTIL - dt.timedelta(days=30 * (i % 12))
            self.sources[f"demobron-{i + 1:03d}"] = source

    def _make_organisations(self, count: int, words: list[str]) -> None:
        for i in range(count):
            kind = _TYPES[i % len(_TYPES)]
            word = words.pop()
            name = self.rng.choice(text.ORGANISATION_PATTERNS[kind]).format(w=word)
            record: Record = {"name": f"{name} {text.FICTIONAL}"}
            if self.chance(0.5):
                record["short_name"] = word[:3].upper() + kind[0].upper()
            record["type"] = kind
            record["level"] = _LEVELS[(i // len(_TYPES)) % len(_LEVELS)]
            if self.chance(0.6):
                record["website"] = f"https://example.org/{text.kebab(name)}"
            if self.chance(0.8):
                record["description"] = self.paragraphs(1)
            record["sources"] = self.source_ids()
            record["last_reviewed"] = self.reviewed()
            self.organisations[text.kebab(name)] = record

    # --- cities ------------------------------------------------------------------------------------

    def _make_cities(self, count: int) -> None:
        for i, place in enumerate(text.place_names(count, self.rng)):
            city_id = text.kebab(place)
            self.city_names[city_id] = place
            self.cities[city_id] = self._city(i, city_id, place)

    def _population(self, i: int) -> tuple[int, str]:
        band = self.size_classes[i % len(self.size_classes)]
        low = max(band["min_population"], 1500)
        high = band.get("max_population") or low * 4
        return self.rng.randrange(low, high), band["id"]

    def _city(self, i: int, city_id: str, place: str) -> Record:
        population, size_class = self._population(i)
        sources = self.source_ids()
        province = _PROVINCES[(i + i // len(self.size_classes)) % len(_PROVINCES)]
        self.municipalities[city_id] = {
            "nis_code": f"9{i:04d}",  # no Flemish NIS code starts with 9
            "id": city_id,
            "name": f"{place} {text.FICTIONAL}",
            "province": province,
            "population": population,
            "population_summed": "ja" if i % 13 == 12 else "",
            "centrumstad": "ja" if size_class in ("stad", "grootstad") else "",
            "former_names": f"Oud-{place}:2025-01-01" if i % 13 == 12 else "",
        }
        record: Record = {}
        if self.reference.random() < 0.5:
            record["contact"] = self._city_contact(city_id, sources[0])
        record["population"] = {"value": population, "year": 2015 + i % 10, "source": sources[0]}
        if self.chance(0.3):
            record["population"]["note"] = "Inwoners op 1 januari, volgens de fictieve bron."
        if self.chance(0.7):
            share = round(self.rng.uniform(3, 45), 1)
            record["foreign_origin_share"] = {"value": share, "year": 2015 + i % 10, "source": sources[-1]}
        self.chance(
            0.0
        )  # the draw of a field the reference data took over: the later draws stay as they were
        if self.chance(0.8):
            record["governance"] = (
                f"Integratie zit bij {self.rng.choice(text.SERVICES)}, onder de stadssecretaris."
            )
        record["milestones"] = self._milestones(sources)
        record["instruments"] = self.some(self.instruments, 0, 4)
        record["learning"] = self._learning(sources)
        record["network"] = self._network(city_id, self.network_sizes[i % len(self.network_sizes)], sources)
        if self.chance(0.8):
            record["case_study"] = self.paragraphs(self.rng.randint(1, 3))
        record["sources"] = sources
        record["last_reviewed"] = self.reviewed()
        return {key: value for key, value in record.items() if value not in ([], {}, None)}

    def _milestones(self, sources: list[str]) -> list[Record]:
        milestones = []
        for year in sorted(self.rng.sample(range(2005, 2025), self.rng.randint(0, 3))):
            milestone: Record = {
                "date": self.partial_date(year),
                "title": self.rng.choice(text.APPROACH_STEPS),
            }
            if self.chance(0.5):
                milestone["description"] = self.rng.choice(text.SENTENCES)
            milestone["source"] = self.rng.choice(sources)
            milestones.append(milestone)
        return milestones

    def _learning(self, sources: list[str]) -> Record:
        learning: Record = {}
        if self.chance(0.8):
            learning["maturity"] = self.rng.choice(["startend", "groeiend", "ervaren"])
            learning["maturity_source"] = sources[0]
        learning["conditions"] = [
            {"condition": c, "note": self.rng.choice(text.SENTENCES), "source": self.rng.choice(sources)}
            for c in self.some(self.conditions, 0, 3)
        ]
        return learning

    def _network(self, city_id: str, size: int, sources: list[str]) -> Record:
        actors = self._actors(city_id, size)
        flows = []
        for actor in actors[1:]:  # every actor is tied to the city, in one direction or the other
            ends = (city_id, actor["id"]) if self.chance(0.6) else (actor["id"], city_id)
            flows.append(self._flow(*ends))
        for _ in range(self.rng.randint(0, len(actors))):
            a, b = self.rng.sample(actors, 2)
            flows.append(self._flow(a["id"], b["id"]))
        network: Record = {"actors": actors, "flows": flows, "sources": sources}
        if self.chance(0.3):
            network["note"] = "Het netwerk toont alleen de partners die de fictieve bron noemt."
        return network

    def _actors(self, city_id: str, count: int) -> list[Record]:
        actors: list[Record] = [{"id": city_id, "city": city_id, "role": "regisseur"}]
        other_cities = [c for c in self.cities if c != city_id]
        if other_cities and self.chance(0.3):
            neighbour = self.rng.choice(other_cities)
            actors.append({"id": neighbour, "city": neighbour, "role": "buurgemeente"})
        for org_id in self.some(list(self.organisations), count - len(actors) - 2, count - len(actors)):
            actor: Record = {"id": org_id, "organisation": org_id}
            if self.chance(0.5):
                actor["role"] = self.rng.choice(text.NETWORK_ROLES)
            actors.append(actor)
        while len(actors) < count:
            actors.append(self._named_actor(len(actors)))
        return actors

    def _named_actor(self, index: int) -> Record:
        actor: Record = {"id": f"actor-{index}", "name": f"Bewonersgroep {index} {text.FICTIONAL}"}
        actor["type"] = self.rng.choice(_TYPES)
        if self.chance(0.5):
            actor["role"] = self.rng.choice(text.NETWORK_ROLES)
        return actor

    def _flow(self, source: str, target: str) -> Record:
        flow: Record = {"from": source, "to": target, "kind": self.rng.choice(self.flow_kinds)}
        if self.chance(0.2):
            flow["intermittent"] = True
        if self.chance(0.4):
            flow["label"] = self.rng.choice(["subsidie", "lokaal", "advies", "doorverwijzing", "vorming"])
        if self.chance(0.1):
            flow["source"] = self.rng.choice(list(self.sources))
        return flow

    # --- learning networks -------------------------------------------------------------------------

    def _make_networks(self, count: int, words: list[str]) -> None:
        cities, organisations = list(self.cities), list(self.organisations)
        for i in range(count):
            word = words.pop()
            members = self.some(cities, min(3, len(cities)), 12)
            record: Record = {"name": f"Leernetwerk {word} {text.FICTIONAL}"}
            record["description"] = self.paragraphs(1)
            record["level"] = self.rng.choice(["lokaal", "regionaal", "vlaams", "europees"])
            if self.chance(0.9):
                record["coordinator"] = self.rng.choice(organisations)
            record["members"] = members
            record["cadence"] = self.rng.choice(text.CADENCES)
            record["agenda"] = [self._topic(members) for _ in range(self.rng.randint(1, 4))]
            sources = self.source_ids()
            record["conditions"] = [
                {"condition": c, "note": self.rng.choice(text.SENTENCES), "source": sources[0]}
                for c in self.some(self.conditions, 0, 5)
            ]
            record["sources"] = sources
            record["last_reviewed"] = self.reviewed()
            self.networks[f"leernetwerk-{text.kebab(word)}-{i + 1}"] = record

    def _topic(self, members: list[str]) -> Record:
        topic, theme = self.rng.choice(text.PRACTICE_TOPICS)
        return {
            "topic": topic,
            "themes": sorted({theme, *self.some(self.themes, 0, 1)}),
            "proposed_by": self.some(members, 1, 2),
        }

    # --- practices ---------------------------------------------------------------------------------

    def _make_practices(self, count: int) -> None:
        cities = list(self.cities)
        for i in range(count):
            city_id = cities[i % len(cities)]  # every city leads some practices
            topic, theme = self.rng.choice(text.PRACTICE_TOPICS)
            practice_id = f"{text.kebab(topic)}-{city_id}"
            if practice_id in self.practices:
                practice_id += f"-{i + 1}"
            self.practices[practice_id] = self._practice(city_id, topic, theme)
            self.recent.append(practice_id)

    def _practice(self, city_id: str, topic: str, theme: str) -> Record:
        place = self.city_names[city_id]
        record: Record = {
            "title": f"{topic} in {place}",
            "summary": f"{place} {text.FICTIONAL}: " + " ".join(self.some(text.SENTENCES, 1, 2)),
            "city": city_id,
        }
        others = [c for c in self.cities if c != city_id]
        record["cities"] = self.some(others, 0, 2) if self.chance(0.3) else []
        if record["cities"] and len(self.practices) % 4 == 0:
            # Every fourth practice with partners names no lead; by count, not by a random draw, so the
            # rest of the corpus stays what it was.
            record["no_lead"] = True
        record["themes"] = sorted({theme, *self.some(self.themes, 0, 2)}, key=self.themes.index)
        record["instruments"] = self.some(self.instruments, 0, 3)
        record["target_groups"] = self.some(text.TARGET_GROUPS, 0, 3)
        record["partners"] = [
            {"organisation": org, "role": self.rng.choice(text.ORGANISATION_ROLES)}
            if self.chance(0.8)
            else {"organisation": org}
            for org in self.some(list(self.organisations), 0, 4)
        ]
        record.update(self._period_and_status())
        record.update(self._practice_body())
        record["transferability"] = self._transferability(city_id)
        record["contact"] = self._contact(city_id) if self.chance(0.85) else {}
        record["documents"] = self._documents(city_id) if self.extra.random() < 0.4 else []
        record["sources"] = self.source_ids()
        record["last_reviewed"] = self.reviewed()
        return {key: value for key, value in record.items() if value not in ([], {}, None)}

    def _period_and_status(self) -> Record:
        state = self.rng.choice(["lopend", "afgerond", "pilot", None])
        start = self.rng.randint(2008, 2024)
        status = self._status(state)
        if not self.chance(0.85):
            return {"status": status}
        period = {"start": self.partial_date(start)}
        if state == "afgerond" or (state == "pilot" and self.chance(0.5)):
            period["end"] = self.partial_date(min(start + self.rng.randint(1, 4), 2026))
        return {"period": period, "status": status}

    def _status(self, state: str | None) -> Record | None:
        """A status with the source that states it and, for some, a month: recent and old
        confirmations both occur, so pages say "sinds" and "laatst bevestigd in"."""
        if state is None:
            return None
        status: Record = {"state": "lopend" if state == "pilot" else state}
        status["source"] = self.reference.choice(list(self.sources))
        if self.reference.random() < 0.5:
            status["date"] = f"{self.reference.randint(2018, 2026)}-{self.reference.randint(1, 8):02d}"
        return status

    def _practice_body(self) -> Record:
        body: Record = {}
        if self.chance(0.9):
            body["description"] = self.paragraphs(self.rng.randint(1, 3))
        body["approach"] = self.some(text.APPROACH_STEPS, 0, 6)
        resources = {
            "staff": f"{self.rng.choice(['0,5', '1', '2'])} VTE",
            "budget": f"€ {self.rng.randrange(5, 200) * 1000:,} per jaar".replace(",", "."),
            "funding": self.rng.choice(
                ["eigen middelen", "Vlaamse subsidie", "Europese subsidie en cofinanciering"]
            ),
        }
        body["resources"] = {k: v for k, v in resources.items() if self.chance(0.7)}
        for field in ("results", "evaluation"):
            if self.chance(0.7):
                body[field] = " ".join(self.some(text.SENTENCES, 1, 3))
        body["success_factors"] = self.some(text.SUCCESS_FACTORS, 0, 3)
        body["pitfalls"] = self.some(text.PITFALLS, 0, 3)
        return body

    def _transferability(self, city_id: str) -> Record:
        earlier = [p for p in self.recent if self.practices[p]["city"] != city_id]
        transferability: Record = {
            "size_classes": self.some([t["id"] for t in self.size_classes], 0, 3),
            "conditions": self.some(self.conditions, 0, 2),
            "adapted_from": self.some(earlier, 0, 2) if self.chance(0.3) else [],
        }
        if self.chance(0.5):
            transferability["note"] = "Pas de schaal aan de grootte van de gemeente aan."
        return {k: v for k, v in transferability.items() if v}

    def _city_contact(self, city_id: str, source: str) -> Record:
        return {
            "service": "Dienst Samenleven " + text.FICTIONAL,
            "url": f"https://{city_id}.example/samenleven",
            "source": source,
        }

    def _make_quiet_municipalities(self, count: int) -> None:
        """Municipalities without practices or a city record, as most of Flanders' are."""
        taken = set(self.municipalities)
        start = len(self.municipalities)
        names = [
            n for n in text.place_names(count + len(taken), self.reference) if text.kebab(n) not in taken
        ]
        for i, place in enumerate(names[:count], start=start):
            population, _ = self._population(i)
            city_id = text.kebab(place)
            self.municipalities[city_id] = {
                "nis_code": f"9{i:04d}",
                "id": city_id,
                "name": f"{place} {text.FICTIONAL}",
                "province": _PROVINCES[i % len(_PROVINCES)],
                "population": population,
                "population_summed": "",
                "centrumstad": "",
                "former_names": "",
            }

    def _make_offices(self) -> None:
        """The first public organisation keeps an office per province, as the Agentschap Integratie en
        Inburgering does."""
        public = next(org for org in self.organisations.values() if org["type"] == "publiek")
        source = public["sources"][0]
        public["offices"] = [
            {"province": p, "contact": {"service": f"Regio {p} {text.FICTIONAL}", "source": source}}
            for p in _PROVINCES
        ]
        public["sources"] = public.pop("sources")  # keep `sources` and `last_reviewed` last
        public["last_reviewed"] = public.pop("last_reviewed")

    # --- leervragen ----------------------------------------------------------------------------------

    def _make_questions(self, count: int) -> None:
        """Leervragen, drawn from their own stream (`asking`) after every other record, so that every
        earlier record stays as it was: open ones with and without a size or municipality, answered ones
        pointing at practices, municipalities and organisations, closed ones, some discussed in a network."""
        rng = self.asking
        by_theme: dict[str, list[str]] = {}
        for pid, practice in self.practices.items():
            for theme in practice["themes"]:
                by_theme.setdefault(theme, []).append(pid)
        cities, organisations, networks = list(self.cities), list(self.organisations), list(self.networks)
        for i in range(count):
            topic, theme = rng.choice(text.PRACTICE_TOPICS)
            phrase = topic[0].lower() + topic[1:]
            record: Record = {
                "question": rng.choice(text.QUESTION_PATTERNS).format(topic=phrase),
                "context": " ".join(rng.sample(text.QUESTION_CONTEXTS, rng.randint(1, 2)))
                + f" {text.FICTIONAL}",
                "themes": sorted({theme, *rng.sample(self.themes, rng.randint(0, 1))}, key=self.themes.index),
            }
            if rng.random() < 0.3:
                city = rng.choice(cities)
                record["size_class"] = self._size_class_of(self.municipalities[city]["population"])
                record["city"] = city
            elif rng.random() < 0.7:
                record["size_class"] = rng.choice(self.size_classes)["id"]
            year = rng.randint(2015, 2025)
            record["asked"] = str(year) if rng.random() < 0.5 else f"{year}-{rng.randint(1, 12):02d}"
            state = rng.choices(["open", "beantwoord", "gesloten"], [7, 2, 1])[0]
            record["status"] = state
            pool = by_theme.get(theme, [])
            answers = []
            for _ in range(rng.randint(1, 2) if state == "beantwoord" else int(rng.random() < 0.2)):
                kind = rng.choices(["practice", "city", "organisation"], [6, 2, 2])[0]
                target = rng.choice(pool if kind == "practice" and pool else cities)
                if kind == "organisation":
                    target = rng.choice(organisations)
                elif kind == "practice" and not pool:
                    kind = "city"
                answers.append({kind: target, "why": rng.choice(text.SENTENCES)})
            record["answers"] = answers
            record["meetings"] = [
                {
                    "network": rng.choice(networks),
                    "date": str(year + rng.randint(0, 1)),
                    "note": rng.choice(text.MEETING_NOTES),
                }
                for _ in range(int(rng.random() < 0.3 and bool(networks)))
            ]
            record["sources"] = sorted(rng.sample(list(self.sources), 1))
            record["last_reviewed"] = REVIEWED_UNTIL - dt.timedelta(days=rng.randrange(400))
            question_id = f"vraag-{i + 1}-{text.kebab(topic)}"
            self.questions[question_id] = {k: v for k, v in record.items() if v not in ([], {}, None)}

    def _size_class_of(self, population: int) -> str:
        for band in self.size_classes:
            high = band.get("max_population")
            if band["min_population"] <= population and (high is None or population < high):
                return str(band["id"])
        return str(self.size_classes[-1]["id"])

    def write_reference(self, folder: Path) -> None:
        """The reference data: every municipality, their metadata, and a grid of squares as their map."""
        folder.mkdir(parents=True, exist_ok=True)
        rows = sorted(self.municipalities.values(), key=lambda row: row["nis_code"])
        with (folder / reference.CSV_FILE).open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, reference.COLUMNS, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        first = next(iter(self.sources))
        meta = {"population_date": dt.date(2024, 1, 1), "sources": dict.fromkeys(_REFERENCE_FIELDS, first)}
        (folder / reference.META_FILE).write_text(_HEADER + _dump(meta), encoding="utf-8")
        side = max(1, int(len(rows) ** 0.5 + 0.999))
        shapes = {
            row["nis_code"]: f"M{(k % side) * 10} {(k // side) * 10}l9 0l0 9l-9 0z"
            for k, row in enumerate(rows)
        }
        document = {"view_box": [0, 0, side * 10, side * 10], "shapes": shapes}
        (folder / reference.SHAPES_FILE).write_text(json.dumps(document), encoding="utf-8")

    def _contact(self, city_id: str) -> Record:
        service = self.rng.choice(text.SERVICES)
        contact: Record = {"role": self.rng.choice(text.CONTACT_ROLES)}
        if self.chance(0.8):
            contact["service"] = service
        if self.chance(0.7):
            contact["email"] = f"{text.kebab(service)}@{city_id}.example"
        if self.extra.random() < 0.4:
            # A landline number that exists (the validator parses it), in a Flemish zone, never a
            # mobile one: the same draws as before, so the rest of the corpus stays the same.
            zone, first, second = (self.extra.randint(10, 99) for _ in range(3))
            contact["phone"] = f"{PHONE_ZONES[zone % len(PHONE_ZONES)]} {20 + (first - 10) % 80} {second} 00"
        if self.chance(0.5):
            contact["url"] = f"https://{city_id}.example/{text.kebab(service)}"
        contact["source"] = self.reference.choice(list(self.sources))
        return contact

    def _documents(self, city_id: str) -> list[Record]:
        kinds = ["reglement", "clausule", "sjabloon", "evaluatie", "presentatie"]
        return [
            {
                "title": f"{kind.capitalize()} {text.FICTIONAL}",
                "url": f"https://{city_id}.example/documenten/{kind}.pdf",
                "type": kind,
                "year": self.extra.randint(2015, 2025),
            }
            for kind in self.extra.sample(kinds, self.extra.randint(1, 2))
        ]
