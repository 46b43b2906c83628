"""MkDocs hooks (`hooks:` in mkdocs.yml): keep the theme's compiled templates between builds of one process.

MkDocs makes a new Jinja environment for every build, so each `mkdocs serve` rebuild compiled
Material's templates again: about half a second of the one-second rebuild of the shipped site, on
every edit a contributor saves. Jinja's bytecode cache keys each template by its name and checks the
checksum of its source, so an edited override (docs/overrides/) is compiled afresh.

Loaded by MkDocs from its path, not as part of the `macros` package, so it imports nothing of ours.
"""

from __future__ import annotations

from typing import Any

import jinja2


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates in a dict, for the life of the process."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


CACHE = MemoryBytecodeCache()


def on_env(env: jinja2.Environment, config: Any, files: Any) -> jinja2.Environment:
    """Give every build's theme environment the same bytecode cache."""
    env.bytecode_cache = CACHE
    return env
