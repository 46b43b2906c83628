"""The issue forms "Nieuwe praktijk" and "Nieuwe leervraag": a practice or a leervraag proposed without
writing YAML.

One place defines a field: the model. This module only adds what a form needs and a model does not
hold: the Dutch label and help text of each question. Whether a question is required, which options a
dropdown offers, how long an answer may be: all of that is read from the model (`Practice`,
`Question` in `macros.records.models`) and from the vocabularies, so a form cannot drift from what the
validator accepts. The municipality is a text answer (285 options make a dropdown unusable), which the
conversion resolves and the validator checks, with the closest municipalities in its message.
`scripts/issue_form.py` writes the forms; `macros.contributing.issue_answers` (a practice) and
`macros.contributing.question_answers` (a leervraag) read a submitted one back with the same questions.

A form is a `Form` (`PRACTICE`, `QUESTION`; both in `FORMS`). The functions below take one and default
to the practice form, whose names (`QUESTIONS`, `FORM_FILE`, `LABEL`, ...) stay as they were.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel

from macros.contributing import fieldinfo
from macros.records.knowledge import KnowledgeBase
from macros.records.models import MAX_TEXT, Practice
from macros.records.models import Question as QuestionRecord

FORM_FILE = Path(".github") / "ISSUE_TEMPLATE" / "nieuwe-praktijk.yml"
"""Where the generated form lives, relative to the repository."""

LABEL = "praktijk-voorstel"
"""The label the form puts on every issue; the workflow `issue-to-pr.yml` reacts only to it."""

Widget = Literal["input", "textarea", "lines", "dropdown", "sources"]
"""How a question is asked: one line, free text, one item per line, a choice, or sources."""


@dataclass(frozen=True)
class Question:
    """One question of the form, for one field of a practice."""

    path: tuple[str, ...]
    """The field it fills: `("title",)`, `("contact", "email")`."""
    label: str
    """The Dutch question; also the heading of the answer in the submitted issue."""
    help: str
    """Dutch help text below the question."""
    placeholder: str = ""
    widget: Widget | None = None
    """Set only where the model's type does not say it (a one-paragraph summary still gets a box)."""

    @property
    def id(self) -> str:
        """The form's id of the question: the field path, `contact_email`."""
        return "_".join(self.path)


QUESTIONS: tuple[Question, ...] = (
    Question(
        ("title",),
        "Naam van de praktijk",
        "Kort, zoals een collega ernaar zou zoeken.",
        "Bijvoorbeeld: Taalcafé in de bibliotheek",
    ),
    Question(
        ("summary",),
        "Samenvatting",
        "Eén alinea: wat is het, voor wie, en wat levert het op? Verschijnt in de catalogus.",
        widget="textarea",
    ),
    Question(
        ("city",),
        "Stad of gemeente",
        "De stad of gemeente die de praktijk trekt, zoals ze sinds 2025 heet: elk van de 285 Vlaamse "
        "gemeenten kan. Een gemeente die fuseerde, zoek je onder haar nieuwe naam.",
        "Boortmeerbeek",
        widget="input",
    ),
    Question(("themes",), "Thema's", "Kies minstens één thema."),
    Question(
        ("instruments",), "Beleidsinstrumenten", "De instrumenten die de praktijk gebruikt, als je ze kent."
    ),
    Question(
        ("target_groups",),
        "Doelgroepen",
        "Wie de praktijk bereikt, in een paar woorden. Eén doelgroep per regel.",
        "nieuwkomers\nvrijwilligers",
    ),
    Question(
        ("status", "state"),
        "Status",
        "Loopt de praktijk nog, of is ze afgerond, volgens de eerste bron die je hieronder noemt? Kies "
        "onbekend als die bron het niet zegt.",
    ),
    Question(
        ("period", "start"),
        "Begonnen in",
        "Jaar, maand of dag, zo precies als de bron het zegt: 2021, 2021-09 of 2021-09-15.",
        "2021-09",
    ),
    Question(
        ("period", "end"),
        "Gestopt in",
        "Laat leeg zolang de praktijk loopt. Zelfde schrijfwijze: 2023, 2023-06 of 2023-06-30.",
    ),
    Question(
        ("description",),
        "Beschrijving",
        "Wat de praktijk is en waarom ze werd opgezet. Laat een lege regel tussen de alinea's.",
    ),
    Question(
        ("approach",),
        "Aanpak in stappen",
        "Het 'hoe': de stappen in de volgorde waarin ze gezet zijn. Eén stap per regel.",
    ),
    Question(("results",), "Resultaten", "Wat de praktijk opleverde, met cijfers als de bron ze geeft."),
    Question(("success_factors",), "Wat werkte", "De do's: wat deed het werken? Eén punt per regel."),
    Question(
        ("pitfalls",), "Wat moet je vermijden", "De don'ts: wat liep mis, waar let je op? Eén punt per regel."
    ),
    Question(
        ("contact", "role"),
        "Contact: functie",
        "Een functie, nooit een naam.",
        "integratieambtenaar",
    ),
    Question(("contact", "service"), "Contact: dienst", "De dienst of het team.", "Dienst Samenleven"),
    Question(
        ("contact", "email"),
        "Contact: e-mailadres van de dienst",
        "Een functioneel adres van de dienst, geen persoonlijk adres.",
        "samenleven@gemeente.be",
    ),
    Question(
        ("contact", "phone"),
        "Contact: telefoonnummer van de dienst",
        "Het algemene nummer van de dienst, geen gsm-nummer van een persoon.",
        "012 34 56 78",
    ),
    Question(
        ("contact", "url"),
        "Contact: webpagina",
        "De pagina over de praktijk of de dienst op de site van de gemeente (https://...).",
        "https://www.gemeente.be/samenleven",
    ),
    Question(
        ("sources",),
        "Bronnen",
        "Waar staat wat je hierboven schreef? Eén bron per regel: de titel, dan het webadres. Zonder "
        "bron kan de praktijk niet op de site.",
        "Jaarverslag integratie 2022 https://www.gemeente.be/jaarverslag-2022.pdf",
        widget="sources",
    ),
)
"""The questions, in the order of the form. `last_reviewed` is no question: it is the day of the
submission. Partners, resources, evaluation, transferability and documents are left to the review."""

AGREEMENTS = (
    "Deze informatie mag openbaar op de kennisbank verschijnen (onder CC BY 4.0).",
    "Ik heb geen gegevens van privépersonen ingevuld.",
)
"""Checkboxes the contributor must tick; the conversion refuses an issue where one is not ticked."""
AGREEMENTS_LABEL = "Afspraken"

INTRO = (
    "Bedankt om een praktijk te delen. Vul in wat je weet en laat leeg wat je niet weet: niets "
    "verzinnen, niets schatten. Elk feit over een echte stad of organisatie heeft een bron nodig.\n\n"
    "Na het indienen zet een robot je antwoorden om in een record en controleert het. Binnen enkele "
    "minuten lees je hieronder het resultaat: klopt alles, dan volgt een voorstel (pull request) dat een "
    "redacteur naleest; is er iets mis, pas dan je issue aan (··· → Edit) en de controle loopt opnieuw."
)


@dataclass(frozen=True)
class Form:
    """One issue form: which record it makes, its questions and the texts around them."""

    kind: str
    """The record kind it makes: `practice`, `question`."""
    name: str
    """Its Dutch name in GitHub's list of forms."""
    description: str
    title: str
    """The start of the issue's title."""
    label: str
    """The label it puts on every issue; the workflow `issue-to-pr.yml` reacts to it."""
    file: Path
    """Where the generated form lives, relative to the repository."""
    model: type[BaseModel]
    questions: tuple[Question, ...]
    intro: str
    header: str
    """The comment at the top of the generated file."""
    review: str
    """What the editor checks before merging, in the pull request's description."""
    filled: frozenset[str] = frozenset({"last_reviewed"})
    """Required fields of the model that no question asks: the conversion fills them."""


@dataclass(frozen=True)
class Field:
    """A question together with what the model says about its field."""

    question: Question
    doc: fieldinfo.FieldDoc
    widget: Widget
    model: type[BaseModel] = Practice
    """The model of the record the form makes."""

    @property
    def multiple(self) -> bool:
        return self.doc.is_list


def model_field(path: tuple[str, ...], model: type[BaseModel] = Practice) -> fieldinfo.FieldDoc:
    """The description of the field at `path`; a KeyError when the model has no such field."""
    info = model.model_fields[path[0]]
    doc = fieldinfo.describe(path[0], info)
    if len(path) == 1:
        return doc
    if doc.model is None:
        raise KeyError(".".join(path))
    return model_field(path[1:], doc.model)


def fields(spec: Form | None = None) -> list[Field]:
    """Every question of a form (the practice form by default) with its field. A question whose field
    the model lost raises a KeyError."""
    spec = spec or PRACTICE
    found = []
    for question in spec.questions:
        doc = model_field(question.path, spec.model)
        found.append(Field(question, doc, question.widget or _widget(doc), spec.model))
    return found


def _widget(doc: fieldinfo.FieldDoc) -> Widget:
    if doc.choices or doc.vocabulary:
        return "dropdown"
    if doc.is_list:
        return "lines"
    return "textarea" if _limit(doc) > MAX_TEXT else "input"


def _limit(doc: fieldinfo.FieldDoc) -> int:
    """The longest answer the field takes, as its model says."""
    return doc.max_length or MAX_TEXT


def required(field: Field) -> bool:
    """Required as the model requires it: a required field at the top, and a list with a minimum."""
    if len(field.question.path) > 1:
        return False  # a group is optional as a whole, so none of its fields can be demanded
    info = field.model.model_fields[field.question.path[0]]
    has_minimum = any(getattr(item, "min_length", 0) for item in info.metadata)
    return info.is_required() or has_minimum


# --- options ------------------------------------------------------------------------------------------


def options(field: Field, kb: KnowledgeBase) -> list[tuple[str, str]]:
    """(id, shown text) of every option of a dropdown, in the order the site shows them."""
    if field.doc.choices:
        return [(choice, choice) for choice in field.doc.choices]
    kind = {"themes": "theme", "instruments": "instrument", "size-classes": "size_class"}[
        field.doc.vocabulary or ""
    ]
    return [(tid, option_text(kb.label(kind, tid), tid)) for tid in kb.records_of(kind)]


def option_text(label: str, record_id: str) -> str:
    """How an option reads: the Dutch label, then the id the record will hold."""
    return f"{label} ({record_id})"


# --- the form -------------------------------------------------------------------------------------------


def form(kb: KnowledgeBase, spec: Form | None = None) -> dict[str, Any]:
    """The issue form (the practice form by default) as GitHub's issue-form syntax wants it."""
    spec = spec or PRACTICE
    body: list[dict[str, Any]] = [{"type": "markdown", "attributes": {"value": spec.intro}}]
    body += [_element(field, kb) for field in fields(spec)]
    body.append(
        {
            "type": "checkboxes",
            "id": "afspraken",
            "attributes": {
                "label": AGREEMENTS_LABEL,
                "options": [{"label": text, "required": True} for text in AGREEMENTS],
            },
        }
    )
    return {
        "name": spec.name,
        "description": spec.description,
        "title": spec.title,
        "labels": [spec.label],
        "body": body,
    }


def _element(field: Field, kb: KnowledgeBase) -> dict[str, Any]:
    question = field.question
    attributes: dict[str, Any] = {"label": question.label, "description": _help(field)}
    if field.widget == "dropdown":
        attributes["multiple"] = field.multiple
        attributes["options"] = [text for _, text in options(field, kb)]
    elif question.placeholder:
        attributes["placeholder"] = question.placeholder
    kind = "dropdown" if field.widget == "dropdown" else "input" if field.widget == "input" else "textarea"
    return {
        "type": kind,
        "id": question.id,
        "attributes": attributes,
        "validations": {"required": required(field)},
    }


def _help(field: Field) -> str:
    """The question's help text, with the limit the validator applies."""
    text = field.question.help
    if field.widget in ("input", "textarea") and field.doc.type_label.startswith("tekst"):
        text += f" Hoogstens {_limit(field.doc):,} tekens.".replace(",", ".")
    return text


HEADER = """\
# GENERATED by scripts/issue_form.py from macros/records/models.py (the Practice model) and the
# vocabularies; do not edit by hand. After changing the model or a vocabulary, run
# `.venv/bin/python scripts/issue_form.py` (tests/test_issue_form.py fails until then). A new city or
# municipality needs no new form: the municipality is a text answer the conversion checks.
"""


def render(kb: KnowledgeBase, spec: Form | None = None) -> str:
    """The text of the form's file (`FORM_FILE` for the practice form)."""
    spec = spec or PRACTICE
    text = yaml.safe_dump(form(kb, spec), sort_keys=False, allow_unicode=True, width=100)
    return spec.header + text


def labels(spec: Form | None = None) -> Iterator[str]:
    """Every heading a submitted issue can hold, in the form's order."""
    for field in fields(spec):
        yield field.question.label
    yield AGREEMENTS_LABEL


PRACTICE = Form(
    "practice",
    "Nieuwe praktijk",
    "Stel een goede praktijk van lokaal integratiebeleid voor, zonder YAML te schrijven.",
    "Praktijk: ",
    LABEL,
    FORM_FILE,
    Practice,
    QUESTIONS,
    INTRO,
    HEADER,
    "vergelijk elk feit met de bronnen, vul aan wat het formulier niet vraagt (partners, middelen, "
    "evaluatie, overdraagbaarheid) en controleer dat `contact` geen privépersoon noemt.",
)
"""The form "Nieuwe praktijk"."""


# --- the form "Nieuwe leervraag" ---------------------------------------------------------------------------

QUESTION_FORM_FILE = Path(".github") / "ISSUE_TEMPLATE" / "nieuwe-leervraag.yml"
QUESTION_LABEL = "leervraag-voorstel"
"""The label of the form "Nieuwe leervraag"; the workflow `issue-to-pr.yml` reacts to it too."""

QUESTION_QUESTIONS: tuple[Question, ...] = (
    Question(
        ("question",),
        "Je vraag",
        "Wat wil je van collega's leren? Eén zin, zoals je ze aan een collega zou stellen.",
        "Hoe bereik je als kleine gemeente anderstalige nieuwkomers die niet naar het gemeentehuis komen?",
    ),
    Question(
        ("context",),
        "Context",
        "Wat probeerde je al, en wat loopt vast? Laat een lege regel tussen de alinea's. Geen namen van "
        "personen, geen e-mailadressen of telefoonnummers: wie wil helpen, vindt je via de kennisbank.",
    ),
    Question(("themes",), "Thema's", "Kies minstens één thema."),
    Question(
        ("size_class",),
        "Grootte van je gemeente",
        "Zo vinden gemeenten van dezelfde grootte je vraag, en stelt de kennisbank praktijken voor die bij "
        "je grootte passen.",
    ),
    Question(
        ("city",),
        "Gemeente (mag leeg)",
        "Alleen als je wilt dat men weet welke gemeente vraagt. In een kleine gemeente maakt de naam je "
        "vaak herkenbaar; laat het dan leeg: je grootte volstaat.",
        "Boortmeerbeek",
        widget="input",
    ),
)
"""The questions of "Nieuwe leervraag". `asked` and `last_reviewed` are the day of the submission, the
status is `open`, and the source is the submission itself (`macros.contributing.question_answers`);
answers and meetings are left to the review."""

QUESTION_INTRO = (
    "Wat wil je van collega's in andere gemeenten leren? Stel je vraag hier, zonder YAML te schrijven. "
    "Je vraag komt op de kennisbank zonder je naam; het issue zelf is openbaar op GitHub.\n\n"
    "Na het indienen zet een robot je antwoorden om in een leervraag en controleert ze. Binnen enkele "
    "minuten lees je hieronder het resultaat: klopt alles, dan volgt een voorstel (pull request) dat een "
    "redacteur naleest; is er iets mis, pas dan je issue aan (··· → Edit) en de controle loopt opnieuw. "
    "Op de pagina van je vraag stelt de kennisbank praktijken en gemeenten voor die kunnen helpen."
)

QUESTION_HEADER = """\
# GENERATED by scripts/issue_form.py from macros/records/models.py (the Question model) and the
# vocabularies; do not edit by hand. After changing the model or a vocabulary, run
# `.venv/bin/python scripts/issue_form.py` (tests/test_question_form.py fails until then).
"""

QUESTION = Form(
    "question",
    "Nieuwe leervraag",
    "Stel een vraag aan collega's in andere gemeenten, zonder YAML te schrijven.",
    "Leervraag: ",
    QUESTION_LABEL,
    QUESTION_FORM_FILE,
    QuestionRecord,
    QUESTION_QUESTIONS,
    QUESTION_INTRO,
    QUESTION_HEADER,
    "lees de vraag en de context na op persoonsgegevens (namen, adressen) en op wat de vrager liever "
    "niet openbaar zegt; kies de thema's en de grootte na; voeg antwoorden toe die je kent (`answers`, elk "
    "met `why` en een bron).",
    frozenset({"asked", "last_reviewed"}),
)
"""The form "Nieuwe leervraag"."""

FORMS = (PRACTICE, QUESTION)
"""Every issue form, in the order `scripts/issue_form.py` writes them."""
