"""Output budgets: what records do together stays in proportion to what they are.

The attack: 50 sources, each with 50 authors of 1,000 `"` (every `"` is 5 bytes of HTML), and a practice
of a few hundred bytes that cites all 50. Each file is within every input limit; the practice's page was
12.5 MB, and 40 such practices made a 509 MB site. Now a page shows another record's text cut
(`SHOWN_CHARS`) and at most `SHOWN_AUTHORS` authors of `AUTHOR_CHARS`, so that practice's page is small; and a page, an
export or the site over its budget (`macros.budget`) fails the build with a Dutch problem at the
record that caused it, however it got there.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURE_RECORDS, FIXTURE_TODAY
from ruamel.yaml import YAML

from macros import budget, generate
from macros.html.markup import SHOWN_CHARS
from macros.html.structure import to_markdown
from macros.records.problems import RecordsInvalid

AUTHOR = '"' * 1_000
SOURCES = 50
PRACTICE = (
    "title: Versterker\nsummary: Een praktijk die vijftig bronnen citeert.\ncity: beekveld\n"
    "themes: [taal]\nsources: [{}]\nlast_reviewed: 2025-01-01\n"
)


def heavy_corpus(root: Path, practices: int = 1) -> Path:
    """The fixture records, 50 sources of 50 authors of 1,000 `"`, and practices citing all of them."""
    shutil.copytree(FIXTURE_RECORDS, root)
    for number in range(SOURCES):
        authors = "".join(f"- '{AUTHOR}'\n" for _ in range(50))
        (root / "sources" / f"zwaar-{number:02d}.yml").write_text(
            f"title: Bron {number:02d}\nauthors:\n{authors}"
        )
    cited = ", ".join(f"zwaar-{number:02d}" for number in range(SOURCES))
    for number in range(practices):
        (root / f"versterker-{number}.yml").write_text(
            PRACTICE.format(cited).replace("Versterker", f"V{number}")
        )
    return root


def site_bytes(site: generate.Site) -> dict[str, int]:
    """Bytes of every generated page (in its Markdown form) and export."""
    sizes = {path: len(to_markdown(page).encode()) for path, page in site.pages.items()}
    sizes |= {path: len(text.encode()) for path, text in site.markdown.items()}
    return sizes | {path: len(data) for path, data in site.files.items()}


def test_a_practice_citing_heavy_sources_gets_a_page_of_bounded_size(tmp_path: Path) -> None:
    without = site_bytes(generate.build_site(heavy_corpus(tmp_path / "zonder", 0), today=FIXTURE_TODAY))
    records = heavy_corpus(tmp_path / "met", 1)
    practice = records / "versterker-0.yml"
    site = generate.build_site(records, today=FIXTURE_TODAY)
    sizes = site_bytes(site)
    page = sizes["praktijken/versterker-0.md"]
    assert page < 100_000, f"the practice page is {page:,} bytes (it was 12.5 MB)"
    growth = (sum(sizes.values()) - sum(without.values())) / practice.stat().st_size
    assert growth < 300, f"each byte of the practice made {growth:,.0f} bytes of site (it was 33,190)"
    # The authors are shown in full once, on the source's own page; where it is cited, three and "e.a.".
    html = to_markdown(site.pages["praktijken/versterker-0.md"])
    assert html.count("&#34;" * 79 + "…") == 3 * SOURCES and html.count(" e.a.") == SOURCES
    assert to_markdown(site.pages["bronnen/zwaar-00.md"]).count("&#34;" * 1_000) == 50


def test_a_link_shows_at_most_160_characters_of_another_records_name(tmp_path: Path) -> None:
    records = heavy_corpus(tmp_path / "records", 0)
    name = "Organisatie " + "{" * 980
    organisation = records / "organisations" / "buurtwerk-demo.yml"
    text = organisation.read_text(encoding="utf-8")
    organisation.write_text(
        "\n".join(f"name: '{name}'" if line.startswith("name:") else line for line in text.splitlines())
        + "\n"
    )
    site = generate.build_site(records, today=FIXTURE_TODAY)
    own = to_markdown(site.pages["organisaties/buurtwerk-demo.md"])
    assert own.count("&#123;") >= 980, "its own page shows the whole name"
    others = [
        to_markdown(page) for path, page in site.pages.items() if path != "organisaties/buurtwerk-demo.md"
    ]
    linking = [text for text in others if "buurtwerk-demo/" in text]
    assert linking, "some page links to the organisation"
    for text in linking:
        assert "Organisatie " + "&#123;" * 147 + "…" in text and "&#123;" * 148 not in text


BUDGET_MESSAGE = (
    "versterker-0.yml:1: de pagina /praktijken/versterker-0/ zou {size} groot worden, meer dan de 20 kB "
    "die één pagina mag hebben (20 kB plus 0 B per pagina van de site); de grootste records die ze toont: "
    "records/sources/zwaar-00.yml (50,3 kB), records/sources/zwaar-01.yml (50,3 kB), "
    "records/sources/zwaar-02.yml (50,3 kB). Kort de teksten in, of verwijs naar minder records"
)


def over_budget(records: Path, monkeypatch: pytest.MonkeyPatch, budgets: dict[str, int]) -> list[str]:
    """The problems, as lines, of a build of `records` with `budgets` (`macros.budget`'s constants)."""
    for name, value in budgets.items():
        monkeypatch.setattr(budget, name, value)
    with pytest.raises(RecordsInvalid) as caught:
        generate.build_site(records, today=FIXTURE_TODAY)
    return [problem.format(records) for problem in caught.value.problems]


def test_a_page_over_its_budget_stops_the_build_at_the_record_that_caused_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    records = heavy_corpus(tmp_path / "records", 1)
    lines = over_budget(records, monkeypatch, {"PAGE_BASE": 20_000, "PAGE_PER_PAGE": 0})
    pages = [line for line in lines if "/praktijken/versterker-0/" in line]
    assert len(pages) == 1
    size = pages[0].split(" zou ")[1].split(" groot")[0]
    assert pages[0] == BUDGET_MESSAGE.format(size=size)
    # The heavy sources' own pages are over this small budget too, each at its own file.
    assert "sources/zwaar-07.yml:1: de pagina /bronnen/zwaar-07/ zou " in "\n".join(lines)


def test_an_export_over_its_budget_names_the_largest_record_of_its_kind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    records = heavy_corpus(tmp_path / "records", 0)
    lines = over_budget(records, monkeypatch, {"EXPORT_PER_BYTE": 0, "EXPORT_PER_RECORD": 0})
    assert len(lines) == 2, lines  # bronnen.json and bronnen.csv
    assert lines[0].startswith(
        "sources/zwaar-00.yml:1: het bestand data/bronnen.json zou 5 MB groot worden, "
    )
    assert "meer dan de 100 kB die een export mag hebben (100 kB, plus 0 keer de " in lines[0]
    assert lines[0].endswith("het grootste record erin is records/sources/zwaar-00.yml (50,3 kB)")


def test_the_site_over_its_budget_names_the_records_that_add_most(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    records = heavy_corpus(tmp_path / "records", 3)
    (line,) = over_budget(records, monkeypatch, {"SITE_BASE": 1_000_000, "SITE_PER_BYTE": 0})
    assert line.startswith("sources/zwaar-00.yml:1: de site zou ")
    assert (
        " groot worden, meer dan de 1 MB die ze mag hebben (1 MB plus 0 keer de 2,5 MB van de records); "
        in line
    )
    assert line.endswith(
        "het meeste komt van records/sources/zwaar-00.yml (250,5 kB), records/sources/zwaar-01.yml (250,5 kB), "
        "records/sources/zwaar-02.yml (250,5 kB), met hun pagina's en hun namen in links. Kort de teksten in, "
        "of verwijs naar minder records"
    )


def test_the_fixture_stays_well_within_the_budgets_and_the_heavy_corpus_within_them(tmp_path: Path) -> None:
    site = generate.build_site(FIXTURE_RECORDS, today=FIXTURE_TODAY)  # raises when over budget
    sizes = site_bytes(site)
    page_budget = budget.PAGE_BASE + budget.PAGE_PER_PAGE * (len(site.pages) + len(site.markdown))
    largest = max(size for path, size in sizes.items() if path not in site.files)
    assert largest * 10 < page_budget, (largest, page_budget)
    generate.build_site(heavy_corpus(tmp_path / "records", 40), today=FIXTURE_TODAY)


LONG = "{" * 990
"""Another record's text at the input limit: `{` is six bytes of HTML (`&#123;`) and one of JSON."""


def _lengthen_other_records(records: Path) -> None:
    """Every text of a record that a practice's sheet or comparison shows beside the practice's own:
    term labels, source titles, publishers and authors, a municipality's contact."""
    yaml = YAML()
    for path in sorted((records / "vocabulary").glob("*.yml")):
        document = yaml.load(path)
        for term in document["terms"]:
            term["label"] = LONG
        yaml.dump(document, path)
    for path in sorted((records / "sources").glob("*.yml")):
        document = yaml.load(path)
        document["title"], document["publisher"] = LONG, LONG
        document["authors"] = [LONG] * len(document.get("authors", []))
        yaml.dump(document, path)
    for path in sorted((records / "cities").glob("*.yml")):
        document = yaml.load(path)
        if "contact" in document:
            document["contact"]["service"], document["contact"]["role"] = LONG, LONG
            yaml.dump(document, path)


def _longest_run(text: str, unit: str) -> int:
    return max((len(run) // len(unit) for run in re.findall(f"(?:{re.escape(unit)})+", text)), default=0)


def test_the_sheet_and_the_comparison_data_show_other_records_text_cut(tmp_path: Path) -> None:
    records = tmp_path / "records"
    shutil.copytree(FIXTURE_RECORDS, records)
    _lengthen_other_records(records)
    site = generate.build_site(records, today=FIXTURE_TODAY)
    compared = [path for path in site.files if path.startswith("vergelijk/")]
    assert len(compared) >= 4 + 3, "a data file for every practice and municipality"
    for path in compared:
        assert _longest_run(site.files[path].decode("utf-8"), "{") <= SHOWN_CHARS, path
    for path, page in site.pages.items():
        if not path.startswith("praktijken/") or path == "praktijken/index.md":
            continue
        html = to_markdown(page)
        head = re.search(r'<div class="kb-sheet-head.*?</dl></div>', html, re.S)
        short = re.search(r'<p class="kb-sources-short.*?</p>', html, re.S)
        assert head and short, path
        assert 0 < _longest_run(head.group(), "&#123;") <= SHOWN_CHARS, path
        assert _longest_run(short.group(), "&#123;") <= SHOWN_CHARS, path
