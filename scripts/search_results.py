"""The first eight results of the site's search box: `python scripts/search_results.py SITE QUERY...`.

SITE is a built site with its search index (`make build` writes site/). Each query is typed into the
search box in headless Chromium, as a reader would, and the results on screen are printed.
`--municipalities` types every municipality's name instead and counts how often its page comes first.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tooling import search_results

from macros.records import knowledge


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the built site (with pagefind/)")
    parser.add_argument("queries", nargs="*", help="what to type into the search box")
    parser.add_argument(
        "--municipalities",
        action="store_true",
        help="type every municipality's name (records of $KB_RECORDS_DIR)",
    )
    parser.add_argument("--width", type=int, default=1280, help="viewport width in px (default 1280)")
    args = parser.parse_args(argv)
    if not (args.site / "pagefind").is_dir():
        print(f"{args.site}: no search index here (run `make build`)", file=sys.stderr)
        return 1
    if args.municipalities:
        kb = knowledge.build(knowledge.records_root())
        pages = {m.name: f"/steden/{m.id}/" for m in kb.municipalities.values()}
        first, missed = search_results.names_first(args.site, pages, args.width)
        names = ", ".join(missed) or "-"
        print(f"{first} of {len(pages)} municipality names find their page first; not: {names}")
    if args.queries:
        print(search_results.report(args.site, args.queries, args.width))
    return 0


if __name__ == "__main__":
    sys.exit(main())
