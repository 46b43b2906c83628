"""Every internal link and anchor of a built site leads somewhere, checked by lychee (the same
`scripts/linkcheck.py` the pull-request and publish workflows run), once for each site the tests build:
the shipped content, the demo corpus (every kind of page, many practices) and the fixture corpus (record
text full of Markdown, HTML and template syntax). lychee reads every link, image, stylesheet and script
of every page and every anchor. And the check can fail: a copy of the fixture site with one broken
link, one missing anchor and one missing stylesheet reports all three.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SITES = ("shipped_site", "demo_site", "fixture_site")

pytestmark = pytest.mark.site


def run(site: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(ROOT / "scripts" / "linkcheck.py"), str(site)]
    return subprocess.run(command, capture_output=True, text=True, check=False, timeout=300)


@pytest.mark.parametrize("site_fixture", SITES)
def test_every_internal_link_and_anchor_resolves(site_fixture: str, request: pytest.FixtureRequest) -> None:
    site = Path(request.getfixturevalue(site_fixture))
    done = run(site)
    assert done.returncode == 0, f"lychee found broken links or anchors:\n{done.stdout}{done.stderr}"
    assert re.search(r"\b0 Errors\b", done.stdout), done.stdout


def test_a_broken_link_anchor_and_stylesheet_are_each_reported(fixture_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(fixture_site, site)
    page = site / "praktijken" / "taalcafe-lindeburg" / "index.html"
    html = page.read_text(encoding="utf-8")
    html = html.replace('href="../../steden/lindeburg/"', 'href="../../steden/lindeburgg/"', 1)
    html = html.replace('href="#beschrijving"', 'href="#beschrijvingg"', 1)
    html = re.sub(r"assets/stylesheets/kb\.css", "assets/stylesheets/kbx.css", html, count=1)
    page.write_text(html, encoding="utf-8")
    done = run(site)
    assert done.returncode != 0
    assert "steden/lindeburgg" in done.stdout
    assert "#beschrijvingg" in done.stdout
    assert "kbx.css" in done.stdout
