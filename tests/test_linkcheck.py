"""Every internal link and anchor of a built site leads somewhere, checked by LinkChecker (the same
`scripts/linkcheck.py` the pull-request workflow runs), once for each site the tests build: the shipped
content, the demo corpus (every kind of page, many practices) and the fixture corpus (record text full
of Markdown, HTML and template syntax). LinkChecker reads every link, image and stylesheet of every
page and every anchor, more than the walk in tests/test_site.py did; that walk was dropped."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.site


@pytest.mark.parametrize("site_fixture", ["shipped_site", "demo_site", "fixture_site"])
def test_every_internal_link_and_anchor_resolves(site_fixture: str, request: pytest.FixtureRequest) -> None:
    site: Path = request.getfixturevalue(site_fixture)
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "linkcheck.py"), str(site)],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    report = done.stdout.split("Start checking at", 1)[-1]
    assert done.returncode == 0, f"LinkChecker found broken links or anchors:\n{report}\n{done.stderr}"
    assert "0 errors found" in done.stdout, done.stdout
