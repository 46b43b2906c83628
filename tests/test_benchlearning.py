"""Comparable practices follow the documented ranking exactly while theme pools are under the cap."""

from __future__ import annotations

import pytest

from macros import benchlearning, demo, knowledge
from macros.benchlearning import Benchlearning
from macros.knowledge import KnowledgeBase


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    root = tmp_path_factory.mktemp("demo") / "records"
    demo.write_corpus(root, 120, 3)
    return knowledge.build(root)


def _reference(kb: KnowledgeBase, bench: Benchlearning, practice_id: str, limit: int) -> list[str]:
    """The rule in the docstring, by brute force: same size first, then shared themes, shared
    instruments, title, id."""
    own = kb.practices[practice_id]

    def order(pid: str) -> tuple[int, int, str, str]:
        other = kb.practices[pid]
        themes = len(set(own.themes) & set(other.themes))
        instruments = len(set(own.instruments) & set(other.instruments))
        return (-themes, -instruments, other.title, pid)

    sharing = [
        pid for pid, p in kb.practices.items() if pid != practice_id and set(p.themes) & set(own.themes)
    ]
    size = bench.city_size[own.city]
    same = sorted((pid for pid in sharing if bench.city_size[kb.practices[pid].city] == size), key=order)
    found = same[:limit]
    rest = [pid for pid in sorted(sharing, key=order) if pid not in found]
    return found + rest[: limit - len(found)]


def test_comparable_practices_match_the_documented_ranking(kb: KnowledgeBase) -> None:
    bench = Benchlearning(kb)
    pools = [len(p) for p in bench.by_theme.values()]
    assert max(pools) <= benchlearning.POOL_CAP, "the corpus is too large for an exact comparison"
    checked = 0
    for practice_id in kb.practices:
        expected = _reference(kb, bench, practice_id, 6)
        assert [s.id for s in bench.comparable(practice_id, 6)] == expected, practice_id
        checked += bool(expected)
    assert checked > 100
