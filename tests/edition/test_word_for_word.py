"""Every word of the article appears on the site exactly as published.

The article's text is read back out of the built HTML, leaving out what is ours (class
``ours``), and compared with the reference copy character for character, paragraph by
paragraph, on the themed pages and on the full article; its headline and photo caption (or the
absence of one, where the manifest says the text has none) on the overview and the full article.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from builtpages import page
from htmltext import article_paragraphs, by_id, parse
from sitebuild import build_site, change, copy_project
from this_edition import CAPTION, EDITION, NUMBERS, PARAGRAPHS, REFERENCE_TEXT, ROOT, THEMED, TITLE, first_unique_word


def differences(site: Path) -> list[str]:
    """Every way the built site's article text differs from the reference; empty when none."""
    found = []
    for name, numbers in THEMED.items():
        paragraphs = article_paragraphs(page(site, name))
        if sorted(paragraphs) != list(numbers):
            found.append(f"/{name}/ holds paragraphs {sorted(paragraphs)}, expected {list(numbers)}")
        found += [f"/{name}/ ¶{n} differs" for n in numbers if paragraphs.get(n) != PARAGRAPHS[n - 1]]
    article = article_paragraphs(page(site, "article"))
    if list(article) != list(NUMBERS):
        found.append(f"/article/ holds paragraphs {list(article)} in that order, expected 1 to {len(NUMBERS)}")
    found += [f"/article/ ¶{n} differs" for n in NUMBERS if article.get(n) != PARAGRAPHS[n - 1]]
    for name, where in (("", "the overview"), ("article/", "the full article")):
        root = page(site, name)
        title = by_id(root, "title")
        if title is None or title.tag != "h1" or title.article_text() != TITLE:
            found.append(f"{where}'s title differs")
        captions = [e.article_text() for e in root.iter() if e.tag == "figcaption"]
        if captions != ([CAPTION] if CAPTION is not None else []):
            found.append(f"{where}'s caption differs")
    return found


def test_the_reference_text_is_read_as_the_manifest_says() -> None:
    """The reader's parts, against a plain split of the text at its blank lines: the title, the
    publication line, the caption where the manifest says there is one, then every paragraph; and
    the manifest's themes hold each paragraph exactly once."""
    blocks = [" ".join(b.split()) for b in re.split(r"\n\s*\n", REFERENCE_TEXT.strip()) if b.strip()]
    assert blocks[0] == TITLE
    assert blocks[1].startswith("Publication:")
    if EDITION.caption:
        assert blocks[2] == CAPTION
    else:
        assert CAPTION is None
    assert tuple(blocks[3 if EDITION.caption else 2 :]) == PARAGRAPHS
    assert PARAGRAPHS and all(PARAGRAPHS)
    assert sorted(n for numbers in THEMED.values() for n in numbers) == list(NUMBERS)


def test_each_themed_page_names_its_article_before_the_text(built_site: Path) -> None:
    """The headline, read from the reference text, stands before the first paragraph of every themed page."""
    for name, numbers in THEMED.items():
        html = (built_site / name / "index.html").read_text(encoding="utf-8")
        context = next(e for e in parse(html).iter() if "edm-context" in e.classes)
        text = " ".join(context.text().split())
        assert f"“{TITLE}”" in text, f"/{name}/ does not name its article: {text}"
        assert ", ".join(f"¶{n}" for n in numbers) + f" of {len(PARAGRAPHS)} paragraphs" in text
        assert html.index('class="edm-context') < html.index('id="p' + str(numbers[0]) + '"')


def test_site_text_is_the_reference_text(built_site: Path) -> None:
    assert differences(built_site) == []


# -- A change is caught: each case is made from the edition's own text -----------------------------


def _fold(word: str) -> str:
    """The word without its diacritics: "détente" -> "detente"."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _word_changed(project: Path) -> list[str]:
    """A letter dropped from a word of the first themed page's first paragraph."""
    name, numbers = next(iter(THEMED.items()))
    file = f"docs/{name}.md"
    word = first_unique_word(PARAGRAPHS[numbers[0] - 1], (project / file).read_text(encoding="utf-8"))
    assert word is not None, f"no lower-case word of ¶{numbers[0]} stands once in {file}"
    change(project, file, word, word[:2] + word[3:])
    return [f"/{name}/ ¶{numbers[0]} differs", f"/article/ ¶{numbers[0]} differs"]


def _diacritic_changed(project: Path) -> list[str]:
    """A letter of the last themed page's last paragraph loses its diacritic ("détente" ->
    "detente"), or, where the paragraph has none, gains one ("against" -> "agáinst")."""
    name, numbers = list(THEMED.items())[-1]
    file = f"docs/{name}.md"
    source = (project / file).read_text(encoding="utf-8")
    paragraph = PARAGRAPHS[numbers[-1] - 1]
    word = first_unique_word(paragraph, source, accented=True)
    if word is not None:
        new = _fold(word)
    else:
        word = first_unique_word(paragraph, source)
        assert word is not None, f"no lower-case word of ¶{numbers[-1]} stands once in {file}"
        vowel = next(i for i, c in enumerate(word) if c in "aeiou")
        new = word[:vowel] + unicodedata.normalize("NFC", word[vowel] + "\u0301") + word[vowel + 1 :]
    assert new != word
    change(project, file, word, new)
    return [f"/{name}/ ¶{numbers[-1]} differs", f"/article/ ¶{numbers[-1]} differs"]


def _caption_changed(file: str, where: str):
    """The caption's last word changed, or, where the article has no caption, one added."""

    def changed(project: Path) -> list[str]:
        if CAPTION is not None:
            last = CAPTION.split()[-1]
            change(project, file, CAPTION, CAPTION.removesuffix(last) + "X" + last)
        else:
            title = "{ #title .edm-title }\n"
            added = '\n<figure class="edm-caption" markdown>\n<figcaption>A photograph</figcaption>\n</figure>\n'
            change(project, file, title, title + added)
        return [f"{where}'s caption differs"]

    return changed


@pytest.mark.parametrize(
    "changed",
    [
        pytest.param(_word_changed, id="a-word-of-the-first-theme"),
        pytest.param(_diacritic_changed, id="a-diacritic-of-the-last-theme"),
        pytest.param(_caption_changed("docs/index.md", "the overview"), id="the-overview-caption"),
        pytest.param(_caption_changed("docs/article.md", "the full article"), id="the-full-article-caption"),
    ],
)
def test_a_changed_word_is_caught(tmp_path: Path, changed) -> None:
    project = copy_project(ROOT, tmp_path / "project")
    expected = changed(project)
    found = differences(build_site(project, tmp_path / "site"))
    assert set(expected) <= set(found), found
