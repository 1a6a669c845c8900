"""The site's authoring shortcodes: an HTML comment alone on a line, ``<!-- edm:NAME -->``.

Pages stay readable as plain Markdown. Shortcodes are found as markdown-it-py HTML blocks at the
top level of the page, so a shortcode shown in a code block is left alone. Each hook expands the
names it owns; a name no hook owns, and a shortcode in a list, a quote, an admonition or a tab, not
alone on its line or misspelt, is reported with its page and line when the pages are first read.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from . import blocks, prose

_SHORTCODE = re.compile(r"<!--[ \t]*edm:([a-z-]+)[ \t]*-->")
_LOOKS_LIKE_ONE = re.compile(r"<!--[ \t]*edm:")
_PARA_MARKER = re.compile(r"<!--[ \t]*edm:para[ \t]+\d+[ \t]*-->")  # hooks/edm_steps/numbering.py's, read there

# Every shortcode some step owns: hooks/edm_steps/linking.py, apparatus.py, whos_who.py, abbreviating.py, and
# the full article's (edm_site/paragraphs.py).
KNOWN = frozenset(
    {"sources", "edm-articles", "profile", "chart", "chronology", "byline", "facts", "people", "glossary", "article"}
)


@dataclass(frozen=True)
class Shortcode:
    line: int  # 0-based line of the page's Markdown
    name: str
    indent: str  # the line's leading white space, given to every line that replaces it


def locate(markdown: str) -> list[Shortcode]:
    """Every shortcode of ``markdown`` that Markdown reads as an HTML block of its own, at the top level."""
    if "edm:" not in markdown:
        return []
    lines = markdown.split("\n")
    found = []
    for token in blocks.shared().parse(markdown):
        at_top = token.type == "html_block" and token.map and token.level == 0
        match = _SHORTCODE.fullmatch(token.content.strip()) if at_top else None
        if match:
            line = lines[token.map[0]]
            found.append(Shortcode(token.map[0], match.group(1), line[: len(line) - len(line.lstrip())]))
    return found


def expand(markdown: str, handlers: Mapping[str, Callable[[], str]]) -> str:
    """``markdown`` with every shortcode named in ``handlers`` replaced by what its handler returns."""
    wanted = [code for code in locate(markdown) if code.name in handlers]
    if not wanted:
        return markdown
    lines = markdown.split("\n")
    for code in reversed(wanted):
        output = handlers[code.name]().rstrip("\n").split("\n")
        lines[code.line : code.line + 1] = [code.indent + line if line else line for line in output]
    return "\n".join(lines)


def problems(markdown: str) -> list[tuple[int, str]]:
    """(1-based line, what is wrong and what to do) for each ``<!-- edm:... -->`` that is no working
    shortcode: a name no hook owns; one in a list, a quote, an admonition or a tab (only the top
    level is expanded); one not alone on its line, or misspelt."""
    if "edm:" not in markdown:
        return []
    found = []
    lines = markdown.split("\n")
    for token in blocks.shared().parse(markdown):
        if not token.map or not _LOOKS_LIKE_ONE.search(token.content):
            continue
        if token.type == "code_block" and prose.opens_container(lines, token.map[0]):
            found += [
                (index + 1, "is inside an admonition or a tab: shortcodes work at the top level only")
                for index in range(*token.map)
                if _LOOKS_LIKE_ONE.search(lines[index])
            ]
            continue
        if token.type != "html_block":
            continue
        text, line = token.content.strip(), token.map[0] + 1
        shortcode = _SHORTCODE.fullmatch(text)
        if not (shortcode or _PARA_MARKER.fullmatch(text)):
            found.append((line, "is no shortcode as written: write <!-- edm:name --> in lower case, alone on its line"))
        elif token.level > 0:
            found.append((line, "is inside a list or a quote: shortcodes and markers work at the top level only"))
        elif shortcode and shortcode.group(1) not in KNOWN:
            found.append((line, f"<!-- edm:{shortcode.group(1)} --> is no known shortcode: see README.md"))
    return found
