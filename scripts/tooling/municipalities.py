"""Rebuild the reference data of Flanders' 285 municipalities from stored raw source files.

Usage: ``python scripts/tooling/municipalities.py --raw /work/data-raw --out practices/reference``

Writes ``municipalities.csv`` and ``municipality-shapes.json`` into ``--out`` (``municipalities.yml`` and
the source records in ``practices/sources/`` are written by hand). Same input, same bytes.

Raw files expected in ``--raw`` (kept outside the repository; none of them is committed):

``pic_gemeente_2025.geojson``
    The municipalities since 1 January 2025 (NIS code ``geoitem``, official Dutch name ``naam``, 2025
    borders, WGS84), simplified by Provincies in Cijfers from Statbel's statistical sectors 2025.
    Repository provinciesincijfers/gebiedsniveaus, commit 3b1b6d8d3548e495f597db134f437f0d08898535,
    path ``data_voor_swing/shapefiles/gemeente.txt`` (last changed 2026-03-09). Licence: the geometry
    derives from Statbel's open data (Statbel "Licentie open data", 2015: reuse and adaptation allowed
    with attribution); the repository states no licence of its own for this folder.
``pic_wijzigende_gebiedsindelingen.md``
    The tables of the 2019 and 2025 mergers (old NIS code and name -> new NIS code and name), same
    repository and commit, path ``wijzigende_gebiedsindelingen.md`` (last changed 2026-03-09), after
    Statbel's page on the geographical classification.
``TU_COM_REFNIS.txt``
    Statbel's REFNIS code list (pipe-separated, with validity dates; the 2019 vintage, before the 2025
    codes), used for the province of every arrondissement and to check the 2019 mergers. Repository
    gehuybre/data-blog, commit 3d8ad01d921d2e955a2fe4128ad68ba84ff787ef, path
    ``embuild-analyses/shared-data/nis/TU_COM_REFNIS.txt``; Statbel
    https://statbel.fgov.be/nl/open-data/code-refnis. Licence: Statbel open data (CC BY 4.0).
``population/age65_pct.csv``
    Statbel's population per municipality on 1 January 2026 (565 municipalities with their 2025 NIS
    codes, so no merged municipality needs a sum), column ``population``: MS_POPULATION of Statbel's
    open data file TF_SOC_POP_STRUCT_2026 summed per CD_REFNIS by the repository
    DennisHedegreen/belgium-politics-data, commit fa1fee02655a322edf9e533a156dfa709feea798, path
    ``belgium/factors/age65_pct.csv`` (its ``provenance/belgium_age65_manifest.json`` gives the
    sha256 of Statbel's zip and the national total, 11,867,634); Statbel
    https://statbel.fgov.be/nl/open-data/bevolking-naar-woonplaats-nationaliteit-burgerlijke-staat-leeftijd-en-geslacht-10.
    Licence: Statbel open data (reuse with attribution; CC BY 4.0 per data.europa.eu); the repository
    states no licence of its own. ``population/README.txt`` beside it says how it was obtained.

Derived here: the province (from the REFNIS hierarchy of the arrondissement, the first two digits),
the ids (python-slugify of the name), the centrumsteden (Statistiek Vlaanderen, hard-coded below),
and the map: projected to Belgian Lambert 72 (EPSG:31370), simplified on shared arcs (topojson),
scaled to a view box about 1000 wide, integer coordinates. ``population_summed`` stays empty: the
population date follows the 2025 mergers, so every population is Statbel's own figure (the column
would say ``ja`` for a site's own sum over former municipalities, were the date ever before a merger).
"""

from __future__ import annotations

import argparse
import csv
import io
import itertools
import json
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from slugify import slugify

CSV_HEADER = [
    "nis_code",
    "id",
    "name",
    "province",
    "population",
    "population_summed",
    "centrumstad",
    "former_names",
]

# Statistiek Vlaanderen, Stadsmonitor: the 13 centrumsteden (source statistiek-vlaanderen-stadsmonitor).
CENTRUMSTEDEN = frozenset(
    {
        "Aalst",
        "Antwerpen",
        "Brugge",
        "Genk",
        "Gent",
        "Hasselt",
        "Kortrijk",
        "Leuven",
        "Mechelen",
        "Oostende",
        "Roeselare",
        "Sint-Niklaas",
        "Turnhout",
    }
)

PROVINCE_IDS = {
    "10000": "antwerpen",
    "20001": "vlaams-brabant",
    "30000": "west-vlaanderen",
    "40000": "oost-vlaanderen",
    "70000": "limburg",
}

MERGER_DATES = {"2025": "2025-01-01", "2019": "2019-01-01"}

# The reference date of the population, and Belgium's total on that date as the copy read states it
# (provenance/belgium_age65_manifest.json, the sum of Statbel's TF_SOC_POP_STRUCT_2026): the file must
# hold exactly the whole country, no municipality missing or counted twice.
POPULATION_DATE = "2026-01-01"
BELGIUM_POPULATION = 11_867_634

VIEW_WIDTH = 1000
SIMPLIFY_METRES = 120.0


def is_flemish(nis_code: str) -> bool:
    """Flemish codes: Antwerpen 1xxxx, Vlaams-Brabant 23xxx/24xxx, West 3xxxx, Oost 4xxxx, Limburg 7xxxx."""
    return bool(re.fullmatch(r"(1\d|2[34]|3\d|4\d|7\d)\d{3}", nis_code))


def read_refnis(path: Path) -> dict[str, dict[str, str]]:
    """Code -> row; where a code has several validity periods (arrondissement 23000 under Brabant until
    1994, then under Vlaams-Brabant), the latest period wins."""
    rows: dict[str, dict[str, str]] = {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="|"):
            known = rows.get(row["CD_REFNIS"])
            if known is None or end_date(row) > end_date(known):
                rows[row["CD_REFNIS"]] = row
    return rows


def end_date(row: dict[str, str]) -> str:
    day, month, year = row["DT_VLDT_END"].split("/")
    return f"{year}{month}{day}"


def province_of(nis_code: str, refnis: dict[str, dict[str, str]]) -> str:
    arrondissement = refnis[nis_code[:2] + "000"]
    return PROVINCE_IDS[arrondissement["CD_SUP_REFNIS"]]


def read_mergers(path: Path) -> list[tuple[str, str, str, str, str]]:
    """(year, old code, old name, new code, new name) from the markdown tables of the two merger sections."""
    rows: list[tuple[str, str, str, str, str]] = []
    year = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        heading = re.match(r"## Gemeentefusies 1 januari (\d{4})", line)
        if heading:
            year = heading.group(1)
            continue
        if line.startswith("## "):
            year = ""
        cells = [cell.strip() for cell in line.split("|")]
        if year and len(cells) == 4 and re.fullmatch(r"\d{5}", cells[0]):
            old_code, old_name, new_code, new_name = cells
            if is_flemish(new_code):
                rows.append((year, old_code, old_name, new_code, new_name))
    return rows


def read_population(path: Path) -> dict[str, int]:
    """NIS code -> population on POPULATION_DATE, every row of the file (all of Belgium), checked
    against the national total the source states for that date."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    dates = {row["reference_period"] for row in rows}
    if dates != {POPULATION_DATE}:
        raise SystemExit(
            f"municipalities: {path.name} has reference dates {sorted(dates)}, not {POPULATION_DATE}"
        )
    population = {row["public_geography_id"]: int(row["population"]) for row in rows}
    if len(population) != len(rows) or sum(population.values()) != BELGIUM_POPULATION:
        raise SystemExit(
            f"municipalities: {path.name} sums to {sum(population.values())} over {len(rows)} rows, "
            f"not Belgium's {BELGIUM_POPULATION} on {POPULATION_DATE}"
        )
    return population


def read_features(path: Path) -> list[dict[str, Any]]:
    collection = json.loads(path.read_text(encoding="utf-8"))
    features: list[dict[str, Any]] = [
        feature for feature in collection["features"] if is_flemish(feature["properties"]["geoitem"])
    ]
    return sorted(features, key=lambda feature: str(feature["properties"]["geoitem"]))


def build_rows(raw: Path) -> list[dict[str, str]]:
    refnis = read_refnis(raw / "TU_COM_REFNIS.txt")
    mergers = read_mergers(raw / "pic_wijzigende_gebiedsindelingen.md")
    population = read_population(raw / "population" / "age65_pct.csv")
    features = read_features(raw / "pic_gemeente_2025.geojson")

    former: dict[str, list[str]] = {}
    for year, _old_code, old_name, new_code, new_name in mergers:
        # A municipality that kept its name (Deinze absorbing Nevele, Hasselt absorbing Kortessem) does
        # not list itself; one whose name changed (Beveren in Beveren-Kruibeke-Zwijndrecht) does.
        if old_name != new_name:
            former.setdefault(new_code, []).append(f"{old_name}:{MERGER_DATES[year]}")

    rows: list[dict[str, str]] = []
    for feature in features:
        code = str(feature["properties"]["geoitem"])
        name = str(feature["properties"]["naam"])
        if code not in population:
            raise SystemExit(f"municipalities: no population for {code} {name}")
        rows.append(
            {
                "nis_code": code,
                "id": slugify(name),
                "name": name,
                "province": province_of(code, refnis),
                "population": str(population[code]),
                "population_summed": "",
                "centrumstad": "ja" if name in CENTRUMSTEDEN else "",
                "former_names": ";".join(sorted(former.get(code, []), key=lambda item: (item[-10:], item))),
            }
        )
    check_rows(rows, refnis, mergers)
    return rows


def check_rows(
    rows: Sequence[dict[str, str]],
    refnis: dict[str, dict[str, str]],
    mergers: Iterable[tuple[str, str, str, str, str]],
) -> None:
    codes = [row["nis_code"] for row in rows]
    ids = [row["id"] for row in rows]
    problems = []
    if len(rows) != 285:
        problems.append(f"{len(rows)} municipalities, expected 285")
    if len(set(codes)) != len(codes) or len(set(ids)) != len(ids):
        problems.append("duplicate nis_code or id")
    if sum(row["centrumstad"] == "ja" for row in rows) != 13:
        problems.append("not 13 centrumsteden")
    for year, old_code, _old_name, new_code, _new_name in mergers:
        # The REFNIS vintage ends the 2019 former municipalities on 31/12/2018 and starts their successors.
        if year == "2019" and refnis[old_code]["DT_VLDT_END"] != "31/12/2018":
            problems.append(f"{old_code} does not end on 31/12/2018 in REFNIS")
        if year == "2019" and refnis[new_code]["DT_VLDT_START"] != "01/01/2019":
            problems.append(f"{new_code} does not start on 01/01/2019 in REFNIS")
    if problems:
        raise SystemExit("municipalities: " + "; ".join(problems))


def write_csv(rows: Sequence[dict[str, str]], path: Path) -> None:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_HEADER, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode("utf-8"))


# --- the map -------------------------------------------------------------------------------------


def projected_features(features: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The features in Belgian Lambert 72 metres (EPSG:31370), north up."""
    import numpy
    from pyproj import Transformer
    from shapely import transform
    from shapely.geometry import mapping, shape

    to_lambert = Transformer.from_crs("EPSG:4326", "EPSG:31370", always_xy=True)

    def project(coordinates: Any) -> Any:
        x, y = to_lambert.transform(coordinates[:, 0], coordinates[:, 1])
        return numpy.column_stack([x, y])

    result = []
    for feature in features:
        geometry = transform(shape(feature["geometry"]), project)
        result.append(
            {
                "type": "Feature",
                "properties": {"nis": feature["properties"]["geoitem"]},
                "geometry": mapping(geometry),
            }
        )
    return result


def ring_area(points: Sequence[tuple[int, int]]) -> int:
    """Twice the signed area (shoelace); positive is clockwise on screen (y down)."""
    closed = [*points, points[0]]
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in itertools.pairwise(closed))


def ring_path(points: Sequence[tuple[int, int]]) -> str:
    x, y = points[0]
    parts = [f"M{x} {y}l"]
    steps = []
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        steps.append(f"{x1 - x0} {y1 - y0}")
    parts.append(" ".join(steps))
    parts.append("z")
    return "".join(parts)


def build_shapes(raw: Path) -> dict[str, Any]:
    import topojson

    features = projected_features(read_features(raw / "pic_gemeente_2025.geojson"))
    topology = topojson.Topology(
        {"type": "FeatureCollection", "features": features},
        prequantize=False,
        toposimplify=SIMPLIFY_METRES,
        simplify_with="shapely",
        simplify_algorithm="dp",
    )
    data = topology.to_dict()
    arcs: list[list[list[float]]] = data["arcs"]
    xs = [point[0] for arc in arcs for point in arc]
    ys = [point[1] for arc in arcs for point in arc]
    min_x, max_x, min_y, max_y = min(xs), max(xs), min(ys), max(ys)
    scale = (VIEW_WIDTH - 2) / (max_x - min_x)
    height = round((max_y - min_y) * scale) + 2

    def to_screen(point: Sequence[float]) -> tuple[int, int]:
        return (round((point[0] - min_x) * scale) + 1, round((max_y - point[1]) * scale) + 1)

    # Every arc is rounded once, so neighbours share exactly the same integer border.
    screen_arcs = [[to_screen(point) for point in arc] for arc in arcs]

    def ring_points(arc_indices: Sequence[int]) -> list[tuple[int, int]]:
        points: list[tuple[int, int]] = []
        for index in arc_indices:
            arc = screen_arcs[index] if index >= 0 else list(reversed(screen_arcs[~index]))
            for point in arc if not points else arc[1:]:
                if not points or points[-1] != point:
                    points.append(point)
        if len(points) > 1 and points[0] == points[-1]:
            points.pop()
        return without_spikes(points)

    shapes: dict[str, str] = {}
    objects = next(iter(data["objects"].values()))["geometries"]
    for geometry in sorted(objects, key=lambda item: str(item["properties"]["nis"])):
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        paths: list[str] = []
        for polygon in polygons:
            for ring_number, ring in enumerate(polygon):
                points = ring_points(ring)
                if len(points) < 3 or ring_area(points) == 0:
                    if ring_number > 0:
                        continue  # a hole too small to see
                    first_arc = arcs[ring[0] if ring[0] >= 0 else ~ring[0]]
                    points = visible_square(ring_points(ring) or [to_screen(first_arc[0])])
                exterior = ring_number == 0
                if (ring_area(points) > 0) != exterior:
                    points = list(reversed(points))
                paths.append(ring_path(points))
        shapes[str(geometry["properties"]["nis"])] = "".join(paths)
    return {"view_box": [0, 0, VIEW_WIDTH, height], "shapes": shapes}


def without_spikes(points: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Drop a point that goes out and straight back (A B A), left by rounding; both neighbours that share
    the arc drop it alike, so the shared border stays shared."""
    changed = True
    while changed and len(points) > 3:
        changed = False
        for index in range(len(points)):
            before, after = points[index - 1], points[(index + 1) % len(points)]
            if before == after:
                del points[index]
                del points[index if index < len(points) else 0]
                changed = True
                break
    return points


def visible_square(points: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """A part too small for the grid (an enclave of Baarle-Hertog) is drawn as a 2 by 2 square."""
    x = round(sum(point[0] for point in points) / len(points))
    y = round(sum(point[1] for point in points) / len(points))
    return [(x - 1, y - 1), (x + 1, y - 1), (x + 1, y + 1), (x - 1, y + 1)]


def write_shapes(shapes: dict[str, Any], path: Path) -> None:
    text = json.dumps(shapes, separators=(",", ":"), sort_keys=True, ensure_ascii=False) + "\n"
    path.write_bytes(text.encode("utf-8"))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--raw", type=Path, required=True, help="folder with the raw source files")
    parser.add_argument("--out", type=Path, required=True, help="folder for the csv and the shapes")
    parser.add_argument("--no-shapes", action="store_true", help="write only municipalities.csv")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    rows = build_rows(args.raw)
    write_csv(rows, args.out / "municipalities.csv")
    print(f"municipalities.csv: {len(rows)} municipalities")
    if not args.no_shapes:
        shapes = build_shapes(args.raw)
        target = args.out / "municipality-shapes.json"
        write_shapes(shapes, target)
        print(f"municipality-shapes.json: {len(shapes['shapes'])} shapes, {target.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
