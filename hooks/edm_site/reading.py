"""The one reading of the site per build: every page's paragraphs and citations, and every
problem an author must hear of, before any page is rendered.

The indexes, the full article and the apparatus are all built from this reading, so they agree
with each other and with the pages.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from . import blocks, events, frontmatter, index, paragraphs, people, shortcodes
from .citations import Citation, find_citations
from .sitedata import SiteData


@dataclass(frozen=True)
class PageSource:
    src_uri: str
    title: str | None  # from the navigation; else the front matter's, else the file's name
    source: str  # as in the file, front matter included


@dataclass(frozen=True)
class Reading:
    article: paragraphs.Article
    index: index.SiteIndex
    published: dict[str, dt.date]  # page -> the date its year-less citations resolve against
    problems: tuple[str, ...]
    found: dict[str, tuple[str, list[Citation]]]  # page -> (its Markdown, the citations found in it)

    def published_at(self, src_uri: str, line: int, page_paragraphs: list[paragraphs.Paragraph]) -> dt.date:
        """The publication date for a line of a page; on the full article, that of the paragraph's page."""
        number = paragraphs.paragraph_at(page_paragraphs, line) if src_uri in self.article.article_pages else None
        return self.published[self.article.pages.get(number, src_uri)]


@dataclass(frozen=True)
class PageReading:
    """One page read on its own: its Markdown (front matter off), date, citations and problems."""

    markdown: str
    offset: int  # lines of front matter above it
    meta: dict
    published: dt.date  # what its year-less citations resolve against
    citations: list[Citation]
    problems: list[str]  # each "page:line: what is wrong: what to do"


def read_page(page: PageSource, data: SiteData) -> PageReading:
    markdown, page_meta, offset = frontmatter.read(page.source)
    where = page.src_uri
    problems: list[str] = []
    if not page_meta and (unreadable := frontmatter.unreadable(page.source)) is not None:
        line, why = unreadable
        problems.append(f"{where}:{line}: the front matter cannot be read, so it is shown as text: {why}")
    published = page_meta.get("published", data.published)
    if not isinstance(published, dt.date) or isinstance(published, dt.datetime):
        problems.append(f"{where}: front matter published: {published!r} is not a date: write YYYY-MM-DD")
        published = data.published
    problems += [f"{where}:{line + offset}: {what}" for line, what in shortcodes.problems(markdown)]
    citations, unresolved = find_citations(markdown, data.registry, published)
    problems += [f"{where}:{p.line + offset}: citation {p.text}: {p.message}" for p in unresolved]
    return PageReading(markdown, offset, page_meta, published, citations, problems)


def read_site(pages: Sequence[PageSource], data: SiteData) -> Reading:
    problems: list[str] = []
    places: list[index.Cited] = []
    published: dict[str, dt.date] = {}
    found: dict[str, tuple[str, list[Citation]]] = {}
    reads = [(page, read_page(page, data)) for page in pages]
    article = paragraphs.collect([(page.src_uri, read.markdown, read.offset) for page, read in reads])
    for page, read in reads:
        where = page.src_uri
        problems += read.problems
        published[where] = read.published
        found[where] = (read.markdown, read.citations)
        if where in article.article_pages:
            continue  # the full article's paragraphs are indexed on the pages where they are written
        title = page.title or str(read.meta.get("title") or _first_heading(read.markdown) or where)
        places.extend(index.places_on_page(where, title, read.citations, article.marked.get(where, [])))
    problems += article.problems
    texts = article.texts
    problems += events.misquoted(data.events, texts, str(data.data_dir / events.EVENTS_FILE))
    problems += people.problems(data.people, texts, str(data.data_dir / people.PEOPLE_FILE))
    return Reading(article, index.SiteIndex(tuple(places)), published, tuple(problems), found)


def _first_heading(markdown: str) -> str | None:
    """The text of the page's first level-1 heading: MkDocs' title for a page with no other."""
    tokens = blocks.shared().parse(markdown)
    for opening, inline in itertools.pairwise(tokens):
        if opening.type == "heading_open" and opening.tag == "h1":
            return inline.content.strip() or None
    return None
