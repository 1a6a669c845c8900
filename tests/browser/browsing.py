"""What the browser tests share besides fixtures: the site's pages and how to load one."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Locator, Page, Response

SITE_NAME = "Moscow Spoils Every Opportunity"
DOCS = Path(__file__).resolve().parents[2] / "docs"


def page_path(source: Path) -> str:
    """The URL path MkDocs gives a Markdown page (``diplomacy.md`` -> ``/diplomacy/``)."""
    parts = source.relative_to(DOCS).with_suffix("").parts
    if parts[-1] in ("index", "README"):
        parts = parts[:-1]
    return "/" + "".join(f"{part}/" for part in parts)


# Every page of the site, from its Markdown sources (test_browser_pages checks the crawl from / finds
# exactly these, and that they include the pages the site began with).
PAGES = tuple(sorted(page_path(source) for source in DOCS.rglob("*.md")))
FIRST_PAGES = (
    "/",
    "/diplomacy/",
    "/syria/",
    "/ukraine/",
    "/north-korea/",
    "/article/",
    "/sources/",
    "/edm/",
    "/about/",
)

# Material's scheme names, by the colour scheme the browser prefers.
SCHEMES = {"light": "default", "dark": "slate"}


def goto(page: Page, path: str, *, wait_until: str = "load") -> Response:
    """Load ``path`` with a full navigation; return its response once Material's scripts have started."""
    response = page.goto(path, wait_until=wait_until)
    assert response is not None, f"no response for {path}"
    assert response.status == 200, f"{path}: HTTP {response.status}"
    # Material's bundle publishes its observables on window once it has set the page up.
    page.wait_for_function("() => window.document$ !== undefined && window.component$ !== undefined")
    return response


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
