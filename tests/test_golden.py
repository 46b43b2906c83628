"""The fixture corpus, rendered into pages, equals the committed expected pages.

A change in how any page renders shows up here as a diff a reviewer can read. After an intended change,
refresh the expected pages with one command and review the diff in git:

    .venv/bin/python -m pytest tests/test_golden.py --update-golden

Two sets: the Markdown of the record and term pages (tests/fixtures/expected/), and the built HTML of
one page of every kind, home page to 404 (tests/fixtures/expected-html/): the `<article>` of each page
of the fixture site, as `mkdocs build --strict` makes it, normalised so that the theme's icons, its asset
hashes and its indentation do not matter. The same option refreshes both.
"""

from __future__ import annotations

import difflib
import re
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURE_TODAY

from macros import generate
from macros.html import urls
from macros.pages.context import Context
from macros.records import knowledge

FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXPECTED = FIXTURES / "expected"
TODAY = FIXTURE_TODAY
"""Fixed, so that the "not reviewed for two years" notices do not move with the calendar."""


@pytest.fixture(scope="module")
def rendered() -> dict[str, str]:
    """The Markdown of every record and term page and of every section index (the catalogue's list is
    in the built HTML below)."""
    kb = knowledge.build(FIXTURES / "records", today=TODAY)
    pages = generate.markdown_of(generate.render_all(Context(kb, TODAY)))
    return {path: text for path, text in pages.items() if path != generate.CATALOGUE}


def _expected_files() -> dict[str, str]:
    return {
        p.relative_to(EXPECTED).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(EXPECTED.rglob("*.md"))
    }


def test_generated_pages_equal_the_expected_pages(
    rendered: dict[str, str], request: pytest.FixtureRequest
) -> None:
    if request.config.getoption("--update-golden"):
        shutil.rmtree(EXPECTED, ignore_errors=True)
        for relative, text in rendered.items():
            (EXPECTED / relative).parent.mkdir(parents=True, exist_ok=True)
            (EXPECTED / relative).write_text(text, encoding="utf-8")
    expected = _expected_files()
    assert sorted(rendered) == sorted(expected), "pages added or removed; rerun with --update-golden"
    diffs = []
    for relative, text in sorted(rendered.items()):
        if text != expected[relative]:
            diff = difflib.unified_diff(
                expected[relative].splitlines(),
                text.splitlines(),
                f"expected/{relative}",
                relative,
                lineterm="",
            )
            diffs.append("\n".join(diff))
    assert not diffs, "pages differ from tests/fixtures/expected/ (--update-golden refreshes):\n" + "\n".join(
        diffs
    )


# --- the built HTML of every kind of page ----------------------------------------------------------------

EXPECTED_HTML = FIXTURES / "expected-html"
HTML_PAGES = {
    "home": "",
    "catalogue": "praktijken/",
    "practice": "praktijken/taalcafe-lindeburg/",
    "city": "steden/lindeburg/",
    "municipality": "steden/rozendries/",  # a municipality without practices or city record
    "organisation": "organisaties/buurtwerk-demo/",
    "network": "netwerken/overleg-demo/",
    "source": "bronnen/diels-2018/",
    "theme": "themas/taal/",
    "instrument": "instrumenten/subsidie/",
    "size-class": "stadsgrootte/middelgroot/",
    **{f"index-{section}": f"{section}/" for section in urls.SECTIONS.values() if section != "praktijken"},
    "overview": "overzicht/",
    "downloads": "data/",
    "field-reference": "bijdragen/velden/",
    "not-found": "404.html",
}
"""Kind of page -> the fixture site's page of that kind (site-relative URL); the catalogue is the index
of praktijken/."""

_ICON = re.compile(r'<svg xmlns="http://www\.w3\.org/2000/svg" viewBox="0 0 24 24"><path d="[^"]*"/></svg>')
_ASSET_HASH = re.compile(r"\.[0-9a-f]{8}(\.min\.(?:css|js))")


def article_of(html: str) -> str:
    """The page's `<article>` (its content, without the theme's header, nav and footer), normalised so
    that a new theme release does not change it: the theme's icons and the hashes in asset names are
    replaced by placeholders, and the template's indentation and blank lines are dropped."""
    start = html.index("<article")
    text = html[start : html.index("</article>", start) + len("</article>")]
    text = _ASSET_HASH.sub(r".HASH\1", _ICON.sub('<svg class="theme-icon"/>', text))
    return "".join(line.strip() + "\n" for line in text.splitlines() if line.strip())


def _html_file(kind: str) -> Path:
    return EXPECTED_HTML / f"{kind}.html"


@pytest.mark.site
@pytest.mark.parametrize("kind", list(HTML_PAGES))
def test_built_page_equals_the_expected_html(
    kind: str, fixture_site: Path, request: pytest.FixtureRequest
) -> None:
    url = HTML_PAGES[kind]
    built = fixture_site / (url if url.endswith(".html") else url + "index.html")
    article = f"<!-- /{url} -->\n" + article_of(built.read_text(encoding="utf-8"))
    if request.config.getoption("--update-golden"):
        EXPECTED_HTML.mkdir(exist_ok=True)
        _html_file(kind).write_text(article, encoding="utf-8")
    assert _html_file(kind).is_file(), f"no expected HTML for {kind}; rerun with --update-golden"
    expected = _html_file(kind).read_text(encoding="utf-8")
    diff = "\n".join(
        difflib.unified_diff(
            expected.splitlines(), article.splitlines(), f"expected-html/{kind}.html", url, lineterm=""
        )
    )
    assert not diff, f"/{url} differs from tests/fixtures/expected-html/ (--update-golden refreshes):\n{diff}"


def test_every_expected_html_file_is_a_page_kind(request: pytest.FixtureRequest) -> None:
    stray = sorted(p for p in EXPECTED_HTML.glob("*.html") if p.stem not in HTML_PAGES)
    if request.config.getoption("--update-golden"):
        for path in stray:
            path.unlink()
        stray = []
    assert not stray, f"expected HTML of no page kind (--update-golden removes it): {stray}"
