"""The one registry of record kinds and vocabulary terms: everything else reads its facts from here.

A kind's model, folder or vocabulary file, URL section, Dutch names, index page, search label, page
renderer and exports are written once, below. Loading, checks, relations, URLs, pages, the section
index pages, search, exports, the field reference, the schemas and the validate command derive what
they need from `KINDS`; adding a kind is one entry here (and its model and page module).

The page renderer is named by its module and function (`"practice:render"` is
`macros.pages.practice.render`) rather than imported: the records layer imports nothing above it
(tests/test_architecture.py), and `macros.generate` resolves the name.
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
    Question,
    SizeClassVocabulary,
    Source,
    Strict,
    ThemeVocabulary,
    Vocabulary,
)

RESERVED_IDS = frozenset({"index"})
"""Ids no record or term may take: `<section>/index.md` is the section's own index page (the catalogue
for practices), which a record named `index` would silently replace."""

REFERENCE_FOLDER = "reference"
"""The folder below the records root that holds the reference data (`practices/reference/`)."""


@dataclass(frozen=True)
class Kind:
    """One kind of record (a file per record), of reference data or of vocabulary term."""

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
    reference: str | None = None
    """Reference data: the file below `practices/reference/` that lists every one of them."""
    sourced: bool = False
    """Its records state facts about real places or organisations, so must cite a source."""
    intro: str = ""
    """One Dutch sentence under the title of the section's index page (and its description)."""
    index: bool = True
    """Whether the section has an A-to-Z index page made from the registry; False where another module
    writes it (the practices' catalogue, the municipalities by province)."""
    search_label: str = ""
    """What a search result calls a page of this kind (`praktijk`); "" for kinds without pages."""
    search_weight: float | None = None
    """Pagefind's weight of the page's title (its H1); None keeps Pagefind's own (7)."""
    search_rank: int = 9
    """Where its pages come in search results, 0 to 9: every result of a lower rank before any of a
    higher one, Pagefind's score within a rank, and a title that is exactly the query first of all
    (docs/assets/javascripts/search.js; the page carries it as the Pagefind filter `rang`)."""
    renderer: str | None = None
    """`module:function` in `macros.pages` that renders one page: `(Context, id) -> Page`."""
    export: str | None = None
    """The Dutch label of its open-data files on the downloads page; None: not exported."""
    csv: bool = False
    """Whether its export also has a CSV file (for kinds a spreadsheet user filters on)."""

    @property
    def where(self) -> str:
        """Where a contributor finds ids of this kind: `practices/cities/`, `practices/vocabulary/x.yml`."""
        if self.reference is not None:
            return f"practices/{REFERENCE_FOLDER}/{self.reference}"
        if self.folder is not None:
            return "practices/" if self.folder == "." else f"practices/{self.folder}/"
        return f"practices/vocabulary/{self.vocabulary}.yml"


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind(
            "practice", "practices", "Goede praktijk", "Praktijken", "praktijk",
            section="praktijken", folder=".", model=Practice, sourced=True, index=False,
            search_label="praktijk", search_weight=10, search_rank=0,
            renderer="practice:render", export="Goede praktijken", csv=True,
        ),
        Kind(
            "city", "municipalities", "Stad of gemeente", "Steden en gemeenten", "stad of gemeente",
            section="steden", reference="municipalities.csv", index=False,
            intro="Alle 285 Vlaamse steden en gemeenten, per provincie, met hun praktijken.",
            search_label="gemeente", search_weight=10, search_rank=1,
            renderer="city:render", export="Steden en gemeenten", csv=True,
        ),
        Kind(
            "profile", "profiles", "Stadsprofiel", "Stadsprofielen", "stadsprofiel",
            folder="cities", model=City, sourced=True,
        ),
        Kind(
            "organisation", "organisations", "Organisatie", "Organisaties", "organisatie",
            section="organisaties", folder="organisations", model=Organisation, sourced=True,
            intro="Alle partnerorganisaties in de kennisbank.",
            search_label="organisatie", search_weight=10, search_rank=2,
            renderer="organisation:render", export="Partnerorganisaties", csv=True,
        ),
        Kind(
            "network", "networks", "Lerend netwerk", "Lerende netwerken", "lerend netwerk",
            section="netwerken", folder="networks", model=LearningNetwork, sourced=True,
            intro="Alle netwerken waarin besturen ervaringen en goede praktijken uitwisselen.",
            search_label="netwerk", search_weight=10, search_rank=2,
            renderer="learning_network:render", export="Lerende netwerken", csv=True,
        ),
        Kind(
            "question", "questions", "Leervraag", "Leervragen", "leervraag",
            section="leervragen", folder="questions", model=Question, sourced=True, index=False,
            intro="Wat integratieambtenaren van elkaar willen leren, en wie al een antwoord kent.",
            search_label="leervraag", search_weight=10, search_rank=3,
            renderer="question:render", export="Leervragen en hun antwoorden", csv=True,
        ),
        Kind(
            "source", "sources", "Bron", "Bronnen", "bron",
            section="bronnen", folder="sources", model=Source,
            intro="Alle bronnen waarop de records steunen, met het aantal records dat ze citeert.",
            # A source's title is a headline written elsewhere that often names a city ("Mechelen
            # goes to Sicily"): it weighs as body text, so the record it is about ranks above it.
            search_label="bron", search_weight=1, search_rank=8,
            renderer="source:render", export="Bronnen", csv=True,
        ),
        Kind(
            "theme", "themes", "Thema", "Thema's", "thema",
            section="themas", vocabulary="themes", vocabulary_model=ThemeVocabulary,
            intro="De thema's van lokaal integratiebeleid.",
            search_label="thema", search_rank=7, renderer="term:render_theme",
        ),
        Kind(
            "instrument", "instruments", "Instrument", "Instrumenten", "instrument",
            section="instrumenten", vocabulary="instruments", vocabulary_model=InstrumentVocabulary,
            intro="De beleidsinstrumenten, per soort.",
            search_label="instrument", search_rank=7, renderer="term:render_instrument",
        ),
        Kind(
            "size_class", "size_classes", "Stadsgrootte", "Stadsgrootte", "stadsgrootte",
            section="stadsgrootte", vocabulary="size-classes", vocabulary_model=SizeClassVocabulary,
            intro="De groottes van steden en gemeenten, van klein naar groot.",
            search_label="stadsgrootte", search_rank=7, renderer="term:render_size_class",
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
PAGE_KINDS = tuple(name for name, kind in KINDS.items() if kind.renderer is not None)
"""Kinds with a page per record or term, in the order the site generates them."""
INDEX_KINDS = tuple(name for name, kind in KINDS.items() if kind.section and kind.index)
"""Kinds whose section index page the registry makes (`macros.pages.register`)."""
EXPORT_KINDS = tuple(name for name, kind in KINDS.items() if kind.export is not None)
"""Kinds with a JSON file (and, where `csv`, a CSV file) on the downloads page."""

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
