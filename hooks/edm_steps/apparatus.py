"""MkDocs hook: what we add about the edition itself, from ``data/edm-articles.yml``.

Shortcodes owned here: ``<!-- edm:byline -->`` (series, issue, date and author, each with its
status, on the overview) and ``<!-- edm:facts -->`` (every added fact with its status and
evidence, on the edition notes). Every page that holds the article's paragraphs also ends with
"Cite this page", in EDM and Chicago style, and a themed page begins, under its title, with the
article it belongs to (title, issue, date, author) and the place of its paragraphs in it.
Inferred facts are shown as inferred, unknown ones as unknown.
"""

from __future__ import annotations

import urllib.parse

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from edm_site import build, paragraphs, shortcodes

_LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
HOME = "index.md"  # the overview, where the article's title, byline and caption stand


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if "edm:" not in markdown:
        return markdown
    current = build.current()
    this = current.data.registry.this_article
    src_uri = page.file.src_uri

    def render(template: str, **context: object) -> str:
        return current.render(template, this=this, page=src_uri, **context)

    markdown = shortcodes.expand(
        markdown, {"byline": lambda: render("byline.md.j2"), "facts": lambda: render("facts.md.j2")}
    )
    numbers = [p.number for p in paragraphs.find_paragraphs(markdown)] if "edm:para" in markdown else []
    if numbers:
        markdown += "\n\n" + render("cite-this.md.j2", numbers=numbers, page_url=_public_url(config, page))
        article = build.reading().article
        if src_uri not in article.article_pages:  # the full article has the byline itself
            context = render("context.md.j2", numbers=numbers, total=len(article.pages), home=HOME)
            markdown = paragraphs.after_title(markdown, context)
    return markdown


def _public_url(config: MkDocsConfig, page: Page) -> str | None:
    """The page's address as published, or None for a build that is not for a public address."""
    site_url = config.site_url or ""
    if urllib.parse.urlsplit(site_url).hostname in _LOCAL_HOSTS | {None}:
        return None
    return site_url + page.url
