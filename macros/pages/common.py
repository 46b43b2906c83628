"""What several record pages share: the review notice, when the facts held, and the sources section.

The generic building blocks (paragraphs, lists, links, sections) are in `macros.html.elements`; this
module holds the pieces that know about records.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from macros.html.elements import bullet_list, link, p, section
from macros.html.markup import Markup, fmt, line, shown
from macros.html.structure import Section, unindexed
from macros.records import relations
from macros.records.dutch import dutch_date
from macros.records.knowledge import KnowledgeBase
from macros.records.models import Source

if TYPE_CHECKING:
    from macros.pages.context import Context


def review_notice(last_reviewed: dt.date, today: dt.date) -> Markup:
    """A warning admonition when the record was not reviewed for `relations.STALE_AFTER`. Left out of
    the search index and its snippets: the same sentence on every such page."""
    if today - last_reviewed <= relations.STALE_AFTER:
        return Markup("")
    # The markup Python-Markdown's admonition extension writes for `!!! warning "..."`.
    return unindexed(
        fmt(
            '<div class="admonition warning">\n<p class="admonition-title">Niet recent nagekeken</p>\n'
            "<p>Deze gegevens werden het laatst nagekeken op {}, meer dan twee jaar "
            "geleden. Controleer ze bij de bronnen voor je ze gebruikt, en stel een update voor met de "
            "knop om deze pagina te bewerken.</p>\n</div>",
            dutch_date(last_reviewed),
        )
    )


SHOWN_AUTHORS = 3
"""Authors of a source shown where the source is cited; more become "e.a." (the source's page lists them
all). 50 sources of 50 authors of 1,000 `"` each made a practice that cites them a 12.5 MB page. No
shipped source has more than three."""
AUTHOR_CHARS = 80
"""The most characters of one author shown where the source is cited (the longest shipped author is 54)."""


def shown_authors(source: Source) -> str:
    """The first `SHOWN_AUTHORS` authors of a source, each cut to `AUTHOR_CHARS`, and "e.a." for more."""
    authors = "; ".join(shown(author, AUTHOR_CHARS) for author in source.authors[:SHOWN_AUTHORS])
    return authors + " e.a." if len(source.authors) > SHOWN_AUTHORS else authors


def source_line(ctx: Context, from_file: str, source_id: str) -> Markup:
    """A source as a link to its page, followed by its first authors and its year."""
    source: Source = ctx.kb.sources[source_id]
    authors = shown_authors(source)
    extra = ", ".join(filter(None, [authors, str(source.year) if source.year else ""]))
    return link(ctx, from_file, "source", source_id) + (fmt(" ({})", line(extra)) if extra else "")


def situation(kb: KnowledgeBase, source_ids: Iterable[str], reviewed: dt.date) -> Markup:
    """When the record's facts held, from the dates of its sources, apart from the review date: a
    2018 observation must not read as a fact of today. Left out of the search index and its snippets:
    it is the same sentence on every page."""
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
    return fmt(
        '<p class="kb-when" data-pagefind-ignore>{}. Laatst nagekeken op {}.</p>', when, dutch_date(reviewed)
    )


def sources_section(
    ctx: Context, from_file: str, source_ids: Iterable[str], reviewed: dt.date | None
) -> Section | None:
    """`## Bronnen`: every source cited anywhere in the record, and the review date (a page made
    from reference data alone has none). Left out of the search index: the sources' titles are their
    own pages' text."""
    unique = list(dict.fromkeys(source_ids))
    lines = bullet_list(source_line(ctx, from_file, s) for s in unique) or p("Geen bronnen opgegeven.")
    checked = p(f"Laatst nagekeken op {dutch_date(reviewed)}.") if reviewed else Markup("")
    return section("Bronnen", fmt("{}\n{}", lines, checked), indexed=False)


def cited_sources(kind: str, record: Any) -> list[str]:
    """Every source id a record cites, in any field, in order of appearance."""
    return [target_id for _, target, target_id in relations.references(kind, record) if target == "source"]
