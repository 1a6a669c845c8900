"""What we say about the article agrees with it: every glossary entry is an abbreviation the article
uses, and our prose names the number of paragraphs it has. Either disagreement is a warning with
its file and line (so ``--strict`` stops the build), and what to do.

Pure functions on the fixture data (``tests/fixtures/data/``); the fixture edition's build for the wiring.
"""

from __future__ import annotations

import pytest

from edm_site.glossary import load_glossary, unused
from edm_site.paragraph_counts import miscounts
from edm_site.reading import PageSource, read_site
from edm_site.sitedata import SiteData
from fixturesite import DATA, GLOSSARY_FILE, NUMBERS, PUBLISHED, REGISTRY
from paths import TEMPLATES

GLOSSARY = load_glossary(GLOSSARY_FILE)  # EDM, NATO, US


@pytest.mark.parametrize(
    ("texts", "unused_ones"),
    [
        ({1: "Zones (see EDM, May 4) and the US."}, ["NATO"]),
        ({1: "Zones (see EDM, May 4).", 2: "NATO and the US."}, []),
        ({1: "Zones (see EDM, May 4) and us."}, ["NATO", "US"]),  # in another case it is no use of US
        ({1: "EDMs and NATO’s plans, US-made."}, ["EDM"]),  # "NATO’s" and "US-made" use them; "EDMs" does not
        ({}, []),  # no article, nothing to compare with
    ],
)
def test_a_glossary_entry_the_article_never_uses_is_named(texts: dict[int, str], unused_ones: list[str]) -> None:
    found = unused(GLOSSARY, texts)
    assert [message.split("*[")[1].split("]")[0] for message in found] == unused_ones


def test_the_message_names_the_file_the_line_and_what_to_do() -> None:
    (message,) = unused(GLOSSARY, {1: "(see EDM, May 4) and the US."})
    assert message == (
        "tests/fixtures/data/abbreviations.md:2: *[NATO]: the glossary explains an abbreviation the article's "
        "paragraphs never use: remove the entry, or write the abbreviation exactly as the article does (letter case "
        "included)"
    )


@pytest.mark.parametrize(
    ("text", "paragraphs", "found"),
    [
        ("The seven paragraphs in order.", 7, []),
        ("The seven paragraphs in order.", 5, [(1, "seven paragraphs", 7)]),
        ("Its 7 paragraphs.", 5, [(1, "7 paragraphs", 7)]),
        ("A\n\nThe Seven\nparagraphs, grouped.", 5, [(3, "Seven paragraphs", 7)]),
        ("Title, caption and seven body paragraphs.", 5, [(1, "seven body paragraphs", 7)]),
        ("Twenty paragraphs; 12 paragraphs.", 12, [(1, "Twenty paragraphs", 20)]),
        # Other numbers are no count of paragraphs: pilcrows, volumes, other nouns, a word before.
        ("¶1 to ¶7, Volume 99, Issue 12, four arenas, two zones.", 5, []),
        ("A seven-paragraph article; seventy paragraphs; 12345 paragraphs; eight-paragraphs.", 5, []),
        ("Every paragraph, and the paragraphs of the article.", 5, []),
        ("The seven paragraphs.", 0, []),  # no article: nothing to compare with
    ],
)
def test_a_count_of_paragraphs_the_article_does_not_have_is_named(
    text: str, paragraphs: int, found: list[tuple[int, str, int]]
) -> None:
    results = list(miscounts(text, paragraphs))
    assert [(line, message.split("”")[0].lstrip("“")) for line, message in results] == [(n, w) for n, w, _ in found]
    for (_, message), (_, _, count) in zip(results, found, strict=True):
        assert message.endswith(
            f"the article has {paragraphs} paragraphs (¶1 to ¶{paragraphs}), not {count}: correct the number, "
            "or name the paragraphs meant by number (¶3 and ¶4)"
        )


def test_the_lines_skipped_are_not_read() -> None:
    assert [line for line, _ in miscounts("Two paragraphs\nthree paragraphs", 5, [range(1, 2)])] == [2]


THEMED = """\
---
title: Theme
description: Its four paragraphs, in our words.
---

# Theme

<p class="ours edm-note" markdown>The three paragraphs of the article, one here.</p>

<!-- edm:para 1 -->
The article's own words may say "five paragraphs" (see EDM, May 4) and the US; they are not ours.

<!-- edm:para 2 -->
More of the article.
"""


def test_the_reading_reports_both_on_fixture_pages() -> None:
    data = SiteData(REGISTRY, (), (), GLOSSARY, PUBLISHED, DATA)
    reading = read_site([PageSource("theme.md", "Theme", THEMED)], data, TEMPLATES)
    assert [p for p in reading.problems if "paragraphs" in p] == [
        "tests/fixtures/data/abbreviations.md:2: *[NATO]: the glossary explains an abbreviation the article's "
        "paragraphs never use: remove the entry, or write the abbreviation exactly as the article does (letter case "
        "included)",
        "theme.md:3: “four paragraphs”: the article has 2 paragraphs (¶1 to ¶2), not 4: correct the number, or "
        "name the paragraphs meant by number (¶3 and ¶4)",
        "theme.md:8: “three paragraphs”: the article has 2 paragraphs (¶1 to ¶2), not 3: correct the number, or "
        "name the paragraphs meant by number (¶3 and ¶4)",
    ]


def test_the_build_reports_a_miscount_and_an_unused_abbreviation(broken_build) -> None:
    """The fixture edition, whose glossary and prose agree with its article (its strict build passes),
    with "The five paragraphs" on article.md and *[G20] added to the glossary."""
    lines, failure = broken_build
    assert (
        f"article.md:{lines['miscount']}: “five paragraphs”: the article has {len(NUMBERS)} paragraphs "
        f"(¶1 to ¶{len(NUMBERS)}), not 5: correct the "
    ) in failure
    assert f"\nincludes/abbreviations.md:{lines['unused abbreviation']}: *[G20]: " in f"\n{failure}"
