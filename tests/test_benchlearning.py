"""Benchlearning: comparable practices follow the documented ranking, cities to learn from follow the
rules on size and maturity, and centrumsteden form a peer group."""

from __future__ import annotations

from pathlib import Path

import pytest
from records_folder import PRACTICE, TODAY, write_record

from macros import benchlearning, demo, knowledge
from macros.benchlearning import Benchlearning
from macros.knowledge import KnowledgeBase


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    root = tmp_path_factory.mktemp("demo") / "records"
    demo.write_corpus(root, 120, 3)
    return knowledge.build(root, today=TODAY)


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


def _cities(records: Path, cities: dict[str, tuple[int, str | None]]) -> KnowledgeBase:
    """Cities (id -> population, maturity), each with one practice on `werk`."""
    for city_id, (population, maturity) in cities.items():
        learning = f"learning:\n  maturity: {maturity}\n  maturity_source: bron-test\n" if maturity else ""
        write_record(
            records,
            f"cities/{city_id}.yml",
            f"name: {city_id.title()}\npopulation:\n  value: {population}\n  year: 2024\n  source: bron-test\n"
            f"{learning}sources: [bron-test]\nlast_reviewed: 2026-01-15\n",
        )
        write_record(
            records, f"werk-{city_id}.yml", PRACTICE.replace("teststad", city_id).replace("[taal]", "[werk]")
        )
    return knowledge.build(records, today=TODAY)


def test_an_unknown_maturity_is_never_shown_as_less_or_more_experience(records: Path) -> None:
    kb = _cities(records, {"klein": (5_000, None), "groot": (50_000, "ervaren"), "stad": (90_000, None)})
    bench = Benchlearning(kb)
    reasons = [s.reason for s in bench.learn_from("klein")["werk"]]
    # Without its own maturity, a city is pointed to larger cities only, and no reason speaks of experience.
    assert reasons == [
        "Groter (grote gemeente), 1 praktijk over Werk en ondernemen.",
        "Groter (stad), 1 praktijk over Werk en ondernemen.",
    ]
    # A city that knows its maturity is pointed only to cities whose maturity is known and higher.
    assert bench.learn_from("groot") == {}


def test_a_known_maturity_is_compared_with_known_maturities_only(records: Path) -> None:
    kb = _cities(records, {"a": (20_000, "startend"), "b": (20_000, "groeiend"), "c": (90_000, None)})
    [suggestion] = Benchlearning(kb).learn_from("a")["werk"]
    assert (suggestion.id, suggestion.reason) == (
        "b",
        "Even groot (middelgrote gemeente), meer ervaring (groeiend tegenover startend), 1 praktijk over Werk en ondernemen.",
    )


def test_centrumsteden_are_each_others_peer_group(records: Path) -> None:
    for city_id, city_type in (("aa", "grootstad"), ("bb", "regionale-stad"), ("cc", "gemeente")):
        write_record(
            records,
            f"cities/{city_id}.yml",
            f"name: {city_id}\ntype: {city_type}\nsources: [bron-test]\nlast_reviewed: 2026-01-15\n",
        )
    bench = Benchlearning(knowledge.build(records, today=TODAY))
    assert (bench.peer_group("aa"), bench.peer_group("bb"), bench.peer_group("cc")) == (["bb"], ["aa"], [])
