"""The first eight results of the site's search box: `python scripts/search_results.py SITE QUERY...`.

SITE is a built site with its search index (`make build` writes site/). Each query is typed into the
search box in headless Chromium, as a reader would, and the results on screen are printed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tooling import search_results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the built site (with pagefind/)")
    parser.add_argument("queries", nargs="+", help="what to type into the search box")
    parser.add_argument("--width", type=int, default=1280, help="viewport width in px (default 1280)")
    args = parser.parse_args(argv)
    if not (args.site / "pagefind").is_dir():
        print(f"{args.site}: no search index here (run `make build`)", file=sys.stderr)
        return 1
    print(search_results.report(args.site, args.queries, args.width))
    return 0


if __name__ == "__main__":
    sys.exit(main())
