"""MkDocs hook: the site's data and the one reading of its pages, for every other hook.

At each build it loads the data files (``data/``, ``includes/abbreviations.md``) and, once the
navigation is known, reads every page: paragraphs, citations, and every content problem, which it
reports as a warning with page and line so that ``mkdocs build --strict`` fails. It must be the
first hook: the others render from what it read. The work is in ``edm_site.reading``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from edm_site import build, templates
from edm_site.datafile import DataFileError
from edm_site.reading import PageSource, read_site
from edm_site.sitedata import load_data

log = logging.getLogger("mkdocs.plugins.edm.site")

DATA = Path(__file__).parent / "data"
TEMPLATES = Path(__file__).parent / "templates"


def glossary_file(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent / "includes" / "abbreviations.md"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    edm = config.extra.get("edm") or {}
    if not isinstance(edm, dict):
        raise PluginError("mkdocs.yml: extra.edm must be a mapping: write extra: edm: published: YYYY-MM-DD")
    try:
        data = load_data(DATA, glossary_file(config), edm.get("published"))
    except DataFileError as error:
        raise PluginError(str(error)) from None
    build.begin(build.Build(data, templates.environment(TEMPLATES)))
    config.watch.extend([str(DATA), str(TEMPLATES), str(glossary_file(config).parent)])
    return config


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    # The navigation's pages in its order, then the pages it leaves out (MkDocs builds them too).
    listed = {page.file.src_uri for page in nav.pages}
    unlisted = [f.page for f in files.documentation_pages() if f.src_uri not in listed and f.page is not None]
    pages = [PageSource(p.file.src_uri, p.title, _source(p)) for p in [*nav.pages, *unlisted]]
    reading = read_site(pages, build.current().data)
    for problem in reading.problems:
        log.warning(problem)
    build.current().reading = reading
    return nav


def _source(page: Page) -> str:
    try:
        return page.file.content_string
    except UnicodeDecodeError:
        raise PluginError(f"{page.file.src_uri}: is not UTF-8 text: save the page as UTF-8") from None
