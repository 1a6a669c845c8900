"""The hooks' block parser reads Markdown exactly as markdown-it-py's stock parser does: its
paragraph rule only skips asking the other rules about lines that none of them can start."""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

from bench_corpus import load_vocabulary, write_page
from edm_site import blocks
from fixturesite import DATA, PUBLISHED, SITE
from paths import FIXTURES

PROSE_DISABLED = ("emphasis", "strikethrough", "newline", "balance_pairs", "fragments_join", "lheading", "text_join")


@cache
def stock(*disabled: str) -> MarkdownIt:
    md = MarkdownIt("commonmark").enable("table").use(footnote_plugin, inline=False, move_to_end=False)
    return md.disable(["inline", *disabled], ignoreInvalid=True)


def tokens(md: MarkdownIt, text: str) -> list[tuple]:
    return [(t.type, t.tag, t.nesting, t.level, t.map, t.content, t.markup, t.info, t.hidden) for t in md.parse(text)]


@cache
def ours(*disabled: str) -> MarkdownIt:
    return blocks.parser(*disabled)


def same_reading(text: str) -> None:
    for disabled in ((), PROSE_DISABLED):
        assert tokens(ours(*disabled), text) == tokens(stock(*disabled), text)


def test_the_fast_paragraph_rule_is_in_place() -> None:
    """If markdown-it-py gained a rule that may interrupt a paragraph, the parser would quietly fall
    back to its own rule: this says so."""
    for md in (blocks.parser(), blocks.parser(*PROSE_DISABLED), blocks.shared()):
        rule = next(r for r in md.block.ruler.__rules__ if r.name == "paragraph")
        assert rule.fn.__module__ == blocks.__name__


# The fixture edition's pages, and every Markdown fixture of the tests.
PAGES = [
    *sorted((SITE / "docs").rglob("*.md")),
    *sorted(FIXTURES.glob("*.md")),
    *sorted(FIXTURES.glob("unlinked/*.md")),
]


@pytest.mark.parametrize("path", PAGES, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_pages_read_the_same(path) -> None:
    same_reading(path.read_text(encoding="utf-8"))


def test_benchmark_pages_read_the_same() -> None:
    vocabulary = load_vocabulary(DATA, PUBLISHED)
    for number in range(1, 21):
        same_reading(write_page(number, vocabulary, 30, seed=7)[0])


# Lines that start, or nearly start, every block a paragraph may meet, in every indentation.
LINE_STARTS = [
    "", "text", "(Kommersant, May 10)", "a | b", "| a | b |", "|---|---|", "--|--", ":-:|", "---", "***", "___",
    "* * *", "- item", "* item", "+ item", "-", "1. one", "2. two", "1) one", "10. ten", "> quote", ">", "# Head",
    "#no", "###### h6", "####### h7", "```", "```py", "~~~", "``", "<div>", "</div>", "<!-- edm:para 1 -->",
    "<p markdown>", "<b>bold</b>", "<", "===", "!!! note", "    code", "\tcode", "  two", "   three", "=", "[x]: /y",
    "\\|", "é", "\u00a0nbsp", "[^1]: note", "[^1]:", "[^a b]: no", "[^]: no",
]  # fmt: skip
INDENTS = ["", " ", "  ", "   ", "    ", "\t", "> ", "- ", "1. "]

markdown_lines = st.lists(
    st.tuples(st.sampled_from(INDENTS), st.sampled_from(LINE_STARTS), st.sampled_from(["", " words", " | c"])).map(
        "".join
    ),
    max_size=25,
).map("\n".join)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markdown_lines)
def test_any_markdown_reads_the_same(text: str) -> None:
    same_reading(text)


def test_every_line_after_a_paragraph_reads_the_same() -> None:
    """Each line start above, in each indentation, as the line after a paragraph (and after a
    paragraph in a list and in a quote), with and without what may follow it."""
    for indent in INDENTS:
        for start in LINE_STARTS:
            for rest in ("", " words", " | c"):
                for before in ("A paragraph", "- A list item", "> A quote"):
                    same_reading(f"{before}\n{indent}{start}{rest}\n|---|---|\nafter")
                    same_reading(f"{before}\n{indent}{start}{rest}\n\nafter")
