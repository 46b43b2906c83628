"""Build small records folders for tests: a minimal valid one, and records written into it inline.

`minimal_records(root)` copies the shipped vocabularies and adds one source and one city, which is
the least a practice needs to validate. Tests then add or break records with `write_record`.
"""

from __future__ import annotations

import datetime as dt
import shutil
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

TODAY = dt.date(2026, 11, 23)
"""The day tests of made-up records count from: the records below are fresh on it (reviewed within two
years, none in the future) in any year the tests run. Pass it as `today=`, or as $KB_TODAY to a script."""

SOURCE = """\
title: Een verzonnen bron voor tests
year: 2020
"""

CITY = """\
name: Teststad (fictief)
sources: [bron-test]
last_reviewed: 2026-01-15
"""

PRACTICE = """\
title: Taalcafé
summary: Inwoners oefenen samen Nederlands.
city: teststad
themes: [taal]
sources: [bron-test]
last_reviewed: 2026-10-01
"""
"""A valid practice for the minimal folder, as `taalcafe.yml`; tests change lines of it."""


def write_record(root: Path, relative: str, text: str) -> Path:
    """Write `text` (dedented) to `root/relative`, creating folders; return the path."""
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def minimal_records(root: Path) -> Path:
    """A valid records folder at `root`: the vocabularies, source `bron-test` and city `teststad`."""
    shutil.copytree(REPO / "practices" / "vocabulary", root / "vocabulary")
    write_record(root, "sources/bron-test.yml", SOURCE)
    write_record(root, "cities/teststad.yml", CITY)
    return root
