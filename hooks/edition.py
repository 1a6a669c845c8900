"""MkDocs hook: what we add about the edition itself, from ``data/edm-articles.yml``.

Shortcodes owned here: ``<!-- edm:byline -->`` (series, issue, date and author, each with its
status, on the overview) and ``<!-- edm:facts -->`` (every added fact with its status and
evidence, on the edition notes). Every page that holds the article's paragraphs also ends with
"Cite this page", in EDM and Chicago style. Inferred facts are shown as inferred, unknown ones as
unknown.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from edm_site import paragraphs, shortcodes, templates
from edm_site.registry import EDM_FILE, DataFileError, EdmArticle, load_edm_articles

DATA = Path(__file__).parent / "data"
TEMPLATES = Path(__file__).parent / "templates"

_this: EdmArticle | None = None  # read afresh at every build


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _this
    _this = _this_article()
    return config


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if "edm:" not in markdown:
        return markdown
    this = _this
    env = templates.environment(TEMPLATES)
    src_uri = page.file.src_uri

    def render(template: str, **context: object) -> str:
        return env.get_template(template).render(this=this, page=src_uri, **context)

    markdown = shortcodes.expand(
        markdown, {"byline": lambda: render("byline.md.j2"), "facts": lambda: render("facts.md.j2")}
    )
    numbers = [p.number for p in paragraphs.find_paragraphs(markdown)] if "edm:para" in markdown else []
    if numbers:
        page_url = (config.site_url or "") + page.url
        markdown += "\n\n" + render("cite-this.md.j2", numbers=numbers, page_url=page_url)
    return markdown


def _this_article() -> EdmArticle:
    try:
        return load_edm_articles(DATA / EDM_FILE)[1]
    except DataFileError as error:
        raise PluginError(str(error)) from None
