"""Where prose is in a Markdown page, found with markdown-it-py tokens.

Citations are linked only in prose: paragraphs, headings, list items, block quotes, table cells,
and the bodies of Material admonitions (``!!!``, ``???``) and content tabs (``===``). Never in
code spans, fenced or indented code, raw HTML, or existing links and images.

markdown-it-py reads the indented body of an admonition or a content tab as indented code. A
code block whose nearest non-blank line above is such an opener is therefore read again as
Markdown of its own; any other indented code is left alone.

The result is a list of ``ProseRun``: a piece of inline source text, where it stands in the page
(absolute offsets, line by line), and the parts of it that are not prose.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline

# Inline rules whose matches are not prose: what they consume is never rewritten.
_OPAQUE_INLINE_RULES = ("backticks", "link", "image", "autolink", "html_inline", "escape", "entity")
_CONTAINER_OPENER = re.compile(r"^[ \t]*(?:!!!|\?\?\?\+?|===[!+]?)[ \t]")


@dataclass(frozen=True)
class ProseRun:
    """Inline source text, with ``offsets[i]`` the absolute offset of ``text[i]`` in the page."""

    text: str
    offsets: tuple[int, ...]
    opaque: tuple[tuple[int, int], ...]  # [start, end) ranges of ``text`` that are not prose
    line: int  # 1-based line of the page where the run starts

    def is_prose(self, start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in self.opaque)


class UnmappableText(ValueError):
    """markdown-it changed a line so that it cannot be found again in the source."""


def _recording(rule: Callable[[StateInline, bool], bool]) -> Callable[[StateInline, bool], bool]:
    def record(state: StateInline, silent: bool) -> bool:
        start = state.pos
        matched = rule(state, silent)
        if matched and not silent and state.level == 0:
            state.env["opaque"].append((start, state.pos))
        return matched

    return record


@cache
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark").enable("table")
    md.disable("inline")  # each inline is parsed by hand below, to record its opaque ranges
    for rule in md.inline.ruler.__rules__:
        if rule.name in _OPAQUE_INLINE_RULES:
            rule.fn = _recording(rule.fn)
    md.inline.ruler.__compile__()
    return md


def prose_runs(markdown: str) -> list[ProseRun]:
    """Every piece of prose in ``markdown``, in reading order."""
    lines = markdown.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    return list(_runs(markdown, [(i, 0) for i in range(len(lines))], lines, starts))


def _runs(
    text: str,
    origin: list[tuple[int, int]],
    lines: list[str],
    starts: list[int],
) -> Iterator[ProseRun]:
    """Prose runs of ``text``; ``origin[i]`` is (page line, column) where its line ``i`` begins."""
    md = _parser()
    env: dict = {}
    text_lines = text.splitlines()
    for token in md.parse(text, env):
        if token.map is None:
            continue
        first, last = token.map
        if token.type == "inline":
            run = _inline_run(md, env, token.content, origin[first:last], lines, starts)
            if _CONTAINER_OPENER.match(text_lines[first]):
                # An admonition's or a tab's title line: its quoted title is not prose.
                head = run.text.find("\n") if "\n" in run.text else len(run.text)
                run = ProseRun(run.text, run.offsets, ((0, head), *run.opaque), run.line)
            yield run
        elif token.type == "code_block" and _opens_container(text_lines, first):
            body = token.content.rstrip("\n")
            body_origin = []
            for index, piece in enumerate(body.split("\n")):
                page_line, column = origin[first + index]
                source = lines[page_line].rstrip("\r\n")
                body_origin.append((page_line, max(column, len(source) - len(piece)) if piece else column))
            yield from _runs(body, body_origin, lines, starts)


def _opens_container(text_lines: list[str], first: int) -> bool:
    for index in range(first - 1, -1, -1):
        if text_lines[index].strip():
            return bool(_CONTAINER_OPENER.match(text_lines[index]))
    return False


def _inline_run(
    md: MarkdownIt,
    env: dict,
    content: str,
    origin: list[tuple[int, int]],
    lines: list[str],
    starts: list[int],
) -> ProseRun:
    offsets: list[int] = []
    for index, piece in enumerate(content.split("\n")):
        page_line, column = origin[index] if index < len(origin) else origin[-1]
        source = lines[page_line].rstrip("\r\n")
        found = source.find(piece, column) if piece else column
        if found < 0:
            raise UnmappableText(f"line {page_line + 1}: cannot find {piece!r} in the source")
        base = starts[page_line] + found
        offsets.extend(range(base, base + len(piece)))
        offsets.append(base + len(piece))  # the line break, or one past the end
    inline_env = {**env, "opaque": []}
    md.inline.parse(content, md, inline_env, [])
    first_line = origin[0][0] + 1 if origin else 1
    return ProseRun(content, tuple(offsets[: len(content)]), tuple(inline_env["opaque"]), first_line)
