"""The fixture corpus, rendered into pages, equals the committed expected pages.

A change in how any page renders shows up here as a diff a reviewer can read. After an intended change,
refresh the expected pages with one command and review the diff in git:

    python -m pytest tests/test_golden.py --update-golden

Only the record and term pages are compared; the catalogue, the network overview and the field
reference have their own tests in the modules that write them.
"""

from __future__ import annotations

import datetime as dt
import difflib
import shutil
from pathlib import Path

import pytest

from macros import generate, knowledge
from macros.pages.context import Context

FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXPECTED = FIXTURES / "expected"
TODAY = dt.date(2025, 1, 15)
"""Fixed, so that the "not reviewed for two years" notices do not move with the calendar."""


@pytest.fixture(scope="module")
def rendered() -> dict[str, str]:
    kb = knowledge.build(FIXTURES / "records", today=TODAY)
    return dict(generate.render_record_pages(Context(kb, TODAY)))


def _expected_files() -> dict[str, str]:
    return {
        p.relative_to(EXPECTED).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(EXPECTED.rglob("*.md"))
    }


def test_generated_pages_equal_the_expected_pages(
    rendered: dict[str, str], request: pytest.FixtureRequest
) -> None:
    if request.config.getoption("--update-golden"):
        shutil.rmtree(EXPECTED, ignore_errors=True)
        for relative, text in rendered.items():
            (EXPECTED / relative).parent.mkdir(parents=True, exist_ok=True)
            (EXPECTED / relative).write_text(text, encoding="utf-8")
    expected = _expected_files()
    assert sorted(rendered) == sorted(expected), "pages added or removed; rerun with --update-golden"
    diffs = []
    for relative, text in sorted(rendered.items()):
        if text != expected[relative]:
            diff = difflib.unified_diff(
                expected[relative].splitlines(),
                text.splitlines(),
                f"expected/{relative}",
                relative,
                lineterm="",
            )
            diffs.append("\n".join(diff))
    assert not diffs, "pages differ from tests/fixtures/expected/ (--update-golden refreshes):\n" + "\n".join(
        diffs
    )
