"""`python scripts/validate.py [DIR]`: exit codes, every problem at once, and KB_RECORDS_DIR."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from records_folder import PRACTICE, REPO, TODAY, write_record

VALIDATE = REPO / "scripts" / "validate.py"


def run(
    args: list[str], cwd: Path, env: dict[str, str] | None = None, today: dt.date | None = TODAY
) -> subprocess.CompletedProcess[str]:
    """Run the validator; it counts from `today` ($KB_TODAY), the day the made-up records are fresh on,
    whatever the calendar says. `today=None`: the real date, or the $KB_TODAY the tests run with."""
    environment = {k: v for k, v in os.environ.items() if k != "KB_RECORDS_DIR"}
    if today is not None:
        environment["KB_TODAY"] = today.isoformat()
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, str(VALIDATE), *args], cwd=cwd, env=environment, capture_output=True, text=True
    )


def test_a_clean_folder_exits_0_and_says_how_many_records(records: Path) -> None:
    write_record(records, "taalcafe.yml", PRACTICE)
    result = run([str(records)], cwd=records)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""
    assert "3 records gecontroleerd" in result.stderr and "0 fouten, 0 waarschuwingen" in result.stderr


def test_a_broken_folder_exits_1_and_reports_every_problem_at_once(records: Path) -> None:
    write_record(records, "een.yml", PRACTICE.replace("city: teststad", "city: testad"))
    write_record(records, "twee.yml", PRACTICE + "title: Nog eens\n")
    write_record(records, "cities/drie.yml", "last_reviewed: 2026-01-01\n")
    result = run(["."], cwd=records)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "cities/drie.yml:1: sources: vermeld minstens één bron (een id uit practices/sources/) "
        "voor de feiten in dit record",
        "een.yml:3: city: 'testad' is geen stad of gemeente uit practices/reference/municipalities.csv; "
        "bedoel je 'teststad' (Teststad (fictief))?",
        "twee.yml:7: title: het veld 'title' staat er twee keer (eerst op regel 1); "
        "houd er één, YAML zou het andere zonder waarschuwing weglaten",
    ]
    assert "3 fouten" in result.stderr


def test_warnings_alone_exit_0_but_fail_with_strict(records: Path) -> None:
    stale = (TODAY - dt.timedelta(days=3 * 365)).isoformat()
    write_record(records, "taalcafe.yml", PRACTICE.replace("2026-10-01", stale))
    relaxed = run(["."], cwd=records)
    assert relaxed.returncode == 0
    assert f"taalcafe.yml:6: last_reviewed: waarschuwing: niet meer nagekeken sinds {stale}" in relaxed.stdout
    assert run([".", "--strict"], cwd=records).returncode == 1


def test_kb_today_sets_the_day_the_dates_are_checked_against(records: Path) -> None:
    write_record(records, "taalcafe.yml", PRACTICE)
    later = run(["."], cwd=records, today=dt.date(2031, 6, 1))
    assert later.returncode == 0
    assert "taalcafe.yml:6: last_reviewed: waarschuwing: niet meer nagekeken sinds 2026-10-01" in later.stdout
    earlier = run(["."], cwd=records, today=dt.date(2026, 9, 1))
    assert earlier.returncode == 1
    assert "taalcafe.yml:6: last_reviewed: 2026-10-01 ligt in de toekomst" in earlier.stdout
    wrong = run(["."], cwd=records, env={"KB_TODAY": "1 juni 2031"})
    assert wrong.returncode == 2
    assert wrong.stderr.strip() == "KB_TODAY='1 juni 2031': write the date as YYYY-MM-DD"


def test_without_an_argument_it_validates_kb_records_dir(records: Path, tmp_path: Path) -> None:
    write_record(records, "taalcafe.yml", PRACTICE.replace("themes: [taal]", "themes: [taaal]"))
    result = run([], cwd=tmp_path, env={"KB_RECORDS_DIR": str(records)})
    assert result.returncode == 1
    assert "'taaal' is geen thema uit practices/vocabulary/themes.yml; bedoel je 'taal'?" in result.stdout


def test_a_folder_that_does_not_exist_is_exit_2(tmp_path: Path) -> None:
    result = run([str(tmp_path / "nergens")], cwd=tmp_path)
    assert result.returncode == 2
    assert "dit bestand of deze map bestaat niet" in result.stderr


def test_the_shipped_records_validate() -> None:
    # Checked against the real date, as `make validate` checks them: in later years they only warn.
    result = run([], cwd=REPO, today=None)
    assert result.returncode == 0, result.stdout + result.stderr


def test_given_files_it_checks_them_against_the_whole_folder_and_prints_only_theirs(records: Path) -> None:
    write_record(records, "een.yml", PRACTICE.replace("city: teststad", "city: testad"))
    write_record(records, "twee.yml", PRACTICE.replace("themes: [taal]", "themes: [talen]"))
    # Not given, so not printed: its own mistake (a municipality that does not exist).
    write_record(records, "drie.yml", PRACTICE.replace("city: teststad", "city: andr"))
    result = run(["een.yml", "twee.yml"], cwd=records)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "een.yml:3: city: 'testad' is geen stad of gemeente uit practices/reference/municipalities.csv; "
        "bedoel je 'teststad' (Teststad (fictief))?",
        "twee.yml:4: themes[0]: 'talen' is geen thema uit practices/vocabulary/themes.yml; bedoel je 'taal'?",
    ]
    assert "2 records gecontroleerd" in result.stderr
    # A subfolder is checked the same way: its files against the whole folder.
    assert run(["cities"], cwd=records).returncode == 0


def test_a_folder_that_is_not_a_records_folder_gets_a_clear_message(tmp_path: Path) -> None:
    (tmp_path / "los").mkdir()
    result = run(["los"], cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"{tmp_path / 'los'}: dit is geen map met records (er staat geen map vocabulary/ in of erboven); "
        "geef de map practices/ zelf, of de recordbestanden die je wilt controleren"
    )


def test_help_speaks_dutch_to_the_contributor(tmp_path: Path) -> None:
    done = run(["--help"], cwd=tmp_path)
    assert done.returncode == 0
    assert "Controleer de records" in done.stdout
    for option in ("pad", "-h, --help", "--strict"):
        described = next(line for line in done.stdout.splitlines() if line.strip().startswith(option))
        assert described.split(option, 1)[1].strip(), f"{option} has no help text"
    assert "show this help" not in done.stdout and "records folder" not in done.stdout
    assert done.stdout.startswith("gebruik: validate.py")
    assert "\nargumenten:\n" in done.stdout and "\nopties:\n" in done.stdout
    assert "usage:" not in done.stdout and "options:" not in done.stdout


def test_a_mistyped_option_is_refused_in_dutch(tmp_path: Path) -> None:
    done = run(["--stirct"], cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.splitlines()[-1] == "validate.py: fout: onbekende argumenten: --stirct"
