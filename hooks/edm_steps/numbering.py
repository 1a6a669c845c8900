"""MkDocs hook: numbered article paragraphs and the assembled full article.

Owns ``<!-- edm:para N -->`` (above a paragraph of the article on a themed page) and
``<!-- edm:article -->`` (where the full article page takes every paragraph, in order). The
paragraph's ¶ number links to the same paragraph on the other side, so "¶3" can be found from
either. Runs last, once the other hooks have read the markers. The work is in
``edm_site.paragraphs``; the events only route.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from edm_site import build, paragraphs
from edm_site.links import md_link, relative


def on_page_read_source(*, page: Page, config: MkDocsConfig) -> str | None:
    # The full article as the reading assembled it (a second <!-- edm:article --> is reported there).
    return build.reading().assembled.get(page.file.src_uri)


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if "edm:para" not in markdown:
        return markdown
    return paragraphs.mark_paragraphs(markdown, lambda number: _pilcrow(number, page.file.src_uri))


def _pilcrow(number: int, src_uri: str) -> str:
    article = build.reading().article
    if src_uri in article.article_pages:
        home = article.pages[number]
        title = f"Paragraph {number} on its themed page"
    else:
        home = article.article_pages[0] if article.article_pages else src_uri
        title = f"Paragraph {number} in the full article"
    href = f"{relative(home, src_uri)}#p{number}"
    return md_link(f"¶{number}", href, title=title, id=f"p{number}", classes=("edm-pilcrow", "ours"))
