"""Templates that only code can write: every HTML template is a string literal of ours.

`macros.html.markup.fmt`, `join` and `element`, and `macros.html.elements.field_list` and
`bullet_list`, insert their template into a page as markup; only their other arguments are escaped.
Their signatures say `LiteralString`, but mypy reads that as `str`, so `fmt(record.title, ...)` would
pass `mypy --strict`. This test reads every module of the package and requires the template argument
of each call to be written in the code: a string literal, literals joined with `+` or implicit
concatenation, or a module-level name bound to such a literal. An f-string, a variable, an attribute or
a call is refused, whatever it holds.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

TEMPLATE_ARGUMENTS: dict[str, tuple[int, ...]] = {
    "fmt": (0,),
    "join": (0,),
    "element": (0, 2),
    "bullet_list": (1,),
}
"""Function -> the positions of its template arguments (a keyword of the same parameter counts too)."""
TEMPLATE_KEYWORDS = {
    "fmt": ("template",),
    "join": ("separator",),
    "element": ("tag", "attributes"),
    "bullet_list": ("tag",),
}
LABELLED_ROWS = {"field_list"}
"""Functions that take rows of (label, value): the label is a template."""


def _literals(tree: ast.Module) -> set[str]:
    """Module-level names bound once to a literal string (or literals joined by `+`)."""
    bound: dict[str, int] = {}
    literal: set[str] = set()
    for node in tree.body:
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Name):
                    bound[target.id] = bound.get(target.id, 0) + 1
                    if node.value is not None and _is_literal(node.value, set()):
                        literal.add(target.id)
    return {name for name in literal if bound[name] == 1}


def _is_literal(node: ast.expr, names: set[str]) -> bool:
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _is_literal(node.left, names) and _is_literal(node.right, names)
    if isinstance(node, ast.Name):
        return node.id in names
    if isinstance(node, ast.IfExp):  # `"ol" if ordered else "ul"`
        return _is_literal(node.body, names) and _is_literal(node.orelse, names)
    return False


HELPERS = {"macros.html.markup", "macros.html.elements"}
"""Where the template-taking helpers live."""


def _helpers(tree: ast.Module, module: str) -> dict[str, str]:
    """Local name -> helper name, for the helpers this module imports (or defines, in their modules)."""
    wanted = set(TEMPLATE_ARGUMENTS) | LABELLED_ROWS
    found = {name: name for name in wanted} if module in HELPERS else {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module in HELPERS:
            found |= {alias.asname or alias.name: alias.name for alias in node.names if alias.name in wanted}
    return found


def _name(call: ast.Call, helpers: dict[str, str]) -> str:
    """The helper a call calls (`fmt(...)` where fmt is imported from macros.html.markup), or ""."""
    function = call.func
    return helpers.get(function.id, "") if isinstance(function, ast.Name) else ""


def violations(source: str, filename: str = "<test>", module: str = "") -> Iterator[str]:
    """`file:line: call` for every template argument that is not written in the code. In a snippet
    without imports (`module` ""), every call of a helper's name counts."""
    tree = ast.parse(source)
    names = _literals(tree)
    helpers = _helpers(tree, module) if module else {n: n for n in [*TEMPLATE_ARGUMENTS, *LABELLED_ROWS]}
    for call in (node for node in ast.walk(tree) if isinstance(node, ast.Call)):
        name = _name(call, helpers)
        checked: list[ast.expr] = []
        for position in TEMPLATE_ARGUMENTS.get(name, ()):
            if position < len(call.args) and not isinstance(call.args[position], ast.Starred):
                checked.append(call.args[position])
        checked += [k.value for k in call.keywords if k.arg in TEMPLATE_KEYWORDS.get(name, ())]
        if name in LABELLED_ROWS and call.args:
            rows = call.args[0]
            if not isinstance(rows, (ast.List, ast.Tuple)):
                yield f"{filename}:{call.lineno}: {name} wants a list of (label, value) tuples written out"
                continue
            for row in rows.elts:
                if not isinstance(row, ast.Tuple) or not row.elts:
                    yield f"{filename}:{row.lineno}: {name} wants (label, value) tuples"
                else:
                    checked.append(row.elts[0])
        for argument in checked:
            if not _is_literal(argument, names):
                yield f"{filename}:{argument.lineno}: {name}: the template is not a literal of the code"


def package_modules() -> list[Path]:
    return sorted((ROOT / "macros").rglob("*.py"))


@pytest.mark.parametrize("path", package_modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_template_is_written_in_the_code(path: Path) -> None:
    module = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
    found = list(violations(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)), module))
    assert not found, "\n".join(found)


@pytest.mark.parametrize(
    "source",
    [
        "fmt(practice.title, x)",
        "fmt(f'<p>{practice.title}</p>')",
        "join(record.separator, items)",
        "element(tag, content)",
        "element('p', content, record.attributes)",
        "field_list([(record.label, value)])",
        "field_list(rows)",
        "bullet_list(items, tag=record.tag)",
        "TEMPLATE = '<p>{}</p>'\nTEMPLATE = record.title\nfmt(TEMPLATE, x)",
    ],
)
def test_a_record_string_as_a_template_fails_the_check(source: str) -> None:
    assert list(violations(source)), source


@pytest.mark.parametrize(
    "source",
    [
        "fmt('<p>{}</p>', practice.title)",
        "fmt('<p>{}' '</p>', x)",
        "INTRO = '<p>{}</p>'\nfmt(INTRO, x)",
        "join(', ', items)",
        "field_list([('Thema', x), ('Status', y)])",
        "bullet_list(items, tag='ol')",
    ],
)
def test_templates_written_in_the_code_pass(source: str) -> None:
    assert not list(violations(source)), source
