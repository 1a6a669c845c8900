"""MkDocs hook: who's who, from ``data/people.yml``.

Owns ``<!-- edm:people -->``: every person the article names, with the role it gives them as of
May 2017 (its own words where it gives one, else ours, marked as ours) and links to every
paragraph that names them. A person the text never names, a name form that matches nothing or a
role quote that is not in its paragraph is a build warning. The work is in ``edm_site.people``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from edm_site import paragraphs, people, shortcodes, templates
from edm_site.datafile import DataFileError

log = logging.getLogger("mkdocs.plugins.edm.people")

DATA = Path(__file__).parent / "data"
TEMPLATES = Path(__file__).parent / "templates"

_mentions: list[people.Mentions] = []  # rebuilt at every build by on_files
_homes: dict[int, str] = {}


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    global _mentions, _homes
    path = DATA / people.PEOPLE_FILE
    try:
        everyone = people.load_people(path)
    except DataFileError as error:
        raise PluginError(str(error)) from None
    article = paragraphs.collect([(f.src_uri, f.content_string) for f in files.documentation_pages()])
    for problem in people.problems(everyone, article.texts, str(path)):
        log.warning(problem)
    _mentions = people.mentions(everyone, article.texts)
    _homes = {number: src_uri for number, (src_uri, _) in article.homes.items()}
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if "edm:people" not in markdown:
        return markdown
    template = templates.environment(TEMPLATES).get_template("people.md.j2")
    return shortcodes.expand(
        markdown, {"people": lambda: template.render(mentions=_mentions, homes=_homes, page=page.file.src_uri)}
    )
