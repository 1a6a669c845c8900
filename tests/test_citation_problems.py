"""Citations that cannot be resolved are reported with their line and what to do; nothing is linked."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from edm_site import dates
from edm_site.citations import find_citations
from edm_site.registry import load_registry

REGISTRY = load_registry(Path(__file__).parent.parent / "hooks" / "data")
PUBLISHED = dt.date(2017, 5, 15)


@pytest.mark.parametrize(
    ("markdown", "line", "message"),
    [
        ("Text (Pravda, May 10).", 1, 'unknown outlet "Pravda": add it to'),
        ("One\n\nTwo (Izvestia,\nMay 10).", 3, 'unknown outlet "Izvestia": add it to'),
        ("Text (see EDM, May 3).", 1, "unknown EDM article of 2017-05-03: add an entry with date: 2017-05-03"),
        ("Text (RBC, February 30).", 1, '"February 30" is not a date in any year'),
        ("Text (RBC, February 30, 2017).", 1, '"February 30, 2017" does not exist'),
        ("Text (RBC, May 16, 2017).", 1, '"May 16, 2017" is after the article\'s publication date, 15 May 2017'),
        ("Text (see EDM, May 4, 2030).", 1, '"May 4, 2030" is after the article\'s publication date'),
        ("Text (RBC, May 10, 0000).", 1, '"May 10, 0" does not exist'),
        ("Text (Kommersant, MAY 10).", 1, "not in EDM's form"),
        ("Text (Kommersant, may 10).", 1, "not in EDM's form"),
        ("Text (Kommersant, Sept. 10).", 1, "not in EDM's form"),
        ("Text (see EDM, may 4).", 1, "not in EDM's form"),
        ("Text (Kommersant, 2017-05-10).", 1, "not in EDM's form"),
        ("Text (RBC, May&nbsp;14).", 1, "holds Markdown or HTML"),
        ("Text (Kommersant,\\\nMay 13).", 1, "holds Markdown or HTML"),
        ("Text (see `EDM`, May 4).", 1, "holds Markdown or HTML"),
        ("Text (RBC, Febuary 3).", 1, '"Febuary" is not a month (did you mean "February"?)'),
        ("Text (see EDM, Mya 4).", 1, '"Mya" is not a month (did you mean "May"?)'),
        ("Text (, April 31).", 1, '"April 31" is not a date in any year'),
        ("Text (Kommersant, 10 May).", 1, "names an outlet or EDM and a month but is not in EDM's form"),
        ("Text (see EDM, in May).", 1, "names an outlet or EDM and a month but is not in EDM's form"),
        ("A\n\n(Kommersant\nMay 10)", 3, "names an outlet or EDM and a month but is not in EDM's form"),
        ("(*Kommersant*, May 10)", 1, 'write the outlet name "Kommersant" without emphasis'),
    ],
)
def test_problem_is_reported(markdown: str, line: int, message: str) -> None:
    citations, problems = find_citations(markdown, REGISTRY, PUBLISHED)
    assert citations == []
    assert len(problems) == 1
    assert problems[0].line == line
    assert message in problems[0].message


def test_unknown_outlet_names_the_data_file() -> None:
    _, problems = find_citations("(Pravda, May 10)", REGISTRY, PUBLISHED)
    assert problems[0].message.endswith("outlets.yml, or correct the name")


def test_good_citations_beside_a_bad_one_are_still_found() -> None:
    citations, problems = find_citations("(Kommersant, May 10; Pravda, May 11)", REGISTRY, PUBLISHED)
    assert [c.outlet.id for c in citations if c.outlet] == ["kommersant"]
    assert [p.text for p in problems] == ["(Kommersant, May 10; Pravda, May 11)"]


@pytest.mark.parametrize(
    ("cited", "published", "expected"),
    [
        (dates.CitedDate("May", 12), dt.date(2017, 5, 15), dt.date(2017, 5, 12)),
        (dates.CitedDate("May", 15), dt.date(2017, 5, 15), dt.date(2017, 5, 15)),
        (dates.CitedDate("May", 16), dt.date(2017, 5, 15), dt.date(2016, 5, 16)),
        (dates.CitedDate("December", 20), dt.date(2017, 1, 10), dt.date(2016, 12, 20)),
        (dates.CitedDate("February", 29), dt.date(2017, 5, 15), dt.date(2016, 2, 29)),
        (dates.CitedDate("February", 29), dt.date(2016, 2, 28), dt.date(2012, 2, 29)),
        (dates.CitedDate("February", 17, 2016), dt.date(2017, 5, 15), dt.date(2016, 2, 17)),
    ],
)
def test_resolve(cited: dates.CitedDate, published: dt.date, expected: dt.date) -> None:
    assert dates.resolve(cited, published) == expected


@pytest.mark.parametrize(
    ("date", "text"),
    [(dt.date(2017, 5, 4), "4 May 2017"), (dt.date(2016, 2, 17), "17 February 2016")],
)
def test_long_form(date: dt.date, text: str) -> None:
    assert dates.long_form(date) == text


@pytest.mark.parametrize("text", ["(May 2017)", "(in May, as planned)", "(Paris, France)", "(see EDM above)"])
def test_brackets_that_are_no_citation_are_not_reported(text: str) -> None:
    assert find_citations(text, REGISTRY, PUBLISHED) == ([], [])


def test_wrapped_citation_is_reported_on_one_line() -> None:
    _, problems = find_citations("Text (Pravda,\nMay 10).", REGISTRY, PUBLISHED)
    assert problems[0].text == "(Pravda, May 10)"


def test_published_may_depend_on_the_line() -> None:
    markdown = "(RBC, May 12)\n\n(RBC, May 12)"
    citations, _ = find_citations(markdown, REGISTRY, lambda line: dt.date(2017 if line == 1 else 2016, 6, 1))
    assert [c.date.year for c in citations] == [2017, 2016]
