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
    markdown, citations = reading.found.get(src_uri, (page.markdown or "", []))
    source = page.file.content_string
    offset = source[: len(source) - len(markdown)].count("\n") if source.endswith(markdown) else 0
    reported = {
        (m["where"], safety.same_bracket(m["text"]))
        for problem in reading.problems
        if problem.startswith(f"{src_uri}:") and (m := _REPORTED.match(problem))
    }
    others = {uri: md for uri, (md, _) in reading.found.items()}
    for problem in safety.problems(src_uri, html, markdown, offset, registry, citations, others, reported):
        log.warning(problem)
    return html
