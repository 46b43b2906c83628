"""Every relation read backwards, so each page can list what refers to it.

Built once per build from `macros.records.relations.references` (the one list of relations), so that a
relation
added there shows up on both of its pages without further code.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from macros.records import relations
from macros.records.kinds import RECORD_KINDS
from macros.records.knowledge import KnowledgeBase


@dataclass
class Backlinks:
    """(target kind, target id) -> the records that refer to it, per referring kind and field."""

    index: dict[tuple[str, str], dict[str, dict[str, list[str]]]] = field(default_factory=dict)

    def referrers(self, target_kind: str, target_id: str, kind: str, *fields: str) -> list[str]:
        """Ids of records of `kind` referring to the target, through any of `fields` (all when none).

        A field is the first part of the reference's path: `city`, `cities`, `partners`,
        `transferability`, `network`, `members`, ... Ids come out once each, in record order.
        """
        by_field = self.index.get((target_kind, target_id), {}).get(kind, {})
        chosen = fields or tuple(by_field)
        seen: dict[str, None] = {}
        for name in chosen:
            seen.update(dict.fromkeys(by_field.get(name, [])))
        return list(seen)

    def all_referrers(self, target_kind: str, target_id: str) -> dict[str, list[str]]:
        """Referring kind -> ids of its records that refer to the target, in any field."""
        kinds = self.index.get((target_kind, target_id), {})
        return {kind: self.referrers(target_kind, target_id, kind) for kind in RECORD_KINDS if kind in kinds}


def build(kb: KnowledgeBase) -> Backlinks:
    """Read every reference of every record once."""
    index: dict[tuple[str, str], dict[str, dict[str, list[str]]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(list))
    )
    for kind in RECORD_KINDS:
        for record_id, record in kb.records_of(kind).items():
            for loc, target_kind, target_id in relations.references(kind, record):
                index[(target_kind, target_id)][kind][str(loc[0])].append(record_id)
    return Backlinks(index=index)
