"""A Dutch argparse, for the commands contributors run (`scripts/validate.py`, `scripts/new_record.py`).

argparse writes its own words in English: `usage:`, the group titles, `-h`'s help and its error
messages, from Python's gettext catalogue, which has no Dutch. `Parser` puts Dutch in their place, so
`--help` and a mistyped option read as the validator's own messages do.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable
from typing import Any, NoReturn

_ERRORS = [
    (re.compile(r"unrecognized arguments: (.*)"), "onbekende argumenten: {0}"),
    (re.compile(r"the following arguments are required: (.*)"), "deze argumenten ontbreken: {0}"),
    (
        re.compile(r"argument (.+?): invalid choice: (.+?) \(choose from (.*)\)"),
        "argument {0}: {1} kan niet; kies uit {2}",
    ),
    (re.compile(r"argument (.+?): invalid \S+ value: (.*)"), "argument {0}: ongeldige waarde {1}"),
    (re.compile(r"argument (.+?): expected one argument"), "argument {0}: hier hoort een waarde bij"),
]
"""argparse's error messages (Python 3.11), each with its Dutch. A message not listed stays English."""


class _Formatter(argparse.HelpFormatter):
    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, "gebruik: " if prefix is None else prefix)


def dutch(message: str) -> str:
    """argparse's error `message` in Dutch."""
    for pattern, translation in _ERRORS:
        match = pattern.fullmatch(message)
        if match:
            return translation.format(*match.groups())
    return message


class Parser(argparse.ArgumentParser):
    """An `ArgumentParser` whose usage line, group titles, `-h` and errors are Dutch."""

    def __init__(self, description: str, **kwargs: Any) -> None:
        super().__init__(description=description, formatter_class=_Formatter, add_help=False, **kwargs)
        # argparse has no parameter for the titles of its two default groups.
        self._positionals.title = "argumenten"
        self._optionals.title = "opties"
        self.add_argument("-h", "--help", action="help", help="toon deze uitleg en stop")

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fout: {dutch(message)}\n")
