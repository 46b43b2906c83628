"""Parts of Material's page template that read the same on many pages, rendered once per build.

Material renders its primary navigation (`partials/nav.html`) for every page: at 3,000 practices that
is 4,500 renderings of the same eight nav entries. For a page that is not in the nav, nothing in that
HTML depends on the page except the relative links to the nav's pages (no entry is active, no table of
contents is folded in), so every page that reaches them by the same links gets the same HTML: the
record pages of one folder, for instance. docs/overrides/partials/nav.html asks `ThemeCache.once` for
the HTML under that key, which renders Material's own partial (as `theme/partials/nav.html`) only when
the key is new. A page in the nav, and a page without a `Page` (the 404 page), is rendered as Material
renders it.

docs/overrides/partials/toc.html does the same for the table of contents, keyed on the page's headings
(record pages of one kind mostly have the same sections). docs/overrides/main.html does it for the style
sheets, the configuration script and the scripts of every page, and docs/overrides/partials/header.html
for the header's tools: these differ only with the page's depth.

Beyond the parts, the whole page of a record outside the nav is rendered once per shape and filled in
for the other pages of that shape (`macros.adapters.page_skeleton`): `install` makes the build's page
template (`PageTemplate`) ask `ThemeCache.page`.

The cache lives on the build's Jinja environment (`on_env` gives each build a new one), so an edit under
`mkdocs serve` that changes the nav or the theme never meets an earlier build's HTML. The pages are
byte-identical with and without it: tests/test_theme_cache.py builds a site both ways.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

import jinja2
from mkdocs.utils import normalize_url

from macros.adapters import page_skeleton

THEME_PREFIX = "theme"
"""Templates of the theme itself, under this prefix: `theme/partials/nav.html` is Material's partial even
where docs/overrides/ has one of that name."""


class ThemeCache:
    """Rendered template parts of one build, by key."""

    def __init__(self) -> None:
        self.kept: dict[tuple[Any, ...], str] = {}
        self.skeletons = page_skeleton.Skeletons()
        self.probing = False
        self.lang: Any = None

    def nav_key(self, page: Any, nav: Any) -> tuple[str, ...] | None:
        """What the primary navigation of `page` depends on: the relative link to each of the nav's
        pages and to its home page. None for a page the nav lists (it marks that page active) and for
        a template rendered without a page."""
        if page is None or not getattr(page, "url", None) or page in nav.pages:
            return None
        targets = [item.url for item in nav.pages]
        if nav.homepage is not None:
            targets.append(nav.homepage.url)
        return ("nav", *(normalize_url(target, page) for target in targets))

    def toc_key(self, page: Any) -> tuple[Any, ...] | None:
        """What Material's table of contents depends on: the page's headings (their `#` links, titles
        and nesting), which pages of one kind share; its links hold no path. None without a page."""
        if page is None:
            return None
        items = list(page.toc)
        if items and items[0].level == 1:  # as Material: the page title's subheadings
            return ("toc", "h1", _headings(items[0].children))
        return ("toc", "", _headings(items))

    def depth_key(self, block: str, page: Any, base_url: str) -> tuple[str, ...]:
        """What one of Material's head or foot blocks depends on (`config`, `styles`, `scripts`): the
        settings of the build, and the page's depth, which `base_url` and every relative link to the
        theme's and the site's assets follow (no page lies inside an assets folder)."""
        return (block, base_url, "page" if page is not None else "no page")

    def once(self, key: tuple[Any, ...] | None, caller: Callable[[], str]) -> str:
        """The HTML under `key`, for a `{% call kb_theme.once(key) %}` block of the templates: the block
        (`caller`) renders it the first time only, and every time when the key is None."""
        if key is None:
            return caller()
        if key[0] == "toc" and self.probing:
            return page_skeleton.PROBE["toc"]
        found = self.kept.get(key)
        if found is None:
            found = self.kept[key] = caller()
        return found

    def page(self, template: jinja2.Template, context: dict[str, Any]) -> str:
        """The whole page of `context`: from the skeleton of its shape when there is one
        (`page_skeleton`), else as Material renders it."""
        page, nav = context.get("page"), context.get("nav")
        render = partial(self._render, template)
        if page is None or nav is None or template.name is None:
            return render(context)
        values = page_skeleton.slot_values(page)
        key = page_skeleton.shape(template.name, context, self.nav_key(page, nav), values)
        return self.skeletons.render(
            key,
            values,
            context,
            render,
            lambda: self.once(self.toc_key(page), partial(self._toc, template, context)),
        )

    def _render(self, template: jinja2.Template, context: dict[str, Any]) -> str:
        """`template` rendered as Jinja renders it; while the page is a skeleton's probe, `once` gives
        the table of contents' marker."""
        self.probing = getattr(context["page"], page_skeleton.PROBE_FLAG, False)
        try:
            return jinja2.Template.render(template, context)
        finally:
            self.probing = False

    def _toc(self, template: jinja2.Template, context: dict[str, Any]) -> str:
        """Material's table of contents for the page of `context`, rendered alone: it reads the page,
        the configuration and the language's labels (`lang`, which base.html imports)."""
        env = template.environment
        if self.lang is None:
            self.lang = env.get_template("partials/language.html").make_module(context)
        return env.get_template(f"{THEME_PREFIX}/partials/toc.html").render({**context, "lang": self.lang})


class PageTemplate(jinja2.Template):
    """The build's templates: a page template (`page_skeleton.PAGE_TEMPLATES`) renders through the
    build's `ThemeCache.page`; every other template as Jinja renders it."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        cache = self.environment.globals.get("kb_theme")
        if not isinstance(cache, ThemeCache) or self.name not in page_skeleton.PAGE_TEMPLATES:
            return super().render(*args, **kwargs)
        return cache.page(self, dict(*args, **kwargs))


def _headings(items: Any) -> tuple[Any, ...]:
    return tuple(
        (item.url, item.title, repr(getattr(item, "typeset", None)), _headings(item.children))
        for item in items
    )


def install(env: jinja2.Environment, theme_dirs: list[str]) -> None:
    """Give the build's environment a fresh cache (`kb_theme`) and the theme's own templates under
    `theme/`; `theme_dirs` are the theme's template folders without docs/overrides."""
    env.globals["kb_theme"] = ThemeCache()
    env.template_class = PageTemplate
    if env.cache is not None:  # templates loaded before this hook would keep Jinja's class
        env.cache.clear()
    prefixed = jinja2.PrefixLoader({THEME_PREFIX: jinja2.FileSystemLoader(theme_dirs)})
    env.loader = jinja2.ChoiceLoader([env.loader, prefixed]) if env.loader is not None else prefixed
