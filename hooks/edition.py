"""MkDocs hook: what we add about the edition itself, from ``data/edm-articles.yml``.

Owns the shortcodes ``<!-- edm:byline -->`` (series, issue, date and author, each with its
status, on the overview) and ``<!-- edm:facts -->`` (every added fact with its status and
evidence, on the edition notes). Inferred facts are shown as inferred, unknown ones as unknown.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from edm_site import templates
from edm_site.registry import EDM_FILE, DataFileError, load_edm_articles

DATA = Path(__file__).parent / "data"
TEMPLATES = Path(__file__).parent / "templates"
_SHORTCODE = re.compile(r"^<!--[ \t]*edm:(byline|facts)[ \t]*-->[ \t]*$", re.M)
_TEMPLATES = {"byline": "byline.md.j2", "facts": "facts.md.j2"}


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if "edm:" not in markdown:
        return markdown
    try:
        _, this = load_edm_articles(DATA / EDM_FILE)
    except DataFileError as error:
        raise PluginError(str(error)) from None
    env = templates.environment(TEMPLATES)
    render = lambda match: env.get_template(_TEMPLATES[match.group(1)]).render(this=this, page=page.file.src_uri)  # noqa: E731
    return _SHORTCODE.sub(render, markdown)
