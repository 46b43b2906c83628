"""macros.contributing.cli: argparse in Dutch, for the commands contributors run.

Each of argparse's error messages that the scripts can meet is provoked on a real parser: a Python whose
argparse words them differently makes this test fail, instead of an English line slipping through.
"""

from __future__ import annotations

import datetime as dt

import pytest

from macros.contributing import cli


def _parser() -> cli.Parser:
    parser = cli.Parser("Een proef.")
    parser.add_argument("soort", choices=["praktijk", "stad"])
    parser.add_argument("--datum", type=dt.date.fromisoformat)
    return parser


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["stad", "--kleur"], "onbekende argumenten: --kleur"),
        ([], "deze argumenten ontbreken: soort"),
        (["dorp"], "argument soort: 'dorp' kan niet; kies uit 'praktijk', 'stad'"),
        (["stad", "--datum", "morgen"], "argument --datum: ongeldige waarde 'morgen'"),
        (["stad", "--datum"], "argument --datum: hier hoort een waarde bij"),
    ],
)
def test_every_error_reads_in_dutch(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        _parser().parse_args(argv)
    assert stopped.value.code == 2
    lines = capsys.readouterr().err.splitlines()
    assert lines[0].startswith("gebruik: ")
    assert lines[-1].endswith(f": fout: {message}")


def test_help_has_dutch_headings(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        _parser().parse_args(["--help"])
    out = capsys.readouterr().out
    assert out.startswith("gebruik: ")
    assert "\nargumenten:\n" in out and "\nopties:\n" in out and "toon deze uitleg en stop" in out
