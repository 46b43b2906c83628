"""Relations between records and what follows from them, computed from the validated records.

The one list of relations (`references`) is what the checks resolve, the backlinks invert and the
overview counts; size classes and staleness follow from the records and the vocabularies. The checks
import this module, never the reverse.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from macros.records.kinds import SOURCED_KINDS
from macros.records.models import City, Contact, Question

if TYPE_CHECKING:
    from macros.records.knowledge import KnowledgeBase

Loc = tuple[str | int, ...]

STALE_AFTER = dt.timedelta(days=2 * 365)
"""A record not reviewed for this long gets a warning (an error with --strict), and its page a notice."""

__all__ = ["SOURCED_KINDS", "STALE_AFTER", "Loc", "references", "size_class_for", "size_class_of"]


def references(kind: str, record: Any) -> Iterator[tuple[Loc, str, str]]:
    """(field path, target kind, id) of every reference a record makes. The one list of relations."""
    if kind == "practice":
        if getattr(record, "city", None):  # unset only in a record that failed its model
            yield ("city",), "city", record.city
        yield from _each(("cities",), "city", record.cities)
        yield from _each(("themes",), "theme", record.themes)
        yield from _each(("instruments",), "instrument", record.instruments)
        if record.status and record.status.source:
            yield ("status", "source"), "source", record.status.source
        for i, partner in enumerate(record.partners):
            yield ("partners", i, "organisation"), "organisation", partner.organisation
        if record.transferability:
            t = record.transferability
            yield from _each(("transferability", "size_classes"), "size_class", t.size_classes)
            yield from _each(("transferability", "conditions"), "condition", t.conditions)
            yield from _each(("transferability", "adapted_from"), "practice", t.adapted_from)
        yield from _contact(("contact",), record.contact)
    elif kind == "profile":
        yield from _city_references(record)
    elif kind == "organisation":
        for i, office in enumerate(record.offices):
            yield from _contact(("offices", i, "contact"), office.contact)
    elif kind == "network":
        if record.coordinator:
            yield ("coordinator",), "organisation", record.coordinator
        yield from _each(("members",), "city", record.members)
        for i, topic in enumerate(record.agenda):
            yield from _each(("agenda", i, "themes"), "theme", topic.themes)
            yield from _each(("agenda", i, "proposed_by"), "city", topic.proposed_by)
        yield from _condition_notes(("conditions",), record.conditions)
    elif kind == "question":
        yield from _question_references(record)
    if kind != "source":
        yield from _each(("sources",), "source", getattr(record, "sources", []))


def _contact(loc: Loc, contact: Contact | None) -> Iterator[tuple[Loc, str, str]]:
    if contact is not None and getattr(contact, "source", None):
        yield (*loc, "source"), "source", contact.source


def _city_references(city: City) -> Iterator[tuple[Loc, str, str]]:
    yield from _contact(("contact",), city.contact)
    for name in ("population", "foreign_origin_share"):
        measure = getattr(city, name)
        if measure:
            yield (name, "source"), "source", measure.source
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


ANSWER_TARGETS = ("practice", "city", "organisation")
"""What an answer to a leervraag can point to, each a field of `Answer` named after its kind."""


def _question_references(question: Question) -> Iterator[tuple[Loc, str, str]]:
    yield from _each(("themes",), "theme", getattr(question, "themes", None) or [])
    for name in ("size_class", "city"):
        value = getattr(question, name, None)
        if value:
            yield (name,), name, value
    for i, answer in enumerate(getattr(question, "answers", None) or []):
        for target in ANSWER_TARGETS:
            value = getattr(answer, target)
            if value:
                yield ("answers", i, target), target, value
    for i, meeting in enumerate(getattr(question, "meetings", None) or []):
        yield ("meetings", i, "network"), "network", meeting.network


def _condition_notes(loc: Loc, notes: Iterable[Any]) -> Iterator[tuple[Loc, str, str]]:
    for i, note in enumerate(notes):
        yield (*loc, i, "condition"), "condition", note.condition
        yield (*loc, i, "source"), "source", note.source


def _each(loc: Loc, target: str, ids: Iterable[str]) -> Iterator[tuple[Loc, str, str]]:
    for i, value in enumerate(ids):
        yield (*loc, i), target, value


def size_class_for(kb: KnowledgeBase, population: float) -> str | None:
    """The id of the band that holds `population`."""
    for term in kb.size_classes.values():
        if term.min_population <= population and (
            term.max_population is None or population < term.max_population
        ):
            return term.id
    return None


def size_class_of(kb: KnowledgeBase, city_id: str) -> str | None:
    """The size class of a municipality, from its reference population: one date for every
    municipality, so that peers and size filters compare like with like. None for an unknown id."""
    municipality = kb.municipalities.get(city_id)
    return size_class_for(kb, municipality.population) if municipality else None
