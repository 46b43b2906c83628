"""Leervragen (issue 22): the record kind and its Dutch messages, the site's own matching of questions to
practices and municipalities, the open-data files, and the links between questions and the records
they name, both ways, over every record of the fixture and the demo corpus.
"""

from __future__ import annotations

import csv
import io
import json
import posixpath
import re
import shutil
from pathlib import Path

import pytest
import yaml
from records_folder import TODAY, write_record

from macros import generate
from macros.html import urls
from macros.html.markup import Markup
from macros.pages import matching, question
from macros.pages.benchlearning import ring_distance, stable_hash
from macros.pages.context import Context
from macros.records import knowledge
from macros.records.relations import references

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "records"

QUESTION = """\
question: Hoe start je een taalcafé in een kleine gemeente?
context: Vrijwilligers zijn er, een lokaal niet.
themes: [taal, samenleven]
size_class: klein
asked: 2024-03
sources: [bron-test]
last_reviewed: 2026-10-01
"""


def problems_of(records: Path) -> list[str]:
    _, problems = knowledge.load(records, today=TODAY)
    return [p.format(records) for p in problems]


# --- the record and its checks ---------------------------------------------------------------------------


def test_a_question_validates_and_defaults_to_open(records: Path) -> None:
    write_record(records, "questions/taalcafe.yml", QUESTION)
    kb, problems = knowledge.load(records, today=TODAY)
    assert problems == []
    assert kb.questions["taalcafe"].status == "open"
    assert kb.label("question", "taalcafe") == "Hoe start je een taalcafé in een kleine gemeente?"


def test_each_rule_of_a_question_has_its_dutch_message_at_its_line(records: Path) -> None:
    write_record(
        records,
        "questions/fout.yml",
        """\
        question: "Wie helpt? Mail an.peeters@example.org"
        context: Bel 0478 12 34 56. In 2019-2020 kostte het € 20.000, vanaf 01/09/2019.
        themes: [talen]
        size_class: groot
        city: teststad
        asked: 2031-02
        status: beantwoord
        meetings:
          - network: geen-netwerk
            date: 2019-13
        sources: [bron-test]
        last_reviewed: 2026-10-01
        """,
    )
    assert problems_of(records) == [
        "questions/fout.yml:1: question: de tekst bevat een e-mailadres ('an.peeters@example.org'); een "
        "leervraag bevat geen persoonsgegevens: verwijder het (wie wil helpen, vindt de contactgegevens op de "
        "pagina's van de antwoorden)",
        "questions/fout.yml:2: context: de tekst bevat een telefoonnummer ('0478 12 34 56'); een leervraag "
        "bevat geen persoonsgegevens: verwijder het (wie wil helpen, vindt de contactgegevens op de pagina's "
        "van de antwoorden)",
        "questions/fout.yml:3: themes[0]: 'talen' is geen thema uit practices/vocabulary/themes.yml; bedoel "
        "je 'taal'?",
        "questions/fout.yml:4: size_class: Teststad (fictief) is volgens de referentiegegevens een "
        "middelgrote gemeente ('middelgroot'), niet 'groot'; schrijf `size_class: middelgroot`, of laat het "
        "veld weg: met `city` volgt de grootte uit de gemeente",
        "questions/fout.yml:6: asked: '2031-02' ligt na dit jaar (2026); wat een bron zegt, komt niet uit de "
        "toekomst: verbeter het jaar",
        "questions/fout.yml:7: status: een beantwoorde vraag noemt onder `answers` minstens één praktijk, "
        "gemeente of organisatie die haar beantwoordt, met waarom; zonder antwoord is de status `open`",
        "questions/fout.yml:9: meetings[0].network: 'geen-netwerk' is geen lerend netwerk uit "
        "practices/networks/",
        "questions/fout.yml:10: meetings[0].date: '2019-13' heeft geen maand 13; maanden lopen van 01 tot 12",
    ]


def test_a_question_asked_later_this_year_is_in_the_future_too(records: Path) -> None:
    later = f"{TODAY.year}-{TODAY.month + 1:02d}" if TODAY.month < 12 else f"{TODAY.year + 1}-01"
    write_record(records, "questions/later.yml", QUESTION.replace("asked: 2024-03", f"asked: {later}"))
    found = problems_of(records)
    assert len(found) == 1 and found[0].startswith("questions/later.yml:5: asked: ")
    assert "toekomst" in found[0]


def test_an_answer_points_at_exactly_one_record_and_resolves(records: Path) -> None:
    write_record(records, "taalcafe.yml", "title: Taalcafé\nsummary: S.\ncity: teststad\nthemes: [taal]\n"
                 "sources: [bron-test]\nlast_reviewed: 2026-10-01\n")  # fmt: skip
    write_record(
        records,
        "questions/twee.yml",
        QUESTION + "answers:\n  - practice: taalcafe\n    city: teststad\n    why: Beide.\n",
    )
    write_record(
        records,
        "questions/onbekend.yml",
        QUESTION
        + "answers:\n  - practice: taalcafee\n    why: Bijna.\n  - organisation: ocmw\n    why: O.\n",
    )
    write_record(records, "questions/naam.yml", QUESTION + "answers:\n  - city: Teststad\n    why: Naam.\n")
    assert problems_of(records) == [
        "questions/naam.yml:9: answers[0].city: 'Teststad' is de naam; schrijf de id 'teststad'",
        "questions/onbekend.yml:9: answers[0].practice: 'taalcafee' is geen praktijk uit practices/; bedoel "
        "je 'taalcafe'?",
        "questions/onbekend.yml:11: answers[1].organisation: 'ocmw' is geen organisatie uit "
        "practices/organisations/",
        "questions/twee.yml:9: answers[0]: een antwoord verwijst naar precies één praktijk (`practice`), "
        "gemeente (`city`) of organisatie (`organisation`); dit antwoord heeft er `practice` en `city`. Maak "
        "van elk een eigen antwoord, met zijn eigen `why`",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Bel 03 123 45 67.",
        "Bel +32 478 12 34 56.",
        "Bel 015/29.76.66 of mail.",
        "Schrijf naar samenleven@gemeente.example.",
    ],
)
def test_contact_details_in_the_context_are_refused(records: Path, text: str) -> None:
    write_record(
        records, "questions/privacy.yml", QUESTION.replace("Vrijwilligers zijn er, een lokaal niet.", text)
    )
    found = problems_of(records)
    assert len(found) == 1 and found[0].startswith("questions/privacy.yml:2: context: de tekst bevat een ")
    assert "verwijder het" in found[0]


@pytest.mark.parametrize(
    "text", ["In 2019-2020 kostte het € 20.000.", "Sinds 01/09/2019, 0,5 VTE.", "Nummer 12 van 2024."]
)
def test_years_amounts_and_dates_are_no_phone_numbers(records: Path, text: str) -> None:
    write_record(
        records, "questions/cijfers.yml", QUESTION.replace("Vrijwilligers zijn er, een lokaal niet.", text)
    )
    assert problems_of(records) == []


# --- matching -----------------------------------------------------------------------------------------------

PRACTICES = {
    # id: (title, summary, city, themes, suits)
    "taalcafe-dorp": ("Taalcafé in de bibliotheek", "Vrijwilligers oefenen Nederlands.", "dorp", "taal, samenleven", ""),
    "buurtfeest-stad": ("Buurtfeest", "Buren ontmoeten elkaar.", "stad", "taal, samenleven", ""),
    "taalcafe-grootstad": ("Taalcafé", "Wekelijks.", "grootstad", "taal", "klein"),
    "praatgroep-drie": ("Praatgroep", "Nederlands oefenen.", "drie", "taal", ""),
    "praatgroep-nieuw": ("Praatgroep", "Nederlands oefenen.", "nieuw", "taal", ""),
    "sportkamp-lus": ("Taalcafé op het sportkamp", "Vrijwilligers.", "lus", "vrije-tijd", "klein"),
}  # fmt: skip


@pytest.fixture
def matched(records: Path) -> Context:
    for pid, (title, summary, city, themes, suits) in PRACTICES.items():
        extra = f"transferability:\n  size_classes: [{suits}]\n" if suits else ""
        write_record(
            records,
            f"{pid}.yml",
            f"title: {title}\nsummary: {summary}\ncity: {city}\nthemes: [{themes}]\n{extra}"
            "sources: [bron-test]\nlast_reviewed: 2026-10-01\n",
        )
    # The id decides the ties: for this one the ring puts praatgroep-nieuw before praatgroep-drie, where
    # the alphabet (or the equal titles) would not.
    write_record(records, "questions/hoe-start-je-een-taalcafe.yml", QUESTION)
    return Context(knowledge.build(records, today=TODAY), TODAY)


def test_practices_are_ranked_by_themes_then_words_then_size_and_ties_by_the_ring(matched: Context) -> None:
    found = matched.matching.practices("hoe-start-je-een-taalcafe")
    assert [(s.id, s.score) for s in found] == [
        ("taalcafe-dorp", (2, 3, 1)),  # both themes; "taalcafé" (question, 2) and "vrijwilligers" (1); klein
        ("buurtfeest-stad", (2, 0, 0)),
        ("taalcafe-grootstad", (1, 2, 2)),  # its record says it suits a klein gemeente
        ("praatgroep-nieuw", (1, 0, 1)),
        ("praatgroep-drie", (1, 0, 1)),
    ]  # sportkamp-lus shares no theme, whatever its words and size
    anchor = stable_hash("hoe-start-je-een-taalcafe")
    assert ring_distance(anchor, stable_hash("praatgroep-nieuw")) < ring_distance(
        anchor, stable_hash("praatgroep-drie")
    )
    assert found[0].reason == (
        "Zelfde thema's: Nederlands en meertaligheid, Samenleven in de buurt; woorden uit de vraag: "
        "taalcafé, vrijwilligers; uit een gemeente van dezelfde grootte (kleine gemeente)."
    )
    assert found[2].reason == (
        "Zelfde thema: Nederlands en meertaligheid; woord uit de vraag: taalcafé; volgens haar fiche "
        "geschikt voor een kleine gemeente."
    )


def test_municipalities_come_closest_in_size_first_then_by_their_best_practice(matched: Context) -> None:
    found = matched.matching.municipalities("hoe-start-je-een-taalcafe")
    assert [(s.id, s.reason) for s in found] == [
        ("dorp", "Even groot (kleine gemeente)."),
        ("nieuw", "Even groot (kleine gemeente)."),
        ("drie", "Even groot (kleine gemeente)."),
        ("stad", "Drie klassen groter (stad)."),
        ("grootstad", "Vier klassen groter (grootstad)."),
    ]


def test_the_matching_is_the_same_in_every_build_and_only_for_open_questions(records: Path) -> None:
    write_record(records, "questions/open.yml", QUESTION)
    write_record(records, "taalcafe.yml", "title: Taalcafé\nsummary: S.\ncity: dorp\nthemes: [taal]\n"
                 "sources: [bron-test]\nlast_reviewed: 2026-10-01\n")  # fmt: skip
    write_record(
        records,
        "questions/klaar.yml",
        QUESTION.replace(
            "asked: 2024-03", "asked: 2024-03\nstatus: beantwoord\nanswers:\n  - city: dorp\n    why: W."
        ),
    )
    first = Context(knowledge.build(records, today=TODAY), TODAY).matching
    second = Context(knowledge.build(records, today=TODAY), TODAY).matching
    assert first.practices("open") == second.practices("open") != []
    assert first.practices("klaar") == [] and first.municipalities("klaar") == []


def test_words_every_question_uses_do_not_count() -> None:
    words = matching.plain_words(
        "Hoe kan een kleine gemeente het integratiebeleid voor nieuwkomers aanpakken?"
    )
    assert sorted(words.values()) == ["aanpakken", "nieuwkomers"]


# --- open data ----------------------------------------------------------------------------------------------


def test_questions_and_answers_are_open_data() -> None:
    kb = knowledge.build(FIXTURES, today=TODAY)
    files = generate.build_site(FIXTURES, today=TODAY).files
    document = json.loads(files["data/leervragen.json"])
    assert document["count"] == len(kb.questions) == 3
    answered = document["records"]["buren-leren-kennen"]
    assert answered["answers"][0] == {"practice": "buurtfeest-heidegem", "city": None, "organisation": None,
                                      "why": "Heidegem steunt buurtfeesten die bewoners zelf organiseren."}  # fmt: skip
    assert document["computed"]["records"]["taalcafe-zonder-bibliotheek"] == {"asking_size_class": "klein"}
    rows = list(csv.DictReader(io.StringIO(files["data/leervragen.csv"].decode("utf-8-sig")), delimiter=";"))
    by_id = {row["id"]: row for row in rows}
    assert (
        by_id["buren-leren-kennen"]["answers"]
        == "practice: buurtfeest-heidegem; organisation: buurtwerk-demo"
    )
    assert by_id["taalcafe-zonder-bibliotheek"]["meetings"] == "overleg-demo (2024-05)"


# --- links both ways, over every record ---------------------------------------------------------------------

_HREF = re.compile(r'href="([^"#?]+)')


def page_links(site: generate.Site) -> dict[str, set[str]]:
    """Site-relative URL of every generated page -> the URLs of the site's own pages it links to."""
    found: dict[str, set[str]] = {}
    for page in site.pages.values():
        html = "".join(str(block) for block in page.blocks() if isinstance(block, Markup))
        targets = set()
        for href in _HREF.findall(html):
            if href.startswith(("http:", "https:", "mailto:", "tel:")):
                continue
            target = posixpath.normpath(posixpath.join(page.url, href))
            targets.add(target.strip("/") + "/")
        found[page.url] = targets
    return found


def assert_linked_both_ways(records: Path, today: object) -> int:
    site = generate.build_site(records, today=today)  # type: ignore[arg-type]
    kb, links = site.context.kb, page_links(site)
    pages_of = {"practice", "city", "organisation", "network"}
    checked = 0
    related: dict[str, set[str]] = {}
    for qid, record in kb.questions.items():
        own = urls.page_url("question", qid)
        for _, kind, target in references("question", record):
            if kind not in pages_of:
                continue
            other = urls.page_url(kind, target)
            related.setdefault(other, set()).add(own)
            assert other in links[own], f"{own} does not link {other}"
            assert own in links[other], f"{other} does not link back to {own}"
            checked += 1
    sizes = site.context.matching.by_size
    for url, targets in links.items():
        section, _, rest = url.partition("/")
        kind = next((k for k in pages_of if urls.SECTIONS[k] == section), None)
        if kind is None or not rest:
            continue  # another kind of page, or a section's index
        asked = {t for t in targets if t.startswith("leervragen/") and t != "leervragen/"}
        allowed = set(related.get(url, set()))
        if kind == "city":  # a municipality also lists the questions of its size class
            size = site.context.bench.city_size.get(url.split("/")[1])
            shown = sizes.get(size or "", [])
            allowed |= {urls.page_url("question", qid) for qid in shown}
            mine = [q for q in shown if kb.questions[q].city == url.split("/")[1]]
            expected = (mine + [q for q in shown if q not in mine])[: question.SAME_SIZE_SHOWN]
            assert {urls.page_url("question", q) for q in expected} <= asked, url
        assert asked <= allowed, f"{url} links questions it has no relation with: {asked - allowed}"
    return checked


def test_practice_municipality_and_network_pages_link_questions_both_ways_in_the_fixture_corpus() -> None:
    from conftest import FIXTURE_TODAY

    assert assert_linked_both_ways(FIXTURES, FIXTURE_TODAY) == 5


def test_practice_municipality_and_network_pages_link_questions_both_ways_in_the_demo_corpus(
    demo_records: Path,
) -> None:
    assert assert_linked_both_ways(demo_records, TODAY) >= 5


def test_the_index_lists_open_questions_newest_first_with_filters_that_need_no_script() -> None:
    from conftest import FIXTURE_TODAY

    site = generate.build_site(FIXTURES, today=FIXTURE_TODAY)
    index = generate.markdown_of([site.pages[question.FILE]])[question.FILE]
    assert '<a href="../themas/taal/#open-leervragen">Nederlands en meertaligheid</a> (1)' in index
    assert '<a href="../stadsgrootte/klein/#leervragen">Kleine gemeente</a> (1)' in index
    assert index.index("## Open leervragen") < index.index("## Beantwoorde leervragen")
    assert "Beantwoord door: " in index and "<script" not in index
    page = generate.markdown_of([site.pages["leervragen/taalcafe-zonder-bibliotheek.md"]])
    text = next(iter(page.values()))
    assert "Een suggestie van de kennisbank zelf, geen antwoord" in text
    assert "## Ik kan helpen" in text and "issues/new?title=Antwoord" in text and "/edit/main/" in text


# --- hostile text in every free-text field of a question -------------------------------------------------

HOSTILE = (
    "<script>alert(1)</script> <img src=x onerror=alert(1)> {{ 7*7 }} {% raw %} [link](javascript:x) "
    "<!-- ### kop *ster* &amp; ATTACK"
)


def test_hostile_text_in_every_free_text_field_of_a_question_shows_as_text(tmp_path: Path) -> None:
    from bs4 import BeautifulSoup
    from conftest import FIXTURE_TODAY
    from sitebuild import build_site

    from macros.contributing.fieldinfo import fields_of
    from macros.records.models import Question

    free = {doc.path for doc in fields_of(Question) if doc.type_label.startswith("tekst")}
    assert free == {"question", "context", "answers[].why", "meetings[].note"}  # add a field: add it below
    records = tmp_path / "records"
    shutil.copytree(FIXTURES, records)
    write_record(
        records,
        "questions/aanval.yml",
        yaml.safe_dump(
            {
                "question": HOSTILE[:250],
                "context": f"{HOSTILE}\n\n{HOSTILE}",
                "themes": ["taal"],
                "asked": "2024",
                "answers": [{"practice": "taalcafe-lindeburg", "why": HOSTILE}],
                "meetings": [{"network": "overleg-demo", "date": "2024", "note": HOSTILE}],
                "sources": ["handboek-demo"],
                "last_reviewed": "2024-06-01",
            },
            allow_unicode=True,
        ),
    )
    site = build_site(records, tmp_path / "site", today=FIXTURE_TODAY)
    pages = ["leervragen/aanval/", "leervragen/", "praktijken/taalcafe-lindeburg/", "netwerken/overleg-demo/"]
    for url in pages:
        html = (site / url / "index.html").read_text(encoding="utf-8")
        article = BeautifulSoup(html, "html.parser").find("article")
        assert article is not None, url
        assert not article.find_all(["script", "img", "iframe"]), url
        assert not [a for a in article.find_all("a") if a.get("href", "").startswith("javascript")], url
        assert not any(attr.startswith("on") for el in article.find_all(True) for attr in el.attrs), url
        text = article.get_text(" ")
        assert "<script>alert(1)</script>" in text and "{{ 7*7 }}" in text and "ATTACK" in text, url
