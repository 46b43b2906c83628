"""What an officer compares practices on, per practice: where it runs, since when, whether it still runs,
and whom to ask. One reading, shared by the catalogue's list and table, the province and centrumsteden
pages, the comparison page's data and the printed sheet of a practice page.

The status is the site's own reading of the newest source (`macros.records.timeline.current`): `lopend`
only when a source of the last three years says so. The contact is the practice's own, else its
municipality's service (`practices/cities/<id>.yml`); the Agentschap's provincial office, which the
practice page adds for every practice of a province, does not count as the practice's contact.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from macros.html.markup import shown
from macros.records import timeline
from macros.records.dutch import PROVINCES
from macros.records.knowledge import KnowledgeBase
from macros.records.models import Contact, Practice
from macros.records.relations import size_class_of

ContactKind = Literal["eigen", "gemeente"]

STATUS_WORDS: dict[str, str] = {"lopend": "lopend", "afgerond": "afgerond", "onbekend": "onbekend"}
CONTACT_WORDS: dict[str, str] = {
    "eigen": "eigen contact",
    "gemeente": "contact via de gemeente",
    "": "geen contact",
}
"""How the list says whether there is someone to ask."""
CONTACT_CELLS: dict[str, str] = {"eigen": "eigen", "gemeente": "via de gemeente", "": "geen"}
"""The same in a table's column "Contact"."""


@dataclass(frozen=True)
class PracticeFacts:
    """The comparable facts of one practice, as the site reads them on the build's day."""

    municipality: str
    """The lead municipality's name (its id when the reference data lacks it)."""
    size: str | None
    """Size class id of the lead municipality, from the reference population."""
    size_label: str
    centrumstad: bool
    province: str | None
    start: str | None
    """The period's start as the record has it (`2014`, `2014-09`), or None."""
    status: timeline.Now
    confirmed: str | None
    """Last confirmed: the date of the newest source that says the practice runs or ended
    (`timeline.last_confirmed`), or None, also when that source only says it is unknown."""
    contact: ContactKind | None

    @property
    def province_label(self) -> str:
        return PROVINCES.get(self.province or "", "")

    @property
    def start_year(self) -> str:
        return self.start[:4] if self.start else ""

    @property
    def confirmed_year(self) -> str:
        return self.confirmed[:4] if self.confirmed else ""

    def status_text(self) -> str:
        """`lopend, bevestigd in 2024`; `afgerond`; `onbekend, laatst bevestigd in 2019`; `onbekend`."""
        if self.status == "lopend" and self.confirmed:
            return f"lopend, bevestigd in {self.confirmed_year}"
        if self.status == "onbekend" and self.confirmed:
            # Only an old "lopend" leaves the status unknown with a confirmation: "afgerond" stays.
            return f"onbekend, laatst bevestigd in {self.confirmed_year}"
        return STATUS_WORDS[self.status]

    def contact_text(self) -> str:
        return CONTACT_WORDS[self.contact or ""]

    def line(self) -> str:
        """The facts in one line: `Kleine gemeente · Vlaams-Brabant · start 2014 · afgerond · contact
        via de gemeente` (catalogue.js writes the same line in the catalogue, from the list's data)."""
        parts = [
            self.size_label,
            "centrumstad" if self.centrumstad else "",
            self.province_label,
            f"start {self.start_year}" if self.start else "",
            self.status_text(),
            self.contact_text(),
        ]
        return " · ".join(part for part in parts if part)


def own_contact(kb: KnowledgeBase, practice: Practice) -> tuple[Contact, ContactKind] | None:
    """The practice's own contact, else its municipality's service (from its city record), with which
    of the two it is; None when the records give neither (the page then shows the Agentschap's office)."""
    if practice.contact is not None:
        return practice.contact, "eigen"
    profile = kb.profiles.get(practice.city)
    if profile is not None and profile.contact is not None:
        return profile.contact, "gemeente"
    return None


def practice_facts(kb: KnowledgeBase, practice_id: str, today: dt.date) -> PracticeFacts:
    """The facts of one practice."""
    practice = kb.practices[practice_id]
    municipality = kb.municipalities.get(practice.city)
    size = size_class_of(kb, practice.city)
    found = timeline.confirmation(kb, practice)
    own = own_contact(kb, practice)
    return PracticeFacts(
        municipality=municipality.name if municipality else practice.city,
        size=size,
        size_label=shown(kb.size_classes[size].label) if size is not None and size in kb.size_classes else "",
        centrumstad=bool(municipality and municipality.centrumstad),
        province=municipality.province if municipality else None,
        start=practice.period.start if practice.period else None,
        status=timeline.current(kb, practice, today),
        confirmed=found.date if found and found.state != "onbekend" else None,
        contact=own[1] if own else None,
    )
