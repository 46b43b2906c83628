"""Two builders, one site: MkDocs 1.6.1 and ProperDocs 1.6.7 (its maintained fork) build the same HTML.

MkDocs has had no release since August 2024; ProperDocs continues it as a drop-in. Both build the fixture
site here, and every page must be the same but for the generator's meta tag.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURE_RECORDS

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent

pytestmark = pytest.mark.site

GENERATOR = re.compile(r'\s*<meta name="generator" content="[^"]*">\n')


def _build(builder: str, out: Path) -> Path:
    env = {**os.environ, "KB_RECORDS_DIR": str(FIXTURE_RECORDS), "NO_MKDOCS_2_WARNING": "1"}
    command = [str(BIN / builder), "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(out)]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    return out


def test_mkdocs_and_properdocs_build_the_same_pages(tmp_path: Path) -> None:
    mkdocs = _build("mkdocs", tmp_path / "mkdocs")
    properdocs = _build("properdocs", tmp_path / "properdocs")
    files = sorted(p.relative_to(mkdocs) for p in mkdocs.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(properdocs) for p in properdocs.rglob("*") if p.is_file())
    generators = set()
    for relative in files:
        ours, theirs = (mkdocs / relative).read_bytes(), (properdocs / relative).read_bytes()
        if relative.suffix == ".html":
            generators |= set(re.findall(rb'name="generator" content="([^"]*)"', theirs))
            ours, theirs = (GENERATOR.sub("\n", x.decode()).encode() for x in (ours, theirs))
        assert ours == theirs, relative
    assert any(b"ProperDocs" in g for g in generators), "the second build really ran ProperDocs"
