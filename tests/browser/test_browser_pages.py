"""Every page loads cleanly, and no link or anchor on the site is broken."""

from __future__ import annotations

import re
import urllib.error
import urllib.parse
import urllib.request
from collections import deque

import pytest
from browsing import FIRST_PAGES, PAGES, SITE_NAME, goto, heading
from playwright.sync_api import Page, expect

from this_edition import TITLE as HEADLINE

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_gzipped_with_no_error_and_no_other_host(page: Page, path):
    # The watch on every page fails the test on a console or page error, or a request to another host.
    response = goto(page, path)
    assert response.headers.get("content-encoding") == "gzip"
    # The search worker has fetched and indexed the whole site: the last thing a page loads.
    expect(page.locator(".md-search-result__meta")).to_have_text("Type to start searching")
    # The home page's title is the article's headline; every other page's ends with the site's name.
    assert page.title() == HEADLINE if path == "/" else page.title().endswith(SITE_NAME), page.title()
    expect(heading(page)).to_have_count(1)


def test_the_watch_on_every_page_catches_other_hosts_console_errors_and_page_errors(new_page, watches):
    """The guard the other tests rely on: what it must catch, it catches (then it is cleared). The page's
    Content-Security-Policy, which would refuse the request to another host before it is made, is
    bypassed: here the watch is tested (test_browser_csp tests the policy, and its reports)."""
    page = new_page(bypass_csp=True)
    goto(page, "/")
    (watch,) = watches
    assert not watch.problems
    page.evaluate("fetch('https://fonts.example.com/x.css').catch(() => {})")
    page.evaluate("console.error('a console error')")
    page.evaluate("setTimeout(() => { throw new Error('an uncaught error') })")
    page.evaluate("fetch('/no-such-file.js').catch(() => {})")
    expected = [
        "request to another host: GET https://fonts.example.com/x.css",
        "a console error",
        "an uncaught error",
        "/no-such-file.js",
    ]
    for _ in range(100):  # events arrive while Playwright waits: wait until all have, or 5 s
        if all(any(text in problem for problem in watch.problems) for text in expected):
            break
        page.wait_for_timeout(50)
    caught = "\n".join(watch.problems)
    assert "request to another host: GET https://fonts.example.com/x.css" in caught
    assert re.search(r"^console error on .*: a console error", caught, re.MULTILINE), caught
    assert re.search(r"^page error on .*an uncaught error", caught, re.MULTILINE), caught
    assert re.search(r"^HTTP 404 for .*/no-such-file\.js$", caught, re.MULTILINE), caught
    assert all(url.startswith(page.url) or "example.com" in url for url in watch.requests)
    watch.problems.clear()


def test_the_crawl_from_the_root_reaches_every_page_and_no_link_is_broken(page: Page, site_url, site_pages):
    """Follow every internal link from ``/``; every target answers, every ``#fragment`` names an element."""
    origin = urllib.parse.urlsplit(site_url)
    found: dict[str, set[str]] = {}  # HTML page -> the ids in it (after Material's scripts ran)
    links: list[tuple[str, str]] = []  # (page it is on, absolute href)
    external: set[str] = set()
    other_schemes: set[str] = set()
    queue, queued = deque(["/"]), {"/"}
    while queue:
        path = queue.popleft()
        goto(page, path)
        found[path] = set(page.eval_on_selector_all("[id], a[name]", "els => els.map(e => e.id || e.name)"))
        for href in page.eval_on_selector_all("a[href]", "els => els.map(a => a.href)"):
            parts = urllib.parse.urlsplit(href)
            if parts.scheme not in ("http", "https"):
                other_schemes.add(href)
            elif (parts.scheme, parts.netloc) != (origin.scheme, origin.netloc):
                external.add(href)  # not fetched: the tests have no network, and need none
            else:
                links.append((path, href))
                target = parts.path + (f"?{parts.query}" if parts.query else "")
                if target not in queued and is_html(site_url, target):
                    queued.add(target)
                    queue.append(target)

    broken = []
    for source, href in links:
        parts = urllib.parse.urlsplit(href)
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        if target not in found:
            status = status_of(site_url, target)
            if status != 200:
                broken.append(f"{source}: {href} answers HTTP {status}")
            elif parts.fragment:
                broken.append(f"{source}: {href} has a #fragment, but its target is not an HTML page")
        elif parts.fragment and urllib.parse.unquote(parts.fragment) not in found[target]:
            broken.append(f"{source}: {href}: no element with id {parts.fragment!r} on {target}")
    assert not broken, "broken links:\n  " + "\n  ".join(broken)
    assert sorted(found) == sorted(site_pages), "pages the crawl from / never reaches, or reaches outside the build"
    assert sorted(found) == sorted(PAGES), "the pages reached are not the pages of docs/"
    assert set(FIRST_PAGES) <= set(found)
    # Each page's navigation links every page: fewer links than that, and the crawl is not reading the pages.
    assert len(links) >= len(PAGES) ** 2, (
        f"suspiciously few internal links ({len(links)}): is the crawl reading the pages?"
    )
    assert any(url.startswith("https://") for url in external), "no external link collected: the sources page has many"
    assert not {href for href in other_schemes if not href.startswith("mailto:")}, other_schemes


def is_html(site_url: str, target: str) -> bool:
    with urllib.request.urlopen(urllib.parse.urljoin(site_url, target), timeout=10) as response:
        return response.headers.get_content_type() == "text/html"


def status_of(site_url: str, target: str) -> int:
    try:
        with urllib.request.urlopen(urllib.parse.urljoin(site_url, target), timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        error.close()
        return error.code
