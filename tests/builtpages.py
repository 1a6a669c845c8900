"""A built site's pages as the tests read them: a page's tree, a citation's preview, the Sources index."""

from __future__ import annotations

import re
from pathlib import Path

from edm_site.registry import Registry
from htmltext import Element, by_id, parse


def page(site: Path, name: str) -> Element:
    """A built page by its name in the site ("" for the home page, a theme's, "sources")."""
    return parse((site / name / "index.html").read_text(encoding="utf-8"))


def words(element: Element, **options: tuple[str, ...]) -> str:
    """An element's text with its white space folded."""
    return " ".join(element.text(**options).split())


def preview(root: Element, link: Element) -> str:
    """The text of the preview card a citation's link is described by (its first line: what and when)."""
    card = by_id(root, link.attrs["data-edm-preview"])
    assert card is not None and "edm-preview" in card.classes, f"{link.attrs['id']} has no preview card"
    about = by_id(root, link.attrs["aria-describedby"])  # what a screen reader says of it: one line
    assert about is not None and "hidden" in about.attrs and 0 < len(about.text().split()) < 30
    return words(card)


def cited_count(link: Element) -> int:
    """How many citations an index's link back stands for: "Talks ¶1, 2 citations" is two."""
    found = re.search(r", (\d+) citations$", words(link))
    return int(found[1]) if found else 1


def sources_index(site: Path, registry: Registry) -> tuple[dict[str, int], list[Element]]:
    """What /sources/ says: each outlet's "Cited N times" by its name, and every link back to a citation."""
    elements = list(page(site, "sources").iter())
    counts = {}
    for outlet in registry.outlets:
        heading = next(i for i, e in enumerate(elements) if e.attrs.get("id") == outlet.id)
        entry = next(e for e in elements[heading:] if "edm-outlet" in e.classes)
        count = re.search(r"Cited (\d+) times?:", entry.article_text())
        assert count is not None, f"/sources/: the entry of {outlet.name} says no count"
        counts[outlet.name] = int(count[1])
    return counts, [a for a in elements if a.tag == "a" and "#cite-" in a.attrs.get("href", "")]
