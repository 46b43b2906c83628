"""The catalogue at /praktijken/ as an officer uses it: filter by city size and theme, share the URL,
go back, move around the site with Material's instant navigation, or read it without JavaScript.

Expected practices and counts come from the records the demo site was built from, never from the page.
With JavaScript the list shows the first BATCH matches (in the list's order, by title) and "Toon meer"
buttons for the rest; the count still gives every match.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from browser.clicks import click_until
from macros.records.knowledge import KnowledgeBase
from macros.records.relations import size_class_of

pytestmark = pytest.mark.browser

CATALOGUE = "praktijken/"
BATCH = 50
"""At most this many practices are shown after a filter change, before "Toon meer"."""


def facet_values(kb: KnowledgeBase) -> dict[str, tuple[str | None, set[str]]]:
    """Per practice id: the size class of its lead city and its themes, straight from the records."""
    values = {}
    for practice_id, practice in kb.practices.items():
        values[practice_id] = (size_class_of(kb, practice.city), set(practice.themes))
    return values


def expected(kb: KnowledgeBase, sizes: Iterable[str] = (), themes: Iterable[str] = ()) -> set[str]:
    """Practices shown for a filter: any of the sizes (if any) and any of the themes (if any)."""
    sizes, themes = set(sizes), set(themes)
    return {
        practice_id
        for practice_id, (size, practice_themes) in facet_values(kb).items()
        if (not sizes or size in sizes) and (not themes or practice_themes & themes)
    }


def size_for_filtering(kb: KnowledgeBase) -> str:
    """The size class with the most practices that still leaves some out (so the filter matters)."""
    counts = Counter(size for size, _ in facet_values(kb).values() if size)
    usable = [size for size, n in counts.most_common() if 0 < n < len(kb.practices)]
    assert usable, f"the demo corpus needs practices in several size classes: {counts}"
    return usable[0]


def in_list_order(kb: KnowledgeBase, ids: Iterable[str]) -> list[str]:
    """Practice ids in the catalogue's order: by title, case-insensitively, then by id."""
    return sorted(ids, key=lambda i: (kb.practices[i].title.casefold(), i))


def shown_in_order(page: Page) -> list[str]:
    """Ids of the practices the reader sees, top to bottom."""
    hrefs: list[str] = page.evaluate(
        """() => [...document.querySelectorAll('#kb-catalogue li.kb-practice')]
            .filter(li => li.checkVisibility())
            .map(li => li.querySelector('a').getAttribute('href'))"""
    )
    return [href.rstrip("/").rsplit("/", 1)[-1] for href in hrefs]


def more_buttons(page: Page) -> tuple[Locator, Locator]:
    """The "Toon meer" (next batch) and "Toon alle" buttons below the list."""
    return page.locator("[data-kb-more-next]"), page.locator("[data-kb-more-all]")


def expect_matches(page: Page, kb: KnowledgeBase, want: set[str]) -> None:
    """The count gives every match; the list shows the first batch of them, and the buttons the rest."""
    order = in_list_order(kb, want)
    expect_count(page, len(want))
    assert shown_in_order(page) == order[:BATCH]
    if len(want) > BATCH:
        expect(page.locator("#kb-result-count")).to_contain_text(f"{BATCH} getoond")
        expect(more_buttons(page)[0]).to_be_visible()
    else:
        expect(page.locator("#kb-result-count")).not_to_contain_text("getoond")
        expect(page.locator("[data-kb-more]")).to_be_hidden()


def shown(page: Page) -> set[str]:
    """Ids of the practices the reader sees (the link of each visible list item is `<id>/`)."""
    hrefs: list[str] = page.evaluate(
        """() => [...document.querySelectorAll('#kb-catalogue li.kb-practice')]
            .filter(li => li.checkVisibility())
            .map(li => li.querySelector('a').getAttribute('href'))"""
    )
    return {href.rstrip("/").rsplit("/", 1)[-1] for href in hrefs}


def query(page: Page) -> dict[str, set[str]]:
    """The filter state in the page's URL: facet -> set of ids."""
    parsed = parse_qs(urlsplit(page.url).query)
    return {facet: set(",".join(values).split(",")) for facet, values in parsed.items()}


def expect_count(page: Page, n: int) -> None:
    expect(page.locator("#kb-result-count")).to_have_text(re.compile(rf"(^|\D){n}\s+praktijk"))


def check(page: Page, facet: str, value: str) -> None:
    page.locator(f'#kb-filters input[name="{facet}"][value="{value}"]').check()


def test_filtering_by_size_class_shows_its_practices_and_counts_per_theme(
    page: Page, served_site: str, demo_kb: KnowledgeBase
) -> None:
    size = size_for_filtering(demo_kb)
    page.goto(served_site + CATALOGUE)
    check(page, "grootte", size)
    want = expected(demo_kb, sizes=[size])
    expect_matches(page, demo_kb, want)
    assert query(page) == {"grootte": {size}}
    # Each theme's count is the number of practices now shown that have that theme.
    themes = facet_values(demo_kb)
    for theme_id in demo_kb.themes:
        count = page.locator(f'.kb-count[data-facet="thema"][data-value="{theme_id}"]')
        assert int(count.inner_text()) == sum(theme_id in themes[p][1] for p in want), theme_id


def test_filters_combine_or_within_a_facet_and_and_between_facets(
    page: Page, served_site: str, demo_kb: KnowledgeBase
) -> None:
    sizes = sorted({size for size, _ in facet_values(demo_kb).values() if size})[:2]
    theme = Counter(t for _, themes in facet_values(demo_kb).values() for t in themes).most_common(1)[0][0]
    page.goto(served_site + CATALOGUE)
    for size in sizes:
        check(page, "grootte", size)
    check(page, "thema", theme)
    want = expected(demo_kb, sizes=sizes, themes=[theme])
    assert want != expected(demo_kb, sizes=sizes), "the theme should narrow the list down"
    expect_matches(page, demo_kb, want)
    assert query(page) == {"grootte": set(sizes), "thema": {theme}}


def test_a_shared_url_opens_with_its_filters_applied(
    page: Page, served_site: str, demo_kb: KnowledgeBase
) -> None:
    size = size_for_filtering(demo_kb)
    theme = next(iter(demo_kb.themes))
    page.goto(f"{served_site}{CATALOGUE}?grootte={size}&thema={theme}")
    want = expected(demo_kb, sizes=[size], themes=[theme])
    expect_matches(page, demo_kb, want)
    expect(page.locator(f'input[name="grootte"][value="{size}"]')).to_be_checked()
    expect(page.locator(f'input[name="thema"][value="{theme}"]')).to_be_checked()


def open_first_shown_practice(page: Page) -> str:
    """Click the first visible practice; return the catalogue URL it was opened from."""
    catalogue_url = page.url
    page.locator("#kb-catalogue li.kb-practice:visible a").first.click()
    expect(page).not_to_have_url(catalogue_url)
    return catalogue_url


def test_the_back_button_returns_to_the_filtered_list(
    page: Page, served_site: str, demo_kb: KnowledgeBase
) -> None:
    size = size_for_filtering(demo_kb)
    page.goto(served_site + CATALOGUE)
    check(page, "grootte", size)
    want = expected(demo_kb, sizes=[size])
    expect_count(page, len(want))
    catalogue_url = open_first_shown_practice(page)
    page.go_back()
    expect(page).to_have_url(catalogue_url)
    expect_matches(page, demo_kb, want)
    expect(page.locator(f'input[name="grootte"][value="{size}"]')).to_be_checked()


def test_filters_work_after_instant_navigation_away_and_back(
    page: Page, served_site: str, demo_kb: KnowledgeBase
) -> None:
    size = size_for_filtering(demo_kb)
    # Material fetches sitemap.xml to learn which links it may load in place: wait for it.
    page.goto(served_site, wait_until="networkidle")
    # A variable on window survives only if Material swaps pages in place (instant navigation).
    page.evaluate("window.kbSamePageLoad = true")
    page.locator(f'a[href$="{CATALOGUE}"]').first.click()
    expect(page).to_have_url(re.compile(re.escape(CATALOGUE) + "$"))
    assert page.evaluate("window.kbSamePageLoad === true"), (
        "navigation.instant did not swap the page in place"
    )
    expect_count(page, len(demo_kb.practices))
    check(page, "grootte", size)
    want = expected(demo_kb, sizes=[size])
    expect_matches(page, demo_kb, want)
    open_first_shown_practice(page)
    assert page.evaluate("window.kbSamePageLoad === true"), (
        "the practice was not opened by instant navigation"
    )
    page.go_back()
    expect_matches(page, demo_kb, want)
    assert query(page) == {"grootte": {size}}


def test_without_javascript_every_practice_and_the_static_facet_pages_are_listed(
    static_page: Page, served_site: str, demo_kb: KnowledgeBase
) -> None:
    static_page.goto(served_site + CATALOGUE)
    assert shown(static_page) == set(demo_kb.practices)
    hrefs = set(static_page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)"))
    for section, ids in (("themas", demo_kb.themes), ("stadsgrootte", demo_kb.size_classes)):
        for term_id in ids:
            assert f"{served_site}{section}/{term_id}/" in hrefs, f"no link to /{section}/{term_id}/"


def test_toon_meer_reveals_the_next_batch_by_keyboard_and_toon_alle_every_match(
    page: Page, served_site: str, demo_kb: KnowledgeBase
) -> None:
    order = in_list_order(demo_kb, demo_kb.practices)
    assert len(order) > 2 * BATCH, "the demo corpus must need more than two batches for this test"
    page.goto(served_site + CATALOGUE)
    expect_matches(page, demo_kb, set(order))
    more, every = more_buttons(page)
    expect(every).to_have_text(f"Toon alle {len(order)} praktijken")
    # Wait for what the click changes before reading the list once (a CI run read the first batch here).
    count = page.locator("#kb-result-count")
    click_until(
        every, lambda timeout: expect(count).to_have_text(f"{len(order)} praktijken", timeout=timeout)
    )
    expect(page.locator("[data-kb-more]")).to_be_hidden()
    assert shown_in_order(page) == order
    # A filter, and clearing it, start again at the first batch, counted in full.
    size = size_for_filtering(demo_kb)
    check(page, "grootte", size)
    expect_matches(page, demo_kb, expected(demo_kb, sizes=[size]))
    page.locator("[data-kb-clear]").click()
    expect_matches(page, demo_kb, set(order))
    # Keyboard: Enter on "Toon meer" adds the next batch and puts focus on its first practice.
    more.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#kb-result-count")).to_contain_text(f"{len(order)} praktijken, {2 * BATCH} getoond")
    assert shown_in_order(page) == order[: 2 * BATCH]
    focused: str = page.evaluate("document.activeElement.getAttribute('href') || ''")
    assert focused.rstrip("/").rsplit("/", 1)[-1] == order[BATCH], "focus is on the first new practice"
    assert query(page) == {}, "the batches shown are not part of the shared URL"
    while more.is_visible():
        after = min(len(shown_in_order(page)) + BATCH, len(order))
        count = f"{len(order)} praktijken" + (f", {after} getoond" if after < len(order) else "")
        wanted = re.compile("^" + re.escape(count) + "$")
        click_until(
            more,
            lambda timeout, wanted=wanted: expect(page.locator("#kb-result-count")).to_have_text(
                wanted, timeout=timeout
            ),
        )
    expect(page.locator("#kb-result-count")).to_have_text(f"{len(order)} praktijken")
    assert shown_in_order(page) == order


# --- on a phone, without JavaScript, both size filters, the text box, the meeting pack ------------------

PHONE = {"width": 390, "height": 844}
"""A phone's first screen, in CSS pixels (a common 6.1-inch phone)."""


def first_practice_bottom(page: Page) -> float:
    box = page.locator("#kb-catalogue li.kb-practice").first.bounding_box()
    assert box is not None, "the first practice is not rendered"
    return box["y"] + box["height"]


@pytest.mark.parametrize("javascript", [True, False], ids=["with-javascript", "without-javascript"])
def test_on_a_phone_the_first_practice_shows_in_the_first_screen(
    browser: Browser, served_site: str, javascript: bool
) -> None:
    context = browser.new_context(viewport=PHONE, is_mobile=True, java_script_enabled=javascript)
    try:
        page = context.new_page()
        page.goto(served_site + CATALOGUE)
        assert first_practice_bottom(page) <= PHONE["height"], "the first practice is below the first screen"
        if not javascript:
            expect(page.locator("details.kb-static-facets > summary")).to_be_visible()
            return
        toggle = page.locator("[data-kb-filters-toggle]")
        expect(toggle).to_have_text("Filters")
        expect(toggle).to_have_attribute("aria-expanded", "false")
        expect(page.locator("#kb-filters")).to_be_hidden()
        toggle.click()
        expect(toggle).to_have_attribute("aria-expanded", "true")
        expect(page.locator("#kb-filters")).to_be_visible()
        page.locator('#kb-filters input[name="thema"]').first.check()
        expect(toggle).to_have_text("Filters (1 actief)")
    finally:
        context.close()


def test_on_a_wide_screen_the_form_is_open_without_a_filters_button(page: Page, served_site: str) -> None:
    page.goto(served_site + CATALOGUE)
    expect(page.locator("#kb-filters")).to_be_visible()
    expect(page.locator("[data-kb-filters-toggle]")).to_be_hidden()


def test_without_javascript_the_intro_says_what_works_and_no_pack_button_shows(
    static_page: Page, served_site: str, demo_kb: KnowledgeBase
) -> None:
    static_page.goto(served_site + CATALOGUE)
    intro = static_page.locator("[data-kb-intro-static]")
    expect(intro).to_be_visible()
    expect(intro).to_contain_text(f"alle {len(demo_kb.practices)} praktijken hieronder")
    expect(intro).to_contain_text("per stadsgrootte en per thema")
    expect(intro).to_contain_text("vanaf haar eigen pagina")
    expect(static_page.locator("article")).not_to_contain_text("Kies hieronder")
    expect(static_page.locator("[data-kb-intro-script]")).to_be_hidden()
    expect(static_page.get_by_role("button", name="Afdrukken als vergaderpakket")).to_have_count(0)
    static_page.locator("details.kb-static-facets > summary").click()
    expect(static_page.locator(".kb-static-facets a").first).to_be_visible()


def test_with_javascript_the_intro_explains_the_filters(page: Page, served_site: str) -> None:
    page.goto(served_site + CATALOGUE)
    expect(page.locator("[data-kb-intro-script]")).to_be_visible()
    expect(page.locator("[data-kb-intro-static]")).to_be_hidden()
    expect(page.locator(".kb-static-facets")).to_be_hidden()


def suits(kb: KnowledgeBase, size: str) -> set[str]:
    """Practices that say they suit `size` (`transferability.size_classes`)."""
    return {
        practice_id
        for practice_id, practice in kb.practices.items()
        if practice.transferability and size in practice.transferability.size_classes
    }


def test_the_lead_citys_size_and_the_sizes_a_practice_suits_are_two_filters(
    page: Page, served_site: str, demo_kb: KnowledgeBase
) -> None:
    # A size where the two answers differ, so the test tells the filters apart.
    size = next(
        s
        for s in demo_kb.size_classes
        if suits(demo_kb, s) and suits(demo_kb, s) != expected(demo_kb, sizes=[s])
    )
    page.goto(f"{served_site}{CATALOGUE}?geschikt={size}")
    expect_matches(page, demo_kb, suits(demo_kb, size))
    expect(page.locator(f'input[name="geschikt"][value="{size}"]')).to_be_checked()
    expect(page.locator('fieldset[data-facet="geschikt"] legend')).to_have_text("Geschikt voor")
    expect(page.locator('fieldset[data-facet="grootte"] legend')).to_have_text("Grootte van de trekker")
    page.locator("[data-kb-clear]").click()
    check(page, "grootte", size)
    expect_matches(page, demo_kb, expected(demo_kb, sizes=[size]))
    check(page, "geschikt", size)
    expect_matches(page, demo_kb, expected(demo_kb, sizes=[size]) & suits(demo_kb, size))
    assert query(page) == {"grootte": {size}, "geschikt": {size}}


def index_answer(page: Page, word: str) -> set[str]:
    """The practices the search index finds for `word`, as the text box asks it (search.js)."""
    found: list[str] = page.evaluate("async (w) => [...await window.kbSearch.practices(w)]", word)
    return set(found)


def test_the_text_box_filters_with_the_facets_without_case_or_accents_and_keeps_the_url(
    page: Page, served_site: str, demo_kb: KnowledgeBase
) -> None:
    city_id = demo_kb.practices[sorted(demo_kb.practices)[0]].city
    word = demo_kb.municipalities[city_id].name.split()[0]
    page.goto(served_site + CATALOGUE)
    # The text box finds what the search index finds: every practice of the municipality (its name is
    # on their pages), and not every practice.
    want = index_answer(page, word.lower())
    assert {pid for pid, p in demo_kb.practices.items() if p.city == city_id} <= want
    assert 0 < len(want) < len(demo_kb.practices)
    # Upper case and an accent on the first vowel: the same practices.
    accented = re.sub(
        "[aeiou]",
        lambda m: {"a": "á", "e": "é", "i": "ï", "o": "ó", "u": "ú"}[m.group(0)],
        word.lower(),
        count=1,
    )
    page.locator("#kb-text").fill(accented.upper())
    expect_matches(page, demo_kb, want)
    assert query(page) == {"zoek": {accented.upper()}}
    size = Counter(s for p in want for s in [facet_values(demo_kb)[p][0]] if s).most_common(1)[0][0]
    check(page, "grootte", size)
    expect_matches(page, demo_kb, want & expected(demo_kb, sizes=[size]))
    page.reload()
    expect(page.locator("#kb-text")).to_have_value(accented.upper())
    expect_matches(page, demo_kb, want & expected(demo_kb, sizes=[size]))
    page.locator("[data-kb-clear]").click()
    expect(page.locator("#kb-text")).to_have_value("")
    expect_matches(page, demo_kb, set(demo_kb.practices))


def test_the_meeting_pack_prints_the_ticked_practices_after_a_cover_list(
    page: Page, served_site: str, demo_kb: KnowledgeBase
) -> None:
    page.add_init_script("window.print = () => { window.kbPrinted = (window.kbPrinted || 0) + 1; }")
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(served_site + CATALOGUE)
    order = in_list_order(demo_kb, demo_kb.practices)
    chosen = [order[0], order[2]]
    expect(page.get_by_role("button", name="Afdrukken als vergaderpakket")).to_be_hidden()
    for practice_id in chosen:
        page.locator(f'#kb-catalogue .kb-tick[value$="/{practice_id}/"]').check()
    expect(page.locator("[data-kb-pack-count]")).to_have_text("2 praktijken aangevinkt")
    page.get_by_role("button", name="Afdrukken als vergaderpakket").click()
    view = page.locator("#kb-pack-view")
    expect(view).to_have_attribute("data-kb-pack-ready", "")
    cover = view.locator("[data-kb-pack-cover] > li")
    expect(cover).to_have_count(2)
    for item, practice_id in zip(cover.all(), chosen, strict=True):
        practice = demo_kb.practices[practice_id]
        expect(item).to_contain_text(practice.title)
        expect(item).to_contain_text(demo_kb.municipalities[practice.city].name)
        expect(item).to_contain_text(f"{served_site}{CATALOGUE}{practice_id}/")
    sections = view.locator(".kb-pack-practice")
    expect(sections).to_have_count(2)
    for section, practice_id in zip(sections.all(), chosen, strict=True):
        expect(section.locator("h1")).to_have_text(demo_kb.practices[practice_id].title)
    assert page.evaluate("window.kbPrinted") == 1
    expect(page.locator("#kb-catalogue")).to_be_hidden()
    assert all(url.startswith(served_site) for url in requested), "the pack fetched from another site"
    page.get_by_role("button", name="Terug naar de praktijken").click()
    expect(view).to_be_hidden()
    expect(page.locator("#kb-catalogue")).to_be_visible()
