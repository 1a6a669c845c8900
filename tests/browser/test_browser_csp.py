"""The Content-Security-Policy at work (``hooks/edm_steps/policy.py``): a script or style the page was not built
with, or a request to another host, is refused, and the watch on every page reports it; the site's own pages, light and dark, with
instant navigation, the search and the previews, run without a single violation."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from browsing import SCHEMES, Watch, follow, goto, marker, set_marker, switch_scheme
from playwright.sync_api import Page, expect
from this_site import home_of, searched

pytestmark = pytest.mark.browser

POLICY = 'meta[http-equiv="Content-Security-Policy"]'
INJECT = """() => {
  const script = document.createElement("script")
  script.textContent = "window.__edmInjected = true"
  document.body.append(script)
  document.body.setAttribute("style", "outline: 1px solid red")
  fetch("https://fonts.example.com/x.css").catch(() => {})
}"""


def wait_for(page: Page, watch: Watch, *texts: str) -> None:
    """Wait (5 s at most) until the watch has a problem holding each of ``texts``."""
    for _ in range(100):
        if all(any(text in problem for problem in watch.problems) for text in texts):
            return
        page.wait_for_timeout(50)


def test_a_script_a_style_and_another_host_the_page_was_not_built_with_are_refused_and_reported(page: Page, watches):
    goto(page, "/")
    (watch,) = watches
    policy = page.locator(POLICY).get_attribute("content") or ""
    assert re.search(r"script-src 'self'( 'sha256-[A-Za-z0-9+/]+={0,2}')+;", policy), policy
    assert "unsafe-inline" not in policy
    assert page.evaluate("() => window.__md_scope instanceof URL"), "the page's own inline script did not run"
    assert not watch.problems

    page.evaluate(INJECT)
    assert page.evaluate("() => window.__edmInjected ?? null") is None, "an injected inline script ran"
    assert page.evaluate("() => getComputedStyle(document.body).outlineStyle") == "none"
    console = "violates the following Content Security Policy directive"
    wait_for(page, watch, console, "script-src-elem refused", "style-src-attr refused", "connect-src refused")
    caught = "\n".join(watch.problems)
    assert re.search(rf"^console error on .*: Executing inline script {console}", caught, re.MULTILINE), caught
    assert re.search(rf"^console error on .*: Applying inline style {console}", caught, re.MULTILINE), caught
    for directive, refused in (
        ("script-src-elem", "inline"),
        ("style-src-attr", "inline"),
        ("connect-src", "https://fonts.example.com/x.css"),  # refused before it is made
    ):  # the event, which the watch's init script reports
        assert re.search(rf"^Content-Security-Policy violation on .*: {directive} refused {refused}", caught, re.M)
    assert not any("example.com" in url for url in watch.requests)
    watch.problems.clear()


@pytest.mark.parametrize("preference", SCHEMES)
def test_every_page_runs_without_a_violation(new_page: Callable[..., Page], site_pages, preference):
    """Every page, 404.html too, with its search index loaded, a tooltip and a preview open. The watch
    fails the test on any violation."""
    page = new_page(viewport={"width": 1280, "height": 800}, color_scheme=preference)
    for path in [*site_pages, "/404.html"]:
        goto(page, path)
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", SCHEMES[preference])
        expect(page.locator(POLICY)).to_have_count(1)
        if path != "/404.html":
            expect(page.locator(".md-search-result__meta")).to_have_text("Type to start searching")
        abbreviation = page.locator("article abbr[title]").first
        if abbreviation.count():
            abbreviation.scroll_into_view_if_needed()
            abbreviation.hover()
        citation = page.locator("article a[data-edm-preview]").first
        if citation.count():
            citation.focus()
            expect(page.locator(f"#{citation.get_attribute('data-edm-preview')}")).to_be_visible()


@pytest.mark.parametrize("preference", SCHEMES)
def test_instant_navigation_search_and_previews_run_without_a_violation(new_page, served_site, preference):
    """From the first page to the last by the footer's Next link, all in one document; then a search and
    its result, a preview, and the other scheme. Each page's policy joins the document's as it comes
    (a <meta> policy cannot be taken back), so every one of them must allow what runs after it."""
    page = new_page(viewport={"width": 1280, "height": 800}, color_scheme=preference)
    goto(page, "/")
    set_marker(page)
    visited = 1
    while (following := page.locator("a.md-footer__link--next")).count():
        previous = page.url
        follow(page, following)
        # The new page is in place once its footer leads back to the page left: only then is its Next read.
        page.wait_for_function("url => document.querySelector('a.md-footer__link--prev')?.href === url", arg=previous)
        visited += 1
    assert visited > 5
    assert marker(page) == "kept", "a page was loaded in full: instant navigation did not run"
    assert page.locator(POLICY).count() >= 1

    # Material closes the search 125 ms after each navigation: a search opened sooner is closed again.
    page.wait_for_timeout(250)
    page.locator("input.md-search__input").click()
    expect(page.locator("#__search")).to_be_checked()
    number, word = searched(served_site.folder)  # a word of the edition's text, and the page that has it
    page.keyboard.type(word)
    results = page.locator(".md-search-result__item > a.md-search-result__link")
    title = re.compile(rf"^\s*{re.escape(home_of(number).title)}\s*$")
    result = results.filter(has=page.locator("h1", has_text=title))
    expect(result).to_be_visible()
    result.click()
    expect(page.locator('[data-md-component="content"] mark[data-md-highlight]').first).to_be_visible()
    citation = page.locator("article a[data-edm-preview]").first
    citation.focus()
    expect(page.locator(f"#{citation.get_attribute('data-edm-preview')}")).to_be_visible()
    switch_scheme(page, SCHEMES["dark" if preference == "light" else "light"])
    assert marker(page) == "kept"
