"""Write the generated pages without MkDocs: `python scripts/build_pages.py [--records DIR] [--docs DIR]`.

The same code `mkdocs build` runs (macros.generate), for any other builder and for inspecting pages.
`--clean` removes every generated page instead. Exits 1 with every problem listed when the records are
invalid; nothing is written then.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros import generate  # noqa: E402
from macros.problems import RecordsInvalid  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--records", type=Path, help="records folder (default: $KB_RECORDS_DIR or practices/)"
    )
    parser.add_argument("--docs", type=Path, default=ROOT / "docs", help="docs folder (default: docs/)")
    parser.add_argument("--clean", action="store_true", help="remove the generated pages")
    args = parser.parse_args(argv)
    if args.clean:
        removed = generate.clean(args.docs)
        print(f"removed {len(removed)} generated page(s)", file=sys.stderr)
        return 0
    started = time.perf_counter()
    try:
        report = generate.generate(args.docs, args.records)
    except RecordsInvalid as exc:
        for problem in exc.problems:
            print(problem.format(Path.cwd()), file=sys.stderr)
        return 1
    elapsed = time.perf_counter() - started
    print(
        f"{len(report.written)} page(s) written, {report.unchanged} unchanged, {len(report.removed)} removed"
        f" in {elapsed:.2f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
