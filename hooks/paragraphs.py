"""MkDocs hook: numbered article paragraphs and the assembled full article.

Owns ``<!-- edm:para N -->`` (above a paragraph of the article on a themed page) and
``<!-- edm:article -->`` (where the full article page takes every paragraph, in order). The
paragraph's ¶ number links to the same paragraph on the other side, so "¶3" can be found from
either. Runs last of the hooks, so it also reports any shortcode no hook knows. The work is in
``edm_site.paragraphs``; the events only route.
"""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from edm_site import paragraphs
from edm_site.links import md_link, relative

log = logging.getLogger("mkdocs.plugins.edm.paragraphs")

_article = paragraphs.Article({}, (), ())  # replaced at every build by on_files


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    global _article
    _article = paragraphs.collect([(f.src_uri, f.content_string) for f in files.documentation_pages()])
    for problem in _article.problems:
        log.warning(problem)
    if len(_article.article_pages) > 1:
        raise PluginError(f"<!-- edm:article --> is on {', '.join(_article.article_pages)}: keep it on one page")
    return files


def on_page_read_source(*, page: Page, config: MkDocsConfig) -> str | None:
    if page.file.src_uri not in _article.article_pages:
        return None
    return paragraphs.assemble_article(page.file.content_string, [p for _, p in _article.homes.values()])


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    markdown = paragraphs.mark_paragraphs(markdown, lambda number: _pilcrow(number, page.file.src_uri))
    return markdown


def _pilcrow(number: int, src_uri: str) -> str:
    if src_uri in _article.article_pages:
        home = _article.homes[number][0]
        title = f"Paragraph {number} on its themed page"
    else:
        home = _article.article_pages[0] if _article.article_pages else src_uri
        title = f"Paragraph {number} in the full article"
    href = f"{relative(home, src_uri)}#p{number}"
    return md_link(f"¶{number}", href, title=title, id=f"p{number}", classes=("edm-pilcrow", "ours"))
