"""Numbered article paragraphs: the ``<!-- edm:para N -->`` marker and the assembled article.

A themed page marks each paragraph of the article it holds with ``<!-- edm:para N -->`` on the
line above. The marker becomes the paragraph's visible ¶ number, an anchor ``#pN`` and a link to
the same paragraph on the other side (themed page <-> full article). The full article page holds
``<!-- edm:article -->`` where the paragraphs go, in order, so each paragraph is written once.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from . import blocks, shortcodes

_MARKER = re.compile(r"<!--[ \t]*edm:para[ \t]+(\d+)[ \t]*-->[ \t]*\n?")


@dataclass(frozen=True)
class Paragraph:
    number: int
    line: int  # 1-based line of the marker
    text: str  # the paragraph's Markdown, as written


def find_paragraphs(markdown: str) -> list[Paragraph]:
    """The marked paragraphs of a page, in page order (markers inside code are ignored)."""
    lines = markdown.split("\n")  # lines as markdown-it and Python-Markdown count them: \n only, never U+2028
    found = []
    for token in blocks.shared().parse(markdown):
        match = _MARKER.fullmatch(token.content) if token.type == "html_block" and token.map else None
        if match is None:
            continue
        first = token.map[1]
        last = first
        while last < len(lines) and lines[last].strip():
            last += 1
        found.append(Paragraph(int(match.group(1)), token.map[0] + 1, "\n".join(lines[first:last])))
    return found


def assemble_article(markdown: str, paragraphs: list[Paragraph]) -> str:
    """The full-article page: its placeholder replaced by every paragraph, marked, in order."""
    body = "\n\n".join(f"<!-- edm:para {p.number} -->\n{p.text}" for p in sorted(paragraphs, key=lambda p: p.number))
    return shortcodes.expand(markdown, {"article": lambda: body})


def mark_paragraphs(markdown: str, pilcrow: Callable[[int], str]) -> str:
    """Each marker replaced by ``pilcrow(N)``, which then opens the paragraph below it."""
    numbers = {p.line for p in find_paragraphs(markdown)}
    out = []
    for number, line in enumerate(_lines(markdown), start=1):
        match = _MARKER.fullmatch(line) if number in numbers else None
        out.append(pilcrow(int(match.group(1))) + "\n" if match else line)
    return "".join(out)


def _lines(markdown: str) -> list[str]:
    """The lines of ``markdown`` with their ends, split at \n only (``splitlines`` also splits at
    U+2028 and the like, which neither Markdown parser counts as the end of a line)."""
    lines = markdown.split("\n")
    return [line + "\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])


def paragraph_at(paragraphs: list[Paragraph], line: int) -> int | None:
    """The number of the marked paragraph that holds ``line``, if any."""
    for paragraph in paragraphs:
        if paragraph.line < line <= paragraph.line + paragraph.text.count("\n") + 1:
            return paragraph.number
    return None


@dataclass(frozen=True)
class Article:
    """The article's paragraphs as the site holds them: where each is written, and the full-article page."""

    homes: dict[int, tuple[str, Paragraph]]  # number -> (src_uri of its themed page, paragraph)
    article_pages: tuple[str, ...]  # pages with the <!-- edm:article --> placeholder
    problems: tuple[str, ...]
    marked: dict[str, list[Paragraph]]  # page -> the paragraphs marked on it, in page order

    @property
    def texts(self) -> dict[int, str]:
        return {number: paragraph.text for number, (_, paragraph) in self.homes.items()}

    @property
    def pages(self) -> dict[int, str]:
        """Paragraph number -> the themed page where it is written."""
        return {number: src_uri for number, (src_uri, _) in self.homes.items()}


def collect(pages: list[tuple[str, str, int]]) -> Article:
    """The marked paragraphs of every page: (src_uri, its Markdown, the lines of front matter above it)."""
    homes: dict[int, tuple[str, Paragraph]] = {}
    article_pages: list[str] = []
    problems: list[str] = []
    marked: dict[str, list[Paragraph]] = {}
    offsets: dict[str, int] = {}
    for src_uri, markdown, offset in pages:
        if "edm:" not in markdown:
            continue
        offsets[src_uri] = offset
        marked[src_uri] = find_paragraphs(markdown) if "edm:para" in markdown else []
        placeholders = [code for code in shortcodes.locate(markdown) if code.name == "article"]
        if placeholders:
            if article_pages:
                problems.append(
                    f"{src_uri}:{placeholders[0].line + 1 + offset}: <!-- edm:article --> is already on "
                    f"{article_pages[0]}: keep it on one page"
                )
            article_pages.append(src_uri)
            problems += [
                f"{src_uri}:{p.line + offset}: <!-- edm:para {p.number} --> on the full article's page: the article "
                "takes its paragraphs from the themed pages; mark the paragraph there"
                for p in marked[src_uri]
            ]
            continue
        for paragraph in marked[src_uri]:
            where = f"{src_uri}:{paragraph.line + offset}"
            if not paragraph.text.strip():
                problems.append(
                    f"{where}: <!-- edm:para {paragraph.number} --> has no paragraph after it: put the marker "
                    "on the line just above its paragraph"
                )
            if paragraph.number in homes:
                problems.append(
                    f"{where}: paragraph {paragraph.number} is already marked in "
                    f"{homes[paragraph.number][0]}: each paragraph is written once; remove one of the markers"
                )
                continue
            homes[paragraph.number] = (src_uri, paragraph)
    numbers = sorted(homes)
    for number in numbers:
        if number < 1 or number > len(numbers):
            src_uri, paragraph = homes[number]
            problems.append(
                f"{src_uri}:{paragraph.line + offsets[src_uri]}: the marked paragraphs are {numbers}: "
                f"number them 1 to {len(numbers)} without gaps"
            )
    return Article(homes, tuple(article_pages), tuple(problems), marked)


def after_title(markdown: str, block: str) -> str:
    """``markdown`` with ``block`` placed right after its first level-one heading (first, if it has none)."""
    lines = _lines(markdown)
    tokens = blocks.shared().parse(markdown)
    end = next((t.map[1] for t in tokens if t.type == "heading_open" and t.tag == "h1" and t.map), 0)
    before, after = "".join(lines[:end]), "".join(lines[end:])
    return f"{before.rstrip()}\n\n{block.strip()}\n\n{after.lstrip()}" if before else f"{block.strip()}\n\n{after}"
