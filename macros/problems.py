"""Problems found in records, and how a contributor reads them.

Every stage collects problems instead of stopping at the first, so one run reports all of them
(the way `mkdocs.config.base.load_config` does), and the caller aborts once at the end.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one record, located to a file, a line and a field."""

    path: Path
    line: int
    field: str
    message: str
    severity: Severity = "error"

    def format(self, root: Path | None = None) -> str:
        """`path:line: field.path: message`, with the path relative to `root` when it lies below it."""
        shown = self.path
        if root is not None:
            try:
                shown = self.path.resolve().relative_to(root.resolve())
            except ValueError:
                shown = self.path
        prefix = "warning: " if self.severity == "warning" else ""
        field = f" {self.field}:" if self.field else ""
        return f"{shown}:{self.line}:{field} {prefix}{self.message}"


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
        super().__init__(f"{errors} problem(s) in the records:\n" + "\n".join(p.format() for p in problems))
