"""Shared pieces of every generated page: escaping, Dutch dates and labels, links, notices, sources.

Record pages are written as raw HTML blocks under Markdown `## ` headings (which give Material's table of
contents and anchors): the same content as Markdown was most of a large build. `Page.add` and `section`
mark each block for `macros.adapters.rawhtml`, which passes it through Markdown without parsing it. Links in
raw
HTML are relative URLs computed here (`macros.pages.urls.href`); MkDocs does not check them, the whole-site
walk and LinkChecker tests do.

Record text is data. Every HTML helper here returns `Markup` and takes `Markup` (built by
`macros.pages.markup`) or escapes what it gets; in the few Markdown lines left (the H1; the hand-written
pages'
macros) every character that Markdown, HTML or a template engine would read as syntax is an HTML
character reference, and the text is one line, so `*`, `[`, `<script>`, `## heading` and `{{ 7*7 }}`
reach the reader literally.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, LiteralString

from macros.adapters import rawhtml
from macros.pages import urls
from macros.pages.markup import Markup, fmt, join, line, safe_url, text
from macros.records import relations
from macros.records.knowledge import KnowledgeBase
from macros.records.models import Source

MONTHS = (
    *("januari", "februari", "maart", "april", "mei", "juni"),
    *("juli", "augustus", "september", "oktober", "november", "december"),
)

# Characters with a meaning anywhere in a line of Markdown (with the extensions the site enables),
# HTML or Jinja. Parentheses only matter after `]`, and `[` is escaped.
_MARKDOWN_SPECIALS = "\\`*_{}[]#+!|~^<>&"
_MARKDOWN_TABLE = {ord(c): f"&#{ord(c)};" for c in _MARKDOWN_SPECIALS}
_MARKDOWN_TABLE.update({ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;"})
# At the start of a line these begin a list, a heading, a rule or a quote.
_BLOCK_START = re.compile(r"^(\d+)\.|^[-=:]")


def md(value: object) -> str:
    """Inline text for Markdown: one line, every syntax character as a character reference."""
    one_line = " ".join(str(value).split()).translate(_MARKDOWN_TABLE)
    return _BLOCK_START.sub(_escape_block_start, one_line)


def _escape_block_start(match: re.Match[str]) -> str:
    return f"{match.group(1)}&#46;" if match.group(1) else f"&#{ord(match.group(0))};"


def p(content: object) -> Markup:
    """An HTML paragraph; `content` goes through `macros.pages.markup.text`. Empty without content."""
    return fmt("<p>{}</p>", content) if content else Markup("")


def dutch_date(value: dt.date | str) -> str:
    """`2012-10-15` -> `15 oktober 2012`; `2012-10` -> `oktober 2012`; `2012` -> `2012`."""
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        return f"{parts[2]} {MONTHS[parts[1] - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{MONTHS[parts[1] - 1]} {parts[0]}"
    return str(parts[0])


def dutch_number(value: float) -> str:
    """`87000` -> `87.000`; `32.5` -> `32,5` (Dutch separators)."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    return f"{value:,.1f}".replace(",", "_").replace(".", ",").replace("_", ".")


def yaml_string(value: str) -> str:
    """A front-matter scalar: JSON strings are valid YAML and need no further quoting rules."""
    return json.dumps(value, ensure_ascii=False)


@dataclass
class Page:
    """One generated Markdown page: its file below docs/, its front-matter and its body."""

    file: str
    title: str
    edit_url: str | None = None
    description: str | None = None
    body: list[Markup] = field(default_factory=list)
    title_weight: float | None = None
    """Pagefind's weight for the H1 (`macros.search_index.TITLE_WEIGHTS`); None keeps Pagefind's own."""

    @property
    def url(self) -> str:
        """Directory URL relative to the site root: `steden/mechelen/`."""
        return urls.file_url(self.file)

    def add(self, *blocks: Markup) -> None:
        """Append blocks (empty ones are skipped): sections, which start with their Markdown heading,
        or finished HTML, which is marked for `macros.adapters.rawhtml` to pass through. A plain `str` is
        escaped: it shows as text."""
        for block in map(text, blocks):
            if block:
                self.body.append(block if block.startswith("#") else rawhtml.wrap(block))

    def render(self) -> str:
        """Front-matter, the H1 and the blocks, separated by empty lines."""
        # Material prints `page.meta.title` unescaped, so the title goes in already escaped.
        meta = [f"title: {yaml_string(line(self.title))}"]
        if self.edit_url is not None:  # "" hides the edit button (docs/overrides/partials/actions.html)
            meta.append(f"edit_url: {yaml_string(self.edit_url)}")
        if self.description:
            meta.append(f"description: {yaml_string(line(self.description))}")
        head = "---\n" + "\n".join(meta) + "\n---\n"
        heading = f"# {md(self.title)}"
        if self.title_weight is not None:  # attr_list; `md` escapes braces in the title itself
            heading += f' {{: data-pagefind-weight="{self.title_weight:g}" }}'
        return head + "\n" + "\n\n".join([heading, *self.body]) + "\n"


# --- labels and links --------------------------------------------------------------------------------


def _label_html(kb: KnowledgeBase, kind: str, target: str) -> Markup:
    """A record's or term's label as HTML, on one line, made once per build: labels recur in thousands
    of links."""
    labels: dict[tuple[str, str], Markup] = kb.derived.setdefault("label_html", {})
    found = labels.get((kind, target))
    if found is None:
        found = labels[(kind, target)] = line(kb.label(kind, target))
    return found


def link(kb: KnowledgeBase, from_file: str, kind: str, target: str, shown: object = None) -> Markup:
    """An HTML link from one generated page to a record or term page, showing `shown` or the label."""
    label = line(shown) if shown is not None else _label_html(kb, kind, target)
    return fmt('<a href="{}">{}</a>', urls.href(urls.file_url(from_file), kind, target), label)


def links(kb: KnowledgeBase, from_file: str, kind: str, targets: Iterable[str]) -> Markup:
    """Comma-separated links, in the given order."""
    return join(", ", (link(kb, from_file, kind, target) for target in targets))


def md_link(kb: KnowledgeBase, from_file: str, kind: str, target: str, text: str | None = None) -> str:
    """A Markdown link, for the hand-written pages' macros (MkDocs resolves it from their own file)."""
    shown = text if text is not None else kb.label(kind, target)
    if kind == "condition":
        return f"[{md(shown)}]({'../' * from_file.count('/')}leervoorwaarden.md#{target})"
    return f"[{md(shown)}]({urls.markdown_link(from_file, kind, target)})"


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
    """
    address = safe_url(url)
    label = line(shown if shown is not None else url)
    if not address:
        return label
    if not address.lower().startswith(("https://", "http://")):
        return fmt('<a href="{}">{}</a>', address, label)
    if shown is None:
        return fmt('<a class="kb-url" rel="external" href="{}">{}</a>', address, label)
    return fmt('<a rel="external" href="{}">{}</a>', address, label)


def field_list(rows: Iterable[tuple[LiteralString, object]]) -> Markup:
    """A list of `<strong>Label:</strong> value` items for the rows that have a value; labels are our
    own Dutch text (literals in the code); values go through `macros.pages.markup.text`."""
    return bullet_list(fmt("<strong>{}:</strong> {}", Markup(label), value) for label, value in rows if value)


def bullet_list(items: Iterable[object], tag: LiteralString = "ul") -> Markup:
    """An HTML list (`ul` or `ol`); each item goes through `macros.pages.markup.text`. Empty without items."""
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


def section(heading: LiteralString, content: Markup, level: int = 2) -> Markup:
    """A Markdown heading (our own Dutch text, for the table of contents) and its content; empty when
    there is no content. HTML content is marked for `macros.adapters.rawhtml`; inline content (a run of links)
    becomes a paragraph first. Content that starts with a heading is subsections, already marked."""
    content = text(content)
    if not content:
        return Markup("")
    if not content.startswith("#"):
        content = rawhtml.wrap(content if content.lstrip().startswith(_BLOCKS) else p(content))
    return Markup(f"{'#' * level} {md(heading)}\n\n{content}")


_BLOCKS = ("<ul", "<ol", "<p>", "<p ", "<div", "<section", "<table", "<address", "<details")


# --- freshness and sources ---------------------------------------------------------------------------


def review_notice(last_reviewed: dt.date, today: dt.date) -> Markup:
    """A warning admonition when the record was not reviewed for `relations.STALE_AFTER`."""
    if today - last_reviewed <= relations.STALE_AFTER:
        return Markup("")
    # The markup Python-Markdown's admonition extension writes for `!!! warning "..."`.
    return fmt(
        '<div class="admonition warning">\n<p class="admonition-title">Niet recent nagekeken</p>\n'
        "<p>Deze gegevens werden het laatst nagekeken op {}, meer dan twee jaar "
        "geleden. Controleer ze bij de bronnen voor je ze gebruikt, en stel een update voor met de knop "
        "om deze pagina te bewerken.</p>\n</div>",
        dutch_date(last_reviewed),
    )


def source_line(kb: KnowledgeBase, from_file: str, source_id: str) -> Markup:
    """A source as a link to its page, followed by authors and year."""
    source: Source = kb.sources[source_id]
    extra = ", ".join(filter(None, ["; ".join(source.authors), str(source.year) if source.year else ""]))
    return link(kb, from_file, "source", source_id) + (fmt(" ({})", line(extra)) if extra else "")


def situation(kb: KnowledgeBase, source_ids: Iterable[str], reviewed: dt.date) -> Markup:
    """When the record's facts held, from the dates of its sources, apart from the review date: a
    2018 observation must not read as a fact of today."""
    sources = [kb.sources[s] for s in dict.fromkeys(source_ids) if s in kb.sources]
    years = sorted({s.year for s in sources if s.year})
    if years:
        span = str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"
        when = (
            f"Situatie in {span}, zoals de bronnen uit dat jaar ze beschrijven"
            if len(years) == 1
            else (f"Situatie in {span}, zoals de bronnen uit die jaren ze beschrijven")
        )
    elif sources:
        when = "De bronnen vermelden geen jaar"
    else:
        return Markup("")
    return fmt('<p class="kb-when">{}. Laatst nagekeken op {}.</p>', when, dutch_date(reviewed))


def sources_section(
    kb: KnowledgeBase, from_file: str, source_ids: Iterable[str], reviewed: dt.date
) -> Markup:
    """`## Bronnen`: every source cited anywhere in the record, and the review date."""
    unique = list(dict.fromkeys(source_ids))
    lines = bullet_list(source_line(kb, from_file, s) for s in unique) or p("Geen bronnen opgegeven.")
    return section("Bronnen", fmt("{}\n{}", lines, p(f"Laatst nagekeken op {dutch_date(reviewed)}.")))


def cited_sources(kind: str, record: Any) -> list[str]:
    """Every source id a record cites, in any field, in order of appearance."""
    return [target_id for _, target, target_id in relations.references(kind, record) if target == "source"]
