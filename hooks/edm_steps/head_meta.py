"""MkDocs hook: each page's ``<title>`` and its Open Graph and Twitter card metadata.

It puts them on the page (``page.meta["sharing"]``) for the theme's template (``overrides/main.html``,
blocks ``htmltitle`` and ``extrahead``) to write. The home page's title is the article's headline,
from ``data/edm-articles.yml``; the article's pages (the overview, the themed pages and the full
article) name its date and author. A description that carries a status mark such as "(inferred)" is
reported with its page and line, so ``mkdocs build --strict`` fails. The work is in
``edm_site.sharing``.
"""

from __future__ import annotations

import logging
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from edm_site import build, sharing

log = logging.getLogger("mkdocs.plugins.edm.sharing")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    for mark in sharing.description_problems(config.site_description):
        log.warning(f"mkdocs.yml: site_description carries {mark!r}: a description is read as plain text; leave it out")
    return config


def on_page_context(context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    this = build.current().data.registry.this_article
    article = build.reading().article
    src_uri = page.file.src_uri
    of_article = page.is_homepage or src_uri in article.article_pages or src_uri in article.pages.values()
    own = page.meta.get("description")
    for mark in sharing.description_problems(own):
        log.warning(
            f"{src_uri}:{_line_of(page, 'description:')}: the description carries {mark!r}: a description is "
            "read as plain text by link previews and search engines; leave the status out"
        )
    headline = this.title.value if page.is_homepage and this.title.known else None
    title = sharing.document_title(str(page.meta.get("title") or page.title or ""), config.site_name, headline=headline)
    page.meta["sharing"] = sharing.sharing(
        title=title,
        description=own or config.site_description,
        site_name=config.site_name,
        url=page.canonical_url if config.site_url else None,
        article=this if of_article else None,
    )
    return context


def _line_of(page: Page, start: str) -> int:
    """The 1-based line of the page's file that begins with ``start`` (1 if none does)."""
    lines = page.file.content_string.splitlines()
    return next((number for number, line in enumerate(lines, 1) if line.startswith(start)), 1)
