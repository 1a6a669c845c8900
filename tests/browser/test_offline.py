"""The offline edition (``make offline``): the zip a reader unzips and opens from disk, with no network.

The zip is built once per session by ``scripts/build_offline.py`` and unzipped into a temporary folder;
Chromium opens its ``index.html`` as ``file://``. Every request a page makes is recorded: any that is
not a ``file://`` URL fails the test, and so does a console error or an uncaught page error. The
word searched, the citation previewed and the paragraph followed are the edition's (this_site).
"""

from __future__ import annotations

import re
import urllib.parse
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest
from browsing import TIMEOUT_MS, WATCHES, Watch
from playwright.sync_api import Browser, Locator, Page, expect
from this_site import ARRIVAL, PREVIEWED, home_of, marks_in, searched

import build_offline
from edm_site import csp
from this_edition import EDITION, long_date

ROOT = Path(__file__).resolve().parents[2]
DESKTOP = {"width": 1280, "height": 800}  # wide enough for Material's navigation sidebar and search bar


@dataclass
class OfflineEdition:
    zip_path: Path
    root: Path  # the unzipped top folder, holding index.html

    def url(self, name: str) -> str:
        return (self.root / name).as_uri()


@pytest.fixture(scope="session")
def offline(tmp_path_factory: pytest.TempPathFactory) -> OfflineEdition:
    """The offline zip, built as `make offline` builds it, and unzipped as a reader would."""
    folder = tmp_path_factory.mktemp("offline")
    zip_path = build_offline.build_offline(folder / "site-offline.zip")
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(folder / "unzipped")
    return OfflineEdition(zip_path, folder / "unzipped" / build_offline.TOP_FOLDER)


@pytest.fixture
def watched(browser: Browser, request: pytest.FixtureRequest) -> Iterator[tuple[Page, Watch]]:
    """A page in a fresh context, watched as every browser test's pages are: only file:// may load."""
    context = browser.new_context(viewport=DESKTOP, color_scheme="light")
    context.set_default_timeout(TIMEOUT_MS)
    watch = Watch("file:///")
    watch.attach(context)
    request.node.stash.setdefault(WATCHES, []).append(watch)
    try:
        yield context.new_page(), watch
    finally:
        context.close()


def open_file(page: Page, url: str) -> None:
    """Open a page of the edition from disk and wait until Material's scripts have run."""
    page.goto(url, wait_until="load")
    wait_for_material(page)


def wait_for_material(page: Page) -> None:
    # Material's bundle ends its start-up by observing the document; its header shows it has run.
    page.wait_for_function("() => window.document$ !== undefined && document.querySelector('.md-header')")


# -- The zip itself ---------------------------------------------------------------------------------


class _References(HTMLParser):
    """The local links (a[href]) and loaded resources (src, link[href]) of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.resources: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "a" and "href" in values:
            self.links.append(values["href"])
        elif tag == "link" and "href" in values and values.get("rel") not in ("next", "prev"):
            self.resources.append(values["href"])
        elif "src" in values:
            self.resources.append(values["src"])


def parse(page: Path) -> _References:
    parser = _References()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def site_pages(root: Path) -> list[str]:
    """The pages of an unzipped edition, as paths from its top folder (``index.html``, ``a-theme.html``...)."""
    return sorted(
        path.relative_to(root).as_posix()
        for path in root.rglob("*.html")
        if path.relative_to(root).parts[0] not in ("assets", "search")
    )


def test_the_zip_holds_one_folder_with_index_html_and_every_page(offline: OfflineEdition):
    with zipfile.ZipFile(offline.zip_path) as archive:
        names = archive.namelist()
    top = build_offline.TOP_FOLDER
    assert top == EDITION.slug
    assert {name.split("/", 1)[0] for name in names} == {top}
    # Every page of docs/ is there as a file (no directory URLs), index.html at the top.
    expected = {
        path.relative_to(ROOT / "docs").with_suffix(".html").as_posix() for path in (ROOT / "docs").rglob("*.md")
    }
    expected -= {name for name in expected if name.startswith("includes/")}  # snippets, not pages
    assert "index.html" in expected
    assert {f"{top}/{page}" for page in expected} <= set(names)
    assert site_pages(offline.root) == sorted(expected)
    # What only a server uses is left out; the search index comes as a script, and the worker shim with it.
    assert f"{top}/404.html" not in names and f"{top}/sitemap.xml" not in names
    assert f"{top}/search/search_index.js" in names
    assert f"{top}/{build_offline.SHIM_PATH}" in names
    assert f"{top}/assets/javascripts/iframe-worker/LICENSE" in names


def test_every_link_and_resource_of_every_page_is_a_file_in_the_edition(offline: OfflineEdition):
    """From disk a folder URL (``sources/``) opens no page: every local link names an existing file
    (and an existing anchor), and nothing a page loads comes from the network."""
    pages = site_pages(offline.root)
    parsed = {page: parse(offline.root / page) for page in pages}
    broken: list[str] = []
    for page in pages:
        html = (offline.root / page).read_text(encoding="utf-8")
        assert "unpkg.com" not in html and "fonts.googleapis.com" not in html, page
        assert "navigation.instant" not in html, f"{page}: instant navigation is on"
        base = (offline.root / page).parent
        for resource in parsed[page].resources:
            parts = urllib.parse.urlsplit(resource)
            if parts.scheme or parts.netloc:
                broken.append(f"{page}: loads {resource} from the network")
            elif not (base / urllib.parse.unquote(parts.path)).is_file():
                broken.append(f"{page}: loads {resource}, which is not in the edition")
        for link in parsed[page].links:
            parts = urllib.parse.urlsplit(link)
            if parts.scheme or parts.netloc:
                continue  # a source on the web, followed only when the reader chooses to
            target = (base / urllib.parse.unquote(parts.path)).resolve() if parts.path else offline.root / page
            if not target.is_file():
                broken.append(f"{page}: links to {link}, which is not a file of the edition")
            elif parts.fragment and target.suffix == ".html":
                key = target.relative_to(offline.root.resolve()).as_posix()
                ids = parsed[key].ids if key in parsed else parse(target).ids
                if urllib.parse.unquote(parts.fragment) not in ids:
                    broken.append(f"{page}: links to {link}, whose anchor is not there")
    assert not broken, "\n".join(broken)


# -- In Chromium, from disk -------------------------------------------------------------------------


def reveal(link: Locator) -> None:
    """Open the collapsed navigation sections around ``link``, outermost first, until it shows."""
    if link.is_visible():
        return
    section = link.locator("xpath=ancestor::li[contains(concat(' ', @class, ' '), ' md-nav__item--nested ')][1]")
    reveal(section)
    toggle = section.locator(":scope > input.md-nav__toggle").get_attribute("id")
    section.locator(f"label.md-nav__link[for='{toggle}']").first.click()
    expect(link).to_be_visible()


@pytest.mark.browser
def test_every_page_opens_from_disk_by_its_navigation_link(offline: OfflineEdition, watched: tuple[Page, Watch]):
    page, watch = watched
    open_file(page, offline.url("index.html"))
    nav = page.locator(".md-sidebar--primary .md-nav--primary")
    expect(nav).to_be_visible()
    hrefs = [link.get_attribute("href") or "" for link in nav.locator("a.md-nav__link[href$='.html']").all()]
    # Every page of the edition is in the navigation, each once.
    assert sorted(hrefs) == site_pages(offline.root)

    for href in [*hrefs[1:], hrefs[0]]:  # from the first page through all the others, and back to it
        link = page.locator(".md-sidebar--primary .md-nav--primary").locator(f"a.md-nav__link[href='{href}']")
        reveal(link)
        link.click()
        page.wait_for_url(offline.url(href))
        wait_for_material(page)
        expect(page.locator("article h1")).to_be_visible()
        expect(page.locator(".md-sidebar--primary a.md-nav__link--active").first).to_have_attribute("href", href)

    visited = {urllib.parse.unquote(urllib.parse.urlsplit(url).path) for url in watch.requests}
    assert {str(offline.root / href) for href in hrefs} <= visited


@pytest.mark.browser
def test_search_works_from_disk_and_its_result_opens_the_page(offline: OfflineEdition, watched: tuple[Page, Watch]):
    page, watch = watched
    number, word = searched(offline.root)
    home = home_of(number)
    open_file(page, offline.url("index.html"))
    query = page.locator("input.md-search__input")
    query.click()
    query.press_sequentially(word)
    result = page.locator(f".md-search-result__list a.md-search-result__link[href*='{home.name}.html']").first
    expect(result).to_be_visible()
    expect(result).to_contain_text(word)
    # From disk Chromium allows no Worker: the search ran in the iframe-worker shim, on the index script.
    assert page.evaluate("() => window.Worker === window.IFrameWorker")
    assert any(url.endswith("/search/search_index.js") for url in watch.requests)

    result.click()
    page.wait_for_url(
        re.compile(re.escape(offline.url(f"{home.name}.html")) + rf"(\?h={re.escape(word.lower())})?(#.*)?$")
    )
    wait_for_material(page)
    expect(page.locator("article h1")).to_have_text(re.compile(re.escape(home.title)))
    # search.highlight marks the word on the page it opened, in its paragraph.
    expect(page.locator("article mark").first).to_have_text(re.compile(re.escape(word), re.IGNORECASE))
    expect(page.locator(f"article p:has(> a#p{number}) mark")).to_have_count(marks_in(number, word))


@pytest.mark.browser
def test_a_citation_shows_its_preview_on_hover_and_tap_from_disk(
    offline: OfflineEdition, watched: tuple[Page, Watch], browser: Browser, request: pytest.FixtureRequest
):
    page, _ = watched
    name = f"{PREVIEWED.page.name}.html"
    open_file(page, offline.url(name))
    citation = page.locator(f"a.edm-cite#{PREVIEWED.id}")
    expect(citation).to_have_text(PREVIEWED.citation.written)
    preview = page.locator(f"#{citation.get_attribute('data-edm-preview')}")
    expect(preview).to_be_hidden()
    citation.hover()
    expect(preview).to_be_visible()
    expect(preview).to_contain_text(f"{PREVIEWED.outlet.name}, {long_date(PREVIEWED.citation.date)}")
    expect(preview.locator(f"a[href='sources.html#{PREVIEWED.outlet.id}']")).to_have_count(1)
    page.mouse.move(0, 0)
    expect(preview).to_be_hidden()

    phone = browser.new_context(viewport={"width": 375, "height": 667}, is_mobile=True, has_touch=True)
    phone.set_default_timeout(TIMEOUT_MS)
    watch = Watch("file:///")
    watch.attach(phone)
    request.node.stash.setdefault(WATCHES, []).append(watch)
    try:
        tapped = phone.new_page()
        open_file(tapped, offline.url(name))
        citation = tapped.locator(f"a.edm-cite#{PREVIEWED.id}")
        citation.tap()
        expect(tapped.locator(f"#{citation.get_attribute('data-edm-preview')}")).to_be_visible()
        assert tapped.url == offline.url(name), "the first tap left the page"
    finally:
        phone.close()


@pytest.mark.browser
def test_a_paragraph_number_of_the_full_article_leads_to_its_themed_page(
    offline: OfflineEdition, watched: tuple[Page, Watch]
):
    page, _ = watched
    number, name = ARRIVAL.numbers[0], f"{ARRIVAL.name}.html"
    open_file(page, offline.url("article.html"))
    pilcrow = page.locator(f"a#p{number}")
    expect(pilcrow).to_have_attribute("href", f"{name}#p{number}")
    pilcrow.click()
    page.wait_for_url(offline.url(name) + f"#p{number}")
    wait_for_material(page)
    expect(page.locator("article h1")).to_have_text(re.compile(re.escape(ARRIVAL.title)))
    expect(page.locator(f"a#p{number}")).to_be_in_viewport()


def test_every_page_carries_the_sites_policy_and_one_script_more_for_the_search(offline: OfflineEdition):
    """Under file:// the site's policy holds ('self' matches the edition's own files), but for the
    inline script the iframe-worker shim writes into the iframe it runs the search in, which takes the
    page's policy: each page allows that one script more, by its hash, and nothing else inline.
    (The search tests above run it, under the watch that fails on any violation.)"""
    shim = (build_offline.SHIM_SOURCE / "shim.js").read_text(encoding="utf-8")
    for name in site_pages(offline.root):
        html = (offline.root / name).read_text(encoding="utf-8")
        (content,) = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
        worker = re.search(r'"search": "([^"]+)"', html)
        assert worker, name
        own = dict.fromkeys(map(csp.script_hash, re.findall(r"<script>(.*?)</script>", html, re.DOTALL)))
        shims = csp.script_hash(build_offline.iframe_worker_script(shim, worker[1]))
        assert content == csp.policy([*own, shims]), name
        assert "unsafe-inline" not in content, name
