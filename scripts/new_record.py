"""Start a new record from a commented template: `python scripts/new_record.py KIND ID [--city CITY]`.

KIND is practice, profile (a city record), organisation, network or source; ID is the file name
without `.yml`, in kebab-case. The file goes to the right folder of the records folder ($KB_RECORDS_DIR
or practices/), with a modeline that lets an editor with the YAML language server autocomplete and
check the fields.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import yaml

from macros.contributing import cli, schema, templates
from macros.records import knowledge, reference
from macros.records.kinds import KIND_FOLDERS, KINDS, VOCABULARY_MODELS
from macros.records.loading import slug
from macros.records.problems import printable

_KEBAB = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def target_path(root: Path, kind: str, record_id: str) -> Path:
    """Where a record of `kind` named `record_id` lives below the records folder `root`."""
    return root / KIND_FOLDERS[kind] / f"{record_id}.yml"


def vocabulary_ids(root: Path) -> dict[str, list[str]]:
    """Stem -> `id (label)` of each term of every readable vocabulary of the records folder, for the
    template's comments: the id to write, the label to recognise it by."""
    found: dict[str, list[str]] = {}
    for stem in VOCABULARY_MODELS:
        path = root / "vocabulary" / f"{stem}.yml"
        try:
            terms = yaml.safe_load(path.read_text(encoding="utf-8"))["terms"]
            found[stem] = [f"{term['id']} ({term['label']})" for term in terms]
        except (OSError, yaml.YAMLError, KeyError, TypeError):
            continue  # the template is still useful without the list; validate.py reports the file
    return found


def main(argv: list[str] | None = None) -> int:
    # What a contributor reads under --help, so in Dutch like every message of the validator.
    parser = cli.Parser("Begin een nieuw record met een sjabloon dat elk veld uitlegt.")
    *first, last = KIND_FOLDERS
    kinds = f"{', '.join(first)} of {last}"
    parser.add_argument("kind", metavar="soort", choices=list(KIND_FOLDERS), help=kinds)
    parser.add_argument(
        "id", help="de id, ook de bestandsnaam: kleine letters, cijfers en koppeltekens (buddywerking-gent)"
    )
    parser.add_argument("--city", metavar="STAD", help="bij een praktijk: de id van de stad die ze trekt")
    parser.add_argument(
        "--dir", metavar="MAP", help="de map met records (standaard: $KB_RECORDS_DIR of practices/)"
    )
    parser.add_argument(
        "--date",
        metavar="JJJJ-MM-DD",
        type=dt.date.fromisoformat,
        default=None,
        help="de datum voor last_reviewed (standaard: vandaag)",
    )
    args = parser.parse_args(argv)
    if not _KEBAB.fullmatch(args.id):
        message = (
            f"'{printable(args.id)}' is geen geldige id: gebruik kleine letters, cijfers en koppeltekens"
        )
        print(f"{message}, bijvoorbeeld '{slug(args.id)}'", file=sys.stderr)
        return 2
    if args.city and args.kind != "practice":
        parser.error("--city kan alleen bij een praktijk")
    root = knowledge.records_root(args.dir)
    path = target_path(root, args.kind, args.id)
    if path.exists():
        print(f"{path} bestaat al; pas dat bestand aan, of kies een andere id", file=sys.stderr)
        return 2
    if args.city and args.city not in reference.load(root)[0].municipalities:
        # A practice needs no city file, only a municipality of the reference data.
        where = KINDS["city"].where
        print(f"let op: '{printable(args.city)}' is geen stad of gemeente uit {where}; kijk de id daar na")
    schema_ref = os.path.relpath(schema.SCHEMA_DIR / schema.schema_file_name(args.kind), path.parent)
    text = templates.record_template(
        args.kind,
        args.id,
        Path(schema_ref).as_posix(),
        args.date or dt.date.today(),
        args.city,
        vocabulary_ids(root),
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(
        f"{path} geschreven; vul de verplichte velden in en controleer met: python scripts/validate.py {path}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
