"""Cross-record checks: one function per rule, each yielding the problems it finds.

These run after every record has passed its model, so they see typed records; they use the raw
files only to find the line a problem sits on.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from macros.knowledge import KnowledgeBase
from macros.problems import Problem, Severity
from macros.records import City, Period
from macros.schema_errors import did_you_mean

Loc = tuple[str | int, ...]
STALE_AFTER = dt.timedelta(days=2 * 365)
"""A record not reviewed for this long gets a warning (an error with --strict)."""

_KEBAB = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def run_all(kb: KnowledgeBase, today: dt.date, strict: bool) -> list[Problem]:
    """Every check, in order; all their problems at once."""
    problems: list[Problem] = []
    for check in CHECKS:
        problems += check(kb)
    problems += check_reviewed(kb, today, strict)
    return problems


# --- identity ------------------------------------------------------------------------------------------


def check_file_names(kb: KnowledgeBase) -> Iterator[Problem]:
    """The file name is the id, and ids are kebab-case."""
    for (kind, record_id), raw in kb.raw.items():
        if kind != "vocabulary" and not _KEBAB.match(record_id):
            fixed = re.sub(r"[^a-z0-9]+", "-", record_id.lower()).strip("-")
            yield Problem(
                raw.path, 1, "", f"the file name is the id and must be kebab-case; rename it to {fixed}.yml"
            )


def check_vocabulary_ids(kb: KnowledgeBase) -> Iterator[Problem]:
    """Every term id appears once in its vocabulary."""
    for (kind, stem), raw in kb.raw.items():
        if kind != "vocabulary":
            continue
        seen: set[object] = set()
        for i, term in enumerate(raw.data.get("terms", [])):
            term_id = term.get("id") if isinstance(term, dict) else None
            if term_id in seen:
                yield kb.problem(
                    "vocabulary", stem, ("terms", i, "id"), f"'{term_id}' is defined twice; remove one"
                )
            seen.add(term_id)


# --- references ----------------------------------------------------------------------------------------


_NOUNS = {"size_class": "size class", "flow_kind": "flow kind", "condition": "learning condition"}
"""How a message names a reference kind, where that is not the kind itself."""


def references(kind: str, record: Any) -> Iterator[tuple[Loc, str, str]]:
    """(field path, target kind, id) of every reference a record makes. The one list of relations."""
    if kind == "practice":
        yield ("city",), "city", record.city
        yield from _each(("cities",), "city", record.cities)
        yield from _each(("themes",), "theme", record.themes)
        yield from _each(("instruments",), "instrument", record.instruments)
        for i, partner in enumerate(record.partners):
            yield ("partners", i, "organisation"), "organisation", partner.organisation
        if record.transferability:
            t = record.transferability
            yield from _each(("transferability", "size_classes"), "size_class", t.size_classes)
            yield from _each(("transferability", "conditions"), "condition", t.conditions)
            yield from _each(("transferability", "adapted_from"), "practice", t.adapted_from)
    elif kind == "city":
        yield from _city_references(record)
    elif kind == "network":
        if record.coordinator:
            yield ("coordinator",), "organisation", record.coordinator
        yield from _each(("members",), "city", record.members)
        for i, topic in enumerate(record.agenda):
            yield from _each(("agenda", i, "themes"), "theme", topic.themes)
            yield from _each(("agenda", i, "proposed_by"), "city", topic.proposed_by)
        yield from _condition_notes(("conditions",), record.conditions)
    if kind != "source":
        yield from _each(("sources",), "source", getattr(record, "sources", []))


def _city_references(city: City) -> Iterator[tuple[Loc, str, str]]:
    for name in ("population", "foreign_origin_share"):
        measure = getattr(city, name)
        if measure:
            yield (name, "source"), "source", measure.source
    if city.size_class:
        yield ("size_class",), "size_class", city.size_class
    if city.type_source:
        yield ("type_source",), "source", city.type_source
    for i, milestone in enumerate(city.milestones):
        yield ("milestones", i, "source"), "source", milestone.source
    yield from _each(("instruments",), "instrument", city.instruments)
    if city.learning:
        if city.learning.maturity_source:
            yield ("learning", "maturity_source"), "source", city.learning.maturity_source
        yield from _condition_notes(("learning", "conditions"), city.learning.conditions)
    if city.network:
        yield from _each(("network", "sources"), "source", city.network.sources)
        for i, actor in enumerate(city.network.actors):
            if actor.organisation:
                yield ("network", "actors", i, "organisation"), "organisation", actor.organisation
            if actor.city:
                yield ("network", "actors", i, "city"), "city", actor.city
        for i, flow in enumerate(city.network.flows):
            yield ("network", "flows", i, "kind"), "flow_kind", flow.kind
            if flow.source:
                yield ("network", "flows", i, "source"), "source", flow.source


def _condition_notes(loc: Loc, notes: Iterable[Any]) -> Iterator[tuple[Loc, str, str]]:
    for i, note in enumerate(notes):
        yield (*loc, i, "condition"), "condition", note.condition
        yield (*loc, i, "source"), "source", note.source


def _each(loc: Loc, target: str, ids: Iterable[str]) -> Iterator[tuple[Loc, str, str]]:
    for i, value in enumerate(ids):
        yield (*loc, i), target, value


def _all_records(kb: KnowledgeBase) -> Iterator[tuple[str, str, Any]]:
    for kind in ("practice", "city", "organisation", "network", "source"):
        for record_id, record in kb.records_of(kind).items():
            yield kind, record_id, record


def check_references(kb: KnowledgeBase) -> Iterator[Problem]:
    """Every reference resolves to a record or term; otherwise name the closest id."""
    for kind, record_id, record in _all_records(kb):
        for loc, target, value in references(kind, record):
            known = kb.records_of(target)
            if value not in known:
                noun = _NOUNS.get(target, target)
                hint = did_you_mean(value, known)
                yield kb.problem(kind, record_id, loc, f"'{value}' is not a known {noun}{hint}")


def check_no_self_reference(kb: KnowledgeBase) -> Iterator[Problem]:
    """A practice is not adapted from itself, and its lead city is not repeated among the others."""
    for practice_id, practice in kb.practices.items():
        if practice.transferability and practice_id in practice.transferability.adapted_from:
            index = practice.transferability.adapted_from.index(practice_id)
            loc: Loc = ("transferability", "adapted_from", index)
            yield kb.problem("practice", practice_id, loc, "a practice cannot be adapted from itself")
        if practice.city in practice.cities:
            loc = ("cities", practice.cities.index(practice.city))
            yield kb.problem(
                "practice", practice_id, loc, f"'{practice.city}' is already the lead `city`; remove it here"
            )


# --- dates ---------------------------------------------------------------------------------------------


def partial_date_problem(value: str) -> str | None:
    """Why a `YYYY[-MM[-DD]]` string is not a real date, or None when it is one."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) >= 2 and not 1 <= parts[1] <= 12:
        return f"'{value}' has no month {parts[1]:02d}; months run from 01 to 12"
    if len(parts) == 3:
        last = calendar.monthrange(parts[0], parts[1])[1]
        if not 1 <= parts[2] <= last:
            return f"'{value}' is not a real day; {parts[0]}-{parts[1]:02d} has {last} days"
    return None


def _period_problems(period: Period) -> Iterator[tuple[Loc, str]]:
    for name in ("start", "end"):
        value = getattr(period, name)
        problem = partial_date_problem(value) if value else None
        if problem:
            yield (name,), problem
    if period.end and not partial_date_problem(period.end) and not partial_date_problem(period.start):
        # Compare at the precision both share: 2012 ends after 2012-10 starts.
        width = min(len(period.start), len(period.end))
        if period.end[:width] < period.start[:width]:
            yield (
                ("end",),
                f"the period ends ({period.end}) before it starts ({period.start}); swap or fix them",
            )


def check_dates(kb: KnowledgeBase) -> Iterator[Problem]:
    """Partial dates are real days or months, and periods end after they start."""
    for practice_id, practice in kb.practices.items():
        if practice.period:
            for loc, message in _period_problems(practice.period):
                yield kb.problem("practice", practice_id, ("period", *loc), message)
    for city_id, city in kb.cities.items():
        for i, milestone in enumerate(city.milestones):
            problem = partial_date_problem(milestone.date)
            if problem:
                yield kb.problem("city", city_id, ("milestones", i, "date"), problem)


def check_reviewed(kb: KnowledgeBase, today: dt.date, strict: bool) -> Iterator[Problem]:
    """`last_reviewed` is not in the future; older than two years is a warning (an error with --strict)."""
    for kind, record_id, record in _all_records(kb):
        reviewed = getattr(record, "last_reviewed", None)
        if reviewed is None:
            continue
        if reviewed > today:
            yield kb.problem(
                kind,
                record_id,
                ("last_reviewed",),
                f"{reviewed} is in the future; use today's date or earlier",
            )
        elif today - reviewed > STALE_AFTER:
            severity: Severity = "error" if strict else "warning"
            message = (
                f"not reviewed since {reviewed}; check the record against its sources and update the date"
            )
            yield kb.problem(kind, record_id, ("last_reviewed",), message, severity)


# --- size classes --------------------------------------------------------------------------------------


def size_class_for(kb: KnowledgeBase, population: float) -> str | None:
    """The id of the band that holds `population`."""
    for term in kb.size_classes.values():
        if term.min_population <= population and (
            term.max_population is None or population < term.max_population
        ):
            return term.id
    return None


def check_size_class_bands(kb: KnowledgeBase) -> Iterator[Problem]:
    """The bands start at 0, follow each other without gap or overlap, and only the last is open."""
    terms = list(kb.size_classes.values())
    expected_min = 0
    for i, term in enumerate(terms):
        if term.min_population != expected_min:
            message = (
                f"the band starts at {term.min_population} but should start at {expected_min}, "
                "where the previous ends"
            )
            yield kb.problem("vocabulary", "size-classes", ("terms", i, "min_population"), message)
        last = i == len(terms) - 1
        if term.max_population is None and not last:
            yield kb.problem(
                "vocabulary", "size-classes", ("terms", i), "only the last band may have no max_population"
            )
        expected_min = term.max_population or 0


def check_city_size_class(kb: KnowledgeBase) -> Iterator[Problem]:
    """A stated size class follows from the population and the bands."""
    for city_id, city in kb.cities.items():
        if city.size_class is None or city.size_class not in kb.size_classes:
            continue
        if city.population is None:
            message = "a size class follows from the population; add `population` or remove `size_class`"
            yield kb.problem("city", city_id, ("size_class",), message)
            continue
        expected = size_class_for(kb, city.population.value)
        if expected != city.size_class:
            population = f"{city.population.value:,.0f}".replace(",", ".")  # Dutch thousands separator
            message = f"a population of {population} falls in '{expected}', not '{city.size_class}'"
            yield kb.problem("city", city_id, ("size_class",), message)


def city_size_class(kb: KnowledgeBase, city: City) -> str | None:
    """The size class of a city: stated, else derived from its population."""
    if city.size_class:
        return city.size_class
    return size_class_for(kb, city.population.value) if city.population else None


# --- networks ------------------------------------------------------------------------------------------


def check_network(kb: KnowledgeBase) -> Iterator[Problem]:
    """Actors are unique and named; flows connect actors of the same network; the city is in it."""
    for city_id, city in kb.cities.items():
        if city.network is None:
            continue
        actor_ids = [actor.id for actor in city.network.actors]
        seen: set[str] = set()
        for i, actor in enumerate(city.network.actors):
            loc: Loc = ("network", "actors", i)
            if actor.id in seen:
                yield kb.problem(
                    "city", city_id, (*loc, "id"), f"actor id '{actor.id}' is used twice in this network"
                )
            seen.add(actor.id)
            if sum(x is not None for x in (actor.organisation, actor.city)) > 1:
                yield kb.problem(
                    "city", city_id, loc, "an actor is an organisation or a city, not both; keep one"
                )
            if actor.organisation is None and actor.city is None and actor.name is None:
                yield kb.problem(
                    "city", city_id, loc, "give the actor an `organisation`, a `city` or a `name`"
                )
        if not any(actor.city == city_id for actor in city.network.actors):
            message = f"the network has no actor for the city itself; add one with `city: {city_id}`"
            yield kb.problem("city", city_id, ("network", "actors"), message)
        for i, flow in enumerate(city.network.flows):
            for end in ("from", "to"):
                value = flow.from_ if end == "from" else flow.to
                if value not in seen:
                    hint = did_you_mean(value, actor_ids)
                    yield kb.problem(
                        "city",
                        city_id,
                        ("network", "flows", i, end),
                        f"'{value}' is not an actor of this network{hint}",
                    )
            if flow.from_ == flow.to:
                yield kb.problem(
                    "city",
                    city_id,
                    ("network", "flows", i, "to"),
                    "a flow goes from one actor to another; `to` equals `from`",
                )


# --- sources -------------------------------------------------------------------------------------------


SOURCED_KINDS = ("practice", "city", "organisation", "network")
"""Record kinds that state facts about real places or organisations, so must cite a source."""


def check_sourced(kb: KnowledgeBase) -> Iterator[Problem]:
    """Every record that states facts about a real place or organisation cites at least one source."""
    for kind in SOURCED_KINDS:
        for record_id, record in kb.records_of(kind).items():
            if not record.sources:
                message = (
                    "cite at least one source (an id from practices/sources/) for the facts in this record"
                )
                yield kb.problem(kind, record_id, ("sources",), message)


CHECKS: list[Callable[[KnowledgeBase], Iterable[Problem]]] = [
    check_file_names,
    check_vocabulary_ids,
    check_references,
    check_no_self_reference,
    check_dates,
    check_size_class_bands,
    check_city_size_class,
    check_network,
    check_sourced,
]
"""The checks that need only the knowledge base; `check_reviewed` also needs today's date."""
