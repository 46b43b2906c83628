"""`mkdocs serve` never dies on a record: started with a records folder that has a mistake, it comes up.

Before, the first build had no last good site to fall back on: it went on without any generated page,
and strict mode stopped the server with 26 English warnings about missing pages. Now the pages the site
makes at fixed places hold just the Dutch problems, every hand-written page shows them on top, and
saving the fix brings the whole site. Each case starts a real `mkdocs serve` of a copy of the fixture
records, as tests/test_mkdocs_adapter.py does.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import FIXTURE_RECORDS, FIXTURE_TODAY
from test_mkdocs_adapter import ROOT, _get, _until
from tooling.bench_browser import free_port, mkdocs_serve

pytestmark = pytest.mark.site

NO_GOOD_VERSION = (
    "Er is nog geen versie zonder fouten om te tonen. Verbeter deze regels en bewaar het bestand:"
)


def _stray_file(records: Path) -> Callable[[], None]:
    stray = records / "LEESMIJ"
    stray.write_text("notities\n", encoding="utf-8")
    return stray.unlink


def _syntax_error(records: Path) -> Callable[[], None]:
    practice = records / "taalcafe-beekveld.yml"
    good = practice.read_text(encoding="utf-8")
    practice.write_text(
        good.replace("title: Taalcafé Beekveld", 'title: "Taalcafé Beekveld'), encoding="utf-8"
    )
    return lambda: practice.write_text(good, encoding="utf-8")


def _broken_reference(records: Path) -> Callable[[], None]:
    practice = records / "taalcafe-beekveld.yml"
    good = practice.read_text(encoding="utf-8")
    practice.write_text(good.replace("themes: [taal]", "themes: [taall]"), encoding="utf-8")
    return lambda: practice.write_text(good, encoding="utf-8")


@pytest.mark.parametrize(
    ("spoil", "problem"),
    [
        (
            _stray_file,
            "LEESMIJ:1: hier horen alleen records, bestanden die op `.yml` eindigen; "
            "verplaats of verwijder dit bestand",
        ),
        (
            _syntax_error,
            "taalcafe-beekveld.yml:1: een aanhalingsteken wordt niet gesloten, of er staat een \\ in; "
            "sluit de tekst af met hetzelfde teken",
        ),
        (
            _broken_reference,
            "taalcafe-beekveld.yml:4: themes[0]: 'taall' is geen thema uit practices/vocabulary/themes.yml; "
            "bedoel je 'taal'?",
        ),
    ],
    ids=["stray file", "syntax error", "broken reference"],
)
def test_serve_starts_on_invalid_records_shows_the_problems_and_recovers(
    tmp_path: Path, spoil: Callable[[Path], Callable[[], None]], problem: str
) -> None:
    records = tmp_path / "records"
    shutil.copytree(FIXTURE_RECORDS, records)
    repair = spoil(records)
    port = free_port()
    log = tmp_path / "serve.log"
    with mkdocs_serve(ROOT, records, port, log, today=FIXTURE_TODAY) as process:
        base = f"http://127.0.0.1:{port}/"
        # Until it serves, or stops (as it did: "Aborted with 26 warnings in strict mode!").
        _until(lambda: process.poll() is not None or "Serving on" in log.read_text(encoding="utf-8"), 120)
        assert process.poll() is None, log.read_text(encoding="utf-8")
        text = log.read_text(encoding="utf-8")
        assert "Aborted" not in text and "Traceback" not in text, text
        assert problem in text
        shown = f"{records.as_posix()}/{problem}".replace("'", "&#39;")
        for page in ("", "praktijken/", "overzicht/", "steden/", "bijdragen/velden/", "over/"):
            html = _get(base + page)
            assert NO_GOOD_VERSION in html and shown in html, page
        catalogue = _get(base + "praktijken/")
        assert "Deze pagina wordt gemaakt uit de records, en die hebben nog fouten" in catalogue
        repair()
        practice = base + "praktijken/taalcafe-beekveld/"
        _until(lambda: "Taalcafé Beekveld" in _get(practice), 120, log.read_text(encoding="utf-8"))
        assert "De records hebben fouten" not in _get(practice) + _get(base)
