"""JSON Schemas generated from the models, for editors (YAML language server) and check-jsonschema.

The files in `docs/schema/` are committed so that an editor finds them on a fresh clone;
`python scripts/export_schema.py` rewrites them, and a test fails when they lag behind the models.

Every id field names the kind it refers to (`x-kind`, from the `CityId`, `ThemeId`, ... types of
macros/records/models.py), and the schema offers the known ids, each with its Dutch label or name as its
description, so an editor autocompletes them. A vocabulary id must be one of them. A record id may also
be a new one (a city added in the same pull request), so a list that lags behind the records never
rejects a valid file, and the up-to-date check ignores those lists: adding a city does not make the
committed schemas stale. Each list is written once per file, in `$defs` as `ids-<kind>`, and every id
field of that kind refers to it: a city record has nine fields that name a source, and the list of
sources written out at each of them made its schema half a megabyte.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from macros.records import knowledge
from macros.records.kinds import KIND_TITLES, KINDS, RECORD_MODELS, VOCABULARY_MODELS

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "docs" / "schema"
"""Where the schema files live."""

_PARTIAL_DATE = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
_COMMENT = "Generated from macros/records/models.py by scripts/export_schema.py; do not edit by hand."


def schema_file_name(kind: str) -> str:
    """`practice` -> `practice.schema.json`; vocabularies are `vocabulary-<stem>.schema.json`."""
    return f"{kind}.schema.json"


def schemas(kb: knowledge.KnowledgeBase | None = None) -> dict[str, dict[str, Any]]:
    """File name -> JSON Schema, for every record kind and every vocabulary; the ids offered come from
    `kb` (the shipped records when None)."""
    if kb is None:
        kb, _ = knowledge.load(knowledge.DEFAULT_ROOT)
    models: dict[str, tuple[type[BaseModel], str]] = {
        kind: (model, KIND_TITLES[kind]) for kind, model in RECORD_MODELS.items()
    }
    for stem, model in VOCABULARY_MODELS.items():
        models[f"vocabulary-{stem}"] = (model, f"Woordenlijst {stem}.yml")
    found = {schema_file_name(name): model_schema(model, title) for name, (model, title) in models.items()}
    for schema in found.values():
        offered: dict[str, dict[str, Any]] = {}
        _offer_ids(schema, kb, offered)
        if offered:
            schema.setdefault("$defs", {}).update(sorted(offered.items()))
    return found


RECORD_KINDS = frozenset(name for name, kind in KINDS.items() if kind.vocabulary_model is None)
"""Kinds whose ids are records or reference data (municipalities): open lists, see the module docstring.
A demo corpus or a test folder brings municipalities of its own, which the committed schema must accept."""


def _offer_ids(node: Any, kb: knowledge.KnowledgeBase, offered: dict[str, dict[str, Any]]) -> None:
    """Point each `x-kind` id field at the choice of known ids of its kind (`#/$defs/ids-<kind>`), made
    once into `offered` (see the module docstring)."""
    if isinstance(node, list):
        for value in node:
            _offer_ids(value, kb, offered)
        return
    if not isinstance(node, dict):
        return
    kind = node.get("x-kind")
    if isinstance(kind, str):
        pattern = {key: node.pop(key) for key in ("type", "pattern", "maxLength") if key in node}
        name = f"ids-{kind}"
        if name not in offered:
            choices = [
                {"const": record_id, "description": " ".join(kb.label(kind, record_id).split())}
                # Records by id; vocabulary terms in the order their file gives them.
                for record_id in (sorted if kind in RECORD_KINDS else list)(kb.records_of(kind))
            ]
            offered[name] = (
                {"x-kind": kind, "anyOf": [*choices, pattern]}
                if kind in RECORD_KINDS
                else {"x-kind": kind, "oneOf": choices}
            )
        node["$ref"] = f"#/$defs/{name}"
        return
    for value in node.values():
        _offer_ids(value, kb, offered)


def _without_record_ids(node: Any) -> Any:
    """The schema without the lists of known record ids, which follow the records, not the models."""
    if isinstance(node, list):
        return [_without_record_ids(value) for value in node]
    if not isinstance(node, dict):
        return node
    if node.get("x-kind") in RECORD_KINDS:
        return {key: value for key, value in node.items() if key != "anyOf"}
    return {key: _without_record_ids(value) for key, value in node.items()}


def model_schema(model: type[BaseModel], title: str) -> dict[str, Any]:
    """The schema of one model, as YAML files spell it (`from`, not `from_`), titled `title`."""
    schema = model.model_json_schema(by_alias=True, mode="validation")
    _allow_year_numbers(schema)
    _for_contributors(schema)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$comment": _COMMENT,
        "title": title,
        **schema,
    }


def _for_contributors(node: Any) -> None:
    """Drop the titles pydantic makes from English names (`Success Factors`, `Period`), and make each
    description one line.

    Editors show a title above the description; the Dutch description is what a contributor needs, and
    the key itself is already on screen. A docstring's line breaks are layout, and a hover would show
    them. A `properties` entry named `title` or `description` is a field, not a keyword: only string
    values are touched.
    """
    if isinstance(node, dict):
        if isinstance(node.get("title"), str):
            del node["title"]
        if isinstance(node.get("description"), str):
            node["description"] = " ".join(node["description"].split())
        for value in node.values():
            _for_contributors(value)
    elif isinstance(node, list):
        for value in node:
            _for_contributors(value)


def _allow_year_numbers(node: Any) -> None:
    """A partial date written as `2013` is a number in YAML; the models accept it, so must the schema."""
    children = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else []
    for key, value in list(children):
        if isinstance(value, dict) and value.get("pattern") == _PARTIAL_DATE:
            node[key] = {"anyOf": [value, {"type": "integer", "minimum": 1000, "maximum": 9999}]}
        else:
            _allow_year_numbers(value)


def render(schema: dict[str, Any]) -> str:
    """The file content: stable key order and a final newline, so regenerating changes nothing."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def outdated(directory: Path = SCHEMA_DIR, generated: dict[str, dict[str, Any]] | None = None) -> list[str]:
    """Names of schema files that are missing or differ from what the models and vocabularies generate
    (the lists of known record ids aside)."""
    generated = generated if generated is not None else schemas()
    stale = []
    for name, schema in generated.items():
        path = directory / name
        if not path.is_file():
            stale.append(name)
            continue
        committed = json.loads(path.read_text(encoding="utf-8"))
        if _without_record_ids(committed) != _without_record_ids(json.loads(render(schema))):
            stale.append(name)
    return stale


def write(directory: Path = SCHEMA_DIR) -> list[str]:
    """Write every schema whose content changed, record ids included; return their names."""
    directory.mkdir(parents=True, exist_ok=True)
    changed = []
    for name, schema in schemas().items():
        path = directory / name
        if not path.is_file() or path.read_text(encoding="utf-8") != render(schema):
            path.write_text(render(schema), encoding="utf-8")
            changed.append(name)
    return changed
