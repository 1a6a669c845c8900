"""The safety net after rendering: every citation a reader sees is linked, or an author is told.

The hooks find citations with markdown-it-py (CommonMark) while Python-Markdown renders the
page, and the two read some Markdown differently. Whatever the cause, the rendered page shows
it: here the text a reader sees is read back out of the HTML, and every citation-shaped bracket
(``grammar`` and the near-miss rules of ``citations``) that is not inside one of our citation
links (classes ``edm-cite``, ``edm-xref``, ``edm-lost``), code, or a link of the author's is a
finding; so is any link Markdown of ours that reached the reader as text (``[Kommersant](sources.md
#kommersant){ #cite-1 ... }``), in text or in an attribute (an abbreviation's title), with its
cause. Our own hidden preview cards and print endnotes are ours, not citations, and not read.

A finding is placed in the page's Markdown by its text, as written there: white space may differ,
and emphasis, escapes, tags or entities may stand between its characters.
"""

from __future__ import annotations

import bisect
import heapq
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

from . import grammar, reveal
from .citations import _LONGEST, Citation, _looks_like_citation, near_miss
from .registry import Registry

OUR_LINKS = frozenset({"edm-cite", "edm-xref", "edm-lost"})
OURS_NOT_CITATIONS = frozenset({"edm-previews", "edm-endnotes"})  # our words: hidden cards, print notes
_OPAQUE = frozenset({"a", "code", "pre", "kbd", "samp", "var", "script", "style", "textarea", "button"})
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
# Elements Python-Markdown writes around text it reads as Markdown; text straight inside another
# (a <div>, a <video>) stood in raw HTML.
_MARKDOWN_TEXT = frozenset(
    {"p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "summary", "dt", "dd", "em", "strong", "abbr", "sup",
     "sub", "mark", "del", "ins", "span", "figcaption", "caption", "blockquote"}
)  # fmt: skip
_BLOCKS = frozenset(
    {"p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "summary", "dt", "dd", "div", "section", "details",
     "blockquote", "table", "tr", "ul", "ol", "pre", "figure", "figcaption", "br", "hr", "video", "audio", "form"}
)  # fmt: skip
_BREAK = "\x00"  # between blocks: a bracket never spans two
_LINKED = "\x01"  # stands for one of our citation links
_BRACKETS = re.compile(r"\(([^()]*)\)")
# Our link Markdown, as md_link writes it: [text](href){ #cite-N .class ... }
_LEAK = re.compile(r"\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\([^()\s]*(?:\s+\"[^\"]*\")?\)\{\s*#cite-\d+[^}]*\}")


@dataclass(frozen=True)
class Finding:
    """A bracket a reader sees unlinked (or link Markdown of ours shown as text), and why."""

    text: str  # the bracket as the reader sees it, spaces folded
    message: str
    number: int | None = None  # of the citation whose link Markdown leaked


@dataclass
class _Reader(HTMLParser):
    registry: Registry
    text: list[str] = field(default_factory=list)
    opaque: list[tuple[int, int]] = field(default_factory=list)
    leaks: list[tuple[int, Finding]] = field(default_factory=list)  # (where in the text, what)
    stack: list[tuple[str, str]] = field(default_factory=list)  # (tag, what it is: text, opaque, ours, linked)
    contexts: list[tuple[int, str]] = field(default_factory=list)  # (where in the text, the innermost tag there)
    length: int = 0
    # all text, code and ours included: (where in it, text, cause, where in ``text``)
    everything: list[tuple[int, str, str, int]] = field(default_factory=list)
    everything_length: int = 0

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def _append(self, piece: str) -> None:
        self.text.append(piece)
        self.length += len(piece)

    def _kind(self) -> str:
        return self.stack[-1][1] if self.stack else "text"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value and "#cite-" in value:
                for leak in _LEAK.finditer(value):
                    cause = f"in the {name} attribute of <{tag}> (an abbreviation's definition, or raw HTML)"
                    self.leaks.append((self.length, _leaked(value, leak, cause)))
        if tag in _BLOCKS:
            self._append(_BREAK)
        if tag in _VOID:
            return
        classes = set((dict(attrs).get("class") or "").split())
        kind = self._kind()
        if kind in ("ours", "linked"):
            pass
        elif classes & OURS_NOT_CITATIONS:
            kind = "ours"
        elif tag == "a" and classes & OUR_LINKS:
            kind = "linked"
            self._append(_LINKED)
        elif tag in _OPAQUE:
            kind = "opaque"
        self.stack.append((tag, kind))
        self.contexts.append((self.length, tag))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS:
            self._append(_BREAK)
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break
        self.contexts.append((self.length, self.stack[-1][0] if self.stack else ""))

    def handle_data(self, data: str) -> None:
        kind = self._kind()
        # our link Markdown may be cut by tags it holds (the ownership mark): all text is kept
        self.everything.append((self.everything_length, data, self._cause(kind), self.length))
        self.everything_length += len(data)
        if kind in ("ours", "linked"):
            return
        start = self.length
        self._append(data)
        if kind == "opaque":
            self.opaque.append((start, self.length))

    def _cause(self, kind: str) -> str:
        tag = self.stack[-1][0] if self.stack else ""
        if kind == "opaque" and tag in ("code", "pre"):
            return "Python-Markdown reads it as code (an indented block it does not take as a list item's text)"
        if kind == "text" and tag and tag not in _MARKDOWN_TEXT:
            return f"it stands in raw HTML <{tag}>, which Python-Markdown does not read as Markdown"
        return "Python-Markdown did not read it as Markdown where the hooks did"

    def text_leaks(self) -> list[tuple[int, Finding]]:
        """Our link Markdown in the text, even where tags it holds (the ownership mark) cut it."""
        pieces = self.everything
        joined = "".join(piece for _, piece, _, _ in pieces)
        if "#cite-" not in joined:
            return []
        starts = [start for start, _, _, _ in pieces]
        found = []
        for leak in _LEAK.finditer(joined):
            _, _, cause, at = pieces[bisect.bisect_right(starts, leak.start()) - 1]
            found.append((at, _leaked(joined, leak, cause)))
        return found

    def tag_at(self, position: int) -> str:
        index = bisect.bisect_right(self.contexts, (position, "\uffff")) - 1
        return self.contexts[index][1] if index >= 0 else ""


def _leaked(text: str, leak: re.Match[str], cause: str) -> Finding:
    """A leak of our link Markdown, as the bracket it stood in would read without it."""
    name = re.sub(r"<[^>]*>", "", leak.group(1))
    line_start = text.rfind("\n", 0, leak.start()) + 1
    line_end = text.find("\n", leak.end())
    line = text[line_start : leak.start()] + name + text[leak.end() : line_end if line_end >= 0 else len(text)]
    at = leak.start() - line_start
    opening, closing = line.rfind("(", 0, at + 1), line.find(")", at)
    bracket = line[opening : closing + 1] if opening >= 0 and closing >= 0 else name
    compact = re.sub(r"<[^>]*>", "", leak.group(0))
    compact = re.sub(r"(\{\s*#cite-\d+)[^}]*\}", r"\1 … }", compact)
    message = (
        f"our link Markdown reaches the reader as text ({reveal.shown(compact, 120)}): {cause}; "
        "write the citation in a paragraph, a list item or an element marked markdown"
    )
    number = int(re.search(r"#cite-(\d+)", leak.group(0)).group(1))
    return Finding(" ".join(bracket.split()), message, number)


def findings(page_html: str, registry: Registry) -> list[Finding]:
    """Every citation-shaped bracket the reader sees unlinked, and every leak of our link Markdown, in order."""
    reader = _Reader(registry)
    reader.feed(page_html)
    reader.close()
    found = [*reader.leaks, *reader.text_leaks()]
    text = "".join(reader.text)
    # One sweep over brackets and code/link spans, both in text order: the spans begun before a
    # bracket ends and not ended before it starts are those it overlaps (comparing every bracket
    # with every span was quadratic: 30 s of a page of 25,000 citations).
    spans = sorted(reader.opaque)
    active: list[tuple[int, int]] = []  # (end, start) of the spans that may still overlap a bracket
    taken = 0
    for bracket in _BRACKETS.finditer(text):
        inner = bracket.group(1)
        if _LINKED in inner or _BREAK in inner:
            continue
        start, end = bracket.span()
        while taken < len(spans) and spans[taken][0] < end:
            heapq.heappush(active, (spans[taken][1], spans[taken][0]))
            taken += 1
        while active and active[0][0] <= start:
            heapq.heappop(active)  # ended before this bracket, so before every later one
        overlaps = [(s, e) for e, s in active]
        if any(s <= start and e >= end for s, e in overlaps):
            continue  # inside code or a link of the author's
        message = _unlinked(inner, registry, bool(overlaps), reader.tag_at(start))
        if message is not None:
            found.append((start, Finding(" ".join(bracket.group(0).split()), message)))
    return [finding for _, finding in sorted(found, key=lambda item: item[0])]


def _unlinked(inner: str, registry: Registry, markup: bool, tag: str) -> str | None:
    parsed = grammar.parse_bracket(inner) if "," in inner and len(inner) <= _LONGEST else None
    if parsed is None and not _looks_like_citation(inner, registry):
        return None
    if markup:
        return "holds code or a link, so it is not linked: write the citation as plain text, (Outlet, Month Day)"
    if parsed is None:
        return near_miss(inner)
    where = (
        f"it stands in raw HTML <{tag}>, which the hooks do not read: mark the element markdown (<{tag} markdown>)"
        if tag and tag not in _MARKDOWN_TEXT
        else "Python-Markdown shows it as text where the hooks did not read it as prose"
    )
    return f"is shown to the reader but not linked: {where}"


def locate(text: str, markdown: str, taken: list[tuple[int, int]], used: set[int]) -> int | None:
    """The 1-based line of ``markdown`` where the bracket the reader sees as ``text`` is written,
    skipping the places in ``taken`` (linked citations) and ``used`` (findings already placed)."""
    for match in _pattern(text).finditer(markdown):
        if match.start() in used or any(s < match.end() and e > match.start() for s, e in taken):
            continue
        used.add(match.start())
        return markdown.count("\n", 0, match.start()) + 1
    return None


_GAP = r"(?:[*_`\\]|<[^<>\n]*>)*"


def _pattern(text: str) -> re.Pattern[str]:
    text = text[:200]  # enough to place it; a longer pattern only costs time
    parts = []
    for piece in re.findall(r"\s+|\S", text):
        if piece.isspace():
            parts.append(r"(?:\s|&nbsp;|&#160;)+")
        else:
            parts.append(f"(?:{re.escape(piece)}|&[#\\w]+;)")
    return re.compile(_GAP.join(parts))


def problems(
    src_uri: str,
    page_html: str,
    markdown: str,
    line_offset: int,
    registry: Registry,
    citations: list[Citation],
    others: dict[str, tuple[str, int]],
    reported: set[tuple[str, str]] = frozenset(),
) -> Iterator[str]:
    """Each finding of a page as ``page:line: citation TEXT: message``, placed in ``markdown`` (the
    page's Markdown, ``line_offset`` lines below the file's start), else in another page's; none
    already ``reported`` as (``page:line``, ``same_bracket(text)``) by the reading (``*`` for
    the page: reported on another page, whose Markdown the full article holds). ``others``: each
    page's Markdown and the lines of front matter above it."""
    used: set[int] = set()
    said = set(reported)
    taken = [(c.start, c.end) for c in citations]
    leaked = {c.number: c.line for c in citations}
    for finding in findings(page_html, registry):
        line = leaked.get(finding.number) or locate(finding.text, markdown, taken, used)
        if line is None and ("*", same_bracket(reveal.shown(finding.text))) in said:
            continue  # from another page (the full article's paragraphs), where the reading reported it
        where = f"{src_uri}:{line + line_offset}" if line is not None else _elsewhere(src_uri, finding.text, others)
        key = (where, same_bracket(reveal.shown(finding.text)))
        if key in said:
            continue
        said.add(key)
        message = finding.message
        unlinked = message.startswith("is shown to the reader")
        if unlinked and line is not None and (tag := raw_html_around(markdown, line)) is not None:
            message = (
                f"is shown to the reader but not linked: it stands in raw HTML <{tag}>, which the hooks do not "
                f"read: mark the element markdown (<{tag} markdown>)"
            )
        elif unlinked and line is not None and (unclosed := unclosed_above(markdown, line)) is not None:
            tag, opened = unclosed
            message = (
                f"is shown to the reader but not linked: the HTML element <{tag}> opened on line "
                f"{opened + line_offset} is never closed (a misspelt closing tag?), so what follows it is raw "
                f"HTML to Python-Markdown: close it with </{tag}>"
            )
        yield f"{where}: citation {reveal.shown(finding.text)}: {message}"


_HTML_OPENING = re.compile(r"[ \t]*<([a-zA-Z][a-zA-Z0-9-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")


def unclosed_above(markdown: str, line: int) -> tuple[str, int] | None:
    """An HTML element opened at the start of a line above ``line`` (1-based) that is closed
    fewer times than it is opened in the page, and the line where it opens; or None."""
    lines = markdown.split("\n")
    for index in range(line - 2, -1, -1):
        opening = _HTML_OPENING.match(lines[index])
        if opening is None or opening.group(1).lower() in _VOID:
            continue
        tag = re.escape(opening.group(1))
        opens = len(re.findall(rf"<{tag}(?=[\s>/])", markdown, re.IGNORECASE))
        closes = len(re.findall(rf"</{tag}\s*>", markdown, re.IGNORECASE))
        if opens > closes:
            return opening.group(1), index + 1
    return None


def raw_html_around(markdown: str, line: int) -> str | None:
    """The tag of the raw HTML block, not marked markdown, whose paragraph holds ``line`` (1-based), or None."""
    lines = markdown.split("\n")
    for index in range(line - 1, -1, -1):
        if not lines[index].strip():
            return None
        opening = _HTML_OPENING.match(lines[index])
        if opening is not None:
            marked = re.search(r"\smarkdown\b", opening.group(2))
            return None if marked else opening.group(1)
    return None


def _elsewhere(src_uri: str, text: str, others: dict[str, tuple[str, int]]) -> str:
    for other, (markdown, offset) in others.items():
        if other != src_uri and (line := locate(text, markdown, [], set())) is not None:
            return f"{src_uri}:1 (from {other}:{line + offset})"
    return f"{src_uri}:1 (not found in its Markdown: it comes from an include or a shortcode)"


def same_bracket(text: str) -> str:
    """A bracket's letters and digits only: the same whether read from the Markdown or the page."""
    return re.sub(r"[\W_]+", "", html.unescape(text))
