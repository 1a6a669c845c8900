"""Several outlets sharing one date, ``(Syrian Arab News Agency, Sputnik News, February 6)``: each
outlet linked as written, with a citation of its own (its link, preview card, index entry, endnote
and count), or, if any part is unknown, the whole bracket reported and nothing in it linked.

On the fixture data (``tests/fixtures/data/``); the fixture edition's build, whose article cites
two outlets sharing a date, checks the wiring.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import markdown as python_markdown
import pytest
from markdown_it.utils import read_fixture_file

import builtpages
from edm_site import grammar, index, previews, safety, sourcing, templates
from edm_site.citations import Citation, find_citations, rewrite
from edm_site.links import md_link
from fixturesite import ARTICLE, PUBLISHED, REGISTRY, cited_on_site
from htmltext import by_id
from paths import FIXTURES, TEMPLATES
from plain_reading import cited
from test_citation_grammar import notation

CASES = read_fixture_file(FIXTURES / "citations-shared-date.md")


@pytest.mark.parametrize(("line", "title", "markdown", "expected"), CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_rewrite(line: int, title: str, markdown: str, expected: str) -> None:
    citations, problems = find_citations(markdown, REGISTRY, PUBLISHED)
    assert problems == []
    assert rewrite(markdown, citations, notation) == expected


def test_each_outlet_is_a_ref_of_its_own_that_knows_it_shares_its_date() -> None:
    inner = "Syrian Arab News Agency, Sputnik News, February 6"
    refs = grammar.parse_bracket(inner)
    assert [(r.outlet, inner[r.outlet_span.start : r.outlet_span.end], r.sharing) for r in refs] == [
        ("Syrian Arab News Agency", "Syrian Arab News Agency", 2),
        ("Sputnik News", "Sputnik News", 2),
    ]
    assert {inner[r.date_span.start : r.date_span.end] for r in refs} == {"February 6"}
    single = grammar.parse_bracket("Kommersant, May 6")
    assert [(r.outlet, r.sharing) for r in single] == [("Kommersant", 1)]


@pytest.mark.parametrize(
    ("markdown", "linked", "messages"),
    [
        (
            "Text (Kommersant, Moscow, May 6).",
            [],
            [
                'unknown outlet "Moscow": add it to tests/fixtures/data/outlets.yml, or correct the name; '
                "the 2 outlets sharing the date May 6 are linked all together or not at all, so none of them is linked"
            ],
        ),
        ("Text (Moscow, Kommersant, May 6).", [], ['unknown outlet "Moscow"']),
        ("Text (Kommersant, , May 6).", [], ["an outlet's name is missing between commas, so none of the outlets"]),
        ("Text (, Kommersant, May 6).", [], ["an outlet's name is missing between commas"]),
        (
            "Text (Kommersant, RBC, February 30).",
            [],
            ['"February 30" is not a date in any year: correct the date; the 2'],
        ),
        ("Text (kommersant, RBC, May 6).", [], ['unknown outlet "kommersant": did you mean "Kommersant"?']),
        ("Text (Kommersant, see EDM, May 4).", [], ['unknown outlet "see EDM": an EDM cross-reference is written']),
        ("Text (*Kommersant*, RBC, May 6).", [], ['write the outlet name "Kommersant" without emphasis']),
        ("Text (Kommersant, Moscow, May 6; RBC, May 7).", ["rbc"], ['unknown outlet "Moscow"']),
        ("Text (Kommersant, RBC, May 6; Pravda, May 7).", ["kommersant", "rbc"], ['unknown outlet "Pravda"']),
        (
            "Text (Kommersant, May 10, May 11).",
            [],
            ["not in EDM's form: write (Outlet, Month Day), (Outlet, Month Day, Year), (Outlet, Outlet, Month Day)"],
        ),
        ("Text (Kommersant, RBC, 10 May).", [], ["names an outlet or EDM and a date but is not in EDM's form"]),
        ("Text (Kommersant, RBC, May10).", [], ["a space is missing between the month and the day"]),
    ],
)
def test_a_bracket_with_a_part_that_is_no_known_outlet_is_reported_and_none_of_its_outlets_linked(
    markdown: str, linked: list[str], messages: list[str]
) -> None:
    citations, problems = find_citations(markdown, REGISTRY, PUBLISHED)
    assert [c.outlet.id for c in citations] == linked
    assert len(problems) == len(messages), [p.message for p in problems]
    for problem, message in zip(problems, messages, strict=True):
        assert problem.line == 1
        assert problem.text == markdown[markdown.index("(") : markdown.rindex(")") + 1]
        assert message in problem.message


def test_the_same_problem_of_the_shared_date_is_said_once() -> None:
    _, problems = find_citations("(Kommersant, RBC, Sputnik News, April 31)", REGISTRY, PUBLISHED)
    assert len(problems) == 1
    assert "the 3 outlets sharing the date April 31" in problems[0].message


def _cited(markdown: str) -> list[Citation]:
    citations, problems = find_citations(markdown, REGISTRY, PUBLISHED)
    assert problems == []
    return citations


def test_each_outlet_is_indexed_counted_and_previewed_on_its_own() -> None:
    citations = _cited("Text (Syrian Arab News Agency, Sputnik News, February 6) and (Kommersant, RBC, May 12).")
    site = index.SiteIndex(tuple(index.places_on_page("page.md", "Page", citations, [])))
    groups = {group.key: group.count for group in site.outlets(REGISTRY)}
    assert groups == {"kommersant": 1, "rbc": 1, "syrian-arab-news-agency": 1, "sputnik-news": 1}
    assert [c.id for c in citations] == ["cite-1", "cite-2", "cite-3", "cite-4"]
    assert len({previews.card_id(c) for c in citations}) == 4
    counted = sourcing.profile(site.places)
    assert (counted.citations, counted.outlets) == (4, 4)
    shares = {share.category: share.count for share in counted.shares}
    assert shares == {"state-owned": 0, "private": 2, "independent": 0, "unknown": 2}
    days = {
        day.date: [places[0].citation.outlet.id for places in day.sources]
        for day in sourcing.chronology(site.places, ())
    }
    assert days == {
        dt.date(2017, 2, 6): ["syrian-arab-news-agency", "sputnik-news"],
        dt.date(2017, 5, 12): ["kommersant", "rbc"],
    }
    env = templates.environment(TEMPLATES)
    notes = env.get_template("endnotes.md.j2").render(citations=citations)
    assert "Syrian Arab News Agency (ownership not known), 6 February 2017." in notes
    assert "Sputnik News (ownership not known), 6 February 2017." in notes
    assert "Kommersant (private), 12 May 2017." in notes


def _rendered(markdown: str) -> str:
    """The page as the hooks give it to Python-Markdown: each citation a link of class edm-cite."""
    citations, _ = find_citations(markdown, REGISTRY, PUBLISHED)
    linked = rewrite(markdown, citations, lambda c, text: md_link(text, f"sources.md#{c.entry}", classes=("edm-cite",)))
    return python_markdown.markdown(linked, extensions=["attr_list"])


def test_the_safety_net_counts_outlets_sharing_a_date_as_linked() -> None:
    page = _rendered(
        "Reported (Syrian Arab News Agency, Sputnik News, February 6) and (RBC, May 11; Kommersant, May 12)."
    )
    assert page.count('class="edm-cite"') == 4
    assert safety.findings(page, REGISTRY) == []


def test_the_safety_net_reports_a_bracket_of_outlets_left_unlinked() -> None:
    page = _rendered("Text (Kommersant, Moscow, May 6).")
    assert "edm-cite" not in page
    found = safety.findings(page, REGISTRY)
    assert [(f.text, f.message.split(":")[0]) for f in found] == [
        ("(Kommersant, Moscow, May 6)", "is shown to the reader but not linked")
    ]


# --- The wiring: the fixture edition's build ------------------------------------------------------

SHARED = "(Syrian Arab News Agency, Sputnik News, February 6)"


def test_the_real_build_links_each_outlet_and_reports_an_unknown_one(fixture_site: Path, broken_build) -> None:
    [number] = [n for n, text in enumerate(ARTICLE.paragraphs, start=1) if SHARED in text]
    root = builtpages.page(fixture_site, "region")
    paragraph = by_id(root, f"p{number}").parent
    links = [e for e in paragraph.iter() if e.tag == "a" and "edm-cite" in e.classes]
    shared = [link for link in links if link.text(skip=("ours",)) in ("Syrian Arab News Agency", "Sputnik News")]
    assert [builtpages.words(e, skip=("ours",)) for e in shared] == ["Syrian Arab News Agency", "Sputnik News"]
    assert len({e.attrs["id"] for e in links}) == len(links)
    for link in links:
        assert by_id(root, link.attrs["data-edm-preview"]) is not None
    marks = [next(m for m in link.iter() if "edm-mark" in m.classes) for link in shared]
    assert [m.attrs["aria-label"] for m in marks] == ["outlet of unknown ownership", "outlet of unknown ownership"]
    assert paragraph.article_text() == ARTICLE.paragraphs[number - 1]  # the words as written, commas outside the links
    sources = builtpages.page(fixture_site, "sources")
    entry = by_id(sources, "syrian-arab-news-agency")
    assert entry is not None and entry.tag == "h2"
    assert "Ownership: not known (from the profile above)" in " ".join(sources.text().split())
    key = by_id(sources, "key")
    assert any("edm-mark--unknown" in e.classes for e in key.iter())
    assert "? ownership not known" not in key.text()  # the letter is drawn by CSS, the words follow the mark
    assert "ownership not known" in key.text()
    rows = [" ".join(row.text().split()) for row in sources.iter() if row.tag == "tr"]
    total = cited(cited_on_site()).citations
    assert [row for row in rows if row.startswith("Ownership not known")] == [
        f"Ownership not known 2 {round(200 / total)}%"
    ]
    assert any("edm-chart__row--unknown" in e.classes for e in sources.iter())

    lines, failure = broken_build  # the fixture with "(Syrian Arab News Agency, Moscow, February 6)"
    assert (
        f"region.md:{lines['unknown outlet sharing a date']}: citation (Syrian Arab News Agency, Moscow, February 6): "
        'unknown outlet "Moscow": add it to hooks/data/outlets.yml, or correct the name; the 2 outlets sharing '
        "the date February 6 are linked all together or not at all"
    ) in failure
