"""What a contributor needs to know about each field, read from the models.

The field reference (`macros.pages.fieldref`) and the record templates (`macros.contributing.templates`)
both describe
fields; both take the description from here, so neither repeats what `macros.records.models` defines.
"""

from __future__ import annotations

import datetime as dt
import re
import types
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import AnyUrl, BaseModel, StringConstraints
from pydantic.fields import FieldInfo

_VOCABULARY_IN_DOC = re.compile(r"practices/vocabulary/([a-z-]+)\.yml")


@dataclass(frozen=True)
class FieldDoc:
    """One field of a model, described for contributors (labels in Dutch)."""

    path: str
    """Dotted path from the record's top, with `[]` for list items: `network.flows[].from`."""
    name: str
    """The key as written in YAML (the alias where there is one)."""
    depth: int
    """0 for a top-level field, 1 inside a group, and so on."""
    required: bool
    type_label: str
    """Dutch description of the value: `tekst (max. 120 tekens)`, `lijst van id's`, ..."""
    choices: tuple[str, ...]
    """The allowed values of a fixed choice (a `Literal`); empty otherwise."""
    vocabulary: str | None
    """Stem of the vocabulary file the value comes from, when the docstring names one."""
    doc: str
    model: type[BaseModel] | None
    """The nested model, for a group of fields or a list of groups."""
    is_list: bool
    max_length: int | None = None
    """The most characters a text field takes (of one item, for a list of texts)."""


def fields_of(model: type[BaseModel], prefix: str = "", depth: int = 0) -> Iterator[FieldDoc]:
    """Every field of `model`, depth first, nested groups right after the field that holds them."""
    for name, info in model.model_fields.items():
        doc = describe(name, info, prefix, depth)
        yield doc
        if doc.model is not None:
            yield from fields_of(doc.model, doc.path + ("[]." if doc.is_list else "."), depth + 1)


def describe(name: str, info: FieldInfo, prefix: str = "", depth: int = 0) -> FieldDoc:
    """The `FieldDoc` of one pydantic field."""
    key = info.alias or name
    annotation = _without_none(info.annotation)
    is_list = get_origin(annotation) is list
    inner = _without_none(get_args(annotation)[0]) if is_list else annotation
    constraints = _constraints(inner, info.metadata if not is_list else [])
    singular, plural = _label(inner, constraints)
    label = f"lijst van {plural}" if is_list else singular
    limit = constraints.get("max_length")
    if limit and not is_list and singular == "tekst":
        label += f" (max. {_dutch(limit)} tekens)"
    items = _constraints(annotation, info.metadata).get("max_length") if is_list else None
    if items:
        label += f" (max. {_dutch(items)})"
    doc = " ".join((info.description or "").split())  # one paragraph: the docstring's line breaks are layout
    vocabulary = _VOCABULARY_IN_DOC.search(doc)
    nested = _base_model(inner)
    choices = tuple(str(v) for v in get_args(inner)) if get_origin(inner) is Literal else ()
    return FieldDoc(
        path=prefix + key,
        name=key,
        depth=depth,
        required=info.is_required(),
        type_label=label,
        choices=choices,
        vocabulary=vocabulary.group(1) if vocabulary else None,
        doc=doc,
        model=nested,
        is_list=is_list,
        max_length=limit,
    )


def _without_none(annotation: Any) -> Any:
    """`X | None` -> `X`."""
    if get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation


def _constraints(annotation: Any, metadata: list[Any]) -> dict[str, Any]:
    """Pattern and length limits, from `Annotated[...]` or from the field's own metadata."""
    found: dict[str, Any] = {}
    items = [*metadata]
    for item in getattr(
        annotation, "__metadata__", ()
    ):  # a `Field(...)` in Annotated keeps them in .metadata
        items += getattr(item, "metadata", None) or [item]
    for item in items:
        pattern = getattr(item, "pattern", None)
        if pattern is not None:
            found["pattern"] = pattern
        limit = getattr(item, "max_length", None)
        if limit is not None:  # the strictest of the type's and the field's own limit
            found["max_length"] = min(limit, found.get("max_length", limit))
        if isinstance(item, StringConstraints) and item.pattern:
            found["pattern"] = item.pattern
        extra = getattr(item, "json_schema_extra", None)
        if isinstance(extra, dict) and "format" in extra:  # `Email` in macros/records/models.py
            found["format"] = extra["format"]
    return found


def _dutch(number: int) -> str:
    """`10000` -> `10.000`: the thousands separator contributors read in Dutch."""
    return f"{number:,}".replace(",", ".")


def _base_model(annotation: Any) -> type[BaseModel] | None:
    return annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None


_PATTERN_LABELS = {
    "^[a-z0-9]": ("id", "id's"),
    "^[0-9]{4}": ("datum (JJJJ, JJJJ-MM of JJJJ-MM-DD)", "datums"),
    "^[0-9]{5}": ("NIS-code (vijf cijfers, tussen aanhalingstekens)", "NIS-codes"),
    r"^\+?[0-9]": ("telefoonnummer", "telefoonnummers"),
    "^[a-z]{2}$": ("taalcode (twee letters)", "taalcodes"),
}


def _label(annotation: Any, constraints: dict[str, Any]) -> tuple[str, str]:
    """(singular, plural) Dutch label of a value type."""
    base = annotation.__origin__ if hasattr(annotation, "__metadata__") else annotation
    if constraints.get("format") == "email":
        return "e-mailadres van een dienst", "e-mailadressen"
    pattern = str(constraints.get("pattern", ""))
    for start, labels in _PATTERN_LABELS.items():
        if pattern.startswith(start):
            return labels
    if get_origin(annotation) is Literal:
        return "keuze uit vaste waarden", "keuzes uit vaste waarden"
    if _base_model(base):
        return "groep velden", "groepen velden"
    simple: dict[Any, tuple[str, str]] = {
        str: ("tekst", "teksten"),
        bool: ("ja of nee (`true` of `false`)", "ja/nee-waarden"),
        int: ("geheel getal", "gehele getallen"),
        float: ("getal", "getallen"),
        dt.date: ("datum (JJJJ-MM-DD)", "datums (JJJJ-MM-DD)"),
    }
    if isinstance(base, type) and issubclass(base, AnyUrl):
        return "webadres (https://...)", "webadressen"
    return simple.get(base, (str(base), str(base)))
