"""Open data: every record as JSON and CSV in docs/data/, and the Dutch downloads page at /data/.

JSON is the full record, dumped from the models by alias, so it validates against the JSON Schemas
and loads back into the same models. CSV is a flat view for spreadsheets: one row per record, one
column per field (nested fields as `parent_child`), lists joined by "; ".

CSV dialect, chosen for Excel users in Flanders: Excel with Belgian or Dutch regional settings
expects `;` between fields (the comma is the decimal sign there) and reads a file without a byte
order mark as Windows-1252, which garbles "ë" and "€". So the files are UTF-8 *with* BOM, `;`
between fields, decimals with a comma, CRLF line ends: a double click opens them correctly. Other
tools read them with `sep=";"` and `encoding="utf-8-sig"`; the JSON files are the lossless form.

Output is deterministic (no timestamp, records sorted by id): the same records give the same bytes,
so a rebuild changes nothing and `mkdocs serve` does not loop.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import types
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel

from macros.records import timeline
from macros.records.kinds import EXPORT_KINDS, KINDS, SECTIONS, VOCABULARY_MODELS
from macros.records.knowledge import KnowledgeBase
from macros.records.models import (
    Actor,
    AgendaTopic,
    Answer,
    City,
    ConditionNote,
    Document,
    Flow,
    FormerMunicipality,
    Meeting,
    Milestone,
    Municipality,
    Office,
    Partner,
)
from macros.records.relations import ANSWER_TARGETS, size_class_of

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "docs" / "schema"
"""The JSON Schemas, served as they are at /schema/."""

JSON_KINDS = list(EXPORT_KINDS)
CSV_KINDS = [kind for kind in EXPORT_KINDS if KINDS[kind].csv]
VOCABULARY_FILE = "vocabularium.json"
LIST_SEPARATOR = "; "
CSV_DELIMITER = ";"


def json_name(kind: str) -> str:
    """`praktijken.json`: the file is named after the kind's Dutch URL section."""
    return f"{SECTIONS[kind]}.json"


def csv_name(kind: str) -> str:
    return f"{SECTIONS[kind]}.csv"


# --- JSON ----------------------------------------------------------------------------------------------


def _json_bytes(document: dict[str, Any]) -> bytes:
    # No `indent`: json only uses its C encoder without it, and the pure-Python indenting encoder took
    # 2.4 s of generating a 3,000-practice site. Readers open the files in a JSON viewer or a script.
    # allow_nan=False: `NaN` and `Infinity` are not JSON; the models refuse them, this makes sure.
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (text + "\n").encode("utf-8")


def _generated_from(kb: KnowledgeBase, what: str) -> str:
    return (
        f"Kennisbank lokaal integratiebeleid: {what} uit de YAML-bestanden in {kb.root.name}/, "
        "gevalideerd en omgezet bij het bouwen van de site. Velden: zie de JSON Schema's op /schema/."
    )


def records_json(kb: KnowledgeBase, kind: str, today: dt.date) -> bytes:
    """One kind's records, keyed by id, each dumped by alias (`from`, not `from_`); what the site
    computes of them (size class, status as of today, ...) apart, under `computed`."""
    records = kb.records_of(kind)
    derived = _computed(kb, kind, today)
    document: dict[str, Any] = {
        "generated_from": _generated_from(kb, f"alle records van soort '{kind}'"),
        "kind": kind,
        "count": len(records),
        "records": {rid: _dump(kb, kind, rid) for rid in sorted(records)},
    }
    if derived:
        document["computed"] = {
            "note": "Eigen berekening van de kennisbank, geen gegeven van een bron.",
            "records": {
                rid: {name: get(records[rid]) for name, get in derived.items()} for rid in sorted(records)
            },
        }
    return _json_bytes(document)


def _dump(kb: KnowledgeBase, kind: str, record_id: str) -> dict[str, Any]:
    """A record as JSON; a municipality with its reference date and sources, and its city record."""
    record = kb.records_of(kind)[record_id]
    dumped: dict[str, Any] = record.model_dump(mode="json", by_alias=True)
    if kind == "city":
        meta = kb.reference.meta
        dumped["population_date"] = meta.population_date.isoformat() if meta else None
        dumped["sources"] = meta.sources.model_dump(mode="json") if meta else {}
        profile = kb.profiles.get(record_id)
        dumped["profile"] = profile.model_dump(mode="json", by_alias=True) if profile else None
    return dumped


def vocabulary_json(kb: KnowledgeBase) -> bytes:
    """Every vocabulary, keyed by file stem, its terms in the order the site shows them."""
    terms: dict[str, dict[str, Any]] = {
        "themes": kb.themes,
        "instruments": kb.instruments,
        "size-classes": kb.size_classes,
        "flow-kinds": kb.flow_kinds,
        "learning-conditions": kb.conditions,
    }
    assert set(terms) == set(VOCABULARY_MODELS), "a vocabulary is missing from the export"
    return _json_bytes(
        {
            "generated_from": _generated_from(kb, "de vocabularia (thema's, instrumenten, ...)"),
            "kind": "vocabulary",
            "count": sum(len(t) for t in terms.values()),
            "vocabularies": {
                stem: {"terms": [t.model_dump(mode="json", by_alias=True) for t in by_id.values()]}
                for stem, by_id in terms.items()
            },
        }
    )


# --- CSV -----------------------------------------------------------------------------------------------

SUMMARIES: dict[type[BaseModel], Callable[[Any], str]] = {
    Partner: lambda p: f"{p.organisation} ({p.role})" if p.role else p.organisation,
    Milestone: lambda m: f"{m.date}: {m.title}",
    ConditionNote: lambda c: c.condition,
    AgendaTopic: lambda a: a.topic,
    Actor: lambda a: a.id,
    Flow: lambda f: f"{f.from_} → {f.to} ({f.kind}{', af en toe' if f.intermittent else ''})",
    Document: lambda d: f"{d.title} ({d.type}): {d.url}",
    FormerMunicipality: lambda f: f"{f.name} ({f.merged.isoformat()})",
    Office: lambda o: f"{o.province}: {o.contact.service or o.contact.url or o.contact.phone or ''}",
    Answer: lambda a: next(f"{kind}: {getattr(a, kind)}" for kind in ANSWER_TARGETS if getattr(a, kind)),
    Meeting: lambda m: f"{m.network} ({m.date})",
}
"""How an item of a list of objects reads in one CSV cell; the JSON keeps every field."""


def _nested_model(annotation: Any) -> type[BaseModel] | None:
    """The model of a field typed `Model` or `Model | None`, else None."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if get_origin(annotation) in (Union, types.UnionType):
        models = [a for a in get_args(annotation) if isinstance(a, type) and issubclass(a, BaseModel)]
        return models[0] if len(models) == 1 else None
    return None


def columns(model: type[BaseModel], prefix: str = "") -> Iterator[tuple[str, tuple[str, ...]]]:
    """(column name, attribute path) for every flat field of a model; nested models are spread out."""
    for name, info in model.model_fields.items():
        column = prefix + (info.alias or name)
        nested = _nested_model(info.annotation)
        if nested is None:
            yield column, (name,)
        else:
            for sub_column, path in columns(nested, column + "_"):
                yield sub_column, (name, *path)


def cell(value: Any) -> str:
    """A value as spreadsheet text: decimal comma, ISO dates, lists joined by "; "."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value).replace(".", ",")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return LIST_SEPARATOR.join(cell(item) for item in value)
    if isinstance(value, BaseModel):
        return SUMMARIES[type(value)](value)
    return str(value)


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""A cell that starts with one of these is a formula to Excel and LibreOffice (CSV injection)."""


def spreadsheet_safe(text: str) -> str:
    """A cell a spreadsheet shows as text: one that would start a formula gets a leading `'`, as the
    OWASP guidance on CSV injection advises; the JSON export keeps the value as written."""
    return "'" + text if text.startswith(FORMULA_START) else text


MAX_CELL = 32_767
"""Excel's limit on the characters in one cell (counted in UTF-16 units); past it, Excel cuts the cell
or refuses the file. A list of 50 texts of 1,000 characters is over it."""
CUT_MARKER = " … [ingekort: de volledige tekst staat in {}]"
"""Ends a cell that was cut, so that a reader sees that it was, and where to find the rest."""


def cut_cell(text: str, json_file: str) -> str:
    """`text`, or, when it is longer than MAX_CELL, its start and CUT_MARKER (naming the JSON file
    that keeps the whole value), MAX_CELL units in all; never halfway a character."""
    if len(text) <= MAX_CELL // 2 or _units(text) <= MAX_CELL:
        return text  # a character is at most two UTF-16 units: a short text needs no count
    marker = CUT_MARKER.format(json_file)
    room = MAX_CELL - _units(marker)
    kept = text[:room]  # at most `room` characters, and so at least `room` units
    while _units(kept) > room:
        kept = kept[: len(kept) - (_units(kept) - room + 1) // 2]
    return kept + marker


def _units(text: str) -> int:
    """Length in UTF-16 code units, as Excel counts: a character outside the BMP counts twice."""
    return len(text.encode("utf-16-le")) // 2


def _get(record: Any, path: tuple[str, ...]) -> Any:
    for name in path:
        if record is None:
            return None
        record = getattr(record, name)
    return record


def _computed(kb: KnowledgeBase, kind: str, today: dt.date) -> dict[str, Callable[[Any], Any]]:
    """Columns the site computes that a spreadsheet user filters on: for a practice, its lead
    municipality's size class, province and whether it is a centrumstad, and its status as of today
    (`macros.records.timeline`); for a municipality, its size class and number of practices; for a
    leervraag, the size class that asks."""
    if kind == "city":
        led: dict[str, int] = {}
        for practice in kb.practices.values():
            led[practice.city] = led.get(practice.city, 0) + 1
        return {
            "size_class": lambda m: size_class_of(kb, m.id) or "",
            "practices": lambda m: led.get(m.id, 0),
        }
    if kind == "question":
        # The size class that asks: the question's own, or that of the municipality it names.
        return {
            "asking_size_class": lambda q: q.size_class or (size_class_of(kb, q.city) if q.city else "") or ""
        }
    if kind != "practice":
        return {}

    def lead(practice: Any) -> Municipality | None:
        return kb.municipalities.get(practice.city)

    return {
        "lead_city_size_class": lambda p: size_class_of(kb, p.city) or "",
        "lead_city_province": lambda p: m.province if (m := lead(p)) else "",
        "lead_city_centrumstad": lambda p: bool(m.centrumstad) if (m := lead(p)) else False,
        "status_now": lambda p: timeline.current(kb, p, today),
        "last_confirmed": lambda p: timeline.last_confirmed(kb, p) or "",
    }


def _as_cell(get: Callable[[Any], Any]) -> Callable[[Any], str]:
    return lambda record: cell(get(record))


def _profile_cell(kb: KnowledgeBase, path: tuple[str, ...]) -> Callable[[Any], str]:
    """A column of a municipality's city record, empty where it has none."""
    return lambda municipality: cell(_get(kb.profiles.get(municipality.id), path))


def records_csv(kb: KnowledgeBase, kind: str, today: dt.date) -> bytes:
    """One kind's records as CSV for Excel in Flanders (see the module docstring); a municipality's
    row also has the columns of its city record, empty where it has none."""
    records = kb.records_of(kind)
    model = type(next(iter(records.values()))) if records else None
    flat = list(columns(model)) if model else []
    extra: dict[str, Callable[[Any], str]] = {
        name: _as_cell(get) for name, get in _computed(kb, kind, today).items()
    }
    if kind == "city":
        meta = kb.reference.meta
        date = meta.population_date.isoformat() if meta else ""
        extra["population_date"] = lambda _: date
        extra |= {f"profile_{name}": _profile_cell(kb, path) for name, path in columns(City)}
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    writer.writerow(["id", *(name for name, _ in flat), *extra])
    whole = json_name(kind)
    for record_id in sorted(records):
        record = records[record_id]
        row = [record_id, *(cell(_get(record, path)) for _, path in flat)]
        row += [derive(record) for derive in extra.values()]
        writer.writerow([cut_cell(spreadsheet_safe(value), whole) for value in row])
    return buffer.getvalue().encode("utf-8-sig")


# --- files and the downloads page ----------------------------------------------------------------------


def export_files(kb: KnowledgeBase, today: dt.date) -> dict[str, bytes]:
    """File name -> bytes of every download, in the order the downloads page lists them. The build
    makes them once (`macros.pages.context.Context.exports`): the downloads page lists their sizes."""
    files = {json_name(kind): records_json(kb, kind, today) for kind in JSON_KINDS}
    files[VOCABULARY_FILE] = vocabulary_json(kb)
    files.update((csv_name(kind), records_csv(kb, kind, today)) for kind in CSV_KINDS)
    return files


def _size(n: int) -> str:
    """A file size in Dutch notation: `812 B`, `12,4 kB`, `3,1 MB`."""
    if n < 1000:
        return f"{n} B"
    value, unit = (n / 1000, "kB") if n < 1_000_000 else (n / 1_000_000, "MB")
    return f"{value:.1f} {unit}".replace(".", ",")


def _file_rows(kb: KnowledgeBase, files: dict[str, bytes], suffix: str) -> list[str]:
    rows = ["| Bestand | Inhoud | Records | Grootte |", "|---|---|--:|--:|"]
    labels = {json_name(k): (KINDS[k].export or "", len(kb.records_of(k))) for k in JSON_KINDS}
    labels |= {csv_name(k): (KINDS[k].export or "", len(kb.records_of(k))) for k in CSV_KINDS}
    vocabulary_terms = sum(
        len(v) for v in (kb.themes, kb.instruments, kb.size_classes, kb.flow_kinds, kb.conditions)
    )
    labels[VOCABULARY_FILE] = (
        "Vocabularia: thema's, instrumenten, stadsgroottes, stromen, leervoorwaarden",
        vocabulary_terms,
    )
    for name, data in files.items():
        if name.endswith(suffix):
            label, count = labels[name]
            rows.append(f"| [{name}]({name}) | {label} | {count} | {_size(len(data))} |")
    return rows


def _schema_lines(schema_dir: Path) -> list[str]:
    """A bullet per JSON Schema file, with its title when it has one."""
    lines = []
    for path in sorted(schema_dir.glob("*.json")) if schema_dir.is_dir() else []:
        try:
            title = json.loads(path.read_text(encoding="utf-8")).get("title", "")
        except (ValueError, AttributeError):
            title = ""
        suffix = f": {title}" if title else ""
        lines.append(f"- [{path.name}](../schema/{path.name}){suffix}")
    return lines


def exports_markdown(kb: KnowledgeBase, files: dict[str, bytes], schema_dir: Path = SCHEMA_DIR) -> str:
    """The Dutch downloads page, docs/data/index.md (served at /data/), listing `files`."""
    schemas = _schema_lines(schema_dir)
    parts = [
        "# Open data",
        "",
        "Alle records van de kennisbank zijn vrij te downloaden. Ze worden bij elke publicatie opnieuw "
        "gemaakt uit de YAML-bestanden in de repository: dezelfde records geven exact dezelfde bestanden.",
        "",
        "## JSON",
        "",
        "Volledig, met alle velden, per record onder zijn id (`records`). Geschikt om verder op te bouwen; "
        "de velden volgen de JSON Schema's hieronder.",
        "",
        *_file_rows(kb, files, ".json"),
        "",
        "## CSV voor Excel",
        "",
        "Eén rij per record, één kolom per veld. Een veld met onderdelen staat in aparte kolommen "
        "(`population_value`, `population_year`); een lijst staat in één cel, gescheiden door een puntkomma. "
        "De bestanden zijn gemaakt voor Excel met Belgische instellingen: puntkomma tussen de kolommen, "
        "een komma als decimaalteken en UTF-8 met BOM, zodat letters als ë en é goed verschijnen. "
        "Kolommen die de kennisbank zelf berekent, staan achteraan: bij de praktijken de stadsgrootte, "
        "provincie en centrumstad van de trekkende gemeente en de status volgens de nieuwste bron "
        "(`status_now`, met `last_confirmed`); bij de steden en gemeenten de stadsgrootte, het aantal "
        "praktijken en de velden van het stadsprofiel (`profile_...`); bij de leervragen de stadsgrootte "
        "van wie vraagt (`asking_size_class`). In de JSON staan ze apart, onder `computed`. Een cel kan in "
        "Excel hoogstens 32.767 tekens hebben: een langere cel is ingekort en eindigt op "
        '"… [ingekort: ...]"; de JSON heeft de volledige tekst.',
        "",
        *_file_rows(kb, files, ".csv"),
        "",
    ]
    if schemas:
        parts += [
            "## JSON Schema",
            "",
            "De JSON Schema's beschrijven elk veld, met de uitleg uit de veldreferentie. Editors gebruiken "
            "ze om YAML-bestanden aan te vullen en te controleren.",
            "",
            *schemas,
            "",
        ]
    return "\n".join(parts)
