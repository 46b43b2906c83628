"""Problems found in records, and how a contributor reads them.

Every stage collects problems instead of stopping at the first, so one run reports all of them
(the way `mkdocs.config.base.load_config` does), and the caller aborts once at the end.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Severity = Literal["error", "warning"]

QUOTE_CHARS = 60
"""A value quoted in a message is cut to this many characters: one message stays one short line."""


def printable(value: object) -> str:
    """`value` with every control or format character (newline, escape, bidi override, ...) written
    as an escape such as `\\n` or `\\x1b`, so that no text from a record can start a new line of
    output, a CI annotation or a terminal escape sequence. Applying it twice changes nothing more."""
    out = []
    for char in str(value):
        if unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp"):
            out.append(char.encode("unicode_escape").decode("ascii"))
        else:
            out.append(char)
    return "".join(out)


def quoted(value: object) -> str:
    """A value from a record as a message quotes it: `'...'`, shortened, on one line."""
    shown = printable(value)
    if len(shown) > QUOTE_CHARS:
        shown = shown[: QUOTE_CHARS - 1] + "…"
    return f"'{shown}'"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one record, located to a file, a line and a field."""

    path: Path
    line: int
    field: str
    message: str
    severity: Severity = "error"

    def format(self, root: Path | None = None) -> str:
        """`path:line: field.path: message`, with the path relative to `root` when it lies below it.

        One line, whatever a file name, key or value holds: every part goes through `printable`.
        """
        shown = self.path
        if root is not None:
            try:
                shown = self.path.absolute().relative_to(root.absolute())
            except ValueError:
                shown = self.path
        prefix = "waarschuwing: " if self.severity == "warning" else ""
        field = f" {printable(self.field)}:" if self.field else ""
        return f"{printable(shown)}:{self.line}:{field} {prefix}{printable(self.message)}"


def field_path(loc: tuple[str | int, ...]) -> str:
    """`('network', 'flows', 3, 'to')` -> `network.flows[3].to`."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


class RecordsInvalid(Exception):
    """Raised once, after every problem of a run has been collected, when any of them is an error."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        errors = sum(p.severity == "error" for p in problems)
        super().__init__(f"{errors} fout(en) in de records:\n" + "\n".join(p.format() for p in problems))
