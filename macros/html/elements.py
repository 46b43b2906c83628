"""The building blocks of generated pages: paragraphs, lists, links, disclosures and sections.

Every helper returns `Markup` built by `macros.html.markup`, and escapes whatever is not `Markup` yet:
record text reaches a page only through here. Links to the site's own pages are relative URLs
(`macros.html.urls.href`): MkDocs does not check them, the link check (lychee, tests/test_linkcheck.py) does.
Markdown links (`md_link`) remain for the hand-written pages' macros.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import LiteralString, Protocol

from macros.html import urls
from macros.html.markup import Markup, fmt, join, line, safe_url, text
from macros.html.structure import Section, md
from macros.records import addresses


class Labels(Protocol):
    """What links need of a build: each record's or term's label, and the link to it from a page,
    each made once (links recur hundreds of thousands of times). `macros.pages.context.Context` is one."""

    def label_html(self, kind: str, record_id: str) -> Markup: ...

    def label(self, kind: str, record_id: str) -> str: ...

    def link_html(self, from_file: str, kind: str, record_id: str) -> Markup: ...


def p(content: object) -> Markup:
    """An HTML paragraph; `content` goes through `macros.html.markup.text`. Empty without content."""
    return fmt("<p>{}</p>", content) if content else Markup("")


def link(labels: Labels, from_file: str, kind: str, target: str, shown: object = None) -> Markup:
    """An HTML link from one generated page to a record or term page, showing `shown` or the label.

    A link to a source is a citation: the source's title (often a press headline) is the source page's
    text, not the citing page's, so the search index skips it (`macros.html.structure.UNINDEXED`)."""
    if shown is None:
        return labels.link_html(from_file, kind, target)
    return link_markup(from_file, kind, target, line(shown))


def link_markup(from_file: str, kind: str, target: str, label: Markup) -> Markup:
    """`<a href="...">label</a>`, the href relative to the page of `from_file`; a link to a source
    is left out of the search index (see `link`)."""
    address = urls.href(urls.file_url(from_file), kind, target)
    if kind == "source":
        return fmt('<a data-pagefind-ignore="index" href="{}">{}</a>', address, label)
    return fmt('<a href="{}">{}</a>', address, label)


def links(labels: Labels, from_file: str, kind: str, targets: Iterable[str]) -> Markup:
    """Comma-separated links, in the given order."""
    return join(", ", (link(labels, from_file, kind, target) for target in targets))


def md_link(labels: Labels, from_file: str, kind: str, target: str, shown: str | None = None) -> str:
    """A Markdown link, for the hand-written pages' macros (MkDocs resolves it from their own file)."""
    label = shown if shown is not None else labels.label(kind, target)
    if kind == "condition":
        return f"[{md(label)}]({'../' * from_file.count('/')}leervoorwaarden.md#{target})"
    return f"[{md(label)}]({urls.markdown_link(from_file, kind, target)})"


def md_bullets(items: Iterable[str]) -> str:
    """A Markdown bullet list of already-escaped items, for the hand-written pages' macros."""
    return "\n".join(f"- {item}" for item in items)


def external(url: object, shown: object = None) -> Markup:
    """An inline HTML link to another site. An address whose scheme is not http(s), mailto or tel
    (the models allow no other) shows as text, without a link. Without `shown`, the address is the
    label.

    A web address gets `rel="external"`: the print stylesheet prints it after the link, which it
    cannot tell from the site's own links by their `href` (Material's instant navigation makes those
    absolute too). A link that shows its own address gets class `kb-url`, so it is not printed twice.
    After a web link, the domain it goes to (`(gent.be)`, `macros.records.addresses.web_host`), so
    that a reader sees where a link goes before she follows it, whatever its text says.
    """
    address = safe_url(url)
    label = line(shown if shown is not None else url)
    if not address:
        return label
    if not address.lower().startswith(("https://", "http://")):
        return fmt('<a href="{}">{}</a>', address, label)
    host = fmt('<span class="kb-host">({})</span>', addresses.web_host(address))
    if shown is None:
        return fmt('<a class="kb-url" rel="external" href="{}">{}</a> {}', address, label, host)
    return fmt('<a rel="external" href="{}">{}</a> {}', address, label, host)


def mail_link(address: str) -> Markup:
    """A `mailto:` link built from the parsed address (`macros.records.addresses.parse_email`), never
    from the text: the part before the @ is percent-encoded, so nothing in it can add a header."""
    parsed = addresses.parse_email(address)
    return external(parsed.href, str(parsed))


def phone_link(number: str) -> Markup:
    """A `tel:` link to the parsed number in E.164 (`tel:+3215297666`), showing the number as written
    (ASCII digits and separators only: the model refuses anything else)."""
    return external(addresses.phone_href(number), number)


def field_list(rows: Iterable[tuple[LiteralString, object]]) -> Markup:
    """A list of `<strong>Label:</strong> value` items for the rows that have a value; labels are our
    own Dutch text (literals in the code); values go through `macros.html.markup.text`."""
    return bullet_list(fmt("<strong>{}:</strong> {}", Markup(label), value) for label, value in rows if value)


def bullet_list(items: Iterable[object], tag: LiteralString = "ul") -> Markup:
    """An HTML list (`ul` or `ol`); each item goes through `macros.html.markup.text`. Empty without items."""
    rows = join("", (fmt("<li>{}</li>\n", item) for item in items))
    return Markup(f"<{tag}>\n{rows}</{tag}>") if rows else Markup("")


SHOWN = 5
"""Items of a long list shown before the disclosure that holds the rest: a city page at 390 px wide
stays scannable (README, "Phones and paper")."""


def disclosure(summary: str, content: Markup) -> Markup:
    """`<details>` with our own Dutch `summary`: closed, and opened without JavaScript."""
    return fmt('<details class="kb-rest">\n<summary>{}</summary>\n{}\n</details>', summary, content)


def bounded_list(items: Iterable[object], rest: Callable[[int], str], shown: int = SHOWN) -> Markup:
    """A bullet list of the first `shown` items; the others in a second list behind a disclosure whose
    summary is `rest(number of others)`. Hiding fewer than two items saves nothing, so the list is
    then whole."""
    rows = list(items)
    if len(rows) <= shown + 1:
        return bullet_list(rows)
    return bullet_list(rows[:shown]) + "\n" + disclosure(rest(len(rows) - shown), bullet_list(rows[shown:]))


def bounded_links(links: Sequence[Markup], rest: Callable[[int], str], shown: int = SHOWN) -> Markup:
    """Comma-separated links in a paragraph, the first `shown` of them, and the others in a paragraph
    behind a disclosure (as `bounded_list`). Ends without a full stop."""
    if len(links) <= shown + 1:
        return p(join(", ", links))
    hidden = p(join(", ", links[shown:]))
    return p(join(", ", links[:shown]) + " …") + "\n" + disclosure(rest(len(links) - shown), hidden)


_BLOCKS = (
    "<ul",
    "<ol",
    "<p>",
    "<p ",
    "<div",
    "<section",
    "<table",
    "<address",
    "<details",
    "<figure",
    "<nav",
)


def section(
    heading: str, content: Markup | str | Sequence[Section | None], level: int = 2, indexed: bool = True
) -> Section | None:
    """A section under our own Dutch `heading` (written as `md` writes text, so never markup), or None
    when it has no content. Inline content (a run
    of links) becomes a paragraph; a sequence of sections becomes the subsections, one level down.
    `indexed=False` leaves it out of the search index (`Section.indexed`): for lists of other records
    and boilerplate."""
    if not isinstance(content, str):
        children = tuple(_at_level(child, level + 1) for child in content if child is not None)
        return Section(heading, Markup(""), level, children, indexed) if children else None
    body = text(content)
    if not body:
        return None
    if not body.lstrip().startswith(_BLOCKS):
        body = p(body)
    return Section(heading, body, level, indexed=indexed)


def _at_level(child: Section, level: int) -> Section:
    if child.level == level:
        return child
    children = tuple(_at_level(c, level + 1) for c in child.children)
    return Section(child.title, child.body, level, children, child.indexed)
