"""Each cross-record check, on small records written inline, with the exact line a contributor reads."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from records_folder import PRACTICE, add_municipality, write_record

from macros.records import knowledge, relations

TODAY = dt.date(2026, 11, 23)


def problems(root: Path, today: dt.date = TODAY, strict: bool = False) -> list[str]:
    _, found = knowledge.load(root, today=today, strict=strict)
    return [p.format(root) for p in found]


def practice(**changes: str) -> str:
    """PRACTICE with some top-level lines replaced (`city="city: x"`) or added."""
    lines = {line.split(":")[0]: line for line in PRACTICE.splitlines()}
    lines.update(changes)
    return "\n".join(lines.values()) + "\n"


def test_the_minimal_records_folder_is_clean(records: Path) -> None:
    write_record(records, "taalcafe.yml", PRACTICE)
    assert problems(records) == []


def test_an_unknown_reference_names_the_closest_id(records: Path) -> None:
    write_record(records, "taalcafe.yml", practice(city="city: testsatd", themes="themes: [taal, wrek]"))
    assert problems(records) == [
        "taalcafe.yml:3: city: 'testsatd' is geen stad of gemeente uit practices/reference/municipalities.csv; "
        "bedoel je 'teststad' (Teststad (fictief))?",
        "taalcafe.yml:4: themes[1]: 'wrek' is geen thema uit practices/vocabulary/themes.yml; bedoel je 'werk'?",
    ]


def test_a_reference_without_a_close_match_gives_no_guess(records: Path) -> None:
    write_record(records, "taalcafe.yml", practice(sources="sources: [xyz]"))
    assert problems(records) == ["taalcafe.yml:5: sources[0]: 'xyz' is geen bron uit practices/sources/"]


def test_the_file_name_must_be_kebab_case(records: Path) -> None:
    write_record(records, "Taal_Cafe.yml", PRACTICE)
    write_record(records, "cities/Dorp.yml", "sources: [bron-test]\nlast_reviewed: 2026-01-01\n")
    assert problems(records) == [
        "Taal_Cafe.yml:1: de bestandsnaam is de id van het record: kleine letters zonder accenten, cijfers en "
        "koppeltekens; hernoem het bestand naar 'taal-cafe.yml'",
        "cities/Dorp.yml:1: de bestandsnaam is de id van het record: kleine letters zonder accenten, cijfers en "
        "koppeltekens; hernoem het bestand naar 'dorp.yml'",
    ]


def test_a_city_file_must_be_named_after_a_municipality(records: Path) -> None:
    write_record(records, "cities/dorpp.yml", "sources: [bron-test]\nlast_reviewed: 2026-01-01\n")
    assert problems(records) == [
        "cities/dorpp.yml:1: de bestandsnaam: 'dorpp' is geen stad of gemeente uit "
        "practices/reference/municipalities.csv; bedoel je 'dorp' (Dorp (fictief))?"
    ]


def test_a_day_that_does_not_exist_is_an_error(records: Path) -> None:
    write_record(records, "taalcafe.yml", PRACTICE + "period:\n  start: 2021-02-30\n")
    assert problems(records) == [
        "taalcafe.yml:8: period.start: '2021-02-30' is geen bestaande dag; 2021-02 heeft 28 dagen"
    ]


def test_a_month_that_does_not_exist_is_an_error(records: Path) -> None:
    write_record(records, "taalcafe.yml", PRACTICE + "period:\n  start: 2021-13\n")
    assert problems(records) == [
        "taalcafe.yml:8: period.start: '2021-13' heeft geen maand 13; maanden lopen van 01 tot 12"
    ]


def test_a_period_cannot_end_before_it_starts(records: Path) -> None:
    write_record(records, "taalcafe.yml", PRACTICE + "period:\n  start: 2015-06\n  end: 2014\n")
    assert problems(records) == [
        "taalcafe.yml:9: period.end: de periode eindigt (2014) voor ze begint (2015-06); wissel ze om of verbeter ze"
    ]


def test_a_period_may_end_in_the_year_it_starts_at_a_coarser_precision(records: Path) -> None:
    write_record(records, "taalcafe.yml", PRACTICE + "period:\n  start: 2015-06\n  end: 2015\n")
    assert problems(records) == []


def test_last_reviewed_cannot_be_in_the_future(records: Path) -> None:
    write_record(records, "taalcafe.yml", practice(last_reviewed="last_reviewed: 2026-11-24"))
    assert problems(records) == [
        "taalcafe.yml:6: last_reviewed: 2026-11-24 ligt in de toekomst; vul de datum van vandaag in, of een eerdere"
    ]


def test_a_record_not_reviewed_for_two_years_is_a_warning(records: Path) -> None:
    write_record(records, "taalcafe.yml", practice(last_reviewed="last_reviewed: 2024-11-01"))
    _, found = knowledge.load(records, today=TODAY)
    assert [(p.format(records), p.severity) for p in found] == [
        (
            "taalcafe.yml:6: last_reviewed: waarschuwing: niet meer nagekeken sinds 2024-11-01; "
            "vergelijk het record met zijn bronnen en pas de datum aan",
            "warning",
        )
    ]


def test_with_strict_a_stale_record_is_an_error(records: Path) -> None:
    write_record(records, "taalcafe.yml", practice(last_reviewed="last_reviewed: 2024-11-01"))
    _, found = knowledge.load(records, today=TODAY, strict=True)
    assert [p.severity for p in found] == ["error"]
    assert (
        found[0]
        .format(records)
        .startswith("taalcafe.yml:6: last_reviewed: niet meer nagekeken sinds 2024-11-01")
    )


def test_a_record_reviewed_just_under_two_years_ago_is_fine(records: Path) -> None:
    write_record(records, "taalcafe.yml", practice(last_reviewed="last_reviewed: 2024-12-01"))
    assert problems(records) == []


def test_a_city_record_may_not_repeat_the_reference_fields(records: Path) -> None:
    text = "name: Grootstad (fictief)\nsize_class: stad\nsources: [bron-test]\nlast_reviewed: 2026-01-01\n"
    write_record(records, "cities/grootstad.yml", text)
    assert problems(records) == [
        "cities/grootstad.yml:1: name: 'name' staat voor elke gemeente in practices/reference/municipalities.csv; "
        "haal het veld hier weg",
        "cities/grootstad.yml:2: size_class: 'size_class' staat voor elke gemeente in "
        "practices/reference/municipalities.csv; haal het veld hier weg",
    ]


def test_the_size_class_follows_from_the_reference_population(records: Path) -> None:
    add_municipality(records, "middenstad", "Middenstad (fictief)", population=20_000)
    kb = knowledge.build(records, today=TODAY)
    assert relations.size_class_of(kb, "middenstad") == "middelgroot"
    assert relations.size_class_of(kb, "grootstad") == "grootstad"
    assert relations.size_class_of(kb, "nergens") is None


def test_a_population_on_a_band_edge_falls_in_the_upper_band(records: Path) -> None:
    add_municipality(records, "randstad", "Randstad (fictief)", population=60_000)
    add_municipality(records, "onderrand", "Onderrand (fictief)", population=59_999)
    kb = knowledge.build(records, today=TODAY)
    assert relations.size_class_of(kb, "randstad") == "stad"
    assert relations.size_class_of(kb, "onderrand") == "groot"


def test_a_city_records_own_population_does_not_change_its_size_class_and_says_so(records: Path) -> None:
    text = "population: {value: 200000, year: 2020, source: bron-test}\nsources: [bron-test]\nlast_reviewed: 2026-01-01\n"
    write_record(records, "cities/stad.yml", text)
    kb, found = knowledge.load(records, today=TODAY)
    assert [(p.format(records), p.severity) for p in found] == [
        (
            "cities/stad.yml:1: population.value: waarschuwing: de site gebruikt voor de stadsgrootte en de "
            "vergelijkingen het referentiecijfer (70000 inwoners op 1 januari 2026), zodat alle gemeenten op "
            "dezelfde datum vergeleken worden; dit cijfer staat bij de casestudy als dat van zijn bron",
            "warning",
        )
    ]
    assert relations.size_class_of(kb, "stad") == "stad"


def test_size_class_bands_may_not_leave_a_gap(records: Path) -> None:
    path = records / "vocabulary" / "size-classes.yml"
    text = path.read_text(encoding="utf-8").replace("min_population: 30000", "min_population: 31000")
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("    min_population: 31000") + 1
    assert problems(records) == [
        f"vocabulary/size-classes.yml:{line}: terms[2].min_population: de klasse begint bij 31000, maar moet "
        "beginnen bij 30000, waar de vorige eindigt"
    ]


CITY_WITH_NETWORK = """\
network:
  actors:
    - id: netstad
      city: netstad
    - id: vzw-samen
      name: Vzw Samen (fictief)
  flows:
    - from: netstad
      to: vzw-sanem
      kind: geld
    - from: ocmw
      to: netstad
      kind: expertise
  sources: [bron-test]
sources: [bron-test]
last_reviewed: 2026-01-01
"""


def test_flows_must_connect_actors_of_the_network(records: Path) -> None:
    write_record(records, "cities/netstad.yml", CITY_WITH_NETWORK)
    assert problems(records) == [
        "cities/netstad.yml:9: network.flows[0].to: 'vzw-sanem' is geen actor van dit netwerk; "
        "bedoel je 'vzw-samen'?",
        "cities/netstad.yml:11: network.flows[1].from: 'ocmw' is geen actor van dit netwerk",
    ]


def test_a_network_must_hold_its_own_city(records: Path) -> None:
    text = CITY_WITH_NETWORK.replace("      city: netstad\n", "      name: Het stadsbestuur\n")
    text = text.replace("to: vzw-sanem", "to: vzw-samen").replace("from: ocmw", "from: vzw-samen")
    write_record(records, "cities/netstad.yml", text)
    assert problems(records) == [
        "cities/netstad.yml:2: network.actors: het netwerk heeft geen actor voor de stad zelf; "
        "voeg er een toe met `city: netstad`"
    ]


def test_a_record_about_a_real_place_must_cite_a_source(records: Path) -> None:
    write_record(records, "taalcafe.yml", practice(sources="sources: []"))
    write_record(records, "organisations/vzw-samen.yml", "name: Vzw Samen\nlast_reviewed: 2026-01-01\n")
    assert problems(records) == [
        "organisations/vzw-samen.yml:1: sources: vermeld minstens één bron (een id uit practices/sources/) "
        "voor de feiten in dit record",
        "taalcafe.yml:5: sources: vermeld minstens één bron (een id uit practices/sources/) "
        "voor de feiten in dit record",
    ]


def test_an_unknown_field_names_the_field_probably_meant(records: Path) -> None:
    write_record(records, "taalcafe.yml", PRACTICE + "sucess_factors:\n  - Vrijwilligers\n")
    assert problems(records) == [
        "taalcafe.yml:7: sucess_factors: onbekend veld 'sucess_factors'; bedoel je 'success_factors'?"
    ]


def test_an_unknown_field_in_a_group_lists_what_is_allowed_there(records: Path) -> None:
    text = PRACTICE + "contact:\n  role: ambtenaar\n  telefoon: '015'\n  source: bron-test\n"
    write_record(records, "taalcafe.yml", text)
    assert problems(records) == [
        "taalcafe.yml:9: contact.telefoon: onbekend veld 'telefoon'; "
        "hier kan: email, phone, role, service, source, url"
    ]


def test_every_problem_of_every_file_is_reported_in_one_run(records: Path) -> None:
    write_record(records, "een.yml", practice(city="city: nergens"))
    write_record(records, "twee.yml", practice(last_reviewed="last_reviewed: 2030-01-01"))
    write_record(records, "drie.yml", "title: [\n")
    found = problems(records)
    assert [line.split(":")[0] for line in found] == ["drie.yml", "een.yml", "twee.yml"]


def test_a_number_where_text_is_expected_asks_for_quotes(records: Path) -> None:
    text = "name: Hulplijn 1712\nshort_name: 1712\nsources: [bron-test]\nlast_reviewed: 2026-01-01\n"
    write_record(records, "organisations/hulplijn-1712.yml", text)
    assert problems(records) == [
        "organisations/hulplijn-1712.yml:2: short_name: '1712' leest YAML als een getal; "
        "zet het tussen aanhalingstekens ('1712') om er tekst van te maken"
    ]


def test_an_empty_required_field_says_to_fill_it_in(records: Path) -> None:
    write_record(records, "taalcafe.yml", practice(title="title:"))
    assert problems(records) == [
        "taalcafe.yml:1: title: dit veld is leeg; vul het in, of laat de regel weg als het veld optioneel is"
    ]


def test_errors_in_fields_named_like_types_keep_their_path(records: Path) -> None:
    text = PRACTICE + "contact:\n  role: ambtenaar\n  url: www.stad.be\n  source: bron-test\n"
    write_record(records, "taalcafe.yml", text)
    text = "milestones:\n  - title: Start\n    source: bron-test\nsources: [bron-test]\n"
    write_record(records, "cities/stad.yml", text + "last_reviewed: 2026-01-01\n")
    assert problems(records) == [
        "cities/stad.yml:2: milestones[0].date: dit veld is verplicht; vul het in",
        "taalcafe.yml:9: contact.url: 'www.stad.be' is geen webadres; schrijf het volledig, beginnend met https://",
    ]


def test_a_former_municipality_names_its_successor_and_the_merger(records: Path) -> None:
    write_record(records, "taalcafe.yml", practice(city="city: oudstad", cities="cities: [Oudstad]"))
    assert problems(records) == [
        "taalcafe.yml:3: city: Oudstad is sinds 1 januari 2025 een deel van Teststad (fictief); schrijf 'teststad'",
        "taalcafe.yml:7: cities[0]: Oudstad is sinds 1 januari 2025 een deel van Teststad (fictief); schrijf 'teststad'",
    ]


def test_a_municipality_without_a_city_record_needs_no_city_file(records: Path) -> None:
    write_record(records, "taalcafe.yml", practice(city="city: dorp"))
    assert problems(records) == []


def test_a_practice_without_a_lead_needs_other_municipalities(records: Path) -> None:
    write_record(records, "taalcafe.yml", practice(no_lead="no_lead: true"))
    assert problems(records) == [
        "taalcafe.yml:7: no_lead: `no_lead: true` zegt dat gemeenten als gelijken samenwerken, maar `cities` "
        "is leeg; zet de andere gemeenten in `cities`, of haal `no_lead` weg"
    ]
    write_record(records, "taalcafe.yml", practice(no_lead="no_lead: true", cities="cities: [dorp]"))
    assert problems(records) == []
