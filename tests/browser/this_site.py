"""Which of this edition's pages, citations and words the browser tests open, follow and search.

Each is chosen from the edition itself, never typed in: the themes and their pages from the manifest,
the citations from the article's text by the regex reading of ``this_edition`` (numbered as the site
numbers them, ``cite-N`` on each page in the order written), their outlets and EDM entries from the
data. So after ``make edition`` the browser tests check the new article's site, and what they expect
of it, with no hand edit.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from browsing import DOCS, page_path

from edm_site.registry import EdmArticle, Outlet
from this_edition import EDITION, PARAGRAPHS, REGISTRY, Citation, citations

T = TypeVar("T")


@dataclass(frozen=True)
class Themed:
    """A themed page: its title, its address and file name, and its paragraphs in the page's order."""

    title: str
    path: str  # from the root, slashes both ends: "/a-theme/"
    name: str  # "a-theme": its folder in the site, and its file in the offline edition (a-theme.html)
    numbers: tuple[int, ...]

    @property
    def citations(self) -> tuple[Citation, ...]:
        return citations(self.numbers)

    @property
    def markdown(self) -> str:
        """Its file under docs/, from the project's root."""
        return f"docs/{self.name}.md"


def _themed(title: str, source: str) -> Themed:
    markdown = (DOCS / source).read_text(encoding="utf-8")
    numbers = tuple(int(n) for n in re.findall(r"<!-- edm:para (\d+) -->", markdown))
    path = page_path(DOCS / source)
    return Themed(title, path, path.strip("/"), numbers)


THEMES: tuple[Themed, ...] = tuple(_themed(theme.title, theme.page) for theme in EDITION.themes)
FIRST = THEMES[0]
# Where the navigation leads on from the first theme: the second theme, or the full article when the
# edition has one theme only ("Full article" is the navigation's own title for it, in mkdocs.yml).
ONWARD: tuple[str, str] = (THEMES[1].title, THEMES[1].path) if len(THEMES) > 1 else ("Full article", "/article/")
# A themed page to arrive at from the full article: the second theme's (the first's when it is alone).
ARRIVAL = THEMES[1] if len(THEMES) > 1 else FIRST


def home_of(number: int) -> Themed:
    """The themed page that holds paragraph ``number``."""
    (home,) = [page for page in THEMES if number in page.numbers]
    return home


@dataclass(frozen=True)
class Cited:
    """A citation on its themed page: the N of its ``cite-N`` (and of its note), and what it cites."""

    page: Themed
    number: int
    citation: Citation

    @property
    def id(self) -> str:
        return f"cite-{self.number}"

    @property
    def outlet(self) -> Outlet:
        outlet = self.citation.outlet
        assert outlet is not None, f"{self.page.path}#{self.id} cites no outlet of the data"
        return outlet

    @property
    def opens_its_paragraph(self) -> bool:
        """Whether it is the first link after its paragraph's ¶ number (the paragraphs link nothing but
        citations), so that Tab from the number reaches it."""
        before = self.page.citations[: self.number - 1]
        return not before or before[-1].paragraph != self.citation.paragraph


def on_the_pages() -> Iterator[Cited]:
    """Every citation of the themed pages, page by page in the navigation's order."""
    for page in THEMES:
        for number, citation in enumerate(page.citations, start=1):
            yield Cited(page, number, citation)


def first(found: Iterable[T], what: str) -> T:
    for item in found:
        return item
    raise AssertionError(f"the edition has no {what}")


# The citation the tests follow: the first of a known outlet that opens its paragraph.
CITED = first(
    (c for c in on_the_pages() if c.citation.kind == "outlet" and c.opens_its_paragraph),
    "citation of an outlet that opens its paragraph",
)
# The one whose card the preview tests read: likewise, and of an outlet whose homepage is known (a stub
# of `make edition` has none, and its card says "Profile not known.").
PREVIEWED = first(
    (c for c in on_the_pages() if c.citation.kind == "outlet" and c.opens_its_paragraph and c.outlet.homepage),
    "citation that opens its paragraph, of an outlet whose homepage is known",
)
# The first citation whose outlet's name was lost, and the first EDM cross-reference; None if none.
LOST: Cited | None = next((c for c in on_the_pages() if c.citation.kind == "lost"), None)
XREF: Cited | None = next((c for c in on_the_pages() if c.citation.kind == "edm"), None)
# The themed page with the most citations (the first of those with as many).
BUSIEST = max(THEMES, key=lambda page: len(page.citations))


def edm_entry(cited: Cited) -> EdmArticle:
    """The EDM article of the data a cross-reference's date names."""
    entry = REGISTRY.edm_article(cited.citation.date)
    assert entry is not None, f"{cited.page.path}#{cited.id}: no EDM entry of {cited.citation.date} in the data"
    return entry


# -- Words to search by ------------------------------------------------------------------------------

# lunr's English stop words of three letters or more, which the search drops from a query (its
# stopWordFilter, in the search index's pipeline): a search for one of them finds nothing.
_LUNR_STOP_WORDS = (
    "able about across after all almost also among and any are because been but can cannot could dear did does "
    "either else ever every for from get got had has have her hers him his how however into its just least let "
    "like likely may might most must neither nor not off often only other our own rather said say says she "
    "should since some than that the their them then there these they this tis too twas wants was were what "
    "when where which while who whom why will with would yet you your"
)
STOP_WORDS = frozenset(_LUNR_STOP_WORDS.split())


def index_texts(site: Path) -> dict[str, str]:
    """The search index of a built site (served: search_index.json; offline: the script that holds
    it), as each entry's location -> its title and text, lower-case, tags dropped."""
    folder = site / "search"
    if (folder / "search_index.json").is_file():
        raw = (folder / "search_index.json").read_text(encoding="utf-8")
    else:
        script = (folder / "search_index.js").read_text(encoding="utf-8")
        raw = script[script.index("{") : script.rindex("}") + 1]
    docs = json.loads(raw)["docs"]
    return {
        doc["location"]: html.unescape(re.sub(r"<[^>]+>", " ", f"{doc['title']} {doc['text']}")).lower() for doc in docs
    }


def built_page(site: Path, name: str) -> Path:
    """A page's file in a built site: served (``name/index.html``) or offline (``name.html``)."""
    served = site / name / "index.html"
    return served if served.is_file() else site / f"{name}.html"


def words_of(number: int, site: Path) -> list[str]:
    """Words to search paragraph ``number`` by, best first (the longest), read off the text.

    The search splits the text at white space and hyphens only, and keeps the rest of each piece (its
    index's pipeline has no trimmer and no stemmer): a word is a piece of letters alone (punctuation at
    either end would stay in the index's token), and no stop word. It finds the words that begin with
    what was typed, and the highlight marks it inside other words too: so no other page's entries in the
    search index hold it, nor any other paragraph, even inside another word; and the built page does not
    show it before the paragraph, so that its first mark is in it."""
    home = home_of(number).name
    index = index_texts(site)
    others = [text for n, text in enumerate(PARAGRAPHS, start=1) if n != number]
    own = (f"{home}/", f"{home}.html")
    elsewhere = " ".join([*(text for where, text in index.items() if where.split("#")[0] not in own), *others]).lower()
    page = built_page(site, home).read_text(encoding="utf-8")
    content = page[page.index('data-md-component="content"') : page.index(f'id="p{number}"')]
    before = html.unescape(re.sub(r"<[^>]+>", " ", content)).lower()
    found = {
        word
        for word in re.split(r"[\s\-]+", PARAGRAPHS[number - 1])
        if re.fullmatch(r"[A-Za-z]{3,}", word)
        and word.lower() not in STOP_WORDS
        and word.lower() not in elsewhere
        and word.lower() not in before
    }
    return sorted(found, key=lambda w: (-len(w), w))


def marks_in(number: int, word: str) -> int:
    """How many marks the search's highlight sets in paragraph ``number`` for ``word``: one for each
    time it stands there, inside other words too, in any case (marks apart only by white space are one)."""
    return len(re.findall(rf"{re.escape(word)}(?:\s+{re.escape(word)})*", PARAGRAPHS[number - 1], re.IGNORECASE))


def searched(site: Path) -> tuple[int, str]:
    """A paragraph of the first theme (the next theme's if it has none) and its best word to search by."""
    for page in THEMES:
        for number in page.numbers:
            if found := words_of(number, site):
                return number, found[0]
    raise AssertionError("no paragraph has a word to search it by")
