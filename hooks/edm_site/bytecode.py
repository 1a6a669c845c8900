"""Compiled Jinja templates kept in memory for the life of the process.

``mkdocs serve`` builds the site again on every change with fresh Jinja environments, so each
rebuild would compile Material's templates and ours anew. Jinja checks a cached template's
source checksum before using it, so an edited template is compiled again: this cache holds
compiled code only, never anything of a build's content.
"""

from __future__ import annotations

import jinja2


class MemoryBytecodeCache(jinja2.BytecodeCache):
    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._store.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._store.clear()


BYTECODE = MemoryBytecodeCache()
