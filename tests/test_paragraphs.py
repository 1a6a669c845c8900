"""Numbered paragraphs: markers found in prose only, the article assembled in order, ¶ links."""

from __future__ import annotations

from pathlib import Path

import pytest

from edm_site import frontmatter, paragraphs
from fixturesite import EDITION, NUMBERS
from htmltext import by_id, parse

PAGE = """# Region

<!-- edm:para 3 -->
Third paragraph,
wrapped.

```
<!-- edm:para 9 -->
```

<!-- edm:para 1 -->
First.
"""


def test_find_paragraphs_skips_code() -> None:
    found = paragraphs.find_paragraphs(PAGE)
    assert [(p.number, p.line, p.text) for p in found] == [(3, 3, "Third paragraph,\nwrapped."), (1, 11, "First.")]


def test_paragraph_at() -> None:
    found = paragraphs.find_paragraphs(PAGE)
    assert [paragraphs.paragraph_at(found, line) for line in (1, 3, 4, 5, 6, 12)] == [None, None, 3, 3, None, 1]


def test_assemble_article_orders_paragraphs() -> None:
    article = paragraphs.assemble_article("# Full\n\n<!-- edm:article -->\n", paragraphs.find_paragraphs(PAGE))
    assert article == "# Full\n\n<!-- edm:para 1 -->\nFirst.\n\n<!-- edm:para 3 -->\nThird paragraph,\nwrapped.\n"


def test_mark_paragraphs_keeps_the_line_count() -> None:
    marked = paragraphs.mark_paragraphs(PAGE, lambda n: f"[¶{n}]")
    assert marked.count("\n") == PAGE.count("\n")
    assert "[¶3]\nThird" in marked and "<!-- edm:para 9 -->" in marked


def test_pilcrows_link_both_ways(fixture_site: Path) -> None:
    """On the fixture edition, whose first page holds ¶1 and ¶4: each ¶ on a themed page leads to the
    full article, and each on the full article back to its page."""
    homes = {n: theme.page.removesuffix(".md") for theme in EDITION.themes for n in theme.paragraphs}
    assert homes == {1: "talks", 2: "region", 3: "security", 4: "talks"}
    for number, page in homes.items():
        link = by_id(parse((fixture_site / page / "index.html").read_text(encoding="utf-8")), f"p{number}")
        assert link is not None and link.attrs["href"] == f"../article/#p{number}"
    article = parse((fixture_site / "article" / "index.html").read_text(encoding="utf-8"))
    assert [by_id(article, f"p{n}").attrs["href"] for n in NUMBERS] == [f"../{homes[n]}/#p{n}" for n in NUMBERS]


THEMED = "---\ntitle: T\n---\n\n<!-- edm:para 1 -->\nOne.\n\n<!-- edm:para 2 -->\nTwo.\n"
ARTICLE = "# Article\n\n<!-- edm:article -->\n"


@pytest.mark.parametrize(
    ("pages", "problem"),
    [
        (
            [("t.md", THEMED.replace("edm:para 2", "edm:para 0"))],
            "t.md:8: the marked paragraphs are [0, 1]: number them 1 to 2 without gaps",
        ),
        (
            [("t.md", THEMED + "\n<!-- edm:para 3 -->\n")],
            "t.md:11: <!-- edm:para 3 --> has no paragraph after it: put the marker on the line just above",
        ),
        (
            [("t.md", THEMED), ("article.md", ARTICLE + "\n<!-- edm:para 2 -->\nTwo.\n")],
            "article.md:5: <!-- edm:para 2 --> on the full article's page",
        ),
        (
            [("t.md", THEMED), ("article.md", ARTICLE), ("other.md", "x\n\n" + ARTICLE)],
            "other.md:5: <!-- edm:article --> is already on article.md: keep it on one page",
        ),
    ],
)
def test_misplaced_markers_are_reported_with_page_and_line(pages: list[tuple[str, str]], problem: str) -> None:
    read = [(src_uri, *frontmatter.read(source)[::2]) for src_uri, source in pages]  # (page, Markdown, offset)
    problems = paragraphs.collect(read).problems
    assert len(problems) == 1 and problems[0].startswith(problem), problems
