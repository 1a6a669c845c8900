"""MkDocs hook: the glossary page, from the same file that gives every page its abbreviation tooltips,
and abbreviations marked at their first use on a page only.

Owns ``<!-- edm:glossary -->``: each abbreviation of ``includes/abbreviations.md`` (loaded by
``hooks/edm_steps/load.py``), what it stands for, and the paragraphs of the article that use it. The rule of
one mark a page is ``edm_site.abbreviations``, added to Python-Markdown here.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from edm_site import build, shortcodes
from edm_site.abbreviations import FirstUseExtension
from edm_site.words import paragraphs_naming

# Not where an abbreviation is first met: what a reader does not see as text (the hidden citation
# previews, the print endnotes), and our line naming the article above its text (a title in a link).
UNSEEN = frozenset({"edm-previews", "edm-endnotes", "edm-context"})


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.markdown_extensions.append(FirstUseExtension(UNSEEN))
    return config


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if "edm:glossary" not in markdown:
        return markdown
    current, article = build.current(), build.reading().article
    rows = [(entry, paragraphs_naming((entry.abbr,), article.texts)) for entry in current.data.glossary]
    table = current.render("glossary.md.j2", rows=rows, homes=article.pages, page=page.file.src_uri)
    return shortcodes.expand(markdown, {"glossary": lambda: table})
