"""Commented YAML templates for new records (`scripts/new_record.py`).

A template lists every field of the model in order. Required fields are open lines to fill in;
optional fields are commented out (`#field:`) so that the file validates once the required ones are
filled. The explanation of each field is its docstring; the framing around it is Dutch, for contributors.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Iterator

from macros.contributing.fieldinfo import FieldDoc, describe
from macros.records.kinds import KIND_TITLES, RECORD_MODELS
from macros.records.relations import SOURCED_KINDS

_WIDTH = 100

_HOW = """\
Zo vul je het in:
- Regels zonder # vooraan zijn verplicht: vul ze in (een lijst: één `- waarde` per regel).
- Optionele velden staan uit, als `#veld:`. Haal het # weg (ook op de regels eronder) om een
veld te gebruiken. Laat het uit als de bronnen er niets over zeggen: verzin niets.
- Regels die met "# " beginnen, zijn uitleg; ze mogen blijven staan.
- Tekst van meer dan één regel: schrijf `veld: |` en zet de tekst ingesprongen op de regels eronder.
- Controleer daarna met: python scripts/validate.py
Alle velden met uitleg: de pagina 'Velden van de records' (/bijdragen/velden/)."""


def record_template(
    kind: str,
    record_id: str,
    schema_ref: str,
    today: dt.date,
    city: str | None = None,
    vocabularies: dict[str, list[str]] | None = None,
) -> str:
    """The template text for a new record of `kind` named `record_id`.

    `schema_ref` is the path of the JSON Schema relative to the new file, for the language-server
    modeline; `vocabularies` (stem -> `id (label)` of each term) lets the comments list the allowed ids.
    """
    lines = [f"# yaml-language-server: $schema={schema_ref}"]
    lines += _comment(f"{KIND_TITLES[kind]} '{record_id}': sjabloon van scripts/new_record.py.")
    lines += [f"# {line}" for line in _HOW.splitlines()]  # already laid out; do not rewrap
    prefill: dict[str, str] = {"last_reviewed": today.isoformat()}
    if city:
        prefill["city"] = city
    for name, info in RECORD_MODELS[kind].model_fields.items():
        doc = describe(name, info)
        required = doc.required or (name == "sources" and kind in SOURCED_KINDS)
        lines.append("")
        lines += _comment(_headline(doc, required))
        lines += _comment(_explanation(doc, vocabularies or {}))
        body = list(_value_lines(doc, prefill.get(doc.name), "", vocabularies or {}))
        lines += body if required else [f"#{line}" for line in body]
    return "\n".join(lines) + "\n"


def _comment(text: str, indent: str = "") -> list[str]:
    out = []
    for paragraph in text.splitlines():
        # No hanging indent: a line `#  x` (two spaces) is a commented-out field, `# x` is explanation.
        # Not at hyphens either: a path like `learning-conditions.yml` stays whole, to search or copy.
        wrapped = textwrap.wrap(paragraph, _WIDTH - len(indent) - 2, break_on_hyphens=False) or [""]
        out += [f"{indent}# {line}".rstrip() for line in wrapped]
    return out


def _headline(doc: FieldDoc, required: bool) -> str:
    need = "verplicht" if required else "optioneel"
    return f"{doc.name} · {need} · {doc.type_label}"


def _explanation(doc: FieldDoc, vocabularies: dict[str, list[str]]) -> str:
    text = doc.doc
    if doc.choices:
        text += "\nKeuze uit: " + ", ".join(doc.choices) + "."
    if doc.vocabulary and vocabularies.get(doc.vocabulary):
        text += f"\nIds uit {doc.vocabulary}.yml: " + "; ".join(vocabularies[doc.vocabulary]) + "."
    return text


def _value_lines(
    doc: FieldDoc, value: str | None, indent: str, vocabularies: dict[str, list[str]]
) -> Iterator[str]:
    """The key and a placeholder value, with the fields of a group or list of groups below it."""
    if doc.model is None:
        if doc.is_list:
            yield f"{indent}{doc.name}:"
            yield f"{indent}  -"
        else:
            yield f"{indent}{doc.name}:" + (f" {value}" if value else "")
        return
    yield f"{indent}{doc.name}:"
    inner = indent + ("  - " if doc.is_list else "  ")
    for i, (name, info) in enumerate(doc.model.model_fields.items()):
        child = describe(name, info)
        item_indent = inner if i == 0 or not doc.is_list else indent + "    "
        explanation = _explanation(child, vocabularies)
        yield from _comment(f"{_headline(child, child.required)}: {explanation}", indent + "  ")
        yield from _value_lines(child, None, item_indent, vocabularies)
