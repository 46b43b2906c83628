"""Relative links between pages equal what posixpath computes from the pages' URLs."""

from __future__ import annotations

import posixpath

import pytest

from macros.html import urls

FROM_URLS = [
    "",
    "praktijken/",
    "praktijken/taalcafe/",
    "praktijken/andere/",
    "steden/mechelen/",
    "bijdragen/velden/",
    "overzicht/",
    "a/b/c/",
]
TARGETS = [("practice", "taalcafe"), ("practice", "andere"), ("city", "mechelen"), ("theme", "werk")]


def _expected(from_url: str, to_url: str) -> str:
    link = posixpath.relpath("/" + to_url, "/" + from_url) + "/"
    return "./" if link == "./" else link


@pytest.mark.parametrize("from_url", FROM_URLS)
def test_href_matches_posixpath(from_url: str) -> None:
    for kind, record_id in TARGETS:
        expected = _expected(from_url, urls.page_url(kind, record_id))
        assert urls.href(from_url, kind, record_id) == expected, (from_url, kind, record_id)
        assert urls.relative(from_url, urls.page_url(kind, record_id)) == expected


def test_a_page_links_to_itself_as_dot() -> None:
    assert urls.href("steden/mechelen/", "city", "mechelen") == "./"
