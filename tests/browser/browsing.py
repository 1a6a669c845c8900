"""What the browser tests share besides fixtures: the site's pages, how to load one, and the watch
kept on every page a test opens."""

from __future__ import annotations

import html
import re
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, ConsoleMessage, Locator, Page, Request, Response, WebError, expect

from paths import EDITION

SITE_NAME = EDITION.site_name
TIMEOUT_MS = 10_000
DOCS = Path(__file__).resolve().parents[2] / "docs"


def page_path(source: Path) -> str:
    """The URL path MkDocs gives a Markdown page (``a-theme.md`` -> ``/a-theme/``)."""
    parts = source.relative_to(DOCS).with_suffix("").parts
    if parts[-1] in ("index", "README"):
        parts = parts[:-1]
    return "/" + "".join(f"{part}/" for part in parts)


# Every page of the site, from its Markdown sources (test_browser_pages checks the crawl from / finds
# exactly these, and that they include the pages the site began with).
PAGES = tuple(sorted(page_path(source) for source in DOCS.rglob("*.md")))
FIRST_PAGES = (
    "/",
    *(page_path(DOCS / theme.page) for theme in EDITION.themes),
    "/article/",
    "/sources/",
    "/edm/",
    "/about/",
)

# Material's scheme names, by the colour scheme the browser prefers.
SCHEMES = {"light": "default", "dark": "slate"}


def goto(page: Page, path: str) -> Response:
    """Load ``path`` with a full navigation; return its response once Material's scripts have started."""
    response = page.goto(path, wait_until="load")
    assert response is not None, f"no response for {path}"
    assert response.status == 200, f"{path}: HTTP {response.status}"
    # Material's bundle publishes its observables on window once it has set the page up.
    page.wait_for_function("() => window.document$ !== undefined && window.component$ !== undefined")
    return response


def heading(page: Page) -> Locator:
    """The page's title: the ``h1`` of its content (search results have ``h1``s too)."""
    return page.locator("article.md-content__inner > h1")


def nav_link(page: Page, title: str) -> Locator:
    """The link to the page ``title`` in the primary navigation, its sections opened as a reader opens them."""
    exact = re.compile(rf"^\s*{re.escape(title)}\s*$")
    link = page.locator('.md-nav--primary a.md-nav__link:not([href*="#"])').filter(has_text=exact)
    expect(link).to_have_count(1)
    # The sections it is in, outermost first: a collapsed one is opened by clicking its label.
    for label in link.locator("xpath=ancestor::li[contains(@class, 'md-nav__item--nested')]/label").all():
        toggle = page.locator(f"[id='{label.get_attribute('for')}']")
        if not toggle.is_checked():
            label.click()
            expect(toggle).to_be_checked()
    return link


def expect_page(page: Page, site_url: str, path: str, folder: Path) -> None:
    """Expect ``page`` to show the page at ``path`` (from the root, no slash first): its URL, title and heading
    are those the served build has for it, whether it came by a full load or an instant navigation."""
    built = (folder / path / "index.html").read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", built, re.DOTALL)
    h1 = re.search(r'<h1\b[^>]*\bid="([^"]+)"', built)
    assert title and h1, f"{path}: no <title> or <h1 id> in the build"
    expect(page).to_have_url(re.compile(re.escape(site_url + path) + r"(?:[?#].*)?$"))
    expect(page).to_have_title(html.unescape(title.group(1)).strip())
    expect(heading(page)).to_have_id(h1.group(1))


def set_marker(page: Page) -> None:
    """Mark this document: a full page load forgets the mark, an instant navigation keeps it."""
    page.evaluate("window.__edmMarker = 'kept'")


def marker(page: Page) -> str | None:
    return page.evaluate("window.__edmMarker ?? null")


def settle_scroll(page: Page) -> None:
    """Wait until Material has recorded the current scroll offset in the history entry.

    Material stores the offset with ``history.replaceState`` 100 ms after the last scroll. A link
    followed within those 100 ms (Playwright scrolls a link into view and clicks at once) gets the
    old page's offset written into the *new* history entry, and Material then restores that offset
    instead of scrolling to the link's ``#fragment``. A reader cannot scroll and click that fast.
    """
    page.wait_for_function(
        "() => window.scrollY === 0 && history.state === null"
        " || history.state !== null && Math.abs(history.state.y - window.scrollY) < 1"
    )


def follow(page: Page, link: Locator) -> None:
    """Click ``link`` as a reader does: scroll it into view first, then click."""
    link.scroll_into_view_if_needed()
    settle_scroll(page)
    link.click()


def switch_scheme(page: Page, scheme: str) -> None:
    """Show Material's ``scheme`` (``default`` or ``slate``) with the header's toggle.

    The toggle gets a click event without the mouse going there: a pointer left on the toggle shows
    its tooltip, fading in, which is not the page a reader who has switched and moved on sees.
    """
    body = page.locator("body")
    if body.get_attribute("data-md-color-scheme") != scheme:
        page.locator('form[data-md-component="palette"] label.md-header__button:visible').dispatch_event("click")
    expect(body).to_have_attribute("data-md-color-scheme", scheme)
    # While it switches, Material turns transitions off; colours are final once it is done.
    expect(page.locator("body[data-md-color-switching]")).to_have_count(0)


@dataclass
class Watch:
    """What one browser context did that a clean page never does."""

    origin: str
    requests: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def attach(self, context: BrowserContext) -> None:
        context.on("request", self._on_request)
        context.on("requestfailed", self._on_request_failed)
        context.on("response", self._on_response)
        context.on("console", self._on_console)
        context.on("weberror", self._on_web_error)
        context.expose_binding(_VIOLATION_BINDING, self._on_violation)
        context.add_init_script(_REPORT_VIOLATIONS)

    def is_local(self, url: str) -> bool:
        parts = urllib.parse.urlsplit(url)
        if parts.scheme in ("data", "blob", "about"):
            return True
        return f"{parts.scheme}://{parts.netloc}/" == self.origin

    def _on_request(self, request: Request) -> None:
        self.requests.append(request.url)
        if not self.is_local(request.url):
            self.problems.append(f"request to another host: {request.method} {request.url}")

    def _on_request_failed(self, request: Request) -> None:
        failure = request.failure or ""
        # An aborted request is one the page no longer wanted (a navigation superseded it): not an error.
        if self.is_local(request.url) and "ERR_ABORTED" not in failure:
            self.problems.append(f"request failed: {request.url}: {failure}")

    def _on_response(self, response: Response) -> None:
        if response.status >= 400 and self.is_local(response.url):
            self.problems.append(f"HTTP {response.status} for {response.url}")

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            location = message.location or {}
            where = f" ({location.get('url')}:{location.get('lineNumber')})" if location.get("url") else ""
            self.problems.append(f"console error on {message.page.url if message.page else '?'}: {message.text}{where}")

    def _on_web_error(self, error: WebError) -> None:
        self.problems.append(f"page error on {error.page.url if error.page else '?'}: {error.error}")

    def _on_violation(self, source: dict[str, object], violation: dict[str, str]) -> None:
        self.problems.append(
            f"Content-Security-Policy violation on {violation['documentURI']}: {violation['effectiveDirective']} "
            f"refused {violation['blockedURI'] or '?'} {violation['sample']!r} "
            f"({violation['sourceFile']}:{violation['lineNumber']})"
        )


# Chromium logs a Content-Security-Policy violation as a console error, which the watch catches; every
# frame also reports the event itself, which says what was refused, by which directive, and where.
_VIOLATION_BINDING = "__edmReportViolation"
_REPORT_VIOLATIONS = f"""
addEventListener("securitypolicyviolation", event => {{
  const {{documentURI, effectiveDirective, blockedURI, sample, sourceFile, lineNumber}} = event
  window.{_VIOLATION_BINDING}({{documentURI, effectiveDirective, blockedURI, sample, sourceFile, lineNumber}})
}}, true)
"""


# Latencies the browser tests measure (a name -> milliseconds), printed as medians at the end of the run.
LATENCIES: dict[str, list[float]] = {}

# The watches of the pages a test opened; conftest's pytest_runtest_call fails the test on their problems.
WATCHES = pytest.StashKey[list[Watch]]()
