"""Every word of the article appears on the site exactly as published.

The article's text is read back out of the built HTML, leaving out what is ours (class
``ours``), and compared with the reference copy character for character, paragraph by
paragraph, on the themed pages and on the full article.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from htmltext import article_paragraphs, by_id, parse, reference_parts
from paths import EDITION, REFERENCE
from sitebuild import build_site, changed_project

TITLE, _, CAPTION, PARAGRAPHS = reference_parts(REFERENCE.read_text(encoding="utf-8"))
THEMED = {theme.page.removesuffix(".md"): sorted(theme.paragraphs) for theme in EDITION.themes}


def page(site: Path, name: str):
    return parse((site / name / "index.html").read_text(encoding="utf-8"))


def differences(site: Path) -> list[str]:
    """Every way the built site's article text differs from the reference; empty when none."""
    found = []
    for name, numbers in THEMED.items():
        paragraphs = article_paragraphs(page(site, name))
        if sorted(paragraphs) != numbers:
            found.append(f"/{name}/ holds paragraphs {sorted(paragraphs)}, expected {numbers}")
        found += [f"/{name}/ ¶{n} differs" for n in numbers if paragraphs.get(n) != PARAGRAPHS[n - 1]]
    article = article_paragraphs(page(site, "article"))
    if list(article) != [1, 2, 3, 4, 5, 6]:
        found.append(f"/article/ holds paragraphs {list(article)} in that order, expected 1 to 6")
    found += [f"/article/ ¶{n} differs" for n in range(1, 7) if article.get(n) != PARAGRAPHS[n - 1]]
    for name, where in (("", "the overview"), ("article/", "the full article")):
        root = parse((site / name / "index.html").read_text(encoding="utf-8"))
        title = by_id(root, "title")
        if title is None or title.tag != "h1" or title.article_text() != TITLE:
            found.append(f"{where}'s title differs")
        captions = [e.article_text() for e in root.iter() if e.tag == "figcaption"]
        if captions != [CAPTION]:
            found.append(f"{where}'s caption differs")
    return found


def test_each_themed_page_names_its_article_before_the_text(built_site: Path) -> None:
    """The headline, read from the reference text, stands before the first paragraph of every themed page."""
    for name, numbers in THEMED.items():
        html = (built_site / name / "index.html").read_text(encoding="utf-8")
        context = next(e for e in parse(html).iter() if "edm-context" in e.classes)
        text = " ".join(context.text().split())
        assert f"“{TITLE}”" in text, f"/{name}/ does not name its article: {text}"
        assert ", ".join(f"¶{n}" for n in numbers) + f" of {len(PARAGRAPHS)} paragraphs" in text
        assert html.index('class="edm-context') < html.index('id="p' + str(numbers[0]) + '"')


def test_reference_text_has_six_paragraphs() -> None:
    assert len(PARAGRAPHS) == 6
    assert "Erdoğan" in PARAGRAPHS[5] and "détente" in PARAGRAPHS[4]


def test_site_text_is_the_reference_text(built_site: Path) -> None:
    assert differences(built_site) == []


@pytest.mark.parametrize(
    ("page_file", "old", "new", "expected"),
    [
        ("docs/syria.md", "adamantly against", "firmly against", "/syria/ ¶3 differs"),
        ("docs/north-korea.md", "détente-leaning", "detente-leaning", "/north-korea/ ¶5 differs"),
        ("docs/index.md", "(Source: Reuters)", "(Source: AP)", "the overview's caption differs"),
        ("docs/article.md", "(Source: Reuters)", "(Source: AP)", "the full article's caption differs"),
    ],
)
def test_a_changed_word_is_caught(
    tmp_path: Path, root: Path, page_file: str, old: str, new: str, expected: str
) -> None:
    project, _ = changed_project(root, tmp_path / "project", page_file, old, new)
    found = differences(build_site(project, tmp_path / "site"))
    assert expected in found
    if page_file not in ("docs/index.md", "docs/article.md"):
        assert f"/article/ ¶{expected.split('¶')[1][0]} differs" in found
