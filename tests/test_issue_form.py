"""The issue form "Nieuwe praktijk" and its conversion: a practice proposed without writing YAML.

The form is generated from the Practice model and the records, so the committed file must be exactly
what the generator makes (rerun `scripts/issue_form.py` when this fails). A submitted issue becomes
records only when they validate with the whole records folder; otherwise the contributor reads the
validator's Dutch messages, each with the question to fix, and nothing is written.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import form_answers
import pytest
import yaml
from records_folder import add_municipality

from macros.contributing import issue_answers, issue_form
from macros.records import knowledge
from macros.records.models import Practice

ROOT = Path(__file__).resolve().parent.parent
SUBMITTED = knowledge.current_date()
"""The day of the submission: today, since the tests convert into a copy of the shipped records, which
are checked against the real date (as `make validate` checks them)."""
CITY_ANSWER = "Demostad"
"""The municipality as a contributor types it: its name, not its id."""


def form_items() -> dict[str, dict[str, object]]:
    form = yaml.safe_load((ROOT / issue_form.FORM_FILE).read_text(encoding="utf-8"))
    return {item["id"]: item for item in form["body"] if "id" in item}


# --- the form --------------------------------------------------------------------------------------------


def test_the_committed_form_is_what_the_generator_makes_from_the_models_and_records() -> None:
    committed = (ROOT / issue_form.FORM_FILE).read_text(encoding="utf-8")
    generated = issue_form.render(knowledge.build())
    assert committed == generated, (
        "the form is stale: run make issue-form (het formulier is verouderd: voer make issue-form uit)"
    )


def test_the_generator_check_mode_agrees() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "issue_form.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_the_form_requires_exactly_what_the_practice_model_requires() -> None:
    required = {
        item_id
        for item_id, item in form_items().items()
        if item.get("validations", {}).get("required")  # type: ignore[attr-defined]
    }
    # last_reviewed is no question: it is the day of the submission.
    model_required = {name for name, info in Practice.model_fields.items() if info.is_required()}
    assert required == model_required - {"last_reviewed"} == {"title", "summary", "city", "themes"}


def test_every_question_fills_a_field_of_the_practice_model() -> None:
    for question in issue_form.QUESTIONS:
        issue_form.model_field(question.path)  # a KeyError when the model lost the field
    with pytest.raises(KeyError):
        issue_form.model_field(("contact", "naam"))


def test_the_dropdowns_offer_the_vocabulary_ids_with_their_dutch_names_and_the_city_is_typed() -> None:
    kb = knowledge.build()
    items = form_items()
    attributes = {item_id: item["attributes"] for item_id, item in items.items()}
    for field, terms in (("themes", kb.themes), ("instruments", kb.instruments)):
        assert attributes[field]["multiple"] is True  # type: ignore[index]
        assert attributes[field]["options"] == [f"{t.label} ({tid})" for tid, t in terms.items()]  # type: ignore[index]
    assert items["status_state"]["type"] == "dropdown"
    assert attributes["status_state"]["options"] == ["lopend", "afgerond", "onbekend"]  # type: ignore[index]
    # 285 municipalities make a dropdown unusable: the municipality is typed, and the conversion checks it.
    assert items["city"]["type"] == "input"
    assert "options" not in attributes["city"]
    assert "285" in attributes["city"]["description"]  # type: ignore[index]


def test_the_form_speaks_dutch_and_has_the_workflow_label() -> None:
    form = yaml.safe_load((ROOT / issue_form.FORM_FILE).read_text(encoding="utf-8"))
    assert form["name"] == "Nieuwe praktijk"
    assert form["labels"] == [issue_form.LABEL]
    labels = [item["attributes"]["label"] for item in form["body"] if "id" in item]
    assert len(labels) == len(set(labels)), "a submitted issue is read back by its labels"
    assert "Naam van de praktijk" in labels and "Bronnen" in labels
    assert not (ROOT / ".github" / "ISSUE_TEMPLATE" / "praktijk-voorstellen.yml").exists()


# --- submitted issues ------------------------------------------------------------------------------------


@pytest.fixture
def records(tmp_path: Path) -> Path:
    """A copy of the shipped records folder, with a fictional municipality (and its city record) for
    the submitted practices."""
    root = tmp_path / "practices"
    shutil.copytree(ROOT / "practices", root)
    add_municipality(root, "demostad", "Demostad (fictief)", "antwerpen", 45_000)
    (root / "cities" / "demostad.yml").write_text(
        "sources: [jaarverslag-demostad-2022]\nlast_reviewed: 2026-11-02\n", encoding="utf-8"
    )
    (root / "sources" / "jaarverslag-demostad-2022.yml").write_text(
        "title: Jaarverslag Demostad 2022 (fictief)\nurl: https://www.demostad.example/jaarverslag-2022\n",
        encoding="utf-8",
    )
    return root


VALID = {
    "Naam van de praktijk": "Taal: een kans #1 <script>alert('x')</script>",
    "Samenvatting": "Elke week oefenen nieuwkomers Nederlands met vrijwilligers (fictief voorbeeld).",
    "Stad of gemeente": CITY_ANSWER,
    "Thema's": "Nederlands en meertaligheid (taal), Sport, jeugd en vrije tijd (vrije-tijd)",
    "Beleidsinstrumenten": "Cofinanciering (cofinanciering)",
    "Doelgroepen": "- nieuwkomers\n- vrijwilligers",
    "Status": "lopend",
    "Begonnen in": "2021-09",
    "Beschrijving": "Eerste alinea: wat het is.\n\nTweede alinea, met & en * en {{ geen sjabloon }}.",
    "Aanpak in stappen": "1. Vrijwilligers zoeken.\n2. Stap 2: een vast lokaal.\n\n3. # geen commentaar",
    "Wat werkte": "Een vaste plek.",
    "Contact: functie": "integratieambtenaar",
    "Contact: e-mailadres van de dienst": "samenleven@demostad.example",
    "Bronnen": (
        "Verslag taalcafé 2023 https://www.demostad.example/taalcafe-2023\n"
        "https://www.demostad.example/jaarverslag-2022"
    ),
}


def issue_body(answers: dict[str, str], ticked: bool = True) -> str:
    return form_answers.issue_body(issue_form.PRACTICE, answers, ticked)


def test_a_valid_issue_becomes_a_practice_and_its_new_source_that_validate(records: Path) -> None:
    outcome = issue_answers.convert(issue_body(VALID), records, SUBMITTED, issue=7)
    assert outcome.ok, outcome.findings
    written = issue_answers.write(outcome, records)
    practice_path = records / "taal-een-kans-1-script-alert-x-script-demostad.yml"
    source_path = records / "sources" / "verslag-taalcafe-2023.yml"
    assert written == [practice_path, source_path]
    kb, problems = knowledge.load(records, today=SUBMITTED)
    assert [p for p in problems if p.severity == "error"] == []
    practice = kb.practices[practice_path.stem]
    assert practice.title == VALID["Naam van de praktijk"]  # `: `, `#` and markup kept as text
    assert practice.city == "demostad"
    assert practice.themes == ["taal", "vrije-tijd"]
    assert practice.instruments == ["cofinanciering"]
    assert practice.target_groups == ["nieuwkomers", "vrijwilligers"]
    assert practice.period is not None and practice.period.start == "2021-09"
    assert practice.description == VALID["Beschrijving"]
    assert practice.approach == ["Vrijwilligers zoeken.", "Stap 2: een vast lokaal.", "# geen commentaar"]
    assert practice.contact is not None and practice.contact.email == "samenleven@demostad.example"
    # The form asks neither: the status and the contact are what the first source said, in the month
    # the contributor read it.
    assert practice.status is not None
    assert (practice.status.state, practice.status.source, practice.status.date) == (
        "lopend",
        "verslag-taalcafe-2023",
        "2026-12",
    )
    assert practice.contact.source == "verslag-taalcafe-2023"
    # A known web address is cited by its existing source; a new one gets a file, read on the day.
    assert practice.sources == ["verslag-taalcafe-2023", "jaarverslag-demostad-2022"]
    assert practice.last_reviewed == SUBMITTED
    source = kb.sources["verslag-taalcafe-2023"]
    assert str(source.url) == "https://www.demostad.example/taalcafe-2023"
    assert source.accessed == SUBMITTED
    text = practice_path.read_text(encoding="utf-8")
    assert text.startswith("# Voorgesteld uit issue #7 ")
    assert "&" not in text.split("description")[0] and "*" not in text.split("description")[0]


def test_the_commands_convert_and_then_validate_the_whole_folder(records: Path, tmp_path: Path) -> None:
    body = tmp_path / "issue.md"
    body.write_text(issue_body(VALID), encoding="utf-8")
    out = tmp_path / "uit"
    command = [sys.executable, str(ROOT / "scripts" / "issue_to_record.py"), str(body), "--dir", str(records)]
    done = subprocess.run(
        [*command, "--date", "2026-12-01T10:11:12Z", "--issue", "7", "--out", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "geschreven: practices/taal-een-kans-1-script-alert-x-script-demostad.yml" in done.stdout
    validated = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "validate.py"), str(records)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "KB_TODAY": SUBMITTED.isoformat()},  # checked on the day it was submitted
    )
    assert validated.returncode == 0, validated.stdout + validated.stderr
    assert (out / "pr-titel.txt").read_text(encoding="utf-8").startswith("Praktijk: Taal: een kans #1")
    assert "Closes #7" in (out / "pr-tekst.md").read_text(encoding="utf-8")
    assert "geen fouten" in (out / "verslag.md").read_text(encoding="utf-8")


def messages(records: Path, answers: dict[str, str], ticked: bool = True) -> list[str]:
    """The Dutch findings of a conversion that must fail; nothing may be written."""
    body = issue_body(answers, ticked)
    return form_answers.refused(issue_answers.convert, body, records, SUBMITTED, issue=8)


def test_a_missing_required_answer_names_its_question(records: Path) -> None:
    answers = {**VALID, "Samenvatting": "", "Thema's": ""}
    assert messages(records, answers) == [
        "Samenvatting: summary: dit veld is verplicht; vul het in",
        "Thema's: themes: dit veld is verplicht; vul het in",
    ]


def test_an_unknown_city_is_named_with_the_nearest_id(records: Path) -> None:
    answers = {**VALID, "Stad of gemeente": "Demostat"}
    assert messages(records, answers) == [
        "Stad of gemeente: city: 'demostat' is geen stad of gemeente uit practices/reference/municipalities.csv; "
        "bedoel je 'demostad' (Demostad (fictief))?"
    ]


@pytest.mark.parametrize("typed", ["Boortmeerbeek", "boortmeerbeek", "  BOORTMEERBEEK "])
def test_any_flemish_municipality_can_be_typed_and_needs_no_city_record(records: Path, typed: str) -> None:
    assert not (records / "cities" / "boortmeerbeek.yml").exists()
    outcome = issue_answers.convert(issue_body({**VALID, "Stad of gemeente": typed}), records, SUBMITTED)
    assert outcome.ok, outcome.findings
    issue_answers.write(outcome, records)
    kb, problems = knowledge.load(records, today=SUBMITTED)
    assert [p for p in problems if p.severity == "error"] == []
    assert kb.practices[outcome.practice_id].city == "boortmeerbeek"
    assert outcome.practice_id.endswith("-boortmeerbeek")


def test_a_former_municipality_is_named_with_the_one_it_merged_into(records: Path) -> None:
    answers = {**VALID, "Stad of gemeente": "Kruibeke"}
    assert messages(records, answers) == [
        "Stad of gemeente: city: Kruibeke is sinds 1 januari 2025 een deel van Beveren-Kruibeke-Zwijndrecht; "
        "schrijf 'beveren-kruibeke-zwijndrecht'"
    ]


def test_wrong_answers_are_all_reported_at_once_with_no_file_written(records: Path) -> None:
    answers = {
        **VALID,
        "Thema's": "Talen",
        "Begonnen in": "september 2021",
        "Contact: e-mailadres van de dienst": "an.peeters bij gmail",
        "Bronnen": "https://www.demostad.example/zonder-titel",
    }
    found = messages(records, answers, ticked=False)
    assert found[0].startswith("Afspraken: vink deze afspraak aan: Deze informatie mag openbaar")
    assert (
        "Thema's: themes[0]: 'talen' is geen thema uit practices/vocabulary/themes.yml; bedoel je 'taal'?"
        in found
    )
    assert any(line.startswith("Begonnen in: period.start: ") for line in found)
    assert any(line.startswith("Contact: e-mailadres van de dienst: contact.email: ") for line in found)
    assert "Bronnen (bron 1): title: dit veld is verplicht; vul het in" in found


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Taal\u200bcafé", "onzichtbare teken U+200B"),
        ("x" * 121, "120"),
    ],
)
def test_a_hostile_or_oversized_title_is_refused_by_the_validator(
    records: Path, title: str, expected: str
) -> None:
    found = messages(records, {**VALID, "Naam van de praktijk": title})
    assert len(found) == 1 and found[0].startswith("Naam van de praktijk: ") and expected in found[0]


def test_a_heading_inside_an_answer_stays_text_and_yaml_in_an_answer_stays_text(records: Path) -> None:
    hostile = "Stap één.\n### Thema's is geen vraag\n!!python/object:os.system ['id']\n&anker *anker"
    outcome = issue_answers.convert(issue_body({**VALID, "Beschrijving": hostile}), records, SUBMITTED)
    assert outcome.ok, outcome.findings
    issue_answers.write(outcome, records)
    kb, _ = knowledge.load(records, today=SUBMITTED)
    assert kb.practices[outcome.practice_id].description == hostile


def test_a_question_found_twice_is_reported(records: Path) -> None:
    body = issue_body(VALID) + "\r\n\r\n### Naam van de praktijk\r\n\r\nEen tweede naam"
    outcome = issue_answers.convert(body, records, SUBMITTED)
    assert not outcome.ok
    assert any(f.question == "Naam van de praktijk" and "twee keer" in f.message for f in outcome.findings)


def test_a_practice_that_exists_is_not_overwritten(records: Path) -> None:
    first = issue_answers.convert(issue_body(VALID), records, SUBMITTED)
    issue_answers.write(first, records)
    found = messages(records, VALID)
    assert found[0].startswith("Naam van de praktijk: er bestaat al een praktijk met de id")


def test_a_dropdown_label_with_a_comma_is_one_option() -> None:
    shown = {"Sport, jeugd en vrije tijd (vrije-tijd)": "vrije-tijd", "Onderwijs (onderwijs)": "onderwijs"}
    answer = "Onderwijs (onderwijs), Sport, jeugd en vrije tijd (vrije-tijd), Iets anders"
    assert issue_answers.chosen(answer, shown) == ["onderwijs", "vrije-tijd", "iets-anders"]


def test_the_issue_comment_keeps_every_answer_inside_its_code_block(records: Path) -> None:
    answers = {**VALID, "Begonnen in": "```` @iemand [link](https://example.invalid)"}
    outcome = issue_answers.convert(issue_body(answers), records, SUBMITTED)
    comment = issue_answers.report(outcome)
    assert comment.startswith("### Je antwoorden bevatten")
    assert "\n`````text\n" in comment and comment.rstrip().endswith("\n`````")


def test_the_guides_tell_how_to_use_and_regenerate_the_form() -> None:
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "**Nieuwe praktijk**" in contributing
    assert "scripts/issue_form.py" in readme and issue_form.LABEL in readme
    assert "Allow GitHub Actions to create and approve pull requests" in readme
