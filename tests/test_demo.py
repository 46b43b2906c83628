"""The demo corpus: fictional, varied, valid, and the same bytes for the same seed."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from tooling import demo

from macros.records import knowledge, reference
from macros.records.models import Level, OrganisationType, Province

PRACTICES = 120  # enough for every organisation type x level (24 organisations)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("demo") / "records"
    demo.write_corpus(out, PRACTICES, seed=7)
    return out


@pytest.fixture(scope="module")
def kb(corpus: Path) -> knowledge.KnowledgeBase:
    loaded, problems = knowledge.load(corpus, today=demo.REVIEWED_UNTIL)
    assert [p.format(corpus) for p in problems] == []
    return loaded


def files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_a_demo_corpus_validates_without_any_problem(kb: knowledge.KnowledgeBase) -> None:
    assert len(kb.practices) == PRACTICES


def test_the_corpus_has_records_of_every_kind_in_proportion(kb: knowledge.KnowledgeBase) -> None:
    assert len(kb.profiles) == PRACTICES // 10
    # Every city record extends a municipality; a few municipalities have no practice at all.
    assert set(kb.profiles) < set(kb.municipalities)
    assert len(kb.municipalities) == PRACTICES // 10 + PRACTICES // 20
    assert len(kb.organisations) == PRACTICES // 5
    assert len(kb.networks) == 1
    assert len(kb.sources) >= 3


def test_the_same_seed_gives_the_same_bytes(corpus: Path, tmp_path: Path) -> None:
    demo.write_corpus(tmp_path / "again", PRACTICES, seed=7)
    assert files(tmp_path / "again") == files(corpus)


def test_another_seed_gives_another_corpus(corpus: Path, tmp_path: Path) -> None:
    demo.write_corpus(tmp_path / "other", PRACTICES, seed=8)
    assert files(tmp_path / "other") != files(corpus)


def test_it_refuses_to_write_into_a_folder_that_holds_files(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("mine")
    with pytest.raises(FileExistsError):
        demo.write_corpus(tmp_path, 10)


def test_every_name_is_marked_fictional(kb: knowledge.KnowledgeBase) -> None:
    names = [m.name for m in kb.municipalities.values()] + [o.name for o in kb.organisations.values()]
    names += [n.name for n in kb.networks.values()] + [s.title for s in kb.sources.values()]
    assert all(name.endswith("(fictief)") for name in names), [n for n in names if "(fictief)" not in n]


def test_no_city_name_is_a_real_flemish_municipality(kb: knowledge.KnowledgeBase) -> None:
    shipped = reference.load(knowledge.DEFAULT_ROOT)[0]
    real = {m.name.lower() for m in shipped.municipalities.values()}
    real |= {former.name.lower() for former in shipped.former.values()}
    demo_names = {m.name.removesuffix(" (fictief)").lower() for m in kb.municipalities.values()}
    demo_names |= {former.name.lower() for former in kb.reference.former.values()}
    assert len(real) > 285 and not real & demo_names
    # Invented names use letters Flemish place names do not start with this way.
    assert all(re.search(r"[qxy]", name) for name in demo_names)


def test_no_nis_code_can_belong_to_a_real_municipality(kb: knowledge.KnowledgeBase) -> None:
    shipped = reference.load(knowledge.DEFAULT_ROOT)[0]
    real = {m.nis_code for m in shipped.municipalities.values()}
    assert len(real) == 285
    # Flemish NIS codes start with 1 to 7 (a province's first digit); the demo's start with 9.
    assert all(m.nis_code.startswith("9") and m.nis_code not in real for m in kb.municipalities.values())


def test_cities_span_every_size_class_and_province(kb: knowledge.KnowledgeBase) -> None:
    from macros.records.relations import size_class_of

    assert {size_class_of(kb, city_id) for city_id in kb.profiles} == set(kb.size_classes)
    assert {kb.municipalities[city_id].province for city_id in kb.profiles} == set(Province.__args__)


def test_every_city_has_a_partner_network_of_3_to_40_actors(kb: knowledge.KnowledgeBase) -> None:
    for city_id, city in kb.profiles.items():
        assert city.network is not None
        assert 3 <= len(city.network.actors) <= 40, city_id
    flows = [f for c in kb.profiles.values() if c.network for f in c.network.flows]
    assert {f.kind for f in flows} == set(kb.flow_kinds)
    assert any(f.intermittent for f in flows) and not all(f.intermittent for f in flows)


def test_organisations_cover_every_type_and_level(kb: knowledge.KnowledgeBase) -> None:
    assert {o.type for o in kb.organisations.values()} == set(OrganisationType.__args__)
    assert {o.level for o in kb.organisations.values()} == set(Level.__args__)


def test_learning_networks_have_members_a_coordinator_and_an_agenda(kb: knowledge.KnowledgeBase) -> None:
    for network in kb.networks.values():
        assert len(network.members) >= 3 and network.agenda
        assert all(set(topic.proposed_by) <= set(network.members) for topic in network.agenda)


def test_practices_are_adapted_from_practices_in_other_cities(kb: knowledge.KnowledgeBase) -> None:
    adapted = [
        (p, src) for p in kb.practices.values() if p.transferability for src in p.transferability.adapted_from
    ]
    assert adapted
    assert all(kb.practices[src].city != p.city for p, src in adapted)


def test_every_optional_practice_field_is_filled_somewhere_and_left_out_somewhere(
    kb: knowledge.KnowledgeBase,
) -> None:
    for name in demo_fields():
        values = [getattr(p, name) for p in kb.practices.values()]
        assert any(values), f"no practice fills {name}"
        assert not all(values), f"every practice fills {name}"


def demo_fields() -> list[str]:
    from macros.records.models import Practice

    return [
        name for name, field in Practice.model_fields.items() if not field.is_required() and name != "sources"
    ]


def test_review_dates_are_fixed_so_the_bytes_do_not_depend_on_today(kb: knowledge.KnowledgeBase) -> None:
    reviewed = [p.last_reviewed for p in kb.practices.values()]
    assert max(reviewed) <= demo.REVIEWED_UNTIL
    assert min(reviewed) > demo.REVIEWED_UNTIL - dt.timedelta(days=2 * 365)


def test_a_small_network_never_asks_for_a_negative_number_of_organisations() -> None:
    # Seed 1 at 3,000 practices once drew 3 actors for a city that already had a neighbour actor,
    # and asked random.sample for -1 organisations.
    generator = demo._Generator(practices=30, seed=1)
    for _ in range(20):
        assert generator.some(["a", "b", "c"], -2, 0) == []
        assert len(generator.some(["a", "b", "c"], -1, 5)) <= 3
