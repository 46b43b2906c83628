"""Build a whole site for the tests: `build_site(records_dir, out_dir)`.

Each build runs in a scratch project (a copy of mkdocs.yml and the hand-written docs/, with `macros/`
linked in), so the generated pages of a test build never land in the working tree's docs/ and two
builds can run side by side. The build is `mkdocs build --strict` in a subprocess, as CI runs it, and
then the Pagefind search index, as `make build` does.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = Path(sys.executable).parent / "mkdocs"

sys.path.insert(0, str(ROOT))

from macros import generate  # noqa: E402


class SiteBuildFailed(RuntimeError):
    """`mkdocs build --strict` failed; the message holds its output."""


def _copy_hand_written_docs(target: Path) -> None:
    generated = {*generate.GENERATED_DIRS, "data"}

    def ignore(folder: str, names: list[str]) -> set[str]:
        if Path(folder).resolve() == (ROOT / "docs").resolve():
            return {name for name in names if name in generated}
        return {name for name in names if f"{Path(folder).name}/{name}" == generate.FIELD_REFERENCE}

    shutil.copytree(ROOT / "docs", target, ignore=ignore)


def build_site(records_dir: Path | None, out_dir: Path) -> Path:
    """Build the site from `records_dir` (the shipped practices/ when None) into `out_dir`; return it."""
    records = (records_dir or ROOT / "practices").resolve()
    out_dir = out_dir.resolve()
    with tempfile.TemporaryDirectory(prefix="kb-site-") as scratch:
        project = Path(scratch)
        shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
        (project / "macros").symlink_to(ROOT / "macros", target_is_directory=True)
        _copy_hand_written_docs(project / "docs")
        env = {**os.environ, "KB_RECORDS_DIR": str(records), "NO_MKDOCS_2_WARNING": "1"}
        done = subprocess.run(
            [str(MKDOCS), "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(out_dir)],
            capture_output=True,
            text=True,
            env=env,
            cwd=project,
            check=False,
        )
        if done.returncode != 0:
            raise SiteBuildFailed(
                f"mkdocs build --strict failed for {records}:\n{done.stdout}\n{done.stderr}"
            )
    from macros import search_index

    search_index.index_site(out_dir)
    return out_dir
