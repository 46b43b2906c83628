"""The contributor field reference lists every field of every model, generated from the models."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, get_args

from pydantic import BaseModel

from macros.fieldref import field_reference_markdown
from macros.records import RECORD_MODELS, VOCABULARY_MODELS


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


def test_every_field_of_every_model_appears_in_the_reference() -> None:
    reference = field_reference_markdown()
    models = [*RECORD_MODELS.values(), *VOCABULARY_MODELS.values()]
    missing = [path for model in models for path in field_paths(model) if f"`{path}`" not in reference]
    assert missing == []


def test_every_field_docstring_is_shown() -> None:
    reference = field_reference_markdown()
    docs = [
        " ".join((field.description or "").split())
        for model in RECORD_MODELS.values()
        for field in model.model_fields.values()
    ]
    assert all(doc and doc in reference for doc in docs)


def test_the_reference_is_in_dutch_with_one_section_per_record_kind() -> None:
    reference = field_reference_markdown()
    assert reference.startswith("# Velden van de records\n")
    for heading in (
        "## Goede praktijk",
        "## Stad of gemeente",
        "## Organisatie",
        "## Lerend netwerk",
        "## Bron",
    ):
        assert heading in reference


def test_required_fields_and_fixed_choices_are_marked() -> None:
    reference = field_reference_markdown()
    assert "| `title` | tekst (max. 120 tekens) | ja |" in reference
    assert "`lopend`, `afgerond`, `pilot`" in reference
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
