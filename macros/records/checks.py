"""Cross-record checks: one function per rule, each yielding the problems it finds.

These see typed records (and, for a record that failed its model, the fields that passed on their own);
they use the raw files only to find the line a problem sits on. Relations and derived facts come from
`macros.records.relations`.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from macros.records.dutch import dutch_date
from macros.records.kinds import KINDS, RECORD_KINDS, RESERVED_IDS, TERM_KINDS
from macros.records.loading import slug
from macros.records.models import Period
from macros.records.problems import Problem, Severity, quoted
from macros.records.relations import SOURCED_KINDS, STALE_AFTER, Loc, references
from macros.records.schema_errors import Hints

if TYPE_CHECKING:
    from macros.records.knowledge import KnowledgeBase


def run_all(kb: KnowledgeBase, today: dt.date, strict: bool) -> list[Problem]:
    """Every check, in order; all their problems at once."""
    problems: list[Problem] = []
    for check in CHECKS:
        problems += check(kb)
    problems += check_reviewed(kb, today, strict)
    return problems


def _checked(kb: KnowledgeBase, kind: str) -> Iterator[tuple[str, Any]]:
    """(id, record) of every record of `kind`, also those that failed their model: the checks see the
    fields of such a record that passed on their own, so one run reports every problem of a file."""
    yield from kb.records_of(kind).items()
    for (partial_kind, record_id), record in kb.partial.items():
        if partial_kind == kind:
            yield record_id, record


# --- identity ------------------------------------------------------------------------------------------


def check_vocabulary_ids(kb: KnowledgeBase) -> Iterator[Problem]:
    """Every term id appears once in its vocabulary, and none takes an id a generated page uses."""
    for (kind, stem), raw in kb.raw.items():
        if kind != "vocabulary":
            continue
        seen: set[object] = set()
        for i, term in enumerate(raw.data.get("terms", [])):
            term_id = term.get("id") if isinstance(term, dict) else None
            loc: Loc = ("terms", i, "id")
            if term_id in seen:
                yield kb.problem(
                    "vocabulary", stem, loc, f"{quoted(term_id)} staat er twee keer; verwijder er één"
                )
            if term_id in RESERVED_IDS:
                message = (
                    f"de id {quoted(term_id)} is voorbehouden voor een pagina van de site; kies een andere"
                )
                yield kb.problem("vocabulary", stem, loc, message)
            seen.add(term_id)


# --- references ----------------------------------------------------------------------------------------


def _all_records(kb: KnowledgeBase) -> Iterator[tuple[str, str, Any]]:
    for kind in RECORD_KINDS:
        for record_id, record in _checked(kb, kind):
            yield kind, record_id, record


def check_references(kb: KnowledgeBase) -> Iterator[Problem]:
    """Every reference resolves to a record or term; otherwise name the closest id, or the term whose
    label was written instead of its id."""
    hints = Hints()
    for kind, record_id, record in _all_records(kb):
        for loc, target, value in references(kind, record):
            known = kb.known_ids(target)
            if value not in known:
                yield kb.problem(kind, record_id, loc, unknown_reference(kb, target, value, hints))


def unknown_reference(kb: KnowledgeBase, target: str, value: str, hints: Hints) -> str:
    """`'talen' is geen thema uit ...; bedoel je 'taal'?`"""
    return explain_reference(kb, target, value, hints) or (
        f"{quoted(value)} is geen {KINDS[target].noun} uit {KINDS[target].where}"
    )


def explain_reference(kb: KnowledgeBase, target: str, value: str, hints: Hints) -> str | None:
    """What is wrong with `value` as an id of `target`, when there is more to say than that it is
    unknown: a term's label written instead of its id, a municipality's name, a municipality that
    merged into another, or a close id. None when nothing is known about it.

    The model's id pattern refuses `Boortmeerbek` before the checks run; both paths ask here, so a
    contributor reads the same help whether she wrote a name or a misspelt id."""
    unknown = f"{quoted(value)} is geen {KINDS[target].noun} uit {KINDS[target].where}"
    if target in TERM_KINDS:
        by_label = {term.label.casefold(): term_id for term_id, term in kb.records_of(target).items()}
        if value.casefold() in by_label:
            return unknown + f"; schrijf de id {quoted(by_label[value.casefold()])}, niet het label"
    elif target == "city":
        return _explain_municipality(kb, value, hints)
    hint = hints.did_you_mean(value, kb.known_ids(target))
    return unknown + hint if hint else None


def _explain_municipality(kb: KnowledgeBase, value: str, hints: Hints) -> str | None:
    key = slug(value)
    former = kb.reference.former.get(key)
    if former is not None:
        successor = kb.municipalities[former.successor]
        return (
            f"{former.name} is sinds {dutch_date(former.merged)} een deel van {successor.name}; "
            f"schrijf {quoted(successor.id)}"
        )
    if key in kb.municipalities and key != value:
        return f"{quoted(value)} is de naam; schrijf de id {quoted(key)}"
    choices = kb.reference.suggestions()
    matches = hints.close(key, choices)
    if not matches:
        return None
    municipality = kb.municipalities[choices[matches[0]]]
    return (
        f"{quoted(value)} is geen stad of gemeente uit {KINDS['city'].where}; "
        f"bedoel je {quoted(municipality.id)} ({municipality.name})?"
    )


def check_no_self_reference(kb: KnowledgeBase) -> Iterator[Problem]:
    """A practice is not adapted from itself, and its lead city is not repeated among the others."""
    for practice_id, practice in _checked(kb, "practice"):
        if practice.transferability and practice_id in practice.transferability.adapted_from:
            index = practice.transferability.adapted_from.index(practice_id)
            loc: Loc = ("transferability", "adapted_from", index)
            yield kb.problem("practice", practice_id, loc, "een praktijk is niet van zichzelf overgenomen")
        lead = getattr(practice, "city", None)
        if lead in practice.cities:
            loc = ("cities", practice.cities.index(lead))
            message = f"{quoted(lead)} is al de trekker (`city`); haal de stad hier weg"
            yield kb.problem("practice", practice_id, loc, message)


# --- dates ---------------------------------------------------------------------------------------------


def partial_date_problem(value: str) -> str | None:
    """Why a `YYYY[-MM[-DD]]` string is not a real date, or None when it is one."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) >= 2 and not 1 <= parts[1] <= 12:
        return f"{quoted(value)} heeft geen maand {parts[1]:02d}; maanden lopen van 01 tot 12"
    if len(parts) == 3:
        last = calendar.monthrange(parts[0], parts[1])[1]
        if not 1 <= parts[2] <= last:
            return f"{quoted(value)} is geen bestaande dag; {parts[0]}-{parts[1]:02d} heeft {last} dagen"
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
                f"de periode eindigt ({period.end}) voor ze begint ({period.start}); "
                "wissel ze om of verbeter ze",
            )


def check_dates(kb: KnowledgeBase) -> Iterator[Problem]:
    """Partial dates are real days or months, and periods end after they start."""
    for practice_id, practice in _checked(kb, "practice"):
        if practice.period:
            for loc, message in _period_problems(practice.period):
                yield kb.problem("practice", practice_id, ("period", *loc), message)
        status = getattr(practice, "status", None)
        if status is not None and status.date:
            problem = partial_date_problem(status.date)
            if problem:
                yield kb.problem("practice", practice_id, ("status", "date"), problem)
    for city_id, city in _checked(kb, "profile"):
        for i, milestone in enumerate(city.milestones):
            problem = partial_date_problem(milestone.date)
            if problem:
                yield kb.problem("profile", city_id, ("milestones", i, "date"), problem)


def check_status_dated(kb: KnowledgeBase) -> Iterator[Problem]:
    """A practice's status has a date: its own, or the year of the source that states it. Without one
    the site cannot tell whether "lopend" is news or history."""
    for practice_id, practice in _checked(kb, "practice"):
        status = getattr(practice, "status", None)
        if status is None or status.date or status.source is None or status.source not in kb.sources:
            continue
        if kb.sources[status.source].year is None:
            message = (
                f"de bron {quoted(status.source)} heeft geen jaar; zeg met `date` wanneer ze dit zegt "
                "(JJJJ of JJJJ-MM; bij een webpagina zonder datum: de dag waarop je ze las)"
            )
            yield kb.problem("practice", practice_id, ("status", "source"), message)


def check_reviewed(kb: KnowledgeBase, today: dt.date, strict: bool) -> Iterator[Problem]:
    """`last_reviewed` is not in the future; older than two years is a warning (an error with --strict)."""
    for kind, record_id, record in _all_records(kb):
        reviewed = getattr(record, "last_reviewed", None)
        if reviewed is None:
            continue
        if reviewed > today:
            message = f"{reviewed} ligt in de toekomst; vul de datum van vandaag in, of een eerdere"
            yield kb.problem(kind, record_id, ("last_reviewed",), message)
        elif today - reviewed > STALE_AFTER:
            severity: Severity = "error" if strict else "warning"
            message = (
                f"niet meer nagekeken sinds {reviewed}; vergelijk het record met zijn bronnen "
                "en pas de datum aan"
            )
            yield kb.problem(kind, record_id, ("last_reviewed",), message, severity)


# --- size classes --------------------------------------------------------------------------------------


def check_size_class_bands(kb: KnowledgeBase) -> Iterator[Problem]:
    """The bands start at 0, follow each other without gap or overlap, and only the last is open."""
    terms = list(kb.size_classes.values())
    expected_min = 0
    for i, term in enumerate(terms):
        if term.min_population != expected_min:
            message = (
                f"de klasse begint bij {term.min_population}, maar moet beginnen bij {expected_min}, "
                "waar de vorige eindigt"
            )
            yield kb.problem("vocabulary", "size-classes", ("terms", i, "min_population"), message)
        last = i == len(terms) - 1
        if term.max_population is None and not last:
            message = "alleen de laatste klasse mag zonder max_population"
            yield kb.problem("vocabulary", "size-classes", ("terms", i), message)
        expected_min = term.max_population or 0


def check_profile_municipality(kb: KnowledgeBase) -> Iterator[Problem]:
    """A city record extends a municipality of the reference data: its file name is that id."""
    if not kb.municipalities:
        return  # the reference data is missing: that is reported once, not for every city record
    hints = Hints()
    for city_id in sorted(kb.file_ids.get("profile", ())):
        if city_id not in kb.municipalities:
            message = unknown_reference(kb, "city", city_id, hints)
            yield Problem(kb.root / "cities" / f"{city_id}.yml", 1, "", f"de bestandsnaam: {message}")


def check_profile_population(kb: KnowledgeBase) -> Iterator[Problem]:
    """A case study's own population that differs from the reference: say which one the site shows."""
    meta = kb.reference.meta
    for city_id, city in kb.profiles.items():
        municipality = kb.municipalities.get(city_id)
        if (
            city.population is None
            or municipality is None
            or city.population.value == municipality.population
        ):
            continue
        date = dutch_date(meta.population_date) if meta else "de referentiedatum"
        message = (
            f"de site gebruikt voor de stadsgrootte en de vergelijkingen het referentiecijfer "
            f"({municipality.population} inwoners op {date}), zodat alle gemeenten op dezelfde datum "
            f"vergeleken worden; dit cijfer staat bij de casestudy als dat van zijn bron"
        )
        yield kb.problem("profile", city_id, ("population", "value"), message, "warning")


def check_reference_sources(kb: KnowledgeBase) -> Iterator[Problem]:
    """Every source the reference data names is a source record."""
    meta, raw = kb.reference.meta, kb.reference.raw.get("municipalities.yml")
    if meta is None or raw is None:
        return
    hints = Hints()
    for name, source_id in meta.sources:
        if source_id is not None and source_id not in kb.sources:
            message = unknown_reference(kb, "source", source_id, hints)
            yield Problem(raw.path, raw.line_of(("sources", name)), f"sources.{name}", message)


def check_shares(kb: KnowledgeBase) -> Iterator[Problem]:
    """A share below 1 % is probably a fraction (0.21 for 21 %): ask, as a warning."""
    for city_id, city in _checked(kb, "profile"):
        share = city.foreign_origin_share
        if share is not None and 0 < share.value < 1:
            percent = f"{share.value * 100:g}".replace(".", ",")
            message = (
                f"een aandeel van {str(share.value).replace('.', ',')} % is heel klein; "
                f"bedoel je {percent} %? "
                f"Schrijf dan {share.value * 100:g} (het veld is een percentage van 0 tot 100)"
            )
            yield kb.problem("profile", city_id, ("foreign_origin_share", "value"), message, "warning")


# --- networks ------------------------------------------------------------------------------------------


def check_network(kb: KnowledgeBase) -> Iterator[Problem]:
    """Actors are unique and named; flows connect actors of the same network; the city is in it."""
    hints = Hints()
    for city_id, city in _checked(kb, "profile"):
        if city.network is None:
            continue
        actor_ids = [actor.id for actor in city.network.actors]
        seen: set[str] = set()
        for i, actor in enumerate(city.network.actors):
            loc: Loc = ("network", "actors", i)
            if actor.id in seen:
                message = f"de actor-id {quoted(actor.id)} staat twee keer in dit netwerk; "
                message += "geef elke actor een eigen id"
                yield kb.problem("profile", city_id, (*loc, "id"), message)
            seen.add(actor.id)
            if sum(x is not None for x in (actor.organisation, actor.city)) > 1:
                message = "een actor is een organisatie of een stad, niet beide; houd er één"
                yield kb.problem("profile", city_id, loc, message)
            if actor.organisation is None and actor.city is None and actor.name is None:
                message = "geef de actor een `organisation`, een `city` of een `name`"
                yield kb.problem("profile", city_id, loc, message)
        if not any(actor.city == city_id for actor in city.network.actors):
            message = f"het netwerk heeft geen actor voor de stad zelf; voeg er een toe met `city: {city_id}`"
            yield kb.problem("profile", city_id, ("network", "actors"), message)
        for i, flow in enumerate(city.network.flows):
            for end in ("from", "to"):
                value = flow.from_ if end == "from" else flow.to
                if value not in seen:
                    message = (
                        f"{quoted(value)} is geen actor van dit netwerk{hints.did_you_mean(value, actor_ids)}"
                    )
                    yield kb.problem("profile", city_id, ("network", "flows", i, end), message)
            if flow.from_ == flow.to:
                message = "een stroom gaat van de ene actor naar een andere; `to` is gelijk aan `from`"
                yield kb.problem("profile", city_id, ("network", "flows", i, "to"), message)


# --- sources -------------------------------------------------------------------------------------------


def check_sourced(kb: KnowledgeBase) -> Iterator[Problem]:
    """Every record that states facts about a real place or organisation cites at least one source."""
    for kind in SOURCED_KINDS:
        for record_id, record in kb.records_of(kind).items():
            if not record.sources:
                message = (
                    "vermeld minstens één bron (een id uit practices/sources/) voor de feiten in dit record"
                )
                yield kb.problem(kind, record_id, ("sources",), message)


CHECKS: list[Callable[[KnowledgeBase], Iterable[Problem]]] = [
    check_vocabulary_ids,
    check_references,
    check_no_self_reference,
    check_dates,
    check_status_dated,
    check_size_class_bands,
    check_profile_municipality,
    check_profile_population,
    check_reference_sources,
    check_shares,
    check_network,
    check_sourced,
]
"""The checks that need only the knowledge base; `check_reviewed` also needs today's date."""
