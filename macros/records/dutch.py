"""Dates and numbers as a Dutch reader writes them: for pages and for the validator's messages alike."""

from __future__ import annotations

import datetime as dt

MONTHS = (
    *("januari", "februari", "maart", "april", "mei", "juni"),
    *("juli", "augustus", "september", "oktober", "november", "december"),
)


def dutch_date(value: dt.date | str) -> str:
    """`2012-10-15` -> `15 oktober 2012`; `2012-10` -> `oktober 2012`; `2012` -> `2012`."""
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        return f"{parts[2]} {MONTHS[parts[1] - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{MONTHS[parts[1] - 1]} {parts[0]}"
    return str(parts[0])


def dutch_when(value: dt.date | str) -> str:
    """A date with its preposition: `op 11 oktober 2019` for a day, `in oktober 2019` for a month,
    `in 2019` for a year."""
    shown = dutch_date(value)
    return f"op {shown}" if shown[:1].isdigit() and " " in shown else f"in {shown}"


def dutch_number(value: float) -> str:
    """`87000` -> `87.000`; `32.5` -> `32,5` (Dutch separators)."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    return f"{value:,.1f}".replace(",", "_").replace(".", ",").replace("_", ".")


PROVINCES = {
    "antwerpen": "Antwerpen",
    "limburg": "Limburg",
    "oost-vlaanderen": "Oost-Vlaanderen",
    "vlaams-brabant": "Vlaams-Brabant",
    "west-vlaanderen": "West-Vlaanderen",
}
"""Province id -> its Dutch name, in the order the site lists them."""
