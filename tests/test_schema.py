"""The committed JSON Schemas follow the models, and an independent validator accepts every record."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from records_folder import REPO, TODAY, write_record
from tooling import demo

from macros.contributing import schema
from macros.records import knowledge
from macros.records.kinds import KIND_FOLDERS, KIND_TITLES, RECORD_MODELS, VOCABULARY_MODELS

CHECK_JSONSCHEMA = REPO / ".venv" / "bin" / "check-jsonschema"


def check_jsonschema(schema_name: str, files: list[Path]) -> subprocess.CompletedProcess[str]:
    command = [str(CHECK_JSONSCHEMA), "--schemafile", str(schema.SCHEMA_DIR / schema_name), *map(str, files)]
    return subprocess.run(command, capture_output=True, text=True)


def record_files(root: Path, kind: str) -> list[Path]:
    return sorted((root / KIND_FOLDERS[kind]).glob("*.yml"))


@pytest.fixture(scope="module")
def demo_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("schema-demo") / "records"
    demo.write_corpus(out, 30, seed=3)
    return out


def test_the_committed_schemas_match_the_models() -> None:
    assert schema.outdated() == [], (
        "docs/schema/ is out of date with the models: run python scripts/export_schema.py"
    )


def test_there_is_a_schema_per_record_kind_and_per_vocabulary() -> None:
    names = {p.name for p in schema.SCHEMA_DIR.glob("*.schema.json")}
    expected = {f"{kind}.schema.json" for kind in RECORD_MODELS}
    expected |= {f"vocabulary-{stem}.schema.json" for stem in VOCABULARY_MODELS}
    assert names == expected


def test_schemas_spell_fields_as_the_yaml_does() -> None:
    profile = json.loads((schema.SCHEMA_DIR / "profile.schema.json").read_text(encoding="utf-8"))
    flow = profile["$defs"]["Flow"]
    assert "from" in flow["properties"] and "from_" not in flow["properties"]
    assert flow["additionalProperties"] is False
    assert flow["properties"]["from"]["description"] == "Id van de actor waar de stroom van vertrekt."


def keywords(node: object, name: str) -> list[str]:
    """Every string value of the schema keyword `name`, at any depth (a field called so is a dict)."""
    if isinstance(node, dict):
        own = [node[name]] if isinstance(node.get(name), str) else []
        return own + [found for value in node.values() for found in keywords(value, name)]
    if isinstance(node, list):
        return [found for value in node for found in keywords(value, name)]
    return []


def test_an_editor_shows_dutch_one_line_descriptions_and_no_english_titles() -> None:
    for name, document in schema.schemas().items():
        expected = KIND_TITLES.get(name.removesuffix(".schema.json"))
        assert document["title"] == (expected or f"Woordenlijst {name[len('vocabulary-') : -12]}.yml")
        assert keywords({k: v for k, v in document.items() if k != "title"}, "title") == [], name
        assert all("\n" not in text for text in keywords(document, "description")), name
    practice = schema.schemas()["practice.schema.json"]
    assert {"title", "description"} <= set(practice["properties"]), "fields named like keywords stay"
    assert practice["properties"]["title"]["description"].startswith("Korte Nederlandse titel")


@pytest.mark.parametrize("kind", list(RECORD_MODELS))
def test_check_jsonschema_accepts_every_shipped_and_demo_record(kind: str, demo_corpus: Path) -> None:
    files = record_files(knowledge.DEFAULT_ROOT, kind) + record_files(demo_corpus, kind)
    result = check_jsonschema(f"{kind}.schema.json", files)
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_jsonschema_accepts_every_shipped_vocabulary() -> None:
    for stem in VOCABULARY_MODELS:
        path = knowledge.DEFAULT_ROOT / "vocabulary" / f"{stem}.yml"
        result = check_jsonschema(f"vocabulary-{stem}.schema.json", [path])
        assert result.returncode == 0, result.stdout + result.stderr


def test_check_jsonschema_rejects_a_misspelt_field(tmp_path: Path) -> None:
    path = write_record(
        tmp_path,
        "fout.yml",
        "title: T\nsummary: S\ncity: x\nthemes: [taal]\nsumary: S\nlast_reviewed: 2026-01-01\n",
    )
    result = check_jsonschema("practice.schema.json", [path])
    assert result.returncode == 1
    assert "sumary" in result.stdout


def test_a_year_written_as_a_number_is_a_valid_partial_date(tmp_path: Path) -> None:
    text = "title: T\nsummary: S\ncity: x\nthemes: [taal]\nlast_reviewed: 2026-01-01\n"
    text += "period: {start: 2013, end: 2015-06}\n"
    result = check_jsonschema("practice.schema.json", [write_record(tmp_path, "jaar.yml", text)])
    assert result.returncode == 0, result.stdout


def test_the_editor_settings_map_every_records_folder_to_its_schema() -> None:
    """VS Code (with the YAML extension) finds the schema of every record without a modeline."""
    import json

    settings = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))["yaml.schemas"]
    expected = {
        f"./docs/schema/{kind}.schema.json": [
            "practices/*.yml" if folder == "." else f"practices/{folder}/*.yml"
        ]
        for kind, folder in KIND_FOLDERS.items()
    } | {
        f"./docs/schema/vocabulary-{stem}.schema.json": [f"practices/vocabulary/{stem}.yml"]
        for stem in VOCABULARY_MODELS
    }
    assert settings == expected
    for path in settings:
        assert (REPO / path).is_file()


def test_the_schemas_offer_the_known_ids_with_their_labels() -> None:
    import json

    practice = json.loads((REPO / "docs" / "schema" / "practice.schema.json").read_text(encoding="utf-8"))

    def offered(field: dict[str, str]) -> Any:
        """The list of ids a field refers to: once per file, in `$defs`."""
        assert field["$ref"].startswith("#/$defs/ids-"), field
        return practice["$defs"][field["$ref"].removeprefix("#/$defs/")]

    themes = offered(practice["properties"]["themes"]["items"])["oneOf"]
    assert {"const": "taal", "description": "Nederlands en meertaligheid"} in themes
    city = offered(practice["properties"]["city"])["anyOf"]
    assert {"const": "mechelen", "description": "Mechelen"} in city
    assert city[-1]["pattern"].startswith("^[a-z0-9]"), "a new city's id is still accepted"
    # Every id field of the file refers to the one list of its kind.
    text = json.dumps(practice)
    assert text.count('"const": "mechelen"') == 1 and text.count('"#/$defs/ids-source"') > 1


def test_a_new_record_does_not_make_the_committed_schemas_stale(tmp_path: Path) -> None:
    from records_folder import minimal_records

    from macros.contributing import schema
    from macros.records import knowledge

    kb, _ = knowledge.load(minimal_records(tmp_path / "records"), today=TODAY)
    assert schema.outdated(generated=schema.schemas(kb)) == []
