"""The contributor guide shows what the tools really accept and print.

CONTRIBUTING.md holds a practice template and example error lines; a contributor copies the one and
compares their screen with the other, so both are checked against the models and the validator.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import yaml
from records_folder import HEADER, REFERENCE_META, add_municipality

from macros.records import knowledge
from macros.records.models import Practice

ROOT = Path(__file__).resolve().parent.parent
GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
TEMPLATE_ID = "taalcafe-bibliotheek-demostad"


def _code_block(language: str) -> str:
    """The first fenced block of the guide in `language`."""
    match = re.search(rf"^```{language}\n(.*?)^```", GUIDE, re.MULTILINE | re.DOTALL)
    assert match, f"CONTRIBUTING.md has no ```{language} block"
    return match.group(1)


def test_the_practice_template_is_a_valid_practice() -> None:
    practice = Practice.model_validate(yaml.safe_load(_code_block("yaml")))
    # Every field of the model is shown, so the template doubles as a field list.
    assert set(practice.model_fields_set) == set(Practice.model_fields)


def _fictional_records(root: Path) -> None:
    """A records folder around the template: its municipality, city record, partner and source, with
    three mistakes."""
    shutil.copytree(ROOT / "practices" / "vocabulary", root / "vocabulary")
    for folder in ("cities", "organisations", "sources"):
        (root / folder).mkdir()
    template = _code_block("yaml").replace("city: demostad ", "city: demostd ").replace("[taal, ", "[talen, ")
    (root / f"{TEMPLATE_ID}.yml").write_text(template, encoding="utf-8")
    (root / "cities" / "demostad.yml").write_text(
        "sources: [jaarverslag-demostad-2022]\nlast_reviewed: 2023-05-02\n", encoding="utf-8"
    )
    (root / "reference").mkdir()
    (root / "reference" / "municipalities.yml").write_text(
        REFERENCE_META.replace("bron-test", "jaarverslag-demostad-2022"), encoding="utf-8"
    )
    (root / "reference" / "municipalities.csv").write_text(HEADER, encoding="utf-8")
    add_municipality(root, "demostad", "Demostad (fictief)", "antwerpen", 45_000)
    (root / "organisations" / "bibliotheek-demostad.yml").write_text(
        "name: Bibliotheek Demostad (fictief)\nwebsit: https://demostad.example/\n"
        "sources: [jaarverslag-demostad-2022]\nlast_reviewed: 2026-01-15\n",
        encoding="utf-8",
    )
    (root / "sources" / "jaarverslag-demostad-2022.yml").write_text(
        "title: Jaarverslag Demostad 2022 (fictief)\n", encoding="utf-8"
    )


def test_the_example_error_lines_are_what_validation_prints(tmp_path: Path) -> None:
    root = tmp_path / "practices"
    root.mkdir()
    _fictional_records(root)
    _, problems = knowledge.load(root, today=dt.date(2026, 1, 15))
    printed = [problem.format(tmp_path) for problem in problems]
    shown = [line for line in _code_block("text").splitlines() if line.strip()]
    assert sorted(printed) == sorted(shown)


def test_the_limits_in_the_guide_are_the_limits_the_validator_applies() -> None:
    from macros.records.loading import MAX_FILE_BYTES, MAX_ID_CHARS
    from macros.records.models import MAX_ACTORS, MAX_FLOWS, MAX_ITEMS, MAX_PROSE, MAX_TEXT

    def dutch(n: int) -> str:
        return f"{n:,}".replace(",", ".")

    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for row in (
        f"| een recordbestand | {MAX_FILE_BYTES // 1000} kB |",
        f"| {dutch(MAX_TEXT)} tekens |",
        f"| {dutch(MAX_PROSE)} tekens |",
        f"| {MAX_ITEMS} items |",
        f"| {MAX_ACTORS} actoren, {MAX_FLOWS} stromen |",
        f"| {MAX_ID_CHARS} tekens, kleine letters",
    ):
        assert row in guide, row
