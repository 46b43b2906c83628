"""Time in the records: whether a practice still runs, as its newest source says, on that source's date.

A start without an end is not "still running" (CONTENT.md): what a practice is now is what its newest
source says, on that source's date. The site says "loopt" only when a source of the last three years
(counted from the build's date) confirms it; an older confirmation is shown with its year, and a
practice no source speaks about is "onbekend". This reading is the site's own, the same on every page,
export and search snippet, and in the editors' freshness report.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from macros.records.models import Practice, Source

if TYPE_CHECKING:
    from macros.records.knowledge import KnowledgeBase

RECENT_YEARS = 3
"""A source this many years old or younger is recent: its "lopend" may be told as running today."""

Now = Literal["lopend", "afgerond", "onbekend"]


@dataclass(frozen=True)
class Confirmation:
    """What the newest source says about a practice, and when."""

    state: str
    """`lopend`, `afgerond` or `onbekend`, as the record's `status` has it."""
    date: str | None
    """When the source says so, as precise as it is (`2024`, `2024-02`); None when nothing dates it."""
    source: str | None


def contact_when(source: Source | None) -> int | dt.date | None:
    """When a contact seen on `source` was true: the source's year when it has one (a 2019 article gives
    a 2019 contact, however recently it was read), else the day an undated page was read (`accessed`),
    else None. Pages show it ("uit 2019", "gezien op ..."); the freshness report compares it."""
    if source is None:
        return None
    return source.year or source.accessed


def earliest_day(partial: str) -> dt.date:
    """The first day a partial date (`2024`, `2024-02`, `2024-02-15`) can mean: a claim dated `2023`
    might be from January."""
    parts = [int(p) for p in partial.split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def recent_since(today: dt.date) -> dt.date:
    """The first day that still counts as recent on `today`."""
    try:
        return today.replace(year=today.year - RECENT_YEARS)
    except ValueError:  # 29 February
        return today.replace(year=today.year - RECENT_YEARS, day=28)


def is_recent(partial: str | None, today: dt.date) -> bool:
    """Whether a partial date lies within the last RECENT_YEARS years, however it is read."""
    return partial is not None and earliest_day(partial) >= recent_since(today)


def confirmation(kb: KnowledgeBase, practice: Practice) -> Confirmation | None:
    """The practice's status with its date (its own, else its source's year); None without a status."""
    status = practice.status
    if status is None:
        return None
    date = status.date
    if date is None and status.source in kb.sources:
        year = kb.sources[status.source].year
        date = str(year) if year else None
    return Confirmation(status.state, date, status.source)


def current(kb: KnowledgeBase, practice: Practice, today: dt.date) -> Now:
    """Whether the practice runs as far as the site can tell today: `lopend` only when a recent source
    says so; `afgerond` when a source says so or its period ended; otherwise `onbekend`."""
    found = confirmation(kb, practice)
    if found is not None and found.state == "afgerond":
        return "afgerond"
    if practice.period and practice.period.end and earliest_day(practice.period.end) <= today:
        return "afgerond"
    if found is not None and found.state == "lopend" and is_recent(found.date, today):
        return "lopend"
    return "onbekend"


def last_confirmed(kb: KnowledgeBase, practice: Practice) -> str | None:
    """The date of the newest word on whether the practice runs (`2024-02`), or None."""
    found = confirmation(kb, practice)
    return found.date if found else None
