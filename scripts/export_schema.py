"""Write the JSON Schemas of the records to docs/schema/: `python scripts/export_schema.py [--check]`.

Run it after changing macros/records/models.py and commit the result: editors read these files on a fresh
clone. With --check it writes nothing and exits 1 when a file is out of date.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros.contributing import schema


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report out-of-date files; exit 1 if any")
    args = parser.parse_args(argv)
    if args.check:
        stale = schema.outdated()
        for name in stale:
            print(f"docs/schema/{name} is out of date; run python scripts/export_schema.py", file=sys.stderr)
        return 1 if stale else 0
    changed = schema.write()
    print(
        f"{len(changed)} schema file(s) written to docs/schema/"
        + (f": {', '.join(changed)}" if changed else "")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
