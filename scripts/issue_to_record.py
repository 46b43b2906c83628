"""Turn a submitted issue form into records: `python scripts/issue_to_record.py BODY_FILE [--form ...]`.

BODY_FILE holds the issue body as GitHub renders the form (`-` reads standard input); `--form praktijk`
(the default) reads "Nieuwe praktijk", `--form leervraag` reads "Nieuwe leervraag". A practice goes to
`practices/<id>.yml` and each new source to `practices/sources/<id>.yml`; a leervraag to
`practices/questions/<id>.yml` with the source that records its submission. Files are written only when
the whole records folder with them validates; otherwise nothing is written and the validator's messages
are printed, each with the question of the form to fix. Exit status: 0 written, 1 wrong answers.
With `--out DIR`, the Dutch comment for the issue (`verslag.md`) and, when valid, the pull request's
title (`pr-titel.txt`) and text (`pr-tekst.md`) are written there too.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros.contributing import issue_answers, question_answers
from macros.records import knowledge
from macros.records.problems import printable

FORMS = ("praktijk", "leervraag")
"""The forms this command reads: "Nieuwe praktijk" and "Nieuwe leervraag"."""
MAX_BODY_CHARS = 65_536
"""GitHub keeps at most this many characters of an issue body; anything longer is not a real issue."""


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text[:10])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("body", help="file with the issue body, or - for standard input")
    parser.add_argument("--dir", help="records folder (default: $KB_RECORDS_DIR or practices/)")
    parser.add_argument(
        "--date", type=_date, default=dt.date.today(), help="submission day, YYYY-MM-DD (or a timestamp)"
    )
    parser.add_argument("--issue", type=int, help="the issue number, for the comments in the records")
    parser.add_argument("--out", type=Path, help="folder for the issue comment and the pull request text")
    parser.add_argument(
        "--form", choices=FORMS, default="praktijk", help="the form of the issue (default: praktijk)"
    )
    args = parser.parse_args(argv)
    source = sys.stdin if args.body == "-" else open(args.body, encoding="utf-8")  # noqa: SIM115
    with source:
        body = source.read(MAX_BODY_CHARS + 1)
    root = knowledge.records_root(args.dir)
    convert = question_answers.convert if args.form == "leervraag" else issue_answers.convert
    outcome = convert(body[:MAX_BODY_CHARS], root, args.date, args.issue)
    for line in issue_answers.console_lines(outcome):
        print(line)
    if outcome.ok:
        for path in issue_answers.write(outcome, root):
            print(f"geschreven: {printable(path.relative_to(root.parent))}")
    if args.out:
        _write_texts(args.out, outcome, args.issue)
    return 0 if outcome.ok else 1


def _write_texts(out: Path, outcome: issue_answers.Outcome, issue: int | None) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "verslag.md").write_text(issue_answers.report(outcome), encoding="utf-8")
    if outcome.ok:
        (out / "pr-titel.txt").write_text(issue_answers.pull_request_title(outcome), encoding="utf-8")
        (out / "pr-tekst.md").write_text(issue_answers.pull_request_text(outcome, issue), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
