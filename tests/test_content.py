"""The shipped content is real and traceable: what an officer reads can be checked against its source.

These hold for `practices/` only: demo and fixture corpora are fictional on purpose and never published.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.records import knowledge, reference

PRACTICES = Path(__file__).resolve().parent.parent / "practices"
FICTIONAL_MARKERS = ("(fictief)", "fictief demorecord", ".example", "demostad", "lorem ipsum")
"""What demo and fixture records carry. (Real content may say "fictieve kandidaten": a practice test.)"""


@pytest.fixture(scope="module")
def kb() -> knowledge.KnowledgeBase:
    return knowledge.build(PRACTICES)


@pytest.mark.parametrize(
    "path", sorted(PRACTICES.rglob("*.yml")), ids=lambda p: str(p.relative_to(PRACTICES))
)
def test_no_shipped_record_carries_a_fictional_marker(path: Path) -> None:
    text = path.read_text(encoding="utf-8").lower()
    assert [marker for marker in FICTIONAL_MARKERS if marker in text] == []


def test_every_web_source_has_its_address_and_the_day_it_was_read(kb: knowledge.KnowledgeBase) -> None:
    missing = [sid for sid, s in kb.sources.items() if s.url and not s.accessed]
    assert missing == []
    # A source without an address is a printed publication: the two theses the content starts from.
    printed = sorted(sid for sid, s in kb.sources.items() if not s.url)
    assert all((kb.sources[sid].publisher or "").startswith("Masterproef") for sid in printed), printed


def test_every_population_has_its_year_and_its_source(kb: knowledge.KnowledgeBase) -> None:
    """A case study's own population (the reference figure has its date and source in municipalities.yml)."""
    for city_id, city in kb.profiles.items():
        if city.population is not None:
            assert city.population.year is not None and city.population.source in kb.sources, city_id


def test_every_practice_and_city_cites_a_source_it_lists(kb: knowledge.KnowledgeBase) -> None:
    for record in [*kb.practices.values(), *kb.profiles.values()]:
        assert record.sources and all(s in kb.sources for s in record.sources)


def test_the_content_covers_every_size_class_and_the_thirteen_centrumsteden(
    kb: knowledge.KnowledgeBase,
) -> None:
    from macros.records.relations import size_class_of

    sizes = {size_class_of(kb, p.city) for p in kb.practices.values()}
    assert sizes == set(kb.size_classes)
    centrumsteden = {cid for cid, m in kb.municipalities.items() if m.centrumstad}
    assert len(centrumsteden) == 13


NIS_PROVINCES = {"1": "antwerpen", "23": "vlaams-brabant", "24": "vlaams-brabant", "3": "west-vlaanderen"}
NIS_PROVINCES |= {"4": "oost-vlaanderen", "7": "limburg"}
"""The first digits of a Flemish NIS code (REFNIS) and the province they mean."""


def test_the_reference_data_holds_the_285_flemish_municipalities_with_unique_nis_codes() -> None:
    """Issue 19: 285 municipalities since 1 January 2025, unique NIS codes in Flemish ranges, each in the
    province its code says, and every source of the reference data a source record."""
    found, problems = reference.load(PRACTICES)
    assert problems == []
    municipalities = found.municipalities
    assert len(municipalities) == 285
    assert len({m.nis_code for m in municipalities.values()}) == 285
    for municipality in municipalities.values():
        prefix = next(p for p in NIS_PROVINCES if municipality.nis_code.startswith(p))
        assert NIS_PROVINCES[prefix] == municipality.province, municipality.id
    assert found.meta is not None
    assert all((PRACTICES / "sources" / f"{sid}.yml").is_file() for _, sid in found.meta.sources if sid)
    assert set(found.shapes) == set(municipalities), "the map draws every municipality"
