"""What generated pages tell the search index: the kind of page, its city, its rank, a practice's id
and its title's weight.

The city's name is record text: it reaches the page only escaped, in an attribute that Pagefind's
metadata list points to, so a comma, colon, quote or tag in it can neither break the list nor the HTML.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from macros import generate, search_index
from macros.records import knowledge
from macros.records.knowledge import KnowledgeBase

FIXTURE_RECORDS = Path(__file__).resolve().parent / "fixtures" / "records"


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return knowledge.build(FIXTURE_RECORDS)


def test_a_practice_page_says_it_is_a_practice_of_its_lead_city(kb: KnowledgeBase) -> None:
    practice_id, practice = next(iter(kb.practices.items()))
    city = kb.municipalities[practice.city].name
    meta = search_index.page_meta(kb, "practice", practice_id)
    assert meta == (
        f'<div hidden data-pagefind-meta="stad[data-stad], soort:praktijk" data-stad="{city}" '
        f'data-pagefind-filter="praktijk[data-praktijk], rang:0" data-praktijk="{practice_id}"></div>'
    )


def test_a_source_page_has_a_kind_and_no_city(kb: KnowledgeBase) -> None:
    source_id = next(iter(kb.sources))
    assert search_index.page_meta(kb, "source", source_id) == (
        '<div hidden data-pagefind-meta="soort:bron" data-pagefind-filter="rang:8"></div>'
    )


def test_a_hostile_city_name_stays_an_escaped_attribute_value(kb: KnowledgeBase) -> None:
    city_id = next(iter(kb.municipalities))
    original = kb.municipalities[city_id]
    hostile = 'Stad, soort:x" onload="alert(1)" <b>{{ 7*7 }}'
    kb.municipalities[city_id] = original.model_copy(update={"name": hostile})
    try:
        meta = search_index.page_meta(kb, "city", city_id)
    finally:
        kb.municipalities[city_id] = original
    assert meta.startswith('<div hidden data-pagefind-meta="stad[data-stad], soort:gemeente" data-stad="')
    assert '"' not in meta.split('data-stad="', 1)[1].split('" data-pagefind-filter=', 1)[0]
    assert "<b>" not in meta and "{{" not in meta


def test_record_titles_weigh_more_except_a_sources_headline() -> None:
    site_pages = generate.markdown_of(generate.render_all(generate.build_site(FIXTURE_RECORDS).context))
    heading = {
        path: next(line for line in text.splitlines() if line.startswith("# "))
        for path, text in site_pages.items()
    }
    city_page = next(path for path in heading if path.startswith("steden/") and path != "steden/index.md")
    source_page = next(path for path in heading if path.startswith("bronnen/") and path != "bronnen/index.md")
    assert heading[city_page].endswith('{: data-pagefind-weight="10" }')
    assert heading[source_page].endswith('{: data-pagefind-weight="1" }')
    assert 'data-pagefind-meta="soort:overzicht"' in site_pages["steden/index.md"]
