"""MkDocs hook: the Content-Security-Policy of every page, 404.html included (``edm_site.csp``).

Registered after every hook that changes a page's HTML, so that it hashes the page's final inline
scripts. Two policies: the published site's, strict, with the hashes of each page's own inline
scripts; and ``mkdocs serve``'s, which allows inline scripts because MkDocs' server writes its
live-reload script into each page as it sends it, after this hook has run, with a number no build can
know. (The offline edition takes the site's, and ``scripts/build_offline.py`` adds the one script the
search needs under file://.) What a page holds that the policy refuses (a ``style`` attribute, say)
is a warning naming the page, so ``mkdocs build --strict`` fails on it.
"""

from __future__ import annotations

import logging
from typing import ClassVar

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from edm_site import csp

log = logging.getLogger("mkdocs.plugins.edm.csp")


class _Command:
    """Set by ``on_startup``: whether MkDocs is serving (its live-reload script needs the serve policy)."""

    serving: ClassVar[bool] = False


def on_startup(*, command: str, dirty: bool) -> None:
    _Command.serving = command == "serve"


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return _with_policy(output, page.file.src_uri)


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    if not template_name.endswith(".html"):
        return output_content  # sitemap.xml
    return _with_policy(output_content, template_name)


def _with_policy(output: str, where: str) -> str:
    secured = csp.secure(output, "serve" if _Command.serving else "site")
    for what in secured.refused:
        log.warning(
            f"{where}: the page holds {what}, which its Content-Security-Policy refuses: "
            "give it a class and style the class in docs/assets/edm.css (or move the script to a file)"
        )
    return secured.page
