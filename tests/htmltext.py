"""Read the article's own words back out of a built page, leaving out everything that is ours.

A tiny tree built with the standard library's HTML parser: enough to find elements by id, tag
or class and to take their text without the elements marked ``ours`` (our editorial additions)
or ``headerlink`` (Material's permalink).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_NOT_TEXT = ("ours", "headerlink")


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    parent: Element | None = None
    children: list[Element | str] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def iter(self):
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter()

    def text(self, *, skip: tuple[str, ...] = ()) -> str:
        parts = []
        for child in self.children:
            if isinstance(child, str):
                parts.append(child)
            elif not child.classes & set(skip):
                parts.append(child.text(skip=skip))
        return "".join(parts)

    def article_text(self) -> str:
        """The element's text without our additions, with white space folded as a browser shows it."""
        return " ".join(self.text(skip=_NOT_TEXT).split())


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#root", {})
        self.current = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.children.append(element)
        if tag not in _VOID:
            self.current = element

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.current.children.append(Element(tag, {k: v or "" for k, v in attrs}, self.current))

    def handle_endtag(self, tag: str) -> None:
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)


def parse(html: str) -> Element:
    builder = _Builder()
    builder.feed(html)
    builder.close()
    return builder.root


def by_id(root: Element, id: str) -> Element | None:
    return next((e for e in root.iter() if e.attrs.get("id") == id), None)


def article_paragraphs(root: Element) -> dict[int, str]:
    """Paragraph number -> the article's words in it, for every ¶-numbered paragraph on a page."""
    found = {}
    for element in root.iter():
        if element.tag == "a" and "edm-pilcrow" in element.classes and element.parent is not None:
            found[int(element.attrs["id"].removeprefix("p"))] = element.parent.article_text()
    return found
