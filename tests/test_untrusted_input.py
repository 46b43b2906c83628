"""What a hostile or careless contributor can put in the records folder, and the exact line each gets.

Every class of attack from the issue on untrusted input has a test here: characters, files and folders
that are not records, floods, YAML features no record needs, forged output, numbers as people write
them, and one mistake giving one message. The pages themselves are in tests/test_hostile_records.py.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError
from records_folder import PRACTICE, TODAY, add_municipality, write_record
from test_hostile_records import MAXIMAL, _fields

from macros.pages import exports
from macros.records import knowledge
from macros.records.kinds import RECORD_MODELS, VOCABULARY_MODELS
from macros.records.loading import MAX_FILE_BYTES
from macros.records.models import MAX_ACTORS, MAX_ITEMS, MAX_PROSE, MAX_TEXT, _no_hidden_characters
from macros.records.schema_errors import Hints

REPO = Path(__file__).resolve().parent.parent


def problems(root: Path) -> list[str]:
    _, found = knowledge.load(root, today=TODAY)
    return [p.format(root) for p in found]


def write_bytes(root: Path, relative: str, data: bytes) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


# --- characters ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("char", "name"),
    [
        ("\x0c", "U+000C (stuurteken)"),
        ("\x00", "U+0000 (stuurteken)"),
        ("\x85", "U+0085 (stuurteken)"),
        ("\x7f", "U+007F (stuurteken)"),
        ("\u202e", "U+202E (right-to-left override)"),
        ("\u200b", "U+200B (zero width space)"),
    ],
    ids=["form feed", "NUL", "C1", "DEL", "bidi override", "zero width"],
)
def test_a_control_or_invisible_character_is_reported_with_line_and_code_point(
    records: Path, char: str, name: str
) -> None:
    write_bytes(records, "taalcafe.yml", PRACTICE.replace("Taalcafé", f"Taal{char}café").encode())
    assert problems(records) == [
        f"taalcafe.yml:1: de regel bevat het onzichtbare teken {name}, "
        "vaak meegekopieerd uit een tekstverwerker; verwijder het"
    ]


# --- files and folders that are not records --------------------------------------------------------


def test_a_symlink_is_refused_without_reading_its_target(records: Path) -> None:
    (records / "x.yml").symlink_to("/etc/passwd")
    (records / "cities" / "lus.yml").symlink_to(records / "cities" / "lus.yml")
    done = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "validate.py"), str(records)],
        capture_output=True,
        text=True,
        cwd=records,
        check=False,
        env={**os.environ, "KB_TODAY": TODAY.isoformat()},  # the day the minimal records are fresh on
    )
    message = "dit is een symbolische link; de kennisbank leest alleen gewone bestanden en volgt geen links. "
    message += "Zet het record zelf in de map"
    assert done.stdout.splitlines() == [f"cities/lus.yml:1: {message}", f"x.yml:1: {message}"]
    assert "root:" not in done.stdout + done.stderr
    assert done.returncode == 1


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("taalcafe.YML", "een record eindigt op `.yml`; hernoem het bestand naar 'taalcafe.yml'"),
        ("taalcafe.yaml", "een record eindigt op `.yml`; hernoem het bestand naar 'taalcafe.yml'"),
        (
            "taalcafe.yml.txt",
            "hier horen alleen records, bestanden die op `.yml` eindigen; verplaats of verwijder dit bestand",
        ),
        (
            "notities.md",
            "hier horen alleen records, bestanden die op `.yml` eindigen; verplaats of verwijder dit bestand",
        ),
        (
            "LEESMIJ",
            "hier horen alleen records, bestanden die op `.yml` eindigen; verplaats of verwijder dit bestand",
        ),
        ("taalcafe.yml~", "dit lijkt een reservekopie van een editor; verwijder het bestand"),
        ("taalcafe.yml.bak", "dit lijkt een reservekopie van een editor; verwijder het bestand"),
        (".#taalcafe.yml", "dit lijkt een reservekopie van een editor; verwijder het bestand"),
    ],
)
def test_a_file_that_is_not_a_record_is_reported_never_skipped(
    records: Path, name: str, message: str
) -> None:
    write_bytes(records, name, PRACTICE.encode())
    assert problems(records) == [f"{name}:1: {message}"]


def test_a_folder_named_like_a_record_and_a_stray_folder_are_reported(records: Path) -> None:
    (records / "taalcafe.yml").mkdir()
    (records / "cities" / "oud").mkdir()
    assert problems(records) == [
        "cities/oud:1: deze map hoort hier niet: records staan in practices/ zelf of in cities/, organisations/, "
        "networks/, questions/ en sources/, vocabularia in vocabulary/, referentiegegevens in reference/; "
        "verplaats de "
        "bestanden en verwijder de map",
        "taalcafe.yml:1: dit is een map, geen bestand; een record is één .yml-bestand",
    ]


def test_a_file_name_is_kebab_case_in_full_and_at_most_80_characters(records: Path) -> None:
    write_bytes(records, "taalcafe\n.yml", PRACTICE.encode())
    write_bytes(records, f"{'a' * 81}.yml", PRACTICE.encode())
    write_bytes(records, "Taalcafé Kwakelbeek.yml", PRACTICE.encode())
    assert problems(records) == [
        "Taalcafé Kwakelbeek.yml:1: de bestandsnaam is de id van het record: kleine letters zonder accenten, "
        "cijfers en koppeltekens; hernoem het bestand naar 'taalcafe-kwakelbeek.yml'",
        f"{'a' * 81}.yml:1: de bestandsnaam is 81 tekens lang; kort hem in tot hoogstens 80",
        "taalcafe\\n.yml:1: de bestandsnaam is de id van het record: kleine letters zonder accenten, "
        "cijfers en koppeltekens; hernoem het bestand naar 'taalcafe.yml'",
    ]


def test_an_id_that_a_generated_page_uses_is_refused(records: Path) -> None:
    write_record(records, "index.yml", PRACTICE)
    add_municipality(records, "index", "Index (fictief)")
    write_record(records, "cities/index.yml", "sources: [bron-test]\nlast_reviewed: 2026-01-15\n")
    message = "de id 'index' is voorbehouden voor een pagina die de site zelf maakt"
    line = len((records / "reference" / "municipalities.csv").read_text(encoding="utf-8").splitlines())
    assert problems(records) == [
        f"cities/index.yml:1: {message}; kies een andere bestandsnaam",
        f"index.yml:1: {message}; kies een andere bestandsnaam",
        f"reference/municipalities.csv:{line}: id: {message}",
    ]


# --- floods ---------------------------------------------------------------------------------------------


def test_a_file_over_the_size_limit_is_not_read(records: Path) -> None:
    write_bytes(records, "groot.yml", PRACTICE.encode() + b"# " + b"x" * MAX_FILE_BYTES + b"\n")
    assert problems(records) == [
        "groot.yml:1: het bestand is groter dan 100 kB; een record is korter (splits het, of kort de tekst in)"
    ]


def test_anchors_and_aliases_are_refused(records: Path) -> None:
    bomb = PRACTICE + "description: &a lang\ntarget_groups: [*a, *a, *a]\n"
    write_record(records, "taalcafe.yml", bomb)
    assert problems(records) == [
        "taalcafe.yml:7: ankers (`&naam`) en verwijzingen (`*naam`) zijn niet toegestaan; schrijf de tekst "
        "voluit (staat er een & of * aan het begin van een tekst, zet de tekst dan tussen aanhalingstekens)"
    ]


def test_a_tag_that_hides_text_is_refused(records: Path) -> None:
    write_record(records, "taalcafe.yml", PRACTICE + "description: !!binary PHNjcmlwdD4=\n")
    assert problems(records) == [
        "taalcafe.yml:7: YAML-tags zoals '!!binary' zijn niet toegestaan; schrijf de waarde gewoon uit, zonder `!`"
    ]


def test_texts_lists_and_networks_have_limits_with_the_limit_in_the_message(records: Path) -> None:
    text = PRACTICE.replace("Inwoners oefenen samen Nederlands.", "x" * 601)
    text += "description: " + "y" * (MAX_PROSE + 1) + "\n"
    text += "approach:\n" + "".join(f"  - stap {i}\n" for i in range(MAX_ITEMS + 1))
    text += "pitfalls: ['" + "z" * (MAX_TEXT + 1) + "']\n"
    write_record(records, "taalcafe.yml", text)
    actors = "".join(f"    - id: a{i}\n      name: Actor {i}\n" for i in range(MAX_ACTORS))
    city = "network:\n  actors:\n    - id: stad\n      city: netstad\n" + actors
    write_record(
        records,
        "cities/netstad.yml",
        city + "  sources: [bron-test]\nsources: [bron-test]\nlast_reviewed: 2026-01-15\n",
    )
    assert problems(records) == [
        "cities/netstad.yml:2: network.actors: de lijst heeft 101 items; hier kunnen er hoogstens 100",
        "taalcafe.yml:2: summary: de tekst is 601 tekens lang; hier kan hoogstens 600",
        "taalcafe.yml:7: description: de tekst is 10001 tekens lang; hier kan hoogstens 10000",
        "taalcafe.yml:8: approach: de lijst heeft 51 items; hier kunnen er hoogstens 50",
        "taalcafe.yml:60: pitfalls[0]: de tekst is 1001 tekens lang; hier kan hoogstens 1000",
    ]


@pytest.mark.parametrize("kind", [*RECORD_MODELS, *VOCABULARY_MODELS])
def test_every_text_and_every_list_of_every_model_has_a_limit(kind: str) -> None:
    model: type[BaseModel] = {**RECORD_MODELS, **VOCABULARY_MODELS}[kind]
    for path, annotation, metadata in _fields(model):
        if annotation is str:
            assert any(getattr(m, "max_length", None) or getattr(m, "pattern", None) for m in metadata), path
    for path, limit in _list_limits(model):
        assert limit is not None, f"{path} is a list without max_length"


def _list_limits(model: type[BaseModel], prefix: str = "") -> list[tuple[str, int | None]]:
    from typing import get_args, get_origin

    from test_hostile_records import _unwrap

    found = []
    for name, info in model.model_fields.items():
        annotation, metadata = _unwrap(info.annotation)
        if get_origin(annotation) is list:
            bounds = [m.max_length for m in [*info.metadata, *metadata] if getattr(m, "max_length", None)]
            found.append((prefix + name, min(bounds) if bounds else None))
            inner, _ = _unwrap(get_args(annotation)[0])
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                found += _list_limits(inner, prefix + name + "[].")
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
            found += _list_limits(annotation, prefix + name + ".")
    return found


def test_thousands_of_unknown_ids_stay_cheap(records: Path) -> None:
    # 20,000 ids do not fit in a record file; 5,000 do, and the list is refused at its length, so no
    # did-you-mean runs for its items at all.
    many = "".join(f"    - o{i}\n" for i in range(20_000))
    write_record(records, "groot.yml", PRACTICE + "transferability:\n  adapted_from:\n" + many)
    ids = "".join(f"    - o{i}\n" for i in range(5_000))
    write_record(records, "taalcafe.yml", PRACTICE + "transferability:\n  adapted_from:\n" + ids)
    assert problems(records) == [
        "groot.yml:1: het bestand is groter dan 100 kB; een record is korter (splits het, of kort de tekst in)",
        "taalcafe.yml:8: transferability.adapted_from: de lijst heeft 5000 items; hier kunnen er hoogstens 50",
    ]


def test_did_you_mean_runs_a_bounded_number_of_times() -> None:
    hints = Hints(budget=3)
    choices = {"taal", "werk", "wonen"}
    assert [hints.did_you_mean(v, choices) for v in ("tal", "wrek", "wonn", "taall")] == [
        "; bedoel je 'taal'?",
        "; bedoel je 'werk'?",
        "; bedoel je 'wonen'?",
        "",
    ]
    assert hints.did_you_mean("tal", choices) == "; bedoel je 'taal'?", "a value seen before is remembered"


# --- output hygiene -----------------------------------------------------------------------------------


def test_a_value_cannot_forge_a_line_or_a_ci_annotation(records: Path) -> None:
    forged = "taal\\n::error file=README.md,line=1::boem\\u001b[31m"
    write_record(records, "taalcafe.yml", PRACTICE.replace("themes: [taal]", f'themes: ["{forged}"]'))
    write_bytes(records, "a\x1b[31m.yml", PRACTICE.encode())
    lines = problems(records)
    assert lines == [
        "a\\x1b[31m.yml:1: de bestandsnaam is de id van het record: kleine letters zonder accenten, cijfers en "
        "koppeltekens; hernoem het bestand naar 'a-31m.yml'",
        "taalcafe.yml:4: themes[0]: 'taal\\n::error file=README.md,line=1::boem\\x1b[31m' is geen geldige id; "
        "gebruik kleine letters, cijfers en koppeltekens, zoals 'stad-mechelen'",
    ]
    assert all("\n" not in line and "\x1b" not in line for line in lines)


def test_a_quoted_value_is_shortened(records: Path) -> None:
    write_record(records, "taalcafe.yml", PRACTICE.replace("themes: [taal]", f"themes: [{'x' * 75}]"))
    [line] = problems(records)
    assert "'" + "x" * 59 + "…' is geen thema" in line


def test_json_refuses_nan_and_infinity() -> None:
    with pytest.raises(ValueError):
        exports._json_bytes({"value": float("inf")})


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_a_csv_cell_that_would_start_a_formula_is_neutralised(cell: str) -> None:
    assert exports.spreadsheet_safe(cell) == "'" + cell
    assert exports.spreadsheet_safe("1 januari") == "1 januari"


# --- numbers and text as people write them -----------------------------------------------------------


CITY = "population:\n  value: {value}\n  source: bron-test\n{extra}sources: [bron-test]\nlast_reviewed: 2026-01-15\n"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            "87.000",
            "'87.000' leest YAML niet als 87.000 inwoners maar als een kommagetal; schrijf 87000, zonder punten",
        ),
        (
            "1.234.567",
            "'1.234.567' leest YAML niet als 1.234.567 inwoners maar als een kommagetal; schrijf 1234567, zonder punten",
        ),
        ("87000.5", "87000.5 is geen geheel getal; een aantal inwoners schrijf je als 87000"),
        (".inf", "dit is geen gewoon getal; schrijf cijfers, zoals 12500"),
    ],
)
def test_a_population_is_a_whole_number_written_without_separators(
    records: Path, value: str, message: str
) -> None:
    write_record(records, "cities/stad.yml", CITY.format(value=value, extra=""))
    assert problems(records) == [f"cities/stad.yml:2: population.value: {message}"]


def test_a_share_runs_from_0_to_100_and_a_fraction_gets_a_question(records: Path) -> None:
    share = "foreign_origin_share:\n  value: {}\n  source: bron-test\n"
    write_record(records, "cities/stad.yml", CITY.format(value=70000, extra=share.format(250)))
    write_record(records, "cities/dorp.yml", CITY.format(value=8000, extra=share.format(0.21)))
    assert problems(records) == [
        "cities/dorp.yml:5: foreign_origin_share.value: waarschuwing: een aandeel van 0,21 % is heel klein; "
        "bedoel je 21 %? Schrijf dan 21 (het veld is een percentage van 0 tot 100)",
        "cities/stad.yml:5: foreign_origin_share.value: '250' is te groot; het grootste getal hier is 100",
    ]


def test_text_cut_short_by_an_unquoted_hash_gets_a_warning(records: Path) -> None:
    write_record(records, "taalcafe.yml", PRACTICE.replace("title: Taalcafé", "title: Taalcafé #2 in de bib"))
    assert problems(records) == [
        "taalcafe.yml:1: waarschuwing: de tekst stopt vóór ' #': YAML leest alles vanaf ' #' als commentaar. "
        "Zet de hele tekst tussen aanhalingstekens als het # erbij hoort"
    ]


def test_a_comment_after_a_value_is_no_slip(records: Path) -> None:
    write_record(records, "taalcafe.yml", PRACTICE.replace("city: teststad", "city: teststad  # de trekker"))
    assert problems(records) == []


def test_a_list_item_indented_too_far_gets_a_warning(records: Path) -> None:
    write_record(
        records,
        "taalcafe.yml",
        PRACTICE + "approach:\n  - Eerst vrijwilligers zoeken\n    - dan een lokaal\n",
    )
    assert problems(records) == [
        "taalcafe.yml:9: waarschuwing: deze regel hoort bij de tekst van de regel erboven: het streepje staat te "
        "ver naar rechts. Zet het streepje recht onder dat van het vorige punt als dit een nieuw punt is"
    ]


# --- one mistake, one message ---------------------------------------------------------------------------


def test_a_record_with_a_mistake_still_counts_for_references(records: Path) -> None:
    write_record(
        records,
        "cities/teststad.yml",
        "bevolking: 5\nsources: [bron-test]\nlast_reviewed: 2026-01-15\n",
    )
    for i in range(3):
        write_record(records, f"praktijk-{i}.yml", PRACTICE)
    assert problems(records) == [
        "cities/teststad.yml:1: bevolking: onbekend veld 'bevolking'; hier kan: case_study, contact, "
        "foreign_origin_share, governance, instruments, last_reviewed, learning, milestones, network, "
        "population, sources"
    ]


def test_every_problem_of_one_file_comes_out_in_one_run(records: Path) -> None:
    text = PRACTICE.replace("themes: [taal]", "themes: [talen]") + "sumary: x\nperiod:\n  start: 2021-02-30\n"
    write_record(records, "taalcafe.yml", text)
    assert problems(records) == [
        "taalcafe.yml:4: themes[0]: 'talen' is geen thema uit practices/vocabulary/themes.yml; bedoel je 'taal'?",
        "taalcafe.yml:7: sumary: onbekend veld 'sumary'; bedoel je 'summary'?",
        "taalcafe.yml:9: period.start: '2021-02-30' is geen bestaande dag; 2021-02 heeft 28 dagen",
    ]


# --- every message is Dutch, for every field --------------------------------------------------------

ENGLISH = (
    "Input should",
    "Field required",
    "Value error",
    "valid ",
    " should ",
    "not allowed",
    "Extra inputs",
)


def _wrong_shapes(record: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path] if path else []
    if isinstance(record, dict):
        for key, value in record.items():
            found += _wrong_shapes(value, (*path, key))
    elif isinstance(record, list) and record:
        found += _wrong_shapes(record[0], (*path, 0))
    return found


def _replaced(record: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    head, *rest = path
    copy = dict(record) if isinstance(record, dict) else list(record)
    copy[head] = _replaced(copy[head], tuple(rest), value)
    return copy


@pytest.mark.parametrize("kind", list(RECORD_MODELS))
def test_every_field_answers_a_wrong_value_in_dutch(kind: str) -> None:
    from test_hostile_records import P

    _, record = MAXIMAL[kind]
    base = _replaced_slots(record, P)
    for path in _wrong_shapes(base):
        for wrong in ({"x": 1}, ["x"], "x" * 20_000, -5, True):
            try:
                RECORD_MODELS[kind].model_validate(_replaced(base, path, wrong))
            except ValidationError as exc:
                from macros.records.schema_errors import _message

                for error in exc.errors(include_url=False):
                    text = _message(error, set())
                    assert not any(word in text for word in ENGLISH), (path, wrong, text)


def _replaced_slots(value: Any, slot: Any) -> Any:
    if value is slot:
        return "tekst"
    if isinstance(value, dict):
        return {k: _replaced_slots(v, slot) for k, v in value.items()}
    if isinstance(value, list):
        return [_replaced_slots(v, slot) for v in value]
    return value


def test_a_yaml_escape_cannot_smuggle_a_hidden_character_into_a_text(records: Path) -> None:
    write_record(records, "taalcafe.yml", PRACTICE.replace("title: Taalcafé", 'title: "Taal\\x85café"'))
    assert problems(records) == [
        "taalcafe.yml:1: title: de tekst bevat het onzichtbare teken U+0085; verwijder het "
        "(een escape zoals \\x85 of \\u200b tussen aanhalingstekens maakt zo'n teken)"
    ]


def test_every_hidden_character_is_refused_in_a_text() -> None:
    # The check first asks `str.isprintable` whether the text has any character to look at: every
    # code point of the refused categories must make that answer False, or it would slip through.
    refused = [
        chr(code)
        for code in range(sys.maxunicode + 1)
        if chr(code) not in "\n\t" and unicodedata.category(chr(code)) in ("Cc", "Cf", "Zl", "Zp")
    ]
    assert len(refused) > 200
    for char in refused:
        with pytest.raises(ValueError, match="onzichtbare teken"):
            _no_hidden_characters(f"Taal{char}café")
    assert (
        _no_hidden_characters("Taal\tcafé\n\nmet\u00a0harde spatie") == "Taal\tcafé\n\nmet\u00a0harde spatie"
    )


def test_a_misspelt_required_field_gives_one_message(records: Path) -> None:
    write_record(records, "taalcafe.yml", PRACTICE.replace("title:", "titel:"))
    assert problems(records) == ["taalcafe.yml:1: titel: onbekend veld 'titel'; bedoel je 'title'?"]


# --- addresses: parsed as structures (issue 23, item 1) ---------------------------------------------


def _with_contact(**fields: str) -> str:
    """PRACTICE with a contact (role, the given fields, source), each value double-quoted."""
    lines = "".join(f"  {name}: {json.dumps(value, ensure_ascii=False)}\n" for name, value in fields.items())
    return PRACTICE + f"contact:\n  role: integratieambtenaar\n{lines}  source: bron-test\n"


@pytest.mark.parametrize(
    ("email", "message"),
    [
        (
            "integratie@aalst.be?bcc=aanvaller%40evil.example",
            "na het domein van 'integratie@aalst.be?bcc=aanvaller%40evil.example' staat nog iets (zoals "
            "?bcc= of ?subject=, of een tweede adres); schrijf alleen het adres, zoals integratie@gemeente.be",
        ),
        (
            "mailto:integratie@aalst.be",
            "schrijf het adres zonder 'mailto:' ervoor, dus 'integratie@aalst.be'; de site maakt de link zelf",
        ),
        (
            "Dienst Integratie <integratie@aalst.be>",
            "'Dienst Integratie <integratie@aalst.be>' is geen kaal e-mailadres; schrijf alleen het adres, "
            "zonder naam, spaties, aanhalingstekens of <>, zoals integratie@gemeente.be",
        ),
        (
            "integratie@aalst.be,aanvaller@evil.example",
            "'integratie@aalst.be,aanvaller@evil.example' is geen e-mailadres: er staat meer dan één @ in; "
            "schrijf één adres, zoals integratie@gemeente.be",
        ),
        (
            "integratie?bcc=aanvaller@aalst.be",
            "voor de @ in 'integratie?bcc=aanvaller@aalst.be' staan tekens die in een adres van een dienst "
            "niet horen; gebruik alleen letters zonder accenten, cijfers en . _ + -",
        ),
        (
            "integratie@co.uk",
            "het domein van 'integratie@co.uk' (co.uk) is geen domein dat iemand kan registreren, zoals "
            "gemeente.be; schrijf het adres als integratie@gemeente.be",
        ),
        (
            "integratie@aalst",
            "'integratie@aalst' is geen geldig e-mailadres; schrijf het als integratie@gemeente.be",
        ),
    ],
    ids=[
        "bcc after the domain",
        "mailto",
        "display name",
        "two addresses",
        "query in the local part",
        "public suffix",
        "no top-level domain",
    ],
)
def test_an_email_address_is_one_plain_address(records: Path, email: str, message: str) -> None:
    write_record(records, "taalcafe.yml", _with_contact(email=email))
    assert problems(records) == [f"taalcafe.yml:9: contact.email: {message}"]


@pytest.mark.parametrize(
    ("phone", "message"),
    [
        (
            "tel:015 29 76 66",
            "schrijf het nummer zonder 'tel:' ervoor, dus '015 29 76 66'; de site maakt de link zelf",
        ),
        (
            "1234567",
            "'1234567' is geen bestaand telefoonnummer; schrijf het met zonenummer, zoals 015 29 76 66, of "
            "internationaal, zoals +32 15 29 76 66",
        ),
    ],
)
def test_a_phone_number_is_one_that_exists_written_without_tel(
    records: Path, phone: str, message: str
) -> None:
    write_record(records, "taalcafe.yml", _with_contact(phone=phone))
    assert problems(records) == [f"taalcafe.yml:9: contact.phone: {message}"]


LOOKALIKE_LINK = "https://www.gent.be%2F…:x@evil.example/"
"""Read left to right it is gent.be; the browser goes to evil.example (all before the @ is a user name)."""


@pytest.mark.parametrize(
    ("url", "message"),
    [
        (
            LOOKALIKE_LINK,
            f"'{LOOKALIKE_LINK}' heeft een @ voor de domeinnaam: de link gaat dan naar wat na de @ staat, "
            "niet naar wat ervoor staat; schrijf alleen het adres van de pagina, zoals "
            "https://www.gemeente.be/integratie",
        ),
        (
            "https://gent%2ebe/integratie",
            "'https://gent%2ebe/integratie' heeft een %-code in de domeinnaam, die verbergt waar de link "
            "naartoe gaat; schrijf de domeinnaam met gewone letters, zoals https://www.gemeente.be/integratie",
        ),
        (
            "https://gent.be\\@evil.example/",
            "'https://gent.be\\@evil.example/' bevat een \\; schrijf / tussen de delen van een webadres",
        ),
        (
            "https://www.gent.be/integratie en inburgering",
            "'https://www.gent.be/integratie en inburgering' bevat een spatie; een webadres heeft er geen "
            "(schrijf een spatie in het pad als %20)",
        ),
        (
            "https://192.168.0.1/intranet",
            "de domeinnaam van 'https://192.168.0.1/intranet' is een IP-adres (192.168.0.1); schrijf het adres "
            "van de website, zoals https://www.gemeente.be",
        ),
        (
            "https://0x7f000001/",
            "de domeinnaam van 'https://127.0.0.1/' is een IP-adres (127.0.0.1); schrijf het adres van de "
            "website, zoals https://www.gemeente.be",
        ),
        (
            "https://localhost/beheer",
            "de domeinnaam van 'https://localhost/beheer' (localhost) is geen domein dat iemand kan "
            "registreren, zoals gemeente.be; schrijf het adres van de website, zoals https://www.gemeente.be",
        ),
        (
            "https://co.uk/",
            "de domeinnaam van 'https://co.uk/' (co.uk) is geen domein dat iemand kan registreren, zoals "
            "gemeente.be; schrijf het adres van de website, zoals https://www.gemeente.be",
        ),
        ("ftp://gent.be/", "'ftp://gent.be/' is geen webadres; schrijf het volledig, beginnend met https://"),
    ],
    ids=[
        "user name before the host",
        "percent in the host",
        "backslash",
        "space",
        "IP",
        "IP as a number",
        "localhost",
        "public suffix",
        "ftp",
    ],
)
def test_a_web_address_goes_where_it_reads(records: Path, url: str, message: str) -> None:
    write_record(records, "sources/bron-web.yml", f"title: Een webpagina\nurl: {json.dumps(url)}\n")
    assert problems(records) == [f"sources/bron-web.yml:2: url: {message}"]


def test_the_public_suffix_list_is_read_with_every_rule_the_package_knows() -> None:
    from publicsuffixlist import PublicSuffixList

    from macros.records import addresses

    package = PublicSuffixList(accept_unknown=False)
    assert addresses._suffixes()._publicsuffix == package._publicsuffix
    assert addresses.registrable_domain("www.xn--mnchen-3ya.de") == "xn--mnchen-3ya.de"
    assert addresses.registrable_domain("stad.xn--90ais") == "stad.xn--90ais"  # .бел, an IDN suffix


def _models() -> list[type[BaseModel]]:
    """Every model the records, the vocabularies and the reference data are made of."""
    from macros.records import models

    return [
        value
        for value in vars(models).values()
        if isinstance(value, type) and issubclass(value, models.Strict) and value is not models.Strict
    ]


def _leaf_fields(model: type[BaseModel]) -> list[tuple[str, Any]]:
    """(name, annotation with the field's own constraints) of every field of `model` that is not a
    model or a list of models; a list's item type for a list of values."""
    from typing import Annotated, get_args, get_origin

    from test_hostile_records import _unwrap

    leaves = []
    for name, info in model.model_fields.items():
        annotation: Any = Annotated[info.annotation, *info.metadata] if info.metadata else info.annotation
        bare, _ = _unwrap(annotation)
        if get_origin(bare) is list:
            annotation = get_args(bare)[0]
            bare, _ = _unwrap(annotation)
        if not (isinstance(bare, type) and issubclass(bare, BaseModel)):
            leaves.append((f"{model.__name__}.{info.alias or name}", annotation))
    return leaves


def test_every_web_address_field_of_every_model_refuses_a_user_name_before_the_host() -> None:
    from pydantic import HttpUrl, TypeAdapter
    from test_hostile_records import _unwrap

    web = [(path, a) for model in _models() for path, a in _leaf_fields(model) if _unwrap(a)[0] is HttpUrl]
    assert {path for path, _ in web} >= {"Contact.url", "Document.url", "Organisation.website", "Source.url"}
    for path, annotation in web:
        adapter: TypeAdapter[Any] = TypeAdapter(annotation)
        assert (
            str(adapter.validate_python("https://www.gent.be/integratie")) == "https://www.gent.be/integratie"
        )
        with pytest.raises(ValidationError, match="heeft een @ voor de domeinnaam"):
            adapter.validate_python(LOOKALIKE_LINK)
            pytest.fail(f"{path} accepts {LOOKALIKE_LINK}")


def _pages(root: Path) -> dict[str, str]:
    from macros import generate
    from macros.pages.context import Context

    return generate.markdown_of(
        generate.render_record_pages(Context(knowledge.build(root, today=TODAY), TODAY))
    )


def test_links_are_built_from_the_parsed_address_and_show_the_domain_they_go_to(records: Path) -> None:
    practice = _with_contact(
        email="Integratie+Taal@Aalst.BE",
        phone="015 29 76 66",
        url="https://www.gent.be.evil.example/integratie",
    )
    practice += "documents:\n  - title: Reglement van de stad Gent\n"
    practice += "    url: https://evil.example/www.gent.be/reglement.pdf\n    type: reglement\n"
    write_record(records, "taalcafe.yml", practice)
    page = _pages(records)["praktijken/taalcafe.md"]
    # The address as the model keeps it (domain in lower case); `+` percent-encoded in the link.
    assert '<a href="mailto:Integratie%2BTaal@aalst.be">Integratie+Taal@aalst.be</a>' in page
    assert '<a href="tel:+3215297666">015 29 76 66</a>' in page  # E.164, from the parsed number
    assert (
        '<a class="kb-url" rel="external" href="https://www.gent.be.evil.example/integratie">'
        'https://www.gent.be.evil.example/integratie</a> <span class="kb-host">(evil.example)</span>'
    ) in page
    assert (
        '<a rel="external" href="https://evil.example/www.gent.be/reglement.pdf">Reglement van de stad Gent</a> '
        '<span class="kb-host">(evil.example)</span>'
    ) in page


# --- characters and numbers (issue 23, item 5) ------------------------------------------------------


@pytest.mark.parametrize(
    ("escape", "message"),
    [
        (
            "\\uFE0F",
            "de tekst bevat de onzichtbare variatiekiezer U+FE0F (die komt vaak mee met een emoji); "
            "verwijder hem, en de emoji ervoor als die er staat",
        ),
        (
            "\\U000E0101",
            "de tekst bevat de onzichtbare variatiekiezer U+E0101 (die komt vaak mee met een emoji); "
            "verwijder hem, en de emoji ervoor als die er staat",
        ),
        ("\\u3164", "de tekst bevat het opvulteken U+3164, dat er als een lege plek uitziet; verwijder het"),
        ("\\u115F", "de tekst bevat het opvulteken U+115F, dat er als een lege plek uitziet; verwijder het"),
        (
            "\\uE000",
            "de tekst bevat U+E000, een teken voor eigen gebruik dat elk lettertype anders of niet toont; "
            "verwijder het of vervang het door een gewoon teken",
        ),
        ("\\u0378", "de tekst bevat U+0378, een code waaraan Unicode geen teken toekent; verwijder het"),
    ],
    ids=[
        "variation selector",
        "variation selector supplement",
        "Hangul filler",
        "Hangul choseong filler",
        "private use",
        "unassigned",
    ],
)
def test_a_variation_selector_filler_private_use_or_unassigned_character_is_refused(
    records: Path, escape: str, message: str
) -> None:
    write_record(records, "taalcafe.yml", PRACTICE.replace("title: Taalcafé", f'title: "Taal{escape}café"'))
    assert problems(records) == [f"taalcafe.yml:1: title: {message}"]


HIDDEN = ["\ufe0f", "\U000e0101", "\u180b", "\u3164", "\u115f", "\uffa0", "\u034f", "\ue000", "\U000f0000"]
HIDDEN += ["\u0378", "\U0001fffe", "\u200b", "\x85"]
"""Variation selectors, fillers, private-use and unassigned code points, and two the loader already
refused as raw bytes (a zero-width space, a C1 control)."""

SAMPLES = {
    "^[a-z0-9]": "kbx-id",
    "{4}(-": "2020-05",
    "{5}$": "12345",
    "^\\+?[0-9]": "015 29 76 66",
    "^[a-z]{2}$": "nl",
}
"""A valid value of each field with a fixed form, by a part of its pattern."""


def _sample(annotation: Any) -> Any:
    """A valid value for a field, as text where the field takes text."""
    import datetime as dt
    from typing import Literal, get_args, get_origin

    from pydantic import HttpUrl
    from test_hostile_records import _unwrap

    bare, metadata = _unwrap(annotation)
    pattern = next((m.pattern for m in metadata if getattr(m, "pattern", None)), None)
    if bare is HttpUrl:
        return "https://www.kbx.example/pagina"
    if get_origin(bare) is Literal:
        return get_args(bare)[0]
    if bare is str and any(getattr(m, "json_schema_extra", None) == {"format": "email"} for m in metadata):
        return "dienst@kbx.example"
    if bare is str:
        return next((v for part, v in SAMPLES.items() if pattern and part in pattern), "tekst")
    return {int: 2020, float: 12.5, bool: True, dt.date: "2024-03-01"}[bare]


def test_every_field_of_every_model_refuses_invisible_private_and_unassigned_characters() -> None:
    from pydantic import TypeAdapter

    checked = 0
    for model in _models():
        for path, annotation in _leaf_fields(model):
            adapter: TypeAdapter[Any] = TypeAdapter(annotation)
            valid = str(_sample(annotation))
            adapter.validate_python(valid)  # the sample is valid: a refusal below is the character's
            middle = len(valid) // 2
            for char in HIDDEN:
                with pytest.raises(ValidationError):
                    adapter.validate_python(valid[:middle] + char + valid[middle:])
                    pytest.fail(f"{path} accepts U+{ord(char):04X}")
            checked += 1
    assert checked > 100


@pytest.mark.parametrize(
    ("period", "message"),
    [
        (
            "  start: 2020\n  end: ２０１０\n",
            "period.end: '２０１０' is geen datum; schrijf JJJJ, JJJJ-MM of JJJJ-MM-DD, bijvoorbeeld 2024-03",
        ),
        (
            "  start: ٢٠١٠-٠٣\n",
            "period.start: '٢٠١٠-٠٣' is geen datum; schrijf JJJJ, JJJJ-MM of JJJJ-MM-DD, bijvoorbeeld 2024-03",
        ),
    ],
    ids=["fullwidth", "Arabic-Indic"],
)
def test_a_date_has_ascii_digits(records: Path, period: str, message: str) -> None:
    write_record(records, "taalcafe.yml", PRACTICE + "period:\n" + period)
    [line] = problems(records)
    assert line.startswith("taalcafe.yml:") and line.split(": ", 1)[1] == message


def test_dates_and_years_lie_within_sane_bounds(records: Path) -> None:
    # TODAY is 2026-11-23: a plan may end up to 2032, a page is read and a source published by today.
    practice = PRACTICE + "period:\n  start: '0000'\n  end: 2040\n"
    practice += "documents:\n  - title: Reglement\n    url: https://www.kbx.example/r.pdf\n"
    practice += "    type: reglement\n    year: 2099\n"
    write_record(records, "taalcafe.yml", practice)
    write_record(records, "sources/bron-web.yml", "title: Een webpagina\nyear: 2030\naccessed: 9999-12-31\n")
    write_record(records, "sources/bron-plan.yml", "title: Een meerjarenplan\nyear: 2026\n")
    write_record(
        records,
        "taalcafe-2.yml",
        PRACTICE.replace("Taalcafé", "Taalcafé 2") + "period:\n  start: 2026-09\n  end: 2032\n",
    )
    assert problems(records) == [
        "sources/bron-web.yml:2: year: '2030' ligt na dit jaar (2026); wat een bron zegt, komt niet uit de "
        "toekomst: verbeter het jaar",
        "sources/bron-web.yml:3: accessed: 9999-12-31 ligt in de toekomst; vul de datum van vandaag in, of "
        "een eerdere",
        "taalcafe.yml:8: period.start: '0000' ligt voor 1800; schrijf het jaar voluit, zoals 2012",
        "taalcafe.yml:9: period.end: '2040' ligt meer dan 6 jaar na dit jaar (2026); ook een gepland einde "
        "of keerpunt ligt hoogstens in 2032. Verbeter het jaar",
        "taalcafe.yml:14: documents[0].year: '2099' ligt na dit jaar (2026); wat een bron zegt, komt niet "
        "uit de toekomst: verbeter het jaar",
    ]


# --- names a reader cannot tell apart (issue 23, item 5) ---------------------------------------------

ORGANISATION = "name: {}\nsources: [bron-test]\nlast_reviewed: 2026-01-15\n"


def test_names_that_only_look_different_are_refused_naming_the_twin(records: Path) -> None:
    from records_folder import add_municipality

    write_record(records, "organisations/stad-gent.yml", ORGANISATION.format("Stad Gent"))
    cyrillic = ORGANISATION.format("Stad G\u0435nt")  # a Cyrillic е
    write_record(records, "organisations/stad-gent-2.yml", cyrillic)
    write_record(records, "organisations/ocmw.yml", ORGANISATION.format("OCMW Teststad"))
    write_record(records, "organisations/ocmw-2.yml", ORGANISATION.format("ocmw  teststad"))
    add_municipality(records, "dorp-2", "D\u043erp (fictief)")  # Cyrillic о; Dorp (fictief) is row 6
    write_record(records, "sources/bericht-a.yml", "title: Dialoog vindt oplossingen\npublisher: Krant A\n")
    write_record(records, "sources/bericht-b.yml", "title: Dialoog vindt oplossingen\npublisher: Krant B\n")
    write_record(records, "sources/bericht-c.yml", "title: Dialoog vindt op1ossingen\npublisher: Krant C\n")
    write_record(records, "sources/bericht-d.yml", "title: Dialoog Vindt Oplossingen\npublisher: Krant D\n")
    lookalike = (
        "ze verschillen alleen in tekens die er hetzelfde uitzien (zoals een Cyrillische а voor een a), in "
        "hoofdletters of in spaties; schrijf de {0} zoals daar, of maak ze echt anders"
    )
    # Sources may share a title, also but for case (bericht-d); one written with a digit 1 for an l may not.
    title = (
        "ze verschillen alleen in tekens die er hetzelfde uitzien (zoals een Cyrillische а voor een a), of "
        "in spaties; schrijf de titel zoals daar, of maak ze echt anders"
    )
    assert problems(records) == [
        "organisations/ocmw-2.yml:1: name: 'ocmw  teststad' is niet te onderscheiden van 'OCMW Teststad', "
        "de naam van organisations/ocmw.yml: " + lookalike.format("naam"),
        "organisations/ocmw.yml:1: name: 'OCMW Teststad' is niet te onderscheiden van 'ocmw  teststad', "
        "de naam van organisations/ocmw-2.yml: " + lookalike.format("naam"),
        "organisations/stad-gent-2.yml:1: name: 'Stad Gеnt' is niet te onderscheiden van 'Stad Gent', de "
        "naam van organisations/stad-gent.yml: " + lookalike.format("naam"),
        "organisations/stad-gent.yml:1: name: 'Stad Gent' is niet te onderscheiden van 'Stad Gеnt', de "
        "naam van organisations/stad-gent-2.yml: " + lookalike.format("naam"),
        "reference/municipalities.csv:6: name: 'Dorp (fictief)' is niet te onderscheiden van 'Dоrp "
        "(fictief)', de naam van regel 13 van municipalities.csv: " + lookalike.format("naam"),
        "reference/municipalities.csv:13: name: 'Dоrp (fictief)' is niet te onderscheiden van 'Dorp "
        "(fictief)', de naam van regel 6 van municipalities.csv: " + lookalike.format("naam"),
        "sources/bericht-a.yml:1: title: 'Dialoog vindt oplossingen' is niet te onderscheiden van 'Dialoog "
        "vindt op1ossingen', de titel van sources/bericht-c.yml: " + title,
        "sources/bericht-b.yml:1: title: 'Dialoog vindt oplossingen' is niet te onderscheiden van 'Dialoog "
        "vindt op1ossingen', de titel van sources/bericht-c.yml: " + title,
        "sources/bericht-c.yml:1: title: 'Dialoog vindt op1ossingen' is niet te onderscheiden van 'Dialoog "
        "vindt oplossingen', de titel van sources/bericht-a.yml: " + title,
    ]


def test_two_organisations_with_the_same_name_are_refused(records: Path) -> None:
    write_record(records, "organisations/buurtwerk.yml", ORGANISATION.format("Buurtwerk Teststad"))
    write_record(records, "organisations/buurtwerk-2.yml", ORGANISATION.format("Buurtwerk Teststad"))
    assert problems(records) == [
        "organisations/buurtwerk-2.yml:1: name: organisations/buurtwerk.yml heeft dezelfde naam, en twee met "
        "dezelfde naam zijn niet uit elkaar te houden; geef elk een eigen naam, of gebruik "
        "organisations/buurtwerk.yml",
        "organisations/buurtwerk.yml:1: name: organisations/buurtwerk-2.yml heeft dezelfde naam, en twee met "
        "dezelfde naam zijn niet uit elkaar te houden; geef elk een eigen naam, of gebruik "
        "organisations/buurtwerk-2.yml",
    ]


def test_the_skeleton_data_is_still_one_prototype_per_group() -> None:
    """`macros.records.lookalike` finds each character's prototype on the assumption that every group
    in the package's data is a star: one prototype and its sources. An upgrade that broke it fails here."""
    from collections import defaultdict

    from confusable_homoglyphs.confusables import confusables_data

    from macros.records.lookalike import skeleton

    partners: defaultdict[str, set[str]] = defaultdict(set)
    for source, entries in confusables_data.items():
        for entry in entries:
            a, b = source.replace("\u200e", ""), entry["c"].replace("\u200e", "")
            partners[a].add(b)
            partners[b].add(a)
    for node, others in partners.items():
        if len(others) > 1:
            assert all(len(partners[other]) == 1 for other in others), node
    assert skeleton("\u0410\u0430\u043e\u0435") == skeleton("Aaoe")  # Cyrillic А а о е
    assert skeleton("Ieper") == skeleton("leper") and skeleton("m") == skeleton("rn")
    assert skeleton("Gent") != skeleton("Genk") and skeleton("Gënt") != skeleton("Gent")


# --- exports (issue 23, item 6) ----------------------------------------------------------------------


def test_a_csv_cell_is_cut_at_excels_limit_with_a_marker_and_the_json_keeps_it_whole(records: Path) -> None:
    import csv
    import io

    steps = "".join(f"  - '{i:02d} {'x' * (MAX_TEXT - 3)}'\n" for i in range(MAX_ITEMS))
    write_record(records, "taalcafe.yml", PRACTICE + "approach:\n" + steps)
    kb = knowledge.build(records, today=TODAY)
    rows = list(
        csv.DictReader(
            io.StringIO(exports.records_csv(kb, "practice", TODAY).decode("utf-8-sig")), delimiter=";"
        )
    )
    approach = rows[0]["approach"]
    marker = " … [ingekort: de volledige tekst staat in praktijken.json]"
    assert len(approach) == 32_767 and approach.endswith(marker)
    assert approach.startswith("00 xxx")
    whole = json.loads(exports.records_json(kb, "practice", TODAY))["records"]["taalcafe"]["approach"]
    assert len("; ".join(whole)) == MAX_ITEMS * MAX_TEXT + (MAX_ITEMS - 1) * 2


def test_a_cell_is_counted_as_excel_counts_and_never_cut_inside_a_character() -> None:
    cut = exports.cut_cell("😀" * 20_000, "praktijken.json")  # two UTF-16 units each
    assert len(cut.encode("utf-16-le")) // 2 <= 32_767
    assert cut.startswith("😀" * 16_000) and "\ud83d" not in cut
    assert exports.cut_cell("x" * 32_767, "praktijken.json") == "x" * 32_767


# --- privacy of contacts (issue 20, item 4) ----------------------------------------------------------


@pytest.mark.parametrize(
    ("email", "provider"),
    [
        ("an.peeters1975@gmail.com", "gmail.com"),
        ("integratie@hotmail.be", "hotmail.be"),
        ("dienst.integratie@outlook.com", "outlook.com"),
        ("taalcafe@yahoo.fr", "yahoo.fr"),
        ("info@mail.telenet.be", "telenet.be"),
        ("vzw@skynet.be", "skynet.be"),
        ("buurtwerk@proximus.be", "proximus.be"),
    ],
)
def test_an_address_at_a_mail_provider_for_private_persons_is_refused(
    records: Path, email: str, provider: str
) -> None:
    write_record(records, "taalcafe.yml", _with_contact(email=email))
    assert problems(records) == [
        f"taalcafe.yml:9: contact.email: '{email}' is een adres bij {provider}, een maildienst voor "
        "privépersonen; geef het functionele adres van de dienst (zoals integratie@gemeente.be), nooit een "
        "persoonlijk adres"
    ]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        (
            "phone",
            "0476 12 34 56",
            "'0476 12 34 56' is een gsm-nummer: is het het nummer van een dienst en niet van een persoon? "
            "Geef anders het algemene nummer van de dienst",
        ),
        (
            "phone",
            "+32 476 12 34 56",
            "'+32 476 12 34 56' is een gsm-nummer: is het het nummer van een dienst en niet van een persoon? "
            "Geef anders het algemene nummer van de dienst",
        ),
        (
            "email",
            "jan.peeters@teststad.be",
            "'jan.peeters@teststad.be' ziet eruit als voornaam.naam@: is het het adres van een dienst en niet "
            "van een persoon? Geef anders het algemene adres van de dienst",
        ),
    ],
    ids=["mobile", "mobile, international", "voornaam.naam"],
)
def test_a_mobile_number_or_a_persons_address_gets_a_question(
    records: Path, field: str, value: str, message: str
) -> None:
    write_record(records, "taalcafe.yml", _with_contact(**{field: value}))
    assert problems(records) == [f"taalcafe.yml:9: contact.{field}: waarschuwing: {message}"]


def test_a_service_address_and_a_landline_pass_without_a_question(records: Path) -> None:
    contact = _with_contact(email="asiel.vluchtelingen@teststad.be", phone="015 29 76 66")
    write_record(records, "taalcafe.yml", contact)
    write_record(
        records, "taalcafe-2.yml", _with_contact(email="integratie@teststad.be", phone="0800 11 341")
    )
    assert problems(records) == []


def test_every_contact_of_every_record_kind_is_checked() -> None:
    """The checks find contacts by type, so a contact a model gains later is checked too."""
    from macros.records import checks
    from macros.records.models import Contact, Practice

    found = {
        (model.__name__, name)
        for model in _models()
        for name, _, kind, _ in checks._plan(model)
        if kind == "contact"
    }
    assert ("Practice", "contact") in found
    assert all(
        (model.__name__, name) in found
        for model in _models()
        for name, info in model.model_fields.items()
        if Contact in getattr(info.annotation, "__args__", (info.annotation,))
    )
    assert Practice in {m for m in _models()}


def test_the_issue_form_converter_refuses_a_private_address_and_asks_about_a_mobile_number(
    records: Path,
) -> None:
    from test_issue_form import SUBMITTED, VALID, issue_body

    from macros.contributing import issue_answers

    answers = {
        **VALID,
        "Stad of gemeente": "Demostad (fictief)",
        "Bronnen": "Verslag taalcafé 2023 https://www.demostad.example/taalcafe-2023",
    }
    private = {**answers, "Contact: e-mailadres van de dienst": "an.peeters1975@gmail.com"}
    outcome = issue_answers.convert(issue_body(private), records, SUBMITTED, issue=9)
    assert not outcome.ok
    assert [f"{f.severity}: {f.question}: {f.message}" for f in outcome.findings] == [
        "error: Contact: e-mailadres van de dienst: contact.email: 'an.peeters1975@gmail.com' is een adres "
        "bij gmail.com, een maildienst voor privépersonen; geef het functionele adres van de dienst (zoals "
        "integratie@gemeente.be), nooit een persoonlijk adres",
    ]
    mobile = {**answers, "Contact: telefoonnummer van de dienst": "0476 12 34 56"}
    outcome = issue_answers.convert(issue_body(mobile), records, SUBMITTED, issue=9)
    assert outcome.ok  # a question, not an error: the maintainer confirms it in the pull request
    assert [f"{f.severity}: {f.question}: {f.message}" for f in outcome.findings] == [
        "warning: Contact: telefoonnummer van de dienst: contact.phone: waarschuwing: '0476 12 34 56' is een "
        "gsm-nummer: is het het nummer van een dienst en niet van een persoon? Geef anders het algemene "
        "nummer van de dienst",
    ]
