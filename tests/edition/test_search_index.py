"""Material's search index, as built: each of the article's paragraphs is in it once, on its themed page.

The full article assembles the paragraphs from the themed pages; indexed too, it would return every
paragraph twice, so it is left out (``search: exclude: true`` in its front matter). The paragraphs and
the page of each are read from the reference text and the manifest.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from this_edition import EDITION, NUMBERS, PARAGRAPHS


def entries(site: Path) -> list[dict]:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def plain(text: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", text)).split())


def opening(number: int) -> str:
    """The paragraph's words up to its first full stop or bracket, as the index holds them (a
    citation's words may not be: the site spells out a lost outlet's name)."""
    words = re.split(r"\. |\(", PARAGRAPHS[number - 1])[0].strip()
    assert len(words.split()) >= 4, f"¶{number} opens with too few words to find it by: {words!r}"
    return words


def test_the_full_article_is_not_indexed(built_site: Path) -> None:
    assert [e["location"] for e in entries(built_site) if e["location"].startswith("article/")] == []


@pytest.mark.parametrize("number", NUMBERS)
def test_each_paragraph_is_indexed_once_on_its_themed_page(built_site: Path, number: int) -> None:
    holding = [e["location"] for e in entries(built_site) if opening(number) in plain(e["text"])]
    assert holding == [EDITION.pages[number].removesuffix(".md") + "/"]
