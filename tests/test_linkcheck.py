"""Every internal link and anchor of a built site leads somewhere, checked by LinkChecker (the same
`scripts/linkcheck.py` the pull-request workflow runs), once for each site the tests build: the shipped
content, the demo corpus (every kind of page, many practices) and the fixture corpus (record text full
of Markdown, HTML and template syntax). LinkChecker reads every link, image and stylesheet of every
page and every anchor, more than the walk in tests/test_site.py did; that walk was dropped.

LinkChecker keeps one core busy for most of a minute per site, so the three checks run side by side:
they start together, and each test waits for its own.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pytest
from sitebuild import SiteBuildFailed

ROOT = Path(__file__).resolve().parent.parent
SITES = ("shipped_site", "demo_site", "fixture_site")
FAILED_BUILDS: dict[str, SiteBuildFailed] = {}
"""Site fixture name -> why it did not build."""

pytestmark = pytest.mark.site


@pytest.fixture(scope="module")
def checks(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, tuple[subprocess.Popen[str], IO[str]]]]:
    """Site fixture name -> its running link check and the file its report goes to; or, for a site
    that does not build, the build's failure, which its own test raises (the others still run)."""
    sites: dict[str, Path] = {}
    for name in SITES:
        try:
            sites[name] = Path(request.getfixturevalue(name))
        except SiteBuildFailed as exc:
            FAILED_BUILDS[name] = exc
    reports = tmp_path_factory.mktemp("linkcheck")
    running = {}
    for name, site in sites.items():
        report = (reports / f"{name}.txt").open("w+", encoding="utf-8")
        command = [sys.executable, str(ROOT / "scripts" / "linkcheck.py"), str(site)]
        process = subprocess.Popen(command, stdout=report, stderr=subprocess.STDOUT, text=True)
        running[name] = (process, report)
    yield running
    for process, report in running.values():
        if process.poll() is None:
            process.kill()
            process.wait()
        report.close()


@pytest.mark.parametrize("site_fixture", SITES)
def test_every_internal_link_and_anchor_resolves(
    site_fixture: str, checks: dict[str, tuple[subprocess.Popen[str], IO[str]]]
) -> None:
    if site_fixture in FAILED_BUILDS:
        raise FAILED_BUILDS[site_fixture]
    process, report = checks[site_fixture]
    returncode = process.wait(timeout=600)
    report.seek(0)
    output = report.read()
    assert returncode == 0, (
        f"LinkChecker found broken links or anchors:\n{output.split('Start checking at', 1)[-1]}"
    )
    assert "0 errors found" in output, output
