"""The one registry of record kinds and vocabulary terms: everything else reads its facts from here.

A kind's model, folder or vocabulary file, URL section, Dutch names and whether its records must cite a
source are written once, below. Loading, checks, relations, URLs, pages, exports, the field reference,
the schemas and the validate command derive what they need from `KINDS`.
"""

from __future__ import annotations

from dataclasses import dataclass

from macros.records.models import (
    City,
    FlowKindVocabulary,
    InstrumentVocabulary,
    LearningConditionVocabulary,
    LearningNetwork,
    Organisation,
    Practice,
    SizeClassVocabulary,
    Source,
    Strict,
    ThemeVocabulary,
    Vocabulary,
)


@dataclass(frozen=True)
class Kind:
    """One kind of record (a file per record) or of vocabulary term (a list in one file)."""

    name: str
    """The id the code uses: `practice`, `theme`, ..."""
    attribute: str
    """The `KnowledgeBase` attribute that holds them by id: `practices`, `themes`, ..."""
    title: str
    """Dutch name of one, for contributors: `Goede praktijk`."""
    plural: str
    """Dutch name of all, for readers: the title of the section's index page."""
    noun: str
    """How a validator message names one: `is geen stad of gemeente uit ...`."""
    section: str | None = None
    """The URL section of its pages (`steden`); None for kinds without pages of their own."""
    folder: str | None = None
    """Records: the folder below the records root (`.` for practices); the folder says the kind."""
    model: type[Strict] | None = None
    """Records: the model of one file."""
    vocabulary: str | None = None
    """Terms: the stem of the vocabulary file (`size-classes`)."""
    vocabulary_model: type[Vocabulary] | None = None
    """Terms: the model of the vocabulary file."""
    sourced: bool = False
    """Its records state facts about real places or organisations, so must cite a source."""

    @property
    def where(self) -> str:
        """Where a contributor finds ids of this kind: `practices/cities/`, `practices/vocabulary/x.yml`."""
        if self.folder is not None:
            return "practices/" if self.folder == "." else f"practices/{self.folder}/"
        return f"practices/vocabulary/{self.vocabulary}.yml"


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind(
            "practice", "practices", "Goede praktijk", "Praktijken", "praktijk",
            section="praktijken", folder=".", model=Practice, sourced=True,
        ),
        Kind(
            "city", "cities", "Stad of gemeente", "Steden en gemeenten", "stad of gemeente",
            section="steden", folder="cities", model=City, sourced=True,
        ),
        Kind(
            "organisation", "organisations", "Organisatie", "Organisaties", "organisatie",
            section="organisaties", folder="organisations", model=Organisation, sourced=True,
        ),
        Kind(
            "network", "networks", "Lerend netwerk", "Lerende netwerken", "lerend netwerk",
            section="netwerken", folder="networks", model=LearningNetwork, sourced=True,
        ),
        Kind(
            "source", "sources", "Bron", "Bronnen", "bron",
            section="bronnen", folder="sources", model=Source,
        ),
        Kind(
            "theme", "themes", "Thema", "Thema's", "thema",
            section="themas", vocabulary="themes", vocabulary_model=ThemeVocabulary,
        ),
        Kind(
            "instrument", "instruments", "Instrument", "Instrumenten", "instrument",
            section="instrumenten", vocabulary="instruments", vocabulary_model=InstrumentVocabulary,
        ),
        Kind(
            "size_class", "size_classes", "Stadsgrootte", "Stadsgrootte", "stadsgrootte",
            section="stadsgrootte", vocabulary="size-classes", vocabulary_model=SizeClassVocabulary,
        ),
        Kind(
            "flow_kind", "flow_kinds", "Soort stroom", "Soorten stromen", "soort stroom",
            vocabulary="flow-kinds", vocabulary_model=FlowKindVocabulary,
        ),
        Kind(
            "condition", "conditions", "Leervoorwaarde", "Leervoorwaarden", "leervoorwaarde",
            vocabulary="learning-conditions", vocabulary_model=LearningConditionVocabulary,
        ),
    )
}  # fmt: skip
"""Every kind, records first, in the order the site and the field reference show them."""

RECORD_KINDS = tuple(name for name, kind in KINDS.items() if kind.model is not None)
TERM_KINDS = tuple(name for name, kind in KINDS.items() if kind.vocabulary_model is not None)
SOURCED_KINDS = tuple(name for name, kind in KINDS.items() if kind.sourced)

RECORD_MODELS: dict[str, type[Strict]] = {
    name: kind.model for name, kind in KINDS.items() if kind.model is not None
}
"""Record kind -> its model."""
KIND_FOLDERS: dict[str, str] = {name: kind.folder for name, kind in KINDS.items() if kind.folder is not None}
"""Record kind -> its folder below the records root."""
KIND_TITLES: dict[str, str] = {name: KINDS[name].title for name in RECORD_KINDS}
"""Record kind -> its Dutch name, for contributors (field reference, templates, JSON Schema titles)."""
VOCABULARY_MODELS: dict[str, type[Vocabulary]] = {
    kind.vocabulary: kind.vocabulary_model
    for kind in KINDS.values()
    if kind.vocabulary is not None and kind.vocabulary_model is not None
}
"""Vocabulary file stem -> its model. Each file must exist."""
SECTIONS: dict[str, str] = {name: kind.section for name, kind in KINDS.items() if kind.section}
"""Kind -> its Dutch URL section (the design brief's URLs)."""
