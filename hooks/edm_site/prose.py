"""Where prose is in a Markdown page, found with markdown-it-py tokens.

Citations are linked only in prose: paragraphs, headings, list items, block quotes, table cells,
footnote definitions (``[^1]: ...``), the bodies of Material admonitions (``!!!``, ``???``) and
content tabs (``===``), and HTML elements marked ``markdown`` (md_in_html). Never in code spans,
fenced or indented code, raw HTML (and inside inline raw links and code-like elements), existing
links and images, or attr_list attributes (``{ title="..." }``).

Places where markdown-it-py and Python-Markdown (which renders the site) read differently (what
is still missed, the safety net after rendering, ``edm_site.safety``, reports):

- Python-Markdown indents a list item's text by four spaces a level, and its code by four more;
  CommonMark by the marker's width. A block after a blank line under a list item is read as
  Python-Markdown reads it (6 spaces under ``- item``: text; 8 under ``100.``: code); ``1)``
  starts no list for Python-Markdown.
- The quoted title of an admonition or details (``!!! note "Title"``) is rendered as inline
  Markdown: it is prose. An abbreviation definition (``*[KMS]: ...``) is not.

- markdown-it-py reads the indented body of an admonition or a content tab as indented code. A
  code block whose nearest non-blank line above is such an opener is read again as Markdown.
- markdown-it-py ends a raw HTML block at a blank line; Python-Markdown at the element's closing
  tag. A raw HTML block is followed here to its closing tag; what it holds is read again as
  Markdown only when the opening tag carries ``markdown``, and is otherwise left alone; what
  follows the closing tag, to a blank line, is Markdown again, as Python-Markdown renders it.
- markdown-it-py keeps the text after an HTML comment, on the comment's last line and below, in
  the comment's HTML block; Python-Markdown renders it as a paragraph. It is read again as Markdown.

The result is a list of ``ProseRun``: a piece of inline source text, where each of its characters
stands in the page (absolute offsets), and the parts of it that are not prose.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

from . import blocks

# Inline rules whose matches are not prose: what they consume is never rewritten.
_OPAQUE_INLINE_RULES = ("backticks", "link", "image", "autolink", "html_inline", "escape", "entity")
_CONTAINER_OPENER = re.compile(r"^[ \t]*(?:!!!|\?\?\?\+?|===[!+]*)(?:[ \t]|[\w-])")
_OPENING_TAG = re.compile(r"[ \t]*<([a-zA-Z][a-zA-Z0-9-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
_MARKDOWN_ATTRIBUTE = re.compile(r"\smarkdown(?:\s*=\s*[\"']?(?:1|block|span)?[\"']?)?(?=[\s/>]|$)")
# A bracket with a digit or a month in it: the only text where a citation (or a near miss) can be.
# Other inline text is not read further, which spares the costly part, parsing inline Markdown.
_MAY_CITE = re.compile(
    r"\([^()]*(?:\d|January|February|March|April|May|June|July|August|September|October|November|December)"
)
# What starts a code span, a link or image, an autolink, raw HTML, an escape or an entity.
_MAY_BE_OPAQUE = re.compile(r"[`\[<\\&]")
# Inline raw HTML whose content is no place for a link: a link itself, and code-like elements.
_RAW_INLINE_ELEMENT = re.compile(
    r"<(a|code|kbd|samp|var|pre|script|style|textarea|button)(?=[\s>/])[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL
)
# Python-Markdown's autolink, which (unlike CommonMark's) may hold spaces: <https://x.org/a b>.
_PYTHON_MARKDOWN_AUTOLINK = re.compile(r"<(?:[Ff]|[Hh][Tt])[Tt][Pp][Ss]?://[^<>]*>")
# attr_list's attributes, { #id .class key="value" }, after a paragraph, a heading or an inline element.
_ATTR_LIST = re.compile(r"\{:?[ \t]*(?:[#.][^\s}]|[\w-]+=)[^}\n]*\}")
# Elements Python-Markdown takes as raw HTML blocks that CommonMark reads as inline HTML in a
# paragraph (its own block tags are handled as HTML blocks): their text is no prose, unless marked.
_PYTHON_MARKDOWN_BLOCK = re.compile(
    r"[ ]{0,3}<(?:canvas|group|hgroup|map|math|noscript|object|output|progress|video)(?=[\s>/])"
    r"(?![^>]*\smarkdown\b)",
    re.IGNORECASE,
)
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Offsets:
    """Where each character of a run stands in the page, kept as contiguous stretches.

    ``offsets[i]`` is the page offset of the run's character ``i``. A stretch starts wherever
    the run's text and the page's stop running side by side (at a line break, at ``\\|``).
    """

    __slots__ = ("_pages", "_texts")

    def __init__(self) -> None:
        self._texts: list[int] = []  # where each stretch starts in the run's text
        self._pages: list[int] = []  # where it starts in the page

    def add(self, text_position: int, page_position: int) -> None:
        if self._texts and page_position - self._pages[-1] == text_position - self._texts[-1]:
            return  # continues the current stretch
        self._texts.append(text_position)
        self._pages.append(page_position)

    def __getitem__(self, index: int) -> int:
        stretch = bisect.bisect_right(self._texts, index) - 1
        return self._pages[stretch] + index - self._texts[stretch]


@dataclass(frozen=True)
class ProseRun:
    """Inline source text; ``offsets[i]`` is the page offset of ``text[i]``, or None if unplaceable."""

    text: str
    offsets: Offsets | None
    opaque: tuple[tuple[int, int], ...]  # [start, end) ranges of ``text`` that are not prose
    line: int  # 1-based line of the page where the run starts

    def is_prose(self, start: int, end: int) -> bool:
        return not self.opaque or all(end <= s or start >= e for s, e in self.opaque)


@dataclass
class _Page:
    """The page being read: its lines (split at \\n only, as markdown-it splits them)."""

    lines: list[str]
    starts: list[int]
    cursor: dict[int, int] = field(default_factory=dict)  # line -> where the next piece may start


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
    # Inline Markdown is parsed by hand below, to record its opaque ranges. Emphasis and line
    # breaks make nothing opaque, and a setext heading's text is prose like a paragraph's (its
    # underline, read as a rule or as text, is no citation): not reading them saves time and
    # changes nothing found. text_join only joins the inline text we parse by hand.
    md = blocks.parser(
        "emphasis", "strikethrough", "newline", "balance_pairs", "fragments_join", "lheading", "text_join"
    )
    for rule in md.inline.ruler.__rules__:
        if rule.name in _OPAQUE_INLINE_RULES:
            rule.fn = _recording(rule.fn)
    md.inline.ruler.__compile__()
    return md


def prose_runs(markdown: str) -> list[ProseRun]:
    """Every piece of prose in ``markdown`` where a citation may stand, in reading order."""
    if not _MAY_CITE.search(markdown):
        return []
    lines = markdown.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    page = _Page(lines, starts)
    return list(_runs(markdown, [(i, 0) for i in range(len(lines))], page))


def _runs(text: str, origin: list[tuple[int, int]], page: _Page) -> Iterator[ProseRun]:
    """Prose runs of ``text``; ``origin[i]`` is (page line, column) where its line ``i`` begins."""
    md = _parser()
    env: dict = {}
    text_lines = text.split("\n")
    skip_to = 0  # tokens starting before this line belong to a raw HTML element already handled
    items: list[tuple[int, bool]] = []  # the list items open here: (first line, a list to Python-Markdown)
    lists: list[bool] = []
    for token in md.parse(text, env):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            lists.append(token.type == "bullet_list_open" or token.markup == ".")  # Python-Markdown has no 1)
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif token.type == "list_item_open":
            items.append((token.map[0] if token.map else -1, lists[-1] if lists else True))
        elif token.type == "list_item_close":
            items.pop()
        if token.map is None or token.map[0] < skip_to:
            continue
        first, last = token.map
        if items and token.type in ("inline", "code_block") and first > items[-1][0] and first > 0:
            code = _python_markdown_code(text_lines, first, sum(python for _, python in items))
            if code is True and token.type == "inline":
                continue  # indented as code to Python-Markdown, under a list item: not prose
            if code is False and token.type == "code_block" and _MAY_CITE.search(token.content):
                yield from _runs(*_body(token, origin, page), page)  # a paragraph of the item to Python-Markdown
                continue
        if token.type == "inline":
            if not _MAY_CITE.search(token.content):
                continue  # no bracket with a digit or a month: nothing here can be a citation
            run = _inline_run(md, env, token.content, origin[first:last], page)
            if _CONTAINER_OPENER.match(text_lines[first]):
                run = ProseRun(run.text, run.offsets, (*_title_syntax(run.text), *run.opaque), run.line)
            if _PYTHON_MARKDOWN_BLOCK.match(text_lines[first]):
                run = ProseRun(run.text, run.offsets, ((0, len(run.text)),), run.line)  # raw HTML to Python-Markdown
            if "*[" in run.text:
                run = ProseRun(run.text, run.offsets, (*_abbreviations(run.text), *run.opaque), run.line)
            yield run
        elif token.type == "code_block" and _MAY_CITE.search(token.content) and opens_container(text_lines, first):
            yield from _runs(*_body(token, origin, page), page)
        elif token.type == "html_block" and text_lines[first].lstrip().startswith("<!--"):
            comment_end = _comment_end(text_lines, first, last)
            if comment_end is not None:  # what follows the comment
                yield from _reread(text_lines, origin, comment_end, (last - 1, len(text_lines[last - 1])), page)
        elif token.type == "html_block":
            end_line, end_column, body = _html_element(text_lines, first, last)
            skip_to = end_line + 1
            if body is not None:
                yield from _reread(text_lines, origin, *body, page)
            if end_column is not None:  # what follows the element, to a blank line, is Markdown again
                while skip_to < len(text_lines) and text_lines[skip_to].strip():
                    skip_to += 1
                tail_end = (skip_to - 1, len(text_lines[skip_to - 1]))
                yield from _reread(text_lines, origin, (end_line, end_column), tail_end, page)


def _body(token: Token, origin: list[tuple[int, int]], page: _Page) -> tuple[str, list[tuple[int, int]]]:
    """An indented code block's text, to be read again as Markdown, and where its lines begin."""
    first = token.map[0]
    body = token.content.rstrip("\n")
    body_origin = []
    for index, piece in enumerate(body.split("\n")):
        page_line, column = origin[first + index]
        source = page.lines[page_line]
        body_origin.append((page_line, max(column, len(source) - len(piece)) if piece else column))
    return body, body_origin


def _python_markdown_code(text_lines: list[str], first: int, level: int) -> bool | None:
    """Whether Python-Markdown reads the block at line ``first``, after a blank line under a list
    item ``level`` lists deep, as code (indented four spaces more than the item's text, which is
    four spaces a level), or as the item's text (False); None if it follows no blank line."""
    if text_lines[first - 1].strip():
        return None
    line = text_lines[first].expandtabs(4)
    return len(line) - len(line.lstrip(" ")) >= 4 * (level + 1)


def _title_syntax(text: str) -> tuple[tuple[int, int], ...]:
    """The parts of an admonition's, a details' or a tab's opening line that are not prose: all of
    it but a quoted title, which Python-Markdown renders as inline Markdown (``!!! note "Title"``)."""
    head = text.find("\n") if "\n" in text else len(text)
    title = _QUOTED_TITLE.search(text, 0, head)
    if title is None or text.startswith("==="):  # a tab's title is its label, not rendered inline
        return ((0, head),)
    return ((0, title.start(1)), (title.end(1), head))


# Python-Markdown's admonition and pymdownx.details: the title is from the first quote to the last.
_QUOTED_TITLE = re.compile(r' +"(.*)" *$', re.MULTILINE)
# Python-Markdown's abbreviation definition, a line of its own: *[ABBR]: its title
_ABBREVIATION = re.compile(r"^[ ]{0,3}\*\[[^\]]*\][ ]?:.*$", re.MULTILINE)


def _abbreviations(text: str) -> tuple[tuple[int, int], ...]:
    """Abbreviation definitions (``*[KMS]: Kommersant``): Python-Markdown removes them from the text
    and writes their title into an attribute, where a link would show as Markdown."""
    return tuple(match.span() for match in _ABBREVIATION.finditer(text))


def _reread(
    text_lines: list[str], origin: list[tuple[int, int]], start: tuple[int, int], end: tuple[int, int], page: _Page
) -> Iterator[ProseRun]:
    """The prose runs of the text from ``start`` to ``end`` ((line, column) of ``text_lines``), read
    again as Markdown of its own: what markdown-it-py keeps in an HTML block, Python-Markdown does not."""
    (first, first_column), (last, last_column) = start, end
    lines = text_lines[first : last + 1]
    lines[-1] = lines[-1][:last_column]
    lines[0] = lines[0][first_column:]
    text = "\n".join(lines)
    if _MAY_CITE.search(text):
        shifted = [(origin[first][0], origin[first][1] + first_column), *origin[first + 1 : last + 1]]
        yield from _runs(text, shifted, page)


def _comment_end(text_lines: list[str], first: int, last: int) -> tuple[int, int] | None:
    """Where the HTML comment opening line ``first`` of a block (lines ``first`` to ``last``) ends."""
    for index in range(first, last):
        end = text_lines[index].find("-->", text_lines[index].find("<!--") + 4 if index == first else 0)
        if end >= 0:
            return index, end + 3
    return None


def opens_container(text_lines: list[str], first: int) -> bool:
    """Whether the nearest non-blank line above ``first`` opens an admonition or a content tab."""
    for index in range(first - 1, -1, -1):
        if text_lines[index].strip():
            return bool(_CONTAINER_OPENER.match(text_lines[index]))
    return False


def _html_element(
    text_lines: list[str], first: int, last: int
) -> tuple[int, int | None, tuple[tuple[int, int], tuple[int, int]] | None]:
    """The last line of the raw HTML element opening at line ``first``, the column just after its
    closing tag (None if it has none), and, if it is marked ``markdown``, where its content starts
    and ends ((line, column), (line, column))."""
    opening = _OPENING_TAG.match(text_lines[first])
    if opening is None or opening.group(1).lower() in _VOID:
        return last - 1, None, None
    tag = opening.group(1)
    opens = re.compile(rf"<{tag}(?=[\s>/])", re.I)
    closes = re.compile(rf"</{tag}\s*>", re.I)
    depth = 0
    for index in range(first, len(text_lines)):
        line = text_lines[index]
        start = opening.end() if index == first else 0
        depth += index == first
        position = start
        while True:
            next_open = opens.search(line, position)
            next_close = closes.search(line, position)
            if next_close is None:
                depth += len(opens.findall(line, position))
                break
            if next_open is not None and next_open.start() < next_close.start():
                depth += 1
                position = next_open.end()
                continue
            depth -= 1
            position = next_close.end()
            if depth == 0:
                if not _MARKDOWN_ATTRIBUTE.search(opening.group(2)):
                    return index, next_close.end(), None
                return index, next_close.end(), ((first, opening.end()), (index, next_close.start()))
    return len(text_lines) - 1, None, None  # never closed: Python-Markdown keeps the rest as raw HTML


def _align(piece: str, source: str, start: int) -> list[int] | None:
    """Where each character of ``piece`` stands in ``source``, from ``start`` on, when ``piece``
    is not there as it stands.

    markdown-it hands over inline text a little changed: ``\\|`` in a table cell becomes ``|``
    and NUL becomes U+FFFD. Anything else that differs cannot be placed.
    """
    if "|" not in piece and "\ufffd" not in piece:
        return None
    for begin in range(start, len(source)):
        positions, j = [], begin
        for char in piece:
            if j < len(source) and (source[j] == char or (char == "\ufffd" and source[j] == "\0")):
                positions.append(j)
                j += 1
            elif char == "|" and source.startswith("\\|", j):
                positions.append(j + 1)
                j += 2
            else:
                break
        else:
            return positions
    return None


def _inline_run(md: MarkdownIt, env: dict, content: str, origin: list[tuple[int, int]], page: _Page) -> ProseRun:
    offsets: Offsets | None = Offsets()
    position = 0  # in ``content``
    for index, piece in enumerate(content.split("\n")):
        page_line, column = origin[index] if index < len(origin) else origin[-1]
        column = max(column, page.cursor.get(page_line, 0))
        source, base = page.lines[page_line], page.starts[page_line]
        # Where markdown-it unescaped a pipe, a plain search could land in another table cell.
        unescaped = "|" in piece and "\\|" in source
        found = -1 if unescaped else source.find(piece, column) if piece else column
        if found >= 0:  # the usual case: the piece as it stands, and its line break after it, one stretch
            offsets.add(position, base + found)
            end = found + len(piece)
        else:
            positions = _align(piece, source, column)
            if positions is None:
                offsets = None
                break
            for offset, at in enumerate(positions):
                offsets.add(position + offset, base + at)
            end = positions[-1] + 1
            offsets.add(position + len(piece), base + end)  # the line break, or one past the end
        page.cursor[page_line] = end
        position += len(piece) + 1
    opaque: list[tuple[int, int]] = []
    if _MAY_BE_OPAQUE.search(content):  # without these characters, no inline rule makes anything opaque
        md.inline.parse(content, md, {**env, "opaque": opaque}, [])
        if "<" in content:
            opaque += [m.span() for m in _RAW_INLINE_ELEMENT.finditer(content)]
            opaque += [m.span() for m in _PYTHON_MARKDOWN_AUTOLINK.finditer(content)]
    if "{" in content:
        opaque += [m.span() for m in _ATTR_LIST.finditer(content)]
    first_line = origin[0][0] + 1 if origin else 1
    return ProseRun(content, offsets, tuple(opaque), first_line)
