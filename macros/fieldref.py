"""The contributor field reference: every field of every record, as Markdown, from the models.

The site publishes `field_reference_markdown()` at /bijdragen/velden/. Headings and labels are Dutch;
the explanation of each field is its docstring in `macros.records`, the one place a field is defined.
"""

from __future__ import annotations

from pydantic import BaseModel

from macros.fieldinfo import FieldDoc, fields_of
from macros.records import KIND_FOLDERS, RECORD_MODELS, VOCABULARY_MODELS

KIND_TITLES: dict[str, str] = {
    "practice": "Goede praktijk",
    "city": "Stad of gemeente",
    "organisation": "Organisatie",
    "network": "Lerend netwerk",
    "source": "Bron",
}
"""Dutch name of each record kind."""

_INTRO = """\
Elk record is één YAML-bestand in de map `practices/`. De map zegt welk soort record het is, de
bestandsnaam is de id (kleine letters, cijfers en koppeltekens, zoals `buddywerking-mechelen.yml`).
Deze pagina somt alle velden op, met hun type, of ze verplicht zijn en welke waarden zijn toegelaten.
Ze wordt gemaakt uit dezelfde modellen die `python scripts/validate.py` gebruikt, en is dus altijd
volledig. De uitleg bij elk veld komt rechtstreeks uit die modellen en is daarom in het Engels.

Een veld in een groep staat als `groep.veld`; `lijst[].veld` is een veld van elk item in een lijst.
Laat een optioneel veld weg als de bronnen er niets over zeggen: verzin niets.
Een nieuw record begin je met `python scripts/new_record.py SOORT ID`, dat een sjabloon met uitleg schrijft.
"""


def field_reference_markdown() -> str:
    """The whole reference page as Markdown, with a level-1 heading."""
    parts = ["# Velden van de records\n", _INTRO]
    for kind, model in RECORD_MODELS.items():
        folder = KIND_FOLDERS[kind]
        where = "practices/<id>.yml" if folder == "." else f"practices/{folder}/<id>.yml"
        parts.append(_model_section(f"{KIND_TITLES[kind]} (`{where}`)", model))
    parts.append("## Woordenlijsten\n")
    parts.append(
        "De woordenlijsten in `practices/vocabulary/` bepalen welke ids records mogen gebruiken "
        "voor thema's, instrumenten, stadsgrootte, soorten stromen en leervoorwaarden.\n"
    )
    for stem, model in VOCABULARY_MODELS.items():
        parts.append(_model_section(f"`practices/vocabulary/{stem}.yml`", model, level=3))
    return "\n".join(parts)


def _model_section(title: str, model: type[BaseModel], level: int = 2) -> str:
    rows = [_row(doc) for doc in fields_of(model)]
    header = "| Veld | Type | Verplicht | Toegelaten waarden | Uitleg |\n|---|---|---|---|---|\n"
    return f"{'#' * level} {title}\n\n{_cell(model.__doc__ or '')}\n\n{header}" + "\n".join(rows) + "\n"


def _row(doc: FieldDoc) -> str:
    required = "ja" if doc.required else "nee"
    if doc.required and doc.depth:  # required only where its group is given
        required = f"ja, in `{doc.path.rsplit('.', 1)[0]}`"
    return f"| `{doc.path}` | {_cell(doc.type_label)} | {required} | {_allowed(doc)} | {_cell(doc.doc)} |"


def _allowed(doc: FieldDoc) -> str:
    if doc.choices:
        return ", ".join(f"`{choice}`" for choice in doc.choices)
    if doc.vocabulary:
        return f"een id uit `practices/vocabulary/{doc.vocabulary}.yml`"
    return ""


def _cell(text: str) -> str:
    """Text that stays inside one table cell: one line, pipes escaped."""
    return " ".join(text.split()).replace("|", "\\|")
