"""The one place that writes the Markdown of a link the hooks add.

Links are Markdown links to ``.md`` files, relative to the citing page, so that MkDocs rewrites
and validates them; attributes go in an attr_list. Every value that comes from data is escaped.
"""

from __future__ import annotations

import html
import posixpath
import re
from functools import lru_cache


@lru_cache(maxsize=4096)  # bounded: mkdocs serve keeps it from build to build
def relative(target_src_uri: str, from_src_uri: str) -> str:
    """The relative ``.md`` address of one page from another, as MkDocs resolves it."""
    return posixpath.relpath(target_src_uri, posixpath.dirname(from_src_uri) or ".")


@lru_cache(maxsize=4096)
def md_text(text: str) -> str:
    """Text from data, safe anywhere in a line of Markdown: link text, a list item, a table cell.

    White space is folded (a line break would end a table row), Markdown's inline syntax is
    escaped, and so is what would open a block at the start of a line: a list, a heading, and the
    blocks of the extensions (``!!!`` an admonition, ``???`` details, ``===`` tabs or a heading's
    underline, ``~~~`` a fence), whose first sign is written as a character reference, since
    Python-Markdown has no backslash escape for ``=``, ``?`` or ``~``.
    """
    escaped = re.sub(r"([\\`*_\[\]{}#|])", r"\\\1", html.escape(" ".join(text.split()), quote=False))
    escaped = re.sub(r"^(\d+)([.)])|^([-+])", lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", escaped)
    return f"&#{ord(escaped[0])};{escaped[1:]}" if escaped[:1] in _BLOCK_SIGNS else escaped


_BLOCK_SIGNS = frozenset("!?=~:%")  # what opens a block of an extension at the start of a line


def md_link(
    text: str,
    href: str,
    *,
    title: str | None = None,
    id: str | None = None,
    classes: tuple[str, ...] = (),
    attributes: str = "",
) -> str:
    """``[text](href "title"){ #id .class key="value" }``; ``text`` is written as given.

    ``attributes`` is further attr_list entries, written by the caller (``data-note="3"``).
    """
    title_part = f' "{_quoted(title)}"' if title else ""
    if not (id or classes or attributes):
        return f"[{text}]({href}{title_part})"
    parts = ([f"#{id}"] if id else []) + [f".{name}" for name in classes] + ([attributes] if attributes else [])
    return f"[{text}]({href}{title_part}){{ {' '.join(parts)} }}"


@lru_cache(maxsize=4096)
def _quoted(value: str) -> str:
    """A value escaped for a quoted title or attribute (titles repeat: a tooltip per outlet and date)."""
    return html.escape(value, quote=True)


def affiliation_mark(affiliation: str) -> str:
    """The marker of an outlet's ownership after its name: a letter in a shape (``edm.css``), named in words.

    Ours, so ``ours``; an image to assistive technology, whose name says the ownership ("private
    outlet"; "outlet of unknown ownership" for ``unknown``, marked "?").
    """
    name = "outlet of unknown ownership" if affiliation == "unknown" else f"{affiliation} outlet"
    return (
        f'<span class="edm-mark edm-mark--{_quoted(affiliation)} ours" role="img" aria-label="{_quoted(name)}"></span>'
    )


def backlink(label: str, target_src_uri: str, anchor: str, from_src_uri: str) -> str:
    """The link from an index back to a citation: its page and paragraph, to its anchor. No title: the
    index already says the outlet and the date, and every title is a tooltip Material sets up as the
    page starts (a fifth of that start's blocking time on /chronology/, a page of such links)."""
    return md_link(md_text(label), f"{relative(target_src_uri, from_src_uri)}#{anchor}")


LINKS_PER_ELEMENT = 100  # Python-Markdown's abbr processor takes time quadratic in an element's children


def backlink_letters(anchors: list[str], dates: list[str] | None = None) -> str:
    """Wikipedia's way back from a reference list: "↑" for one citation, "↑ a b c" for several.

    With ``dates`` (one per anchor), each way back is followed by the date its citation gives, so
    the letters and the dates beside them are in one order, the text's: "↑ a 11 May 2017, b 2 May 2017".
    """
    return backlink_runs(anchors, dates, per_run=len(anchors) or 1)[0]


def backlink_runs(anchors: list[str], dates: list[str] | None = None, per_run: int = LINKS_PER_ELEMENT) -> list[str]:
    """``backlink_letters`` cut into runs of at most ``per_run`` links, each for an element of its own:
    one run as a rule; a page citing one source thousands of times gets several, so that no element
    holds thousands of links. The letters go on from run to run ("↑ a b … cv", "cw cx …")."""
    if len(anchors) == 1:
        back = md_link("↑", f"#{anchors[0]}", title="Back to the citation")
        return [f"{back} {dates[0]}" if dates else back]
    letters = (chr(ord("a") + i) if i < 26 else str(i + 1) for i in range(len(anchors)))
    count = len(anchors)
    links = [
        md_link(letter, f"#{anchor}", title=f"Back to citation {i} of {count}")
        for i, (letter, anchor) in enumerate(zip(letters, anchors, strict=True), start=1)
    ]
    items = [f"{link} {date}" for link, date in zip(links, dates, strict=True)] if dates else links
    separator = ", " if dates else " "
    runs = [separator.join(items[i : i + per_run]) for i in range(0, len(items), per_run)]
    return ["↑ " + runs[0], *runs[1:]]
