"""Where a whole `mkdocs build` spends its time: `python scripts/profile_build.py [--practices 1000]`.

Builds a fictional demo corpus, runs `mkdocs build` under cProfile in a fresh process, and splits the
profile into the build's stages: validation, page generation, the mkdocs-macros plugin, rendering each
page (Python-Markdown, or the record pages' fast path), Material's per-page templates or a page's
skeleton (with the share of its nav and table of contents), writing the files, and the rest. Then the
functions with the most time of their own.

cProfile slows Python code down two to three times, most where a stage makes many small calls, so the
shares are what to compare, not the seconds; `make bench` measures the real CPU time. Its clock is the
wall clock (a CPU-time clock costs a system call per function call, which distorts far more), so run it
on a quiet machine.
"""

from __future__ import annotations

import argparse
import os
import pstats
import subprocess
import sys
import tempfile
from pathlib import Path

from tooling import bench

VALIDATION = "validation (knowledge.build)"
GENERATION = "page generation, pages and exports (generate.make_site)"
TEMPLATES = "Material's templates, per page, or the page's skeleton"

STAGES: list[tuple[str, str, str, str | None]] = [
    (VALIDATION, "macros/records/knowledge.py", "build", None),
    (GENERATION, "macros/generate.py", "make_site", None),
    ("mkdocs-macros plugin (its hooks)", "mkdocs_macros/plugin.py", "on_*", None),
    ("rendering the pages (Markdown, or the fast path)", "mkdocs/commands/build.py", "_populate_page", None),
    (TEMPLATES, "mkdocs/commands/build.py", "_build_page", None),
    ("  of which the nav and table of contents", "material/templates/base.html", "block_site_nav", None),
    ("writing the files", "mkdocs/utils/__init__.py", "write_file", TEMPLATES),
]
"""(stage, file, function, called from): a stage is the cumulative time of that function (a trailing *
matches a prefix) in files whose path ends so. A stage called from another (_build_page writes its
file) is taken off that one's time. A stage indented by two spaces is a part of
the one above it, shown but not counted apart."""


def _cumulative(stats: pstats.Stats, where: str, function: str) -> float:
    """Cumulative seconds of the functions named `function` in files whose path ends with `where`."""
    total = 0.0
    for (path, _, name), (_, _, _, cumulative, _) in stats.stats.items():  # type: ignore[attr-defined]
        matches = name.startswith(function[:-1]) if function.endswith("*") else name == function
        if path.endswith(where) and matches:
            total += cumulative
    return total


def stage_table(stats: pstats.Stats) -> list[tuple[str, float]]:
    """(stage, profiled seconds): the stages above, then the rest of the build."""
    total = stats.total_tt  # type: ignore[attr-defined]
    seconds = {name: _cumulative(stats, where, function) for name, where, function, _ in STAGES}
    for name, _, _, caller in STAGES:
        if caller:
            seconds[caller] -= seconds[name]
    rows = list(seconds.items())
    counted = sum(value for name, value in rows if not name.startswith("  "))
    return [*rows, ("the rest (start-up, nav, sitemap, assets, ...)", total - counted), ("total", total)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--practices", type=int, default=1000, help="practices in the demo corpus")
    parser.add_argument("--top", type=int, default=15, help="functions to list by their own time")
    parser.add_argument("--out", type=Path, help="keep the profile in this file (for snakeviz, pstats)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kb-profile-") as scratch:
        work = Path(scratch)
        records = bench.corpus(work, args.practices)
        project = bench.scratch_project(work, "project")
        profile = args.out or work / "build.prof"
        env = dict(os.environ, KB_RECORDS_DIR=str(records), NO_MKDOCS_2_WARNING="1")
        command = [sys.executable, "-m", "cProfile", "-o", str(profile), str(bench.MKDOCS)]
        command += ["build", "--strict", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(work / "site")]
        subprocess.run(command, cwd=project, env=env, check=True)
        stats = pstats.Stats(str(profile))
    print(f"mkdocs build of {args.practices:,} demo practices under cProfile (profiled seconds)\n")
    print("| stage | s | share |\n| --- | --- | --- |")
    table = stage_table(stats)
    total = table[-1][1]
    for name, seconds in table:
        print(f"| {name} | {seconds:.2f} | {seconds / total:.0%} |")
    print(f"\nTop {args.top} functions by their own time:\n")
    stats.sort_stats("tottime").print_stats(args.top)
    return 0
