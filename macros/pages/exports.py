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

from macros.records.kinds import RECORD_KINDS, SECTIONS, SOURCED_KINDS, VOCABULARY_MODELS
from macros.records.knowledge import KnowledgeBase
from macros.records.models import Actor, AgendaTopic, ConditionNote, Document, Flow, Milestone, Partner
from macros.records.relations import city_size_class

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "docs" / "schema"
"""The JSON Schemas, served as they are at /schema/."""

JSON_KINDS = list(RECORD_KINDS)
CSV_KINDS = list(SOURCED_KINDS)
VOCABULARY_FILE = "vocabularium.json"
KIND_LABELS = {
    "practice": "Goede praktijken",
    "city": "Steden en gemeenten",
    "organisation": "Partnerorganisaties",
    "network": "Lerende netwerken",
    "source": "Bronnen",
}
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


def records_json(kb: KnowledgeBase, kind: str) -> bytes:
    """One kind's records, keyed by id, each dumped by alias (`from`, not `from_`)."""
    records = kb.records_of(kind)
    return _json_bytes(
        {
            "generated_from": _generated_from(kb, f"alle records van soort '{kind}'"),
            "kind": kind,
            "count": len(records),
            "records": {rid: records[rid].model_dump(mode="json", by_alias=True) for rid in sorted(records)},
        }
    )


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


def _get(record: Any, path: tuple[str, ...]) -> Any:
    for name in path:
        if record is None:
            return None
        record = getattr(record, name)
    return record


def _extra_columns(kb: KnowledgeBase, kind: str) -> dict[str, Callable[[Any], str]]:
    """Derived columns a spreadsheet user filters on: the lead city's size class and province."""
    if kind != "practice":
        return {}

    def lead_city_size_class(practice: Any) -> str:
        city = kb.cities.get(practice.city)
        return (city_size_class(kb, city) or "") if city else ""

    def lead_city_province(practice: Any) -> str:
        city = kb.cities.get(practice.city)
        return (city.province or "") if city else ""

    return {"lead_city_size_class": lead_city_size_class, "lead_city_province": lead_city_province}


def records_csv(kb: KnowledgeBase, kind: str) -> bytes:
    """One kind's records as CSV for Excel in Flanders (see the module docstring)."""
    records = kb.records_of(kind)
    model = type(next(iter(records.values()))) if records else None
    flat = list(columns(model)) if model else []
    extra = _extra_columns(kb, kind)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    writer.writerow(["id", *(name for name, _ in flat), *extra])
    for record_id in sorted(records):
        record = records[record_id]
        row = [record_id, *(cell(_get(record, path)) for _, path in flat)]
        row = [spreadsheet_safe(value) for value in row]
        writer.writerow(row + [spreadsheet_safe(derive(record)) for derive in extra.values()])
    return buffer.getvalue().encode("utf-8-sig")


# --- files and the downloads page ----------------------------------------------------------------------


def export_files(kb: KnowledgeBase) -> dict[str, bytes]:
    """File name -> bytes of every download, in the order the downloads page lists them.

    Made once per knowledge base (a build lists their sizes too: 1 s at 3,000 practices) and kept with
    it, so it goes when the build's knowledge base goes.
    """
    files: dict[str, bytes] | None = kb.derived.get("exports")
    if files is None:
        files = {json_name(kind): records_json(kb, kind) for kind in JSON_KINDS}
        files[VOCABULARY_FILE] = vocabulary_json(kb)
        files.update((csv_name(kind), records_csv(kb, kind)) for kind in CSV_KINDS)
        kb.derived["exports"] = files
    return files


def _size(n: int) -> str:
    """A file size in Dutch notation: `812 B`, `12,4 kB`, `3,1 MB`."""
    if n < 1000:
        return f"{n} B"
    value, unit = (n / 1000, "kB") if n < 1_000_000 else (n / 1_000_000, "MB")
    return f"{value:.1f} {unit}".replace(".", ",")


def _file_rows(kb: KnowledgeBase, files: dict[str, bytes], suffix: str) -> list[str]:
    rows = ["| Bestand | Inhoud | Records | Grootte |", "|---|---|--:|--:|"]
    labels = {json_name(k): (KIND_LABELS[k], len(kb.records_of(k))) for k in JSON_KINDS}
    labels |= {csv_name(k): (KIND_LABELS[k], len(kb.records_of(k))) for k in CSV_KINDS}
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


def exports_markdown(kb: KnowledgeBase, schema_dir: Path = SCHEMA_DIR) -> str:
    """The Dutch downloads page, docs/data/index.md (served at /data/)."""
    files = export_files(kb)
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
        "De praktijken hebben twee extra kolommen: stadsgrootte en provincie van de trekkende stad.",
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
