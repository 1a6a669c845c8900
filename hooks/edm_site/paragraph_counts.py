"""Our prose that counts the article's paragraphs: "The five paragraphs", "its 6 paragraphs".

A page of ours (a note, a summary, a description in the front matter) that names how many
paragraphs the article has must name the number it has: "The seven paragraphs" on a site whose
article has five is a content problem the build reports, with the page's line. Only a count
directly before "paragraphs" (or "body paragraphs") is read, in words (one to twenty) or digits,
so other numbers in the prose ("¶1 to ¶6", "Volume 14", "two zones") are never taken for one.
The article's own paragraphs are its words, not ours, and are not read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

_WORDS = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
)  # fmt: skip
_NUMBERS = {word: number for number, word in enumerate(_WORDS, start=1)}
_COUNT = re.compile(
    rf"(?<![\w-])(?P<count>{'|'.join(_WORDS)}|\d{{1,4}})\s+(?:body\s+)?paragraphs(?![\w-])", re.IGNORECASE
)


def miscounts(source: str, paragraphs: int, skipped: Iterable[range] = ()) -> Iterator[tuple[int, str]]:
    """(line, message) for each count of paragraphs in ``source`` other than ``paragraphs``, the
    number the article has; lines in ``skipped`` (1-based: the article's own words) are not read."""
    if paragraphs < 1:
        return
    skip = [*skipped]
    line, counted = 1, 0  # the line of the last match, and where it was counted to
    for match in _COUNT.finditer(source):
        line += source.count("\n", counted, match.start())
        counted = match.start()
        word = match.group("count")
        count = int(word) if word.isdigit() else _NUMBERS[word.lower()]
        if count == paragraphs or any(line in lines for lines in skip):
            continue
        yield line, f"“{' '.join(match.group(0).split())}”: {_FIX.format(paragraphs=paragraphs, count=count)}"


_FIX = (
    "the article has {paragraphs} paragraphs (¶1 to ¶{paragraphs}), not {count}: correct the number, or name the "
    "paragraphs meant by number (¶3 and ¶4)"
)
