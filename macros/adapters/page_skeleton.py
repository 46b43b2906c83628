"""Whole pages of Material's template rendered once per shape, then filled in for each page.

Most of a build's pages are record pages outside the nav, and Material's `main.html` gives every page of
one shape the same HTML but for a few values of the page itself (the slots of `PROBE`): its title,
content, canonical address, edit links, description, table of contents and the skip link to its first
heading. Pages of one shape are those for which everything else the template reads is the same: the
template, the relative links to the nav's pages, the rest of the front matter, which of those values are
empty, and the rest of MkDocs' template context (`base_url`, the style sheets and scripts). See `shape`.

The first page of a shape is rendered as Material renders it, and once more as a probe: a copy of the
page whose values are markers (`PROBE`). Where a marker shows in the probe's HTML, in the form one of
`TRANSFORMS` gives it (as it is, escaped, or without tags), the skeleton gets a slot; the HTML around
the slots is kept as it is. Every later page of the shape is the skeleton with its own values put
through the same transforms. A skeleton is used only when it gives the first two pages of its shape
exactly what Material gave them (each is rendered both ways); otherwise, or when a marker shows in a
form no transform explains, every page of that shape is rendered by Material (`Skeletons.refused`
names those shapes, MkDocs' debug log (`mkdocs build -v`) says so, and the tests require none).

Record text never reaches a probe, whose slots hold markers: a record that contains a marker's text
cannot make a slot. tests/test_theme_cache.py builds the fixture, shipped and hostile sites with and
without the skeletons and compares every file.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

log = logging.getLogger("mkdocs.plugins.kennisbank")

PAGE_TEMPLATES = frozenset({"main.html"})
"""The templates a page is rendered with that the skeletons stand in for."""

_MARK = "kbSkeletonSlot"
"""Begins every marker; a page's own text never shows it in the probe, so a marker left in a skeleton
is one no transform explained."""

_SPECIAL = "<b>&amp;</b> x"
"""Follows every marker: a tag, an entity and a space, so that each transform gives it another form."""

PROBE = {
    slot: f"{_MARK}{name}{_SPECIAL}"
    for slot, name in {
        "title": "Title",
        "content": "Content",
        "canonical_url": "Canonical",
        "edit_url": "Edit",
        "meta.title": "MetaTitle",
        "meta.description": "MetaDescription",
        "meta.edit_url": "MetaEdit",
        "toc": "Toc",
        "skip": "Skip",
    }.items()
}
"""The marker of each slot: the special characters make each transform's form of it different."""

TRANSFORMS: dict[str, Callable[[str], str]] = {
    "raw": str,
    "escape": lambda value: str(escape(value)),
    "striptags": lambda value: str(Markup(value).striptags()),
}
"""What Material's templates do to a page's values: print them, escape them (`| e`), or strip their
tags (`| striptags`, in the page's `<title>`)."""

_CONTEXT_OF_THE_BUILD = frozenset({"page", "nav", "config", "pages", "build_date_utc"})
"""Template context that is the same object for every page of a build (`build_date_utc` is the build's
time, which no template of this site prints), so not part of a page's shape."""


META_SLOTS = ("title", "description", "edit_url")
"""Front matter that differs from page to page and that Material prints: the rest is part of the shape."""


def slot_values(page: Any) -> dict[str, str]:
    """The values of `page` that the skeleton leaves open, by slot (`PROBE`), but for the table of
    contents; a slot is absent when its value is empty or not text (which the shape records)."""
    values = {
        "title": page.title,
        "content": page.content,
        "canonical_url": page.canonical_url,
        "edit_url": page.edit_url,
    } | {f"meta.{key}": page.meta.get(key) for key in META_SLOTS}
    first = next(iter(page.toc), None)
    if first is not None:  # the skip link's target; MkDocs' `url` filter leaves a `#` link as it is
        values["skip"] = first.id
    return {slot: value for slot, value in values.items() if isinstance(value, str) and value}


def shape(
    template_name: str, context: Mapping[str, Any], nav_key: Any, values: Mapping[str, str]
) -> tuple[Any, ...] | None:
    """What every page of one skeleton has in common; None for a page the skeletons leave to Material: no
    page, a page in the nav (`nav_key` is None), the home page, or a page with neighbours or a parent.

    `values` are the page's `slot_values`. The table of contents and the skip link to its first heading
    are slots too."""
    page = context.get("page")
    if template_name not in PAGE_TEMPLATES or page is None or nav_key is None:
        return None
    if page.is_homepage or page.previous_page or page.next_page or page.parent:
        return None
    if "\\" in values.get("skip", ""):  # MkDocs warns about such a link: leave that to it
        return None
    meta = sorted((key, repr(value)) for key, value in page.meta.items() if f"meta.{key}" not in values)
    rest = sorted((key, repr(value)) for key, value in context.items() if key not in _CONTEXT_OF_THE_BUILD)
    return (template_name, nav_key, tuple(meta), tuple(sorted(values)), _has_h1(values), tuple(rest))


@dataclass
class Skeleton:
    """A page's HTML with slots: text, and (slot, transform) where a page's value goes."""

    parts: list[str | tuple[str, str]]
    checked: int = 0
    """How many pages were rendered both ways and matched (the skeleton is trusted from 2 on)."""

    def fill(self, values: Mapping[str, str]) -> str:
        return "".join(
            part if isinstance(part, str) else TRANSFORMS[part[1]](values[part[0]]) for part in self.parts
        )


def carve(html: str, slots: list[str], has_h1: bool) -> Skeleton | None:
    """The skeleton in the probe's `html`, whose open values were `slots`; None when a marker shows in a
    form that no transform explains."""
    forms = sorted(
        (
            (TRANSFORMS[name](_probe_value(slot, has_h1)), (slot, name))
            for slot in slots
            for name in TRANSFORMS
        ),
        key=lambda item: -len(item[0]),
    )
    parts: list[str | tuple[str, str]] = [html]
    for form, where in forms:
        parts = [piece for part in parts for piece in _split(part, form, where)]
    if any(isinstance(part, str) and _MARK in part for part in parts):
        return None
    return Skeleton(parts)


def _split(part: str | tuple[str, str], form: str, where: tuple[str, str]) -> list[str | tuple[str, str]]:
    if not isinstance(part, str) or form not in part:
        return [part]
    pieces: list[str | tuple[str, str]] = []
    for number, text in enumerate(part.split(form)):
        if number:
            pieces.append(where)
        pieces.append(text)
    return pieces


def _has_h1(values: Mapping[str, str]) -> bool:
    # Material adds an <h1> of the title only when the content has none: the probe's content must agree.
    return "<h1" in values.get("content", "")


def _probe_value(slot: str, has_h1: bool) -> str:
    return PROBE[slot] + ("<h1>" if slot == "content" and has_h1 else "")


PROBE_FLAG = "kb_skeleton_probe"
"""Set on a probe page: `ThemeCache.once` gives the table of contents' marker for it."""


def probe_page(page: Any, slots: list[str], has_h1: bool) -> Any:
    """A copy of `page` whose open values are the markers (the table of contents is the cache's:
    `ThemeCache.once` gives its marker while the probe renders)."""
    probe = copy.copy(page)
    setattr(probe, PROBE_FLAG, True)
    for slot in ("title", "content", "canonical_url", "edit_url"):
        if slot in slots:
            setattr(probe, slot, _probe_value(slot, has_h1))
    if "skip" in slots:
        first, *rest = page.toc
        first = copy.copy(first)
        first.id = _probe_value("skip", has_h1)
        probe.toc = type(page.toc)([first, *rest])
    probe.meta = dict(page.meta)
    for key in META_SLOTS:
        if f"meta.{key}" in slots:
            probe.meta[key] = _probe_value(f"meta.{key}", has_h1)
    return probe


@dataclass
class Skeletons:
    """The skeletons of one build, by shape."""

    kept: dict[tuple[Any, ...], Skeleton | None] = field(default_factory=dict)
    refused: list[tuple[Any, ...]] = field(default_factory=list)
    """Shapes whose skeleton did not give Material's HTML, or had a marker left: their pages are
    rendered by Material."""
    filled: int = 0
    """Pages made from a skeleton without rendering."""

    def render(
        self,
        key: tuple[Any, ...] | None,
        values: dict[str, str],
        context: dict[str, Any],
        render: Callable[[dict[str, Any]], str],
        toc: Callable[[], str],
    ) -> str:
        """The HTML of the page in `context`, whose shape is `key` and whose `slot_values` are `values`
        (filled in here with the table of contents): `render` renders a context as
        Material does (and renders the probe when the context's page is one), `toc` gives the page's
        table of contents."""
        if key is None:
            return render(context)
        page = context["page"]
        if key not in self.kept:
            has_h1 = _has_h1(values)
            probe = render({**context, "page": probe_page(page, sorted(values), has_h1)})
            self.kept[key] = carve(probe, [*sorted(values), "toc"], has_h1)
            if self.kept[key] is None:
                self._refuse(key, page, "een markering staat er in een vorm die geen omzetting verklaart")
        skeleton = self.kept[key]
        if skeleton is None:
            return render(context)
        values["toc"] = toc()
        if skeleton.checked >= 2:
            self.filled += 1
            return skeleton.fill(values)
        html = render(context)
        if skeleton.fill(values) != html:
            self._refuse(key, page, "het geeft niet de pagina die Material maakt")
        else:
            skeleton.checked += 1
        return html

    def _refuse(self, key: tuple[Any, ...], page: Any, why: str) -> None:
        self.kept[key] = None
        self.refused.append(key)
        log.debug("Geen skelet voor de pagina's met de vorm van %s: %s", getattr(page, "url", page), why)
