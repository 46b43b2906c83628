"""The contributor field reference lists every field of every model, generated from the models."""

from __future__ import annotations

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
