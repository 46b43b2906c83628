"""Names that look the same: a skeleton in the sense of Unicode's confusable detection (UTS #39).

Two names with the same skeleton look alike on a page: `Stad Gent` with a Cyrillic `е` and the real
one, `Ieper` with a capital I and `leper`, `Stad 2000` and `Stad 2OOO`. The mapping from each
character to the one it is confused with comes from Unicode's `confusables.txt`, as the maintained
`confusable-homoglyphs` package ships it (offline, in its `confusables.json`). That file lists each
source and its prototype in both directions; every group it forms is one prototype with its sources
(a star; `tests/test_untrusted_input.py` checks that this still holds after an upgrade), so the
prototype is the member with more than one partner, or of a pair, the longer or lower one.

The skeleton then is UTS #39's (decompose, map every character to its prototype, decompose again), on
the name with runs of white space as one space, as written and case-folded: a name that differs from
another only in look-alike characters, case or spacing is the same name to a reader.
"""

from __future__ import annotations

import functools
import unicodedata
from collections import defaultdict


@functools.cache
def prototypes() -> dict[str, str]:
    """Character -> its prototype (one or more characters), for every character that has one. Read
    on first use (0.07 s): only the check of names needs it."""
    from confusable_homoglyphs.confusables import confusables_data

    partners: defaultdict[str, set[str]] = defaultdict(set)
    for source, entries in confusables_data.items():
        for entry in entries:
            # The file wraps right-to-left characters in U+200E marks for display; they are not data.
            a, b = source.replace("\u200e", ""), entry["c"].replace("\u200e", "")
            partners[a].add(b)
            partners[b].add(a)
    mapping: dict[str, str] = {}
    for node, others in partners.items():
        if len(node) != 1:
            continue  # a prototype of several characters (`rn` for `m`) is never a source
        for other in others:
            if _is_prototype(other, node, partners):
                mapping[node] = other
    return mapping


def _is_prototype(candidate: str, of: str, partners: dict[str, set[str]]) -> bool:
    """Whether `candidate` is the prototype of `of` in the star they share."""
    if len(partners[candidate]) != len(partners[of]):
        return len(partners[candidate]) > len(partners[of])
    if len(candidate) != len(of):  # a pair: a sequence is the prototype, a source is one character
        return len(candidate) > len(of)
    return candidate < of


def _mapped(text: str) -> str:
    table = prototypes()
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFD", "".join([table.get(char, char) for char in decomposed]))


def skeleton(name: str) -> str:
    """What a name looks like: equal for names a reader cannot tell apart (UTS #39, on the name with
    runs of white space as one space)."""
    return _mapped(" ".join(unicodedata.normalize("NFKC", name).split()))


def skeletons(name: str) -> tuple[str, str]:
    """The skeleton of the name as written and of the name case-folded: two names that share either
    differ only in look-alike characters (`I` and `l` are twins only as written) or in case."""
    return skeleton(name), skeleton(name.casefold())
