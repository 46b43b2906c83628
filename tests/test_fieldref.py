"""The contributor field reference lists every field of every model, generated from the models."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, get_args

import pytest
from pydantic import BaseModel

from macros.contributing.fieldinfo import fields_of
from macros.pages.fieldref import field_reference_markdown
from macros.records import knowledge
from macros.records.kinds import RECORD_MODELS, VOCABULARY_MODELS
from macros.records.knowledge import KnowledgeBase
from macros.records.models import Term


@pytest.fixture(scope="module")
def shipped() -> KnowledgeBase:
    """The shipped records, whose vocabularies the site's reference lists."""
    return knowledge.build()


@pytest.fixture(scope="module")
def reference(shipped: KnowledgeBase) -> str:
    return field_reference_markdown(shipped)


def nested_models(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for arg in get_args(annotation):
        yield from nested_models(arg)


def field_paths(model: type[BaseModel], prefix: str = "") -> Iterator[str]:
    """Every field, recursively, as `group.field` or `list[].field`, walked independently of fieldref."""
    for name, field in model.model_fields.items():
        path = prefix + (field.alias or name)
        yield path
        is_list = "list[" in str(field.annotation)
        for inner in nested_models(field.annotation):
            yield from field_paths(inner, path + ("[]." if is_list else "."))


def test_every_field_of_every_model_appears_in_the_reference(reference: str) -> None:
    models = [*RECORD_MODELS.values(), *VOCABULARY_MODELS.values()]
    missing = [path for model in models for path in field_paths(model) if f"`{path}`" not in reference]
    assert missing == []


def test_every_field_docstring_is_shown(reference: str) -> None:
    docs = [
        " ".join((field.description or "").split())
        for model in every_model()
        for field in model.model_fields.values()
    ]
    assert all(doc and doc in reference for doc in docs)


def test_the_reference_is_in_dutch_with_one_section_per_record_kind(reference: str) -> None:
    assert reference.startswith("# Velden van de records\n")
    for heading in (
        "## Goede praktijk",
        "## Stadsprofiel",
        "## Organisatie",
        "## Lerend netwerk",
        "## Bron",
    ):
        assert heading in reference


def test_required_fields_and_fixed_choices_are_marked(reference: str) -> None:
    assert "| `title` | tekst (max. 120 tekens) | ja |" in reference
    assert (
        "| `status.state` | keuze uit vaste waarden | ja, in `status` | `lopend`, `afgerond`, `onbekend` |"
        in reference
    )
    assert "| `contact.source` | id | ja, in `contact` |" in reference
    assert "| `network.flows[].from` | id | ja, in `network.flows[]` |" in reference


def every_model() -> Iterator[type[BaseModel]]:
    """Every record and vocabulary model and every group nested in one, each once."""
    seen: list[type[BaseModel]] = []
    todo = [*RECORD_MODELS.values(), *VOCABULARY_MODELS.values()]
    while todo:
        model = todo.pop(0)
        if model not in seen:
            seen.append(model)
            todo += [inner for f in model.model_fields.values() for inner in nested_models(f.annotation)]
    yield from seen


# Words a Dutch sentence does not use, and phrases the English docstrings used to start with. Code in
# backticks (`from`, `en`, paths) is left out before looking.
ENGLISH_WORDS = {"the", "and", "or", "when", "which", "this", "that", "its", "for", "with", "from", "to"}
ENGLISH_PHRASES = (" of the ", "Leave empty", "Id of", "Ids of", "when the")


def english_in(text: str) -> list[str]:
    prose = re.sub(r"`[^`]*`", "", text)
    words = set(re.findall(r"[a-z']+", prose.lower()))
    return sorted(words & ENGLISH_WORDS) + [phrase for phrase in ENGLISH_PHRASES if phrase in text]


def test_every_field_and_group_is_explained_in_dutch() -> None:
    """The explanations are what contributors read (reference, templates, editor): none may be
    missing or left in English."""
    problems = []
    for model in every_model():
        texts = {f"{model.__name__}": model.__doc__ or ""}
        texts |= {f"{model.__name__}.{name}": f.description or "" for name, f in model.model_fields.items()}
        for where, text in texts.items():
            if not text.strip():
                problems.append(f"{where}: geen uitleg")
            elif english_in(text):
                problems.append(f"{where}: {english_in(text)} in {text!r}")
    assert problems == []


def test_the_english_detector_catches_the_old_docstrings() -> None:
    assert english_in("The year the figure describes. Leave empty when the source does not say.")
    assert english_in("Ids of the policy instruments used (see `practices/vocabulary/instruments.yml`).")
    assert not english_in("Het jaar waarover het cijfer gaat. Laat leeg als de bron het niet zegt.")
    assert not english_in("De taal, als code van twee letters: `nl`, `en`, `fr`.")


def rows_of(reference: str, path: str) -> list[str]:
    """The table rows of every field at `path` (`instruments` is a field of practices and of cities)."""
    rows = [line for line in reference.splitlines() if line.startswith(f"| `{path}` |")]
    assert rows, path
    return rows


def test_a_vocabulary_field_lists_every_id_beside_its_label(reference: str, shipped: KnowledgeBase) -> None:
    themes = rows_of(reference, "themes")[0]  # a practice's; a leervraag has `themes` too
    assert "ids uit `practices/vocabulary/themes.yml`: " in themes
    assert "`taal` (Nederlands en meertaligheid)" in themes
    for path, stem in [
        ("themes", "themes"),
        ("transferability.size_classes", "size-classes"),
        ("network.flows[].kind", "flow-kinds"),
        ("learning.conditions[].condition", "learning-conditions"),
        ("instruments", "instruments"),
    ]:
        for row in rows_of(reference, path):
            for term_id, term in shipped.terms_of(stem).items():
                assert f"`{term_id}` ({term.label})" in row, (path, term_id)


def test_a_label_with_table_or_html_syntax_stays_text_inside_its_cell(shipped: KnowledgeBase) -> None:
    hostile = Term(id="x", label="Taal | <script>alert(1)</script> *vet*", definition="Test.")
    kb = KnowledgeBase(root=shipped.root, themes={"x": hostile})
    row = rows_of(field_reference_markdown(kb), "themes")[0]  # a practice's; a leervraag has `themes` too
    assert row.count(" | ") == 4  # five cells, none split by the label
    assert "<script>" not in row and "*vet*" not in row
    assert "`x` (Taal &#124; &lt;script&gt;" in row


def test_every_type_is_named_in_dutch_not_as_python_spells_it() -> None:
    labels = {doc.type_label for model in every_model() for doc in fields_of(model)}
    assert [label for label in labels if "<" in label or "typing" in label or "str" in label] == []
    assert {"telefoonnummer", "taalcode (twee letters)", "tekst (max. 1.000 tekens)"} <= labels
