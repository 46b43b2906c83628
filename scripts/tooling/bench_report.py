"""The benchmark's Markdown table: one column per corpus size, and the targets of issue 6 beside them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Row = tuple[str, Callable[[dict[str, Any]], str], str]
"""(label, the cell of one size's result, the target at the largest size)."""


def _kb(value: float) -> str:
    return f"{value / 1000:,.0f}"


def _times(build: dict[str, Any]) -> str:
    return f"{build['cpu_s']:.1f} / {build['total_s']:.1f}"


def _browser(key: str, show: Callable[[Any], str]) -> Callable[[dict[str, Any]], str]:
    def cell(result: dict[str, Any]) -> str:
        value = result.get("browser", {}).get(key)
        return "–" if value is None else show(value)

    return cell


def _filter(result: dict[str, Any]) -> str:
    measured = result.get("browser", {}).get("filter")
    return "–" if measured is None else f"{measured['median_ms']:.1f} / {measured['max_ms']:.1f}"


def _raw_and_gzip(prefix: str) -> Callable[[dict[str, Any]], str]:
    """Uncompressed / gzip-compressed KB of the browser measure `prefix` (a first visit, its sitemap)."""

    def cell(result: dict[str, Any]) -> str:
        measured = result.get("browser", {})
        if measured.get(f"{prefix}_gzip_bytes") is None:
            return "–"
        return f"{_kb(measured[f'{prefix}_bytes'])} / {_kb(measured[f'{prefix}_gzip_bytes'])}"

    return cell


def _plain_times(r: dict[str, Any]) -> str:
    plain = r.get("plain_baseline") or {}
    return f"{plain['cpu_s']:.1f} / {plain['mkdocs_s']:.1f}" if plain else "–"


def _plain_ratio(r: dict[str, Any]) -> str:
    ratio, rounds = r.get("plain_ratio"), r.get("plain_ratios") or []
    if not ratio:
        return "–"
    if len(rounds) < 2:
        return f"{ratio:.2f}"
    return f"{ratio:.2f} ({min(rounds):.2f}–{max(rounds):.2f})"


ROWS: list[Row] = [
    ("records (practices)", lambda r: f"{r['records']:,} ({r['practices']:,})", ""),
    ("validation (CPU s)", lambda r: f"{r['validation_s']:.2f}", "< 2"),
    (
        "validation from the record cache, as under mkdocs serve (CPU s)",
        lambda r: f"{r['cached_validation_s']:.2f}" if "cached_validation_s" in r else "–",
        "",
    ),
    ("page generation, no MkDocs (CPU s)", lambda r: f"{r['generation_s']:.2f}", ""),
    ("of which render / write (CPU s)", lambda r: f"{r['render_s']:.2f} / {r['write_s']:.2f}", ""),
    ("plain open().write() of the same files (CPU s)", lambda r: f"{r['plain_write_s']:.2f}", ""),
    ("full build: mkdocs + search index (CPU s / wall s)", lambda r: _times(r["build"]), ""),
    ("baseline build, same pages (CPU s / wall s)", lambda r: _times(r["baseline"]), ""),
    ("full / baseline (CPU)", lambda r: f"{r['build_ratio']:.2f}", ""),
    (
        "plain baseline: 400 plain words a page, mkdocs build only (CPU s / wall s)",
        lambda r: _plain_times(r),
        "",
    ),
    ("mkdocs build / plain baseline (CPU), median of the rounds (lowest–highest)", _plain_ratio, "≤ 1.3"),
    (
        "peak memory, full / baseline (MB)",
        lambda r: f"{r['build']['peak_mb']:.0f} / {r['baseline']['peak_mb']:.0f}",
        "",
    ),
    ("HTML pages", lambda r: f"{r['site']['pages']:,}", ""),
    ("site on disk (MB)", lambda r: f"{r['site']['bytes'] / 1e6:,.1f}", ""),
    ("median HTML page (KB)", lambda r: _kb(r["site"]["median_page_bytes"]), "< 60"),
    ("largest network diagram SVG (KB)", lambda r: _kb(r["site"]["largest_svg_bytes"]), "< 30"),
    ("municipalities' map SVG (KB)", lambda r: _kb(r["site"].get("map_svg_bytes", 0)), ""),
    ("first visit to a practice page, uncompressed / gzip (KB)", _raw_and_gzip("page_load"), ""),
    ("of which sitemap.xml, uncompressed / gzip (KB)", _raw_and_gzip("sitemap"), ""),
    ("search, page load (KB)", _browser("search_bytes_on_load", _kb), "< 50"),
    ("search, first query (KB)", _browser("search_bytes_first_query", _kb), "< 300"),
    ("catalogue filter, median / max (ms)", _filter, "< 50"),
]


def table(results: list[dict[str, Any]]) -> str:
    """The per-size measures as a Markdown table."""
    header = ["measure", *(f"{r['practices']:,}" for r in results), "target"]
    lines = [_line(header), _line(["---"] * len(header))]
    for label, cell, target in ROWS:
        lines.append(_line([label, *(cell(r) for r in results), target]))
    return "\n".join(lines)


def growth_table(growth: list[dict[str, Any]]) -> str:
    """CPU time factor per doubling of the corpus (2.0 = linear)."""
    steps = ["validation", "generation", "render", "write", "plain write", "build", "baseline"]
    lines = [_line(["doubling", *steps, "target"]), _line(["---"] * (len(steps) + 2))]
    for pair in growth:
        cells = [f"{pair[step]:.2f}" for step in steps]
        lines.append(_line([f"{pair['from']:,} → {pair['to']:,}", *cells, "≤ 2.1"]))
    return "\n".join(lines)


def loop_line(loop: dict[str, Any]) -> str:
    """One run of the contributor's loop in one sentence."""
    return (
        f"- `mkdocs serve` on {loop.get('corpus', 'the shipped records')}: an edit to {loop['record']} "
        f"showed in the browser after {loop['seconds']:.1f} s (median of {len(loop.get('all_seconds', [0]))} "
        f"edits, slowest {max(loop.get('all_seconds', [loop['seconds']])):.1f} s; target ≤ 3 s); rebuilds "
        f"per edit: {loop.get('builds_per_edit', '?')}, of which full builds: "
        f"{loop.get('full_builds_per_edit', '?')}."
        + (
            f" A new practice showed at its address after {loop['added_seconds']:.1f} s (median of "
            f"{len(loop.get('all_added_seconds', [0]))}, slowest "
            f"{max(loop.get('all_added_seconds', [0])):.1f} s); full builds per new practice: "
            f"{loop.get('full_builds_per_added', '?')}."
            if "added_seconds" in loop
            else ""
        )
    )


def untrusted_table(untrusted: dict[str, dict[str, Any]], practices: int) -> str:
    """The refusal of each worst input at its size limit: CPU seconds, against the target of 1 s."""
    lines = [
        f"Untrusted input at its size limit (converter with the {practices:,}-practice records folder):",
        "",
        "| input | characters | refused at once | CPU s | target |",
        "| --- | --- | --- | --- | --- |",
    ]
    for what, measure in untrusted.items():
        refused = "yes" if measure["refused"] else "no (read in full)"
        lines.append(_line([what, f"{measure['chars']:,}", refused, f"{measure['cpu_s']:.3f}", "< 1"]))
    return "\n".join(lines)


def report(data: dict[str, Any]) -> str:
    """The whole Markdown report of a run."""
    parts = [table(data["sizes"])]
    if data.get("growth"):
        parts.append(growth_table(data["growth"]))
    if data.get("untrusted"):
        parts.append(untrusted_table(data["untrusted"], data["sizes"][0]["practices"]))
    if data.get("loop"):
        parts.append("Contributor's loop:\n\n" + "\n".join(loop_line(loop) for loop in data["loop"]))
    parts.append(f"Run: {data['command']} in {data['seconds']:.0f} s on {data['machine']}.")
    return "\n\n".join(parts) + "\n"


def _line(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"
