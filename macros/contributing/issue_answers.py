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
from collections.abc import Iterator
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
from macros.records.problems import Problem, printable

NO_RESPONSE = "_No response_"
"""What GitHub writes for a question left empty."""

_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
_HEADING = re.compile(r"### (.+?)[ \t]*")
_LIST_MARKER = re.compile(r"^\s*(?:[-*•]|\d{1,2}[.)])\s+")
_URL = re.compile(r"https?://[^\s<>\"'\[\]()]+", re.IGNORECASE)
_CHECKED = re.compile(r"^\s*- \[[xX]\] (.+?)\s*$")
_IN_PARENTHESES = re.compile(r"\(([a-z0-9-]+)\)\s*$")
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

    def shown(self, path: Path) -> str:
        """`practices/sources/x.yml`: a file as it appears in the repository."""
        return (Path(self.folder) / path).as_posix()

    @property
    def ok(self) -> bool:
        return not any(f.severity == "error" for f in self.findings)


# --- reading the issue body ------------------------------------------------------------------------------


def sections(body: str) -> tuple[dict[str, str], list[Finding]]:
    """Label -> answer text for every question of the form found in `body`; empty answers are ''.

    Only a heading that is a label of the form starts a new answer, so `### ` inside an answer stays
    text. A label found twice is reported, since either answer could be the meant one.
    """
    known = set(issue_form.labels())
    answers: dict[str, list[str]] = {}
    findings: list[Finding] = []
    current: list[str] | None = None
    for line in body.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        match = _HEADING.fullmatch(line)
        if match and match.group(1) in known:
            label = match.group(1)
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
    items = (_LIST_MARKER.sub("", line).strip() for line in answer.split("\n"))
    return [item for item in items if item]


def chosen(answer: str, shown: dict[str, str]) -> list[str]:
    """The ids of the options in a dropdown answer (`shown` maps option text -> id).

    Options are joined by `, ` and a label may hold a comma itself (`Sport, jeugd en vrije tijd`), so
    the longest run of pieces that is an option wins. A piece that is no option is kept as an id-like
    text, so that the validator names it and suggests the nearest id.
    """
    pieces = [piece.strip() for piece in answer.split(", ")] if answer else []
    found: list[str] = []
    start = 0
    while start < len(pieces):
        for end in range(len(pieces), start, -1):
            text = ", ".join(pieces[start:end])
            if text in shown:
                found.append(shown[text])
                start = end
                break
        else:
            found.append(_unknown_option(pieces[start], shown))
            start += 1
    return [value for value in found if value]


def _unknown_option(text: str, shown: dict[str, str]) -> str:
    """An answer that is none of the options: the id it names in parentheses, a label or id typed by
    hand, or else the text as an id would spell it."""
    by_label = {option.rsplit(" (", 1)[0].casefold(): rid for option, rid in shown.items()}
    ids = set(shown.values())
    match = _IN_PARENTHESES.search(text)
    if match:
        return match.group(1)
    if text in ids:
        return text
    return by_label.get(text.casefold()) or slugify(text, max_length=MAX_ID_CHARS) or text


def agreement_findings(answer: str) -> list[Finding]:
    """A finding for every agreement that is not ticked."""
    ticked = {match.group(1) for line in answer.split("\n") if (match := _CHECKED.match(line))}
    return [
        Finding(issue_form.AGREEMENTS_LABEL, f"vink deze afspraak aan: {text}")
        for text in issue_form.AGREEMENTS
        if text not in ticked
    ]


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


def practice_data(answers: dict[str, str], kb: KnowledgeBase) -> dict[str, Any]:
    """The practice's fields from the answers, in the order of the form; empty answers are left out.
    Sources are added by `source_records`."""
    data: dict[str, Any] = {}
    for form_field in issue_form.fields():
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
    data = practice_data(answers, kb)
    fallback = f"praktijk-issue-{issue}" if issue else "nieuwe-praktijk"
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


def _label(name: str) -> str:
    return next(f.question.label for f in issue_form.fields() if f.question.path == (name,))


def _validate(files: dict[Path, str], root: Path, submitted: dt.date) -> list[Finding]:
    """Findings for the new files, from validating a copy of `root` that holds them."""
    with tempfile.TemporaryDirectory(prefix="kb-issue-") as temp:
        copy = Path(temp) / root.name
        shutil.copytree(root, copy, symlinks=True)
        for path, text in files.items():
            (copy / path).write_text(text, encoding="utf-8")
        _, problems = knowledge.load(copy, today=submitted)
        new = {(copy / path).resolve(): path for path in files}
        return [
            _finding(problem, new[problem.path.resolve()], files, Path(temp))
            for problem in problems
            if problem.path.resolve() in new
        ]


def _finding(problem: Problem, path: Path, files: dict[Path, str], base: Path) -> Finding:
    """A validator problem, told as a problem with one question of the form."""
    field_name = re.sub(r"\[\d+\]", "", problem.field)
    if path.parent.name == KIND_FOLDERS["source"]:
        sources = [p for p in files if p.parent.name == KIND_FOLDERS["source"]]
        question = f"{_label('sources')} (bron {sources.index(path) + 1})"
    else:
        question = _question_of(field_name or _key_on_line(files[path], problem.line))
    shown = f"{printable(problem.field)}: " if problem.field else ""
    prefix = "waarschuwing: " if problem.severity == "warning" else ""
    return Finding(
        question, f"{shown}{prefix}{printable(problem.message)}", problem.format(base), problem.severity
    )


def _question_of(dotted: str) -> str:
    """The label of the question that fills `dotted` (or the nearest group of it)."""
    parts = tuple(dotted.split(".")) if dotted else ()
    for form_field in issue_form.fields():
        if form_field.question.path == parts:
            return form_field.question.label
    for form_field in issue_form.fields():
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
    try:
        for path, text in outcome.files.items():
            target = root / path
            if target.exists():
                raise FileExistsError(target)
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


def report(outcome: Outcome) -> str:
    """The Dutch comment on the issue: the result, and every message per question."""
    errors = [f for f in outcome.findings if f.severity == "error"]
    warnings = [f for f in outcome.findings if f.severity != "error"]
    out: list[str] = []
    if outcome.ok:
        names = ", ".join(f"`{outcome.shown(path)}`" for path in outcome.files)
        out += [
            "### Je praktijk is omgezet en gecontroleerd",
            "",
            f"De validatie vond geen fouten. Deze bestanden gaan naar een pull request: {names}. "
            "Een redacteur vergelijkt ze met de bronnen en voegt ze samen; daarna verschijnt de praktijk "
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
    """`Praktijk: <title>`, on one line and within GitHub's limit for a title."""
    title = " ".join(printable(outcome.title).split())[:200]
    return f"Praktijk: {title}"


def pull_request_text(outcome: Outcome, issue: int | None) -> str:
    """The pull request's description: its origin, what to check, and that merging closes the issue."""
    files = "\n".join(f"- `{outcome.shown(path)}`" for path in outcome.files)
    origin = f"Voorgesteld met het formulier *Nieuwe praktijk* in #{issue}." if issue else ""
    closes = f"\n\nCloses #{issue}" if issue else ""
    return (
        f"{origin}\n\nNieuwe bestanden:\n{files}\n\n"
        "Voor de redacteur: vergelijk elk feit met de bronnen, vul aan wat het formulier niet vraagt "
        "(partners, middelen, evaluatie, overdraagbaarheid) en controleer dat `contact` geen privépersoon "
        f"noemt.{closes}\n"
    )
