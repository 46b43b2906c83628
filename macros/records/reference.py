"""The reference data of the municipalities: `practices/reference/`, read and checked.

Every Flemish municipality (285 since 1 January 2025) is reference data, rebuilt from public sources by
`scripts/tooling/municipalities.py`: `municipalities.csv` (one row each: NIS code, id, name, province,
population on one reference date, centrumstad, former municipalities), `municipalities.yml` (that date
and the source of every field) and, optionally, `municipality-shapes.json` (the borders the map on
/steden/ draws). A records folder of another corpus (the demo, the test fixtures) brings its own.

The files are untrusted input like every record: bounded in size and rows, every row validated by the
`Municipality` model with its line, every shape checked to be path data of a few plain commands
before it can reach an SVG.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from macros.records import schema_errors
from macros.records.kinds import REFERENCE_FOLDER, RESERVED_IDS
from macros.records.loading import LineDict, RawRecord, read_bytes, read_record, slug
from macros.records.models import Municipality, MunicipalityReference
from macros.records.problems import Problem, quoted

CSV_FILE = "municipalities.csv"
META_FILE = "municipalities.yml"
SHAPES_FILE = "municipality-shapes.json"
FILES = (CSV_FILE, META_FILE, SHAPES_FILE)
"""The files the reference folder may hold; anything else in it is reported."""

COLUMNS = (
    "nis_code",
    "id",
    "name",
    "province",
    "population",
    "population_summed",
    "centrumstad",
    "former_names",
)
"""The header of municipalities.csv, in this order."""

MAX_ROWS = 1_000
"""Rows of municipalities.csv: Flanders has 285 municipalities; a demo corpus may invent more."""
MAX_CSV_BYTES = 200_000
MAX_SHAPES_BYTES = 400_000
"""The map of 285 simplified borders is well under 150 KB; the limit keeps a flood out of every page."""
MAX_PATH_CHARS = 20_000
"""Characters of one municipality's path data."""

_PATH = re.compile(r"[MLZmlz][-0-9 ,MLZmlz]*", re.ASCII)
"""SVG path data of move, line and close commands with integer coordinates: nothing else can reach the
map, whatever the file holds."""
_YES = {"ja": True, "": False}


@dataclass(frozen=True)
class FormerName:
    """A municipality that merged into another: what a reference to its old id is told."""

    name: str
    successor: str
    """The id of the municipality it became part of."""
    merged: str
    """The day the merger took effect, ISO."""


@dataclass
class Reference:
    """The municipalities of a records folder, with where their data comes from."""

    municipalities: dict[str, Municipality] = field(default_factory=dict)
    meta: MunicipalityReference | None = None
    former: dict[str, FormerName] = field(default_factory=dict)
    """The id a former municipality's name suggests (`kruibeke`) -> what became of it."""
    shapes: dict[str, str] = field(default_factory=dict)
    """Municipality id -> its border as SVG path data."""
    view_box: tuple[int, int, int, int] = (0, 0, 0, 0)
    raw: dict[str, RawRecord] = field(default_factory=dict)
    """File name -> the file as read, for line numbers (the YAML only)."""
    csv_path: Path | None = None
    csv_lines: dict[str, int] = field(default_factory=dict)
    """Municipality id -> its line in municipalities.csv."""

    def suggestions(self) -> dict[str, str]:
        """What a contributor might write for a municipality -> its id: every id, and the id each
        former municipality's name suggests (`kruibeke` -> `beveren-kruibeke-zwijndrecht`)."""
        choices = {key: former.successor for key, former in self.former.items()}
        choices.update((mid, mid) for mid in self.municipalities)
        return choices


def load(root: Path) -> tuple[Reference, list[Problem]]:
    """Read the reference folder below `root`; every problem found, nothing skipped in silence."""
    folder = root / REFERENCE_FOLDER
    reference = Reference()
    problems: list[Problem] = []
    csv_path = folder / CSV_FILE
    if not csv_path.is_file():
        message = (
            "de referentiegegevens van de gemeenten ontbreken; maak het bestand met "
            "scripts/tooling/municipalities.py (zie de README)"
        )
        return reference, [Problem(csv_path, 1, "", message)]
    reference.csv_path = csv_path
    problems += _read_csv(csv_path, reference)
    problems += _read_meta(folder / META_FILE, reference)
    shapes = folder / SHAPES_FILE
    if shapes.is_file():
        problems += _read_shapes(shapes, reference)
    return reference, problems


def _read_csv(path: Path, reference: Reference) -> list[Problem]:
    data, problems = read_bytes(path, MAX_CSV_BYTES)
    if data is None:
        return problems
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return [Problem(path, 1, "", "het bestand is geen UTF-8; bewaar het als UTF-8")]
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if not rows or tuple(rows[0]) != COLUMNS:
        header = ",".join(COLUMNS)
        return [Problem(path, 1, "", f"de eerste regel moet precies zijn: {header}")]
    if len(rows) - 1 > MAX_ROWS:
        return [Problem(path, 1, "", f"het bestand heeft {len(rows) - 1} rijen; hoogstens {MAX_ROWS}")]
    seen_nis: dict[str, int] = {}
    for line, row in enumerate(rows[1:], start=2):
        if len(row) != len(COLUMNS):
            message = f"de rij heeft {len(row)} kolommen; verwacht {len(COLUMNS)}, gescheiden door komma's"
            problems.append(Problem(path, line, "", message))
            continue
        values = dict(zip(COLUMNS, row, strict=True))
        municipality, row_problems = _municipality(path, line, values)
        problems += row_problems
        if municipality is None:
            continue
        if municipality.id in RESERVED_IDS:
            # /steden/index/ is the municipalities' own index page, which this row's page would replace.
            message = (
                f"de id {quoted(municipality.id)} is voorbehouden voor een pagina die de site zelf maakt"
            )
            problems.append(Problem(path, line, "id", message))
            continue
        if municipality.id in reference.municipalities:
            first = reference.csv_lines[municipality.id]
            problems.append(
                Problem(path, line, "id", f"{quoted(municipality.id)} staat ook op regel {first}")
            )
            continue
        if municipality.nis_code in seen_nis:
            message = (
                f"de NIS-code {municipality.nis_code} staat ook op regel {seen_nis[municipality.nis_code]}"
            )
            problems.append(Problem(path, line, "nis_code", message))
        seen_nis[municipality.nis_code] = line
        reference.municipalities[municipality.id] = municipality
        reference.csv_lines[municipality.id] = line
    problems += _index_former(path, reference)
    return problems


def _municipality(path: Path, line: int, values: dict[str, str]) -> tuple[Municipality | None, list[Problem]]:
    problems: list[Problem] = []
    data: dict[str, Any] = {name: values[name] for name in ("nis_code", "id", "name", "province")}
    for name in ("population_summed", "centrumstad"):
        if values[name] not in _YES:
            problems.append(
                Problem(path, line, name, f"{quoted(values[name])} kan hier niet; schrijf ja of niets")
            )
        data[name] = _YES.get(values[name], False)
    data["population"] = values["population"]
    former, former_problems = _former(values["former_names"])
    problems += [Problem(path, line, "former_names", message) for message in former_problems]
    data["former"] = former
    raw = RawRecord(path, _row(line, data))
    try:
        return Municipality.model_validate(data), problems
    except ValidationError as exc:
        return None, problems + schema_errors.to_problems(raw, Municipality, exc)


def _row(line: int, data: dict[str, Any]) -> LineDict:
    """A CSV row as the loader's mapping, every field on the row's line, for the model's messages."""
    row = LineDict()
    row.update(data)
    row.line = line
    row.key_lines = dict.fromkeys(data, line)
    return row


def _former(value: str) -> tuple[list[dict[str, str]], list[str]]:
    """`Kruibeke:2025-01-01;Zwijndrecht:2025-01-01` -> [{name, merged}, ...], and what is wrong."""
    entries, problems = [], []
    for part in filter(None, (p.strip() for p in value.split(";"))):
        name, sep, merged = part.rpartition(":")
        if not sep or not name.strip():
            problems.append(f"{quoted(part)} heeft niet de vorm Naam:JJJJ-MM-DD")
            continue
        entries.append({"name": name.strip(), "merged": merged.strip()})
    return entries, problems


def _index_former(path: Path, reference: Reference) -> list[Problem]:
    problems = []
    for municipality in reference.municipalities.values():
        for former in municipality.former:
            key = slug(former.name)
            if key in reference.municipalities:
                continue  # the merged municipality kept this name (Deinze): its id still resolves
            if key in reference.former:
                message = f"de vroegere gemeente {quoted(former.name)} staat bij twee gemeenten"
                problems.append(Problem(path, reference.csv_lines[municipality.id], "former_names", message))
                continue
            reference.former[key] = FormerName(former.name, municipality.id, former.merged.isoformat())
    return problems


def _read_meta(path: Path, reference: Reference) -> list[Problem]:
    if not path.is_file():
        message = "de herkomst van de referentiegegevens ontbreekt; maak municipalities.yml (zie de README)"
        return [Problem(path, 1, "", message)]
    raw, problems = read_record(path)
    if raw is None:
        return problems
    reference.raw[META_FILE] = raw
    try:
        reference.meta = MunicipalityReference.model_validate(raw.data)
    except ValidationError as exc:
        problems += schema_errors.to_problems(raw, MunicipalityReference, exc)
    return problems


def _read_shapes(path: Path, reference: Reference) -> list[Problem]:
    data, problems = read_bytes(path, MAX_SHAPES_BYTES)
    if data is None:
        return problems
    try:
        document = json.loads(data.decode("utf-8"))
        view_box = [int(n) for n in document["view_box"]]
        shapes = document["shapes"]
        if len(view_box) != 4 or not isinstance(shapes, dict):
            raise ValueError
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        message = 'het bestand moet JSON zijn als {"view_box": [0, 0, B, H], "shapes": {"NIS-code": "M…Z"}}'
        return [Problem(path, 1, "", message)]
    by_nis = {m.nis_code: m.id for m in reference.municipalities.values()}
    for nis_code, path_data in shapes.items():
        if nis_code not in by_nis:
            problems.append(Problem(path, 1, "shapes", f"{quoted(nis_code)} is geen NIS-code uit {CSV_FILE}"))
        elif (
            not isinstance(path_data, str)
            or len(path_data) > MAX_PATH_CHARS
            or not _PATH.fullmatch(path_data)
        ):
            message = f"de vorm van {quoted(nis_code)} is geen padtekst met alleen M, L, Z en gehele getallen"
            problems.append(Problem(path, 1, "shapes", message))
        else:
            reference.shapes[by_nis[nis_code]] = path_data
    reference.view_box = (view_box[0], view_box[1], view_box[2], view_box[3])
    return problems
