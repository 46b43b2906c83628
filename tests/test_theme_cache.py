"""Material's template, rendered once per build for the parts and pages that share what they depend on
(macros/adapters/theme_cache.py, macros/adapters/page_skeleton.py), reads on every page exactly as
Material renders it for that page: each site is built with the caches and again without them, and
every file compared."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
import pytest
from conftest import FIXTURE_RECORDS, FIXTURE_TODAY
from records_folder import TODAY
from test_hostile_records import write_corpus

from macros.adapters import page_skeleton, theme_cache
from macros.adapters.theme_cache import ThemeCache

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.site


def _build(
    site_dir: Path, monkeypatch: pytest.MonkeyPatch, records: Path | None, today: dt.date
) -> dict[str, bytes]:
    """The site of `records` built in this process (as `mkdocs build` builds it), by path."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    monkeypatch.setenv("KB_RECORDS_DIR", str(records or ROOT / "practices"))
    monkeypatch.setenv("KB_TODAY", today.isoformat())
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site_dir))
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    return {str(p.relative_to(site_dir)): p.read_bytes() for p in site_dir.rglob("*") if p.is_file()}


def _without_caches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every part and every page rendered by Material, as without theme_cache."""
    monkeypatch.setattr(ThemeCache, "once", lambda self, key, caller: caller())
    monkeypatch.setattr(
        ThemeCache, "page", lambda self, template, context: jinja2.Template.render(template, context)
    )


def _caches(monkeypatch: pytest.MonkeyPatch) -> list[ThemeCache]:
    """The cache of every build that follows, to look into after it."""
    made: list[ThemeCache] = []
    install = theme_cache.install

    def keep(env: jinja2.Environment, theme_dirs: list[str]) -> None:
        install(env, theme_dirs)
        made.append(env.globals["kb_theme"])

    monkeypatch.setattr(theme_cache, "install", keep)
    return made


def _assert_same(cached: dict[str, bytes], plain: dict[str, bytes]) -> list[str]:
    assert sorted(cached) == sorted(plain)
    pages = [path for path in cached if path.endswith(".html")]
    different = [path for path in pages if cached[path] != plain[path]]
    assert not different, different[:5]
    others = [path for path in cached if cached[path] != plain[path] and not path.endswith(".gz")]
    assert not others, others[:5]
    return pages


def test_every_page_is_byte_identical_with_and_without_the_caches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reused: list[tuple[Any, ...]] = []
    real_once = ThemeCache.once

    def counted(self: ThemeCache, key: tuple[Any, ...] | None, caller: Callable[[], str]) -> str:
        if key is not None and key in self.kept:
            reused.append(key)
        return real_once(self, key, caller)

    monkeypatch.setattr(ThemeCache, "once", counted)
    made = _caches(monkeypatch)
    cached = _build(tmp_path / "cached", monkeypatch, FIXTURE_RECORDS, FIXTURE_TODAY)
    pages = [path for path in cached if path.endswith(".html")]
    # The parts cache did its work: the pages that Material rendered took every part from it, under
    # few keys (most pages come from a skeleton, which asks only for the table of contents).
    for part in ("nav", "styles", "config", "scripts", "header"):
        assert sum(key[0] == part for key in reused) >= 5, part
    assert len({key for key in reused if key[0] != "toc"}) < 30
    assert any(key[0] == "toc" for key in reused)
    # The skeletons did theirs: most pages were filled in, from few shapes, and none was refused.
    skeletons = made[-1].skeletons
    assert skeletons.filled > len(pages) / 2
    assert len(skeletons.kept) < 20
    assert skeletons.refused == []

    _without_caches(monkeypatch)
    plain = _build(tmp_path / "plain", monkeypatch, FIXTURE_RECORDS, FIXTURE_TODAY)
    _assert_same(cached, plain)
    # The navigation is really in the pages, on record pages as on the home page.
    assert all(b'class="md-nav md-nav--primary"' in cached[path] for path in pages if path != "404.html")


@pytest.mark.parametrize("corpus", ["shipped", "hostile"])
def test_the_skeletons_give_materials_pages_for_the_shipped_and_the_hostile_records(
    corpus: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The shipped records hold the real titles and texts; the hostile ones put `<`, `&`, quotes,
    template syntax and markers of every kind in every text field, titles and descriptions included."""
    records, today = None, dt.date.today()
    if corpus == "hostile":
        records = tmp_path / "records"
        write_corpus(records)
        today = TODAY
    made = _caches(monkeypatch)
    cached = _build(tmp_path / "cached", monkeypatch, records, today)
    skeletons = made[-1].skeletons
    assert skeletons.refused == []
    assert skeletons.filled > sum(path.endswith(".html") for path in cached) / 2
    _without_caches(monkeypatch)
    _assert_same(cached, _build(tmp_path / "plain", monkeypatch, records, today))


def test_a_skeleton_that_does_not_give_materials_page_is_refused_and_its_pages_rendered() -> None:
    """A template that prints a value of the page that is no slot (here its address) makes two pages of
    one shape differ where the skeleton does not: the second page's check refuses the skeleton."""

    class Page:
        def __init__(self, url: str) -> None:
            self.title, self.content, self.canonical_url, self.edit_url = f"T {url}", "<p>x</p>", None, None
            self.meta: dict[str, Any] = {}
            self.toc: list[Any] = []
            self.url = url

    def render(context: dict[str, Any]) -> str:
        page = context["page"]
        return f"<title>{page.title}</title><main>{page.content}</main><p>{page.url}</p>"

    skeletons = page_skeleton.Skeletons()
    pages = [Page(f"p{number}/") for number in range(4)]
    shown = [
        skeletons.render(("shape",), page_skeleton.slot_values(page), {"page": page}, render, lambda: "")
        for page in pages
    ]
    assert shown == [render({"page": page}) for page in pages]
    assert skeletons.refused == [("shape",)]
    assert skeletons.filled == 0


def test_every_slot_has_a_marker_that_each_transform_shows_in_its_own_form() -> None:
    """No form of one marker is part of another's: a skeleton's slots are found without doubt."""
    forms = [
        (transform(marker), (slot, name))
        for slot, marker in page_skeleton.PROBE.items()
        for name, transform in page_skeleton.TRANSFORMS.items()
    ]
    for form, where in forms:
        inside = [other for text, other in forms if other != where and form in text]
        assert not inside, (where, inside)
