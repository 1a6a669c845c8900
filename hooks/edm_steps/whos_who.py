"""MkDocs hook: who's who, from ``data/people.yml``.

Owns ``<!-- edm:people -->``: every person the article names, with the role it gives them as of
the article's month (its own words where it gives one, else ours, marked as ours) and links to every
paragraph that names them. Problems in the data (a person never named, a name form that matches
nothing, a role quote not in its paragraph) are reported by ``hooks/edm_steps/load.py`` when it reads the
site. The work is in ``edm_site.people``.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from edm_site import build, people, shortcodes


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if "edm:people" not in markdown:
        return markdown
    current, article = build.current(), build.reading().article
    mentions = people.mentions(current.data.people, article.texts)
    table = current.render(
        "people.md.j2", mentions=mentions, homes=article.pages, page=page.file.src_uri, as_of=current.data.published
    )
    return shortcodes.expand(markdown, {"people": lambda: table})
