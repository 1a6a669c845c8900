"""Our additions to Python-Markdown, on Markdown in and HTML out: abbreviations marked at their first
use on a page only, the cells of a table labelled with their column, and a column's alignment as a
class."""

from __future__ import annotations

import re

import markdown
import pytest

from edm_site.abbreviations import FirstUseExtension
from edm_site.tables import AlignmentClassesExtension, LabelledCellsExtension

ABBREVIATIONS = "\n\n*[US]: United States\n*[IS]: Islamic State\n"


def render(text: str, *extensions: object) -> str:
    return markdown.markdown(text, extensions=["abbr", "tables", "md_in_html", *extensions])


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        ("The US and the US again.", ["US"]),
        ("The US, the IS, the US and the IS.", ["US", "IS"]),
        ("# The US\n\nThe US below its heading.", ["US"]),  # marked in the text, not in the heading
        ("## US and IS\n\nOnly IS here.", ["IS"]),
        ('<div class="hidden" markdown>\nThe US in a preview.\n</div>\n\nThe US in the text.', ["US"]),
        ("Nothing to mark.", []),
    ],
)
def test_an_abbreviation_is_marked_at_its_first_use_in_sight(text: str, marked: list[str]) -> None:
    html = render(text + ABBREVIATIONS, FirstUseExtension(frozenset({"hidden"})))
    assert [part.split(">")[1] for part in html.split("<abbr")[1:]] == [f"{m}</abbr" for m in marked]
    # The words stay: only the marks go.
    assert html.count("US") == text.count("US") and html.count("IS") == text.count("IS")


def test_the_first_mark_is_in_the_text_not_in_a_heading_or_hidden() -> None:
    html = render(
        '# US\n\n<div class="hidden" markdown>\nUS\n</div>\n\nThe US.' + ABBREVIATIONS,
        FirstUseExtension(frozenset({"hidden"})),
    )
    assert html.index("<abbr") > html.index("The ")


@pytest.mark.parametrize(
    ("table", "labels", "reflow"),
    [
        ("| A | B |\n|---|---|\n| 1 | 2 |\n", ["A", "B"], False),
        ("| A | B | C | D |\n|---|---|---|---|\n| 1 | 2 | 3 | 4 |\n", ["A", "B", "C", "D"], True),
        ("| *Fact* | Value |\n|---|---|\n| x | y |\n| z | w |\n", ["Fact", "Value", "Fact", "Value"], False),
        ("| A |  |\n|---|---|\n| 1 | 2 |\n", ["A"], False),  # an empty heading labels nothing
    ],
)
def test_each_cell_carries_its_columns_heading(table: str, labels: list[str], reflow: bool) -> None:
    html = render(table, LabelledCellsExtension())
    assert [part.split('"')[1] for part in html.split("data-label=")[1:]] == labels
    assert ("data-reflow" in html) is reflow


@pytest.mark.parametrize(
    ("table", "classes"),
    [
        ("| A | B | C | D |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |\n", ["left", "center", "right", None] * 2),
        ("| A |\n|--:|\n| 1 |\n| 2 |\n", ["right"] * 3),
        ("| A |\n|---|\n| 1 |\n", [None, None]),
    ],
)
def test_a_columns_alignment_is_a_class_not_a_style(table: str, classes: list[str | None]) -> None:
    html = render(table, LabelledCellsExtension(), AlignmentClassesExtension())
    cells = re.findall(r"<t[hd]\b([^>]*)>", html)
    assert [(re.findall(r'class="edm-align-(\w+)"', cell) or [None])[0] for cell in cells] == classes
    assert "style=" not in html
