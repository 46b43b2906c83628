"""Reading untrusted input costs time in proportion to its size, and the largest input is refused in Dutch.

The issue converter gets a body of 65,536 characters (the most GitHub keeps of an issue body), the
loader a file of `MAX_FILE_BYTES`, each shaped the way that cost most before: a theme answer of
thousands of comma-separated pieces (every run of pieces was tried, a slugify each: cubic), lines of
spaces that two backtracking patterns read in quadratic time, and `[[[...]]]` nested thousands deep
(libyaml's time grows with the square of the depth). Each conversion runs in its own process with a
time limit, so that the code before the fix fails here instead of running for hours; the process
reports the CPU seconds of the conversion itself, which must stay under a second.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import yaml
from test_issue_form import VALID, issue_body

from macros.records import loading
from macros.records.loading import MAX_FILE_BYTES, read_record

ROOT = Path(__file__).resolve().parent.parent
BODY_CHARS = 65_536
"""The most characters GitHub keeps of an issue body (scripts/issue_to_record.py reads no more)."""
MAX_NESTING = 8
"""The deepest nesting of lists and groups a record file may have (its own mapping counts as one)."""
CPU_LIMIT = 1.0
"""Seconds of CPU a refusal may cost, measured in the child process."""
WALL_LIMIT = 60
"""Seconds after which the child is stopped: the code before the fix ran for hours."""

CONVERT = textwrap.dedent(
    """
    import datetime as dt, json, sys, time
    from pathlib import Path
    from macros.contributing import issue_answers
    body = Path(sys.argv[1]).read_text(encoding="utf-8")
    started = time.process_time()
    outcome = issue_answers.convert(body, Path(sys.argv[2]), dt.date(2026, 12, 1), issue=9)
    cpu = time.process_time() - started
    print(json.dumps({"cpu": cpu, "ok": outcome.ok, "files": len(outcome.files),
                      "lines": [f"{f.question}: {f.message}" for f in outcome.findings]}))
    """
)


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the shipped records with the fictional city the submitted practices name."""
    root = tmp_path_factory.mktemp("intake") / "practices"
    shutil.copytree(ROOT / "practices", root)
    (root / "cities" / "demostad.yml").write_text(
        "name: Demostad (fictief)\nsources: [jaarverslag-demostad-2022]\nlast_reviewed: 2026-11-02\n",
        encoding="utf-8",
    )
    (root / "sources" / "jaarverslag-demostad-2022.yml").write_text(
        "title: Jaarverslag Demostad 2022 (fictief)\nurl: https://www.demostad.example/jaarverslag-2022\n",
        encoding="utf-8",
    )
    return root


def convert(body: str, records: Path, tmp_path: Path) -> dict[str, object]:
    """Convert `body` in a child process; its CPU seconds, validity, file count and Dutch lines."""
    path = tmp_path / "issue.md"
    path.write_text(body, encoding="utf-8", newline="")
    try:
        done = subprocess.run(
            [sys.executable, "-c", CONVERT, str(path), str(records)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
            timeout=WALL_LIMIT,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"the conversion of a {len(body):,}-character body ran past {WALL_LIMIT} s")
    result: dict[str, object] = json.loads(done.stdout)
    return result


def filled(label: str, unit: str, separator: str) -> str:
    """An issue body of exactly BODY_CHARS characters whose answer to `label` is `unit` repeated."""
    answer = separator.join(unit.format(i) for i in range(BODY_CHARS // len(separator)))[:BODY_CHARS]
    body = issue_body({**VALID, label: answer})
    while len(body) > BODY_CHARS:
        answer = answer[: max(0, len(answer) - (len(body) - BODY_CHARS))].rstrip()
        body = issue_body({**VALID, label: answer})
    body = issue_body({**VALID, label: answer + "x" * (BODY_CHARS - len(body))})
    assert len(body) == BODY_CHARS
    return body


def test_a_theme_answer_of_thousands_of_pieces_is_refused_in_linear_time(
    records: Path, tmp_path: Path
) -> None:
    body = filled("Thema's", "thema {}", ", ")
    pieces = body.split("### Thema's\r\n\r\n")[1].split("\r\n")[0].count(", ") + 1
    assert pieces > 2_500
    result = convert(body, records, tmp_path)
    expected = (
        f"Thema's: dit antwoord telt {pieces:,} stukken tussen komma's, meer dan alle 12 keuzes van de lijst "
        "samen; kies alleen uit de lijst"
    ).replace(",", ".", 1)
    assert result["lines"] == [expected]
    assert result["ok"] is False and result["files"] == 0
    assert float(result["cpu"]) < CPU_LIMIT  # type: ignore[arg-type]


def test_a_single_choice_with_commas_is_one_choice_too_many(records: Path, tmp_path: Path) -> None:
    body = issue_body({**VALID, "Status": "lopend, afgerond"})
    result = convert(body, records, tmp_path)
    assert result["lines"] == ["Status: dit antwoord telt 2 stukken tussen komma's; kies er één uit de lijst"]


def test_a_list_answer_is_capped_at_the_items_the_model_takes(records: Path, tmp_path: Path) -> None:
    body = filled("Bronnen", "Bron {} https://www.demostad.example/b", "\n")
    lines = body.split("### Bronnen\r\n\r\n")[1].split("\r\n\r\n###")[0].count("\r\n") + 1
    result = convert(body, records, tmp_path)
    number = f"{lines:,}".replace(",", ".")
    assert result["lines"] == [
        f"Bronnen: dit antwoord telt {number} regels; er passen er hoogstens 50, één per regel"
    ]
    assert float(result["cpu"]) < CPU_LIMIT  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "start",
    [
        "### Thema's",  # the heading pattern `### (.+?)[ \t]*` read this line in quadratic time
        "- [x] Ik heb geen gegevens",  # and the tick box pattern `- \[[xX]\] (.+?)\s*$` this one
    ],
    ids=["heading", "tick box"],
)
def test_lines_of_spaces_are_read_in_linear_time(records: Path, tmp_path: Path, start: str) -> None:
    base = issue_body(VALID, ticked=False) + "\r\n" + start
    body = base + " " * (BODY_CHARS - len(base) - 1) + "x"
    assert len(body) == BODY_CHARS
    result = convert(body, records, tmp_path)
    assert result["ok"] is False
    assert (
        "Afspraken: vink deze afspraak aan: Ik heb geen gegevens van privépersonen ingevuld."
        in result["lines"]
    )  # type: ignore[operator]
    assert float(result["cpu"]) < 3 * CPU_LIMIT, "this conversion also validates the records"  # type: ignore[arg-type]


def test_markers_and_options_read_as_before_without_patterns() -> None:
    from macros.contributing import issue_answers

    assert issue_answers.lines_of("- a\n* b\n• c\n1. d\n12) e\n123. f\n-g\n  -   h  \n\n7.x") == [
        "a",
        "b",
        "c",
        "d",
        "e",
        "123. f",
        "-g",
        "h",
        "7.x",
    ]
    shown = {"Onderwijs (onderwijs)": "onderwijs"}
    assert issue_answers.chosen("Iets (x-1), Onderwijs, (y), a (b (c)", shown) == [
        "x-1",
        "onderwijs",
        "y",
        "c",
    ]
    ticked = "- [X] Ik heb geen gegevens van privépersonen ingevuld.  \n  - [x]  "
    assert [f.message for f in issue_answers.agreement_findings(ticked)] == [
        "vink deze afspraak aan: Deze informatie mag openbaar op de kennisbank verschijnen (onder CC BY 4.0)."
    ]


# --- the loader ------------------------------------------------------------------------------------------


NESTING_MESSAGE = (
    f"lijsten en groepen zitten hier meer dan {MAX_NESTING} niveaus diep in elkaar; een record heeft er "
    "hoogstens een paar nodig. Kijk de haakjes [ ] { } en de inspringing na"
)


def _read(tmp_path: Path, text: str) -> tuple[list[str], float]:
    path = tmp_path / "diep.yml"
    path.write_text(text, encoding="utf-8")
    started = time.process_time()
    _, problems = read_record(path)
    cpu = time.process_time() - started
    return [p.format(tmp_path) for p in problems], cpu


@pytest.mark.parametrize(
    ("opening", "closing"),
    [("[", "]"), ("{a: ", "}"), ("[{a: ", "}]")],
    ids=["lists", "groups", "lists of groups"],
)
def test_brackets_nested_to_the_file_limit_are_refused_before_libyaml_reads_them(
    tmp_path: Path, opening: str, closing: str
) -> None:
    prefix = "summary: x\ntitle: "
    depth = (MAX_FILE_BYTES - len(prefix) - 2) // (len(opening) + len(closing))
    text = prefix + opening * depth + "b" + closing * depth + "\n"
    assert MAX_FILE_BYTES - 20 < len(text.encode()) <= MAX_FILE_BYTES
    found, cpu = _read(tmp_path, text)
    assert found == [f"diep.yml:2: {NESTING_MESSAGE}"]
    assert cpu < CPU_LIMIT


def test_block_nesting_to_the_file_limit_is_refused_at_its_line(tmp_path: Path) -> None:
    compact = "title: x\nlijst:\n" + "- " * ((MAX_FILE_BYTES - 30) // 2) + "a\n"
    found, cpu = _read(tmp_path, compact)
    assert found == [f"diep.yml:3: {NESTING_MESSAGE}"] and cpu < CPU_LIMIT
    indented = "".join(" " * i + f"k{i}:\n" for i in range(12))
    assert _read(tmp_path, indented)[0] == [f"diep.yml:9: {NESTING_MESSAGE}"]


def test_nesting_up_to_the_limit_and_brackets_in_text_are_no_nesting(tmp_path: Path) -> None:
    assert loading.MAX_NESTING == MAX_NESTING
    deepest = "x: " + "[" * (MAX_NESTING - 1) + "a" + "]" * (MAX_NESTING - 1) + "\n"
    assert loading.nesting_line(deepest) is None and _read(tmp_path, deepest)[0] == []
    one_more = "x: " + "[" * MAX_NESTING + "a" + "]" * MAX_NESTING + "\n"
    assert _read(tmp_path, one_more)[0] == [f"diep.yml:1: {NESTING_MESSAGE}"]
    texts = [
        'title: "' + "[" * 40 + "\"\nsummary: '{{{{{{{{{{{{'''\n",
        "title: Taal [" + "[" * 40 + "\n  [[[[[[[[[[[[ plain text goes on\nsummary: x\n",
        "description: |\n  " + "{" * 40 + "\n  " + "[" * 40 + "\nsummary: x\n",
        "themes: [it's, '[[[[[[[[[[[', \"{{{{{{{{{{\\\"{{\"]\nsummary: x\n",
        'title: "een tekst over\n  twee regels [[[[[[[[[[[[[[[\n  en klaar"\nsummary: x\n',
    ]
    for text in texts:
        assert loading.nesting_line(text) is None, text
        assert _read(tmp_path, text)[0] == [], text


def test_the_pre_scan_never_counts_less_than_libyaml_nor_refuses_a_real_record() -> None:
    """Over every record of the shipped and the fixture corpus: no refusal at the limit, and a refusal
    one level below each file's own depth (so the count is never below the real depth)."""

    def depth(value: object) -> int:
        if isinstance(value, dict):
            return 1 + max((depth(v) for v in value.values()), default=0)
        if isinstance(value, list):
            return 1 + max((depth(v) for v in value), default=0)
        return 0

    files = sorted([*(ROOT / "practices").rglob("*.yml"), *(ROOT / "tests" / "fixtures").rglob("*.yml")])
    assert len(files) > 300
    for path in files:
        text = path.read_text(encoding="utf-8")
        real = depth(yaml.safe_load(text))
        assert loading.nesting_line(text) is None, path
        assert loading.nesting_line(text, real - 1) is not None, path


def test_the_bench_reports_the_refusal_of_each_worst_input(tmp_path: Path) -> None:
    from tooling import bench, bench_report

    measured = bench.untrusted_input_seconds(tmp_path / "inputs", ROOT / "tests" / "fixtures" / "records")
    issue = [m for what, m in measured.items() if what.startswith("issue body")]
    records = [m for what, m in measured.items() if what.startswith("record file")]
    assert [m["chars"] for m in issue] == [BODY_CHARS, BODY_CHARS]
    assert all(MAX_FILE_BYTES - 30 < m["chars"] <= MAX_FILE_BYTES for m in records)
    assert [m["refused"] for m in measured.values()] == [True, True, True, True, False]
    table = bench_report.untrusted_table(measured, 3)
    assert "| issue body, a theme answer of comma-separated pieces | 65,536 | yes | " in table
