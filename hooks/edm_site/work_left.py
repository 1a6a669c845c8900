"""What an edition still lacks before it may be published: our placeholders and the data's stubs.

`make edition` writes both. A placeholder is a paragraph of ours marked ``edm-placeholder`` ("To
write: ..."), shown to the reader as such; a stub is a data entry marked ``stub: true`` (an outlet
or an EDM article not yet researched, its facts unknown) or a glossary line
``<!-- stub *[ABBR]: ... -->``. The build lists each, with file and line, and still passes, so an
editor can preview at once; the publishing workflow refuses an edition that has any.
"""

from __future__ import annotations

import re
from pathlib import Path

PLACEHOLDER = "edm-placeholder"
_LABEL = re.compile(r'<span class="edm-ours-label">[^<]*</span>\s*')
_TAGS = re.compile(r"<[^>]+>")
_STUB = re.compile(r"^[ \t]*stub:[ \t]*true[ \t]*(?:#.*)?$")
_ENTRY = re.compile(r"^-[ \t]+(?:id|date):[ \t]*(?P<key>\S.*?)[ \t]*$")
_GLOSSARY_STUB = re.compile(r"<!--[ \t]*stub[ \t]+\*\[(?P<abbr>[^\]]+)\]")


def placeholders(name: str, markdown: str) -> list[str]:
    """Each placeholder of a page: ``name:line: placeholder: what to write``."""
    found = []
    for number, line in enumerate(markdown.split("\n"), start=1):
        if PLACEHOLDER in line:
            what = " ".join(_TAGS.sub("", _LABEL.sub("", line)).split())
            found.append(f"{name}:{number}: placeholder: {what}")
    return found


def data_stubs(name: str, text: str) -> list[str]:
    """Each ``stub: true`` entry of a data file: ``name:line: stub ...`` at the line where the entry starts."""
    found = []
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        if _STUB.match(line):
            start = next((n for n in range(number, 0, -1) if _ENTRY.match(lines[n - 1])), number)
            entry = _ENTRY.match(lines[start - 1])
            label = entry["key"] if entry else "an entry"
            found.append(
                f"{name}:{start}: stub: {label} is not yet researched: fill in what is known, then remove stub: true"
            )
    return found


def glossary_stubs(name: str, text: str) -> list[str]:
    return [
        f"{name}:{number}: stub: {match['abbr']}: write *[{match['abbr']}]: what it stands for, in place of the comment"
        for number, line in enumerate(text.split("\n"), start=1)
        if (match := _GLOSSARY_STUB.search(line))
    ]


def work_left(root: Path, docs_dir: Path, data_dir: Path, glossary: Path) -> list[str]:
    """Every placeholder and stub of the project at ``root``, with paths relative to it."""

    def named(path: Path) -> str:
        return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)

    found: list[str] = []
    for page in sorted(docs_dir.rglob("*.md")):
        found += placeholders(named(page), page.read_text(encoding="utf-8"))
    for data in sorted(data_dir.glob("*.yml")):
        found += data_stubs(named(data), data.read_text(encoding="utf-8"))
    if glossary.is_file():
        found += glossary_stubs(named(glossary), glossary.read_text(encoding="utf-8"))
    return found
