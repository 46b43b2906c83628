"""Write the issue forms "Nieuwe praktijk" and "Nieuwe leervraag" from the models:
`python scripts/issue_form.py [--check]`.

Run it after changing the Practice or Question model, a city or a vocabulary; `--check` only says
whether the committed forms are current (exit 1 when one is not).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros.contributing import issue_form
from macros.records import knowledge

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare; exit 1 when the form is stale")
    parser.add_argument("--dir", help="records folder (default: $KB_RECORDS_DIR or practices/)")
    args = parser.parse_args(argv)
    kb = knowledge.build(knowledge.records_root(args.dir))
    stale = False
    for spec in issue_form.FORMS:
        text = issue_form.render(kb, spec)
        target = ROOT / spec.file
        current = target.read_text(encoding="utf-8") if target.is_file() else None
        if args.check:
            if current != text:
                print(f"{spec.file} is stale; run: python scripts/issue_form.py", file=sys.stderr)
                stale = True
        elif current != text:
            target.write_text(text, encoding="utf-8")
            print(f"wrote {spec.file}")
        else:
            print(f"{spec.file} is up to date")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
