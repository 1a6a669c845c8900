"""Citations and paragraph numbers: the links between themed pages, sources and article (previews:
test_browser_previews.py). The citation followed, the paragraph and the pages are the edition's
(this_site): the first citation of an outlet that opens its paragraph, and a paragraph of the second
theme."""

from __future__ import annotations

import re

import pytest
from browsing import expect_page, follow, goto, marker, set_marker, settle_scroll
from playwright.sync_api import Page, expect
from this_site import ARRIVAL, CITED

pytestmark = pytest.mark.browser

PAGE, ID, OUTLET = CITED.page.name, CITED.id, CITED.outlet.id
PARAGRAPH = ARRIVAL.numbers[0]  # the first paragraph of the second theme's page


def test_enter_on_a_citation_leads_to_its_source_whose_backlink_leads_back_to_it(page: Page, served_site):
    site_url = served_site.url
    goto(page, f"/{PAGE}/")
    set_marker(page)
    page.locator(f"a#p{CITED.citation.paragraph}").focus()
    page.keyboard.press("Tab")
    citation = page.locator(f"#{ID}")
    expect(citation).to_be_focused()
    settle_scroll(page)

    page.keyboard.press("Enter")
    page.wait_for_url(f"{site_url}sources/#{OUTLET}")
    expect_page(page, site_url, "sources/", served_site.folder)
    expect(page.locator(f"h2#{OUTLET}")).to_be_in_viewport()
    assert marker(page) == "kept", "following a citation reloaded the page: instant navigation is off"

    # The outlet's list of places it is cited has a link back to this very citation.
    backlink = page.locator(f'h2#{OUTLET} + .edm-outlet a[href$="/{PAGE}/#{ID}"]')
    expect(backlink).to_have_count(1)
    follow(page, backlink)
    page.wait_for_url(f"{site_url}{PAGE}/#{ID}")
    expect_page(page, site_url, f"{PAGE}/", served_site.folder)
    back = page.locator(f"#{ID}")
    expect(back).to_have_class(re.compile(r"\bedm-cite\b"))
    expect(back).to_have_text(CITED.citation.written)
    expect(back).to_be_in_viewport()
    assert marker(page) == "kept"


def test_a_paragraph_number_in_the_article_leads_to_the_paragraph_on_its_themed_page(page: Page, served_site):
    site_url = served_site.url
    goto(page, "/article/")
    number = page.locator(f"a#p{PARAGRAPH}")
    expect(number).to_have_text(f"¶{PARAGRAPH}")
    assert number.evaluate("a => a.href") == f"{site_url}{ARRIVAL.name}/#p{PARAGRAPH}"

    follow(page, number)
    page.wait_for_url(f"{site_url}{ARRIVAL.name}/#p{PARAGRAPH}")
    expect_page(page, site_url, f"{ARRIVAL.name}/", served_site.folder)
    target = page.locator(f"#p{PARAGRAPH}")
    expect(target).to_have_text(f"¶{PARAGRAPH}")
    expect(target).to_be_in_viewport()
    # And back: the number on the themed page leads to the paragraph in the full article.
    assert target.evaluate("a => a.href") == f"{site_url}article/#p{PARAGRAPH}"


ARRIVED = re.compile(r"\bedm-arrived\b")


def test_arriving_at_a_paragraph_or_a_citation_highlights_it(page: Page, served_site):
    site_url = served_site.url
    # A full load of an address with a fragment.
    goto(page, f"/{ARRIVAL.name}/#p{PARAGRAPH}")
    paragraph = page.locator(f"p:has(> a#p{PARAGRAPH})")
    expect(paragraph).to_have_class(ARRIVED)
    expect(paragraph).not_to_have_class(ARRIVED, timeout=5000)  # it fades, and the mark goes

    # An instant navigation: a citation reached from its source's list of places.
    goto(page, "/sources/")
    set_marker(page)
    backlink = page.locator(f'h2#{OUTLET} + .edm-outlet a[href$="/{PAGE}/#{ID}"]')
    follow(page, backlink)
    page.wait_for_url(f"{site_url}{PAGE}/#{ID}")
    assert marker(page) == "kept"
    expect(page.locator(f"#{ID}")).to_have_class(ARRIVED)
    colour = page.locator(f"#{ID}").evaluate("a => getComputedStyle(a).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent"), "the arrival is not highlighted"
