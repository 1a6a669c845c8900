"""Abbreviations marked once a page: at their first use in the text a reader sees, never in a heading.

Python-Markdown's ``abbr`` extension wraps every use of every abbreviation in ``<abbr>``: in the
article's ¶3 that is about twenty dotted underlines, some inside headings, where Material draws the
line too. This tree processor runs after it and leaves an abbreviation marked only at its first use
on the page outside headings; the others, and those inside elements a reader does not see as text
(our hidden citation previews, the print endnotes), become plain text again.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


class FirstUse(Treeprocessor):
    def __init__(self, md: Markdown, unseen_classes: frozenset[str]) -> None:
        super().__init__(md)
        self.unseen_classes = unseen_classes

    def run(self, root: etree.Element) -> None:
        self._walk(root, set(), marking=True)

    def _walk(self, parent: etree.Element, seen: set[str], *, marking: bool) -> None:
        for child in list(parent):
            if child.tag == "abbr":
                text = child.text or ""
                if marking and text not in seen:
                    seen.add(text)
                else:
                    _unwrap(parent, child)
                continue
            classes = set((child.get("class") or "").split())
            in_sight = marking and child.tag not in HEADINGS and not classes & self.unseen_classes
            self._walk(child, seen, marking=in_sight)


def _unwrap(parent: etree.Element, child: etree.Element) -> None:
    """Replace ``child`` (an ``<abbr>``, text only) by its text, kept in document order."""
    text = (child.text or "") + (child.tail or "")
    index = list(parent).index(child)
    if index:
        previous = parent[index - 1]
        previous.tail = (previous.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
    parent.remove(child)


class FirstUseExtension(Extension):
    """Register after ``abbr``: ``FirstUseExtension(unseen_classes={"edm-previews"})``."""

    def __init__(self, unseen_classes: frozenset[str] = frozenset()) -> None:
        super().__init__()
        self.unseen_classes = frozenset(unseen_classes)

    def extendMarkdown(self, md: Markdown) -> None:
        # abbr's own tree processor has priority 7: this one runs after it, before the table of contents (5).
        md.treeprocessors.register(FirstUse(md, self.unseen_classes), "edm_abbr_first_use", 6)
