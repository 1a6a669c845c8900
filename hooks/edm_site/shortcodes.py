"""The site's authoring shortcodes: an HTML comment alone on a line, ``<!-- edm:NAME -->``.

Pages stay readable as plain Markdown. Each hook expands the names it owns; any name left once
every hook has run is unknown, and the build says so.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

_SHORTCODE = re.compile(r"^<!--[ \t]*edm:([a-z-]+)[ \t]*-->[ \t]*$", re.M)


def expand(markdown: str, handlers: Mapping[str, Callable[[], str]]) -> str:
    """``markdown`` with every shortcode named in ``handlers`` replaced by what its handler returns."""
    return _SHORTCODE.sub(lambda m: handlers[m.group(1)]() if m.group(1) in handlers else m.group(0), markdown)


def left_over(markdown: str) -> list[tuple[int, str]]:
    """(line, name) of every shortcode still in ``markdown``."""
    return [(markdown.count("\n", 0, m.start()) + 1, m.group(1)) for m in _SHORTCODE.finditer(markdown)]
