"""Light and dark, kept from page to page; instant navigation, and the back button. The pages are the
edition's: its first theme, and the page the navigation leads on to (this_site)."""

from __future__ import annotations

import pytest
from browsing import SCHEMES, expect_page, follow, goto, marker, nav_link, set_marker
from playwright.sync_api import Page, expect
from this_site import FIRST, ONWARD

pytestmark = pytest.mark.browser


def scheme(page: Page) -> str | None:
    return page.locator("body").get_attribute("data-md-color-scheme")


def background(page: Page) -> str:
    return page.evaluate("getComputedStyle(document.body).backgroundColor")


def toggle(page: Page):
    """The palette toggle the header shows now (Material hides the other one)."""
    return page.locator('form[data-md-component="palette"] label.md-header__button:visible')


@pytest.mark.parametrize(("preference", "scheme"), SCHEMES.items())
def test_the_first_page_follows_the_readers_preference(new_page, preference, scheme):
    page = new_page(color_scheme=preference)
    goto(page, "/")
    assert page.locator("body").get_attribute("data-md-color-scheme") == scheme


def test_the_palette_toggle_switches_light_and_dark_and_the_choice_persists(page: Page, served_site):
    goto(page, "/")
    assert scheme(page) == "default"
    light = background(page)
    # The visible toggle switches to the other palette: the dark one, __palette_1.
    expect(toggle(page)).to_have_attribute("for", "__palette_1")

    toggle(page).click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    expect(toggle(page)).to_have_attribute("for", "__palette_0")
    dark = background(page)
    assert dark != light, "the dark scheme did not change the page's background"

    # Kept across an instant navigation, and across a full page load (Material stores the choice).
    follow(page, nav_link(page, FIRST.title))
    expect_page(page, served_site.url, FIRST.path.lstrip("/"), served_site.folder)
    assert scheme(page) == "slate"
    goto(page, "/sources/")
    assert scheme(page) == "slate"
    assert background(page) == dark

    toggle(page).click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    assert background(page) == light
    page.reload()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")


def test_instant_navigation_keeps_the_document_and_the_back_button_returns(page: Page, served_site):
    url, folder = served_site.url, served_site.folder
    goto(page, "/")
    set_marker(page)
    visited = [""]
    # Sources is inside a collapsed section of the navigation: nav_link opens it first.
    for title, address in [(FIRST.title, FIRST.path), ONWARD, ("Sources", "/sources/"), ("About", "/about/")]:
        path = address.lstrip("/")
        follow(page, nav_link(page, title))
        expect_page(page, url, path, folder)
        assert marker(page) == "kept", f"clicking {title!r} in the navigation reloaded the page"
        visited.append(path)

    # The footer's link to the previous page is another way through the site, also without a reload.
    previous = page.locator("a.md-footer__link--prev")
    previous_path = previous.evaluate("a => a.href").removeprefix(url)
    follow(page, previous)
    expect_page(page, url, previous_path, folder)
    assert marker(page) == "kept"

    # Back, page by page, to where the reader started; then forward once.
    for path in reversed(visited):
        page.go_back()
        expect_page(page, url, path, folder)
        assert marker(page) == "kept", "the back button reloaded the page"
    page.go_forward()
    expect_page(page, url, visited[1], folder)
    assert marker(page) == "kept"
