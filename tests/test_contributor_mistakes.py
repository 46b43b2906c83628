"""The mistakes a new contributor makes, each with the Dutch line they read: at the line of the mistake,
with how to fix it. (Issue: "The contributor's path in Dutch".)"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from records_folder import PRACTICE, write_record

from macros.records import knowledge

CASES = {
    "a misspelt theme": (
        PRACTICE.replace("themes: [taal]", "themes: [tall]"),
        "taalcafe.yml:4: themes[0]: 'tall' is geen thema uit practices/vocabulary/themes.yml; bedoel je 'taal'?",
    ),
    "a theme label instead of its id": (
        PRACTICE.replace("themes: [taal]", "themes: [Nederlands en meertaligheid]"),
        "taalcafe.yml:4: themes[0]: 'Nederlands en meertaligheid' is geen thema uit "
        "practices/vocabulary/themes.yml; schrijf de id 'taal', niet het label",
    ),
    "a municipality's name instead of its id": (
        PRACTICE.replace("city: teststad", "city: Teststad"),
        "taalcafe.yml:3: city: 'Teststad' is de naam; schrijf de id 'teststad'",
    ),
    "a misspelt municipality name": (
        PRACTICE.replace("city: teststad", "city: Tesstad"),
        "taalcafe.yml:3: city: 'Tesstad' is geen stad of gemeente uit practices/reference/municipalities.csv; "
        "bedoel je 'teststad' (Teststad (fictief))?",
    ),
    "a former municipality by its name": (
        PRACTICE.replace("city: teststad", "city: Oudstad"),
        "taalcafe.yml:3: city: Oudstad is sinds 1 januari 2025 een deel van Teststad (fictief); schrijf 'teststad'",
    ),
    "an unquoted colon": (
        PRACTICE.replace("title: Taalcafé", "title: Taalcafé: samen Nederlands oefenen"),
        "taalcafe.yml:1: in deze tekst staat een dubbelpunt met een spatie erna, en dat leest YAML als een "
        'nieuw veld; zet de hele tekst tussen aanhalingstekens, zoals title: "Taal: een kans"',
    ),
    "a field indented too far": (
        PRACTICE + "contact:\n  role: integratieambtenaar\n   service: Dienst Samenleven\n",
        "taalcafe.yml:9: de inspringing klopt niet: deze regel staat verder naar rechts dan de regel erboven, "
        "zodat YAML ze als één tekst leest; zet het veld even ver als de andere velden van dezelfde groep",
    ),
    "a field not indented enough": (
        PRACTICE + "contact:\n  role: integratieambtenaar\n service: Dienst Samenleven\n",
        "taalcafe.yml:9: de inspringing klopt niet: zet deze regel even ver naar rechts als de andere velden "
        "van dezelfde groep (met spaties), of een lijstpunt `- ` recht onder het vorige",
    ),
    "a date like 1/3/2024": (
        PRACTICE.replace("last_reviewed: 2026-10-01", "last_reviewed: 1/3/2024"),
        "taalcafe.yml:6: last_reviewed: '1/3/2024' is geen datum; schrijf ze als JJJJ-MM-DD, bijvoorbeeld 2024-03-01",
    ),
    "a list in a text field": (
        PRACTICE + "description:\n  - eerste alinea\n  - tweede\n",
        "taalcafe.yml:7: description: hier hoort een tekst, maar er staat een lijst; zet de tekst op dezelfde "
        "regel als de veldnaam, of na `|` op de regels eronder",
    ),
    "text in a list field": (
        PRACTICE + "approach: Eerst vrijwilligers zoeken\n",
        "taalcafe.yml:7: approach: hier hoort een lijst (regels die met `- ` beginnen), maar er staat 'Eerst "
        "vrijwilligers zoeken'; zet elk item op een eigen regel die met `- ` begint",
    ),
    "an unknown key": (
        PRACTICE + "websites: https://www.stad.be\n",
        "taalcafe.yml:7: websites: onbekend veld 'websites'; hier kan: approach, cities, city, contact, "
        "description, documents, evaluation, instruments, last_reviewed, no_lead, partners, period, pitfalls, "
        "resources, results, sources, status, success_factors, summary, target_groups, themes, title, "
        "transferability",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_common_mistake_gets_one_dutch_line_with_its_fix(records: Path, case: str) -> None:
    text, expected = CASES[case]
    write_record(records, "taalcafe.yml", text)
    _, found = knowledge.load(records, today=dt.date(2026, 11, 23))
    assert [p.format(records) for p in found] == [expected]
