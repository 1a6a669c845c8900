"""MkDocs hook: the article's citations become links, and the site keeps its citation indexes.

    (Kommersant, May 10)    the outlet's name links to its entry on /sources/
    (, May 11)              a marker for the lost outlet name links to the list of such citations
    (see EDM, May 4)        each date links to the EDM article's entry on /edm/

Each themed page also gets a "Sources on this page" list and print endnotes. Shortcodes owned
here, each an HTML comment alone on a line: ``<!-- edm:sources -->`` (the outlet index),
``<!-- edm:edm-articles -->`` (the EDM index), ``<!-- edm:profile -->`` (the sourcing profile of
the page it is on, or of the whole site on an index page), ``<!-- edm:chart -->`` (citations per
outlet) and ``<!-- edm:chronology -->`` (what was reported when).

The grammar, the resolution and the rewriting are pure functions in ``edm_site``; the events
below only route. Everything is rebuilt from nothing at each build (``on_config``), because
``mkdocs serve`` keeps this module imported between rebuilds.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from edm_site import citations as found
from edm_site import events, index, paragraphs, profile, shortcodes, templates, tooltips
from edm_site.links import md_link, relative
from edm_site.registry import DataFileError, Registry, load_registry

log = logging.getLogger("mkdocs.plugins.edm.citations")

DATA = Path(__file__).parent / "data"
TEMPLATES = Path(__file__).parent / "templates"
SOURCES_PAGE = "sources.md"
EDM_PAGE = "edm.md"
INDEX_PAGES = (SOURCES_PAGE, EDM_PAGE, "chronology.md")  # their profile is the whole site's


class _Build:
    """What one build knows; replaced by a fresh one at every ``on_config``."""

    def __init__(self, config: MkDocsConfig) -> None:
        try:
            self.registry: Registry = load_registry(DATA)
            self.events = events.load_events(DATA / events.EVENTS_FILE)
        except DataFileError as error:
            raise PluginError(str(error)) from None
        self.published = _site_published(config, self.registry)
        self.templates = templates.environment(TEMPLATES)
        self.index = index.SiteIndex(())
        self.homes: dict[int, str] = {}  # paragraph number -> src_uri of its themed page


_build: _Build | None = None


def _site_published(config: MkDocsConfig, registry: Registry) -> dt.date:
    value = (config.extra.get("edm") or {}).get("published")
    if not isinstance(value, dt.date):
        raise PluginError("mkdocs.yml: extra.edm.published must be the article's publication date, YYYY-MM-DD")
    if registry.this_article.published.value != value:
        raise PluginError(
            f"mkdocs.yml: extra.edm.published ({value}) differs from the published date in {registry.edm_path} "
            f"({registry.this_article.published.value}): make them the same"
        )
    return value


def _published(page_meta: dict, build: _Build, where: str) -> dt.date:
    value = page_meta.get("published", build.published)
    if not isinstance(value, dt.date):
        raise PluginError(f"{where}: front matter published: must be a date, YYYY-MM-DD")
    return value


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build
    _build = _Build(config)
    config.watch.append(str(DATA))
    return config


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    """Read every page once, in navigation order, to index its citations and report problems."""
    assert _build is not None
    places: list[index.Cited] = []
    texts: dict[int, str] = {}
    for page in nav.pages:
        source = page.file.content_string
        markdown, offset = paragraphs.strip_front_matter(source)
        where = page.file.src_uri
        for line, name in shortcodes.unknown(markdown):
            log.warning(f"{where}:{line + offset}: <!-- edm:{name} --> is no known shortcode: see README.md")
        if paragraphs.has_article_placeholder(source):
            continue  # the assembled article: its citations are indexed where they are written
        page_meta = page.meta or _front_matter(source)
        citations, problems = found.find_citations(markdown, _build.registry, _published(page_meta, _build, where))
        for problem in problems:
            log.warning(f"{where}:{problem.line + offset}: citation {problem.text}: {problem.message}")
        page_paragraphs = paragraphs.find_paragraphs(markdown) if "edm:para" in markdown else []
        for paragraph in page_paragraphs:
            texts[paragraph.number] = paragraph.text
            _build.homes[paragraph.number] = where
        places.extend(index.places_on_page(where, page.title or where, citations, page_paragraphs))
    for problem in events.misquoted(_build.events, texts, str(DATA / events.EVENTS_FILE)):
        log.warning(problem)
    _build.index = index.SiteIndex(tuple(places))
    return nav


def _front_matter(source: str) -> dict:
    from mkdocs.utils import meta

    return meta.get_data(source)[1]


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    assert _build is not None
    src_uri = page.file.src_uri
    citations, _ = found.find_citations(markdown, _build.registry, _published(page.meta, _build, src_uri))
    markdown = found.rewrite(markdown, citations, lambda c, text: _link(c, text, src_uri))
    markdown = shortcodes.expand(markdown, _handlers(src_uri))
    groups = _build.index.on_page(src_uri, _build.registry)
    if groups:
        markdown += "\n\n" + _render("page-sources.md.j2", src_uri, groups=groups)
    if citations:
        markdown += "\n\n" + _render("endnotes.md.j2", src_uri, citations=citations)
    return markdown


def _link(citation: found.Citation, text: str, src_uri: str) -> str:
    note = f'data-note="{citation.number}"'
    if citation.outlet is not None:
        href = f"{relative(SOURCES_PAGE, src_uri)}#{citation.outlet.id}"
        classes = ("edm-cite", f"edm-cite--{citation.outlet.affiliation}")
        title = tooltips.outlet_tooltip(citation)
    elif citation.edm is not None:
        href = f"{relative(EDM_PAGE, src_uri)}#{citation.edm.anchor}"
        classes, title = ("edm-xref",), tooltips.edm_tooltip(citation)
    else:
        href = f"{relative(SOURCES_PAGE, src_uri)}#lost-outlets"
        classes, title, text = ("edm-lost", "ours"), tooltips.lost_tooltip(citation), "name lost"
    return md_link(text, href, title=title, id=citation.id, classes=classes, attributes=note)


def _handlers(src_uri: str) -> dict:
    assert _build is not None
    build = _build
    site = build.index
    page = index.SiteIndex(tuple(p for p in site.places if p.src_uri == src_uri))
    return {
        "sources": lambda: _render("sources.md.j2", src_uri, outlets=site.outlets(build.registry), lost=site.lost()),
        "edm-articles": lambda: _render(
            "edm-articles.md.j2", src_uri, this=build.registry.this_article, groups=site.edm_articles(build.registry)
        ),
        "profile": lambda: _render(
            "profile.md.j2",
            src_uri,
            profile=profile.profile((site if src_uri in INDEX_PAGES else page).places),
            whole_site=src_uri in INDEX_PAGES,
        ),
        "chart": lambda: _render(
            "chart.md.j2", src_uri, rows=profile.per_outlet(site.places), total=profile.profile(site.places)
        ),
        "chronology": lambda: _render(
            "chronology.md.j2", src_uri, days=profile.chronology(site.places, build.events), homes=build.homes
        ),
    }


def _render(template: str, src_uri: str, **context: object) -> str:
    assert _build is not None
    return _build.templates.get_template(template).render(
        page=src_uri, sources_page=SOURCES_PAGE, edm_page=EDM_PAGE, **context
    )
