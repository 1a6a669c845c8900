"""Material's search index, as built: each of the article's paragraphs is in it once, on its themed page.

The full article assembles the paragraphs from the themed pages; indexed too, it would return every
paragraph twice, so it is left out (``search: exclude: true`` in its front matter).
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from htmltext import reference_parts
from paths import REFERENCE, ROOT

PARAGRAPHS = reference_parts(REFERENCE.read_text(encoding="utf-8"))[3]


def themed_page(number: int) -> str:
    """The location of the page that holds paragraph ``number`` (``syria/``), from the Markdown."""
    (source,) = [s for s in (ROOT / "docs").rglob("*.md") if f"<!-- edm:para {number} -->" in s.read_text("utf-8")]
    return f"{source.relative_to(ROOT / 'docs').with_suffix('').as_posix()}/"


def entries(site: Path) -> list[dict]:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def plain(text: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", text)).split())


def test_the_full_article_is_not_indexed(built_site: Path) -> None:
    assert [e["location"] for e in entries(built_site) if e["location"].startswith("article/")] == []


@pytest.mark.parametrize("number", range(1, len(PARAGRAPHS) + 1))
def test_each_paragraph_is_indexed_once_on_its_themed_page(built_site: Path, number: int) -> None:
    # Its first sentence, as the index holds it (later ones have citations, whose lost outlet names
    # the site spells out).
    opening = PARAGRAPHS[number - 1].split(". ")[0]
    holding = [e["location"] for e in entries(built_site) if opening in plain(e["text"])]
    assert holding == [themed_page(number)]
