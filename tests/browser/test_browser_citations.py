"""Citations and paragraph numbers: the links between themed pages, sources and article (previews:
test_browser_previews.py)."""

from __future__ import annotations

import re

import pytest
from browsing import expect_page, follow, goto, marker, set_marker, settle_scroll
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_enter_on_a_citation_leads_to_its_source_whose_backlink_leads_back_to_it(page: Page, served_site):
    site_url = served_site.url
    goto(page, "/diplomacy/")
    set_marker(page)
    page.locator("a#p2").focus()
    page.keyboard.press("Tab")
    citation = page.locator("#cite-3")
    expect(citation).to_be_focused()
    settle_scroll(page)

    page.keyboard.press("Enter")
    page.wait_for_url(f"{site_url}sources/#kommersant")
    expect_page(page, site_url, "sources/", served_site.folder)
    expect(page.locator("h2#kommersant")).to_be_in_viewport()
    assert marker(page) == "kept", "following a citation reloaded the page: instant navigation is off"

    # The outlet's list of places it is cited has a link back to this very citation.
    backlink = page.locator('h2#kommersant + .edm-outlet a[href$="/diplomacy/#cite-3"]')
    expect(backlink).to_have_count(1)
    follow(page, backlink)
    page.wait_for_url(f"{site_url}diplomacy/#cite-3")
    expect_page(page, site_url, "diplomacy/", served_site.folder)
    back = page.locator("#cite-3")
    expect(back).to_have_class(re.compile(r"\bedm-cite\b"))
    expect(back).to_have_text("Kommersant")
    expect(back).to_be_in_viewport()
    assert marker(page) == "kept"


def test_a_paragraph_number_in_the_article_leads_to_the_paragraph_on_its_themed_page(page: Page, served_site):
    site_url = served_site.url
    goto(page, "/article/")
    number = page.locator("a#p3")
    expect(number).to_have_text("¶3")
    assert number.evaluate("a => a.href") == f"{site_url}syria/#p3"

    follow(page, number)
    page.wait_for_url(f"{site_url}syria/#p3")
    expect_page(page, site_url, "syria/", served_site.folder)
    target = page.locator("#p3")
    expect(target).to_have_text("¶3")
    expect(target).to_be_in_viewport()
    # And back: the number on the themed page leads to the paragraph in the full article.
    assert target.evaluate("a => a.href") == f"{site_url}article/#p3"


ARRIVED = re.compile(r"\bedm-arrived\b")


def test_arriving_at_a_paragraph_or_a_citation_highlights_it(page: Page, served_site):
    site_url = served_site.url
    # A full load of an address with a fragment.
    goto(page, "/syria/#p3")
    paragraph = page.locator("p:has(> a#p3)")
    expect(paragraph).to_have_class(ARRIVED)
    expect(paragraph).not_to_have_class(ARRIVED, timeout=5000)  # it fades, and the mark goes

    # An instant navigation: a citation reached from its source's list of places.
    goto(page, "/sources/")
    set_marker(page)
    backlink = page.locator('h2#kommersant + .edm-outlet a[href$="/diplomacy/#cite-3"]')
    follow(page, backlink)
    page.wait_for_url(f"{site_url}diplomacy/#cite-3")
    assert marker(page) == "kept"
    expect(page.locator("#cite-3")).to_have_class(ARRIVED)
    colour = page.locator("#cite-3").evaluate("a => getComputedStyle(a).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent"), "the arrival is not highlighted"
