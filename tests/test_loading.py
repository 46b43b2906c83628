"""The loader keeps line numbers and refuses what PyYAML would silently accept."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from macros.records.loading import LineDict, read_record


def problems_of(tmp_path: Path, content: str | bytes) -> list[str]:
    path = tmp_path / "record.yml"
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    raw, problems = read_record(path)
    assert raw is None, "a file with a problem must not be returned as a record"
    return [p.format(tmp_path) for p in problems]


def test_a_key_written_twice_is_an_error_on_the_second_line(tmp_path: Path) -> None:
    text = "title: Eerste\nsummary: Tekst\ntitle: Tweede\n"
    assert problems_of(tmp_path, text) == [
        "record.yml:3: title: het veld 'title' staat er twee keer (eerst op regel 1); "
        "houd er één, YAML zou het andere zonder waarschuwing weglaten"
    ]


def test_a_key_written_twice_inside_a_group_is_found_too(tmp_path: Path) -> None:
    text = "title: T\nperiod:\n  start: 2012\n  start: 2013\n"
    assert problems_of(tmp_path, text) == [
        "record.yml:4: start: het veld 'start' staat er twee keer (eerst op regel 3); "
        "houd er één, YAML zou het andere zonder waarschuwing weglaten"
    ]


def test_a_file_holding_a_list_is_not_a_record(tmp_path: Path) -> None:
    assert problems_of(tmp_path, "- title: Een\n- title: Twee\n") == [
        "record.yml:1: een record is een reeks velden (`title: ...`), maar het bestand bevat een lijst"
    ]


def test_a_file_holding_plain_text_is_not_a_record(tmp_path: Path) -> None:
    assert problems_of(tmp_path, "gewoon wat tekst\n") == [
        "record.yml:1: een record is een reeks velden (`title: ...`), "
        "maar het bestand bevat 'gewoon wat tekst'"
    ]


@pytest.mark.parametrize("content", ["", "\n\n  \n"], ids=["zero bytes", "blank lines"])
def test_an_empty_file_is_an_error(tmp_path: Path, content: str) -> None:
    assert problems_of(tmp_path, content) == [
        "record.yml:1: het bestand is leeg; vul het sjabloon in of verwijder het bestand"
    ]


def test_a_file_with_only_comments_is_empty(tmp_path: Path) -> None:
    text = "# yaml-language-server: $schema=../docs/schema/practice.schema.json\n# title:\n---\n"
    assert problems_of(tmp_path, text) == [
        "record.yml:1: het bestand is leeg; vul het sjabloon in of verwijder het bestand"
    ]


def test_bytes_that_are_not_utf8_are_reported_on_their_line(tmp_path: Path) -> None:
    latin1 = "title: Praktijk\nsummary: Caf\u00e9 voor nieuwkomers\n".encode("latin-1")
    assert problems_of(tmp_path, latin1) == [
        "record.yml:2: het bestand is geen UTF-8-tekst; sla het op met de codering UTF-8"
    ]


def test_every_line_with_a_tab_is_reported(tmp_path: Path) -> None:
    text = "title: T\nperiod:\n\tstart: 2012\nsummary: a\tb\n"
    assert problems_of(tmp_path, text) == [
        "record.yml:3: de regel bevat een tab; gebruik spaties",
        "record.yml:4: de regel bevat een tab; gebruik spaties",
    ]


def test_an_unclosed_list_is_reported_where_it_opens(tmp_path: Path) -> None:
    text = "title: T\nthemes: [taal, werk\nsummary: S\n"
    assert problems_of(tmp_path, text) == [
        "record.yml:2: een lijst tussen [ en ] wordt niet gesloten; sluit ze op dezelfde regel af met ]"
    ]


def test_a_second_document_in_one_file_is_refused(tmp_path: Path) -> None:
    assert problems_of(tmp_path, "title: A\n---\ntitle: B\n") == [
        "record.yml:2: het bestand bevat meer dan één document (`---`); houd één record per bestand"
    ]


def test_merge_keys_are_refused_rather_than_silently_copied(tmp_path: Path) -> None:
    text = "partner:\n  <<: {role: x}\n"
    assert problems_of(tmp_path, text) == [
        "record.yml:2: samenvoegsleutels (`<<`) kunnen niet; schrijf de velden voluit"
    ]


def test_every_key_and_list_item_keeps_its_line(tmp_path: Path) -> None:
    path = tmp_path / "record.yml"
    path.write_text("# comment\ntitle: T\nnetwork:\n  flows:\n    - from: a\n      to: b\n    - from: c\n")
    raw, problems = read_record(path)
    assert problems == [] and raw is not None
    assert raw.line_of(("title",)) == 2
    assert raw.line_of(("network", "flows", 1, "from")) == 7
    assert raw.line_of(("network", "flows", 0, "to")) == 6
    # A field that is missing is located at the deepest part that exists.
    assert raw.line_of(("network", "flows", 1, "kind")) == 7
    assert raw.line_of(("summary",)) == 2, "a missing top-level field points at the record's first line"


def test_values_mean_what_yaml_safe_load_says(tmp_path: Path) -> None:
    text = (
        "year: 2013\nshare: 12.5\nflag: true\nnothing:\nday: 2012-10-15\nquoted: '2013'\n"
        "list: [1, {a: b}]\nblock: |\n  twee\n  regels\n"
        "long_number: 1234567\nexponent: -12.5e+3\nhex: 0x1F\ninfinity: .inf\nshouting: FALSE\nno: No\n"
        "almost: nullish\nsentence: True story\nstamp: 2001-12-14t21:59:43.10-05:00\nsigned: +12345678\n"
    )
    path = tmp_path / "record.yml"
    path.write_text(text)
    raw, _ = read_record(path)
    assert raw is not None
    assert isinstance(raw.data, LineDict)
    assert raw.data == yaml.safe_load(text)
    assert raw.data["day"] == dt.date(2012, 10, 15) and raw.data["quoted"] == "2013"
