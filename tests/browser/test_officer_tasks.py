"""The officer's tasks of issue 21 in Chromium: ask the catalogue a comparative question, compare
practices side by side, print a practice on one sheet.

- "Which centrumsteden have a buddy project, sorted by start year?" is one catalogue URL, opened here
  on the shipped site; sorting, the table view and the province filter are checked on the demo site.
- A comparison of three practices opens from the catalogue, with the selection in its URL, axe-clean
  in both palettes and without a request to another site; on a phone its columns scroll and the row
  titles stay; municipalities are compared from /steden/.
- Every shipped practice is printed with Chromium's page.pdf and its pages counted: at least 90 % on
  one A4 page, none on more than two (README, "Phones and paper", gives the distribution).

Expected practices come from the records, never from the page. The text box's matching may grow
(synonyms, word forms): the buddy question asserts what any matching must show, not an exact list.
"""

from __future__ import annotations

import collections
import re
import unicodedata
from urllib.parse import parse_qs, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped]
from playwright.sync_api import Browser, BrowserContext, Page, expect

from browser.test_accessibility import BLOCKING, PALETTES, WCAG_AA, describe
from macros.pages.facts import practice_facts
from macros.records import knowledge
from macros.records.knowledge import KnowledgeBase

pytestmark = pytest.mark.browser

CATALOGUE = "praktijken/"
BUDDY_QUESTION = "praktijken/?centrumstad=ja&zoek=buddy&sorteer=start"
"""Which centrumsteden have a buddy project, sorted by start year: the whole question in one URL."""
PHONE = {"width": 390, "height": 844}
ONE_PAGE_SHARE = 0.9


def fold(text: str) -> str:
    return unicodedata.normalize("NFD", text).encode("ascii", "ignore").decode().casefold()


def shown_ids(page: Page) -> list[str]:
    """The practices the list shows, top to bottom."""
    hrefs: list[str] = page.evaluate(
        """() => [...document.querySelectorAll('#kb-catalogue li.kb-practice')]
            .filter(li => li.checkVisibility())
            .map(li => li.querySelector('a').getAttribute('href'))"""
    )
    return [href.rstrip("/").rsplit("/", 1)[-1] for href in hrefs]


def table_ids(page: Page) -> list[str]:
    hrefs: list[str] = page.evaluate(
        """() => [...document.querySelectorAll('[data-kb-table] tbody th a')].map(a => a.getAttribute('href'))"""
    )
    return [href.rstrip("/").rsplit("/", 1)[-1] for href in hrefs]


def query(page: Page) -> dict[str, str]:
    return {key: ",".join(values) for key, values in parse_qs(urlsplit(page.url).query).items()}


def start_key(kb: KnowledgeBase, practice_id: str) -> tuple[int, str]:
    """Sort key of the start year: practices without one come last."""
    period = kb.practices[practice_id].period
    return (0, period.start[:4]) if period else (1, "")


# --- the comparative question --------------------------------------------------------------------------


def test_which_centrumsteden_have_a_buddy_project_sorted_by_start_year(
    page: Page, shipped_url: str, shipped_kb: KnowledgeBase
) -> None:
    kb = shipped_kb
    page.goto(shipped_url + BUDDY_QUESTION)
    # The text box asks the search index, and the list stays whole until the answer comes.
    expect(page.locator("#kb-result-count")).to_contain_text(f"(van {len(kb.practices)})")
    shown = shown_ids(page)
    # At least every centrumstad practice called a buddy project in its title; only centrumsteden.
    must = {
        pid
        for pid, practice in kb.practices.items()
        if kb.municipalities[practice.city].centrumstad and "buddy" in fold(practice.title)
    }
    assert len(must) >= 2, "the shipped records have buddy projects in several centrumsteden"
    assert must <= set(shown), f"missing: {must - set(shown)}"
    assert all(kb.municipalities[kb.practices[pid].city].centrumstad for pid in shown)
    keys = [start_key(kb, pid) for pid in shown]
    assert keys == sorted(keys), "sorted by start year, oldest first, those without one last"
    # The page keeps the question in its address and shows it in the form.
    assert query(page) == {"centrumstad": "ja", "zoek": "buddy", "sorteer": "start"}
    expect(page.locator('#kb-filters input[name="centrumstad"][value="ja"]')).to_be_checked()
    expect(page.locator("[data-kb-sort]")).to_have_value("start")
    expect(page.locator("#kb-text")).to_have_value("buddy")
    # Each answer says where and since when, in its line of facts.
    for item, pid in zip(page.locator("#kb-catalogue li.kb-practice").all(), shown, strict=True):
        facts = practice_facts(kb, pid, knowledge.current_date())
        line = item.locator(".kb-facts")
        expect(line).to_contain_text("centrumstad")
        expect(line).to_contain_text(facts.province_label)
        if facts.start:
            expect(line).to_contain_text(f"start {facts.start_year}")


def test_sorting_the_province_filter_and_the_table_view_live_in_the_url(
    page: Page, served_site: str, demo_kb: KnowledgeBase
) -> None:
    kb = demo_kb
    page.add_init_script("window.print = () => { window.kbPrinted = (window.kbPrinted || 0) + 1; }")
    page.goto(served_site + CATALOGUE)
    page.locator("[data-kb-sort]").select_option("bevestigd")
    province = collections.Counter(
        m.province for m in (kb.municipalities[p.city] for p in kb.practices.values())
    )
    chosen = province.most_common(1)[0][0]
    page.locator(f'#kb-filters input[name="provincie"][value="{chosen}"]').check()
    want = [pid for pid, p in kb.practices.items() if kb.municipalities[p.city].province == chosen]
    expect(page.locator("#kb-result-count")).to_contain_text(f"{len(want)} praktijk")
    shown = shown_ids(page)
    assert set(shown) <= set(want) and len(shown) == min(len(want), 50)

    def confirmed(pid: str) -> tuple[int, int]:
        year = practice_facts(kb, pid, knowledge.current_date()).confirmed_year
        return (0, -int(year)) if year else (1, 0)

    keys = [confirmed(pid) for pid in shown]
    assert keys == sorted(keys), "newest confirmation first, those without one last"
    page.get_by_role("button", name="Tabel", exact=True).click()
    expect(page).to_have_url(re.compile(r"[?&]weergave=tabel"))  # the click's handler has run
    assert query(page) == {"provincie": chosen, "sorteer": "bevestigd", "weergave": "tabel"}
    expect(page.locator("#kb-catalogue")).to_be_hidden()
    expect(page.locator("[data-kb-table-wrap]")).to_be_visible()
    assert table_ids(page) == shown
    caption = page.locator("[data-kb-table] caption")
    expect(caption).to_contain_text(f"{len(want)} praktijken")
    expect(caption).to_contain_text("volgorde: laatst bevestigd eerst")
    page.reload()
    expect(page.locator("[data-kb-table-wrap]")).to_be_visible()
    expect(page.locator("[data-kb-sort]")).to_have_value("bevestigd")
    assert table_ids(page) == shown
    # A printed table is every match, not the first batch.
    page.get_by_role("button", name="Tabel afdrukken").click()
    page.wait_for_function("window.kbPrinted !== undefined")  # the click's handler has run
    assert page.evaluate("window.kbPrinted") == 1
    assert sorted(table_ids(page)) == sorted(want)


def test_the_text_box_does_not_search_the_line_of_facts(page: Page, served_site: str) -> None:
    """The line is the script's reading of the data, not the practice's text: "centrumstad" stands in
    the line of many demo practices and in the text of none."""
    page.goto(served_site + CATALOGUE)
    expect(page.locator("#kb-catalogue .kb-facts").filter(has_text="centrumstad").first).to_be_visible()
    page.locator("#kb-text").fill("centrumstad")
    expect(page.locator("#kb-result-count")).to_have_text(re.compile(r"^0 praktijken"))


@pytest.mark.parametrize("palette", sorted(PALETTES))
def test_the_table_view_has_no_serious_accessibility_violation(
    palette: str, browser: Browser, served_site: str
) -> None:
    context = browser.new_context(color_scheme=palette, locale="nl-BE")
    try:
        page = context.new_page()
        page.goto(f"{served_site}{CATALOGUE}?weergave=tabel&sorteer=start", wait_until="networkidle")
        page.locator("[data-kb-table] tbody .kb-tick").first.check()
        expect(page.locator("[data-kb-pack]")).to_be_visible()  # the bar with Vergelijken: axe checks it too
        assert_axe_clean(page)
    finally:
        context.close()


# --- compare side by side ------------------------------------------------------------------------------


def assert_axe_clean(page: Page) -> None:
    """No serious or critical WCAG 2.1 AA violation, once the buttons' colour transitions have ended
    (axe measured a button halfway from disabled to enabled)."""
    page.mouse.move(0, 0)  # a hovered button takes Material's accent colours, which axe would measure
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
    options = {"runOnly": {"type": "tag", "values": WCAG_AA}, "resultTypes": ["violations"]}
    violations = Axe().run(page, options=options).response["violations"]
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    assert not blocking, "\n".join(map(describe, blocking))


def tick_and_compare(page: Page, count: int) -> list[str]:
    """Tick the first `count` practices the catalogue shows and press Vergelijken; their ids."""
    ids = shown_ids(page)[:count]
    for pid in ids:
        page.locator(f'#kb-catalogue .kb-tick[value$="/{pid}/"]').check()
    page.get_by_role("button", name="Vergelijken").click()
    page.wait_for_selector("[data-kb-compare-ready]")
    return ids


@pytest.mark.parametrize("palette", sorted(PALETTES))
def test_three_practices_compared_from_the_catalogue(
    palette: str, browser: Browser, served_site: str, demo_kb: KnowledgeBase
) -> None:
    kb = demo_kb
    context = browser.new_context(color_scheme=palette, locale="nl-BE")
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    try:
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.goto(served_site + CATALOGUE)
        expect(page.get_by_role("button", name="Vergelijken")).to_be_hidden()
        ids = shown_ids(page)[:3]
        page.locator(f'#kb-catalogue .kb-tick[value$="/{ids[0]}/"]').check()
        expect(page.get_by_role("button", name="Vergelijken")).to_be_disabled()  # two to four
        chosen = tick_and_compare(page, 3)
        assert chosen == ids
        assert urlsplit(page.url).path.endswith("/vergelijk/")
        assert query(page) == {"praktijken": ",".join(ids)}, "the selection is the address, to mail"
        headers = page.locator("[data-kb-compare-table] thead th")
        expect(headers).to_have_count(3)
        for header, pid in zip(headers.all(), ids, strict=True):
            expect(header.locator(".kb-compare-title")).to_have_text(kb.practices[pid].title)
        titles = page.locator("[data-kb-compare-table] tbody th[scope=row] > span:first-child")
        for row in (
            "Gemeente",
            "Periode",
            "Status",
            "Wat",
            "Hoe",
            "Middelen",
            "Resultaten",
            "Contact",
            "Bronnen",
        ):
            expect(titles.filter(has_text=re.compile(rf"^{row}"))).to_have_count(1)
        expect(titles.filter(has_text="Do's")).to_have_count(1)
        expect(titles.filter(has_text="Don'ts")).to_have_count(1)
        # A fact that differs says so in its row title; a fact the three share does not.
        provinces = {kb.municipalities[kb.practices[pid].city].province for pid in ids}
        province_row = page.locator(
            "[data-kb-compare-table] tbody tr", has=page.locator("th", has_text="Provincie")
        )
        expect(province_row.locator(".kb-compare-badge")).to_have_count(1 if len(provinces) > 1 else 0)
        assert_axe_clean(page)
        # The same table from its address alone, as a mailed link opens it.
        page.goto(page.url)
        page.wait_for_selector("[data-kb-compare-ready]")
        expect(headers).to_have_count(3)
    finally:
        context.close()
    outside = [
        url
        for url in requested
        if not url.startswith(served_site) and not url.startswith(("data:", "blob:", "about:"))
    ]
    assert not outside, f"requested outside the site: {outside}"


def test_removing_a_column_rewrites_the_address(page: Page, served_site: str, demo_kb: KnowledgeBase) -> None:
    ids = sorted(demo_kb.practices)[:3]
    page.goto(f"{served_site}vergelijk/?praktijken={','.join(ids)}")
    page.wait_for_selector("[data-kb-compare-ready]")
    remove = page.locator("[data-kb-compare-table] thead th").nth(1).get_by_role("button")
    expect(remove).to_have_accessible_name(f"Laat {demo_kb.practices[ids[1]].title} weg uit de vergelijking")
    remove.click()
    expect(page.locator("[data-kb-compare-table] thead th")).to_have_count(2)
    assert query(page) == {"praktijken": f"{ids[0]},{ids[2]}"}
    expect(page.locator("[data-kb-compare-status]")).to_have_text("2 praktijken naast elkaar.")


def test_only_the_rows_that_differ(page: Page, served_site: str, demo_kb: KnowledgeBase) -> None:
    ids = sorted(demo_kb.practices)[:2]
    page.goto(f"{served_site}vergelijk/?praktijken={','.join(ids)}")
    page.wait_for_selector("[data-kb-compare-ready]")
    same = page.locator("[data-kb-compare-table] tr.kb-same")
    before = same.count()
    page.get_by_label("Alleen de rijen die verschillen").check()
    for row in same.all():
        expect(row).to_be_hidden()
    expect(page.locator("[data-kb-compare-table] tr.kb-compare-long").first).to_be_visible()
    assert before + page.locator("[data-kb-compare-table] tr.kb-differs").count() == 6, "six fact rows"


def test_on_a_phone_the_columns_scroll_and_the_row_titles_stay(
    browser: Browser, served_site: str, demo_kb: KnowledgeBase
) -> None:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="nl-BE")
    try:
        page = context.new_page()
        ids = sorted(demo_kb.practices)[:3]
        page.goto(f"{served_site}vergelijk/?praktijken={','.join(ids)}")
        page.wait_for_selector("[data-kb-compare-ready]")
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], (
            "the page does not scroll"
        )
        frame = page.locator("[data-kb-compare-scroll]")
        title = page.locator("[data-kb-compare-table] tbody th[scope=row]").first
        cell = page.locator("[data-kb-compare-table] tbody tr").first.locator("td").first
        before_title, before_cell = title.bounding_box(), cell.bounding_box()
        assert frame.evaluate("f => f.scrollWidth > f.clientWidth"), "three columns do not fit a phone"
        frame.evaluate("f => { f.scrollLeft = 300; }")
        page.wait_for_timeout(100)
        after_title, after_cell = title.bounding_box(), cell.bounding_box()
        assert before_title and after_title and before_cell and after_cell
        assert abs(after_title["x"] - before_title["x"]) < 1, "the row titles stay"
        assert after_cell["x"] < before_cell["x"] - 200, "the columns scroll"
    finally:
        context.close()


def test_municipalities_are_compared_from_the_municipalities_page(
    page: Page, served_site: str, demo_kb: KnowledgeBase
) -> None:
    page.goto(served_site + "steden/")
    boxes = page.locator("table.kb-city-table .kb-tick")
    ids = [boxes.nth(i).get_attribute("value") or "" for i in (0, 1)]
    for i in (0, 1):
        boxes.nth(i).check()
    expect(page.locator("[data-kb-city-compare-count]")).to_have_text("2 gemeenten aangevinkt")
    page.get_by_role("button", name="Vergelijken").click()
    page.wait_for_selector("[data-kb-compare-ready]")
    assert query(page) == {"steden": ",".join(ids)}
    headers = page.locator("[data-kb-compare-table] thead th .kb-compare-title")
    expect(headers).to_have_text([demo_kb.municipalities[i].name for i in ids])


def test_without_javascript_the_comparison_page_says_where_to_choose(
    static_page: Page, served_site: str
) -> None:
    static_page.goto(served_site + "vergelijk/?praktijken=a,b")
    expect(static_page.locator("[data-kb-compare-static]")).to_contain_text(
        "Vergelijken werkt met JavaScript"
    )
    expect(static_page.locator("[data-kb-compare-page]")).to_be_hidden()


# --- one sheet per practice ----------------------------------------------------------------------------


def pdf_pages(pdf: bytes) -> int:
    """The number of pages of a PDF that Chromium wrote (one `/Type /Page` object per page)."""
    return len(re.findall(rb"/Type\s*/Page\b", pdf))


def test_the_print_button_opens_the_print_dialog_and_needs_javascript(
    page: Page, static_page: Page, served_site: str, demo_kb: KnowledgeBase
) -> None:
    url = f"{served_site}praktijken/{sorted(demo_kb.practices)[0]}/"
    page.add_init_script("window.print = () => { window.kbPrinted = (window.kbPrinted || 0) + 1; }")
    page.goto(url)
    page.get_by_role("button", name="Afdrukken").click()
    page.wait_for_function("window.kbPrinted !== undefined")  # the click's handler has run
    assert page.evaluate("window.kbPrinted") == 1
    static_page.goto(url)
    expect(static_page.get_by_role("button", name="Afdrukken")).to_have_count(0)


def test_a_printed_practice_shows_its_sheet_head_and_address_and_not_its_related_lists(
    context: BrowserContext, served_site: str, demo_kb: KnowledgeBase
) -> None:
    page = context.new_page()
    practice_id = next(pid for pid in sorted(demo_kb.practices) if demo_kb.practices[pid].period)
    page.goto(f"{served_site}praktijken/{practice_id}/")
    page.emulate_media(media="print")
    head = page.locator(".kb-sheet-head")
    expect(head).to_be_visible()
    for term in ("Gemeente", "Periode", "Status", "Contact"):
        expect(head.locator("dt", has_text=term)).to_have_count(1)
    expect(page.locator(".kb-sheet-foot")).to_contain_text(f"/praktijken/{practice_id}/")
    expect(page.locator(".kb-sources-short")).to_be_visible()
    for hidden in ("h2:has-text('Vergelijkbare praktijken')", ".kb-related", "h2:has-text('Kerngegevens')"):
        for element in page.locator(hidden).all():
            expect(element).to_be_hidden()
    page.emulate_media(media="screen")
    expect(head).to_be_hidden()
    page.close()


def test_every_shipped_practice_prints_on_one_page_when_its_text_fits(
    browser: Browser, shipped_url: str, shipped_kb: KnowledgeBase
) -> None:
    """Chromium's page.pdf of every shipped practice page, A4 with the site's own print styles: at
    least 90 % on one page, the rest on two. Prints the distribution (README, "Phones and paper")."""
    context = browser.new_context(locale="nl-BE")
    try:
        page = context.new_page()
        pages = {}
        for practice_id in sorted(shipped_kb.practices):
            page.goto(f"{shipped_url}praktijken/{practice_id}/", wait_until="load")
            pages[practice_id] = pdf_pages(page.pdf(format="A4", prefer_css_page_size=True))
    finally:
        context.close()
    distribution = collections.Counter(pages.values())
    print(f"\nPDF pages per shipped practice: {dict(sorted(distribution.items()))} of {len(pages)}")
    print("On two pages or more:", ", ".join(pid for pid, n in sorted(pages.items()) if n > 1) or "none")
    assert distribution[1] >= ONE_PAGE_SHARE * len(pages), dict(distribution)
    assert max(pages.values()) <= 2, {pid: n for pid, n in pages.items() if n > 2}


def test_the_meeting_pack_prints_each_practice_as_its_own_sheet(
    page: Page, served_site: str, demo_kb: KnowledgeBase
) -> None:
    page.add_init_script("window.print = () => { window.kbPrinted = (window.kbPrinted || 0) + 1; }")
    page.goto(served_site + CATALOGUE)
    ids = shown_ids(page)[:2]
    alone = 0
    for pid in ids:
        sheet = page.context.new_page()
        sheet.goto(f"{served_site}praktijken/{pid}/")
        alone += pdf_pages(sheet.pdf(format="A4", prefer_css_page_size=True))
        sheet.close()
    for pid in ids:
        page.locator(f'#kb-catalogue .kb-tick[value$="/{pid}/"]').check()
    page.get_by_role("button", name="Afdrukken als vergaderpakket").click()
    expect(page.locator("#kb-pack-view")).to_have_attribute("data-kb-pack-ready", "")
    expect(page.get_by_role("button", name="Afdrukken", exact=True)).to_be_visible()
    pack = page.pdf(format="A4", prefer_css_page_size=True)
    assert pdf_pages(pack) == 1 + alone, "a cover page, then each practice on its own sheet(s)"
    # The sheet names its own address; the pack does not add a second one.
    for section in page.locator(".kb-pack-practice").all():
        page.emulate_media(media="print")
        expect(section.locator(".kb-sheet-foot")).to_be_visible()
        expect(section.locator(".kb-pack-address")).to_be_hidden()
