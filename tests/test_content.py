"""The shipped content is real and traceable: what an officer reads can be checked against its source.

These hold for `practices/` only: demo and fixture corpora are fictional on purpose and never published.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.records import knowledge

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
    for city_id, city in kb.cities.items():
        if city.population is not None:
            assert city.population.year is not None and city.population.source in kb.sources, city_id


def test_every_practice_and_city_cites_a_source_it_lists(kb: knowledge.KnowledgeBase) -> None:
    for record in [*kb.practices.values(), *kb.cities.values()]:
        assert record.sources and all(s in kb.sources for s in record.sources)


def test_the_content_covers_every_size_class_and_the_thirteen_centrumsteden(
    kb: knowledge.KnowledgeBase,
) -> None:
    from macros.records.relations import city_size_class

    sizes = {city_size_class(kb, kb.cities[p.city]) for p in kb.practices.values()}
    assert sizes == set(kb.size_classes)
    centrumsteden = {cid for cid, c in kb.cities.items() if c.type in ("grootstad", "regionale-stad")}
    assert len(centrumsteden) == 13
