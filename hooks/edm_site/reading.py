"""The one reading of the site per build: every page's paragraphs and citations, and every
problem an author must hear of, before any page is rendered.

The indexes, the full article and the apparatus are all built from this reading, so they agree
with each other and with the pages.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import (
    blocks,
    events,
    frontmatter,
    glossary,
    index,
    paragraph_counts,
    paragraphs,
    people,
    registry,
    reveal,
    shortcodes,
)
from .citations import Citation, find_citations
from .datafile import shown
from .sitedata import SiteData

ALL_KEYS = ("*",)  # in ``unsafe_meta``: the whole front matter was refused


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
    # page -> the front matter keys MkDocs must not use (refused: ALL_KEYS); the problems say why
    unsafe_meta: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # the full article's page -> its source with every paragraph in place: what MkDocs renders
    assembled: dict[str, str] = field(default_factory=dict)
    # page -> its own Markdown as written (front matter off; the full article's without its paragraphs)
    # and the lines of front matter above it: where a bracket the reader sees is placed
    own: dict[str, tuple[str, int]] = field(default_factory=dict)


@dataclass(frozen=True)
class PageReading:
    """One page read on its own: its Markdown (front matter off), date, citations and problems."""

    markdown: str
    offset: int  # lines of front matter above it
    meta: dict
    published: dt.date  # what its year-less citations resolve against
    citations: list[Citation]
    problems: list[str]  # each "page:line: what is wrong: what to do"
    unsafe_meta: tuple[str, ...] = ()  # front matter keys the theme must not be given (ALL_KEYS: none)


def read_page(page: PageSource, data: SiteData) -> PageReading:
    markdown, page_meta, offset = frontmatter.read(page.source)
    where = page.src_uri
    problems: list[str] = []
    if not page_meta and (unreadable := frontmatter.unreadable(page.source)) is not None:
        line, why = unreadable
        problems.append(f"{where}:{line}: the front matter cannot be read, so it is not used: {why}")
    markup = frontmatter.markup(page.source, page_meta)
    problems += [f"{where}:{line}: {what}" for line, _, what in markup]
    unsafe = tuple(key for _, key, _ in markup)
    if frontmatter.refused(page.source):
        unsafe = ALL_KEYS
    published = page_meta.get("published", data.published)
    if not isinstance(published, dt.date) or isinstance(published, dt.datetime):
        line = frontmatter.key_line(page.source, "published")
        problems.append(f"{where}:{line}: front matter published: {shown(published)} is not a date: write YYYY-MM-DD")
        published = data.published
    problems += [f"{where}:{line + offset}: {what}" for line, what in shortcodes.problems(markdown)]
    citations, unresolved = find_citations(markdown, data.registry, published)
    problems += [f"{where}:{p.line + offset}: citation {p.text}: {p.message}" for p in unresolved]
    return PageReading(markdown, offset, page_meta, published, citations, problems, unsafe)


def read_site(pages: Sequence[PageSource], data: SiteData, template_dir: Path) -> Reading:
    """Every page read once; ``template_dir`` holds the templates whose ids the outlets' may not take."""
    if not template_dir.is_dir():
        raise FileNotFoundError(f"{template_dir}: no templates here, so no anchor they write could be checked")
    problems: list[str] = []
    places: list[index.Cited] = []
    published: dict[str, dt.date] = {}
    found: dict[str, tuple[str, list[Citation]]] = {}
    unsafe_meta: dict[str, tuple[str, ...]] = {}
    reads = [(page, read_page(page, data)) for page in pages]
    article = paragraphs.collect([(page.src_uri, read.markdown, read.offset) for page, read in reads])
    # The full article is assembled before it is read, so its citations are found once, like any
    # page's (its paragraphs' problems are reported where they are written, not again here).
    homes = [paragraph for _, paragraph in article.homes.values()]
    assembled = {
        page.src_uri: paragraphs.assemble_article(page.source, homes)
        for page, _ in reads
        if page.src_uri in article.article_pages
    }
    own = {page.src_uri: (read.markdown, read.offset) for page, read in reads}
    for i, (page, read) in enumerate(reads):
        if page.src_uri in assembled:  # the front matter is the page's own, read above
            whole = frontmatter.read(assembled[page.src_uri])[0]
            citations = find_citations(whole, data.registry, read.published)[0]
            reads[i] = (page, dataclasses.replace(read, markdown=whole, citations=citations))
    for page, read in reads:
        where = page.src_uri
        problems += read.problems
        if read.unsafe_meta:
            unsafe_meta[where] = read.unsafe_meta
        holds_article = bool(article.marked.get(where)) or where in article.article_pages
        if holds_article and read.published != data.published:
            problems.append(
                f"{where}:{frontmatter.key_line(page.source, 'published')}: front matter published: "
                f"{read.published} differs from the article's publication date, {data.published}: the page holds "
                "the article's paragraphs, whose citations are dated by the article: remove published:"
            )
        published[where] = read.published
        found[where] = (read.markdown, read.citations)
        if where in article.article_pages:
            continue  # the full article's paragraphs are indexed on the pages where they are written
        title = page.title or str(read.meta.get("title") or _first_heading(read.markdown) or where)
        places.extend(index.places_on_page(where, title, read.citations, article.marked.get(where, [])))
    problems += article.problems
    problems += _outlet_anchor_problems(pages, reads, data, template_dir)
    texts = article.texts
    problems += events.misquoted(data.events, texts, reveal.project_path(data.data_dir / events.EVENTS_FILE))
    problems += people.problems(data.people, texts, reveal.project_path(data.data_dir / people.PEOPLE_FILE))
    problems += glossary.unused(data.glossary, texts)
    problems += _miscounted_paragraphs(reads, article)
    return Reading(
        article, index.SiteIndex(tuple(places)), published, tuple(problems), found, unsafe_meta, assembled, own
    )


def _outlet_anchor_problems(
    pages: Sequence[PageSource], reads: list[tuple[PageSource, PageReading]], data: SiteData, template_dir: Path
) -> list[str]:
    """The outlet ids that are anchors of the page holding the outlet index, where each outlet's
    entry takes its id as its anchor: the ids its templates write, and those of the page itself."""
    taken = {anchor: f"the template {name}" for anchor, name in registry.template_anchors(template_dir).items()}
    for page, read in reads:
        if any(code.name == "sources" for code in shortcodes.locate(read.markdown)):
            for anchor, line in registry.page_anchors(read.markdown).items():
                taken.setdefault(anchor, f"{page.src_uri}:{line + read.offset}")
    return registry.anchor_problems(data.registry.outlets, data.registry.outlets_path, taken)


def _miscounted_paragraphs(reads: list[tuple[PageSource, PageReading]], article: paragraphs.Article) -> list[str]:
    """Our prose, on every page (front matter included), that names a count of paragraphs the
    article does not have; the article's own paragraphs are not read."""
    problems = []
    for page, read in reads:
        theirs = [
            range(p.line + read.offset + 1, p.line + read.offset + 2 + p.text.count("\n"))
            for p in article.marked.get(page.src_uri, [])
        ]
        problems += [
            f"{page.src_uri}:{line}: {message}"
            for line, message in paragraph_counts.miscounts(page.source, len(article.homes), theirs)
        ]
    return problems


def _first_heading(markdown: str) -> str | None:
    """The text of the page's first level-1 heading: MkDocs' title for a page with no other."""
    tokens = blocks.shared().parse(markdown)
    for opening, inline in itertools.pairwise(tokens):
        if opening.type == "heading_open" and opening.tag == "h1":
            return inline.content.strip() or None
    return None
