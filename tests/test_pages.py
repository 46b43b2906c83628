"""Each page kind renders its fields with Dutch labels and dates, and every relation is linked both ways.

The pages are rendered from the fixture corpus (tests/fixtures/records/) with a fixed "today", without
MkDocs: what the reader sees depends only on the records.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

import pytest
from pydantic import ValidationError
from records_folder import REPO

from macros import generate
from macros.html import urls
from macros.html.elements import bounded_links, bounded_list
from macros.html.markup import Markup
from macros.html.structure import md
from macros.pages.context import DEFAULT_REPO_URL, Context
from macros.records import knowledge, relations
from macros.records.dutch import dutch_date
from macros.records.kinds import SECTIONS
from macros.records.models import Contact

RECORDS = Path(__file__).resolve().parent / "fixtures" / "records"
TODAY = dt.date(2025, 1, 15)
PAGE_KINDS = set(SECTIONS)


@pytest.fixture(scope="module")
def ctx() -> Context:
    return Context(knowledge.build(RECORDS, today=TODAY), TODAY)


@pytest.fixture(scope="module")
def pages(ctx: Context) -> dict[str, str]:
    return generate.markdown_of(generate.render_record_pages(ctx))


def page(pages: dict[str, str], kind: str, record_id: str) -> str:
    return pages[urls.page_file(kind, record_id)]


def link_to(from_kind: str, from_id: str, kind: str, record_id: str) -> str:
    """The relative href a page of `from_kind` uses for a record page."""
    return f'href="{urls.href(urls.page_url(from_kind, from_id), kind, record_id)}"'


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2012-10-15", "15 oktober 2012"),
        ("2012-10", "oktober 2012"),
        ("2012", "2012"),
        (dt.date(2024, 3, 5), "5 maart 2024"),
    ],
)
def test_dates_read_in_dutch(value: str | dt.date, expected: str) -> None:
    assert dutch_date(value) == expected


def test_markdown_and_template_syntax_in_record_text_is_escaped() -> None:
    escaped = md("<b>x</b> {{ 7*7 }} {% raw %} *a* [l](u) `c` _e_")
    for syntax in ("<", ">", "{", "}", "*", "[", "]", "`", "_"):
        assert syntax not in escaped
    assert md("- niet een lijst").startswith("&#45;")
    assert md("1. niet genummerd").startswith("1&#46;")


def test_practice_page_shows_every_field_with_dutch_labels(pages: dict[str, str]) -> None:
    text = page(pages, "practice", "taalcafe-lindeburg")
    for label in (
        "<strong>Trekker:</strong>",
        "<strong>Andere steden:</strong>",
        "<strong>Thema's:</strong>",
        "<strong>Instrumenten:</strong>",
        "<strong>Doelgroepen:</strong>",
    ):
        assert label in text
    assert "<strong>Periode:</strong> van oktober 2012 tot 2015" in text
    assert "<strong>Status:</strong> Afgerond" in text
    for heading in ("Beschrijving", "Aanpak", "Partners", "Middelen", "Resultaten", "Evaluatie", "Wat werkt"):
        assert f"## {heading}\n" in text
    assert "## Valkuilen\n" in text and "## Overdraagbaarheid\n" in text and "## Contact\n" in text
    assert "<ol>\n<li>Vrijwilligers zoeken</li>\n<li>Een lokaal vinden</li>" in text
    assert "levert vrijwilligers" in text and "samenleven@example.org" in text
    assert "Laatst nagekeken op 1 juni 2024." in text
    assert (
        'edit_url: "https://github.com/kennisbank-integratie/kennisbank/edit/main/tests/fixtures/records/taalcafe-lindeburg.yml"'
        in text
    )


def test_practice_page_says_whom_to_contact_and_links_its_documents(pages: dict[str, str]) -> None:
    text = page(pages, "practice", "taalcafe-lindeburg")
    contact = text.split("## Contact\n", 1)[1].split("\n## ", 1)[0]
    assert '<address class="kb-contact">' in contact
    assert "<strong>Dienst:</strong> Dienst Samenleven" in contact
    assert '<a href="mailto:samenleven@example.org">samenleven@example.org</a>' in contact
    assert '<a href="tel:+3212345678">012 34 56 78</a>' in contact  # E.164, from the parsed number
    assert '<a class="kb-url" rel="external" href="https://example.org/samenleven">' in contact
    assert '</a> <span class="kb-host">(example.org)</span>' in contact  # where the link goes
    documents = text.split("## Documenten\n", 1)[1].split("\n## ", 1)[0]
    assert (
        '<a rel="external" href="https://example.org/documenten/reglement-taalcafe.pdf">Reglement taalcafé</a> '
        '<span class="kb-host">(example.org)</span> (reglement, 2013, Nederlands)' in documents
    )
    assert (
        'Evaluation of the language café</a> <span class="kb-host">(example.org)</span> (evaluatie, Engels)'
        in documents
    )


def test_a_contact_has_no_field_for_a_person_s_name() -> None:
    with pytest.raises(ValidationError, match=r"\bname\b"):
        Contact.model_validate({"role": "coördinator", "name": "Jan Peeters"})


def test_city_page_shows_profile_milestones_and_benchlearning(pages: dict[str, str]) -> None:
    text = page(pages, "city", "lindeburg")
    # The reference data first (one date for every municipality), then what the case study adds.
    assert "<strong>Inwoners:</strong> 98.000 op 1 januari 2024" in text
    assert "<strong>NIS-code:</strong> 99001" in text
    assert "<strong>Centrumstad:</strong> ja" in text
    assert "<strong>Vroegere gemeenten:</strong> Oudeburg (samengevoegd op 1 januari 2019)" in text
    assert "<strong>Inwoners volgens de casestudy:</strong> 98.000 (2023, bron:" in text
    assert "<strong>Inwoners van buitenlandse herkomst:</strong> 27,5 % (2023" in text
    assert "<strong>Provincie:</strong> Antwerpen" in text and "<strong>Maturiteit:</strong> Ervaren" in text
    assert "<strong>15 oktober 2012</strong>: Dienst Diversiteit opgeheven" in text
    assert "<strong>maart 2015</strong>: Eerste diversiteitsplan" in text
    # Peers: Heidegem has the same size class.
    peers = text.split("## Steden van dezelfde grootte", 1)[1].split("\n## ", 1)[0]
    assert link_to("city", "lindeburg", "city", "heidegem") in peers


def test_a_municipality_without_practices_or_city_record_still_helps_its_officer(
    pages: dict[str, str],
) -> None:
    text = page(pages, "city", "rozendries")
    assert "<strong>Inwoners:</strong> 11.800 op 1 januari 2024" in text
    assert '<strong>Stadsgrootte:</strong> <a href="../../stadsgrootte/klein/">Kleine gemeente</a>' in text
    assert "De kennisbank heeft nog geen praktijk uit Rozendries (fictief)." in text
    fitting = text.split("## Praktijken die bij deze grootte passen", 1)[1].split("\n## ", 1)[0]
    assert link_to("city", "rozendries", "practice", "taalcafe-beekveld") in fitting
    province = text.split("## Gemeenten van deze grootte in de provincie", 1)[1].split("\n## ", 1)[0]
    assert link_to("city", "rozendries", "city", "beekveld") in province  # Limburg, small, with a practice
    peers = text.split("## Steden van dezelfde grootte", 1)[1].split("\n## ", 1)[0]
    assert link_to("city", "rozendries", "city", "kwakelbeek") in peers
    # Both ways to add one: the issue form and a pull request.
    adding = text.split("## Een praktijk toevoegen", 1)[1]
    assert "issues/new?template=nieuwe-praktijk.yml" in adding and "CONTRIBUTING.md" in adding
    # Whom to ask: the province's office of the Agentschap, with the year of the handbook that gives it
    # (read on 5 March 2024, but of 2021: the address is 2021's).
    contact = text.split("## Contact", 1)[1].split("\n## ", 1)[0]
    assert "Agentschap Demo (fictief), voor Limburg" in contact and "uit 2021" in contact
    assert "gezien op" not in contact


def test_a_smaller_less_mature_city_is_pointed_to_larger_more_mature_ones(ctx: Context) -> None:
    suggestions = ctx.bench.learn_from("beekveld")
    cities = {s.id for found in suggestions.values() for s in found}
    assert cities == {"lindeburg", "heidegem"}
    (taal,) = suggestions["taal"]
    assert taal.id == "lindeburg" and taal.practices == ("taalcafe-lindeburg",)
    assert taal.reason == (
        "Groter (stad), meer ervaring (ervaren tegenover startend), "
        "1 praktijk over Nederlands en meertaligheid."
    )
    # The most experienced city has nobody further along to learn from.
    assert ctx.bench.learn_from("lindeburg") == {}


def test_comparable_practices_share_a_theme_and_adoption_is_shown_both_ways(
    ctx: Context, pages: dict[str, str]
) -> None:
    comparable = [s.id for s in ctx.bench.comparable("taalcafe-lindeburg")]
    assert comparable[0] in {"taalcafe-beekveld", "buurtfeest-heidegem"}
    assert "onveilig-lindeburg" not in comparable  # no shared theme
    adopted = page(pages, "practice", "taalcafe-lindeburg").split("## Overgenomen door", 1)[1]
    assert link_to("practice", "taalcafe-lindeburg", "practice", "taalcafe-beekveld") in adopted
    assert "<strong>Overgenomen van:</strong>" in page(pages, "practice", "taalcafe-beekveld")


def test_network_page_links_agenda_topics_to_matching_practices(pages: dict[str, str]) -> None:
    text = page(pages, "network", "overleg-demo")
    coordinator = link_to("network", "overleg-demo", "organisation", "agentschap-demo")
    assert f"<strong>Coördinator:</strong> <a {coordinator}>Agentschap Demo (fictief)</a>" in text
    assert "<strong>Komt samen:</strong> vier keer per jaar" in text
    topic = text.split("<strong>Taalbeleid</strong>", 1)[1].split("<li><p><strong>", 1)[0]
    assert link_to("network", "overleg-demo", "practice", "taalcafe-lindeburg") in topic
    assert link_to("network", "overleg-demo", "practice", "buurtfeest-heidegem") not in topic


def test_stale_records_carry_a_visible_notice(ctx: Context, pages: dict[str, str]) -> None:
    stale = page(pages, "city", "heidegem")
    assert '<div class="admonition warning">\n<p class="admonition-title">Niet recent nagekeken</p>' in stale
    assert "10 januari 2020" in stale
    assert "Niet recent nagekeken" not in page(pages, "city", "lindeburg")
    assert ctx.today - dt.date(2020, 1, 10) > relations.STALE_AFTER


def test_source_page_lists_every_record_and_term_citing_it(ctx: Context, pages: dict[str, str]) -> None:
    text = page(pages, "source", "handboek-demo")
    assert "<strong>Geraadpleegd op:</strong> 5 maart 2024" in text
    for kind in ("practice", "profile", "organisation", "network"):
        for record_id in ctx.kb.records_of(kind):
            assert link_to("source", "handboek-demo", page_kind(kind), record_id) in text
    assert link_to("source", "diels-2018", "instrument", "subsidie") in page(pages, "source", "diels-2018")
    # The reference data of the municipalities cites it too (reference/municipalities.yml): a source
    # that only the reference data cites must not read as cited by nobody.
    reference = text.split("### Referentiegegevens van de gemeenten", 1)[1]
    assert "Deze bron geeft de NIS-codes, de namen, de provincies, de inwonertallen" in reference
    assert 'href="../../steden/"' in reference
    assert "Referentiegegevens" not in page(pages, "source", "diels-2018")


def page_kind(kind: str) -> str:
    """The kind of page a record is shown on: a city record on its municipality's page."""
    return "city" if kind == "profile" else kind


def _relations(ctx: Context) -> list[tuple[str, str, str, str]]:
    """(page kind, id, target page kind, target id) of every reference a record makes to a page."""
    found = []
    for kind in ("practice", "profile", "organisation", "network", "source"):
        for record_id, record in ctx.kb.records_of(kind).items():
            for _, target, target_id in relations.references(kind, record):
                if target in PAGE_KINDS and (target, target_id) != (page_kind(kind), record_id):
                    found.append((page_kind(kind), record_id, target, target_id))
    return found


def test_every_relation_is_linked_both_ways(ctx: Context, pages: dict[str, str]) -> None:
    relations = _relations(ctx)
    assert len(relations) > 40  # the fixture corpus exercises every kind of relation
    missing = []
    for kind, record_id, target, target_id in relations:
        if link_to(kind, record_id, target, target_id) not in page(pages, kind, record_id):
            missing.append(f"{kind} {record_id} -> {target} {target_id}")
        if link_to(target, target_id, kind, record_id) not in page(pages, target, target_id):
            missing.append(f"{target} {target_id} -> {kind} {record_id} (back)")
    assert not missing, "\n".join(missing)


def test_a_folder_gets_the_pages_written_only_when_they_changed(ctx: Context, tmp_path: Path) -> None:
    site = generate.Site(ctx, {p.file: p for p in generate.render_record_pages(ctx)})
    first = generate.write_site(site, tmp_path)
    assert len(first.written) == len(site.pages)
    stamp = (tmp_path / "steden" / "lindeburg.md").stat().st_mtime_ns
    second = generate.write_site(site, tmp_path)
    assert second.written == [] and second.unchanged == len(site.pages)
    assert (tmp_path / "steden" / "lindeburg.md").stat().st_mtime_ns == stamp


def test_a_long_list_shows_its_first_items_and_the_rest_behind_a_disclosure() -> None:
    items = [f"stad {n} <b>" for n in range(1, 10)]
    html = bounded_list(items, lambda n: f"Toon nog {n} steden", shown=3)
    in_view, rest = html.split("<details", 1)
    assert in_view.count("<li>") == 3 and "stad 3 &lt;b&gt;" in in_view
    assert "<summary>Toon nog 6 steden</summary>" in rest and rest.count("<li>") == 6
    # Hiding one item behind a click saves nothing: four items with three in view show whole.
    assert "<details" not in bounded_list(items[:4], lambda n: f"Toon nog {n}", shown=3)


def test_long_runs_of_links_show_the_first_and_the_rest_behind_a_disclosure() -> None:
    links = [Markup(f'<a href="../s{n}/">S{n}</a>') for n in range(8)]
    html = bounded_links(links, lambda n: f"Toon nog {n} centrumsteden", shown=5)
    assert html.startswith('<p><a href="../s0/">S0</a>, ') and "S4</a> …</p>" in html
    assert '<summary>Toon nog 3 centrumsteden</summary>\n<p><a href="../s5/">' in html
    assert bounded_links(links[:6], lambda n: "", shown=5).count("<a ") == 6


def test_build_pages_refuses_a_hand_written_file_where_a_page_is_generated_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = importlib.util.spec_from_file_location("build_pages", REPO / "scripts" / "build_pages.py")
    assert spec is not None and spec.loader is not None
    build_pages = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build_pages)
    (tmp_path / "docs" / "praktijken").mkdir(parents=True)
    (tmp_path / "docs" / "praktijken" / "index.md").write_text("# Eigen catalogus\n", encoding="utf-8")
    monkeypatch.setattr(build_pages, "ROOT", tmp_path)
    out = tmp_path / "out"
    assert build_pages.main(["--out", str(out), "--records", str(RECORDS)]) == 1
    assert capsys.readouterr().err.splitlines() == [generate.clash_message("praktijken/index.md")]
    assert "handgeschreven bestand" in generate.clash_message("praktijken/index.md")
    assert not out.exists()


def test_a_source_only_the_reference_data_cites_says_what_it_gives(tmp_path: Path) -> None:
    from records_folder import TODAY as RECORDS_TODAY
    from records_folder import minimal_records, write_record

    from macros.pages import source

    records = minimal_records(tmp_path / "records")
    write_record(records, "sources/bevolking.yml", "title: Bevolking per gemeente (fictief)\nyear: 2026\n")
    meta = records / "reference" / "municipalities.yml"
    meta.write_text(
        meta.read_text(encoding="utf-8").replace("population: bron-test", "population: bevolking"),
        encoding="utf-8",
    )
    ctx = Context(knowledge.build(records, today=RECORDS_TODAY), RECORDS_TODAY)
    text = generate.markdown_of([source.render(ctx, "bevolking")])["bronnen/bevolking.md"]
    assert "Nog geen enkel record verwijst naar deze bron." not in text
    assert "Deze bron geeft de inwonertallen van" in text


def test_a_contact_is_dated_by_its_source_s_year_else_by_the_day_its_page_was_read(records: Path) -> None:
    from records_folder import TODAY, write_record

    from macros.pages.practice import seen_on

    write_record(
        records, "sources/krant-2019.yml", "title: Een artikel (fictief)\nyear: 2019\naccessed: 2026-11-01\n"
    )
    write_record(
        records, "sources/pagina.yml", "title: Een pagina zonder datum (fictief)\naccessed: 2026-11-01\n"
    )
    ctx = Context(knowledge.build(records, today=TODAY), TODAY, DEFAULT_REPO_URL)
    # Read in 2026, but the article is of 2019: its contact is 2019's, not seen as current in 2026.
    assert seen_on(ctx, "krant-2019") == "uit 2019"
    assert seen_on(ctx, "pagina") == "gezien op 1 november 2026"
    assert seen_on(ctx, "bron-test") == "uit 2020"


def test_a_practice_whose_sources_name_no_lead_names_its_municipalities_together(records: Path) -> None:
    """`no_lead`: the page names no lead but every municipality, and says the sources name none; the
    municipality it is filed under lists it as one it takes part in, not as one it leads."""
    from records_folder import PRACTICE, TODAY, write_record

    for name, extra in (("taalcafe", ""), ("samen", "no_lead: true\n")):
        text = PRACTICE.replace("city: teststad\n", f"city: teststad\ncities: [dorp]\n{extra}")
        write_record(records, f"{name}.yml", text)
    ctx = Context(knowledge.build(records, today=TODAY), TODAY, DEFAULT_REPO_URL)
    pages = generate.markdown_of(generate.render_record_pages(ctx))
    led, shared = page(pages, "practice", "taalcafe"), page(pages, "practice", "samen")
    assert "<strong>Trekker:</strong>" in led and "<strong>Gemeenten:</strong>" not in led
    assert "<strong>Trekker:</strong>" not in shared and "<strong>Andere steden:</strong>" not in shared
    facts = shared.split("<strong>Gemeenten:</strong>", 1)[1].split("</li>", 1)[0]
    assert "Teststad" in facts and "Dorp" in facts
    assert "(samen; de bronnen noemen geen trekker)" in facts
    # The printed sheet's head says it too; a practice with a lead does not.
    head = shared.split("<dt>Gemeente</dt>", 1)[1].split("</dd>", 1)[0]
    assert "Dorp" in head and "(samen; de bronnen noemen geen trekker)" in head
    assert "geen trekker" not in led.split("<dt>Gemeente</dt>", 1)[1].split("</dd>", 1)[0]
    city = page(pages, "city", "teststad")
    as_lead = city.split("Als trekker:", 1)[1].split("Als deelnemer:", 1)[0]
    assert link_to("city", "teststad", "practice", "taalcafe") in as_lead
    assert link_to("city", "teststad", "practice", "samen") not in as_lead
    assert link_to("city", "teststad", "practice", "samen") in city.split("Als deelnemer:", 1)[1]
