"""Write a fictional records folder: `python scripts/demo_corpus.py --practices N --out DIR [--seed S]`.

Cities, organisations, learning networks and leervragen come in proportion (about N/10, N/5, N/100 and
N/10). The same seed gives the same bytes. Point any command or the site build at the result with
KB_RECORDS_DIR=DIR.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tooling import demo


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--practices", type=int, required=True, help="number of good practices (N >= 1)")
    parser.add_argument("--out", type=Path, required=True, help="folder to write; must not exist or be empty")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument(
        "--replace", action="store_true", help="first remove OUT if it holds an older demo corpus"
    )
    args = parser.parse_args(argv)
    if args.practices < 1:
        parser.error("--practices must be at least 1")
    out: Path = args.out
    if args.replace and demo.is_demo_corpus(out):
        shutil.rmtree(out)
    started = time.perf_counter()
    try:
        demo.write_corpus(out, args.practices, args.seed)
    except FileExistsError:
        hint = " (it holds a demo corpus: add --replace)" if demo.is_demo_corpus(out) else ""
        print(f"{out}: the folder is not empty{hint}", file=sys.stderr)
        return 2
    elapsed = time.perf_counter() - started
    print(f"wrote a demo corpus of {args.practices} practices to {out} in {elapsed:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
