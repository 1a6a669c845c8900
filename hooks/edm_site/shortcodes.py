"""The site's authoring shortcodes: an HTML comment alone on a line, ``<!-- edm:NAME -->``.

Pages stay readable as plain Markdown. Each hook expands the names it owns; a name no hook owns
is reported, with its page and line, when the pages are first read.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

_SHORTCODE = re.compile(r"^<!--[ \t]*edm:([a-z-]+)[ \t]*-->[ \t]*$", re.M)

# Every shortcode some hook owns: hooks/citations.py, edition.py, people.py, glossary.py, paragraphs.py.
KNOWN = frozenset(
    {"sources", "edm-articles", "profile", "chart", "chronology", "byline", "facts", "people", "glossary", "article"}
)


def expand(markdown: str, handlers: Mapping[str, Callable[[], str]]) -> str:
    """``markdown`` with every shortcode named in ``handlers`` replaced by what its handler returns."""
    return _SHORTCODE.sub(lambda m: handlers[m.group(1)]() if m.group(1) in handlers else m.group(0), markdown)


def unknown(markdown: str) -> list[tuple[int, str]]:
    """(line, name) of every shortcode in ``markdown`` that no hook owns."""
    return [
        (markdown.count("\n", 0, m.start()) + 1, m.group(1))
        for m in _SHORTCODE.finditer(markdown)
        if m.group(1) not in KNOWN
    ]
