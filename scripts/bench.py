"""Benchmark the site at several corpus sizes: `python scripts/bench.py [--sizes 300,1000,3000]`.

For each size: a demo corpus, validation and page generation times, a full `mkdocs build` (plus the
search index) and a bare Material baseline with as many plain pages, site and page sizes, and in
headless Chromium the search bytes and the catalogue filter time. Then the contributor's loop with
`mkdocs serve`. Prints a Markdown table and writes JSON (default bench-output/bench.json).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import platform
import shlex
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tooling import bench, bench_report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="300,1000,3000", help="practices per corpus, comma-separated")
    parser.add_argument("--out", type=Path, default=Path("bench-output/bench.json"), help="the JSON file")
    parser.add_argument("--no-browser", action="store_true", help="skip the measures taken in Chromium")
    parser.add_argument("--no-loop", action="store_true", help="skip the mkdocs serve edit loop")
    parser.add_argument(
        "--pairs", type=int, default=bench.PAIRS, help="rounds of the plain baseline and the site (median)"
    )
    parser.add_argument("--runs", type=int, help="at most this many runs of validation and generation")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder (its path is printed)")
    args = parser.parse_args(argv)
    # Stopped with SIGTERM, still stop `mkdocs serve` and remove the scratch folder (finally blocks).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    sizes = sorted(int(size) for size in args.sizes.split(","))
    started = time.perf_counter()
    scratch = Path(tempfile.mkdtemp(prefix="kb-bench-"))
    try:
        data = run(
            scratch,
            sizes,
            browser=not args.no_browser,
            loop=not args.no_loop,
            pairs=args.pairs,
            runs=args.runs,
        )
    finally:
        if args.keep:
            log(f"scratch kept in {scratch}")
        else:
            shutil.rmtree(scratch)
    data["command"] = (
        "`python scripts/bench.py " + shlex.join(argv if argv is not None else sys.argv[1:]) + "`"
    )
    data["seconds"] = time.perf_counter() - started
    data["machine"] = (
        f"{os.cpu_count()} cores, {platform.python_implementation()} {platform.python_version()}"
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(bench_report.report(data))
    print(f"JSON written to {args.out}", file=sys.stderr)
    return 0


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def run(
    work: Path, sizes: list[int], browser: bool, loop: bool, pairs: int = bench.PAIRS, runs: int | None = None
) -> dict[str, Any]:
    """Every measure of the benchmark, as JSON-ready data."""
    records = bench.prepare(work, sizes, log)
    steps = bench.step_times(work, records, log, runs)
    results = []
    for size in sizes:
        result = bench.measure_size(work, size, records[size], steps[size], log, pairs)
        if browser:
            result.browser = browser_measures(result, work / f"n{size}", log)
        results.append(result)
    data: dict[str, Any] = {
        "sizes": [dataclasses.asdict(r) for r in results],
        "growth": bench.growth(results),
        "untrusted": bench.untrusted_input_seconds(work / "untrusted", records[sizes[0]]),
    }
    log(f"untrusted input: {data['untrusted']}")
    if loop:
        from tooling import bench_browser

        # On the shipped records, and on the largest demo corpus: an edit of records is taken without
        # a full build (macros/adapters/live.py), so its time should not grow with the corpus.
        largest = max(sizes)
        with bench_browser.chromium() as chromium:
            data["loop"] = [
                bench_browser.contributor_loop(work / "serve", chromium),
                bench_browser.contributor_loop(
                    work / f"serve-{largest}",
                    chromium,
                    source=records[largest],
                    corpus=f"{largest:,} demo practices",
                ),
            ]
        log(f"loop: {[(loop['corpus'], loop['seconds']) for loop in data['loop']]}")
    return data


def browser_measures(result: bench.SizeResult, work: Path, log: Any) -> dict[str, Any]:
    """A first visit to a practice page (its bytes, uncompressed and gzip-compressed, and its search
    bytes) and the catalogue filter time, in headless Chromium."""
    from tooling import bench_browser

    practice = min(path.stem for path in (work / f"records-{result.practices}").glob("*.yml"))
    with bench_browser.served(work / "site") as base, bench_browser.chromium() as chromium:
        measures = bench_browser.search_costs(chromium, base, f"praktijken/{practice}/")
        measures["filter"] = bench_browser.filter_time(chromium, base)
    log(f"{result.practices}: browser {measures}")
    return measures


if __name__ == "__main__":
    sys.exit(main())
