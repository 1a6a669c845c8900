"""MkDocs hook: the glossary page, from the same file that gives every page its abbreviation tooltips.

Owns ``<!-- edm:glossary -->``: each abbreviation of ``includes/abbreviations.md``, what it
stands for, and the paragraphs of the article that use it.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from edm_site import glossary, paragraphs, shortcodes, templates
from edm_site.datafile import DataFileError
from edm_site.words import paragraphs_naming

TEMPLATES = Path(__file__).parent / "templates"


def glossary_file(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent / "includes" / "abbreviations.md"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.watch.append(str(glossary_file(config).parent))
    return config


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if "edm:glossary" not in markdown:
        return markdown
    try:
        entries = glossary.load_glossary(glossary_file(config))
    except DataFileError as error:
        raise PluginError(str(error)) from None
    article = paragraphs.collect([(f.src_uri, f.content_string) for f in files.documentation_pages()])
    rows = [(e, paragraphs_naming((e.abbr,), article.texts)) for e in entries]
    homes = {n: src for n, (src, _) in article.homes.items()}
    template = templates.environment(TEMPLATES).get_template("glossary.md.j2")
    return shortcodes.expand(
        markdown, {"glossary": lambda: template.render(rows=rows, homes=homes, page=page.file.src_uri)}
    )
