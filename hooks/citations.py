"""MkDocs hook: the article's citations become links, and the site keeps its citation indexes.

    (Kommersant, May 10)    the outlet's name links to its entry on /sources/
    (, May 11)              a marker for the lost outlet name links to the list of such citations
    (see EDM, May 4)        each date links to the EDM article's entry on /edm/

The grammar, the resolution and the rewriting are pure functions in ``edm_site``; the events
below only route. Every index is rebuilt from nothing at each build (``on_config``), because
``mkdocs serve`` keeps this module imported between rebuilds.

Shortcodes this hook owns, each an HTML comment on a line of its own:
``<!-- edm:sources -->`` (the outlet index) and ``<!-- edm:edm-articles -->`` (the EDM index).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import meta

from edm_site import citations as found
from edm_site import index, paragraphs, templates, tooltips
from edm_site.links import md_link, relative
from edm_site.registry import DataFileError, Registry, load_registry

log = logging.getLogger("mkdocs.plugins.edm.citations")

DATA = Path(__file__).parent / "data"
TEMPLATES = Path(__file__).parent / "templates"

SOURCES_PAGE = "sources.md"
EDM_PAGE = "edm.md"
_SHORTCODE = re.compile(r"^<!--[ \t]*edm:(sources|edm-articles)[ \t]*-->[ \t]*$", re.M)


class _Build:
    """What one build knows; replaced by a fresh one at every ``on_config``."""

    def __init__(self, config: MkDocsConfig) -> None:
        try:
            self.registry: Registry = load_registry(DATA)
        except DataFileError as error:
            raise PluginError(str(error)) from None
        self.published = _site_published(config, self.registry)
        self.templates = templates.environment(TEMPLATES)
        self.index = index.SiteIndex(())


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
    for page in nav.pages:
        source = page.file.content_string
        if paragraphs.has_article_placeholder(source):
            continue  # the assembled article: its citations are indexed where they are written
        markdown, page_meta = meta.get_data(source)
        offset = source[: len(source) - len(markdown)].count("\n")
        where = page.file.src_uri
        citations, problems = found.find_citations(markdown, _build.registry, _published(page_meta, _build, where))
        for problem in problems:
            log.warning(f"{where}:{problem.line + offset}: citation {problem.text}: {problem.message}")
        title = page.title or page_meta.get("title") or where
        places.extend(index.places_on_page(where, title, citations, paragraphs.find_paragraphs(markdown)))
    _build.index = index.SiteIndex(tuple(places))
    return nav


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    assert _build is not None
    src_uri = page.file.src_uri
    citations, _ = found.find_citations(markdown, _build.registry, _published(page.meta, _build, src_uri))
    markdown = found.rewrite(markdown, citations, lambda c, text: _link(c, text, src_uri))
    markdown = _SHORTCODE.sub(lambda m: _render_index(m.group(1), src_uri), markdown)
    groups = _build.index.on_page(src_uri, _build.registry)
    if groups:
        markdown += "\n\n" + _render("page-sources.md.j2", src_uri, groups=groups)
    return markdown


def _link(citation: found.Citation, text: str, src_uri: str) -> str:
    if citation.outlet is not None:
        href = f"{relative(SOURCES_PAGE, src_uri)}#{citation.outlet.id}"
        classes = ("edm-cite", f"edm-cite--{citation.outlet.affiliation}")
        return md_link(text, href, title=tooltips.outlet_tooltip(citation), id=citation.id, classes=classes)
    if citation.edm is not None:
        href = f"{relative(EDM_PAGE, src_uri)}#{citation.edm.anchor}"
        return md_link(text, href, title=tooltips.edm_tooltip(citation), id=citation.id, classes=("edm-xref",))
    href = f"{relative(SOURCES_PAGE, src_uri)}#lost-outlets"
    classes = ("edm-lost", "ours")
    return md_link("name lost", href, title=tooltips.lost_tooltip(citation), id=citation.id, classes=classes)


def _render_index(which: str, src_uri: str) -> str:
    assert _build is not None
    if which == "sources":
        return _render(
            "sources.md.j2", src_uri, outlets=_build.index.outlets(_build.registry), lost=_build.index.lost()
        )
    groups = _build.index.edm_articles(_build.registry)
    return _render("edm-articles.md.j2", src_uri, this=_build.registry.this_article, groups=groups)


def _render(template: str, src_uri: str, **context: object) -> str:
    assert _build is not None
    return _build.templates.get_template(template).render(
        page=src_uri, sources_page=SOURCES_PAGE, edm_page=EDM_PAGE, **context
    )
