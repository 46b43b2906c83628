"""The one way record text reaches HTML: helpers that return `markupsafe.Markup`.

A record is untrusted input: anyone can open a pull request. So every piece of page or diagram HTML is
built here, as `Markup`, and anything that is not `Markup` yet (record text, a number, an id) is
escaped on the way in. Safety follows from the types, not from remembering to escape: a plain `str`
handed to any helper below shows as text, never as markup, and mypy rejects a plain `str` where a
helper asks for `Markup`.

`{` and `}` become character references too, so that no template engine that might read a page later
sees template syntax in record text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import LiteralString

from markupsafe import Markup

__all__ = [
    "SHOWN_CHARS",
    "Markup",
    "element",
    "fmt",
    "join",
    "line",
    "paragraphs",
    "safe_url",
    "shown",
    "text",
]

_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;", "{": "&#123;", "}": "&#125;"}
)
"""markupsafe's `escape`, and the braces: one pass of `str.translate` instead of two."""


def _markup(html: str) -> Markup:
    """`html`, which this module has just built from escaped parts, as `Markup`.

    `str.__new__` directly: `Markup(html)` runs markupsafe's own `__new__` in Python, only to ask
    whether a `str` has `__html__`. It was called a million times for a 1,000-practice site."""
    return str.__new__(Markup, html)


def text(value: object) -> Markup:
    """`value` as HTML text: `Markup` passes unchanged (it was built here), anything else is escaped."""
    if isinstance(value, Markup):
        return value
    return _markup(str(value).translate(_ESCAPES))


def line(value: object) -> Markup:
    """Text on one line: newlines and runs of white space become one space, so a name or title can
    never start a heading, a list or a new line of any output."""
    if isinstance(value, Markup):
        return value
    return text(" ".join(str(value).split()))


SHOWN_CHARS = 160
"""The most characters of another record's text a page shows: a name or title in a link, an actor in a
network's table, an author, a partner's role. Such text is repeated on every page that refers to the
record, so its length multiplies: 50 sources of 50 authors of 1,000 `"` each made a 377-byte practice a
12.5 MB page. The record's own page shows it whole. The longest label of the shipped records is 158
characters."""


def shown(value: str, limit: int = SHOWN_CHARS) -> str:
    """Another record's text on one line, cut to `limit` characters with an ellipsis."""
    flat = " ".join(value.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def fmt(template: LiteralString, *args: object) -> Markup:
    """Our own HTML `template` (a literal in the code) with `{}` slots; every argument goes through
    `text`, so only `Markup` arguments are inserted as markup.

    `str.format` on the escaped arguments, not `Markup.format`: the result is the same (every argument
    is `Markup` by then, which Markup.format would insert as it is), but markupsafe's formatter runs
    in Python and was half of generating a large site."""
    return _markup(template.format(*[text(a) for a in args]))


def join(separator: LiteralString, items: Iterable[object]) -> Markup:
    """Items joined by our own `separator`; each item goes through `text`.

    `str.join`, not `Markup.join`, which escapes every item once more (a `Markup` item is wrapped
    anew) after `text` has."""
    return _markup(separator.join([text(item) for item in items]))


def element(tag: LiteralString, content: object, attributes: LiteralString = "") -> Markup:
    """`<tag attributes>content</tag>`; empty when there is no content."""
    content_html = text(content)
    if not content_html:
        return Markup("")
    return _markup(f"<{tag}{' ' + attributes if attributes else ''}>{content_html}</{tag}>")


_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def paragraphs(value: str) -> Markup:
    """Prose (paragraphs separated by an empty line) as escaped `<p>` elements.

    Record prose is plain text: no HTML, no Markdown. A `<`, `*` or `#` in it shows as typed.
    """
    return join(
        "\n", (fmt("<p>{}</p>", line(block)) for block in _PARAGRAPH_BREAK.split(value) if block.strip())
    )


SAFE_SCHEMES = ("https://", "http://", "mailto:", "tel:")
"""The only kinds of address a link built from record data may have: no `javascript:` or `data:`."""


def safe_url(url: object) -> str | None:
    """The address as text when its scheme is one of SAFE_SCHEMES, else None."""
    value = str(url).strip()
    return value if value.lower().startswith(SAFE_SCHEMES) else None
