"""Turn a submitted "Nieuwe leervraag" issue into a leervraag, through the same validator as any record.

The same safeguards as the practice form (`macros.contributing.issue_answers`, whose reading and
validating this module shares): every answer is untrusted text, only split, trimmed and matched against
the form's options, never evaluated; it reaches the records folder only as YAML written by PyYAML's safe
dumper, after the whole records folder with the new files has passed validation in a temporary copy.
When anything is wrong, nothing is written and the messages say which question to fix, among them the
validator's refusal of an e-mail address or phone number in the question or its context.

What the form does not ask, the conversion fills: `asked` and `last_reviewed` are the day of the
submission, the status is `open`, and the source is the submission itself (a source record that says
so). Who asked appears in no record: the issue on GitHub is public, the question's page names nobody.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from slugify import slugify

from macros.contributing import issue_answers, issue_form
from macros.contributing.issue_answers import Finding, Outcome
from macros.records import knowledge
from macros.records.dutch import dutch_date
from macros.records.kinds import KIND_FOLDERS
from macros.records.knowledge import KnowledgeBase
from macros.records.models import Question

SPEC = issue_form.QUESTION
ID_CHARS = 60
"""The longest id made from a question: room for a `-2` and for `formulier-` before its source's id."""


def question_id(text: str, kb: KnowledgeBase, fallback: str) -> str:
    """The id of a new question: its first words as a slug (`hoe-bereik-je-als-kleine-gemeente-...`),
    with `-2`, `-3` when a question already has it (two officers may ask alike; a redacteur merges)."""
    base = slugify(text, max_length=ID_CHARS, word_boundary=True) if text else ""
    base = base or fallback
    taken = kb.file_ids.get("question", set())
    found, number = base, 1
    while found in taken:
        number += 1
        found = f"{base}-{number}"
    return found


def submission_source(record_id: str, kb: KnowledgeBase, submitted: dt.date) -> tuple[str, dict[str, Any]]:
    """(id, fields) of the source record that says the question was asked with the form, on that day."""
    base, number = f"formulier-{record_id}", 1
    source_id = base
    while source_id in kb.file_ids.get("source", set()):
        number += 1
        source_id = f"{base}-{number}"
    record = {
        "title": "Leervraag gesteld met het formulier Nieuwe leervraag",
        "year": submitted.year,
        "publisher": "Kennisbank lokaal integratiebeleid",
        "note": (
            f"De vraag zoals ze op {dutch_date(submitted)} met het formulier van de kennisbank gesteld "
            "werd; wie ze stelde, staat niet in de kennisbank."
        ),
    }
    return source_id, record


def convert(body: str, root: Path, submitted: dt.date, issue: int | None = None) -> Outcome:
    """Read the answers in `body`, make the question and its source, validate them with every record of
    `root` (in a temporary copy) and return the outcome. Nothing is written to `root`; see
    `issue_answers.write`."""
    answers, findings = issue_answers.sections(body, issue_form.labels(SPEC))
    findings += issue_answers.agreement_findings(answers.get(issue_form.AGREEMENTS_LABEL, ""))
    kb, _ = knowledge.load(root, today=submitted)
    data = issue_answers.practice_data(answers, kb, SPEC)
    fallback = f"leervraag-issue-{issue}" if issue else "nieuwe-leervraag"
    text = str(data.get("question", ""))
    record_id = question_id(text, kb, fallback)
    outcome = Outcome(record_id, text, findings=findings, folder=root.name, kind="question")
    source_id, source = submission_source(record_id, kb, submitted)
    data |= {
        "asked": submitted.isoformat(),
        "status": "open",
        "sources": [source_id],
        "last_reviewed": submitted,
    }
    ordered = {name: data[name] for name in Question.model_fields if name in data}
    origin = f"uit issue #{issue}" if issue else "uit een issue"
    path = Path(KIND_FOLDERS["question"]) / f"{record_id}.yml"
    comment = f"Voorgesteld {origin} met het formulier Nieuwe leervraag."
    outcome.files[path] = issue_answers.dump(ordered, comment)
    source_path = Path(KIND_FOLDERS["source"]) / f"{source_id}.yml"
    outcome.files[source_path] = issue_answers.dump(source, f"Bron van leervraag {record_id}, {origin}.")
    outcome.findings += issue_answers.validate(outcome.files, root, submitted, SPEC)
    return outcome


__all__ = ["Finding", "Outcome", "convert", "question_id", "submission_source"]
