"""Shared fixtures: whole sites built once per test session, and the golden-page refresh option."""

from __future__ import annotations

import datetime as dt
import fcntl
import os
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
sys.path.insert(0, str(TESTS))
sys.path.insert(0, str(TESTS.parent / "scripts"))  # the tooling package: demo corpus, bench, local server

from records_folder import TODAY  # noqa: E402
from sitebuild import build_site  # noqa: E402
from tooling import demo  # noqa: E402

FIXTURE_RECORDS = TESTS / "fixtures" / "records"
FIXTURE_TODAY = dt.date(2025, 1, 15)
"""The day the fixture corpus is built and rendered on: fixed, so that its golden pages (and which of its
records read as not reviewed for two years) do not move with the calendar."""


def _once(tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], object]) -> Path:
    """Make `name` (a built site, a written corpus) once per test run, also across pytest-xdist workers.

    Without xdist this is a fresh temporary folder per session. Under xdist every worker has its own
    base folder in one shared parent: the first worker to take the lock there makes the folder, the
    others wait and use it, so that a run on two cores builds each site once and not once per worker.
    A failure is kept beside the folder, so that the waiting workers fail with the same message instead
    of building again.
    """
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        target = tmp_path_factory.mktemp(name) / name
        make(target)
        return target
    shared = tmp_path_factory.getbasetemp().parent
    target, done, failed = shared / name, shared / f"{name}.done", shared / f"{name}.failed"
    with open(shared / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if failed.exists():
            pytest.fail(failed.read_text(encoding="utf-8"), pytrace=False)
        if not done.exists():
            try:
                make(target)
            except Exception as error:
                failed.write_text(f"{name}: {error}", encoding="utf-8")
                raise
            done.touch()
    return target


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/fixtures/expected/ from the fixture corpus instead of comparing with it",
    )


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site built with `mkdocs build --strict` from the shipped practices/.

    With $KB_TEST_SITE set (the pull-request workflow sets it after its `make build` step), the site
    already built there is checked instead of building the same site a second time.
    """
    prebuilt = os.environ.get("KB_TEST_SITE")
    if prebuilt:
        site = Path(prebuilt).resolve()
        if not (site / "index.html").is_file() or not (site / "sitemap.xml").is_file():
            pytest.fail(f"KB_TEST_SITE={prebuilt}: no built site there; run `make build` first")
        return site
    return _once(tmp_path_factory, "shipped-site", lambda out: build_site(None, out))


@pytest.fixture(scope="session")
def demo_records(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo corpus of $KB_TEST_DEMO_PRACTICES (default 120) practices, written once per session."""
    count = int(os.environ.get("KB_TEST_DEMO_PRACTICES", "120"))
    return _once(tmp_path_factory, "demo-records", lambda out: demo.write_corpus(out, count))


@pytest.fixture(scope="session")
def demo_site(demo_records: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site built strictly from the demo corpus (`demo_records`)."""
    return _once(tmp_path_factory, "demo-site", lambda out: build_site(demo_records, out, today=TODAY))


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site built strictly from the small fixture corpus (tests/fixtures/records/)."""
    return _once(
        tmp_path_factory, "fixture-site", lambda out: build_site(FIXTURE_RECORDS, out, today=FIXTURE_TODAY)
    )


@pytest.fixture
def records(tmp_path: Path) -> Path:
    """A minimal valid records folder (vocabularies, source `bron-test`, city `teststad`) to extend."""
    from records_folder import minimal_records

    return minimal_records(tmp_path / "records")
