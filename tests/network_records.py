"""Small records folders with partner networks, written as YAML into a temporary folder.

Shared by the graph, diagram and network-view tests. Names are fictional.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml
from records_folder import HEADER, REFERENCE_META, TODAY, add_municipality

from macros.records import knowledge
from macros.records.knowledge import KnowledgeBase

VOCABULARY = Path(__file__).resolve().parent.parent / "practices" / "vocabulary"
REVIEWED = "2025-01-01"
TYPES = ["publiek", "middenveld", "privaat", "kennis"]
KINDS = ["geld", "infrastructuur", "expertise", "informatie"]


def write(root: Path, folder: str, record_id: str, data: dict[str, Any]) -> None:
    directory = root / folder
    directory.mkdir(parents=True, exist_ok=True)
    (directory / f"{record_id}.yml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))


def records_folder(root: Path) -> Path:
    """A valid, empty records folder: the shipped vocabulary, one fictional source, and reference data
    without municipalities (`add_city` adds them)."""
    shutil.copytree(VOCABULARY, root / "vocabulary")
    write(root, "sources", "demo-bron", {"title": "Fictieve bron voor tests"})
    (root / "reference").mkdir()
    (root / "reference" / "municipalities.yml").write_text(
        REFERENCE_META.replace("bron-test", "demo-bron"), encoding="utf-8"
    )
    (root / "reference" / "municipalities.csv").write_text(HEADER, encoding="utf-8")
    return root


def city(actors: list[dict[str, Any]], flows: list[dict[str, Any]]) -> dict[str, Any]:
    """A city record (what a case study adds to its municipality) with a partner network."""
    network = {"actors": actors, "flows": flows, "sources": ["demo-bron"]}
    return {"network": network, "sources": ["demo-bron"], "last_reviewed": REVIEWED}


def add_city(
    root: Path,
    city_id: str,
    name: str,
    actors: list[dict[str, Any]] | None = None,
    flows: list[dict[str, Any]] | None = None,
    population: int = 20_000,
) -> None:
    """A municipality `city_id` called `name` in the reference data, and its city record: with a
    partner network of `actors` and `flows`, or without one when `actors` is None."""
    add_municipality(root, city_id, name, population=population)
    data = (
        city(actors, flows or [])
        if actors is not None
        else {"sources": ["demo-bron"], "last_reviewed": REVIEWED}
    )
    write(root, "cities", city_id, data)


def organisation(name: str, org_type: str) -> dict[str, Any]:
    return {"name": name, "type": org_type, "sources": ["demo-bron"], "last_reviewed": REVIEWED}


def flow(
    source: str, target: str, kind: str, label: str | None = None, intermittent: bool | None = False
) -> dict[str, Any]:
    """A flow; `intermittent=None` leaves the field out: the source does not say."""
    data: dict[str, Any] = {"from": source, "to": target, "kind": kind}
    if label:
        data["label"] = label
    if intermittent is not None:
        data["intermittent"] = intermittent
    return data


def large_city(root: Path, city_id: str, actors: int, name_length: int = 30) -> None:
    """A city with `actors` actors (itself included), each an organisation with a long-ish name,
    two flows from the city to each and one back, and a few flows between neighbours."""
    people = [{"id": "stad", "city": city_id, "name": f"Stad {city_id.title()}"}]
    flows = []
    for i in range(1, actors):
        org_id = f"{city_id}-org-{i:02d}"
        name = f"Demovereniging {i:02d} " + "Samenleven Fictief"[: max(0, name_length - 16)]
        write(root, "organisations", org_id, organisation(name, TYPES[i % 4]))
        people.append({"id": f"a{i:02d}", "organisation": org_id})
        flows.append(
            flow("stad", f"a{i:02d}", KINDS[i % 4], "steun voor de werking", intermittent=i % 5 == 0)
        )
        flows.append(flow(f"a{i:02d}", "stad", KINDS[(i + 2) % 4], "signalen uit de buurt"))
        if i % 3 == 0 and i > 1:
            flows.append(flow(f"a{i:02d}", f"a{i - 1:02d}", "expertise", "gedeelde vorming"))
    add_city(root, city_id, f"{city_id.title()} (fictief)", people, flows)


def build(root: Path) -> KnowledgeBase:
    return knowledge.build(root, today=TODAY)
