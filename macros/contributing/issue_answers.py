"""Turn a submitted "Nieuwe praktijk" issue into record files, through the same validator as any record.

GitHub renders each answer of an issue form as `### <label>`, an empty line and the answer;
`_No response_` when it was left empty; the options of a multiple dropdown joined by `, `; a checkbox
as `- [X] <text>`. Every answer is untrusted text: it is only ever split, trimmed and matched against
the form's options, never evaluated, and it reaches the records folder only as YAML written by PyYAML's
safe dumper, after the whole records folder with the new files in it has passed validation in a
temporary copy. When anything is wrong, nothing is written and the messages say which question to fix.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from slugify import slugify

from macros.contributing import issue_form
from macros.records import knowledge
from macros.records.kinds import KIND_FOLDERS
from macros.records.knowledge import KnowledgeBase
from macros.records.loading import MAX_ID_CHARS
from macros.records.models import MAX_ITEMS, Practice
from macros.records.problems import Problem, printable

NO_RESPONSE = "_No response_"
"""What GitHub writes for a question left empty."""

_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
_URL = re.compile(r"https?://[^\s<>\"'\[\]()]+", re.IGNORECASE)
"""A web address: a fixed start and one run of characters, so one pass (no backtracking)."""
_ID_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")
SOURCE_ID_CHARS = 60
"""The longest id made for a source from its title: room for a `-2` when the id is taken."""


@dataclass(frozen=True)
class Finding:
    """One thing to tell the contributor: which question, and what the validator (or the form) says."""

    question: str
    """The label of the question to fix, as the form shows it."""
    message: str
    """`field: message` as the validator says it, or a message about the form itself."""
    line: str = ""
    """The validator's own line, `practices/x.yml:3: title: ...`, when there is one."""
    severity: str = "error"


@dataclass
class Outcome:
    """What a conversion produced: the files (written only when nothing is an error) and findings."""

    practice_id: str
    title: str = ""
    """The practice's title as the contributor wrote it (untrusted: shown only as plain text)."""
    files: dict[Path, str] = field(default_factory=dict)
    """Path below the records folder -> YAML text."""
    findings: list[Finding] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    folder: str = "practices"
    """The name of the records folder, for the paths a contributor reads."""
    kind: str = "practice"
    """The kind of record the form makes: `practice`, `question`."""

    def shown(self, path: Path) -> str:
        """`practices/sources/x.yml`: a file as it appears in the repository."""
        return (Path(self.folder) / path).as_posix()

    @property
    def ok(self) -> bool:
        return not any(f.severity == "error" for f in self.findings)


# --- reading the issue body ------------------------------------------------------------------------------


def sections(body: str, labels: Iterable[str] | None = None) -> tuple[dict[str, str], list[Finding]]:
    """Label -> answer text for every question of the form found in `body`; empty answers are ''.

    Only a heading that is a label of the form starts a new answer, so `### ` inside an answer stays
    text. A label found twice is reported, since either answer could be the meant one. Plain string
    operations only: one pass over the body, whatever its lines hold.
    """
    known = set(issue_form.labels() if labels is None else labels)
    answers: dict[str, list[str]] = {}
    findings: list[Finding] = []
    current: list[str] | None = None
    for line in body.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        label = line[4:].rstrip(" \t") if line.startswith("### ") else ""
        if label in known:
            if label in answers:
                findings.append(Finding(label, "deze vraag staat twee keer in het issue; houd één antwoord"))
            current = answers.setdefault(label, [])
            current.clear()
        elif current is not None:
            current.append(line)
    texts = {label: "\n".join(lines).strip() for label, lines in answers.items()}
    return {label: "" if text == NO_RESPONSE else text for label, text in texts.items()}, findings


def lines_of(answer: str) -> list[str]:
    """One item per non-empty line, without the `- `, `* ` or `1. ` a contributor may type before it."""
    items = (_without_marker(line).strip() for line in answer.split("\n"))
    return [item for item in items if item]


def _without_marker(line: str) -> str:
    """`line` without a list marker (`-`, `*`, `•`, or one or two digits and `.` or `)`) and the spaces
    after it; a line without one as it is."""
    rest = line.lstrip()
    if rest[:1] in ("-", "*", "•"):
        after = rest[1:]
    else:
        digits = len(rest[:2]) - len(rest[:2].lstrip("0123456789"))
        after = rest[digits + 1 :] if digits and rest[digits : digits + 1] in (".", ")") else ""
    return after.lstrip() if after[:1].isspace() else line


def piece_count(answer: str) -> int:
    """How many pieces GitHub's `, ` between the options of a dropdown makes of `answer`."""
    return answer.count(", ") + 1 if answer else 0


def chosen(answer: str, shown: dict[str, str]) -> list[str]:
    """The ids of the options in a dropdown answer (`shown` maps option text -> id).

    Options are joined by `, ` and a label may hold a comma itself (`Sport, jeugd en vrije tijd`), so
    the longest run of pieces that is an option wins; no run is longer than the option with the most
    pieces, so the time is linear in the answer. A piece that is no option is kept as an id-like text,
    so that the validator names it and suggests the nearest id.
    """
    pieces = [piece.strip() for piece in answer.split(", ")] if answer else []
    longest = max((piece_count(text) for text in shown), default=1)
    by_label = {option.rsplit(" (", 1)[0].casefold(): rid for option, rid in shown.items()}
    ids = set(shown.values())
    found: list[str] = []
    start = 0
    while start < len(pieces):
        for end in range(min(len(pieces), start + longest), start, -1):
            text = ", ".join(pieces[start:end])
            if text in shown:
                found.append(shown[text])
                start = end
                break
        else:
            found.append(_unknown_option(pieces[start], ids, by_label))
            start += 1
    return [value for value in found if value]


def _unknown_option(text: str, ids: set[str], by_label: dict[str, str]) -> str:
    """An answer that is none of the options: the id it names in parentheses, a label or id typed by
    hand, or else the text as an id would spell it."""
    if text.endswith(")"):
        inner = text[text.rfind("(") + 1 : -1]
        if "(" in text and inner and set(inner) <= _ID_CHARS:
            return inner
    if text in ids:
        return text
    return by_label.get(text.casefold()) or slugify(text, max_length=MAX_ID_CHARS) or text


def agreement_findings(answer: str) -> list[Finding]:
    """A finding for every agreement that is not ticked."""
    ticked = set()
    for line in answer.split("\n"):
        rest = line.lstrip()
        if rest[:6] in ("- [x] ", "- [X] ") and rest[6:].rstrip():
            ticked.add(rest[6:].rstrip())
    return [
        Finding(issue_form.AGREEMENTS_LABEL, f"vink deze afspraak aan: {text}")
        for text in issue_form.AGREEMENTS
        if text not in ticked
    ]


def cap_findings(answers: dict[str, str], kb: KnowledgeBase) -> list[Finding]:
    """A finding for every answer with more pieces than the form can give: more options than its
    dropdown offers (counting the pieces of a label with a comma), more lines than its list takes.
    Past a cap the conversion stops before it reads anything else, so that a 65 kB answer costs no more
    than reading it once."""
    findings = []
    for form_field in issue_form.fields():
        label = form_field.question.label
        answer = answers.get(label, "")
        if not answer:
            continue
        if form_field.widget == "dropdown":
            options = [text for _, text in issue_form.options(form_field, kb)]
            pieces = [piece_count(text) for text in options] or [1]
            cap = sum(pieces) if form_field.multiple else max(pieces)
            found = piece_count(answer)
            if found > cap:
                findings.append(Finding(label, _too_many_pieces(found, form_field, len(options))))
        elif form_field.widget in ("lines", "sources"):
            cap = _max_items(form_field)
            found = sum(1 for line in answer.split("\n") if line.strip())
            if found > cap:
                lines = _number(found)
                message = f"dit antwoord telt {lines} regels; er passen er hoogstens {cap}, één per regel"
                findings.append(Finding(label, message))
    return findings


def _too_many_pieces(found: int, form_field: issue_form.Field, options: int) -> str:
    pieces = f"dit antwoord telt {_number(found)} stukken tussen komma's"
    if not form_field.multiple:
        return f"{pieces}; kies er één uit de lijst"
    return f"{pieces}, meer dan alle {options} keuzes van de lijst samen; kies alleen uit de lijst"


def _number(value: int) -> str:
    """`2500` -> `2.500`, as a Dutch reader writes it."""
    return f"{value:,}".replace(",", ".")


def _max_items(form_field: issue_form.Field) -> int:
    """The most items the field's list takes, as the `Practice` model says."""
    info = Practice.model_fields[form_field.question.path[0]]
    limits = [int(item.max_length) for item in info.metadata if getattr(item, "max_length", None)]
    return min(limits, default=MAX_ITEMS)


# --- building the records -----------------------------------------------------------------------------


def practice_id(title: str, city: str | None, fallback: str) -> str:
    """The id of a new practice: its title as a slug, then the city (`taalcafe-bibliotheek-aalst`)."""
    suffix = city if city and _ID.fullmatch(city) else ""
    room = MAX_ID_CHARS - (len(suffix) + 1 if suffix else 0)
    base = slugify(title, max_length=room, word_boundary=True) if title else ""
    if suffix and base != suffix and not base.endswith(f"-{suffix}"):
        base = f"{base}-{suffix}" if base else suffix
    return base or fallback


def _set(data: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    for key in path[:-1]:
        data = data.setdefault(key, {})
    data[path[-1]] = value


def practice_data(
    answers: dict[str, str], kb: KnowledgeBase, spec: issue_form.Form | None = None
) -> dict[str, Any]:
    """The record's fields from the answers (of the practice form by default), in the order of the form;
    empty answers are left out. Sources are added by `source_records`."""
    data: dict[str, Any] = {}
    for form_field in issue_form.fields(spec):
        answer = answers.get(form_field.question.label, "")
        if form_field.widget == "dropdown" and answer == "None":
            continue  # what GitHub may write for an optional dropdown left on its first entry
        if not answer or form_field.widget == "sources":
            continue
        value: Any
        if form_field.question.path == ("city",):
            value = municipality_id(answer, kb)
        elif form_field.widget == "dropdown":
            shown = {text: rid for rid, text in issue_form.options(form_field, kb)}
            ids = chosen(answer, shown)
            value = ids if form_field.multiple else ", ".join(ids)
        elif form_field.widget == "lines":
            value = lines_of(answer)
        else:
            value = answer
        if value:
            _set(data, form_field.question.path, value)
    return data


def municipality_id(answer: str, kb: KnowledgeBase) -> str:
    """The id a typed municipality names: `Boortmeerbeek`, `boortmeerbeek` and `Sint Niklaas` all give
    the id as python-slugify spells it. A former or misspelt name keeps that spelling, so that the
    validator names the merged municipality or the closest ones."""
    text = " ".join(answer.split())
    by_name = {m.name.casefold(): mid for mid, m in kb.municipalities.items()}
    return by_name.get(text.casefold()) or slugify(text, max_length=MAX_ID_CHARS) or text


def with_status_and_contact(
    data: dict[str, Any], cited: list[str], new: dict[str, dict[str, Any]], submitted: dt.date
) -> None:
    """What the form cannot ask and the model requires: the status and the contact each name a
    source. The status is what the first source said when the contributor read it (the submission's
    month); the contact was seen on the source with the same web address host, else the first."""
    first = cited[0] if cited else None
    status = data.get("status")
    if isinstance(status, dict) and status.get("state") in ("lopend", "afgerond") and first:
        status |= {"source": first, "date": f"{submitted.year}-{submitted.month:02d}"}
    contact = data.get("contact")
    if isinstance(contact, dict) and first:
        host = _host(str(contact.get("url", "")))
        same = [sid for sid in cited if host and _host(str(new.get(sid, {}).get("url", ""))) == host]
        contact["source"] = same[0] if same else first


def _host(url: str) -> str:
    return url.split("://", 1)[-1].split("/", 1)[0].casefold() if "://" in url else ""


def source_lines(answer: str) -> list[tuple[str, str | None]]:
    """(title, url) of each line of the sources answer: the first web address on the line is the url,
    the rest of the line (without separators) the title."""
    found = []
    for line in lines_of(answer):
        match = _URL.search(line)
        url = match.group().rstrip(".,;:") if match else None
        rest = line[: match.start()] + " " + line[match.end() :] if match else line
        title = re.sub(r"\s+", " ", rest).strip(" -–—|:;,[]()<>")
        found.append((title, url))
    return found


def source_records(
    answer: str, kb: KnowledgeBase, submitted: dt.date
) -> tuple[list[str], dict[str, dict[str, Any]]]:
    """The source ids a practice cites, and the new source records (id -> fields) to write.

    A web address that an existing source already has is cited by that source's id; a new source gets
    an id from its title, with `-2`, `-3` when the id is taken.
    """
    by_url = {str(source.url).rstrip("/"): sid for sid, source in kb.sources.items() if source.url}
    taken = set(kb.file_ids.get("source", set()))
    cited: list[str] = []
    new: dict[str, dict[str, Any]] = {}
    for title, url in source_lines(answer):
        existing = by_url.get(url.rstrip("/")) if url else None
        if existing:
            cited.append(existing)
            continue
        base = slugify(title or url or "", max_length=SOURCE_ID_CHARS, word_boundary=True) or "bron"
        source_id, number = base, 1
        while source_id in taken:
            number += 1
            source_id = f"{base}-{number}"
        taken.add(source_id)
        record: dict[str, Any] = {"title": title} if title else {}
        if url:
            record |= {"url": url, "accessed": submitted}
            by_url[url.rstrip("/")] = source_id
        new[source_id] = record
        cited.append(source_id)
    return list(dict.fromkeys(cited)), new


class _RecordDumper(yaml.SafeDumper):
    """PyYAML's safe dumper that never writes an anchor, and writes text of several lines as a block."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_RecordDumper.add_representer(str, _text)


def dump(data: dict[str, Any], comment: str) -> str:
    """YAML text of a record, with a comment line on top."""
    text = yaml.dump(data, Dumper=_RecordDumper, sort_keys=False, allow_unicode=True, width=100)
    return f"# {printable(comment)}\n{text}"


# --- converting and validating ------------------------------------------------------------------------


def convert(body: str, root: Path, submitted: dt.date, issue: int | None = None) -> Outcome:
    """Read the answers in `body`, make the record files, validate them with every record of `root`
    (in a temporary copy) and return the outcome. Nothing is written to `root`; see `write`."""
    answers, findings = sections(body)
    findings += agreement_findings(answers.get(issue_form.AGREEMENTS_LABEL, ""))
    kb, _ = knowledge.load(root, today=submitted)
    fallback = f"praktijk-issue-{issue}" if issue else "nieuwe-praktijk"
    caps = cap_findings(answers, kb)
    if caps:  # nothing more is read, made or validated
        return Outcome(fallback, findings=findings + caps, folder=root.name)
    data = practice_data(answers, kb)
    record_id = practice_id(str(data.get("title", "")), data.get("city"), fallback)
    outcome = Outcome(record_id, str(data.get("title", "")), findings=findings, folder=root.name)
    cited, new_sources = source_records(answers.get(_label("sources"), ""), kb, submitted)
    if cited:
        data["sources"] = cited
    with_status_and_contact(data, cited, new_sources, submitted)
    data["last_reviewed"] = submitted
    origin = f"uit issue #{issue}" if issue else "uit een issue"
    practice_file = Path(KIND_FOLDERS["practice"]) / f"{record_id}.yml"
    if (root / practice_file).exists() or record_id in kb.file_ids.get("practice", set()):
        message = (
            f"er bestaat al een praktijk met de id '{record_id}' ({root.name}/{practice_file.as_posix()}); "
            "geef je praktijk een andere naam, of stel een wijziging aan die praktijk voor"
        )
        outcome.findings.append(Finding(_label("title"), message))
    outcome.files[practice_file] = dump(data, f"Voorgesteld {origin} met het formulier Nieuwe praktijk.")
    for source_id, record in new_sources.items():
        path = Path(KIND_FOLDERS["source"]) / f"{source_id}.yml"
        outcome.files[path] = dump(record, f"Bron van praktijk {record_id}, voorgesteld {origin}.")
    outcome.findings += _validate(outcome.files, root, submitted)
    return outcome


def _label(name: str, spec: issue_form.Form | None = None) -> str:
    return next(f.question.label for f in issue_form.fields(spec) if f.question.path == (name,))


def validate(
    files: dict[Path, str], root: Path, submitted: dt.date, spec: issue_form.Form | None = None
) -> list[Finding]:
    """Findings for the new files of a form (the practice form by default), from validating a copy of
    `root` that holds them; nothing is written to `root`."""
    return _validate(files, root, submitted, spec)


def _validate(
    files: dict[Path, str], root: Path, submitted: dt.date, spec: issue_form.Form | None = None
) -> list[Finding]:
    """Findings for the new files, from validating a copy of `root` that holds them."""
    with tempfile.TemporaryDirectory(prefix="kb-issue-") as temp:
        copy = Path(temp) / root.name
        shutil.copytree(root, copy, symlinks=True)
        for path, text in files.items():
            (copy / path).parent.mkdir(parents=True, exist_ok=True)  # the first record of its kind
            (copy / path).write_text(text, encoding="utf-8")
        _, problems = knowledge.load(copy, today=submitted)
        new = {(copy / path).resolve(): path for path in files}
        return [
            _finding(problem, new[problem.path.resolve()], files, Path(temp), spec)
            for problem in problems
            if problem.path.resolve() in new
        ]


def _finding(
    problem: Problem, path: Path, files: dict[Path, str], base: Path, spec: issue_form.Form | None = None
) -> Finding:
    """A validator problem, told as a problem with one question of the form."""
    field_name = re.sub(r"\[\d+\]", "", problem.field)
    if path.parent.name == KIND_FOLDERS["source"] and (spec or issue_form.PRACTICE).kind == "practice":
        sources = [p for p in files if p.parent.name == KIND_FOLDERS["source"]]
        question = f"{_label('sources')} (bron {sources.index(path) + 1})"
    else:
        question = _question_of(field_name or _key_on_line(files[path], problem.line), spec)
    shown = f"{printable(problem.field)}: " if problem.field else ""
    prefix = "waarschuwing: " if problem.severity == "warning" else ""
    return Finding(
        question, f"{shown}{prefix}{printable(problem.message)}", problem.format(base), problem.severity
    )


def _question_of(dotted: str, spec: issue_form.Form | None = None) -> str:
    """The label of the question that fills `dotted` (or the nearest group of it)."""
    parts = tuple(dotted.split(".")) if dotted else ()
    for form_field in issue_form.fields(spec):
        if form_field.question.path == parts:
            return form_field.question.label
    for form_field in issue_form.fields(spec):
        if parts and form_field.question.path[0] == parts[0]:
            return form_field.question.label
    return "Het hele formulier"


def _key_on_line(text: str, line: int) -> str:
    """The top-level key whose value holds `line` of `text`."""
    key = ""
    for number, content in enumerate(text.split("\n"), start=1):
        if number > line:
            break
        match = re.match(r"([a-z_]+):", content)
        if match:
            key = match.group(1)
    return key


# --- writing --------------------------------------------------------------------------------------------


def write(outcome: Outcome, root: Path) -> list[Path]:
    """Write the files of a valid outcome below `root`: all of them or, on any failure, none."""
    if not outcome.ok:
        raise ValueError("an outcome with errors is never written")
    staged: list[tuple[Path, Path]] = []
    done: list[Path] = []
    made: list[Path] = []
    try:
        for path, text in outcome.files.items():
            target = root / path
            if target.exists():
                raise FileExistsError(target)
            if not target.parent.is_dir():  # the first record of its kind (a first leervraag)
                target.parent.mkdir(parents=True)
                made.append(target.parent)
            handle, name = tempfile.mkstemp(dir=target.parent, prefix=".issue-", suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(text)
            staged.append((Path(name), target))
        for staged_file, target in staged:
            os.replace(staged_file, target)
            done.append(target)
    except BaseException:
        for leftover in [staged_file for staged_file, _ in staged] + done:
            with contextlib.suppress(OSError):
                leftover.unlink()
        for folder in reversed(made):
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise
    outcome.written = done
    return done


# --- telling the contributor ------------------------------------------------------------------------------


def _fence(lines: list[str]) -> Iterator[str]:
    """`lines` in a code block whose fence is longer than any run of backticks in them, so that no
    answer can end the block and put its own Markdown (or a mention) in the comment."""
    longest = max((len(run) for line in lines for run in re.findall(r"`+", line)), default=0)
    fence = "`" * max(3, longest + 1)
    yield f"{fence}text"
    yield from lines
    yield fence


NOUNS = {"practice": "praktijk", "question": "leervraag"}
"""How the comments name the record a form makes."""


def report(outcome: Outcome) -> str:
    """The Dutch comment on the issue: the result, and every message per question."""
    errors = [f for f in outcome.findings if f.severity == "error"]
    warnings = [f for f in outcome.findings if f.severity != "error"]
    out: list[str] = []
    what = NOUNS.get(outcome.kind, "record")
    if outcome.ok:
        names = ", ".join(f"`{outcome.shown(path)}`" for path in outcome.files)
        out += [
            f"### Je {what} is omgezet en gecontroleerd",
            "",
            f"De validatie vond geen fouten. Deze bestanden gaan naar een pull request: {names}. "
            f"Een redacteur vergelijkt ze met de bronnen en voegt ze samen; daarna verschijnt de {what} "
            "op de site.",
        ]
    else:
        count = f"{len(errors)} {'fout' if len(errors) == 1 else 'fouten'}"
        out += [
            f"### Je antwoorden bevatten {count}",
            "",
            "Er is nog niets bewaard. Pas je issue aan (··· → *Edit*) bij de vraag die hieronder staat; "
            "na het bewaren loopt de controle opnieuw.",
        ]
    if errors or warnings:
        out += ["", *_fence([f"{f.question}: {f.message}" for f in errors + warnings])]
    return "\n".join(out) + "\n"


def console_lines(outcome: Outcome) -> list[str]:
    """What the command prints: per finding the question, then the validator's own line."""
    return [
        f"{f.question}: {printable(f.line) if f.line else printable(f.message)}" for f in outcome.findings
    ]


def pull_request_title(outcome: Outcome) -> str:
    """`Praktijk: <title>` (`Leervraag: <question>`), on one line and within GitHub's limit for a title."""
    title = " ".join(printable(outcome.title).split())[:200]
    return f"{NOUNS.get(outcome.kind, 'record').capitalize()}: {title}"


def pull_request_text(outcome: Outcome, issue: int | None) -> str:
    """The pull request's description: its origin, what the editor checks (`Form.review` of the form
    that made the record), and that merging closes the issue."""
    form = next(form for form in issue_form.FORMS if form.kind == outcome.kind)
    files = "\n".join(f"- `{outcome.shown(path)}`" for path in outcome.files)
    origin = f"Voorgesteld met het formulier *{form.name}* in #{issue}." if issue else ""
    closes = f"\n\nCloses #{issue}" if issue else ""
    return f"{origin}\n\nNieuwe bestanden:\n{files}\n\nVoor de redacteur: {form.review}{closes}\n"
