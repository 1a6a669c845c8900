"""At a phone's size: no page scrolls sideways, and the navigation drawer opens and closes (on the
edition's first theme, choosing the page the navigation leads on to: this_site)."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from browsing import PAGES, expect_page, goto, settle_scroll
from playwright.sync_api import Page, expect
from this_site import FIRST, ONWARD

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 375, "height": 667}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}


@pytest.fixture
def phone(new_page: Callable[..., Page]) -> Page:
    return new_page(**PHONE, color_scheme="light")


WIDER_THAN_THE_SCREEN = """() => [...document.querySelectorAll('main *')]
    .filter(e => e.getBoundingClientRect().right > document.scrollingElement.clientWidth + 0.5)
    .slice(0, 5)
    .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
        + [...e.classList].map(name => '.' + name).join('') + ' right=' + Math.round(e.getBoundingClientRect().right))"""


def test_no_page_scrolls_sideways_on_a_phone(phone: Page):
    """Every page, loaded at 375x667: the document is no wider than the screen (one page, all pages)."""
    wide = []
    for path in PAGES:
        goto(phone, path)
        scroll_width, client_width = phone.evaluate(
            "() => [document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]"
        )
        assert client_width == 375, f"{path} is not laid out at the phone's width"
        if scroll_width > client_width:
            wide.append(f"{path}: {scroll_width}px wide; too wide: {phone.evaluate(WIDER_THAN_THE_SCREEN)}")
    assert not wide, "pages that scroll sideways on a phone:\n  " + "\n  ".join(wide)


def test_the_navigation_drawer_opens_and_closes(phone: Page, served_site):
    title, path = ONWARD
    goto(phone, FIRST.path)
    drawer = phone.locator("#__drawer")
    hamburger = phone.locator('header label[for="__drawer"]')
    onward = phone.locator('.md-nav--primary a.md-nav__link:not([href*="#"])').filter(
        has_text=re.compile(rf"^\s*{re.escape(title)}\s*$")
    )
    expect(hamburger).to_be_visible()
    expect(drawer).not_to_be_checked()
    expect(onward).not_to_be_in_viewport()

    hamburger.click()
    expect(drawer).to_be_checked()
    expect(onward).to_be_in_viewport()
    # The overlay beside the open drawer closes it.
    overlay = phone.locator('label.md-overlay[for="__drawer"]')
    expect(overlay).to_be_visible()
    overlay.click(position={"x": 360 - overlay.bounding_box()["x"], "y": 300})
    expect(drawer).not_to_be_checked()
    expect(onward).not_to_be_in_viewport()

    # Open again, and choose a page: it opens, and the drawer closes.
    hamburger.click()
    expect(drawer).to_be_checked()
    expect(onward).to_be_in_viewport()
    settle_scroll(phone)
    onward.click()
    expect_page(phone, served_site.url, path.lstrip("/"), served_site.folder)
    expect(drawer).not_to_be_checked()
    expect(onward).not_to_be_in_viewport()
