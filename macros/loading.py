"""Read YAML record files, keeping the line of every key and item.

PyYAML's C parser is fast enough for thousands of files (a round-trip parser is not), but its safe
loader accepts things a contributor never means: a key written twice (the last one silently wins),
tabs, a file that is empty or not a mapping. This loader turns each of those into a `Problem`.
"""

from __future__ import annotations

import functools
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

    __slots__ = ("key_lines", "line")  # no per-instance __dict__: a corpus holds tens of thousands

    def __init__(self) -> None:
        super().__init__()
        self.line = 1
        self.key_lines: dict[str, int] = {}


class LineList(list[Any]):
    """A sequence that remembers the line (1-based) of each item, and its own."""

    __slots__ = ("item_lines", "line")

    def __init__(self) -> None:
        super().__init__()
        self.line = 1
        self.item_lines: list[int] = []


class DuplicateKey(Exception):
    def __init__(self, key: object, line: int, first_line: int) -> None:
        self.key, self.line, self.first_line = key, line, first_line


class Unsupported(Exception):
    """A YAML feature records do not use (merge keys, complex keys, tags on collections)."""

    def __init__(self, line: int, message: str) -> None:
        self.line, self.message = line, message


_STR = "tag:yaml.org,2002:str"
_IMPLICIT: dict[str, list[tuple[str, Any]]] = yaml.resolver.Resolver.yaml_implicit_resolvers
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_NO_KEY: Any = object()
_SCALAR, _MAPPING_START, _MAPPING_END = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.MappingEndEvent
_SEQUENCE_START, _SEQUENCE_END = yaml.SequenceStartEvent, yaml.SequenceEndEvent


_NUMBER_START = frozenset("0123456789+-.")
"""First characters of a plain scalar of six or more characters that may not be text (numbers, dates).

Every other implicit type (null, yes/no, merge) is spelt in at most five characters, so longer
text needs no regular expression at all.
"""


@functools.lru_cache(maxsize=4096)
def _plain_tag(value: str) -> str:
    """The tag PyYAML's safe loader gives a plain (unquoted) scalar: null, bool, int, float, date or str.

    The same rules as `yaml.resolver.Resolver.resolve`, cached because record keys repeat endlessly.
    """
    for tag, pattern in _IMPLICIT.get(value[:1], ()):
        if pattern.match(value):
            return tag
    return _STR


def _scalar(event: Any) -> Any:
    tag = event.tag
    if tag is None or tag == "!":
        if not event.implicit[0]:  # quoted or block text is always a string
            return event.value
        tag = _plain_tag(event.value)
    if tag == _STR:
        return event.value
    if tag == "tag:yaml.org,2002:merge":
        raise Unsupported(
            event.start_mark.line + 1, "merge keys (`<<`) are not supported; write the fields out"
        )
    construct = _CONSTRUCTOR.yaml_constructors.get(tag)
    if construct is None:
        message = f"could not determine a constructor for the tag {tag!r}"
        raise yaml.constructor.ConstructorError(None, None, message, event.start_mark)
    node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
    try:
        return construct(_CONSTRUCTOR, node)
    except ValueError:
        # `2021-02-30` looks like a date but is none; PyYAML would crash. Keep the text so that the
        # checks can say what is wrong with it.
        return event.value


def _load(text: str) -> Any:
    """The document in `text`, as LineDict/LineList/scalars, with the semantics of `yaml.safe_load`.

    Built straight from libyaml's events, without PyYAML's node graph and generic constructor: about
    twice as fast, which keeps validating thousands of records under two seconds. The loop is one
    function with local state on purpose, scalars first since they are most events; a method call
    per event would cost much of that gain.
    """
    loader: Any = _BaseLoader(text)
    get_event = loader.get_event
    anchors: dict[str, Any] = {}
    # `top` is the open collection; in a mapping, `key` is the key waiting for its value.
    top: Any = None
    in_list = False
    key: Any = _NO_KEY
    key_line = 0
    stack: list[tuple[Any, bool, Any, int]] = []
    root: Any = None
    documents = 0
    try:
        while True:
            event = get_event()
            kind = type(event)
            if kind is _SCALAR:
                value = event.value
                # Fast path: untagged quoted text, or plain text that resolves to a string.
                if event.tag is not None or (
                    event.implicit[0]
                    and (len(value) < 6 or value[:1] in _NUMBER_START)
                    and _plain_tag(value) is not _STR
                ):
                    value = _scalar(event)
                if event.anchor:
                    anchors[event.anchor] = value
            elif kind is _MAPPING_END or kind is _SEQUENCE_END:
                top, in_list, key, key_line = stack.pop()
                continue
            elif kind is _MAPPING_START or kind is _SEQUENCE_START:
                value = _open(kind, event, anchors)
                if top is not None and not in_list and key is _NO_KEY:
                    raise Unsupported(value.line, "a key must be a plain word, not a list or a mapping")
            elif kind is yaml.AliasEvent:
                if event.anchor not in anchors:
                    raise Unsupported(event.start_mark.line + 1, f"the alias '*{event.anchor}' has no anchor")
                value = anchors[event.anchor]
            elif kind is yaml.StreamEndEvent:
                return root
            else:
                documents += kind is yaml.DocumentStartEvent
                if documents > 1:
                    message = "the file holds more than one document; keep one record per file"
                    raise Unsupported(event.start_mark.line + 1, message)
                continue
            # Place `value` in the open collection.
            if key is not _NO_KEY:  # the value of a mapping entry: its line is the key's
                top[key] = value
                top.key_lines[key] = key_line
                key = _NO_KEY
            elif in_list:
                top.append(value)
                top.item_lines.append(event.start_mark.line + 1)
            elif top is None:
                root = value
            else:  # a key of the open mapping
                line = event.start_mark.line + 1
                if type(value) is LineDict or type(value) is LineList:
                    raise Unsupported(line, "a key must be a plain word, not a list or a mapping")
                if value in top.key_lines:
                    raise DuplicateKey(value, line, top.key_lines[value])
                key, key_line = value, line
                continue
            if kind is _MAPPING_START or kind is _SEQUENCE_START:
                stack.append((top, in_list, key, key_line))
                top, in_list, key, key_line = value, kind is _SEQUENCE_START, _NO_KEY, 0
    finally:
        loader.dispose()


def _open(kind: type, event: Any, anchors: dict[str, Any]) -> LineDict | LineList:
    """A new, empty collection for a mapping or sequence start event."""
    line = event.start_mark.line + 1
    if event.tag not in (None, "!", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"):
        raise Unsupported(line, f"the tag '{event.tag}' is not supported here")
    container: LineDict | LineList
    container = LineDict() if kind is yaml.MappingStartEvent else LineList()
    container.line = line
    if event.anchor:
        anchors[event.anchor] = container
    return container


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
    if "\t" in text:
        return None, _tab_problems(path, text)
    return _parse(path, text)


def _parse(path: Path, text: str) -> tuple[RawRecord | None, list[Problem]]:
    try:
        data = _load(text)
    except DuplicateKey as dup:
        message = (
            f"key '{dup.key}' appears twice (first on line {dup.first_line}); "
            "keep one of them, YAML would silently drop the other"
        )
        return None, [Problem(path, dup.line, str(dup.key), message)]
    except Unsupported as exc:
        return None, [Problem(path, exc.line, "", exc.message)]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        message = f"not valid YAML: {exc.problem or exc.context}"
        if exc.problem and exc.context and exc.context_mark and exc.context_mark.line + 1 != line:
            message += f" ({exc.context} started on line {exc.context_mark.line + 1})"
        return None, [Problem(path, line, "", message)]
    if data is None and all(_is_comment(line) for line in text.splitlines()):
        return None, [Problem(path, 1, "", "the file is empty; fill in the template or remove the file")]
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
