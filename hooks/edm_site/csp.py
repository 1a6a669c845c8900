"""The Content-Security-Policy every page carries, as a ``<meta http-equiv>`` (GitHub Pages sends no
headers of ours): the page may run only the site's own script files and the inline scripts it was
built with, take styles only from the site's style sheets, and load nothing from another host.

Material writes small inline scripts into every page (``__md_scope`` in the head, the palette and
the tabbed-content scripts in the body, our own in ``overrides/main.html``); each is allowed by its
SHA-256 hash, computed here from the page's final HTML. A hash names one exact text, so a script
injected into a page is refused, and a script of ours that changes gets its new hash with the build.
The JSON data block Material writes (``<script id="__config" type="application/json">``) never runs,
so it needs no hash.

A policy in a ``<meta>`` governs only what the document holds after it: the meta goes first in the
head, after ``<meta charset>`` (which must stay within the first 1024 bytes), before any script.

What the policy refuses in HTML (a ``style`` attribute, a ``<style>`` element, an ``on…`` handler
attribute, a ``javascript:`` address) is named by ``secure`` beside the page it returns, for the
build to report; styles a script sets through ``element.style`` are allowed, as CSP allows them.

Two policies (``Mode``):

- ``site``, the published site (and the offline edition): the strict policy.
- ``serve``, ``mkdocs serve``: its live-reload script is written into each page by MkDocs' server as
  it sends it, with a number that changes on every request, so no hash can be known at build time.
  Scripts inline are allowed (``'unsafe-inline'``, which a hash beside it would switch off); every
  other directive stays as strict as the site's, so a style attribute still shows in the preview.

The offline edition, read from disk (``file://``), needs one script more, which
``scripts/build_offline.py`` allows with ``allowing``: see there.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Literal

Mode = Literal["site", "serve"]

# The directives every policy shares. Images may be data: URIs: Material's style sheet draws its icons
# (admonitions, checkmarks, the search's clear button) as data: SVG masks, which count as images.
# ``frame-ancestors``, ``report-uri`` and ``sandbox`` are left out: a <meta> policy ignores them, and
# Chromium logs an error saying so.
_SHARED = (
    ("default-src", ("'self'",)),
    ("style-src", ("'self'",)),
    ("img-src", ("'self'", "data:")),
    ("object-src", ("'none'",)),
    ("base-uri", ("'self'",)),
    ("form-action", ("'self'",)),
)
SERVE_SCRIPTS = ("'self'", "'unsafe-inline'")

# Script types a browser runs; any other type (application/json, say) is a data block, never run.
_RUNNABLE = {
    "",
    "module",
    "importmap",
    "speculationrules",
    "text/javascript",
    "application/javascript",
    "application/ecmascript",
    "text/ecmascript",
}
_META = re.compile(r'[ \t]*<meta http-equiv="Content-Security-Policy" content="([^"]*)">\n?')


class _Reading(HTMLParser):
    """Where a page's head starts, its charset meta ends and its first script starts; its inline
    scripts' texts; and what in it the policy refuses."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.text = text
        self.head_end: int | None = None  # the offset just after <head ...>
        self.charset_end: int | None = None  # just after <meta charset=...>
        self.first_script: int | None = None
        self.scripts: list[str] = []
        self.refused: list[str] = []
        self._lines = [0, *(match.end() for match in re.finditer("\n", text))]
        self._open_script: int | None = None  # where the text of the inline script being read starts
        self.feed(text)
        self.close()

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._lines[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._offset()
        end = start + len(self.get_starttag_text() or "")
        values = {name: value or "" for name, value in attrs}
        if tag == "head" and self.head_end is None:
            self.head_end = end
        elif tag == "meta" and "charset" in values and self.charset_end is None:
            self.charset_end = end
        elif tag == "script":
            if self.first_script is None:
                self.first_script = start
            runnable = values.get("type", "").strip().lower() in _RUNNABLE
            self._open_script = end if "src" not in values and runnable else None
        elif tag == "style":
            self.refused.append("a <style> element")
        for name, value in attrs:
            if name == "style":
                self.refused.append(f'<{tag} style="{value}">')
            elif name.startswith("on"):
                self.refused.append(f"<{tag} {name}=…>")
            elif name in ("href", "src", "action", "formaction") and _is_javascript(value or ""):
                self.refused.append(f"<{tag} {name}={value!r}>")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._open_script is not None:
            self.scripts.append(self.text[self._open_script : self._offset()])
            self._open_script = None


def _is_javascript(url: str) -> bool:
    return re.sub(r"[\x00-\x20]", "", url).lower().startswith("javascript:")


def script_hash(script: str) -> str:
    """The source expression allowing an inline script whose text is ``script``, as the browser hashes
    it: the text's UTF-8 bytes after the HTML parser has made every line break a line feed."""
    text = script.replace("\r\n", "\n").replace("\r", "\n")
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def inline_script_hashes(page: str) -> list[str]:
    """The hashes of the inline scripts ``page`` runs, in order, each once."""
    return list(dict.fromkeys(script_hash(script) for script in _Reading(without_policy(page)).scripts))


def policy(hashes: Iterable[str], mode: Mode = "site") -> str:
    """The policy's text, for a page whose inline scripts have ``hashes`` (ignored unless ``site``)."""
    scripts = {"site": ("'self'", *hashes), "serve": SERVE_SCRIPTS}[mode]
    directives = [*_SHARED[:1], ("script-src", scripts), *_SHARED[1:]]
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives)


def meta(text: str) -> str:
    """The ``<meta>`` carrying the policy ``text``."""
    return f'<meta http-equiv="Content-Security-Policy" content="{_attribute(text)}">'


def _attribute(text: str) -> str:
    """``text`` as a double-quoted attribute's value (its single quotes left as they are)."""
    return html.escape(text, quote=False).replace('"', "&quot;")


def without_policy(page: str) -> str:
    """``page`` without the policy ``with_policy`` put in it."""
    return _META.sub("", page)


@dataclass(frozen=True)
class Secured:
    page: str  # with its policy
    refused: tuple[str, ...]  # what in it the policy refuses, once each, in order


def secure(page: str, mode: Mode = "site") -> Secured:
    """``page`` with its policy first in its head (replacing any it had), and what in it the policy
    refuses (style attributes, ``<style>`` elements, ``on…`` handlers, ``javascript:`` addresses).

    The policy goes after ``<meta charset>`` if that comes before the first script, else straight
    after ``<head>``, else at the very start (where the HTML parser puts it in the head it makes).
    """
    page = without_policy(page)
    reading = _Reading(page)
    hashes = dict.fromkeys(script_hash(script) for script in reading.scripts)
    tag = meta(policy(hashes, mode))
    first_script = reading.first_script if reading.first_script is not None else len(page)
    at = next(
        (offset for offset in (reading.charset_end, reading.head_end) if offset is not None and offset <= first_script),
        0,
    )
    if at and page[at : at + 1] == "\n":
        line = page[page.rfind("\n", 0, at) + 1 : at]
        at += 1  # on a line of its own, indented as the line before it
        tag = line[: len(line) - len(line.lstrip())] + tag + "\n"
    return Secured(page[:at] + tag + page[at:], tuple(dict.fromkeys(reading.refused)))


def with_policy(page: str, mode: Mode = "site") -> str:
    return secure(page, mode).page


def allowing(page: str, hashes: Iterable[str]) -> str:
    """``page``, its policy allowing the inline scripts of ``hashes`` too (scripts it does not hold,
    such as the one a script of it writes into an iframe, which takes the page's policy)."""
    found = _META.search(page)
    if found is None:
        raise ValueError("the page carries no Content-Security-Policy of ours")
    directives = [directive.split() for directive in html.unescape(found.group(1)).split("; ")]
    for directive in directives:
        if directive[0] == "script-src":
            directive.extend([source for source in dict.fromkeys(hashes) if source not in directive])
    text = "; ".join(" ".join(directive) for directive in directives)
    start, end = found.span(1)
    return page[:start] + _attribute(text) + page[end:]
