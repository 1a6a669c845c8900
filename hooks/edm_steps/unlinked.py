"""MkDocs hook: the safety net after rendering. Every citation a reader sees is linked or reported.

After Python-Markdown has rendered a page, its visible text is read back (``edm_site.safety``):
a citation-shaped bracket outside our citation links, code and the author's links, or our link
Markdown shown as text, is a warning with the page and the line, so ``mkdocs build --strict``
fails, whatever made the two Markdown parsers disagree. A bracket the reading already reported
is not reported twice.
"""

from __future__ import annotations

import logging
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from edm_site import build, safety

log = logging.getLogger("mkdocs.plugins.edm.safety")

_REPORTED = re.compile(r"^(?P<where>[^:\s]+:\d+): citation (?P<text>.*?): ")


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    reading, registry = build.reading(), build.current().data.registry
    src_uri = page.file.src_uri
    markdown, offset = reading.own.get(src_uri, (page.markdown or "", 0))
    # the full article: each bracket is placed on the page that holds it, so none is taken as linked here
    citations = [] if src_uri in reading.assembled else reading.found.get(src_uri, ("", []))[1]
    reported: set[tuple[str, str]] = set()
    for problem in reading.problems:
        if (m := _REPORTED.match(problem)) is not None:
            same = safety.same_bracket(m["text"])
            reported.add(("*", same))
            if problem.startswith(f"{src_uri}:"):
                reported.add((m["where"], same))
    for problem in safety.problems(src_uri, html, markdown, offset, registry, citations, reading.own, reported):
        log.warning(problem)
    return html
