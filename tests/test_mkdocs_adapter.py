"""The MkDocs adapter: generated pages in memory, one build per edit under serve, invalid records
shown in the browser without stopping the server, and nothing kept from one build to the next."""

from __future__ import annotations

import gc
import shutil
import time
import urllib.request
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest
from tooling.bench_browser import free_port, mkdocs_serve

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.site


def test_five_builds_in_one_process_leave_no_earlier_knowledge_base_alive(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from macros import generate

    alive: list[weakref.ref[object]] = []
    real_make_site = generate.make_site

    def recording(*args: object, **kwargs: object) -> generate.Site:
        site = real_make_site(*args, **kwargs)  # type: ignore[arg-type]
        alive.append(weakref.ref(site.context.kb))
        return site

    monkeypatch.setattr(generate, "make_site", recording)
    # The small fixture corpus: what is measured is what stays alive, not how long a build takes.
    monkeypatch.setenv("KB_RECORDS_DIR", str(ROOT / "tests" / "fixtures" / "records"))
    monkeypatch.setenv("KB_TODAY", "2025-01-15")
    for run in range(5):
        config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / f"site-{run}"))
        config.plugins.on_startup(command="build", dirty=False)
        build(config)
        del config
    gc.collect()
    assert [ref() is None for ref in alive] == [True] * 5
    assert not any(p.name in ("praktijken", "steden", "data") for p in (ROOT / "docs").iterdir()), (
        "a build wrote into docs/"
    )


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return str(response.read().decode("utf-8"))


def _until(predicate: object, seconds: float = 60, message: str = "") -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():  # type: ignore[operator]
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"timed out: {message}")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path, Path]]:
    """`mkdocs serve` of a copy of the shipped records: (base URL, records folder, log file)."""
    records = tmp_path / "records"
    shutil.copytree(ROOT / "practices", records)
    port = free_port()
    log = tmp_path / "serve.log"
    with mkdocs_serve(ROOT, records, port, log):
        base = f"http://127.0.0.1:{port}/"
        _until(lambda: "Mechelen" in _get(base + "steden/mechelen/"), 120)
        yield base, records, log


def _builds(log: Path) -> int:
    """Rebuilds finished: "Reloading browsers" after each. MkDocs logs each message of its build logger
    only once, so two builds as long as each other to the hundredth printed one "Documentation built in"."""
    return log.read_text(encoding="utf-8").count("Reloading browsers")


def test_under_serve_one_edit_gives_one_build_and_a_broken_record_shows_in_the_page(
    served: tuple[str, Path, Path],
) -> None:
    base, records, log = served
    page = base + "steden/mechelen/"
    builds = _builds(log)
    practice = records / "diversiteitsclausule-subsidies-mechelen.yml"
    good = practice.read_text(encoding="utf-8")
    practice.write_text(good.replace("title:", "titel:", 1), encoding="utf-8")
    _until(lambda: "De records hebben fouten" in _get(page), message=log.read_text(encoding="utf-8"))
    shown = _get(page)
    assert "onbekend veld" in shown and "diversiteitsclausule-subsidies-mechelen.yml" in shown
    assert "Mechelen" in shown, "the last good pages stay"
    text = log.read_text(encoding="utf-8")
    assert "Traceback" not in text and "onbekend veld 'titel'" in text
    practice.write_text(good, encoding="utf-8")
    _until(lambda: "De records hebben fouten" not in _get(page), message=log.read_text(encoding="utf-8"))
    time.sleep(2)  # a second build, had there been one, would have finished by now
    assert _builds(log) == builds + 2, "one build per edit: the broken one and the fix"
    assert (records / "diversiteitsclausule-subsidies-mechelen.yml").read_text(encoding="utf-8") == good
