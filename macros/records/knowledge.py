"""The knowledge base: every record of a records folder, loaded and validated once.

Pipeline: files -> `read_record` (lines kept) -> model validation -> cross-record checks
(`macros.records.checks`) -> `KnowledgeBase`. Every later stage (pages, diagrams, exports) reads the
knowledge base, never YAML.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gc
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, TypeVar, get_origin

from pydantic import BaseModel, TypeAdapter, ValidationError

from macros.records import checks, reference, schema_errors
from macros.records.kinds import (
    KIND_FOLDERS,
    KINDS,
    RECORD_MODELS,
    REFERENCE_FOLDER,
    RESERVED_IDS,
    VOCABULARY_MODELS,
)
from macros.records.loading import RawRecord, read_limited, read_record, record_from_bytes, scan
from macros.records.models import (
    City,
    FlowKind,
    Instrument,
    LearningCondition,
    LearningNetwork,
    Municipality,
    Organisation,
    Practice,
    Question,
    SizeClass,
    Source,
    Term,
)
from macros.records.problems import Problem, RecordsInvalid, Severity, field_path

DEFAULT_ROOT = Path(__file__).resolve().parents[2] / "practices"
"""The shipped records folder."""

M = TypeVar("M", bound=BaseModel)


TODAY_ENV = "KB_TODAY"
"""Environment variable: the day (YYYY-MM-DD) the validator and the build count from instead of the real
date. The tests set it, so that no record of theirs turns stale or lies in the future as the years pass."""


def current_date() -> dt.date:
    """The day records are checked against (two years since `last_reviewed` is stale, a later date is
    in the future): $KB_TODAY when set, else the real date. The only place the validator and the build
    read the clock."""
    fixed = os.environ.get(TODAY_ENV)
    if not fixed:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(fixed)
    except ValueError:
        raise ValueError(f"{TODAY_ENV}={fixed!r}: write the date as YYYY-MM-DD") from None


def records_root(explicit: str | Path | None = None) -> Path:
    """The records folder: an explicit one, else `$KB_RECORDS_DIR`, else the shipped `practices/`."""
    chosen = explicit or os.environ.get("KB_RECORDS_DIR") or DEFAULT_ROOT
    return Path(chosen).resolve()


@dataclass
class KnowledgeBase:
    """Every validated record, by kind and id, with the file each came from."""

    root: Path
    practices: dict[str, Practice] = field(default_factory=dict)
    municipalities: dict[str, Municipality] = field(default_factory=dict)
    """Every municipality of the reference data, by id: the ids `city` references take."""
    profiles: dict[str, City] = field(default_factory=dict)
    """What a city record adds to its municipality (`practices/cities/<id>.yml`), by municipality id."""
    organisations: dict[str, Organisation] = field(default_factory=dict)
    networks: dict[str, LearningNetwork] = field(default_factory=dict)
    questions: dict[str, Question] = field(default_factory=dict)
    """Leervragen: what officers want to learn (`practices/questions/`)."""
    sources: dict[str, Source] = field(default_factory=dict)
    themes: dict[str, Term] = field(default_factory=dict)
    instruments: dict[str, Instrument] = field(default_factory=dict)
    size_classes: dict[str, SizeClass] = field(default_factory=dict)
    flow_kinds: dict[str, FlowKind] = field(default_factory=dict)
    conditions: dict[str, LearningCondition] = field(default_factory=dict)
    reference: reference.Reference = field(default_factory=reference.Reference)
    """The reference data as read: its sources, former municipalities, map shapes, lines."""
    raw: dict[tuple[str, str], RawRecord] = field(default_factory=dict)
    """(kind, id) -> the file as read, for line numbers; vocabularies use kind `vocabulary`."""
    file_ids: dict[str, set[str]] = field(default_factory=dict)
    """Kind -> the id of every record file found, also of files that failed: a reference to a record
    with a mistake of its own is not a second mistake."""
    derived: dict[str, Any] = field(default_factory=dict)
    """What later stages compute once per build (graphs, exports), kept here so that it is released
    with the build's knowledge base: no module keeps anything between builds."""
    partial: dict[tuple[str, str], Any] = field(default_factory=dict)
    """(kind, id) -> a record that failed its model, built from the fields that passed, so that the
    checks can report the other problems of that file in the same run. Never rendered."""

    def __post_init__(self) -> None:
        # Built once: the page renderers look kinds up hundreds of thousands of times. Loading fills
        # these dicts in place, so the mapping stays current.
        self._by_kind: dict[str, dict[str, Any]] = {
            name: getattr(self, kind.attribute) for name, kind in KINDS.items()
        }
        self._labels: dict[str, dict[str, str]] = {}
        """Kind -> id -> label, made on first use (after loading): links ask for labels 170,000 times
        at 3,000 practices."""

    def known_ids(self, kind: str) -> set[str] | dict[str, Any]:
        """The ids a reference to `kind` may use: every record file of that kind, or every term or
        municipality."""
        return self.file_ids.get(kind, set()) if kind in KIND_FOLDERS else self.records_of(kind)

    def records_of(self, kind: str) -> dict[str, Any]:
        """The records (`practice`, `city`, ...) or vocabulary terms (`theme`, `size_class`, ...) of one
        kind, by id: the kinds that references point to and that pages are made for."""
        return self._by_kind[kind]

    def terms_of(self, stem: str) -> dict[str, Term]:
        """The terms of the vocabulary file `stem` (`themes`, `size-classes`, ...), by id, in file order."""
        terms: dict[str, Term] = self.records_of(_KIND_OF_VOCABULARY[stem])
        return terms

    def label(self, kind: str, record_id: str) -> str:
        """The Dutch label of a vocabulary term, or a record's title or name: what a link to it shows."""
        labels = self._labels.get(kind)
        if labels is None:
            if kind == "profile":  # a city record is named by its municipality
                labels = {
                    rid: self.municipalities[rid].name for rid in self.profiles if rid in self.municipalities
                }
            else:
                labels = {rid: _label_of(entry) for rid, entry in self.records_of(kind).items()}
            self._labels[kind] = labels
        return labels[record_id]

    def path_of(self, kind: str, record_id: str) -> Path:
        """The file a record came from."""
        return self.raw[(kind, record_id)].path

    def problem(
        self,
        kind: str,
        record_id: str,
        loc: tuple[str | int, ...],
        message: str,
        severity: Severity = "error",
    ) -> Problem:
        """A problem located at `loc` (a field path) in the file of a record."""
        raw = self.raw[(kind, record_id)]
        return Problem(raw.path, raw.line_of(loc), field_path(loc), message, severity)


def _label_of(entry: BaseModel) -> str:
    fields = type(entry).model_fields
    for name in ("label", "title", "name", "question"):
        if name in fields and getattr(entry, name):
            return str(getattr(entry, name))
    raise TypeError(f"{type(entry).__name__} has no label, title or name")


@dataclass
class RecordCache:
    """Records that passed their model, by file and bytes: `mkdocs serve` keeps one between rebuilds, so
    that a file whose bytes are unchanged is neither parsed nor validated again (at 3,000 practices
    that is most of loading). Model validation reads nothing but the file, and the models are frozen,
    so a kept record is the record the file gives. A file that failed is not kept: its messages may
    name other files."""

    kept: dict[tuple[str, Path], tuple[bytes, RawRecord, BaseModel, tuple[Problem, ...]]] = field(
        default_factory=dict
    )

    def get(self, kind: str, path: Path, data: bytes) -> tuple[RawRecord, BaseModel, list[Problem]] | None:
        found = self.kept.get((kind, path))
        if found is None or found[0] != data:
            return None
        return found[1], found[2], list(found[3])

    def keep(
        self, kind: str, path: Path, data: bytes, raw: RawRecord, record: BaseModel, problems: list[Problem]
    ) -> None:
        self.kept[(kind, path)] = (data, raw, record, tuple(problems))

    def retain(self, files: list[tuple[str, Path]]) -> None:
        """Forget the files that are gone."""
        present = set(files)
        for key in [key for key in self.kept if key not in present]:
            del self.kept[key]


def load(
    root: Path, today: dt.date | None = None, strict: bool = False, cache: RecordCache | None = None
) -> tuple[KnowledgeBase, list[Problem]]:
    """Read and validate every record below `root`; return the knowledge base and all problems found.

    The knowledge base holds the records that passed model validation; only use it when no problem
    is an error. Dates are checked against `today`, by default `current_date()` ($KB_TODAY or the real date).
    With a `cache`, a record file whose bytes it holds is taken from it, and every file that passes is
    kept in it.
    """
    kb = KnowledgeBase(root=root)
    with no_cycle_collection():
        files, problems = scan(
            root, KIND_FOLDERS, VOCABULARY_MODELS, RESERVED_IDS, (REFERENCE_FOLDER, reference.FILES)
        )
        problems += _load_vocabularies(kb)
        kb.reference, reference_problems = reference.load(root)
        kb.municipalities.update(kb.reference.municipalities)
        problems += reference_problems
        for kind, path in files:
            kb.file_ids.setdefault(kind, set()).add(path.stem)
        hints = schema_errors.Hints()

        def explain(kind: str, value: str) -> str | None:
            return checks.explain_reference(kb, kind, value, hints)

        for kind, path in files:
            problems += _load_record(kb, kind, path, explain, cache)
        if cache is not None:
            cache.retain(files)
        problems += checks.run_all(kb, today or current_date(), strict)
    return kb, sorted(problems)


@contextlib.contextmanager
def no_cycle_collection() -> Iterator[None]:
    """Pause Python's cycle collector while loading (or generating pages).

    Loading creates hundreds of thousands of objects that all stay alive, so every collection rescans
    a growing heap for cycles it will not find: on 3,000 practices that was a third of the run, and
    a cost that grows faster than the corpus. Memory is still freed by reference counting; the
    collector resumes afterwards. Nested use keeps it paused until the outermost block ends.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        # No gc.freeze() here: it would keep any cyclic garbage of this load forever, a leak under a
        # long `mkdocs serve`. Short-lived commands (validate.py) keep the collector off instead.
        if was_enabled:
            gc.enable()


def build(
    root: Path | None = None,
    today: dt.date | None = None,
    strict: bool = False,
    cache: RecordCache | None = None,
) -> KnowledgeBase:
    """Load and validate; raise `RecordsInvalid` with every problem when any of them is an error."""
    kb, problems = load(root or records_root(), today, strict, cache)
    if any(p.severity == "error" for p in problems):
        raise RecordsInvalid(problems)
    return kb


def _validate(
    raw: RawRecord, model: type[M], explain: schema_errors.Explain | None = None
) -> tuple[M | None, list[Problem], ValidationError | None]:
    try:
        return model.model_validate(raw.data), [], None
    except ValidationError as exc:
        return None, schema_errors.to_problems(raw, model, exc, explain), exc


def _load_record(
    kb: KnowledgeBase, kind: str, path: Path, explain: schema_errors.Explain, cache: RecordCache | None
) -> list[Problem]:
    record_id = path.stem
    data = None
    if cache is None:
        raw, problems = read_record(path)
    else:
        try:
            data = read_limited(path)
        except OSError:
            raw, problems = read_record(path)  # says why it cannot be read
        else:
            kept = cache.get(kind, path, data) if data is not None else None
            if kept is not None:
                kb.raw[(kind, record_id)], kb.records_of(kind)[record_id], problems = kept
                return problems
            raw, problems = record_from_bytes(path, data)
    if raw is None:
        return problems
    kb.raw[(kind, record_id)] = raw
    model = RECORD_MODELS[kind]
    record, schema_problems, error = _validate(raw, model, explain)
    if record is not None:
        kb.records_of(kind)[record_id] = record
        if cache is not None and data is not None:
            cache.keep(kind, path, data, raw, record, problems)
    elif error is not None:
        kb.partial[(kind, record_id)] = _partial(raw, model, error)
    return problems + schema_problems


def _partial(raw: RawRecord, model: type[M], error: ValidationError) -> M:
    """The record with only the top-level fields that are valid on their own; the rest empty."""
    failed = {e["loc"][0] for e in error.errors() if e["loc"]}
    values = {}
    for name, info in model.model_fields.items():
        key = info.alias or name
        if key in raw.data and key not in failed:
            try:
                values[name] = _field_adapter(model, name).validate_python(raw.data[key])
            except ValidationError:
                continue
    for name, info in model.model_fields.items():
        if name not in values and info.is_required():
            # Unset, or invalid: the checks read it as empty; its own problem is already reported.
            values[name] = [] if get_origin(info.annotation) is list else None
    return model.model_construct(**values)


@functools.cache
def _field_adapter(model: type[BaseModel], name: str) -> TypeAdapter[Any]:
    """A validator of one field of a model, with the field's constraints."""
    info = model.model_fields[name]
    annotated: Any = Annotated[info.annotation, *info.metadata] if info.metadata else info.annotation
    return TypeAdapter(annotated)


_KIND_OF_VOCABULARY = {kind.vocabulary: name for name, kind in KINDS.items() if kind.vocabulary}


def _load_vocabularies(kb: KnowledgeBase) -> list[Problem]:
    problems: list[Problem] = []
    for stem, model in VOCABULARY_MODELS.items():
        path = kb.root / "vocabulary" / f"{stem}.yml"
        if not path.is_file():
            problems.append(
                Problem(
                    path,
                    1,
                    "",
                    f"de woordenlijst ontbreekt; maak {path.name} aan (zie de andere lijsten in vocabulary/)",
                )
            )
            continue
        raw, read_problems = read_record(path)
        if raw is None:
            problems += read_problems
            continue
        kb.raw[("vocabulary", stem)] = raw
        vocabulary, schema_problems, _ = _validate(raw, model)
        problems += schema_problems
        if vocabulary is not None:
            target = kb.records_of(_KIND_OF_VOCABULARY[stem])
            target.update((term.id, term) for term in vocabulary.terms)
    return problems
