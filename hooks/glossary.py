"""MkDocs hook: the glossary page, from the same file that gives every page its abbreviation tooltips.

Owns ``<!-- edm:glossary -->``: each abbreviation of ``includes/abbreviations.md`` (loaded by
``hooks/site.py``), what it stands for, and the paragraphs of the article that use it.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from edm_site import build, shortcodes
from edm_site.words import paragraphs_naming


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if "edm:glossary" not in markdown:
        return markdown
    current, article = build.current(), build.reading().article
    rows = [(entry, paragraphs_naming((entry.abbr,), article.texts)) for entry in current.data.glossary]
    table = current.render("glossary.md.j2", rows=rows, homes=article.pages, page=page.file.src_uri)
    return shortcodes.expand(markdown, {"glossary": lambda: table})
