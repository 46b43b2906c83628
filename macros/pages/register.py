"""Index pages of each section (/organisaties/, /bronnen/, ...): every record or term of a kind, linked.

They make every page reachable by links, also a record nothing refers to yet (a new organisation, an
unused instrument), and give a reader an A-to-Z. Title and intro come from the registry
(`macros.records.kinds`); the practices' index is the catalogue, the municipalities' index is
`macros.pages.municipalities`.
"""

from __future__ import annotations

from macros.html.elements import bullet_list, link, p
from macros.html.markup import fmt
from macros.html.structure import Page, unindexed
from macros.pages.context import Context
from macros.records.kinds import KINDS, SECTIONS


def render(ctx: Context, kind: str) -> Page:
    """The index page of one section; records by label, vocabulary terms in vocabulary order."""
    registered = KINDS[kind]
    file = f"{SECTIONS[kind]}/index.md"
    page = Page(file, registered.plural, ctx.section_edit_url(kind), description=registered.intro)
    ids = list(ctx.kb.records_of(kind))
    if registered.model is not None:
        ids.sort(key=lambda i: (ctx.label(kind, i).casefold(), i))
    items_html = [link(ctx, file, kind, i) for i in ids]
    if kind == "source":
        items_html = [fmt("{} ({})", item, _citing(ctx, i)) for item, i in zip(items_html, ids, strict=True)]
    # Search finds each record by its own page, this one by its title and intro.
    page.add(p(registered.intro), unindexed(bullet_list(items_html) or p("Nog geen.")))
    return page


def _citing(ctx: Context, source_id: str) -> str:
    """`3 records`: how many records cite a source, in any field."""
    count = sum(len(ids) for ids in ctx.links.all_referrers("source", source_id).values())
    if count == 0:
        return "door geen enkel record geciteerd"
    return f"{count} record" + ("s" if count != 1 else "")
