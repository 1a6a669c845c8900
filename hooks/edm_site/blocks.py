"""The markdown-it-py block parser every hook reads pages with: CommonMark, tables and footnote
definitions (mkdocs.yml enables footnotes, and their text is prose), inline Markdown left
unparsed (the hooks that need it parse it themselves). markdown-it-py's own rules, unchanged.
"""

from __future__ import annotations

from functools import cache

from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin


def parser(*disabled: str) -> MarkdownIt:
    """A new block parser; ``disabled`` names further rules to switch off."""
    md = MarkdownIt("commonmark").enable("table").use(footnote_plugin, inline=False, move_to_end=False)
    md.disable(["inline", *disabled], ignoreInvalid=True)
    return md


@cache
def shared() -> MarkdownIt:
    """The block parser as it comes (parsers hold no state between parses, so one serves all)."""
    return parser()
