"""The contributor field reference: every field of every record, as Markdown, from the models.

The site publishes `field_reference_markdown(kb)` at /bijdragen/velden/. Everything on it is Dutch: the
headings and labels here, and the explanation of each field, which is its docstring in
`macros.records.models`,
the one place a field is defined. A field that takes vocabulary ids lists them with their labels, read
from the knowledge base the site is built from, so the page names exactly the ids validation accepts.
"""

from __future__ import annotations

from pydantic import BaseModel

from macros.contributing.fieldinfo import FieldDoc, fields_of
from macros.html.structure import md
from macros.records.kinds import KIND_FOLDERS, KIND_TITLES, RECORD_MODELS, VOCABULARY_MODELS
from macros.records.knowledge import KnowledgeBase
from macros.records.relations import SOURCED_KINDS

_INTRO = """\
Elk record is één YAML-bestand in de map `practices/`. De map zegt welk soort record het is, de
bestandsnaam is de id (kleine letters, cijfers en koppeltekens, zoals `buddywerking-mechelen.yml`).
Deze pagina somt alle velden op, met hun type, of ze verplicht zijn en welke waarden zijn toegelaten.
Ze wordt gemaakt uit dezelfde modellen die `python scripts/validate.py` gebruikt, en is dus altijd
volledig. Bij een veld dat ids uit een woordenlijst vraagt, staan alle toegelaten ids met hun label.

Een veld in een groep staat als `groep.veld`; `lijst[].veld` is een veld van elk item in een lijst.
Laat een optioneel veld weg als de bronnen er niets over zeggen: verzin niets.
Een nieuw record begin je met `python scripts/new_record.py SOORT ID`, dat een sjabloon met uitleg schrijft.
"""


def field_reference_markdown(kb: KnowledgeBase) -> str:
    """The whole reference page as Markdown, with a level-1 heading; `kb` gives the vocabulary terms."""
    parts = ["# Velden van de records\n", _INTRO]
    for kind, model in RECORD_MODELS.items():
        folder = KIND_FOLDERS[kind]
        where = "practices/<id>.yml" if folder == "." else f"practices/{folder}/<id>.yml"
        parts.append(
            _model_section(f"{KIND_TITLES[kind]} (`{where}`)", model, kb, sourced=kind in SOURCED_KINDS)
        )
    parts.append("## Woordenlijsten\n")
    parts.append(
        "De woordenlijsten in `practices/vocabulary/` bepalen welke ids records mogen gebruiken "
        "voor thema's, instrumenten, stadsgrootte, soorten stromen en leervoorwaarden.\n"
    )
    for stem, model in VOCABULARY_MODELS.items():
        parts.append(_model_section(f"`practices/vocabulary/{stem}.yml`", model, kb, level=3))
    return "\n".join(parts)


def _model_section(
    title: str, model: type[BaseModel], kb: KnowledgeBase, level: int = 2, sourced: bool = False
) -> str:
    rows = [_row(doc, kb, sourced) for doc in fields_of(model)]
    header = "| Veld | Type | Verplicht | Toegelaten waarden | Uitleg |\n|---|---|---|---|---|\n"
    return f"{'#' * level} {title}\n\n{_cell(model.__doc__ or '')}\n\n{header}" + "\n".join(rows) + "\n"


def _row(doc: FieldDoc, kb: KnowledgeBase, sourced: bool = False) -> str:
    required = "ja" if doc.required else "nee"
    if sourced and doc.path == "sources":  # the validator asks for a source (checks.check_sourced)
        required = "ja, minstens één"
    if doc.required and doc.depth:  # required only where its group is given
        required = f"ja, in `{doc.path.rsplit('.', 1)[0]}`"
    return f"| `{doc.path}` | {_cell(doc.type_label)} | {required} | {_allowed(doc, kb)} | {_cell(doc.doc)} |"


def _allowed(doc: FieldDoc, kb: KnowledgeBase) -> str:
    if doc.choices:
        return ", ".join(f"`{choice}`" for choice in doc.choices)
    if doc.vocabulary:
        where = f"{'ids' if doc.is_list else 'een id'} uit `practices/vocabulary/{doc.vocabulary}.yml`"
        terms = kb.terms_of(doc.vocabulary)
        # Labels are record text: `md` keeps their `|`, `*` and `<` from becoming table or HTML syntax.
        # Ids are kebab-case by the model, so they are safe in backticks. Semicolons, as labels have commas.
        pairs = "; ".join(f"`{term_id}` ({md(term.label)})" for term_id, term in terms.items())
        return f"{where}: {pairs}" if pairs else where
    return ""


def _cell(text: str) -> str:
    """Text that stays inside one table cell: one line, pipes escaped."""
    return " ".join(text.split()).replace("|", "\\|")
