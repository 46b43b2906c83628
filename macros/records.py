"""Typed models of every record kind.

One place defines a field: here. The JSON Schema (`scripts/export_schema.py`), the contributor field
reference (`macros.fieldref`) and the validation messages all come from these models, so every field
carries a docstring, and every model forbids unknown keys so that a misspelt key is an error.

Field names are English; the content contributors write in them is Dutch.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    HttpUrl,
    StringConstraints,
    field_validator,
    model_validator,
)

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80)]
"""A kebab-case identifier: lowercase letters, digits and single hyphens. File names are ids."""

# Limits. A record is untrusted input: every text and list has a bound, chosen well above what real
# records need (the longest case study is about 5,000 characters, the longest list of steps 10 items,
# the largest network 14 actors), so that no file can flood the build. CONTRIBUTING lists them.
MAX_TEXT = 1_000
"""Characters in a one-paragraph text (a step, a role, a note)."""
MAX_PROSE = 10_000
"""Characters in a text of several paragraphs (description, results, case study)."""
MAX_ITEMS = 50
"""Items in a list (themes, steps, partners, sources, ...)."""
MAX_ACTORS = 100
"""Actors in one partner network."""
MAX_FLOWS = 300
"""Flows in one partner network."""


def _no_hidden_characters(value: str) -> str:
    """Refuse control and invisible format characters that a YAML escape (`"\\x85"`) can still put
    in a value after the loader has refused them as raw bytes in the file."""
    for char in value:
        if char not in "\n\t" and unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp"):
            raise ValueError(
                f"de tekst bevat het onzichtbare teken U+{ord(char):04X}; verwijder het "
                "(een escape zoals \\x85 of \\u200b tussen aanhalingstekens maakt zo'n teken)"
            )
    return value


Plain = AfterValidator(_no_hidden_characters)

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TEXT), Plain]
"""Non-empty plain text of one paragraph. HTML, Markdown and template syntax are shown as typed."""

Prose = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_PROSE), Plain]
"""Plain text of one or more paragraphs, separated by an empty line. No HTML and no Markdown: every
character is shown as typed."""

Ids = Annotated[list[Id], Field(max_length=MAX_ITEMS)]
"""A list of ids."""

Texts = Annotated[list[Text], Field(max_length=MAX_ITEMS)]
"""A list of short texts."""

PartialDate = Annotated[str, StringConstraints(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")]
"""A year (`2012`), a month (`2012-10`) or a day (`2012-10-15`); as precise as the source is."""

Province = Literal["antwerpen", "limburg", "oost-vlaanderen", "vlaams-brabant", "west-vlaanderen"]
Status = Literal["lopend", "afgerond", "pilot"]
CityType = Literal["grootstad", "regionale-stad", "gemeente"]
OrganisationType = Literal["publiek", "middenveld", "privaat", "kennis"]
Level = Literal["lokaal", "regionaal", "vlaams", "federaal", "europees", "internationaal"]
InstrumentFamily = Literal["financieel", "regulerend", "communicatief", "organisatorisch"]
FlowCategory = Literal["materieel", "kennis"]
Maturity = Literal["startend", "groeiend", "ervaren"]


def _partial_date_from_yaml(value: object) -> object:
    """YAML reads `2013` as a number and `2012-10-15` as a date; both mean a partial date here."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


class Strict(BaseModel):
    """Base of every model: unknown keys are errors, field docstrings become descriptions."""

    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True, frozen=True, allow_inf_nan=False)


# --- shared parts ------------------------------------------------------------------------------------


class Measure(Strict):
    """A figure about a real place, with the year it describes and where it comes from."""

    value: float = Field(ge=0)
    """The figure itself."""
    year: int | None = Field(default=None, ge=1800, le=2100)
    """The year the figure describes. Leave empty when the source does not say."""
    source: Id
    """The id of the source that states the figure (a file in `practices/sources/`)."""
    note: Text | None = None
    """How the source defines or counts the figure, when that matters for comparing it."""


_THOUSANDS = re.compile(r"\d{1,3}(\.\d{3})+")


class Population(Measure):
    """A number of inhabitants, with the year it describes and where it comes from."""

    value: int = Field(ge=0, le=20_000_000)
    """The number of inhabitants, a whole number written without separators: `87000`."""

    @field_validator("value", mode="before")
    @classmethod
    def _as_people_write_it(cls, value: object) -> object:
        if isinstance(value, str) and _THOUSANDS.fullmatch(value.strip()):
            written = value.strip()
            raise ValueError(
                f"'{written}' leest YAML niet als {written} inwoners maar als een kommagetal; "
                f"schrijf {written.replace('.', '')}, zonder punten"
            )
        if isinstance(value, float) and not math.isfinite(value):
            raise ValueError("dit is geen gewoon getal; schrijf cijfers, zoals 12500")
        if isinstance(value, float) and not value.is_integer():
            raise ValueError(f"{value} is geen geheel getal; een aantal inwoners schrijf je als 87000")
        return value


class Share(Measure):
    """A share of the population in percent, with the year it describes and where it comes from."""

    value: float = Field(ge=0, le=100)
    """The percentage, from 0 to 100: `32` or `32.5` for 32,5 %."""


class Period(Strict):
    """When a practice ran. An ongoing practice has no end."""

    start: PartialDate
    """First year, month or day of the practice, as precise as the source is."""
    end: PartialDate | None = None
    """Last year, month or day. Leave empty while the practice is still running."""

    _coerce = field_validator("start", "end", mode="before")(_partial_date_from_yaml)


class Partner(Strict):
    """An organisation that takes part in a practice, and what it does there."""

    organisation: Id
    """The id of the organisation (a file in `practices/organisations/`)."""
    role: Text | None = None
    """What the partner does in the practice, in one line (for example: `levert vrijwilligers`)."""


class Resources(Strict):
    """What a practice takes to run. Give what the sources say; leave the rest empty."""

    staff: Text | None = None
    """People and time, for example `0,5 VTE integratieambtenaar`."""
    budget: Text | None = None
    """Money, with the period it covers, for example `€ 20.000 per jaar`."""
    funding: Text | None = None
    """Who pays: own budget, a Flemish or European subsidy, cofinancing by partners."""


class Transferability(Strict):
    """Where else the practice could work, and what it needs to travel."""

    size_classes: Ids = []
    """Ids of the city-size classes it suits (see `practices/vocabulary/size-classes.yml`)."""
    conditions: Ids = []
    """Ids of the learning conditions it needs (see `practices/vocabulary/learning-conditions.yml`)."""
    adapted_from: Ids = []
    """Ids of practices, elsewhere, that this one was adapted from."""
    note: Text | None = None
    """What to adapt when another city takes it over."""


class Contact(Strict):
    """Whom to ask: a function, a service and its addresses, never a private person's data."""

    role: Text | None = None
    """A function, not a name: for example `stafmedewerker diversiteit`."""
    service: Text | None = None
    """The service or team, for example `Dienst Strategie en Ontwikkeling`."""
    email: Annotated[str, StringConstraints(pattern=r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")] | None = None
    """A functional address of the service (`diversiteit@...`), not a personal one."""
    phone: Annotated[str, StringConstraints(pattern=r"^\+?[0-9][0-9 ./-]{5,20}$")] | None = None
    """The service's general phone number, for example `015 29 76 66`."""
    url: HttpUrl | None = None
    """The page about the practice or the service on the municipality's own site."""

    @model_validator(mode="after")
    def _not_empty(self) -> Contact:
        if not any((self.role, self.service, self.email, self.phone, self.url)):
            raise ValueError("geef minstens een functie, dienst, e-mailadres, telefoonnummer of webpagina")
        return self


DocumentType = Literal["reglement", "clausule", "sjabloon", "evaluatie", "presentatie", "rapport", "andere"]


class Document(Strict):
    """A public document about a practice: a regulation, a clause text, a template, an evaluation."""

    title: Annotated[Text, Field(max_length=160)]
    """The document's title, as it is published."""
    url: HttpUrl
    """Where it can be downloaded or read."""
    type: DocumentType
    """`reglement`, `clausule`, `sjabloon`, `evaluatie`, `presentatie`, `rapport` or `andere`."""
    year: int | None = Field(default=None, ge=1900, le=2100)
    """The year of the document, when it shows one."""
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")] = "nl"
    """Two-letter language code of the document: `nl`, `en`, `fr`."""


# --- good practice -------------------------------------------------------------------------------------


class Practice(Strict):
    """A good practice: what a local government did, how, with whom, and what it learned."""

    title: Annotated[Text, Field(max_length=120)]
    """Short Dutch title, as an officer would search for it."""
    summary: Annotated[Text, Field(max_length=600)]
    """One paragraph: what it is and why it matters. Shown in the catalogue."""
    city: Id
    """Id of the city or municipality that leads the practice (a file in `practices/cities/`)."""
    cities: Ids = []
    """Ids of other cities that take part."""
    themes: Ids = Field(min_length=1)
    """Ids of themes (see `practices/vocabulary/themes.yml`); at least one."""
    instruments: Ids = []
    """Ids of the policy instruments used (see `practices/vocabulary/instruments.yml`)."""
    target_groups: Texts = []
    """Whom it reaches, in a few words each: `nieuwkomers`, `sportclubs`."""
    partners: list[Partner] = Field(default=[], max_length=MAX_ITEMS)
    """Organisations that take part, each with its role."""
    period: Period | None = None
    """When it ran. Leave empty when the sources do not say."""
    status: Status | None = None
    """`lopend`, `afgerond` or `pilot`. Leave empty when the sources do not say."""
    description: Prose | None = None
    """What the practice is, in a few paragraphs (separate paragraphs with an empty line)."""
    approach: Texts = []
    """The steps, in order: the "how", not only the "what"."""
    resources: Resources | None = None
    """Staff, budget and funding."""
    results: Prose | None = None
    """What it achieved, with figures where the sources give them."""
    evaluation: Prose | None = None
    """How it was evaluated and by whom."""
    success_factors: Texts = []
    """The do's: what made it work."""
    pitfalls: Texts = []
    """The don'ts: what to avoid, what went wrong."""
    transferability: Transferability | None = None
    """For which cities it suits and what it needs."""
    contact: Contact | None = None
    """Whom to ask: a function, a service, a functional e-mail address, a phone number, a web page."""
    documents: list[Document] = Field(default=[], max_length=MAX_ITEMS)
    """Public documents: regulation, clause text, template, evaluation, presentation."""
    sources: Ids = []
    """Ids of the sources behind the facts above (files in `practices/sources/`)."""
    last_reviewed: dt.date
    """The day someone last checked this record against its sources (YYYY-MM-DD)."""


# --- city case study -----------------------------------------------------------------------------------


class Milestone(Strict):
    """A dated turning point in a city's integration policy."""

    date: PartialDate
    """Year, month or day of the milestone, as precise as the source is."""
    title: Annotated[Text, Field(max_length=160)]
    """What happened, in one line."""
    description: Text | None = None
    """Why it mattered."""
    source: Id
    """Id of the source that describes it."""

    _coerce = field_validator("date", mode="before")(_partial_date_from_yaml)


class ConditionNote(Strict):
    """How one of the five learning conditions holds in this city."""

    condition: Id
    """Id of the learning condition (see `practices/vocabulary/learning-conditions.yml`)."""
    note: Text
    """What the source says about it for this city."""
    source: Id
    """Id of the source."""


class Learning(Strict):
    """How far the city is in learning from and with others."""

    maturity: Maturity | None = None
    """`startend`, `groeiend` or `ervaren` with local integration policy. Leave empty without a source."""
    maturity_source: Id | None = None
    """Id of the source for the maturity."""
    conditions: list[ConditionNote] = Field(default=[], max_length=MAX_ITEMS)
    """The learning conditions the sources describe for this city."""


class Actor(Strict):
    """A node of a city's partner network: the city itself, an organisation, or another actor."""

    id: Id
    """Short id, unique within this network; flows refer to it."""
    organisation: Id | None = None
    """Id of the organisation, when it has a file in `practices/organisations/`."""
    city: Id | None = None
    """Id of a city, for the city itself (the centre of its network) or another city."""
    name: Text | None = None
    """Name shown in the diagram; required when the actor has neither `organisation` nor `city`."""
    type: OrganisationType | None = None
    """`publiek`, `middenveld`, `privaat` or `kennis`; taken from the organisation when it has one."""
    role: Text | None = None
    """Its part in the network, in one line."""


class Flow(Strict):
    """A directed flow between two actors of the network."""

    from_: Id = Field(alias="from")
    """Id of the actor the flow comes from."""
    to: Id
    """Id of the actor the flow goes to."""
    kind: Id
    """Id of the flow kind (see `practices/vocabulary/flow-kinds.yml`): money, infrastructure, ..."""
    intermittent: bool | None = None
    """`true` when the flow happens only in some years or in some cases (drawn dashed), `false` when the
    source says it is steady. Leave empty when the source does not say."""
    label: Annotated[Text, Field(max_length=80)] | None = None
    """A few words on what flows, for example `subsidie met diversiteitsclausule`."""
    source: Id | None = None
    """Id of the source that describes this flow, when it is not one of the network's own sources."""
    layer: Annotated[Text, Field(max_length=80)] | None = None
    """Name of another layer of ties this flow belongs to, for example `IncluCities-mentoring`: ties from
    another project or another kind of cooperation than the network itself. Such flows are listed apart,
    not drawn in the diagram and not counted in the network measures. Leave empty for the network's own
    flows."""


class Network(Strict):
    """The city's partner network in local integration policy, as its sources describe it."""

    actors: list[Actor] = Field(min_length=1, max_length=MAX_ACTORS)
    """The actors, the city itself among them."""
    flows: list[Flow] = Field(default=[], max_length=MAX_FLOWS)
    """Directed flows of money, infrastructure, expertise or information between them."""
    sources: Ids = Field(min_length=1)
    """Ids of the sources the network is drawn from."""
    note: Text | None = None
    """What the network leaves out, as its source says."""


class City(Strict):
    """A city or municipality: its profile, its governance of integration, its partner network."""

    name: Text
    """The official Dutch name."""
    nis_code: Annotated[str, StringConstraints(pattern=r"^\d{5}$")] | None = None
    """The five-digit NIS code. Leave empty without a source."""
    province: Province | None = None
    """Province id. Leave empty without a source."""
    population: Population | None = None
    """Number of inhabitants, with year and source."""
    foreign_origin_share: Share | None = None
    """Share of inhabitants of foreign origin, in percent, with year and source."""
    size_class: Id | None = None
    """Id of the size class (`practices/vocabulary/size-classes.yml`); must follow from `population`."""
    type: CityType | None = None
    """`grootstad` or `regionale-stad` (the centrumsteden), or `gemeente`."""
    type_source: Id | None = None
    """Id of the source for the type."""
    governance: Prose | None = None
    """Where integration policy sits in the organisation."""
    milestones: list[Milestone] = Field(default=[], max_length=MAX_ITEMS)
    """Dated turning points."""
    instruments: Ids = []
    """Ids of the policy instruments the city uses (see `practices/vocabulary/instruments.yml`)."""
    learning: Learning | None = None
    """Maturity and learning conditions."""
    network: Network | None = None
    """The partner network: actors and flows."""
    case_study: Prose | None = None
    """The case study itself, in a few paragraphs (separate paragraphs with an empty line)."""
    sources: Ids = []
    """Ids of the sources behind the facts of this record."""
    last_reviewed: dt.date
    """The day someone last checked this record against its sources (YYYY-MM-DD)."""


# --- organisation, learning network, source ---------------------------------------------------------


class Organisation(Strict):
    """A partner organisation of local integration policy."""

    name: Text
    """Full name."""
    short_name: Annotated[Text, Field(max_length=20)] | None = None
    """Abbreviation in common use, for example `AgII`."""
    type: OrganisationType | None = None
    """`publiek`, `middenveld`, `privaat` or `kennis`. Leave empty without a source."""
    level: Level | None = None
    """Where it works: `lokaal`, `regionaal`, `vlaams`, `federaal`, `europees` or `internationaal`."""
    website: HttpUrl | None = None
    """Its public website."""
    description: Prose | None = None
    """What it does in local integration policy."""
    sources: Ids = []
    """Ids of the sources behind the facts of this record."""
    last_reviewed: dt.date
    """The day someone last checked this record against its sources (YYYY-MM-DD)."""


class AgendaTopic(Strict):
    """A topic on a learning network's agenda, proposed by its members."""

    topic: Text
    """The topic, in a few words."""
    themes: Ids = []
    """Ids of the themes it touches (`practices/vocabulary/themes.yml`); the site links it to practices."""
    proposed_by: Ids = []
    """Ids of the member cities that proposed it."""


class LearningNetwork(Strict):
    """A network in which local governments learn from each other, such as a LID-overleg."""

    name: Text
    """Its name."""
    description: Prose | None = None
    """What it is and how it works."""
    level: Level | None = None
    """At which level it brings governments together."""
    coordinator: Id | None = None
    """Id of the organisation that leads it."""
    members: Ids = []
    """Ids of the member cities."""
    cadence: Text | None = None
    """How often it meets, for example `vier keer per jaar`."""
    agenda: list[AgendaTopic] = Field(default=[], max_length=MAX_ITEMS)
    """Topics its members put on the agenda."""
    conditions: list[ConditionNote] = Field(default=[], max_length=MAX_ITEMS)
    """The learning conditions the sources describe for this network."""
    sources: Ids = []
    """Ids of the sources behind the facts of this record."""
    last_reviewed: dt.date
    """The day someone last checked this record against its sources (YYYY-MM-DD)."""


class Source(Strict):
    """A publication that records cite: a thesis, a report, a web page."""

    title: Text
    """Its title."""
    authors: Texts = []
    """Authors, as `Achternaam, V.`; an organisation for institutional pages."""
    year: int | None = Field(default=None, ge=1800, le=2100)
    """Year of publication."""
    publisher: Text | None = None
    """University, publisher or website."""
    url: HttpUrl | None = None
    """Where it can be read."""
    note: Text | None = None
    """What kind of source it is, for example `persbericht bij een masterproef`."""
    accessed: dt.date | None = None
    """For web pages: the day it was consulted."""


# --- vocabularies ------------------------------------------------------------------------------------


class Term(Strict):
    """An allowed value of a vocabulary, with its Dutch label."""

    id: Id
    """The id records use."""
    label: Text
    """Dutch label shown on the site."""
    definition: Text
    """What it means, in one or two Dutch sentences."""
    source: Id | None = None
    """Id of the source the definition follows, where there is one."""


class Instrument(Term):
    """A policy instrument, in one of the four families."""

    family: InstrumentFamily
    """`financieel`, `regulerend`, `communicatief` or `organisatorisch`."""


class SizeClass(Term):
    """A city-size class: a band of population. Bands must not overlap or leave gaps."""

    min_population: int = Field(ge=0)
    """Lowest population in the band (inclusive)."""
    max_population: int | None = None
    """Highest population in the band (exclusive); empty for the largest band."""


class FlowKind(Term):
    """A kind of flow between actors: material goods or knowledge, as in source 000."""

    category: FlowCategory
    """`materieel` (money, infrastructure) or `kennis` (expertise, information)."""


class LearningCondition(Term):
    """One of the five conditions for learning between local governments (source 004)."""


class Vocabulary(Strict):
    """A vocabulary file: a list of terms."""

    terms: list[Term] = Field(min_length=1, max_length=2 * MAX_ITEMS)
    """The allowed values, in the order the site shows them."""


class ThemeVocabulary(Vocabulary):
    """`practices/vocabulary/themes.yml`."""


class InstrumentVocabulary(Vocabulary):
    """`practices/vocabulary/instruments.yml`."""

    terms: list[Instrument] = Field(min_length=1, max_length=2 * MAX_ITEMS)  # type: ignore[assignment]
    """The instruments, in the order the site shows them."""


class SizeClassVocabulary(Vocabulary):
    """`practices/vocabulary/size-classes.yml`."""

    terms: list[SizeClass] = Field(min_length=1, max_length=2 * MAX_ITEMS)  # type: ignore[assignment]
    """The size classes, from small to large."""


class FlowKindVocabulary(Vocabulary):
    """`practices/vocabulary/flow-kinds.yml`."""

    terms: list[FlowKind] = Field(min_length=1, max_length=2 * MAX_ITEMS)  # type: ignore[assignment]
    """The flow kinds."""


class LearningConditionVocabulary(Vocabulary):
    """`practices/vocabulary/learning-conditions.yml`."""

    terms: list[LearningCondition] = Field(min_length=1, max_length=2 * MAX_ITEMS)  # type: ignore[assignment]
    """The five learning conditions."""


VOCABULARY_MODELS: dict[str, type[Vocabulary]] = {
    "themes": ThemeVocabulary,
    "instruments": InstrumentVocabulary,
    "size-classes": SizeClassVocabulary,
    "flow-kinds": FlowKindVocabulary,
    "learning-conditions": LearningConditionVocabulary,
}
"""Vocabulary file stem -> its model. Each file must exist."""

RECORD_MODELS: dict[str, type[Strict]] = {
    "practice": Practice,
    "city": City,
    "organisation": Organisation,
    "network": LearningNetwork,
    "source": Source,
}
"""Record kind -> its model."""

KIND_FOLDERS: dict[str, str] = {
    "practice": ".",
    "city": "cities",
    "organisation": "organisations",
    "network": "networks",
    "source": "sources",
}
"""Record kind -> its folder below the records root; the folder says the kind."""
