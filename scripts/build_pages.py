"""Write the site's pages for a builder that reads a folder: `python scripts/build_pages.py --out DIR`.

DIR becomes a complete docs folder: a copy of the hand-written docs/ and every generated page and export
(`macros.generate`), the same files `mkdocs build` hands to MkDocs in memory. Files whose bytes did not
change are left alone. Exits 1 with every problem listed, in Dutch, when the records are invalid;
nothing is written then.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros import generate  # noqa: E402
from macros.records.problems import RecordsInvalid  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="folder to write the docs folder into")
    parser.add_argument(
        "--records", type=Path, help="records folder (default: $KB_RECORDS_DIR or practices/)"
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        site = generate.build_site(args.records)
    except RecordsInvalid as exc:
        for problem in exc.problems:
            print(problem.format(Path.cwd()), file=sys.stderr)
        return 1
    out: Path = args.out
    clashes = [path for path in [*site.pages, *site.markdown, *site.files] if (ROOT / "docs" / path).exists()]
    if clashes:
        for path in clashes:
            print(generate.clash_message(path), file=sys.stderr)
        return 1
    shutil.copytree(ROOT / "docs", out, dirs_exist_ok=True)
    report = generate.write_site(site, out)
    elapsed = time.perf_counter() - started
    print(
        f"{len(report.written)} file(s) written, {report.unchanged} unchanged in {elapsed:.2f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
