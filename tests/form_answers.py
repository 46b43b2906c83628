"""Issue bodies as GitHub renders an issue form, and the conversion of one that must fail: shared by
the tests of both forms (tests/test_issue_form.py, tests/test_question_form.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from macros.contributing import issue_answers, issue_form

Convert = Callable[[str, Path, dt.date, int | None], issue_answers.Outcome]


def issue_body(spec: issue_form.Form, answers: dict[str, str], ticked: bool = True) -> str:
    """An issue body as GitHub renders the form `spec`, with CRLF line ends as its API returns them."""
    parts = []
    for label in issue_form.labels(spec):
        if label == issue_form.AGREEMENTS_LABEL:
            mark = "X" if ticked else " "
            answer = "\n".join(f"- [{mark}] {text}" for text in issue_form.AGREEMENTS)
        else:
            answer = answers.get(label) or issue_answers.NO_RESPONSE
        parts.append(f"### {label}\n\n{answer}")
    return "\n\n".join(parts).replace("\n", "\r\n")


def files_of(root: Path) -> set[Path]:
    return {path.relative_to(root) for path in root.rglob("*")}


def refused(convert: Convert, body: str, records: Path, submitted: dt.date, issue: int) -> list[str]:
    """The Dutch findings of a conversion that must fail, after checking that nothing was written."""
    before = files_of(records)
    outcome = convert(body, records, submitted, issue)
    assert not outcome.ok
    with pytest.raises(ValueError):
        issue_answers.write(outcome, records)
    assert files_of(records) == before
    return [f"{f.question}: {f.message}" for f in outcome.findings if f.severity == "error"]
