"""Parts of Material's template rendered once per build for the pages that share what they depend on
(macros/adapters/theme_cache.py) read on every page exactly as Material renders them for that page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from macros.adapters.theme_cache import ThemeCache

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.site


def _build(site_dir: Path) -> dict[str, bytes]:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site_dir))
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    return {str(p.relative_to(site_dir)): p.read_bytes() for p in site_dir.rglob("*") if p.is_file()}


def test_every_page_is_byte_identical_with_and_without_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KB_RECORDS_DIR", str(ROOT / "tests" / "fixtures" / "records"))
    monkeypatch.setenv("KB_TODAY", "2025-01-15")
    reused: list[tuple[Any, ...]] = []
    real_once = ThemeCache.once

    def counted(self: ThemeCache, key: tuple[Any, ...] | None, caller: Callable[[], str]) -> str:
        if key is not None and key in self.kept:
            reused.append(key)
        return real_once(self, key, caller)

    monkeypatch.setattr(ThemeCache, "once", counted)
    cached = _build(tmp_path / "cached")
    pages = [path for path in cached if path.endswith(".html")]
    # The cache did its work: every part was taken from it on most pages, under few keys.
    parts = ("nav", "styles", "config", "scripts", "header")
    for part in parts:
        assert sum(key[0] == part for key in reused) > len(pages) / 2, part
    assert len({key for key in reused if key[0] != "toc"}) < 30
    # Tables of contents are shared by pages with the same headings: few in this small corpus.
    assert any(key[0] == "toc" for key in reused)

    monkeypatch.setattr(ThemeCache, "once", lambda self, key, caller: caller())
    plain = _build(tmp_path / "plain")
    assert sorted(cached) == sorted(plain)
    different = [path for path in pages if cached[path] != plain[path]]
    assert not different, different[:5]
    # The navigation is really in the pages, on record pages as on the home page.
    assert all(b'class="md-nav md-nav--primary"' in cached[path] for path in pages if path != "404.html")
