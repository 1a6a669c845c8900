"""Citations that cannot be resolved are reported with their line and what to do; nothing is linked.

On the fixture data (``tests/fixtures/data/``); the real build that shows the messages is in ``test_site``.
"""

from __future__ import annotations

import datetime as dt

import pytest

from edm_site import dates
from edm_site.citations import find_citations
from fixturesite import PUBLISHED, REGISTRY
from paths import ROOT


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
        ("Text (Kommersant, 10 May).", 1, "names an outlet or EDM and a date but is not in EDM's form"),
        ("Text (see EDM, in May).", 1, "names an outlet or EDM and a date but is not in EDM's form"),
        ("A\n\n(Kommersant\nMay 10)", 3, "names an outlet or EDM and a date but is not in EDM's form"),
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


# Near misses: a known outlet (or EDM) and a date in a form the grammar does not take. Before
# issue 11 each of these was silent (no citation, no problem) or told to add "See EDM" to outlets.yml.
@pytest.mark.parametrize(
    ("markdown", "message"),
    [
        ("Text (Kommersant, May10).", "a space is missing between the month and the day"),
        ("Text (Kommersant,May10).", "a space is missing between the month and the day"),
        ("Text (Kommersant, 10/05/2017).", "the date is in digits: write the month's name"),
        ("Text (Kommersant, 10.05.2017).", "the date is in digits"),
        ("Text (Kommersant, 10 мая).", "the month is not in English"),
        ("Text (Kommersant, 10 mai 2017).", "the month is not in English"),
        ("Text (Kommersant, May 10th).", "without an ordinal suffix"),
        ("Text (Kommersant, 10th of May).", "without an ordinal suffix"),
        ("Text (RBC, Sept 3).", 'did you mean "September"?'),
        ("Text (see EDM May 4).", "an EDM cross-reference is written (see EDM, Month Day)"),
        ("Text (See EDM, May 4).", "an EDM cross-reference is written (see EDM, Month Day)"),
        ("Text (EDM, May 4).", "an EDM cross-reference is written (see EDM, Month Day)"),
        ("Text (see Eurasia Daily Monitor, May 4).", "an EDM cross-reference is written (see EDM, Month Day)"),
        ("Text (kommersant, May 10).", 'unknown outlet "kommersant": did you mean "Kommersant"?'),
        ("Text (KOMMERSANT, May 10).", 'did you mean "Kommersant"?'),
        ("Text (kommersant, 10 May).", "not in EDM's form"),
    ],
)
def test_near_miss_is_reported_with_its_hint(markdown: str, message: str) -> None:
    citations, problems = find_citations(markdown, REGISTRY, PUBLISHED)
    assert citations == []
    assert [p.line for p in problems] == [1]
    assert message in problems[0].message
    assert "add it to" not in problems[0].message


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("K\u043emmersant", '"K\\u043emmersant" (U+043E CYRILLIC SMALL LETTER O): did you mean "Kommersant"?'),
        ("Kom\u200bmersant", '"Kom\\u200bmersant" (U+200B ZERO WIDTH SPACE): did you mean "Kommersant"?'),
        ("Kom\u00admersant", '"Kom\\u00admersant" (U+00AD SOFT HYPHEN): did you mean "Kommersant"?'),
        ("RB\u0421", '"RB\\u0421" (U+0421 CYRILLIC CAPITAL LETTER ES): did you mean "RBC"?'),
        ("Kommersant\u202e", '"Kommersant\\u202e" (U+202E RIGHT-TO-LEFT OVERRIDE): did you mean "Kommersant"?'),
        ("Pravda\u0306", '"Pravda\\u0306" (U+0306 COMBINING BREVE): add it to tests/fixtures/data/outlets.yml'),
    ],
)
def test_what_the_eye_cannot_see_is_shown_as_code_points(name: str, shown: str) -> None:
    _, problems = find_citations(f"Text ({name}, May 10).", REGISTRY, PUBLISHED)
    assert len(problems) == 1
    assert problems[0].message.startswith(f"unknown outlet {shown}")
    assert "\\u" in problems[0].text  # the bracket itself shows them too


def test_paths_in_messages_are_the_projects() -> None:
    _, problems = find_citations("(Pravda, May 10) (see EDM, May 3)", REGISTRY, PUBLISHED)
    assert [p.message.split(" to ")[1].split()[0] for p in problems] == [
        "tests/fixtures/data/outlets.yml,",
        "tests/fixtures/data/edm-articles.yml",
    ]
    assert not any(str(ROOT) in p.message for p in problems)


def test_a_long_bracket_is_cut_in_messages() -> None:
    _, problems = find_citations(f"(Kommersant, {'word ' * 2000}May 10)", REGISTRY, PUBLISHED)
    assert len(problems) == 1
    assert len(problems[0].text) < 400
    assert problems[0].text.endswith("characters)")
