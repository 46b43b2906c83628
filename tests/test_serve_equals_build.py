"""What `mkdocs serve` shows after a series of edits is what a full build of the same records makes.

A rebuild under serve keeps things between builds that a build does not: the last good site (shown while
the records are invalid), Jinja's compiled templates, the hook module. Each build's theme cache is its
own (macros/adapters/theme_cache.py). This test edits a copy of the fixture records while the server
runs (a title changed, a practice added, a record broken and mended, the new practice removed again,
a title, a partner's name, a mistake and its fix, and the partner's name once more: all taken without a
full build, macros/adapters/live.py),
waits for each rebuild, and then compares every file the server serves with a fresh build of the final
records for the same address, under MkDocs and under ProperDocs (`make serve BUILDER=properdocs`).
"""

from __future__ import annotations

import gzip
import re
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import FIXTURE_RECORDS, FIXTURE_TODAY
from test_mkdocs_adapter import ROOT, _builds, _get, _until
from tooling.bench_browser import free_port, mkdocs_serve

pytestmark = pytest.mark.site

MKDOCS = Path(sys.executable).parent / "mkdocs"
LIVERELOAD = re.compile(rb"<script>\s*var livereload = .*?</script>(?=</body>)", re.DOTALL)
"""The script `mkdocs serve` puts before `</body>` of every page it serves."""


def _fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as response:
        return bytes(response.read())


LIVE_LINE = "Records opnieuw gelezen zonder volledige build"
"""What the server logs when it takes an edit of records without a full build."""


def _log_count(log: Path, text: str) -> int:
    return log.read_text(encoding="utf-8").count(text)


def _full_builds(log: Path) -> int:
    """Full builds so far: MkDocs logs "Building documentation..." at the start of each."""
    return _log_count(log, "Building documentation...")


def _edit(records: Path, log: Path, change: str, edit: object) -> None:
    """Make `edit` (a callable) and wait for the rebuild it starts."""
    builds = _builds(log)
    edit()  # type: ignore[operator]
    _until(lambda: _builds(log) > builds, 120, f"no rebuild after: {change}\n" + log.read_text("utf-8"))


@pytest.mark.parametrize("builder", ["mkdocs", "properdocs"])
def test_after_a_series_of_edits_the_served_site_equals_a_full_build(tmp_path: Path, builder: str) -> None:
    records = tmp_path / "records"
    shutil.copytree(FIXTURE_RECORDS, records)
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    log = tmp_path / "serve.log"
    practice = records / "taalcafe-beekveld.yml"
    original = practice.read_text(encoding="utf-8")
    added = records / "praatgroep-beekveld.yml"
    with mkdocs_serve(ROOT, records, port, log, today=FIXTURE_TODAY, builder=builder):
        _until(lambda: "Taalcafé Beekveld" in _get(base + "praktijken/taalcafe-beekveld/"), 120)
        full = _full_builds(log)
        changed = original.replace("title: Taalcafé Beekveld", "title: Taalcafé Beekveld aan de kerk")
        _edit(records, log, "a title", lambda: practice.write_text(changed, encoding="utf-8"))
        new = original.replace("title: Taalcafé Beekveld", "title: Praatgroep Beekveld")
        _edit(records, log, "a new practice", lambda: added.write_text(new, encoding="utf-8"))
        assert "Praatgroep Beekveld" in _get(base + "praktijken/praatgroep-beekveld/")
        broken = changed.replace("themes: [taal]", "themes: [taall]")
        _edit(records, log, "a broken record", lambda: practice.write_text(broken, encoding="utf-8"))
        shown = _get(base + "praktijken/taalcafe-beekveld/")
        assert "De records hebben fouten" in shown and "aan de kerk" in shown, "the last good version"
        _edit(records, log, "the record mended", lambda: practice.write_text(changed, encoding="utf-8"))
        assert "De records hebben fouten" not in _get(base + "praktijken/taalcafe-beekveld/")
        _edit(records, log, "the new practice removed", added.unlink)
        assert "aan de kerk" in _get(base + "praktijken/taalcafe-beekveld/")
        # Edits of records are taken without a full build (macros/adapters/live.py): every page is
        # made again when it is asked for. The comparison below asks for all of them.
        final = changed.replace(
            "title: Taalcafé Beekveld aan de kerk", "title: Taalcafé Beekveld op het plein"
        )
        _edit(records, log, "a title, again", lambda: practice.write_text(final, encoding="utf-8"))
        assert "op het plein" in _get(base + "praktijken/taalcafe-beekveld/")
        partner = records / "organisations" / "buurtwerk-demo.yml"
        renamed = partner.read_text(encoding="utf-8").replace(
            "name: Buurtwerk Demo", "name: Buurtwerk Demostad"
        )
        _edit(records, log, "a partner's name", lambda: partner.write_text(renamed, encoding="utf-8"))
        # A mistake after such edits shows the last good version, which is theirs, and the problems.
        broken = final.replace("themes: [taal]", "themes: [taall]")
        _edit(records, log, "broken again", lambda: practice.write_text(broken, encoding="utf-8"))
        shown = _get(base + "praktijken/taalcafe-beekveld/")
        assert "De records hebben fouten" in shown and "op het plein" in shown
        _edit(records, log, "mended again", lambda: practice.write_text(final, encoding="utf-8"))
        assert "De records hebben fouten" not in _get(base + "praktijken/taalcafe-beekveld/")
        _edit(
            records,
            log,
            "a partner's name, again",
            lambda: partner.write_text(renamed.replace("Demostad", "Demostede"), encoding="utf-8"),
        )
        # A practice that comes and stays: its page and comparison file join the files in the order
        # of a full build, and the sitemap lists it (the comparison below reads both).
        stays = records / "aaa-buurtpraat-beekveld.yml"
        first = original.replace("title: Taalcafé Beekveld", "title: Buurtpraat Beekveld")
        _edit(records, log, "a practice that stays", lambda: stays.write_text(first, encoding="utf-8"))
        # An edit before anyone asked for the new sitemap leaves it out of date, not as it was.
        retitled = first.replace("title: Buurtpraat Beekveld", "title: Buurtpraat Beekveld op vrijdag")
        _edit(records, log, "its title", lambda: stays.write_text(retitled, encoding="utf-8"))
        assert _full_builds(log) == full, "an edit of records started a full build"
        assert _log_count(log, LIVE_LINE) >= 10

        built = tmp_path / "built"
        env = {
            "PATH": "/usr/bin:/bin",
            "KB_RECORDS_DIR": str(records),
            "KB_TODAY": FIXTURE_TODAY.isoformat(),
            "KB_SITE_URL": base,
            "NO_MKDOCS_2_WARNING": "1",
            "PYTHONDONTWRITEBYTECODE": "1",  # nothing written into the watched code folder
        }
        done = subprocess.run(
            [str(MKDOCS.with_name(builder)), "build", "--strict", "-f", "mkdocs.yml", "-d", str(built)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        files = sorted(p.relative_to(built).as_posix() for p in built.rglob("*") if p.is_file())
        assert "praktijken/taalcafe-beekveld/index.html" in files
        assert "praktijken/praatgroep-beekveld/index.html" not in files
        assert "praktijken/aaa-buurtpraat-beekveld/index.html" in files
        different = []
        for relative in files:
            served = _fetch(base + relative)
            expected = (built / relative).read_bytes()
            if relative.endswith(".html"):
                served = LIVERELOAD.sub(b"", served)
            if relative.endswith(".gz"):  # gzip's header holds the time it was written
                served, expected = gzip.decompress(served), gzip.decompress(expected)
            if served != expected:
                different.append(relative)
        assert not different, different[:10]
        assert _full_builds(log) == full, "the server made a full build before the comparison"
        # The removed practice is gone from the served site too, not left from an earlier build.
        with pytest.raises(urllib.error.HTTPError):
            _fetch(base + "praktijken/praatgroep-beekveld/")
