"""Typed models of every record kind.

One place defines a field: here. The JSON Schema (`scripts/export_schema.py`), the contributor field
reference (`macros.pages.fieldref`) and the validation messages all come from these models, so every field
carries a docstring, and every model forbids unknown keys so that a misspelt key is an error.

Field names are English; the content contributors write in them is Dutch, and so are the docstrings of
models and fields, which contributors read. A field docstring that names a vocabulary file
(`practices/vocabulary/<stem>.yml`) makes the field reference and the templates list that vocabulary's ids.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from typing import Annotated, ClassVar, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    HttpUrl,
    StringConstraints,
    field_validator,
    model_validator,
)

from macros.records import addresses

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
FIRST_YEAR = 1800
"""The earliest year of any date or year in a record (a `0000` is a slip, not history)."""
PLAN_YEARS = 6
"""How many years after the build day's year a partial date (a period's start or end, a milestone)
may lie: one municipal term (bestuursperiode) of six years, so that a plan for the current term fits.
A date of something that happened (a page read, a source published) may not lie after today."""


_VARIATION_SELECTORS = "\ufe00-\ufe0f\U000e0100-\U000e01ef\u180b-\u180d\u180f"
"""Variation selectors: invisible, they change how the character before them looks, and 256 of them
can spell any bytes inside an innocent-looking text."""
_FILLERS = "\u115f\u1160\u3164\uffa0\u034f\u17b4\u17b5\u2800"
"""Fillers that print as nothing or as blank space although they are letters or marks, not spaces: the
Hangul fillers, the combining grapheme joiner, the Khmer inherent vowels, the blank Braille pattern."""
_PRINTABLE_HIDDEN = re.compile(f"[{_VARIATION_SELECTORS}{_FILLERS}]")
_HIDDEN_CATEGORIES = ("Cc", "Cf", "Zl", "Zp", "Co", "Cn", "Cs")
"""Control, format, line and paragraph separator, private-use, unassigned and surrogate code points."""


def _no_hidden_characters(value: str) -> str:
    """Refuse control and invisible format characters that a YAML escape (`"\\x85"`) can still put
    in a value after the loader has refused them as raw bytes in the file; and variation selectors,
    fillers, private-use and unassigned code points, which the loader lets through."""
    hidden = _PRINTABLE_HIDDEN.search(value)  # printable, and still invisible: one pass in C
    if hidden is not None:
        raise ValueError(_hidden_message(hidden.group()))
    if value.replace("\n", " ").replace("\t", " ").isprintable():
        return value  # no character of any category below (one pass in C instead of one call each)
    for char in value:
        if char not in "\n\t" and unicodedata.category(char) in _HIDDEN_CATEGORIES:
            raise ValueError(_hidden_message(char))
    return value


def _hidden_message(char: str) -> str:
    """What is wrong with one refused character, and the fix, in Dutch."""
    code = f"U+{ord(char):04X}"
    category = unicodedata.category(char)
    if category == "Co":
        return (
            f"de tekst bevat {code}, een teken voor eigen gebruik dat elk lettertype anders of niet toont; "
            "verwijder het of vervang het door een gewoon teken"
        )
    if category in ("Cn", "Cs"):
        return f"de tekst bevat {code}, een code waaraan Unicode geen teken toekent; verwijder het"
    if re.match(f"[{_VARIATION_SELECTORS}]", char):
        return (
            f"de tekst bevat de onzichtbare variatiekiezer {code} (die komt vaak mee met een emoji); "
            "verwijder hem, en de emoji ervoor als die er staat"
        )
    if char in _FILLERS:
        return f"de tekst bevat het opvulteken {code}, dat er als een lege plek uitziet; verwijder het"
    return (
        f"de tekst bevat het onzichtbare teken {code}; verwijder het "
        "(een escape zoals \\x85 of \\u200b tussen aanhalingstekens maakt zo'n teken)"
    )


Plain = AfterValidator(_no_hidden_characters)

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TEXT), Plain]
"""Non-empty plain text of one paragraph. HTML, Markdown and template syntax are shown as typed."""

Prose = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_PROSE), Plain]
"""Plain text of one or more paragraphs, separated by an empty line. No HTML and no Markdown: every
character is shown as typed."""

Ids = Annotated[list[Id], Field(max_length=MAX_ITEMS)]
"""A list of ids."""

# Ids that name a record or vocabulary term of one kind. The kind goes into the JSON Schema ("x-kind"),
# which then offers the known ids with their labels (macros/contributing/schema.py).
PracticeId = Annotated[Id, Field(json_schema_extra={"x-kind": "practice"})]
CityId = Annotated[Id, Field(json_schema_extra={"x-kind": "city"})]
OrganisationId = Annotated[Id, Field(json_schema_extra={"x-kind": "organisation"})]
SourceId = Annotated[Id, Field(json_schema_extra={"x-kind": "source"})]
ThemeId = Annotated[Id, Field(json_schema_extra={"x-kind": "theme"})]
InstrumentId = Annotated[Id, Field(json_schema_extra={"x-kind": "instrument"})]
SizeClassId = Annotated[Id, Field(json_schema_extra={"x-kind": "size_class"})]
FlowKindId = Annotated[Id, Field(json_schema_extra={"x-kind": "flow_kind"})]
ConditionId = Annotated[Id, Field(json_schema_extra={"x-kind": "condition"})]


Texts = Annotated[list[Text], Field(max_length=MAX_ITEMS)]
"""A list of short texts."""


# --- addresses: parsed as structures (macros/records/addresses.py), links built from the parts ------


def _email(value: object) -> object:
    """One plain e-mail address (`macros.records.addresses.parse_email` says what it refuses); kept as
    `local@domain` with the domain in its ASCII form, which is what a reader sees and what the
    `mailto:` link is built from. Runs before the pattern, so that a contributor reads what is wrong
    with the address, not the pattern."""
    if not isinstance(value, str) or len(value) > MAX_EMAIL:
        return value  # the type or the length is wrong: pydantic's own message says so
    return str(addresses.parse_email(_no_hidden_characters(value)))


def _phone_text(value: object) -> object:
    if isinstance(value, str) and value.strip().lower().startswith("tel:"):
        raise ValueError(
            f"schrijf het nummer zonder 'tel:' ervoor, dus '{value.strip()[4:].strip()}'; "
            "de site maakt de link zelf"
        )
    return value


def _phone(value: str) -> str:
    addresses.parse_phone(value)
    return value


def _web_text(value: object) -> object:
    """The text of a web address, refused before it is parsed when it hides where it goes."""
    if isinstance(value, str):
        problem = addresses.web_address_problem(_no_hidden_characters(value))
        if problem:
            raise ValueError(problem)
    return value


def _web_url(url: HttpUrl) -> HttpUrl:
    problem = addresses.url_problem(url)
    if problem:
        raise ValueError(problem)
    return url


MAX_EMAIL = 254
"""Characters in an e-mail address (RFC 5321's limit on a path)."""

Email = Annotated[
    str,
    # The pattern only tells editors (JSON Schema) the shape; `_email` has parsed the address by then.
    StringConstraints(max_length=MAX_EMAIL, pattern=r"^[^@\s]+@[^@\s]+$"),
    BeforeValidator(_email),
    Field(json_schema_extra={"format": "email"}),
]
"""One e-mail address of a service: `integratie@gemeente.be`. Nothing before or after it."""

Phone = Annotated[
    str,
    StringConstraints(pattern=r"^\+?[0-9][0-9 ./-]{5,20}$"),
    AfterValidator(_phone),
    BeforeValidator(_phone_text),
]
"""A phone number that exists, in ASCII digits with spaces, dots, slashes or hyphens: `015 29 76 66`."""

WebUrl = Annotated[HttpUrl, AfterValidator(_web_url), BeforeValidator(_web_text)]
"""A web address, `http` or `https`, whose host is a domain someone registered (`www.gent.be`): no
name or password before the host, no IP address, no white space."""

# Digits are `[0-9]`, never `\d`: `\d` matches every Unicode digit (fullwidth `２０１０`, Arabic-Indic
# `٢٠١٠`), which compare and print differently from what they read as.
PartialDate = Annotated[str, StringConstraints(pattern=r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")]
"""A year (`2012`), a month (`2012-10`) or a day (`2012-10-15`); as precise as the source is."""

Province = Literal["antwerpen", "limburg", "oost-vlaanderen", "vlaams-brabant", "west-vlaanderen"]
State = Literal["lopend", "afgerond", "onbekend"]
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
    """Een cijfer over een echte plaats, met het jaar waarover het gaat en de bron waar het vandaan komt."""

    value: float = Field(ge=0)
    """Het cijfer zelf."""
    year: int | None = Field(default=None, ge=1800, le=2100)
    """Het jaar waarover het cijfer gaat, bijvoorbeeld `2023`. Laat leeg als de bron het niet zegt."""
    source: SourceId
    """De id van de bron die het cijfer geeft: de naam van een bestand in `practices/sources/` zonder
    `.yml`, bijvoorbeeld `diels-2018`."""
    note: Text | None = None
    """Hoe de bron het cijfer omschrijft of telt, als dat uitmaakt om het met andere cijfers te
    vergelijken, bijvoorbeeld `inwoners op 1 januari`. Laat anders leeg."""


_THOUSANDS = re.compile(r"[0-9]{1,3}(\.[0-9]{3})+")


class Population(Measure):
    """Een aantal inwoners, met het jaar waarover het gaat en de bron waar het vandaan komt."""

    value: int = Field(ge=0, le=20_000_000)
    """Het aantal inwoners, als geheel getal zonder punten of spaties: `87000`."""

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
    """Een aandeel van de bevolking in procent, met het jaar waarover het gaat en de bron waar het vandaan
    komt."""

    value: float = Field(ge=0, le=100)
    """Het percentage, van 0 tot 100, met een punt in plaats van een komma: `32`, of `32.5` voor 32,5 %."""


class Period(Strict):
    """Wanneer een praktijk liep. Een praktijk die nog loopt, heeft geen einde."""

    start: PartialDate
    """Het eerste jaar, de eerste maand of de eerste dag van de praktijk, zo precies als de bron het zegt:
    `2012`, `2012-10` of `2012-10-15`."""
    end: PartialDate | None = None
    """Het laatste jaar, de laatste maand of de laatste dag, geschreven zoals `start`. Laat leeg zolang de
    praktijk nog loopt."""

    _coerce = field_validator("start", "end", mode="before")(_partial_date_from_yaml)


class StatusNote(Strict):
    """Of de praktijk nog loopt, zoals haar nieuwste bron het zegt, op de datum van die bron."""

    state: State
    """`lopend`, `afgerond` of `onbekend`: wat de nieuwste bron zegt. Een oude bron die zegt dat de
    praktijk loopt, bewijst niet dat ze vandaag nog loopt; de site toont daarom de datum erbij."""
    source: SourceId | None = None
    """Id van de bron die het zegt; verplicht bij `lopend` en `afgerond`, bijvoorbeeld
    `radio-accent-2024-buddyproject-wetteren`."""
    date: PartialDate | None = None
    """Wanneer de bron het zegt, zo precies als ze is: `2024` of `2024-02`. Laat leeg om het jaar van de
    bron te nemen; vul het in als de bron geen jaar heeft (een webpagina zonder datum)."""

    _coerce = field_validator("date", mode="before")(_partial_date_from_yaml)

    @model_validator(mode="after")
    def _sourced(self) -> StatusNote:
        if self.state != "onbekend" and self.source is None:
            raise ValueError(
                f"zeg met `source` welke bron zegt dat de praktijk {self.state} is; "
                "zonder bron schrijf je `state: onbekend` of laat je `status` weg"
            )
        return self


class Partner(Strict):
    """Een organisatie die meewerkt aan een praktijk, en wat ze daarin doet."""

    organisation: OrganisationId
    """De id van de organisatie: de naam van haar bestand in `practices/organisations/` zonder `.yml`,
    bijvoorbeeld `agentschap-integratie-en-inburgering`."""
    role: Text | None = None
    """Wat de partner in de praktijk doet, in één regel, bijvoorbeeld `levert vrijwilligers`."""


class Resources(Strict):
    """Wat een praktijk nodig heeft om te lopen. Vul in wat de bronnen zeggen; laat de rest leeg."""

    staff: Text | None = None
    """Mensen en tijd, bijvoorbeeld `0,5 VTE integratieambtenaar`."""
    budget: Text | None = None
    """Geld, met de periode waarvoor het geldt, bijvoorbeeld `€ 20.000 per jaar`."""
    funding: Text | None = None
    """Wie betaalt: eigen middelen, een Vlaamse of Europese subsidie, cofinanciering door partners.
    Bijvoorbeeld `Vlaamse subsidie en eigen middelen`."""


class Transferability(Strict):
    """Waar de praktijk nog zou kunnen werken, en wat ze nodig heeft om elders overgenomen te worden."""

    size_classes: list[SizeClassId] = Field(default=[], max_length=MAX_ITEMS)
    """Ids van de stadsgroottes waar de praktijk bij past (zie `practices/vocabulary/size-classes.yml`),
    bijvoorbeeld `middelgroot`."""
    conditions: list[ConditionId] = Field(default=[], max_length=MAX_ITEMS)
    """Ids van de leervoorwaarden die de praktijk nodig heeft (zie
    `practices/vocabulary/learning-conditions.yml`), bijvoorbeeld `draagvlak`."""
    adapted_from: list[PracticeId] = Field(default=[], max_length=MAX_ITEMS)
    """Ids van praktijken van elders waarvan deze praktijk is afgeleid: de bestandsnaam zonder `.yml`."""
    note: Text | None = None
    """Wat een andere stad of gemeente moet aanpassen als ze de praktijk overneemt."""


class Contact(Strict):
    """Wie je kunt contacteren: een functie, een dienst en hun adressen, nooit de gegevens van een
    privépersoon."""

    role: Text | None = None
    """Een functie, geen naam, bijvoorbeeld `stafmedewerker diversiteit`."""
    service: Text | None = None
    """De dienst of het team, bijvoorbeeld `Dienst Strategie en Ontwikkeling`."""
    email: Email | None = None
    """Een functioneel e-mailadres van de dienst (`diversiteit@...`), geen persoonlijk adres."""
    phone: Phone | None = None
    """Het algemene telefoonnummer van de dienst, bijvoorbeeld `015 29 76 66`."""
    url: WebUrl | None = None
    """De pagina over de praktijk of de dienst op de eigen website van de gemeente, met `https://`
    vooraan."""
    source: SourceId
    """Id van de bron waar je deze adressen zag, meestal de webpagina van de dienst in
    `practices/sources/`. Heeft de bron een jaar (`year`, een artikel van 2019), dan toont de site het
    contact als "uit 2019"; een pagina zonder datum toont ze met de dag waarop je ze raadpleegde
    (`accessed`) als "gezien op"."""

    @model_validator(mode="after")
    def _not_empty(self) -> Contact:
        if not any((self.role, self.service, self.email, self.phone, self.url)):
            raise ValueError("geef minstens een functie, dienst, e-mailadres, telefoonnummer of webpagina")
        return self


DocumentType = Literal["reglement", "clausule", "sjabloon", "evaluatie", "presentatie", "rapport", "andere"]


class Document(Strict):
    """Een openbaar document over een praktijk: een reglement, een clausuletekst, een sjabloon, een
    evaluatie."""

    title: Annotated[Text, Field(max_length=160)]
    """De titel van het document, zoals het gepubliceerd is."""
    url: WebUrl
    """Waar je het kunt downloaden of lezen, met `https://` vooraan."""
    type: DocumentType
    """`reglement`, `clausule`, `sjabloon`, `evaluatie`, `presentatie`, `rapport` of `andere`."""
    year: int | None = Field(default=None, ge=1900, le=2100)
    """Het jaar van het document, bijvoorbeeld `2021`. Laat leeg als het document geen jaar vermeldt."""
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")] = "nl"
    """De taal van het document, als code van twee letters: `nl`, `en`, `fr`. Zonder dit veld geldt `nl`."""


# --- good practice -------------------------------------------------------------------------------------


class Practice(Strict):
    """Een goede praktijk: wat een lokaal bestuur deed, hoe, met wie, en wat het ervan leerde."""

    title: Annotated[Text, Field(max_length=120)]
    """Korte Nederlandse titel, zoals een ambtenaar ernaar zou zoeken, bijvoorbeeld `Taalcafé in de
    bibliotheek`."""
    summary: Annotated[Text, Field(max_length=600)]
    """Eén alinea: wat de praktijk is en waarom ze ertoe doet. Die staat in de catalogus."""
    city: CityId
    """Id van de stad of gemeente die de praktijk trekt, zoals ze in
    `practices/reference/municipalities.csv` staat: de naam in kleine letters met koppeltekens,
    bijvoorbeeld `mechelen` of `beveren-kruibeke-zwijndrecht`."""
    cities: list[CityId] = Field(default=[], max_length=MAX_ITEMS)
    """Ids van andere steden of gemeenten die meedoen, bijvoorbeeld `lier`."""
    no_lead: bool = False
    """Zet `true` als de bronnen geen trekker noemen en de gemeenten in `city` en `cities` als gelijken
    samenwerken. `city` is dan de gemeente waaronder de kennisbank de praktijk toont, een keuze van de
    redactie: de pagina noemt geen trekker maar alle gemeenten samen, en zegt dat de bronnen geen
    trekker noemen."""
    themes: list[ThemeId] = Field(min_length=1, max_length=MAX_ITEMS)
    """Ids van thema's (zie `practices/vocabulary/themes.yml`); minstens één, bijvoorbeeld `taal`."""
    instruments: list[InstrumentId] = Field(default=[], max_length=MAX_ITEMS)
    """Ids van de beleidsinstrumenten die de praktijk gebruikt (zie `practices/vocabulary/instruments.yml`),
    bijvoorbeeld `subsidie`."""
    target_groups: Texts = []
    """Wie de praktijk bereikt, telkens in een paar woorden: `nieuwkomers`, `sportclubs`."""
    partners: list[Partner] = Field(default=[], max_length=MAX_ITEMS)
    """Organisaties die meewerken, elk met hun rol."""
    period: Period | None = None
    """Wanneer de praktijk liep. Laat leeg als de bronnen het niet zeggen."""
    status: StatusNote | None = None
    """Of de praktijk nog loopt volgens haar nieuwste bron, met die bron en haar datum. Laat leeg als
    geen bron het zegt: de site toont dan "onbekend of het nog loopt"."""
    description: Prose | None = None
    """Wat de praktijk is, in een paar alinea's (met een lege regel tussen twee alinea's)."""
    approach: Texts = []
    """De stappen, in volgorde: het "hoe", niet alleen het "wat". Eén stap per item."""
    resources: Resources | None = None
    """Personeel, budget en financiering."""
    results: Prose | None = None
    """Wat de praktijk opleverde, met cijfers waar de bronnen die geven."""
    evaluation: Prose | None = None
    """Hoe de praktijk geëvalueerd werd, en door wie."""
    success_factors: Texts = []
    """De do's: wat ervoor zorgde dat het werkte. Eén punt per item."""
    pitfalls: Texts = []
    """De don'ts: wat je beter vermijdt, wat misliep. Eén punt per item."""
    transferability: Transferability | None = None
    """Bij welke steden en gemeenten de praktijk past en wat ze nodig heeft."""
    contact: Contact | None = None
    """Wie je kunt contacteren: een functie, een dienst, een functioneel e-mailadres, een telefoonnummer,
    een webpagina."""
    documents: list[Document] = Field(default=[], max_length=MAX_ITEMS)
    """Openbare documenten: reglement, clausuletekst, sjabloon, evaluatie, presentatie."""
    sources: list[SourceId] = Field(default=[], max_length=MAX_ITEMS)
    """Ids van de bronnen achter de feiten hierboven: de namen van hun bestanden in `practices/sources/`
    zonder `.yml`, bijvoorbeeld `diels-2018`."""
    last_reviewed: dt.date
    """De dag waarop iemand dit record het laatst met zijn bronnen vergeleek, als JJJJ-MM-DD:
    `2026-01-15`."""


# --- city case study -----------------------------------------------------------------------------------


class Milestone(Strict):
    """Een gedateerd keerpunt in het integratiebeleid van een stad of gemeente."""

    date: PartialDate
    """Jaar, maand of dag van het keerpunt, zo precies als de bron het zegt: `2012`, `2012-10` of
    `2012-10-15`."""
    title: Annotated[Text, Field(max_length=160)]
    """Wat er gebeurde, in één regel."""
    description: Text | None = None
    """Waarom het ertoe deed."""
    source: SourceId
    """Id van de bron die het beschrijft."""

    _coerce = field_validator("date", mode="before")(_partial_date_from_yaml)


class ConditionNote(Strict):
    """Hoe het in deze stad gesteld is met een van de vijf leervoorwaarden."""

    condition: ConditionId
    """Id van de leervoorwaarde (zie `practices/vocabulary/learning-conditions.yml`), bijvoorbeeld
    `draagvlak`."""
    note: Text
    """Wat de bron erover zegt voor deze stad."""
    source: SourceId
    """Id van de bron."""


class Learning(Strict):
    """Hoe ver de stad staat in leren van en met anderen."""

    maturity: Maturity | None = None
    """`startend`, `groeiend` of `ervaren` in lokaal integratiebeleid. Laat leeg zonder bron."""
    maturity_source: SourceId | None = None
    """Id van de bron voor de maturiteit (`maturity`)."""
    conditions: list[ConditionNote] = Field(default=[], max_length=MAX_ITEMS)
    """De leervoorwaarden die de bronnen voor deze stad beschrijven."""


class Actor(Strict):
    """Een actor in het partnernetwerk van een stad: de stad zelf, een organisatie of een andere actor."""

    id: Id
    """Korte id, uniek binnen dit netwerk; de stromen verwijzen ernaar. Bijvoorbeeld `ocmw`."""
    organisation: OrganisationId | None = None
    """Id van de organisatie, als ze een bestand heeft in `practices/organisations/`."""
    city: CityId | None = None
    """Id van een stad: de stad zelf (het midden van haar netwerk) of een andere stad."""
    name: Text | None = None
    """De naam in het diagram; verplicht als de actor geen `organisation` en geen `city` heeft."""
    type: OrganisationType | None = None
    """`publiek`, `middenveld`, `privaat` of `kennis`. Laat je het leeg, dan krijgt een actor met een
    `organisation` het type van die organisatie."""
    role: Text | None = None
    """Wat de actor in het netwerk doet, in één regel."""


class Flow(Strict):
    """Een stroom in één richting tussen twee actoren van het netwerk."""

    from_: Id = Field(alias="from")
    """Id van de actor waar de stroom van vertrekt."""
    to: Id
    """Id van de actor waar de stroom naartoe gaat."""
    kind: FlowKindId
    """Id van de soort stroom (zie `practices/vocabulary/flow-kinds.yml`): `geld`, `infrastructuur`, ..."""
    intermittent: bool | None = None
    """`true` als de stroom er maar in sommige jaren of in sommige gevallen is (gestreept getekend),
    `false` als de bron zegt dat hij vast is. Laat leeg als de bron het niet zegt."""
    label: Annotated[Text, Field(max_length=80)] | None = None
    """Een paar woorden over wat er stroomt, bijvoorbeeld `subsidie met diversiteitsclausule`."""
    source: SourceId | None = None
    """Id van de bron die deze stroom beschrijft, als dat geen van de bronnen van het netwerk zelf is."""
    layer: Annotated[Text, Field(max_length=80)] | None = None
    """Naam van een andere laag van banden waartoe deze stroom hoort, bijvoorbeeld `IncluCities-mentoring`:
    banden uit een ander project of een andere vorm van samenwerking dan het netwerk zelf. Zulke stromen
    staan apart in een lijst, worden niet in het diagram getekend en tellen niet mee in de netwerkmaten.
    Laat leeg voor de stromen van het netwerk zelf."""


class Network(Strict):
    """Het partnernetwerk van de stad in het lokaal integratiebeleid, zoals de bronnen het beschrijven."""

    actors: list[Actor] = Field(min_length=1, max_length=MAX_ACTORS)
    """De actoren, met de stad zelf erbij."""
    flows: list[Flow] = Field(default=[], max_length=MAX_FLOWS)
    """Stromen in één richting tussen die actoren: geld, infrastructuur, expertise of informatie."""
    sources: list[SourceId] = Field(min_length=1, max_length=MAX_ITEMS)
    """Ids van de bronnen waaruit het netwerk getekend is; minstens één."""
    note: Text | None = None
    """Wat het netwerk weglaat, volgens zijn bron."""


class City(Strict):
    """Wat een casestudy toevoegt aan een gemeente: de contactdienst, de organisatie van het
    integratiebeleid, mijlpalen, het partnernetwerk. Naam, NIS-code, provincie, inwonertal en of het een
    centrumstad is, staan voor alle 285 Vlaamse gemeenten in `practices/reference/municipalities.csv`;
    een praktijk in een gemeente zonder dit bestand heeft het niet nodig. De bestandsnaam is de id van
    de gemeente, bijvoorbeeld `mechelen`."""

    moved_fields: ClassVar[dict[str, str]] = {
        name: "municipalities.csv"
        for name in ("name", "nis_code", "province", "size_class", "type", "type_source")
    }
    """Fields a city record had before the reference data: each gets its own message."""

    contact: Contact | None = None
    """De dienst van de gemeente die je voor integratie en diversiteit contacteert (of haar algemene
    contact), met de bron waar je de adressen zag. De site toont hem op elke praktijk van de gemeente
    zonder eigen contact."""
    population: Population | None = None
    """Een inwonertal dat een bron van de casestudy geeft, met jaar en bron. Laat leeg om het
    referentiecijfer te gebruiken: de stadsgrootte en de vergelijkingen volgen altijd uit dat
    referentiecijfer."""
    foreign_origin_share: Share | None = None
    """Aandeel inwoners van buitenlandse herkomst, in procent, met jaar en bron."""
    governance: Prose | None = None
    """Waar het integratiebeleid in de organisatie van stad of gemeente zit."""
    milestones: list[Milestone] = Field(default=[], max_length=MAX_ITEMS)
    """Gedateerde keerpunten."""
    instruments: list[InstrumentId] = Field(default=[], max_length=MAX_ITEMS)
    """Ids van de beleidsinstrumenten die de stad gebruikt (zie `practices/vocabulary/instruments.yml`),
    bijvoorbeeld `subsidie`."""
    learning: Learning | None = None
    """Maturiteit en leervoorwaarden."""
    network: Network | None = None
    """Het partnernetwerk: actoren en stromen."""
    case_study: Prose | None = None
    """De casestudie zelf, in een paar alinea's (met een lege regel tussen twee alinea's)."""
    sources: list[SourceId] = Field(default=[], max_length=MAX_ITEMS)
    """Ids van de bronnen achter de feiten in dit record, bijvoorbeeld `diels-2018`."""
    last_reviewed: dt.date
    """De dag waarop iemand dit record het laatst met zijn bronnen vergeleek, als JJJJ-MM-DD:
    `2026-01-15`."""


# --- organisation, learning network, source ---------------------------------------------------------


class Office(Strict):
    """Een kantoor van een organisatie voor één provincie, zoals een regiokantoor van het Agentschap
    Integratie en Inburgering."""

    province: Province
    """De provincie die het kantoor bedient, als id: `antwerpen`, `limburg`, `oost-vlaanderen`,
    `vlaams-brabant` of `west-vlaanderen`."""
    contact: Contact
    """De dienst en zijn adressen, met de bron waar je ze zag."""


class Organisation(Strict):
    """Een partnerorganisatie van het lokaal integratiebeleid."""

    name: Text
    """De volledige naam, bijvoorbeeld `Agentschap Integratie en Inburgering`."""
    short_name: Annotated[Text, Field(max_length=20)] | None = None
    """De gangbare afkorting, bijvoorbeeld `AgII`."""
    type: OrganisationType | None = None
    """`publiek`, `middenveld`, `privaat` of `kennis`. Laat leeg zonder bron."""
    level: Level | None = None
    """Waar ze werkt: `lokaal`, `regionaal`, `vlaams`, `federaal`, `europees` of `internationaal`."""
    website: WebUrl | None = None
    """Haar openbare website, met `https://` vooraan."""
    description: Prose | None = None
    """Wat ze doet in het lokaal integratiebeleid."""
    offices: list[Office] = Field(default=[], max_length=MAX_ITEMS)
    """Kantoren per provincie, met hun adressen. De site toont het kantoor van de provincie op de
    praktijken van die provincie, als de organisatie het Agentschap Integratie en Inburgering is."""
    sources: list[SourceId] = Field(default=[], max_length=MAX_ITEMS)
    """Ids van de bronnen achter de feiten in dit record, bijvoorbeeld `diels-2018`."""
    last_reviewed: dt.date
    """De dag waarop iemand dit record het laatst met zijn bronnen vergeleek, als JJJJ-MM-DD:
    `2026-01-15`."""


class AgendaTopic(Strict):
    """Een onderwerp op de agenda van een lerend netwerk, voorgesteld door zijn leden."""

    topic: Text
    """Het onderwerp, in een paar woorden."""
    themes: list[ThemeId] = Field(default=[], max_length=MAX_ITEMS)
    """Ids van de thema's die het onderwerp raakt (`practices/vocabulary/themes.yml`), bijvoorbeeld
    `werk`; zo linkt de site het aan praktijken."""
    proposed_by: list[CityId] = Field(default=[], max_length=MAX_ITEMS)
    """Ids van de ledensteden die het voorstelden."""


class LearningNetwork(Strict):
    """Een netwerk waarin lokale besturen van elkaar leren, zoals een LID-overleg."""

    name: Text
    """De naam van het netwerk."""
    description: Prose | None = None
    """Wat het netwerk is en hoe het werkt."""
    level: Level | None = None
    """Op welk niveau het besturen samenbrengt, bijvoorbeeld `regionaal`."""
    coordinator: OrganisationId | None = None
    """Id van de organisatie die het netwerk trekt."""
    members: list[CityId] = Field(default=[], max_length=MAX_ITEMS)
    """Ids van de ledensteden en -gemeenten."""
    cadence: Text | None = None
    """Hoe vaak het netwerk samenkomt, bijvoorbeeld `vier keer per jaar`."""
    agenda: list[AgendaTopic] = Field(default=[], max_length=MAX_ITEMS)
    """Onderwerpen die de leden op de agenda zetten."""
    conditions: list[ConditionNote] = Field(default=[], max_length=MAX_ITEMS)
    """De leervoorwaarden die de bronnen voor dit netwerk beschrijven."""
    sources: list[SourceId] = Field(default=[], max_length=MAX_ITEMS)
    """Ids van de bronnen achter de feiten in dit record, bijvoorbeeld `diels-2018`."""
    last_reviewed: dt.date
    """De dag waarop iemand dit record het laatst met zijn bronnen vergeleek, als JJJJ-MM-DD:
    `2026-01-15`."""


class Source(Strict):
    """Een publicatie waarnaar records verwijzen: een masterproef, een rapport, een webpagina."""

    title: Text
    """De titel van de publicatie."""
    authors: Texts = []
    """Auteurs, als `Achternaam, V.`; voor pagina's van een instelling: die organisatie."""
    year: int | None = Field(default=None, ge=1800, le=2100)
    """Het jaar van publicatie, bijvoorbeeld `2019`."""
    publisher: Text | None = None
    """Universiteit, uitgever of website."""
    url: WebUrl | None = None
    """Waar je de publicatie kunt lezen, met `https://` vooraan."""
    note: Text | None = None
    """Wat voor bron het is, bijvoorbeeld `persbericht bij een masterproef`."""
    accessed: dt.date | None = None
    """Voor webpagina's: de dag waarop ze geraadpleegd werd, als JJJJ-MM-DD: `2026-01-15`."""


# --- vocabularies ------------------------------------------------------------------------------------


class Term(Strict):
    """Een toegelaten waarde van een woordenlijst, met haar Nederlandse label."""

    id: Id
    """De id die records gebruiken, bijvoorbeeld `taal`."""
    label: Text
    """Het Nederlandse label dat de site toont, bijvoorbeeld `Nederlands en meertaligheid`."""
    definition: Text
    """Wat de term betekent, in een of twee Nederlandse zinnen."""
    source: SourceId | None = None
    """Id van de bron die de definitie volgt. Laat leeg als er geen is."""


class Instrument(Term):
    """Een beleidsinstrument, in een van de vier families."""

    family: InstrumentFamily
    """`financieel`, `regulerend`, `communicatief` of `organisatorisch`."""


class SizeClass(Term):
    """Een stadsgrootte: een band van inwonersaantallen. De banden mogen elkaar niet overlappen en geen
    gaten laten."""

    min_population: int = Field(ge=0)
    """Het laagste aantal inwoners in de band (dat aantal hoort erbij), bijvoorbeeld `15000`."""
    max_population: int | None = None
    """De bovengrens van de band: het eerste aantal inwoners dat er niet meer bij hoort, en dus de
    `min_population` van de volgende band. Laat leeg voor de grootste band."""


class FlowKind(Term):
    """Een soort stroom tussen actoren: materiële middelen of kennis, zoals in de legende van de bron
    `diels-2018`."""

    category: FlowCategory
    """`materieel` (geld, infrastructuur) of `kennis` (expertise, informatie)."""


class LearningCondition(Term):
    """Een van de vijf voorwaarden om als lokale besturen van elkaar te leren (bron `geuens-2019`)."""


class Vocabulary(Strict):
    """Een woordenlijst: een lijst van termen."""

    terms: list[Term] = Field(min_length=1, max_length=2 * MAX_ITEMS)
    """De toegelaten waarden, in de volgorde waarin de site ze toont."""


class ThemeVocabulary(Vocabulary):
    """De thema's van het lokaal integratiebeleid: `practices/vocabulary/themes.yml`."""


class InstrumentVocabulary(Vocabulary):
    """De beleidsinstrumenten: `practices/vocabulary/instruments.yml`."""

    terms: list[Instrument] = Field(min_length=1, max_length=2 * MAX_ITEMS)  # type: ignore[assignment]
    """De instrumenten, in de volgorde waarin de site ze toont."""


class SizeClassVocabulary(Vocabulary):
    """De stadsgroottes: `practices/vocabulary/size-classes.yml`."""

    terms: list[SizeClass] = Field(min_length=1, max_length=2 * MAX_ITEMS)  # type: ignore[assignment]
    """De stadsgroottes, van klein naar groot."""


class FlowKindVocabulary(Vocabulary):
    """De soorten stromen in een partnernetwerk: `practices/vocabulary/flow-kinds.yml`."""

    terms: list[FlowKind] = Field(min_length=1, max_length=2 * MAX_ITEMS)  # type: ignore[assignment]
    """De soorten stromen."""


class LearningConditionVocabulary(Vocabulary):
    """De vijf leervoorwaarden: `practices/vocabulary/learning-conditions.yml`."""

    terms: list[LearningCondition] = Field(min_length=1, max_length=2 * MAX_ITEMS)  # type: ignore[assignment]
    """De vijf leervoorwaarden."""


# --- reference data: the municipalities ------------------------------------------------------------

NisCode = Annotated[str, StringConstraints(pattern=r"^[0-9]{5}$")]
"""A NIS (REFNIS) code: five ASCII digits, as text (`"12025"`)."""


class FormerMunicipality(Strict):
    """Een vroegere gemeente die in een fusie opging."""

    name: Text
    """Haar naam, bijvoorbeeld `Kruibeke`."""
    merged: dt.date
    """De dag waarop de fusie inging, bijvoorbeeld `2025-01-01`."""


class Municipality(Strict):
    """Een Vlaamse gemeente, zoals de referentiegegevens ze beschrijven: één regel van
    `practices/reference/municipalities.csv`."""

    nis_code: NisCode
    """De NIS-code, vijf cijfers."""
    id: Id
    """De id die records gebruiken: de naam in kleine letters met koppeltekens, `sint-niklaas`."""
    name: Text
    """De officiële Nederlandse naam."""
    province: Province
    """De provincie, als id."""
    population: int = Field(ge=0, le=2_000_000)
    """Het aantal inwoners op de referentiedatum."""
    population_summed: bool = False
    """Of de kennisbank het inwonertal zelf optelde uit de gemeenten die later fuseerden."""
    centrumstad: bool = False
    """Of de gemeente een van de dertien centrumsteden is."""
    former: list[FormerMunicipality] = Field(default=[], max_length=MAX_ITEMS)
    """De gemeenten die in 2019 of 2025 in deze gemeente opgingen."""


class ReferenceSources(Strict):
    """Welke bron elk veld van de referentiegegevens geeft: één bron per veld."""

    nis_code: SourceId
    """Bron van de NIS-codes."""
    name: SourceId
    """Bron van de officiële namen."""
    province: SourceId
    """Bron van de provincies."""
    population: SourceId
    """Bron van de inwonertallen."""
    centrumstad: SourceId
    """Bron van de lijst van centrumsteden."""
    former_names: SourceId
    """Bron van de fusies."""
    shape: SourceId | None = None
    """Bron van de grenzen op de kaart."""


class MunicipalityReference(Strict):
    """Waar de referentiegegevens van de gemeenten vandaan komen: `practices/reference/municipalities.yml`."""

    population_date: dt.date
    """De referentiedatum van alle inwonertallen, bijvoorbeeld `2025-01-01`."""
    sources: ReferenceSources
    """De bron van elk veld."""


# --- learning question (leervraag) ----------------------------------------------------------------------

NetworkId = Annotated[Id, Field(json_schema_extra={"x-kind": "network"})]
QuestionStatus = Literal["open", "beantwoord", "gesloten"]


class Answer(Strict):
    """Een record dat (een deel van) het antwoord op de leervraag geeft: precies één praktijk, gemeente of
    organisatie, met waarom."""

    practice: PracticeId | None = None
    """Id van een praktijk die de vraag (deels) beantwoordt: de naam van haar bestand in `practices/`
    zonder `.yml`, bijvoorbeeld `taalcafe-bibliotheek-demostad`."""
    city: CityId | None = None
    """Id van een stad of gemeente die het antwoord kent, bijvoorbeeld `mechelen`."""
    organisation: OrganisationId | None = None
    """Id van een organisatie die kan helpen: de naam van haar bestand in `practices/organisations/`
    zonder `.yml`, bijvoorbeeld `agentschap-integratie-en-inburgering`."""
    why: Text
    """Waarom dit record de vraag beantwoordt, in één of twee zinnen, bijvoorbeeld `Wetteren werft
    buddy's met een vaste begeleider per koppel.` Zeg wat de bron zegt, niet meer."""

    @model_validator(mode="after")
    def _one_target(self) -> Answer:
        given = [name for name in ("practice", "city", "organisation") if getattr(self, name)]
        if len(given) != 1:
            found = " en ".join(f"`{name}`" for name in given) if given else "geen"
            raise ValueError(
                "een antwoord verwijst naar precies één praktijk (`practice`), gemeente (`city`) of "
                f"organisatie (`organisation`); dit antwoord heeft er {found}. "
                "Maak van elk een eigen antwoord, met zijn eigen `why`"
            )
        return self


class Meeting(Strict):
    """Een bijeenkomst van een lerend netwerk waar de leervraag besproken werd."""

    network: NetworkId
    """Id van het lerend netwerk: de naam van zijn bestand in `practices/networks/` zonder `.yml`,
    bijvoorbeeld `lid-overleg`."""
    date: PartialDate
    """Wanneer de vraag er besproken werd, zo precies als de bron het zegt: `2019`, `2019-03` of
    `2019-03-14`."""
    note: Text | None = None
    """Wat er over de vraag gezegd werd, in een paar zinnen. Laat leeg als de bron het niet zegt."""

    _coerce = field_validator("date", mode="before")(_partial_date_from_yaml)


class Question(Strict):
    """Een leervraag: wat integratieambtenaren van elkaar willen leren, met wie al een antwoord kent.
    Een vraag kan anoniem zijn wat de vrager betreft, nooit wat de vraag betreft: geen namen, geen
    e-mailadressen of telefoonnummers van personen."""

    question: Annotated[Text, Field(max_length=250)]
    """De vraag in één zin, zoals een collega ze zou stellen, bijvoorbeeld `Hoe bereik je als kleine
    gemeente anderstalige nieuwkomers die niet naar het gemeentehuis komen?`"""
    context: Prose
    """Wat al geprobeerd werd en wat vastloopt, in een of meer alinea's (met een lege regel ertussen).
    Schrijf wat de bron zegt; geen namen van personen, geen e-mailadressen of telefoonnummers."""
    themes: list[ThemeId] = Field(min_length=1, max_length=MAX_ITEMS)
    """Ids van de thema's van de vraag (zie `practices/vocabulary/themes.yml`); minstens één,
    bijvoorbeeld `taal`."""
    size_class: SizeClassId | None = None
    """Id van de stadsgrootte van wie de vraag stelt (zie `practices/vocabulary/size-classes.yml`),
    bijvoorbeeld `klein`. Laat leeg als de bron geen grootte noemt; met `city` volgt ze uit de gemeente."""
    city: CityId | None = None
    """Id van de stad of gemeente die de vraag stelt, bijvoorbeeld `liedekerke`. Alleen als de bron ze
    noemt; laat anders leeg."""
    asked: PartialDate
    """Wanneer de vraag gesteld werd, zo precies als de bron het zegt: `2019`, `2019-03` of `2019-03-14`."""
    status: QuestionStatus = "open"
    """`open` (nog zonder volledig antwoord), `beantwoord` (minstens één antwoord hieronder beantwoordt
    de vraag) of `gesloten` (de vraag speelt niet meer). Zonder dit veld geldt `open`."""
    answers: list[Answer] = Field(default=[], max_length=MAX_ITEMS)
    """Praktijken, gemeenten of organisaties die de vraag (deels) beantwoorden, elk met waarom."""
    meetings: list[Meeting] = Field(default=[], max_length=MAX_ITEMS)
    """Bijeenkomsten van lerende netwerken waar de vraag besproken werd."""
    sources: list[SourceId] = Field(default=[], max_length=MAX_ITEMS)
    """Ids van de bronnen waarin de vraag gesteld wordt: de namen van hun bestanden in
    `practices/sources/` zonder `.yml`, bijvoorbeeld `geuens-2019`."""
    last_reviewed: dt.date
    """De dag waarop iemand dit record het laatst met zijn bronnen vergeleek, als JJJJ-MM-DD:
    `2026-01-15`."""

    _coerce = field_validator("asked", mode="before")(_partial_date_from_yaml)
