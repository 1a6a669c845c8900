"""The markdown-it-py block parser every hook reads pages with: CommonMark, tables and footnote
definitions (mkdocs.yml enables footnotes, and their text is prose), inline Markdown left
unparsed (the hooks that need it parse it themselves).

One change of speed, none of result. markdown-it's paragraph rule asks every rule that may
interrupt a paragraph (a fence, a list, a heading, ...) whether each following line does. Each
of those rules starts only at certain characters: a line whose first non-blank character starts
none of them, and which holds no ``|`` (a table's header row), ends no paragraph, so the asking is
skipped for it. On a page of prose that is most lines, and a fifth of the parse. Otherwise
the rule ``_paragraph_rule`` makes is markdown-it-py's own (``rules_block/paragraph.py``) step for step; tests
compare the tokens with the stock parser's, on the site, the fixtures and generated Markdown.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.common.utils import mdTrim
from markdown_it.rules_block import StateBlock
from mdit_py_plugins.footnote import footnote_plugin

# What each rule that may interrupt a paragraph needs as a line's first non-blank character.
_STARTS = {
    "fence": "`~",
    "blockquote": ">",
    "hr": "*-_",
    "list": "*-+0123456789",
    "html_block": "<",
    "heading": "#",
    "footnote_def": "[",
    "table": "",  # needs a "|" anywhere in the line (and a delimiter row below it)
}


def parser(*disabled: str) -> MarkdownIt:
    """A new block parser; ``disabled`` names further rules to switch off."""
    md = MarkdownIt("commonmark").enable("table").use(footnote_plugin, inline=False, move_to_end=False)
    md.disable(["inline", *disabled], ignoreInvalid=True)
    interrupting = [rule.name for rule in md.block.ruler.__rules__ if rule.enabled and "paragraph" in rule.alt]
    if all(name in _STARTS for name in interrupting):  # a rule unknown here: every line is asked
        starts = frozenset("".join(_STARTS[name] for name in interrupting))
        md.block.ruler.at("paragraph", _paragraph_rule(starts, check_pipes="table" in interrupting))
    return md


@cache
def shared() -> MarkdownIt:
    """The block parser as it comes (parsers hold no state between parses, so one serves all)."""
    return parser()


def _paragraph_rule(starts: frozenset[str], *, check_pipes: bool) -> Callable[[StateBlock, int, int, bool], bool]:
    def paragraph(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        next_line = start_line + 1
        terminators = state.md.block.ruler.getRules("paragraph")
        end_line = state.lineMax
        src, line_starts, line_ends, shifts = state.src, state.bMarks, state.eMarks, state.tShift

        parent = state.parentType
        state.parentType = "paragraph"

        while next_line < end_line:
            if state.isEmpty(next_line):
                break
            # an indented line after a paragraph is a lazy continuation, not code
            if state.sCount[next_line] - state.blkIndent > 3:
                next_line += 1
                continue
            # a blockquote's quirk: this line was checked by the blockquote rule
            if state.sCount[next_line] < 0:
                next_line += 1
                continue
            first = line_starts[next_line] + shifts[next_line]
            if src[first] not in starts and not (check_pipes and "|" in src[first : line_ends[next_line]]):
                next_line += 1  # no rule can interrupt the paragraph here: the change of speed
                continue
            if any(rule(state, next_line, end_line, True) for rule in terminators):
                break
            next_line += 1

        content = mdTrim(state.getLines(start_line, next_line, state.blkIndent, False))
        state.line = next_line

        token = state.push("paragraph_open", "p", 1)
        token.map = [start_line, state.line]

        token = state.push("inline", "", 0)
        token.content = content
        token.map = [start_line, state.line]
        token.children = []

        token = state.push("paragraph_close", "p", -1)
        state.parentType = parent
        return True

    return paragraph
