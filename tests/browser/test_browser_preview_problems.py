"""The editor's preview: `mkdocs serve` started as `make serve` starts it never hangs on a problem. A
broken citation is named in the page it is on (and counted on the others) within seconds, and the
list empties when it is fixed; an edit to the hooks' code says that it needs a restart. The broken
citation is the edition's (this_site): the first citation of an outlet on a themed page, misspelt
in that page's Markdown."""

from __future__ import annotations

import re
import shlex
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from browsing import TIMEOUT_MS, WATCHES, Watch
from playwright.sync_api import Browser, Page, expect
from this_site import CITED, THEMES

from sitebuild import change, copy_project

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
# The page of the citation to misspell, and another page: the next themed page, or the edition notes.
BROKEN = CITED.page
OTHER = next((page.path for page in THEMES if page != BROKEN), "/about/")


def misspelt(name: str) -> str:
    """A name no outlet of the data has, nor resembles by case or look ("did you mean"): its last letter doubled."""
    return name + name[-1]


def bracket_of(markdown: str, name: str) -> str:
    """The first bracket of a page's paragraphs (its Markdown after the first paragraph marker) that
    cites ``name``: what to change, written as the page has it."""
    text = markdown[markdown.index("<!-- edm:para ") :]
    brackets = [b for b in re.findall(r"\([^()]*\d\)", text) if re.search(rf"(?<![\w]){re.escape(name)},", b)]
    assert brackets, f"no bracket of {name} in the page's Markdown"
    return brackets[0]


def serve_command(port: int) -> list[str]:
    """The Makefile's `serve` recipe, with this Python's MkDocs and the given port."""
    recipe = re.search(r"^serve:.*\n\t(.+)$", (ROOT / "Makefile").read_text(encoding="utf-8"), re.MULTILINE)
    assert recipe, "the Makefile has no serve recipe"
    words = shlex.split(recipe[1].partition("#")[0])
    assert words[0] == "$(BIN)/mkdocs" and words[1] == "serve", words
    words = [sys.executable, "-m", "mkdocs", *words[1:]]
    words[words.index("--dev-addr") + 1] = f"127.0.0.1:{port}"
    return words


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    project = copy_project(ROOT, tmp_path / "project")
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(serve_command(port), cwd=project, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert server.poll() is None, (tmp_path / "serve.log").read_text()
                time.sleep(0.2)
        else:
            pytest.fail("mkdocs serve did not start within 60 s")
        yield project, url
    finally:
        server.terminate()
        server.wait(10)
        log.close()


@pytest.fixture
def page(browser: Browser, preview, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A page watched as every test's pages are, with the preview server as the only host allowed."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.set_default_timeout(TIMEOUT_MS)
    watch = Watch(preview[1])
    watch.attach(context)
    request.node.stash.setdefault(WATCHES, []).append(watch)
    yield context.new_page()
    context.close()


def test_a_problem_shows_in_the_page_and_leaves_when_fixed(page: Page, preview):
    project, url = preview
    name = CITED.citation.written
    cited = page.locator("a.edm-cite").filter(has_text=name)
    page.goto(url + BROKEN.path.lstrip("/"))
    expect(page.locator("article h1")).to_have_text(re.compile(re.escape(BROKEN.title)))
    expect(page.locator("#edm-problems")).to_have_count(0)
    linked = cited.count()
    assert linked >= 1, f"{name} is not cited on {BROKEN.path}"

    bracket = bracket_of((project / BROKEN.markdown).read_text(encoding="utf-8"), name)
    wrong = bracket.replace(f"{name},", f"{misspelt(name)},", 1)
    line = change(project, BROKEN.markdown, bracket, wrong)
    problems = page.locator("#edm-problems")
    expect(problems).to_be_visible(timeout=TIMEOUT_MS)  # the page reloaded by itself, with the list
    # The bracket is named where it is written and, by the safety net, where it shows unlinked (the
    # full article): each names the themed page's file, so each is this page's.
    expect(problems).to_contain_text(re.compile(r"\d+ problems? on this page"))
    expect(problems).to_contain_text(f"{BROKEN.name}.md:{line}:")  # the line in the file, as the terminal says it
    expect(problems).to_contain_text(f'unknown outlet "{misspelt(name)}"')
    expect(problems).to_contain_text("or correct the name")
    expect(cited).to_have_count(linked - 1)  # the misspelt name is left unlinked

    page.goto(url + OTHER.lstrip("/"))
    expect(page.locator("#edm-problems")).to_contain_text(re.compile(r"\d+ problems? on other pages"))
    page.keyboard.press("Escape")
    expect(page.locator("#edm-problems")).to_have_count(0)
    page.goto(url + BROKEN.path.lstrip("/"))
    expect(page.locator("#edm-problems")).to_have_count(0)  # dismissed until the next build
    page.evaluate("() => sessionStorage.clear()")
    page.reload()
    expect(page.locator("#edm-problems")).to_be_visible()

    change(project, BROKEN.markdown, wrong, bracket)
    expect(cited).to_have_count(linked, timeout=TIMEOUT_MS)
    page.wait_for_load_state("load")
    page.wait_for_function("() => window.document$ !== undefined")
    page.wait_for_timeout(500)  # the list's script has read the new build's problems
    expect(page.locator("#edm-problems")).to_have_count(0)


def test_an_edit_to_the_hooks_code_asks_for_a_restart(page: Page, preview):
    project, url = preview
    page.goto(url)
    expect(page.locator("#edm-problems")).to_have_count(0)
    code = project / "hooks" / "edm_site" / "dates.py"
    code.write_text(code.read_text(encoding="utf-8") + "\n# an edit\n", encoding="utf-8")
    expect(page.locator("#edm-problems")).to_contain_text("hooks/edm_site/dates.py changed", timeout=TIMEOUT_MS)
    expect(page.locator("#edm-problems")).to_contain_text("run make serve again")


def test_the_preview_runs_its_live_reload_under_the_serve_policy(page: Page, preview):
    """MkDocs' server writes its live-reload script into each page as it sends it, so no build can
    know its hash: the serve policy allows inline scripts (and names no hash, which would switch that
    off), and keeps every other directive of the site's. The watch fails the test on any violation."""
    _, url = preview
    messages: list[str] = []
    page.on("console", lambda message: messages.append(message.text))
    page.goto(url + BROKEN.path.lstrip("/"))
    policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content") or ""
    assert "; script-src 'self' 'unsafe-inline'; style-src 'self';" in policy and "sha256" not in policy
    expect(page.locator('script[src$="_edm/edm-problems.js"]')).to_have_count(1)
    page.wait_for_function("() => window.document$ !== undefined")
    assert "Enabled live reload" in messages
