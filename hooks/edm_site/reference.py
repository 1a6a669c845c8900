"""An EDM article's text in the reference format, read into its parts.

The format is the article as published, one block per part, blocks separated by blank lines:

    The Article's Title                                      the title

    Publication: Eurasia Daily Monitor Volume: 14 Issue: 60  the publication line

    A photograph's caption (Source: ...)                     if it has one (manifest: caption)

    The first paragraph ...                                  the paragraphs, ¶1, ¶2, ...
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PUBLICATION = re.compile(r"Publication:\s*(?P<series>.+?)\s+Volume:\s*(?P<volume>\d+)\s+Issue:\s*(?P<issue>\d+)\s*")


class ReferenceError(ValueError):
    """Text that is not in the reference format; the message says what is missing."""


@dataclass(frozen=True)
class Reference:
    title: str
    publication: str  # the publication line as written
    caption: str | None
    paragraphs: tuple[str, ...]  # white space folded, as a reader sees it

    @property
    def volume_issue(self) -> tuple[int, int] | None:
        """The volume and issue the publication line prints, or None if it prints none."""
        match = _PUBLICATION.fullmatch(self.publication)
        return (int(match["volume"]), int(match["issue"])) if match else None


def read_reference(text: str, *, caption: bool) -> Reference:
    """The parts of ``text``; ``caption`` says whether its third block is a photo caption."""
    blocks = [" ".join(block.split()) for block in re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n").strip())]
    blocks = [block for block in blocks if block]
    needed = 4 if caption else 3
    if len(blocks) < needed:
        parts = "title, publication line, " + ("caption, " if caption else "") + "paragraphs"
        raise ReferenceError(f"has {len(blocks)} blocks, fewer than its parts ({parts}), separated by blank lines")
    if not blocks[1].startswith("Publication:"):
        raise ReferenceError(f'its second block is not the publication line ("Publication: ..."): "{blocks[1][:80]}"')
    if caption:
        return Reference(blocks[0], blocks[1], blocks[2], tuple(blocks[3:]))
    return Reference(blocks[0], blocks[1], None, tuple(blocks[2:]))
