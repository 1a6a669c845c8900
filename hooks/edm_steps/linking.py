"""MkDocs hook: the article's citations become links, and the citation indexes are written.

    (Kommersant, May 10)    the outlet's name links to its entry on /sources/
    (Kommersant, RBC, May 12)
                            outlets sharing a date: each name links to its own entry
    (, May 11)              a marker for the lost outlet name links to the list of such citations
    (see EDM, May 4)        each date links to the EDM article's entry on /edm/

Each page with citations also gets the previews of its citations (hidden cards, shown by the
page's script on hover, focus or tap), print endnotes, and each themed page a "Sources on this
page" list. Shortcodes owned here, each an HTML comment alone on a line: ``<!-- edm:sources -->``
(the outlet index), ``<!-- edm:edm-articles -->`` (the EDM index), ``<!-- edm:profile -->`` (the
sourcing profile of its page, or of the whole article on an index page), ``<!-- edm:chart -->``
(citations per outlet) and ``<!-- edm:chronology -->`` (what was reported when).

Pages were read, and problems reported, by ``hooks/edm_steps/load.py``; the grammar and the rewriting are
pure functions in ``edm_site``. This module only routes. Each page is linked as it renders, with the
citations found in it at that reading (the full article's in its assembled whole). A page that was
not read (a draft, which only ``mkdocs serve`` builds: linked and checked, not indexed), or whose
Markdown an earlier step changed, has its citations found as it renders.
"""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from edm_site import build, previews, shortcodes, sourcing
from edm_site import citations as found
from edm_site.links import affiliation_mark, md_link, relative
from edm_site.reading import PageSource, read_page
from edm_site.registry import LOST_OUTLETS

log = logging.getLogger("mkdocs.plugins.edm.citations")

SOURCES_PAGE = "sources.md"
EDM_PAGE = "edm.md"
INDEX_PAGES = (SOURCES_PAGE, EDM_PAGE, "chronology.md")  # their profile is the whole article's


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    src_uri = page.file.src_uri
    read, citations = build.reading().found.get(src_uri, (None, []))
    if read != markdown:  # changed since the reading, or never read: its citations are found now
        citations = _found_now(markdown, page)
    linked, apparatus = _linked(markdown, citations, src_uri)
    return shortcodes.expand(linked, _handlers(src_uri)) + apparatus


def _found_now(markdown: str, page: Page) -> list[found.Citation]:
    current, reading = build.current(), build.reading()
    src_uri = page.file.src_uri
    if src_uri in reading.published:  # read, then changed by an earlier step: found again, as dated then
        return found.find_citations(markdown, current.data.registry, reading.published[src_uri])[0]
    # Not read with the others: a draft, which only mkdocs serve builds. Linked and checked, not indexed.
    alone = read_page(PageSource(src_uri, page.title, page.file.content_string), current.data)
    for problem in alone.problems:
        log.warning(problem)
    if alone.markdown == markdown:
        return alone.citations
    return found.find_citations(markdown, current.data.registry, alone.published)[0]


def _linked(markdown: str, citations: list[found.Citation], src_uri: str) -> tuple[str, str]:
    """The page with its citations linked, and what follows it: its sources, previews and print endnotes."""
    linked = found.rewrite(markdown, citations, lambda c, text: _link(c, text, src_uri))
    apparatus = ""
    site, registry = build.reading().index, build.current().data.registry
    groups = site.on_page(src_uri, registry)
    if groups:
        apparatus += "\n\n" + _render("page-sources.md.j2", src_uri, groups=groups)
    if citations:
        totals = {group.key: group.count for group in (*site.outlets(registry), site.lost())}
        cards = previews.cards(citations, totals)
        apparatus += "\n\n" + _render("previews.md.j2", src_uri, cards=cards)
        apparatus += "\n\n" + _render("endnotes.md.j2", src_uri, citations=citations)
    return linked, apparatus


def _link(citation: found.Citation, text: str, src_uri: str) -> str:
    """A citation's link: one style for all, with its preview card and its one-line description;
    an outlet's ownership marked after its name."""
    card = previews.card_id(citation)  # data-edm-preview, not data-preview: Material gives that one previews of its own
    attributes = f'data-edm-preview="{card}" aria-describedby="{card}-about" data-note="{citation.number}"'
    if citation.outlet is not None:
        href = f"{relative(SOURCES_PAGE, src_uri)}#{citation.outlet.id}"
        classes = ("edm-cite", f"edm-cite--{citation.outlet.affiliation}")
        text += affiliation_mark(citation.outlet.affiliation)
    elif citation.edm is not None:
        href = f"{relative(EDM_PAGE, src_uri)}#{citation.edm.anchor}"
        classes = ("edm-xref",)
    else:
        href = f"{relative(SOURCES_PAGE, src_uri)}#{LOST_OUTLETS}"
        classes, text = ("edm-lost", "ours"), "name lost"
    return md_link(text, href, id=citation.id, classes=classes, attributes=attributes)


def _handlers(src_uri: str) -> dict:
    data, reading = build.current().data, build.reading()
    site = reading.index
    return {
        "sources": lambda: _render("sources.md.j2", src_uri, outlets=site.outlets(data.registry), lost=site.lost()),
        "edm-articles": lambda: _render(
            "edm-articles.md.j2", src_uri, this=data.registry.this_article, groups=site.edm_articles(data.registry)
        ),
        "profile": lambda: _render(
            "profile.md.j2",
            src_uri,
            profile=sourcing.profile((site if src_uri in INDEX_PAGES else site.page(src_uri)).places),
            whole_site=src_uri in INDEX_PAGES,
            marks=sourcing.marks(site.places),
            lost=site.lost().count,
        ),
        "chart": lambda: _render(
            "chart.md.j2", src_uri, rows=sourcing.per_outlet(site.places), total=sourcing.profile(site.places)
        ),
        "chronology": lambda: _render(
            "chronology.md.j2", src_uri, days=sourcing.chronology(site.places, data.events), homes=reading.article.pages
        ),
    }


def _render(template: str, src_uri: str, **context: object) -> str:
    return build.current().render(template, page=src_uri, sources_page=SOURCES_PAGE, edm_page=EDM_PAGE, **context)
