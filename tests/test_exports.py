"""Open data: the JSON loads back into the models, the CSV rows say what the records say, Excel in
Flanders opens the CSV as it is, and the same records give the same bytes."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from records_folder import TODAY
from test_catalogue import status_on
from tooling import demo

from macros.pages import exports
from macros.records import knowledge
from macros.records.kinds import RECORD_MODELS, VOCABULARY_MODELS
from macros.records.knowledge import KnowledgeBase
from macros.records.models import City, Municipality


def write_exports(kb: KnowledgeBase, out: Path) -> None:
    """The downloads as a build hands them to MkDocs, written to a folder to read them back."""
    out.mkdir(parents=True, exist_ok=True)
    for name, data in exports.export_files(kb, TODAY).items():
        (out / name).write_bytes(data)


@pytest.fixture(scope="module")
def records_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("exports") / "records"
    demo.write_corpus(root, 40, seed=0)
    return root


@pytest.fixture(scope="module")
def kb(records_dir: Path) -> KnowledgeBase:
    return knowledge.build(records_dir, today=TODAY)


@pytest.fixture(scope="module")
def data_dir(kb: KnowledgeBase, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("data")
    write_exports(kb, out)
    return out


def read_csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig")), delimiter=";"))


@pytest.mark.parametrize("kind", ["practice", "organisation", "network", "source"])
def test_json_round_trips_into_the_models(kb: KnowledgeBase, data_dir: Path, kind: str) -> None:
    document = json.loads((data_dir / exports.json_name(kind)).read_text(encoding="utf-8"))
    assert document["kind"] == kind
    assert document["generated_from"]
    records = kb.records_of(kind)
    assert document["count"] == len(records) > 0
    assert list(document["records"]) == sorted(records)
    for record_id, data in document["records"].items():
        assert RECORD_MODELS[kind].model_validate(data) == records[record_id]


def test_every_municipality_round_trips_with_its_reference_date_sources_and_city_record(
    kb: KnowledgeBase, data_dir: Path
) -> None:
    document = json.loads((data_dir / exports.json_name("city")).read_text(encoding="utf-8"))
    assert document["kind"] == "city"
    assert document["count"] == len(kb.municipalities) > len(kb.profiles) > 0
    assert list(document["records"]) == sorted(kb.municipalities)
    meta = kb.reference.meta
    assert meta is not None
    for city_id, data in document["records"].items():
        data = dict(data)
        assert data.pop("population_date") == meta.population_date.isoformat()
        assert data.pop("sources") == meta.sources.model_dump(mode="json")
        profile = data.pop("profile")
        assert Municipality.model_validate(data) == kb.municipalities[city_id]
        if city_id in kb.profiles:
            assert City.model_validate(profile) == kb.profiles[city_id]
        else:
            assert profile is None
    # What the site computes is apart, and says it is its own.
    computed = document["computed"]
    assert "Eigen berekening" in computed["note"]
    assert set(computed["records"]) == set(kb.municipalities)


def test_json_uses_the_field_names_contributors_write(data_dir: Path) -> None:
    """Dumped by alias: a network flow says `from`, as in the YAML and the JSON Schema."""
    cities = json.loads((data_dir / "steden.json").read_text(encoding="utf-8"))["records"]
    profiles = [c["profile"] for c in cities.values() if c["profile"]]
    flows = [f for p in profiles if p["network"] for f in p["network"]["flows"]]
    assert flows and all("from" in f and "from_" not in f for f in flows)


def test_vocabularies_round_trip_in_the_order_the_site_shows_them(kb: KnowledgeBase, data_dir: Path) -> None:
    document = json.loads((data_dir / exports.VOCABULARY_FILE).read_text(encoding="utf-8"))
    vocabularies = document["vocabularies"]
    assert set(vocabularies) == set(VOCABULARY_MODELS)
    themes = VOCABULARY_MODELS["themes"].model_validate(vocabularies["themes"])
    assert [t.id for t in themes.terms] == list(kb.themes)
    sizes = VOCABULARY_MODELS["size-classes"].model_validate(vocabularies["size-classes"])
    assert list(sizes.terms) == list(kb.size_classes.values())


def test_csv_opens_in_excel_with_belgian_settings(data_dir: Path) -> None:
    for kind in exports.CSV_KINDS:
        raw = (data_dir / exports.csv_name(kind)).read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM, or Excel reads Windows-1252"
        header = raw[3:].split(b"\r\n", 1)[0].decode()
        assert header.startswith("id;"), "`;` between fields, as Excel expects with a decimal comma"


def test_practice_rows_say_what_the_records_say(kb: KnowledgeBase, data_dir: Path) -> None:
    rows = read_csv(data_dir / "praktijken.csv")
    assert [r["id"] for r in rows] == sorted(kb.practices)
    for row in rows:
        practice = kb.practices[row["id"]]
        assert row["title"] == practice.title
        assert row["summary"] == practice.summary
        assert row["themes"].split("; ") == practice.themes
        assert row["instruments"] == "; ".join(practice.instruments)
        assert row["status_state"] == (practice.status.state if practice.status else "")
        assert row["status_source"] == (practice.status.source or "" if practice.status else "")
        assert row["status_now"] == status_on(kb, practice, TODAY)
        assert row["last_reviewed"] == practice.last_reviewed.isoformat()
        assert row["period_start"] == (practice.period.start if practice.period else "")
        for partner in practice.partners:
            assert partner.organisation in row["partners"]
        municipality = kb.municipalities[practice.city]
        assert row["lead_city_province"] == municipality.province
        assert row["lead_city_centrumstad"] == ("ja" if municipality.centrumstad else "nee")
        band = kb.size_classes[row["lead_city_size_class"]]
        assert band.min_population <= municipality.population
        assert band.max_population is None or municipality.population < band.max_population


def test_city_rows_spread_nested_fields_over_columns(kb: KnowledgeBase, data_dir: Path) -> None:
    rows = {r["id"]: r for r in read_csv(data_dir / "steden.csv")}
    assert set(rows) == set(kb.municipalities)
    meta = kb.reference.meta
    assert meta is not None
    for city_id, municipality in kb.municipalities.items():
        row = rows[city_id]
        assert row["name"] == municipality.name
        assert row["nis_code"] == municipality.nis_code and row["province"] == municipality.province
        assert int(row["population"]) == municipality.population
        assert row["population_date"] == meta.population_date.isoformat()
        assert int(row["practices"]) == sum(p.city == city_id for p in kb.practices.values())
        city = kb.profiles.get(city_id)
        if city is None:
            assert all(value == "" for name, value in row.items() if name.startswith("profile_"))
            continue
        if city.population:
            assert float(row["profile_population_value"].replace(",", ".")) == city.population.value
            assert row["profile_population_source"] == city.population.source
        if city.foreign_origin_share:
            decimal = row["profile_foreign_origin_share_value"]
            assert "." not in decimal, "decimal comma for Excel in Flanders"
            assert float(decimal.replace(",", ".")) == city.foreign_origin_share.value
        flows = city.network.flows if city.network else []
        cells = row["profile_network_flows"].split("; ") if flows else []
        assert len(cells) == len(flows)
        for flow, text in zip(flows, cells, strict=True):
            assert text.startswith(f"{flow.from_} → {flow.to} ({flow.kind}")


def test_csv_has_a_column_for_every_field(kb: KnowledgeBase, data_dir: Path) -> None:
    for kind in exports.CSV_KINDS:
        header = read_csv(data_dir / exports.csv_name(kind))[0].keys()
        # A municipality's row has the reference fields, then those of its city record (`profile_`).
        models = [(Municipality, ""), (City, "profile_")] if kind == "city" else [(RECORD_MODELS[kind], "")]
        for model, prefix in models:
            for name, info in model.model_fields.items():
                column = prefix + (info.alias or name)
                assert any(h == column or h.startswith(column + "_") for h in header), (kind, column)


def test_same_records_give_the_same_bytes(records_dir: Path, data_dir: Path, tmp_path: Path) -> None:
    again = tmp_path / "data"
    write_exports(knowledge.build(records_dir, today=TODAY), again)
    names = sorted(p.name for p in data_dir.iterdir())
    assert names == sorted(p.name for p in again.iterdir())
    for name in names:
        assert (again / name).read_bytes() == (data_dir / name).read_bytes(), name
    for name in names:
        text = (again / name).read_text(encoding="utf-8-sig")
        assert not re.search(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", text), f"{name} carries a timestamp"


def test_downloads_page_lists_every_file_with_its_records_size_and_the_schemas(
    kb: KnowledgeBase, data_dir: Path, tmp_path: Path
) -> None:
    schemas = tmp_path / "schema"
    schemas.mkdir()
    (schemas / "practice.schema.json").write_text(json.dumps({"title": "Goede praktijk"}), encoding="utf-8")
    page = exports.exports_markdown(kb, exports.export_files(kb, TODAY), schemas)
    assert page.startswith("# Open data")
    for path in data_dir.iterdir():
        (row,) = [line for line in page.splitlines() if line.startswith(f"| [{path.name}]({path.name}) |")]
        cells = [c.strip() for c in row.strip("|").split("|")]
        size = path.stat().st_size
        assert cells[3] == (f"{size} B" if size < 1000 else f"{size / 1000:.1f} kB".replace(".", ","))
        if path.suffix == ".csv" or path.name != exports.VOCABULARY_FILE:
            kind = next(k for k in exports.JSON_KINDS if path.stem == exports.json_name(k)[:-5])
            assert cells[2] == str(len(kb.records_of(kind)))
    assert "[practice.schema.json](../schema/practice.schema.json): Goede praktijk" in page
