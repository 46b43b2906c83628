"""What an officer needs from a record page, on paper and on a phone (issue 14): whom to call and what to
download; a printed page that is a clean A4 sheet; a partner-network diagram whose labels can be read
on a 390 px phone; a city page whose long lists do not run on for screens.

Measured on the 120-practice demo site at 390 px wide (README, "Phones and paper"): before, the
tallest demo city page was 17,774 px, of which 6,424 px benchlearning suggestions, and the diagram
labels were 4.6 to 9.9 px; after, 11,818 px (1,630 px of suggestions) and 12 px.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped]
from playwright.sync_api import Browser, Page, expect

from browser.test_accessibility import BLOCKING, WCAG_AA, describe
from macros.pages.benchlearning import Benchlearning
from macros.pages.city import LEARN_THEMES_SHOWN
from macros.pages.practice import DOCUMENT_TYPES
from macros.records.knowledge import KnowledgeBase
from macros.records.models import Practice

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
A4_CONTENT = {"width": 680, "height": 1000}
"""The width of an A4 sheet inside the print stylesheet's 15 mm margins, in CSS pixels (180 mm)."""
DIAGRAM = "svg.kbn[role='group']"
LEARN_FROM = "Van wie kan deze stad leren?"


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=PHONE, locale="nl-BE", is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def sheet(browser: Browser) -> Iterator[Page]:
    """A page as wide as an A4 sheet's printable area, in the print medium."""
    context = browser.new_context(viewport=A4_CONTENT, locale="nl-BE")
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.emulate_media(media="print")
    yield page
    context.close()


def practice_with_contact_and_documents(kb: KnowledgeBase) -> tuple[str, Practice]:
    for practice_id, practice in sorted(kb.practices.items()):
        contact = practice.contact
        if contact and contact.email and contact.phone and contact.service and practice.documents:
            return practice_id, practice
    raise AssertionError("the demo corpus needs a practice with a full contact and documents")


def city_with_most_suggestions(kb: KnowledgeBase) -> str:
    """The demo city whose "Van wie kan deze stad leren?" holds most themes, ties by id."""
    bench = Benchlearning(kb)
    themes, city_id = max((len(bench.learn_from(city_id)), city_id) for city_id in sorted(kb.profiles))
    assert themes > LEARN_THEMES_SHOWN + 1, "no demo city has enough suggestions to disclose some"
    return city_id


# --- contact and documents -----------------------------------------------------------------------------


def test_a_practice_page_says_whom_to_call_and_links_its_documents(
    page: Page, served_site: str, demo_kb: KnowledgeBase
) -> None:
    practice_id, practice = practice_with_contact_and_documents(demo_kb)
    contact = practice.contact
    assert contact is not None and contact.email and contact.phone
    page.goto(f"{served_site}praktijken/{practice_id}/")
    # The practice's own contact comes first; the municipality's service and the province's office
    # may follow, each saying where it was seen.
    blocks = page.locator("address.kb-contact")
    block = blocks.first
    expect(block).to_be_visible()
    expect(block.locator("p").first).to_have_text("Voor deze praktijk")
    for seen in blocks.all():
        expect(seen.locator("p.kb-seen")).to_contain_text("Bron: ")
    expect(block).to_contain_text(f"Dienst: {contact.service}")
    expect(block.locator(f'a[href="mailto:{contact.email}"]')).to_have_text(contact.email)
    phone_link = block.locator('a[href^="tel:"]')
    expect(phone_link).to_have_text(contact.phone)
    # The link dials the parsed number in international form: 054 89 36 00 is tel:+3254893600.
    assert phone_link.get_attribute("href") == "tel:+32" + contact.phone.replace(" ", "").removeprefix("0")
    if contact.url:
        expect(block.locator("a.kb-url")).to_have_attribute("href", str(contact.url))
    documents = page.locator("xpath=//h2[starts-with(., 'Documenten')]/following-sibling::ul[1]/li")
    expect(documents).to_have_count(len(practice.documents))
    for item, document in zip(documents.all(), practice.documents, strict=True):
        expect(item.locator("a")).to_have_attribute("href", str(document.url))
        expect(item.locator("a")).to_have_text(document.title)
        year = f", {document.year}" if document.year else ""
        expect(item).to_contain_text(f"({DOCUMENT_TYPES[document.type]}{year}, Nederlands)")


# --- paper ---------------------------------------------------------------------------------------------


def test_a_printed_practice_page_has_no_navigation_and_shows_where_links_lead(
    sheet: Page, served_site: str, demo_kb: KnowledgeBase
) -> None:
    practice_id, practice = practice_with_contact_and_documents(demo_kb)
    sheet.goto(f"{served_site}praktijken/{practice_id}/")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer"):
        expect(sheet.locator(chrome)).to_be_hidden()
    expect(sheet.locator(".md-content__button")).to_have_count(1)  # the edit button, on screen
    expect(sheet.locator(".md-content__button")).to_be_hidden()
    expect(sheet.locator(".kb-search")).to_be_hidden()
    after = "(a) => getComputedStyle(a, '::after').content"
    document_link = sheet.locator(f'a[href="{practice.documents[0].url}"]')
    assert document_link.evaluate(after) == f'" ({practice.documents[0].url})"'
    # The site's own links (made absolute by instant navigation) and mail links print no address.
    city_link = sheet.locator(f'.md-content a[href$="steden/{practice.city}/"]').first
    assert (city_link.get_attribute("href") or "").startswith("http"), "instant navigation did not run"
    assert city_link.evaluate(after) == "none"
    assert sheet.locator('a[href^="mailto:"]').first.evaluate(after) == "none"
    assert sheet.evaluate("document.documentElement.scrollWidth") <= A4_CONTENT["width"]
    for element in ("li", "tr"):
        found = sheet.locator(f".md-typeset {element}").first
        if found.count():
            assert found.evaluate("(e) => getComputedStyle(e).breakInside") == "avoid", element


def test_a_printed_city_page_fits_its_diagram_and_long_lists_on_the_sheet(
    sheet: Page, served_site: str, demo_kb: KnowledgeBase
) -> None:
    city_id = city_with_most_suggestions(demo_kb)
    sheet.goto(f"{served_site}steden/{city_id}/")
    expect(sheet.locator(".md-header")).to_be_hidden()
    if demo_kb.profiles[city_id].network:
        box = sheet.locator(DIAGRAM).first.bounding_box()
        assert box is not None and box["width"] > 100
        assert box["x"] >= 0 and box["x"] + box["width"] <= A4_CONTENT["width"] + 0.5, box
    assert sheet.evaluate("document.documentElement.scrollWidth") <= A4_CONTENT["width"]
    # The rest of a long list is on paper too, without the "Toon nog" line.
    rest = sheet.locator("details.kb-rest").first
    expect(rest.locator("summary")).to_be_hidden()
    expect(rest.locator("li").first).to_be_visible()


# --- phone ---------------------------------------------------------------------------------------------


def test_diagram_labels_are_at_least_12_px_on_a_phone(
    phone: Page, served_site: str, demo_kb: KnowledgeBase
) -> None:
    cities = sorted(city_id for city_id, city in demo_kb.profiles.items() if city.network)
    assert cities, "the demo corpus needs a city with a partner network"
    sizes = {}
    for city_id in cities:
        phone.goto(f"{served_site}steden/{city_id}/")
        sizes[city_id] = phone.locator(DIAGRAM).first.evaluate(
            """(svg) => {
                const fontSize = parseFloat(getComputedStyle(svg.querySelector('text')).fontSize);
                const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
                return fontSize * scale;
            }"""
        )
        # The figure scrolls inside its container; the page itself does not scroll sideways.
        assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], city_id
    small = {city_id: round(size, 1) for city_id, size in sizes.items() if size < 12 - 1e-6}
    assert not small, f"labels under 12 px on screen at 390 px: {small}"


def test_a_city_page_on_a_phone_keeps_long_lists_behind_a_disclosure(
    phone: Page, served_site: str, demo_kb: KnowledgeBase
) -> None:
    city_id = city_with_most_suggestions(demo_kb)
    phone.goto(f"{served_site}steden/{city_id}/")
    heights = phone.evaluate(
        """() => {
            const headings = [...document.querySelectorAll('.md-content h2')];
            const end = document.querySelector('.md-content').getBoundingClientRect().bottom;
            return Object.fromEntries(headings.map((h, i) => [
                h.textContent.replace('¶', '').trim(),
                (i + 1 < headings.length ? headings[i + 1].getBoundingClientRect().top : end)
                    - h.getBoundingClientRect().top,
            ]));
        }"""
    )
    closed = phone.evaluate("document.documentElement.scrollHeight")
    # Every section but the partner network (a diagram and two tables) fits in two and a half screens.
    too_long = {
        name: round(height)
        for name, height in heights.items()
        if name != "Partnernetwerk" and height > 2.5 * PHONE["height"]
    }
    assert not too_long, f"sections taller than 2.5 screens at 390 px on /steden/{city_id}/: {too_long}"
    rest = phone.locator("details.kb-rest")
    assert rest.count(), f"/steden/{city_id}/ has no list long enough to disclose"
    expect(rest.first.locator("li").first).to_be_hidden()
    # A reader opens the rest with a tap, without JavaScript's help: <details> does it.
    rest.first.locator("summary").click()
    expect(rest.first.locator("li").first).to_be_visible()
    assert phone.evaluate("document.documentElement.scrollHeight") > closed


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_a_city_page_on_a_phone_has_no_serious_accessibility_violation(
    palette: str, browser: Browser, served_site: str, demo_kb: KnowledgeBase
) -> None:
    """The scrolling diagram and the disclosures at 390 px, in both palettes (test_accessibility.py
    checks every kind of page at the default width)."""
    context = browser.new_context(viewport=PHONE, color_scheme=palette, locale="nl-BE", is_mobile=True)
    try:
        page = context.new_page()
        page.goto(f"{served_site}steden/{city_with_most_suggestions(demo_kb)}/", wait_until="networkidle")
        page.locator("details.kb-rest summary").first.click()  # an open disclosure is checked too
        options = {"runOnly": {"type": "tag", "values": WCAG_AA}, "resultTypes": ["violations"]}
        violations = Axe().run(page, options=options).response["violations"]
        blocking = [v for v in violations if v["impact"] in BLOCKING]
        assert not blocking, "\n".join(map(describe, blocking))
    finally:
        context.close()
