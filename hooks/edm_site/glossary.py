"""The site-wide glossary: ``includes/abbreviations.md``, in Python-Markdown's abbreviation syntax.

The same file gives every page its abbreviation tooltips (pymdownx.snippets appends it to each
page) and the /glossary/ page its list, so an abbreviation is explained in one place. An entry
the article never uses is a content problem the build reports (``unused``): the glossary explains
the article's abbreviations, and an entry for none of them is a typo or a leftover.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from . import reveal
from .datafile import DataFileError, read_text
from .words import paragraphs_naming

_DEFINITION = re.compile(r"\*\[(?P<abbr>[^\]]+)\]:[ \t]*(?P<meaning>\S.*)")


@dataclass(frozen=True)
class Abbreviation:
    abbr: str
    meaning: str
    line: int = 0  # where it is defined, for messages
    path: str = ""


# `make edition`'s stub of an abbreviation the glossary lacks: a comment, so pages never show it.
_STUB = re.compile(r"<!--[ \t]*stub[ \t]+\*\[[^\]]+\]:.*-->")


def load_glossary(path: Path) -> tuple[Abbreviation, ...]:
    entries: list[Abbreviation] = []
    shown_path = reveal.project_path(path)
    for number, line in enumerate(read_text(path).split("\n"), start=1):  # \n only, as Python-Markdown
        if not line.strip() or _STUB.fullmatch(line.strip()):  # a stub is work left (edm_site.work_left)
            continue
        match = _DEFINITION.fullmatch(line.strip())
        if match is None:
            raise DataFileError(f"{path}:{number}: not an abbreviation: write *[ABBR]: what it stands for")
        if any(e.abbr == match.group("abbr") for e in entries):
            raise DataFileError(f"{path}:{number}: {match.group('abbr')} is defined twice: keep one")
        entries.append(Abbreviation(match.group("abbr"), match.group("meaning").strip(), number, shown_path))
    return tuple(sorted(entries, key=lambda e: e.abbr))


def unused(glossary: tuple[Abbreviation, ...], paragraphs: dict[int, str]) -> list[str]:
    """A message for every abbreviation the article's paragraphs never use (as a whole word, as written)."""
    return [
        f"{entry.path}:{entry.line}: *[{reveal.shown(entry.abbr)}]: the glossary explains an abbreviation the "
        "article's paragraphs never use: remove the entry, or write the abbreviation exactly as the article does "
        "(letter case included)"
        for entry in glossary
        if paragraphs and not paragraphs_naming((entry.abbr,), paragraphs)
    ]
