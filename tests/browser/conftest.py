"""Browser fixtures: the built site served like a real host, one Chromium, a watched page per test.

Every page a test opens is watched: a request to any host but the local server, a console error, an
uncaught page error, or a local response with an error status fails the test that caused it.
"""

from __future__ import annotations

import os
import statistics
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from browsing import LATENCIES, TIMEOUT_MS, WATCHES, Watch
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Page,
    sync_playwright,
)

import chromium
from gzip_server import serve
from sitebuild import build_site

CHROMIUM = chromium.PATH
CHROMIUM_ARGS = [*chromium.FLAGS, chromium.OFFLINE]
DESKTOP = {"width": 1280, "height": 720}


@dataclass(frozen=True)
class ServedSite:
    url: str  # the root, with a trailing slash
    folder: Path


@pytest.fixture(scope="session")
def served_site(root: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """The site built for, and served at, http://127.0.0.1:<a free port>/ until the session ends.

    Not ``built_site`` as it is: a build names its ``site_url`` in sitemap.xml, and Material's instant
    navigation treats a link as internal only when the sitemap lists it with the same port (it adopts
    the page's protocol and hostname, not its port). Served anywhere but at its ``site_url``, every
    click would be a full page load, as it would on a host deployed with the wrong SITE_URL. So the
    port is taken first and the site built for it, as a deployment is built for its address.
    """
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    folder = tmp_path_factory.mktemp("served-site")
    with serve(folder) as server:  # nothing asks for a page before the build is written
        build_site(root, folder, site_url=server.url)
        yield ServedSite(server.url, folder)


@pytest.fixture(scope="session")
def site_url(served_site: ServedSite) -> str:
    return served_site.url


@pytest.fixture(scope="session")
def site_pages(served_site: ServedSite) -> list[str]:
    """Every page of the served build as a path from the root (``/``, ``/a-theme/``...)."""
    folder = served_site.folder
    return sorted(
        "/" + "".join(f"{part}/" for part in index.parent.relative_to(folder).parts)
        for index in folder.rglob("index.html")
    )


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).is_file():
        pytest.fail(f"Chromium is not at {CHROMIUM}: run `make browser` (or set CHROMIUM=/path/to/chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def new_page(browser: Browser, site_url: str, request: pytest.FixtureRequest) -> Iterator[Callable[..., Page]]:
    """Open a page in a fresh watched context; keyword arguments go to ``browser.new_context``."""
    watches = request.node.stash.setdefault(WATCHES, [])
    contexts: list[BrowserContext] = []

    def open_page(**context_options: object) -> Page:
        context = browser.new_context(base_url=site_url, **context_options)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        watch = Watch(site_url)
        watch.attach(context)
        watches.append(watch)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def watches(request: pytest.FixtureRequest) -> list[Watch]:
    """The watches on the pages this test opened, in order (to test the watch itself)."""
    return request.node.stash.setdefault(WATCHES, [])


@pytest.fixture
def page(new_page: Callable[..., Page]) -> Page:
    """A watched page at a desktop size (wide enough for Material's sidebars), light scheme."""
    return new_page(viewport=DESKTOP, color_scheme="light")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """Fail the test (not its teardown) when a page it opened requested another host or logged an error.

    A test that failed anyway gets what the browser saw as a section of its report.
    """

    def problems() -> list[str]:
        return [problem for watch in item.stash.get(WATCHES, []) for problem in watch.problems]

    try:
        result = yield
    except BaseException:
        if problems():
            item.add_report_section("call", "browser", "\n".join(problems()))
        raise
    if problems():
        pytest.fail("the browser saw problems:\n  " + "\n  ".join(problems()), pytrace=False)
    return result


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """The medians of what the browser tests timed, against their budgets (the tests fail only on a far
    slower single event: a timing on a shared machine is a measurement, not a verdict)."""
    for name, values in sorted(LATENCIES.items()):
        terminalreporter.write_line(f"{name}: median {statistics.median(values):.1f} ms of {len(values)}")
