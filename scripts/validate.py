"""Validate the records: `python scripts/validate.py [DIR] [--strict]`.

Prints every problem as `path:line: field.path: message`, then a summary; exits 1 when any problem is
an error. DIR defaults to $KB_RECORDS_DIR or the shipped practices/ folder.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros import knowledge
from macros.problems import printable


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "directory", nargs="?", help="records folder (default: $KB_RECORDS_DIR or practices/)"
    )
    parser.add_argument("--strict", action="store_true", help="records not reviewed for two years are errors")
    args = parser.parse_args(argv)
    root = knowledge.records_root(args.directory)
    if not root.is_dir():
        print(f"{printable(root)}: deze map bestaat niet", file=sys.stderr)
        return 2
    started = time.perf_counter()
    kb, problems = knowledge.load(root, strict=args.strict)
    elapsed = time.perf_counter() - started
    cwd = Path.cwd()
    for problem in problems:
        print(problem.format(cwd))
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    records = sum(
        len(kb.records_of(kind)) for kind in ("practice", "city", "organisation", "network", "source")
    )
    seconds = f"{elapsed:.2f}".replace(".", ",")
    print(
        f"{records} records gecontroleerd in {seconds} s: {errors} {'fout' if errors == 1 else 'fouten'}, "
        f"{warnings} {'waarschuwing' if warnings == 1 else 'waarschuwingen'}",
        file=sys.stderr,
    )
    return 1 if errors else 0


if __name__ == "__main__":
    # A short-lived command: the cycle collector would only rescan the records it just loaded
    # (0.3 s on 3,000 practices); memory is still freed by reference counting.
    gc.disable()
    sys.exit(main())
