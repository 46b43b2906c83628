"""Check every link and anchor of a built site: `python scripts/linkcheck.py SITE_DIR [--external]`.

Serves SITE_DIR on 127.0.0.1 (an ephemeral port) and runs LinkChecker over HTTP with
.ci/linkcheckerrc: every HTML page of the site is a start URL, so a page no menu links to is
checked too. Over HTTP rather than file:// because directory URLs (`praktijken/`) resolve to their
index.html only through a server, and because LinkChecker drops root privileges to `nobody`, who
may not read a private temporary folder. Internal links only, unless --external (the scheduled job).
Exits with LinkChecker's status: 0 when nothing is broken, 1 on any error or warning (a missing
anchor is a warning).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tooling.localserver import serve  # noqa: E402

CONFIG = ROOT / ".ci" / "linkcheckerrc"


def page_urls(site: Path, base: str) -> list[str]:
    """Every HTML page of the site as a URL, directory URLs for index.html pages."""
    urls = []
    for page in sorted(site.rglob("*.html")):
        relative = page.relative_to(site).as_posix()
        urls.append(base + relative.removesuffix("index.html"))
    return urls


def linkchecker_command(external: bool) -> list[str]:
    """The LinkChecker command line; the start URLs come on stdin."""
    linkchecker = Path(sys.executable).with_name("linkchecker")
    command = [str(linkchecker), "--config", str(CONFIG), "--no-status", "--stdin"]
    return [*command, "--check-extern"] if external else command


def check(site: Path, external: bool = False) -> int:
    """Run LinkChecker over the served site; its report goes to stdout; returns its exit status."""
    with serve(site) as base:
        urls = page_urls(site, base)
        if not urls:
            print(f"{site}: no HTML pages to check", file=sys.stderr)
            return 2
        print(f"checking {len(urls)} pages served from {site} at {base}", file=sys.stderr, flush=True)
        done = subprocess.run(linkchecker_command(external), input="\n".join(urls), text=True, check=False)
        return done.returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="a built site (the output folder of mkdocs build)")
    parser.add_argument("--external", action="store_true", help="also check links to other sites")
    args = parser.parse_args(argv)
    if not args.site.is_dir():
        print(f"{args.site}: no such folder", file=sys.stderr)
        return 2
    return check(args.site.resolve(), external=args.external)


if __name__ == "__main__":
    sys.exit(main())
