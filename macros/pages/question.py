"""Leervragen: the page of a question, the index of all of them (/leervragen/), and the lists of questions
that practice, municipality, learning-network, organisation, theme and size-class pages show.

A question's answers are what a person wrote from a source; the practices and municipalities under
"Suggesties van de kennisbank" are the site's own suggestion (`macros.pages.matching`), and the page says
so. "Ik kan helpen" gives both ways to add an answer: an issue, and a pull request on the question's file.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import quote, urlencode

from macros.html import urls
from macros.html.elements import (
    bounded_list,
    bullet_list,
    external,
    field_list,
    link,
    links,
    p,
    section,
)
from macros.html.markup import Markup, fmt, join, line, paragraphs
from macros.html.structure import Page
from macros.pages.common import cited_sources, review_notice, situation, sources_section
from macros.pages.context import Context
from macros.records.dutch import dutch_date
from macros.records.kinds import KINDS, SECTIONS
from macros.records.models import Answer, Question, QuestionStatus
from macros.records.relations import ANSWER_TARGETS

FILE = f"{SECTIONS['question']}/index.md"
"""The index of the leervragen."""
FORM = "nieuwe-leervraag.yml"
"""The issue form that asks a question without YAML (`macros.contributing.question_form`)."""
STATUS_LABELS: dict[QuestionStatus, str] = {
    "open": "open",
    "beantwoord": "beantwoord",
    "gesloten": "gesloten",
}
ANSWER_KINDS = {"practice": "praktijk", "city": "gemeente", "organisation": "organisatie"}
"""Dutch names of what an answer points to."""
SAME_SIZE_SHOWN = 12
"""Questions of the same size class on a municipality's page; the size-class page lists them all."""
THEME_ANCHOR = "open-leervragen"
"""The id of the heading of the theme pages' section of open questions (the index links to it)."""
SIZE_ANCHOR = "leervragen"
"""The id of the heading of the size-class pages' section of questions."""
SUGGESTION_NOTE = (
    "Een suggestie van de kennisbank zelf, geen antwoord: berekend uit de thema's van de vraag, de "
    "woorden van de vraag en haar context in de titel en samenvatting van een praktijk, en de grootte van "
    "wie vraagt. Alleen de antwoorden hierboven komen uit een bron."
)


# --- one question ------------------------------------------------------------------------------------


def render(ctx: Context, question_id: str) -> Page:
    """The page of a leervraag."""
    question = ctx.kb.questions[question_id]
    page = Page(
        urls.page_file("question", question_id), question.question, ctx.edit_url("question", question_id)
    )
    page.description = f"Leervraag ({STATUS_LABELS[question.status]}): {question.question}"
    page.add(
        review_notice(question.last_reviewed, ctx.today),
        situation(ctx.kb, cited_sources("question", question), question.last_reviewed),
        p(_asked_by(ctx, page.file, question)),
        section("Kerngegevens", _key_facts(ctx, page.file, question)),
        section("Context", paragraphs(question.context)),
        section("Antwoorden", _answers(ctx, page.file, question)),
        section("Besproken in lerende netwerken", _meetings(ctx, page.file, question)),
        section("Suggesties van de kennisbank", _suggestions(ctx, page.file, question_id)),
        section("Ik kan helpen", _help(ctx, question_id)),
        sources_section(ctx, page.file, cited_sources("question", question), question.last_reviewed),
    )
    return page


def _asked_by(ctx: Context, file: str, question: Question) -> Markup:
    """`Een open vraag van Liedekerke, een kleine gemeente, gesteld in 2019.`"""
    size = ctx.matching.size_of(question)
    size_text = (
        fmt("een {}", link(ctx, file, "size_class", size, ctx.label("size_class", size).lower()))
        if size
        else Markup("")
    )
    if question.city:
        city = link(ctx, file, "city", question.city)
        who = fmt("van {}, {}", city, size_text) if size else fmt("van {}", city)
    elif size:
        who = fmt("van {}", size_text)
    else:
        who = Markup("van een stad of gemeente die de bron niet noemt")
    state = {
        "open": "Een open vraag",
        "beantwoord": "Een beantwoorde vraag",
        "gesloten": "Een gesloten vraag",
    }
    on = "op" if len(question.asked) == len("2019-03-14") else "in"
    return fmt("{} {}, gesteld {} {}.", state[question.status], who, on, dutch_date(question.asked))


def _key_facts(ctx: Context, file: str, question: Question) -> Markup:
    size = ctx.matching.size_of(question)
    return field_list(
        [
            ("Status", STATUS_LABELS[question.status]),
            ("Gesteld", dutch_date(question.asked)),
            ("Door", link(ctx, file, "city", question.city) if question.city else ""),
            ("Stadsgrootte", link(ctx, file, "size_class", size) if size else ""),
            ("Thema's", links(ctx, file, "theme", question.themes)),
        ]
    )


def answer_target(answer: Answer) -> tuple[str, str]:
    """(kind, id) of what an answer points to (the model requires exactly one)."""
    return next((kind, getattr(answer, kind)) for kind in ANSWER_TARGETS if getattr(answer, kind))


def _answers(ctx: Context, file: str, question: Question) -> Markup:
    if not question.answers:
        return p("Nog geen antwoord. Kun je helpen? Zie hieronder.")
    rows = []
    for answer in question.answers:
        kind, target = answer_target(answer)
        rows.append(fmt("{} ({}): {}", link(ctx, file, kind, target), ANSWER_KINDS[kind], line(answer.why)))
    return bullet_list(rows)


def _meetings(ctx: Context, file: str, question: Question) -> Markup:
    rows = []
    for meeting in question.meetings:
        row = fmt("{}, {}", link(ctx, file, "network", meeting.network), dutch_date(meeting.date))
        rows.append(row + (fmt(": {}", line(meeting.note)) if meeting.note else ""))
    return bullet_list(rows)


def _suggestions(ctx: Context, file: str, question_id: str) -> Markup:
    practices = ctx.matching.practices(question_id)
    municipalities = ctx.matching.municipalities(question_id)
    if not practices:
        return Markup("")
    practice_rows = [
        fmt(
            "{} ({}): {}",
            link(ctx, file, "practice", s.id),
            link(ctx, file, "city", ctx.kb.practices[s.id].city),
            s.reason,
        )
        for s in practices
    ]
    blocks = [p(SUGGESTION_NOTE), p("Praktijken die kunnen helpen:"), bullet_list(practice_rows)]
    if municipalities:
        city_rows = [
            fmt(
                "{}: {} Praktijk{}: {}.",
                link(ctx, file, "city", s.id),
                s.reason,
                "en" if len(s.practices) > 1 else "",
                links(ctx, file, "practice", s.practices[:3]),
            )
            for s in municipalities
        ]
        order = (
            "de dichtste grootte eerst"
            if ctx.matching.size_of(ctx.kb.questions[question_id])
            else "de vraag noemt geen grootte"
        )
        blocks += [p(f"Gemeenten met zulke praktijken ({order}):"), bullet_list(city_rows)]
    return join("\n", blocks)


def _help(ctx: Context, question_id: str) -> Markup:
    """Both ways to add an answer: an issue (no YAML needed) and a pull request on the question's file."""
    repo = ctx.repo_url.rstrip("/")
    page = urls.page_url("question", question_id)
    body = (
        f"Leervraag: {question_id} (/{page})\n\n"
        "Welke praktijk, gemeente of organisatie beantwoordt deze vraag, en waarom?\n\n"
        "Waar staat het (een webadres of een publicatie)?\n"
    )
    issue = f"{repo}/issues/new?" + urlencode(
        {"title": f"Antwoord op leervraag {question_id}", "body": body}, quote_via=quote
    )
    practice_form = f"{repo}/issues/new?template=nieuwe-praktijk.yml"
    guide = f"{repo}/blob/{ctx.branch}/CONTRIBUTING.md#een-leervraag-beantwoorden"
    example = (
        "answers:\n  - practice: id-van-de-praktijk   # of city: ..., of organisation: ...\n"
        "    why: Waarom ze de vraag beantwoordt, zoals de bron het zegt."
    )
    return join(
        "\n",
        [
            p(
                "Weet je een praktijk, gemeente of organisatie die deze vraag beantwoordt? Je kunt op twee "
                "manieren helpen:"
            ),
            bullet_list(
                [
                    fmt(
                        "<strong>Zonder YAML:</strong> {} (een issue op GitHub) met wat de vraag beantwoordt "
                        "en waar het staat; een redacteur voegt het antwoord toe. Staat de praktijk nog niet "
                        "in de kennisbank, stel ze dan eerst voor met het formulier {}.",
                        external(issue, "meld je antwoord"),
                        external(practice_form, "Nieuwe praktijk"),
                    ),
                    fmt(
                        "<strong>Met een pull request:</strong> {} en voeg onder <code>answers</code> een "
                        "antwoord toe, zoals: <pre><code>{}</code></pre> Zie {}.",
                        external(ctx.edit_url("question", question_id), "bewerk het bestand van deze vraag"),
                        example,
                        external(guide, "de gids voor bijdragers"),
                    ),
                ]
            ),
        ],
    )


# --- lists of questions on other pages ---------------------------------------------------------------


def question_item(ctx: Context, file: str, question_id: str) -> Markup:
    """`<question> (open, 2019, kleine gemeente)`: a question as a list item."""
    question = ctx.kb.questions[question_id]
    facts = [STATUS_LABELS[question.status], dutch_date(question.asked)]
    size = ctx.matching.size_of(question)
    if size is not None:
        facts.append(ctx.label("size_class", size).lower())
    return fmt("{} ({})", link(ctx, file, "question", question_id), ", ".join(facts))


def answered(ctx: Context, file: str, kind: str, record_id: str) -> Markup:
    """ "Beantwoordt leervragen" of a practice, municipality or organisation: each question whose answers
    name it, with why."""
    rows = []
    for question_id in ctx.links.referrers(kind, record_id, "question", "answers"):
        question = ctx.kb.questions[question_id]
        for answer in question.answers:
            if answer_target(answer) == (kind, record_id):
                rows.append(fmt("{}: {}", question_item(ctx, file, question_id), line(answer.why)))
    return bullet_list(rows)


def discussed(ctx: Context, file: str, network_id: str) -> Markup:
    """The questions a learning network discussed at its meetings, newest first, with date and note."""
    rows = []
    for question_id in ctx.links.referrers("network", network_id, "question", "meetings"):
        for meeting in ctx.kb.questions[question_id].meetings:
            if meeting.network == network_id:
                row = fmt("{}: {}", dutch_date(meeting.date), link(ctx, file, "question", question_id))
                rows.append((meeting.date, row + (fmt(" — {}", line(meeting.note)) if meeting.note else "")))
    rows.sort(key=lambda entry: entry[0], reverse=True)
    if not rows:
        return Markup("")
    intro = p(
        "Vragen die leden op de agenda brachten: het netwerk werkt het best als de leden hun eigen vragen "
        "meebrengen."
    )
    return intro + "\n" + bullet_list(row for _, row in rows)


def same_size(ctx: Context, file: str, city_id: str) -> Markup:
    """Questions asked by municipalities of this one's size class: its own first, then newest first;
    the first few in view, the rest behind a disclosure, all on the size-class page."""
    size = ctx.bench.city_size.get(city_id)
    if size is None:
        return Markup("")
    found = ctx.matching.by_size.get(size, [])
    own = [qid for qid in found if ctx.kb.questions[qid].city == city_id]
    ordered = own + [qid for qid in found if qid not in own]
    if not ordered:
        return Markup("")
    label = ctx.label("size_class", size).lower()
    shown = [
        question_item(ctx, file, qid) + (" — van deze gemeente" if qid in own else "")
        for qid in ordered[:SAME_SIZE_SHOWN]
    ]
    intro = p(f"Wat gemeenten van dezelfde grootte ({label}) willen leren; misschien weet jouw gemeente het.")
    parts = [intro, bounded_list(shown, lambda n: f"Toon nog {n} leervragen")]
    if len(ordered) > len(shown):
        target = urls.href(urls.file_url(file), "size_class", size)
        parts.append(
            p(
                fmt(
                    'Nog {} andere staan bij <a href="{}#{}">de leervragen van gemeenten van deze '
                    "grootte</a>.",
                    len(ordered) - len(shown),
                    target,
                    SIZE_ANCHOR,
                )
            )
        )
    return join("\n", parts)


def open_list(ctx: Context, file: str, question_ids: Iterable[str]) -> Markup:
    """Questions as a list, the first few in view and the others behind a disclosure."""
    return bounded_list(
        (question_item(ctx, file, qid) for qid in question_ids), lambda n: f"Toon nog {n} leervragen"
    )


def for_theme(ctx: Context, file: str, theme_id: str) -> Markup:
    """The open questions on a theme, newest first (a theme page's section, and a filter of the index)."""
    return open_list(ctx, file, ctx.matching.by_theme.get(theme_id, []))


def for_size(ctx: Context, file: str, size_id: str) -> Markup:
    """The questions of a size class, newest first (a size-class page's section, and a filter of the
    index)."""
    return open_list(ctx, file, ctx.matching.by_size.get(size_id, []))


# --- the index ---------------------------------------------------------------------------------------


def render_index(ctx: Context) -> Page:
    """/leervragen/: open questions newest first, filters by theme and size (links to the theme and
    size-class pages, which list them without JavaScript), then the answered and the closed ones."""
    kind = KINDS["question"]
    page = Page(FILE, kind.plural, ctx.section_edit_url("question"), description=kind.intro)
    by_status: dict[str, list[str]] = {"open": [], "beantwoord": [], "gesloten": []}
    for qid in ctx.matching.newest:
        by_status[ctx.kb.questions[qid].status].append(qid)
    page.add(
        p(_index_intro(ctx)),
        section("Filters", _filters(ctx)),
        section("Open leervragen", _index_list(ctx, by_status["open"]) or p("Nog geen open leervragen.")),
        section("Beantwoorde leervragen", _answered_list(ctx, by_status["beantwoord"])),
        section("Gesloten leervragen", _index_list(ctx, by_status["gesloten"])),
    )
    return page


def _index_intro(ctx: Context) -> Markup:
    repo = ctx.repo_url.rstrip("/")
    text = fmt(
        "Wat integratieambtenaren van elkaar willen leren, met wie al een antwoord kent. Collega's leren "
        "het meest van elkaar als de vragen van henzelf komen{}. Bij elke open vraag stelt de kennisbank "
        "zelf praktijken en gemeenten voor die kunnen helpen. Heb je zelf een vraag? Stel ze met het "
        "formulier {} (zonder YAML); je naam komt niet op de site.",
        fmt(" ({})", link(ctx, FILE, "source", "geuens-2019", "Geuëns, 2019"))
        if "geuens-2019" in ctx.kb.sources
        else "",
        external(f"{repo}/issues/new?template={FORM}", "Nieuwe leervraag"),
    )
    return text


def _filters(ctx: Context) -> Markup:
    """Links to the theme and size-class pages' lists: filters that need no JavaScript."""

    def counted(kind: str, term_ids: Iterable[str], anchor: str, found: dict[str, list[str]]) -> list[Markup]:
        return [
            fmt(
                '<a href="{}#{}">{}</a> ({})',
                urls.href(urls.file_url(FILE), kind, term_id),
                anchor,
                ctx.label_html(kind, term_id),
                len(found[term_id]),
            )
            for term_id in term_ids
            if found.get(term_id)
        ]

    themes = counted("theme", ctx.kb.themes, THEME_ANCHOR, ctx.matching.by_theme)
    sizes = counted("size_class", ctx.kb.size_classes, SIZE_ANCHOR, ctx.matching.by_size)
    if not themes and not sizes:
        return Markup("")
    return field_list(
        [
            ("Open vragen per thema", join(", ", themes)),
            ("Vragen per grootte van wie vraagt", join(", ", sizes)),
        ]
    )


def _index_list(ctx: Context, question_ids: list[str]) -> Markup:
    rows = []
    for qid in question_ids:
        question = ctx.kb.questions[qid]
        themes = ", ".join(ctx.label("theme", t) for t in dict.fromkeys(question.themes))
        rows.append(fmt("{}; thema's: {}", question_item(ctx, FILE, qid), themes))
    return bullet_list(rows)


def _answered_list(ctx: Context, question_ids: list[str]) -> Markup:
    rows = []
    for qid in question_ids:
        targets = [answer_target(answer) for answer in ctx.kb.questions[qid].answers]
        answers = join(", ", (link(ctx, FILE, kind, target) for kind, target in targets))
        rows.append(fmt("{}. Beantwoord door: {}", question_item(ctx, FILE, qid), answers))
    return bullet_list(rows)
