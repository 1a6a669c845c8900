"""Material's search, served over HTTP with its web worker: a word leads to the page that has it."""

from __future__ import annotations

import re

import pytest
from browsing import expect_page, goto, marker, set_marker
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_searching_kislyak_offers_diplomacy_and_the_result_opens_it_highlighted(page: Page, served_site):
    goto(page, "/")
    set_marker(page)
    query = page.locator("input.md-search__input")
    query.click()
    expect(page.locator("#__search")).to_be_checked()
    page.keyboard.type("Kislyak")

    results = page.locator(".md-search-result__item > a.md-search-result__link")
    diplomacy = results.filter(has=page.locator("h1", has_text=re.compile(r"^\s*Diplomacy\s*$")))
    expect(diplomacy).to_have_count(1)
    expect(diplomacy).to_be_visible()
    expect(diplomacy.locator("mark").first).to_have_text(re.compile("^Kislyak$", re.IGNORECASE))

    diplomacy.click()
    page.wait_for_url(re.compile(re.escape(f"{served_site.url}diplomacy/") + r"\?h=kislyak$"))
    expect_page(page, served_site.url, "diplomacy/", served_site.folder)
    expect(page.locator("#__search")).not_to_be_checked()
    assert marker(page) == "kept", "the search result reloaded the page: instant navigation is off"
    # search.highlight marks the term in the paragraph that has it: ¶2, on this page.
    marks = page.locator("p:has(> a#p2) mark[data-md-highlight]")
    expect(marks).to_have_count(2)
    expect(marks.first).to_have_text("Kislyak")
