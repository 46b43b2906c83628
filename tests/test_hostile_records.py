"""A record is untrusted input: whatever a contributor writes in any text field, the site shows it as
text. Nothing in a record becomes an element, an attribute, a heading, a warning box, a template or a
spreadsheet formula.

The fields under test are read from the models, not listed by hand: `free_text_fields` walks every
record and vocabulary model, and a test fails when the maximal records below leave one of them out. Every
such field then carries the attacks of `PAYLOADS`, the site is built with `mkdocs build --strict`, and
every page is parsed the way a browser would.
"""

from __future__ import annotations

import csv
import shutil
import types
from pathlib import Path
from typing import Annotated, Any, Union, get_args, get_origin

import pytest
import yaml
from bs4 import BeautifulSoup, Comment
from conftest import FIXTURE_RECORDS
from pydantic import BaseModel, HttpUrl
from records_folder import TODAY
from sitebuild import build_site

from macros.records.kinds import RECORD_MODELS, VOCABULARY_MODELS
from macros.records.models import MAX_TEXT

pytestmark = pytest.mark.site

MARK = "kbx"
"""Every payload carries this mark, so that anything built from a record can be found on a page."""

PAYLOADS = [
    "<script>kbx()</script>",
    "<img src=x onerror=kbx()>",
    "<iframe src=//kbx.example></iframe>",
    '<a href="javascript:kbx()">kbx-link</a>',
    "[kbx-md](javascript:kbx())",
    '\n\n## kbx-kop\n\n!!! danger "kbx-box"\n    kbx-box-tekst\n\n',
    "{{ 'kbx' ~ 7*7 }} {% if true %}kbx-if{% endif %}",
    "<Dienst kbx-tag>",
    "*kbx-em* __kbx-strong__ <b>kbx-b</b>",
    "<!-- kbx-comment",
]
"""Script, event handler, iframe, javascript: links (HTML and Markdown), a Markdown heading and
admonition, template syntax, a made-up tag, emphasis, and an unclosed comment (which once hid the rest
of the page). Control characters are refused by the loader: see tests/test_untrusted_input.py."""

FORMULAS = ['=HYPERLINK("https://kbx.example")', "@kbx", "+kbx", "-kbx"]
"""Cells a spreadsheet would run as formulas (CSV injection)."""


class Slot:
    """A place in a maximal record that must hold a payload."""


P = Slot()


def _unwrap(annotation: Any) -> tuple[Any, list[Any]]:
    """`X`, `X | None`, `Annotated[X, ...]` -> (X, the metadata met on the way)."""
    metadata: list[Any] = []
    while True:
        if get_origin(annotation) is Annotated:
            annotation, *extra = get_args(annotation)
            for item in extra:  # a `Field(...)` inside Annotated keeps its constraints in .metadata
                metadata += getattr(item, "metadata", None) or [item]
        elif get_origin(annotation) in (Union, types.UnionType):
            args = [a for a in get_args(annotation) if a is not type(None)]
            if len(args) != 1:
                return annotation, metadata
            annotation = args[0]
        else:
            return annotation, metadata


def _fields(model: type[BaseModel], prefix: str = "") -> list[tuple[str, Any, list[Any]]]:
    """(path, type, metadata) of every leaf field, nested models walked; lists written `name[]`."""
    found = []
    for name, info in model.model_fields.items():
        annotation, metadata = _unwrap(info.annotation)
        metadata = [*info.metadata, *metadata]
        path = prefix + (info.alias or name)
        if get_origin(annotation) is list:
            list_metadata = metadata
            annotation, metadata = _unwrap(get_args(annotation)[0])
            path += "[]"
            metadata = [*metadata, *(m for m in list_metadata if not hasattr(m, "max_length"))]
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            found += _fields(annotation, path + ".")
        else:
            found.append((path, annotation, metadata))
    return found


def free_text_fields(model: type[BaseModel], prefix: str = "") -> set[str]:
    """Paths (`partners[].role`) of every `str` field without a fixed pattern: the fields where a
    contributor can write anything. Ids, dates, codes and addresses have a pattern or a type of their
    own, which `test_fields_with_a_form_refuse_every_payload` covers."""
    return {
        path
        for path, annotation, metadata in _fields(model, prefix)
        if annotation is str and not any(getattr(m, "pattern", None) for m in metadata)
    }


def limits(model: type[BaseModel], prefix: str = "") -> dict[str, int]:
    """Path -> the strictest max_length of every text field."""
    found = {}
    for path, annotation, metadata in _fields(model, prefix):
        bounds = [m.max_length for m in metadata if getattr(m, "max_length", None)]
        if annotation is str and bounds:
            found[path] = min(bounds)
    return found


# --- the maximal records: every free-text field of every kind holds a slot ---------------------------

MAXIMAL: dict[str, tuple[str, dict[str, Any]]] = {
    "practice": (
        "kbx-praktijk",
        {
            "title": P,
            "summary": P,
            "city": "kbx-stad",
            "cities": ["lindeburg"],
            "themes": ["werk"],
            "instruments": ["subsidie"],
            "target_groups": [P],
            "partners": [{"organisation": "kbx-organisatie", "role": P}],
            "period": {"start": "2020", "end": "2022"},
            "status": {"state": "afgerond", "source": "kbx-bron", "date": "2022"},
            "description": P,
            "approach": [P, P],
            "resources": {"staff": P, "budget": P, "funding": P},
            "results": P,
            "evaluation": P,
            "success_factors": [P],
            "pitfalls": [P],
            "transferability": {"size_classes": ["klein"], "conditions": ["draagvlak"], "note": P},
            "contact": {
                "role": P,
                "service": P,
                "email": "dienst@kbx.example",
                "phone": "015 00 00 00",
                "url": "https://www.kbx.example/praktijk",
                "source": "kbx-bron",
            },
            "documents": [
                {
                    "title": P,
                    "url": "https://www.kbx.example/reglement.pdf",
                    "type": "reglement",
                    "year": 2021,
                }
            ],
            "sources": ["kbx-bron"],
            "last_reviewed": "2026-06-01",
        },
    ),
    "profile": (
        "kbx-stad",
        {
            "contact": {"role": P, "service": P, "phone": "011 00 00 00", "source": "kbx-bron"},
            "population": {"value": 20000, "year": 2024, "source": "kbx-bron", "note": P},
            "foreign_origin_share": {"value": 12.5, "year": 2024, "source": "kbx-bron", "note": P},
            "governance": P,
            "milestones": [{"date": "2019-05", "title": P, "description": P, "source": "kbx-bron"}],
            "instruments": ["overleg"],
            "learning": {
                "maturity": "groeiend",
                "maturity_source": "kbx-bron",
                "conditions": [{"condition": "draagvlak", "note": P, "source": "kbx-bron"}],
            },
            "network": {
                "actors": [
                    {"id": "stad", "city": "kbx-stad", "role": P},
                    {"id": "org", "organisation": "kbx-organisatie", "role": P},
                    {"id": "ander", "name": P, "type": "middenveld", "role": P},
                ],
                "flows": [
                    {"from": "stad", "to": "org", "kind": "geld", "label": P, "source": "kbx-bron"},
                    {"from": "org", "to": "ander", "kind": "expertise", "intermittent": True, "label": P},
                    {"from": "stad", "to": "ander", "kind": "informatie", "label": P, "layer": P},
                ],
                "sources": ["kbx-bron"],
                "note": P,
            },
            "case_study": P,
            "sources": ["kbx-bron"],
            "last_reviewed": "2026-06-01",
        },
    ),
    "organisation": (
        "kbx-organisatie",
        {
            "name": P,
            "short_name": P,
            "type": "middenveld",
            "level": "lokaal",
            "website": "https://www.kbx.example/",
            "description": P,
            "offices": [
                {
                    "province": "limburg",
                    "contact": {
                        "role": P,
                        "service": P,
                        "email": "limburg@kbx.example",
                        "source": "kbx-bron",
                    },
                }
            ],
            "sources": ["kbx-bron"],
            "last_reviewed": "2026-06-01",
        },
    ),
    "network": (
        "kbx-netwerk",
        {
            "name": P,
            "description": P,
            "level": "regionaal",
            "coordinator": "kbx-organisatie",
            "members": ["kbx-stad", "lindeburg"],
            "cadence": P,
            "agenda": [{"topic": P, "themes": ["werk"], "proposed_by": ["kbx-stad"]}],
            "conditions": [{"condition": "agenda", "note": P, "source": "kbx-bron"}],
            "sources": ["kbx-bron"],
            "last_reviewed": "2026-06-01",
        },
    ),
    "source": (
        "kbx-bron",
        {
            "title": P,
            "authors": [P],
            "year": 2024,
            "publisher": P,
            "url": "https://www.kbx.example/bron",
            "note": P,
            "accessed": "2026-06-01",
        },
    ),
    "question": (
        "kbx-leervraag",
        {
            "question": P,
            "context": P,
            "themes": ["werk"],
            "size_class": "klein",
            "asked": "2025",
            "status": "beantwoord",
            "answers": [
                {"practice": "kbx-praktijk", "why": P},
                {"organisation": "kbx-organisatie", "why": P},
            ],
            "meetings": [{"network": "kbx-netwerk", "date": "2025-03", "note": P}],
            "sources": ["kbx-bron"],
            "last_reviewed": "2026-06-01",
        },
    ),
}
FOLDERS = {"practice": ".", "profile": "cities", "organisation": "organisations", "network": "networks"}
FOLDERS |= {"source": "sources", "question": "questions"}
TERM_SLOTS = {"label": P, "definition": P}
"""The first term of every vocabulary gets these."""


def slots(value: Any, prefix: str = "") -> set[str]:
    """Paths of the slots in a maximal record, written like `free_text_fields` writes them."""
    if value is P:
        return {prefix}
    if isinstance(value, dict):
        return set().union(*(slots(v, f"{prefix}.{k}" if prefix else k) for k, v in value.items()))
    if isinstance(value, list):
        return set().union(*(slots(v, prefix + "[]") for v in value))
    return set()


def fill(value: Any, limit_of: dict[str, int], path: str = "", counter: list[int] | None = None) -> Any:
    """The record with every slot replaced by payloads: all of them where the field is long enough,
    else the next single payload that fits the field's limit."""
    counter = counter if counter is not None else [0]
    if value is P:
        limit = limit_of.get(path, 10_000)
        everything = " ".join(PAYLOADS + FORMULAS[:1])
        if len(everything) <= limit:
            return FORMULAS[counter[0] % len(FORMULAS)] + " " + everything
        counter[0] += 1
        candidates = [*PAYLOADS, *FORMULAS]
        for offset in range(len(candidates)):
            chosen = candidates[(counter[0] + offset) % len(candidates)]
            if len(chosen) <= limit:
                return chosen
        return MARK
    if isinstance(value, dict):
        return {k: fill(v, limit_of, f"{path}.{k}" if path else k, counter) for k, v in value.items()}
    if isinstance(value, list):
        return [fill(v, limit_of, path + "[]", counter) for v in value]
    return value


# --- the tests ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(RECORD_MODELS))
def test_the_maximal_record_fills_every_free_text_field_of_the_model(kind: str) -> None:
    _, record = MAXIMAL[kind]
    assert slots(record) == free_text_fields(RECORD_MODELS[kind])


@pytest.mark.parametrize("stem", list(VOCABULARY_MODELS))
def test_every_vocabulary_term_has_only_label_and_definition_as_free_text(stem: str) -> None:
    assert free_text_fields(VOCABULARY_MODELS[stem]) == {"terms[].label", "terms[].definition"}


MUNICIPALITY = {"name": P}
"""The municipality of the maximal records (`kbx-stad`): reference data is untrusted input too, and its
name reaches more pages than any record's text."""


def write_corpus(root: Path) -> None:
    shutil.copytree(FIXTURE_RECORDS, root)
    name = fill(MUNICIPALITY, {"name": MAX_TEXT})["name"]
    with (root / "reference" / "municipalities.csv").open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerow(
            ["99999", "kbx-stad", name, "limburg", 20000, "", "", ""]
        )
    for kind, (record_id, record) in MAXIMAL.items():
        text = yaml.safe_dump(fill(record, limits(RECORD_MODELS[kind])), allow_unicode=True, sort_keys=False)
        (root / FOLDERS[kind] / f"{record_id}.yml").write_text(text, encoding="utf-8")
    for stem, model in VOCABULARY_MODELS.items():
        path = root / "vocabulary" / f"{stem}.yml"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data["terms"][0].update(fill(TERM_SLOTS, limits(model, "terms[].")))
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile") / "records"
    write_corpus(root)
    return build_site(root, tmp_path_factory.mktemp("hostile-site") / "site", today=TODAY)


def _pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "pagefind" not in p.parts and "assets" not in p.parts)


HEADINGS = ("h2", "h3", "h4", "h5", "h6")
MADE_UP = ("script", "iframe", "img", "dienst", "b", "em", "object", "embed")


def _violations(path: Path, soup: BeautifulSoup) -> list[str]:
    """Everything on a page that a record's text built: elements, attributes, headings, boxes,
    evaluated templates, comments."""
    found = []
    for element in soup.find_all(True):
        for attribute, value in element.attrs.items():
            joined = " ".join(value) if isinstance(value, list) else str(value)
            if attribute.startswith("on") and MARK in joined:
                found.append(f"{path}: event handler {attribute}={joined!r}")
            if MARK in attribute:
                found.append(f"{path}: attribute named {attribute!r}")
            if attribute in ("href", "src") and (
                joined.lower().startswith("javascript:") or "kbx()" in joined
            ):
                found.append(f"{path}: {attribute}={joined!r}")
        if element.name in MADE_UP and MARK in str(element):
            found.append(f"{path}: element <{element.name}> from a record")
        # Our own headings may show a label as text (a learning condition's); a heading that a record
        # made starts with the payload's own heading text.
        if element.name in (*HEADINGS, "h1") and element.get_text().strip(" ¶").startswith("kbx-kop"):
            found.append(f"{path}: heading {element.get_text()!r} from a record")
        if element.name == "h1" and element.find(lambda tag: tag.name not in ("a",)) is not None:
            found.append(f"{path}: markup inside the page title")
        if "admonition" in (element.get("class") or []) and "kbx-box" in element.get_text():
            found.append(f"{path}: warning box from a record")
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        if MARK in comment:
            found.append(f"{path}: a record opened an HTML comment")
    text = soup.get_text()
    for evaluated in ("kbx49", "kbx-if"):
        if evaluated in text and "{% if true %}kbx-if" not in text:
            found.append(f"{path}: template syntax was evaluated")
    return found


def test_no_page_holds_an_element_attribute_heading_or_template_from_a_record(hostile_site: Path) -> None:
    problems: list[str] = []
    for path in _pages(hostile_site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        problems += _violations(path.relative_to(hostile_site), soup)
    assert problems == []


def test_the_attacks_show_as_text_and_the_page_goes_on_after_them(hostile_site: Path) -> None:
    page = BeautifulSoup(
        (hostile_site / "praktijken" / "kbx-praktijk" / "index.html").read_text(encoding="utf-8"),
        "html.parser",
    )
    article = " ".join(page.select_one("article").get_text(" ").split())
    for payload in PAYLOADS:
        assert " ".join(payload.split()) in article, payload
    # An unclosed `<!--` in the text hid everything after it: the last section must still be there.
    assert page.find("h2", id="bronnen") is not None
    assert "Laatst nagekeken op 1 juni 2026" in article


def test_a_municipality_name_from_the_reference_data_shows_as_its_pages_title(hostile_site: Path) -> None:
    page = BeautifulSoup(
        (hostile_site / "steden" / "kbx-stad" / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    title = " ".join(page.select_one("article h1").get_text(" ").split())
    for payload in PAYLOADS:
        assert " ".join(payload.split()) in title, payload


def test_every_text_field_reaches_some_page(hostile_site: Path) -> None:
    """The test above proves something only if the payloads are on the pages at all."""
    texts = " ".join(
        BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser").get_text(" ")
        for p in _pages(hostile_site)
    )
    assert texts.count("<script>kbx()</script>") >= 20


def test_no_csv_cell_starts_a_formula(hostile_site: Path) -> None:
    cells = []
    for path in sorted((hostile_site / "data").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            cells += [cell for row in csv.reader(handle, delimiter=";") for cell in row]
    assert any(cell.startswith("'=HYPERLINK") for cell in cells), "the formula payload must reach a CSV"
    assert [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))] == []


@pytest.mark.parametrize("payload", [*PAYLOADS, "javascript:kbx()", "data:text/html,kbx"])
def test_fields_with_a_form_refuse_every_payload(payload: str) -> None:
    """Ids, dates, codes, e-mail, phone and web addresses: a payload there fails validation."""
    from pydantic import TypeAdapter, ValidationError

    from macros.records.models import Contact, Document, Id, PartialDate

    for annotation in (Id, PartialDate, HttpUrl):
        with pytest.raises(ValidationError):
            TypeAdapter(annotation).validate_python(payload)
    for field in ("email", "phone"):
        Contact.model_validate(
            {field: "dienst@kbx.example" if field == "email" else "015 00 00 00", "source": "b"}
        )
        with pytest.raises(ValidationError):
            Contact.model_validate({field: payload, "source": "b"})
    with pytest.raises(ValidationError):
        Document.model_validate(
            {"title": "t", "url": "https://x.example/", "type": "andere", "language": payload}
        )
