"""Turn pydantic's validation errors into messages a contributor can act on.

Pydantic says `Extra inputs are not permitted`; a contributor needs to read which key is unknown and
which one was probably meant. Each error type that contributors meet gets its own sentence here.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable, Iterable
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from macros.records.loading import MAX_ID_CHARS, RawRecord
from macros.records.problems import Problem, field_path, printable, quoted

HINT_BUDGET = 500
"""Did-you-mean suggestions per run. Each compares a value with every id of its kind (3,000 practices):
a hostile file of thousands of unknown ids would otherwise take minutes. Past the budget, messages
come without a suggestion."""


class Hints:
    """Did-you-mean suggestions for one run: each value looked up once, at most HINT_BUDGET lookups."""

    def __init__(self, budget: int = HINT_BUDGET) -> None:
        self.budget = budget
        self._seen: dict[tuple[str, int], str] = {}

    def did_you_mean(self, value: str, choices: Iterable[str]) -> str:
        """`; bedoel je 'x'?` for the closest choice, or an empty string when none is close."""
        options = choices if isinstance(choices, (set, dict, list)) else list(choices)
        key = (value, id(options))
        if key not in self._seen:
            if self.budget <= 0 or len(value) > 2 * MAX_ID_CHARS:
                return ""
            self.budget -= 1
            self._seen[key] = did_you_mean(value, options)
        return self._seen[key]

    def close(self, value: str, choices: dict[str, str]) -> list[str]:
        """The keys of `choices` close to `value`, best first (within the budget, as above)."""
        if self.budget <= 0 or len(value) > 2 * MAX_ID_CHARS:
            return []
        self.budget -= 1
        return difflib.get_close_matches(value, list(choices), n=1, cutoff=0.75)


def did_you_mean(value: str, choices: Iterable[str]) -> str:
    """`; bedoel je 'x'?` for the closest choice, or an empty string when none is close."""
    matches = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    return f"; bedoel je {quoted(matches[0])}?" if matches else ""


Explain = Callable[[str, str], "str | None"]
"""(kind, value) -> what is wrong with `value` as an id of that kind when more is known than that it
is no id (a label or a municipality's name written instead, a merged municipality, a close id), else
None: `macros.records.checks.explain_reference`, which the cross-record checks use too."""


def to_problems(
    raw: RawRecord, model: type[BaseModel], exc: ValidationError, explain: Explain | None = None
) -> list[Problem]:
    """One problem per pydantic error, located at the line of the field it is about."""
    problems = []
    errors = exc.errors(include_url=False)
    for error in errors:
        if _explained_by_a_misspelling(error, errors, model):
            continue
        loc = _clean_loc(error["loc"], raw.data)
        message = _moved_field(error, model) or _explained_id(error, model, loc, explain)
        message = message or _message(error, _fields_at(model, loc[:-1]))
        problems.append(Problem(raw.path, raw.line_of(loc), field_path(loc), message))
    return problems


def _moved_field(error: ErrorDetails, model: type[BaseModel]) -> str:
    """`name` in a city record, which the reference data holds now: say where it went."""
    moved: dict[str, str] = getattr(model, "moved_fields", {})
    loc = error["loc"]
    if error["type"] != "extra_forbidden" or len(loc) != 1 or str(loc[0]) not in moved:
        return ""
    return (
        f"{quoted(loc[0])} staat voor elke gemeente in practices/reference/{moved[str(loc[0])]}; "
        "haal het veld hier weg"
    )


def _explained_id(
    error: ErrorDetails, model: type[BaseModel], loc: tuple[int | str, ...], explain: Explain | None
) -> str | None:
    """`'Nederlands en meertaligheid' is het label ...; schrijf de id 'taal'`, or None."""
    value = error.get("input")
    if explain is None or error["type"] != "string_pattern_mismatch" or not isinstance(value, str):
        return None
    kind = _kind_at(model, loc)
    return explain(kind, " ".join(value.split())) if kind else None


def _kind_at(model: type[BaseModel], loc: tuple[int | str, ...]) -> str | None:
    """The `x-kind` of the id field at `loc` (see macros/records/models.py), or None."""
    current: Any = model
    info = None
    for part in loc:
        if isinstance(part, int):
            continue
        if current is None:
            return None
        info = _field_by_name(current, part)
        if info is None:
            return None
        current = _model_in(info.annotation)
    if info is None:
        return None
    # A scalar field (`city: CityId`) carries the x-kind on its own FieldInfo: pydantic merges the
    # Field of an Annotated type into it; inside a list it stays in the item's metadata.
    for item in [info, *info.metadata, *_metadata_of(info.annotation)]:
        extra = getattr(item, "json_schema_extra", None)
        if isinstance(extra, dict) and isinstance(extra.get("x-kind"), str):
            return str(extra["x-kind"])
    return None


def _metadata_of(annotation: Any) -> list[Any]:
    """Every `Annotated` metadata item inside `X`, `X | None` or `list[X]`."""
    found = list(getattr(annotation, "__metadata__", ()))
    for arg in getattr(annotation, "__args__", ()):
        found += _metadata_of(arg)
    return found


def _explained_by_a_misspelling(
    error: ErrorDetails, errors: list[ErrorDetails], model: type[BaseModel]
) -> bool:
    """A required field reported missing because its key was misspelt (`titel` for `title`): the
    unknown key's message already names it, so one mistake gives one message."""
    if error["type"] != "missing" or not error["loc"]:
        return False
    parent, name = error["loc"][:-1], str(error["loc"][-1])
    allowed = _fields_at(model, tuple(p for p in parent if isinstance(p, (str, int))))
    return any(
        other["type"] == "extra_forbidden"
        and other["loc"][:-1] == parent
        and difflib.get_close_matches(str(other["loc"][-1]), list(allowed), n=1, cutoff=0.6) == [name]
        for other in errors
    )


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
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    name = str(loc[-1]) if loc else ""
    if kind == "extra_forbidden":
        hint = did_you_mean(name, allowed) or f"; hier kan: {', '.join(sorted(allowed))}"
        return f"onbekend veld {quoted(name)}{hint}"
    if kind == "missing":
        return "dit veld is verplicht; vul het in"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    if value is None and kind.endswith("_type"):
        return "dit veld is leeg; vul het in, of laat de regel weg als het veld optioneel is"
    if kind == "string_type" and isinstance(value, (bool, int, float, dt.date)):
        read_as = (
            "een datum"
            if isinstance(value, dt.date)
            else "ja/nee"
            if isinstance(value, bool)
            else "een getal"
        )
        written = _as_written(value)
        return (
            f"'{written}' leest YAML als {read_as}; "
            f"zet het tussen aanhalingstekens ('{written}') om er tekst van te maken"
        )
    if kind == "string_type" or kind in {"model_type", "dict_type", "list_type"}:
        return _shape_message(kind, value)
    if kind in {"float_parsing", "int_parsing", "float_type", "int_type"}:
        return f"{quoted(value)} is geen getal; schrijf alleen cijfers, zoals 12500 of 12.5"
    if kind in {"int_from_float"}:
        return f"{quoted(value)} is geen geheel getal; schrijf een getal zonder komma"
    if kind == "finite_number":
        return "dit is geen gewoon getal; schrijf cijfers, zoals 12500"
    if kind in {"bool_parsing", "bool_type"}:
        return f"{quoted(value)} is geen ja of nee; schrijf true of false"
    if kind.startswith("url_"):
        return f"{quoted(value)} is geen webadres; schrijf het volledig, beginnend met https://"
    if kind == "string_pattern_mismatch":
        return _pattern_message(error, value)
    if kind == "literal_error":
        return f"{quoted(value)} kan hier niet; kies uit {_choices(ctx.get('expected', ''))}"
    if kind in {"date_from_datetime_parsing", "date_parsing", "date_type", "date_from_datetime_inexact"}:
        return f"{quoted(value)} is geen datum; schrijf ze als JJJJ-MM-DD, bijvoorbeeld 2024-03-01"
    if kind == "string_too_long" or (kind == "too_long" and isinstance(value, str)):
        return f"de tekst is {len(str(value))} tekens lang; hier kan hoogstens {ctx.get('max_length')}"
    if kind == "string_too_short":
        return "de tekst is leeg; vul hem in, of laat de regel weg als het veld optioneel is"
    if kind == "too_long":
        actual = ctx.get("actual_length", len(value) if isinstance(value, list) else "?")
        return f"de lijst heeft {actual} items; hier kunnen er hoogstens {ctx.get('max_length')}"
    if kind == "too_short" and isinstance(value, list) and not value:
        return "de lijst is leeg; geef minstens één item"
    if kind in {"greater_than_equal", "greater_than"}:
        return (
            f"{quoted(value)} is te klein; het kleinste getal hier is {_number(ctx.get('ge', ctx.get('gt')))}"
        )
    if kind in {"less_than_equal", "less_than"}:
        return (
            f"{quoted(value)} is te groot; het grootste getal hier is {_number(ctx.get('le', ctx.get('lt')))}"
        )
    return f"{printable(error['msg'])} (gevonden: {_shown(value)})"


def _shape_message(kind: str, value: Any) -> str:
    """A list where text belongs, text where a list belongs, and the like: say what was expected."""
    expected = {
        "string_type": "een tekst",
        "model_type": "een groep velden (`veld: waarde` op de regels eronder, ingesprongen)",
        "dict_type": "een groep velden (`veld: waarde` op de regels eronder, ingesprongen)",
        "list_type": "een lijst (regels die met `- ` beginnen)",
    }[kind]
    fix = {
        "string_type": "; zet de tekst op dezelfde regel als de veldnaam, of na `|` op de regels eronder",
        "list_type": "; zet elk item op een eigen regel die met `- ` begint",
    }.get(kind, "")
    if kind == "string_type" and isinstance(value, dict):
        fix = "; staat er een dubbelpunt in de tekst, zet de tekst dan tussen aanhalingstekens"
    return f"hier hoort {expected}, maar er staat {_shown(value)}{fix}"


def _number(value: Any) -> str:
    """`100.0` -> `100`; `12.5` -> `12,5`: a bound as a Dutch reader writes it."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).replace(".", ",")


def _choices(expected: str) -> str:
    """pydantic's `'a', 'b' or 'c'` in Dutch: `'a', 'b' of 'c'`."""
    return expected.replace(" or ", " of ")


def _pattern_message(error: ErrorDetails, value: Any) -> str:
    pattern = str(error.get("ctx", {}).get("pattern", ""))
    if pattern.startswith("^[a-z0-9]"):
        return (
            f"{quoted(value)} is geen geldige id; "
            "gebruik kleine letters, cijfers en koppeltekens, zoals 'stad-mechelen'"
        )
    if pattern.startswith("^[0-9]{4}"):
        return f"{quoted(value)} is geen datum; schrijf JJJJ, JJJJ-MM of JJJJ-MM-DD, bijvoorbeeld 2024-03"
    if pattern.startswith("^[0-9]{5}"):
        return f"{quoted(value)} is geen NIS-code; die heeft vijf cijfers"
    if pattern.startswith(r"^\+?[0-9]"):
        return f"{quoted(value)} is geen telefoonnummer; schrijf cijfers en spaties, zoals 015 29 76 66"
    if pattern.startswith("^[a-z]{2}"):
        return f"{quoted(value)} is geen taalcode; schrijf twee letters, zoals nl, fr of en"
    return f"{quoted(value)} heeft niet de verwachte vorm"


def _as_written(value: Any) -> str:
    """A scalar as a contributor wrote it: `true`, not `True`; `2012-10-15`, not a date object."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _shown(value: Any) -> str:
    if isinstance(value, dict):
        return "een groep velden"
    if isinstance(value, list):
        return "een lijst"
    if value is None:
        return "niets"
    return quoted(value)
