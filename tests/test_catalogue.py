"""The catalogue page's markup: the contract the filter script and the browser tests rely on
(the markup `docs/assets/javascripts/catalogue.js` reads), read back with an HTML parser."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from records_folder import TODAY
from tooling import demo

from macros import generate
from macros.pages import catalogue
from macros.pages.context import Context
from macros.records import knowledge
from macros.records.knowledge import KnowledgeBase
from macros.records.models import Practice

FACET_ORDER = ["grootte", "centrumstad", "provincie", "geschikt", "thema", "instrument", "status"]
OPEN_FACETS = ("grootte", "centrumstad", "provincie", "geschikt", "thema")
"""Size, centrumstad, province and theme sit beside each other, open (issue 21); the rest is folded."""


class Element:
    def __init__(self, tag: str, attrs: dict[str, str], parents: list[Element]) -> None:
        self.tag, self.attrs, self.parents = tag, attrs, list(parents)
        self.text = ""


class Collector(HTMLParser):
    """Every element with its attributes, ancestors and text (enough to read the contract back)."""

    VOID = frozenset({"input", "br", "img", "meta", "link", "hr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.stack: list[Element] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, self.stack)
        self.elements.append(element)
        if tag not in self.VOID:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        while self.stack and self.stack.pop().tag != tag:
            pass

    def handle_data(self, data: str) -> None:
        for element in self.stack:
            element.text += data

    def find(self, tag: str, **attrs: str) -> list[Element]:
        return [
            e for e in self.elements if e.tag == tag and all(e.attrs.get(k) == v for k, v in attrs.items())
        ]


def parse(markdown: str) -> Collector:
    collector = Collector()
    collector.feed(markdown)
    return collector


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    root = tmp_path_factory.mktemp("catalogue") / "records"
    demo.write_corpus(root, 60, seed=0)
    return knowledge.build(root, today=TODAY)


def catalogue_markdown(kb: KnowledgeBase) -> str:
    """The catalogue page as the site renders it on TODAY, in its Markdown form (HTML blocks)."""
    return generate.markdown_of([catalogue.render(Context(kb, TODAY))])[catalogue.PAGE_FILE]


@pytest.fixture(scope="module")
def page(kb: KnowledgeBase) -> Collector:
    return parse(catalogue_markdown(kb))


def band_of(kb: KnowledgeBase, city_id: str) -> str:
    """The size class of a municipality from the vocabulary's bands and its reference population,
    computed here independently of macros.records.relations."""
    value = kb.municipalities[city_id].population
    return next(
        t.id
        for t in kb.size_classes.values()
        if t.min_population <= value and (t.max_population is None or value < t.max_population)
    )


def first_day(partial: str) -> dt.date:
    parts = [int(p) for p in partial.split("-")] + [1, 1]
    return dt.date(parts[0], parts[1], parts[2])


def status_on(kb: KnowledgeBase, practice: Practice, today: dt.date) -> str:
    """The rule of issue 20, written out here: `lopend` only when a source of the last three years
    says so (its own date, else its source's year); `afgerond` when a source says so or the period
    has ended; otherwise `onbekend`."""
    status = practice.status
    if status is not None and status.state == "afgerond":
        return "afgerond"
    if practice.period and practice.period.end and first_day(practice.period.end) <= today:
        return "afgerond"
    if status is not None and status.state == "lopend":
        year = kb.sources[status.source].year if status.source else None
        date = status.date or (str(year) if year else None)
        if date and first_day(date) >= today.replace(year=today.year - 3):
            return "lopend"
    return "onbekend"


def expected_facets(kb: KnowledgeBase, practice: Practice) -> dict[str, list[str]]:
    municipality = kb.municipalities[practice.city]
    return {
        "grootte": [band_of(kb, practice.city)],
        "centrumstad": ["ja"] if municipality.centrumstad else [],
        "geschikt": practice.transferability.size_classes if practice.transferability else [],
        "thema": practice.themes,
        "instrument": practice.instruments,
        "status": [status_on(kb, practice, TODAY)],
        "provincie": [municipality.province],
    }


def test_every_practice_is_listed_once_with_its_link_and_facets_as_data(
    kb: KnowledgeBase, page: Collector
) -> None:
    items = page.find("li", **{"class": "kb-practice"})
    assert all(item.parents[-1].attrs.get("id") == "kb-catalogue" for item in items)
    by_link = {}
    for item in items:
        links = [e for e in page.elements if e.tag == "a" and item in e.parents]
        assert len(links) == 1
        by_link[links[0].attrs["href"]] = (item, links[0])
    assert set(by_link) == {f"{practice_id}/" for practice_id in kb.practices}
    assert len(items) == len(kb.practices)
    for practice_id, practice in kb.practices.items():
        item, link = by_link[f"{practice_id}/"]
        assert link.text == practice.title
        assert kb.municipalities[practice.city].name in item.text
        for facet, values in expected_facets(kb, practice).items():
            assert item.attrs.get(f"data-{facet}", "").split() == values, (practice_id, facet)


def test_the_demo_corpus_exercises_every_facet(kb: KnowledgeBase, page: Collector) -> None:
    """Guard for the tests above: each facet has some practices with a value and, for the optional
    ones, some without (no data attribute, which the script reads as no value)."""
    items = page.find("li", **{"class": "kb-practice"})
    for facet in FACET_ORDER:
        assert any(item.attrs.get(f"data-{facet}") for item in items), facet


def test_counts_start_as_the_number_of_practices_with_each_value(kb: KnowledgeBase, page: Collector) -> None:
    expected = {facet: Counter[str]() for facet in FACET_ORDER}
    for practice in kb.practices.values():
        for facet, values in expected_facets(kb, practice).items():
            expected[facet].update(values)
    spans = page.find("span", **{"class": "kb-count"})
    assert spans
    for span in spans:
        assert int(span.text) == expected[span.attrs["data-facet"]][span.attrs["data-value"]]
        label = span.parents[-2] if span.parents[-1].tag == "span" else span.parents[-1]
        assert label.tag == "label"
        assert f"({span.text})" in label.text


def test_facets_come_in_order_with_vocabulary_values_and_dutch_labels(
    kb: KnowledgeBase, page: Collector
) -> None:
    fieldsets = page.find("fieldset")
    assert [f.attrs["data-facet"] for f in fieldsets] == FACET_ORDER
    expected_labels = {
        "grootte": [(t.id, t.label) for t in kb.size_classes.values()],
        "centrumstad": [("ja", "Centrumstad")],
        "geschikt": [(t.id, t.label) for t in kb.size_classes.values()],
        "thema": [(t.id, t.label) for t in kb.themes.values()],
        "instrument": [(t.id, t.label) for t in kb.instruments.values()],
        "status": [
            ("lopend", "Lopend (bevestigd door een recente bron)"),
            ("afgerond", "Afgerond"),
            ("onbekend", "Onbekend of het nog loopt"),
        ],
        "provincie": [
            ("antwerpen", "Antwerpen"),
            ("limburg", "Limburg"),
            ("oost-vlaanderen", "Oost-Vlaanderen"),
            ("vlaams-brabant", "Vlaams-Brabant"),
            ("west-vlaanderen", "West-Vlaanderen"),
        ],
    }
    for fieldset in fieldsets:
        facet = fieldset.attrs["data-facet"]
        legends = [e for e in page.find("legend") if fieldset in e.parents]
        assert len(legends) == 1 and legends[0].text.strip()
        inputs = [e for e in page.find("input") if fieldset in e.parents]
        assert all(i.attrs["type"] == "checkbox" and i.attrs["name"] == facet for i in inputs)
        assert [i.attrs["value"] for i in inputs] == [value for value, _ in expected_labels[facet]]
        for element, (_, label) in zip(inputs, expected_labels[facet], strict=True):
            assert element.parents[-1].tag == "label"
            assert element.parents[-1].text.strip().startswith(label)


def test_size_centrumstad_province_and_theme_are_open_and_the_other_filters_collapsed(
    page: Collector,
) -> None:
    (form,) = page.find("form", id="kb-filters")
    assert "hidden" in form.attrs, "without JavaScript the form stays hidden"
    for fieldset in page.find("fieldset"):
        collapsed = any(p.tag == "details" for p in fieldset.parents)
        assert collapsed == (fieldset.attrs["data-facet"] not in OPEN_FACETS)
        assert form in fieldset.parents
    buttons = [b for b in page.find("button") if form in b.parents]
    assert [b.text for b in buttons] == ["Wis filters"]
    assert buttons[0].attrs["type"] == "button"


def test_the_two_size_filters_say_which_is_which(page: Collector) -> None:
    """The lead city's size and the sizes a practice suits are different answers to "what suits my
    size": each has its own legend and a line that says what it means."""
    legends = {
        fieldset.attrs["data-facet"]: (
            [e.text for e in page.find("legend") if fieldset in e.parents],
            [e.text for e in page.find("p", **{"class": "kb-facet-help"}) if fieldset in e.parents],
        )
        for fieldset in page.find("fieldset")
    }
    assert legends["grootte"] == (["Grootte van de trekker"], [catalogue.SIZE_HELP])
    assert legends["geschikt"] == (["Geschikt voor"], [catalogue.SUITS_HELP])


def test_the_text_box_is_in_the_form_and_the_form_folds_behind_a_filters_button(page: Collector) -> None:
    (form,) = page.find("form", id="kb-filters")
    (box,) = page.find("input", type="search")
    assert form in box.parents and box.attrs["name"] == "zoek"
    (label,) = [e for e in page.find("label") if e.attrs.get("for") == box.attrs["id"]]
    assert label.text.startswith("Zoek in de praktijken")
    (toggle,) = page.find("button", **{"data-kb-filters-toggle": ""})
    assert toggle.attrs["aria-controls"] == "kb-filters" and toggle.attrs["aria-expanded"] == "false"
    assert "hidden" in toggle.attrs, "without JavaScript there is no form to unfold"
    assert page.elements.index(toggle) < page.elements.index(form)


def test_without_javascript_the_intro_names_what_works_and_the_script_has_its_own(
    kb: KnowledgeBase, page: Collector
) -> None:
    (static,) = page.find("p", **{"data-kb-intro-static": ""})
    (script,) = page.find("p", **{"data-kb-intro-script": ""})
    assert "hidden" not in static.attrs and "hidden" in script.attrs
    assert "Kies hieronder" not in static.text
    assert f"alle {len(kb.practices)} praktijken hieronder" in static.text
    assert "per stadsgrootte en per thema" in static.text
    assert "vanaf haar eigen pagina" in static.text, "says that a practice prints on its own"
    assert "vergaderpakket" in script.text


def test_the_meeting_pack_controls_and_print_view_stay_hidden_without_javascript(page: Collector) -> None:
    (bar,) = page.find("div", **{"data-kb-pack": ""})
    (view,) = page.find("section", id="kb-pack-view")
    assert "hidden" in bar.attrs and "hidden" in view.attrs
    (button,) = [b for b in page.find("button") if "data-kb-pack-print" in b.attrs]
    assert button.text == "Afdrukken als vergaderpakket" and bar in button.parents
    assert page.find("ol", **{"data-kb-pack-cover": ""})


def test_the_result_count_is_announced(kb: KnowledgeBase, page: Collector) -> None:
    (count,) = page.find("p", id="kb-result-count")
    assert count.attrs["aria-live"] == "polite"
    assert count.text == f"{len(kb.practices)} praktijken"


def test_the_show_more_buttons_follow_the_list_and_stay_hidden_without_javascript(page: Collector) -> None:
    (more,) = page.find("div", **{"data-kb-more": ""})
    assert "hidden" in more.attrs, "without JavaScript every practice is listed, so nothing to show more of"
    (catalogue_list,) = page.find("ul", id="kb-catalogue")
    assert page.elements.index(more) > max(
        page.elements.index(e) for e in page.elements if catalogue_list in e.parents
    )
    buttons = [b for b in page.find("button") if more in b.parents]
    assert [sorted(k for k in b.attrs if k.startswith("data-kb-more")) for b in buttons] == [
        ["data-kb-more-next"],
        ["data-kb-more-all"],
    ]
    assert all(b.attrs["type"] == "button" and b.text.startswith("Toon") for b in buttons)


def test_static_theme_and_size_pages_are_linked_for_readers_without_javascript(
    kb: KnowledgeBase, page: Collector
) -> None:
    (folded,) = page.find("details", **{"class": "kb-static-facets"})
    hrefs = {a.attrs["href"] for a in page.find("a") if folded in a.parents}
    assert {f"../themas/{t}/" for t in kb.themes} <= hrefs
    assert {f"../stadsgrootte/{s}/" for s in kb.size_classes} <= hrefs
    assert [e.text for e in page.find("summary") if folded in e.parents] == [
        "Filters: per stadsgrootte, thema en provincie"
    ]


def test_record_text_is_shown_literally_and_never_as_markup_or_template(kb: KnowledgeBase) -> None:
    some_id = sorted(kb.practices)[0]
    hostile = kb.practices[some_id].model_copy(
        update={
            "title": "<script>alert(1)</script> {{ config }}",
            "summary": "{% include 'x' %} & <b>vet</b>",
        }
    )
    markdown = catalogue_markdown(_with_practice(kb, some_id, hostile))
    assert "<script>" not in markdown and "<b>" not in markdown
    assert "{{" not in markdown and "{%" not in markdown
    (link,) = [a for a in parse(markdown).find("a") if a.attrs.get("href") == f"{some_id}/"]
    assert link.text == hostile.title
    item = link.parents[-1]
    assert "{% include 'x' %} & <b>vet</b>" in item.text


def test_long_summaries_are_cut_at_a_word_so_a_large_catalogue_stays_light(kb: KnowledgeBase) -> None:
    words = "Een lange samenvatting die veel meer zegt dan in de catalogus past " * 10
    long_kb = kb
    for practice_id, practice in list(kb.practices.items()):
        long_kb = _with_practice(long_kb, practice_id, practice.model_copy(update={"summary": words[:600]}))
    markdown = catalogue_markdown(long_kb)
    parsed = parse(markdown)
    items = parsed.find("li", **{"class": "kb-practice"})
    summaries = [p.text for p in parsed.find("p") if p.parents and p.parents[-1] in items]
    assert len(summaries) == len(items)
    for summary in summaries:
        assert summary.endswith("…") and len(summary) <= catalogue.SUMMARY_CHARS + 1
        assert words.startswith(summary[:-1]) and words[len(summary) - 1] == " ", "cut at a word boundary"
    lines = [line for line in markdown.splitlines() if line.startswith('<li class="kb-practice"')]
    per_practice = len("\n".join(lines).encode()) / len(lines)
    # Each practice carries its facts as data (issue 21): 3,000 practices stay near 1.5 MB of HTML (1.55
    # MB measured for the demo corpus, README "The catalogue for officers"): under 520 bytes a practice.
    assert per_practice < 520, per_practice


def _with_practice(kb: KnowledgeBase, practice_id: str, practice: Practice) -> KnowledgeBase:
    copy = KnowledgeBase(root=Path(kb.root), **{k: getattr(kb, k) for k in _PARTS})
    copy.practices = {**kb.practices, practice_id: practice}
    return copy


_PARTS = [
    "municipalities",
    "profiles",
    "organisations",
    "networks",
    "sources",
    "themes",
    "instruments",
    "size_classes",
    "flow_kinds",
    "conditions",
    "reference",
    "raw",
]
