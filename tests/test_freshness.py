"""The freshness report's reading of tense (macros/records/freshness.py): a sentence that states a fact
as current is found, a sentence that tells it as then is not."""

from __future__ import annotations

from pathlib import Path

import pytest
from records_folder import PRACTICE, TODAY, write_record

from macros.records import freshness, knowledge
from macros.records.freshness import current_verb


@pytest.mark.parametrize(
    ("sentence", "verb"),
    [
        ("De gemeente biedt elke week taallessen aan.", "biedt"),
        ("Vrijwilligers bieden elke week een praatgroep aan.", "bieden"),
        ("Het project loopt in drie wijken.", "loopt"),
        # A past auxiliary makes the plural forms infinitives, not the singular ones.
        ("Zo wilde de gemeente lessen bieden, en ze heeft er nu tien.", "heeft"),
        ("Het OCMW zet met zijn partners een buddywerking op.", "zet"),
    ],
)
def test_a_fact_told_as_current_is_found(sentence: str, verb: str) -> None:
    assert current_verb(sentence) == verb


@pytest.mark.parametrize(
    "sentence",
    [
        # The year is named: the reader knows when.
        "In 2019 biedt de gemeente elke week taallessen aan.",
        # Infinitives after a past modal or auxiliary.
        "Zo wilde de gemeente extra oefenkansen Nederlands bieden aan nieuwkomers.",
        "De groep moest anderstaligen een alternatief bieden wanneer de lessen stopten.",
        "Wie goed vorderde, zou aangemoedigd worden om verder te leren.",
        # An infinitive after `te`.
        "OCMW en stad namen initiatieven om hen te ondersteunen.",
        # The possessive, not the verb.
        "Een deelnemer nam een oude hobby uit zijn thuisland weer op.",
        "Zo kon het lokaal bestuur zijn eigen werking verbeteren.",
        # Quoted words are someone's own.
        'Het huis schreef: "ze moeten het netwerk zelf leren kennen".',
        "Volgens de schepen was het motto „iedereen telt mee”.",
        # The perfect tense tells a past fact.
        "Het project is gestart met tien vrijwilligers.",
        "Sindsdien zijn er drie praatgroepen opgericht.",
        # No present tense at all.
        "De stad legde de clausule voor aan sportclubs en jeugdbewegingen.",
    ],
)
def test_a_fact_told_as_then_is_not_found(sentence: str) -> None:
    assert current_verb(sentence) is None


def test_the_report_names_the_file_line_field_and_verb_only_where_the_text_is_current(records: Path) -> None:
    # The minimal folder's only source is of 2020, more than three years before TODAY.
    write_record(
        records,
        "taalcafe.yml",
        PRACTICE + "description: Het taalcafé loopt elke dinsdag in de bibliotheek.\n",
    )
    write_record(
        records,
        "praatgroep.yml",
        PRACTICE.replace("Taalcafé", "Praatgroep")
        + "description: Zo wilde de gemeente extra oefenkansen bieden om nieuwkomers te helpen.\n",
    )
    found = freshness.report(knowledge.build(records, today=TODAY), TODAY)
    tense = [f for f in found if "tegenwoordige tijd" in f.message]
    assert [(f.path.name, f.line, f.field) for f in tense] == [("taalcafe.yml", 7, "description")]
    assert "('loopt')" in tense[0].message and "van 2020" in tense[0].message


def test_a_contact_from_an_old_article_is_old_however_recently_the_article_was_read(records: Path) -> None:
    write_record(
        records, "sources/krant-2019.yml", "title: Een artikel (fictief)\nyear: 2019\naccessed: 2026-11-01\n"
    )
    write_record(
        records, "sources/pagina.yml", "title: Een pagina zonder datum (fictief)\naccessed: 2026-11-01\n"
    )
    write_record(
        records,
        "cities/teststad.yml",
        "contact:\n  service: Dienst Samenleven\n  source: krant-2019\nsources: [bron-test, krant-2019]\n"
        "last_reviewed: 2026-01-15\n",
    )
    write_record(
        records,
        "cities/stad.yml",
        "contact:\n  service: Dienst Integratie\n  source: pagina\nsources: [pagina]\nlast_reviewed: 2026-01-15\n",
    )
    found = freshness.report(knowledge.build(records, today=TODAY), TODAY)
    contacts = [(f.path.name, f.message.split(",")[0]) for f in found if f.field == "contact.source"]
    # The undated page read in November 2026 is recent; the 2019 article is 2019's.
    assert contacts == [("teststad.yml", "dit contact is uit 2019")]
