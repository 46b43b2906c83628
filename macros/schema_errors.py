"""Turn pydantic's validation errors into messages a contributor can act on.

Pydantic says `Extra inputs are not permitted`; a contributor needs to read which key is unknown and
which one was probably meant. Each error type that contributors meet gets its own sentence here.
"""

from __future__ import annotations

import datetime as dt
import difflib
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from macros.loading import RawRecord
from macros.problems import Problem, field_path


def did_you_mean(value: str, choices: list[str] | set[str] | Any) -> str:
    """`; did you mean 'x'?` for the closest choice, or an empty string when none is close."""
    matches = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    return f"; did you mean '{matches[0]}'?" if matches else ""


def to_problems(raw: RawRecord, model: type[BaseModel], exc: ValidationError) -> list[Problem]:
    """One problem per pydantic error, located at the line of the field it is about."""
    problems = []
    for error in exc.errors(include_url=False):
        loc = _clean_loc(error["loc"], raw.data)
        message = _message(error, _fields_at(model, loc[:-1]))
        problems.append(Problem(raw.path, raw.line_of(loc), field_path(loc), message))
    return problems


def _clean_loc(loc: tuple[int | str, ...], data: Any) -> tuple[int | str, ...]:
    """The field path as the file has it, without the union members pydantic inserts into `loc`.

    Pydantic may add the member of a union it tried (`str`, `function-after[...]`). A name is kept
    when it is a key of the mapping reached so far, or a missing field of it; past a scalar value
    the file has no more levels. Matching names against a list of type names would drop real fields
    such as `url` or `date`.
    """
    kept: list[int | str] = []
    node = data
    for part in loc:
        if isinstance(part, int) and isinstance(node, list):
            kept.append(part)
            node = node[part] if 0 <= part < len(node) else None
        elif isinstance(part, str) and isinstance(node, dict) and "[" not in part:
            kept.append(part)
            node = node.get(part)
    return tuple(kept)


def _fields_at(model: type[BaseModel], loc: tuple[int | str, ...]) -> set[str]:
    """The field names (as written in YAML) allowed at `loc` inside `model`, for did-you-mean."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        field = _field_by_name(current, part)
        if field is None:
            return set()
        current = _model_in(field.annotation)
        if current is None:
            return set()
    return {f.alias or name for name, f in current.model_fields.items()}


def _field_by_name(model: type[BaseModel], name: str) -> Any:
    for field_name, field in model.model_fields.items():
        if (field.alias or field_name) == name:
            return field
    return None


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The model inside `X`, `X | None` or `list[X]`."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _message(error: ErrorDetails, allowed: set[str]) -> str:
    kind, loc, value = error["type"], error["loc"], error.get("input")
    name = str(loc[-1]) if loc else ""
    if kind == "extra_forbidden":
        hint = did_you_mean(name, allowed) or f"; allowed here: {', '.join(sorted(allowed))}"
        return f"unknown field '{name}'{hint}"
    if kind == "missing":
        return "this field is required; add it"
    if value is None and kind.endswith("_type"):
        return "this field is empty; fill it in, or remove the line if the field is optional"
    if kind == "string_type" and isinstance(value, (bool, int, float, dt.date)):
        read_as = (
            "a date" if isinstance(value, dt.date) else "yes/no" if isinstance(value, bool) else "a number"
        )
        written = _as_written(value)
        return f"'{written}' is read as {read_as}; put it in quotes ('{written}') to make it text"
    if kind in {"float_parsing", "int_parsing", "float_type", "int_type"}:
        return f"'{value}' is not a number; write digits only, for example 12500 or 12.5"
    if kind in {"bool_parsing", "bool_type"}:
        return f"'{value}' is not yes or no; write true or false"
    if kind == "url_parsing":
        return f"'{value}' is not a web address; write it in full, starting with https://"
    if kind == "string_pattern_mismatch":
        return _pattern_message(error, value)
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        return f"'{value}' is not allowed here; use one of {expected}"
    if kind in {"date_from_datetime_parsing", "date_parsing", "date_type"}:
        return f"'{value}' is not a date; write it as YYYY-MM-DD"
    if kind == "string_too_long":
        limit = error.get("ctx", {}).get("max_length")
        return f"the text is {len(str(value))} characters long; keep it under {limit}"
    if kind == "too_short" and isinstance(value, list) and not value:
        return "the list is empty; give at least one item"
    if kind in {"model_type", "dict_type"}:
        return f"expected a mapping of fields here, found {_shown(value)}"
    if kind == "list_type":
        return f"expected a list (lines starting with `- `), found {_shown(value)}"
    return f"{error['msg']} (found {_shown(value)})"


def _pattern_message(error: ErrorDetails, value: Any) -> str:
    pattern = str(error.get("ctx", {}).get("pattern", ""))
    if pattern.startswith("^[a-z0-9]"):
        return f"'{value}' is not a valid id; use lowercase letters, digits and hyphens, like 'stad-mechelen'"
    if pattern.startswith(r"^\d{4}"):
        return f"'{value}' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD"
    if pattern.startswith(r"^\d{5}"):
        return f"'{value}' is not a NIS code; it has five digits"
    return f"'{value}' does not have the expected form ({pattern})"


def _as_written(value: Any) -> str:
    """A scalar as a contributor wrote it: `true`, not `True`; `2012-10-15`, not a date object."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _shown(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return f"'{value}'"
