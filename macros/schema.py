"""JSON Schemas generated from the models, for editors (YAML language server) and check-jsonschema.

The files in `docs/schema/` are committed so that an editor finds them on a fresh clone;
`python scripts/export_schema.py` rewrites them, and a test fails when they lag behind the models.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from macros.records import KIND_TITLES, RECORD_MODELS, VOCABULARY_MODELS

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "docs" / "schema"
"""Where the schema files live."""

_PARTIAL_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
_COMMENT = "Generated from macros/records.py by scripts/export_schema.py; do not edit by hand."


def schema_file_name(kind: str) -> str:
    """`practice` -> `practice.schema.json`; vocabularies are `vocabulary-<stem>.schema.json`."""
    return f"{kind}.schema.json"


def schemas() -> dict[str, dict[str, Any]]:
    """File name -> JSON Schema, for every record kind and every vocabulary."""
    models: dict[str, tuple[type[BaseModel], str]] = {
        kind: (model, KIND_TITLES[kind]) for kind, model in RECORD_MODELS.items()
    }
    for stem, model in VOCABULARY_MODELS.items():
        models[f"vocabulary-{stem}"] = (model, f"Woordenlijst {stem}.yml")
    return {schema_file_name(name): model_schema(model, title) for name, (model, title) in models.items()}


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


def outdated(directory: Path = SCHEMA_DIR) -> list[str]:
    """Names of schema files that are missing or differ from what the models generate."""
    return [
        name
        for name, schema in schemas().items()
        if not (directory / name).is_file()
        or (directory / name).read_text(encoding="utf-8") != render(schema)
    ]


def write(directory: Path = SCHEMA_DIR) -> list[str]:
    """Write every schema whose content changed; return their names."""
    directory.mkdir(parents=True, exist_ok=True)
    changed = outdated(directory)
    for name, schema in schemas().items():
        if name in changed:
            (directory / name).write_text(render(schema), encoding="utf-8")
    return changed
