"""The benchmark behind `scripts/bench.py`: build demo corpora of several sizes and a bare Material
baseline with as many plain pages, in the same run, and measure what issue 6 sets targets for.

Times that are compared are measured in the same run and as ratios (full build / baseline build, time
per doubling of the corpus), because the machine's speed and its other load change from run to run.
Every build runs in a scratch copy of mkdocs.yml and docs/, so the working tree is never touched.
"""

from __future__ import annotations

import compileall
import itertools
import json
import math
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from macros import search_index
from macros.records.kinds import KIND_FOLDERS, RESERVED_IDS, VOCABULARY_MODELS
from macros.records.loading import scan
from tooling import demo

PROJECT = Path(__file__).resolve().parents[2]
"""The project whose mkdocs.yml, docs/ and macros/ the real builds use."""

MKDOCS = Path(sys.executable).with_name("mkdocs")


@dataclass
class Build:
    """One `mkdocs build` plus its search index."""

    mkdocs_s: float
    index_s: float
    cpu_s: float
    """CPU seconds (user + system) of both: what the build costs, little changed by other load."""
    mkdocs_cpu_s: float
    """CPU seconds of `mkdocs build` alone, without the search index."""
    peak_mb: float
    site: Path

    @property
    def total_s(self) -> float:
        return self.mkdocs_s + self.index_s


@dataclass
class SiteSize:
    """What a built site weighs."""

    pages: int
    bytes: int
    median_page_bytes: int
    largest_page_bytes: int
    largest_svg_bytes: int
    """The largest partner-network diagram (`<svg class="kbn" role="group">`), inline or a file."""
    map_svg_bytes: int
    """The municipalities' map on /steden/: it grows with the municipalities, not with a network."""


@dataclass
class SizeResult:
    """Every measure for one corpus size."""

    practices: int
    records: int
    validation_s: float
    """CPU seconds of `knowledge.load` (the validate command's work), fastest of a few runs."""
    generation_s: float
    """CPU seconds of `generate.build_site` and `write_site` into an empty folder (no MkDocs), fastest of
    a few runs."""
    render_s: float
    """Of which: rendering every page in memory (after validation)."""
    write_s: float
    """Of which: writing the pages and exports, into an empty folder."""
    plain_write_s: float
    """Writing the same files with plain `open().write()`: the machine's own cost of creating them."""
    generated_pages: int
    build: dict[str, Any]
    baseline: dict[str, Any]
    build_ratio: float
    """CPU time of the full build over that of the baseline build."""
    site: dict[str, Any]
    plain_baseline: dict[str, Any] = field(default_factory=dict)
    plain_ratio: float = 0.0
    """CPU time of `mkdocs build` of the site over that of the plain baseline, the median of the
    rounds (`PAIRS`): the ratio the target (1.3) applies to."""
    plain_ratios: list[float] = field(default_factory=list)
    """The ratio of each round, in the order they ran."""
    browser: dict[str, Any] = field(default_factory=dict)
    cached_validation_s: float = math.inf
    """CPU seconds of `knowledge.load` with every record file in the cache, as `mkdocs serve` reads
    the records after an edit, fastest of a few runs."""


def timed(action: Callable[[], object]) -> float:
    """Seconds `action` takes (wall clock)."""
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def per_doubling(small: tuple[int, float], large: tuple[int, float]) -> float:
    """The time factor for doubling the size, from the times at two sizes.

    (t_large / t_small) ** (log 2 / log(n_large / n_small)): 1.0 means the time does not grow,
    2.0 linear growth, 4.0 quadratic.
    """
    (n_small, t_small), (n_large, t_large) = small, large
    return float((t_large / t_small) ** (math.log(2) / math.log(n_large / n_small)))


# --- corpora and projects -------------------------------------------------------------------------


def corpus(work: Path, practices: int, seed: int = 0) -> Path:
    """A demo records folder of `practices` practices below `work`."""
    out = work / f"records-{practices}"
    demo.write_corpus(out, practices, seed)
    return out


def scratch_project(work: Path, name: str) -> Path:
    """A copy of the site's mkdocs.yml and docs/ (hand-written only: nothing is generated into it), with
    macros/ linked: a project the contributor's loop may edit."""
    project = work / name
    project.mkdir(parents=True)
    shutil.copy2(PROJECT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(PROJECT / "docs", project / "docs")
    # mkdocs-macros imports `module_name` from the folder of mkdocs.yml.
    (project / "macros").symlink_to(PROJECT / "macros", target_is_directory=True)
    return project


def records_count(root: Path) -> int:
    """Record files in a records folder (vocabularies not counted)."""
    files, _ = scan(root, KIND_FOLDERS, VOCABULARY_MODELS, RESERVED_IDS)
    return len(files)


# --- the baseline ---------------------------------------------------------------------------------

_WORDS = (  # noqa: SIM905 - a sentence reads better than a list of words
    "de stad werkt samen met partners aan een beleid voor nieuwkomers en hun gezinnen in elke wijk "
    "het lokaal bestuur brengt diensten organisaties en vrijwilligers rond de tafel om taal werk en "
    "onderwijs beter op elkaar af te stemmen zodat iedereen mee kan doen"
).split()


def baseline_page(number: int, size: int) -> str:
    """A plain Markdown page of about `size` characters: a title, headings, paragraphs and a list."""
    parts = [f"# Pagina {number}\n"]
    index = number
    while sum(map(len, parts)) < size:
        if len(parts) % 4 == 1:
            parts.append(f"\n## Onderdeel {len(parts)}\n")
        sentence = " ".join(_WORDS[(index + i) % len(_WORDS)] for i in range(18))
        parts.append(f"\n{sentence.capitalize()}. {sentence}.\n")
        if len(parts) % 5 == 0:
            parts.append("\n- " + "\n- ".join(_WORDS[index % 7 : index % 7 + 4]) + "\n")
        index += 5
    return "".join(parts)


PLAIN_WORDS = 400
"""Words in a page of the plain baseline: about a practice page's text."""


def plain_page(number: int, words: int = PLAIN_WORDS) -> str:
    """Plain Markdown of `words` words: a title, and paragraphs of 50 words under a few headings."""
    parts = [f"# Pagina {number}\n"]
    for start in range(0, words, 50):
        if start % 150 == 0:
            parts.append(f"\n## Onderdeel {start // 150 + 1}\n")
        chunk = [_WORDS[(number + start + i) % len(_WORDS)] for i in range(min(50, words - start))]
        parts.append("\n" + " ".join(chunk).capitalize() + ".\n")
    return "".join(parts)


def plain_baseline_project(work: Path, pages: int) -> Path:
    """The baseline the build's target applies to: a bare Material site of `pages` pages of about 400
    words of plain Markdown, no search plugin, and only the home page in the nav. (The other baseline's
    pages are as long as the generated Markdown, which is mostly raw HTML that the site passes through
    unparsed while the baseline has to parse it all: that inflates it.)"""
    return _material_project(work / f"plain-baseline-{pages}", pages, plain_page)


def baseline_project(work: Path, pages: int, page_chars: int) -> Path:
    """A bare Material site (the site's Material, theme only) of `pages` plain pages, only home in the nav.

    Search as the real site does it: no lunr plugin, a Pagefind index after the build.
    """
    return _material_project(work / f"baseline-{pages}", pages, lambda n: baseline_page(n, page_chars))


def _material_project(project: Path, pages: int, page: Callable[[int], str]) -> Path:
    """A bare Material project of `pages` pages whose text `page(number)` gives, only home in the nav."""
    docs = project / "docs"
    docs.mkdir(parents=True)
    (project / "mkdocs.yml").write_text(
        "site_name: Basislijn\n"
        "theme:\n  name: material\n  language: nl\n  font: false\n"
        "plugins: []\n"
        "nav:\n  - Home: index.md\n"
        "validation:\n  nav:\n    omitted_files: info\n",
        encoding="utf-8",
    )
    (docs / "index.md").write_text(page(0), encoding="utf-8")
    for number in range(1, pages):
        folder = docs / f"p{number // 500:02d}"
        folder.mkdir(exist_ok=True)
        (folder / f"pagina-{number}.md").write_text(page(number), encoding="utf-8")
    return project


# --- builds ---------------------------------------------------------------------------------------


def mkdocs_build(project: Path, site: Path, records: Path | None, log: Path, index: bool = True) -> Build:
    """`mkdocs build` of `project` into `site` in a subprocess, then its search index.

    The peak memory is the build process's own (os.wait4), not the maximum over all children so far.
    """
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if records is not None:
        env["KB_RECORDS_DIR"] = str(records)
    command = [str(MKDOCS), "build", "--strict", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    with log.open("w") as output:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=project, env=env, stdout=output, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        mkdocs_s = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"mkdocs build of {project} failed:\n{log.read_text()[-4000:]}")
    mkdocs_cpu_s = usage.ru_utime + usage.ru_stime
    before = _children_cpu()
    index_s = timed(lambda: search_index.index_site(site)) if index else 0.0
    cpu_s = mkdocs_cpu_s + _children_cpu() - before
    # ru_maxrss is in kilobytes on Linux.
    return Build(mkdocs_s, index_s, cpu_s, mkdocs_cpu_s, usage.ru_maxrss / 1024, site)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def html_pages(site: Path) -> Iterator[Path]:
    """The HTML pages of a built site, without the search bundle."""
    for path in site.rglob("*.html"):
        if "pagefind" not in path.relative_to(site).parts:
            yield path


_SVG = re.compile(rb"<svg\b[^>]*>.*?</svg>", re.DOTALL)
_DIAGRAM = re.compile(rb'<svg\b[^>]*\bclass="kbn"[^>]*\brole="group"')
_MAP = re.compile(rb'<svg\b[^>]*\baria-labelledby="kb-map-title"')


def site_size(site: Path) -> SiteSize:
    """Size on disk (search index included), page sizes, the largest network diagram (inline or a
    file) and the municipalities' map. The theme's icons and the legend's swatches are no diagram."""
    sizes = [path.stat().st_size for path in html_pages(site)]
    largest_svg = max(
        (path.stat().st_size for path in site.rglob("*.svg") if _DIAGRAM.search(path.read_bytes())),
        default=0,
    )
    map_svg = 0
    for path in html_pages(site):
        for match in _SVG.finditer(path.read_bytes()):
            if _DIAGRAM.match(match.group()):
                largest_svg = max(largest_svg, len(match.group()))
            elif _MAP.match(match.group()):
                map_svg = max(map_svg, len(match.group()))
    return SiteSize(
        pages=len(sizes),
        bytes=sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
        median_page_bytes=int(statistics.median(sizes)),
        largest_page_bytes=max(sizes),
        largest_svg_bytes=largest_svg,
        map_svg_bytes=map_svg,
    )


def generated_markdown(out: Path) -> list[Path]:
    """The Markdown pages `generate.write_site` wrote below `out`."""
    return sorted(out.rglob("*.md"))


# --- one size, and the whole run ------------------------------------------------------------------


def hand_written_pages() -> int:
    """Markdown pages of docs/ that nobody generates."""
    return sum(1 for path in (PROJECT / "docs").rglob("*.md") if "overrides" not in path.parts)


_STEPS = {
    "validation": "from macros.records import knowledge; step = lambda: knowledge.load(Path(sys.argv[1]))",
    # As `mkdocs serve` reads the records after an edit: every file in the record cache (filled by a
    # first load, not timed), so what is timed is reading the bytes and the checks across records.
    "cached validation": (
        "from macros.records import knowledge\n"
        "cache = knowledge.RecordCache()\n"
        "knowledge.load(Path(sys.argv[1]), cache=cache)\n"
        "step = lambda: knowledge.load(Path(sys.argv[1]), cache=cache)"
    ),
    "generation": (
        "from macros import generate\n"
        "def step():\n"
        "    site = generate.build_site(Path(sys.argv[1]))\n"
        "    started = time.process_time()\n"
        "    generate.write_site(site, Path(sys.argv[2]))\n"
        "    site.cpu_s['write'] = time.process_time() - started\n"
        "    return site"
    ),
}
"""What the child process runs; a step that returns a generation report also prints its stage times."""

_CHILD = """
import json, sys, time
from pathlib import Path
{step}
started = time.process_time()
result = step()
print(json.dumps({{"total": time.process_time() - started, **getattr(result, "cpu_s", {{}})}}))
"""


def step_seconds(step: str, records: Path, docs: Path | None = None) -> dict[str, float]:
    """CPU seconds one step takes on `records` in a fresh Python process (imports not counted), as
    `total` and, for generation, per stage (`load`, `render`, `write`).

    CPU time, not wall-clock time: the step is single-threaded, so on an idle machine the two agree,
    and on a shared machine CPU time is what other load disturbs least.

    A fresh process, as a contributor or MkDocs runs it: in the benchmark's own process the garbage
    of earlier sizes would slow the garbage collector and inflate the figure.
    """
    code = _CHILD.format(step=_STEPS[step])
    command = [sys.executable, "-c", code, str(records), str(docs or "")]
    done = subprocess.run(command, cwd=PROJECT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{step} failed on {records}:\n{done.stderr[-4000:]}")
    seconds: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return seconds


def plain_write_seconds(pages: list[Path], source: Path, out: Path) -> float:
    """CPU seconds to write the same files (paths below `source`, contents) below `out` with plain
    `open().write()`: what creating that many files costs on this machine, whatever writes them."""
    contents = [(page.relative_to(source), page.read_bytes()) for page in pages]
    started = time.process_time()
    for relative, content in contents:
        target = out / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "wb") as file:
            file.write(content)
    return time.process_time() - started


# --- untrusted input ---------------------------------------------------------------------------------

BODY_CHARS = 65_536
"""The most characters GitHub keeps of an issue body."""


def hostile_inputs(work: Path) -> dict[str, Path]:
    """The worst inputs of each size limit, as files below `work`: issue bodies of BODY_CHARS characters
    (a theme answer of thousands of comma-separated pieces; a line of spaces that two backtracking
    patterns read in quadratic time) and record files of MAX_FILE_BYTES (`[[[...]]]`; `- - - ...`; and
    the deepest nesting the loader allows, repeated, which it reads in full and the models refuse)."""
    from macros.contributing import issue_answers, issue_form
    from macros.records.loading import MAX_FILE_BYTES

    def body(answers: dict[str, str]) -> str:
        parts = [
            f"### {label}\n\n{answers.get(label) or issue_answers.NO_RESPONSE}"
            for label in issue_form.labels()
        ]
        return "\n\n".join(parts)

    base = body({})
    room = BODY_CHARS - len(base) + len(issue_answers.NO_RESPONSE)
    pieces = ", ".join(f"thema {n}" for n in range(room))[:room]
    spaces = "- [x] Ik heb geen gegevens" + " " * (room - 27) + "x"
    depth = (MAX_FILE_BYTES - 20) // 2
    wide = "[" * 6 + "]" * 6 + ", "
    found = {
        "issue body, a theme answer of comma-separated pieces": body({"Thema's": pieces}),
        "issue body, a tick box followed by spaces": body({issue_form.AGREEMENTS_LABEL: spaces}),
        "record file, lists nested in lists": "title: " + "[" * depth + "]" * depth + "\n",
        "record file, a list item of list items": "title: x\nlijst:\n" + "- " * (depth - 10) + "a\n",
        # The deepest nesting the loader lets through, side by side: the pre-scan and libyaml read it all.
        "record file, lists 8 deep side by side": "title: ["
        + wide * ((MAX_FILE_BYTES - 20) // len(wide))
        + "]\n",
    }
    work.mkdir(parents=True, exist_ok=True)
    paths = {}
    for number, (what, text) in enumerate(found.items()):
        path = work / (f"issue-{number}.md" if what.startswith("issue") else f"record-{number}.yml")
        path.write_text(text, encoding="utf-8")
        paths[what] = path
    return paths


_UNTRUSTED_CHILD = """
import datetime as dt, json, sys, time
from pathlib import Path
from macros.contributing import issue_answers
from macros.records.loading import read_record
records, inputs = Path(sys.argv[1]), json.loads(sys.argv[2])
seconds = {}
for what, path in inputs.items():
    path = Path(path)
    started = time.process_time()
    if path.suffix == ".md":
        outcome = issue_answers.convert(path.read_text(encoding="utf-8"), records, dt.date(2026, 12, 1))
        refused = not outcome.ok
    else:
        refused = read_record(path)[0] is None
    seconds[what] = {"cpu_s": time.process_time() - started, "chars": len(path.read_text(encoding="utf-8")),
                     "refused": refused}
print(json.dumps(seconds))
"""


def untrusted_input_seconds(work: Path, records: Path) -> dict[str, dict[str, Any]]:
    """CPU seconds the issue converter (with `records` as the records folder) and the loader take to
    refuse each of `hostile_inputs`, in a fresh process; the target is under a second each."""
    inputs = {what: str(path) for what, path in hostile_inputs(work).items()}
    command = [sys.executable, "-c", _UNTRUSTED_CHILD, str(records), json.dumps(inputs)]
    done = subprocess.run(command, cwd=PROJECT, capture_output=True, text=True, check=False, timeout=600)
    if done.returncode != 0:
        raise RuntimeError(f"the untrusted input failed:\n{done.stderr[-4000:]}")
    found: dict[str, dict[str, Any]] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


RUNS = {"validation": 5, "cached validation": 3, "generation": 3}
"""Runs of the cheap steps; the fastest counts, the least disturbed by the machine's other load."""


@dataclass
class Steps:
    """The fastest validation and generation times of one corpus, and the pages generation wrote."""

    validation_s: float = math.inf
    cached_validation_s: float = math.inf
    generation_s: float = math.inf
    render_s: float = math.inf
    write_s: float = math.inf
    plain_write_s: float = math.inf
    pages: list[Path] = field(default_factory=list)


def prepare(work: Path, sizes: list[int], log: Callable[[str], None]) -> dict[int, Path]:
    """A demo corpus per size, each in its own folder `n<size>/` below `work`.

    First the project's own modules are compiled to bytecode, as MkDocs' and Material's were when pip
    installed them: with PYTHONDONTWRITEBYTECODE set (as on this machine), or in a fresh clone, every
    build would otherwise compile them anew (0.2 CPU s a process, measured on 2026-12-06), a cost the
    plain baseline does not pay and a second run of the site does not either."""
    compileall.compile_dir(PROJECT / "macros", quiet=1)
    records = {}
    for practices in sizes:
        (work / f"n{practices}").mkdir(parents=True)
        records[practices] = corpus(work / f"n{practices}", practices)
        log(f"{practices}: corpus of {records_count(records[practices])} records written")
    return records


def step_times(
    work: Path, records: dict[int, Path], log: Callable[[str], None], most_runs: int | None = None
) -> dict[int, Steps]:
    """Validation and generation (each in a fresh process, into an empty folder) of every corpus.

    Measured in rounds that visit every size in turn, and the fastest run of each counts: a slow
    spell of this shared machine then slows one run of every size rather than all runs of one, so the
    growth per doubling compares like with like. `most_runs` caps the runs of every step (`RUNS`).
    """
    runs = {step: min(count, most_runs or count) for step, count in RUNS.items()}
    steps = {practices: Steps() for practices in records}
    for run in range(max(runs.values())):
        for practices, folder in records.items():
            step = steps[practices]
            if run < runs["validation"]:
                step.validation_s = min(step.validation_s, step_seconds("validation", folder)["total"])
            if run < runs["cached validation"]:
                cached = step_seconds("cached validation", folder)["total"]
                step.cached_validation_s = min(step.cached_validation_s, cached)
            if run < runs["generation"]:
                docs = work / f"n{practices}" / f"generated-only-{run}"
                docs.mkdir()
                seconds = step_seconds("generation", folder, docs)
                step.generation_s = min(step.generation_s, seconds["total"])
                step.render_s = min(step.render_s, seconds["render"])
                step.write_s = min(step.write_s, seconds["write"])
                step.pages = generated_markdown(docs)
                plain = work / f"n{practices}" / f"plain-write-{run}"
                step.plain_write_s = min(step.plain_write_s, plain_write_seconds(step.pages, docs, plain))
    for practices, step in steps.items():
        log(
            f"{practices}: validation {step.validation_s:.2f} s (cached {step.cached_validation_s:.2f} s), "
            f"generation {step.generation_s:.2f} s "
            f"(render {step.render_s:.2f} s, write {step.write_s:.2f} s; "
            f"plain write {step.plain_write_s:.2f} s), {len(step.pages)} pages"
        )
    return steps


PAIRS = 3
"""Rounds of the plain baseline's build and the site's, one after the other: the build's ratio is the
median of the rounds' ratios. One pair moved from 1.28 to 1.91 between runs of the same code on this
shared machine; the median of three moves less, and the report shows the rounds' spread."""


def measure_size(
    work: Path, practices: int, records: Path, steps: Steps, log: Callable[[str], None], pairs: int = PAIRS
) -> SizeResult:
    """The builds of one corpus and of its baselines, beside the step times measured before."""
    work = work / f"n{practices}"
    pages = steps.pages
    mean_chars = sum(p.stat().st_size for p in pages) // max(len(pages), 1)
    baseline_dir = baseline_project(work, len(pages) + hand_written_pages(), mean_chars)
    project = scratch_project(work, "project")
    plain_dir = plain_baseline_project(work, len(pages) + hand_written_pages())
    baseline = mkdocs_build(baseline_dir, work / "baseline-site", None, work / "baseline.log")
    log(f"{practices}: baseline build {baseline.total_s:.1f} s")
    # The plain baseline, then the site: back to back, so a slow spell of the machine hits both; the
    # search index only after the last build of the site.
    ratios = []
    for number in range(1, pairs + 1):
        plain = mkdocs_build(plain_dir, work / "plain-site", None, work / "plain.log", index=False)
        real = mkdocs_build(project, work / "site", records, work / "build.log", index=number == pairs)
        ratios.append(real.mkdocs_cpu_s / plain.mkdocs_cpu_s)
        log(
            f"{practices}: round {number} of {pairs}: plain baseline {plain.mkdocs_cpu_s:.1f} CPU s, "
            f"site {real.mkdocs_cpu_s:.1f} CPU s, ratio {ratios[-1]:.2f}"
        )
    return SizeResult(
        practices=practices,
        records=records_count(records),
        validation_s=steps.validation_s,
        cached_validation_s=steps.cached_validation_s,
        generation_s=steps.generation_s,
        render_s=steps.render_s,
        write_s=steps.write_s,
        plain_write_s=steps.plain_write_s,
        generated_pages=len(pages),
        build=_build_dict(real),
        baseline=_build_dict(baseline) | {"page_chars": mean_chars},
        build_ratio=real.cpu_s / baseline.cpu_s,
        plain_baseline=_build_dict(plain) | {"words": PLAIN_WORDS},
        plain_ratio=statistics.median(ratios),
        plain_ratios=[round(ratio, 3) for ratio in ratios],
        site=asdict(site_size(real.site)) | {"baseline_bytes": site_size(baseline.site).bytes},
    )


def _build_dict(build: Build) -> dict[str, Any]:
    return {
        "mkdocs_s": round(build.mkdocs_s, 2),
        "index_s": round(build.index_s, 2),
        "total_s": round(build.total_s, 2),
        "cpu_s": round(build.cpu_s, 2),
        "mkdocs_cpu_s": round(build.mkdocs_cpu_s, 2),
        "peak_mb": round(build.peak_mb, 1),
    }


def growth(results: list[SizeResult]) -> list[dict[str, Any]]:
    """Time factor per doubling between consecutive sizes, for each timed step."""
    steps: dict[str, Callable[[SizeResult], float]] = {
        "validation": lambda r: r.validation_s,
        "generation": lambda r: r.generation_s,
        "render": lambda r: r.render_s,
        "write": lambda r: r.write_s,
        "plain write": lambda r: r.plain_write_s,
        "build": lambda r: float(r.build["cpu_s"]),
        "baseline": lambda r: float(r.baseline["cpu_s"]),
    }
    pairs = itertools.pairwise(results)
    return [
        {"from": small.practices, "to": large.practices}
        | {
            name: round(per_doubling((small.practices, value(small)), (large.practices, value(large))), 2)
            for name, value in steps.items()
        }
        for small, large in pairs
    ]
