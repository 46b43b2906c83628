"""Build small records folders for tests: a minimal valid one, and records written into it inline.

`minimal_records(root)` copies the shipped vocabularies and adds one source, a city record and the
reference data of a few fictional municipalities, which is the least a practice needs to validate.
Tests then add or break records with `write_record`, and municipalities with `add_municipality`.
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
sources: [bron-test]
last_reviewed: 2026-01-15
"""

MUNICIPALITIES = [
    # id, name, province, population, centrumstad, former names
    ("teststad", "Teststad (fictief)", "antwerpen", 25_000, False, "Oudstad:2025-01-01"),
    ("stad", "Stad (fictief)", "limburg", 70_000, True, ""),
    ("netstad", "Netstad (fictief)", "oost-vlaanderen", 40_000, False, ""),
    ("grootstad", "Grootstad (fictief)", "antwerpen", 200_000, True, ""),
    ("dorp", "Dorp (fictief)", "west-vlaanderen", 8_000, False, ""),
    ("drie", "Drie (fictief)", "vlaams-brabant", 12_000, False, ""),
    ("ander", "Ander (fictief)", "limburg", 16_000, False, ""),
    ("zuid", "Zuid (fictief)", "west-vlaanderen", 31_000, False, ""),
    ("nieuw", "Nieuw (fictief)", "vlaams-brabant", 9_000, False, ""),
    ("lus", "Lus (fictief)", "oost-vlaanderen", 14_000, False, ""),
    ("demostad", "Demostad (fictief)", "antwerpen", 45_000, False, ""),
]
"""The municipalities of the minimal folder: every size class, every province, a centrumstad and a
municipality that absorbed a former one (Oudstad, merged into Teststad on 1 January 2025)."""

REFERENCE_META = """\
population_date: 2026-01-01
sources:
  nis_code: bron-test
  name: bron-test
  province: bron-test
  population: bron-test
  centrumstad: bron-test
  former_names: bron-test
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
    """A valid records folder at `root`: the vocabularies, source `bron-test`, the municipalities of
    MUNICIPALITIES and a city record for `teststad`."""
    shutil.copytree(REPO / "practices" / "vocabulary", root / "vocabulary")
    write_record(root, "sources/bron-test.yml", SOURCE)
    write_record(root, "cities/teststad.yml", CITY)
    write_record(root, "reference/municipalities.yml", REFERENCE_META)
    write_record(root, "reference/municipalities.csv", HEADER)
    for record in MUNICIPALITIES:
        add_municipality(root, *record)
    return root


HEADER = "nis_code,id,name,province,population,population_summed,centrumstad,former_names\n"


def add_municipality(
    root: Path,
    municipality_id: str,
    name: str,
    province: str = "antwerpen",
    population: int = 20_000,
    centrumstad: bool = False,
    former: str = "",
) -> None:
    """Add a row to the folder's reference data, with the next free fictional NIS code (9xxxx)."""
    path = root / "reference" / "municipalities.csv"
    rows = path.read_text(encoding="utf-8").splitlines()
    nis_code = 90_000 + len(rows)
    row = (
        f"{nis_code},{municipality_id},{name},{province},{population},,{'ja' if centrumstad else ''},{former}"
    )
    path.write_text("\n".join([*rows, row]) + "\n", encoding="utf-8")
