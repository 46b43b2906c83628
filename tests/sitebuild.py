"""Build a whole site for the tests: `build_site(records_dir, out_dir)`.

The build is `mkdocs build --strict` on the project's own mkdocs.yml in a subprocess, as CI runs it,
and then the Pagefind search index, as `make build` does. Generated pages are handed to MkDocs in
memory, so builds of different records folders run side by side in one checkout and leave docs/ as it
is.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = Path(sys.executable).parent / "mkdocs"

sys.path.insert(0, str(ROOT))


class SiteBuildFailed(RuntimeError):
    """`mkdocs build --strict` failed; the message holds its output."""


def build_site(records_dir: Path | None, out_dir: Path, today: dt.date | None = None) -> Path:
    """Build the site from `records_dir` (the shipped practices/ when None) into `out_dir`; return it.

    `today` is the day the build counts from ($KB_TODAY): made-up records give a fixed day, so that
    their pages (which say when a record was last reviewed long ago) do not change with the calendar.
    """
    records = (records_dir or ROOT / "practices").resolve()
    out_dir = out_dir.resolve()
    env = {**os.environ, "KB_RECORDS_DIR": str(records), "NO_MKDOCS_2_WARNING": "1"}
    if today is not None:
        env["KB_TODAY"] = today.isoformat()
    done = subprocess.run(
        [str(MKDOCS), "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(out_dir)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
    )
    if done.returncode != 0:
        raise SiteBuildFailed(f"mkdocs build --strict failed for {records}:\n{done.stdout}\n{done.stderr}")
    from macros import search_index

    search_index.index_site(out_dir)
    return out_dir
