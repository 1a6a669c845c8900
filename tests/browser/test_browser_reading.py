"""The page as a reader of long-form text meets it: a measure of 60-75 characters a line at desktop
widths, the article's text within the first screen of a phone, no table clipped at any width, and
a chart whose words are whole and near the body's size."""

from __future__ import annotations

import statistics
from collections.abc import Callable

import pytest
from browsing import DOCS, PAGES, goto, page_path
from playwright.sync_api import Page
from this_site import THEMES

from this_edition import PARAGRAPHS

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 375, "height": 667}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
# The pages that hold the article's paragraphs: each marks them with <!-- edm:para N --> or assembles them.
ARTICLE_PAGES = tuple(
    sorted(
        page_path(source)
        for source in DOCS.rglob("*.md")
        if "<!-- edm:para " in (text := source.read_text(encoding="utf-8")) or "<!-- edm:article -->" in text
    )
)
THEMED_PAGES = tuple(
    path for path in ARTICLE_PAGES if "<!-- edm:article -->" not in (DOCS / f"{path.strip('/')}.md").read_text()
)

# Characters on each full line (the last line of a paragraph is not full) of every article paragraph.
LINE_LENGTHS = """() => {
  const lengths = []
  for (const p of document.querySelectorAll("article p:has(> a.edm-pilcrow)")) {
    const lines = new Map()
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement.closest(".ours")) continue
      const range = document.createRange()
      for (let i = 0; i < node.length; i++) {
        range.setStart(node, i)
        range.setEnd(node, i + 1)
        const rect = range.getClientRects()[0]
        if (!rect || !rect.width) continue
        const line = Math.round(rect.top / 4)
        lines.set(line, (lines.get(line) || 0) + 1)
      }
    }
    lengths.push(...[...lines.values()].slice(0, -1))
  }
  return lengths
}"""


def test_the_pages_are_found():
    """The pages that hold the paragraphs are the manifest's themed pages, and the full article."""
    assert sorted(THEMED_PAGES) == sorted(page.path for page in THEMES), THEMED_PAGES
    assert sorted(ARTICLE_PAGES) == sorted([*THEMED_PAGES, "/article/"]), ARTICLE_PAGES


def fewest_full_lines(path: str) -> int:
    """How many full lines a page's paragraphs fill at the least: as many as they would at 90 characters a
    line (more than the measure allows), less the last of each paragraph, which is not full; one at least."""
    numbers = next((page.numbers for page in THEMES if page.path == path), tuple(range(1, len(PARAGRAPHS) + 1)))
    return max(1, sum(max(0, len(PARAGRAPHS[n - 1]) // 90 - 1) for n in numbers))


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 1600])
def test_article_lines_hold_60_to_75_characters_at_desktop_widths(
    new_page: Callable[..., Page], width: int, scheme: str
):
    page = new_page(viewport={"width": width, "height": 900}, color_scheme=scheme)
    measures = {}
    for path in ARTICLE_PAGES:
        goto(page, path)
        lengths = page.evaluate(LINE_LENGTHS)
        assert len(lengths) >= fewest_full_lines(path), f"{path}: hardly any full lines measured ({lengths})"
        measures[path] = statistics.median(lengths)
    outside = {path: median for path, median in measures.items() if not 60 <= median <= 75}
    assert not outside, f"at {width} px, median characters a line outside 60-75: {outside}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_text_begins_within_the_first_screen_of_a_phone(new_page: Callable[..., Page], scheme: str):
    page = new_page(**PHONE, color_scheme=scheme)
    late = {}
    for path in ARTICLE_PAGES:
        goto(page, path)
        top = page.evaluate("() => document.querySelector('a.edm-pilcrow').parentElement.getBoundingClientRect().top")
        line = page.evaluate(
            "() => parseFloat(getComputedStyle(document.querySelector('a.edm-pilcrow').parentElement).lineHeight)"
        )
        if top + line > 667:
            late[path] = round(top)
    assert not late, f"the first paragraph starts below the first screen (667 px) on: {late}"


# Every table (every <details> opened first) whose content is wider than what shows of it.
CLIPPED_TABLES = """() => {
  document.querySelectorAll("article details").forEach((d) => { d.open = true })
  return [...document.querySelectorAll("article table")].flatMap((table) => {
    const boxes = [table, table.closest(".md-typeset__scrollwrap")].filter(Boolean)
    const clipped = boxes.some((box) => box.scrollWidth > box.clientWidth + 0.5)
    const heading = table.querySelector("th")
    return clipped ? [`${heading ? heading.textContent.trim() : "?"}: ${table.scrollWidth} px in ${boxes.at(-1).clientWidth} px`] : []
  })
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [375, 1280, 1600])
def test_no_table_is_clipped(new_page: Callable[..., Page], width: int, scheme: str):
    options = PHONE if width == 375 else {"viewport": {"width": width, "height": 900}}
    page = new_page(**options, color_scheme=scheme)
    clipped = {}
    for path in PAGES:
        goto(page, path)
        found = page.evaluate(CLIPPED_TABLES)
        if found:
            clipped[path] = found
    assert not clipped, f"tables wider than their room at {width} px: {clipped}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [375, 1280])
def test_the_charts_words_are_whole_and_near_the_bodys_size(new_page: Callable[..., Page], width: int, scheme: str):
    options = PHONE if width == 375 else {"viewport": {"width": width, "height": 900}}
    page = new_page(**options, color_scheme=scheme)
    goto(page, "/sources/")
    words = page.evaluate(
        """() => {
          const figure = document.querySelector(".edm-chart__figure").getBoundingClientRect()
          const body = parseFloat(getComputedStyle(document.querySelector("article p")).fontSize)
          return { body, labels: [...document.querySelectorAll(".edm-chart__name, .edm-chart__value")].map((e) => {
            const r = e.getBoundingClientRect()
            return { text: e.textContent, size: parseFloat(getComputedStyle(e).fontSize),
                     clipped: e.scrollWidth > e.clientWidth + 0.5 || r.left < figure.left - 0.5 || r.right > figure.right + 0.5
                              || r.right > document.documentElement.clientWidth }
          }) }
        }"""
    )
    assert len(words["labels"]) >= 4
    for label in words["labels"]:
        assert not label["clipped"], f"chart label clipped at {width} px: {label['text']!r}"
        assert label["size"] >= 12 and label["size"] >= 0.8 * words["body"], f"chart label too small: {label}"
