"""Material's search, served over HTTP with its web worker (and from disk): a word leads to the page that
has it, once, and the result opens the page at the highlighted word. The words are read off the
edition's text (this_site.words_of), the pages from its manifest."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from browsing import Watch, expect_page, follow, goto, marker, nav_link, set_marker, settle_scroll
from playwright.sync_api import Locator, Page, expect

# The offline edition's fixtures, to open a search result from disk (file://) too.
from test_offline import OfflineEdition, offline, open_file, wait_for_material, watched  # noqa: F401
from this_site import home_of, marks_in, searched, words_of

from this_edition import PARAGRAPHS, citations

pytestmark = pytest.mark.browser


def test_searching_a_word_offers_its_page_and_the_result_opens_it_highlighted(page: Page, served_site):
    number, word = searched(served_site.folder)
    home = home_of(number)
    goto(page, "/")
    set_marker(page)
    query = page.locator("input.md-search__input")
    query.click()
    expect(page.locator("#__search")).to_be_checked()
    page.keyboard.type(word)

    results = page.locator(".md-search-result__item > a.md-search-result__link")
    found = results.filter(has=page.locator("h1", has_text=re.compile(rf"^\s*{re.escape(home.title)}\s*$")))
    expect(found).to_have_count(1)
    expect(found).to_be_visible()
    expect(found.locator("mark").first).to_have_text(re.compile(f"^{re.escape(word)}$", re.IGNORECASE))

    found.click()
    page.wait_for_url(re.compile(re.escape(f"{served_site.url}{home.name}/") + rf"\?h={re.escape(word.lower())}$"))
    expect_page(page, served_site.url, f"{home.name}/", served_site.folder)
    expect(page.locator("#__search")).not_to_be_checked()
    assert marker(page) == "kept", "the search result reloaded the page: instant navigation is off"
    # search.highlight marks the word wherever the paragraph has it, and the first mark is the word.
    marks = page.locator(f"p:has(> a#p{number}) mark[data-md-highlight]")
    expect(marks).to_have_count(marks_in(number, word))
    expect(marks.first).to_have_text(re.compile(f"^{re.escape(word)}$", re.IGNORECASE))


# -- Each paragraph found once, and a result opened at its words -----------------------------------

CONTENT_MARK = '[data-md-component="content"] mark[data-md-highlight]'


def themed_page(number: int) -> str:
    """The path (from the root, no slash first) of the page that holds paragraph ``number``."""
    return home_of(number).path.lstrip("/")


def last_of_its_page() -> int:
    """The paragraph that stands furthest down its themed page: the last of the page with the most."""
    homes = [themed_page(n) for n in range(1, len(PARAGRAPHS) + 1)]
    busiest = max(homes, key=homes.count)
    return max(n for n, home in enumerate(homes, 1) if home == busiest)


def opening(number: int) -> str:
    """The first words of paragraph ``number``: what a result that holds the paragraph shows."""
    return " ".join(PARAGRAPHS[number - 1].split()[:10])


def word_of(number: int, site: Path) -> str:
    """The best word to search paragraph ``number`` by, in the built site at ``site`` (this_site.words_of)."""
    found = words_of(number, site)
    assert found, f"no word of ¶{number} to search it by"
    return found[0]


def search(page: Page, word: str) -> Locator:
    """Search ``word`` from the header's search box; the results, once shown."""
    page.locator("input.md-search__input").click()
    expect(page.locator("#__search")).to_be_checked()
    page.keyboard.type(word)
    results = page.locator(".md-search-result__list a.md-search-result__link")
    # The results of the whole word, not of the letters typed so far.
    expect(results.first).to_have_attribute("href", re.compile(rf"\?h={re.escape(word.lower())}(#.*)?$"))
    return results


def holding(results: Locator, number: int) -> list[Locator]:
    """The results that hold paragraph ``number``."""
    return [r for r in results.all() if opening(number) in " ".join((r.text_content() or "").split())]


def expect_scrolled_to_mark(page: Page, number: int, word: str) -> None:
    """The window shows the page's first highlighted word, in paragraph ``number``, clear of the
    header; the page was scrolled to it (it stands further down than the first screen)."""
    first = page.locator(CONTENT_MARK).first
    expect(first).to_have_text(re.compile(f"^{re.escape(word)}$", re.IGNORECASE))
    assert first.evaluate(f"mark => mark.closest('p').querySelector(':scope > a#p{number}') !== null")
    page.wait_for_function(
        """selector => {
          const box = document.querySelector(selector).getBoundingClientRect()
          const header = document.querySelector(".md-header").getBoundingClientRect()
          return box.top >= header.bottom && box.bottom <= innerHeight && box.top + scrollY > innerHeight
        }""",
        arg=CONTENT_MARK,
    )


# Where the first time ``word`` stands in paragraph ``number`` is, from the page's top.
WORD_TOP = """([number, word]) => {
  const paragraph = document.querySelector(`a#p${number}`).parentElement
  const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.textContent.toLowerCase().indexOf(word.toLowerCase())
    if (at >= 0) {
      const range = document.createRange()
      range.setStart(node, at)
      range.setEnd(node, at + word.length)
      return range.getBoundingClientRect().top + scrollY
    }
  }
  return null
}"""


def below_the_first_screen(page: Page, number: int, word: str) -> None:
    """Shorten the window, if need be, until ``word`` in paragraph ``number`` of the page shown stands
    below its first screen, so that opening the page at the word has to scroll to it. A long article's
    last paragraph stands there at any height; a short article's may be within the first screen."""
    top = page.evaluate(WORD_TOP, [number, word])
    assert top is not None, f"¶{number} does not show {word!r}"
    size = page.viewport_size
    assert size is not None
    if top <= size["height"]:
        assert top > 200, f"{word!r} of ¶{number} stands {top} px from the top: no window shows it below a first screen"
        page.set_viewport_size({"width": size["width"], "height": int(top) - 1})


@pytest.mark.parametrize("number", range(1, len(PARAGRAPHS) + 1), ids=lambda n: f"p{n}")
def test_a_word_of_a_paragraph_finds_it_once_on_its_themed_page(page: Page, served_site, number: int):
    word = word_of(number, served_site.folder)
    goto(page, "/")
    hits = holding(search(page, word), number)
    assert [hit.get_attribute("href") for hit in hits] == [f"{served_site.url}{themed_page(number)}?h={word.lower()}"]


@pytest.mark.parametrize("start", ["another page", "the same page"])
def test_a_result_opens_its_page_scrolled_to_the_first_highlighted_word(page: Page, served_site, start: str):
    number = last_of_its_page()
    path = themed_page(number)
    word = word_of(number, served_site.folder)
    goto(page, f"/{path}")
    below_the_first_screen(page, number, word)
    goto(page, "/" if start == "another page" else f"/{path}")
    set_marker(page)
    (hit,) = holding(search(page, word), number)
    hit.click()
    page.wait_for_url(re.compile(re.escape(f"{served_site.url}{path}?h={word.lower()}") + "$"))
    expect(page.locator("#__search")).not_to_be_checked()
    assert marker(page) == "kept", "the result reloaded the page: instant navigation is off"
    expect_scrolled_to_mark(page, number, word)


def test_an_address_with_a_search_opens_at_its_words(page: Page, served_site):
    number = last_of_its_page()
    path = themed_page(number)
    word = word_of(number, served_site.folder)
    goto(page, f"/{path}")
    below_the_first_screen(page, number, word)
    goto(page, f"/{path}?h={word.lower()}")
    expect_scrolled_to_mark(page, number, word)


def test_back_returns_to_the_place_left_not_to_the_words(page: Page, served_site):
    number = last_of_its_page()
    path = themed_page(number)
    word = word_of(number, served_site.folder)
    goto(page, f"/{path}")
    below_the_first_screen(page, number, word)
    goto(page, f"/{path}?h={word.lower()}")
    expect_scrolled_to_mark(page, number, word)
    page.evaluate("window.scrollTo(0, 0)")
    settle_scroll(page)
    set_marker(page)
    follow(page, nav_link(page, "Sources"))
    page.wait_for_url(f"{served_site.url}sources/")
    page.go_back()
    page.wait_for_url(re.compile(re.escape(f"{served_site.url}{path}?h=")))
    expect(page.locator(CONTENT_MARK).first).to_be_attached()
    assert marker(page) == "kept"
    page.wait_for_timeout(300)  # time enough for a scroll that must not come
    assert page.evaluate("window.scrollY") == 0


def test_from_disk_a_result_opens_at_its_words(offline: OfflineEdition, watched: tuple[Page, Watch]):  # noqa: F811 (fixtures)
    page, _ = watched
    number = last_of_its_page()
    name = themed_page(number).rstrip("/") + ".html"
    word = word_of(number, offline.root)
    open_file(page, offline.url(name))
    below_the_first_screen(page, number, word)
    open_file(page, offline.url("index.html"))
    (hit,) = holding(search(page, word), number)
    hit.click()
    page.wait_for_url(re.compile(re.escape(offline.url(name)) + rf"\?h={word.lower()}$"))
    wait_for_material(page)
    expect_scrolled_to_mark(page, number, word)


def test_a_section_result_opens_at_the_first_word_in_its_section(page: Page, served_site):
    """A result for a section (``?h=...#section``) opens at the first mark after the section's heading,
    not the first of the page. The word: an outlet the page's last paragraph cites by the name the data
    gives it, so that it stands both in the text and in the page's own source list, the section after
    it (the first page whose last paragraph does)."""
    homes = [themed_page(n) for n in range(1, len(PARAGRAPHS) + 1)]
    lasts = [n for n, home in enumerate(homes, 1) if home not in homes[n:]]  # each the last of its page
    named = {
        n: [c.outlet.name for c in citations((n,)) if c.outlet and c.outlet.name in PARAGRAPHS[n - 1]] for n in lasts
    }
    number = next((n for n in lasts if named[n]), None)
    assert number is not None, "no themed page's last paragraph names an outlet of the data"
    path = themed_page(number)
    built = (served_site.folder / path / "index.html").read_text(encoding="utf-8")
    section = re.search(r'<h2\b[^>]*\bid="([^"]+)"', built[built.index(f'id="p{number}"') :])
    assert section, f"/{path}: no section after ¶{number}"
    word = max((name.split()[0] for name in named[number]), key=len)
    goto(page, f"/{path}?h={word.lower()}#{section[1]}")
    # The paragraph above has the word too: its mark is passed over.
    expect(page.locator(f"p:has(> a#p{number}) mark[data-md-highlight]").first).to_have_text(
        re.compile(f"^{re.escape(word)}$", re.IGNORECASE)
    )
    mark = page.locator(f"#{section[1]} ~ * mark[data-md-highlight]").first
    expect(mark).to_have_text(re.compile(f"^{re.escape(word)}$", re.IGNORECASE))
    page.wait_for_function(
        """mark => {
          const box = mark.getBoundingClientRect()
          const header = document.querySelector(".md-header").getBoundingClientRect()
          return box.top >= header.bottom && box.bottom <= innerHeight
        }""",
        arg=mark.element_handle(),
    )
