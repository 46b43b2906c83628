"""The issue form "Nieuwe leervraag" and its conversion: a question asked without writing YAML, offline.

Like the practice form (tests/test_issue_form.py): the committed form is exactly what the generator
makes from the Question model and the vocabularies; a submitted issue becomes records only when they
validate with the whole records folder, otherwise the asker reads the validator's Dutch messages, each
with the question to fix, and nothing is written. The same workflow turns it into a pull request.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import form_answers
import pytest
import yaml

from macros.contributing import issue_answers, issue_form, question_answers
from macros.records import knowledge
from macros.records.models import Question

ROOT = Path(__file__).resolve().parent.parent
SUBMITTED = dt.date(2026, 12, 1)
SPEC = issue_form.QUESTION
WORKFLOW = ROOT / ".github" / "workflows" / "issue-to-pr.yml"

VALID = {
    "Je vraag": "Hoe bereik je als kleine gemeente nieuwkomers die niet naar het gemeentehuis komen?",
    "Context": "We stuurden brieven in drie talen.\n\nNiemand kwam; de <b>bibliotheek</b> wil helpen {{ x }}.",
    "Thema's": "Onthaal van nieuwkomers (nieuwkomers), Nederlands en meertaligheid (taal)",
    "Grootte van je gemeente": "Kleine gemeente (klein)",
}


def issue_body(answers: dict[str, str], ticked: bool = True) -> str:
    return form_answers.issue_body(SPEC, answers, ticked)


def form_items() -> dict[str, dict[str, Any]]:
    form = yaml.safe_load((ROOT / SPEC.file).read_text(encoding="utf-8"))
    return {item["id"]: item for item in form["body"] if "id" in item}


# --- the form -------------------------------------------------------------------------------------------


def test_the_committed_form_is_what_the_generator_makes() -> None:
    kb, _ = knowledge.load(knowledge.DEFAULT_ROOT)  # the form reads only the vocabularies
    assert (ROOT / SPEC.file).read_text(encoding="utf-8") == issue_form.render(kb, SPEC), (
        "the form is stale: run make issue-form (het formulier is verouderd: voer make issue-form uit)"
    )


def test_the_form_requires_exactly_what_the_model_requires_and_the_conversion_does_not_fill() -> None:
    required = {
        item_id for item_id, item in form_items().items() if item.get("validations", {}).get("required")
    }
    model_required = {name for name, info in Question.model_fields.items() if info.is_required()}
    assert required == model_required - SPEC.filled == {"question", "context", "themes"}
    for spec_question in SPEC.questions:
        issue_form.model_field(spec_question.path, Question)  # a KeyError when the model lost the field


def test_the_form_speaks_dutch_offers_the_vocabularies_and_has_the_workflow_label() -> None:
    kb, _ = knowledge.load(knowledge.DEFAULT_ROOT)
    form = yaml.safe_load((ROOT / SPEC.file).read_text(encoding="utf-8"))
    assert form["name"] == "Nieuwe leervraag" and form["labels"] == [issue_form.QUESTION_LABEL]
    items = form_items()
    assert items["themes"]["attributes"]["options"] == [f"{t.label} ({tid})" for tid, t in kb.themes.items()]
    assert items["size_class"]["attributes"]["multiple"] is False
    assert items["size_class"]["attributes"]["options"][0] == "Kleine gemeente (klein)"
    assert items["city"]["type"] == "input"  # 285 municipalities: typed, checked by the conversion
    labels = [item["attributes"]["label"] for item in items.values()]
    assert len(labels) == len(set(labels)), "a submitted issue is read back by its labels"


# --- submitted issues -------------------------------------------------------------------------------------


def test_a_valid_issue_becomes_a_question_and_its_source_that_validate(records: Path) -> None:
    outcome = question_answers.convert(issue_body(VALID), records, SUBMITTED, issue=12)
    assert outcome.ok, outcome.findings
    written = issue_answers.write(outcome, records)
    question_id = "hoe-bereik-je-als-kleine-gemeente-nieuwkomers-die-niet-naar"
    assert written == [
        records / "questions" / f"{question_id}.yml",
        records / "sources" / f"formulier-{question_id}.yml",
    ]
    kb, problems = knowledge.load(records, today=SUBMITTED)
    assert [p for p in problems if p.severity == "error"] == []
    asked = kb.questions[question_id]
    assert asked.question == VALID["Je vraag"]
    assert asked.context == VALID["Context"]  # markup and template syntax kept as text
    assert asked.themes == ["nieuwkomers", "taal"] and asked.size_class == "klein" and asked.city is None
    assert (asked.asked, asked.status, asked.last_reviewed) == ("2026-12-01", "open", SUBMITTED)
    source = kb.sources[asked.sources[0]]
    assert source.title == "Leervraag gesteld met het formulier Nieuwe leervraag" and source.year == 2026
    text = written[0].read_text(encoding="utf-8")
    assert text.startswith("# Voorgesteld uit issue #12 met het formulier Nieuwe leervraag.")
    assert list(yaml.safe_load(text)) == [
        "question", "context", "themes", "size_class", "asked", "status", "sources", "last_reviewed"
    ]  # fmt: skip


def messages(records: Path, answers: dict[str, str], ticked: bool = True) -> list[str]:
    """The Dutch findings of a conversion that must fail; nothing may be written."""
    body = issue_body(answers, ticked)
    return form_answers.refused(question_answers.convert, body, records, SUBMITTED, issue=13)


def test_contact_details_in_the_context_are_refused_under_their_question(records: Path) -> None:
    answers = {**VALID, "Context": "Bel me op 0478 12 34 56."}
    assert messages(records, answers) == [
        "Context: context: de tekst bevat een telefoonnummer ('0478 12 34 56'); een leervraag bevat geen "
        "persoonsgegevens: verwijder het (wie wil helpen, vindt de contactgegevens op de pagina's van de "
        "antwoorden)"
    ]


def test_missing_and_wrong_answers_are_all_reported_at_once(records: Path) -> None:
    answers = {**VALID, "Context": "", "Thema's": "Talen", "Gemeente (mag leeg)": "Tesstad"}
    found = messages(records, answers, ticked=False)
    assert found[0].startswith("Afspraken: vink deze afspraak aan: Deze informatie mag openbaar")
    assert "Context: context: dit veld is verplicht; vul het in" in found
    assert (
        "Thema's: themes[0]: 'talen' is geen thema uit practices/vocabulary/themes.yml; bedoel je 'taal'?"
        in found
    )
    assert any(
        line.startswith("Gemeente (mag leeg): city: 'tesstad' is geen stad of gemeente") for line in found
    )


def test_a_named_municipality_must_have_the_size_given(records: Path) -> None:
    answers = {**VALID, "Gemeente (mag leeg)": "Teststad (fictief)"}
    assert messages(records, answers) == [
        "Grootte van je gemeente: size_class: Teststad (fictief) is volgens de referentiegegevens een "
        "middelgrote gemeente ('middelgroot'), niet 'klein'; schrijf `size_class: middelgroot`, of laat het "
        "veld weg: met `city` volgt de grootte uit de gemeente"
    ]
    outcome = question_answers.convert(
        issue_body({**answers, "Grootte van je gemeente": ""}), records, SUBMITTED, issue=14
    )
    assert outcome.ok, outcome.findings  # without a size, the municipality's is used


def test_the_same_question_twice_gets_a_new_id_not_an_overwrite(records: Path) -> None:
    first = question_answers.convert(issue_body(VALID), records, SUBMITTED)
    issue_answers.write(first, records)
    second = question_answers.convert(issue_body(VALID), records, SUBMITTED)
    assert second.ok and second.practice_id == first.practice_id + "-2"
    assert issue_answers.write(second, records)


def test_the_command_converts_and_writes_the_comment_and_the_pull_request(
    records: Path, tmp_path: Path
) -> None:
    body = tmp_path / "issue.md"
    body.write_text(issue_body(VALID), encoding="utf-8")
    out = tmp_path / "uit"
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "issue_to_record.py"), str(body), "--dir", str(records),
         "--form", "leervraag", "--date", "2026-12-01T10:11:12Z", "--issue", "12", "--out", str(out)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert "geschreven: records/questions/hoe-bereik-je-als-kleine-gemeente" in done.stdout
    validated = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "validate.py"), str(records)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "KB_TODAY": SUBMITTED.isoformat()},
    )
    assert validated.returncode == 0, validated.stdout + validated.stderr
    assert (out / "pr-titel.txt").read_text(encoding="utf-8").startswith("Leervraag: Hoe bereik je")
    text = (out / "pr-tekst.md").read_text(encoding="utf-8")
    assert "*Nieuwe leervraag* in #12" in text and "persoonsgegevens" in text and "Closes #12" in text
    assert (out / "verslag.md").read_text(encoding="utf-8").startswith("### Je leervraag is omgezet")


def test_a_practice_body_read_as_a_leervraag_names_the_missing_questions(
    records: Path, tmp_path: Path
) -> None:
    body = tmp_path / "issue.md"
    body.write_text("### Naam van de praktijk\n\nTaalcafé\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "issue_to_record.py"), str(body), "--dir", str(records),
         "--form", "leervraag", "--date", "2026-12-01"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 1
    assert "Je vraag: " in done.stdout and "Afspraken: vink deze afspraak aan" in done.stdout
    assert not (records / "questions").exists()


def test_the_asker_is_named_nowhere_in_the_records(records: Path) -> None:
    outcome = question_answers.convert(issue_body(VALID), records, SUBMITTED, issue=12)
    written = "".join(outcome.files.values())
    assert "issue #12" in written  # the origin, in a comment
    assert "github.com" not in written and "@" not in written


# --- the workflow -----------------------------------------------------------------------------------------


def test_the_workflow_reacts_to_both_labels_and_picks_the_form_from_the_label_alone() -> None:
    flow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    convert = flow["jobs"]["convert"]
    assert f"'{issue_form.LABEL}'" in convert["if"] and f"'{issue_form.QUESTION_LABEL}'" in convert["if"]
    step = next(s for s in convert["steps"] if "issue_to_record.py" in s.get("run", ""))
    assert '--form "$FORM"' in step["run"] and "${{" not in step["run"]
    assert step["env"]["FORM"] == (
        "${{ contains(github.event.issue.labels.*.name, 'leervraag-voorstel') && 'leervraag' || 'praktijk' }}"
    )
    # The branch's prefix is one of two constants, chosen by the label; scripts/robot_branch.sh adds
    # /issue-<number> (and refuses any other prefix).
    assert flow["jobs"]["propose"]["env"]["BRANCH_PREFIX"] == step["env"]["FORM"]
    robot = (ROOT / "scripts" / "robot_branch.sh").read_text(encoding="utf-8")
    assert "case $prefix in praktijk | leervraag) ;;" in robot and 'first="$prefix/issue-$issue"' in robot
    # The pushing job still only adds record files below practices/, which questions/ is.
    commit = next(s for s in flow["jobs"]["propose"]["steps"] if s.get("name") == "Commit the new records")
    assert "practices/([a-z]+/)?[a-z0-9-]+\\.yml$" in commit["run"]


@pytest.mark.skipif(shutil.which("zizmor", path=str(Path(sys.executable).parent)) is None, reason="no zizmor")
def test_zizmor_finds_nothing_in_the_workflows() -> None:
    zizmor = shutil.which("zizmor", path=str(Path(sys.executable).parent))
    done = subprocess.run(
        [str(zizmor), "--offline", str(ROOT / ".github")], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_guides_tell_how_to_ask_a_question() -> None:
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "**Nieuwe leervraag**" in contributing and "## Een leervraag beantwoorden" in contributing
    assert issue_form.QUESTION_LABEL in readme and "practices/questions/" in readme
