"""Names and Dutch phrases for the fictional demo corpus (`tooling.demo`).

Names are built from syllables that Flemish place names do not use (q, x, y, odd consonant runs), and
every displayed name carries "(fictief)", so a demo record can never be mistaken for a real place or
organisation, whatever combination the random generator draws.
"""

from __future__ import annotations

import itertools
import random
import re

FICTIONAL = "(fictief)"
"""Marker on every name a demo record shows."""

_PREFIXES = [
    "Quor", "Xan", "Qel", "Vex", "Zyl", "Orx", "Quin", "Tox", "Lyx", "Myr",
    "Pyx", "Kyv", "Drax", "Jyr", "Wix", "Fyl", "Nyx", "Qua", "Ryx", "Syq",
]  # fmt: skip
_MIDDLES = ["", "a", "e", "el", "en", "er", "o", "i"]
_PLACE_ENDINGS = [
    "hoven", "kerke", "gem", "dorp", "rode", "lare", "beek", "zele", "mond", "veld", "kapelle", "hout",
]  # fmt: skip
_WORD_ENDINGS = ["is", "ana", "or", "um", "ix"]


def _names(endings: list[str], count: int, rng: random.Random) -> list[str]:
    """`count` distinct names in a seeded order; past the syllable combinations, numbered ones."""
    combos = ["".join(parts) for parts in itertools.product(_PREFIXES, _MIDDLES, endings)]
    rng.shuffle(combos)
    names = []
    for i in range(count):
        round_, index = divmod(i, len(combos))
        names.append(combos[index] + (f" {round_ + 1}" if round_ else ""))
    return names


def place_names(count: int, rng: random.Random) -> list[str]:
    """Invented Dutch-sounding place names such as `Quorelhoven`, without the marker."""
    return _names(_PLACE_ENDINGS, count, rng)


def words(count: int, rng: random.Random) -> list[str]:
    """Invented words such as `Vexanis`, for organisation, network and author names."""
    return _names(_WORD_ENDINGS, count, rng)


def kebab(text: str) -> str:
    """`Vzw Quorelis (fictief)` -> `vzw-quorelis-fictief`; accents dropped the simple way."""
    plain = text.lower().translate(str.maketrans("ëéèêïöüàç", "eeeeiouac"))
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


ORGANISATION_PATTERNS: dict[str, list[str]] = {
    "publiek": ["Agentschap {w}", "Welzijnshuis {w}", "Stedelijke dienst {w}", "Ontmoetingshuis {w}"],
    "middenveld": ["vzw {w}", "Vereniging {w} Samen", "Buurtwerk {w}", "Sportfederatie {w}"],
    "privaat": ["{w} Consult bv", "{w} Interim nv", "Bouwgroep {w}", "{w} Opleidingen bv"],
    "kennis": ["Kenniscentrum {w}", "Hogeschool {w}", "Onderzoeksgroep {w}", "Expertisecentrum {w}"],
}
"""Name patterns per organisation type; `{w}` is an invented word."""

ORGANISATION_ROLES = [
    "levert vrijwilligers",
    "stelt lokalen ter beschikking",
    "cofinanciert de werking",
    "begeleidt de deelnemers",
    "brengt expertise over taal in",
    "zorgt voor de toeleiding",
    "evalueert het project",
    "coördineert het overleg",
]

NETWORK_ROLES = ["regisseur", "uitvoerder", "financier", "doorverwijzer", "expert", "signaalfunctie"]

PRACTICE_TOPICS: list[tuple[str, str]] = [
    ("Buddywerking voor nieuwkomers", "samenleven"),
    ("Diversiteitsclausule in het subsidiesysteem", "regie-en-samenwerking"),
    ("Taalcafé in de bibliotheek", "taal"),
    ("Sportkampen voor alle kinderen", "vrije-tijd"),
    ("Diversiteitsplan voor de eigen diensten", "diversiteit-in-de-organisatie"),
    ("Onthaalbalie voor nieuwkomers", "nieuwkomers"),
    ("Ouderbetrokkenheid in de basisschool", "onderwijs"),
    ("Werkplekleren met lokale werkgevers", "werk"),
    ("Praktijktesten op de huurmarkt", "wonen"),
    ("Adviesraad van inwoners", "participatie"),
    ("Meldpunt discriminatie", "antidiscriminatie"),
    ("Mentoring tussen integratieambtenaren", "leren-tussen-besturen"),
    ("Regieoverleg met het middenveld", "regie-en-samenwerking"),
    ("Jeugdwerk in de wijk", "vrije-tijd"),
    ("Oefenkansen Nederlands op de werkvloer", "taal"),
    ("Buurtfeesten met bewonersgroepen", "samenleven"),
]
"""(title start, main theme id) of the practices the generator varies."""

TARGET_GROUPS = [
    "nieuwkomers", "vluchtelingen", "sportclubs", "jongeren", "ouders", "werkzoekenden",
    "verhuurders", "verenigingen", "stadsdiensten", "scholen", "senioren",
]  # fmt: skip

APPROACH_STEPS = [
    "Een stuurgroep met de belangrijkste partners opzetten.",
    "De noden in kaart brengen met gesprekken in de wijken.",
    "Afspraken vastleggen in een samenwerkingsovereenkomst.",
    "Vrijwilligers werven en een korte opleiding geven.",
    "Een eerste reeks activiteiten als proef organiseren.",
    "Deelnemers en partners bevragen en de aanpak bijsturen.",
    "De werking opnemen in het meerjarenplan.",
    "Resultaten delen op het lokale overleg met andere besturen.",
]

SUCCESS_FACTORS = [
    "Een vaste trekker bij de stad die partners kent.",
    "Partners zetten zelf de agenda mee.",
    "Kleine, haalbare stappen met zichtbaar resultaat.",
    "Steun van het college vanaf het begin.",
    "Vrijwilligers krijgen opvolging en erkenning.",
    "Heldere afspraken over wie wat betaalt.",
]

PITFALLS = [
    "Te veel partners tegelijk betrekken.",
    "De doelgroep niet zelf laten meepraten.",
    "Een project starten zonder budget voor het tweede jaar.",
    "Regels opleggen zonder ondersteuning aan te bieden.",
    "Resultaten niet bijhouden, waardoor evaluatie moeilijk wordt.",
]

SENTENCES = [
    "De stad wilde de drempel verlagen voor inwoners die de weg nog niet kennen.",
    "Partners uit het middenveld brachten hun netwerk en ervaring in.",
    "De aanpak groeide uit een klein proefproject in één wijk.",
    "Ambtenaren van verschillende diensten werkten samen aan één plan.",
    "Het project kreeg een vaste plaats in het lokale beleid.",
    "Deelnemers gaven zelf aan wat beter kon.",
    "Andere gemeenten uit de regio kwamen kijken en namen delen over.",
    "De werking steunt op vrijwilligers en een kleine kern van betaalde medewerkers.",
]

CADENCES = ["vier keer per jaar", "maandelijks", "twee keer per jaar", "elk kwartaal"]

SERVICES = [
    "Dienst Samenleven", "Team Diversiteit", "Dienst Welzijn", "Dienst Strategie", "Team Integratie",
]  # fmt: skip

CONTACT_ROLES = [
    "integratieambtenaar", "stafmedewerker diversiteit", "coördinator samenleven",
    "beleidsmedewerker welzijn",
]  # fmt: skip

QUESTION_PATTERNS = [
    "Hoe begin je met {topic}?",
    "Welke gemeente van onze grootte heeft ervaring met {topic}?",
    "Hoe vind je partners en vrijwilligers voor {topic}?",
    "Hoe meet je of {topic} werkt?",
    "Hoe hou je {topic} vol na het eerste jaar?",
]
"""Leervragen of the demo corpus; `{topic}` is a practice topic in lower case, so that questions and
practices share words as real ones do."""

QUESTION_CONTEXTS = [
    "We probeerden het een jaar in één wijk, maar de deelnemers bleven weg na de eerste keer.",
    "Er is geen budget voor een extra medewerker; de dienst telt twee mensen.",
    "Partners uit het middenveld willen meewerken, maar niemand neemt de trekkersrol op.",
    "Het college vraagt cijfers over het bereik, en die houden we nog niet bij.",
    "Andere gemeenten uit de regio zoeken hetzelfde; misschien kan het samen.",
    "De doelgroep vindt de weg naar het gemeentehuis niet.",
]

MEETING_NOTES = [
    "Drie leden brachten de vraag samen in; afgesproken om voorbeelden uit te wisselen.",
    "Kort besproken; het agentschap zoekt een spreker voor de volgende keer.",
    "Besproken in werkgroepen; geen antwoord dat voor iedereen past.",
]
