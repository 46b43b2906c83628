"""Write the issue form "Nieuwe praktijk" from the models: `python scripts/issue_form.py [--check]`.

Run it after changing the Practice model, a city or a vocabulary; `--check` only says whether the
committed form is current (exit 1 when it is not).
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
    text = issue_form.render(kb)
    target = ROOT / issue_form.FORM_FILE
    current = target.read_text(encoding="utf-8") if target.is_file() else None
    if args.check:
        if current != text:
            print(f"{issue_form.FORM_FILE} is stale; run: python scripts/issue_form.py", file=sys.stderr)
            return 1
        return 0
    if current != text:
        target.write_text(text, encoding="utf-8")
        print(f"wrote {issue_form.FORM_FILE}")
    else:
        print(f"{issue_form.FORM_FILE} is up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
