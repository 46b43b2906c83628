"""The freshness report for editors: `python scripts/freshness.py [DIR]`.

Lists what may no longer hold (macros/records/freshness.py): practices told as running on an old
confirmation, present tense on old sources, old sources, old contacts, populations of another year,
practices first. Dutch lines `path:line: field: message`, then a count. Offline; always exits 0 when the
records load (it is a to-do list, not a check); exits 1 when they do not validate.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros.contributing import cli
from macros.records import freshness, knowledge
from macros.records.problems import RecordsInvalid, printable


def main(argv: list[str] | None = None) -> int:
    parser = cli.Parser(
        "Wat een redacteur opnieuw moet nakijken: oude bevestigingen, oude bronnen, oude contacten."
    )
    parser.add_argument("folder", nargs="?", help="de map met records (standaard: practices/)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    root = knowledge.records_root(args.folder)
    today = knowledge.current_date()
    try:
        kb = knowledge.build(root, today)
    except RecordsInvalid as exc:
        for problem in exc.problems:
            print(printable(problem.format(Path.cwd())), file=sys.stderr)
        return 1
    findings = freshness.report(kb, today)
    base = Path.cwd()
    for finding in findings:
        print(printable(finding.format(base)))
    records = len({f.path for f in findings})
    elapsed = f"{time.perf_counter() - started:.2f}".replace(".", ",")
    print(
        f"{len(findings)} punten in {records} records om na te kijken (op {today.isoformat()}, {elapsed} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
