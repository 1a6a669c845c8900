"""The safety net: every citation-shaped bracket a reader sees is linked, or named by a warning
with its page and line.

A corpus of pages (``tests/fixtures/unlinked/``) where markdown-it-py and Python-Markdown read
differently is built with the fixture edition (``conftest.added_pages``); the rendered pages are
read back here with a checker of their own (not the hook's), and every bracket a reader sees
unlinked must be named by a warning ``page:line`` whose line holds it. Then random Markdown goes
through the same build: many pages to a build, and few builds.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import markdown as python_markdown
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import fixturesite
import htmltext
from edm_site import grammar, safety
from fixturesite import REGISTRY
from paths import ROOT
from sitebuild import BuildFailed, build_site

NAMES = tuple(name for outlet in REGISTRY.outlets for name in outlet.names)
_NOT_READ = {"edm-previews", "edm-endnotes", "edm-page-sources"}  # ours: cards, notes, the list of sources
_LINKS = {"edm-cite", "edm-xref", "edm-lost"}
_CODE = {"code", "pre", "kbd", "samp", "script", "style"}


def build_with(fixture_project: Path, pages: dict[str, str], target: Path) -> tuple[Path, list[str]]:
    """The fixture edition with ``pages`` added to docs/ (and to the navigation), built; its warnings."""
    project = fixturesite.copy_of(fixture_project, target / "project")
    fixturesite.add_pages(project, pages)
    site = target / "site"
    try:
        build_site(project, site)
    except BuildFailed as failed:
        return site, str(failed).split("\n")
    return site, []


def visible_brackets(page_html: str) -> list[str]:
    """Each citation-shaped bracket of the page that a reader sees unlinked (spaces folded)."""
    root = htmltext.parse(page_html)
    article = next(e for e in root.iter() if e.tag == "article")
    pieces: list[str] = []

    def walk(element: htmltext.Element) -> None:
        for child in element.children:
            if isinstance(child, str):
                pieces.append(child)
            elif child.classes & _LINKS:
                pieces.append("\x01")
            elif child.tag in _CODE or child.tag == "a" or child.classes & _NOT_READ or child.tag in ("p", "li", "td"):
                pieces.append("\x00")
                if not (child.tag in _CODE or child.tag == "a" or child.classes & _NOT_READ):
                    walk(child)
                pieces.append("\x00")
            else:
                walk(child)

    walk(article)
    found = []
    for bracket in re.finditer(r"\(([^()\x00\x01]*)\)", "".join(pieces)):
        inner = bracket.group(1)
        folded = " ".join(inner.split())
        parsed = "," in inner and grammar.parse_bracket(inner) is not None
        named = re.search(r"\bEDM\b|Eurasia Daily Monitor", folded, re.I) or any(
            n.casefold() in safety.reveal.plain(folded).casefold() for n in NAMES
        )
        if parsed or (named and re.search(r"\d", folded)):
            found.append(" ".join(bracket.group(0).split()))
    return found


def named_by_warning(page: str, bracket: str, source: str, warnings: list[str]) -> bool:
    """Whether a warning names ``page:line`` where ``line`` of ``source`` holds the bracket's words."""
    words = re.findall(r"[^\W_]+", bracket)
    lines = source.split("\n")
    for warning in warnings:
        match = re.search(rf"\b{re.escape(page)}:(\d+)", warning)
        if match is None or not 0 < int(match.group(1)) <= len(lines):
            continue
        line = int(match.group(1))
        near = " ".join(lines[line - 1 : line + 2])  # a bracket may wrap onto the next lines
        if all(word in near or word in safety.reveal.plain(near) for word in words[:3]):
            return True
    return False


def unaccounted(site: Path, pages: dict[str, str], warnings: list[str]) -> list[str]:
    missing = []
    for name, source in pages.items():
        page_html = (site / name.removesuffix(".md") / "index.html").read_text(encoding="utf-8")
        for bracket in visible_brackets(page_html):
            if not named_by_warning(name, bracket, source, warnings):
                missing.append(f"{name}: {bracket}")
        if re.search(r"\{ ?#cite-\d+", htmltext.parse(page_html).text()) and not any(
            name in w and "link Markdown" in w for w in warnings
        ):
            missing.append(f"{name}: link Markdown visible, not reported")
    return missing


@pytest.fixture(scope="module")
def corpus(added_pages) -> tuple[Path, dict[str, str], list[str]]:
    """The corpus as built (with a page of the scale test beside it, which has no problem)."""
    site, pages, warnings = added_pages
    return site, {name: text for name, text in pages.items() if name != fixturesite.MANY}, warnings


def test_every_visible_citation_of_the_corpus_is_linked_or_reported(corpus) -> None:
    site, pages, warnings = corpus
    assert unaccounted(site, pages, warnings) == []


@pytest.mark.parametrize(
    ("page", "line", "words"),
    [
        ("tables.md", 5, "after a code span holding a pipe"),
        ("titles.md", 12, "mark the element markdown (<summary markdown>)"),
        ("html.md", 3, "mark the element markdown (<div markdown>)"),
        ("html.md", 5, "mark the element markdown (<p markdown>)"),
        ("html.md", 7, "mark the element markdown (<video markdown>)"),
        ("html.md", 14, "the HTML element <div> opened on line 13 is never closed"),
        ("html.md", 17, "the HTML element <div> opened on line 13 is never closed"),
        ("near-misses.md", 3, "a space is missing between the month and the day"),
        ("near-misses.md", 5, "the date is in digits"),
        ("near-misses.md", 5, "the month is not in English"),
        ("near-misses.md", 5, "without an ordinal suffix"),
        ("near-misses.md", 7, "(see EDM, Month Day)"),
        ("near-misses.md", 9, 'did you mean "Kommersant"'),
        ("near-misses.md", 9, "U+043E CYRILLIC SMALL LETTER O"),
    ],
)
def test_each_case_of_the_corpus_is_named_on_its_line(corpus, page: str, line: int, words: str) -> None:
    _, pages, warnings = corpus
    here = [w for w in warnings if re.search(rf"\b{re.escape(page)}:{line}\b", w)]
    text = pages[page].split("\n")[line - 1]
    assert any(words in w or words in text for w in here), (here, text)


@pytest.mark.parametrize(
    ("page", "words"),
    [
        ("lists.md", "continued at 6 spaces"),  # under "- ": CommonMark's code, Python-Markdown's text
        ("lists.md", "continued at 7 spaces"),  # under "1. "
        ("lists.md", "1) a list CommonMark starts with a bracket"),  # "1)" is no list to Python-Markdown
        ("titles.md", "Per Kommersant"),  # an admonition's title is rendered as Markdown
        ("titles.md", "Details title"),  # so is a details' title
        ("abbreviations.md", "The KMS said so"),  # linked in its paragraph, not in the definition
    ],
)
def test_where_the_parsers_differed_the_citation_is_now_linked(corpus, page: str, words: str) -> None:
    site, _, warnings = corpus
    assert not [w for w in warnings if page in w and words in w]
    root = htmltext.parse((site / page.removesuffix(".md") / "index.html").read_text(encoding="utf-8"))
    [element] = [e for e in root.iter() if e.tag in ("p", "summary") and e.text().startswith(words)]
    assert [a for a in element.iter() if a.tag == "a" and a.classes & _LINKS]


@pytest.mark.parametrize(
    ("page", "words"),
    [
        ("lists.md", "eight spaces under a hundred"),  # code to Python-Markdown: neither linked nor leaked
        ("abbreviations.md", "Kommersant (Kommersant, May 10)"),  # an abbreviation's title: no link Markdown in it
    ],
)
def test_what_python_markdown_does_not_render_as_prose_is_left_alone(corpus, page: str, words: str) -> None:
    site, _, warnings = corpus
    page_html = (site / page.removesuffix(".md") / "index.html").read_text(encoding="utf-8")
    assert words in page_html
    assert not re.search(r"\{ ?#cite-", page_html)  # in the text or in an attribute
    assert not [w for w in warnings if page in w]


def test_prose_the_two_parsers_agree_on_is_linked_and_not_reported(corpus) -> None:
    site, _, warnings = corpus
    assert not [w for w in warnings if "prose.md" in w]
    page_html = (site / "prose" / "index.html").read_text(encoding="utf-8")
    assert page_html.count('class="edm-cite') == 5


def test_no_message_names_a_path_of_this_machine(corpus) -> None:
    site, _, warnings = corpus
    assert warnings
    assert not [w for w in warnings if str(ROOT) in w or str(site.parent) in w]


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>Text (Kommersant, May 10).</p>", ["(Kommersant, May 10)"]),
        ('<p>Text (<a class="edm-cite" href="x">Kommersant</a>, May 10).</p>', []),
        ('<p>(<a class="edm-lost ours" href="x">name lost</a>, May 11)</p>', []),
        ("<p>Text <code>(Kommersant, May 10)</code>.</p>", []),
        ('<p><a href="https://x.org/">(Kommersant, May 10)</a></p>', []),
        ('<section class="edm-previews ours"><p>(Kommersant, May 10)</p></section>', []),
        ('<div class="edm-endnotes ours"><p>(Kommersant, May 10)</p></div>', []),
        ("<p>(Kommersant</p><p>May 10)</p>", []),
        ("<p>(May 2017) (see above) (Paris, France)</p>", []),
        ("<p>(Kommersant, May10)</p>", ["(Kommersant, May10)"]),
    ],
)
def test_findings(html: str, expected: list[str]) -> None:
    assert [f.text for f in safety.findings(html, REGISTRY)] == expected


def test_a_leak_is_found_through_the_tags_it_holds() -> None:
    html = (
        '<video>vid ([Kommersant<span class="edm-mark ours"></span>](sources.md#kommersant)'
        '{ #cite-4 .edm-cite data-note="4" }, May 10)</video>'
    )
    [finding] = safety.findings(html, REGISTRY)
    assert finding.text == "(Kommersant, May 10)"
    assert finding.number == 4
    assert "raw HTML <video>" in finding.message
    assert "[Kommersant](sources.md#kommersant){ #cite-4 … }" in finding.message


# Random Markdown through the real build: pages of fragments, many pages a build, few builds.
FRAGMENTS = [
    "(", ")", ",", ";", " ", "\n", "\n\n", "    ", "      ", "`", "```\n", "> ", "- ", "1. ", "1) ", "100. ",
    "| a | b |\n|---|---|\n| ", " | ", "[", "]", "](https://x.org/)", "<div>", "</div>\n", "<div markdown>\n",
    "<video>", "</video>", "<!-- c -->", '!!! note "T (RBC, May 3)"\n\n    ', '??? note "D"\n\n    ',
    "*[KMS]: Kommersant (RBC, May 4)\n", "KMS", "[^1]", "\n\n[^1]: ", "*", "_", "\\", "Kommersant", "RBC", "May",
    " 10", "see EDM", "(Kommersant, May 10)", "(, May 11)", "(see EDM, May 4)", "(RBC,\nMay 12)", "(Kommersant, May10)",
    "(See EDM, May 4)", "<details markdown>\n<summary>S (RBC, May 5)</summary>\n\nX\n</details>\n", "word ",
]  # fmt: skip
page_text = st.lists(st.sampled_from(FRAGMENTS), max_size=40).map(lambda parts: "# Random\n\n" + "".join(parts))


def rendered_text(page_html: str) -> str:
    """The words of a page's article, ours left out (marks, cards, notes, the list of sources)."""
    root = htmltext.parse(page_html)
    article = next((e for e in root.iter() if e.tag == "article"), root)
    return " ".join(article.text(skip=("ours", "headerlink", "md-content__button")).split())


def plain_text(markdown_text: str) -> str:
    """The same Markdown rendered by Python-Markdown with the site's extensions, and no hooks."""
    rendered = python_markdown.markdown(
        markdown_text,
        extensions=["abbr", "admonition", "attr_list", "footnotes", "md_in_html", "tables", "toc",
                    "pymdownx.details", "pymdownx.superfences", "pymdownx.tabbed"],
        extension_configs={"toc": {"permalink": "#"}, "pymdownx.tabbed": {"alternate_style": True}},
    )  # fmt: skip
    return rendered_text(f"<article>{rendered}</article>")


SAFE_FRAGMENTS = [f for f in FRAGMENTS if "<" not in f]  # balanced raw HTML is the corpus's part
prose_text = st.lists(st.sampled_from(SAFE_FRAGMENTS), max_size=40).map(lambda parts: "# Random\n\n" + "".join(parts))


# Each example is a whole build (about a second, most of it the same whatever the pages): so two
# examples of 36 pages each, and no shrinking, which would take minutes. Of each build's pages, 24
# are of any fragment, whose every visible citation must be linked or reported; 12 are of prose
# (no raw HTML), whose words must read as Python-Markdown alone renders them.
@settings(
    max_examples=2,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.lists(page_text, min_size=24, max_size=24), st.lists(prose_text, min_size=12, max_size=12))
def test_random_markdown_through_the_real_build(
    fixture_project: Path, tmp_path_factory: pytest.TempPathFactory, texts: list[str], prose: list[str]
) -> None:
    target = tmp_path_factory.mktemp("random")
    pages = {f"random-{index}.md": text for index, text in enumerate(texts)}
    words = {f"words-{index}.md": text for index, text in enumerate(prose)}
    site, warnings = build_with(fixture_project, pages | words, target)  # a traceback fails the test here
    try:
        assert not [w for w in warnings if "Traceback" in w or "Error" in w.split(":")[0]]
        assert unaccounted(site, pages | words, warnings) == []
        # The article's words outside citations are unchanged: a page reads as Python-Markdown alone
        # renders it, but for the links (whose words stay) and what is ours.
        for name, text in words.items():
            if any(name in w for w in warnings):
                continue  # a page with a problem is not published: the build stops
            page_html = (site / name.removesuffix(".md") / "index.html").read_text(encoding="utf-8")
            assert rendered_text(page_html) == plain_text(text), name
    finally:
        shutil.rmtree(target, ignore_errors=True)


def test_a_problem_the_reading_reported_is_not_reported_again_on_the_full_article(broken_build) -> None:
    """The fixture edition with "(Komersant, May 10)" in a paragraph of talks.md, which the full
    article holds too: one warning, on the page where it is written."""
    lines, failure = broken_build
    warnings = [w for w in failure.split("\n") if "Komersant" in w]
    assert warnings == [w for w in warnings if w.startswith(f"talks.md:{lines['unknown outlet']}: ")]
    assert len(warnings) == 1
