"""What a hostile or careless contributor can put in the records folder, and the exact line each gets.

Every class of attack from the issue on untrusted input has a test here: characters, files and folders
that are not records, floods, YAML features no record needs, forged output, numbers as people write
them, and one mistake giving one message. The pages themselves are in tests/test_hostile_records.py.
"""

from __future__ import annotations

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
        "networks/ en sources/, vocabularia in vocabulary/, referentiegegevens in reference/; verplaats de "
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
