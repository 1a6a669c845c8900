"""The site-wide glossary: ``includes/abbreviations.md``, in Python-Markdown's abbreviation syntax.

The same file gives every page its abbreviation tooltips (pymdownx.snippets appends it to each
page) and the /glossary/ page its list, so an abbreviation is explained in one place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .datafile import DataFileError, read_text

_DEFINITION = re.compile(r"\*\[(?P<abbr>[^\]]+)\]:[ \t]*(?P<meaning>\S.*)")


@dataclass(frozen=True)
class Abbreviation:
    abbr: str
    meaning: str


def load_glossary(path: Path) -> tuple[Abbreviation, ...]:
    entries: list[Abbreviation] = []
    for number, line in enumerate(read_text(path).split("\n"), start=1):  # \n only, as Python-Markdown
        if not line.strip():
            continue
        match = _DEFINITION.fullmatch(line.strip())
        if match is None:
            raise DataFileError(f"{path}:{number}: not an abbreviation: write *[ABBR]: what it stands for")
        if any(e.abbr == match.group("abbr") for e in entries):
            raise DataFileError(f"{path}:{number}: {match.group('abbr')} is defined twice: keep one")
        entries.append(Abbreviation(match.group("abbr"), match.group("meaning").strip()))
    return tuple(sorted(entries, key=lambda e: e.abbr))
