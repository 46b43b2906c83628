"""`scripts/new_record.py`: a commented template at the right path that validates once filled in."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from records_folder import REPO, TODAY

from macros.records import knowledge
from macros.records.kinds import RECORD_MODELS
from tests.test_fieldref import english_in, field_paths

NEW_RECORD = REPO / "scripts" / "new_record.py"

FILLED = {
    "practice": {"title": "Taalcafé", "summary": "Samen Nederlands oefenen.", "themes": "taal"},
    "profile": {},  # a city record adds to its municipality: nothing of its own is required
    "organisation": {"name": "Vzw Nieuw (fictief)"},
    "network": {"name": "Leernetwerk (fictief)"},
    "source": {"title": "Een nieuwe bron"},
    "question": {
        "question": "Hoe bereik je nieuwkomers die niet naar het gemeentehuis komen?",
        "context": "De folders in het onthaal bereiken hen niet.",
        "themes": "taal",
        "asked": "2026",
    },
}
"""What a contributor types into the required placeholders of each kind."""

PATHS = {
    "practice": "nieuw.yml",
    "profile": "cities/nieuw.yml",  # `nieuw` is a municipality of the minimal folder
    "organisation": "organisations/nieuw.yml",
    "network": "networks/nieuw.yml",
    "source": "sources/nieuw.yml",
    "question": "questions/nieuw.yml",
}


def _load_script() -> Any:
    spec = importlib.util.spec_from_file_location("new_record", NEW_RECORD)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SCRIPT = _load_script()


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str


def new_record(records: Path, *args: str) -> Run:
    """Run the script's main() in this process (a subprocess per call would slow the suite down)."""
    stdout, stderr = io.StringIO(), io.StringIO()
    previous = os.environ.get("KB_RECORDS_DIR")
    os.environ["KB_RECORDS_DIR"] = str(records)
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            code = SCRIPT.main([*args, "--date", TODAY.isoformat()])
    finally:
        if previous is None:
            del os.environ["KB_RECORDS_DIR"]
        else:
            os.environ["KB_RECORDS_DIR"] = previous
    return Run(code, stdout.getvalue(), stderr.getvalue())


def fill(text: str, values: dict[str, str]) -> str:
    """Type values into the open placeholders: `key:` lines and the `-` item of an open list."""
    for key, value in {**values, "sources": "bron-test"}.items():
        text, filled = re.subn(rf"^{key}:\n  -$", f"{key}:\n  - {value}", text, flags=re.M)
        if not filled:
            text = re.sub(rf"^{key}:$", f"{key}: {value}", text, flags=re.M)
    return text


def uncomment_fields(text: str) -> str:
    """Switch every commented-out field on: `#key:` and `#  nested:` lines lose their `#`."""
    return "\n".join(line[1:] if re.match(r"#(?! )|#  ", line) else line for line in text.splitlines())


@pytest.mark.parametrize("kind", list(RECORD_MODELS))
def test_the_template_validates_once_the_required_fields_are_filled(kind: str, records: Path) -> None:
    extra = ["--city", "teststad"] if kind == "practice" else []
    result = new_record(records, kind, "nieuw", *extra)
    assert result.returncode == 0, result.stderr
    path = records / PATHS[kind]
    _, before = knowledge.load(records, today=TODAY)
    assert any(p.path == path and p.severity == "error" for p in before), "an unfilled template must not pass"
    path.write_text(fill(path.read_text(encoding="utf-8"), FILLED[kind]), encoding="utf-8")
    _, after = knowledge.load(records, today=TODAY)
    assert [p.format(records) for p in after] == []


@pytest.mark.parametrize("kind", list(RECORD_MODELS))
def test_the_template_names_every_field_and_its_schema(kind: str, records: Path) -> None:
    assert new_record(records, kind, "nieuw").returncode == 0
    path = records / PATHS[kind]
    text = path.read_text(encoding="utf-8")
    modeline = f"# yaml-language-server: $schema={os.path.relpath(REPO / 'docs' / 'schema', path.parent)}"
    assert text.splitlines()[0] == f"{modeline}/{kind}.schema.json"
    for field_path in field_paths(RECORD_MODELS[kind]):
        assert field_path.rsplit(".", 1)[-1].removesuffix("[]") in text, field_path


@pytest.mark.parametrize("kind", ["practice", "profile"])
def test_switching_every_optional_field_on_gives_exactly_the_model_fields(kind: str, records: Path) -> None:
    assert new_record(records, kind, "nieuw").returncode == 0
    data = yaml.safe_load(uncomment_fields((records / PATHS[kind]).read_text(encoding="utf-8")))
    assert list(data) == [f.alias or name for name, f in RECORD_MODELS[kind].model_fields.items()]


def test_the_shipped_template_points_at_the_committed_schema() -> None:
    path = knowledge.DEFAULT_ROOT / "cities" / "x.yml"
    expected = os.path.relpath(REPO / "docs" / "schema" / "profile.schema.json", path.parent)
    assert expected == "../../docs/schema/profile.schema.json"
    assert (path.parent / expected).resolve().is_file()


def test_an_existing_file_is_never_overwritten(records: Path) -> None:
    before = (records / "cities" / "teststad.yml").read_text(encoding="utf-8")
    result = new_record(records, "profile", "teststad")
    assert result.returncode == 2
    assert "bestaat al; pas dat bestand aan, of kies een andere id" in result.stderr
    assert (records / "cities" / "teststad.yml").read_text(encoding="utf-8") == before


def test_an_id_that_is_not_kebab_case_is_refused_with_a_suggestion(records: Path) -> None:
    result = new_record(records, "practice", "Taal Café")
    assert result.returncode == 2
    assert (
        "'Taal Café' is geen geldige id: gebruik kleine letters, cijfers en koppeltekens, bijvoorbeeld 'taal-cafe'"
        in result.stderr
    )
    assert not list(records.glob("*.yml"))


def test_the_script_runs_from_the_command_line(records: Path) -> None:
    env = {**os.environ, "KB_RECORDS_DIR": str(records)}
    command = [sys.executable, str(NEW_RECORD), "organisation", "vzw-nieuw"]
    result = subprocess.run(command, env=env, capture_output=True, text=True, cwd=records)
    assert result.returncode == 0, result.stderr
    assert (records / "organisations" / "vzw-nieuw.yml").is_file()


def test_the_template_names_each_vocabulary_id_beside_its_label_also_in_groups(records: Path) -> None:
    assert new_record(records, "profile", "nieuw").returncode == 0
    text = " ".join(
        line.lstrip("# ") for line in (records / PATHS["profile"]).read_text(encoding="utf-8").splitlines()
    )
    assert "Ids uit instruments.yml: samenwerkingsovereenkomst (Samenwerkingsovereenkomst);" in text
    assert (
        "Ids uit flow-kinds.yml: geld (Geld); infrastructuur (Infrastructuur);" in text
    )  # network.flows[].kind


@pytest.mark.parametrize("kind", list(RECORD_MODELS))
def test_every_explanation_in_the_template_is_dutch(kind: str, records: Path) -> None:
    assert new_record(records, kind, "nieuw").returncode == 0
    lines = (records / PATHS[kind]).read_text(encoding="utf-8").splitlines()[1:]  # after the modeline
    # `# text` and `#  # text` explain; `#field:` and `#  field:` are fields switched off.
    explanations = [m.group(1) for line in lines if (m := re.match(r"#(?:\s+#)? (?! )(.*)", line))]
    # Field names stay English by design: leave out the `name · verplicht · type: ` headline.
    prose = [re.sub(r"^\S+ · \S+ · .*?(: |$)", "", line) for line in explanations]
    assert len(prose) > 20
    assert [line for line in prose if english_in(line)] == []


def test_a_vocabulary_label_cannot_add_a_line_to_the_template(records: Path) -> None:
    themes = records / "vocabulary" / "themes.yml"
    themes.write_text(
        'terms:\n  - id: taal\n    label: "Taal\\nsummary: gekaapt\\u2028title: ook"\n    definition: Test.\n',
        encoding="utf-8",
    )
    assert new_record(records, "practice", "nieuw").returncode == 0
    data = yaml.safe_load(uncomment_fields((records / PATHS["practice"]).read_text(encoding="utf-8")))
    assert list(data) == [f.alias or name for name, f in RECORD_MODELS["practice"].model_fields.items()]


def test_help_and_mistakes_on_the_command_line_are_dutch(records: Path) -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, str(NEW_RECORD), *args, "--dir", str(records)]
        return subprocess.run(command, capture_output=True, text=True, cwd=records)

    help_text = run("--help").stdout
    assert help_text.startswith("gebruik: new_record.py")
    flat = " ".join(help_text.split())  # argparse wraps the help at the terminal's width
    for words in ("argumenten:", "opties:", "toon deze uitleg", "question of source", "de stad die ze trekt"):
        assert words in flat
    for english in ("usage:", "options:", "show this help", "records folder", "what kind of record"):
        assert english not in help_text
    wrong = run("stad", "gent")
    assert wrong.returncode == 2
    assert "fout: argument soort: 'stad' kan niet; kies uit 'practice', 'profile'," in wrong.stderr
    assert (
        "fout: argument --date: ongeldige waarde 'gisteren'"
        in run("profile", "gent", "--date", "gisteren").stderr
    )
    assert not list(records.rglob("gent.yml"))


def test_a_lead_city_that_is_no_municipality_gets_a_warning_and_a_municipality_needs_no_city_file(
    records: Path,
) -> None:
    known = new_record(records, "practice", "nieuw", "--city", "dorp")  # no file in cities/
    assert known.returncode == 0 and "let op" not in known.stdout
    unknown = new_record(records, "practice", "ander-nieuw", "--city", "nergens")
    assert unknown.returncode == 0
    assert (
        "let op: 'nergens' is geen stad of gemeente uit practices/reference/municipalities.csv; kijk de id daar na"
        in unknown.stdout
    )
