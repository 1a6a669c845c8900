"""bench-site's HTTPS host, seen from Chromium: the protocol a real host gives it, HTTP/2."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

import tls_host

pytestmark = pytest.mark.browser


def test_chromium_gets_the_page_over_http2(browser: Browser, tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<!doctype html><title>t</title><p>the page</p>", encoding="utf-8")
    with tls_host.serve(tmp_path) as host:
        context = browser.new_context(ignore_https_errors=True)  # the run's own certificate
        try:
            page = context.new_page()
            page.goto(host.url)
            protocol = page.evaluate("performance.getEntriesByType('navigation')[0].nextHopProtocol")
            text = page.inner_text("p")
        finally:
            context.close()
    assert (protocol, text) == ("h2", "the page")
