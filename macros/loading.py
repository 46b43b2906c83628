"""Read YAML record files, keeping the line of every key and item.

PyYAML's C parser is fast enough for thousands of files (a round-trip parser is not), but its safe
loader accepts things a contributor never means: a key written twice (the last one silently wins),
tabs, a file that is empty or not a mapping. This loader turns each of those into a `Problem`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from macros.problems import Problem

try:  # libyaml makes loading several times faster; fall back where it was not compiled in
    _BaseLoader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover
    _BaseLoader = yaml.SafeLoader


class LineDict(dict[str, Any]):
    """A mapping that remembers the line (1-based) of each key, and its own."""

    line: int = 1
    key_lines: dict[str, int]


class LineList(list[Any]):
    """A sequence that remembers the line (1-based) of each item, and its own."""

    line: int = 1
    item_lines: list[int]


class DuplicateKey(Exception):
    def __init__(self, key: object, line: int, first_line: int) -> None:
        self.key, self.line, self.first_line = key, line, first_line


class _LineLoader(_BaseLoader):  # type: ignore[valid-type,misc]
    """Safe loader that builds LineDict/LineList and refuses duplicate keys."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> LineDict:  # type: ignore[override]
        self.flatten_mapping(node)
        result = LineDict()
        result.line = node.start_mark.line + 1
        result.key_lines = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1
            if key in result.key_lines:
                raise DuplicateKey(key, line, result.key_lines[key])
            result[key] = self.construct_object(value_node, deep=True)
            result.key_lines[key] = line
        return result

    def construct_sequence(self, node: yaml.SequenceNode, deep: bool = False) -> LineList:  # type: ignore[override]
        result = LineList(self.construct_object(child, deep=True) for child in node.value)
        result.line = node.start_mark.line + 1
        result.item_lines = [child.start_mark.line + 1 for child in node.value]
        return result


_LineLoader.add_constructor("tag:yaml.org,2002:map", _LineLoader.construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _LineLoader.construct_sequence)


@dataclass(frozen=True)
class RawRecord:
    """A record file read into Python objects that know their lines, before any validation."""

    path: Path
    data: LineDict

    def line_of(self, loc: tuple[str | int, ...]) -> int:
        """The line of the deepest part of `loc` that exists in the file (1 for the file itself)."""
        node: Any = self.data
        line = self.data.line
        for part in loc:
            if isinstance(node, LineDict) and isinstance(part, str) and part in node:
                line = node.key_lines[part]
                node = node[part]
            elif isinstance(node, LineList) and isinstance(part, int) and 0 <= part < len(node):
                line = node.item_lines[part]
                node = node[part]
            else:
                break
        return line


def read_record(path: Path) -> tuple[RawRecord | None, list[Problem]]:
    """Read one file. Returns the record, or None with the problems that kept it from being read."""
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        return None, [Problem(path, line, "", "the file is not UTF-8 text; save it with UTF-8 encoding")]
    tab_problems = _tab_problems(path, text)
    if tab_problems:
        return None, tab_problems
    if not text.strip() or all(_is_comment(line) for line in text.splitlines()):
        return None, [Problem(path, 1, "", "the file is empty; fill in the template or remove the file")]
    return _parse(path, text)


def _parse(path: Path, text: str) -> tuple[RawRecord | None, list[Problem]]:
    try:
        data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except DuplicateKey as dup:
        message = (
            f"key '{dup.key}' appears twice (first on line {dup.first_line}); "
            "keep one of them, YAML would silently drop the other"
        )
        return None, [Problem(path, dup.line, str(dup.key), message)]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        return None, [Problem(path, line, "", f"not valid YAML: {exc.problem or exc.context}")]
    if not isinstance(data, LineDict):
        found = "a list" if isinstance(data, list) else f"'{data}'"
        message = f"a record must be a mapping of fields (`title: ...`), but the file holds {found}"
        return None, [Problem(path, 1, "", message)]
    return RawRecord(path, data), []


def _is_comment(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith("#") or stripped == "---"


def _tab_problems(path: Path, text: str) -> list[Problem]:
    """Tabs indent differently in every editor; YAML forbids them in indentation, we forbid them all."""
    return [
        Problem(path, number, "", "the line contains a tab; use spaces instead")
        for number, line in enumerate(text.splitlines(), start=1)
        if "\t" in line
    ]
