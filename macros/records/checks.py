"""Cross-record checks: one function per rule, each yielding the problems it finds.

These see typed records (and, for a record that failed its model, the fields that passed on their own);
they use the raw files only to find the line a problem sits on. Relations and derived facts come from
`macros.records.relations`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
import types
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

from macros.records import addresses, lookalike
from macros.records.dutch import dutch_date
from macros.records.kinds import KIND_FOLDERS, KINDS, RECORD_KINDS, RESERVED_IDS, TERM_KINDS
from macros.records.loading import slug
from macros.records.models import FIRST_YEAR, PLAN_YEARS, Contact, Milestone, PartialDate, Period
from macros.records.problems import Problem, Severity, quoted
from macros.records.relations import SOURCED_KINDS, STALE_AFTER, Loc, references, size_class_of
from macros.records.schema_errors import Hints

if TYPE_CHECKING:
    from macros.records.knowledge import KnowledgeBase


def run_all(kb: KnowledgeBase, today: dt.date, strict: bool) -> list[Problem]:
    """Every check, in order; all their problems at once."""
    problems: list[Problem] = []
    for check in CHECKS:
        problems += check(kb)
    problems += check_reviewed(kb, today, strict)
    problems += check_date_bounds(kb, today)
    problems += check_question_dates(kb, today)
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


NAMED: dict[str, str] = {"organisation": "name", "source": "title"}
"""Record kinds a reader tells apart by one text: the field that holds it. Municipalities' names come
from the reference data (`municipalities.csv`)."""

Named = tuple[str, str, str, Callable[[str], Problem]]
"""(id, name, where it is written for a message, the problem at it with a given message)."""


def check_lookalike_names(kb: KnowledgeBase) -> Iterator[Problem]:
    """No two organisations or municipalities have names a reader cannot tell apart: the same after
    Unicode confusable folding (`macros.records.lookalike`), case and spacing. Sources may share a
    title exactly (one article in two outlets, a yearly report's chapters) or but for case (a
    publisher's own capitals), but not one that only looks the same."""
    for kind, field in NAMED.items():
        folder = KIND_FOLDERS[kind]
        named: list[Named] = [
            (
                record_id,
                name,
                f"{record_id}.yml" if folder == "." else f"{folder}/{record_id}.yml",
                functools.partial(kb.problem, kind, record_id, (field,)),
            )
            for record_id, record in sorted(_checked(kb, kind))
            if isinstance(name := getattr(record, field, None), str)
        ]
        yield from _twins(named, "titel" if kind == "source" else "naam", titles=kind == "source")
    csv_path = kb.reference.csv_path
    if csv_path is not None:
        lines = kb.reference.csv_lines
        yield from _twins(
            [
                (
                    municipality_id,
                    municipality.name,
                    f"regel {lines[municipality_id]} van {csv_path.name}",
                    functools.partial(Problem, csv_path, lines[municipality_id], "name"),
                )
                for municipality_id, municipality in sorted(kb.municipalities.items())
            ],
            "naam",
        )


def _twins(named: list[Named], noun: str, titles: bool = False) -> Iterator[Problem]:
    """A problem for every entry whose name shares a skeleton with another's, naming that other. With
    `titles`, names written exactly alike or differing in case are no twins."""
    groups: dict[tuple[int, str], list[Named]] = {}
    for entry in named:
        keys = lookalike.skeletons(entry[1])
        for i, key in enumerate(keys[:1] if titles else keys):
            groups.setdefault((i, key), []).append(entry)
    differ = "of in spaties" if titles else "in hoofdletters of in spaties"
    reported: set[str] = set()
    for group in groups.values():
        for entry_id, name, _, problem in group:
            others = [o for o in group if o[0] != entry_id and not (titles and o[1] == name)]
            if not others or entry_id in reported:
                continue
            reported.add(entry_id)
            _, twin, where, _ = others[0]
            if name == twin:
                yield problem(
                    f"{where} heeft dezelfde {noun}, en twee met dezelfde {noun} zijn niet uit elkaar te "
                    f"houden; geef elk een eigen {noun}, of gebruik {where}"
                )
            else:
                yield problem(
                    f"{quoted(name)} is niet te onderscheiden van {quoted(twin)}, de {noun} van {where}: "
                    "ze verschillen alleen in tekens die er hetzelfde uitzien (zoals een Cyrillische а "
                    f"voor een a), {differ}; schrijf de {noun} zoals daar, of maak ze echt anders"
                )


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
    """A practice is not adapted from itself, its lead city is not repeated among the others, and a
    practice without a lead (`no_lead`) has other municipalities to share it with."""
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
        if practice.no_lead and not practice.cities:
            message = (
                "`no_lead: true` zegt dat gemeenten als gelijken samenwerken, maar `cities` is leeg; zet de "
                "andere gemeenten in `cities`, of haal `no_lead` weg"
            )
            yield kb.problem("practice", practice_id, ("no_lead",), message)


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


# --- walking the fields of a record ------------------------------------------------------------------


def _leaf_kind(model: type[BaseModel], name: str, annotation: Any) -> str | None:
    """The leaves the checks below look at, found by type so that a field added to any model is
    checked too: every contact, every date, every partial date, every year."""
    bare, metadata = _unwrap(annotation)
    if bare is Contact:
        return "contact"
    if bare is dt.date and name != "last_reviewed":  # check_reviewed has its own rule and message
        return "date"
    if bare is str and _pattern(metadata) == _pattern(_unwrap(PartialDate)[1]):
        return "plan" if (model, name) in PLANNED else "partial"
    if bare is int and name == "year":
        return "year"
    return None


PLANNED = {(Period, "start"), (Period, "end"), (Milestone, "date")}
"""Partial dates that may lie ahead, up to PLAN_YEARS: a practice or a milestone can be planned. Every
other date says when something happened or was said (a status's date), and may not lie ahead."""


def _unwrap(annotation: Any) -> tuple[Any, list[Any]]:
    """`X`, `X | None`, `Annotated[X, ...]` -> (X, the metadata met on the way)."""
    metadata: list[Any] = []
    while True:
        if get_origin(annotation) is Annotated:
            annotation, *extra = get_args(annotation)
            metadata += extra
        elif get_origin(annotation) in (Union, types.UnionType):
            args = [a for a in get_args(annotation) if a is not type(None)]
            if len(args) != 1:
                return annotation, metadata
            annotation = args[0]
        else:
            return annotation, metadata


def _pattern(metadata: list[Any]) -> str | None:
    return next((m.pattern for m in metadata if getattr(m, "pattern", None)), None)


@functools.cache
def _plan(model: type[BaseModel]) -> tuple[tuple[str, str, str | None, type[BaseModel] | None], ...]:
    """(attribute, key as written, leaf kind, nested model) of the fields of `model` that are or may
    hold a leaf; fields that cannot (a network's flows) are left out, so the walk stays cheap."""
    plan = []
    for name, info in model.model_fields.items():
        annotation, _ = _unwrap(info.annotation)
        is_list = get_origin(annotation) is list
        item = _unwrap(get_args(annotation)[0])[0] if is_list else annotation
        # A required field's constraints (a partial date's pattern) are in `metadata`, not in the type.
        full: Any = Annotated[info.annotation, *info.metadata] if info.metadata else info.annotation
        kind = _leaf_kind(model, name, get_args(annotation)[0] if is_list else full)
        nested = item if isinstance(item, type) and issubclass(item, BaseModel) else None
        if kind is not None or (nested is not None and _plan(nested)):
            plan.append((name, info.alias or name, kind, None if kind else nested))
    return tuple(plan)


def _leaves(record: BaseModel, loc: Loc = ()) -> Iterator[tuple[Loc, str, Any]]:
    """(field path, leaf kind, value) of every leaf of a record (see `_leaf_kind`) that has a value."""
    for name, key, kind, nested in _plan(type(record)):
        value = getattr(record, name, None)
        items = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
        for index, item in items:
            where: Loc = (*loc, key) if index is None else (*loc, key, index)
            if item is None:
                continue
            if kind is not None:
                yield where, kind, item
            elif nested is not None and isinstance(item, BaseModel):
                yield from _leaves(item, where)


# --- contacts ------------------------------------------------------------------------------------------


def check_contacts(kb: KnowledgeBase) -> Iterator[Problem]:
    """Every contact of every record: a mobile number or a `voornaam.naam@` address gets a warning
    asking whether it is a service's (the models refuse private mail providers outright)."""
    for kind, record_id, record in _all_records(kb):
        for loc, leaf, contact in _leaves(record):
            if leaf != "contact":
                continue
            warnings = [
                (
                    "email",
                    addresses.email_warning(addresses.parse_email(contact.email)) if contact.email else None,
                ),
                ("phone", addresses.phone_warning(contact.phone) if contact.phone else None),
            ]
            for field, message in warnings:
                if message:
                    yield kb.problem(kind, record_id, (*loc, field), message, "warning")


# --- dates: within sane bounds ---------------------------------------------------------------------


def check_date_bounds(kb: KnowledgeBase, today: dt.date) -> Iterator[Problem]:
    """Every date and year lies from FIRST_YEAR on; a day or a year of something that happened (a page
    read, a source published, a figure counted) not after today; a partial date (a period, a
    milestone), which may be planned, at most PLAN_YEARS after this year."""
    for kind, record_id, record in _all_records(kb):
        for loc, leaf, value in _leaves(record):
            message = _date_bound(leaf, value, today)
            if message:
                yield kb.problem(kind, record_id, loc, message)


def _date_bound(leaf: str, value: Any, today: dt.date) -> str | None:
    if leaf == "contact":
        return None
    year = value.year if isinstance(value, dt.date) else int(str(value)[:4])
    if year < FIRST_YEAR:
        return f"{quoted(value)} ligt voor {FIRST_YEAR}; schrijf het jaar voluit, zoals 2012"
    if leaf == "date" and value > today:
        return f"{value} ligt in de toekomst; vul de datum van vandaag in, of een eerdere"
    if leaf in ("year", "partial") and year > today.year:
        return (
            f"{quoted(value)} ligt na dit jaar ({today.year}); wat een bron zegt, komt niet uit de "
            "toekomst: verbeter het jaar"
        )
    if leaf == "plan" and year > today.year + PLAN_YEARS:
        return (
            f"{quoted(value)} ligt meer dan {PLAN_YEARS} jaar na dit jaar ({today.year}); ook een gepland "
            f"einde of keerpunt ligt hoogstens in {today.year + PLAN_YEARS}. Verbeter het jaar"
        )
    return None


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
        if city_id in RESERVED_IDS or slug(city_id) != city_id:
            continue  # the loader refused the file name already, with the name to use: one message
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
        if source_id is not None and source_id not in kb.known_ids("source"):
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


# --- leervragen ----------------------------------------------------------------------------------------


def check_question_dates(kb: KnowledgeBase, today: dt.date) -> Iterator[Problem]:
    """When a leervraag was asked and discussed: real dates, not after today (a question that will be
    asked is not one yet). A year after this one is `check_date_bounds`' to report (one mistake, one
    message); this check adds the month or day later this year."""
    for question_id, question in _checked(kb, "question"):
        dated: list[tuple[Loc, str | None]] = [(("asked",), getattr(question, "asked", None))]
        dated += [(("meetings", i, "date"), m.date) for i, m in enumerate(question.meetings or [])]
        for loc, value in dated:
            if not value:
                continue
            problem = partial_date_problem(value)
            later_this_year = int(value[:4]) == today.year and value > today.isoformat()[: len(value)]
            if problem is None and later_this_year:
                problem = (
                    f"{value} ligt in de toekomst; vul de datum in waarop de vraag gesteld of besproken werd"
                )
            if problem:
                yield kb.problem("question", question_id, loc, problem)


def check_question_answered(kb: KnowledgeBase) -> Iterator[Problem]:
    """A question marked `beantwoord` names the record that answers it."""
    for question_id, question in _checked(kb, "question"):
        written = kb.raw[("question", question_id)].data.get("answers")  # also when they failed the model
        if getattr(question, "status", None) == "beantwoord" and not question.answers and not written:
            message = (
                "een beantwoorde vraag noemt onder `answers` minstens één praktijk, gemeente of organisatie "
                "die haar beantwoordt, met waarom; zonder antwoord is de status `open`"
            )
            yield kb.problem("question", question_id, ("status",), message)


def check_question_size(kb: KnowledgeBase) -> Iterator[Problem]:
    """A question that names its municipality and a size class: the size class is the municipality's,
    as the site computes it from the reference data."""
    for question_id, question in _checked(kb, "question"):
        city, size = getattr(question, "city", None), getattr(question, "size_class", None)
        if not city or not size or city not in kb.municipalities or size not in kb.size_classes:
            continue  # an unknown id is reported by check_references
        actual = size_class_of(kb, city)
        if actual is not None and actual != size:
            name = kb.municipalities[city].name
            label = kb.size_classes[actual].label.lower()
            message = (
                f"{name} is volgens de referentiegegevens een {label} ({quoted(actual)}), niet "
                f"{quoted(size)}; schrijf `size_class: {actual}`, of laat het veld weg: met `city` volgt "
                "de grootte uit de gemeente"
            )
            yield kb.problem("question", question_id, ("size_class",), message)


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<![\w+])(?:\+\d{2}[ ./-]?(?:\(0\)[ ]?)?|0)\d(?:[ ./-]?\d){7,9}(?![\w])")
"""A Belgian-style phone number: `012 34 56 78`, `0478/12.34.56`, `+32 478 12 34 56` (8 to 10 digits
after the leading 0 or country code). Years, dates and amounts (`2019-2020`, `01/09/2019`, `€ 20.000`)
do not start with a 0 followed by that many digits."""


def personal_data(value: str) -> str | None:
    """What in `value` looks like a person's contact details: an e-mail address or a phone number."""
    email = _EMAIL.search(value)
    if email:
        return f"een e-mailadres ({quoted(email.group())})"
    phone = _PHONE.search(value)
    if phone:
        return f"een telefoonnummer ({quoted(phone.group())})"
    return None


def check_question_privacy(kb: KnowledgeBase) -> Iterator[Problem]:
    """A leervraag holds no personal data: no e-mail address or phone number in its free text. Who
    asks may stay anonymous; how to reach a helper is on the pages of the answers."""
    for question_id, question in _checked(kb, "question"):
        texts: list[tuple[Loc, str | None]] = [
            (("question",), getattr(question, "question", None)),
            (("context",), getattr(question, "context", None)),
        ]
        texts += [(("answers", i, "why"), a.why) for i, a in enumerate(question.answers or [])]
        texts += [(("meetings", i, "note"), m.note) for i, m in enumerate(question.meetings or [])]
        for loc, value in texts:
            found = personal_data(value) if value else None
            if found:
                message = (
                    f"de tekst bevat {found}; een leervraag bevat geen persoonsgegevens: verwijder het "
                    "(wie wil helpen, vindt de contactgegevens op de pagina's van de antwoorden)"
                )
                yield kb.problem("question", question_id, loc, message)


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
    check_lookalike_names,
    check_contacts,
    check_question_answered,
    check_question_size,
    check_question_privacy,
]
"""The checks that need only the knowledge base; `check_reviewed` and `check_question_dates` also need
today's date."""
