"""MkDocs hook: numbered article paragraphs and the assembled full article.

Owns ``<!-- edm:para N -->`` (above a paragraph of the article on a themed page) and
``<!-- edm:article -->`` (where the full article page takes every paragraph, in order). The
paragraph's ¶ number links to the same paragraph on the other side, so "¶3" can be found from
either. The work is in ``edm_site.paragraphs``; the events only route.
"""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import meta

from edm_site import paragraphs
from edm_site.links import md_link, relative

log = logging.getLogger("mkdocs.plugins.edm.paragraphs")

# number -> (src_uri of the themed page, paragraph); rebuilt at every build by on_files.
_homes: dict[int, tuple[str, paragraphs.Paragraph]] = {}
_article_page: list[str] = []


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _homes.clear()
    _article_page.clear()
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    for file in files.documentation_pages():
        source = file.content_string
        if paragraphs.has_article_placeholder(source):
            _article_page.append(file.src_uri)
            continue
        markdown, _ = meta.get_data(source)
        offset = source[: len(source) - len(markdown)].count("\n")
        for paragraph in paragraphs.find_paragraphs(markdown):
            if paragraph.number in _homes:
                first = _homes[paragraph.number][0]
                log.warning(
                    f"{file.src_uri}:{paragraph.line + offset}: paragraph {paragraph.number} is already "
                    f"marked in {first}: each paragraph is written once; remove one of the markers"
                )
                continue
            _homes[paragraph.number] = (file.src_uri, paragraph)
    if len(_article_page) > 1:
        raise PluginError(f"<!-- edm:article --> is on {', '.join(_article_page)}: keep it on one page")
    numbers = sorted(_homes)
    if numbers and numbers != list(range(1, len(numbers) + 1)):
        log.warning(f"the marked paragraphs are {numbers}: number them 1 to {len(numbers)} without gaps")
    return files


def on_page_read_source(*, page: Page, config: MkDocsConfig) -> str | None:
    if page.file.src_uri not in _article_page:
        return None
    return paragraphs.assemble_article(page.file.content_string, [p for _, p in _homes.values()])


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return paragraphs.mark_paragraphs(markdown, lambda number: _pilcrow(number, page.file.src_uri))


def _pilcrow(number: int, src_uri: str) -> str:
    if src_uri in _article_page:
        home = _homes[number][0]
        title = f"Paragraph {number} on its themed page"
    else:
        home = _article_page[0] if _article_page else src_uri
        title = f"Paragraph {number} in the full article"
    href = f"{relative(home, src_uri)}#p{number}"
    return md_link(f"¶{number}", href, title=title, id=f"p{number}", classes=("edm-pilcrow", "ours"))
