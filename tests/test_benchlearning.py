"""Benchlearning: comparable practices, peers, cities to learn from and practices for an agenda topic
follow their documented ranking, checked by brute force also at 3,000 practices, where the pages cut
their lists; relevance, never the alphabet, decides what readers see. Cities to learn from follow the
rules on size and maturity, and centrumsteden form a peer group."""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

import pytest
from records_folder import PRACTICE, TODAY, add_municipality, write_record
from tooling import demo

from macros.pages import benchlearning, practice
from macros.pages import city as city_page
from macros.pages import learning_network as network_page
from macros.pages.benchlearning import Benchlearning
from macros.pages.context import Context
from macros.records import knowledge
from macros.records.knowledge import KnowledgeBase


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    root = tmp_path_factory.mktemp("demo") / "records"
    demo.write_corpus(root, 120, 3)
    return knowledge.build(root, today=TODAY)


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    """3,000 demo practices: every theme pool of one size class holds more than 30 practices, where
    the old cut by title began, and the pages cut their lists (6 comparable practices, 12 peers)."""
    root = tmp_path_factory.mktemp("large") / "records"
    demo.write_corpus(root, 3000)
    return knowledge.build(root)


def _reference(kb: KnowledgeBase, bench: Benchlearning, practice_id: str, limit: int) -> list[str]:
    """The rule in the docstring, by brute force over every practice: same size first, then the
    closest match on themes and on instruments (most shared, fewest others), then the ring distance of
    the id hashes."""
    own = kb.practices[practice_id]
    anchor = benchlearning.stable_hash(practice_id)

    def order(pid: str) -> tuple[int, int, int, int, int]:
        other = kb.practices[pid]
        themes = len(set(own.themes) & set(other.themes))
        instruments = len(set(own.instruments) & set(other.instruments))
        return (
            -themes,
            len(set(other.themes)) - themes,
            -instruments,
            len(set(other.instruments)) - instruments,
            benchlearning.ring_distance(anchor, benchlearning.stable_hash(pid)),
        )

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
    checked = topped_up = 0
    for practice_id in kb.practices:
        expected = _reference(kb, bench, practice_id, 6)
        assert [s.id for s in bench.comparable(practice_id, 6)] == expected, practice_id
        checked += bool(expected)
        own = kb.practices[practice_id]
        same_size = {p for t in own.themes for p in bench.by_theme_size[(t, bench.city_size[own.city])]}
        topped_up += len(same_size - {practice_id}) < 6
    # Also the practices whose own size class has too few: the rest come from other sizes.
    assert checked > 100 and topped_up > 10


def test_the_ranking_is_exact_where_pools_are_large(large: KnowledgeBase) -> None:
    bench = Benchlearning(large)
    assert min(len(pool) for pool in bench.by_theme_size.values()) > 30
    sample = list(large.practices)[::25]
    for practice_id in sample:
        expected = _reference(large, bench, practice_id, 6)
        assert [s.id for s in bench.comparable(practice_id, 6)] == expected, practice_id


def test_nearly_every_practice_is_comparable_to_some_other(large: KnowledgeBase) -> None:
    bench = Benchlearning(large)
    shown = {s.id for pid in large.practices for s in bench.comparable(pid, practice.COMPARABLE_LIMIT)}
    assert len(shown) >= 0.9 * len(large.practices)
    # Whatever their title: the cut by title showed no practice whose title starts with S, T or W.
    assert {large.practices[pid].title[0] for pid in shown} == {p.title[0] for p in large.practices.values()}


def test_ties_are_broken_by_a_hash_that_is_the_same_in_every_run() -> None:
    # Python's own hash of a string changes per process; this one may not (golden pages rest on it).
    assert benchlearning.stable_hash("taalcafe-lindeburg") == 0xD2453AC7C75E7D48
    assert benchlearning.ring_distance(5, 3) == (1 << 64) - 2


def _cities(records: Path, cities: dict[str, tuple[int, str | None]]) -> KnowledgeBase:
    """Municipalities (id -> reference population, maturity), each with a city record (which gives the
    maturity, when known) and one practice on `werk`."""
    for city_id, (population, maturity) in cities.items():
        add_municipality(records, city_id, city_id.title(), population=population)
        learning = f"learning:\n  maturity: {maturity}\n  maturity_source: bron-test\n" if maturity else ""
        write_record(
            records, f"cities/{city_id}.yml", f"{learning}sources: [bron-test]\nlast_reviewed: 2026-01-15\n"
        )
        write_record(
            records, f"werk-{city_id}.yml", PRACTICE.replace("teststad", city_id).replace("[taal]", "[werk]")
        )
    return knowledge.build(records, today=TODAY)


def test_an_unknown_maturity_is_never_shown_as_less_or_more_experience(records: Path) -> None:
    kb = _cities(
        records, {"klein": (5_000, None), "groot": (50_000, "ervaren"), "grote-stad": (90_000, None)}
    )
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
    # The reference data says which municipality is a centrumstad; no city record is needed for it.
    # The minimal folder holds two centrumsteden already: Grootstad and Stad.
    add_municipality(records, "aa", "Aa (fictief)", population=250_000, centrumstad=True)
    add_municipality(records, "bb", "Bb (fictief)", population=40_000, centrumstad=True)
    add_municipality(records, "cc", "Cc (fictief)", population=40_000)
    bench = Benchlearning(knowledge.build(records, today=TODAY))
    assert (bench.peer_group("aa"), bench.peer_group("bb"), bench.peer_group("cc")) == (
        ["bb", "grootstad", "stad"],
        ["aa", "grootstad", "stad"],
        [],
    )


def _closeness(kb: KnowledgeBase, city_id: str, other_id: str) -> tuple[int, int]:
    """Peers: the closest in reference population first (every municipality has one), then the ring
    distance."""
    gap = abs(kb.municipalities[city_id].population - kb.municipalities[other_id].population)
    ring = benchlearning.ring_distance(
        benchlearning.stable_hash(city_id), benchlearning.stable_hash(other_id)
    )
    return (gap, ring)


def test_peers_are_the_closest_in_population_whatever_their_name(large: KnowledgeBase) -> None:
    bench = Benchlearning(large)
    shown: set[str] = set()
    municipalities = large.municipalities
    for city_id in municipalities:
        peers = bench.peers(city_id)
        size = bench.city_size[city_id]
        assert sorted(peers) == sorted(
            c for c in municipalities if c != city_id and bench.city_size[c] == size
        )
        assert peers == sorted(peers, key=lambda cid: _closeness(large, city_id, cid)), city_id
        shown.update(peers[: city_page.PEER_LIMIT])
    # The page shows 12 of about 90 municipalities of a size class: by name, only the first names
    # ever showed.
    assert len(municipalities) >= 300 and len(shown) >= 0.9 * len(municipalities)


def test_cities_to_learn_from_match_the_documented_ranking(large: KnowledgeBase) -> None:
    """By brute force over every city and theme, at a size where many cities tie on size, maturity and
    number of practices, and only three per theme are shown."""
    bench = Benchlearning(large)
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for practice_record in large.practices.values():
        for theme in set(practice_record.themes):
            counts[theme][practice_record.city] += 1
    size_rank = {size: i for i, size in enumerate(large.size_classes)}
    maturity_rank = {
        cid: benchlearning.MATURITY_ORDER.index(m) if (m := bench.maturity(cid)) else -1
        for cid in large.municipalities
    }
    tied_at_the_cut = 0
    for city_id in large.municipalities:
        own_size, own_maturity = size_rank[bench.city_size[city_id] or ""], maturity_rank[city_id]
        anchor = benchlearning.stable_hash(city_id)
        expected = {}
        for theme, by_city in counts.items():
            ranked = []
            for cid, count in by_city.items():
                size, maturity = size_rank[bench.city_size[cid] or ""], maturity_rank[cid]
                if (size >= own_size and maturity > own_maturity >= 0) or (
                    own_maturity < 0 and size > own_size
                ):
                    relevance = (size - own_size, -maturity, -count)
                    ranked.append(
                        (relevance, benchlearning.ring_distance(anchor, benchlearning.stable_hash(cid)), cid)
                    )
            ranked.sort()
            if ranked:
                expected[theme] = [cid for *_, cid in ranked[:3]]
            tied_at_the_cut += len(ranked) > 3 and ranked[2][0] == ranked[3][0]
        got = {theme: [s.id for s in suggestions] for theme, suggestions in bench.learn_from(city_id).items()}
        assert got == expected, city_id
    assert tied_at_the_cut > 100


def test_agenda_topics_match_practices_by_relevance_whatever_their_title(large: KnowledgeBase) -> None:
    """Every practice on a topic's themes is a candidate: members' first, then the most shared themes,
    then the ring distance from the hash of network and topic."""
    ctx = Context(large, TODAY)
    topics = [(nid, topic) for nid, n in large.networks.items() for topic in n.agenda if topic.themes]
    assert len(topics) > 30
    for network_id, topic in topics:
        members = set(large.networks[network_id].members)
        anchor = benchlearning.stable_hash(f"{network_id}\n{topic.topic}")
        ranked = sorted(
            (
                -int(p.city in members),
                -len(set(topic.themes) & set(p.themes)),
                benchlearning.ring_distance(anchor, benchlearning.stable_hash(pid)),
                pid,
            )
            for pid, p in large.practices.items()
            if set(topic.themes) & set(p.themes)
        )
        expected = [pid for *_, pid in ranked[: network_page.TOPIC_PRACTICES]]
        assert network_page.matching_practices(ctx, network_id, topic) == expected, topic.topic
