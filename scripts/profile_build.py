"""Profile a whole `mkdocs build` of a demo corpus, by stage: `python scripts/profile_build.py`.

See scripts/tooling/profile_build.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tooling import profile_build

if __name__ == "__main__":
    sys.exit(profile_build.main())
