"""Every Flemish municipality: the reference data, what a contributor may write, and the pages and map.

An officer of any of Flanders' 285 municipalities (since the mergers of 1 January 2025) finds a page
for it, and can propose a practice of it, by pull request or by the issue form, without a city file.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import json
import re
import shutil
from pathlib import Path

import pytest
from records_folder import REPO, TODAY, minimal_records, write_record

from macros.contributing import issue_answers
from macros.records import knowledge, reference
from macros.records.problems import RecordsInvalid

SHIPPED = REPO / "practices"
NOW = knowledge.current_date()
"""The shipped records are checked against the real date, as `make validate` checks them."""
FLEMISH_NIS = re.compile(r"^(1[0-9]|2[34]|3[0-9]|4[0-9]|7[0-9])[0-9]{3}$")
"""REFNIS codes of the Flemish provinces: Antwerpen 1, Vlaams-Brabant 23 and 24, West-Vlaanderen 3,
Oost-Vlaanderen 4, Limburg 7."""
PROVINCE_DIGITS = {
    "antwerpen": "1",
    "vlaams-brabant": "2",
    "west-vlaanderen": "3",
    "oost-vlaanderen": "4",
    "limburg": "7",
}


@pytest.fixture(scope="module")
def shipped() -> knowledge.KnowledgeBase:
    return knowledge.build(SHIPPED)


def test_the_reference_data_has_the_285_municipalities_with_unique_flemish_nis_codes() -> None:
    loaded, problems = reference.load(SHIPPED)
    assert not problems
    municipalities = loaded.municipalities
    assert len(municipalities) == 285
    codes = [m.nis_code for m in municipalities.values()]
    assert len(set(codes)) == 285
    assert all(FLEMISH_NIS.match(code) for code in codes), [c for c in codes if not FLEMISH_NIS.match(c)]
    assert all(m.nis_code.startswith(PROVINCE_DIGITS[m.province]) for m in municipalities.values())
    assert sum(m.centrumstad for m in municipalities.values()) == 13


def test_every_population_is_of_the_one_reference_date_with_its_source(
    shipped: knowledge.KnowledgeBase,
) -> None:
    meta = shipped.reference.meta
    assert meta is not None and meta.population_date == dt.date(2026, 1, 1)
    assert meta.sources.population in shipped.sources
    assert all(m.population > 0 for m in shipped.municipalities.values())
    # Flanders' smallest municipality has fewer than a hundred inhabitants, its largest over half a million.
    assert min(m.population for m in shipped.municipalities.values()) < 100
    assert max(m.population for m in shipped.municipalities.values()) > 500_000


def test_every_former_municipality_of_2019_and_2025_names_its_successor(
    shipped: knowledge.KnowledgeBase,
) -> None:
    former = shipped.reference.former
    assert former["kruibeke"].successor == "beveren-kruibeke-zwijndrecht"
    assert former["kruibeke"].merged == "2025-01-01"
    assert former["nevele"].successor == "deinze" and former["nevele"].merged == "2019-01-01"
    assert former["borsbeek"].successor == "antwerpen"
    merged_2019 = {f.name for f in former.values() if f.merged == "2019-01-01"}
    assert {"Knesselare", "Neerpelt", "Overpelt", "Opglabbeek", "Zingem", "Waarschoot"} <= merged_2019


def _practice(city: str) -> str:
    return f"""\
        title: Taalcafé
        summary: Inwoners oefenen samen Nederlands.
        city: {city}
        themes: [taal]
        sources: [bron-test]
        last_reviewed: 2026-10-01
        """


@pytest.fixture
def copy_of_shipped(tmp_path: Path) -> Path:
    root = tmp_path / "practices"
    shutil.copytree(SHIPPED, root)
    write_record(root, "sources/bron-test.yml", "title: Een verzonnen bron voor tests\nyear: 2020\n")
    return root


def test_a_practice_in_a_municipality_without_a_city_file_validates(copy_of_shipped: Path) -> None:
    assert not (copy_of_shipped / "cities" / "boortmeerbeek.yml").exists()
    write_record(copy_of_shipped, "taalcafe-boortmeerbeek.yml", _practice("boortmeerbeek"))
    kb = knowledge.build(copy_of_shipped, today=NOW)
    assert kb.practices["taalcafe-boortmeerbeek"].city == "boortmeerbeek"


def _errors(root: Path, today: dt.date = NOW) -> list[str]:
    with pytest.raises(RecordsInvalid) as raised:
        knowledge.build(root, today=today)
    return [p.message for p in raised.value.problems if p.severity == "error"]


def test_a_former_municipality_gets_a_dutch_message_naming_its_successor_and_the_merger(
    copy_of_shipped: Path,
) -> None:
    write_record(copy_of_shipped, "taalcafe-kruibeke.yml", _practice("kruibeke"))
    assert _errors(copy_of_shipped) == [
        "Kruibeke is sinds 1 januari 2025 een deel van Beveren-Kruibeke-Zwijndrecht; "
        "schrijf 'beveren-kruibeke-zwijndrecht'"
    ]


@pytest.mark.parametrize(
    ("written", "message"),
    [
        (
            "Boortmeerbek",
            "'Boortmeerbek' is geen stad of gemeente uit practices/reference/municipalities.csv; bedoel je 'boortmeerbeek' (Boortmeerbeek)?",
        ),
        (
            "boortmeerbek",
            "'boortmeerbek' is geen stad of gemeente uit practices/reference/municipalities.csv; bedoel je 'boortmeerbeek' (Boortmeerbeek)?",
        ),
        ("Boortmeerbeek", "'Boortmeerbeek' is de naam; schrijf de id 'boortmeerbeek'"),
        (
            "Kruibeke",
            "Kruibeke is sinds 1 januari 2025 een deel van Beveren-Kruibeke-Zwijndrecht; schrijf 'beveren-kruibeke-zwijndrecht'",
        ),
    ],
)
def test_did_you_mean_reads_names_ids_and_former_names(
    copy_of_shipped: Path, written: str, message: str
) -> None:
    write_record(copy_of_shipped, "taalcafe-x.yml", _practice(written))
    assert _errors(copy_of_shipped) == [message]


def test_keerbergen_is_a_municipality_not_a_misspelt_beringen(copy_of_shipped: Path) -> None:
    write_record(copy_of_shipped, "taalcafe-keerbergen.yml", _practice("keerbergen"))
    knowledge.build(copy_of_shipped, today=NOW)


def test_a_city_record_may_not_repeat_the_reference_fields(tmp_path: Path) -> None:
    root = minimal_records(tmp_path / "records")
    write_record(
        root, "cities/teststad.yml", "name: Teststad\nsources: [bron-test]\nlast_reviewed: 2026-01-15\n"
    )
    assert _errors(root, TODAY) == [
        "'name' staat voor elke gemeente in practices/reference/municipalities.csv; haal het veld hier weg"
    ]


BODY = """\
### Naam van de praktijk

Taalcafé in de bibliotheek

### Samenvatting

Inwoners oefenen elke week samen Nederlands in de bibliotheek.

### Stad of gemeente

{city}

### Thema's

Nederlands en meertaligheid (taal)

### Bronnen

Nieuwsbrief van de gemeente https://www.boortmeerbeek.be/nieuws/taalcafe

### Afspraken

- [X] Deze informatie mag openbaar op de kennisbank verschijnen (onder CC BY 4.0).
- [X] Ik heb geen gegevens van privépersonen ingevuld.
"""


@pytest.mark.parametrize("typed", ["Boortmeerbeek", "boortmeerbeek", " BOORTMEERBEEK "])
def test_the_issue_form_converter_accepts_a_municipality_by_its_name(typed: str) -> None:
    outcome = issue_answers.convert(BODY.format(city=typed), SHIPPED, NOW, issue=7)
    assert outcome.ok, issue_answers.console_lines(outcome)
    practice = next(text for path, text in outcome.files.items() if path.parent == Path("."))
    assert "city: boortmeerbeek" in practice


def test_the_issue_form_converter_names_the_successor_of_a_merged_municipality() -> None:
    outcome = issue_answers.convert(BODY.format(city="Kruibeke"), SHIPPED, NOW, issue=8)
    assert not outcome.ok
    assert any("Beveren-Kruibeke-Zwijndrecht" in finding.message for finding in outcome.findings)


def test_the_issue_form_needs_no_regeneration_for_a_new_municipality() -> None:
    form = (REPO / ".github" / "ISSUE_TEMPLATE" / "nieuwe-praktijk.yml").read_text(encoding="utf-8")
    assert "Mechelen" not in form and "Boortmeerbeek" in form  # a placeholder, not a list of options


@pytest.mark.site
def test_every_municipality_has_a_page_and_a_row_in_the_open_data(
    shipped_site: Path, shipped: knowledge.KnowledgeBase
) -> None:
    exported = json.loads((shipped_site / "data" / "steden.json").read_text(encoding="utf-8"))
    assert exported["count"] == 285
    for municipality_id, row in exported["records"].items():
        assert (shipped_site / "steden" / municipality_id / "index.html").is_file(), municipality_id
        assert row["nis_code"] and row["province"] and row["population"] > 0
        assert row["population_date"] == "2026-01-01"
    text = (shipped_site / "data" / "steden.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert len(rows) == 286 and "nis_code" in rows[0] and "size_class" in rows[0]


@pytest.mark.site
def test_the_map_links_every_municipality_with_its_name_and_stays_small(shipped_site: Path) -> None:
    page = (shipped_site / "steden" / "index.html").read_text(encoding="utf-8")
    found = re.search(r'<figure class="kb-map">.*?</figure>', page, re.S)
    assert found is not None
    figure = found.group(0).encode("utf-8")
    assert len(figure) < 150_000 and len(gzip.compress(figure)) < 40_000
    links = re.findall(r'<a href="([^"]+)"><title>([^<]+)</title><path', found.group(0))
    assert len(links) == 285
    assert ("../steden/boortmeerbeek/", "Boortmeerbeek: 0 praktijken") in [
        (href.replace("./", "../steden/", 1) if href.startswith("./") else href, title)
        for href, title in links
    ] or any(href.endswith("boortmeerbeek/") and title.startswith("Boortmeerbeek:") for href, title in links)
    assert "https://" not in found.group(0).replace("http://www.w3.org/2000/svg", "")
