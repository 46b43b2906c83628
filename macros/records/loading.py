"""Read YAML record files, keeping the line of every key and item.

PyYAML's C parser is fast enough for thousands of files (a round-trip parser is not), but its safe
loader accepts things a contributor never means: a key written twice (the last one silently wins),
tabs, a file that is empty or not a mapping. A record is also untrusted input, so this loader refuses
what no contributor needs and an attacker would use: files over `MAX_FILE_BYTES`, control characters,
anchors and aliases (a 22 KB file of aliases expanded into a 119 MB site), YAML tags such as
`!!binary` (which hide text from a reviewer), and lists and groups nested deeper than `MAX_NESTING`
(libyaml's time grows with the square of the depth of `[[[...]]]`). Each becomes a `Problem` in
Dutch, at its line.
"""

from __future__ import annotations

import functools
import os
import re
import stat
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from slugify import slugify

from macros.records.problems import Problem, printable, quoted

MAX_FILE_BYTES = 100_000
"""The largest record file. The longest real record (a city with its case study and network) is about
12 KB; the limit leaves room for eight times that, and keeps a flood of text out of the build."""

MAX_NESTING = 8
"""The deepest nesting of lists and groups a file may have (the mapping of the file counts as one).
The models need at most 4 (a city, its network, its flows, a flow); libyaml's time grows with the square
of the depth of `[[[...]]]`: 98 kB of brackets took 8 s of one file's parse before the models refused
it. `nesting_line` refuses such a file before libyaml reads it, `_load` stops at the first event past
the limit whatever the pre-scan let through."""

_NESTING_MESSAGE = (
    f"lijsten en groepen zitten hier meer dan {MAX_NESTING} niveaus diep in elkaar; een record heeft er "
    "hoogstens een paar nodig. Kijk de haakjes [ ] { } en de inspringing na"
)

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
_FLOAT = "tag:yaml.org,2002:float"
_TAG_MESSAGE = "YAML-tags zoals {} zijn niet toegestaan; schrijf de waarde gewoon uit, zonder `!`"


def _tag(tag: str) -> str:
    """A tag as the contributor wrote it: `!!binary`, not `tag:yaml.org,2002:binary`."""
    return quoted(tag.replace("tag:yaml.org,2002:", "!!"))


_KEY_MESSAGE = "een veldnaam is één woord, geen lijst of groep; zet `veld: waarde` op één regel"
_COMMENT_WARNING = (
    "de tekst stopt vóór ' #': YAML leest alles vanaf ' #' als commentaar. "
    "Zet de hele tekst tussen aanhalingstekens als het # erbij hoort"
)
_GLUED_WARNING = (
    "deze regel hoort bij de tekst van de regel erboven: het streepje staat te ver naar rechts. "
    "Zet het streepje recht onder dat van het vorige punt als dit een nieuw punt is"
)
_ANCHOR_MESSAGE = (
    "ankers (`&naam`) en verwijzingen (`*naam`) zijn niet toegestaan; schrijf de tekst voluit "
    "(staat er een & of * aan het begin van een tekst, zet de tekst dan tussen aanhalingstekens)"
)
_IMPLICIT: dict[str, list[tuple[str, Any]]] = yaml.resolver.Resolver.yaml_implicit_resolvers
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_NO_KEY: Any = object()
_SCALAR, _MAPPING_START, _MAPPING_END = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.MappingEndEvent
_SEQUENCE_START, _SEQUENCE_END = yaml.SequenceStartEvent, yaml.SequenceEndEvent


_THOUSANDS = re.compile(r"\d{1,3}(\.\d{3})+")
"""`87.000` as a Dutch writer means eighty-seven thousand; YAML reads it as 87.0."""

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
    if tag is not None and tag != "!":
        raise Unsupported(event.start_mark.line + 1, _TAG_MESSAGE.format(_tag(tag)))
    if not event.implicit[0]:  # quoted or block text is always a string
        return event.value
    tag = _plain_tag(event.value)
    if tag == _STR:
        return event.value
    if tag == _FLOAT and _THOUSANDS.fullmatch(event.value):
        return event.value  # kept as written, so that a number field can say how to write it
    if tag == "tag:yaml.org,2002:merge":
        raise Unsupported(
            event.start_mark.line + 1, "samenvoegsleutels (`<<`) kunnen niet; schrijf de velden voluit"
        )
    construct = _CONSTRUCTOR.yaml_constructors.get(tag)
    if construct is None:  # pragma: no cover - every implicit tag has a constructor
        raise Unsupported(event.start_mark.line + 1, _TAG_MESSAGE.format(_tag(tag)))
    node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
    try:
        return construct(_CONSTRUCTOR, node)
    except ValueError:
        # `2021-02-30` looks like a date but is none; PyYAML would crash. Keep the text so that the
        # checks can say what is wrong with it.
        return event.value


def _load(text: str, warnings: list[tuple[int, str]]) -> Any:
    """The document in `text`, as LineDict/LineList/scalars, with the semantics of `yaml.safe_load`.

    Slips that YAML accepts but that change what the contributor wrote (text cut at ` #`, a list item
    glued to the one above) are appended to `warnings` as (line, message).

    Built straight from libyaml's events, without PyYAML's node graph and generic constructor: about
    twice as fast, which keeps validating thousands of records under two seconds. The loop is one
    function with local state on purpose, scalars first since they are most events; a method call
    per event would cost much of that gain.
    """
    loader: Any = _BaseLoader(text)
    get_event = loader.get_event
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
                    raise Unsupported(event.start_mark.line + 1, _ANCHOR_MESSAGE)
                if not event.style and type(value) is str:
                    end = event.end_mark.index
                    if text.startswith(" #", end) and text[end + 2 : end + 3] not in ("", " ", "\n"):
                        warnings.append((event.end_mark.line + 1, _COMMENT_WARNING))
                    if event.end_mark.line != event.start_mark.line:
                        glued = _glued_item(text, event)
                        if glued:
                            warnings.append((glued, _GLUED_WARNING))
            elif kind is _MAPPING_END or kind is _SEQUENCE_END:
                top, in_list, key, key_line = stack.pop()
                continue
            elif kind is _MAPPING_START or kind is _SEQUENCE_START:
                value = _open(kind, event)
                if top is not None and not in_list and key is _NO_KEY:
                    raise Unsupported(value.line, _KEY_MESSAGE)
            elif kind is yaml.AliasEvent:
                raise Unsupported(event.start_mark.line + 1, _ANCHOR_MESSAGE)
            elif kind is yaml.StreamEndEvent:
                return root
            else:
                documents += kind is yaml.DocumentStartEvent
                if documents > 1:
                    message = "het bestand bevat meer dan één document (`---`); houd één record per bestand"
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
                    raise Unsupported(line, _KEY_MESSAGE)
                if value in top.key_lines:
                    raise DuplicateKey(value, line, top.key_lines[value])
                key, key_line = value, line
                continue
            if kind is _MAPPING_START or kind is _SEQUENCE_START:
                if len(stack) >= MAX_NESTING:  # the exact depth, for what the pre-scan let through
                    raise Unsupported(value.line, _NESTING_MESSAGE)
                stack.append((top, in_list, key, key_line))
                top, in_list, key, key_line = value, kind is _SEQUENCE_START, _NO_KEY, 0
    finally:
        loader.dispose()


def _glued_item(text: str, event: Any) -> int | None:
    """The line of a `- ...` that YAML read as the continuation of the plain text above it (the
    contributor indented a new list item too far), or None."""
    lines = text[event.start_mark.index : event.end_mark.index].split("\n")
    for offset, continuation in enumerate(lines[1:], start=1):
        if continuation.lstrip().startswith("- "):
            return int(event.start_mark.line) + offset + 1
    return None


def _open(kind: type, event: Any) -> LineDict | LineList:
    """A new, empty collection for a mapping or sequence start event."""
    line = event.start_mark.line + 1
    if event.tag not in (None, "!"):
        raise Unsupported(line, _TAG_MESSAGE.format(_tag(event.tag)))
    if event.anchor:
        raise Unsupported(line, _ANCHOR_MESSAGE)
    container: LineDict | LineList
    container = LineDict() if kind is yaml.MappingStartEvent else LineList()
    container.line = line
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
    """Read one file. Returns the record (None when it could not be read) and every problem found:
    the errors that kept it from being read, or warnings about slips YAML silently accepted.

    The file is opened without following a symbolic link and read up to `MAX_FILE_BYTES`."""
    try:
        raw = read_limited(path)
    except OSError as exc:
        return None, [
            Problem(path, 1, "", f"het bestand kan niet gelezen worden ({printable(exc.strerror)})")
        ]
    return record_from_bytes(path, raw)


def record_from_bytes(path: Path, raw: bytes | None) -> tuple[RawRecord | None, list[Problem]]:
    """`read_record` of bytes already read from `path` (None: more than `MAX_FILE_BYTES`)."""
    if raw is None:
        limit = f"{MAX_FILE_BYTES // 1000} kB"
        message = f"het bestand is groter dan {limit}; een record is korter (splits het, of kort de tekst in)"
        return None, [Problem(path, 1, "", message)]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        message = "het bestand is geen UTF-8-tekst; sla het op met de codering UTF-8"
        return None, [Problem(path, line, "", message)]
    problems = _character_problems(path, text)
    if problems:
        return None, problems
    return _parse(path, text)


def read_limited(path: Path, limit: int = MAX_FILE_BYTES) -> bytes | None:
    """The bytes of `path`, or None when it holds more than `limit`. Refuses a symbolic link
    (O_NOFOLLOW) and anything but a regular file, so a record can never point at another file."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    descriptor = os.open(path, flags)
    with os.fdopen(descriptor, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise OSError(0, "geen gewoon bestand")
        data = handle.read(limit + 1)
    return None if len(data) > limit else data


def read_bytes(path: Path, limit: int) -> tuple[bytes | None, list[Problem]]:
    """The bytes of a data file that is not YAML (the reference data), read as a record is: without
    following a link, and refused past `limit` bytes."""
    try:
        data = read_limited(path, limit)
    except OSError as exc:
        return None, [
            Problem(path, 1, "", f"het bestand kan niet gelezen worden ({printable(exc.strerror)})")
        ]
    if data is None:
        return None, [Problem(path, 1, "", f"het bestand is groter dan {limit // 1000} kB")]
    return data, []


_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff]"
)
"""Characters no record needs: control characters (a tab is reported on its own), invisible and
direction-changing format characters that can hide or reorder text in a review, and a BOM."""


def _character_problems(path: Path, text: str) -> list[Problem]:
    """One problem per line with a tab or a forbidden character, naming the code point."""
    problems = []
    if "\t" in text or _FORBIDDEN.search(text):
        for number, line in enumerate(text.split("\n"), start=1):
            if "\t" in line:
                problems.append(Problem(path, number, "", "de regel bevat een tab; gebruik spaties"))
            for match in _FORBIDDEN.finditer(line.rstrip("\r")):
                char = match.group()
                name = unicodedata.name(char, "stuurteken")
                message = (
                    f"de regel bevat het onzichtbare teken U+{ord(char):04X} ({name.lower()}), "
                    "vaak meegekopieerd uit een tekstverwerker; verwijder het"
                )
                problems.append(Problem(path, number, "", message))
    return problems


def _parse(path: Path, text: str) -> tuple[RawRecord | None, list[Problem]]:
    # Only brackets make libyaml slow (its time grows with the square of their depth): a file with few
    # of them needs no pre-scan, and block nesting is cut off while loading (`_load`).
    if text.count("[") + text.count("{") > MAX_NESTING:
        too_deep = nesting_line(text)
        if too_deep is not None:
            return None, [Problem(path, too_deep, "", _NESTING_MESSAGE)]
    slips: list[tuple[int, str]] = []
    try:
        data = _load(text, slips)
    except DuplicateKey as dup:
        message = (
            f"het veld {quoted(dup.key)} staat er twee keer (eerst op regel {dup.first_line}); "
            "houd er één, YAML zou het andere zonder waarschuwing weglaten"
        )
        return None, [Problem(path, dup.line, str(dup.key), message)]
    except Unsupported as exc:
        return None, [Problem(path, exc.line, "", exc.message)]
    except yaml.MarkedYAMLError as exc:
        return None, [yaml_syntax_problem(path, text, exc)]
    except yaml.YAMLError as exc:  # pragma: no cover - the checks above leave no other reader error
        return None, [Problem(path, 1, "", f"geen geldige YAML ({printable(exc)})")]
    if data is None and all(_is_comment(line) for line in text.splitlines()):
        return None, [
            Problem(path, 1, "", "het bestand is leeg; vul het sjabloon in of verwijder het bestand")
        ]
    if not isinstance(data, LineDict):
        found = "een lijst" if isinstance(data, list) else quoted(data)
        message = f"een record is een reeks velden (`title: ...`), maar het bestand bevat {found}"
        return None, [Problem(path, 1, "", message)]
    warnings = [Problem(path, line, "", message, "warning") for line, message in slips]
    return RawRecord(path, data), warnings


# --- nesting, before libyaml ----------------------------------------------------------------------------

_FLOW_MARKS = re.compile(r"[\[\]{},\"'#]")
"""What changes the nesting inside `[...]` or `{...}`: brackets, commas, quotes, comments."""


def nesting_line(text: str, limit: int = MAX_NESTING) -> int | None:
    """The line (1-based) where `text` nests lists and groups deeper than `limit`, or None.

    A pre-scan in one pass over the lines, before libyaml builds anything: a block collection opens
    where a line is indented further than the one it belongs to (or after `- ` on the same line), a flow
    collection at a `[` or `{` where a value starts. Text does not count: quoted text (which may run over
    several lines), block text after `|` or `>`, the continuation lines of plain text, comments, and
    brackets inside plain text. Its count is never below the depth libyaml would reach, so nothing deep
    gets past it; tabs and control characters were refused before (`_character_problems`).
    """
    return _NestingScan(limit).run(text)


class _NestingScan:
    """The state of `nesting_line` between lines."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.blocks: list[tuple[int, bool]] = []
        """The open block collections: (column, is a sequence)."""
        self.flow = 0
        """Open `[` and `{`."""
        self.quote = ""
        """The quote of quoted text that continues on the next line, or ''."""
        self.text_above = -1
        """While >= 0: lines indented further than this are text (block text, or plain text going on)."""
        self.in_plain = False
        """Inside `[...]`: the current value is plain text, in which a quote is just a character."""
        self.line = 0

    def run(self, text: str) -> int | None:
        try:
            for self.line, line in enumerate(text.splitlines(), start=1):
                self._line(line)
        except _TooDeep:
            return self.line
        return None

    def _deeper(self) -> None:
        if len(self.blocks) + self.flow > self.limit:
            raise _TooDeep

    def _line(self, line: str) -> None:
        if self.quote:
            end = _quote_end(line, 0, self.quote)
            if end < 0:
                return
            self.quote = ""
            if self.flow:
                self._flow(line, end)
            return  # after quoted text that ran over lines, a line holds nothing that nests
        if self.flow:
            self._flow(line, 0)
            return
        content = line.lstrip(" ")
        if not content or content[0] == "#":
            return
        column = len(line) - len(content)
        if self.text_above >= 0:
            if column > self.text_above:
                return
            self.text_above = -1
        if content[0] == "%":  # a directive
            return
        if content.startswith("---") and content[3:4] in ("", " "):
            self.blocks.clear()
            self._node(line, column + 3, column)
            return
        is_item = content[0] in "-?" and content[1:2] in ("", " ")
        blocks = self.blocks
        # Close what this line is not in: deeper collections, and a sequence at its own column that a
        # key line ends (`key:` followed by `- item` lines at the key's column).
        while blocks and (blocks[-1][0] > column or (blocks[-1][0] == column and blocks[-1][1] > is_item)):
            blocks.pop()
        opens = not blocks or blocks[-1][0] < column or is_item > blocks[-1][1]
        if opens and (is_item or _is_key(content)):
            blocks.append((column, is_item))
            self._deeper()
        self._node(line, column + 1 if is_item else column, column, started=not is_item)

    def _node(self, line: str, start: int, column: int, started: bool = False) -> None:
        """A node that begins at or after `start` on `line`, in a block collection at `column`.
        `started`: the line's own key is already counted."""
        while True:
            position = start
            while position < len(line) and line[position] == " ":
                position += 1
            if position >= len(line) or line[position] == "#":
                return
            char = line[position]
            if char in "&!":  # an anchor or a tag (refused later) before the node itself
                space = line.find(" ", position)
                if space < 0:
                    return
                start = space
                continue
            if char in "-?" and line[position + 1 : position + 2] in ("", " "):  # `- - x`, `- ? x`
                self.blocks.append((position, True))
                self._deeper()
                start, column, started = position + 1, position, False
                continue
            if char in "[{":
                self._flow(line, position)
                return
            if char in "\"'":
                end = _quote_end(line, position + 1, char)
                if end < 0:
                    self.quote = char
                    return
                rest = line[end:].lstrip(" ")
                if rest[:1] == ":" and rest[1:2] in ("", " "):  # a quoted key
                    if not started:
                        self.blocks.append((position, False))
                        self._deeper()
                    start, started = len(line) - len(rest) + 1, True
                    continue
                return
            if char in "|>":
                self.text_above = column
                return
            # Plain text, or a plain key and its value.
            comment = line.find(" #", position)
            end = comment if comment >= 0 else len(line)
            colon = line.find(": ", position, end)
            if colon < 0 and line[position:end].rstrip(" ").endswith(":"):
                colon = len(line[:end].rstrip(" ")) - 1
            if colon < 0:
                self.text_above = column  # plain text may go on, on lines indented further
                return
            if not started:
                self.blocks.append((position, False))
                self._deeper()
            start, column, started = colon + 1, position, True

    def _flow(self, line: str, position: int) -> None:
        """Scan `line` from `position` inside (or at the start of) a flow collection."""
        value_start = position
        while True:
            match = _FLOW_MARKS.search(line, position)
            if match is None:
                return
            position = match.end()
            char = match.group()
            if char in "[{":
                self.flow += 1
                self._deeper()
                value_start, self.in_plain = position, False
            elif char in "]}":
                self.flow -= 1
                self.in_plain = False
                if self.flow <= 0:
                    self.flow = 0
                    rest = line[position:].lstrip(" ")
                    if rest[:1] == ":" and rest[1:2] in ("", " "):  # `[a]: value`, a flow key
                        indent = len(line) - len(line.lstrip(" "))
                        self._node(line, len(line) - len(rest) + 1, indent, True)
                    return
                value_start = position
            elif char == ",":
                value_start, self.in_plain = position, False
            elif char == "#":
                if position == 1 or line[position - 2] == " ":
                    return  # a comment
            elif not self.in_plain:
                # A quote opens text only where a value starts (after `[`, `{`, `,` or `key:`); inside
                # plain text it is a character, and so is every later quote of that text (also on the
                # next lines, where plain text inside brackets may go on).
                before = line[value_start : position - 1].strip(" ")
                if before and not before.endswith(":"):
                    self.in_plain = True
                    continue
                end = _quote_end(line, position, char)
                if end < 0:
                    self.quote = char
                    return
                position = value_start = end


class _TooDeep(Exception):
    pass


def _is_key(content: str) -> bool:
    """Whether a block line (without its indent) starts a mapping entry: `key: value` or `key:`."""
    if content[0] in "\"'":
        end = _quote_end(content, 1, content[0])
        rest = content[end:].lstrip(" ") if end >= 0 else ""
        return rest[:1] == ":" and rest[1:2] in ("", " ")
    comment = content.find(" #")
    head = content if comment < 0 else content[:comment]
    return ": " in head or head.rstrip(" ").endswith(":")


def _quote_end(line: str, position: int, quote: str) -> int:
    """The index just after the quote that closes text opened before `position`, or -1 when the text
    goes on past this line. `"` text escapes with a backslash, `'` text doubles the quote."""
    while True:
        found = line.find(quote, position)
        if found < 0:
            return -1
        if quote == "'":
            if line[found + 1 : found + 2] == "'":
                position = found + 2
                continue
            return found + 1
        backslashes = 0
        while found - backslashes > position and line[found - 1 - backslashes] == "\\":
            backslashes += 1
        if backslashes % 2 == 0:
            return found + 1
        position = found + 1


def yaml_syntax_problem(path: Path, text: str, exc: yaml.MarkedYAMLError) -> Problem:
    """A YAML syntax error as a Dutch problem at the line of the mistake, with the fix for the common
    slips: a colon in text, a wrong indent, an unclosed quote, a character that cannot start text."""
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    problem = str(exc.problem or exc.context or "")
    lines = text.split("\n")
    if "mapping values are not allowed" in problem and _deeper_than_above(lines, line):
        message = (
            "de inspringing klopt niet: deze regel staat verder naar rechts dan de regel erboven, zodat "
            "YAML ze als één tekst leest; zet het veld even ver als de andere velden van dezelfde groep"
        )
    elif "mapping values are not allowed" in problem:
        # The scanner stops at the second `: ` of a line such as `title: Taal: een kans`.
        message = (
            "in deze tekst staat een dubbelpunt met een spatie erna, en dat leest YAML als een nieuw veld; "
            'zet de hele tekst tussen aanhalingstekens, zoals title: "Taal: een kans"'
        )
    elif (
        "could not find expected ':'" in problem
        or "did not find expected key" in problem
        or ("expected <block end>" in problem)
    ):
        line = _first_misaligned(lines, line)
        message = (
            "de inspringing klopt niet: zet deze regel even ver naar rechts als de andere velden van "
            "dezelfde groep (met spaties), of een lijstpunt `- ` recht onder het vorige"
        )
    elif "found unexpected end of stream" in problem or "found unknown escape character" in problem:
        line = exc.context_mark.line + 1 if exc.context_mark else line
        message = (
            "een aanhalingsteken wordt niet gesloten, of er staat een \\ in; "
            "sluit de tekst af met hetzelfde teken"
        )
    elif "expected ',' or ']'" in problem or "expected ',' or '}'" in problem:
        line = exc.context_mark.line + 1 if exc.context_mark else line
        message = "een lijst tussen [ en ] wordt niet gesloten; sluit ze op dezelfde regel af met ]"
    elif "cannot start any token" in problem and mark is not None:
        char = lines[line - 1][mark.column : mark.column + 1]
        message = f"een tekst kan niet met {quoted(char)} beginnen; zet de hele tekst tussen aanhalingstekens"
    else:
        message = f"geen geldige YAML ({printable(problem)}); vergelijk deze regel met het sjabloon"
    return Problem(path, line, "", message)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _deeper_than_above(lines: list[str], number: int) -> bool:
    """Whether line `number` (1-based) is indented deeper than the nearest non-blank line above it."""
    above = [line for line in lines[: number - 1] if line.strip() and not line.lstrip().startswith("#")]
    return bool(above) and number <= len(lines) and _indent(lines[number - 1]) > _indent(above[-1])


def _first_misaligned(lines: list[str], reported: int) -> int:
    """libyaml reports a bad indent where the block it was reading ends, often a line or more after the
    mistake: the line of the mistake is the last non-blank line before it whose indent differs from the
    line above it."""
    candidates = [
        i
        for i in range(reported)
        if i < len(lines) and lines[i].strip() and not lines[i].lstrip().startswith("#")
    ]
    for position in range(len(candidates) - 1, 0, -1):
        here, above = lines[candidates[position]], lines[candidates[position - 1]]
        if (
            _indent(here) != _indent(above)
            and not above.rstrip().endswith(":")
            and not here.lstrip().startswith("- ")
        ):
            return candidates[position] + 1
    return reported


def _is_comment(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith("#") or stripped == "---"


# --- which files --------------------------------------------------------------------------------------

MAX_ID_CHARS = 80
"""The longest file name (without `.yml`): ids appear in URLs and in every link to the record."""

_KEBAB = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
_BACKUP_SUFFIXES = ("~", ".bak", ".orig", ".rej", ".swp", ".swo", ".tmp")


def scan(
    root: Path,
    folders: dict[str, str],
    vocabularies: Iterable[str],
    reserved: frozenset[str],
    reference: tuple[str, Iterable[str]] = ("reference", ()),
) -> tuple[list[tuple[str, Path]], list[Problem]]:
    """(kind, path) of every record file below `root`, and a problem for everything else found there.

    `folders` maps a record kind to its folder (`.` for the root); `vocabularies` are the file stems
    allowed in `vocabulary/`; `reserved` are ids a record may not take (they are generated pages);
    `reference` names the reference folder and the files it may hold (read by their own loader).
    Every entry below `root` ends up as a record or a problem: nothing is skipped in silence. Symbolic
    links are reported without being followed, so a record can never be read from outside `root`.
    """
    kinds = {folder: kind for kind, folder in folders.items()}
    stems = set(vocabularies)
    reference_folder, reference_files = reference[0], set(reference[1])
    files: list[tuple[str, Path]] = []
    problems: list[Problem] = []

    def visit(directory: Path, kind: str | None, depth: int) -> None:
        # Sorted by name as plain strings: comparing thousands of Path objects costs a tenth of a second.
        for entry in sorted(os.scandir(directory), key=lambda e: e.name):
            path = directory / entry.name
            if entry.is_symlink():
                problems.append(Problem(path, 1, "", _SYMLINK_MESSAGE))
            elif entry.is_dir():
                if depth == 0 and entry.name == reference_folder:
                    visit(path, reference_folder, 1)
                elif depth == 0 and (entry.name in kinds or entry.name == "vocabulary"):
                    visit(path, kinds.get(entry.name, "vocabulary"), 1)
                else:
                    problems.append(Problem(path, 1, "", _folder_message(entry.name)))
            elif not entry.is_file():
                problems.append(Problem(path, 1, "", "dit is geen gewoon bestand; verwijder het"))
            elif kind == reference_folder and depth == 1:
                if entry.name not in reference_files:
                    message = f"in {reference_folder}/ horen alleen " + ", ".join(sorted(reference_files))
                    problems.append(Problem(path, 1, "", message))
            elif kind == "vocabulary":
                if entry.name.removesuffix(".yml") in stems and entry.name.endswith(".yml"):
                    continue  # read by the vocabulary loader
                problems.append(Problem(path, 1, "", _vocabulary_message(stems)))
            else:
                problem = _name_problem(path, reserved)
                if problem is None or problem.severity == "warning" or path.suffix == ".yml":
                    files.append((kind or kinds["."], path))
                if problem is not None:
                    problems.append(problem)

    visit(root, kinds.get("."), 0)
    return files, problems


def _name_problem(path: Path, reserved: frozenset[str]) -> Problem | None:
    """Why a file in a records folder is not a well-named record, or None."""
    name = path.name
    if name.endswith(_BACKUP_SUFFIXES) or name.startswith((".#", "#")):
        return Problem(path, 1, "", "dit lijkt een reservekopie van een editor; verwijder het bestand")
    stem, _, extension = name.partition(".")
    if extension != "yml":
        if extension.lower() in ("yml", "yaml"):
            message = f"een record eindigt op `.yml`; hernoem het bestand naar {quoted(slug(stem) + '.yml')}"
        else:
            message = (
                "hier horen alleen records, bestanden die op `.yml` eindigen; "
                "verplaats of verwijder dit bestand"
            )
        return Problem(path, 1, "", message)
    if stem in reserved:
        message = (
            f"de id {quoted(stem)} is voorbehouden voor een pagina die de site zelf maakt; "
            "kies een andere bestandsnaam"
        )
        return Problem(path, 1, "", message)
    if not _KEBAB.fullmatch(stem):
        message = (
            "de bestandsnaam is de id van het record: kleine letters zonder accenten, cijfers en "
            f"koppeltekens; hernoem het bestand naar {quoted(slug(stem) + '.yml')}"
        )
        return Problem(path, 1, "", message)
    if len(stem) > MAX_ID_CHARS:
        message = f"de bestandsnaam is {len(stem)} tekens lang; kort hem in tot hoogstens {MAX_ID_CHARS}"
        return Problem(path, 1, "", message)
    return None


def slug(stem: str) -> str:
    """The kebab-case id a name suggests: `Taalcafé Kwakelbeek` -> `taalcafe-kwakelbeek`."""
    return slugify(stem, max_length=MAX_ID_CHARS, word_boundary=True) or "naam-van-het-record"


_SYMLINK_MESSAGE = (
    "dit is een symbolische link; de kennisbank leest alleen gewone bestanden en volgt geen links. "
    "Zet het record zelf in de map"
)


def _folder_message(name: str) -> str:
    if name.endswith((".yml", ".yaml")):
        return "dit is een map, geen bestand; een record is één .yml-bestand"
    return (
        "deze map hoort hier niet: records staan in practices/ zelf of in cities/, organisations/, "
        "networks/, questions/ en sources/, vocabularia in vocabulary/, referentiegegevens in reference/; "
        "verplaats de bestanden en verwijder de map"
    )


def _vocabulary_message(stems: set[str]) -> str:
    return "in vocabulary/ horen alleen de lijsten " + ", ".join(sorted(f"{s}.yml" for s in stems))
