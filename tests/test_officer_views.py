"""What an officer compares, tabulates and prints (issue 21, items 2 to 4), read back from the pages and
data the build makes: the facts of a practice (`macros.pages.facts`), the catalogue's data and controls,
the province and centrumsteden tables, the comparison data and the print-only parts of a practice page.

The browser tests (tests/browser/test_officer_tasks.py) use them in Chromium; these check the markup
and data against the records, on small made-up folders and on the demo corpus.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from records_folder import PRACTICE, TODAY, write_record
from tooling import demo

from macros.html.markup import Markup
from macros.html.structure import Heading, Page
from macros.pages import catalogue, compare, lists, practice
from macros.pages.context import Context
from macros.pages.facts import practice_facts
from macros.records import knowledge
from macros.records.knowledge import KnowledgeBase

SITE = "https://example.org/kennisbank/"


def html_of(page: Page) -> BeautifulSoup:
    parts = []
    for block in page.blocks():
        if isinstance(block, Heading):
            parts.append(f"<h{block.level}>{block.html}</h{block.level}>")
        else:
            parts.append(str(block))
    return BeautifulSoup("\n".join(parts), "html.parser")


def one(soup: BeautifulSoup | Tag, selector: str) -> Tag:
    found = soup.select(selector)
    assert len(found) == 1, f"{selector}: {len(found)} found"
    return found[0]


SOURCES = {
    "bron-2019": "title: Een bron uit 2019\nyear: 2019\n",
    "bron-2022": "title: Een bron uit 2022\nyear: 2022\n",
    "bron-2025": "title: Een bron uit 2025\nyear: 2025\n",
}


def practice_yaml(city: str, extra: str, title: str = "Taalcafé") -> str:
    return (
        PRACTICE.replace("title: Taalcafé", f"title: {title}").replace("city: teststad", f"city: {city}")
        + extra
    )


@pytest.fixture
def folder(records: Path) -> Path:
    """The minimal folder with four practices whose status and contact differ."""
    for name, text in SOURCES.items():
        write_record(records, f"sources/{name}.yml", text)
    write_record(
        records,
        "cities/stad.yml",
        "contact:\n  service: Dienst Samenleven\n  email: samenleven@stad.example\n  source: bron-2025\n"
        "sources: [bron-2025]\nlast_reviewed: 2026-01-15\n",
    )
    write_record(
        records,
        "loopt.yml",
        practice_yaml(
            "stad",
            "period:\n  start: 2021-03\nstatus:\n  state: lopend\n  source: bron-2025\n",
            "Buddyproject dat loopt",
        ),
    )
    write_record(
        records,
        "oud.yml",
        practice_yaml(
            "grootstad",
            "period:\n  start: 2016\nstatus:\n  state: lopend\n  source: bron-2019\n"
            "contact:\n  service: Projectteam\n  email: project@grootstad.example\n  source: bron-2019\n",
            "Buddyproject met een oude bron",
        ),
    )
    write_record(
        records,
        "klaar.yml",
        practice_yaml(
            "dorp", "period:\n  start: 2018\nstatus:\n  state: afgerond\n  source: bron-2022\n", "Afgerond"
        ),
    )
    write_record(
        records, "stil.yml", practice_yaml("teststad", "status:\n  state: onbekend\n", "Niemand weet het")
    )
    return records


@pytest.fixture
def ctx(folder: Path) -> Context:
    return Context(knowledge.build(folder, today=TODAY), TODAY, site_url=SITE)


# --- the facts -----------------------------------------------------------------------------------------


def test_the_status_is_the_newest_sources_word_on_its_date(ctx: Context) -> None:
    kb = ctx.kb
    running = practice_facts(kb, "loopt", TODAY)
    assert (running.status, running.confirmed, running.status_text()) == (
        "lopend",
        "2025",
        "lopend, bevestigd in 2025",
    )
    old = practice_facts(kb, "oud", TODAY)
    assert (old.status, old.confirmed, old.status_text()) == (
        "onbekend",
        "2019",
        "onbekend, laatst bevestigd in 2019",
    )
    done = practice_facts(kb, "klaar", TODAY)
    assert (done.status, done.confirmed, done.status_text()) == ("afgerond", "2022", "afgerond")
    # A source that only says it is unknown confirms nothing.
    silent = practice_facts(kb, "stil", TODAY)
    assert (silent.status, silent.confirmed, silent.status_text()) == ("onbekend", None, "onbekend")


def test_the_contact_is_the_practices_own_else_its_municipalitys_service(ctx: Context) -> None:
    kb = ctx.kb
    assert practice_facts(kb, "oud", TODAY).contact == "eigen"
    assert practice_facts(kb, "loopt", TODAY).contact == "gemeente"
    assert practice_facts(kb, "klaar", TODAY).contact is None
    facts = practice_facts(kb, "loopt", TODAY)
    assert (facts.municipality, facts.centrumstad, facts.province_label, facts.start_year) == (
        "Stad (fictief)",
        True,
        "Limburg",
        "2021",
    )


# --- the catalogue -------------------------------------------------------------------------------------


def test_each_practice_carries_its_facts_and_sort_keys_as_data(ctx: Context) -> None:
    soup = html_of(catalogue.render(ctx))
    items = {li.a["href"].rstrip("/"): li for li in soup.select("#kb-catalogue > li.kb-practice")}
    assert set(items) == set(ctx.kb.practices)
    expected = {
        "loopt": {"centrumstad": "ja", "provincie": "limburg", "start": "2021", "bevestigd": "2025", "contact": "gemeente", "status": "lopend"},
        "oud": {"centrumstad": "ja", "provincie": "antwerpen", "start": "2016", "bevestigd": "2019", "contact": "eigen", "status": "onbekend"},
        "klaar": {"centrumstad": None, "provincie": "west-vlaanderen", "start": "2018", "bevestigd": "2022", "contact": None, "status": "afgerond"},
        "stil": {"centrumstad": None, "provincie": "antwerpen", "start": None, "bevestigd": None, "contact": None, "status": "onbekend"},
    }  # fmt: skip
    for practice_id, data in expected.items():
        for name, value in data.items():
            assert items[practice_id].get(f"data-{name}") == value, (practice_id, name)


def test_centrumstad_and_province_filter_beside_size_and_theme(ctx: Context) -> None:
    soup = html_of(catalogue.render(ctx))
    primary = [f["data-facet"] for f in soup.select(".kb-facets-primary > fieldset")]
    assert primary[:3] == ["grootte", "centrumstad", "provincie"] and "thema" in primary
    (centre,) = soup.select('fieldset[data-facet="centrumstad"] input')
    assert centre["value"] == "ja"
    count = one(soup, '.kb-count[data-facet="centrumstad"][data-value="ja"]')
    assert count.text == "2"
    status_help = one(soup, 'fieldset[data-facet="status"] .kb-facet-help')
    assert "lezing van de kennisbank" in status_help.text


def test_sorting_the_table_and_comparing_are_offered_to_the_script(ctx: Context) -> None:
    soup = html_of(catalogue.render(ctx))
    tools = one(soup, "[data-kb-view-tools]")
    assert tools.has_attr("hidden"), "without the script the list is by name and there is no table"
    options = [(o["value"], o.text) for o in tools.select("select[name=sorteer] option")]
    assert [value for value, _ in options] == ["naam", "start", "start-nieuwst", "bevestigd"]
    assert [b["data-kb-view"] for b in tools.select("[data-kb-view]")] == ["lijst", "tabel"]
    table = one(soup, "[data-kb-table-wrap] table")
    assert table.caption is not None
    assert [th.get_text(" ", strip=True) for th in table.select("thead th")][1:] == [
        "Praktijk",
        "Gemeente",
        "Grootte",
        "Provincie",
        "Start",
        "Status volgens de nieuwste bron (bevestigd)",
        "Contact",
    ]
    compare_button = one(soup, "[data-kb-pack] [data-kb-compare]")
    assert compare_button.text == "Vergelijken" and compare_button.has_attr("disabled")


def test_the_intro_counts_the_practices_of_municipalities_under_30000(ctx: Context) -> None:
    soup = html_of(catalogue.render(ctx))
    small = [p for p in ctx.kb.practices.values() if ctx.kb.municipalities[p.city].population < 30_000]
    assert len(small) == 2  # Dorp and Teststad
    static, script = one(soup, "[data-kb-intro-static]"), one(soup, "[data-kb-intro-script]")
    assert "alle 4 praktijken hieronder (2 ervan uit gemeenten met minder dan 30.000 inwoners)" in static.text
    assert "(2 van de 4 uit gemeenten met minder dan 30.000 inwoners)" in script.text


def test_without_javascript_the_province_and_centrumsteden_tables_are_linked(ctx: Context) -> None:
    soup = html_of(catalogue.render(ctx))
    links = {a["href"] for a in soup.select(".kb-static-facets a")}
    assert {"../provincies/antwerpen/", "../provincies/limburg/", "../centrumsteden/"} <= links


def test_the_province_and_centrumsteden_pages_list_their_practices_as_tables(ctx: Context) -> None:
    pages = {page.file: page for page in lists.render_all(ctx)}
    assert set(pages) == {
        "provincies/index.md",
        "centrumsteden/index.md",
        *(
            f"provincies/{p}.md"
            for p in ("antwerpen", "limburg", "oost-vlaanderen", "vlaams-brabant", "west-vlaanderen")
        ),
    }

    def listed(file: str) -> set[str]:
        soup = html_of(pages[file])
        table = one(soup, "table.kb-practice-table")
        assert table.find_parent(attrs={"data-pagefind-ignore": True}) is not None, "out of the search index"
        return {th.a["href"].rstrip("/").rsplit("/", 1)[-1] for th in table.select("tbody th[scope=row]")}

    assert listed("provincies/antwerpen.md") == {"oud", "stil"}
    assert listed("provincies/limburg.md") == {"loopt"}
    assert listed("centrumsteden/index.md") == {"loopt", "oud"}
    row = one(html_of(pages["provincies/limburg.md"]), "table.kb-practice-table tbody tr")
    assert [td.get_text(strip=True) for td in row.select("td")] == [
        "Stad (fictief), centrumstad",
        "Stad",
        "2021",
        "lopend (2025)",
        "via de gemeente",
    ]


# --- the comparison ------------------------------------------------------------------------------------


def test_every_practice_and_municipality_has_its_comparison_data(ctx: Context) -> None:
    files = compare.data_files(ctx)
    assert set(files) == {f"vergelijk/praktijken/{p}.json" for p in ctx.kb.practices} | {
        f"vergelijk/steden/{m}.json" for m in ctx.kb.municipalities
    }
    data = json.loads(files["vergelijk/praktijken/oud.json"])
    assert data["title"] == "Buddyproject met een oude bron"
    assert data["url"] == "praktijken/oud/" and data["municipality"]["url"] == "steden/grootstad/"
    assert data["state"] == "onbekend"
    assert data["status"].startswith("Onbekend of het nog loopt: laatst bevestigd als lopend in 2019")
    assert "<" not in data["status"], "plain text: the script writes it as text"
    assert data["period"] == "gestart in 2016; laatst bevestigd in 2019"
    assert data["contact"]["heading"] == "Voor deze praktijk"
    assert ["E-mail", "project@grootstad.example"] in data["contact"]["rows"]
    assert [s["url"] for s in data["sources"]] == ["bronnen/bron-2019/", "bronnen/bron-test/"]
    city = json.loads(files["vergelijk/steden/stad.json"])
    assert (city["centrumstad"], city["province"], city["size"]) == ("ja", "Limburg", "Stad")
    assert [p["url"] for p in city["practices"]] == ["praktijken/loopt/"]
    assert city["contact"]["heading"] == "De gemeente: Stad (fictief)"


def test_comparison_data_holds_record_text_as_it_is_written(folder: Path) -> None:
    hostile = '<img src=x onerror="alert(1)"> {{ config }} & co'
    write_record(
        folder,
        "loopt.yml",
        practice_yaml("stad", "", "Titel").replace("Inwoners oefenen samen Nederlands.", hostile),
    )
    ctx = Context(knowledge.build(folder, today=TODAY), TODAY)
    data = json.loads(compare.data_files(ctx)["vergelijk/praktijken/loopt.json"])
    assert data["what"] == hostile


def test_the_comparison_page_says_what_it_does_without_javascript(ctx: Context) -> None:
    soup = html_of(compare.render(ctx))
    intro = one(soup, "[data-kb-compare-static]")
    assert "twee tot vier" in intro.text and "JavaScript" in intro.text
    frame = one(soup, "[data-kb-compare-page]")
    assert frame.has_attr("hidden")
    assert one(frame, "[data-kb-compare-scroll]")["tabindex"] == "0"


# --- the sheet -----------------------------------------------------------------------------------------


def test_a_practice_page_has_a_print_only_head_and_foot_and_keeps_related_lists_off_paper(
    ctx: Context,
) -> None:
    soup = html_of(practice.render(ctx, "oud"))
    head = one(soup, ".kb-sheet-head")
    assert "kb-print-only" in head["class"] and head.has_attr("data-pagefind-ignore")
    terms = [dt.text for dt in head.select("dt")]
    assert terms == ["Gemeente", "Thema's", "Periode", "Status", "Contact"]
    values = dict(zip(terms, (dd.get_text(" ", strip=True) for dd in head.select("dd")), strict=True))
    assert values["Gemeente"] == "Grootstad (fictief) (Grootstad, centrumstad, Antwerpen)"
    assert values["Periode"] == "gestart in 2016; laatst bevestigd in 2019"
    assert values["Contact"].startswith("Projectteam · project@grootstad.example (voor deze praktijk")
    foot = one(soup, ".kb-sheet-foot")
    assert f"{SITE}praktijken/oud/" in foot.text
    short = one(soup, ".kb-sources-short")
    assert "[1] 2019: Een bron uit 2019" in short.text
    assert short.find_next_sibling("div", class_="kb-screen-only") is not None, "the full list, for screens"
    button = one(soup, "[data-kb-print]")
    assert button.has_attr("hidden") and button.button.text == "Afdrukken"
    for heading in ("Kerngegevens", "Contact"):
        assert one(soup, f"h2:-soup-contains('{heading}')").find_next_sibling()["class"] == ["kb-screen-only"]


def test_related_practices_are_wrapped_to_stay_off_paper(tmp_path: Path) -> None:
    root = tmp_path / "records"
    demo.write_corpus(root, 30, seed=0)
    kb: KnowledgeBase = knowledge.build(root, today=TODAY)
    ctx = Context(kb, TODAY)
    with_comparable = 0
    for practice_id in sorted(kb.practices):
        soup = html_of(practice.render(ctx, practice_id))
        heading = soup.find("h2", string="Vergelijkbare praktijken")
        if heading is None:
            continue
        with_comparable += 1
        # The section is out of the search index: its body sits in one more <div>.
        assert heading.find_next_sibling().select(":scope > .kb-related"), "wrapped to stay off paper"
        assert one(soup, ".kb-sheet-foot").text.count("/praktijken/") == 1
    assert with_comparable, "the demo corpus has comparable practices"


def test_a_catalogue_of_many_practices_stays_light(tmp_path: Path) -> None:
    """Under 520 bytes of list a practice (503 measured): the 3,000-practice demo catalogue went from
    1.37 to 1.55 MB with the facts as data, where writing the facts line into the HTML made it 1.89 MB
    (README, "The catalogue for officers")."""
    root = tmp_path / "records"
    demo.write_corpus(root, 200, seed=0)
    ctx = Context(knowledge.build(root, today=TODAY), TODAY)
    html = "".join(str(b) for b in catalogue.render(ctx).blocks() if isinstance(b, Markup))
    start = html.index('<ul id="kb-catalogue"')
    listed = html[start : html.index("</ul>", start)]
    per_practice = len(listed.encode()) / len(ctx.kb.practices)
    assert per_practice < 520, per_practice
